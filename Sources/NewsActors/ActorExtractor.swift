/// Finds the people, organisations and countries an article names.
///
/// ```swift
/// let actors = ActorExtractor().extract(title: "…", body: "NATO Secretary General Mark Rutte said …")
/// // [NATO (organization), Mark Rutte (person)]
/// ```
///
/// Running text is tagged by rules (capitalisation, titles before names, organisation heads, reporting
/// verbs, a gazetteer of countries, organisations and places); headlines and Title Case lines, where
/// capitals say nothing, only confirm names the gazetteer knows or the running text has already named.
public struct ActorExtractor: Sendable {
    let gazetteer: Gazetteer
    /// The input's own actor names already resolved against `gazetteer` (shared by copies, as the gazetteer is).
    private let givenActors = ResolvedNames()

    public init() {
        gazetteer = Gazetteer.standard
    }

    /// An extractor that also knows the dictionary's actors and aliases and drops what it bans.
    public init(dictionary: ActorDictionary) {
        var gazetteer = Gazetteer.standard
        dictionary.apply(to: &gazetteer)
        self.gazetteer = gazetteer
    }

    /// The actors of an article in English, or in a language too little is known of (a headline).
    public func extract(title: String, body: String) -> [ExtractedActor] {
        extract(title: title, body: body, language: ArticleLanguage(code: nil, origin: .unknown))
    }

    /// The actors of an article in `language`: outside English only known names count (see ``ArticleLanguage``).
    public func extract(title: String, body: String, language: ArticleLanguage) -> [ExtractedActor] {
        let scanned = TextScanner.scan(body)
        let bodyTokens = scanned.tokens
        var resolver = AliasResolver()
        var headlines: [(Range<Int>, LineKind)] = []
        let tagger = RuleTagger(gazetteer: gazetteer, text: scanned)
        var proseCandidates: [Candidate] = []
        for line in Self.lines(bodyTokens) {
            let kind = LineKind(bodyTokens[line], in: scanned)
            if kind != .prose {
                headlines.append((line, kind))
            } else if let dash = LineKind.datelineEnd(bodyTokens[line], in: scanned),
                LineKind(bodyTokens[(dash + 1)..<line.upperBound], in: scanned) == .figures
            {
                // "SPRINGFIELD, Ill., May 2 - Shr 30 cts vs 25 cts": a dateline, then a row of figures
                // whose label starts a sentence only because the dateline ends before it.
                tagger.candidates(in: line.lowerBound..<(dash + 1), into: &proseCandidates)
                headlines.append(((dash + 1)..<line.upperBound, .figures))
            } else {
                tagger.candidates(in: line, into: &proseCandidates)
            }
        }
        // A title written as a sentence is tagged like the body, so its full names resolve the body's
        // surnames; a headline-style title only confirms names (below).
        let titleText = TextScanner.scan(title)
        let titleTokens = titleText.tokens
        let titleTagger = RuleTagger(gazetteer: gazetteer, text: titleText)
        var titleHeadlines: [(Range<Int>, LineKind)] = []
        for line in Self.lines(titleTokens) {
            let kind = LineKind(titleTokens[line], in: titleText)
            if kind == .prose {
                let first = proseCandidates.endIndex
                titleTagger.candidates(in: line, into: &proseCandidates)
                for index in first..<proseCandidates.endIndex { proseCandidates[index].inTitle = true }
            } else {
                titleHeadlines.append((line, kind))
            }
        }
        if !language.capitalsMarkNames {
            proseCandidates = knownNamesOnly(proseCandidates)
            let isCommonWord = Self.commonWordPlaces(proseCandidates, in: scanned, language: language)
            proseCandidates.removeAll(where: isCommonWord)
        }
        proseCandidates.removeAll { candidate in
            let text = candidate.inTitle ? titleText : scanned
            return Self.isUnplacedWordPlace(candidate, in: text) || Self.isLegalFormOnly(candidate, in: text)
        }
        var resolved = resolver.resolve(proseCandidates)
        let known = resolver.known
        // Only headline lines in mixed case ask for the resolved names (capitals lines take any known
        // name): most articles have none, and hashing every name into a set was 3% of extraction.
        let asksForNames = titleHeadlines.contains { $0.1 != .allCaps } || headlines.contains { $0.1 != .allCaps }
        var knownNames = WordSet(minimumCapacity: asksForNames ? resolved.count : 0)
        if asksForNames {
            for index in resolved.indices { knownNames.insert(resolved[index].name) }
        }
        // The title counts towards the link, not the body's mentions.
        var titleItems = resolved.filter { $0.candidate.inTitle }
        resolved.removeAll { $0.candidate.inTitle }
        for (line, kind) in titleHeadlines {
            titleItems += headlineMentions(titleText, line, kind: kind, known: known, knownLongest: resolver.knownLongest, knownNames: knownNames)
        }
        var titleCounts: [String: Int] = [:]
        for item in titleItems { titleCounts[item.name, default: 0] += 1 }
        for (line, kind) in headlines {
            resolved += headlineMentions(scanned, line, kind: kind, known: known, knownLongest: resolver.knownLongest, knownNames: knownNames)
        }
        resolved.sort { $0.candidate.startOffset < $1.candidate.startOffset }

        var actors: [ExtractedActor] = []
        // Sized for every mention being a new actor, so it never grows; each name hashed once.
        var position = WordMap<Int>(minimumCapacity: resolved.count)
        // Read in place: a copy of each item retained and released its candidate's strings.
        for index in resolved.indices where !isBanned(resolved[index]) {
            let start = resolved[index].candidate.startOffset
            let end = resolved[index].candidate.endOffset
            let mention = ActorMention(start: start, end: end, text: scanned.text(start, end))
            let hash = WordMap<Int>.hash(resolved[index].name)
            if let at = position[resolved[index].name, hash: hash] {
                actors[at].mentions.append(mention)
                actors[at].mentionCount += 1
            } else {
                position[resolved[index].name, hash: hash] = actors.count
                actors.append(ExtractedActor(name: resolved[index].name, type: resolved[index].type, mentions: [mention], mentionCount: 1))
            }
        }
        for (name, count) in titleCounts {
            if let at = position[name] { actors[at].mentionCount += count }
        }
        // Named only in the title: still an actor of the article, with no body mentions.
        var titleOnly: [String: ActorType] = [:]
        for item in titleItems where position[item.name] == nil && !isBanned(item) { titleOnly[item.name] = item.type }
        for (name, type) in titleOnly.sorted(by: { $0.key < $1.key }) {
            actors.append(ExtractedActor(name: name, type: type, mentions: [], mentionCount: titleCounts[name] ?? 1))
        }
        return actors
    }

