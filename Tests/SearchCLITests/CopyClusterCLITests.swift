import Foundation
import NewsSearchTestSupport
import Testing

/// Issue 19: syndicated copies fold into their best-ranked member, on a fixture corpus with planted
/// copies of one wire story and a second, unrelated report of the same event.
@Suite struct CopyClusterCLITests {
    let binary: SearchBinary
    let folder: TemporaryDirectory
    var index: String { folder.url.appendingPathComponent("index/search.sqlite").path }

    static let paragraphs = [
        "The harbour authority approved a new container terminal on Tuesday after two years of hearings, saying the project would double the port's capacity and create several hundred jobs by the end of the decade.",
        "Environmental groups said they would appeal the decision, arguing that dredging the channel would harm the seagrass beds that shelter young fish along the northern shore.",
        "The authority's chair told reporters that the plan included a fund to restore the beds and that construction would not begin before the spring.",
    ]
    static let sameEvent = "Fishermen on the northern shore protested outside the harbour authority on Tuesday as it voted on the container terminal, carrying banners about the seagrass beds where young fish shelter. Several skippers said the dredging would ruin a season's catch, and one union leader promised to take the matter to the courts."

    init() throws {
        binary = try SearchBinary()
        folder = try TemporaryDirectory("copies")
    }

    func record(_ id: String, _ title: String, _ body: String, source: String, date: String) -> String {
        let object: [String: Any] = ["id": id, "title": title, "body": body, "source": source, "date": date]
        return String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self) + "\n"
    }

    /// The wire story, two outlets' copies (one trimmed, one with its own lines), and the other report.
    func writeCorpus() throws {
        let story = Self.paragraphs.joined(separator: "\n\n")
        try folder.write(
            record("wire-1", "Harbour terminal approved", story, source: "Harbor Wire", date: "2025-04-08")
                + record("ledger-1", "Port terminal wins approval", Self.paragraphs.dropLast().joined(separator: "\n\n"),
                    source: "Coast Ledger", date: "2025-04-09")
                + record("courier-1", "UPDATE 1-Harbour terminal approved",
                    story + "\n\nThe Valley Courier asked the authority about the appeal but had no reply by press time.",
                    source: "Valley Courier", date: "2025-04-10")
                + record("protest-1", "Fishermen protest terminal vote", Self.sameEvent, source: "Harbor Wire", date: "2025-04-08"),
            to: "news/a.jsonl")
    }

    func run(_ arguments: [String]) throws -> SearchBinary.Result {
        let result = try binary.run(arguments + ["--index", index])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result
    }

    func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try run(arguments + ["--json"])
        return try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
    }

    func hits(_ results: [String: Any]) -> [[String: Any]] { results["hits"] as? [[String: Any]] ?? [] }

    func copyIDs(_ hit: [String: Any]) -> [String] {
        (hit["copies"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    @Test func copiesFoldIntoTheBestRankedMemberAndFacetsCountArticles() throws {
        try writeCorpus()
        _ = try run(["index", "--quiet", folder.url.appendingPathComponent("news").path])
        let results = try json(["harbour terminal"])
        #expect(results["total"] as? Int == 4)
        #expect(results["total_clusters"] as? Int == 2)
        let found = hits(results)
        #expect(found.count == 2)
        let folded = try #require(found.first { !copyIDs($0).isEmpty })
        #expect(Set(copyIDs(folded) + [folded["id"] as! String]) == ["wire-1", "ledger-1", "courier-1"])
        let copy = try #require((folded["copies"] as? [[String: Any]])?.first)
        #expect(Set(copy.keys) == ["id", "source", "date"])
        #expect(copyIDs(try #require(found.first { $0["id"] as? String == "protest-1" })).isEmpty)
        let sources = (results["facets"] as? [String: Any])?["source"] as? [[String: Any]] ?? []
        #expect(sources.reduce(0) { $0 + ($1["count"] as? Int ?? 0) } == 4)

        let text = try run(["harbour terminal", "--color", "never"]).stdout
        #expect(text.contains("also in 2 outlets: "), "\(text)")
        #expect(text.contains("4 articles for harbour terminal (2 stories; copies folded)"), "\(text)")
    }

    /// A page saved twice (or a story re-published under a new address) by one outlet is a copy in the
    /// same outlet, not "also in 1 outlet" naming the hit's own outlet.
    @Test func copiesInTheHitsOwnOutletAreSaidToBeThere() throws {
        let story = Self.paragraphs.joined(separator: "\n\n")
        try folder.write(
            record("wire-1", "Harbour terminal approved", story, source: "Harbor Wire", date: "2025-04-08")
                + record("wire-2", "Harbour terminal approved", story, source: "Harbor Wire", date: "2025-04-08"),
            to: "news/a.jsonl")
        _ = try run(["index", "--quiet", folder.url.appendingPathComponent("news").path])
        let text = try run(["harbour terminal", "--color", "never"]).stdout
        #expect(text.contains("also 1 copy in the same outlet"), "\(text)")
        #expect(!text.contains("also in 1 outlet"), "\(text)")
    }

    @Test func noFoldShowsEveryCopy() throws {
        try writeCorpus()
        _ = try run(["index", "--quiet", folder.url.appendingPathComponent("news").path])
        let results = try json(["harbour terminal", "--no-fold"])
        #expect(hits(results).count == 4)
        #expect(hits(results).allSatisfy { copyIDs($0).isEmpty })
        #expect(results["total_clusters"] as? Int == 2)
        #expect(!(try run(["harbour terminal", "--no-fold"]).stdout.contains("also in")))
    }

    @Test func pagingCountsFoldedHits() throws {
        try writeCorpus()
        _ = try run(["index", "--quiet", folder.url.appendingPathComponent("news").path])
        let all = hits(try json(["harbour terminal"])).compactMap { $0["id"] as? String }
        let first = hits(try json(["harbour terminal", "--limit", "1"])).compactMap { $0["id"] as? String }
        let second = hits(try json(["harbour terminal", "--limit", "1", "--offset", "1"])).compactMap { $0["id"] as? String }
        #expect(first + second == all)
        #expect(hits(try json(["harbour terminal", "--offset", "2"])).isEmpty)
    }

    @Test func showListsTheCopiesAndTheirLengthDifference() throws {
        try writeCorpus()
        _ = try run(["index", "--quiet", folder.url.appendingPathComponent("news").path])
        let shown = try json(["show", "wire-1"])
        let copies = try #require(shown["copies"] as? [[String: Any]])
        #expect(copies.compactMap { $0["id"] as? String } == ["ledger-1", "courier-1"])
        let ledger = copies[0]
        let trimmed = Self.paragraphs.dropLast().joined(separator: "\n\n").unicodeScalars.count
        #expect(ledger["characters"] as? Int == trimmed)
        #expect(ledger["length_difference"] as? Int == trimmed - Self.paragraphs.joined(separator: "\n\n").unicodeScalars.count)
        let text = try run(["show", "wire-1", "--color", "never"]).stdout
        #expect(text.contains("2 copies of this story"), "\(text)")
        #expect(text.contains("ledger-1 · Coast Ledger · 2025-04-09"), "\(text)")
        #expect(try json(["show", "protest-1"])["copies"] as? [Any] != nil)
        #expect((try json(["show", "protest-1"])["copies"] as? [Any])?.isEmpty == true)
    }

    @Test func aCopyAddedLaterJoinsAndARemovedOneLeaves() throws {
        try writeCorpus()
        let news = folder.url.appendingPathComponent("news").path
        _ = try run(["index", "--quiet", news])
        try folder.write(
            record("herald-1", "Terminal approved at the harbour", Self.paragraphs.joined(separator: "\n\n") + "\n\nShare this story.",
                source: "Lakeside Herald", date: "2025-04-09"),
            to: "news/b.jsonl")
        _ = try run(["index", "--quiet", news])
        var shown = try json(["show", "wire-1"])
        #expect(Set((shown["copies"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }) == ["ledger-1", "courier-1", "herald-1"])
        #expect(try json(["harbour terminal"])["total_clusters"] as? Int == 2)

        // The wire story and one copy leave: the two copies left are still one story.
        try folder.write(
            record("ledger-1", "Port terminal wins approval", Self.paragraphs.dropLast().joined(separator: "\n\n"),
                source: "Coast Ledger", date: "2025-04-09")
                + record("protest-1", "Fishermen protest terminal vote", Self.sameEvent, source: "Harbor Wire", date: "2025-04-08"),
            to: "news/a.jsonl")
        _ = try run(["index", "--quiet", news])
        shown = try json(["show", "ledger-1"])
        #expect((shown["copies"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } == ["herald-1"])

        // Edited into another story, the last copy leaves the cluster, and the one left has no copy.
        try folder.write(
            record("herald-1", "Council budget", "The town council adopted its budget for next year after a long debate about road repairs, school buses and the cost of the new library, which opens in the autumn.",
                source: "Lakeside Herald", date: "2025-04-09"),
            to: "news/b.jsonl")
        _ = try run(["index", "--quiet", news])
        #expect((try json(["show", "ledger-1"])["copies"] as? [Any])?.isEmpty == true)
        let results = try json(["harbour terminal"])
        #expect(results["total"] as? Int == results["total_clusters"] as? Int)
    }

    /// The bundled sample has no syndicated copies: folding changes none of its results.
    @Test func theSampleCorpusHasNoCopiesSoFoldingChangesNothing() throws {
        let folded = try binary.run(["defense", "industrial", "--json", "--limit", "50"], in: folder.url)
        #expect(folded.status == 0, "\(folded.stderr)")
        let unfolded = try binary.run(["defense", "industrial", "--json", "--limit", "50", "--no-fold"], in: folder.url)
        let a = try #require(try JSONSerialization.jsonObject(with: folded.stdoutData) as? [String: Any])
        let b = try #require(try JSONSerialization.jsonObject(with: unfolded.stdoutData) as? [String: Any])
        #expect((a["total"] as? Int ?? 0) >= 10)
        #expect(a["total_clusters"] as? Int == a["total"] as? Int)
        #expect(hits(a).compactMap { $0["id"] as? String } == hits(b).compactMap { $0["id"] as? String })
        #expect(hits(a).allSatisfy { copyIDs($0).isEmpty })
    }

    @Test func reindexRecomputesTheSameClusters() throws {
        try writeCorpus()
        _ = try run(["index", "--quiet", folder.url.appendingPathComponent("news").path])
        let before = try json(["show", "courier-1"])["copies"] as? [[String: Any]]
        _ = try run(["reindex"])
        let after = try json(["show", "courier-1"])["copies"] as? [[String: Any]]
        #expect(before?.compactMap { $0["id"] as? String } == ["wire-1", "ledger-1"])
        #expect(after?.compactMap { $0["id"] as? String } == before?.compactMap { $0["id"] as? String })
        #expect(try json(["harbour terminal"])["total_clusters"] as? Int == 2)
    }
}
