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

    static func builtIn() -> Gazetteer {
        var gazetteer = Gazetteer()
        let countries = parts(GazetteerData.countries, "\n")
        for line in countries {
            let fields = parts(line, ";", keepingEmpty: true).map(String.init)
            let aliases = fields.count > 1 ? parts(fields[1], ",").map(String.init) : []
            gazetteer.add(name: fields[0], type: .country, aliases: aliases)
            if fields.count > 2 {
                for demonym in parts(fields[2], ",") { gazetteer.demonyms[demonym.lowercased()] = fields[0] }
            }
        }
        for (table, type) in [(OrganizationData.organizations, ActorType.organization), (OrganizationData.regions, .location)] {
            for line in parts(table, "\n") {
                let fields = parts(line, ";").map(String.init)
                gazetteer.add(name: fields[0], type: type, aliases: fields.count > 1 ? parts(fields[1], ",").map(String.init) : [])
            }
        }
        // Countries' names in other languages ("Deutschland"), where no English name already means something.
        for line in parts(CountryNameData.translations, "\n") {
            let fields = parts(line, ";", keepingEmpty: true)
            guard fields.count == 2 else { continue }
            gazetteer.add(name: String(fields[0]), type: .country, aliases: parts(fields[1], ",").map(String.init), replacing: false)
        }
        for place in parts(GazetteerData.places, "\n") {
            gazetteer.add(name: String(place), type: .location, aliases: [], replacing: false)
        }
        gazetteer.demonymFirstWords = WordSet(
            countries.flatMap { line -> [String] in
                let fields = parts(line, ";", keepingEmpty: true)
                guard fields.count > 2 else { return [] }
                return parts(fields[2], ",").filter { $0.utf8.contains(0x20) }.map { String(parts($0, " ")[0]).lowercased() }
            })
        gazetteer.givenNames = WordSet(parts(GazetteerData.givenNames, "\n").map { $0.lowercased() })
        gazetteer.surnames = WordSet(parts(GazetteerData.surnames, "\n").map { $0.lowercased() })
        return gazetteer
    }

    /// The parts of `text` between `separator`s, split by bytes: splitting by `Character` (grapheme
    /// breaking) cost more than the rest of loading the tables, at every process start.
    private static func parts<Text: StringProtocol>(_ text: Text, _ separator: Unicode.Scalar, keepingEmpty: Bool = false) -> [Substring] {
        let text = Substring(text)
        return text.utf8.split(separator: UInt8(separator.value), omittingEmptySubsequences: !keepingEmpty).map { Substring($0) }
    }

    /// Adds (or replaces) an actor and its aliases; the canonical name is an alias of itself.
    /// `replacing: false` adds only the aliases that mean nothing yet.
    mutating func add(name: String, type: ActorType, aliases: [String], replacing: Bool = true) {
        for alias in [name] + aliases {
            guard let words = Self.words(of: alias) else { continue }
            let key = words.joined(separator: " ")
            if !replacing, phrases[key] != nil { continue }
            let isAcronym = alias.unicodeScalars.count <= 6 && !alias.unicodeScalars.contains { $0.properties.isLowercase }
            phrases[key] = GazetteerEntry(name: name, type: type, caseSensitive: isAcronym)
            longestPhrase[words[0]] = max(longestPhrase[words[0]] ?? 0, words.count)
        }
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

    /// The lowercase words a name's tokens would have, nil for a name with none. Names of letters and
    /// single spaces (nearly all: every country's name in 22 languages is read at each start) skip the
    /// scanner, which would split them the same way.
    private static func words(of name: String) -> [String]? {
        var simple = !name.isEmpty && name.unicodeScalars.first != " " && name.unicodeScalars.last != " "
        var previousSpace = false
        for scalar in name.unicodeScalars where simple {
            let isSpace = scalar == " "
            simple = isSpace ? !previousSpace : Self.isPlainLetter(scalar)
            previousSpace = isSpace
        }
        if simple { return parts(name.lowercased(), " ").map(String.init) }
        let tokens = TextScanner.tokens(in: name).filter { $0.kind != .punctuation && $0.kind != .newline }
        return tokens.isEmpty ? nil : tokens.map(\.lower)
    }

    mutating func ban(_ surface: String) {
        banned.insert(Self.key(surface))
    }

    static func key(_ text: String) -> String {
        TextScanner.tokens(in: text).filter { $0.kind != .punctuation && $0.kind != .newline }.map(\.lower)
            .joined(separator: " ")
    }

    /// The longest known phrase starting at `index` within `tokens[index..<limit]`: its length and entry.
    /// `allCapsLine`: the text is a capitals headline, where case tells nothing except for acronyms that
    /// are also English words ("WHO"), which are skipped.
    func longestMatch(in tokens: [Token], at index: Int, limit: Int, allCapsLine: Bool) -> (length: Int, entry: GazetteerEntry)? {
        guard let longest = longestPhrase[tokens[index]] else { return nil }
        var length = min(longest, limit - index)
        while length >= 1 {
            let range = index..<(index + length)
            if tokens[range].allSatisfy({ $0.kind == .word || $0.kind == .number }) {
                let entry = length == 1 ? phrases[tokens[index]] : phrases[tokens[range].map(\.lower).joined(separator: " ")]
                if let entry, accepts(entry, tokens[range], allCapsLine: allCapsLine) {
                    return (length, entry)
                }
            }
            length -= 1
        }
        return nil
    }

    private func accepts(_ entry: GazetteerEntry, _ tokens: ArraySlice<Token>, allCapsLine: Bool) -> Bool {
        // Every word of a name is capitalised, except particles ("of", "the", "and").
        for token in tokens where token.shape == .lower {
            if !["of", "the", "and", "for", "de", "da", "du", "d'ivoire", "in"].contains(token.lower) { return false }
        }
        guard entry.caseSensitive else { return tokens.first!.isCapitalized }
        if allCapsLine, tokens.count == 1, tokens.first!.lower != "us", Lexicon.stopWords.contains(tokens.first!.lower) {
            return false
        }
        return tokens.allSatisfy { $0.shape == .allCaps || $0.kind == .number || $0.isInitial }
    }
}
