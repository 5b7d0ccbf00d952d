import PropertyBased
import Testing
@testable import NewsActors

/// `TextScanner.scan` makes tokens that are spans of the text's bytes; the scanner it replaced (two
/// `String`s per token, over an array of scalars) is kept here as the reference, and both must cut
/// every text into the same tokens with the same offsets, text, lowercase form, hash, shape and flags:
/// random texts of names, abbreviations, initials, possessives, hyphens, dates, accents, other
/// scripts, combining marks, capitals that lowercase to other lengths, and every kind of line end.
@Suite("Text scanner over byte spans")
struct TextScannerSpanTests {
    @Test func sameTokensAsTheStringScanner() {
        var random = Xoshiro(seed: (0x70CE_5CA7, 1, 2, 3))
        var differences: [String] = []
        var tokens = 0
        for round in 0..<3_000 {
            let text = Self.randomText(&random, long: round % 100 == 0)
            tokens += Self.reference(text).count
            if let difference = Self.difference(text) { differences.append(difference) }
        }
        #expect(differences.isEmpty, "\(differences.count) texts differ, first: \(differences.first ?? "")")
        #expect(tokens > 30_000)
    }

    @Test(arguments: [
        "", " ", "\n\r\n\u{2028}x\u{2029}", "Japan's NATO’s U.S.-Japan Gen. P. Simmons Co. co. Inc.", "1996-08-30 1,000 12-34-5678",
        "Straße ẞTRASSE İstanbul \u{212A}ELVIN Čapek ČAPEK", "e\u{301}te\u{301} E\u{301}TE\u{301}", "Japan 's rise ' s", "AT&T R&D O'Neill",
        "東京 ソウル 서울 Москва МОСКВА", "St.Louis U.S.A. a.b.c. Ä.Ö. Ä.", "\u{037E} ; \u{2026} ... ( vs. v VS", "🙂 Ünited Nations' 🙂",
    ])
    func sameTokensOnEdgeCases(text: String) {
        #expect(Self.difference(text) == nil)
    }

    /// ASCII text is read as bytes (`TextScanner.scanASCII`); the scalar scanner must cut it into the same
    /// tokens, every field alike, on random ASCII texts with control characters and every joiner.
    @Test func asciiBytesAsTheScalarScanner() {
        var random = Xoshiro(seed: (0xA5C1_1B17, 4, 5, 6))
        let asciiPieces = Self.pieces.filter { $0.utf8.allSatisfy { $0 < 0x80 } }
            + ["\u{0B}", "\u{0C}", "\u{7F}", "\0", "s", "S", "'S", "co.", "Inc.", "U.S", "a.b", "A.", "10-10-1996", "1996-08-30x", "x-", "-x"]
        var differences: [String] = []
        var tokens = 0
        for round in 0..<4_000 {
            var text = ""
            for _ in 0..<(round % 200 == 0 ? 2_000 : random.below(40)) {
                var piece = asciiPieces[random.below(asciiPieces.count)]
                if random.below(8) == 0 { piece = piece.uppercased() }
                text += piece
                if random.below(3) != 0 { text += random.below(10) == 0 ? "\t" : " " }
            }
            let bytes = TextScanner.scanASCII(Array(text.utf8))
            let scalars = TextScanner.scanScalars(text, utf8: Array(text.utf8))
            tokens += bytes.tokens.count
            guard bytes.lowered == scalars.lowered, bytes.tokens.count == scalars.tokens.count else {
                differences.append("\(text.debugDescription): \(bytes.tokens.count) tokens, expected \(scalars.tokens.count)")
                continue
            }
            for (a, b) in zip(bytes.tokens, scalars.tokens)
            where a.kind != b.kind || a.shape != b.shape || a.possessive != b.possessive || a.isHyphenated != b.isHyphenated
                || a.isDate != b.isDate || a.endsWithPeriod != b.endsWithPeriod || a.start != b.start || a.end != b.end
                || a.textStart != b.textStart || a.textEnd != b.textEnd || a.lowerStart != b.lowerStart || a.lowerEnd != b.lowerEnd
                || a.hash != b.hash
            {
                differences.append("\(text.debugDescription): token at \(b.start) differs")
                break
            }
        }
        #expect(differences.isEmpty, "\(differences.count) texts differ, first: \(differences.first ?? "")")
        #expect(tokens > 40_000)
    }

    /// The first token where the two scanners disagree, described; nil when they agree.
    static func difference(_ text: String) -> String? {
        let expected = reference(text)
        let scanned = TextScanner.scan(text)
        guard scanned.tokens.count == expected.count else { return "\(text.debugDescription): \(scanned.tokens.count) tokens, expected \(expected.count)" }
        for (token, old) in zip(scanned.tokens, expected) {
            // A line end of any kind read as "\n" before; its text was never read.
            let sameText = token.kind == .newline || scanned.text(token) == old.text && scanned.lower(token) == old.lower
            let isInitial = old.kind == .word && old.end - old.start == 2 && old.text.utf8.last == 0x2E && old.shape != .lower
            let isScore = old.kind == .number && !(old.text.utf8.count == 10 && old.text.utf8.filter { $0 == 0x2D }.count == 2)
            guard token.kind == old.kind, token.start == old.start, token.end == old.end, sameText, token.hash == old.hash,
                token.shape == old.shape, token.possessive == old.possessive, token.isHyphenated == old.text.utf8.contains(0x2D),
                token.isInitial == isInitial, token.isScore == isScore
            else { return "\(text.debugDescription): token \(old.text.debugDescription) at \(old.start) differs" }
        }
        return nil
    }

