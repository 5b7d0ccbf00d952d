import Foundation
import Testing

@testable import NewsIngest

@Suite("HTML fixture pages")
struct HTMLExtractionTests {
    @Test("there are at least 15 fixture pages")
    func fixtureCount() {
        #expect(Fixtures.htmlExpectations.count >= 15)
    }

    @Test("title, date and source", arguments: Fixtures.htmlExpectations)
    func metadata(_ expected: Fixtures.HTMLExpectation) throws {
        let report = Ingestor().extract(data: try Fixtures.data("html/" + expected.file), path: expected.file)
        #expect(report.skipped == nil)
        #expect(report.format == .html)
        #expect(report.title == expected.title)
        #expect(report.date?.description == expected.date)
        #expect(report.datePrecision == .day)
        #expect(report.dateOrigin?.rawValue == expected.dateOrigin)
        #expect(report.source == expected.source)
    }

    @Test("every article paragraph is kept, every boilerplate block dropped", arguments: Fixtures.htmlExpectations)
    func mainText(_ expected: Fixtures.HTMLExpectation) throws {
        let report = Ingestor().extract(data: try Fixtures.data("html/" + expected.file), path: expected.file)
        for fragment in expected.keep {
            #expect(report.body.contains(fragment), "lost paragraph: \(fragment)")
        }
        for fragment in expected.drop {
            #expect(!report.body.contains(fragment), "kept boilerplate: \(fragment)")
        }
        // Paragraph structure: no line holds two of the kept paragraphs.
        for line in report.body.split(separator: "\n") {
            #expect(expected.keep.filter { line.contains($0) }.count <= 1, "paragraphs run together: \(line)")
        }
        #expect(!report.body.contains(expected.title + "\n"), "title repeated in the body")
    }

    @Test("removed blocks carry reasons")
    func removedReasons() throws {
        let report = Ingestor().extract(data: try Fixtures.data("html/11-wordpress-reply.html"), path: "page.html")
        let kinds = Set(report.removed.map(\.kind))
        #expect(kinds.contains(.commentPrompt))
        #expect(kinds.contains(.shareBar))
        #expect(kinds.contains(.relatedList))
        #expect(kinds.contains(.pageChrome))
        #expect(report.removed.allSatisfy { !$0.reason.isEmpty && !$0.text.isEmpty })
    }

    @Test("charsets: declared Latin-1, windows-1252, and a page that lies about UTF-8")
    func encodings() throws {
        let latin = Ingestor().extract(data: try Fixtures.data("html/06-latin1-charset.html"), path: "a.html")
        #expect(latin.encoding == "windows-1252")
        let wrong = Ingestor().extract(data: try Fixtures.data("html/08-wrong-charset.html"), path: "b.html")
        #expect(wrong.encoding == "windows-1252 (declared UTF-8 but invalid)")
        #expect(wrong.body.contains("Café"))
    }

    @Test("read() returns the same article with origins")
    func readMatchesExtract() throws {
        let data = try Fixtures.data("html/01-harbor-gazette.html")
        let result = Ingestor().read(data: data, path: "01.html")
        #expect(result.skipped.isEmpty)
        let article = try #require(result.articles.first)
        #expect(article.title == "Port of Kelby opens third container terminal")
        #expect(article.authors == ["Ines Marlow"])
        #expect(article.dateOrigin == .jsonLD)
        #expect(article.sourceOrigin == .jsonLD)
    }

    @Test("pages parsed on many threads at once give the same reports")
    func concurrent() async throws {
        let ingestor = Ingestor()
        let pages = try Fixtures.htmlExpectations.map { ($0.file, try Fixtures.data("html/" + $0.file)) }
        let sequential = pages.map { ingestor.extract(data: $0.1, path: $0.0) }
        let parallel = await withTaskGroup(of: (Int, ExtractionReport).self) { group in
            for _ in 0..<4 {
                for (index, page) in pages.enumerated() {
                    group.addTask { (index, ingestor.extract(data: page.1, path: page.0)) }
                }
            }
            var reports: [Int: [ExtractionReport]] = [:]
            for await (index, report) in group { reports[index, default: []].append(report) }
            return reports
        }
        for (index, reports) in parallel {
            #expect(reports.allSatisfy { $0 == sequential[index] })
        }
    }

    @Test("a page whose text is only in JSON-LD articleBody uses it")
    func articleBodyFallback() {
        let body = "The first paragraph of a story rendered by scripts, long enough to matter for the reader.\nThe second paragraph adds more detail about the event, which the markup itself does not carry at all."
        let html = """
            <html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Scripted story","datePublished":"2025-02-03","articleBody":"\(body.replacingOccurrences(of: "\n", with: "\\n"))"}</script></head>
            <body><div id="app"></div></body></html>
            """
        let report = Ingestor().extract(data: Data(html.utf8), path: "app.html")
        #expect(report.title == "Scripted story")
        #expect(report.body == body)
    }
}
