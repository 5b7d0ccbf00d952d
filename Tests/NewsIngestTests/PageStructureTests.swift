import Foundation
import Testing

@testable import NewsIngest

/// Issue 15: main-text rules about where on a page the story sits and what sits beside it, on small
/// inline pages, one behaviour each.
@Suite("Page structure rules (issue 15)")
struct PageStructureTests {
    static func extract(_ html: String) -> ExtractionReport {
        Ingestor().extract(data: Data(html.utf8), path: "page.html")
    }

    static let story = PageTextTests.story

    @Test("a page whose visible body is a script's empty shell is read from its <noscript> copy")
    func noscriptCopyOfThinPage() {
        let report = Self.extract("""
            <html><head><title>Railway reopens</title></head><body><div id="app"></div>
            <noscript><div class="page"><h1>Railway reopens</h1>\(Self.story)</div></noscript></body></html>
            """)
        #expect(report.body.contains("Engineers rebuilt two hundred metres"))
    }

    @Test("a <noscript> note beside a visible story stays out")
    func noscriptNoteBesideStory() {
        let report = Self.extract("""
            <html><head><title>Railway reopens</title></head><body><article>\(Self.story)</article>
            <noscript><p>This site works best with JavaScript switched on, which your browser has turned off for now.</p></noscript>
            </body></html>
            """)
        #expect(report.body.contains("Engineers rebuilt"))
        #expect(!report.body.contains("JavaScript"))
    }

    @Test("ruby readings over Japanese words are not part of the sentence")
    func rubyAnnotations() {
        let report = Self.extract("""
            <html lang="ja"><head><title>法律</title></head><body><article>
            <p>新しい<ruby>法律<rp>(</rp><rt>ほうりつ</rt><rp>)</rp></ruby>では<ruby>虐待<rt>ぎゃくたい</rt></ruby>をした親に専門家が子どもの育て方を教えることになりました。これは長い文です。</p>
            <p>国は来年の四月から新しい決まりを始めると言っています。多くの人がこのことを話し合っています。</p>
            </article></body></html>
            """)
        #expect(report.body.contains("新しい法律では虐待をした親に"))
        #expect(!report.body.contains("ぎゃくたい"))
    }

    @Test("an <article> that is a teaser in a list does not outvote a story written in plain <div>s")
    func smallArticleTeaser() {
        let report = Self.extract("""
            <html><head><title>Railway reopens</title></head><body>
            <div class="detail"><div class="body">\(Self.story)
            <p>The operator thanked residents for their patience during nine weeks of replacement buses.</p></div></div>
            <div class="more"><article><p>Bus lines change their timetables in the autumn, the council said.</p></article></div>
            </body></html>
            """)
        #expect(report.body.contains("Engineers rebuilt two hundred metres"))
        #expect(report.body.contains("thanked residents"))
        #expect(!report.body.contains("Bus lines change"))
    }

    @Test("a story split over a page builder's deeply nested blocks is read whole")
    func pageBuilderNesting() {
        func nested(_ text: String) -> String {
            "<div class=\"column\"><div class=\"wrap\"><div class=\"widget\"><div class=\"text\"><p>\(text)</p></div></div></div></div>"
        }
        let first = nested("The valley railway reopens on Friday after a landslide closed the line for nine weeks, the operator said.")
        let second = nested("Engineers rebuilt two hundred metres of embankment, added drainage, and replaced a culvert under the track.")
        let third = nested("Trains will run every half hour again, with a later last departure on weekends, from the first of June.")
        let report = Self.extract("""
            <html><head><title>Railway reopens</title></head><body><div class="page"><div class="section">
            <div class="row">\(first)</div><div class="row">\(second)</div><div class="row">\(third)</div>
            </div></div></body></html>
            """)
        #expect(report.body.contains("valley railway reopens"))
        #expect(report.body.contains("Engineers rebuilt"))
        #expect(report.body.contains("later last departure"))
    }

    @Test("an author's box goes; the story stays")
    func authorBox() {
        let report = Self.extract("""
            <html><head><title>Railway reopens</title></head><body><article>\(Self.story)
            <div class="post-author"><h5>Ines Marlow</h5><p>Ines writes about transport and the valley towns, and has done so since 2009.</p></div>
            </article></body></html>
            """)
        #expect(report.body.contains("later last departure"))
        #expect(!report.body.contains("Ines writes about transport"))
    }

