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
    /// `bar(index, bucket)` is ``bar(of:in:)`` of `dated[index]`'s date. Bars are told apart and put
    /// in order by ``key(of:)``, so no label is made for a date, only for each bar shown.
    init(
        dated: [(date: ArticleDate, count: Int)], unknown: Int, bucket requested: SearchRequest.Bucket,
        bar: (Int, DateBucket) -> ArticleDate
    ) {
        let first = dated.lazy.map(\.date).min(), last = dated.lazy.map(\.date).max()
        let bucket: DateBucket
        if requested == .auto {
            bucket = first.flatMap { first in last.map { DateBucket.auto(first: first, last: $0) } } ?? .month
        } else {
            bucket = DateBucket(rawValue: requested.rawValue) ?? .month
        }
        var counts: [Int: (bar: ArticleDate, count: Int)] = [:]
        // Dates come ordered by day from the columns, so a bucket's dates are mostly neighbours: one
        // dictionary update per run of them.
        var run: (key: Int, bar: ArticleDate, count: Int)?
        for index in dated.indices {
            let date = bar(index, bucket), key = Self.key(of: date)
            if let current = run, current.key == key {
                run?.count = current.count + dated[index].count
                continue
            }
            if let run { counts[run.key, default: (run.bar, 0)].count += run.count }
            run = (key, date, dated[index].count)
        }
        if let run { counts[run.key, default: (run.bar, 0)].count += run.count }
        var labels = counts.keys.sorted().map { counts[$0]!.bar.description }
        let byLabel = Dictionary(uniqueKeysWithValues: counts.values.map { ($0.bar.description, $0.count) })
        // Counted before they are made: a day bucket from 0001 to 9999 is 3.6 million labels.
        if let first, let last, bucket.labelCount(from: first, to: last) <= Self.maximumFilled {
            let filledSet = Set(bucket.labels(from: first, to: last))
            labels = (filledSet.sorted() + labels.filter { !filledSet.contains($0) }).sorted()
        }
        var result = labels.map { Count(label: $0, count: byLabel[$0] ?? 0) }
        if unknown > 0 { result.append(Count(label: "unknown", count: unknown)) }
        self.bucket = SearchRequest.Bucket(rawValue: bucket.rawValue) ?? .month
        self.counts = result
    }

    /// A date's bar: its bucket, or the date itself when it is coarser than the bucket (it keeps its
    /// own precision rather than being dropped). The bar's label is its text.
    static func bar(of date: ArticleDate, in bucket: DateBucket) -> ArticleDate {
        bucket.bucketDate(for: date) ?? date
    }

    /// A number per bar in the order of their labels: a label is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`,
    /// fixed-width with the year in 1...9999, so comparing (year, month or 0, day or 0) compares the text.
    static func key(of bar: ArticleDate) -> Int {
        bar.year * 10_000 + (bar.month ?? 0) * 100 + (bar.day ?? 0)
    }
}
