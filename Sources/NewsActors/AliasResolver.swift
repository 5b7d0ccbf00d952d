/// Gives each candidate of one article its canonical name and type, or drops it.
///
/// Within an article a surname ("Rutte", also after a title) is the full name met before or after it
/// ("Mark Rutte"), an acronym is the multi-word organisation whose initials it spells, and a capitalised
/// word with no evidence of its own is kept only when the article names it elsewhere.
struct AliasResolver {
    struct KnownName: Sendable {
        var name: String
        var type: ActorType
    }

    struct Resolved: Sendable {
        var candidate: Candidate
        var name: String
        var type: ActorType
    }

    /// Lowercased surface → canonical name and type, for headline look-ups after resolution.
    private(set) var known = WordMap<KnownName>()
    /// Longest known key (in words) for each first word, so headline look-ups try only lengths that exist.
    private(set) var knownLongest = WordMap<Int>()

    mutating func resolve(_ candidates: [Candidate]) -> [Resolved] {
        // Full names of people, keyed by each of their name words (surname first choice).
        // Sized for the article up front: growing a map rehashes all it holds, and most articles need
        // several growths. The loops read candidates in place: a copy retains and releases five strings.
        // By index, fields read in place: passing `candidates[index]` copied the candidate, twice each.
        func isFullName(_ index: Int) -> Bool {
            candidates[index].type == .person && candidates[index].canonical == nil && candidates[index].wordCount >= 2
                && (candidates[index].evidence >= .strong || !candidates[index].sentenceInitial)
        }
        var fullNames = 0
        for index in candidates.indices where isFullName(index) { fullNames += 1 }
        var surnames = WordMap<String>(minimumCapacity: fullNames)
        var ambiguous: WordSet = []
        var givenNames = WordMap<String>(minimumCapacity: fullNames)
        var persons = WordSet(minimumCapacity: fullNames)
        for index in candidates.indices where isFullName(index) {
            let text = candidates[index].text
            persons.insert(text)
            let surname = candidates[index].lastWord
            let surnameHash = candidates[index].lastWordHash
            let existing = surnames[surname, hash: surnameHash]
            if let existing, existing != text, !existing.hasSuffix(text), !text.hasSuffix(existing) {
                ambiguous.insert(surname, hash: surnameHash)
            }
            if existing == nil || text.count > existing!.count { surnames[surname, hash: surnameHash] = text }
            let given = candidates[index].firstWord
            if givenNames[given, hash: candidates[index].firstWordHash] == nil { givenNames[given, hash: candidates[index].firstWordHash] = text }
        }
        func fullName(_ surname: String, hash: UInt64) -> String? {
            ambiguous.contains(surname, hash: hash) ? nil : surnames[surname, hash: hash]
        }
        // Multi-word organisations by their initials ("European Central Bank" → ECB), when an acronym needs them.
        // A `WordMap`, as the other look-ups: a `Dictionary` hashed each acronym with SipHash.
        var acronyms = WordMap<String>()
        if candidates.contains(where: { $0.type == .organization && $0.wordCount == 1 && $0.canonical == nil }) {
            for index in candidates.indices where candidates[index].type == .organization && candidates[index].wordCount > 1 {
                let initials = Self.initials(of: candidates[index].text)
                if initials.count >= 2 { acronyms[initials] = candidates[index].canonical ?? candidates[index].text }
            }
        }
        // Document-level votes for words whose type is unknown from their own context.
        // Four 16-bit counters in one Int, one per type in `ActorType.allCases` order.
        var votes = WordMap<Int>(minimumCapacity: candidates.count)
        let types = ActorType.allCases
        for index in candidates.indices where candidates[index].type != nil && !candidates[index].sentenceInitial {
            let key = candidates[index].key
            let hash = candidates[index].keyHash
            votes[key, hash: hash] = (votes[key, hash: hash] ?? 0) + 1 << (16 * types.firstIndex(of: candidates[index].type!)!)
        }

        // A name that scored in a results table is a team throughout the article.
        var teams: WordSet = []
        for index in candidates.indices where candidates[index].team { teams.insert(candidates[index].key, hash: candidates[index].keyHash) }

        var resolved: [Resolved] = []
        resolved.reserveCapacity(candidates.count)
        for candidate in candidates {
            if !teams.isEmpty, candidate.type != .country, candidate.type != .person || candidate.evidence == .weak,
                teams.contains(candidate.key, hash: candidate.keyHash), fullName(candidate.key, hash: candidate.keyHash) == nil
            {
                resolved.append(Resolved(candidate: candidate, name: candidate.text, type: .organization))
                continue
            }
            if let canonical = candidate.canonical, let type = candidate.type {
                resolved.append(Resolved(candidate: candidate, name: canonical, type: type))
                continue
            }
            let lower = candidate.key
            let lowerHash = candidate.keyHash
            let isSingle = candidate.wordCount == 1
            if isSingle, let full = fullName(lower, hash: lowerHash) {
                resolved.append(Resolved(candidate: candidate, name: full, type: .person))
                continue
            }
            if isSingle, candidate.type == .organization, let full = acronyms[candidate.text] {
                resolved.append(Resolved(candidate: candidate, name: full, type: .organization))
                continue
            }
            if persons.contains(candidate.text) {
                resolved.append(Resolved(candidate: candidate, name: candidate.text, type: .person))
                continue
            }
            // Most votes wins; ties go to the earlier type in `ActorType.allCases`.
            let vote = votes[lower, hash: lowerHash].flatMap { packed -> ActorType? in
                let counts = (0..<4).map { (packed >> (16 * $0)) & 0xFFFF }
                let best = counts.indices.max { counts[$0] < counts[$1] || counts[$0] == counts[$1] && $0 > $1 }!
                return counts[best] > 0 ? types[best] : nil
            }
            if candidate.sentenceInitial {
                // A capitalised first word is a name only if the rules or the rest of the article say so.
                // Two or more capitalised words after the opener's stop word was stripped read as a name.
                guard candidate.evidence >= .strong || vote != nil || !isSingle && candidate.type == .person else { continue }
                if isSingle, givenNames[lower, hash: lowerHash] != nil, candidate.type == nil { continue }
            }
            if isSingle, let full = givenNames[lower, hash: lowerHash], candidate.type == nil || candidate.type == .person {
                resolved.append(Resolved(candidate: candidate, name: full, type: .person))
                continue
            }
            guard let type = candidate.type ?? vote ?? defaultType(candidate) else { continue }
            resolved.append(Resolved(candidate: candidate, name: candidate.text, type: type))
        }
        if known.count == 0 { known = WordMap(minimumCapacity: resolved.count * 2 + surnames.count) }
        for item in resolved {
            known[item.candidate.key, hash: item.candidate.keyHash] = KnownName(name: item.name, type: item.type)
            if item.name != item.candidate.text { known[item.name.lowercased()] = KnownName(name: item.name, type: item.type) }
        }
        for (surname, hash) in surnames.keysAndHashes where known[surname, hash: hash] == nil {
            if let full = fullName(surname, hash: hash) { known[surname, hash: hash] = KnownName(name: full, type: .person) }
        }
        if knownLongest.count == 0 { knownLongest = WordMap(minimumCapacity: known.count) }
        // Words counted over the bytes, as `split(separator: " ")` would cut them: splitting every key
        // into Strings was a tenth of resolving.
        for key in known.keys {
            var words = 0
            var first: Range<String.Index>?
            var wordStart: String.Index?
            let utf8 = key.utf8
            for index in utf8.indices {
                if utf8[index] == 0x20 {
                    if let start = wordStart, first == nil { first = start..<index }
                    wordStart = nil
                } else if wordStart == nil {
                    wordStart = index
                    words += 1
                }
            }
            if let start = wordStart, first == nil { first = start..<utf8.endIndex }
            guard let first else { continue }
            let word = first == key.startIndex..<key.endIndex ? key : String(key[first])
            let hash = WordMap<Int>.hash(word)
            knownLongest[word, hash: hash] = max(knownLongest[word, hash: hash] ?? 0, words)
        }
        return resolved
    }

    /// The first letters of a name's capitalised words ("European Central Bank" → "ECB"). ASCII names
    /// are read as bytes; splitting every organisation's name into `Substring`s was a tenth of resolving.
    static func initials(of text: String) -> String {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return String(text.split(separator: " ").filter { $0.first?.isUppercase ?? false }.compactMap { $0.first })
        }
        // Written straight into the string: no more initials than bytes, and a byte array per name cost
        // an allocation.
        var text = text
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { initials in
                var count = 0
                var previous: UInt8 = 0x20
                for byte in bytes {
                    if previous == 0x20, byte >= 0x41, byte <= 0x5A {
                        initials[count] = byte
                        count += 1
                    }
                    previous = byte
                }
                return count
            }
        }
    }

    /// A lone capitalised word in mid-sentence that nothing else explains.
    private func defaultType(_ candidate: Candidate) -> ActorType? {
        nil
    }
}
