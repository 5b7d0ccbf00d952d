import Foundation
import NewsIngest

/// A file inside a ZIP archive, which the scan walks as the folder it packs: `news.zip/2024/story.html`
/// is indexed, named and kept up to date as `news/2024/story.html` would be, unpacked.
struct ArchivedFile: Sendable {
    var archive: String
    var member: ZipMember

    /// What is read of a web-archive collection (WACZ): its web archives, not its page lists and indexes.
    static func isCollection(_ archive: String) -> Bool { (archive as NSString).pathExtension.lowercased() == "wacz" }
}

extension ScannedFile {
    /// Its bytes (a member's expanded), or why they cannot be had; a problem beside bytes spoilt only
    /// their end, and is noted on the articles read from them.
    func contents(fileSystem: some FileSystem, limit: Int) -> (data: Data?, problem: String?) {
        guard let archived else { return (fileSystem.contents(of: path), nil) }
        let (data, problem) = archived.member.contents(in: archived.archive, limit: limit)
        return (data, problem?.description)
    }
}

extension FileScanner {
    /// The files in the archive at `path`, found as a walk finds a folder's: hidden files and folders,
    /// macOS's `__MACOSX` forks, links, README/LICENSE files and saved pages' resources left out, each
    /// path the archive's and the member's name. An archive that cannot be listed is named, and the
    /// articles indexed from it are kept.
    static func archiveMembers(_ path: String, root: String, mtime: Double, into result: inout ScanResult) {
        let archive: ZipArchive
        do {
            archive = try ZipArchive(path: path)
        } catch {
            result.unreadableArchives.append(SkippedRecord(location: path, reason: error.description))
            return
        }
        var files: [(name: String, member: ZipMember)] = []
        var otherThanArchives = 0
        for member in archive.members where !member.isFolder && !member.isLink {
            // Old Windows tools wrote `\` between folders, against the format's rule.
            let parts = member.name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).filter { $0 != "." && $0 != ".." }
            guard let last = parts.last, !parts.contains(where: { $0.hasPrefix(".") || $0 == "__MACOSX" }) else { continue }
            let name = parts.joined(separator: "/")
            if ArchivedFile.isCollection(path) && parts.first != "archive" {
                otherThanArchives += 1
            } else if isInput(String(last)) {
                files.append((name, member))
            }
        }
        if otherThanArchives > 0 {
            result.passedOver.append(SkippedRecord(
                location: path,
                reason: "\(otherThanArchives) file\(otherThanArchives == 1 ? "" : "s") beside the collection's web archives (page lists, indexes, its description), not articles"))
        }
        let resources = savedPageResources(files.map(\.name))
        for (folder, page) in resources.folders.sorted(by: { $0.key < $1.key }) {
            let count = files.filter { $0.name.hasPrefix(folder + "/") }.count
            result.passedOver.append(SavedPageResources(folder: path + "/" + folder, page: page, files: count).skip)
        }
        for (name, member) in files.sorted(by: { $0.name < $1.name }) where !resources.holds(name) {
            let memberPath = path + "/" + name
            if ZipArchive.isArchiveName(name) {
                result.passedOver.append(SkippedRecord(location: memberPath, reason: "an archive inside a ZIP archive: unpack the outer one first"))
            } else if let resource = NonArticleFile(path: name) {
                result.passedOver.append(SkippedRecord(location: memberPath, reason: resource.description))
            } else {
                result.files.append(ScannedFile(
                    path: memberPath, root: root, size: member.size, mtime: mtime,
                    archived: ArchivedFile(archive: path, member: member)))
            }
        }
    }

    /// The folders in an archive that hold a saved page's resources (`Story_files/` beside `Story.html`).
    private static func savedPageResources(_ names: [String]) -> (folders: [String: String], holds: (String) -> Bool) {
        // Each folder's entries, lowercased (as a page is matched to its `_files` folder), and its subfolders as written.
        var entries: [String: Set<String>] = [:]
        var subfolders: [String: Set<String>] = [:]
        for name in names {
            var parent = ""
            for part in name.split(separator: "/") {
                entries[parent, default: []].insert(part.lowercased())
                let path = parent.isEmpty ? String(part) : parent + "/" + part
                if path != name { subfolders[parent, default: []].insert(String(part)) }
                parent = path
            }
        }
        var folders: [String: String] = [:]
        for (parent, children) in subfolders {
            for child in children {
                if let page = SavedPageResources.page(forFolder: child, amongst: entries[parent] ?? []) {
                    folders[parent.isEmpty ? child : parent + "/" + child] = page
                }
            }
        }
        let prefixes = folders.keys.map { $0 + "/" }
        return (folders, { name in prefixes.contains { name.hasPrefix($0) } })
    }

    /// A file recorded in the index, found again on disk (or in its archive): nil when it is gone.
    static func file(recordedAt path: String, root: String) -> ScannedFile? {
        if let file = stat(path, root: root, followingLinks: true) { return file }
        var after = path.startIndex
        while let slash = path[after...].firstIndex(of: "/") {
            let archive = String(path[..<slash])
            after = path.index(after: slash)
            guard ZipArchive.isArchiveName(archive), let holder = stat(archive, root: root, followingLinks: true) else { continue }
            var found = ScanResult()
            archiveMembers(archive, root: root, mtime: holder.mtime, into: &found)
            return found.files.first { $0.path == path }
        }
        return nil
    }
}

/// A file inside a ZIP archive named as `search index` names it (`news.zip/2024/story.html`), for
/// commands that read one file (`search extract`).
public enum ArchivedFileLookup {
    /// Its bytes (or why they cannot be had) and the folder name that stands for its source of last
    /// resort; nil when `path` names no file in an archive.
    public static func read(_ path: String, limit: Int) -> (data: Data?, problem: String?, folderName: String?)? {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        guard let file = FileScanner.file(recordedAt: absolute, root: absolute), file.archived != nil else { return nil }
        let (data, problem) = file.contents(fileSystem: LocalFileSystem(), limit: limit)
        return (data, problem, file.folderName)
    }

    /// The first file `search index` would read in the archive at `path` (to name in a hint), if any.
    public static func firstFile(inArchive path: String) -> String? {
        guard ZipArchive.isArchiveName(path) else { return nil }
        var found = ScanResult()
        FileScanner.archiveMembers(path, root: path, mtime: 0, into: &found)
        return found.files.first?.path
    }
}
