/// Splits text into tokens. Words keep inner hyphens, apostrophes ("O'Neill") and the periods of
/// abbreviations and initials ("U.S.", "Gen.", "P."); a possessive "'s" is split off and flagged.
enum TextScanner {
    static func scan(_ text: String) -> ScannedText {
        let utf8 = Array(text.utf8)
        // ASCII text (the common case) is read byte by byte, and its scalar offsets are its byte offsets;
        // other text is read as an array of scalars, with a table of where each one's bytes start.
        if isASCII(utf8) { return scanASCII(utf8) }
        return scanScalars(text, utf8: utf8)
    }

    /// The scanner for any text, over its scalars: the rules as written, which ``scanASCII(_:)`` follows
    /// byte for byte (the tests hold the two to the same tokens on ASCII text).
    static func scanScalars(_ text: String, utf8: [UInt8]) -> ScannedText {
        var scalars: [Unicode.Scalar] = []
        var byteStarts: [Int] = []
        scalars.reserveCapacity(utf8.count)
        byteStarts.reserveCapacity(utf8.count + 1)
        var byte = 0
        for scalar in text.unicodeScalars {
            scalars.append(scalar)
            byteStarts.append(byte)
            byte += UTF8.width(scalar)
        }
        byteStarts.append(byte)
        return scalars.withUnsafeBufferPointer { scan($0, utf8: utf8, byteStarts: byteStarts) }
    }

    /// Whether every byte is ASCII, eight at a time: a byte-by-byte closure was a tenth of scanning.
    private static func isASCII(_ utf8: [UInt8]) -> Bool {
        utf8.withUnsafeBytes { raw in
            var offset = 0
            var high: UInt64 = 0
            while offset + 8 <= raw.count {
                high |= raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                offset += 8
            }
            while offset < raw.count {
                high |= UInt64(raw[offset])
                offset += 1
            }
            return high & 0x8080_8080_8080_8080 == 0
        }
    }