    /// One-word places that the article also writes in lower case: there the word is a common word of
    /// its language ("Man" in German, where "man" is a pronoun; "Bad" beside "bad"), and where every
    /// sentence start and every noun is capitalised, the capital is no evidence of the place. In German
    /// a city takes no article, a noun does: "das Essen", "beim Essen" is the meal, "in Essen" the city.
    static func commonWordPlaces(_ candidates: [Candidate], in text: ScannedText, language: ArticleLanguage) -> (Candidate) -> Bool {
        let isPlaceWord = { (candidate: Candidate) in candidate.wordCount == 1 && candidate.type == .location }
        let places = WordSet(candidates.filter(isPlaceWord).map(\.key))
        guard !places.isEmpty else { return { _ in false } }
        // Probed by the scanner's hash and the bytes in place: a string only for the rare match.
        var common = Set<String>()
        for token in text.tokens where token.kind == .word && token.shape == .lower && places.contains(token, in: text) {
            common.insert(text.lower(token))
        }
        if language.code == "de" {
            for candidate in candidates where isPlaceWord(candidate) && !candidate.inTitle && candidate.start > 0 {
                let before = text.tokens[candidate.start - 1]
                if before.kind == .word, germanArticles.contains(before, in: text) { common.insert(candidate.key) }
            }
        }
        return { candidate in isPlaceWord(candidate) && common.contains(candidate.key) }
    }

    /// A town whose name is, far more often, a common word ("Man charged after fire", "zum ersten Male",
    /// "Van der Bellen", "das Essen") is taken for the place only after a word that puts a place there
    /// ("in Man", "from Male", "aus Essen"); a dateline names it without one (read apart, as a headline).
    static func isUnplacedWordPlace(_ candidate: Candidate, in text: ScannedText) -> Bool {
        guard candidate.wordCount == 1, candidate.type == .location, Lexicon.wordPlaces.contains(candidate.key) else {
            return false
        }
        guard candidate.start > 0 else { return true }
        let before = text.tokens[candidate.start - 1]
        guard before.kind == .word else { return true }
        return !Lexicon.placePrepositions.contains(before, in: text) && !Lexicon.germanPlacePrepositions.contains(before, in: text)
    }

