import Foundation
import Testing

@testable import NewsIngest

/// One small page per rule that decides between a page's dates (pages written for these tests).
@Suite("Page dates: which of a page's dates is the publication day")
struct PageDateRuleTests {
    private func extract(_ page: String) -> ExtractionReport {
        Ingestor().extract(data: Data(page.utf8), path: "p.html")
    }

    private static let paragraph = """
        <p>The ferry company will run two extra crossings on weekdays from next month, the harbour office said,
        after a winter in which the morning boats were full long before they left the quay.</p>
        """

    /// Enough text between the headline and a date that the date is not the headline's dateline.
    private static let paragraphs = String(repeating: paragraph, count: 4)

    @Test("a date below the headline weeks after the meta tag's is the re-dated story's; years after, another story's")
    func belowHeadlineWindow() {
        func page(below: String) -> String {
            """
            <html><head><title>Extra ferries</title><meta property="article:published_time" content="2022-01-26T12:00:00Z"></head>
            <body><article><h1>Extra ferries</h1>\(Self.paragraph)
            <div class="infos"><p class="date">\(below)</p></div></article></body></html>
            """
        }
        let redated = extract(page(below: "4. Februar 2022"))
        #expect(redated.date?.description == "2022-02-04")
        let other = extract(page(below: "6. März 2016"))
        #expect(other.date?.description == "2022-01-26")
        #expect(other.dateOrigin == .metaTag)
    }

    @Test(
        "a day in the URL: a whole path part, not a slug that starts with a number",
        arguments: [
            ("https://x.example/2023/10/3-questions-for-the-mayor/", "2023-10"),
            ("https://x.example/2023/10/31-questions/", "2023-10-31"),
            ("https://x.example/press/releases/29-10-2021", "2021-10-29"),
            ("https://x.example/press/releases/1-2-3", nil),
        ])
    func urlDayParts(url: String, expected: String?) {
        #expect(PageDateFinder.dateInURL(url)?.description == expected)
    }

    @Test("a teaser card for another story (with its own headline) does not date the page; the page's teaser meta line does")
    func teaserCards() {
        let page = """
            <html><head><title>Extra ferries</title></head><body><article><h1>Extra ferries</h1>
            <p class="teaser-meta">Ola Brenn / 07.11.2023 / 09:30</p>\(Self.paragraph)</article>
            <div class="teaser-box"><div class="date">Ferries, 28.9.23</div><h3><a href="/winter-timetable">The winter timetable is out</a></h3></div>
            </body></html>
            """
        #expect(extract(page).date?.description == "2023-11-07")
        let cardOnly = """
            <html><head><title>Extra ferries</title></head><body><article><h1>Extra ferries</h1>\(Self.paragraph)</article>
            <div class="teaser"><span class="date">16.02.2022</span><h2><a href="/winter">The winter timetable is out</a></h2></div>
            </body></html>
            """
        #expect(extract(cardOnly).date?.description != "2022-02-16")
    }

    @Test("an embedded post quoted in the article is dated by its author, not the article")
    func embeddedPost() {
        let page = """
            <html><head><title>Extra ferries</title></head><body><article><h1>Extra ferries</h1>
            <div class="byline">29.01.2019</div>\(Self.paragraph)
            <blockquote class="social-embed"><p>Full again this morning!</p><time datetime="2018-03-12T19:30:12+00:00">Mar 12, 2018</time></blockquote>
            </article></body></html>
            """
        #expect(extract(page).date?.description == "2019-01-29")
    }

    @Test("a <time> whose visible words say \"published on\" a day is read by those words, not its datetime")
    func timeWords() {
        let page = """
            <html><head><title>Extra ferries</title></head><body><article><h1>Extra ferries</h1>
            <div class="time"><time datetime="2019-07-03T10:18:46Z">Publié le 29 juin 2019</time></div>\(Self.paragraph)
            </article></body></html>
            """
        #expect(extract(page).date?.description == "2019-06-29")
        #expect(extract(page).dateOrigin == .timeElement)
    }

    @Test("a label in its own element (\"Mise en ligne\" above the date) names the date beside it")
    func labelBeside() {
        let page = """
            <html lang="fr"><head><title>La voix du port</title></head><body><h1>La voix du port</h1>
            <ul><li><p class="title">Mise en ligne</p><p class="content">23 mai 2019</p></li></ul>\(Self.paragraph)</body></html>
            """
        #expect(extract(page).date?.description == "2019-05-23")
    }

    @Test("a date in a page's text from before the web carried news is an event's, not the page's: the next line's is taken")
    func textFallbackSkipsPreWebDates() {
        let page = """
            <html><head><title>The old harbour</title></head><body><main><h1>The old harbour</h1>
            \(Self.paragraphs)<p>Founded 18 October 1819</p><p>Posted 3 March 2021</p></main></body></html>
            """
        #expect(extract(page).date?.description == "2021-03-03")
        let onlyOld = """
            <html><head><title>The old harbour</title></head><body><main><h1>The old harbour</h1>
            \(Self.paragraphs)<p>Founded 18 October 1819</p></main></body></html>
            """
        #expect(extract(onlyOld).date == nil)
    }

    @Test("a page that marks no date: the first full date in a short line of its text, with low confidence; never a copyright line")
    func textFallback() {
        let page = """
            <html><head><title>So long</title></head><body><main><h1>So long</h1>\(Self.paragraphs)
            <p>Benni<br> 10. September 2017</p></main>
            <div class="legal">Copyright © 19.12.2019 Example GmbH</div></body></html>
            """
        let report = extract(page)
        #expect(report.date?.description == "2017-09-10")
        #expect(report.dateOrigin == .pageText)
        #expect(report.dateConfidence == .low)
        let copyrightOnly = """
            <html><head><title>So long</title></head><body><main><h1>So long</h1>\(Self.paragraph)</main>
            <div class="legal">Copyright © 19.12.2019 Example GmbH</div></body></html>
            """
        #expect(extract(copyrightOnly).date == nil)
    }

    @Test("the text fallback stays inside the month the URL names")
    func textFallbackWithinURLMonth() {
        let page = """
            <html><head><title>Road trip</title><link rel="canonical" href="https://blog.example/2018/08/road-trip.html"></head>
            <body><h1>Road trip</h1>\(Self.paragraphs)<p>Wednesday, 25 July 2018 (the day we booked)</p>
            \(Self.paragraph)<p>Thursday, 2 August 2018</p></body></html>
            """
        let report = extract(page)
        #expect(report.date?.description == "2018-08-02")
    }
}
