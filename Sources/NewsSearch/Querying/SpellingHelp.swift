import GRDB
import NewsAnalysis
import NewsQuery

/// "Did you mean": when nothing matches, words of the query that the index has never seen are
/// replaced by the closest words it has (from its FTS5 vocabulary), most frequent first.
struct SpellingHelp {
    let db: Database
    let analyzer: Analyzer

    /// Corrected versions of `text`, best first; empty when every word is known or nothing is close.
    /// Unknown words corrected per query: each costs a few hundred vocabulary probes, and a scan of
    /// part of the vocabulary when no single edit fixes it.
    static let maximumCorrections = 8

    func suggestions(for text: String, query: Query, limit: Int = 3) throws -> [String] {
        // Probed term by term: a look-up seeks the term in each segment and counts one doclist.
        let probe = try db.makeStatement(sql: "SELECT doc FROM documents_vocab WHERE term = ?")
        let analyze = SpellingSuggester.analyzed(by: analyzer)
        var unknown: [(word: String, term: String)] = []
        for clause in query.positiveClauses where unknown.count < Self.maximumCorrections {
            guard case .term(let word, false, _) = clause,
                word.unicodeScalars.count <= SpellingSuggester.maximumWordLength,
                let term = analyze(word)
            else { continue }
            if try Int.fetchOne(probe, arguments: [term]) == nil { unknown.append((word, term)) }
        }
        guard !unknown.isEmpty else { return [] }
        // Typos rarely hit the first letter: only terms that start like an unknown word's are suggested.
        let letters = Set(unknown.compactMap { $0.term.unicodeScalars.first })
        let prober = SpellingSuggester(vocabulary: [], analyze: analyze)
        var letterVocabulary: SpellingSuggester?
        var corrected = [text]
        for (word, _) in unknown {
            // The first pass probes its few hundred candidate terms; listing a letter's terms with their
            // counts walks all their doclists (60-86 ms at 200,000 articles), so only the second pass,
            // for a word no single edit fixes, pays for it.
            var best = try prober.readableSuggestions(for: word, documentCount: { term in
                guard let first = term.unicodeScalars.first, letters.contains(first) else { return nil }
                return try Int.fetchOne(probe, arguments: [term])
            }).first
            if best == nil {
                if letterVocabulary == nil {
                    letterVocabulary = SpellingSuggester(vocabulary: try vocabulary(startingWith: letters), analyze: analyze)
                }
                best = letterVocabulary?.suggestions(for: word, limit: 1).first
            }
            guard let best else { continue }
            corrected = corrected.map { $0.replacingFirstWord(word, with: best) }
        }
        return corrected == [text] ? [] : Array(corrected.prefix(limit))
    }

    /// Every indexed term that starts with one of `letters`, with its document count.
    private func vocabulary(startingWith letters: Set<Unicode.Scalar>) throws -> [(term: String, documentCount: Int)] {
        var vocabulary: [(term: String, documentCount: Int)] = []
        for first in letters {
            let low = String(first), high = String(Unicode.Scalar(first.value + 1) ?? first)
            let rows = try Row.fetchAll(
                db, sql: "SELECT term, doc FROM documents_vocab WHERE term >= ? AND term < ?", arguments: [low, high])
            vocabulary += rows.map { ($0[0] as String, $0[1] as Int) }
        }
        return vocabulary
    }
}

extension String {
    /// Replaces the first whole-word occurrence of `word`, keeping the rest of the query as typed.
    fileprivate func replacingFirstWord(_ word: String, with replacement: String) -> String {
        var words = split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        if let index = words.firstIndex(where: { $0.lowercased() == word.lowercased() }) {
            words[index] = replacement
        }
        return words.joined(separator: " ")
    }
}
