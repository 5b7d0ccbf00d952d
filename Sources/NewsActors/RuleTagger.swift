/// Finds candidate names in running text (not headlines) from capitalisation and context.
struct RuleTagger {
    let gazetteer: Gazetteer
    let text: ScannedText
    let tokens: [Token]

    init(gazetteer: Gazetteer, text: ScannedText) {
        self.gazetteer = gazetteer
        self.text = text
        tokens = text.tokens
    }

    /// Appends the line's candidates to `found`: the article's list grows in place, where appending
    /// each line's own list copied every candidate (five strings retained and released).
    func candidates(in line: Range<Int>, into found: inout [Candidate]) {
        let first = found.endIndex
        var index = line.lowerBound
        while index < line.upperBound {
            guard tokens[index].isCapitalized else {
                index += 1
                continue
            }
            let end = runEnd(from: index, limit: line.upperBound)
            segment(index..<end, line: line, into: &found)
            index = end
        }
        if Self.isResultsTable(tokens[line]) { markTeams(&found, from: first, line: line) }
    }

    /// End of the run of capitalised words starting at `start`, with the connectors names allow.
    private func runEnd(from start: Int, limit: Int) -> Int {
        var hasOfHead = Lexicon.ofHeads.contains(tokens[start], in: text)
        var sawConnector = false
        var end = start + 1
        while end < limit {
            let token = tokens[end]
            if tokens[end - 1].possessive {
                // "People's Party", "Prime Minister's Office" continue; "Japan's Sanae Takaichi" does not.
                guard token.isCapitalized, Lexicon.organizationHeads.contains(token, in: text) else { break }
                end += 1
                continue
            }
            if token.isCapitalized {
                hasOfHead = hasOfHead || Lexicon.ofHeads.contains(token, in: text)
                end += 1
                continue
            }
            guard token.kind == .word, token.shape == .lower, end + 1 < limit else { break }
            let next = tokens[end + 1]
            if text.lower(token, is: "of") || text.lower(token, is: "for"), hasOfHead, next.isCapitalized {
                sawConnector = true
            } else if text.lower(token, is: "and"), sawConnector || joinsBody(start..<end, limit: limit), next.isCapitalized {
            } else if Lexicon.nameParticles.contains(token, in: text),
                next.isCapitalized || Lexicon.nameParticles.contains(next, in: text),
                tokens[end - 1].shape == .capitalized || Lexicon.nameParticles.contains(tokens[end - 1], in: text)
            {
            } else {
                break
            }
            end += 1
        }
        // Connectors never end a name.
        while end - 1 > start, tokens[end - 1].shape == .lower { end -= 1 }
        return end
    }

    /// "Securities and Exchange Commission": one or two capitalised words that name nothing on their own,
    /// "and", then capitalised words ending in a public body's head make one name; "Japan and China" does not.
    private func joinsBody(_ left: Range<Int>, limit: Int) -> Bool {
        guard left.count <= 2, tokens[left].allSatisfy({ $0.shape == .capitalized && !$0.possessive }),
            gazetteer.longestMatch(in: text, at: left.lowerBound, limit: left.upperBound, allCapsLine: false) == nil,
            !gazetteer.givenNames.contains(tokens[left.lowerBound], in: text)
        else { return false }
        var index = left.upperBound + 1
        while index < limit, index - left.upperBound <= 3, tokens[index].shape == .capitalized, !tokens[index].possessive {
            if index > left.upperBound + 1, Lexicon.jointBodyHeads.contains(tokens[index], in: text) { return true }
            index += 1
        }
        return false
    }

    private func isSentenceStart(_ index: Int, line: Range<Int>) -> Bool {
        var previous = index - 1
        while previous >= line.lowerBound {
            let token = tokens[previous]
            if token.kind != .punctuation { return false }
            // By scalar; the Greek question mark (U+037E) is listed because it is canonically a semicolon.
            switch text.firstScalar(token) {
            case ".":
                // "1. Name" numbers a list entry; the name after it is still capitalised for itself.
                return !(previous > line.lowerBound && tokens[previous - 1].kind == .number)
            case "!", "?", ":", ";", "\u{037E}", "-", "\u{2013}", "\u{2014}", "\u{2022}", "*", "|", ">": return true
            case "\"", "\u{201C}", "\u{201D}", "'", "\u{2018}", "\u{2019}", "(", "[", "\u{00AB}": previous -= 1
            default: return false
            }
        }
        return true
    }

