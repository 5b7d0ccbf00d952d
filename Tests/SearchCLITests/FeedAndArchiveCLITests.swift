import Foundation
import GRDB
import NewsSearchTestSupport
import Testing

/// Files that hold many articles in a web format: a saved news feed (skipped whole before: "an RSS or
/// Atom feed, not read as articles") and a web archive.
@Suite struct FeedAndArchiveCLITests {
    /// A saved news feed was skipped whole ("an RSS or Atom feed, not read as articles").
    @Test func aSavedFeedsItemsAreArticles() throws {
        let binary = try SearchBinary()
        let folder = try TemporaryDirectory()
        _ = try folder.write(
            """
            <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Harbour Ledger | Transport</title>
            <item><title>Ferry fares rise</title><link>https://harbour-ledger.example/fares</link><pubDate>Tue, 04 Feb 2025 07:00:00 +0000</pubDate>
            <description>&lt;p&gt;Ferry fares will rise by four percent from April.&lt;/p&gt;</description></item>
            <item><title>Night buses return</title><link>https://harbour-ledger.example/buses</link><pubDate>Thu, 06 Feb 2025 18:00:00 +0000</pubDate>
            <description>Night buses return to the harbour routes on Friday.</description></item>
            </channel></rss>
            """, to: "feeds/transport.xml")
        let index = folder.url.appendingPathComponent("i.sqlite").path
        let run = try binary.run(["index", "--index", index, folder.url.appendingPathComponent("feeds").path])
        #expect(run.status == 0 && run.stdout.contains("2 added") && run.stdout.contains("0 skipped"), "\(run.stdout)\(run.stderr)")
        let found = try binary.run(["--index", index, "--json", "harbour"])
        let hits = try #require((try JSONSerialization.jsonObject(with: found.stdoutData) as? [String: Any])?["hits"] as? [[String: Any]])
        #expect(hits.map { $0["title"] as? String } == ["Night buses return"])
        #expect(hits.first?["source"] as? String == "Harbour Ledger")
        #expect(hits.first?["date"] as? String == "2025-02-06")
        let shown = try binary.run(["show", "--index", index, "https://harbour-ledger.example/fares"])
        #expect(shown.stdout.contains("Ferry fares will rise by four percent from April."), "\(shown.stdout)")
        #expect(!shown.stdout.contains("&lt;") && !shown.stdout.contains("<p>"), "\(shown.stdout)")
    }

    /// A web archive was one article of WARC and HTTP headers whose own text was cut away.
    @Test func aWebArchivesPagesAreArticles() throws {
        let binary = try SearchBinary()
        let folder = try TemporaryDirectory()
        let page = "<html><head><title>Dock strike ends</title></head><body><article><p>Crews returned to work on Monday "
            + "after a three-week strike over shift lengths at the northern terminal.</p></article></body></html>"
        let http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page
        let warc = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://harbour-ledger.example/2025/03/14/strike\r\n"
            + "Content-Type: application/http; msgtype=response\r\nContent-Length: \(http.utf8.count)\r\n\r\n\(http)\r\n\r\n"
        _ = try folder.write(warc, to: "crawls/capture.warc")
        let index = folder.url.appendingPathComponent("i.sqlite").path
        let run = try binary.run(["index", "--index", index, folder.url.appendingPathComponent("crawls").path])
        #expect(run.status == 0 && run.stdout.contains("1 added"), "\(run.stdout)\(run.stderr)")
        let found = try binary.run(["--index", index, "--json", "strike"])
        let hit = try #require(((try JSONSerialization.jsonObject(with: found.stdoutData) as? [String: Any])?["hits"] as? [[String: Any]])?.first)
        #expect(hit["title"] as? String == "Dock strike ends")
        #expect(hit["id"] as? String == "https://harbour-ledger.example/2025/03/14/strike")
        #expect(hit["source"] as? String == "harbour-ledger.example")
        #expect(try binary.run(["--index", index, "warc"]).stdout.hasPrefix("0 articles"))
    }
}

/// A web archive larger than one chunk (crawls run to gigabytes) is read in pieces cut between records.
@Suite struct LargeArchiveCLITests {
    static func capture(_ uri: String, type: String = "text/html", status: String = "200 OK", body: String) -> String {
        let http = "HTTP/1.1 \(status)\r\nContent-Type: \(type)\r\n\r\n" + body
        return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: \(uri)\r\n"
            + "Content-Type: application/http; msgtype=response\r\nContent-Length: \(http.utf8.count)\r\n\r\n\(http)\r\n\r\n"
    }

    @Test func anArchiveStreamedInPiecesReadsAsTheWholeArchiveDoes() throws {
        let binary = try SearchBinary()
        let folder = try TemporaryDirectory("large-archive")
        var warc = ""
        for n in 1...240 {
            let page = "<html><head><title>Harbour note \(n)</title></head><body><article><p>Berth \(n) reopened on Monday "
                + "after repairs to the quay wall, the harbour office said.</p><p>Line \(n) of\nthe second paragraph.</p></article></body></html>"
            warc += Self.capture("https://harbour-ledger.example/notes/\(n)", body: page)
            warc += Self.capture("https://harbour-ledger.example/style-\(n).css", type: "text/css", body: "p { margin: \(n)px }")
            // A later capture of an earlier address: the first capture is the article, as when read whole.
            if n % 40 == 0 { warc += Self.capture("https://harbour-ledger.example/notes/\(n - 30)", body: "<html><body><p>Recaptured.</p></body></html>") }
        }
        let file = try folder.write(warc, to: "crawls/harbour.warc")
        let whole = folder.url.appendingPathComponent("whole.sqlite").path
        let streamed = folder.url.appendingPathComponent("streamed.sqlite").path
        let read = try binary.run(["index", "--index", whole, file.path])
        let stream = try binary.run(["index", "--index", streamed, "--dump-chunk-bytes", "6000", file.path])
        #expect(read.stdout.contains("240 added") && stream.stdout.contains("240 added"), "\(read.stdout)\(stream.stdout)\(stream.stderr)")
        #expect(stream.stdout.contains("0 skipped"), "\(stream.stdout)")
        let documents = { (index: String) in
            try DatabaseQueue(path: index).read { db in
                try String.fetchAll(db, sql: "SELECT external_id || '|' || title || '|' || body FROM documents ORDER BY external_id")
            }
        }
        let expected = try documents(whole)
        #expect(expected.count == 240 && !expected.contains { $0.contains("Recaptured") })
        #expect(try documents(streamed) == expected)
    }
}
