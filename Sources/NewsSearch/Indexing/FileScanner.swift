import Foundation
import NewsIngest

/// One input file found under an indexed path, with what incremental indexing compares.
struct ScannedFile: Sendable {
    var path: String
    /// What ids are relative to: the folder or file the user named when the scanner found it; the
    /// indexer may move it to a folder indexed before, or up a level to keep ids unique (``ArticleIdentity``).
    var root: String
    var size: Int
    var mtime: Double
    /// Set for a file inside a ZIP archive (its path is the archive's and its name in it).
    var archived: ArchivedFile? = nil

    /// The path relative to its root, used as the article id when the article has none.
    var relativePath: String { Self.relative(path, to: root) }

    static func relative(_ path: String, to root: String) -> String {
        if path == root { return (path as NSString).lastPathComponent }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// The folder the file sits in, made readable (`asia-maritime-monitor` → `Asia Maritime Monitor`):
    /// the source of last resort.
    /// A file in `bbc.zip` is taken to be in a folder `bbc` (the archive's name would read as a web host).
    var folderName: String? {
        guard let archived else { return SourceFolder.name(ofFolderHolding: path) }
        let unpacked = (archived.archive as NSString).deletingPathExtension + path.dropFirst(archived.archive.count)
        return SourceFolder.name(ofFolderHolding: unpacked)
    }
}

/// What a walk found: the input files, the folders it could not list (their files are not gone), and
/// what it passed over as no article: a saved page's resource folders, stylesheets, scripts, fonts.
/// Passed-over files are not inputs, so an article an older version made of one is removed.
struct ScanResult: Sendable {
    var files: [ScannedFile] = []
    var unreadableFolders: [String] = []
    /// ZIP archives whose contents cannot be listed, and why: like unreadable folders, their files are not gone.
    var unreadableArchives: [SkippedRecord] = []
    var passedOver: [SkippedRecord] = []
}

/// The folder a browser writes beside a page saved "complete" (`Story.html` and `Story_files/`): the
/// page's images, scripts, styles and frames (often ads), none of them an article. Its HTML files are
/// frames, and indexing them filled the results with ads and empty "articles" named after the folder.
struct SavedPageResources: Sendable, Equatable {
    var folder: String
    var page: String
    var files: Int

    /// The page a folder belongs to, when the folder is named as browsers name it and the page is beside it.
    static func page(forFolder name: String, amongst lowercasedNames: Set<String>) -> String? {
        guard name.count > "_files".count, name.lowercased().hasSuffix("_files") else { return nil }
        let stem = name.dropLast("_files".count)
        return ["html", "htm", "xhtml", "shtml", "mhtml", "mht"].lazy.map { stem + "." + $0 }
            .first { lowercasedNames.contains($0.lowercased()) }
    }

    var skip: SkippedRecord {
        SkippedRecord(
            location: folder + "/",
            reason: "the images, scripts and frames of the saved page \(page) (\(files) file\(files == 1 ? "" : "s")), not articles")
    }
}

/// Walks files and folders (recursively), skipping hidden entries and SQLite files.
enum FileScanner {
    static func scan(_ paths: [String], fileSystem: some FileSystem = LocalFileSystem()) throws -> ScanResult {
        var result = ScanResult()
        for given in paths {
            let root = rootPath(given)
            var info = Glibc.stat()
            guard statFollowingLinks(root, &info) == 0 else { throw IndexError.pathNotFound(given) }
            if info.st_mode & S_IFMT != S_IFDIR {
                // A file named on the command line is read through a symbolic link, as `cat` would;
                // links met while walking a folder are still left alone.
                if let file = stat(root, root: root, followingLinks: true) { add(file, to: &result) }
                continue
            }
            var found: [String] = []
            walk(root, relative: "", into: &found, result: &result, fileSystem: fileSystem)
            for relative in found.sorted() where isInput(relative) {
                if let resource = NonArticleFile(path: relative) {
                    result.passedOver.append(SkippedRecord(location: root + "/" + relative, reason: resource.description))
                } else if let file = stat(root + "/" + relative, root: root) {
                    add(file, to: &result)
                }
            }
        }
        result.passedOver.sort { $0.location < $1.location }
        // A file reached twice (a dump named twice, a folder and a file in it) is one input, read once.
        var seen: Set<String> = []
        result.files.removeAll { !seen.insert($0.path).inserted }
        return result
    }

    /// A file found, or, for a ZIP archive, the files in it.
    private static func add(_ file: ScannedFile, to result: inout ScanResult) {
        if ZipArchive.isArchiveName(file.path) {
            archiveMembers(file.path, root: file.root, mtime: file.mtime, into: &result)
        } else {
            result.files.append(file)
        }
    }

