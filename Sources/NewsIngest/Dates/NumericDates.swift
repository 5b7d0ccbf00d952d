import NewsDates

/// All-number dates with separators: `17.05.2024`, `17/05/2024`, `05/17/2024`, `17-05-2024`,
/// and the CJK `2024年5月17日` / `2024년 5월 17일`.
///
/// Day and month order: a part above 12 decides; else dots and hyphens are day first (no one writes
/// `05.17.2024`), and slashes follow the page's language (month first only in US English).
enum NumericDates {
    static func first(in text: String, lenient: Bool, dayFirst: Bool) -> ArticleDate? {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard isDigit(scalars[index]), index == 0 || !isDigit(scalars[index - 1]) else {
                index += 1
                continue
            }
            if let date = date(at: index, in: scalars, lenient: lenient, dayFirst: dayFirst) { return date }
            while index < scalars.count && isDigit(scalars[index]) { index += 1 }
        }
        return nil
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    private static func number(at index: inout Int, in scalars: [Unicode.Scalar]) -> (value: Int, digits: Int)? {
        var value = 0
        var digits = 0
        while index < scalars.count, isDigit(scalars[index]), digits < 5 {
            value = value * 10 + Int(scalars[index].value - 48)
            digits += 1
            index += 1
        }
        return digits == 0 ? nil : (value, digits)
    }

    private static func date(at start: Int, in scalars: [Unicode.Scalar], lenient: Bool, dayFirst: Bool) -> ArticleDate? {
        var index = start
        guard let first = number(at: &index, in: scalars), index < scalars.count else { return nil }
        let separator = scalars[index]
        if first.digits == 4, separator == "年" || separator == "년" { return cjk(year: first.value, after: index, in: scalars) }
        guard separator == "." || separator == "/" || separator == "-", first.digits <= 2 else { return nil }
        index += 1
        // Bylines often put a space after the dot: "17. 05. 2024".
        if separator == ".", index < scalars.count, scalars[index] == " " { index += 1 }
        guard let second = number(at: &index, in: scalars), second.digits <= 2, index < scalars.count,
            scalars[index] == separator
        else { return nil }
        index += 1
        if separator == ".", index < scalars.count, scalars[index] == " " { index += 1 }
        guard let third = number(at: &index, in: scalars) else { return nil }
        // A fourth number part means a version or an address, not a date.
        if index < scalars.count, scalars[index] == separator, index + 1 < scalars.count, isDigit(scalars[index + 1]) {
            return nil
        }
        var year: Int
        switch third.digits {
        case 4: year = third.value
        case 2 where lenient: year = 2000 + third.value
        default: return nil
        }
        guard (1900...2100).contains(year) else { return nil }
        if third.digits == 2 && year > 2079 { year -= 100 }
        let (a, b) = (first.value, second.value)
        if a > 12 { return ArticleDate(year: year, month: b, day: a) }
        if b > 12 { return separator == "/" || lenient ? ArticleDate(year: year, month: a, day: b) : nil }
        // Ambiguous slashes in running text are left alone: only a date context says whose order it is.
        if separator == "/" && !lenient { return nil }
        let monthFirst = separator == "/" && !dayFirst
        return monthFirst ? ArticleDate(year: year, month: a, day: b) : ArticleDate(year: year, month: b, day: a)
    }

    private static func cjk(year: Int, after yearEnd: Int, in scalars: [Unicode.Scalar]) -> ArticleDate? {
        var index = yearEnd + 1
        func skipSpace() { while index < scalars.count, scalars[index] == " " { index += 1 } }
        skipSpace()
        guard let month = number(at: &index, in: scalars), index < scalars.count,
            scalars[index] == "月" || scalars[index] == "월"
        else { return ArticleDate(year: year) }
        index += 1
        skipSpace()
        guard let day = number(at: &index, in: scalars), index < scalars.count, scalars[index] == "日" || scalars[index] == "일"
        else { return ArticleDate(year: year, month: month.value) }
        return ArticleDate(year: year, month: month.value, day: day.value)
    }
}
