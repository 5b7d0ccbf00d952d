/// One word or punctuation mark, with `[start, end)` offsets in Unicode scalars.
struct Token: Sendable {
    enum Kind: Sendable { case word, number, punctuation, newline }
    enum Shape: Sendable { case lower, capitalized, allCaps, other }

    var kind: Kind
    var start: Int
    var end: Int
    var text: String
    var lower: String
    /// `WordMap.hash(lower)`, computed once.
    var hash: UInt64
    var shape: Shape
    /// The word carried a possessive ending ("Japan's"), which is not part of `text` or the span.
    var possessive = false
    /// The word is followed directly (no space) by the next one only through a hyphen, e.g. "Japan-NATO".
    var isHyphenated: Bool { text.utf8.contains(0x2D) }

    /// A number that is a score or a count, not a date such as 1996-08-30.
    var isScore: Bool { kind == .number && !(text.utf8.count == 10 && text.utf8.filter { $0 == 0x2D }.count == 2) }
    /// Starts with a capital letter (includes all-caps words and initials such as "P.").
    var isCapitalized: Bool { kind == .word && (shape == .capitalized || shape == .allCaps) }
    /// A single capital letter with its period: "P." in "P. Simmons".
    var isInitial: Bool { kind == .word && end - start == 2 && text.utf8.last == 0x2E && shape != .lower }
}

/// Splits text into tokens. Words keep inner hyphens, apostrophes ("O'Neill") and the periods of
/// abbreviations and initials ("U.S.", "Gen.", "P."); a possessive "'s" is split off and flagged.
enum TextScanner {
    /// Tokens plus what it takes to cut the text at scalar offsets cheaply.
    struct Scanned: Sendable {
        var tokens: [Token]
        var utf8: [UInt8]
        var byteStarts: [Int]

        /// The text of `[start, end)` in Unicode scalars.
        func text(_ start: Int, _ end: Int) -> String {
            // An empty offset table means ASCII text, where scalar and byte offsets agree.
            if byteStarts.isEmpty { return String(decoding: utf8[start..<end], as: UTF8.self) }
            return String(decoding: utf8[byteStarts[start]..<byteStarts[end]], as: UTF8.self)
        }
    }

    static func tokens(in text: String) -> [Token] { scan(text).tokens }

    static func scan(_ text: String) -> Scanned {
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
        var tokens: [Token] = []
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
                        tokens.append(Token(kind: .newline, start: index, end: index + 1, text: "\n", lower: "\n", hash: 0, shape: .other))
                    }
                    index += 1
                    continue
                }
                if scalar == " " || scalar == "\t" || !scalar.isASCII && scalar.properties.isWhitespace {
                    index += 1
                    continue
                }
                if isWordScalar(scalar) {
                    let start = index
                    var end = index + 1
                    while end < count {
                        let next = scalars[end]
                        if isWordScalar(next) {
                            end += 1
                        } else if next == "-" || next == "'" || next == "\u{2019}" || next == "&",
                            end + 1 < count, isWordScalar(scalars[end + 1])
                        {
                            // A possessive ending is split off, not joined: "Japan's" is Japan.
                            if next != "-", next != "&", scalars[end + 1] == "s" || scalars[end + 1] == "S",
                                end + 2 >= count || !isWordScalar(scalars[end + 2])
                            {
                                break
                            }
                            end += 2
                        } else if next == ".", end + 1 < count, isLetter(scalars[end + 1]), end - lastDot(scalars, start, end) == 1 {
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
                        if (letters == 1 && isUpper(scalars[start]))
                            || isDotted || Lexicon.abbreviations.contains(body.lowercased())
                        {
                            tokenEnd = end + 1
                        }
                    }
                    if tokenEnd == end, end + 1 < count, scalars[end] == "'" || scalars[end] == "\u{2019}" {
                        if scalars[end + 1] == "s" || scalars[end + 1] == "S",
                            end + 2 >= count || !isWordScalar(scalars[end + 2])
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
                        Token(
                            kind: isDigit(scalars[start]) ? .number : .word, start: start, end: tokenEnd, text: text,
                            lower: lower, hash: asciiOnly ? hash : WordMap<Bool>.hash(lower),
                            shape: hasUpper || !asciiOnly ? shape(of: scalars[start..<tokenEnd]) : (isLetter(scalars[start]) ? .lower : .other),
                            possessive: possessive))
                    continue
                }
                // A separate "'s" (CoNLL tokenises "Japan 's") marks the previous word as possessive.
                if scalar == "'" || scalar == "\u{2019}", index + 1 < count, scalars[index + 1] == "s",
                    index + 2 >= count || !isWordScalar(scalars[index + 2]),
                    let last = tokens.indices.last, tokens[last].kind == .word
                {
                    tokens[last].possessive = true
                    index += 2
                    continue
                }
                if scalar.isASCII {
                    let byte = Int(scalar.value)
                    tokens.append(
                        Token(
                            kind: .punctuation, start: index, end: index + 1, text: asciiStrings[byte], lower: asciiStrings[byte],
                            hash: asciiHashes[byte], shape: .other))
                } else {
                    let text = String(scalar)
                    tokens.append(Token(kind: .punctuation, start: index, end: index + 1, text: text, lower: text, hash: WordMap<Bool>.hash(text), shape: .other))
                }
                index += 1
            }
        }
        return Scanned(tokens: tokens, utf8: utf8, byteStarts: byteStarts)
    }

    /// One-character strings and their hashes for ASCII punctuation, made once: news text has a
    /// comma or period every few words, and each made its own String and hash.
    private static let asciiStrings: [String] = (0..<128).map { String(Unicode.Scalar(UInt8($0))) }
    private static let asciiHashes: [UInt64] = asciiStrings.map { WordMap<Bool>.hash($0) }

    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        return scalar.properties.isAlphabetic
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    /// Index just after the last period in `start..<end`, or `start` when none.
    private static func lastDot(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int) -> Int {
        var index = end - 1
        while index >= start {
            if scalars[index] == "." { return index + 1 }
            index -= 1
        }
        return start
    }

    /// Lowercase, without allocating when the word already is.
    static func lowercase(_ text: String) -> String {
        var hasUpper = false
        for byte in text.utf8 where byte >= 0x41 && byte <= 0x5A || byte >= 0x80 {
            hasUpper = true
            break
        }
        return hasUpper ? text.lowercased() : text
    }

    static func isUpper(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar.value >= 0x41 && scalar.value <= 0x5A : scalar.properties.isUppercase
    }

    static func isLower(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar.value >= 0x61 && scalar.value <= 0x7A : scalar.properties.isLowercase
    }

    static func shape<Scalars: Collection<Unicode.Scalar>>(of scalars: Scalars) -> Token.Shape {
        guard let first = scalars.first(where: { isLetter($0) }) else { return .other }
        var upper = 0
        var lower = 0
        for scalar in scalars where isLetter(scalar) {
            if isUpper(scalar) { upper += 1 } else if isLower(scalar) { lower += 1 }
        }
        if isUpper(first) {
            return lower == 0 && (upper >= 2 || scalars.count >= 2) ? .allCaps : .capitalized
        }
        if !isLetter(scalars.first!) { return .other }
        return .lower
    }
}
