import GRDB
import NewsQuery

/// The explanation of each hit of a page, asked of FTS5 for those documents only, after ranking: the
/// pass itself never builds one, so `--explain` costs nothing when not asked for.
struct HitExplainer {
    let db: Database
    /// The call the pass ranked with (feedback included).
    let call: RankCall
    let lengths: TokenLengths
    /// `--recency` in relevance order: the factor each score was multiplied by.
    let recency: RecencyBoost?

    static let sql = """
        SELECT rowid, \(FTS5RankFunction.explainName)(documents_fts, :input, :lengths, :sink) FROM documents_fts
        WHERE documents_fts MATCH :expression AND rowid IN (SELECT value FROM json_each(:ids))
        """

    func explain(_ ids: [Int64]) throws -> [Int64: Explanation] {
        guard !ids.isEmpty else { return [:] }
        let sink = ExplanationSink()
        let statement = try db.makeStatement(sql: Self.sql)
        try statement.setArguments([
            "input": nil, "lengths": nil, "sink": nil, "expression": call.expression.text, "ids": IDList.json(ids),
        ])
        call.bindInputs(statement, lengths: lengths)
        call.bind(statement, ":sink", sink, ExplanationSink.pointerType)
        try withExtendedLifetime((call, lengths, sink)) { try statement.execute() }
        var explanations: [Int64: Explanation] = [:]
        for (id, row) in sink.rows {
            let relevance = row.model.explain(row.statistics, phraseTexts: call.input.texts)
            explanations[id] = recency.map { $0.explain(relevance, id: Int(id)) } ?? relevance
        }
        return explanations
    }

    /// A hit with no words to rank (a query of filters or exclusions only).
    static let unranked = Explanation(0, "no query words to rank by: articles in date order")
}
