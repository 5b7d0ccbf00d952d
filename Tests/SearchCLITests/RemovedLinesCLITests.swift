import Foundation
import NewsSearchTestSupport
import Testing

/// `search show --removed`, `show --json` and `/api/articles/ID`: what cleaning removed from an
/// article when it was indexed, safe to print.
@Suite struct RemovedLinesCLITests {
    static let article = """
        ---
        title: Harbour opens a new terminal
        date: 2025-03-04
        source: Beta Review
        ---
        The port authority opened its third container terminal on Monday, after four years of building work on the eastern side of the harbour.
        Advertisement
        Officials expect traffic to double within five years, and the city council said it would widen the access roads before the summer.
        Share on X
        Related Tags
        <img src=x onerror=alert(1)> great article! \u{1b}[2J\u{1b}]0;pwned\u{7}
        """

    let binary: SearchBinary
    let corpus: CorpusFixture

    init() throws {
        binary = try SearchBinary()
        corpus = try CorpusFixture()
        try corpus.write(Self.article, to: "news/beta/harbour.md")
        let indexed = try binary.run(["index", "--quiet", "--index", corpus.indexPath, corpus.root.path])
        #expect(indexed.status == 0, "\(indexed.stderr)")
    }

    @Test func showRemovedListsEachLineWithItsReason() throws {
        let shown = try binary.run(["show", "beta/harbour.md", "--removed", "--index", corpus.indexPath])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("[advertisement"))
        #expect(shown.stdout.contains("] Advertisement\n"))
        #expect(shown.stdout.contains("] Share on X"))
        #expect(shown.stdout.contains("<img src=x onerror=alert(1)> great article!"))
        // Stored text never reaches the terminal raw: no escape sequence survives.
        #expect(!shown.stdout.contains("\u{1b}"))
        #expect(!shown.stdout.contains("\u{7}"))
        let lines = shown.stdout.split(separator: "\n")
        let heading = try #require(lines.first { $0.hasPrefix("removed: ") })
        #expect(heading.hasSuffix(" lines"))

        let plain = try binary.run(["show", "beta/harbour.md", "--index", corpus.indexPath])
        #expect(!plain.stdout.contains("removed:"))
        #expect(!plain.stdout.contains("Share on X"))

        let clean = try binary.run(["show", "a4", "--removed", "--index", corpus.indexPath])
        #expect(clean.stdout.contains("removed: nothing"))
    }

    @Test func showJSONAndTheAPICarryTheSameRemovedLines() throws {
        let shown = try binary.run(["show", "beta/harbour.md", "--json", "--index", corpus.indexPath])
        let json = try #require(try JSONSerialization.jsonObject(with: shown.stdoutData) as? [String: Any])
        let removed = try #require(json["removed"] as? [String: Any])
        #expect(removed["omitted"] as? Int == 0)
        let lines = try #require(removed["lines"] as? [[String: Any]])
        #expect(lines.first?["kind"] as? String == "advertisement")
        #expect(lines.first?["text"] as? String == "Advertisement")
        #expect(lines.allSatisfy { ($0["reason"] as? String)?.isEmpty == false })
        // Ingestion already drops control characters from the text it keeps, removed lines included.
        #expect(lines.contains { ($0["text"] as? String)?.hasPrefix("<img src=x onerror=alert(1)> great article!") == true })

        let server = try ServerProcess(binary: binary, arguments: ["--index", corpus.indexPath])
        defer { server.stop() }
        let api = try HTTP.get(URL(string: "api/articles/beta%2Fharbour.md", relativeTo: server.baseURL)!)
        #expect(api.status == 200)
        let served = try #require(try JSONSerialization.jsonObject(with: api.body) as? [String: Any])
        #expect((served["removed"] as? NSDictionary) == (removed as NSDictionary))

        let clean = try HTTP.get(URL(string: "api/articles/a4", relativeTo: server.baseURL)!)
        let cleanJSON = try #require(try JSONSerialization.jsonObject(with: clean.body) as? [String: Any])
        #expect((cleanJSON["removed"] as? NSDictionary) == (["lines": [], "omitted": 0] as NSDictionary))
    }
}
