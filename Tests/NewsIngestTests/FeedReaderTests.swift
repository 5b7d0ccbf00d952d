import Foundation
import Testing

@testable import NewsIngest

/// A saved news feed's items are articles (the feeds are our own writing, shaped as RSS 2.0, RSS 1.0
/// and Atom write them).
@Suite("News feeds")
struct FeedReaderTests {
    static let rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel><title>Harbour Ledger - World</title><link>https://harbour-ledger.example/world</link>
        <item><title>Ferry fares rise by four percent</title><link>https://harbour-ledger.example/2025/02/04/fares</link>
        <guid isPermaLink="false">hl-2025-0204-fares</guid><pubDate>Tue, 04 Feb 2025 07:00:00 +0000</pubDate>
        <dc:creator>Jo Park</dc:creator><category>Transport</category><category>Ferries</category>
        <description>Fares up from April.</description>
        <content:encoded><![CDATA[<p>Ferry fares will rise by four percent from April, the operator said.</p><p>Season tickets are <em>not</em> affected.</p><script>x()</script>]]></content:encoded></item>
        <item><title>Weir repairs &amp; river reopening</title><link>https://harbour-ledger.example/2025/02/05/weir</link>
        <pubDate>Wed, 05 Feb 2025 09:30:00 GMT</pubDate><author>desk@harbour-ledger.example (River Desk)</author>
        <description>&lt;p&gt;Repairs to the weir were finished on Wednesday.&lt;/p&gt;</description></item>
        <item><source url="https://delta-wire.example/rss">Delta Wire</source><title>Grain exports resume</title>
        <link>https://delta-wire.example/grain</link><description>Grain exports resumed on Tuesday.</description></item>
        <item><link>https://harbour-ledger.example/empty</link></item>
        </channel></rss>
        """

    func read(_ text: String, path: String = "feeds/world.xml") -> [ExtractionReport] {
        Ingestor().extractAll(data: Data(text.utf8), path: path)
    }

    @Test("RSS 2.0: the full text over the summary, dates, ids, authors, categories, the outlet")
    func rss2() throws {
        let reports = read(Self.rss)
        #expect(reports.map(\.title) == ["Ferry fares rise by four percent", "Weir repairs & river reopening", "Grain exports resume", ""])
        let fares = reports[0]
        #expect(fares.format == .feed)
        #expect(fares.body == "Ferry fares will rise by four percent from April, the operator said.\nSeason tickets are not affected.")
        #expect(fares.date?.description == "2025-02-04")
        #expect(fares.dateOrigin == .feed)
        #expect(fares.id == "hl-2025-0204-fares")
        #expect(fares.url == "https://harbour-ledger.example/2025/02/04/fares")
        #expect(fares.authors == ["Jo Park"])
        #expect(fares.metadata["categories"] == "Transport, Ferries")
        #expect(fares.source == "Harbour Ledger")
        #expect(reports[1].body == "Repairs to the weir were finished on Wednesday.")
        #expect(reports[1].authors == ["River Desk"])
        // Without a guid the link is the id; an aggregator's item names its outlet.
        #expect(reports[1].id == "https://harbour-ledger.example/2025/02/05/weir")
        #expect(reports[2].source == "Delta Wire")
        #expect(reports[3].skipped == "no title and no text")
        #expect(reports[3].path == "feeds/world.xml [4]")
    }

    @Test("Atom: the alternate link, published over updated, XHTML content, the author's name")
    func atom() throws {
        let atom = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Delta Wire: Top stories</title><id>urn:delta</id>
            <entry><title type="html">Grain exports &lt;em&gt;resume&lt;/em&gt;</title>
            <link rel="edit" href="https://delta-wire.example/edit/1"/><link rel="alternate" href="https://delta-wire.example/grain"/>
            <id>tag:delta-wire.example,2025:grain</id><published>2025-01-21T08:00:00Z</published><updated>2025-01-23T10:00:00Z</updated>
            <author><name>Ana Ruiz</name></author>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Grain exports resumed on Tuesday.</p><p>Loading restarted at dawn.</p></div></content>
            </entry></feed>
            """
        let entry = try #require(read(atom, path: "delta.atom").first)
        #expect(entry.title == "Grain exports resume")
        #expect(entry.url == "https://delta-wire.example/grain")
        #expect(entry.date?.description == "2025-01-21")
        #expect(entry.authors == ["Ana Ruiz"])
        #expect(entry.body == "Grain exports resumed on Tuesday.\nLoading restarted at dawn.")
        #expect(entry.source == "Delta Wire")
    }

    @Test("RSS 1.0: items beside the channel, dc:date")
    func rss1() throws {
        let rdf = """
            <?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
            xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="https://river-post.example/"><title>River Post</title></channel>
            <item rdf:about="https://river-post.example/flood"><title>Flood warning lifted</title><link>https://river-post.example/flood</link>
            <dc:date>2024-06-03</dc:date><description>The flood warning for the valley was lifted.</description></item></rdf:RDF>
            """
        let item = try #require(read(rdf, path: "river").first)
        #expect(item.title == "Flood warning lifted")
        #expect(item.date?.description == "2024-06-03")
        #expect(item.source == "River Post")
    }

    @Test("a feed that is not well-formed, or names an outside entity, is read safely")
    func hostileFeeds() {
        #expect(read("<rss><channel><item><title>Cut", path: "cut.rss").first?.title == "Cut")
        let entity = """
            <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <rss><channel><item><title>T &x;</title><description>Text.</description></item></channel></rss>
            """
        let item = read(entity, path: "x.rss").first
        #expect(item?.title.contains("root:") == false)
        #expect(FeedReader.outletName(fromFeedTitle: "Ledger &gt; Politics") == "Ledger")
        // A control character (forbidden in XML) no longer makes the escaped markup after it vanish.
        let control = "<rss><channel><item><title>&lt;script&gt;x&lt;/script&gt; \u{1B}[31mred</title>"
            + "<description>Text with &lt;b&gt;bold&lt;/b&gt; words.</description></item></channel></rss>"
        let cleaned = read(control, path: "c.rss").first
        #expect(cleaned?.title == "<script>x</script> [31mred")
        #expect(cleaned?.body == "Text with bold words.")
    }
}
