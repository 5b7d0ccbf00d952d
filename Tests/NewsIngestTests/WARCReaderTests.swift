import Foundation
import Testing

@testable import NewsIngest

/// Web archives as crawlers write them (records of our own writing, shaped as ISO 28500 says).
@Suite("Web archives (WARC)")
struct WARCReaderTests {
    static func record(type: String, uri: String, block: String, contentType: String = "application/http; msgtype=response") -> String {
        "WARC/1.0\r\nWARC-Type: \(type)\r\nWARC-Target-URI: \(uri)\r\nWARC-Date: 2025-03-15T10:00:00Z\r\n"
            + "Content-Type: \(contentType)\r\nContent-Length: \(block.utf8.count)\r\n\r\n\(block)\r\n\r\n"
    }

    static func response(_ status: String, _ headers: String, _ body: String) -> String {
        "HTTP/1.1 \(status)\r\n\(headers)\r\n\r\n\(body)"
    }

    static let page = "<html><head><title>Dock strike ends</title></head><body><article><p>Crews returned to work on Monday "
        + "after a three-week strike over shift lengths at the northern terminal.</p></article></body></html>"

    static let archive: Data = {
        var text = "WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Type: application/warc-fields\r\nContent-Length: 20\r\n\r\nsoftware: wget 1.21\r\n\r\n\r\n"
        text += record(type: "request", uri: "https://harbour-ledger.example/a", block: "GET /a HTTP/1.1\r\nHost: harbour-ledger.example\r\n\r\n")
        text += record(type: "response", uri: "https://harbour-ledger.example/old", block: response("301 Moved Permanently", "Location: /a", ""))
        // Chunked, as wget records what the server sent.
        let chunked = String(format: "%x", page.utf8.count / 2) + "\r\n" + String(page.prefix(page.utf8.count / 2)) + "\r\n"
            + String(format: "%x", page.utf8.count - page.utf8.count / 2) + "\r\n" + String(page.dropFirst(page.utf8.count / 2)) + "\r\n0\r\n\r\n"
        text += record(type: "response", uri: "https://harbour-ledger.example/2025/03/14/dock-strike",
            block: response("200 OK", "Content-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked", chunked))
        text += record(type: "response", uri: "https://harbour-ledger.example/2025/03/14/dock-strike",
            block: response("200 OK", "Content-Type: text/html", "<html><body><p>A second capture of the same address.</p></body></html>"))
        text += record(type: "response", uri: "https://harbour-ledger.example/style.css", block: response("200 OK", "Content-Type: text/css", "body{}"))
        text += record(type: "response", uri: "https://harbour-ledger.example/missing", block: response("404 Not Found", "Content-Type: text/html", "<p>Not found</p>"))
        text += record(type: "response", uri: "https://harbour-ledger.example/packed", block: response("200 OK", "Content-Type: text/html\r\nContent-Encoding: br", "\u{1F}"))
        text += record(type: "resource", uri: "https://river-post.example/flood", block: "<html><head><title>Flood warning lifted</title></head>"
            + "<body><p>The flood warning for the lower valley was lifted on Monday morning.</p></body></html>", contentType: "text/html")
        return Data(text.utf8)
    }()

    @Test("each HTML page captured successfully is an article, once, with its address; the rest passed over")
    func pages() throws {
        #expect(Ingestor.detectFormat(path: "crawl", data: Self.archive) == .warc)
        let reports = Ingestor().extractAll(data: Self.archive, path: "crawl.warc")
        let read = reports.filter { $0.skipped == nil }
        #expect(read.map(\.title) == ["Dock strike ends", "Flood warning lifted"])
        #expect(read[0].body == "Crews returned to work on Monday after a three-week strike over shift lengths at the northern terminal.")
        #expect(read[0].id == "https://harbour-ledger.example/2025/03/14/dock-strike")
        #expect(read[0].url == "https://harbour-ledger.example/2025/03/14/dock-strike")
        #expect(read[0].date?.description == "2025-03-14")
        #expect(read[1].source == "river-post.example")
        let skipped = reports.filter { $0.skipped != nil }
        #expect(skipped.map(\.path) == ["crawl.warc [https://harbour-ledger.example/packed]"])
        #expect(skipped.first?.skipped == "captured br-compressed as the server sent it; not read")
    }