    /// A name made only of a company's legal form ("Co", "Co Inc.", "Ltd"): the tail of the firm before it,
    /// cut off by a lower-case "and" ("Morgan Stanley and Co Inc."), never an actor of its own.
    static func isLegalFormOnly(_ candidate: Candidate, in text: ScannedText) -> Bool {
        guard candidate.wordCount <= 3 else { return false }
        // The lowercase bytes probed in place, without their period: a `String` per word of every short
        // candidate was 3% of extraction.
        for token in text.tokens[candidate.start..<candidate.end] where token.kind != .punctuation {
            let end = Int(token.lowerEnd) - (token.lowerEnd > token.lowerStart && text.lowered[Int(token.lowerEnd) - 1] == 0x2E ? 1 : 0)
            if !Lexicon.legalForms.contains(bytes: text.lowered[Int(token.lowerStart)..<end]) { return false }
        }
        return true
    }

    /// German articles and the prepositions fused with one, which come before a noun but not before a city's name.
    private static let germanArticles: WordSet = [
        "der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einen", "einer", "eines",
        "zum", "zur", "beim", "vom", "im", "ins", "am", "unser", "unsere", "kein", "keine",
    ]

    /// The candidates a text whose capitals say nothing keeps: names the gazetteer or the dictionary
    /// knows, people introduced by a known given name ("Angela Merkel"), and those people's surnames
    /// alone ("Merkel sagte"), which the resolver then joins to the full name.
    private func knownNamesOnly(_ candidates: [Candidate]) -> [Candidate] {
        func isKnown(_ candidate: Candidate) -> Bool {
            candidate.evidence == .known
                || candidate.type == .person && candidate.evidence == .strong && candidate.wordCount >= 2
                && gazetteer.givenNames.contains(candidate.firstWord)
        }
        let surnames = Set(candidates.filter { isKnown($0) && $0.type == .person && $0.canonical == nil }.map(\.lastWord))
        return candidates.filter { candidate in
            isKnown(candidate) || candidate.wordCount == 1 && candidate.canonical == nil && surnames.contains(candidate.key)
        }
    }

    /// The canonical name and type for an actor given by the input itself (JSONL `actors`).
    public func resolve(_ name: String) -> (name: String, type: ActorType) {
        givenActors.resolution(of: name, resolveAnew)
    }

    /// ``resolve(_:)`` without the memo.
    func resolveAnew(_ name: String) -> (name: String, type: ActorType) {
        let cleaned = ActorRegistry.singleSpaced(name)
        let words = TextScanner.scan(cleaned).keeping { $0.kind == .word || $0.kind == .number }
        let tokens = words.tokens
        if !tokens.isEmpty, let match = gazetteer.longestMatch(in: words, at: 0, limit: tokens.count, allCapsLine: true),
            match.length == tokens.count
        {
            return (match.entry.name, match.entry.type)
        }
        if tokens.count == 1, let country = gazetteer.demonyms[tokens[0], in: words] { return (country, .country) }
        if let last = tokens.last, Lexicon.organizationHeads.contains(last, in: words) || tokens.count == 1 && tokens[0].shape == .allCaps {
            return (cleaned, .organization)
        }
        return (cleaned, .person)
    }

    private func isBanned(_ item: AliasResolver.Resolved) -> Bool {
        guard !gazetteer.banned.isEmpty else { return false }
        return gazetteer.banned.contains(Gazetteer.key(item.name)) || gazetteer.banned.contains(Gazetteer.key(item.candidate.text))
    }

