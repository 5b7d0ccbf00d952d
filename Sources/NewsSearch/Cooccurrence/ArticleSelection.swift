import GRDB
import NewsQuery

/// The articles of an ``ArticleScope`` as a set of document ids: the same articles a search counts in
/// its `total`, found without ranking any of them (one FTS5 match list per expression, filters from
/// ``FacetColumns``).
struct ArticleSelection {
    /// Indexed by document id.
    let contains: [Bool]
    let count: Int
    /// Whether the text's words are all in each article (`all`), or only some because none has them all.
    let counted: SearchResults.Counted
    /// The parser's and the filters' notes, as a search gives them.
    let warnings: [String]

    init(_ plan: QueryPlan, columns: FacetColumns, in db: Database) throws {
        var warnings = plan.warnings
        let resolved = try FilterResolver(db: db).resolve(plan.filters, warnings: &warnings)
        warnings += plan.notes
        let filter = DocumentFilter(resolved, columns: columns)
        var sets = MatchSets(columns: columns, filter: filter, db: db)
        // The scope of the words before filters; nil: every article. It follows ``QueryExecutor``:
        // under `--match auto` the all-terms matches when one of them passes the filters, else the rest.
        var scope: [Bool]?
        var counted = SearchResults.Counted.all
        switch plan.source {
        case .everything:
            scope = nil
        case .allExcept(let exclusion):
            scope = try sets.matches(of: exclusion).set.map { !$0 }
        case .ranked(let ranked):
            switch plan.counting {
            case .visited(let label):
                counted = label
                scope = try sets.matches(of: ranked).set
            case .allTermsWhenAny(let all):
                let matches = try sets.matches(of: all)
                if matches.anyPasses {
                    scope = matches.set
                } else {
                    counted = .any
                    scope = try sets.matches(of: ranked).set
                }
            }
        }
        var contains = [Bool](repeating: false, count: columns.idLimit)
        var count = 0
        for id in 0..<columns.idLimit where columns.source[id] >= 0 {
            if let scope, id >= scope.count || !scope[id] { continue }
            guard filter.passes(id) == .all else { continue }
            contains[id] = true
            count += 1
        }
        self.contains = contains
        self.count = count
        self.counted = counted
        self.warnings = warnings
    }
}
