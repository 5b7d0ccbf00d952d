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
    /// Full names and multi-word organisations already filed under their surname or initials: filing
    /// one again changes nothing, and this runs on the writer thread for every actor of every article.
    private var filedPeople: Set<String> = []
    private var filedOrganizations: Set<String> = []

    public init(extractor: ActorExtractor = ActorExtractor()) {
        self.extractor = extractor
    }

    /// The corpus-wide name and type for an actor, learning from it.
    public mutating func canonical(name: String, type: ActorType) -> (name: String, type: ActorType) {
        let cleaned = Self.singleSpaced(name)
        switch type {
        case .person:
            // The text is single-spaced, so a space means two words or more, and the surname follows the last.
            if let space = cleaned.utf8.lastIndex(of: 0x20) {
                if filedPeople.insert(cleaned).inserted {
                    fullNamesBySurname[cleaned[cleaned.index(after: space)...].lowercased(), default: []].insert(cleaned)
                }
                return (cleaned, .person)
            }
            if let full = fullNamesBySurname[cleaned.lowercased()], full.count == 1 { return (full.first!, .person) }
            return (cleaned, .person)
        case .organization, .country, .location:
            let known: (name: String, type: ActorType)
            if let hit = resolved[cleaned] {
                known = hit
            } else {
                known = extractor.resolve(cleaned)
                resolved[cleaned] = known
            }
            if known.name != cleaned || known.type != .person && known.type != .organization {
                return known.type == .person ? (cleaned, type) : known
            }
            if filedOrganizations.contains(cleaned) { return (cleaned, type) }
            let words = cleaned.split(separator: " ")
            if words.count >= 2 {
                filedOrganizations.insert(cleaned)
                let initials = Self.initials(of: words)
                if initials.count >= 2 { organizationsByInitials[initials, default: []].insert(cleaned) }
                return (cleaned, type)
            }
            if type == .organization, let full = organizationsByInitials[cleaned], full.count == 1 {
                return (full.first!, .organization)
            }
            return (cleaned, type)
        }
    }

    /// White space collapsed to single spaces and trimmed. Names from the extractor already are, and this
    /// runs on the single writer thread for every actor of every article: they skip the split and join.
    static func singleSpaced(_ name: String) -> String {
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
        return initials(of: cleaned.split(separator: " "))
    }

    private static func initials(of words: [Substring]) -> String {
        String(words.filter { $0.first?.isUppercase ?? false }.compactMap(\.first))
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
}
