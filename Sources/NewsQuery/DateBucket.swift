import NewsDates

/// The width of one bar in the date histogram: a year, a month or a day.
///
/// ```swift
/// let bucket = DateBucket.auto(first: ArticleDate(parsing: "2025-04-02")!, last: ArticleDate(parsing: "2025-05-20")!)
/// bucket                                                   // .day
/// DateBucket.month.labels(from: ArticleDate(parsing: "2025-11")!, to: ArticleDate(parsing: "2026-02")!)
/// // ["2025-11", "2025-12", "2026-01", "2026-02"]
/// ```
public enum DateBucket: String, Sendable, Hashable, CaseIterable {
    case year, month, day

    /// Days when the span is at most ``maximumDaySpan`` days, months up to ``maximumMonthSpan`` days
    /// (about five years), years beyond: each choice keeps the histogram between a few and ~60 bars.
    /// The span runs from the first day `first` covers to the last day `last` covers.
    public static func auto(first: ArticleDate, last: ArticleDate) -> DateBucket {
        let (low, high) = first <= last ? (first, last) : (last, first)
        let span = CivilDay(high.lastDay).number - CivilDay(low.firstDay).number + 1
        return span <= maximumDaySpan ? .day : span <= maximumMonthSpan ? .month : .year
    }

    public static let maximumDaySpan = 62
    public static let maximumMonthSpan = 5 * 366

    /// The bucket a date falls in (`2025`, `2025-04`, `2025-04-10`), or nil when the date is less
    /// precise than the bucket (a date known only to the month has no day bucket; the engine counts it
    /// under its own coarser label or as unknown, and says which).
    public func label(for date: ArticleDate) -> String? {
        bucketDate(for: date)?.description
    }

    /// ``label(for:)`` as a date: the label is its text.
    public func bucketDate(for date: ArticleDate) -> ArticleDate? {
        switch self {
        case .year: return ArticleDate(year: date.year)
        case .month:
            guard let month = date.month else { return nil }
            return ArticleDate(year: date.year, month: month)
        case .day:
            return date.day == nil ? nil : date
        }
    }

    /// How many labels ``labels(from:to:)`` would make, without making them: a day bucket between
    /// 0001 and 9999 is 3.6 million.
    public func labelCount(from first: ArticleDate, to last: ArticleDate) -> Int {
        let (low, high) = first <= last ? (first, last) : (last, first)
        let start = CivilDay(low.firstDay), end = CivilDay(high.lastDay)
        switch self {
        case .year: return end.year - start.year + 1
        case .month: return (end.year * 12 + end.month) - (start.year * 12 + start.month) + 1
        case .day: return max(end.number - start.number, 0) + 1
        }
    }

    /// Every bucket label from the one holding `first` to the one holding `last`, in order, with the
    /// empty ones in between, so a histogram shows gaps. A bound less precise than the bucket counts
    /// from its first day (`first`) or to its last day (`last`). Reversed bounds are swapped.
    /// The count is not capped: a day bucket over decades makes thousands of labels; prefer ``auto``.
    public func labels(from first: ArticleDate, to last: ArticleDate) -> [String] {
        let (low, high) = first <= last ? (first, last) : (last, first)
        let start = CivilDay(low.firstDay)
        let end = CivilDay(high.lastDay)
        switch self {
        case .year:
            return (start.year...end.year).compactMap { ArticleDate(year: $0)?.description }
        case .month:
            let months = (start.year * 12 + start.month - 1)...(end.year * 12 + end.month - 1)
            return months.compactMap { ArticleDate(year: $0 / 12, month: $0 % 12 + 1)?.description }
        case .day:
            return (start.number...max(start.number, end.number)).map { CivilDay(number: $0).description }
        }
    }
}

/// A proleptic Gregorian calendar day and its serial number (days since 1970-01-01), for counting and
/// stepping through days without Foundation's time zones. The conversion follows the well-known
/// era-based civil-from-days arithmetic.
struct CivilDay: CustomStringConvertible {
    let year: Int, month: Int, day: Int

    /// From a `YYYY-MM-DD` key as ``ArticleDate/firstDay`` and ``ArticleDate/lastDay`` make.
    init(_ key: String) {
        let date = ArticleDate(parsing: key)!
        year = date.year
        month = date.month ?? 1
        day = date.day ?? 1
    }

    init(number: Int) {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153  // March = 0
        day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    var number: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    var description: String { ArticleDate(year: year, month: month, day: day)!.description }
}
