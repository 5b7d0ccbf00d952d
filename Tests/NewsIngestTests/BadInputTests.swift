import Foundation
import Testing

@testable import NewsIngest

/// Bad files are skipped with a reason or read as well as they can be; none may crash a batch.
@Suite("Bad input")
struct BadInputTests {
    @Test("empty file is skipped")
    func empty() {
        let result = Ingestor().read(data: Data(), path: "empty.html")
        #expect(result.articles.isEmpty)
        #expect(result.skipped == [SkippedRecord(location: "empty.html", reason: "empty file")])
    }

    @Test("binary data is skipped whatever the extension", arguments: ["photo.txt", "page.html", "noext"])
    func binary(path: String) {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
        bytes += (0..<4000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }
        let result = Ingestor().read(data: Data(bytes), path: path)
        #expect(result.articles.isEmpty)
        #expect(result.skipped.first?.reason == "binary file (not text)")
    }

    @Test("truncated HTML still yields the text that is there")
    func truncated() throws {
        let full = try Fixtures.data("html/01-harbor-gazette.html")
        let cut = full.prefix(full.count * 2 / 3)
        let report = Ingestor().extract(data: Data(cut), path: "cut.html")
        #expect(report.skipped == nil)
        #expect(report.title == "Port of Kelby opens third container terminal")
        #expect(report.body.contains("opened its third container terminal"))
    }

    @Test("HTML cut inside the head has no article and is skipped with a reason")
    func truncatedHead() {
        let report = Ingestor().extract(data: Data("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><sty".utf8), path: "x.html")
        #expect(report.skipped == IngestError.pageWithoutText.description)
    }

    @Test("a 50 MB page is skipped with the limit in the reason")
    func huge() {
        let paragraph = Data("<p>Filler paragraph of a page that never ends, repeated to make it enormous.</p>\n".utf8)
        var page = Data("<!DOCTYPE html><html><body>".utf8)
        page.reserveCapacity(50 << 20 + 100)
        while page.count < 50 << 20 { page.append(paragraph) }
        let result = Ingestor().read(data: page, path: "huge.html")
        #expect(result.articles.isEmpty)
        #expect(result.skipped.first?.reason == "file is 50 MB, larger than the 16 MB limit for this format")
    }

    @Test("a file over the general limit is skipped before any parsing")
    func overGeneralLimit() {
        let result = Ingestor(maximumFileSize: 1 << 20).read(data: Data(count: 2 << 20), path: "big.txt")
        #expect(result.skipped.first?.reason == "file is 2 MB, larger than the 1 MB limit for this format")
    }

    @Test("a JSON Lines dump is not held to the file limit: it is many articles")
    func largeDumpIsRead() {
        let line = #"{"id": "x", "title": "T", "body": "\#(String(repeating: "word ", count: 200))"}"#
        let lines = (0..<2000).map { line.replacingOccurrences(of: "\"x\"", with: "\"\($0)\"") }
        let data = Data(lines.joined(separator: "\n").utf8)
        let result = Ingestor(maximumFileSize: 1 << 20).read(data: data, path: "big.jsonl")
        #expect(data.count > 1 << 20)
        #expect(result.articles.count == 2000)
        #expect(result.skipped.isEmpty)
    }

    @Test("undeclared Latin-1 text is decoded, not rejected")
    func latinText() {
        let bytes: [UInt8] = Array("Caf".utf8) + [0xE9] + Array(" reopens\nThe caf".utf8) + [0xE9] + Array(" reopened today.".utf8)
        let report = Ingestor().extract(data: Data(bytes), path: "old.txt")
        #expect(report.title == "Café reopens")
        #expect(report.body == "The café reopened today.")
    }

    @Test("deeply nested and unclosed markup does not crash")
    func nesting() {
        let html = "<html><body>" + String(repeating: "<div><span>", count: 5000) + "<p>Deep text of the story that is long enough.</p>"
        let report = Ingestor().extract(data: Data(html.utf8), path: "deep.html")
        #expect(report.skipped == nil || report.skipped!.hasPrefix("malformed HTML") || report.skipped == IngestError.pageWithoutText.description)
    }

    @Test("a page of only navigation is skipped, not indexed as an article")
    func onlyChrome() {
        let html = "<html><body><nav><a href='/'>Home</a><a href='/news'>News</a></nav><footer>Contact</footer></body></html>"
        let report = Ingestor().extract(data: Data(html.utf8), path: "nav.html")
        #expect(report.skipped != nil)
    }

    @Test("a malformed JSON Lines record is skipped with its line number; good ones go in, a bad date with a note")
    func jsonLines() {
        let dump = """
            {"id": "a", "title": "Good one", "body": "Body text.\\nAdvertisement", "date": "2025-04-10", "source": "japantimes.co.jp"}
            {not json}
            {"id": "b", "title": "Bad date", "body": "x", "date": "soon"}
            """
        let result = Ingestor().read(data: Data(dump.utf8), path: "dump.jsonl")
        #expect(result.articles.map(\.id) == ["a", "b"])
        #expect(result.articles.first?.body == "Body text.")
        #expect(result.articles.first?.source == "The Japan Times")
        #expect(result.articles.first?.dateOrigin == .jsonLines)
        #expect(result.skipped.map(\.location) == ["dump.jsonl:2"])
        #expect(result.articles.last?.date == nil)
        #expect(result.notes == [IngestNote(location: "dump.jsonl:3", message: "date 'soon' is not a real date (YYYY, YYYY-MM or YYYY-MM-DD): indexed undated")])
    }
}
