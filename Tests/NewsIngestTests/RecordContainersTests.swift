import Foundation
import Testing

@testable import NewsIngest

/// Records as news APIs and content systems deliver them (each shaped as the service documents it;
/// the words are ours).
@Suite("API records")
struct RecordContainersTests {
    func report(_ json: String, path: String = "api/records.jsonl") -> [ExtractionReport] {
        Ingestor().extractAll(data: Data(json.utf8), path: path)
    }

    @Test("WordPress: rendered title and content, markup and character references made text")
    func wordPress() throws {
        let line = #"{"id": 101, "date": "2025-02-03T09:00:00", "link": "https://valley-courier.example/2025/02/03/bridge/", "#
            + #""title": {"rendered": "Old bridge reopens after &#8216;repairs&#8217;"}, "content": {"rendered": "<p>The old "#
            + #"stone bridge reopened to traffic on Monday after <strong>eight months</strong> of repairs.</p>\n<script>track()</script>"#
            + #"<p>Engineers said the arches had been &#8220;badly weakened&#8221; by floods &amp; frost.</p>"}, "#
            + #""excerpt": {"rendered": "<p>The bridge reopened.</p>"}}"#
        let found = try #require(report(line).first)
        #expect(found.skipped == nil)
        #expect(found.title == "Old bridge reopens after ‘repairs’")
        #expect(found.body == "The old stone bridge reopened to traffic on Monday after eight months of repairs.\n"
            + "Engineers said the arches had been “badly weakened” by floods & frost.")
        #expect(found.date?.description == "2025-02-03")
        #expect(found.url == "https://valley-courier.example/2025/02/03/bridge/")
    }

    @Test("the Guardian's API: body and byline inside `fields`")
    func guardian() throws {
        let line = #"{"id": "world/2025/feb/03/bridge", "webTitle": "Old bridge reopens", "webPublicationDate": "2025-02-03T09:00:00Z", "#
            + #""webUrl": "https://www.theguardian.com/world/2025/feb/03/bridge", "fields": {"body": "<p>The old stone bridge "#
            + #"reopened on Monday.</p> <p>Engineers said the arches held.</p>", "byline": "Ann Other"}}"#
        let found = try #require(report(line).first)
        #expect(found.body == "The old stone bridge reopened on Monday.\nEngineers said the arches held.")
        #expect(found.authors == ["Ann Other"])
        #expect(found.metadata["fields"] == nil)
    }

    @Test("an Elasticsearch export: the record in `_source`, which is no outlet")
    func elasticsearch() throws {
        let line = #"{"_index": "news", "_id": "a1", "_score": 1.0, "_source": {"title": "Grain exports resume", "#
            + #""body": "Grain exports from the southern ports resumed on Tuesday.", "published": "2025-01-21", "outlet": "Delta Wire"}}"#
        let found = try #require(report(line).first)
        #expect(found.title == "Grain exports resume")
        #expect(found.id == "a1")
        #expect(found.source == "Delta Wire")
        #expect(found.date?.description == "2025-01-21")
    }

    @Test("an API's answer saved whole: its list of articles is read, each numbered")
    func envelopes() throws {
        let newsAPI = #"{"status": "ok", "totalResults": 2, "articles": [{"source": {"id": null, "name": "Valley Courier"}, "#
            + #""title": "Bridge reopens", "description": "The bridge reopened.", "publishedAt": "2025-02-03T09:00:00Z", "#
            + #""content": "The old stone bridge reopened on Monday."}, {"source": {"name": "Harbour Ledger"}, "title": "Fares rise", "#
            + #""content": "Ferry fares will rise by 4% from April."}]}"#
        let found = report(newsAPI, path: "api/top.json")
        #expect(found.map(\.title) == ["Bridge reopens", "Fares rise"])
        #expect(found.map(\.source) == ["Valley Courier", "Harbour Ledger"])
        #expect(Ingestor.numbersRecords(path: "api/top.json", data: Data(newsAPI.utf8), format: .auto))
        let guardian = #"{"response": {"status": "ok", "results": [{"webTitle": "A", "fields": {"body": "<p>One.</p>"}}, "#
            + #"{"webTitle": "B", "fields": {"body": "<p>Two.</p>"}}, {"webTitle": "C", "fields": {"body": "<p>Three.</p>"}}], "#
            + #""tags": [{"id": "world"}]}}"#
        #expect(report(guardian, path: "g.json").map(\.body) == ["One.", "Two.", "Three."])
        // An article that is one object stays one article, whatever lists it holds.
        let one = "{\n" + #""title": "Tariffs", "body": "Tariffs rose.", "tags": [{"name": "trade"}, {"name": "tariffs"}]"# + "\n}\n"
        #expect(report(one, path: "one.json").map(\.title) == ["Tariffs"])
        #expect(!Ingestor.numbersRecords(path: "one.json", data: Data(one.utf8), format: .auto))
    }

    @Test("a story cut by its API: the marker goes, the cut is kept with the article")
    func cutBySource() throws {
        let line = #"{"title": "Fares rise", "content": "Ferry fares will rise by four percent from April, the operator… [+2311 chars]"}"#
        let found = try #require(report(line).first)
        #expect(found.body == "Ferry fares will rise by four percent from April, the operator…")
        #expect(found.metadata["cut_by_source"] == "2311 characters left out")
        #expect(JSONLinesReader.cutMarker(in: "Prices [+5 pct] chars]") == nil)
    }

    @Test("markup is told from text that only has angle brackets")
    func markupDetection() {
        #expect(HTMLFragment.isMarkup("<p>Fares rise.</p>"))
        #expect(HTMLFragment.isMarkup("Fares rise.<br>Tickets too."))
        #expect(HTMLFragment.isMarkup("See <a href=\"x\">the notice</A>."))
        #expect(!HTMLFragment.isMarkup("HONEYBEE <HBE> SEES NO REASON"))
        #expect(!HTMLFragment.isMarkup("a loan with <Continental Illinois National Bank> and <CIL>"))
        #expect(!HTMLFragment.isMarkup("if a < b and c > d"))
        #expect(HTMLFragment.inlineText("AT&T buys R&D unit; shares rise") == "AT&T buys R&D unit; shares rise")
        #expect(HTMLFragment.inlineText("Fish &amp; chips <em>tonight</em>") == "Fish & chips tonight")
    }
}
