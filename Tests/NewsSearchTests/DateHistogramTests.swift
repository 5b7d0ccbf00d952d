import Foundation
import NewsDates
import Testing

@testable import NewsSearch

/// The histogram's work depends on the buckets it fills, never on the span of the dates alone.
@Suite struct DateHistogramTests {
    func make(_ counts: [(String, Int)], unknown: Int = 0, bucket: SearchRequest.Bucket) -> DateHistogram {
        let dated = counts.map { (date: ArticleDate(parsing: $0.0)!, count: $0.1) }
        return DateHistogram(dated: dated, unknown: unknown, bucket: bucket) { DateHistogram.label(of: dated[$0].date, in: $1) }
    }

    @Test(arguments: [SearchRequest.Bucket.day, .month, .year, .auto])
    func tenThousandYearsOfDaysAreNotEnumerated(_ bucket: SearchRequest.Bucket) {
        // Two buckets, not the 3.65 million days between: the gaps of a long span are not filled.
        let histogram = make([("0001-01-01", 1), ("9999-12-31", 2)], bucket: bucket)
        #expect(histogram.counts.map(\.count).reduce(0, +) == 3)
        #expect(histogram.counts.count == 2)
    }

    @Test func shortSpansStillShowTheirGaps() {
        let histogram = make([("2025-01", 1), ("2025-04", 2)], unknown: 1, bucket: .month)
        #expect(histogram.counts.map(\.label) == ["2025-01", "2025-02", "2025-03", "2025-04", "unknown"])
    }
}
