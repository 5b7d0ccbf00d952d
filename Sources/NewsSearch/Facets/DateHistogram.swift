import NewsDates
import NewsQuery

/// Counts article dates in year, month or day buckets (``DateBucket``), with the empty buckets between
/// the first and the last filled in (a histogram with gaps hidden would lie about quiet periods) and
/// unknown dates last.
struct DateHistogram {
    struct Count: Equatable {
        var label: String
        var count: Int
    }

    let bucket: SearchRequest.Bucket
    let counts: [Count]

    /// Beyond this many buckets the gaps are not filled: a sparse decade of days is better as it is.
    static let maximumFilled = 400

    /// From counts per distinct stored date: thousands of dates at most, however many articles matched.
    init(counts perDate: [String: Int], unknown: Int, bucket requested: SearchRequest.Bucket) {
        let parsed = perDate.compactMap { text, count in ArticleDate(parsing: text).map { ($0, count) } }
        let first = parsed.map(\.0).min(), last = parsed.map(\.0).max()
        let bucket: DateBucket
        if requested == .auto {
            bucket = first.flatMap { first in last.map { DateBucket.auto(first: first, last: $0) } } ?? .month
        } else {
            bucket = DateBucket(rawValue: requested.rawValue) ?? .month
        }
        var counts: [String: Int] = [:]
        for (date, count) in parsed {
            // A date coarser than the bucket keeps its own precision rather than being dropped.
            counts[bucket.label(for: date) ?? date.description, default: 0] += count
        }
        var labels = counts.keys.sorted()
        // Counted before they are made: a day bucket from 0001 to 9999 is 3.6 million labels.
        if let first, let last, bucket.labelCount(from: first, to: last) <= Self.maximumFilled {
            let filledSet = Set(bucket.labels(from: first, to: last))
            labels = (filledSet.sorted() + labels.filter { !filledSet.contains($0) }).sorted()
        }
        var result = labels.map { Count(label: $0, count: counts[$0] ?? 0) }
        if unknown > 0 { result.append(Count(label: "unknown", count: unknown)) }
        self.bucket = SearchRequest.Bucket(rawValue: bucket.rawValue) ?? .month
        self.counts = result
    }
}