    /// A named path as the index records it: absolute, and through any symbolic link, so one file
    /// always has one path (a folder named through a link would otherwise be a second copy of it).
    static func rootPath(_ given: String) -> String {
        let standardized = URL(fileURLWithPath: given).standardizedFileURL.path
        guard let resolved = realpath(standardized, nil) else { return standardized }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Collects the non-hidden entries under a folder that are not folders themselves; symbolic links
    /// to folders are not followed (a link could lead out of the tree or round in a loop), nor are the
    /// folders of saved pages' resources entered.
    private static func walk(
        _ folder: String, relative: String, into found: inout [String], result: inout ScanResult,
        fileSystem: some FileSystem
    ) {
        guard let names = fileSystem.entries(ofFolder: folder) else {
            result.unreadableFolders.append(folder)
            return
        }
        let lowered = Set(names.map { $0.lowercased() })
        for name in names where !name.hasPrefix(".") {
            let path = folder + "/" + name
            let entry = relative.isEmpty ? name : relative + "/" + name
            var info = Glibc.stat()
            guard lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR else {
                found.append(entry)
                continue
            }
            if let page = SavedPageResources.page(forFolder: name, amongst: lowered) {
                var inside: [String] = []
                var ignored = ScanResult()
                walk(path, relative: "", into: &inside, result: &ignored, fileSystem: fileSystem)
                result.passedOver.append(SavedPageResources(folder: path, page: page, files: inside.count).skip)
                continue
            }
            walk(path, relative: entry, into: &found, result: &result, fileSystem: fileSystem)
        }
    }

    /// Index files and their journals are never inputs, even when the index lives under the corpus;
    /// nor are a folder's README, LICENSE and NOTICE files, which describe a corpus rather than report news.
    static func isInput(_ relativePath: String) -> Bool {
        let name = (relativePath as NSString).lastPathComponent.lowercased()
        let stem = (name as NSString).deletingPathExtension
        if ["readme", "license", "notice", "licence"].contains(stem) { return false }
        return !indexFileSuffixes.contains { name.hasSuffix($0) }
    }

    /// An index's own files: the database and its journals, the lock and the facet columns beside it,
    /// and a `--rebuild`'s copies of each (an interrupted one leaves them).
    private static let indexFileSuffixes = [".sqlite", ".sqlite-wal", ".sqlite-shm", ".sqlite-journal"].flatMap {
        [$0, $0.replacingOccurrences(of: ".sqlite", with: ".sqlite.rebuild")]
    } + [".sqlite.lock", ".sqlite.columns", ".sqlite.rebuild.columns"]

    /// One `lstat` (or `stat` for a path named on the command line): Foundation's `attributesOfItem`
    /// also opened every file, and a no-op run over a million files is mostly this call.
    static func stat(_ path: String, root: String, followingLinks: Bool = false) -> ScannedFile? {
        var info = Glibc.stat()
        let status = followingLinks ? statFollowingLinks(path, &info) : lstat(path, &info)
        guard status == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return ScannedFile(path: path, root: root, size: Int(info.st_size), mtime: modificationTime(info.st_mtim))
    }

    /// Seconds since 1970 as Foundation's `modificationDate` gives them (files indexed before this
    /// change must compare equal): a `Date` made from seconds and nanoseconds, read back.
    static func modificationTime(_ time: timespec) -> Double {
        let sinceReference = Double(time.tv_sec) - Date.timeIntervalBetween1970AndReferenceDate
        return Date(timeIntervalSinceReferenceDate: sinceReference + Double(time.tv_nsec) / 1_000_000_000).timeIntervalSince1970
    }
}

/// `stat(2)`, out here because inside ``FileScanner`` the name is its own method's.
private func statFollowingLinks(_ path: String, _ info: inout stat) -> Int32 {
    stat(path, &info)
}

/// The source a folder name stands for, made readable: `asia-maritime-monitor` → `Asia Maritime Monitor`.
public enum SourceFolder {
    /// The source of an article that names none, from a folder that names none either.
    public static let unknown = "unknown"

    /// Nil for a folder whose name says what the files are or where they came from on this machine
    /// (`html`, `saved`, `downloads`, `2024`), not who published them: 127 of 1,722 real saved pages had
    /// "Html" as their outlet, first in the source facet.
    public static func name(ofFolderHolding path: String) -> String? {
        var folders = (path as NSString).pathComponents.dropLast().filter { $0 != "/" }
        guard let folder = folders.popLast() else { return nil }
        if isHost(folder) { return folder.lowercased() }
        if !isGeneric(folder) {
            let words = folder.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " })
            return words.isEmpty ? nil : words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        }
        // A site mirrored by wget or HTTrack keeps its pages under the site's host:
        // `www.harbour.example/news/2024/story.html`.
        return folders.suffix(4).last(where: isHost)?.lowercased()
    }

    /// A folder named as a web host (`www.harbour.example`, `japantimes.co.jp`).
    static func isHost(_ folder: String) -> Bool {
        let labels = folder.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let last = labels.last, (2...24).contains(last.count), last.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            return false
        }
        return labels.allSatisfy { label in
            !label.isEmpty && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }

    static func isGeneric(_ folder: String) -> Bool {
        let name = folder.lowercased()
        return genericNames.contains(name) || name.allSatisfy { $0.isNumber || $0 == "-" || $0 == "_" }
    }

    private static let genericNames: Set<String> = [
        "html", "htm", "xhtml", "pages", "page", "webpages", "web", "www", "saved", "saved pages", "downloads", "download",
        "articles", "article", "stories", "news", "data", "dataset", "corpus", "files", "docs", "documents", "text", "texts",
        "txt", "json", "jsonl", "csv", "md", "markdown", "input", "inputs", "in", "inbox", "out", "output", "tmp", "temp",
        "archive", "archives", "export", "exports", "dump", "dumps", "scrape", "scrapes", "scraped", "crawl", "crawled",
        "raw", "new", "old", "misc", "sample", "samples", "test", "tests", "desktop", "home", "root",
    ]
}
