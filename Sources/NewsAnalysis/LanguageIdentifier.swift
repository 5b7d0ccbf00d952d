/// Guesses the language a text is written in, for text that does not declare it.
///
/// ```swift
/// LanguageIdentifier.identify("Die Regierung hat am Montag neue Regeln für den Handel beschlossen.")  // "de"
/// LanguageIdentifier.identify("NATO")  // nil: too short to tell
/// ```
///
/// Two signals, both cheap: the script of the letters (kana is Japanese, Hangul Korean, Greek, Arabic,
/// Hebrew, Thai and Devanagari each name a language or two), and, for Latin and Cyrillic text, the share
/// of words that are a language's function words (``LanguageProfiles``). Function words make up a third
/// or more of any running text and are nearly disjoint between languages, so a paragraph is enough;
/// a headline or a list of names is not, and gets `nil` rather than a guess.
/// Answers are ISO 639-1 codes ("en", "de"; "no" for Norwegian).
public enum LanguageIdentifier {
    /// Enough text to decide; reading further only costs time.
    static let scalarLimit = 6000

    /// The language of `text`, or nil when it is too short or too mixed to tell.
    public static func identify(_ text: String) -> String? {
        var counts = ScriptCounts()
        var words: [String] = []
        var word = String.UnicodeScalarView()
        var seen = 0
        for scalar in text.unicodeScalars {
            seen += 1
            if seen > scalarLimit { break }
            if scalar.properties.isAlphabetic {
                counts.add(scalar)
                word.append(scalar)
            } else if !word.isEmpty {
                words.append(String(word).lowercased())
                word = String.UnicodeScalarView()
            }
        }
        if !word.isEmpty { words.append(String(word).lowercased()) }
        if let byScript = counts.language { return byScript }
        guard counts.letters > 0, counts.latin + counts.cyrillic >= counts.letters / 2 else { return nil }
        return byFunctionWords(words)
    }

    /// "de-DE", "en_US", "pt-br" → "de", "en", "pt"; Norwegian Bokmål and Nynorsk ("nb", "nn") → "no".
    public static func primaryCode(of tag: String) -> String? {
        let code = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        guard (2...3).contains(code.count), code.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        return code == "nb" || code == "nn" ? "no" : code
    }

    /// Word → (language index, weight) pairs; a word shared by `k` languages weighs 1/k in each.
    private static let table: [String: [(Int, Double)]] = {
        var languages: [String: [Int]] = [:]
        for (index, profile) in LanguageProfiles.functionWords.enumerated() {
            for word in Set(profile.words.split(whereSeparator: \.isWhitespace).map(String.init)) {
                languages[word, default: []].append(index)
            }
        }
        return languages.mapValues { indices in indices.map { ($0, 1.0 / Double(indices.count)) } }
    }()

    private static func byFunctionWords(_ words: [String]) -> String? {
        // Fewer words than a sentence or two decide nothing.
        guard words.count >= 8 else { return nil }
        var scores = [Double](repeating: 0, count: LanguageProfiles.functionWords.count)
        for word in words {
            for (index, weight) in table[word] ?? [] { scores[index] += weight }
        }
        let ranked = scores.indices.sorted { scores[$0] > scores[$1] }
        let best = scores[ranked[0]]
        let second = scores[ranked[1]]
        // Running text has a function word in every three or four; a list of names has almost none.
        guard best >= 3, best >= Double(words.count) * 0.08, best >= second * 1.25 else { return nil }
        return LanguageProfiles.functionWords[ranked[0]].code
    }
}

/// Letters counted by script, for the languages a script alone names.
private struct ScriptCounts {
    var letters = 0
    var latin = 0
    var cyrillic = 0
    var greek = 0
    var arabic = 0
    /// Letters only Persian uses among the Arabic-script languages (پ چ ژ گ).
    var persian = 0
    var hebrew = 0
    var han = 0
    var kana = 0
    var hangul = 0
    var thai = 0
    var devanagari = 0

    mutating func add(_ scalar: Unicode.Scalar) {
        letters += 1
        switch scalar.value {
        case 0x41...0x24F, 0x1E00...0x1EFF: latin += 1
        case 0x370...0x3FF, 0x1F00...0x1FFF: greek += 1
        case 0x400...0x52F: cyrillic += 1
        case 0x590...0x5FF: hebrew += 1
        case 0x67E, 0x686, 0x698, 0x6AF:
            arabic += 1
            persian += 1
        case 0x600...0x6FF, 0x750...0x77F: arabic += 1
        case 0x900...0x97F: devanagari += 1
        case 0xE00...0xE7F: thai += 1
        case 0x3040...0x30FF: kana += 1
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: han += 1
        case 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F: hangul += 1
        default: break
        }
    }

    /// The language when one script other than Latin and Cyrillic holds most letters.
    var language: String? {
        guard letters >= 10 else { return nil }
        let half = letters / 2
        let cjk = han + kana
        if cjk + hangul > half {
            if hangul > cjk { return "ko" }
            // Japanese text is a third or more kana; Chinese has none.
            return kana * 10 > cjk ? "ja" : "zh"
        }
        if greek > half { return "el" }
        if arabic > half { return persian * 50 > arabic ? "fa" : "ar" }
        if hebrew > half { return "he" }
        if thai > half { return "th" }
        if devanagari > half { return "hi" }
        return nil
    }
}
