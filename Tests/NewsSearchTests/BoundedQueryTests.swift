import Foundation
import NewsSearchTestSupport
import Testing

@testable import NewsSearch

/// Whatever a query holds, the work it may cause is capped (words, filter values, spelling help), and
/// anything dropped on the way is said in `warnings`. The caps are what bound time and memory; the
/// time itself is measured by `scripts/probe-reliability` (100,000-character queries), not here:
/// timed unit tests fail on a loaded machine without saying anything about the code.
@Suite struct BoundedQueryTests {
    let corpus: CorpusFixture
    let searcher: Searcher

    init() throws {
        corpus = try CorpusFixture()
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        searcher = Searcher(store: store)
    }

    func answer(_ text: String) throws -> SearchResults {
        try searcher.search(SearchRequest(text: text))
    }

    static func randomWords(_ count: Int, length: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return (0..<count).map { _ in String((0..<length).map { _ in letters.randomElement(using: &generator)! }) }
            .joined(separator: " ")
    }

    @Test(arguments: [2_000, 10_000, 100_000])
    func oneLongUnknownWord(_ length: Int) throws {
        let results = try answer(String(repeating: "x", count: length))
        #expect(results.suggestions.isEmpty)
    }

    @Test func manyUnknownWords() throws {
        let results = try answer(Self.randomWords(3_000, length: 30))
        #expect(results.warnings.contains { $0.contains("first 256") })
    }

    @Test func aHundredThousandCharactersOfWords() throws {
        let results = try answer(Self.randomWords(12_500, length: 7))
        #expect(!results.warnings.isEmpty)
    }

    @Test func deepParenthesesAndThousandsOfORs() throws {
        let deep = String(repeating: "(", count: 20_000) + "defense" + String(repeating: ")", count: 20_000)
        let ors = (0..<5_000).map { "w\($0)" }.joined(separator: " OR ") + " OR defense"
        for text in [deep, ors] {
            let results = try answer(text)
            #expect(!results.warnings.isEmpty)
        }
    }

    @Test func thousandsOfFilters() throws {
        let actors = (0..<3_000).map { "actor:x\($0)" }.joined(separator: " ")
        let sources = (0..<3_000).map { "source:x\($0)" }.joined(separator: " ")
        for text in [actors, sources] {
            let results = try answer("defense " + text)
            #expect(results.warnings.contains { $0.contains("only the first 32 of 3000") }, "\(results.warnings.prefix(3))")
            #expect(results.warnings.count < 50)
        }
    }

    /// A misspelt word of ordinary length still gets its suggestion next to a long one.
    @Test func shortTyposAreStillCorrected() throws {
        let results = try answer("defnse " + String(repeating: "q", count: 5_000))
        #expect(results.suggestions.first?.hasPrefix("defense") == true, "\(results.suggestions)")
    }
}
