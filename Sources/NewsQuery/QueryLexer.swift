/// One piece of query syntax, before the parser gives it meaning.
enum QueryLexeme: Sendable, Hashable {
    /// A run of characters up to white space, a parenthesis or a quote: `nato`, `nat*`, `title:x`, `a:b`.
    case word(String)
    /// Quoted text; `closed` is false when the input ended before the closing quote.
    case phrase(String, closed: Bool)
    /// `key:` directly followed by a quote or `(`: `source:"Japan Times"`, `title:(a OR b)`.
    case keyPrefix(String)
    case open, close
    /// `-` directly before a word, a quote or `(`: exclusion.
    case minus
    case or, and, not
}

/// Splits what a person typed into ``QueryLexeme``s. It never fails: every input scalar ends up in
/// some lexeme or is white space. Control characters count as white space, so they never reach FTS5.
struct QueryLexer {
    static func isQuote(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "\"", "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{00AB}", "\u{00BB}", "\u{FF02}": true
        default: false
        }
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        // Zero-width space and the byte-order mark separate words invisibly; other format characters
        // (soft hyphens, emoji joiners) stay inside the word and are the analyzer's business.
        s.properties.isWhitespace || s.properties.generalCategory == .control || s == "\u{200B}" || s == "\u{FEFF}"
    }

    static func lex(_ input: String) -> [QueryLexeme] {
        let scalars = Array(input.unicodeScalars)
        var result: [QueryLexeme] = []
        var index = 0
        // After `-` the next word is an operand even when it reads like an operator (`-OR` excludes "or").
        var literalNext = false
        while index < scalars.count {
            let scalar = scalars[index]
            if isSpace(scalar) {
                index += 1
                literalNext = false
                continue
            }
            if scalar == "(" {
                result.append(.open)
                index += 1
            } else if scalar == ")" {
                result.append(.close)
                index += 1
            } else if isQuote(scalar) {
                index += 1
                var text = String.UnicodeScalarView()
                var closed = false
                while index < scalars.count {
                    let inner = scalars[index]
                    index += 1
                    if isQuote(inner) {
                        closed = true
                        break
                    }
                    text.append(isSpace(inner) ? " " : inner)
                }
                result.append(.phrase(String(text), closed: closed))
            } else if scalar == "-", index + 1 < scalars.count, startsOperand(scalars[index + 1]) {
                result.append(.minus)
                index += 1
                literalNext = true
                continue
            } else {
                var word = String.UnicodeScalarView()
                var keyPrefix = false
                while index < scalars.count {
                    let inner = scalars[index]
                    if isSpace(inner) || inner == "(" || inner == ")" || isQuote(inner) {
                        keyPrefix = word.count > 1 && word.last == ":" && (inner == "(" || isQuote(inner))
                        break
                    }
                    word.append(inner)
                    index += 1
                }
                let text = String(word)
                if keyPrefix {
                    result.append(.keyPrefix(String(text.dropLast())))
                } else if !literalNext, text == "OR" {
                    result.append(.or)
                } else if !literalNext, text == "AND" {
                    result.append(.and)
                } else if !literalNext, text == "NOT" {
                    result.append(.not)
                } else {
                    result.append(.word(text))
                }
            }
            literalNext = false
        }
        return result
    }

    /// Whether `-` before this scalar excludes (`-word`, `-"phrase"`, `-(group)`) rather than being text.
    static func startsOperand(_ s: Unicode.Scalar) -> Bool {
        !isSpace(s) && s != ")" && s != "-"
    }
}
