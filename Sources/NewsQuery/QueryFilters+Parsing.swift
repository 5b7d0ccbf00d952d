import NewsDates

extension QueryFilters {
    /// Applies one `key:value` filter from the query text; returns a one-line problem when the value is
    /// not usable (the filter is then ignored).
    ///
    /// Date bounds are inclusive of the whole period they name (`before:2025-06` keeps June), so the
    /// query and the `--since`/`--until` flags mean the same thing.
    mutating func apply(key: String, value: String) -> String? {
        switch key {
        case "source":
            if !sources.contains(value) { sources.append(value) }
        case "actor":
            if !actors.contains(value) { actors.append(value) }
        case "after", "since":
            guard let date = ArticleDate(parsing: value) else { return Self.notADate(key, value) }
            narrow(since: date)
        case "before", "until":
            guard let date = ArticleDate(parsing: value) else { return Self.notADate(key, value) }
            narrow(until: date)
        default:  // date:
            guard let (low, high) = Self.dateRange(value) else {
                return "'date:\(value.abbreviated)' is not a date or range (2025, 2025-04..2025-06, 2025-04.., ..2025-06); ignored"
            }
            narrow(since: low)
            narrow(until: high)
        }
        return nil
    }

    /// `2025` → (2025, 2025); `2025-04..2025-06`; open ends with `2025-04..` and `..2025-06`.
    /// A reversed range is read the right way round.
    static func dateRange(_ value: String) -> (ArticleDate?, ArticleDate?)? {
        guard let dots = value.firstRange(of: "..") else {
            guard let date = ArticleDate(parsing: value) else { return nil }
            return (date, date)
        }
        let left = String(value[..<dots.lowerBound])
        let right = String(value[dots.upperBound...])
        let low = left.isEmpty ? nil : ArticleDate(parsing: left)
        let high = right.isEmpty ? nil : ArticleDate(parsing: right)
        if (!left.isEmpty && low == nil) || (!right.isEmpty && high == nil) || (low == nil && high == nil) {
            return nil
        }
        if let low, let high, low.firstDay > high.lastDay { return (high, low) }
        return (low, high)
    }

    static func notADate(_ key: String, _ value: String) -> String {
        "'\(key):\(value.abbreviated)' is not a date (YYYY, YYYY-MM or YYYY-MM-DD); ignored"
    }

    static func example(for key: String) -> String {
        switch key {
        case "source": #"source:"Japan Times""#
        case "actor": #"actor:"Mark Rutte""#
        case "date": "date:2025-04..2025-06"
        default: "\(key):2025-04-01"
        }
    }
}
