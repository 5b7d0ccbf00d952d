/// The built-in name tables (`GazetteerData`, `OrganizationData`, `CountryNameData`) filed into maps by
/// the gazetteer's rules: what `gazetteer-tables` writes ``GazetteerTable`` from, and what the tests
/// check the generated table against, entry by entry. No `search` process builds it.
struct GazetteerSource {
    private(set) var phrases = WordMap<GazetteerEntry>(minimumCapacity: 10_000)
    private(set) var longestPhrase = WordMap<Int>(minimumCapacity: 8_000)
    private(set) var demonyms = WordMap<String>(minimumCapacity: 512)
    /// In first-seen order, without repeats.
    private(set) var demonymFirstWords: [String] = []
    private(set) var givenNames: [String] = []
    private(set) var surnames: [String] = []

    /// The tables read over their bytes in place (see ``TableText``).
    static func builtIn() -> GazetteerSource {
        var source = GazetteerSource()
        let semicolon = UInt8(ascii: ";")
        let comma = UInt8(ascii: ",")
        var demonymFirstWords: [String] = []
        TableText.forEachLine(of: GazetteerData.countries) { line in
            let fields = TableText.fields(line, semicolon, keepingEmpty: true)
            let name = TableText.string(fields[0])
            source.add(name: name, type: .country, aliases: fields.count > 1 ? TableText.fields(fields[1], comma) : [])
            guard fields.count > 2 else { return }
            for demonym in TableText.fields(fields[2], comma) {
                source.demonyms[TableText.lowercased(demonym)] = name
                // "South Korean": its first word, so that the two-word demonym is looked up only after it.
                if demonym.contains(0x20) { demonymFirstWords.append(TableText.lowercased(TableText.fields(demonym, 0x20)[0])) }
            }
        }
        for (table, type) in [(OrganizationData.organizations, ActorType.organization), (OrganizationData.regions, .location)] {
            TableText.forEachLine(of: table) { line in
                // Empty fields dropped: "West Germany;;West German" lists its demonym as an alias.
                let fields = TableText.fields(line, semicolon)
                source.add(name: TableText.string(fields[0]), type: type, aliases: fields.count > 1 ? TableText.fields(fields[1], comma) : [])
            }
        }
        // Countries' names in other languages ("Deutschland"), where no English name already means something.
        TableText.forEachLine(of: CountryNameData.translations) { line in
            let fields = TableText.fields(line, semicolon, keepingEmpty: true)
            guard fields.count == 2 else { return }
            source.add(name: TableText.string(fields[0]), type: .country, aliases: TableText.fields(fields[1], comma), replacing: false)
        }
        TableText.forEachLine(of: GazetteerData.places) { place in
            source.add(name: TableText.string(place), type: .location, replacing: false, key: PhraseKey(place))
        }
        source.demonymFirstWords = Self.unique(demonymFirstWords)
        source.givenNames = Self.lowercasedLines(of: GazetteerData.givenNames)
        source.surnames = Self.lowercasedLines(of: GazetteerData.surnames)
        return source
    }

    private static func lowercasedLines(of table: String) -> [String] {
        var words: [String] = []
        TableText.forEachLine(of: table) { words.append(TableText.lowercased($0)) }
        return unique(words)
    }

    private static func unique(_ words: [String]) -> [String] {
        var seen = Set<String>()
        return words.filter { seen.insert($0).inserted }
    }

    /// Adds an actor and its aliases (the canonical name is an alias of itself); `replacing: false`
    /// adds only the aliases that mean nothing yet.
    private mutating func add(name: String, type: ActorType, aliases: [UnsafeBufferPointer<UInt8>], replacing: Bool = true) {
        add(name: name, type: type, replacing: replacing, key: PhraseKey(name))
        for alias in aliases { add(name: name, type: type, replacing: replacing, key: PhraseKey(alias)) }
    }

    private mutating func add(name: String, type: ActorType, replacing: Bool, key: PhraseKey?) {
        guard let key else { return }
        if !replacing, phrases[key.key] != nil { return }
        phrases[key.key] = GazetteerEntry(name: name, type: type, caseSensitive: key.isAcronym)
        longestPhrase[key.firstWord] = max(longestPhrase[key.firstWord] ?? 0, key.words)
    }
}
