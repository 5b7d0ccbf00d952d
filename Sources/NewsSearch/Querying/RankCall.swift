import GRDB
import GRDBSQLite
import NewsQuery

/// One ranked pass's statement: the SQL, its named parameters, and their bindings. The rank function's
/// inputs travel as typed pointers (``RankInput``, ``TokenLengths``, ``HitAdmission``), so no parameter
/// is known by its position and none is text to parse.
package struct RankCall: Sendable {
    let expression: MatchExpression
    let input: RankInput
    /// What the statement matches: the expression's text, or a restriction of it whose extra phrases
    /// are not scored (``MatchExpression/restricted(within:excluding:)``).
    let matchText: String

    package init(_ expression: MatchExpression, parameters: RankingParameters = .default) {
        self.init(expression, matching: expression.text, parameters: parameters)
    }

    init(_ expression: MatchExpression, matching text: String, parameters: RankingParameters = .default) {
        self.expression = expression
        input = RankInput(expression, parameters: parameters)
        matchText = text
    }

    /// `newsrank` over the current FTS5 row, given the query and the document lengths.
    static let rank = "\(FTS5RankFunction.name)(documents_fts, :input, :lengths)"

    /// Every match in an id range, each visited by `newsvisit` where FTS5 hands it over: admitted,
    /// ranked when it may be a hit, and counted into the pass (``MatchVisitor``). `newsvisit` answers
    /// NULL, so no row is selected: a match costs no result row, no step out of the statement and no
    /// column reads. (Inside an aggregate, `count(newsvisit(…))`, the call fails: "unable to use function in the
    /// requested context".)
    static let passSQL = """
        SELECT 1 FROM documents_fts WHERE documents_fts MATCH :expression AND rowid >= :low AND rowid < :high
            AND \(FTS5RankFunction.visitName)(documents_fts, :input, :lengths, :admission, :frequencies, :visitor)
        """

    /// Prepares ``passSQL`` for the ids `ids`; `lengths`, `admission`, `frequencies` (the counts kept
    /// for the state of the index the statement reads) and `visitor` must outlive the statement's steps.
    func passStatement(
        ids: Range<Int>, lengths: TokenLengths, admission: HitAdmission, frequencies: DocumentFrequencies,
        visitor: MatchVisitor, in db: Database
    ) throws -> Statement {
        let statement = try db.makeStatement(sql: Self.passSQL)
        try statement.setArguments([
            "expression": matchText, "low": ids.lowerBound, "high": ids.upperBound,
            "admission": nil, "input": nil, "lengths": nil, "frequencies": nil, "visitor": nil,
        ])
        bind(statement, ":admission", admission, HitAdmission.pointerType)
        bind(statement, ":frequencies", frequencies, DocumentFrequencies.pointerType)
        bind(statement, ":visitor", visitor, MatchVisitor.pointerType)
        bindInputs(statement, lengths: lengths)
        return statement
    }

    /// Binds `:input` and, when given, `:lengths` of a statement that calls ``rank``. The objects must
    /// outlive the statement's steps.
    func bindInputs(_ statement: Statement, lengths: TokenLengths?) {
        bindInput(statement)
        if let lengths { bind(statement, ":lengths", lengths, FTS5RankFunction.lengthsPointerType) }
    }

    /// Binds `:input` alone (FTS5 then reads the lengths from its docsize table), for tools that rank
    /// their own table; this call must outlive the statement's steps.
    package func bindInput(_ statement: Statement) {
        bind(statement, ":input", input, RankInput.pointerType)
    }

    func bind(_ statement: Statement, _ name: String, _ object: AnyObject, _ type: UnsafePointer<CChar>) {
        let handle = statement.sqliteStatement
        let index = sqlite3_bind_parameter_index(handle, name)
        precondition(index > 0, "no parameter \(name)")
        sqlite3_bind_pointer(handle, index, Unmanaged.passUnretained(object).toOpaque(), type, nil)
    }
}
