/// How a line uses capitals, which decides whether capitals are evidence of a name.
enum LineKind: Sendable, Equatable {
    /// Running text: capitals mark names.
    case prose
    /// A capitals headline ("LEICESTERSHIRE TAKE OVER"): only known names count.
    case allCaps
    /// Title Case headings, short labels and teasers cut off with "…": only names the article's running
    /// text (or, for countries and organisations, the gazetteer) confirms count.
    case titleCase

    init(_ tokens: ArraySlice<Token>) {
        var words = 0
        var capitals = 0
        var longWords = 0
        var longCapitalized = 0
        var numbers = 0
        for token in tokens {
            if token.kind == .number { numbers += 1 }
            guard token.kind == .word, token.shape != .other else { continue }
            words += 1
            if token.shape == .allCaps, !token.isInitial { capitals += 1 }
            if token.end - token.start >= 4, !Lexicon.stopWords.contains(token.lower) {
                longWords += 1
                if token.isCapitalized { longCapitalized += 1 }
            }
        }
        guard words > 0 else {
            self = .prose
            return
        }
        if capitals * 10 >= words * 6, capitals >= 1, longWords > 0 || words == 1 {
            self = .allCaps
            return
        }
        let last = tokens.last { $0.kind == .punctuation }
        let endsSentence = tokens.last.map { [".", "!", "?", "\"", "\u{201D}", ")"].contains($0.text) } ?? false
        if let last, last.end == tokens.last!.end, last.text == "\u{2026}" || (tokens.count >= 3 && tokens.suffix(3).allSatisfy { $0.text == "." }) {
            self = .titleCase
            return
        }
        // Tables of results carry numbers; headings rarely more than one or two.
        let table = numbers * 4 >= words
        if !table, longCapitalized >= 3, longCapitalized == longWords {
            self = .titleCase
            return
        }
        if !endsSentence, !table, longWords <= 6, longCapitalized * 10 >= longWords * 6 {
            self = .titleCase
            return
        }
        self = .prose
    }
}
