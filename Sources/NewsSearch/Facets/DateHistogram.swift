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

    /// From counts per distinct stored date (thousands at most, however many articles matched);
    /// `label(index, bucket)` is ``label(of:in:)`` of `dated[index]`'s date, asked once per date (a
    /// caller may keep them: ``DateLabels``).
    init(
        dated: [(date: ArticleDate, count: Int)], unknown: Int, bucket requested: SearchRequest.Bucket,
        label: (Int, DateBucket) -> String
    ) {
        let first = dated.lazy.map(\.date).min(), last = dated.lazy.map(\.date).max()
        let bucket: DateBucket
        if requested == .auto {
            bucket = first.flatMap { first in last.map { DateBucket.auto(first: first, last: $0) } } ?? .month
        } else {
            bucket = DateBucket(rawValue: requested.rawValue) ?? .month
        }
        var counts: [String: Int] = [:]
        // Dates come ordered by day from the columns, so a bucket's dates are mostly neighbours: one
        // dictionary update per run of them.
        var run: (label: String, count: Int)?
        for index in dated.indices {
            let name = label(index, bucket)
            if let current = run, current.label == name {
                run = (name, current.count + dated[index].count)
                continue
            }
            if let run { counts[run.label, default: 0] += run.count }
            run = (name, dated[index].count)
        }
        if let run { counts[run.label, default: 0] += run.count }
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

    /// A date's bar: its bucket's label, or the date itself when it is coarser than the bucket (it
    /// keeps its own precision rather than being dropped).
    static func label(of date: ArticleDate, in bucket: DateBucket) -> String {
        bucket.label(for: date) ?? date.description
    }
}
