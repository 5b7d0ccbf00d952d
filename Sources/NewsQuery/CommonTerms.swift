import NewsAnalysis

/// The common-terms treatment of a query of several clauses (after Lucene's common-terms query): a
/// clause that is one plain word found in more than 1 / ``share`` of the articles does not select
/// candidates, but still scores the candidates the other clauses select. FTS5 cannot be told that a
/// phrase is optional, so a question's `the` (in 199,230 of 200,000 realistic articles) made every
/// pass walk nearly every article; ANDed with the selecting clauses, the common phrases are only
/// sought at the candidates' rows, where the rank function still sees their hits.
///
/// A third: a word in more than a third of the articles has a BM25 IDF under ln 3 ≈ 1.1, a quarter of
/// that of a word in one article of a hundred, so an article holding only such words of a question
/// that also asks for a rarer one is not a match worth showing or counting. The cut-off is kept that
/// high so that a topic word of a corpus about that topic (`bank` in financial news) mostly stays a
/// selecting word.
///
/// ```swift
/// // 200,000 articles: `the` in 199,230, `central` in 24,111, `bank` in 86,457
/// CommonTerms(query("the central bank"), documentCount: 200_000) { frequencies[$0] }
/// //   selecting [1], common [0, 2]
/// ```
public struct CommonTerms: Sendable, Equatable {
    /// A word in more than `documentCount / share` articles is common.
    public static let share = 3

    /// Indexes into ``Query/positiveClauses`` of the clauses that select candidates.
    public let selecting: [Int]
    /// Indexes of the common clauses: they only score.
    public let common: [Int]
    /// The common clauses as typed, for the results' note.
    public let commonWords: [String]

    /// Nil when the treatment does not apply: one clause, or no common clause, or nothing but common
    /// clauses (a question of function words runs as it always has). `documentFrequency` gives the
    /// articles an analysed term is in (nil: unknown, not common).
    public init?(
        _ query: Query, documentCount: Int, analyzer: Analyzer = Analyzer(), documentFrequency: (String) throws -> Int?
    ) rethrows {
        let clauses = query.positiveClauses
        guard clauses.count > 1 else { return nil }
        var selecting: [Int] = []
        var common: [Int] = []
        var words: [String] = []
        for (index, clause) in clauses.enumerated() {
            if let word = Self.plainWord(clause, analyzer),
                let frequency = try documentFrequency(word.term), frequency * Self.share > documentCount
            {
                common.append(index)
                words.append(word.text)
            } else {
                selecting.append(index)
            }
        }
        guard !common.isEmpty, !selecting.isEmpty else { return nil }
        self.selecting = selecting
        self.common = common
        commonWords = words
    }

    /// The word and its one term, when the clause is a bare word (one with synonyms matches at least
    /// the documents the word does, so the word's frequency is a floor of the clause's).
    private static func plainWord(_ clause: QueryNode, _ analyzer: Analyzer) -> (text: String, term: String)? {
        guard case .term(let text, false, nil) = clause else { return nil }
        let tokens = analyzer.tokens(in: text, mode: .query).filter { !$0.isColocated }
        return tokens.count == 1 ? (text, tokens[0].term) : nil
    }

    /// The note for results whose `total` counts only the selected candidates.
    public var note: String {
        "common words (\(commonWords.joined(separator: ", "))) only scored: articles with none of the other words are not counted"
    }
}
