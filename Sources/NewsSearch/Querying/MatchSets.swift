import GRDB
import NewsQuery

/// The documents an expression matches, asked of FTS5 once per expression and query: counting under
/// `--match auto` and the recency stage both need the all-terms matches.
struct MatchSets {
    /// Indexed by document id, and whether any of them passes the filters.
    struct Matches {
        let set: [Bool]
        let anyPasses: Bool

        /// The set when some match passes the filters; nil when none does.
        var passingSet: [Bool]? { anyPasses ? set : nil }
    }

    let columns: FacetColumns
    let filter: DocumentFilter
    let db: Database
    private var known: [String: Matches] = [:]

    init(columns: FacetColumns, filter: DocumentFilter, db: Database) {
        self.columns = columns
        self.filter = filter
        self.db = db
    }

    mutating func matches(of expression: MatchExpression) throws -> Matches {
        if let found = known[expression.text] { return found }
        let found = try MatchScan.matches(of: expression.text, columns: columns, filter: filter, in: db)
        let matches = Matches(set: found.set, anyPasses: found.anyPasses)
        known[expression.text] = matches
        return matches
    }
}
