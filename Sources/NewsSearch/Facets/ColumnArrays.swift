import GRDB
import NewsDates

/// The per-document arrays of ``FacetColumns`` as Swift arrays, before their dates are put in order
/// and they are laid out as a file: what ``FacetColumns/build(in:stamp:copies:)`` reads from the
/// tables and ``FacetColumns/forward(to:in:)`` patches, so that both lay out the same bytes.
struct ColumnArrays {
    /// Source id per document id; -1 where no document has that id.
    var source: [Int32]
    /// Index into ``dates`` per document id; -1 for undated articles (and missing ids).
    var date: [Int32]
    /// Date texts with their first day, in no order; may hold texts no document uses any more.
    var dates: [(text: String, firstDay: String)] = []
    private var dateIndex: [String: Int32] = [:]
    var actorStart: [UInt32]
    var actorIDs: [Int32] = []
    var locationStart: [UInt32]
    var locationIDs: [Int32] = []
    var lengths: [UInt32]
    /// Whether a stored date did not parse: the columns then cannot give it back, so hits read their
    /// copies' dates from the table (the file leaves out the copies' external ids).
    var unparsedDates = false

    init(limit: Int) {
        source = [Int32](repeating: -1, count: limit)
        date = [Int32](repeating: -1, count: limit)
        actorStart = [UInt32](repeating: 0, count: limit + 1)
        locationStart = [UInt32](repeating: 0, count: limit + 1)
        lengths = [UInt32](repeating: 0, count: limit * TokenLengths.columns)
    }

    /// Which list of the columns holds an actor's links: the facet actors, or the locations (which the
    /// actors facet does not count, but filters and `actors --with` look up).
    enum ActorKind: UInt8 {
        case unknown, facet, location
    }

    /// The kind of every stored actor, by actor id (``ActorKind/unknown`` for ids no actor has).
    static func actorKinds(in db: Database) throws -> [ActorKind] {
        let rows = try Row.fetchAll(db, sql: "SELECT id, type = 'location' FROM actors WHERE id >= 0")
        var kinds = [ActorKind](repeating: .unknown, count: Int(rows.map { $0[0] as Int64 }.max() ?? 0) + 1)
        for row in rows { kinds[Int(row[0] as Int64)] = (row[1] as Bool) ? .location : .facet }
        return kinds
    }

    /// Marks where the actors and locations of document `id` start.
    mutating func startActors(of id: Int) {
        actorStart[id] = UInt32(actorIDs.count)
        locationStart[id] = UInt32(locationIDs.count)
    }

    /// Appends the actors and locations of one document's packed links (``ActorLinks``): ascending, as stored.
    mutating func appendActors(of links: UnsafeRawBufferPointer, kinds: [ActorKind]) {
        ActorLinks.unpack(links) { link in
            guard link.actor >= 0 && link.actor < Int64(kinds.count) else { return }
            switch kinds[Int(link.actor)] {
            case .facet: actorIDs.append(Int32(truncatingIfNeeded: link.actor))
            case .location: locationIDs.append(Int32(truncatingIfNeeded: link.actor))
            case .unknown: break
            }
        }
    }

    /// Records a document's stored source and date; a date that does not parse counts as none.
    mutating func set(_ id: Int, source sourceID: Int64, date text: String?) {
        source[id] = Int32(truncatingIfNeeded: sourceID)
        if let text {
            date[id] = code(text)
            if date[id] < 0 { unparsedDates = true }
        } else {
            date[id] = -1
        }
    }

    /// The code of a date text, added when new; -1 when it does not parse.
    mutating func code(_ text: String) -> Int32 {
        if let code = dateIndex[text] { return code }
        guard let firstDay = ArticleDate(parsing: text)?.firstDay else { return -1 }
        let code = Int32(dates.count)
        dateIndex[text] = code
        dates.append((text, firstDay))
        return code
    }

    /// The columns, stamped: dates no document uses are dropped and the rest coded in first-day order,
    /// so comparing codes compares dates.
    func columns(stamp: ColumnFile.Stamp, copies: CopyGroups.Arrays?) -> FacetColumns {
        var used = [Bool](repeating: false, count: dates.count)
        for code in date where code >= 0 { used[Int(code)] = true }
        let order = dates.indices.filter { used[$0] }.sorted {
            (dates[$0].firstDay, dates[$0].text) < (dates[$1].firstDay, dates[$1].text)
        }
        var recode = [Int32](repeating: -1, count: dates.count)
        for (new, old) in order.enumerated() { recode[old] = Int32(new) }
        let dateCode = date.map { $0 < 0 ? -1 : recode[Int($0)] }
        let firstDays = order.map { dates[$0].firstDay }
        var dayRank: [Int32] = []
        for (index, day) in firstDays.enumerated() {
            dayRank.append(index == 0 ? 0 : dayRank[index - 1] + (day == firstDays[index - 1] ? 0 : 1))
        }
        let texts = TextColumn.encode(order.map { dates[$0].text })
        let days = TextColumn.encode(firstDays)
        let header = ColumnFile.Header(
            stamp: stamp, idLimit: source.count, documentCount: source.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) },
            sourceLimit: Int(source.max() ?? 0) + 1, actorLimit: Int(actorIDs.max() ?? 0) + 1)
        func section<T: FixedWidthInteger>(_ tag: ColumnFile.Section, _ values: [T]) -> (ColumnFile.Section, ColumnFile.SectionBytes) {
            (tag, ColumnFile.SectionBytes(values))
        }
        var sections = [
            section(.source, source), section(.dateCode, dateCode), section(.actorStart, actorStart),
            section(.actorIDs, actorIDs), section(.tokenLengths, lengths), section(.dayRank, dayRank),
            section(.dateOffsets, texts.offsets), section(.dateText, texts.text), section(.firstDayOffsets, days.offsets),
            section(.firstDayText, days.text),
        ]
        if let copies {
            sections += [
                section(.copyGroup, copies.groupOf), section(.copyGroupStart, copies.groupStart),
                section(.copyMembers, copies.memberIDs),
            ]
        }
        // Last, in the order of ``ColumnFile/Section``, as every section is written.
        sections += [section(.locationStart, locationStart), section(.locationIDs, locationIDs)]
        if let names = copies?.externalIDs, !unparsedDates {
            let encoded = TextColumn.encode(names)
            sections += [section(.copyMemberIDOffsets, encoded.offsets), section(.copyMemberIDText, encoded.text)]
        }
        // Built here from the same bytes the file holds, so this never fails.
        return FacetColumns(ColumnFile.columnBytes(header, sections: sections))!
    }
}
