/// A known name: the canonical actor it stands for.
struct GazetteerEntry: Sendable, Hashable {
    var name: String
    var type: ActorType
    /// Acronyms ("US", "WHO") match only in capitals, so "us" and "who" never do.
    var caseSensitive: Bool
}

/// Known names (countries, organisations, places) looked up by their words, plus the name lists that
/// support the person rules. Keys are token texts lowercased and joined by single spaces. The built-in
/// names are a table generated ahead of time and read in place (``GazetteerTable``); the user
/// dictionary's names go over it.
struct Gazetteer: Sendable {
    private(set) var phrases: GazetteerMap<GazetteerFields.Entry>
    /// Longest phrase (in tokens) for each lowercase first word.
    private(set) var longestPhrase: GazetteerMap<GazetteerFields.LongestPhrase>
    /// Lowercase demonym → country canonical name ("japanese" → "Japan").
    let demonyms: GazetteerMap<GazetteerFields.Demonym>
    /// First words of two-word demonyms ("south" for "South Korean").
    let demonymFirstWords: GazetteerMap<GazetteerFields.DemonymFirstWord>
    let givenNames: GazetteerMap<GazetteerFields.GivenName>
    let surnames: GazetteerMap<GazetteerFields.Surname>
    /// Surface forms the user dictionary bans (lowercased, joined by spaces).
    private(set) var banned: Set<String> = []

    /// The built-in names (`Gazetteer()` has none: the user dictionary's alone).
    static let standard = Gazetteer(table: .builtIn)

    init(table: GazetteerTable = .empty) {
        phrases = GazetteerMap(table: table)
        longestPhrase = GazetteerMap(table: table)
        demonyms = GazetteerMap(table: table)
        demonymFirstWords = GazetteerMap(table: table)
        givenNames = GazetteerMap(table: table)
        surnames = GazetteerMap(table: table)
    }

    /// Adds (or replaces) an actor and its aliases; the canonical name is an alias of itself.
    mutating func add(name: String, type: ActorType, aliases: [String]) {
        for alias in [name] + aliases {
            guard let key = PhraseKey(alias) else { continue }
            phrases[key.key] = GazetteerEntry(name: name, type: type, caseSensitive: key.isAcronym)
            longestPhrase[key.firstWord] = max(longestPhrase[key.firstWord] ?? 0, key.words)
        }
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
