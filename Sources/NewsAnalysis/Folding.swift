/// Case and diacritics folding, and the character classes the scanner works with.
///
/// Folding happens while bytes are read, straight into the analyzer's reusable buffer: ASCII by a
/// table, the two-byte range and Latin Extended Additional by ``FoldingTable`` (generated from the
/// Unicode data), full-width ASCII by subtraction, and the rare rest through `Unicode.Scalar.Properties`.
/// `Čapek` becomes `capek`, `Zürich` `zurich`, `ＮＡＴＯ` `nato`, `Straße` `strasse`.
enum Folding {
    /// What a character is to the scanner.
    enum Kind: UInt8 {
        /// Part of a word (letter, digit); `folded` holds its search form.
        case word
        /// Ends words and is not a connector.
        case space
        /// ASCII punctuation (or its Unicode look-alike) that may join segments; `folded` is the ASCII byte.
        case punct
        /// Invisible inside a word (combining marks, joiners, the soft hyphen).
        case drop
        /// Han, Hiragana, Katakana or Hangul; `folded` holds the ``CJKScript`` raw value.
        case cjk
    }

    /// One decoded character: its kind, its length in the input and its folded form
    /// (first scalar in bits 0-20, an optional second ASCII byte in bits 21-27).
    struct Char {
        var kind: Kind
        var length: Int
        var folded: UInt32
    }

