import GRDB
import NewsIngest

/// What facets and filters read of every document, as arrays indexed by document id: its source, its
/// date and the actors it names. A broad query matches a large share of the index; looking these up row
/// by row in SQLite would cost more than ranking, so the searcher reads them from memory instead (the
/// way column stores keep "fast fields" beside an inverted index).
///
/// The indexer saves them in `facet_columns` at the end of each run that changed documents
/// (``FacetColumnStore``); a reader whose saved copy is older than the index builds them from the tables.
struct FacetColumns: Sendable {
    /// `meta.generation` when these were read: every committed change to documents increments it.
    var generation: Int64
    /// Source id per document id; -1 where no document has that id.
    var source: [Int32]
    /// Index into ``dates`` per document id; -1 for undated articles (and missing ids).
    var dateCode: [Int32]
    /// Distinct stored dates (`2025`, `2025-04`, `2025-04-10`), ordered by their first day.
    var dates: [String]
    /// The first day (`YYYY-MM-DD`) each entry of ``dates`` covers: what date filters and date sorting compare.
    var firstDays: [String]
    /// The non-location actors of document `id` are `actorIDs[actorStart[id]..<actorStart[id + 1]]`.
    var actorStart: [UInt32]
    var actorIDs: [Int32]
    /// Title and body length in tokens per document, for the rank function (read from FTS5's docsize table).
    var tokenLengths: TokenLengths
    /// One past the largest source id and actor id: the sizes of per-query count arrays.
    let sourceLimit: Int
    let actorLimit: Int
    /// Per date code, the rank of its first day: dates sharing a first day (`2025-04`, `2025-04-01`) tie.
    let dayRank: [Int32]

    init(
        generation: Int64, source: [Int32], dateCode: [Int32], dates: [String], firstDays: [String],
        actorStart: [UInt32], actorIDs: [Int32], tokenLengths: TokenLengths
    ) {
        self.generation = generation
        self.source = source
        self.dateCode = dateCode
        self.dates = dates
        self.firstDays = firstDays
        self.actorStart = actorStart
        self.actorIDs = actorIDs
        self.tokenLengths = tokenLengths
        sourceLimit = Int(source.max() ?? 0) + 1
        actorLimit = Int(actorIDs.max() ?? 0) + 1
        var rank: [Int32] = []
        for (index, day) in firstDays.enumerated() {
            rank.append(index == 0 ? 0 : rank[index - 1] + (day == firstDays[index - 1] ? 0 : 1))
        }
        dayRank = rank
    }

    var idLimit: Int { source.count }

    func contains(_ id: Int64) -> Bool { id >= 0 && id < source.count && source[Int(id)] >= 0 }

    /// Reads the columns from the tables: one pass over the `documents_facets` index (not the articles'
    /// text), one over the actor links and one over FTS5's document sizes.
    static func build(in db: Database, generation: Int64) throws -> FacetColumns {
        let maxID = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM documents") ?? 0
        let limit = Int(maxID) + 1
        var source = [Int32](repeating: -1, count: limit)
        var rawDate = [Int32](repeating: -1, count: limit)
        var dateIndex: [String: Int32] = [:]
        var distinct: [(date: String, firstDay: String)] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT id, source_id, date FROM documents INDEXED BY documents_facets")
        while let row = try rows.next() {
            let id = Int(row[0] as Int64)
            source[id] = Int32(truncatingIfNeeded: row[1] as Int64)
            guard let date: String = row[2] else { continue }
            if let code = dateIndex[date] {
                rawDate[id] = code
            } else if let firstDay = ArticleDate(parsing: date)?.firstDay {
                let code = Int32(distinct.count)
                dateIndex[date] = code
                distinct.append((date, firstDay))
                rawDate[id] = code
            }
        }
        // Codes in first-day order, so comparing codes compares dates.
        let order = distinct.indices.sorted { (distinct[$0].firstDay, distinct[$0].date) < (distinct[$1].firstDay, distinct[$1].date) }
        var recode = [Int32](repeating: -1, count: distinct.count)
        for (new, old) in order.enumerated() { recode[old] = Int32(new) }
        let dateCode = rawDate.map { $0 < 0 ? -1 : recode[Int($0)] }

        var actorStart = [UInt32](repeating: 0, count: limit + 1)
        var actorIDs: [Int32] = []
        let links = try Row.fetchCursor(
            db,
            sql: """
                SELECT da.document_id, da.actor_id FROM document_actors da JOIN actors a ON a.id = da.actor_id
                WHERE a.type != 'location' ORDER BY da.document_id
                """)
        var current = 0
        while let link = try links.next() {
            let id = Int(link[0] as Int64)
            guard id < limit else { continue }
            while current < id { current += 1; actorStart[current] = UInt32(actorIDs.count) }
            actorIDs.append(Int32(truncatingIfNeeded: link[1] as Int64))
        }
        while current < limit { current += 1; actorStart[current] = UInt32(actorIDs.count) }
        return FacetColumns(
            generation: generation, source: source, dateCode: dateCode, dates: order.map { distinct[$0].date },
            firstDays: order.map { distinct[$0].firstDay }, actorStart: actorStart, actorIDs: actorIDs,
            tokenLengths: try TokenLengths.build(in: db, limit: limit))
    }
}
