import NewsIngest

/// Parses what a person typed into a ``Query``. Lenient: it never fails; what it cannot use it
/// turns into text or drops, with a ``QueryWarning``.
///
/// ```swift
/// let query = QueryParser().parse(#"defense industrial -china source:"Japan Times" date:2025"#)
/// ```
public struct QueryParser: Sendable {
    public init() {}

    public func parse(_ input: String) -> Query {
        var clauses: [QueryNode] = []
        var filters = QueryFilters()
        var warnings: [QueryWarning] = []
        var scanner = Scanner(Array(input.unicodeScalars))
        while let token = scanner.next() {
            switch token {
            case .word(let raw, let negated):
                if let (key, value) = Self.filter(raw) {
                    if negated { warnings.append(QueryWarning("'-\(key):' is not supported; the filter was applied")) }
                    apply(key: key, value: value, to: &filters, warnings: &warnings)
                    continue
                }
                var text = raw
                var field: QueryField?
                if let colon = text.firstIndex(of: ":"), let f = QueryField(rawValue: text[..<colon].lowercased()) {
                    field = f
                    text = String(text[text.index(after: colon)...])
                }
                let prefix = text.hasSuffix("*")
                while text.hasSuffix("*") { text.removeLast() }
                guard !text.isEmpty else { continue }
                let node = QueryNode.term(text, prefix: prefix, field: field)
                clauses.append(negated ? .not(node) : node)
            case .phrase(let text, let negated, let key):
                if let key {
                    if let (k, _) = Self.filter(key + ":x") {
                        apply(key: k, value: text, to: &filters, warnings: &warnings)
                        continue
                    }
                }
                guard !text.isEmpty else { continue }
                let field = key.flatMap { QueryField(rawValue: $0.lowercased()) }
                let node = QueryNode.phrase(text, field: field)
                clauses.append(negated ? .not(node) : node)
            }
        }
        let root: QueryNode? = clauses.isEmpty ? nil : clauses.count == 1 ? clauses[0] : .and(clauses)
        return Query(root: root, filters: filters, warnings: warnings)
    }

    static let filterKeys: Set<String> = ["source", "actor", "date", "after", "before", "since", "until"]

    static func filter(_ word: String) -> (String, String)? {
        guard let colon = word.firstIndex(of: ":") else { return nil }
        let key = word[..<colon].lowercased()
        let value = String(word[word.index(after: colon)...])
        guard filterKeys.contains(key), !value.isEmpty else { return nil }
        return (key, value)
    }

    func apply(key: String, value: String, to filters: inout QueryFilters, warnings: inout [QueryWarning]) {
        switch key {
        case "source": filters.sources.append(value)
        case "actor": filters.actors.append(value)
        case "after", "since":
            if let date = ArticleDate(parsing: value) { filters.since = [filters.since, date].compactMap { $0 }.max() }
            else { warnings.append(QueryWarning("'\(key):\(value)' is not a date (YYYY, YYYY-MM or YYYY-MM-DD); ignored")) }
        case "before", "until":
            if let date = ArticleDate(parsing: value) { filters.until = [filters.until, date].compactMap { $0 }.min() }
            else { warnings.append(QueryWarning("'\(key):\(value)' is not a date (YYYY, YYYY-MM or YYYY-MM-DD); ignored")) }
        default:  // date:
            let parts = value.components(separatedBy: "..")
            let low = parts.first.flatMap { $0.isEmpty ? nil : ArticleDate(parsing: $0) }
            let high = parts.count > 1 ? (parts[1].isEmpty ? nil : ArticleDate(parsing: parts[1])) : low
            if low == nil && high == nil {
                warnings.append(QueryWarning("'date:\(value)' is not a date or range (2025, 2025-04..2025-06); ignored"))
            }
            if let low { filters.since = [filters.since, low].compactMap { $0 }.max() }
            if let high { filters.until = [filters.until, high].compactMap { $0 }.min() }
        }
    }
}

/// Splits input into words and quoted phrases; an unbalanced quote runs to the end of the input.
private struct Scanner {
    enum Item {
        case word(String, negated: Bool)
        case phrase(String, negated: Bool, key: String?)
    }

    let scalars: [Unicode.Scalar]
    var index = 0

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    static func isQuote(_ s: Unicode.Scalar) -> Bool { s == "\"" || s == "“" || s == "”" || s == "„" }

    mutating func next() -> Item? {
        while index < scalars.count, scalars[index].properties.isWhitespace || scalars[index].value < 32 { index += 1 }
        guard index < scalars.count else { return nil }
        var negated = false
        if scalars[index] == "-", index + 1 < scalars.count, !scalars[index + 1].properties.isWhitespace {
            negated = true
            index += 1
        }
        if Self.isQuote(scalars[index]) {
            return .phrase(readQuoted(), negated: negated, key: nil)
        }
        var word = String.UnicodeScalarView()
        while index < scalars.count, !scalars[index].properties.isWhitespace, scalars[index].value >= 32 {
            if Self.isQuote(scalars[index]), word.last == ":" {
                let key = String(String(word).dropLast())
                return .phrase(readQuoted(), negated: negated, key: key)
            }
            word.append(scalars[index])
            index += 1
        }
        return .word(String(word), negated: negated)
    }

    mutating func readQuoted() -> String {
        index += 1
        var text = String.UnicodeScalarView()
        while index < scalars.count, !Self.isQuote(scalars[index]) {
            text.append(scalars[index].value < 32 ? " " : scalars[index])
            index += 1
        }
        index += 1
        return String(text).trimmingCharacters()
    }
}

extension String {
    fileprivate func trimmingCharacters() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