    private func titleLength(at index: Int, limit: Int) -> Int? {
        var start = index
        while start < limit, Lexicon.titleModifiers.contains(tokens[start], in: text) { start += 1 }
        guard start < limit, Lexicon.titleFirstWords.contains(tokens[start], in: text) else { return nil }
        var best = 0
        for title in Lexicon.titlesByFirstWord[stripDot(text.lower(tokens[start]))] ?? [] where title.count > best && start + title.count <= limit {
            var matches = true
            for (offset, word) in title.enumerated() where stripDot(text.lower(tokens[start + offset])) != word {
                matches = false
                break
            }
            if matches { best = title.count }
        }
        return best == 0 ? nil : start - index + best
    }

    private func stripDot(_ word: String) -> String {
        word.hasSuffix(".") && word.count > 2 ? String(word.dropLast()) : word
    }

    private func segment(_ run: Range<Int>, line: Range<Int>, into found: inout [Candidate]) {
        var index = run.lowerBound
        let initial = isSentenceStart(index, line: line)
        // Sentence openers and calendar words lead no name ("The", "During", "According", "May").
        while index < run.upperBound, tokens[index].shape != .allCaps,
            Lexicon.stopWords.contains(tokens[index], in: text) || Lexicon.calendarWords.contains(tokens[index], in: text),
            (gazetteer.longestMatch(in: text, at: index, limit: run.upperBound, allCapsLine: false)?.length ?? 0) < 2
        {
            index += 1
        }
        // "Bank of Japan", "Sea of Okhotsk", "Mission of Japan": a head joined by "of"/"for" makes one name.
        if index < run.upperBound, titleLength(at: index, limit: run.upperBound) == nil,
            let connector = (index + 1..<run.upperBound).first(where: { text.lower(tokens[$0], is: "of") || text.lower(tokens[$0], is: "for") }),
            Lexicon.ofHeads.contains(tokens[connector - 1], in: text), !Lexicon.titleFirstWords.contains(tokens[connector - 1], in: text)
        {
            let heads = tokens[index..<connector]
            let isPlace = heads.contains { Lexicon.placeHeads.contains($0, in: text) }
            found.append(candidate(index..<run.upperBound, type: isPlace ? .location : .organization, evidence: .strong, initial: initial && index == run.lowerBound))
            return
        }
        var titled = false
        var restStart: Int?
        func flush(_ end: Int) {
            if let start = restStart, start < end {
                classify(start..<end, titled: titled, initial: initial && start == run.lowerBound, line: line, into: &found)
                titled = false
            }
            restStart = nil
        }
        while index < run.upperBound {
            if let length = titleLength(at: index, limit: run.upperBound) {
                flush(index)
                titled = true
                index += length
                continue
            }
            let token = tokens[index]
            let known = gazetteer.longestMatch(in: text, at: index, limit: run.upperBound, allCapsLine: false)
            // A given name or an initial starts a person, unless a known name (a dictionary person too) starts here.
            if restStart == nil, known == nil || token.isInitial && known!.entry.type != .person,
                index + 1 < run.upperBound, token.isInitial || gazetteer.givenNames.contains(token, in: text),
                !tokens[index].possessive, tokens[index + 1].shape == .capitalized
            {
                var end = index + 1
                while end < run.upperBound, end - index < 4, tokens[end].shape == .capitalized || tokens[end].isInitial
                    || Lexicon.nameParticles.contains(tokens[end], in: text),
                    // A role word ends the name unless it is the name's last word ("John Major said").
                    titleLength(at: end, limit: run.upperBound) == nil || end + 1 == run.upperBound && !tokens[end].possessive,
                    !Lexicon.organizationHeads.contains(tokens[end], in: text)
                {
                    end += 1
                    if tokens[end - 1].possessive { break }
                }
                if end == run.upperBound || !Lexicon.organizationHeads.contains(tokens[end], in: text) {
                    found.append(candidate(index..<end, type: .person, evidence: .strong, initial: initial && index == run.lowerBound))
                    titled = false
                    index = end
                    continue
                }
            }
            if let match = known {
                var end = index + match.length
                var type = match.entry.type
                var canonical: String? = match.entry.name
                var start = index
                // "Japan Times", "Taiwan Strait": a place followed by a head is another name.
                if type != .organization, end < run.upperBound, !tokens[end - 1].possessive {
                    var head = end
                    while head < run.upperBound, head - end < 3, !tokens[head - 1].possessive { head += 1 }
                    if let last = (end..<head).last(where: { Lexicon.eventHeads.contains(tokens[$0], in: text) }) {
                        // "U.S. Open", "Gulf War": an event, not an actor.
                        flush(index)
                        index = last + 1
                        continue
                    }
                    if let last = (end..<head).last(where: { Lexicon.organizationHeads.contains(tokens[$0], in: text) || Lexicon.placeHeads.contains(tokens[$0], in: text) }) {
                        type = Lexicon.placeHeads.contains(tokens[last], in: text) ? .location : .organization
                        end = last + 1
                        canonical = nil
                    }
                }
                // "East China" is a place; "Nikkei Asia" is a name built on a region.
                if let rest = restStart, type == .location || type == .country {
                    if index - rest == 1, Lexicon.directions.contains(tokens[rest], in: text) {
                        start = rest
                        type = .location
                        canonical = nil
                        restStart = nil
                    } else if type == .location, canonical != nil, !titled {
                        start = rest
                        type = .organization
                        canonical = nil
                        restStart = nil
                    }
                }
                flush(start)
                var made = candidate(start..<end, type: type, evidence: canonical == nil ? .strong : .known, initial: initial && start == run.lowerBound)
                made.canonical = canonical
                found.append(made)
                titled = false
                index = end
                continue
            }
            // "South Korean", "Sri Lankan": two-word demonyms name nobody either.
            if index + 1 < run.upperBound, gazetteer.demonymFirstWords.contains(token, in: text),
                gazetteer.demonyms.value(joining: tokens[index...(index + 1)], in: text) != nil
            {
                flush(index)
                index += 2
                continue
            }
            if gazetteer.demonyms[token, in: text] != nil || (Lexicon.groupAdjectives.contains(token, in: text) && index + 1 < run.upperBound
                && !Lexicon.organizationHeads.contains(tokens[run.upperBound - 1], in: text)) || (Lexicon.groupAdjectives.contains(token, in: text) && run.count == 1) {
                // "Japanese Embassy" is an organisation; "Japanese Foreign Minister" names nobody yet.
                if index + 1 < run.upperBound, Lexicon.organizationHeads.contains(tokens[index + 1], in: text) {
                    if restStart == nil { restStart = index }
                    index += 1
                    continue
                }
                flush(index)
                index += 1
                continue
            }
            if token.isHyphenated, compoundHasKnownPart(token) {
                flush(index)
                splitCompound(index, into: &found)
                index += 1
                continue
            }
            if restStart == nil { restStart = index }
            if token.possessive {
                index += 1
                flush(index)
                continue
            }
            index += 1
        }
        flush(run.upperBound)
    }

