/// What a name is filed under in the gazetteer: its tokens' lowercase words joined by single spaces.
struct PhraseKey {
    var key: String
    var firstWord: String
    var words: Int
    /// Acronyms ("US", "WHO") match only in capitals: six characters at most, none lowercase.
    var isAcronym: Bool

    /// Nil for a name with no words.
    init?(_ name: String) {
        var name = name
        guard let key = name.withUTF8({ PhraseKey($0) }) else { return nil }
        self = key
    }

    init(key: String, firstWord: String, words: Int, isAcronym: Bool) {
        self.key = key
        self.firstWord = firstWord
        self.words = words
        self.isAcronym = isAcronym
    }

    /// The key of a name given as UTF-8 bytes (a line of a built-in table).
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        // ASCII letters and single spaces (most names): the lowercase name is the key, no scanner needed.
        var simple = !bytes.isEmpty && bytes.first != 0x20 && bytes.last != 0x20
        var firstSpace: Int?
        var spaces = 0
        var hasLowercase = false
        var previousSpace = false
        for (offset, byte) in bytes.enumerated() where simple {
            if byte == 0x20 {
                simple = !previousSpace
                previousSpace = true
                spaces += 1
                if firstSpace == nil { firstSpace = offset }
                continue
            }
            previousSpace = false
            let isLowercase = byte >= 0x61 && byte <= 0x7A
            simple = isLowercase || byte >= 0x41 && byte <= 0x5A
            hasLowercase = hasLowercase || isLowercase
        }
        if simple {
            let key = TableText.lowercased(bytes)
            let firstWord = firstSpace.map { TableText.lowercased(UnsafeBufferPointer(rebasing: bytes[..<$0])) } ?? key
            self.init(key: key, firstWord: firstWord, words: spaces + 1, isAcronym: bytes.count <= 6 && !hasLowercase)
            return
        }
        let name = TableText.string(bytes)
        // Six scalars take at most 24 bytes: longer names need not be counted.
        let isAcronym = bytes.count <= 24 && name.unicodeScalars.count <= 6 && !name.unicodeScalars.contains { $0.properties.isLowercase }
        if Self.isPlain(name) {
            // Letters and single spaces: the lowercase name is the key, as for ASCII.
            let key = name.lowercased()
            let firstWord = key.utf8.firstIndex(of: 0x20).map { String(key[..<$0]) } ?? key
            self.init(key: key, firstWord: firstWord, words: key.utf8.count { $0 == 0x20 } + 1, isAcronym: isAcronym)
            return
        }
        let words = TextScanner.scan(name).keeping { $0.kind != .punctuation && $0.kind != .newline }
        guard !words.tokens.isEmpty else { return nil }
        self.init(
            key: words.joined(words.tokens.indices, lower: true), firstWord: words.lower(words.tokens[0]), words: words.tokens.count,
            isAcronym: isAcronym)
    }

    /// Latin, Greek and Cyrillic letters, by range: Unicode property look-ups cost more than the rest
    /// of filing the names.
    private static func isPlainLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x386, 0x388...0x3CE, 0x400...0x481, 0x48A...0x4FF:
            return true
        default:
            return false
        }
    }

    /// Names of letters and single spaces (nearly all: every country's name in 22 languages) skip the
    /// scanner, which would make one word token of each of their words.
    private static func isPlain(_ name: String) -> Bool {
        var simple = !name.isEmpty && name.unicodeScalars.first != " " && name.unicodeScalars.last != " "
        var previousSpace = false
        for scalar in name.unicodeScalars where simple {
            let isSpace = scalar == " "
            simple = isSpace ? !previousSpace : Self.isPlainLetter(scalar)
            previousSpace = isSpace
        }
        return simple
    }

}
