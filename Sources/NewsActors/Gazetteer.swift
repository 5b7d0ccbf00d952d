/// A known name: the canonical actor it stands for.
struct GazetteerEntry: Sendable, Hashable {
    var name: String
    var type: ActorType
    /// Acronyms ("US", "WHO") match only in capitals, so "us" and "who" never do.
    var caseSensitive: Bool
}

/// Known names (countries, organisations, places) looked up by their words, plus the name lists that
/// support the person rules. Keys are token texts lowercased and joined by single spaces.
struct Gazetteer: Sendable {
    private(set) var phrases = WordMap<GazetteerEntry>()
    /// Longest phrase (in tokens) for each lowercase first word.
    private(set) var longestPhrase = WordMap<Int>()
    /// Lowercase demonym → country canonical name ("japanese" → "Japan").
    private(set) var demonyms = WordMap<String>()
    /// First words of two-word demonyms ("south" for "South Korean").
    private(set) var demonymFirstWords: WordSet = []
    private(set) var givenNames: WordSet = []
    private(set) var surnames: WordSet = []
    /// Surface forms the user dictionary bans (lowercased, joined by spaces).
    private(set) var banned: Set<String> = []

    static let standard = Gazetteer.builtIn()

    /// The built-in tables, read over their bytes in place (see ``TableText``): this runs at every
    /// process start, `search extract` of one file included.
    static func builtIn() -> Gazetteer {
        var gazetteer = Gazetteer()
        // Sized for the built-in tables, so that loading them never rehashes a table.
        gazetteer.phrases = WordMap(minimumCapacity: 10_000)
        gazetteer.longestPhrase = WordMap(minimumCapacity: 8_000)
        gazetteer.demonyms = WordMap(minimumCapacity: 512)
        let semicolon = UInt8(ascii: ";")
        let comma = UInt8(ascii: ",")
        var demonymFirstWords: [String] = []
        TableText.forEachLine(of: GazetteerData.countries) { line in
            let fields = TableText.fields(line, semicolon, keepingEmpty: true)
            let name = TableText.string(fields[0])
            gazetteer.add(name: name, type: .country, aliases: fields.count > 1 ? TableText.fields(fields[1], comma) : [])
            guard fields.count > 2 else { return }
            for demonym in TableText.fields(fields[2], comma) {
                gazetteer.demonyms[TableText.lowercased(demonym)] = name
                // "South Korean": its first word, so that the two-word demonym is looked up only after it.
                if demonym.contains(0x20) { demonymFirstWords.append(TableText.lowercased(TableText.fields(demonym, 0x20)[0])) }
            }
        }
        for (table, type) in [(OrganizationData.organizations, ActorType.organization), (OrganizationData.regions, .location)] {
            TableText.forEachLine(of: table) { line in
                // Empty fields dropped: "West Germany;;West German" lists its demonym as an alias.
                let fields = TableText.fields(line, semicolon)
                gazetteer.add(name: TableText.string(fields[0]), type: type, aliases: fields.count > 1 ? TableText.fields(fields[1], comma) : [])
            }
        }
        // Countries' names in other languages ("Deutschland"), where no English name already means something.
        TableText.forEachLine(of: CountryNameData.translations) { line in
            let fields = TableText.fields(line, semicolon, keepingEmpty: true)
            guard fields.count == 2 else { return }
            gazetteer.add(name: TableText.string(fields[0]), type: .country, aliases: TableText.fields(fields[1], comma), replacing: false)
        }
        TableText.forEachLine(of: GazetteerData.places) { place in
            gazetteer.add(name: TableText.string(place), type: .location, replacing: false, key: Self.phraseKey(place))
        }
        gazetteer.demonymFirstWords = WordSet(demonymFirstWords)
        gazetteer.givenNames = Self.lowercasedLines(of: GazetteerData.givenNames)
        gazetteer.surnames = Self.lowercasedLines(of: GazetteerData.surnames)
        return gazetteer
    }

    private static func lowercasedLines(of table: String) -> WordSet {
        var set = WordSet(minimumCapacity: 2_048)
        TableText.forEachLine(of: table) { set.insert(TableText.lowercased($0)) }
        return set
    }

    /// Adds (or replaces) an actor and its aliases; the canonical name is an alias of itself.
    /// `replacing: false` adds only the aliases that mean nothing yet.
    mutating func add(name: String, type: ActorType, aliases: [String], replacing: Bool = true) {
        add(name: name, type: type, replacing: replacing, key: Self.phraseKey(of: name))
        for alias in aliases { add(name: name, type: type, replacing: replacing, key: Self.phraseKey(of: alias)) }
    }

    /// `add(name:type:aliases:replacing:)` with the aliases as bytes of a built-in table.
    private mutating func add(name: String, type: ActorType, aliases: [UnsafeBufferPointer<UInt8>], replacing: Bool = true) {
        add(name: name, type: type, replacing: replacing, key: Self.phraseKey(of: name))
        for alias in aliases { add(name: name, type: type, replacing: replacing, key: Self.phraseKey(alias)) }
    }

