import Foundation
import Testing

@testable import NewsIngest

@Suite("Extraction report")
struct ExtractionReportTests {
    /// The fields a JSON client relies on, decoded into the test's own type.
    struct Wire: Decodable {
        let title: String
        let date: String?
        let datePrecision: String?
        let dateOrigin: String?
        let source: String?
        let sourceOrigin: String?
        let body: String
        let removed: [Removed]
        let skipped: String?
        struct Removed: Decodable {
            let text: String
            let kind: String
            let detail: String
            let reason: String
        }
    }

    @Test("encodes to JSON with plain fields")
    func json() throws {
        let text = "Council passes budget\nTuesday, April 8, 2025\nThe council passed the budget on Tuesday after a long debate over school funding.\nSubscribe"
        let report = Ingestor().extract(data: Data(text.utf8), path: "a.txt", defaultSource: "Lakeside Tribune")
        let wire = try JSONDecoder().decode(Wire.self, from: JSONEncoder().encode(report))
        #expect(wire.title == "Council passes budget")
        #expect(wire.date == "2025-04-08")
        #expect(wire.datePrecision == "day")
        #expect(wire.dateOrigin == "header")
        #expect(wire.source == "Lakeside Tribune")
        #expect(wire.sourceOrigin == "defaultSource")
        #expect(wire.removed.map(\.kind) == ["dateline", "subscribe"])
        #expect(wire.removed.last?.reason == "subscribe: matches 'subscribe'")
        #expect(wire.skipped == nil)
        let decoded = try JSONDecoder().decode(ExtractionReport.self, from: JSONEncoder().encode(report))
        #expect(decoded == report)
    }

    @Test("a skipped file reports why, and has no article")
    func skipped() {
        let report = Ingestor().extract(data: Data(), path: "e.txt")
        #expect(report.skipped == "empty file")
        #expect(report.article == nil)
    }
}