    /// Names in a headline-like line: known to the gazetteer (capitals headlines only), or already
    /// named by the running text; nothing is guessed from capitals here.
    private func headlineMentions(
        _ text: ScannedText, _ line: Range<Int>, kind: LineKind, known: WordMap<AliasResolver.KnownName>,
        knownLongest: WordMap<Int>, knownNames: WordSet
    ) -> [AliasResolver.Resolved] {
        let tokens = text.tokens
        var found: [AliasResolver.Resolved] = []
        // A dateline ("WELLINGTON 2026-03-14") names the place the story was filed.
        if let dateline = datelinePlace(tokens, line) {
            let name = gazetteer.longestMatch(in: text, at: dateline.lowerBound, limit: dateline.upperBound, allCapsLine: true)
                .flatMap { $0.length == dateline.count ? $0.entry : nil }
            let place = tokens[dateline].map { text.text($0).prefix(1) + text.lower($0).dropFirst() }.joined(separator: " ")
            return [resolvedSpan(text, dateline, name: name?.name ?? place, type: name?.type ?? .location)]
        }
        let isTable = RuleTagger.isResultsTable(tokens[line])
        var index = line.lowerBound
        while index < line.upperBound {
            let token = tokens[index]
            guard token.isCapitalized else {
                index += 1
                continue
            }
            if let match = gazetteer.longestMatch(in: text, at: index, limit: line.upperBound, allCapsLine: kind == .allCaps),
                kind == .allCaps || kind == .figures || knownNames.contains(match.entry.name)
            {
                let end = index + match.length
                if match.entry.type == .location, let team = known.value(joining: tokens[index..<end], in: text), team.type == .organization {
                    found.append(resolvedSpan(text, index..<end, name: team.name, type: .organization))
                } else if match.entry.type == .location, isTable, end < line.upperBound, tokens[end].isScore {
                    // A city with scores in a capitals table is a team ("CHICAGO 70 55").
                    found.append(resolvedSpan(text, index..<end, name: match.entry.name, type: .organization))
                } else {
                    found.append(resolvedSpan(text, index..<end, name: match.entry.name, type: match.entry.type))
                }
                index = end
                continue
            }
            var matched = false
            for length in stride(from: min(knownLongest[token, in: text] ?? 0, line.upperBound - index), through: 1, by: -1) {
                let range = index..<(index + length)
                guard tokens[range].allSatisfy({ $0.isCapitalized }) else { continue }
                if let hit = length == 1 ? known[token, in: text] : known.value(joining: tokens[range], in: text) {
                    found.append(resolvedSpan(text, range, name: hit.name, type: hit.type))
                    index += length
                    matched = true
                    break
                }
            }
            if matched { continue }
            if token.isHyphenated {
                var offset = token.start
                for part in text.text(token).split(separator: "-", omittingEmptySubsequences: false) {
                    let length = part.unicodeScalars.count
                    if let hit = known[part.lowercased()] {
                        var candidate = Candidate(
                            start: index, end: index + 1, startOffset: offset, endOffset: offset + length, text: String(part),
                            key: part.lowercased(), type: hit.type, canonical: hit.name, evidence: .known)
                        candidate.sentenceInitial = false
                        found.append(AliasResolver.Resolved(candidate: candidate, name: hit.name, type: hit.type))
                    }
                    offset += length + 1
                }
            }
            index += 1
        }
        return found
    }

    /// The place words of a dateline line: capitalised words, then only a date (no other words).
    private func datelinePlace(_ tokens: [Token], _ line: Range<Int>) -> Range<Int>? {
        var end = line.lowerBound
        while end < line.upperBound, tokens[end].shape == .allCaps, end - line.lowerBound < 4 { end += 1 }
        guard end > line.lowerBound, end < line.upperBound, !tokens[end].isScore, tokens[end].kind == .number else { return nil }
        for token in tokens[(end + 1)..<line.upperBound] where token.kind == .word { return nil }
        return line.lowerBound..<end
    }

    private func resolvedSpan(_ text: ScannedText, _ range: Range<Int>, name: String, type: ActorType) -> AliasResolver.Resolved {
        let candidate = Candidate(
            start: range.lowerBound, end: range.upperBound, startOffset: text.tokens[range.lowerBound].start,
            endOffset: text.tokens[range.upperBound - 1].end, text: text.joined(range, lower: false),
            key: text.joined(range, lower: true), type: type, canonical: name, evidence: .known)
        return AliasResolver.Resolved(candidate: candidate, name: name, type: type)
    }

    /// Token ranges of the lines (newline tokens excluded).
    static func lines(_ tokens: [Token]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        // By index: `enumerated()` copied every token out of the array.
        for index in tokens.indices where tokens[index].kind == .newline {
            if start < index { lines.append(start..<index) }
            start = index + 1
        }
        if start < tokens.count { lines.append(start..<tokens.count) }
        return lines
    }
}
