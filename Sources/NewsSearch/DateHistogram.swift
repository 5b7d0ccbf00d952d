/// Counts article dates in year, month or day buckets, with the empty buckets between the first and
/// the last filled in (a histogram with gaps hidden would lie about quiet periods) and unknown dates last.
struct DateHistogram {
    struct Count: Equatable {
        var label: String
        var count: Int
    }

    let bucket: SearchRequest.Bucket
    let counts: [Count]

    /// Beyond this many buckets the gaps are not filled: a sparse decade of days is better as it is.
    static let maximumFilled = 400

    init(dates: [String?], bucket requested: SearchRequest.Bucket) {
        let known = dates.compactMap { $0 }
        let bucket = requested == .auto ? Self.autoBucket(known) : requested
        var counts: [String: Int] = [:]
        var unknown = 0
        for date in dates {
            guard let date else {
                unknown += 1
                continue
            }
            counts[Self.label(date, bucket), default: 0] += 1
        }
        var labels = counts.keys.sorted()
        if let first = labels.first, let last = labels.last,
            let filled = Self.labels(from: first, to: last, bucket), filled.count <= Self.maximumFilled
        {
            labels = filled
        }
        var result = labels.map { Count(label: $0, count: counts[$0] ?? 0) }
        if unknown > 0 { result.append(Count(label: "unknown", count: unknown)) }
        self.bucket = bucket
        self.counts = result
    }

    /// Day buckets for up to two months, month buckets for up to five years, else years.
    static func autoBucket(_ dates: [String]) -> SearchRequest.Bucket {
        guard let first = dates.min(), let last = dates.max() else { return .month }
        let span = dayNumber(last) - dayNumber(first)
        return span <= 62 ? .day : span <= 5 * 366 ? .month : .year
    }

    /// The bucket a stored date (`2025`, `2025-04`, `2025-04-10`) falls in; a date coarser than the
    /// bucket keeps its own precision.
    static func label(_ date: String, _ bucket: SearchRequest.Bucket) -> String {
        switch bucket {
        case .year: String(date.prefix(4))
        case .month, .auto: String(date.prefix(7))
        case .day: date
        }
    }

    /// Every label from `first` to `last`, or nil when they are not of the bucket's precision.
    static func labels(from first: String, to last: String, _ bucket: SearchRequest.Bucket) -> [String]? {
        let parts = { (text: String) in text.split(separator: "-").compactMap { Int($0) } }
        let a = parts(first), b = parts(last)
        let width = bucket == .year ? 1 : bucket == .day ? 3 : 2
        guard a.count == width, b.count == width else { return nil }
        var result: [String] = []
        var (year, month, day) = (a[0], width > 1 ? a[1] : 1, width > 2 ? a[2] : 1)
        while result.count <= maximumFilled {
            let label = Self.format(year, month, day, width)
            result.append(label)
            if label >= last { break }
            switch width {
            case 1: year += 1
            case 2: month += 1; if month > 12 { month = 1; year += 1 }
            default:
                day += 1
                let days = [31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
                if day > days[month - 1] { day = 1; month += 1; if month > 12 { month = 1; year += 1 } }
            }
        }
        return result
    }

    static func format(_ year: Int, _ month: Int, _ day: Int, _ width: Int) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        switch width {
        case 1: return String(year)
        case 2: return "\(year)-\(two(month))"
        default: return "\(year)-\(two(month))-\(two(day))"
        }
    }

    /// Days since year 0 (approximate months are fine for choosing a bucket).
    static func dayNumber(_ date: String) -> Int {
        let p = date.split(separator: "-").compactMap { Int($0) }
        return (p.first ?? 0) * 372 + ((p.count > 1 ? p[1] : 1) - 1) * 31 + (p.count > 2 ? p[2] : 1)
    }
}
