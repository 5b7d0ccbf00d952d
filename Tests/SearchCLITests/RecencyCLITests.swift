import Foundation
import NewsSearchTestSupport
import Testing

/// `--recency` through the built binary (issue 6 item 4): it reorders exact matches within its bound and
/// never lifts a recent partial match over an old exact one.
@Suite struct RecencyCLITests {
    let binary: SearchBinary
    let directory: TemporaryDirectory
    var indexPath: String { directory.url.appendingPathComponent("index/search.sqlite").path }

    /// Two near-identical exact matches ten years apart (the old one slightly more relevant); an old,
    /// weak exact match for "dredging contract" and a recent partial match whose score is just below
    /// it, close enough that a 1.2× boost would lift it; unrelated articles so that IDF matters.
    static var corpus: String {
        let filler = String(repeating: "The council also discussed parking, school meals, library hours and next year's budget. ", count: 8)
        var lines = [
            #"{"id": "old-exact", "title": "Shipyard subsidy reform debated in parliament", "body": "Lawmakers debated shipyard subsidy reform for a second day. The reform would cap each subsidy paid to a shipyard.", "date": "2015-01-10"}"#,
            #"{"id": "new-exact", "title": "Shipyard subsidy reform returns to parliament", "body": "Lawmakers took up shipyard subsidy reform again. The reform would cap the subsidy paid to each yard.", "date": "2025-06-01"}"#,
            #"{"id": "recent-partial", "title": "Shipyard workers strike at the northern shipyard", "body": "Workers at the shipyard walked out over pay; the shipyard said talks with the shipyard union would resume.", "date": "2025-06-02"}"#,
            #"{"id": "old-weak-exact", "title": "Council notes", "body": "At the end of the meeting the council approved a dredging contract. \#(filler)", "date": "2012-03-01"}"#,
            #"{"id": "recent-strong-partial", "title": "Dredging resumes in the harbour", "body": "Work in the harbour resumed on Monday after dredging crews returned; it will last a month.", "date": "2025-06-02"}"#,
        ]
        let topics = ["Fisheries talks resume in Oslo", "Central bank holds rates", "Election results delayed", "Storm closes ports",
                      "Rail strike ends", "Wheat prices climb", "New museum opens", "Court rules on privacy", "Drought hits farmers", "Airline orders jets"]
        for (index, topic) in topics.enumerated() {
            lines.append(#"{"id": "f\#(index)", "title": "\#(topic)", "body": "\#(topic). Officials said more details would follow next week.", "date": "202\#(index % 5)-0\#(1 + index % 9)-15"}"#)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    init() throws {
        binary = try SearchBinary()
        directory = try TemporaryDirectory("recency")
        let dump = try directory.write(Self.corpus, to: "news/recency.jsonl")
        let indexed = try binary.run(["index", "--index", indexPath, dump.path])
        #expect(indexed.status == 0, "\(indexed.stderr)")
    }

    func hits(_ arguments: [String]) throws -> [ResultsJSON.Hit] {
        let result = try binary.run(["--index", indexPath, "--json", "--no-facets"] + arguments, in: directory.url)
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode(ResultsJSON.self, from: result.stdoutData).hits
    }

    @Test func recencyPutsTheNewerOfTwoCloseExactMatchesFirst() throws {
        let plain = try hits(["shipyard", "subsidy", "reform"])
        #expect(plain.prefix(2).map(\.id) == ["old-exact", "new-exact"])
        let recent = try hits(["shipyard", "subsidy", "reform", "--recency"])
        #expect(recent.prefix(2).map(\.id) == ["new-exact", "old-exact"])
        // A long half-life leaves less between them, but the newer one still gains more.
        let slow = try hits(["shipyard", "subsidy", "reform", "--recency-half-life", "10y"])
        #expect(slow.first?.id == "new-exact")
    }

    @Test func anOldExactMatchStaysAboveARecentPartialMatch() throws {
        let plain = try hits(["dredging", "contract"])
        #expect(plain.map(\.id) == ["old-weak-exact", "recent-strong-partial"])
        let exact = try #require(plain.first), partial = try #require(plain.last)
        // The fixture is only a test if boosting the partial match would have been enough to lift it.
        #expect(partial.score * 1.2 > exact.score)
        #expect(partial.missing == ["contract"])
        for half in ["1d", "30d", "10y"] {
            let boosted = try hits(["dredging", "contract", "--recency-half-life", half])
            #expect(boosted.map(\.id) == ["old-weak-exact", "recent-strong-partial"])
            #expect(boosted.last?.score == partial.score)
        }
    }

    @Test func onlyScoresAndOrderChange() throws {
        let plain = Dictionary(uniqueKeysWithValues: try hits(["shipyard", "subsidy", "reform"]).map { ($0.id, $0) })
        for hit in try hits(["shipyard", "subsidy", "reform", "--recency"]) {
            let before = try #require(plain[hit.id])
            #expect((hit.title, hit.date, hit.snippet, hit.highlights, hit.missing) == (before.title, before.date, before.snippet, before.highlights, before.missing))
            #expect(hit.score >= before.score && hit.score <= before.score * 1.2 + 1e-3)
        }
    }

    @Test func badRecencyUseIsStatusTwo() throws {
        let sorted = try binary.run(["--index", indexPath, "shipyard", "--recency", "--sort", "newest"])
        #expect(sorted.status == 2)
        #expect(sorted.stderr.contains("'--recency' changes relevance order only; it cannot be used with '--sort newest'"))
        let bad = try binary.run(["--index", indexPath, "shipyard", "--recency-half-life", "soon"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("soon"))
    }
}
