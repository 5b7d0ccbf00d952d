import ArgumentParser
import Foundation
import NewsSearch

/// Where the index lives: `--index`, else `$SEARCH_INDEX`, else `index/search.sqlite` here.
struct IndexOptions: ParsableArguments {
    @Option(name: .long, help: "The index file (default: $SEARCH_INDEX, else index/search.sqlite).")
    var index: String?

    var location: IndexLocation { IndexLocation(named: index) }
    var path: String { location.path }
    func openForReading(_ access: IndexStore.Access = .readOnly) throws -> IndexStore {
        try location.openForReading(access)
    }
}

/// The index a command names (or nil), resolved: kept apart from ``IndexOptions`` so that a plain
/// query can find its index without ArgumentParser (``PlainQuery``).
struct IndexLocation {
    var named: String?

    static let defaultPath = "index/search.sqlite"

    var path: String {
        if let named { return named }
        if let environment = ProcessInfo.processInfo.environment["SEARCH_INDEX"], !environment.isEmpty {
            return environment
        }
        return Self.defaultPath
    }

    /// True when the user named no index: only then may the bundled sample stand in.
    var isDefault: Bool {
        named == nil && (ProcessInfo.processInfo.environment["SEARCH_INDEX"] ?? "").isEmpty
    }

    /// Opens the index for reading; the default index is built from the bundled sample if missing.
    /// `.singleReader` for a command that answers once; `.readOnly` (a pool) for one that answers many.
    func openForReading(_ access: IndexStore.Access = .readOnly) throws -> IndexStore {
        if isDefault && !FileManager.default.fileExists(atPath: path) {
            try SampleCorpus.buildDefaultIndex(at: path)
        }
        // One store, opened once: the upgrade check opening its own would cost every query two more
        // connections to the file.
        do {
            return try IndexStore(path: path, access: access)
        } catch IndexError.schemaVersionMismatch(let found, let expected) where found < expected {
            try upgradeIfOlder()
            return try IndexStore(path: path, access: access)
        }
    }

    /// Brings an index of an older schema up to date. Upgrades only add tables and columns, so a
    /// command that reads (a query, `extract`) may do it rather than send the user off to run another.
    func upgradeIfOlder() throws {
        do {
            _ = try IndexStore(path: path, access: .readOnly, requireCurrentTokenizer: false)
        } catch IndexError.schemaVersionMismatch(let found, let expected) where found < expected {
            Console.note("search: upgrading the index at \(path) from schema \(found) to \(expected)")
            _ = try IndexStore(path: path, access: .readWrite, requireCurrentTokenizer: false)
        }
    }
}

/// `--json` and `--color`, shared by every command that prints.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON for scripts.")
    var json = false

    @Option(name: .long, help: "Colour: auto (when stdout is a terminal), always, never.")
    var color: ColorChoice = .auto
}
