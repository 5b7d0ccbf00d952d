/// Why the engine could not do what was asked; every message says what to do about it.
public enum IndexError: Error, Equatable, CustomStringConvertible {
    case indexNotFound(path: String)
    case notAnIndex(path: String)
    case tokenizerVersionMismatch(found: Int, expected: Int)
    case schemaVersionMismatch(found: Int, expected: Int)
    case documentNotFound(id: String)
    case pathNotFound(String)
    case locked(path: String)
    case diskFull(path: String)
    case readOnly(path: String)
    /// SQLite creates the `-shm` file beside a WAL index even to read it: a folder that is not
    /// writable (a read-only mount, another user's folder) refuses that, and the index cannot open.
    case folderNotWritable(path: String)
    case database(String)
    case badConfiguration(file: String, reason: String)
    /// A rebuild could not read everything the old index holds; swapping it in would lose those articles.
    case incompleteRebuild(unreadable: Int)
    /// The index is committed, but the columns file beside it could not be written: queries stay
    /// correct (they read the columns from the tables) and slower until a run saves it.
    case columnsNotSaved(path: String, reason: String)

    public var description: String {
        switch self {
        case .indexNotFound(let path): "no index at \(path): run `search index PATH` first"
        case .notAnIndex(let path): "\(path) is not a NewsSearch index"
        case .tokenizerVersionMismatch(let found, let expected):
            "the index was built with tokenizer version \(found), this search uses \(expected): run `search reindex`"
        case .schemaVersionMismatch(let found, let expected) where found > expected:
            "the index has schema version \(found), made by a newer search than this one (schema \(expected)): update search"
        case .schemaVersionMismatch(let found, let expected):
            "the index has schema version \(found), this search needs \(expected): run `search reindex` to upgrade it"
        case .documentNotFound(let id): "no article with id '\(id)'"
        case .pathNotFound(let path) where WebAddress.isWebAddress(path): WebAddress.notAFile(path)
        case .pathNotFound(let path): "no such file or folder: \(path)"
        case .locked(let path): "\(path): the index is being updated by another process"
        case .diskFull(let path): "\(path): cannot write (is the disk full?); the index keeps its last committed state"
        case .readOnly(let path): "\(path): the index is read-only"
        case .folderNotWritable(let path):
            "\(path): cannot open the index: its folder is not writable, and SQLite must create \(path.split(separator: "/").last ?? "")-shm beside it even to read it; copy the index (with its .columns file) to a writable folder"
        case .database(let message): "index error: \(message)"
        case .badConfiguration(let file, let reason): "\(file): \(reason)"
        case .incompleteRebuild(let unreadable):
            "\(unreadable) folder\(unreadable == 1 ? "" : "s") or file\(unreadable == 1 ? "" : "s") could not be read, so the rebuilt index would lack their articles: the old index is kept"
        case .columnsNotSaved(let path, let reason):
            "\(path): could not write (\(reason)); the index is saved, but queries stay slow until `search index` runs again"
        }
    }
}

/// What to say when a web address is given where a saved file is wanted.
public enum WebAddress {
    public static func isWebAddress(_ text: String) -> Bool {
        let lowered = text.prefix(8).lowercased()
        return lowered.hasPrefix("http://") || lowered.hasPrefix("https://")
    }

    public static func notAFile(_ address: String) -> String {
        "\(address) is a web address; NewsSearch reads saved pages and files: save it first (e.g. `curl -L -o page.html '\(address)'`)"
    }
}