    /// Whether a hyphenated word has a known name or demonym among its parts; if not ("Jean-Michel",
    /// "Kashiwazaki-Kariwa") it is an ordinary word of a name.
    private func compoundHasKnownPart(_ token: Token) -> Bool {
        for part in text.lower(token).split(separator: "-") {
            let word = String(part)
            if gazetteer.demonyms[word] != nil || Lexicon.groupAdjectives.contains(word) { return true }
            if let entry = gazetteer.phrases[word], !entry.caseSensitive || part.count >= 2 { return true }
        }
        return false
    }

    /// "Japan-NATO" names Japan and NATO when every part is known; otherwise a hyphenated word that
    /// contains a known part ("NATO-IP4", "Indo-Pacific") names nothing, and an unknown one is a name.
    private func splitCompound(_ index: Int, into found: inout [Candidate]) {
        let token = tokens[index]
        let parts = text.text(token).split(separator: "-", omittingEmptySubsequences: false)
        var offset = token.start
        var pieces: [(Int, Int, Substring)] = []
        for part in parts {
            let length = part.unicodeScalars.count
            pieces.append((offset, offset + length, part))
            offset += length + 1
        }
        let entries = pieces.map { piece -> GazetteerEntry? in
            var sub = TextScanner.scan(String(piece.2))
            guard sub.tokens.count == 1 else { return nil }
            sub.tokens[0].start = piece.0
            return gazetteer.longestMatch(in: sub, at: 0, limit: 1, allCapsLine: false)?.entry
        }
        if entries.allSatisfy({ $0 != nil }) {
            for (piece, entry) in zip(pieces, entries) {
                found.append(
                    Candidate(
                        start: index, end: index + 1, startOffset: piece.0, endOffset: piece.1, text: String(piece.2),
                        key: piece.2.lowercased(), type: entry!.type, canonical: entry!.name, evidence: .known))
            }
            return
        }
        let anyKnown = entries.contains { $0 != nil } || pieces.contains { gazetteer.demonyms[$0.2.lowercased()] != nil }
        let allCapitalized = pieces.allSatisfy { $0.2.first?.isUppercase ?? false }
        if !anyKnown, allCapitalized {
            found.append(candidate(index..<(index + 1), type: nil, evidence: .weak, initial: false))
        }
    }

