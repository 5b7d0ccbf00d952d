import NewsDates

/// Finds publication dates in the shapes news uses, without ever moving the calendar day.
///
/// A time zone never shifts the date: "23:30 EST, April 9, 2025" is April 9, as the source meant it.
/// ```swift
/// DateExtractor.parse("14:15 JST, April 10, 2025")          // 2025-04-10
/// DateExtractor.parse("26-FEB-1987 15:01:01.79")            // 1987-02-26
/// DateExtractor.parse("Apr. 10", contextYear: nil)          // nil: not a full date
/// ```
public enum DateExtractor {
    /// How many non-empty lines at the top count as the header region.
    public static let headerLines = 6
    /// In a header line longer than this only the start is searched: a dateline, not the paragraph.
    static let datelineChars = 80

    /// The first date in a piece of text (a metadata value or one line), or nil.
    /// - Parameter contextYear: the year to give a date written without one ("Apr. 10").
    public static func parse(_ text: String, contextYear: Int? = nil) -> ArticleDate? {
        parse(text, contextYear: contextYear, lenient: false, dayFirst: true)
    }

    /// The first date in text known to be about a date (a byline, a date element of a page).
    ///
    /// - Parameters:
    ///   - lenient: lower-case month names that are also words ("mai", "mars", "may") count, and so do
    ///     numeric dates with slashes and two-digit years ("17/05/24").
    ///   - dayFirst: how to read an ambiguous `05/06/2024`: day first everywhere but in US English.
    static func parse(_ text: String, contextYear: Int?, lenient: Bool, dayFirst: Bool) -> ArticleDate? {
        // ISO first; a bare leading year ("2025 was…") is only a date when it is all there is.
        let trimmed = text.trimmingWhitespace()
        if let iso = ArticleDate(parsing: trimmed), iso.precision != .year || trimmed.count == 4 { return iso }
        // Compact `YYYYMMDD`, as some `pubdate` meta tags give it.
        if trimmed.count == 8, trimmed.allSatisfy(\.isASCIIDigit),
            let date = ymd(trimmed.prefix(4), trimmed.dropFirst(4).prefix(2), trimmed.suffix(2))
        {
            return date
        }
        if let date = NumericDates.first(in: trimmed, lenient: lenient, dayFirst: dayFirst) { return date }
        let tokens = tokenize(text).filter { !fillers.contains($0.lower) }
        for (index, token) in tokens.enumerated() {
            if let date = numericDate(tokens, at: index) { return date }
            guard MonthNames.month(token.text, lenient: lenient) != nil else { continue }
            if let date = monthDate(tokens, at: index, contextYear: contextYear, lenient: lenient) { return date }
        }
        return nil
    }

    /// Words between the parts of a written date: "17 de mayo de 2024", "the 17th of May".
    static let fillers: Set<String> = ["de", "del", "of", "the", "den", "der", "le", "el", "di", "à", "a", "im"]

    /// The first date in the header region of text lines, with the index of the line holding it.
    public static func headerDate(in lines: [String], contextYear: Int? = nil) -> (date: ArticleDate, line: Int)? {
        var seen = 0
        for (index, line) in lines.enumerated() {
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty { continue }
            seen += 1
            if seen > headerLines { break }
            let searched = trimmed.count <= 120 ? trimmed : String(trimmed.prefix(datelineChars))
            if let date = parse(searched, contextYear: contextYear) { return (date, index) }
        }
        return nil
    }

    /// Whether a line says nothing but a date (with weekday, time, zone or "Published"/"Updated").
    public static func isDateLine(_ line: String) -> Bool {
        let trimmed = line.trimmingWhitespace()
        // The word test first: a line of prose fails at its first word, before two date parses; it is
        // asked of every article's first lines.
        guard trimmed.characterCount <= 80 else { return false }
        for token in tokenize(trimmed) where token.number == nil && token.month == nil && !dateWords.contains(token.lower) {
            return false
        }
        return parse(trimmed) != nil || parse(trimmed, contextYear: 2000) != nil
    }

    /// A date in a file path: `2025-04-10-rutte.md`, `20250410_rutte.txt`, `news/2025/04/10/rutte.html`.
    public static func fromPath(_ path: String) -> ArticleDate? {
        let components = path.split(separator: "/").suffix(4)
        let tail = components.joined(separator: "/")
        let runs = tail.split(whereSeparator: { !$0.isASCIIDigit }).map(String.init)
        for (index, run) in runs.enumerated() {
            if run.count == 8, let date = ymd(run.prefix(4), run.dropFirst(4).prefix(2), run.suffix(2)) {
                return date
            }
            if run.count == 4, index + 2 < runs.count, runs[index + 1].count == 2, runs[index + 2].count == 2,
                let date = ymd(Substring(run), Substring(runs[index + 1]), Substring(runs[index + 2]))
            {
                return date
            }
        }
        return nil
    }

