import Foundation
import NewsSearch

/// The articles bundled with the executable, so `search "defense industrial"` works on a fresh clone.
enum SampleCorpus {
    static var folder: URL? {
        Bundle.module.url(forResource: "SampleCorpus", withExtension: nil)
    }

    /// Builds the default index from the sample, saying so on standard error.
    static func buildDefaultIndex(at path: String) throws {
        guard let folder else { throw CLIError.runtime("the bundled sample corpus is missing from this build") }
        Console.note("search: no index at \(path); building it from the bundled sample corpus")
        let store = try IndexStore(path: path, access: .readWrite)
        let summary = try Indexer(store: store).run(IndexJob(paths: [folder.path]))
        Console.note("search: indexed \(summary.added) sample articles into \(path)")
    }
}
