import Foundation
import Testing

@testable import NewsIngest

/// Main-text rules on small inline pages, one behaviour each.
@Suite("Page text rules")
struct PageTextTests {
    static func extract(_ html: String) -> ExtractionReport {
        Ingestor().extract(data: Data(html.utf8), path: "page.html")
    }

    static let story = """
        <p>The valley railway reopens on Friday after a landslide closed the line for nine weeks in the spring.</p>
        <p>Engineers rebuilt two hundred metres of embankment and added drainage under the track bed.</p>
        <p>Trains will run every half hour again, with a later last departure on weekends.</p>
        """

    @Test("a figure that holds paragraphs of the story stays; its caption goes")
    func figureWithParagraphs() {
        let report = Self.extract("""
            <html><head><title>Railway reopens</title></head><body><article>\(Self.story)
            <figure><p>Passengers who bought season tickets before the closure get two months added to them.</p>
            <figcaption>The rebuilt embankment, photographed in May.</figcaption></figure></article></body></html>
            """)
        #expect(report.body.contains("two months added"))
        #expect(!report.body.contains("rebuilt embankment, photographed"))
    }

    @Test("a short label ending the article's block goes; a last sentence stays")
    func trailingLabel() {
        let report = Self.extract("""
            <html><head><title>Railway reopens</title></head><body><article>\(Self.story)
            <h3>More from the region</h3></article></body></html>
            """)
        #expect(!report.body.contains("More from the region"))
        #expect(report.body.contains("later last departure on weekends"))
        #expect(report.removed.contains { $0.text == "More from the region" })
    }

    @Test("'commentary' is an opinion piece, not a comment section")
    func commentary() {
        let report = Self.extract("""
            <html><head><title>Why the railway matters</title></head><body>
            <div class="commentary">\(Self.story)</div><div class="comments"><p>First! Great article, thanks a lot for it.</p></div></body></html>
            """)
        #expect(report.body.contains("valley railway reopens"))
        #expect(!report.body.contains("First! Great article"))
    }

    @Test("JSON-LD articleBody replaces a teaser when it is twice as long")
    func teaserAndArticleBody() {
        let full = (1...8).map { "Paragraph \($0) of the full story about the valley railway and its reopening on Friday." }
            .joined(separator: "\\n")
        let report = Self.extract("""
            <html><head><title>Railway reopens</title><script type="application/ld+json">
            {"@type":"NewsArticle","headline":"Railway reopens","articleBody":"\(full)"}</script></head>
            <body><article><p>The valley railway reopens on Friday after a landslide closed the line for nine weeks.</p>
            <p>Subscribers read on: the rest of this story is for members only, and it is a long one.</p></article></body></html>
            """)
        #expect(report.body.contains("Paragraph 8 of the full story"))
    }

    @Test("a date after a label, in any case, is the page's date")
    func labelledDate() {
        let report = Self.extract("""
            <html lang="de"><head><title>Bahn fährt wieder</title></head><body><div class="col"><h5>Datum: </h5>03.11.2021</div>
            <div class="text">\(Self.story)</div></body></html>
            """)
        #expect(report.date?.description == "2021-11-03")
        #expect(report.dateOrigin == .byline)
    }

    @Test("a generated style class that starts with \"tags\" (tagstyle_x1) is not a tag list")
    func generatedStyleClass() {
        let report = Self.extract("""
            <html><head><title>Railway reopens</title></head><body><div class="page">
            <p class="tagstyle_z4kq-o_o-style_1tcx">The valley railway reopens on Friday after a landslide closed the line for nine weeks in the spring.</p>
            <p class="tagstyle_z4kq-o_o-style_1tcx">Engineers rebuilt two hundred metres of embankment and added drainage under the track bed.</p>
            </div><div class="post-tags"><a href="/t/rail">Rail</a> <a href="/t/valley">Valley</a></div></body></html>
            """)
        #expect(report.body.contains("added drainage under the track bed"))
        #expect(!report.body.contains("Valley"))
    }

    @Test("a <header> that an unclosed tag made the parent of the whole page keeps the story; its menu still goes")
    func headerAroundThePage() {
        var menu = ""
        for index in 1...40 { menu += "<li><a href=\"/team/\(index)\">Team number \(index)</a></li>" }
        let report = Self.extract("""
            <html><head><title>Railway reopens</title></head><body><header><nav><ul>\(menu)</ul></nav>
            <div class="content">\(Self.story)</div></header></body></html>
            """)
        #expect(report.body.contains("Engineers rebuilt two hundred metres"))
        #expect(!report.body.contains("Team number"))
    }

    @Test("a block named after comments that holds the headline and the story is a wrapper; the comments in it go")
    func commentNamedWrapper() {
        let report = Self.extract("""
            <html><head><title>Railway reopens</title></head><body>
            <section class="post category-news internet-estallido-comentarios"><h1>Railway reopens</h1>\(Self.story)
            <div class="comment-list"><p>Reader one: about time, I have been driving to work for nine weeks now.</p></div>
            </section></body></html>
            """)
        #expect(report.body.contains("Engineers rebuilt two hundred metres"))
        #expect(!report.body.contains("Reader one"))
    }

    @Test("what a site asks of its readers around the story goes: follow, donate, read on with a subscription, more links")
    func readerAppeals() {
        let report = Self.extract("""
            <html><head><title>Railway reopens</title></head><body><article>\(Self.story)
            <p>Schon gelesen?</p><p>Folgen Sie uns auf Mastodon</p>
            <p>To view the full story, please subscribe to the Valley Courier.</p>
            <p>Unterstützen Sie unabhängigen Journalismus!</p><p>Quelle: Bahnbetrieb Tal</p>
            <p>Passengers with season tickets get two months added, the operator said on Tuesday evening.</p>
            </article></body></html>
            """)
        for appeal in ["Schon gelesen", "Folgen Sie uns", "To view the full story", "Unterstützen Sie", "Quelle: Bahnbetrieb"] {
            #expect(!report.body.contains(appeal), "kept: \(appeal)")
        }
        #expect(report.body.contains("two months added"))
    }
}
