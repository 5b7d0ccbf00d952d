import Foundation
import NewsSearchTestSupport
import Testing

/// A query's common words (in more than a third of the articles) only score the articles its other
/// words select, through the built binary (``CommonTerms``).
@Suite struct CommonTermsCLITests {
    struct Results: Decodable {
        struct Hit: Decodable { var id: String, score: Double }
        var total: Int, counted: String, hits: [Hit], warnings: [String]
    }

    let binary: SearchBinary
    let directory: TemporaryDirectory
    var indexPath: String { directory.url.appendingPathComponent("index/search.sqlite").path }

    /// `the` in 11 of 12 articles; one article has only `the` of the query, and two of equal length
    /// have `zinc smelter`, one with `the`.
    static var corpus: String {
        var lines = [
            #"{"id": "only-the", "title": "The long week", "body": "The market and the council and the weather, the end.", "date": "2024-01-02"}"#,
            #"{"id": "zinc-the", "title": "Zinc smelter reopens", "body": "Work at the zinc smelter resumed on Monday.", "date": "2024-01-03"}"#,
            #"{"id": "zinc-plain", "title": "Zinc smelter reopens", "body": "Work at one zinc smelter resumed on Monday.", "date": "2024-01-04"}"#,
        ]
        let topics = ["Fisheries talks", "Rates held", "Election delayed", "Storm closes ports", "Rail strike ends",
                      "Wheat prices climb", "Museum opens", "Court rules", "Drought hits farms"]
        for (index, topic) in topics.enumerated() {
            lines.append(#"{"id": "f\#(index)", "title": "\#(topic)", "body": "\#(topic), the officials said.", "date": "2023-0\#(1 + index)-15"}"#)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    init() throws {
        binary = try SearchBinary()
        directory = try TemporaryDirectory("common-terms")
        let dump = try directory.write(Self.corpus, to: "news/common.jsonl")
        let indexed = try binary.run(["index", "--index", indexPath, dump.path])
        #expect(indexed.status == 0, "\(indexed.stderr)")
    }

    func results(_ arguments: [String]) throws -> Results {
        let result = try binary.run(["--index", indexPath, "--json", "--no-facets"] + arguments, in: directory.url)
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode(Results.self, from: result.stdoutData)
    }

    @Test func anArticleWithOnlyTheCommonWordIsNeitherHitNorCounted() throws {
        let any = try results(["the", "zinc", "smelter", "--match", "any"])
        #expect(any.hits.map(\.id) == ["zinc-the", "zinc-plain"])
        #expect(any.total == 2 && any.counted == "any")
        #expect(any.warnings.contains { $0.contains("common words (the) only scored") })
    }

    @Test func theCommonWordStillScores() throws {
        let hits = try results(["the", "zinc", "smelter", "--match", "any"]).hits
        let withThe = try #require(hits.first { $0.id == "zinc-the" }), without = try #require(hits.first { $0.id == "zinc-plain" })
        #expect(withThe.score > without.score)
    }

    @Test func allTermsCountAndMatchAllAreUnchanged() throws {
        let auto = try results(["the", "zinc", "smelter"])
        #expect(auto.total == 1 && auto.counted == "all" && auto.warnings.isEmpty)
        #expect(auto.hits.map(\.id) == ["zinc-the", "zinc-plain"])
        let all = try results(["the", "zinc", "smelter", "--match", "all"])
        #expect(all.hits.map(\.id) == ["zinc-the"] && all.total == 1)
    }

    @Test func aQueryOfCommonWordsOnlyRunsAsBefore() throws {
        let the = try results(["the"])
        #expect(the.total == 11 && the.hits.contains { $0.id == "only-the" })
        let two = try results(["the", "said", "--match", "any"])
        #expect(two.total == 11 && two.warnings.isEmpty)
    }
}
