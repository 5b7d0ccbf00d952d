/// How a line uses capitals, which decides whether capitals are evidence of a name.
enum LineKind: Sendable, Equatable {
    /// Running text: capitals mark names.
    case prose
    /// A capitals headline ("LEICESTERSHIRE TAKE OVER"): only known names count.
    case allCaps
    /// Title Case headings, short labels and teasers cut off with "…": only names the article's running
    /// text (or, for countries and organisations, the gazetteer) confirms count.
    case titleCase
    /// A row of figures ("Turnover 4.2 mln vs 3.9 mln"): its label names someone only when the gazetteer
    /// or the running text knows the name.
    case figures

    init(_ tokens: ArraySlice<Token>, in text: ScannedText) {
        // First pass, no look-ups: words, capitals, numbers.
        var words = 0
        var capitals = 0
        var numbers = 0
        // Fields read in place: a `for token in tokens` loop copied every token, two strings and all.
        for index in tokens.indices {
            if tokens[index].isScore { numbers += 1 }
            guard tokens[index].kind == .word, tokens[index].shape != .other else { continue }
            words += 1
            if tokens[index].shape == .allCaps, !tokens[index].isInitial { capitals += 1 }
        }
        guard words > 0 else {
            self = .prose
            return
        }
        if capitals * 10 >= words * 6, capitals >= 1 {
            self = .allCaps
            return
        }
        let last = tokens.last { $0.kind == .punctuation }
        if let last, last.end == tokens.last!.end, text.text(last, is: "\u{2026}") || (tokens.count >= 3 && tokens.suffix(3).allSatisfy { text.text($0, is: ".") }) {
            self = .titleCase
            return
        }
        // "Shr 30 cts vs 30 cts": the label is capitalised because it starts the line, not because it is a name.
        if Self.isFiguresRow(tokens, in: text) {
            self = .figures
            return
        }
        // Tables of results carry numbers; headings rarely more than one or two.
        if numbers * 4 >= words {
            self = .prose
            return
        }
        let endsSentence = tokens.last.map { last in
            text.text(last, is: ".") || text.text(last, is: "!") || text.text(last, is: "?") || text.text(last, is: "\"")
                || text.text(last, is: "\u{201D}") || text.text(last, is: ")")
        } ?? false
        // Second pass over content words (function words such as "with" do not count): Title Case when
        // every one is capitalised; a short unpunctuated label when most are.
        var longWords = 0
        var longCapitalized = 0
        // Results lines ("Ann Li ( Kenya ) vs. Bo Wu ( Chile )") are not headings.
        // The byte count first: comparing every word of the line with these strings was a tenth of this test.
        if tokens.contains(where: {
            $0.lowerCount <= 3 && (text.text($0, is: "(") || text.lower($0, is: "vs") || text.lower($0, is: "vs.") || text.lower($0, is: "v"))
        }) {
            self = .prose
            return
        }
        for index in tokens.indices where tokens[index].kind == .word && tokens[index].end - tokens[index].start >= 4 {
            if tokens[index].isCapitalized {
                longWords += 1
                longCapitalized += 1
            } else if !Lexicon.stopWords.contains(tokens[index], in: text) {
                longWords += 1
                if endsSentence || longWords > 6 {
                    self = .prose
                    return
                }
            }
        }
        if longCapitalized >= 3, longCapitalized == longWords {
            self = .titleCase
        } else if !endsSentence, longWords <= 6, longCapitalized * 10 >= longWords * 6 {
            self = .titleCase
        } else {
            self = .prose
        }
    }

    /// The index of the dash that ends a dateline opening the line ("SPRINGFIELD, Ill., May 2 -",
    /// "NEW YORK, Jan 15 -"): a capitals word, a comma, and a month and day just before the dash.
    static func datelineEnd(_ tokens: ArraySlice<Token>, in text: ScannedText) -> Int? {
        guard let first = tokens.first, first.kind == .word, first.shape == .allCaps else { return nil }
        var sawComma = false
        for index in tokens.indices.dropFirst().prefix(10) {
            let token = tokens[index]
            guard token.kind == .punctuation else { continue }
            if text.text(token, is: ",") {
                sawComma = true
            } else if text.text(token, is: "-") || text.text(token, is: "\u{2013}") || text.text(token, is: "\u{2014}") {
                guard sawComma, index - 2 > tokens.startIndex, tokens[index - 1].isScore, tokens[index - 2].isCapitalized else { return nil }
                return index
            }
        }
        return nil
    }

    /// A row of figures: a capitalised label of one or two words, then only figures (digits, number
    /// words), "vs" and lowercase units, with at least one unit or "vs" and no sentence end. Rows of bare
    /// numbers ("Ajax 3 2 1 0") are results tables, whose labels are teams.
    private static func isFiguresRow(_ tokens: ArraySlice<Token>, in text: ScannedText) -> Bool {
        guard let first = tokens.first, first.kind == .word, first.shape == .capitalized, tokens.count <= 16,
            let last = tokens.last, !(text.text(last, is: ".") || text.text(last, is: "!") || text.text(last, is: "?"))
        else { return false }
        var index = tokens.startIndex + 1
        if index < tokens.endIndex, tokens[index].shape == .capitalized, !Lexicon.numberWords.contains(tokens[index], in: text) {
            index += 1
        }
        var figures = 0
        var units = 0
        for token in tokens[index...] {
            switch token.kind {
            case .number:
                guard !token.isDate else { return false }
                figures += 1
            case .word:
                if Lexicon.numberWords.contains(token, in: text) {
                    figures += 1
                } else if token.shape == .lower {
                    units += 1
                } else {
                    return false
                }
            case .punctuation, .newline:
                continue
            }
        }
        return figures >= 1 && units >= 1 && figures * 2 >= units
    }
}