    private static func scan(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, utf8: [UInt8], byteStarts: [Int]) -> ScannedText {
        // The words with other letters than ASCII append their own lowercase forms.
        var lowered = asciiLowercased(utf8)
        func byteOffset(_ scalar: Int) -> Int32 { Int32(truncatingIfNeeded: byteStarts[scalar]) }
        var tokens: [Token] = []
        // News text has a token every four or five scalars; growing the array copies all of it.
        tokens.reserveCapacity(scalars.count / 4 + 16)
        var index = 0
        let count = scalars.count
        while index < count {
            let scalar = scalars[index]
            if scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" {
                if tokens.last?.kind != .newline {
                    let from = byteOffset(index)
                    let to = byteOffset(index + 1)
                    tokens.append(
                        Token(kind: .newline, shape: .other, start: index, end: index + 1, textStart: from, textEnd: to, lowerStart: from, lowerEnd: to, hash: 0))
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
                    if (end - start == 1 && isUpper(scalars[start])) || contains(scalars, ".", start, end)
                        || isAbbreviation(scalars, start, end, lowered: lowered, utf8: utf8, byteStarts: byteStarts)
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
                // One pass for case, hyphens and the hash of the lowercase form (ASCII), the usual case.
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                var hasUpper = false
                var asciiOnly = true
                var hyphens = 0
                for offset in start..<tokenEnd {
                    var value = scalars[offset].value
                    if value >= 0x80 {
                        asciiOnly = false
                        break
                    }
                    if value >= 0x41 && value <= 0x5A {
                        hasUpper = true
                        value += 0x20
                    }
                    if value == 0x2D { hyphens += 1 }
                    hash = (hash ^ UInt64(value)) &* 0x0000_0100_0000_01B3
                }
                let textStart = byteOffset(start)
                let textEnd = byteOffset(tokenEnd)
                var lowerStart = textStart
                var lowerEnd = textEnd
                if !asciiOnly {
                    hyphens = 0
                    for offset in Int(textStart)..<Int(textEnd) where utf8[offset] == 0x2D { hyphens += 1 }
                    let lower = String(decoding: utf8[Int(textStart)..<Int(textEnd)], as: UTF8.self).lowercased()
                    lowerStart = Int32(truncatingIfNeeded: lowered.count)
                    lowered.append(contentsOf: lower.utf8)
                    lowerEnd = Int32(truncatingIfNeeded: lowered.count)
                    hash = WordMap<Bool>.hash(lower)
                }
                let kind: Token.Kind = isDigit(scalars[start]) ? .number : .word
                let byteCount = Int(textEnd - textStart)
                tokens.append(
                    Token(
                        kind: kind,
                        shape: hasUpper || !asciiOnly ? shape(of: scalars, start, tokenEnd) : (isLetter(scalars[start]) ? .lower : .other),
                        possessive: possessive, isHyphenated: hyphens > 0, isDate: kind == .number && byteCount == 10 && hyphens == 2,
                        endsWithPeriod: utf8[Int(textEnd) - 1] == 0x2E, start: start, end: tokenEnd, textStart: textStart, textEnd: textEnd,
                        lowerStart: lowerStart, lowerEnd: lowerEnd, hash: hash))
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
            let from = byteOffset(index)
            let to = byteOffset(index + 1)
            let hash = scalar.isASCII ? asciiHashes[Int(scalar.value)] : WordMap<Bool>.hash(String(scalar))
            tokens.append(
                Token(
                    kind: .punctuation, shape: .other, isHyphenated: scalar == "-", endsWithPeriod: scalar == ".", start: index, end: index + 1, textStart: from, textEnd: to,
                    lowerStart: from, lowerEnd: to, hash: hash))
            index += 1
        }
        return ScannedText(tokens: tokens, utf8: utf8, lowered: lowered, byteStarts: byteStarts)
    }

    /// Every ASCII capital lowered in one pass over raw buffers (`map` went byte by byte through a closure).
    static func asciiLowercased(_ utf8: [UInt8]) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: utf8.count) { buffer, initialized in
            utf8.withUnsafeBufferPointer { source in
                for offset in 0..<source.count {
                    let byte = source[offset]
                    buffer[offset] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                }
            }
            initialized = utf8.count
        }
    }

    /// Whether the word `[start, end)` (scalars), lowercased, is an abbreviation whose period belongs to
    /// it ("Gen", "Inc"). ASCII words are looked up in `lowered` (already lowercase there) in place.
    private static func isAbbreviation(
        _ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int, lowered: [UInt8], utf8: [UInt8], byteStarts: [Int]
    ) -> Bool {
        for offset in start..<end where !scalars[offset].isASCII {
            return Lexicon.abbreviations.contains(String(decoding: utf8[byteStarts[start]..<byteStarts[end]], as: UTF8.self).lowercased())
        }
        return Lexicon.abbreviations.contains(bytes: lowered[byteStarts[start]..<byteStarts[end]])
    }

    /// Hashes of the one-character ASCII tokens, made once: news text has a comma or period every few words.
    static let asciiHashes: [UInt64] = (0..<128).map { WordMap<Bool>.hash(String(Unicode.Scalar(UInt8($0)))) }

    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            // Digits, then letters, as bits of two masks: one shift instead of six comparisons for
            // every character of every word.
            let v = scalar.value
            return v < 64 ? (0x03FF_0000_0000_0000 as UInt64) &>> v & 1 != 0 : (0x07FF_FFFE_07FF_FFFE as UInt64) &>> (v - 64) & 1 != 0
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

    private static func contains(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ scalar: Unicode.Scalar, _ start: Int, _ end: Int) -> Bool {
        for index in start..<end where scalars[index] == scalar { return true }
        return false
    }

    /// Index just after the last period in `start..<end`, or `start` when none.
    private static func lastDot(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int) -> Int {
        var index = end - 1
        while index >= start {
            if scalars[index] == "." { return index + 1 }
            index -= 1
        }
        return start
    }

    static func isUpper(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar.value >= 0x41 && scalar.value <= 0x5A : scalar.properties.isUppercase
    }

    static func isLower(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar.value >= 0x61 && scalar.value <= 0x7A : scalar.properties.isLowercase
    }

    private static func shape(of scalars: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int) -> Token.Shape {
        guard let first = (start..<end).first(where: { isLetter(scalars[$0]) }).map({ scalars[$0] }) else { return .other }
        var upper = 0
        var lower = 0
        for index in start..<end where isLetter(scalars[index]) {
            if isUpper(scalars[index]) { upper += 1 } else if isLower(scalars[index]) { lower += 1 }
        }
        if isUpper(first) {
            return lower == 0 && (upper >= 2 || end - start >= 2) ? .allCaps : .capitalized
        }
        if !isLetter(scalars[start]) { return .other }
        return .lower
    }
}