    @Test("an archive with no page, or cut short, says so and keeps what came before the cut")
    func emptyAndCut() {
        let info = Data("WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n".utf8)
        #expect(Ingestor().extract(data: info, path: "empty.warc").skipped == "a web archive (WARC) with no HTML page in it")
        let cut = Self.archive.prefix(Self.archive.count - 200)
        #expect(Ingestor().extractAll(data: cut, path: "cut.warc").contains { $0.title == "Dock strike ends" })
    }

    /// One capture whose body the server sent gzip-compressed (and chunked), as bytes: the body is binary.
    static func gzipCapture(uri: String, html: String, cutBy: Int = 0) -> Data {
        let packed = GzipFixture.compress(html).dropLast(cutBy)
        let chunked = Data((String(format: "%x", packed.count) + "\r\n").utf8) + packed + Data("\r\n0\r\n\r\n".utf8)
        let block = Data("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n".utf8) + chunked
        return Data(("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: \(uri)\r\n"
            + "Content-Type: application/http; msgtype=response\r\nContent-Length: \(block.count)\r\n\r\n").utf8) + block + Data("\r\n\r\n".utf8)
    }

    @Test("a capture the server sent gzip-compressed is expanded; a .warc.gz (a member per record) is read whole")
    func compressed() {
        let archive = Self.gzipCapture(uri: "https://harbour-ledger.example/packed", html: Self.page)
            + Self.gzipCapture(uri: "https://harbour-ledger.example/cut", html: Self.page, cutBy: 9)
        let reports = Ingestor().extractAll(data: archive, path: "crawl.warc")
        #expect(reports.first?.title == "Dock strike ends" && reports.first?.url == "https://harbour-ledger.example/packed")
        #expect(reports.last?.skipped == "captured gzip-compressed, and the gzip data ends early (a download or copy cut short?)")
        // As crawlers write `.warc.gz`: each record its own gzip member.
        let records = Self.archive.split(separator: Array("WARC/1.0".utf8)).map { GzipFixture.compress(Data("WARC/1.0".utf8) + Data($0)) }
        let packed = records.reduce(Data(), +)
        #expect(Ingestor.detectFormat(path: "crawl.warc.gz", data: Gzip.expand(packed, limit: 1 << 24).data) == .warc)
        let read = Ingestor().extractAll(data: packed, path: "crawl.warc.gz").filter { $0.skipped == nil }
        #expect(read.map(\.title) == ["Dock strike ends", "Flood warning lifted"])
    }

    @Test("chunked bodies")
    func chunks() {
        #expect(WARCReader.dechunked(Array("4\r\nWiki\r\n5;x=1\r\npedia\r\n0\r\n\r\n".utf8)[...]) == Data("Wikipedia".utf8))
        #expect(WARCReader.dechunked(Array("9\r\nWiki".utf8)[...]) == nil)
    }
}

@Suite("A web archive's record boundaries")
struct WebArchiveRecordsTests {
    @Test("each record's end is found; bytes that start no record end where the next record starts")
    func ends() {
        let archive = WARCReaderTests.archive
        var ends: [Int] = []
        WebArchiveRecords().recordEnds(in: archive) { ends.append($0) }
        #expect(ends.count == 9)
        // Every piece cut at those ends reads as the records it holds.
        var start = 0
        var titles: [String] = []
        for end in ends {
            titles += Ingestor().extractAll(data: archive[start..<end], path: "a.warc").compactMap { $0.skipped == nil ? $0.title : nil }
            start = end
        }
        #expect(titles.count == 3 && titles.first == "Dock strike ends" && titles.last == "Flood warning lifted", "\(titles)")
        // The middle of a record (a cut inside one too large to hold) ends where the next record begins.
        let middle = archive.dropFirst(ends[3] + 20)
        var resumed: [Int] = []
        WebArchiveRecords().recordEnds(in: Data(middle)) { resumed.append($0) }
        let nextRecord = archive[ends[4]...].firstIndex { $0 != 0x0D && $0 != 0x0A }!
        #expect(resumed.first == nextRecord - ends[3] - 20)
        #expect(resumed.count == 1 + ends.count - 5)
    }
}