    @Test("disclosures and affiliate notices go; a block named after the paywall that holds the story stays")
    func disclosuresAndPaywall() {
        let report = Self.extract("""
            <html><head><title>Railway reopens</title></head><body><article>
            <p class="affiliate-disclosure">We may earn a commission when you buy through links on this page.</p>
            <div class="story-paywall">\(Self.story)</div>
            <div class="paywall-offer"><p>Read on for one euro a month.</p></div></article></body></html>
            """)
        #expect(report.body.contains("Engineers rebuilt two hundred metres"))
        #expect(!report.body.contains("commission"))
        #expect(!report.body.contains("one euro a month"))
    }

    @Test("a teaser of another story (its headline, its link) goes; a lead named 'teaser' stays")
    func teasers() {
        let report = Self.extract("""
            <html><head><title>Railway reopens</title></head><body><article>
            <p class="article-teaser">Nine weeks after the landslide, the valley line is back in service this Friday.</p>
            \(Self.story)
            <div class="teaser-box"><h3><a href="/bus">Bus timetables change in autumn</a></h3>
            <p>The council publishes new times for the valley bus lines next month.</p></div></article></body></html>
            """)
        #expect(report.body.contains("Nine weeks after the landslide"))
        #expect(!report.body.contains("Bus timetables change"))
        #expect(!report.body.contains("The council publishes"))
    }

    @Test("a picture's legend goes")
    func legend() {
        let report = Self.extract("""
            <html><head><title>Railway reopens</title></head><body><article>\(Self.story)
            <div class="image-right"><div class="legend"><div class="content">The new embankment seen from the valley road in May.</div></div></div>
            </article></body></html>
            """)
        #expect(report.body.contains("Engineers rebuilt"))
        #expect(!report.body.contains("seen from the valley road"))
    }

    @Test("the lead under the headline, in the article's <header>, goes in front of the body")
    func leadInHeader() {
        let report = Self.extract("""
            <html><head><title>Railway reopens</title><meta property="og:title" content="Railway reopens after landslide"></head>
            <body><header class="site"><nav><a href="/">Home</a></nav></header>
            <main><header class="story-head"><h1>Railway reopens after landslide</h1>
            <p class="text-xl">After nine weeks of buses, trains run again through the valley from Friday morning.</p></header>
            <div class="story-body">\(Self.story)</div></main></body></html>
            """)
        let lines = report.body.split(separator: "\n")
        #expect(lines.first?.hasPrefix("After nine weeks of buses") == true)
        #expect(report.body.contains("Engineers rebuilt"))
    }

    @Test("a lead under another <h1> than the headline's (a teaser's) is not taken")
    func leadOfAnotherHeadline() {
        let report = Self.extract("""
            <html><head><title>Railway reopens</title><meta property="og:title" content="Railway reopens after landslide"></head>
            <body><div class="promo-strip"><h1>Summer festival tickets</h1>
            <p class="intro">Tickets for the summer festival in the valley go on sale next week at the station.</p></div>
            <main><h1>Railway reopens after landslide</h1><div class="story-body">\(Self.story)</div></main></body></html>
            """)
        #expect(report.body.contains("Engineers rebuilt"))
        #expect(!report.body.contains("Tickets for the summer festival"))
    }

    @Test("a headline printed as the breadcrumb trail's last step: its lead follows the trail")
    func leadAfterBreadcrumbHeadline() {
        let report = Self.extract("""
            <html><head><title>Railway reopens after landslide | Valley Post</title></head>
            <body><main><header class="story-top"><nav class="breadcrumb"><ol><li><a href="/">News</a></li>
            <li><h1>Railway reopens after landslide</h1></li></ol></nav>
            <p class="text-xl">After nine weeks of buses, trains run again through the valley from Friday morning.</p></header>
            <div class="story-body">\(Self.story)</div></main></body></html>
            """)
        #expect(report.body.split(separator: "\n").first?.hasPrefix("After nine weeks of buses") == true)
        #expect(report.body.contains("Engineers rebuilt"))
    }

    @Test("a lead named as one keeps its place though the theme prefixes it like a date line (entry-summary)")
    func leadWithThemePrefix() {
        let report = Self.extract("""
            <html><head><title>Railway reopens after landslide</title></head>
            <body><main><header><h1 class="entry-title">Railway reopens after landslide</h1>
            <div class="entry-summary"><p>After nine weeks of buses, trains run again through the valley from Friday morning.</p></div>
            <div class="entry-meta">12 May 2024, by Ann Lee</div></header>
            <div class="story-body">\(Self.story)</div></main></body></html>
            """)
        #expect(report.body.split(separator: "\n").first?.hasPrefix("After nine weeks of buses") == true)
        #expect(!report.body.contains("by Ann Lee"))
    }
}