    private mutating func add(name: String, type: ActorType, replacing: Bool, key: PhraseKey?) {
        guard let key else { return }
        if !replacing, phrases[key.key] != nil { return }
        phrases[key.key] = GazetteerEntry(name: name, type: type, caseSensitive: key.isAcronym)
        longestPhrase[key.firstWord] = max(longestPhrase[key.firstWord] ?? 0, key.words)
    }

    /// What a name is filed under: its tokens' lowercase words joined by single spaces.
    private struct PhraseKey {
        var key: String
        var firstWord: String
        var words: Int
        /// Acronyms ("US", "WHO") match only in capitals: six characters at most, none lowercase.
        var isAcronym: Bool
    }

    private static func phraseKey(of name: String) -> PhraseKey? {
        var name = name
        return name.withUTF8 { phraseKey($0) }
    }

    private static func phraseKey(_ bytes: UnsafeBufferPointer<UInt8>) -> PhraseKey? {
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
            return PhraseKey(key: key, firstWord: firstWord, words: spaces + 1, isAcronym: bytes.count <= 6 && !hasLowercase)
        }
        let name = TableText.string(bytes)
        // Six scalars take at most 24 bytes: longer names need not be counted.
        let isAcronym = bytes.count <= 24 && name.unicodeScalars.count <= 6 && !name.unicodeScalars.contains { $0.properties.isLowercase }
        if Self.isPlain(name) {
            // Letters and single spaces: the lowercase name is the key, as for ASCII.
            let key = name.lowercased()
            let firstWord = key.utf8.firstIndex(of: 0x20).map { String(key[..<$0]) } ?? key
            return PhraseKey(key: key, firstWord: firstWord, words: key.utf8.count { $0 == 0x20 } + 1, isAcronym: isAcronym)
        }
        let words = TextScanner.scan(name).keeping { $0.kind != .punctuation && $0.kind != .newline }
        guard !words.tokens.isEmpty else { return nil }
        return PhraseKey(
            key: words.joined(words.tokens.indices, lower: true), firstWord: words.lower(words.tokens[0]), words: words.tokens.count,
            isAcronym: isAcronym)
    }

    /// Latin, Greek and Cyrillic letters, by range: Unicode property look-ups cost more than the rest
    /// of loading the gazetteer.
    private static func isPlainLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x386, 0x388...0x3CE, 0x400...0x481, 0x48A...0x4FF:
            return true
        default:
            return false
        }
    }

    /// Names of letters and single spaces (nearly all: every country's name in 22 languages is read at
    /// each start) skip the scanner, which would make one word token of each of their words.
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

    mutating func ban(_ surface: String) {
        banned.insert(Self.key(surface))
    }

    static func key(_ text: String) -> String {
        let words = TextScanner.scan(text).keeping { $0.kind != .punctuation && $0.kind != .newline }
        return words.tokens.isEmpty ? "" : words.joined(words.tokens.indices, lower: true)
    }

    /// The longest known phrase starting at `index` within `tokens[index..<limit]`: its length and entry.
    /// `allCapsLine`: the text is a capitals headline, where case tells nothing except for acronyms that
    /// are also English words ("WHO"), which are skipped.
    func longestMatch(in text: ScannedText, at index: Int, limit: Int, allCapsLine: Bool) -> (length: Int, entry: GazetteerEntry)? {
        let tokens = text.tokens
        guard let longest = longestPhrase[tokens[index], in: text] else { return nil }
        var length = min(longest, limit - index)
        while length >= 1 {
            let range = index..<(index + length)
            if tokens[range].allSatisfy({ $0.kind == .word || $0.kind == .number }) {
                let entry = length == 1 ? phrases[tokens[index], in: text] : phrases.value(joining: tokens[range], in: text)
                if let entry, accepts(entry, tokens[range], in: text, allCapsLine: allCapsLine) {
                    return (length, entry)
                }
            }
            length -= 1
        }
        return nil
    }

    /// Lowercase words a name may have between its capitalised ones.
    private static let nameParticles: WordSet = ["of", "the", "and", "for", "de", "da", "du", "d'ivoire", "in"]

    private func accepts(_ entry: GazetteerEntry, _ tokens: ArraySlice<Token>, in text: ScannedText, allCapsLine: Bool) -> Bool {
        // Every word of a name is capitalised, except particles ("of", "the", "and").
        for token in tokens where token.shape == .lower {
            if !Self.nameParticles.contains(token, in: text) { return false }
        }
        guard entry.caseSensitive else { return tokens.first!.isCapitalized }
        if allCapsLine, tokens.count == 1, !text.lower(tokens.first!, is: "us"), Lexicon.stopWords.contains(tokens.first!, in: text) {
            return false
        }
        return tokens.allSatisfy { $0.shape == .allCaps || $0.kind == .number || $0.isInitial }
    }
}
