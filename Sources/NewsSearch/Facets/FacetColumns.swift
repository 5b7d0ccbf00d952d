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
    /// The actors but locations of document `id` are `actorIDs[actorStart[id]..<actorStart[id + 1]]`
    /// (see ``actors(of:)``).
    let actorStart: Column<UInt32>
    let actorIDs: Column<Int32>
    /// The locations of document `id`, laid out as its actors are (see ``locations(of:)``): kept apart
    /// because the actors facet does not count them, but a location filter must not read every row of
    /// the links table (132 ms against 28 ms for a country at 200,000 articles).
    let locationStart: Column<UInt32>
    let locationIDs: Column<Int32>
    /// Title and body length in tokens per document, for the rank function (read from FTS5's docsize table).
    let tokenLengths: TokenLengths
    /// The copy clusters; nil for a file written before the columns file held them (``CopyGroupStore``
    /// then reads the table).
    let copies: CopyGroups?
    /// The ``dates`` parsed and labelled as histograms need them, kept with these columns.
    let dateLabels: DateLabels
    /// The phrase counts the rank function has made in the state of the index these columns describe.
    let documentFrequencies = DocumentFrequencies()

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
            let locationStart: Column<UInt32> = column(.locationStart, count: ids + 1),
            let locationIDs: Column<Int32> = column(.locationIDs),
            let lengths: Column<UInt32> = column(.tokenLengths, count: ids * TokenLengths.columns),
            let dateOffsets: Column<UInt32> = column(.dateOffsets), let dateText: Column<UInt8> = column(.dateText),
            let dayOffsets: Column<UInt32> = column(.firstDayOffsets, count: dateOffsets.count),
            let dayText: Column<UInt8> = column(.firstDayText),
            let dayRank: Column<Int32> = column(.dayRank, count: max(dateOffsets.count - 1, 0))
        else { return nil }
        if let group: Column<Int32> = column(.copyGroup, count: ids), let start: Column<UInt32> = column(.copyGroupStart),
            let members: Column<Int32> = column(.copyMembers)
        {
            var names: TextColumn?
            if let offsets: Column<UInt32> = column(.copyMemberIDOffsets, count: members.count + 1),
                let text: Column<UInt8> = column(.copyMemberIDText)
            {
                names = TextColumn(offsets: offsets, text: text)
            }
            copies = CopyGroups(groupOf: group, groupStart: start, memberIDs: members, externalIDs: names)
        } else {
            copies = nil
        }
        self.storage = storage
        self.header = header
        self.source = source
        self.dateCode = dateCode
        self.actorStart = actorStart
        self.actorIDs = actorIDs
        self.locationStart = locationStart
        self.locationIDs = locationIDs
        tokenLengths = TokenLengths(values: lengths)
        dates = TextColumn(offsets: dateOffsets, text: dateText)
        firstDays = TextColumn(offsets: dayOffsets, text: dayText)
        self.dayRank = dayRank
        dateLabels = DateLabels(count: dates.count)
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

    /// Starts loading, without waiting, what the pass over the matches reads of document `id`: its
    /// source, date, where its actors lie, its lengths and its cluster. A broad word's matches are a
    /// few rows apart, each at a new cache line of every column; asked for when the pass first sees
    /// the row, they arrive while `newsrank` ranks it (``HitAdmission``).
    @inline(__always)
    func prefetch(_ id: Int) {
        guard id >= 0, id < idLimit else { return }
        source.prefetch(id)
        dateCode.prefetch(id)
        actorStart.prefetch(id)
        actorStart.prefetch(id + 1)
        tokenLengths.values.prefetch(id * TokenLengths.columns)
        copies?.prefetch(id)
    }

    /// Where the locations of document `id` lie in ``locationIDs``.
    @inline(__always)
    func locations(of id: Int) -> Range<Int> {
        let start = min(Int(locationStart[id]), locationIDs.count)
        return start..<min(max(Int(locationStart[id + 1]), start), locationIDs.count)
    }

    /// Calls `body` with (document, actor) for every link to one of `actors` (facet actors) or
    /// `locations`, in document order: the look-up from actors to their articles that filters and
    /// `actors --with` make. A list that is not asked for is not read.
    func forEachLink(to actors: Set<Int64>, locations: Set<Int64>, _ body: (Int, Int) -> Void) {
        func flags(_ ids: Set<Int64>) -> [Bool] {
            var wanted = [Bool](repeating: false, count: Int(ids.max() ?? -1) + 1)
            for id in ids where id >= 0 { wanted[Int(id)] = true }
            return wanted
        }
        let wantedActors = flags(actors), wantedLocations = flags(locations)
        for id in 0..<idLimit {
            if !wantedActors.isEmpty {
                for index in self.actors(of: id) {
                    let actor = Int(actorIDs[index])
                    if actor >= 0 && actor < wantedActors.count && wantedActors[actor] { body(id, actor) }
                }
            }
            if !wantedLocations.isEmpty {
                for index in self.locations(of: id) {
                    let actor = Int(locationIDs[index])
                    if actor >= 0 && actor < wantedLocations.count && wantedLocations[actor] { body(id, actor) }
                }
            }
        }
    }

    /// ``forEachLink(to:locations:_:)`` collected.
    func links(to actors: Set<Int64>, locations: Set<Int64>) -> [(document: Int64, actor: Int64)] {
        var found: [(document: Int64, actor: Int64)] = []
        forEachLink(to: actors, locations: locations) { found.append((Int64($0), Int64($1))) }
        return found
    }

    /// Reads the columns from the tables: one pass over the `documents_facets` index (not the articles'
    /// text), one over the actor links, one over FTS5's document sizes and one over the copy clusters
    /// (left out with `copies: false`, and their external ids with `copyIDs: false`, to compare with a
    /// file written before they were kept).
    static func build(in db: Database, stamp: ColumnFile.Stamp, copies: Bool = true, copyIDs: Bool = true) throws -> FacetColumns {
        let maxID = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM documents") ?? 0
        let limit = Int(maxID) + 1
        var arrays = ColumnArrays(limit: limit)
        let rows = try Row.fetchCursor(db, sql: "SELECT id, source_id, date FROM documents INDEXED BY documents_facets")
        while let row = try rows.next() {
            arrays.set(Int(row[0] as Int64), source: row[1], date: row[2])
        }
        let kinds = try ColumnArrays.actorKinds(in: db)
        var current = 0
        try ActorLinks.forEachDocument(in: db) { documentID, links in
            let id = Int(documentID)
            guard id < limit else { return }
            while current < id { current += 1; arrays.startActors(of: current) }
            arrays.appendActors(of: links, kinds: kinds)
        }
        while current < limit { current += 1; arrays.startActors(of: current) }
        arrays.lengths = try TokenLengths.read(in: db, limit: limit)
        var groups = copies ? try CopyGroups.read(in: db, limit: limit) : nil
        if !copyIDs { groups?.externalIDs = nil }
        return arrays.columns(stamp: stamp, copies: groups)
    }
}
