import Foundation
import NewsSearchTestSupport
import Testing

/// Issue 19 on the `search serve` page: a hit lists its copies under it, as inert text and links to
/// each copy, whatever the copy's source name holds.
@Suite(.serialized, .enabled(if: WebDriver.isAvailable, "chromium and chromedriver are not installed"))
struct ServePageCopiesBrowserTests {
    let binary: SearchBinary
    let corpus: CorpusFixture
    let server: ServerProcess
    let session = BrowserSession()
    var browser: WebDriver { get throws { try session.driver() } }

    static let story = "The lighthouse keeper retired on Friday after forty years on the island, saying the light had never once failed during a winter storm. The harbour board thanked him and said an automatic lamp would replace the old one by the summer, ending the last staffed post on the coast."

    init() throws {
        binary = try SearchBinary()
        corpus = try CorpusFixture()
        let hostile = "<img src=x onerror=window.__xss=11>"
        let records: [[String: Any]] = [
            ["id": "keeper-wire", "title": "Lighthouse keeper retires", "body": Self.story, "source": "Harbor Wire", "date": "2025-05-02"],
            ["id": "keeper-copy", "title": "Island post ends", "body": Self.story + " Share this story.",
             "source": hostile, "date": "2025-05-03"],
            ["id": "keeper-again", "title": "Lighthouse keeper retires", "body": Self.story, "source": "Harbor Wire", "date": "2025-05-02"],
        ]
        let lines = try records.map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }
        try corpus.write(lines.joined(separator: "\n") + "\n", to: "news/copies/dump.jsonl")
        let indexed = try binary.run(["index", "--index", corpus.indexPath, corpus.root.path])
        #expect(indexed.status == 0, "\(indexed.stderr)")
        server = try ServerProcess(binary: binary, arguments: ["--index", corpus.indexPath])
    }

    @Test func aHitListsItsCopiesAsText() throws {
        try browser.open(URL(string: "/?q=lighthouse%20keeper", relativeTo: server.baseURL)!.absoluteURL)
        try browser.wait(until: "return document.body.dataset.state === 'ready'")
        #expect(try browser.findAll("#hits .hit").count == 1)
        let copies = try browser.find("#hits .hit .copies").text
        #expect(copies.hasPrefix("also in 1 other outlet and 1 copy in the same outlet: "), "\(copies)")
        #expect(copies.contains("<img src=x onerror=window.__xss=11> (2025-05-03)"), "\(copies)")
        let link = try #require(try browser.findAll("#hits .hit .copies a").first { try $0.attribute("href")?.contains("article=keeper-copy") == true })
        // The copy's own page lists the story it copies, with the length difference.
        try browser.execute("document.body.dataset.state = 'clicked'")
        try link.click()
        try browser.wait(until: "return document.body.dataset.state === 'ready'")
        #expect(try browser.find("#article h1").text == "Island post ends")
        let listed = try browser.find("#article .copies").text
        #expect(listed.contains("Harbor Wire (2025-05-02)"), "\(listed)")
        #expect(listed.contains(" characters ("), "\(listed)")
        #expect(try browser.execute("return window.__xss === undefined") as? Bool == true)
        #expect(try browser.execute("return document.querySelectorAll('main img, [onerror]').length") as? Int == 0)
    }
}
