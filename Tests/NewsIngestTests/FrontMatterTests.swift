import Foundation
import Testing

@testable import NewsIngest

/// The front matter static-site tools and exporters write: YAML with block lists, Hugo's TOML, and the
/// `Title:`/`Date:` header of Pelican and MultiMarkdown.
@Suite("Front matter")
struct FrontMatterTests {
    func extract(_ text: String, path: String = "a.md") -> ExtractionReport { Ingestor.extract(text, path: path) }

    @Test("YAML lists in block form, folded text, nested maps and publishDate")
    func yamlForms() {
        let report = extract("""
            ---
            title: "Budget talks stall"
            publishDate: 2025-03-03T10:00:00+01:00
            authors:
              - Ana Ruiz
              - "Tom Beck"
            summary: >
              Talks stalled again
              on Monday.
            params:
              date: 1999-01-01
            source: Capitol Notes
            ---
            Budget talks stalled again on Monday as Senate leaders traded blame.
            """)
        #expect(report.title == "Budget talks stall")
        #expect(report.date?.description == "2025-03-03")
        #expect(report.authors == ["Ana Ruiz", "Tom Beck"])
        #expect(report.source == "Capitol Notes")
        #expect(report.metadata["summary"] == "Talks stalled again on Monday.")
        #expect(report.metadata["date"] == nil && report.metadata["publishdate"] == nil)
        #expect(report.body == "Budget talks stalled again on Monday as Senate leaders traded blame.")
    }

    @Test("Hugo's TOML front matter")
    func toml() {
        let report = extract("""
            +++
            title = "Grain exports resume from Odesa"
            date = 2025-02-11T08:30:00Z
            author = ["Olena Koval"]
            draft = false
            [params]
            source = 'Black Sea Wire'
            +++

            Ships carrying grain left Odesa on Tuesday.
            """)
        #expect(report.title == "Grain exports resume from Odesa")
        #expect(report.date?.description == "2025-02-11")
        #expect(report.authors == ["Olena Koval"])
        #expect(report.source == "Black Sea Wire")
        #expect(report.metadata["draft"] == "false")
        #expect(report.body == "Ships carrying grain left Odesa on Tuesday.")
    }

    @Test("a Title:/Date: header up to the first blank line", arguments: ["a.md", "a.txt"])
    func keyValueHeader(path: String) {
        let report = extract("Title: Zölle steigen\nDate: 17. März 2025\nAuthor: Eva Berg\nTags: handel, stahl\n\nDie Regierung erhöhte die Zölle.\n", path: path)
        #expect(report.title == "Zölle steigen")
        #expect(report.date?.description == "2025-03-17")
        #expect(report.authors == ["Eva Berg"])
        #expect(report.metadata["tags"] == "handel, stahl")
        #expect(report.body == "Die Regierung erhöhte die Zölle.")
    }

    @Test("text that only looks like a header stays text", arguments: [
        "WASHINGTON: The Senate voted on Monday.\n\nMore text.",
        "Note: this story was updated.\nTitle: none\n\nMore text.",
        "Source: Reuters\n\nThe Senate voted on Monday.",
        "Port strike ends\n\nTitle: a line in the body.",
    ])
    func notAHeader(text: String) {
        let report = extract(text, path: "a.txt")
        #expect(report.metadata.isEmpty)
        #expect(report.title == String(text.prefix { $0 != "\n" }))
    }
}
