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
        // `YYYY-MM-DD` alone, as dumps write it, is read from its bytes (the same date the general
        // path below finds): that walk over Characters cost a tenth of reading a JSON Lines record.
        if text.utf8.count == 10, let (year, month, day) = Self.isoDay(text.utf8) {
            self.init(year: year, month: month, day: day)
            return
        }
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

    /// The numbers of ten bytes `dddd-dd-dd` (ASCII digits), or nil.
    private static func isoDay(_ bytes: String.UTF8View) -> (Int, Int, Int)? {
        var numbers = (0, 0, 0)
        for (offset, byte) in bytes.enumerated() {
            if offset == 4 || offset == 7 {
                guard byte == 0x2D else { return nil }
                continue
            }
            guard byte &- 0x30 < 10 else { return nil }
            let digit = Int(byte &- 0x30)
            switch offset {
            case 0..<4: numbers.0 = numbers.0 * 10 + digit
            case 5..<7: numbers.1 = numbers.1 * 10 + digit
            default: numbers.2 = numbers.2 * 10 + digit
            }
        }
        return numbers
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
        var text = String(year).leftPadded(to: 4)
        if let month { text += "-" + String(month).leftPadded(to: 2) }
        if let day { text += "-" + String(day).leftPadded(to: 2) }
        return text
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

    public static func < (lhs: ArticleDate, rhs: ArticleDate) -> Bool {
        (lhs.firstDay, lhs.precision.rank) < (rhs.firstDay, rhs.precision.rank)
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

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space (Unicode's definition).
    package func trimmingWhitespace() -> String {
        let text = String(self)
        // Most lines start and end with an ASCII non-space: nothing to trim, no scalar walk.
        if let first = text.utf8.first, let last = text.utf8.last, first < 0x80, last < 0x80,
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