    /// Types the words left between titles, known names and demonyms.
    private func classify(_ range: Range<Int>, titled: Bool, initial: Bool, line: Range<Int>, into found: inout [Candidate]) {
        var range = range
        while range.count > 1, Lexicon.stopWords.contains(tokens[range.upperBound - 1], in: text) { range = range.lowerBound..<(range.upperBound - 1) }
        let words = tokens[range]
        let first = words.first!
        let next = range.upperBound < line.upperBound ? tokens[range.upperBound] : nil
        let before = range.lowerBound > line.lowerBound ? tokens[range.lowerBound - 1] : nil
        // Look-ups by token reuse the hash the scanner computed (`Token.hash` is the hash of `lower`).
        let lastToken = words.last!
        let spoke = next.map { Lexicon.reportingVerbs.contains($0, in: text) } ?? false
            || before.map { Lexicon.reportingVerbs.contains($0, in: text) } ?? false

        if Lexicon.eventHeads.contains(lastToken, in: text) { return }
        // "watching TV", "CO2 emissions": an abbreviation of a common noun names no one, even when repeated.
        if words.count == 1, first.shape == .allCaps, Lexicon.commonAcronyms.contains(first, in: text) { return }
        if Lexicon.organizationHeads.contains(lastToken, in: text) || words.contains(where: { text.lower($0, is: "of") || text.lower($0, is: "for") }) {
            if words.count == 1, Lexicon.genericSingles.contains(lastToken, in: text) || titled { return }
            if words.count == 1, initial { return }
            found.append(candidate(range, type: .organization, evidence: .strong, initial: initial))
            return
        }
        // A place's first word opens a name of a few words; a title-cased headline ("Port Kembla Refinery
        // Copper Price") is none.
        if words.count >= 2,
            Lexicon.placeHeads.contains(lastToken, in: text) || (words.count <= 4 && Lexicon.placeFirstWords.contains(first, in: text))
        {
            found.append(candidate(range, type: .location, evidence: .strong, initial: initial))
            return
        }
        if titled {
            let end = min(range.upperBound, range.lowerBound + 4)
            found.append(candidate(range.lowerBound..<end, type: .person, evidence: .strong, initial: initial))
            return
        }
        if words.count >= 2 {
            if words.count > 4 { return }
            if words.contains(where: { $0.shape == .allCaps && !$0.isInitial && text.text($0).count > 1 }) {
                found.append(candidate(range, type: .organization, evidence: .weak, initial: initial))
            } else if Lexicon.directions.contains(first, in: text) {
                found.append(candidate(range, type: .location, evidence: .weak, initial: initial))
            } else {
                let strong = first.isInitial || gazetteer.givenNames.contains(first, in: text) || spoke
                    || gazetteer.surnames.contains(lastToken, in: text)
                if !strong, isPlural(text.lower(lastToken)) { return }
                found.append(candidate(range, type: .person, evidence: strong ? .strong : .weak, initial: initial))
            }
            return
        }
        if first.shape == .allCaps, first.end - first.start >= 2, !first.isInitial,
            !Lexicon.stopWords.contains(first, in: text) || !initial
        {
            found.append(candidate(range, type: .organization, evidence: initial ? .weak : .strong, initial: initial))
            return
        }
        if Lexicon.genericSingles.contains(first, in: text) || Lexicon.titleFirstWords.contains(first, in: text) { return }
        if let before, before.shape == .lower, Lexicon.organizationContext.contains(before, in: text) {
            found.append(candidate(range, type: .organization, evidence: .strong, initial: initial))
        } else if let next, next.shape == .lower, Lexicon.organizationContext.contains(next, in: text) {
            found.append(candidate(range, type: .organization, evidence: .strong, initial: initial))
        } else if spoke {
            if isPlural(text.lower(first)), !gazetteer.surnames.contains(first, in: text) { return }
            found.append(candidate(range, type: .person, evidence: .strong, initial: initial))
        } else if let before, Lexicon.placePrepositions.contains(before, in: text) {
            found.append(candidate(range, type: .location, evidence: .weak, initial: initial))
        } else {
            found.append(candidate(range, type: nil, evidence: .weak, initial: initial))
        }
    }

