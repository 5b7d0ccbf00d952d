import Foundation
import NewsDates
import NewsQuery
import Testing

@testable import NewsSearch

/// The histogram's work depends on the buckets it fills, never on the span of the dates alone.
@Suite struct DateHistogramTests {
    func make(_ counts: [(String, Int)], unknown: Int = 0, bucket: SearchRequest.Bucket) -> DateHistogram {
        let dated = counts.map { (date: ArticleDate(parsing: $0.0)!, count: $0.1) }
        return DateHistogram(dated: dated, unknown: unknown, bucket: bucket) { DateHistogram.bar(of: dated[$0].date, in: $1) }
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

    /// Bars are told apart and ordered by number, not by label: the labels must still come out in text
    /// order with each label's count, whatever the mix of years, months and days in one bucket.
    @Test(arguments: [SearchRequest.Bucket.day, .month, .year, .auto])
    func barsComeInTheirLabelsOrder(_ bucket: SearchRequest.Bucket) {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let dated = (0..<Int.random(in: 1...40, using: &generator)).map { _ in
                let year = Int.random(in: 1998...2026, using: &generator), month = Int.random(in: 1...12, using: &generator)
                let precision = Int.random(in: 0...2, using: &generator)
                let date = ArticleDate(year: year, month: precision > 0 ? month : nil, day: precision > 1 ? Int.random(in: 1...28, using: &generator) : nil)!
                return (date: date, count: Int.random(in: 1...9, using: &generator))
            }.sorted { $0.date < $1.date }
            let histogram = DateHistogram(dated: dated, unknown: 0, bucket: bucket) { DateHistogram.bar(of: dated[$0].date, in: $1) }
            let chosen = DateBucket(rawValue: histogram.bucket.rawValue)!
            var expected: [String: Int] = [:]
            for entry in dated { expected[chosen.label(for: entry.date) ?? entry.date.description, default: 0] += entry.count }
            let labels = histogram.counts.map(\.label)
            #expect(labels == labels.sorted())
            #expect(Dictionary(uniqueKeysWithValues: histogram.counts.filter { $0.count > 0 }.map { ($0.label, $0.count) }) == expected)
        }
    }
}
