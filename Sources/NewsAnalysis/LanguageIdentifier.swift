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
        var text = text
        return text.withUTF8 { identify(utf8: $0) }
    }

    /// Read over UTF-8 bytes: the indexer guesses the language of every article it reads, and walking
    /// scalars, building a `String` per word and hashing it cost as much as extracting the actors.
    /// ASCII letters are told by range; other scalars by their Unicode properties, as before.
    private static func identify(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var counts = ScriptCounts()
        var scores = [Double](repeating: 0, count: LanguageProfiles.functionWords.count)
        var words = 0
        var wordStart = -1
        var wordIsASCII = true
        var seen = 0
        var index = 0
        let count = bytes.count
        // An ASCII word's lowercase form, written here: no `String` per word.
        var lowered = [UInt8](repeating: 0, count: table.longestWord)
        // A word's votes are added as it ends, in text order, so the sums are those a list of words gave.
        func endWord(_ end: Int) {
            words += 1
            let word = UnsafeBufferPointer(rebasing: bytes[wordStart..<end])
            wordStart = -1
            // No function word is longer than `longestWord` bytes; lowercasing shrinks a scalar's bytes
            // by at most three times (the Kelvin sign is three bytes, its "k" one).
            guard word.count <= table.longestWord * 3 else { return }
            let votes: Range<Int>?
            if wordIsASCII {
                guard word.count <= table.longestWord else { return }
                votes = lowered.withUnsafeMutableBufferPointer { buffer in
                    for (offset, byte) in word.enumerated() { buffer[offset] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
                    let lower = UnsafeBufferPointer(rebasing: buffer[0..<word.count])
                    return table.votes(lowercase: lower, hash: FunctionWordTable.hash(lower))
                }
            } else {
                var lower = String(decoding: word, as: UTF8.self).lowercased()
                votes = lower.withUTF8 { table.votes(lowercase: $0, hash: FunctionWordTable.hash($0)) }
            }
            guard let votes else { return }
            for vote in votes { scores[table.languages[vote]] += table.weights[vote] }
        }
        // ASCII letters are counted as runs, added to `counts` at the end: one comparison a letter.
        var asciiLetters = 0
        while index < count {
            if seen == scalarLimit { break }
            let byte = bytes[index]
            let scalar: Unicode.Scalar
            let width: Int
            if byte < 0x80 {
                if (byte | 0x20) &- 0x61 < 26 {
                    if wordStart < 0 {
                        wordStart = index
                        wordIsASCII = true
                    }
                    // The run of letters, as far as the limit allows.
                    let stop = Swift.min(count, index + (scalarLimit - seen))
                    var end = index + 1
                    while end < stop, (bytes[end] | 0x20) &- 0x61 < 26 { end += 1 }
                    asciiLetters += end - index
                    seen += end - index
                    index = end
                    continue
                }
                seen += 1
                if wordStart >= 0 { endWord(index) }
                index += 1
                continue
            }
            seen += 1
            if byte < 0xE0 {
                width = 2
                scalar = Unicode.Scalar(UInt32(byte & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F))!
            } else if byte < 0xF0 {
                width = 3
                scalar = Unicode.Scalar(UInt32(byte & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F))!
            } else {
                width = 4
                scalar = Unicode.Scalar(
                    UInt32(byte & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
                        | UInt32(bytes[index + 3] & 0x3F))!
            }
            if scalar.properties.isAlphabetic {
                counts.add(scalar)
                if wordStart < 0 { wordStart = index }
                wordIsASCII = false
            } else if wordStart >= 0 {
                endWord(index)
            }
            index += width
        }
        if wordStart >= 0 { endWord(index) }
        counts.letters += asciiLetters
        counts.latin += asciiLetters
        if let byScript = counts.language { return byScript }
        guard counts.letters > 0, counts.latin + counts.cyrillic >= counts.letters / 2 else { return nil }
        return byFunctionWords(scores, words: words)
    }

    /// "de-DE", "en_US", "pt-br" → "de", "en", "pt"; Norwegian Bokmål and Nynorsk ("nb", "nn") → "no".
    public static func primaryCode(of tag: String) -> String? {
        let code = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        guard (2...3).contains(code.count), code.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        return code == "nb" || code == "nn" ? "no" : code
    }

    /// Word → (language index, weight) pairs; a word shared by `k` languages weighs 1/k in each.
    private static let table = FunctionWordTable(profiles: LanguageProfiles.functionWords.map(\.words))

    private static func byFunctionWords(_ scores: [Double], words: Int) -> String? {
        // Fewer words than a sentence or two decide nothing.
        guard words >= 8 else { return nil }
        let ranked = scores.indices.sorted { scores[$0] > scores[$1] }
        let best = scores[ranked[0]]
        let second = scores[ranked[1]]
        // Running text has a function word in every three or four; a list of names has almost none.
        guard best >= 3, best >= Double(words) * 0.08, best >= second * 1.25 else { return nil }
        return LanguageProfiles.functionWords[ranked[0]].code
    }
}

/// Letters counted by script, for the languages a script alone names.
struct ScriptCounts {
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
