import Foundation
import Testing

@testable import NewsIngest

@Suite("Extraction report")
struct ExtractionReportTests {
    /// What `search extract` shows (its JSON is tested with the wire format, in SearchCLITests).
    @Test("says where the date and source came from, and why each line went")
    func provenance() throws {
        let text = "Council passes budget\nTuesday, April 8, 2025\nThe council passed the budget on Tuesday after a long debate over school funding.\nSubscribe"
        let report = Ingestor().extract(data: Data(text.utf8), path: "a.txt", defaultSource: "Lakeside Tribune")
        #expect(report.title == "Council passes budget")
        #expect(report.date?.description == "2025-04-08")
        #expect(report.datePrecision == .day)
        #expect(report.dateOrigin == .header)
        #expect(report.source == "Lakeside Tribune")
        #expect(report.sourceOrigin == .defaultSource)
        #expect(report.removed.map(\.kind) == [.dateline, .subscribe])
        #expect(report.removed.last?.reason == "subscribe: matches 'subscribe'")
        #expect(report.skipped == nil)
    }

    @Test("a skipped file reports why, and has no article")
    func skipped() {
        let report = Ingestor().extract(data: Data(), path: "e.txt")
        #expect(report.skipped == "empty file")
        #expect(report.article == nil)
    }
}
