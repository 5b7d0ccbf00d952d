/// A publication date as precise as the source gave it: a year, a month or a day.
///
/// Dates are calendar dates as the source meant them; time zones never move the day.
/// ```swift
/// ArticleDate(parsing: "2025-04")?.description  // "2025-04"
/// ```
public struct ArticleDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public enum Precision: String, Sendable, Codable, CaseIterable { case year, month, day }

    public let year: Int
    public let month: Int?
    public let day: Int?

    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1...9999).contains(year) else { return nil }
        if let month, !(1...12).contains(month) { return nil }
        if let day {
            guard let month, (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
        }
        self.year = year
        self.month = month
        self.day = month == nil ? nil : day
    }

    /// Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, and ISO 8601 timestamps (the date part is kept as written).
    public init?(parsing text: String) {
        // The stored form, read by bytes: a query's date facet parses one per distinct matching date, and
        // the walk over Characters below cost ~15,000 instructions a date (a fifth of a rare word's process).
        if let (year, month, day) = Self.digitFields(text.utf8) {
            self.init(year: year, month: month, day: day)
            return
        }
        self.init(general: text)
    }

    /// The fields of `YYYY`, `YYYY-MM` or `YYYY-MM-DD` written in ASCII digits; nil for any other text.
    static func digitFields(_ bytes: String.UTF8View) -> (year: Int, month: Int?, day: Int?)? {
        guard bytes.count == 4 || bytes.count == 7 || bytes.count == 10 else { return nil }
        var fields = [0, 0, 0]
        for (position, byte) in bytes.enumerated() {
            if position == 4 || position == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            let field = position < 4 ? 0 : position < 7 ? 1 : 2
            fields[field] = fields[field] * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return (fields[0], bytes.count > 4 ? fields[1] : nil, bytes.count > 7 ? fields[2] : nil)
    }

    /// Any form ``init(parsing:)`` accepts, by Characters.
    init?(general text: String) {
        let trimmed = text.trimmingWhitespace()
        let datePart = trimmed.prefix { $0 != "T" && $0 != " " }
        let fields = datePart.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(fields.count),
            fields[0].count == 4, let year = Int(fields[0]),
            fields.dropFirst().allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCIIDigit) })
        else { return nil }
        let month = fields.count > 1 ? Int(fields[1]) : nil
        let day = fields.count > 2 ? Int(fields[2]) : nil
        self.init(year: year, month: month, day: day)
    }

    /// Whole days between two day-precision dates (either order); coarser dates count from their first day.
    package func daysApart(from other: ArticleDate) -> Int {
        abs(dayNumber - other.dayNumber)
    }

    /// Days since a fixed epoch, by the civil-from-days algorithm (proleptic Gregorian calendar).
    private var dayNumber: Int {
        let m = month ?? 1
        let y = m <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + (day ?? 1) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra
    }

    public var precision: Precision { day != nil ? .day : month != nil ? .month : .year }

    /// `2025`, `2025-04` or `2025-04-10`.
    public var description: String {
        // Written as bytes: a facet or histogram label is made for every distinct date a query counts.
        String(unsafeUninitializedCapacity: 10) { buffer in
            var count = 0
            func put(_ value: Int, digits: Int) {
                var divisor = digits == 4 ? 1000 : 10
                while divisor > 0 {
                    buffer[count] = UInt8(ascii: "0") + UInt8(value / divisor % 10)
                    count += 1
                    divisor /= 10
                }
            }
            put(year, digits: 4)
            for part in [month, day] {
                guard let part else { break }
                buffer[count] = UInt8(ascii: "-")
                count += 1
                put(part, digits: 2)
            }
            return count
        }
    }

    /// The first day the date covers, as a sortable `YYYY-MM-DD` key.
    public var firstDay: String {
        ArticleDate(year: year, month: month ?? 1, day: day ?? 1)!.description
    }

    /// The last day the date covers, as a sortable `YYYY-MM-DD` key.
    public var lastDay: String {
        let lastMonth = month ?? 12
        return ArticleDate(year: year, month: lastMonth, day: day ?? Self.daysIn(month: lastMonth, year: year))!
            .description
    }

    /// By first day, then coarser first: the order of `(firstDay, precision)`, compared as numbers
    /// (the first day's text is fixed-width, so its order is that of year, month, day).
    public static func < (lhs: ArticleDate, rhs: ArticleDate) -> Bool {
        (lhs.year, lhs.month ?? 1, lhs.day ?? 1, lhs.precision.rank) < (rhs.year, rhs.month ?? 1, rhs.day ?? 1, rhs.precision.rank)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = ArticleDate(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad date \(text)"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension ArticleDate.Precision {
    fileprivate var rank: Int {
        switch self {
        case .year: 0
        case .month: 1
        case .day: 2
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space (Unicode's definition).
    package func trimmingWhitespace() -> String {
        let text = String(self)
        // Most lines start and end with an ASCII non-space: nothing to trim, no scalar walk. The two
        // bytes are read from the string's buffer (`utf8.last` steps an index back through the view).
        let ends = text.utf8.withContiguousStorageIfAvailable { $0.isEmpty ? nil : ($0[0], $0[$0.count - 1]) } ?? nil
        if let (first, last) = ends, first < 0x80, last < 0x80,
            !(0x09...0x0D).contains(first), first != 0x20, !(0x09...0x0D).contains(last), last != 0x20
        {
            return text
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}

extension Character {
    package var isASCIIDigit: Bool { isASCII && isNumber }
}
