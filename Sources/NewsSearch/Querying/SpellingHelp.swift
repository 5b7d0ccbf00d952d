import GRDB
import NewsAnalysis
import NewsQuery

/// "Did you mean": when nothing matches, words of the query that the index has never seen are
/// replaced by the closest words it has (from its FTS5 vocabulary), most frequent first.
struct SpellingHelp {
    let db: Database
    let analyzer: Analyzer

    /// Corrected versions of `text`, best first; empty when every word is known or nothing is close.
    /// Unknown words corrected per query: each costs a scan of part of the vocabulary.
    static let maximumCorrections = 8

    func suggestions(for text: String, query: Query, limit: Int = 3) throws -> [String] {
        var unknown: [(word: String, term: String)] = []
        for clause in query.positiveClauses where unknown.count < Self.maximumCorrections {
            guard case .term(let word, false, _) = clause,
                word.unicodeScalars.count <= SpellingSuggester.maximumWordLength,
                let term = analyzer.tokens(in: word, mode: .query).first?.term
            else { continue }
            let known = try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM documents_vocab WHERE term = ?)", arguments: [term]) ?? false
            if !known { unknown.append((word, term)) }
        }
        guard !unknown.isEmpty else { return [] }
        // Typos rarely hit the first letter: reading only those terms keeps a large vocabulary cheap.
        var vocabulary: [(term: String, documentCount: Int)] = []
        for first in Set(unknown.compactMap { $0.term.unicodeScalars.first }) {
            let low = String(first), high = String(Unicode.Scalar(first.value + 1) ?? first)
            let rows = try Row.fetchAll(
                db, sql: "SELECT term, doc FROM documents_vocab WHERE term >= ? AND term < ?", arguments: [low, high])
            vocabulary += rows.map { ($0[0] as String, $0[1] as Int) }
        }
        let suggester = SpellingSuggester(vocabulary: vocabulary, analyze: SpellingSuggester.analyzed(by: analyzer))
        var corrected = [text]
        for (word, _) in unknown {
            guard let best = suggester.suggestions(for: word, limit: 1).first else { continue }
            corrected = corrected.map { $0.replacingFirstWord(word, with: best) }
        }
        return corrected == [text] ? [] : Array(corrected.prefix(limit))
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
