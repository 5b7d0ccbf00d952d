import Foundation
import NewsSearchTestSupport
import PropertyBased
import Testing

@testable import NewsSearch

/// Random strings through the whole query path (parser, compiler, FTS5, ranking, facets, snippets):
/// never an error, never a crash.
@Suite struct QueryPathPropertyTests {
    /// Words from the fixture, operators, filters and the characters people mistype.
    static let pieces: [String] = [
        "defense", "industrial", "rutte", "NATO", "zurich", "budget", " ", " ", " ", "\"", "“", "(", ")", "-", "*", ":",
        "^", "~", "OR", "AND", "NOT", "NEAR", "NEAR/2", "title:", "body:", "source:", "actor:", "date:", "2025",
        "2025-04..2025-06", "after:", "before:", "'", "’", "/", ".", ",", "_", "#", "@", "Č", "日本", "🙂", "\u{0}", "\n",
    ]
    static let messyQueries = Gen<String?>.element(of: pieces).map { $0! }.array(of: 0...25).map { $0.joined() }

    @Test func randomQueriesNeverFail() async throws {
        let corpus = try CorpusFixture()
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        let searcher = Searcher(store: store)
        await propertyCheck(count: 1_500, input: Self.messyQueries) { text in
            var request = SearchRequest(text: text)
            request.limit = 3
            do {
                _ = try searcher.search(request)
            } catch {
                Issue.record("\(text.debugDescription): \(error)")
            }
        }
    }
}
