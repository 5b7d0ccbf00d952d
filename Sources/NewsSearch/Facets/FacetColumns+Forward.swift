import GRDB

extension FacetColumns {
    /// These columns brought forward to what `db` holds at `stamp`, reading only the documents the
    /// change log names (``ColumnChanges``): their source, date, actor links (locations too) and lengths, plus the copy
    /// clusters whole (a cluster gains members among the older documents). Nil when the log does not cover every change since these were made; the caller
    /// then builds the columns from the tables. The result is byte for byte what
    /// ``build(in:stamp:copies:)`` would make.
    func forward(to stamp: ColumnFile.Stamp, in db: Database) throws -> FacetColumns? {
        guard stamp.indexID == self.stamp.indexID,
            let changed = try ColumnChanges.documents(after: generation, upTo: stamp.generation, in: db)
        else { return nil }
        let limit = Int(try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM documents") ?? 0) + 1
        var arrays = ColumnArrays(limit: limit)
        // Unchanged documents keep their date codes, which cannot tell an undated article from a date
        // that did not parse: columns without the copies' external ids may have had such a date.
        arrays.unparsedDates = copies?.externalIDs == nil
        let kept = min(limit, idLimit)
        // Each old date's new code, once, not a look-up of its text per document (a string hashed per article).
        let dateCodes = (0..<dayRank.count).map { arrays.code(dates[$0]) }
        var isChanged = [Bool](repeating: false, count: limit)
        for id in changed where id >= 0 && id < Int64(limit) { isChanged[Int(id)] = true }
        for id in 0..<kept where !isChanged[id] {
            arrays.source[id] = source[id]
            let code = date(of: id)
            arrays.date[id] = code < 0 ? -1 : dateCodes[code]
            for column in 0..<TokenLengths.columns {
                arrays.lengths[id * TokenLengths.columns + column] = tokenLengths.values[id * TokenLengths.columns + column]
            }
        }
        let changedIDs = changed.filter { $0 >= 0 && $0 < Int64(limit) }.sorted()
        let ids = IDList.json(changedIDs)
        let rows = try Row.fetchCursor(
            db, sql: "SELECT id, source_id, date FROM documents WHERE id IN (SELECT value FROM json_each(?))", arguments: [ids])
        while let row = try rows.next() {
            arrays.set(Int(row[0] as Int64), source: row[1], date: row[2])
        }
        let links = try ActorLinks.packed(of: changedIDs, in: db)
        let kinds = try ColumnArrays.actorKinds(in: db)
        for id in 0..<limit {
            arrays.startActors(of: id)
            if isChanged[id] {
                links[Int64(id)]?.withUnsafeBytes { arrays.appendActors(of: $0, kinds: kinds) }
            } else if id < kept {
                for index in actors(of: id) { arrays.actorIDs.append(actorIDs[index]) }
                for index in locations(of: id) { arrays.locationIDs.append(locationIDs[index]) }
            }
        }
        arrays.startActors(of: limit)
        try TokenLengths.read(in: db, ids: ids, into: &arrays.lengths)
        return arrays.columns(stamp: stamp, copies: try CopyGroups.read(in: db, limit: limit))
    }
}
