import Foundation
import NewsSearchTestSupport
import Testing

@testable import NewsSearch

/// Whatever a query holds, it is answered in bounded time and memory, and anything dropped on the
/// way is said in `warnings`.
@Suite struct BoundedQueryTests {
    let corpus: CorpusFixture
    let searcher: Searcher

    init() throws {
        corpus = try CorpusFixture()
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        searcher = Searcher(store: store)
    }

    /// Seconds to answer `text`; a debug build on a shared machine, so the bound is loose.
    func timed(_ text: String) throws -> (seconds: Double, results: SearchResults) {
        let start = Date()
        let results = try searcher.search(SearchRequest(text: text))
        return (Date().timeIntervalSince(start), results)
    }

    static func randomWords(_ count: Int, length: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return (0..<count).map { _ in String((0..<length).map { _ in letters.randomElement(using: &generator)! }) }
            .joined(separator: " ")
    }

    @Test(arguments: [2_000, 10_000, 100_000])
    func oneLongUnknownWord(_ length: Int) throws {
        let (seconds, results) = try timed(String(repeating: "x", count: length))
        #expect(seconds < 2, "\(length) characters took \(seconds) s")
        #expect(results.suggestions.isEmpty)
    }

    @Test func manyUnknownWords() throws {
        let (seconds, results) = try timed(Self.randomWords(3_000, length: 30))
        #expect(seconds < 2, "took \(seconds) s")
        #expect(results.warnings.contains { $0.contains("first 256") })
    }

    @Test func aHundredThousandCharactersOfWords() throws {
        let (seconds, results) = try timed(Self.randomWords(12_500, length: 7))
        #expect(seconds < 2, "took \(seconds) s")
        #expect(!results.warnings.isEmpty)
    }

    @Test func deepParenthesesAndThousandsOfORs() throws {
        let deep = String(repeating: "(", count: 20_000) + "defense" + String(repeating: ")", count: 20_000)
        let ors = (0..<5_000).map { "w\($0)" }.joined(separator: " OR ") + " OR defense"
        for text in [deep, ors] {
            let (seconds, results) = try timed(text)
            #expect(seconds < 2, "took \(seconds) s")
            #expect(!results.warnings.isEmpty)
        }
    }

    @Test func thousandsOfFilters() throws {
        let actors = (0..<3_000).map { "actor:x\($0)" }.joined(separator: " ")
        let sources = (0..<3_000).map { "source:x\($0)" }.joined(separator: " ")
        for text in [actors, sources] {
            let (seconds, results) = try timed("defense " + text)
            #expect(seconds < 2, "took \(seconds) s")
            #expect(results.warnings.contains { $0.contains("only the first 32 of 3000") }, "\(results.warnings.prefix(3))")
            #expect(results.warnings.count < 50)
        }
    }

    /// A misspelt word of ordinary length still gets its suggestion next to a long one.
    @Test func shortTyposAreStillCorrected() throws {
        let (_, results) = try timed("defnse " + String(repeating: "q", count: 5_000))
        #expect(results.suggestions.first?.hasPrefix("defense") == true, "\(results.suggestions)")
    }
}
