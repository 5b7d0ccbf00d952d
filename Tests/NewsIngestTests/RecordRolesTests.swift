import Foundation
import Testing

@testable import NewsIngest

/// Records exported by other tools name their fields their own way; each shape is read as the article
/// it is, not as a title with its text left in an unsearched extra field.
@Suite("Record field names")
struct RecordRolesTests {
    func extract(_ text: String, path: String = "d.jsonl") -> ExtractionReport { Ingestor.extract(text, path: path) }

    @Test("a news API's record: source object, author, publishedAt, content, description kept")
    func newsAPI() {
        let report = extract(
            #"{"source":{"id":"kp","name":"Kelby Post"},"author":"Ana Ruiz","title":"Ferry talks","description":"The lead.","url":"https://kelby.example/a","publishedAt":"2025-03-06T10:00:00Z","content":"Ferry talks resumed in Kelby."}"#)
        #expect(report.source == "Kelby Post")
        #expect(report.authors == ["Ana Ruiz"])
        #expect(report.date?.description == "2025-03-06")
        #expect(report.body == "Ferry talks resumed in Kelby.")
        #expect(report.metadata["description"] == "The lead.")
        #expect(report.metadata["source"] == nil && report.metadata["publishedAt"] == nil)
    }

    @Test("a crawler's record: maintext, date_publish, source_domain, authors list")
    func crawlerRecord() {
        let report = extract(
            #"{"title":"Cranes idle","maintext":"The cranes of the port stood idle.","date_publish":"2025-03-07 08:00:00","source_domain":"harbour.example","authors":["Max Weber"],"language":"de"}"#)
        #expect(report.body == "The cranes of the port stood idle.")
        #expect(report.date?.description == "2025-03-07")
        #expect(report.source == "harbour.example")
        #expect(report.authors == ["Max Weber"])
        #expect(report.metadata == ["language": "de"])
    }

    @Test("a source that is an address is the article's address; the outlet comes from the next name")
    func sourceThatIsAnAddress() {
        let report = extract(
            #"{"title":"T","text":"Body.","source":"https://paper.example/story/1","source-hostname":"The Paper","hostname":"paper.example"}"#)
        #expect(report.url == "https://paper.example/story/1")
        #expect(report.source == "The Paper")
    }

    @Test("a headline and a summary make an article; keys in capitals and camelCase are read")
    func headlineAndSummary() {
        let report = extract(#"{"Headline":"Oslo votes","Summary":"Oslo voted on Monday.","Published_At":"2025-03-09"}"#)
        #expect(report.title == "Oslo votes")
        #expect(report.body == "Oslo voted on Monday.")
        #expect(report.date?.description == "2025-03-09")
        #expect(report.metadata.isEmpty)
    }

    @Test("our own names win over others for the same role, whatever the key order")
    func ownNamesFirst() {
        for line in [
            #"{"title":"Ours","headline":"Theirs","body":"Our body.","text":"Their text."}"#,
            #"{"headline":"Theirs","text":"Their text.","title":"Ours","body":"Our body."}"#,
        ] {
            let report = extract(line)
            #expect(report.title == "Ours")
            #expect(report.body == "Our body.")
            #expect(report.metadata == ["headline": "Theirs", "text": "Their text."])
        }
    }

    @Test("Unix times in seconds and milliseconds are UTC days", arguments: [
        (#"1741046400"#, "2025-03-04"), (#"1741046400000"#, "2025-03-04"), (#""1741132799""#, "2025-03-04"),
        (#"1741132800.5"#, "2025-03-05"),
    ])
    func unixTimes(value: String, day: String) {
        let report = extract(#"{"title":"T","body":"B.","published":\#(value)}"#)
        #expect(report.date?.description == day)
    }

    @Test("numbers that are not times are not dates: they are noted", arguments: ["42", "true", "99999999999999999"])
    func notTimes(value: String) {
        let report = extract(#"{"title":"T","body":"B.","date":\#(value)}"#)
        #expect(report.date == nil)
        #expect(report.notes.contains { $0.contains("not a real date") })
    }

    @Test("eight digits are a date, not a Unix time")
    func eightDigits() {
        #expect(extract(#"{"title":"T","body":"B.","date":"20250304"}"#).date?.description == "2025-03-04")
    }

    @Test("a CSV export with a headline and story column is a table of articles")
    func csvSynonyms() {
        let csv = "Headline,Story,Pub_Date,Link\nPort strike,Dock workers walked out.,2025-03-04,https://x.example/1\n"
        let reports = Ingestor().extractAll(data: Data(csv.utf8), path: "t.csv")
        #expect(reports.count == 1)
        #expect(reports[0].title == "Port strike")
        #expect(reports[0].body == "Dock workers walked out.")
        #expect(reports[0].date?.description == "2025-03-04")
        #expect(reports[0].url == "https://x.example/1")
    }
}

/// "Posted by Unknown", `admin`, a profile link in `article:author`: no one's name, not an author.
@Suite("Placeholder authors")
struct PlaceholderAuthorTests {
    @Test func placeholdersAndLinksAreNoAuthors() {
        let line = #"{"title":"T","body":"B.","authors":["Unknown","admin","https://www.facebook.com/someone","Ana Ruiz","N/A"]}"#
        #expect(Ingestor().extract(data: Data(line.utf8), path: "d.jsonl").authors == ["Ana Ruiz"])
        let page = "<html><head><title>T</title><meta name=\"author\" content=\"Unknown\"></head><body><article><h1>T</h1>"
            + "<p>The council met on Monday to discuss the harbour budget for the coming year.</p></article></body></html>"
        #expect(Ingestor().extract(data: Data(page.utf8), path: "p.html").authors.isEmpty)
    }
}
