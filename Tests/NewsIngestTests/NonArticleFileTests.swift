import Foundation
import Testing

@testable import NewsIngest

@Suite("Files that are not articles")
struct NonArticleFileTests {
    func skip(_ text: String, path: String) -> String? {
        Ingestor().extract(data: Data(text.utf8), path: path).skipped
    }

    @Test("a page's stylesheets, scripts, maps, fonts and vector images are named, not read as text",
          arguments: [("a.css", "a stylesheet (.css)"), ("a.JS", "a script (.js)"), ("a.js.map", "a source map (.map)"),
                      ("logo.svg", "a vector image (.svg)"), ("f.woff2", "a font (.woff2)")])
    func webResources(path: String, kind: String) {
        #expect(skip("body{color:red} var x = 1; <svg/>", path: path) == "\(kind), not an article")
    }

    @Test("feeds, sitemaps and other XML are told by their root element, past declarations and comments")
    func xmlRoots() {
        // Feeds are read (FeedReaderTests); one without items says so.
        #expect(Ingestor.detectFormat(path: "f.xml", data: Data("\u{FEFF}<?xml version=\"1.0\"?>\n<!-- generated -->\n<rss/>".utf8)) == .feed)
        #expect(Ingestor.detectFormat(path: "f", data: Data("<?xml version=\"1.0\"?><rdf:RDF><item/></rdf:RDF>".utf8)) == .feed)
        #expect(skip("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title></feed>", path: "f.atom") == "a news feed with no items")
        #expect(skip("<urlset><url><loc>https://x.example/</loc></url></urlset>", path: "sitemap.xml")?.hasPrefix("a sitemap") == true)
        #expect(skip("<?xml version=\"1.0\"?><nitf><body/></nitf>", path: "story") == "an XML document (<nitf>), not HTML: convert it to JSON Lines or HTML to index it")
    }

    @Test("XHTML, pages and their fragments without an extension, and text that starts with a tag are read")
    func stillArticles() {
        let page = "<?xml version=\"1.0\"?><!DOCTYPE html><html><head><title>Port news</title></head><body><p>The port reopened on Monday after the storm.</p><p>Ships queued in the bay.</p></body></html>"
        #expect(skip(page, path: "page.xml") == nil)
        #expect(skip(page, path: "page") == nil)
        let fragment = "<article><h1>Port reopens</h1><p>The port reopened on Monday after the storm.</p><p>Ships queued in the bay.</p></article>"
        let report = Ingestor().extract(data: Data(fragment.utf8), path: "story")
        #expect(report.format == .html)
        #expect(report.title == "Port reopens")
        #expect(report.body == "The port reopened on Monday after the storm.\nShips queued in the bay.")
        #expect(skip("<b>Breaking:</b> the port reopened.", path: "note.txt") == nil)
        #expect(skip("<b>Breaking:</b> the port reopened.", path: "note") == nil)
    }
}
