/// Checks that a text is an FTS5 MATCH expression of the shape ``MatchExpression`` writes: the
/// safety net for tests and the fuzzer, and a guard the engine may use before binding user-derived
/// text. See https://sqlite.org/fts5.html#full_text_query_syntax.
///
/// ```swift
/// try MatchExpressionValidator.phraseCount(in: #"("a" AND "b *") NOT title : "c""#)  // 3
/// ```
///
/// Grammar (a strict subset of FTS5's):
/// ```
/// or      := and ("OR" and)*
/// and     := not ("AND" not)*
/// not     := primary ("NOT" primary)*
/// primary := "(" or ")" | [column ":"] (string ["*"] | "(" or ")")
/// string  := '"' (any scalar but '"' or a control character | '""')* '"'
/// ```
/// Tokens are separated by single spaces or nothing; every string must make at least one token
/// under the analyzer when one is given, because FTS5 silently drops an empty phrase and that would
/// shift the phrase numbers.
public enum MatchExpressionValidator {
    /// Why a text is not a valid expression, with the scalar offset where reading stopped.
    public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
        public var offset: Int
        public var reason: String
        public var description: String { "at \(offset): \(reason)" }
    }

    /// FTS5 refuses expression trees deeper than this (`SQLITE_FTS5_MAX_EXPR_DEPTH`).
    public static let maximumDepth = 256

    /// The number of FTS5 phrases (quoted strings) in a valid expression; throws ``Problem`` otherwise.
    public static func phraseCount(
        in text: String, columns: Set<String> = Set(QueryField.allCases.map(\.rawValue)),
        tokenizes: ((String, Bool) -> Bool)? = nil
    ) throws(Problem) -> Int {
        var reader = Reader(scalars: Array(text.unicodeScalars), columns: columns, tokenizes: tokenizes)
        try reader.parseOr(depth: 0)
        reader.skipSpace()
        guard reader.index == reader.scalars.count else { throw reader.problem("unexpected text after the expression") }
        return reader.phrases
    }

    public static func isValid(_ text: String) -> Bool {
        (try? phraseCount(in: text)) != nil
    }

    struct Reader {
        let scalars: [Unicode.Scalar]
        let columns: Set<String>
        let tokenizes: ((String, Bool) -> Bool)?
        var index = 0
        var phrases = 0

        func problem(_ reason: String) -> Problem { Problem(offset: index, reason: reason) }

        mutating func skipSpace() {
            while index < scalars.count, scalars[index] == " " { index += 1 }
        }

        /// The bare word at the cursor (letters, digits, `_`), without consuming it.
        func bareword() -> String {
            var end = index
            while end < scalars.count, scalars[end].isBareword { end += 1 }
            return String(String.UnicodeScalarView(scalars[index..<end]))
        }

        mutating func keyword(_ word: String) -> Bool {
            skipSpace()
            let found = bareword()
            guard found == word else { return false }
            index += found.unicodeScalars.count
            return true
        }

        mutating func parseOr(depth: Int) throws(Problem) {
            guard depth < MatchExpressionValidator.maximumDepth else { throw problem("nested too deeply for FTS5") }
            try parseAnd(depth: depth)
            while keyword("OR") { try parseAnd(depth: depth) }
        }

        mutating func parseAnd(depth: Int) throws(Problem) {
            try parseNot(depth: depth)
            while keyword("AND") { try parseNot(depth: depth) }
        }

        mutating func parseNot(depth: Int) throws(Problem) {
            try parsePrimary(depth: depth)
            var nots = 0
            while keyword("NOT") {
                nots += 1
                // Each NOT nests the tree one level deeper in FTS5.
                guard depth + nots < MatchExpressionValidator.maximumDepth else { throw problem("too many NOTs for FTS5") }
                try parsePrimary(depth: depth + nots)
            }
        }

        mutating func parsePrimary(depth: Int) throws(Problem) {
            skipSpace()
            guard index < scalars.count else { throw problem("expected a string or '(' but the text ended") }
            if scalars[index] == "(" {
                try parseGroup(depth: depth)
                return
            }
            let word = bareword()
            if !word.isEmpty {
                guard columns.contains(word) else { throw problem("bare word '\(word)' where a string belongs") }
                index += word.unicodeScalars.count
                skipSpace()
                guard index < scalars.count, scalars[index] == ":" else { throw problem("expected ':' after a column") }
                index += 1
                skipSpace()
                // A column's phrase with its alternatives: `title : ("united states" OR "us")`.
                if index < scalars.count, scalars[index] == "(" {
                    try parseGroup(depth: depth)
                    return
                }
            }
            try parseString()
        }

        mutating func parseGroup(depth: Int) throws(Problem) {
            index += 1
            try parseOr(depth: depth + 1)
            skipSpace()
            guard index < scalars.count, scalars[index] == ")" else { throw problem("expected ')'") }
            index += 1
        }

        mutating func parseString() throws(Problem) {
            guard index < scalars.count, scalars[index] == "\"" else { throw problem("expected a quoted string") }
            index += 1
            var content = String.UnicodeScalarView()
            while true {
                guard index < scalars.count else { throw problem("a string is not closed") }
                let scalar = scalars[index]
                index += 1
                if scalar == "\"" {
                    if index < scalars.count, scalars[index] == "\"" {
                        content.append("\"")
                        index += 1
                        continue
                    }
                    break
                }
                guard scalar.properties.generalCategory != .control else { throw problem("control character in a string") }
                content.append(scalar)
            }
            let save = index
            skipSpace()
            let prefix = index < scalars.count && scalars[index] == "*"
            if prefix { index += 1 } else { index = save }
            if let tokenizes, !tokenizes(String(content), prefix) {
                throw problem("string \"\(String(content))\" makes no tokens")
            }
            phrases += 1
        }
    }
}

extension Unicode.Scalar {
    /// FTS5 barewords: ASCII letters, digits, `_`, and any non-ASCII scalar; we only accept ASCII
    /// ones (our keywords and column names), so anything else falls to the string rule and fails.
    fileprivate var isBareword: Bool {
        (value >= 0x30 && value <= 0x39) || (value | 0x20 >= 0x61 && value | 0x20 <= 0x7A) || value == 0x5F
    }
}
