import GRDB
import NewsDates

/// What facets and filters read of every document, as arrays indexed by document id: its source, its
/// date and the actors it names. A broad query matches a large share of the index; looking these up row
/// by row in SQLite would cost more than ranking, so the searcher reads them from memory instead (the
/// way column stores keep "fast fields" beside an inverted index).
///
/// The arrays are views into ``ColumnBytes``: the mapped columns file the indexer writes beside the
/// index (``ColumnFile``, ``FacetColumnStore``), or, when that file does not describe the index, a
/// buffer built from the tables. Opening one reads its header only, so a query on a million articles
/// starts as fast as one on a thousand and touches only the pages of the documents it matches.
///
/// Values are read defensively (a damaged file must not make a query read out of bounds): the
/// accessors below clamp them, and `stats --verify` reports the damage.
struct FacetColumns: Sendable {
    let storage: ColumnBytes
    let header: ColumnFile.Header
    /// Source id per document id; -1 where no document has that id.
    let source: Column<Int32>
    /// Index into ``dates`` per document id; -1 for undated articles (and missing ids).
    let dateCode: Column<Int32>
    /// Distinct stored dates (`2025`, `2025-04`, `2025-04-10`), ordered by their first day.
    let dates: TextColumn
    /// The first day (`YYYY-MM-DD`) each entry of ``dates`` covers: what date filters and date sorting compare.
    let firstDays: TextColumn
    /// Per date code, the rank of its first day: dates sharing a first day (`2025-04`, `2025-04-01`) tie.
    let dayRank: Column<Int32>
    /// The non-location actors of document `id` are `actorIDs[actorStart[id]..<actorStart[id + 1]]`
    /// (see ``actors(of:)``).
    let actorStart: Column<UInt32>
    let actorIDs: Column<Int32>
    /// Title and body length in tokens per document, for the rank function (read from FTS5's docsize table).
    let tokenLengths: TokenLengths
    /// The copy clusters; nil for a file written before the columns file held them (``CopyGroupStore``
    /// then reads the table).
    let copies: CopyGroups?

    /// The columns in `storage`, or nil when it is not a whole file of the current layout. Reads the
    /// header and directory only.
    init?(_ storage: ColumnBytes) {
        guard let parsed = ColumnFile.parse(storage.bytes) else { return nil }
        let (header, sections) = parsed
        let ids = header.idLimit
        func column<T: FixedWidthInteger>(_ section: ColumnFile.Section, count: Int? = nil) -> Column<T>? {
            guard let range = sections[section], range.count % MemoryLayout<T>.stride == 0 else { return nil }
            let elements = range.count / MemoryLayout<T>.stride
            if let count, elements != count { return nil }
            return Column(storage, offset: range.lowerBound, count: elements)
        }
        guard ids < Int(Int32.max), let source: Column<Int32> = column(.source, count: ids),
            let dateCode: Column<Int32> = column(.dateCode, count: ids),
            let actorStart: Column<UInt32> = column(.actorStart, count: ids + 1),
            let actorIDs: Column<Int32> = column(.actorIDs),
            let lengths: Column<UInt32> = column(.tokenLengths, count: ids * TokenLengths.columns),
            let dateOffsets: Column<UInt32> = column(.dateOffsets), let dateText: Column<UInt8> = column(.dateText),
            let dayOffsets: Column<UInt32> = column(.firstDayOffsets, count: dateOffsets.count),
            let dayText: Column<UInt8> = column(.firstDayText),
            let dayRank: Column<Int32> = column(.dayRank, count: max(dateOffsets.count - 1, 0))
        else { return nil }
        if let group: Column<Int32> = column(.copyGroup, count: ids), let start: Column<UInt32> = column(.copyGroupStart),
            let members: Column<Int32> = column(.copyMembers)
        {
            copies = CopyGroups(groupOf: group, groupStart: start, memberIDs: members)
        } else {
            copies = nil
        }
        self.storage = storage
        self.header = header
        self.source = source
        self.dateCode = dateCode
        self.actorStart = actorStart
        self.actorIDs = actorIDs
        tokenLengths = TokenLengths(values: lengths)
        dates = TextColumn(offsets: dateOffsets, text: dateText)
        firstDays = TextColumn(offsets: dayOffsets, text: dayText)
        self.dayRank = dayRank
    }

