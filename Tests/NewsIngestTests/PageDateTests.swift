import Foundation
import Testing

@testable import NewsIngest

@Suite("Page dates, languages and authors")
struct PageDateTests {
    @Test(
        "bylines in many languages and formats (date context: lower-case months, slashes)",
        arguments: [
            ("17. Mai 2024", "2024-05-17"), ("17 mai 2024", "2024-05-17"), ("May 17th, 2024", "2024-05-17"),
            ("17 de mayo de 2024", "2024-05-17"), ("17 maggio 2024", "2024-05-17"), ("17 maja 2024", "2024-05-17"),
            ("17/05/2024", "2024-05-17"), ("17.05.2024, 09:30 Uhr", "2024-05-17"), ("2024年5月17日", "2024-05-17"),
            ("Publié le 3 février 2023", "2023-02-03"), ("vrijdag 17 mei 2024", "2024-05-17"),
        ])
    func bylines(text: String, expected: String) {
        #expect(DateExtractor.parse(text, contextYear: nil, lenient: true, dayFirst: true)?.description == expected)
    }

    @Test("an ambiguous numeric date follows the page's language; one part above 12 decides")
    func numericOrder() {
        #expect(DateExtractor.parse("05/06/2024", contextYear: nil, lenient: true, dayFirst: true)?.description == "2024-06-05")
        #expect(DateExtractor.parse("05/06/2024", contextYear: nil, lenient: true, dayFirst: false)?.description == "2024-05-06")
        #expect(DateExtractor.parse("05/17/2024", contextYear: nil, lenient: true, dayFirst: true)?.description == "2024-05-17")
        // In running text an ambiguous slash date is no date; a dotted one always reads day first.
        #expect(DateExtractor.parse("on 05/06/2024") == nil)
        #expect(DateExtractor.parse("am 05.06.2024")?.description == "2024-06-05")
        #expect(DateExtractor.parse("version 1.2.2024.3") == nil)
    }

    @Test(
        "dates in the page's URL", arguments: [
            ("https://x.example/news/2024/05/17/slug/", "2024-05-17"), ("https://x.example/2024-05-17-slug.html", "2024-05-17"),
            ("https://x.example/a/20240517/slug", "2024-05-17"), ("https://x.example/blog/2016/12/post.html", "2016-12"),
            ("https://x.example/2024/05/slug-17", "2024-05"), ("https://x.example/item/12345678901", nil),
            ("https://x.example/2024/", nil),
        ])
    func urlDates(url: String, expected: String?) {
        #expect(PageDateFinder.dateInURL(url)?.description == expected)
    }

    @Test("language tags: <html lang>, og:locale and content-language, written one way")
    func languages() throws {
        #expect(HTMLMetadata.languageTag("en_US") == "en-US")
        #expect(HTMLMetadata.languageTag("DE-de") == "de-DE")
        #expect(HTMLMetadata.languageTag("de, en") == "de")
        let page = """
            <html><head><meta property="og:locale" content="fr_FR"><title>Le port rouvre</title></head>
            <body><p>Le port rouvre ses portes après deux ans de travaux, a annoncé la mairie mardi soir.</p></body></html>
            """
        let report = Ingestor().extract(data: Data(page.utf8), path: "p.html")
        #expect(report.metadata["language"] == "fr-FR")
    }

    @Test("where the date came from and how sure it is")
    func confidence() throws {
        func report(_ file: String) throws -> ExtractionReport {
            Ingestor().extract(data: try Fixtures.data("html/" + file), path: file)
        }
        #expect(try report("01-harbor-gazette.html").dateConfidence == .high)
        #expect(try report("05-title-canonical-host.html").dateConfidence == .high)  // <time> = the URL's day
        #expect(try report("19-german-byline-date.html").dateConfidence == .medium)
        #expect(try report("20-url-date-only.html").dateConfidence == .medium)
        let text = Ingestor().extract(data: Data("Title\n\nBody text.".utf8), path: "2025-04-10-note.txt")
        #expect(text.dateOrigin == .fileName)
        #expect(text.dateConfidence == .low)
    }

    @Test("an updated date, comment dates and the copyright year are not the publication date")
    func traps() throws {
        let report = Ingestor().extract(data: try Fixtures.data("html/19-german-byline-date.html"), path: "p.html")
        #expect(report.date?.description == "2024-05-17")
        #expect(report.metadata["language"] == "de-DE")
    }

    @Test("a page re-published on the day it shows: the shown date, when its structured data states it as modified")
    func republished() {
        let page = """
            <html><head><title>Sleep and the seasons</title>
            <script type="application/ld+json">{"@type":"Article","headline":"Sleep and the seasons",
            "datePublished":"2023-01-10","dateModified":"2024-03-06"}</script></head>
            <body><article><h1>Sleep and the seasons</h1><div class="meta"><time datetime="2024-03-06">6 March 2024</time></div>
            <p>How much we sleep changes with the seasons, and the change is larger than most people think.</p></article></body></html>
            """
        let report = Ingestor().extract(data: Data(page.utf8), path: "p.html")
        #expect(report.date?.description == "2024-03-06")
        #expect(report.dateOrigin == .timeElement)
        #expect(report.dateConfidence == .high)
    }

    @Test("authors from JSON-LD, meta tags, and author markup in the page")
    func authors() throws {
        let jsonLD = Ingestor().extract(data: try Fixtures.data("html/18-content-elements.html"), path: "p.html")
        #expect(jsonLD.authors == ["Mara Lind"])
        let marked = """
            <html><head><title>Tide tables change</title></head><body><article><h1>Tide tables change</h1>
            <p class="byline">By <a rel="author" href="/staff/ola">Ola Brenn</a></p>
            <p>The harbour office publishes new tide tables from Monday, with a finer grid for the inner basin.</p>
            <div class="comments"><span itemprop="author">Reader One</span></div></article></body></html>
            """
        #expect(Ingestor().extract(data: Data(marked.utf8), path: "p.html").authors == ["Ola Brenn"])
        let meta = """
            <html><head><title>Tide tables change</title><meta name="author" content="By Ola Brenn"></head>
            <body><p>The harbour office publishes new tide tables from Monday, with a finer grid for the inner basin.</p></body></html>
            """
        #expect(Ingestor().extract(data: Data(meta.utf8), path: "p.html").authors == ["Ola Brenn"])
    }

    @Test("last, a publication date in the page's script data, with low confidence")
    func scriptData() {
        let page = """
            <html><head><title>Reviews</title><script type="application/json">{"review":{"publishedDate":"2016-11-04T20:37:27Z","updatedDate":"2016-11-05"}}</script></head>
            <body><p>Great service, the parcel came a day early and the driver waited while I checked it.</p></body></html>
            """
        let report = Ingestor().extract(data: Data(page.utf8), path: "p.html")
        #expect(report.date?.description == "2016-11-04")
        #expect(report.dateOrigin == .scriptData)
        #expect(report.dateConfidence == .low)
    }
}