    struct ReferenceToken {
        var kind: Token.Kind
        var start: Int
        var end: Int
        var text: String
        var lower: String
        var hash: UInt64
        var shape: Token.Shape
        var possessive = false
    }

    /// The scanner before byte spans, rule for rule.
    static func reference(_ text: String) -> [ReferenceToken] {
        // Scalars for the rules, UTF-8 bytes for cheap token strings, and where each scalar's bytes start.
        var utf8: [UInt8] = []
        utf8.reserveCapacity(text.utf8.count)
        utf8.append(contentsOf: text.utf8)
        var scalarArray: [Unicode.Scalar] = []
        var byteStarts: [Int] = []
        scalarArray.reserveCapacity(utf8.count)
        // ASCII text (the common case) needs no offset table: scalar offsets are byte offsets.
        let isASCII = !utf8.contains { $0 >= 0x80 }
        if isASCII {
            for byte in utf8 { scalarArray.append(Unicode.Scalar(byte)) }
        } else {
            byteStarts.reserveCapacity(utf8.count + 1)
            var byte = 0
            for scalar in text.unicodeScalars {
                scalarArray.append(scalar)
                byteStarts.append(byte)
                byte += UTF8.width(scalar)
            }
            byteStarts.append(byte)
        }
        // Token strings straight from the bytes' buffer: through an `ArraySlice` each took the generic path.
        func string(_ range: Range<Int>) -> String {
            let bytes = isASCII ? range : byteStarts[range.lowerBound]..<byteStarts[range.upperBound]
            return utf8.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[bytes]), as: UTF8.self) }
        }
        var tokens: [ReferenceToken] = []
        tokens.reserveCapacity(scalarArray.count / 5)
        // The rules below read scalars through a buffer pointer: through the array, every read paid for
        // a bounds check and every slice for a retain.
        scalarArray.withUnsafeBufferPointer { scalars in
            var index = 0
            let count = scalars.count
            while index < count {
                let scalar = scalars[index]
                if scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    if tokens.last?.kind != .newline {
                        tokens.append(ReferenceToken(kind: .newline, start: index, end: index + 1, text: "\n", lower: "\n", hash: 0, shape: .other))
                    }
                    index += 1
                    continue
                }
                if scalar == " " || scalar == "\t" || !scalar.isASCII && scalar.properties.isWhitespace {
                    index += 1
                    continue
                }
                if TextScanner.isWordScalar(scalar) {
                    let start = index
                    var end = index + 1
                    while end < count {
                        let next = scalars[end]
                        if TextScanner.isWordScalar(next) {
                            end += 1
                        } else if next == "-" || next == "'" || next == "\u{2019}" || next == "&",
                            end + 1 < count, TextScanner.isWordScalar(scalars[end + 1])
                        {
                            // A possessive ending is split off, not joined: "Japan's" is Japan.
                            if next != "-", next != "&", scalars[end + 1] == "s" || scalars[end + 1] == "S",
                                end + 2 >= count || !TextScanner.isWordScalar(scalars[end + 2])
                            {
                                break
                            }
                            end += 2
                        } else if next == ".", end + 1 < count, TextScanner.isLetter(scalars[end + 1]), end - lastDot(scalars, start, end) == 1 {
                            // "U.S." style: single letters separated by periods.
                            end += 1
                        } else {
                            break
                        }
                    }
                    var possessive = false
                    var tokenEnd = end
                    if end < count, scalars[end] == "." {
                        let body = string(start..<end)
                        let letters = end - start
                        let isDotted = body.utf8.contains(0x2E)
                        if (letters == 1 && TextScanner.isUpper(scalars[start]))
                            || isDotted || Lexicon.abbreviations.contains(body.lowercased())
                        {
                            tokenEnd = end + 1
                        }
                    }
                    if tokenEnd == end, end + 1 < count, scalars[end] == "'" || scalars[end] == "\u{2019}" {
                        if scalars[end + 1] == "s" || scalars[end + 1] == "S",
                            end + 2 >= count || !TextScanner.isWordScalar(scalars[end + 2])
                        {
                            possessive = true
                            index = end + 2
                        } else {
                            index = end
                        }
                    } else {
                        index = tokenEnd
                    }
                    let text = string(start..<tokenEnd)
                    // One pass for case and the hash of the lowercase form (ASCII), the usual case.
                    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                    var hasUpper = false
                    var asciiOnly = true
                    for scalar in scalars[start..<tokenEnd] {
                        var value = scalar.value
                        if value >= 0x80 {
                            asciiOnly = false
                            break
                        }
                        if value >= 0x41 && value <= 0x5A {
                            hasUpper = true
                            value += 0x20
                        }
                        hash = (hash ^ UInt64(value)) &* 0x0000_0100_0000_01B3
                    }
                    let lower: String
                    if !asciiOnly {
                        lower = text.lowercased()
                    } else if hasUpper {
                        // ASCII lowercasing straight from the bytes, cheaper than `lowercased()`.
                        let length = tokenEnd - start
                        let firstByte = isASCII ? start : byteStarts[start]
                        lower = String(unsafeUninitializedCapacity: length) { buffer in
                            for offset in 0..<length {
                                let byte = utf8[firstByte + offset]
                                buffer[offset] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                            }
                            return length
                        }
                    } else {
                        lower = text
                    }
                    tokens.append(
                        ReferenceToken(
                            kind: TextScanner.isDigit(scalars[start]) ? .number : .word, start: start, end: tokenEnd, text: text,
                            lower: lower, hash: asciiOnly ? hash : WordMap<Bool>.hash(lower),
                            shape: hasUpper || !asciiOnly ? shape(of: scalars[start..<tokenEnd]) : (TextScanner.isLetter(scalars[start]) ? .lower : .other),
                            possessive: possessive))
                    continue
                }
                // A separate "'s" (CoNLL tokenises "Japan 's") marks the previous word as possessive.
                if scalar == "'" || scalar == "\u{2019}", index + 1 < count, scalars[index + 1] == "s",
                    index + 2 >= count || !TextScanner.isWordScalar(scalars[index + 2]),
                    let last = tokens.indices.last, tokens[last].kind == .word
                {
                    tokens[last].possessive = true
                    index += 2
                    continue
                }
                if scalar.isASCII {
                    let byte = Int(scalar.value)
                    tokens.append(
                        ReferenceToken(
                            kind: .punctuation, start: index, end: index + 1, text: String(Unicode.Scalar(UInt8(byte))), lower: String(Unicode.Scalar(UInt8(byte))),
                            hash: WordMap<Bool>.hash(String(Unicode.Scalar(UInt8(byte)))), shape: .other))
                } else {
                    let text = String(scalar)
                    tokens.append(ReferenceToken(kind: .punctuation, start: index, end: index + 1, text: text, lower: text, hash: WordMap<Bool>.hash(text), shape: .other))
                }
                index += 1
            }
        }
        return tokens
    }

    private static func lastDot(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int) -> Int {
        var index = end - 1
        while index >= start {
            if scalars[index] == "." { return index + 1 }
            index -= 1
        }
        return start
    }

    private static func shape<Scalars: Collection<Unicode.Scalar>>(of scalars: Scalars) -> Token.Shape {
        guard let first = scalars.first(where: { TextScanner.isLetter($0) }) else { return .other }
        var upper = 0
        var lower = 0
        for scalar in scalars where TextScanner.isLetter(scalar) {
            if TextScanner.isUpper(scalar) { upper += 1 } else if TextScanner.isLower(scalar) { lower += 1 }
        }
        if TextScanner.isUpper(first) {
            return lower == 0 && (upper >= 2 || scalars.count >= 2) ? .allCaps : .capitalized
        }
        if !TextScanner.isLetter(scalars.first!) { return .other }
        return .lower
    }

    static let pieces: [String] = [
        "the", "of", "and", "said", "Minister", "Japan", "NATO", "Rutte", "Mark", "U.S.", "U.K", "Gen", "gen", "Inc", "Mr", "MESSRS", "P",
        "A", "a", "'s", "’s", "'S", "'", "’", "-", "&", "&T", ".", ",", ";", ":", "(", ")", "\"", "\u{201C}", "\u{2026}", "!", "?",
        "1996-08-30", "1,000", "42", "3.5", "Čapek", "ČAPEK", "İstanbul", "Straße", "ẞ", "\u{212A}", "e\u{301}", "E\u{301}", "\u{301}",
        "Москва", "ПРИ", "東京", "ソウル", "서울", "Αθήνα", "القاهرة", "🙂", "\u{00A0}", "\u{2003}", "\t", "\n", "\r\n", "\r", "\u{2028}",
        "\u{2029}", "\u{037E}", "O'Neill", "d'Ivoire", "Jean-Michel", "Indo-Pacific", "Japan-NATO", "St", "Ünited", "ÉTATS", "x²", "Ⅻ",
    ]

    static func randomText(_ random: inout Xoshiro, long: Bool) -> String {
        let count = long ? 2_000 : random.below(40)
        var text = ""
        for _ in 0..<count {
            var piece = pieces[random.below(pieces.count)]
            if random.below(8) == 0 { piece = piece.uppercased() }
            text += piece
            // Often no space, so that pieces join into words, abbreviations and possessives.
            if random.below(3) != 0 { text += " " }
        }
        return text
    }
}

extension Xoshiro {
    /// A number in `0..<bound`, from the seeded generator, so that a failing text can be made again.
    mutating func below(_ bound: Int) -> Int { Int.random(in: 0..<bound, using: &self) }
}
