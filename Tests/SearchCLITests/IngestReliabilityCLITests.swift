import Foundation
import NewsSearchTestSupport
import Testing

/// Articles that are ordinary somewhere go in whole, through the built `search`, and what ingestion
/// changed to keep them is said in the summary; `extract` shows what `index` stores.
@Suite struct IngestReliabilityCLITests {
    @Test func oddRecordsGoInWithNotesNotSkips() throws {
        let binary = try SearchBinary()
        let folder = try TemporaryDirectory()
        let dump = try folder.write(
            #"""
            {"id":"nul\u0000id","title":"Port\u0000 strike ends","body":"The strike ended\u0000 on Friday."}
            {"id":"feb30","title":"Leap talks","body":"Negotiators met again.","date":"2025-02-30"}
            {"id":"zero","title":"Zero date","body":"An export with no dates.","date":"0000-00-00"}
            {"id":"crlf","title":"Windows export","body":"First paragraph.\r\n\r\nSecond paragraph."}
            """#, to: "dump.jsonl")
        let index = folder.url.appendingPathComponent("i.sqlite").path
        let run = try binary.run(["index", "--index", index, dump.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("4 added, 0 updated, 0 removed, 0 unchanged, 0 skipped, 3 with notes"), "\(run.stdout)")
        #expect(run.stdout.contains("dump.jsonl:2: date '2025-02-30' is not a real date"))
        #expect(run.stdout.contains("dump.jsonl:1: 3 NUL characters removed"))
        let shown = try binary.run(["show", "--index", index, "--json", "nulid"])
        #expect(shown.status == 0, "\(shown.stderr)")
        let article = try #require(try JSONSerialization.jsonObject(with: shown.stdoutData) as? [String: Any])
        #expect(article["title"] as? String == "Port strike ends")
        #expect(article["body"] as? String == "The strike ended on Friday.")
        let found = try binary.run(["--index", index, "--json", "friday"])
        #expect(found.stdout.contains("\"nulid\""))
        let crlf = try binary.run(["show", "--index", index, "--json", "crlf"])
        let body = try #require(try JSONSerialization.jsonObject(with: crlf.stdoutData) as? [String: Any])["body"] as? String
        #expect(body == "First paragraph.\n\nSecond paragraph.")
        let json = try binary.run(["index", "--index", index, "--json", "--rebuild", dump.path])
        let summary = try #require(json.stdout.split(separator: "\n").last.map { Data($0.utf8) })
        let notes = try #require(
            ((try JSONSerialization.jsonObject(with: summary) as? [String: Any])?["data"] as? [String: Any])?["notes"] as? [[String: String]])
        #expect(notes.count == 3)
        #expect(notes.allSatisfy { $0["location"]?.contains("dump.jsonl:") == true && $0["message"]?.isEmpty == false })
    }

    @Test func crlfAndUTF16FilesAreArticles() throws {
        let binary = try SearchBinary()
        let folder = try TemporaryDirectory()
        _ = try folder.write("---\r\nid: fm-crlf\r\ntitle: Harbour talks\r\ndate: 2025-01-02\r\n---\r\nThe talks resumed.\r\n", to: "c/a.md")
        let utf16 = folder.url.appendingPathComponent("c/u.txt")
        try (Data([0xFF, 0xFE]) + "---\nid: wide\n---\nKelby harbour\n\nThe pilots agreed a roster.\n".data(using: .utf16LittleEndian)!)
            .write(to: utf16)
        let index = folder.url.appendingPathComponent("i.sqlite").path
        let run = try binary.run(["index", "--index", index, folder.url.appendingPathComponent("c").path])
        #expect(run.stdout.contains("2 added"), "\(run.stdout)")
        #expect(run.stdout.contains("0 skipped"))
        let markdown = try binary.run(["show", "--index", index, "--json", "fm-crlf"])
        let article = try #require(try JSONSerialization.jsonObject(with: markdown.stdoutData) as? [String: Any])
        #expect(article["title"] as? String == "Harbour talks")
        #expect(article["date"] as? String == "2025-01-02")
        let wide = try binary.run(["--index", index, "--json", "pilots roster"])
        #expect(wide.stdout.contains("\"wide\""), "\(wide.stdout)")
    }

    /// The index's aliases, actor dictionary, learned boilerplate and known actors all reach `extract`.
    @Test func extractUsesTheIndexConfiguration() throws {
        let binary = try SearchBinary()
        let folder = try TemporaryDirectory()
        _ = try folder.write("feedsite = Feed Site Daily\n", to: "ix/source-aliases.txt")
        _ = try folder.write("person: Zorblat Quennick = Quennick\nban: Blorptown\n", to: "ix/actors.txt")
        for number in 1...6 {
            _ = try folder.write(
                """
                Story number \(number) about the ministers

                Zorblat Quennick said the ministers met in Blorptown on Tuesday to discuss trade item \(number).

                Follow Feed Site Daily on Glimmerbook for more news
                """, to: "corpus/feedsite/s\(number).txt")
        }
        let fresh = try folder.write(
            """
            Story number 7 about the ministers

            Quennick said the ministers met in Blorptown on Wednesday.

            Follow Feed Site Daily on Glimmerbook for more news
            """, to: "later/feedsite/s7.txt")
        let index = folder.url.appendingPathComponent("ix/s.sqlite").path
        #expect(try binary.run(["index", "--index", index, folder.url.appendingPathComponent("corpus").path]).status == 0)

        let extracted = try binary.run(["extract", "--index", index, "--json", fresh.path])
        #expect(extracted.status == 0, "\(extracted.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: extracted.stdoutData) as? [String: Any])
        #expect(report["source"] as? String == "Feed Site Daily")
        #expect((report["body"] as? String)?.contains("Glimmerbook") == false)
        let actors = (report["actors"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(actors == ["Zorblat Quennick"])

        // What extract showed is what indexing the file stores.
        #expect(try binary.run(["index", "--index", index, folder.url.appendingPathComponent("later").path]).status == 0)
        let listed = try binary.run(["--index", index, "--json", "wednesday"])
        let hits = try #require((try JSONSerialization.jsonObject(with: listed.stdoutData) as? [String: Any])?["hits"] as? [[String: Any]])
        let id = try #require(hits.first?["id"] as? String)
        let shown = try binary.run(["show", "--index", index, "--json", id])
        let stored = try #require(try JSONSerialization.jsonObject(with: shown.stdoutData) as? [String: Any])
        #expect(stored["body"] as? String == report["body"] as? String)
        #expect(stored["source"] as? String == report["source"] as? String)
        #expect((stored["actors"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == actors)

        // Without the index, none of that applies: the view really comes from the index.
        let plain = try binary.run(["extract", "--index", folder.url.appendingPathComponent("none/s.sqlite").path, "--json", fresh.path])
        let plainReport = try #require(try JSONSerialization.jsonObject(with: plain.stdoutData) as? [String: Any])
        #expect((plainReport["body"] as? String)?.contains("Glimmerbook") == true)
    }

    /// A surname met before its full name used to stay a second actor, depending on file order.
    @Test func aSurnameSeenFirstJoinsItsFullName() throws {
        let binary = try SearchBinary()
        let folder = try TemporaryDirectory()
        _ = try folder.write("Talks on ships\n\nOsterholt said on Monday that the talks on frigates would continue.\n", to: "c/a.md")
        _ = try folder.write("Minister visits yard\n\nDefence minister Wilhelmina Osterholt said the visit showed progress.\n", to: "c/b.md")
        let index = folder.url.appendingPathComponent("i.sqlite").path
        #expect(try binary.run(["index", "--index", index, folder.url.appendingPathComponent("c").path]).status == 0)
        for _ in 0..<2 {
            let actors = try binary.run(["actors", "--index", index, "--type", "person", "--json"])
            #expect(actors.stdout.contains("Wilhelmina Osterholt"))
            #expect(!actors.stdout.contains("\"Osterholt\""), "\(actors.stdout)")
            let found = try binary.run(["--index", index, "--json", "actor:osterholt"])
            #expect(found.stdout.contains("\"total\":2") || found.stdout.contains("\"total\" : 2"), "\(found.stdout)")
            #expect(try binary.run(["reindex", "--index", index, "--quiet"]).status == 0)
        }
    }

    /// ArgumentParser lists the choices on lines of their own; the first line alone ended in a colon.
    @Test func aBadChoiceNamesTheChoicesOnTheErrorLine() throws {
        let result = try SearchBinary().run(["index", "--format", "xml", "/tmp"])
        #expect(result.status == 2)
        let first = try #require(result.stderr.split(separator: "\n").first)
        #expect(first.hasSuffix("auto, jsonl, json, csv, text, markdown, html, feed, email, warc"), "\(result.stderr)")
    }

    /// A bad date or facet list says what a good one looks like, on the error line (the CLI and the
    /// server's 400 share it).
    @Test func aBadDateOrFacetListSaysWhatIsExpected() throws {
        let binary = try SearchBinary()
        let cases = [
            (["trump", "--since", "garbage"], "search: The value 'garbage' is invalid for '--since <since>': not a date: use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2025-04"),
            (["actors", "--until", "2025-13"], "search: The value '2025-13' is invalid for '--until <until>': not a date: use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2025-04"),
            (["trump", "--facets", "dates"], "search: The value 'dates' is invalid for '--facets <facets>': facets are date, source and actor, comma-separated"),
        ]
        for (arguments, line) in cases {
            let result = try binary.run(arguments)
            #expect(result.status == 2)
            #expect(result.stderr.split(separator: "\n").first.map(String.init) == line, "\(result.stderr)")
        }
    }

    /// A link pasted where a file goes says what to do, in one line, for `index` and `extract`.
    @Test func aWebAddressIsNotTakenForAMissingFile() throws {
        let folder = try TemporaryDirectory()
        for arguments in [["index", "--index", folder.url.appendingPathComponent("i.sqlite").path], ["extract"]] {
            let result = try SearchBinary().run(arguments + ["https://news.example/2025/03/04/strike"])
            #expect(result.status == 2)
            #expect(result.stderr == "search: https://news.example/2025/03/04/strike is a web address; NewsSearch reads saved pages and files: "
                + "save it first (e.g. `curl -L -o page.html 'https://news.example/2025/03/04/strike'`)\n", "\(result.stderr)")
        }
    }
}
