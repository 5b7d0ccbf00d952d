import GRDB
import GRDBSQLite
import NewsAnalysis
import NewsQuery

/// Relevance feedback (``RelevanceFeedback``) run against the index: a first ranked pass over the
/// query's matches that pass the filters, the best documents re-read from the documents table and re-analysed (the FTS5
/// table has external content and keeps no term vectors), and the query extended with the terms
/// they suggest. The query's function words weigh ``RelevanceFeedback/functionWordWeight`` in both passes.
struct QueryExpansion {
    /// The expression to rank with: the original one plus the expansion terms.
    let expression: MatchExpression
    /// The documents the original expression matches, indexed by id: the expanded one also matches
    /// documents with only expansion terms, which are neither hits nor counted.
    let originalMatches: [Bool]

    /// Nil when feedback does not apply (a short query), the first pass suggests nothing, or no match
    /// passes `filter` (then the plain pass alone tells which filter emptied the results).
    static func make(
        query: Query, expression: MatchExpression, feedback: RelevanceFeedback, columns: FacetColumns,
        filter: DocumentFilter, analyzer: Analyzer, parallelism: (parts: Int, threshold: Int), boundsRows: Bool,
        store: IndexStore, in db: Database
    ) throws -> QueryExpansion? {
        let clauses = query.positiveClauses
        guard feedback.applies(toClauses: clauses.count) else { return nil }
        // A clause that is one plain word can be reweighted: down if it is a function word, up if the
        // feedback favours it.
        var clauseOfTerm: [String: Int] = [:]
        for (index, clause) in clauses.enumerated() {
            guard case .term(let text, false, nil) = clause else { continue }
            let tokens = analyzer.tokens(in: text, mode: .query).filter { !$0.isColocated }
            if tokens.count == 1 { clauseOfTerm[tokens[0].term] = index }
        }
        var clauseWeights: [Int: Double] = [:]
        for (term, clause) in clauseOfTerm where RelevanceFeedback.stopTerms.contains(term) {
            clauseWeights[clause] = feedback.functionWordWeight
        }
        let firstPass = expression.expanded(with: [], clauseWeights: clauseWeights)

        // The first pass is an ordinary ranked pass (document lengths from memory, only documents that
        // pass the filters ranked), keeping the best few: the feedback comes from what the user is
        // looking at.
        var first = MatchScan(columns: columns, filter: filter, facets: [], hits: feedback.documents)
        first.recordingMatches()
        first.boundsRows = boundsRows
        try first.run(
            RankCall(firstPass),
            parts: parallelism.parts, threshold: parallelism.threshold, store: store, in: db)
        let best = first.top.sorted()
        guard first.total > 0, !best.isEmpty else { return nil }
        // The first pass ranks the same matches as `expression` (only the weights differ).
        guard let matches = first.matchSet else { return nil }

        var surface: [String: String] = [:]
        var termsOf: [Int64: [String]] = [:]
        let texts = try Row.fetchAll(
            db, sql: "SELECT id, title, body FROM documents WHERE id IN (SELECT value FROM json_each(?))",
            arguments: [IDList.json(best.map(\.id))])
        for row in texts {
            let text = (row[1] as String) + "\n" + (row[2] as String)
            let bytes = Array(text.utf8)
            var terms: [String] = []
            for token in analyzer.tokens(in: text, mode: .document) where !token.isColocated {
                terms.append(token.term)
                if surface[token.term] == nil {
                    surface[token.term] = String(decoding: bytes[token.byteRange], as: UTF8.self)
                }
            }
            termsOf[row[0]] = terms
        }
        let ranked = best.compactMap { entry in termsOf[entry.id].map { RelevanceFeedback.Document(score: entry.key, terms: $0) } }

        var added: [(text: String, weight: Double)] = []
        let documentCount = Double(max(columns.documentCount, 1))
        let share = { (term: String) throws -> Double? in
            try columns.documentFrequencies.documents(withTerm: term) {
                try Int.fetchOne(db, sql: "SELECT doc FROM documents_vocab WHERE term = ?", arguments: [term])
            }.map { Double($0) / documentCount }
        }
        for (term, weight) in try feedback.expansion(of: ranked, queryTermCount: clauses.count, documentShare: share) {
            if let clause = clauseOfTerm[term] {
                clauseWeights[clause, default: 1] += weight
            } else if let word = surface[term], Self.analyzesTo(term, word, analyzer) {
                added.append((word, weight))
            }
        }
        guard !added.isEmpty || !clauseWeights.isEmpty else { return nil }
        return QueryExpansion(expression: expression.expanded(with: added, clauseWeights: clauseWeights), originalMatches: matches)
    }

    /// FTS5 re-analyses the query text, so an added word must come back as exactly its term (and as one
    /// phrase, which keeps the phrase numbers the rank function is told about).
    static func analyzesTo(_ term: String, _ word: String, _ analyzer: Analyzer) -> Bool {
        let tokens = analyzer.tokens(in: word, mode: .query)
        return tokens.count == 1 && tokens[0].term == term
    }
}
