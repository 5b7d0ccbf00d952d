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
        for line in GazetteerData.countries.split(separator: "\n") {
            let fields = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            let aliases = fields.count > 1 ? fields[1].split(separator: ",").map(String.init) : []
            gazetteer.add(name: fields[0], type: .country, aliases: aliases)
            if fields.count > 2 {
                for demonym in fields[2].split(separator: ",") { gazetteer.demonyms[demonym.lowercased()] = fields[0] }
            }
        }
        for (table, type) in [(OrganizationData.organizations, ActorType.organization), (OrganizationData.regions, .location)] {
            for line in table.split(separator: "\n") {
                let fields = line.split(separator: ";").map(String.init)
                gazetteer.add(name: fields[0], type: type, aliases: fields.count > 1 ? fields[1].split(separator: ",").map(String.init) : [])
            }
        }
        for place in GazetteerData.places.split(separator: "\n") {
            let key = Self.key(String(place))
            if gazetteer.phrases[key] == nil { gazetteer.add(name: String(place), type: .location, aliases: []) }
        }
        gazetteer.demonymFirstWords = WordSet(
            GazetteerData.countries.split(separator: "\n").flatMap { line -> [String] in
                let fields = line.split(separator: ";", omittingEmptySubsequences: false)
                guard fields.count > 2 else { return [] }
                return fields[2].split(separator: ",").filter { $0.contains(" ") }.map { String($0.split(separator: " ")[0]).lowercased() }
            })
        gazetteer.givenNames = WordSet(GazetteerData.givenNames.split(separator: "\n").map { $0.lowercased() })
        gazetteer.surnames = WordSet(GazetteerData.surnames.split(separator: "\n").map { $0.lowercased() })
        return gazetteer
    }

    /// Adds (or replaces) an actor and its aliases; the canonical name is an alias of itself.
    mutating func add(name: String, type: ActorType, aliases: [String]) {
        for alias in [name] + aliases {
            let tokens = TextScanner.tokens(in: alias).filter { $0.kind != .punctuation && $0.kind != .newline }
            guard let first = tokens.first else { continue }
            let key = tokens.map(\.lower).joined(separator: " ")
            let isAcronym = !alias.unicodeScalars.contains { $0.properties.isLowercase } && alias.unicodeScalars.count <= 6
            phrases[key] = GazetteerEntry(name: name, type: type, caseSensitive: isAcronym)
            longestPhrase[first.lower] = max(longestPhrase[first.lower] ?? 0, tokens.count)
        }
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
