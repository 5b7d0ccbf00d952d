import Foundation

/// What the indexer asks of the file system, behind a seam so tests can make a folder or a file
/// unreadable (they run as root, whom permissions do not stop).
protocol FileSystem: Sendable {
    /// The names in a folder, or nil when it cannot be listed (permissions, an I/O error).
    func entries(ofFolder path: String) -> [String]?
    /// A file's bytes, or nil when it cannot be read.
    func contents(of path: String) -> Data?
}

/// The real file system.
struct LocalFileSystem: FileSystem {
    func entries(ofFolder path: String) -> [String]? {
        guard let folder = opendir(path) else { return nil }
        defer { closedir(folder) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(folder) else {
                // A listing cut short by an error is not a complete listing.
                return errno == 0 ? names : nil
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
    }

    func contents(of path: String) -> Data? {
        FileManager.default.contents(atPath: path)
    }
}
