extension TextScanner {
    /// ``scanScalars(_:utf8:)``'s rules on ASCII text, read as bytes in one pass per word: the case,
    /// hyphens, shape and hash of a word are taken as its end is found, where the scalar scanner walked
    /// each word three times (its end, its hash, its shape). Scanning was a quarter of extraction.
    static func scanASCII(_ utf8: [UInt8]) -> ScannedText {
        let lowered = asciiLowercased(utf8)
        var tokens: [Token] = []
        // News text has a token every four or five bytes; growing the array copies all of it.
        tokens.reserveCapacity(utf8.count / 4 + 16)
        asciiHashes.withUnsafeBufferPointer { punctuationHashes in
            utf8.withUnsafeBufferPointer { bytes in
                let count = bytes.count
                var index = 0
                while index < count {
                    let byte = bytes[index]
                    if byte == 0x0A || byte == 0x0D {
                        if tokens.last?.kind != .newline {
                            let at = Int32(truncatingIfNeeded: index)
                            tokens.append(
                                Token(kind: .newline, shape: .other, start: index, end: index + 1, textStart: at, textEnd: at + 1, lowerStart: at, lowerEnd: at + 1, hash: 0))
                        }
                        index += 1
                        continue
                    }
                    if byte == 0x20 || byte == 0x09 {
                        index += 1
                        continue
                    }
                    if isWordByte(byte) {
                        index = word(at: index, in: bytes, lowered: lowered, into: &tokens)
                        continue
                    }
                    // A separate "'s" (CoNLL tokenises "Japan 's") marks the previous word as possessive.
                    if byte == 0x27, index + 1 < count, bytes[index + 1] == 0x73, index + 2 >= count || !isWordByte(bytes[index + 2]),
                        let last = tokens.indices.last, tokens[last].kind == .word
                    {
                        tokens[last].possessive = true
                        index += 2
                        continue
                    }
                    let at = Int32(truncatingIfNeeded: index)
                    tokens.append(
                        Token(
                            kind: .punctuation, shape: .other, isHyphenated: byte == 0x2D, endsWithPeriod: byte == 0x2E, start: index, end: index + 1,
                            textStart: at, textEnd: at + 1, lowerStart: at, lowerEnd: at + 1, hash: punctuationHashes[Int(byte)]))
                    index += 1
                }
            }
        }
        return ScannedText(tokens: tokens, utf8: utf8, lowered: lowered, byteStarts: [])
    }

    /// Appends the word that starts at `start` and returns where scanning goes on.
    @inline(__always)
    private static func word(at start: Int, in bytes: UnsafeBufferPointer<UInt8>, lowered: [UInt8], into tokens: inout [Token]) -> Int {
        let count = bytes.count
        var word = WordBytes()
        word.take(bytes[start])
        var end = start + 1
        // Just after the last period taken (or the start): "U.S." style words are single letters between periods.
        var afterPeriod = start
        while end < count {
            let next = bytes[end]
            // Small letters first: most of a word's bytes, and of the text's.
            if next &- 0x61 < 26 {
                word.takeSmallLetter(next)
                end += 1
            } else if isWordByte(next) {
                word.take(next)
                end += 1
            } else if next == 0x2D || next == 0x27 || next == 0x26, end + 1 < count, isWordByte(bytes[end + 1]) {
                // A possessive ending is split off, not joined: "Japan's" is Japan.
                if next != 0x2D, next != 0x26, bytes[end + 1] | 0x20 == 0x73, end + 2 >= count || !isWordByte(bytes[end + 2]) {
                    break
                }
                word.take(next)
                word.take(bytes[end + 1])
                end += 2
            } else if next == 0x2E, end + 1 < count, isLetterByte(bytes[end + 1]), end - afterPeriod == 1 {
                word.take(next)
                end += 1
                afterPeriod = end
            } else {
                break
            }
        }
        var possessive = false
        var tokenEnd = end
        if end < count, bytes[end] == 0x2E {
            if (end - start == 1 && bytes[start] &- 0x41 < 26) || afterPeriod > start
                || Lexicon.abbreviations.contains(bytes: lowered[start..<end])
            {
                tokenEnd = end + 1
                word.take(0x2E)
            }
        }
        let next: Int
        if tokenEnd == end, end + 1 < count, bytes[end] == 0x27 {
            if bytes[end + 1] | 0x20 == 0x73, end + 2 >= count || !isWordByte(bytes[end + 2]) {
                possessive = true
                next = end + 2
            } else {
                next = end
            }
        } else {
            next = tokenEnd
        }
        let kind: Token.Kind = bytes[start] &- 0x30 < 10 ? .number : .word
        let shape: Token.Shape
        if word.upper > 0, word.firstLetterIsUpper {
            shape = word.lower == 0 && (word.upper >= 2 || tokenEnd - start >= 2) ? .allCaps : .capitalized
        } else {
            shape = isLetterByte(bytes[start]) ? .lower : .other
        }
        let textStart = Int32(truncatingIfNeeded: start)
        let textEnd = Int32(truncatingIfNeeded: tokenEnd)
        tokens.append(
            Token(
                kind: kind, shape: shape, possessive: possessive, isHyphenated: word.hyphens > 0,
                isDate: kind == .number && tokenEnd - start == 10 && word.hyphens == 2, endsWithPeriod: bytes[tokenEnd - 1] == 0x2E,
                start: start, end: tokenEnd, textStart: textStart, textEnd: textEnd, lowerStart: textStart, lowerEnd: textEnd, hash: word.hash))
        return next
    }

    /// Digits and ASCII letters, as bits of two masks (see ``isWordScalar(_:)``).
    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        byte < 64 ? (0x03FF_0000_0000_0000 as UInt64) &>> byte & 1 != 0 : (0x07FF_FFFE_07FF_FFFE as UInt64) &>> (byte &- 64) & 1 != 0
    }

    @inline(__always)
    static func isLetterByte(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }
}

/// What a word's bytes tell as they are taken: the hash of its lowercase form (`WordMap.hash`), its
/// capitals and small letters, which comes first, and its hyphens.
private struct WordBytes {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    var upper = 0
    var lower = 0
    var hyphens = 0
    var firstLetterIsUpper = false

    @inline(__always)
    mutating func take(_ byte: UInt8) {
        if byte &- 0x61 < 26 {
            takeSmallLetter(byte)
            return
        }
        if byte &- 0x41 < 26 {
            if upper == 0, lower == 0 { firstLetterIsUpper = true }
            upper &+= 1
            hash = (hash ^ UInt64(byte | 0x20)) &* 0x0000_0100_0000_01B3
            return
        }
        if byte == 0x2D { hyphens &+= 1 }
        hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    @inline(__always)
    mutating func takeSmallLetter(_ byte: UInt8) {
        lower &+= 1
        hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }
}