    /// A year named in a path ("archive/2025/…", "2025_rutte.txt"), to complete dates like "Apr. 10".
    public static func yearFromPath(_ path: String) -> Int? {
        let runs = path.split(separator: "/").suffix(4).joined(separator: "/").split(whereSeparator: { !$0.isASCIIDigit })
        return runs.lazy.compactMap { run -> Int? in
            guard run.count == 4, let year = Int(run), (1900...2100).contains(year) else { return nil }
            return year
        }.first
    }

    // MARK: - Tokens

    struct Token {
        let text: String
        var lower: String { text.lowercasedFast() }
        var number: Int? {
            let digits = text.prefix { $0.isASCIIDigit }
            guard !digits.isEmpty else { return nil }
            let rest = text.dropFirst(digits.count).lowercasedFast()
            guard rest.isEmpty || ["st", "nd", "rd", "th"].contains(rest) else { return nil }
            return Int(digits)
        }
        var digitCount: Int { text.prefix { $0.isASCIIDigit }.count }
        /// Month names count only when capitalised, so "may" and "march" in prose are not months;
        /// an all-capital abbreviation ("FEB") counts too.
        var month: Int? { MonthNames.month(text, lenient: false) }
    }

    static func tokenize(_ text: String) -> [Token] {
        if let tokens = asciiTokens(text) { return tokens }
        return text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map { Token(text: String($0)) }
    }

    /// ``tokenize(_:)`` over the bytes of ASCII text, nil for any other: among ASCII characters only
    /// A–Z, a–z and 0–9 are letters or numbers, and the Unicode property look-ups of the Character
    /// walk were most of the cost of testing an article's first lines for dates.
    static func asciiTokens(_ text: String) -> [Token]? {
        var text = text
        return text.withUTF8 { bytes -> [Token]? in
            var tokens: [Token] = []
            var start = -1
            for index in 0...bytes.count {
                let byte: UInt8 = index < bytes.count ? bytes[index] : 0x20
                if byte >= 0x80 { return nil }
                let isWordByte = byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26
                if isWordByte {
                    if start < 0 { start = index }
                } else if start >= 0 {
                    tokens.append(Token(text: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)))
                    start = -1
                }
            }
            return tokens
        }
    }

    static func isYear(_ token: Token) -> Int? {
        guard token.digitCount == 4, token.text.count == 4, let year = token.number, (1800...2200).contains(year)
        else { return nil }
        return year
    }

    static func isDay(_ token: Token) -> Int? {
        guard token.digitCount <= 2, let day = token.number, (1...31).contains(day) else { return nil }
        return day
    }

    /// `YYYY-MM-DD`, `YYYY/MM/DD` or `YYYY.MM.DD` as three number tokens.
    static func numericDate(_ tokens: [Token], at index: Int) -> ArticleDate? {
        guard index + 2 < tokens.count, let year = isYear(tokens[index]),
            tokens[index + 1].digitCount == 2, tokens[index + 1].text.count == 2,
            tokens[index + 2].digitCount == 2, tokens[index + 2].text.count == 2
        else { return nil }
        return ArticleDate(year: year, month: tokens[index + 1].number, day: tokens[index + 2].number)
    }

    static func monthDate(_ tokens: [Token], at index: Int, contextYear: Int?, lenient: Bool = false) -> ArticleDate? {
        guard let month = MonthNames.month(tokens[index].text, lenient: lenient) else { return nil }
        let previous = index > 0 ? tokens[index - 1] : nil
        let next = index + 1 < tokens.count ? tokens[index + 1] : nil
        let afterNext = index + 2 < tokens.count ? tokens[index + 2] : nil
        // 10 April 2025, 26-FEB-1987
        if let previous, let day = isDay(previous), let next, let year = isYear(next) {
            return ArticleDate(year: year, month: month, day: day)
        }
        // April 10, 2025
        if let next, let day = isDay(next) {
            if let afterNext, let year = isYear(afterNext) { return ArticleDate(year: year, month: month, day: day) }
            // Apr. 10: a full date only when the context knows the year.
            if let contextYear { return ArticleDate(year: contextYear, month: month, day: day) }
            return nil
        }
        // April 2025
        if let next, let year = isYear(next) { return ArticleDate(year: year, month: month) }
        return nil
    }

    static func ymd(_ year: some StringProtocol, _ month: some StringProtocol, _ day: some StringProtocol) -> ArticleDate? {
        guard let y = Int(year), (1900...2100).contains(y), let m = Int(month), let d = Int(day) else { return nil }
        return ArticleDate(year: y, month: m, day: d)
    }

    static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    ]

    /// Words a date line may carry besides the date itself.
    static let dateWords: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "am", "pm", "jst", "gmt", "utc", "est", "edt", "cst", "cdt", "pst", "pdt", "cet", "cest", "bst", "ist",
        "kst", "et", "pt", "z", "published", "updated", "posted", "on", "at", "date", "last", "modified",
    ]
}