    var stamp: ColumnFile.Stamp { header.stamp }
    /// `meta.generation` when these were built: every committed change to documents increments it.
    var generation: Int64 { header.stamp.generation }
    /// One past the largest document id.
    var idLimit: Int { header.idLimit }
    var documentCount: Int { header.documentCount }
    /// One past the largest source id and actor id: the sizes of per-query count arrays.
    var sourceLimit: Int { header.sourceLimit }
    var actorLimit: Int { header.actorLimit }

    /// Whether `id` is a document; its ``source`` is then a valid source id.
    @inline(__always)
    func contains(_ id: Int64) -> Bool {
        id >= 0 && id < idLimit && UInt32(bitPattern: source[Int(id)]) < UInt32(truncatingIfNeeded: sourceLimit)
    }

    /// The date code of document `id`, -1 when undated.
    @inline(__always)
    func date(of id: Int) -> Int {
        let code = Int(dateCode[id])
        return code < dayRank.count ? code : -1
    }

    /// Where the actors of document `id` lie in ``actorIDs``.
    @inline(__always)
    func actors(of id: Int) -> Range<Int> {
        let start = min(Int(actorStart[id]), actorIDs.count)
        return start..<min(max(Int(actorStart[id + 1]), start), actorIDs.count)
    }

    /// Reads the columns from the tables: one pass over the `documents_facets` index (not the articles'
    /// text), one over the actor links, one over FTS5's document sizes and one over the copy clusters
    /// (left out with `copies: false`, to compare with a file written before they were kept).
    static func build(in db: Database, stamp: ColumnFile.Stamp, copies: Bool = true) throws -> FacetColumns {
        let maxID = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM documents") ?? 0
        let limit = Int(maxID) + 1
        var source = [Int32](repeating: -1, count: limit)
        var rawDate = [Int32](repeating: -1, count: limit)
        var dateIndex: [String: Int32] = [:]
        var distinct: [(date: String, firstDay: String)] = []
        var documentCount = 0
        let rows = try Row.fetchCursor(db, sql: "SELECT id, source_id, date FROM documents INDEXED BY documents_facets")
        while let row = try rows.next() {
            let id = Int(row[0] as Int64)
            source[id] = Int32(truncatingIfNeeded: row[1] as Int64)
            documentCount += 1
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
        let firstDays = order.map { distinct[$0].firstDay }
        var dayRank: [Int32] = []
        for (index, day) in firstDays.enumerated() {
            dayRank.append(index == 0 ? 0 : dayRank[index - 1] + (day == firstDays[index - 1] ? 0 : 1))
        }

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

        let dates = TextColumn.encode(order.map { distinct[$0].date })
        let days = TextColumn.encode(firstDays)
        let header = ColumnFile.Header(
            stamp: stamp, idLimit: limit, documentCount: documentCount, sourceLimit: Int(source.max() ?? 0) + 1,
            actorLimit: Int(actorIDs.max() ?? 0) + 1)
        var sections: [(ColumnFile.Section, [UInt8])] = [
            (.source, ColumnFile.bytes(source)), (.dateCode, ColumnFile.bytes(dateCode)),
            (.actorStart, ColumnFile.bytes(actorStart)), (.actorIDs, ColumnFile.bytes(actorIDs)),
            (.tokenLengths, ColumnFile.bytes(try TokenLengths.read(in: db, limit: limit))),
            (.dayRank, ColumnFile.bytes(dayRank)),
            (.dateOffsets, ColumnFile.bytes(dates.offsets)), (.dateText, dates.text),
            (.firstDayOffsets, ColumnFile.bytes(days.offsets)), (.firstDayText, days.text),
        ]
        if copies {
            let clusters = try CopyGroups.read(in: db, limit: limit)
            sections += [
                (.copyGroup, ColumnFile.bytes(clusters.groupOf)), (.copyGroupStart, ColumnFile.bytes(clusters.groupStart)),
                (.copyMembers, ColumnFile.bytes(clusters.memberIDs)),
            ]
        }
        let bytes = ColumnFile.encode(header, sections: sections)
        // Built here from the same bytes the file holds, so this never fails.
        return FacetColumns(ColumnBytes(copying: bytes))!
    }
}
