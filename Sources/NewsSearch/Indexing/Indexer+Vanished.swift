import Foundation

extension Indexer {
    /// The recorded files under the named paths that the scan did not find. Files in a folder that
    /// could not be listed have not vanished, nor have those of a named folder that came back empty
    /// (an unmounted disk looks like that): their articles stay, and each such folder gets a warning.
    func vanishedFiles(
        _ scan: ScanResult, known: [String: KnownFile], job: IndexJob, summary: inout IndexSummary,
        progress: (IndexEvent) -> Void
    ) -> [KnownFile] {
        let roots = Set(job.paths.filter { $0 != "-" }.map(FileScanner.rootPath))
        let present = Set(scan.files.map(\.path))
        let under = { (path: String, folder: String) in path == folder || path.hasPrefix(folder + "/") }
        var kept = scan.unreadableFolders + scan.unreadableArchives.map(\.location)
        for folder in scan.unreadableFolders {
            warn(IndexSummary.Warning(location: folder, message: "cannot be read; the articles indexed from it are kept"),
                in: &summary, progress: progress)
        }
        for archive in scan.unreadableArchives {
            warn(IndexSummary.Warning(location: archive.location, message: "\(archive.reason); nothing in it was read, and the articles indexed from it are kept"),
                in: &summary, progress: progress)
        }
        for root in roots.sorted()
        where !kept.contains(where: { under(root, $0) }) && !scan.files.contains(where: { under($0.path, root) }) {
            let held = known.keys.filter { under($0, root) && $0 != root }.count
            guard held > 0 else { continue }
            kept.append(root)
            warn(IndexSummary.Warning(
                location: root,
                message: "is empty but \(held) indexed files came from it; they are kept (is a disk unmounted? --rebuild drops them)"),
                in: &summary, progress: progress)
        }
        summary.unreadable = kept.count
        return known.filter { path, _ in
            !present.contains(path) && roots.contains { under(path, $0) } && !kept.contains { under(path, $0) }
        }.map(\.value)
    }
}
