import Foundation
import NewsQuery
import NewsSearchTestSupport
import Testing

@testable import NewsSearch

/// Skipping the ranking of partial matches that cannot reach the page (``HitAdmission``) must not
/// change any answer: the same hits, scores, totals and facets as ranking every match.
@Suite struct PartialMatchPruningTests {
    /// 600 articles over a small vocabulary with skewed frequencies, so that two- and three-word
    /// queries have many partial matches and enough full ones to fill a page.
    static func corpus() -> String {
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let words = [
            "harbor", "grain", "tariff", "copper", "senate", "drought", "pipeline", "vaccine", "railway", "census",
            "turbine", "glacier", "lagoon", "orchard", "quarry", "ferry", "mint", "archive", "beacon", "canal",
        ]
        // Skewed: word i is drawn with weight 1 / (i + 1).
        let weights = words.indices.map { 1.0 / Double($0 + 1) }
        func word() -> String {
            var pick = Double(next(1_000_000)) / 1_000_000 * weights.reduce(0, +)
            for (index, weight) in weights.enumerated() {
                pick -= weight
                if pick <= 0 { return words[index] }
            }
            return words[words.count - 1]
        }
        let sources = ["North Desk", "South Desk", "East Desk"]
        return (0..<600).map { index in
            let title = (0..<(2 + next(4))).map { _ in word() }.joined(separator: " ")
            let body = (0..<(20 + next(60))).map { _ in next(4) == 0 ? word() : "the" }.joined(separator: " ")
            let date = String(format: "2024-%02d-%02d", 1 + next(12), 1 + next(28))
            return #"{"id": "p\#(index)", "title": "\#(title)", "body": "\#(body).", "date": "\#(date)", "source": "\#(sources[next(3)])"}"#
        }.joined(separator: "\n")
    }

    static let queries = [
        "harbor grain", "grain tariff copper", "harbor senate", "tariff drought pipeline", "copper vaccine",
        "harbor grain tariff copper senate", "grain -harbor tariff", "\"harbor grain\" tariff", "source:\"North Desk\" harbor grain",
        // AND groups: a partial match of the expression may have every clause's phrases.
        "(harbor grain) tariff", "copper (tariff senate) drought",
        // Long enough for feedback: the guard applies to both its passes.
        "the harbor grain tariff copper senate drought", "what the senate railway census said of the harbor",
        "the lagoon canal beacon mint archive quarry -ferry",
    ]

    @Test func prunedAnswersEqualFullyRankedOnes() throws {
        let folder = try TemporaryDirectory("pruning")
        _ = try folder.write(Self.corpus(), to: "news/articles.jsonl")
        let store = try IndexStore(path: folder.url.appendingPathComponent("index.sqlite").path, access: .readWrite)
        _ = try Indexer(store: store).run(IndexJob(paths: [folder.url.appendingPathComponent("news/articles.jsonl").path]))
        var prunedSomewhere = false
        for parallelism in [(parts: 1, threshold: 50_000), (parts: 3, threshold: 1)] {
            let pruned = Searcher(store: store, parallelism: parallelism, prunes: true)
            let full = Searcher(store: store, parallelism: parallelism, prunes: false)
            for text in Self.queries {
                for (limit, offset) in [(1, 0), (3, 0), (10, 0), (5, 7)] {
                    for variant in 0..<3 {
                        var request = SearchRequest(text: text)
                        request.limit = limit
                        request.offset = offset
                        request.fold = variant != 1
                        if variant == 2 { request.recency = RecencyPrior() }
                        let a = try pruned.search(request)
                        let b = try full.search(request)
                        let label = "\(text) limit \(limit) offset \(offset) variant \(variant) parts \(parallelism.parts)"
                        #expect(a.hits.map(\.id) == b.hits.map(\.id), "\(label)")
                        #expect(a.hits.map(\.score) == b.hits.map(\.score), "\(label)")
                        #expect(a.total == b.total && a.counted == b.counted && a.facets == b.facets, "\(label)")
                        #expect(a.rankedMatches <= b.rankedMatches, "\(label)")
                        if a.rankedMatches < b.rankedMatches { prunedSomewhere = true }
                    }
                }
            }
        }
        // Otherwise this test would check nothing.
        #expect(prunedSomewhere)
    }
}
