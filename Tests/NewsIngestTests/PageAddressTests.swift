import Foundation
import Testing

@testable import NewsIngest

@Suite("The page's own address and a page without an extension")
struct PageAddressTests {
    private static func page(head: String) -> Data {
        Data(
            """
            <!doctype html><html lang="en"><head><title>Harbour Cranes Return to Service</title>\(head)</head>
            <body><article><h1>Harbour Cranes Return to Service</h1>
            <p>The port authority said on Tuesday that all six container cranes damaged in the spring storm were working again, two weeks ahead of the schedule it had published.</p>
            <p>Shipping lines had diverted about a fifth of their calls to other terminals while the repairs went on, according to figures the authority released.</p>
            </article></body></html>
            """.utf8)
    }

    @Test("a relative canonical link is resolved against <base href>, and the source is the site's")
    func relativeCanonicalWithBase() {
        let data = Self.page(head: #"<base href="https://harbour-gazette.example/"><link rel="canonical" href="/news/cranes-return">"#)
        let report = Ingestor().extract(data: data, path: "saved.html", folderName: "Html")
        #expect(report.url == "https://harbour-gazette.example/news/cranes-return")
        #expect(report.sourceOrigin == .urlHost)
    }

    @Test("a relative canonical link is resolved against the absolute og:url when there is no <base>")
    func relativeCanonicalWithOpenGraph() {
        let data = Self.page(
            head: #"<link rel="canonical" href="cranes-return"><meta property="og:url" content="https://harbour-gazette.example/news/">"#)
        let report = Ingestor().extract(data: data, path: "saved.html", folderName: "Html")
        #expect(report.url == "https://harbour-gazette.example/news/cranes-return")
        #expect(report.sourceOrigin == .urlHost)
    }

    @Test("an absolute canonical link wins, and a relative one with nothing to resolve it is kept as it was")
    func absoluteAndUnresolvable() {
        #expect(
            PageAddress.resolve(canonical: "https://a.example/x", base: "https://b.example/", declared: ["https://c.example/y"])
                == "https://a.example/x")
        #expect(PageAddress.resolve(canonical: "/x", base: nil, declared: [nil, nil]) == "/x")
        #expect(PageAddress.resolve(canonical: "/x", base: nil, declared: [nil, "https://c.example/y"]) == "https://c.example/x")
        #expect(PageAddress.resolve(canonical: nil, base: nil, declared: ["/relative", "https://c.example/y"]) == "https://c.example/y")
        #expect(PageAddress.resolve(canonical: "//cdn.example/x", base: "https://b.example/", declared: []) == "https://cdn.example/x")
    }

    @Test("a saved page without an extension is read as HTML even after a screenful of server notices")
    func sniffedAfterNotices() {
        let notice = "<br />\n<b>Deprecated</b>:  Assigning the return value of new by reference is deprecated in <b>/srv/www/site/settings.php</b> on line <b>52</b><br />\n"
        let data = Data(String(repeating: notice, count: 8).utf8) + Self.page(head: "")
        #expect(data.prefix(512).range(of: Data("<html".utf8)) == nil, "the notices must push the markup past the old 512-byte look")
        #expect(Ingestor.detectFormat(path: "/pages/harbour-gazette.example", data: data) == .html)
        let report = Ingestor().extract(data: data, path: "/pages/harbour-gazette.example")
        #expect(report.format == .html)
        #expect(report.title == "Harbour Cranes Return to Service")
    }

    @Test("a JSON Lines record carrying the raw page is still JSON Lines")
    func jsonRecordWithPage() {
        let line = #"{"id": "a1", "title": "Cranes", "body": "Working again.", "html": "<!doctype html><html><body>x</body></html>"}"#
        let data = Data((line + "\n" + line.replacingOccurrences(of: "a1", with: "a2") + "\n").utf8)
        #expect(Ingestor.detectFormat(path: "/pages/dump", data: data) == .jsonl)
    }
}
