import GRDBSQLite

extension FTS5RankFunction {
    /// `newsvisit`: what the pass does with each match, inside FTS5's call, so that no match leaves
    /// SQLite as a row. The match is admitted (``HitAdmission``), ranked when it may reach the page
    /// (as `newsrank` ranks it), and handed to the pass's ``MatchVisitor`` with its score or none.
    /// The result is left NULL: the pass statement selects no row.
    static let visit: fts5_extension_function = { api, fts, context, argumentCount, arguments in
        guard let api, let fts else { return }
        var code = SQLITE_OK
        // Every match after the first: the statement's data as it is, with no reference counted per match.
        if let existing = api.pointee.xGetAuxdata(fts, 0) {
            code = Unmanaged<QueryData>.fromOpaque(existing)._withUnsafeGuaranteedRef { $0.visit(api, fts) }
        } else {
            do {
                code = try queryData(api.pointee, api, fts, argumentCount, arguments, SQLiteRoutines.of(api, fts)).visit(api, fts)
            } catch let error as RankError {
                code = error.code
            } catch {
                code = SQLITE_ERROR
            }
        }
        if code != SQLITE_OK { SQLiteRoutines.of(api, fts).resultErrorCode(context, code) }
    }
}

extension FTS5RankFunction.QueryData {
    /// Admits, ranks and hands over the current row; a result code.
    @inline(__always)
    func visit(_ api: UnsafePointer<Fts5ExtensionApi>, _ fts: OpaquePointer) -> Int32 {
        guard let visitor else { return SQLITE_MISUSE }
        return visitor._withUnsafeGuaranteedRef { visitor in
            let id = api.pointee.xRowid(fts)
            var score: Double?
            do {
                if visitor.admission.admits(id), try mayReachPage(api, fts) {
                    try FTS5RankFunction.fillRow(self, api, fts)
                    let scored = withStatistics { statistics, model in model.score(statistics) }
                    // As when the score came back as a row: SQLite makes a NaN result NULL, an unranked match.
                    score = scored.isNaN ? nil : scored
                }
            } catch let error as FTS5RankFunction.RankError {
                return error.code
            } catch {
                return SQLITE_ERROR
            }
            visitor.take(id, score: score)
            return SQLITE_OK
        }
    }
}
