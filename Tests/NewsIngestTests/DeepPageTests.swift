import Foundation
import Testing

@testable import NewsIngest

/// Pages nested deeper than real ones are: unclosed inline tags around every paragraph (old forum and
/// archive pages), and hostile nesting. Their text is kept, and the work stays linear.
@Suite("Deeply nested pages")
struct DeepPageTests {
    static func extract(_ html: String) -> ExtractionReport {
        Ingestor().extract(data: Data(html.utf8), path: "page.html")
    }

    static func posts(_ count: Int) -> String {
        (0..<count).map { "<p><font color=\"navy\">Reply \($0): the harbour board met again and the ferry timetable stays as it is." }
            .joined()
    }

    static func replyNumbers(in body: String) -> [Int] {
        body.split(separator: "\n").compactMap { line in
            line.hasPrefix("Reply ") ? Int(line.dropFirst(6).prefix { $0.isNumber }) : nil
        }
    }

    // libxml2 nests each <p> inside the <font> left open before it; it stopped reading at 256 open
    // elements (128 of these posts), and the content finder cut off the first posts of the nest.
    @Test("every post of a page of unclosed <p><font> posts is kept, in order", arguments: [400, 1500])
    func unclosedFontPosts(count: Int) {
        let report = Self.extract("<html><head><title>Ferry forum</title></head><body>\(Self.posts(count))</body></html>")
        #expect(Self.replyNumbers(in: report.body) == Array(0..<count))
    }

    @Test("a block inside an inline element of a paragraph follows the paragraph, as a browser places it")
    func blockLeavesParagraph() throws {
        let parsed = try HTMLDocument.parse(Data("<html><body><p><b>first words<div>a block</div>after it</b></p></body></html>".utf8))
        let body = try #require(parsed.root.first { $0.name == "body" })
        #expect(body.elements.map(\.name) == ["p", "div"])
        #expect(body.elements[0].text == "first words")
        #expect(body.text == "first words a block after it")
    }

    @Test("text under 100,000 nested elements is read, and no tree deeper than the limit is built")
    func hostileNesting() throws {
        let depth = 100_000
        let html = "<html><head><title>Deep</title></head><body>" + String(repeating: "<div>", count: depth)
            + "<p>The harbour board met again and the ferry timetable stays as it is for the winter.</p>"
            + String(repeating: "</div>", count: depth) + "</body></html>"
        let parsed = try HTMLDocument.parse(Data(html.utf8))
        var deepest = 0
        func measure(_ element: HTMLElement, _ level: Int) {
            deepest = max(deepest, level)
            for child in element.elements { measure(child, level + 1) }
        }
        measure(parsed.root, 1)
        #expect(deepest <= HTMLDocument.maximumDepth + 1)
        #expect(Self.extract(html).body.contains("ferry timetable stays"))
    }
}
