import Foundation
import NewsQuery
import NewsSearchTestSupport
import PropertyBased
import Testing

@testable import NewsSearch

/// `--explain` on every hit of random queries: the root's value is the hit's score, and every node
/// combines its details as its description says.
@Suite struct ExplanationPropertyTests {
    static let words = [
        "defense", "industrial", "rutte", "nato", "japan", "budget", "shipyard", "drones", "tokyo", "alliance",
        "the", "of", "what", "are", "minister", "cooperation", "navy", "ports", "steel", "talks",
    ]
    static let extras = Gen<Int>.int(in: 0...7)
    static let queries = Gen<String?>.element(of: words + ["\"defense industrial\"", "title:japan", "-budget", "nato OR tokyo"])
        .map { $0! }.array(of: 1...9).map { $0.joined(separator: " ") }

    /// Forty more articles from the same words, so that idf, lengths and feedback have something to vary.
    static func extraArticles() -> String {
        var seed: UInt64 = 17
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        return (0..<40).map { index in
            let title = (0..<(2 + next(5))).map { _ in words[next(words.count)] }.joined(separator: " ")
            let body = (0..<(10 + next(60))).map { _ in words[next(words.count)] }.joined(separator: " ")
            let date = "202\(next(6))-0\(1 + next(9))-1\(next(9))"
            return #"{"id": "x\#(index)", "title": "\#(title)", "body": "\#(body).", "date": "\#(date)", "source": "Extra"}"#
        }.joined(separator: "\n") + "\n"
    }

    @Test func everyHitsExplanationAddsUpToItsScore() async throws {
        let corpus = try CorpusFixture()
        try corpus.write(Self.extraArticles(), to: "news/extra/extra.jsonl")
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        let searcher = Searcher(store: store)
        let hitsChecked = Counter()
        await propertyCheck(count: 300, input: Self.queries, Self.extras) { text, variant in
            var request = SearchRequest(text: text)
            request.limit = 20
            request.explain = true
            if variant & 1 != 0 { request.recency = RecencyPrior(halfLifeDays: 200) }
            if variant & 2 != 0 { request.match = variant & 4 != 0 ? .all : .any }
            if variant == 4 { request.sort = .newest }
            do {
                for hit in try searcher.search(request).hits {
                    hitsChecked.value += 1
                    let explanation = try #require(hit.explanation, "\(text): no explanation")
                    #expect(Self.close(explanation.value, hit.score), "\(text): root \(explanation.value) ≠ score \(hit.score)")
                    Self.checkCombinations(explanation, query: text)
                }
            } catch {
                Issue.record("\(text): \(error)")
            }
        }
        #expect(hitsChecked.value > 1_000)
    }

    @Test func noExplanationUnlessAsked() throws {
        let corpus = try CorpusFixture()
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        let hits = try Searcher(store: store).search(SearchRequest(text: "defense industrial")).hits
        #expect(!hits.isEmpty)
        #expect(hits.allSatisfy { $0.explanation == nil })
    }

    @Test func theTreeNamesEachWordAndField() throws {
        let corpus = try CorpusFixture()
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        var request = SearchRequest(text: "defense industrial")
        request.explain = true
        let hit = try #require(try Searcher(store: store).search(request).hits.first)
        let descriptions = Self.descriptions(try #require(hit.explanation))
        #expect(descriptions.contains { $0.hasPrefix("'defense' (clause 1)") })
        #expect(descriptions.contains { $0.hasPrefix("'industrial' (clause 2)") })
        #expect(descriptions.contains { $0.hasPrefix("title: ") || $0.hasPrefix("body: ") })
        #expect(descriptions.contains { $0.hasPrefix("coverage: 2 of 2 query clauses") })
        #expect(descriptions.contains { $0.hasPrefix("proximity bonus") })
    }

    /// Property checks run one input at a time.
    final class Counter: @unchecked Sendable { var value = 0 }

    static func descriptions(_ node: Explanation) -> [String] {
        [node.description] + node.details.flatMap(descriptions)
    }

    static func close(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
    }

    static func checkCombinations(_ node: Explanation, query: String) {
        switch node.combination {
        case .sum:
            let sum = node.details.reduce(0) { $0 + $1.value }
            #expect(close(node.value, sum), "\(query): '\(node.description)' \(node.value) ≠ sum \(sum)")
        case .product:
            let product = node.details.reduce(1) { $0 * $1.value }
            #expect(close(node.value, product), "\(query): '\(node.description)' \(node.value) ≠ product \(product)")
        case .described:
            break
        }
        for detail in node.details { checkCombinations(detail, query: query) }
    }
}
