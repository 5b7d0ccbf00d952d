/// Results tables: the rows of scores sports pages are full of, where a place is a team.
extension RuleTagger {
    /// A line of results: more numbers than a sentence carries ("Kelso 3 Brora 1").
    static func isResultsTable(_ line: ArraySlice<Token>) -> Bool {
        var words = 0
        var numbers = 0
        for token in line {
            if token.isScore { numbers += 1 } else if token.kind == .word { words += 1 }
        }
        return numbers > 0 && numbers * 4 >= words
    }

    /// In a results table a place or an unknown name followed by a score is a team (the line's
    /// candidates are `found[first...]`).
    func markTeams(_ found: inout [Candidate], from first: Int, line: Range<Int>) {
        for index in first..<found.endIndex {
            let candidate = found[index]
            guard candidate.end < line.upperBound, tokens[candidate.end].isScore else { continue }
            let first = tokens[candidate.start]
            let isTeam: Bool
            switch candidate.type {
            case .location: isTeam = true
            case .organization: isTeam = true
            case nil: isTeam = true
            case .person: isTeam = candidate.evidence == .weak && candidate.start + 1 == candidate.end && !first.isInitial
            case .country: isTeam = false
            }
            if isTeam, first.end - first.start >= 2, !Lexicon.stopWords.contains(first, in: text) {
                found[index].type = .organization
                found[index].canonical = nil
                found[index].evidence = .strong
                found[index].team = true
            }
        }
    }
}
