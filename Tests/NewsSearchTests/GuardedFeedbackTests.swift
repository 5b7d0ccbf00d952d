import Foundation
import NewsQuery
import NewsSearchTestSupport
import Testing

@testable import NewsSearch

/// Relevance feedback's first pass under MaxScore (``QueryExpansion``, ``MatchScan/runGuarded``): when
/// a page of full matches is known, the first pass visits only the partial matches holding a phrase
/// that could lift them into its best few, and the second pass tells the question's matches by their
/// hits. The answers must be those of ranking every match.
@Suite struct GuardedFeedbackTests {
    static let question = "what did the central bank say about interest rates"

    /// `full` articles with every word of the question, 40 with its rarer words only, and 300 with
    /// nothing of it but `the` and `about` (the partial matches a guard must leave out).
    static func corpus(full: Int) -> String {
        var state: UInt64 = 11
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let filler = ["harvest", "copper", "railway", "senate", "ferry", "orchard", "turbine", "census", "quarry", "lagoon"]
        func words(_ count: Int) -> String { (0..<count).map { _ in filler[next(filler.count)] }.joined(separator: " ") }
        var lines: [String] = []
        for index in 0..<full {
            let body = "What did the central bank say about interest rates? \(words(10 + next(30))) the bank said rates stay."
            lines.append(#"{"id": "f\#(index)", "title": "Central bank \#(words(2))", "body": "\#(body)", "date": "2024-03-0\#(1 + index % 9)", "source": "North Desk"}"#)
        }
        for index in 0..<40 {
            let body = "\(words(5 + next(20))) central bank interest rates \(words(5 + next(20))) the rates."
            lines.append(#"{"id": "r\#(index)", "title": "\#(words(3))", "body": "\#(body)", "date": "2024-04-0\#(1 + index % 9)", "source": "South Desk"}"#)
        }
        for index in 0..<300 {
            let body = "the \(words(10 + next(40))) about the \(words(5 + next(20)))."
            lines.append(#"{"id": "c\#(index)", "title": "\#(words(3))", "body": "\#(body)", "date": "2024-05-0\#(1 + index % 9)", "source": "East Desk"}"#)
        }
        return lines.joined(separator: "\n")
    }

    static func searchers(full: Int) throws -> (guarded: Searcher, every: Searcher, folder: TemporaryDirectory) {
        let folder = try TemporaryDirectory("guarded-feedback")
        _ = try folder.write(corpus(full: full), to: "news/articles.jsonl")
        let store = try IndexStore(path: folder.url.appendingPathComponent("index.sqlite").path, access: .readWrite)
        _ = try Indexer(store: store).run(IndexJob(paths: [folder.url.appendingPathComponent("news/articles.jsonl").path]))
        let parallelism = (parts: 1, threshold: 1_000_000)
        return (
            Searcher(store: store, parallelism: parallelism, prunes: true), Searcher(store: store, parallelism: parallelism, prunes: false),
            folder
        )
    }

    static func expectSameAnswers(_ a: SearchResults, _ b: SearchResults, _ label: String) {
        #expect(a.hits.map(\.id) == b.hits.map(\.id), "\(label)")
        #expect(a.hits.map(\.score) == b.hits.map(\.score), "\(label)")
        #expect(a.hits.map(\.missing) == b.hits.map(\.missing), "\(label)")
        #expect(a.total == b.total && a.counted == b.counted && a.facets == b.facets, "\(label)")
    }

    @Test func aQuestionWithAPageOfFullMatchesSkipsTheCommonWordsOnlyArticles() throws {
        let (guarded, every, folder) = try Self.searchers(full: 24)
        defer { withExtendedLifetime(folder) {} }
        for (limit, offset) in [(10, 0), (3, 0), (5, 20)] {
            var request = SearchRequest(text: Self.question)
            request.limit = limit
            request.offset = offset
            let a = try guarded.search(request)
            let b = try every.search(request)
            Self.expectSameAnswers(a, b, "limit \(limit) offset \(offset)")
            #expect(a.counted == .all && a.total == 24)
            // The shortcut was taken: the first pass saw the full matches and the rare words' articles,
            // not the 300 with only `the` and `about`.
            #expect(b.feedbackVisited == 364)
            #expect(a.feedbackVisited <= 64, "visited \(a.feedbackVisited)")
        }
    }

    @Test func tooFewFullMatchesOrAnExclusionFallBackToEveryMatch() throws {
        let (guarded, every, folder) = try Self.searchers(full: 6)
        defer { withExtendedLifetime(folder) {} }
        // Six full matches cannot fill the ten documents feedback reads: no floor, no guard.
        let a = try guarded.search(SearchRequest(text: Self.question))
        let b = try every.search(SearchRequest(text: Self.question))
        Self.expectSameAnswers(a, b, "six full matches")
        #expect(a.feedbackVisited == 346 && b.feedbackVisited == 346)
        // An exclusion: a row's hits no longer say whether it matches the question, so no guard either.
        let excluding = Self.question + " -harvest"
        let c = try guarded.search(SearchRequest(text: excluding))
        let d = try every.search(SearchRequest(text: excluding))
        Self.expectSameAnswers(c, d, "exclusion")
        #expect(c.feedbackVisited == d.feedbackVisited)
    }
}