    /// ASCII classes: 1 = letter or digit, 2 = possible connector, 0 = separator.
    static let asciiClass: [UInt8] = (0..<128).map { byte -> UInt8 in
        switch UInt8(byte) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return 1
        case UInt8(ascii: "'"), UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: ","),
            UInt8(ascii: "_"), UInt8(ascii: "&"), UInt8(ascii: "@"), UInt8(ascii: ":"):
            return 2
        default:
            return 0
        }
    }

    /// True for the ASCII bytes that may join segments: `' - / . , _ & @ :`.
    @inline(__always) static func isASCIIConnector(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "'"), UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: ","),
            UInt8(ascii: "_"), UInt8(ascii: "&"), UInt8(ascii: "@"), UInt8(ascii: ":"):
            return true
        default:
            return false
        }
    }

    /// For every byte: its lower-case form if it is an ASCII letter or digit, else 0. Immortal and
    /// read-only; a raw pointer so the hot loop pays no array bounds or lazy-initialisation checks.
    nonisolated(unsafe) static let asciiFold: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for byte in 0..<256 {
            let b = UInt8(byte)
            table[byte] = isASCIIAlnum(b) ? lower(b) : 0
        }
        return UnsafePointer(table)
    }()

    @inline(__always) static func isASCIIAlnum(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (lower >= 97 && lower <= 122) || (byte >= 48 && byte <= 57)
    }

    @inline(__always) static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte + 32 : byte
    }

    /// Decodes the non-ASCII character starting at `i` (the byte there is >= 0x80).
    static func decode(_ text: UnsafeBufferPointer<UInt8>, at i: Int) -> Char {
        let count = text.count
        let b0 = UInt32(text[i])
        if b0 >= 0xC2, b0 <= 0xDF, i + 1 < count, text[i + 1] & 0xC0 == 0x80 {
            let cp = (b0 & 0x1F) << 6 | UInt32(text[i + 1] & 0x3F)
            if cp == 0x2BC { return Char(kind: .punct, length: 2, folded: UInt32(UInt8(ascii: "'"))) }
            return fromTable(FoldingTable.twoByte[Int(cp) - 0x80], length: 2)
        }
        if b0 >= 0xE0, b0 <= 0xEF, i + 2 < count, text[i + 1] & 0xC0 == 0x80, text[i + 2] & 0xC0 == 0x80 {
            let cp = (b0 & 0x0F) << 12 | UInt32(text[i + 1] & 0x3F) << 6 | UInt32(text[i + 2] & 0x3F)
            guard cp >= 0x800 else { return Char(kind: .space, length: 1, folded: 0) }  // overlong
            return threeByte(cp)
        }
        if b0 >= 0xF0, b0 <= 0xF4, i + 3 < count, text[i + 1] & 0xC0 == 0x80, text[i + 2] & 0xC0 == 0x80,
            text[i + 3] & 0xC0 == 0x80
        {
            let cp = (b0 & 0x07) << 18 | UInt32(text[i + 1] & 0x3F) << 12 | UInt32(text[i + 2] & 0x3F) << 6
                | UInt32(text[i + 3] & 0x3F)
            guard cp >= 0x10000 else { return Char(kind: .space, length: 1, folded: 0) }
            if cp >= 0x20000, cp <= 0x3FFFF { return Char(kind: .cjk, length: 4, folded: UInt32(CJKScript.han.rawValue)) }
            return byProperties(cp, length: 4)
        }
        // Invalid or truncated UTF-8: one byte of separator, so offsets stay exact.
        return Char(kind: .space, length: 1, folded: 0)
    }

    @inline(__always) static func fromTable(_ entry: UInt32, length: Int) -> Char {
        switch entry {
        case 0: return Char(kind: .drop, length: length, folded: 0)
        case 1: return Char(kind: .space, length: length, folded: 0)
        default: return Char(kind: .word, length: length, folded: entry)
        }
    }

    static func threeByte(_ cp: UInt32) -> Char {
        if let script = CJKScript(scalar: cp) { return Char(kind: .cjk, length: 3, folded: UInt32(script.rawValue)) }
        switch cp {
        case 0x1E00...0x1EFF:
            return fromTable(FoldingTable.latinExtendedAdditional[Int(cp) - 0x1E00], length: 3)
        case 0x2010, 0x2011:  // hyphen, non-breaking hyphen
            return Char(kind: .punct, length: 3, folded: UInt32(UInt8(ascii: "-")))
        case 0x2018, 0x2019:  // curly apostrophes: NATO’s
            return Char(kind: .punct, length: 3, folded: UInt32(UInt8(ascii: "'")))
        case 0xFB00, 0xFB01, 0xFB02, 0xFB05, 0xFB06:  // ligatures ﬀ ﬁ ﬂ ﬅ ﬆ, as PDFs leave them
            let pairs: [UInt32] = [0x66 | 0x66 << 21, 0x66 | 0x69 << 21, 0x66 | 0x6C << 21, 0, 0, 0x73 | 0x74 << 21, 0x73 | 0x74 << 21]
            return Char(kind: .word, length: 3, folded: pairs[Int(cp - 0xFB00)])
        case 0x200C, 0x200D, 0x2060, 0xFEFF:
            return Char(kind: .drop, length: 3, folded: 0)
        case 0x2000...0x206F, 0x3000...0x303F, 0xE000...0xF8FF, 0xFE10...0xFE6F:
            return Char(kind: .space, length: 3, folded: 0)
        case 0xFF01...0xFF5E:  // full-width ASCII
            let ascii = UInt8(cp - 0xFEE0)
            switch asciiClass[Int(ascii)] {
            case 1: return Char(kind: .word, length: 3, folded: UInt32(lower(ascii)))
            case 2: return Char(kind: .punct, length: 3, folded: UInt32(ascii))
            default: return Char(kind: .space, length: 3, folded: 0)
            }
        case 0xFF00...0xFFEF:
            return Char(kind: .space, length: 3, folded: 0)
        default:
            return byProperties(cp, length: 3)
        }
    }

    /// The slow path for scripts outside the tables; rare in news text.
    static func byProperties(_ cp: UInt32, length: Int) -> Char {
        guard let scalar = Unicode.Scalar(cp) else { return Char(kind: .space, length: length, folded: 0) }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return Char(kind: .drop, length: length, folded: 0)
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber, .spacingMark:
            var folded = cp
            if properties.changesWhenLowercased, let lower = properties.lowercaseMapping.unicodeScalars.first {
                folded = lower.value
            }
            return Char(kind: .word, length: length, folded: folded)
        default:
            return Char(kind: .space, length: length, folded: 0)
        }
    }

    /// Appends the folded form of a word character as UTF-8; returns the number of bytes written.
    @inline(__always) static func append(_ folded: UInt32, to buffer: UnsafeMutablePointer<UInt8>) -> Int {
        let first = folded & 0x1F_FFFF
        let second = UInt8(truncatingIfNeeded: folded >> 21)
        var n: Int
        if first < 0x80 {
            buffer[0] = UInt8(first)
            n = 1
        } else if first < 0x800 {
            buffer[0] = UInt8(0xC0 | first >> 6)
            buffer[1] = UInt8(0x80 | first & 0x3F)
            n = 2
        } else if first < 0x10000 {
            buffer[0] = UInt8(0xE0 | first >> 12)
            buffer[1] = UInt8(0x80 | (first >> 6) & 0x3F)
            buffer[2] = UInt8(0x80 | first & 0x3F)
            n = 3
        } else {
            buffer[0] = UInt8(0xF0 | first >> 18)
            buffer[1] = UInt8(0x80 | (first >> 12) & 0x3F)
            buffer[2] = UInt8(0x80 | (first >> 6) & 0x3F)
            buffer[3] = UInt8(0x80 | first & 0x3F)
            n = 4
        }
        if second != 0 {
            buffer[n] = second
            n += 1
        }
        return n
    }
}