    /// "Analysts", "Traders": a plural common noun, not a surname.
    private func isPlural(_ word: String) -> Bool {
        word.hasSuffix("s") && !word.hasSuffix("ss") && !word.hasSuffix("us") && !word.hasSuffix("is") && word.count > 3
            && !gazetteer.surnames.contains(word)
    }

    private func candidate(_ range: Range<Int>, type: ActorType?, evidence: Candidate.Evidence, initial: Bool) -> Candidate {
        let single = range.count == 1
        let key = text.joined(range, lower: true)
        var made = Candidate(
            start: range.lowerBound, end: range.upperBound, startOffset: tokens[range.lowerBound].start,
            endOffset: tokens[range.upperBound - 1].end, text: text.joined(range, lower: false), key: key,
            keyHash: single ? tokens[range.lowerBound].hash : text.joinedHash(tokens[range]), type: type, canonical: nil, evidence: evidence,
            sentenceInitial: initial)
        // Name particles ("van", "de") are neither the given name nor the surname.
        if single {
            made.firstWordBytes = 0..<key.utf8.count
            made.lastWordBytes = made.firstWordBytes
            made.firstWordHash = made.keyHash
            made.lastWordHash = made.keyHash
            made.wordCount = 1
        } else {
            // The key is the words' lowercase forms joined by single spaces.
            var first: Int?
            var last = range.lowerBound
            var at = 0
            var wordCount = 0
            for index in range {
                let length = tokens[index].lowerCount
                if tokens[index].shape != .lower {
                    if first == nil {
                        first = index
                        made.firstWordBytes = at..<(at + length)
                    }
                    last = index
                    made.lastWordBytes = at..<(at + length)
                    wordCount += 1
                }
                at += length + 1
            }
            if first == nil {
                made.firstWordBytes = 0..<tokens[range.lowerBound].lowerCount
                made.lastWordBytes = made.firstWordBytes
            }
            made.firstWordHash = tokens[first ?? range.lowerBound].hash
            made.lastWordHash = tokens[first == nil ? range.lowerBound : last].hash
            made.wordCount = wordCount
        }
        return made
    }
}
