import Foundation
import NewsSearchTestSupport
import Testing

/// What an analyst saves from news APIs, indexed as they come: an API's answer fetched with `curl`
/// (one line, the articles in a list), WordPress posts with their HTML, an Elasticsearch export.
@Suite struct APIRecordsCLITests {
    @Test func recordsFromAPIsAreIndexedAsArticlesWithTheirMarkupMadeText() throws {
        let binary = try SearchBinary()
        let folder = try TemporaryDirectory()
        _ = try folder.write(
            #"{"status": "ok", "totalResults": 2, "articles": [{"source": {"id": null, "name": "Valley Courier"}, "#
                + #""title": "Bridge reopens to traffic", "publishedAt": "2025-02-03T09:00:00Z", "content": "The old stone "#
                + #"bridge over the Tamar reopened to traffic on Monday."}, {"source": {"name": "Harbour Ledger"}, "#
                + #""title": "Ferry fares rise", "publishedAt": "2025-02-04T07:00:00Z", "content": "Ferry fares will rise "#
                + #"by four percent from April, the operator said."}]}"#,
            to: "api/top-headlines")
        _ = try folder.write(
            #"{"id": 101, "date": "2025-02-05T09:00:00", "link": "https://valley-courier.example/2025/02/05/weir/", "#
                + #""title": {"rendered": "Weir repairs &#8216;finished&#8217;"}, "content": {"rendered": "<p>Repairs to the "#
                + #"<strong>weir</strong> below the bridge were finished on Wednesday.</p>\n<p>Anglers &amp; rowers may use the "#
                + #"river again.</p>"}}"# + "\n",
            to: "api/posts.jsonl")
        let index = folder.url.appendingPathComponent("i.sqlite").path
        let run = try binary.run(["index", "--index", index, folder.url.appendingPathComponent("api").path])
        #expect(run.status == 0 && run.stdout.contains("3 added"), "\(run.stdout)\(run.stderr)")
        let all = try binary.run(["--index", index, "--json", "--limit", "10", "--sort", "oldest", ""])
        let hits = try #require((try JSONSerialization.jsonObject(with: all.stdoutData) as? [String: Any])?["hits"] as? [[String: Any]])
        #expect(hits.map { $0["title"] as? String } == ["Bridge reopens to traffic", "Ferry fares rise", "Weir repairs ‘finished’"])
        #expect(hits.map { $0["source"] as? String } == ["Valley Courier", "Harbour Ledger", "valley-courier.example"])
        #expect(hits.map { $0["id"] as? String } == ["top-headlines#1", "top-headlines#2", "101"])
        let shown = try binary.run(["show", "--index", index, "101"])
        #expect(shown.stdout.contains("Repairs to the weir below the bridge were finished on Wednesday."), "\(shown.stdout)")
        #expect(shown.stdout.contains("Anglers & rowers may use the river again."), "\(shown.stdout)")
        #expect(!shown.stdout.contains("<p>") && !shown.stdout.contains("&amp;"), "\(shown.stdout)")
        // Markup is neither searched nor shown: `strong` was a word of the body.
        #expect(try binary.run(["--index", index, "strong"]).stdout.hasPrefix("0 articles"))
    }
}
