/// Merges actors across a corpus: the same canonical name is one actor, a lone surname joins the one
/// full name with that surname seen so far, and an acronym joins the one organisation it abbreviates.
///
/// Feed it each article's actors in indexing order (`merge(_:)`), or ask for one name (`canonical`).
/// A surname seen before its full name stays apart until the index is rebuilt; ambiguous surnames
/// ("Kovacs" with two known Kovacses) always stay apart.
public struct ActorRegistry: Sendable {
    private let extractor: ActorExtractor
    private var fullNamesBySurname: [String: Set<String>] = [:]
    private var organizationsByInitials: [String: Set<String>] = [:]
    /// `extractor.resolve` by name: it is pure, and the same few thousand names come back in every batch.
    private var resolved: [String: (name: String, type: ActorType)] = [:]
    /// Names (as given) whose corpus-wide name can no longer change, with its number and type: all but
    /// lone surnames and one-word organisations, which a later full name or organisation may claim.
    /// One look-up for most actors of most articles, where resolving again (splitting, initials, the
    /// filing sets) was a sixth of the writer thread's time on real news text.
    private var settled: [MergeKey: (number: Int32, type: ActorType)] = [:]
    /// Corpus-wide names numbered in the order they were first given out (``CanonicalActor/number``).
    private var numbers: [String: Int32] = [:]
    private var names: [String] = []
    /// For each number, the article in whose ``mergeCanonical(_:)`` it last came, and where.
    private var lastSeen: [(article: Int, position: Int32)] = []
    private var articles = 0

    public init(extractor: ActorExtractor = ActorExtractor()) {
        self.extractor = extractor
    }

    /// The corpus-wide name and type for an actor, learning from it.
    public mutating func canonical(name: String, type: ActorType) -> (name: String, type: ActorType) {
        let found = numbered(name: name, type: type)
        return (names[Int(found.number)], found.type)
    }

    /// ``canonical(name:type:)`` with the number of the corpus-wide name.
    private mutating func numbered(name: String, type: ActorType) -> (number: Int32, type: ActorType) {
        let key = MergeKey(name: name, type: type)
        if let known = settled[key] { return known }
        let found = resolve(name: name, type: type)
        let number: Int32
        if let known = numbers[found.name] {
            number = known
        } else {
            number = Int32(names.count)
            numbers[found.name] = number
            names.append(found.name)
            lastSeen.append((article: -1, position: 0))
        }
        if found.settled { settled[key] = (number, found.type) }
        return (number, found.type)
    }

    /// Resolves a name and files it under its surname or initials the first time: a name comes here
    /// again only while it is unsettled, and filing is idempotent.
    private mutating func resolve(name: String, type: ActorType) -> (name: String, type: ActorType, settled: Bool) {
        let cleaned = Self.singleSpaced(name)
        switch type {
        case .person:
            // The text is single-spaced, so a space means two words or more, and the surname follows the last.
            if let space = cleaned.utf8.lastIndex(of: 0x20) {
                fullNamesBySurname[cleaned[cleaned.index(after: space)...].lowercased(), default: []].insert(cleaned)
                return (cleaned, .person, true)
            }
            if let full = fullNamesBySurname[cleaned.lowercased()], full.count == 1 { return (full.first!, .person, false) }
            return (cleaned, .person, false)
        case .organization, .country, .location:
            let known: (name: String, type: ActorType)
            if let hit = resolved[cleaned] {
                known = hit
            } else {
                known = extractor.resolve(cleaned)
                resolved[cleaned] = known
            }
            if known.name != cleaned || known.type != .person && known.type != .organization {
                return known.type == .person ? (cleaned, type, true) : (known.name, known.type, true)
            }
            let (words, initials) = Self.wordsAndInitials(of: cleaned)
            if words >= 2 {
                if initials.count >= 2 { organizationsByInitials[initials, default: []].insert(cleaned) }
                return (cleaned, type, true)
            }
            guard type == .organization else { return (cleaned, type, true) }
            if let full = organizationsByInitials[cleaned], full.count == 1 { return (full.first!, .organization, false) }
            return (cleaned, type, false)
        }
    }

