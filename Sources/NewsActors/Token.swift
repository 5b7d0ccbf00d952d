/// One word or punctuation mark: `[start, end)` in Unicode scalars, and where its text and its
/// lowercase form lie in the bytes of the ``ScannedText`` that made it. A token holds no string: the
/// rules ask of a word mostly "is it in that list?", which its hash and bytes answer in place, and a
/// `String` is made only for a word that becomes part of a candidate name.
struct Token: Sendable {
    enum Kind: UInt8, Sendable { case word, number, punctuation, newline }
    enum Shape: UInt8, Sendable { case lower, capitalized, allCaps, other }

    var kind: Kind
    var shape: Shape
    /// The word carried a possessive ending ("Japan's"), which is not part of its text or span.
    var possessive = false
    /// The word is followed directly (no space) by the next one only through a hyphen, e.g. "Japan-NATO".
    var isHyphenated = false
    /// A number written as a date, such as 1996-08-30 (ten bytes, two hyphens).
    var isDate = false
    /// The text ends with a period ("P.", "Gen.", "U.S.").
    var endsWithPeriod = false
    var start: Int
    var end: Int
    /// The text's bytes in ``ScannedText/utf8``.
    var textStart: Int32
    var textEnd: Int32
    /// The lowercase form's bytes in ``ScannedText/lowered``.
    var lowerStart: Int32
    var lowerEnd: Int32
    /// `WordMap.hash` of the lowercase form, computed once.
    var hash: UInt64

    /// A number that is a score or a count, not a date such as 1996-08-30.
    var isScore: Bool { kind == .number && !isDate }
    /// Starts with a capital letter (includes all-caps words and initials such as "P.").
    var isCapitalized: Bool { kind == .word && (shape == .capitalized || shape == .allCaps) }
    /// A single capital letter with its period: "P." in "P. Simmons".
    var isInitial: Bool { kind == .word && end - start == 2 && endsWithPeriod && shape != .lower }
    /// Bytes in the lowercase form.
    var lowerCount: Int { Int(lowerEnd - lowerStart) }
}

/// A text cut into tokens, with the bytes the tokens point into.
struct ScannedText: Sendable {
    var tokens: [Token]
    /// The text as UTF-8.
    let utf8: [UInt8]
    /// `utf8` with ASCII capitals lowered, followed by the lowercase forms of the words that have other
    /// letters (their lowercase may differ in length).
    let lowered: [UInt8]
    /// Where each scalar's bytes start (and the end); empty for ASCII text, whose offsets agree.
    let byteStarts: [Int]

    /// The text of `[start, end)` in Unicode scalars.
    func text(_ start: Int, _ end: Int) -> String {
        if byteStarts.isEmpty { return String(decoding: utf8[start..<end], as: UTF8.self) }
        return String(decoding: utf8[byteStarts[start]..<byteStarts[end]], as: UTF8.self)
    }

    func text(_ token: Token) -> String {
        utf8.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[Int(token.textStart)..<Int(token.textEnd)]), as: UTF8.self) }
    }

    func lower(_ token: Token) -> String {
        lowered.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[Int(token.lowerStart)..<Int(token.lowerEnd)]), as: UTF8.self) }
    }

    /// The tokens' texts (or lowercase forms) joined by single spaces: a candidate's name (or key).
    func joined(_ range: Range<Int>, lower: Bool) -> String {
        if range.count == 1 { return lower ? self.lower(tokens[range.lowerBound]) : text(tokens[range.lowerBound]) }
        func span(_ token: Token) -> Range<Int> {
            lower ? Int(token.lowerStart)..<Int(token.lowerEnd) : Int(token.textStart)..<Int(token.textEnd)
        }
        let length = range.reduce(range.count - 1) { $0 + span(tokens[$1]).count }
        // Written straight into the string's storage: a byte array grown word by word, then copied
        // into the string, was a fifth of making a candidate.
        return (lower ? lowered : utf8).withUnsafeBufferPointer { source in
            String(unsafeUninitializedCapacity: length) { target in
                var at = 0
                for index in range {
                    if index != range.lowerBound {
                        target[at] = 0x20
                        at += 1
                    }
                    for offset in span(tokens[index]) {
                        target[at] = source[offset]
                        at += 1
                    }
                }
                return at
            }
        }
    }

    /// `WordMap.hash` of the tokens' lowercase forms joined by single spaces (a candidate's key, a
    /// multi-word name), from the bytes in place.
    func joinedHash(_ tokens: ArraySlice<Token>) -> UInt64 {
        // Over the buffer's pointer: an `ArraySlice` per token cost more than the hashing.
        lowered.withUnsafeBufferPointer { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for index in tokens.indices {
                if index != tokens.startIndex { hash = (hash ^ 0x20) &* 0x0000_0100_0000_01B3 }
                for offset in Int(tokens[index].lowerStart)..<Int(tokens[index].lowerEnd) {
                    hash = (hash ^ UInt64(bytes[offset])) &* 0x0000_0100_0000_01B3
                }
            }
            return hash
        }
    }

    /// The first scalar of the token's text: all of a punctuation token's.
    func firstScalar(_ token: Token) -> Unicode.Scalar {
        var decoder = UTF8()
        var iterator = utf8[Int(token.textStart)..<Int(token.textEnd)].makeIterator()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return "\u{FFFD}"
    }

    /// Whether the token's text is `word`, compared in place.
    func text(_ token: Token, is word: StaticString) -> Bool {
        Self.bytes(utf8, token.textStart, token.textEnd, are: word)
    }

    /// Whether the token's lowercase form is `word`, compared in place.
    func lower(_ token: Token, is word: StaticString) -> Bool {
        Self.bytes(lowered, token.lowerStart, token.lowerEnd, are: word)
    }

    private static func bytes(_ buffer: [UInt8], _ start: Int32, _ end: Int32, are word: StaticString) -> Bool {
        guard Int(end - start) == word.utf8CodeUnitCount else { return false }
        return buffer.withUnsafeBufferPointer { bytes in
            var at = Int(start)
            for byte in UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount) {
                if bytes[at] != byte { return false }
                at += 1
            }
            return true
        }
    }

    /// The same text with only the tokens `isIncluded` keeps.
    func keeping(_ isIncluded: (Token) -> Bool) -> ScannedText {
        ScannedText(tokens: tokens.filter(isIncluded), utf8: utf8, lowered: lowered, byteStarts: byteStarts)
    }
}