    /// White space collapsed to single spaces and trimmed. Names from the extractor already are, and this
    /// runs on the single writer thread for every actor of every article: they skip the split and join.
    /// The workers use it too, for every given actor's name and every source (the split by `Character`
    /// was 2% of their samples on realistic news, where nearly every record names its actors).
    package static func singleSpaced(_ name: String) -> String {
        var previous: UInt8 = 0x20
        var clean = true
        for byte in name.utf8 {
            // Non-ASCII bytes may be white space (U+00A0, U+3000), so they take the general path.
            if byte >= 0x80 || byte < 0x20 || byte == 0x20 && previous == 0x20 {
                clean = false
                break
            }
            previous = byte
        }
        if clean && previous != 0x20 { return name }
        return name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// What merging `actors` would look up among the actors known before them: the surnames of lone
    /// surnames ("rutte") and the initials of lone acronyms ("ECB"). A caller with a large index can
    /// seed the registry with only the known actors filed under these (``filingKey(name:type:)``), in
    /// their original order, and merge exactly as if it had seeded every one.
    public static func lookupKeys(of actors: [ExtractedActor]) -> Set<String> {
        var keys: Set<String> = []
        for actor in actors {
            let cleaned = singleSpaced(actor.name)
            guard !cleaned.utf8.contains(0x20) else { continue }
            switch actor.type {
            case .person: keys.insert(cleaned.lowercased())
            // Initials are capitals only, so "Securities" or "N.J." can never be one.
            case .organization where cleaned.allSatisfy(\.isUppercase): keys.insert(cleaned)
            case .organization: break
            case .country, .location: break
            }
        }
        return keys
    }

    /// The key `canonical(name:type:)` files a known actor under, if it may file it at all: a full
    /// name's surname (lowercased) or a multi-word name's initials. Pure and cheap: it never consults
    /// the gazetteer, so it may name a key the registry then declines to file.
    public static func filingKey(name: String, type: ActorType) -> String? {
        let cleaned = singleSpaced(name)
        guard let space = cleaned.utf8.lastIndex(of: 0x20) else { return nil }
        if type == .person { return cleaned[cleaned.index(after: space)...].lowercased() }
        return wordsAndInitials(of: cleaned).initials
    }

    private static func initials(of words: [Substring]) -> String {
        String(words.filter { $0.first?.isUppercase ?? false }.compactMap(\.first))
    }

    /// How many words a single-spaced name has, and the capitals that start them ("European Central
    /// Bank": 3, "ECB"). Printable ASCII is read by bytes, where a `Character` is one byte and only A–Z
    /// are capitals: splitting by `Character` was a sixth of the writer's actor merge on realistic news.
    static func wordsAndInitials(of name: String) -> (words: Int, initials: String) {
        guard name.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x80 }) else {
            let words = name.split(separator: " ")
            return (words.count, initials(of: words))
        }
        var words = 0
        var initials: [UInt8] = []
        var previous: UInt8 = 0x20
        for byte in name.utf8 {
            if previous == 0x20 && byte != 0x20 {
                words += 1
                if byte >= 0x41 && byte <= 0x5A { initials.append(byte) }
            }
            previous = byte
        }
        return (words, String(decoding: initials, as: UTF8.self))
    }

    private struct MergeKey: Hashable {
        var name: String
        var type: ActorType
    }

    /// One article's actors under corpus-wide names; actors that now share a name are combined.
    public mutating func merge(_ actors: [ExtractedActor]) -> [ExtractedActor] {
        var merged: [ExtractedActor] = []
        var position: [MergeKey: Int] = [:]
        for actor in actors {
            let resolved = canonical(name: actor.name, type: actor.type)
            let key = MergeKey(name: resolved.name, type: resolved.type)
            if let at = position[key] {
                merged[at].mentions += actor.mentions
                merged[at].mentions.sort { $0.start < $1.start }
                merged[at].mentionCount += actor.mentionCount
            } else {
                position[key] = merged.count
                merged.append(ExtractedActor(name: resolved.name, type: resolved.type, mentions: actor.mentions, mentionCount: actor.mentionCount))
            }
        }
        return merged
    }

    /// One article's actors under corpus-wide names, numbered, one entry per name with the mentions
    /// of every actor that has it: ``merge(_:)`` for the indexer, which needs no mention offsets.
    /// Entries come in the order their names first appear, each with the type it first had.
    public mutating func mergeCanonical(_ actors: [ExtractedActor]) -> [CanonicalActor] {
        articles += 1
        var merged: [CanonicalActor] = []
        merged.reserveCapacity(actors.count)
        for actor in actors {
            let found = numbered(name: actor.name, type: actor.type)
            let number = Int(found.number)
            if lastSeen[number].article == articles {
                merged[Int(lastSeen[number].position)].mentionCount += actor.mentionCount
            } else {
                lastSeen[number] = (articles, Int32(merged.count))
                merged.append(CanonicalActor(number: number, name: names[number], type: found.type, mentionCount: actor.mentionCount))
            }
        }
        return merged
    }
}

/// An article's actor under its corpus-wide name (``ActorRegistry/mergeCanonical(_:)``).
public struct CanonicalActor: Sendable, Equatable {
    /// Dense and stable for one registry: equal numbers are equal names, so a writer can keep what it
    /// knows of each name (its row id) in an array instead of a dictionary keyed by the name.
    public var number: Int
    public var name: String
    public var type: ActorType
    public var mentionCount: Int
}
