import Foundation
import GRDB
import GRDBSQLite
import NewsQuery

/// Registers `newsrank`, our FTS5 auxiliary ranking function, and adapts FTS5's API to ``BM25FModel``.
///
/// `newsrank(input, lengths, admission, frequencies)`: pointers bound with `sqlite3_bind_pointer` (``RankCall`` binds
/// them), all optional. `input` is a ``RankInput``: each FTS5 phrase's clause and weight, and the ranking parameters;
/// without it each phrase is a clause of weight 1 under the default parameters. `lengths` is the searcher's
/// ``TokenLengths``: document lengths from memory instead of one docsize lookup per match. `admission` is the pass's
/// ``HitAdmission``, told the query's bound on partial matches' scores when the statistics are first computed.
/// `frequencies` is the index state's ``DocumentFrequencies``: phrase counts kept from earlier statements instead of
/// counted again. The table's `rank` is `newsrank()` with none of them, for SQL that orders by `rank` itself (the
/// engine calls it through ``RankCall``); like `bm25()` it returns minus the score, so ascending order is best first.
///
/// Related SQLite documentation: <https://sqlite.org/fts5.html#custom_auxiliary_functions>
enum FTS5RankFunction {
    static let name = "newsrank"

    /// `newsclauses(input)`: the query clauses this row matched, as text (`"0 2"`); `input` is the
    /// ``RankInput`` pointer, as for `newsrank`. One pass over the row's hits, so `missing` costs one
    /// query however many clauses the user typed.
    static let clausesName = "newsclauses"

    /// `newsexplain(input, lengths, sink)`: what `newsrank` would see of this row, left in the
    /// ``ExplanationSink`` bound as `sink`, for ``HitExplainer``; returns NULL.
    static let explainName = "newsexplain"

    /// `newsvisit(input, lengths, admission, frequencies, visitor)`: the pass over a query's matches,
    /// one call per match (``FTS5RankFunction/visit``) in the pass statement's `WHERE`; returns NULL.
    static let visitName = "newsvisit"

    /// The type tag SQLite checks when the `lengths` pointer argument is read; must outlive every statement.
    nonisolated(unsafe) static let lengthsPointerType: UnsafePointer<CChar> = UnsafePointer(strdup("newssearch.token-lengths")!)
    static let inputArgument = 0
    static let lengthsArgument = 1
    static let admissionArgument = 2
    static let frequenciesArgument = 3
    static let visitorArgument = 4

    static func register(in db: Database) {
        let api = UnsafeMutablePointer(mutating: FTS5.api(db))
        _ = api.pointee.xCreateFunction(api, name, linkedRoutines, rank, nil)
        _ = api.pointee.xCreateFunction(api, clausesName, linkedRoutines, matchedClauses, nil)
        _ = api.pointee.xCreateFunction(api, explainName, linkedRoutines, explain, nil)
        _ = api.pointee.xCreateFunction(api, visitName, linkedRoutines, visit, nil)
    }

    /// Registers `newsrank` alone through `api`, for a connection the engine did not open (the
    /// loadable extension): the other two functions only serve the engine's own statements.
    static func register(in api: UnsafeMutablePointer<fts5_api>, routines: UnsafeMutableRawPointer) -> Int32 {
        api.pointee.xCreateFunction(api, name, routines, rank, nil)
    }

    /// Written once, read by every call: never mutated after initialisation.
    nonisolated(unsafe) private static let linkedRoutines = SQLiteRoutines.linked.retainedForever()

    private static let matchedClauses: fts5_extension_function = { api, fts, context, argumentCount, arguments in
        guard let api, let fts else { return }
        let functions = api.pointee
        let sqlite = SQLiteRoutines.of(api, fts)
        let given = input(argumentCount, arguments, sqlite)
        let map = given?.clauses ?? []
        let scored = given?.phraseCount ?? .max
        var count: Int32 = 0
        guard functions.xInstCount(fts, &count) == SQLITE_OK else {
            sqlite.resultErrorCode(context, SQLITE_ERROR)
            return
        }
        var clauses = Set<Int>()
        for index in 0..<count {
            var phrase: Int32 = 0, column: Int32 = 0, offset: Int32 = 0
            guard functions.xInst(fts, index, &phrase, &column, &offset) == SQLITE_OK, Int(phrase) < scored else { continue }
            let clause = Int(phrase) < map.count ? map[Int(phrase)] : Int(phrase)
            if clause >= 0 { clauses.insert(clause) }
        }
        let text = clauses.sorted().map(String.init).joined(separator: " ")
        sqlite.resultText(context, text)
    }

    /// The per-query part, computed on the first row and kept with `xSetAuxdata` (as `bm25()` does).
    final class QueryData {
        var model: BM25FModel
        var statistics: MatchStatistics
        /// Valid while the statement that bound it runs: the searcher keeps it alive for the whole pass.
        var lengths: Unmanaged<TokenLengths>?
        /// The pass's admission (as long-lived as `lengths`) and the ceiling that lets a row it says
        /// cannot reach the page be refused before its hits are gathered; nil: every row is ranked.
        var admission: Unmanaged<HitAdmission>?
        var ceiling: ScoreCeiling?
        /// The pass `newsvisit` hands each match to (as long-lived as `lengths`); nil for `newsrank`.
        var visitor: Unmanaged<MatchVisitor>?

        init(model: BM25FModel, statistics: MatchStatistics) {
            self.model = model
            self.statistics = statistics
        }

        /// `body` with the statistics in place: one exclusive access for the whole row rather than one
        /// per hit appended (the runtime checks each access to a class's property; per hit that was
        /// about 5% of a long query's time).
        @inline(__always)
        func withStatistics<Result>(_ body: (inout MatchStatistics, BM25FModel) throws -> Result) rethrows -> Result {
            try body(&statistics, model)
        }

        /// Whether this row could score enough to enter the page, from its phrases' hits counted by
        /// column (`xPhraseFirst`, `xPhraseNext`), heaviest phrase first, instead of gathered in
        /// position order for the whole row (`xInstCount`, `xInst`) and scored.
        @inline(__always)
        func mayReachPage(_ api: UnsafePointer<Fts5ExtensionApi>, _ fts: OpaquePointer) throws -> Bool {
            guard let ceiling, let floor = admission?._withUnsafeGuaranteedRef({ $0.scoreFloor }),
                let phraseFirst = api.pointee.xPhraseFirst, let phraseNext = api.pointee.xPhraseNext
            else { return true }
            var title: Int32 = 0, body: Int32 = 0
            let rowid = api.pointee.xRowid(fts)
            if let known = lengths?._withUnsafeGuaranteedRef({ known in
                known.length(of: rowid, column: 0).flatMap { title in known.length(of: rowid, column: 1).map { (title, $0) } }
            }) {
                (title, body) = (Int32(clamping: known.0), Int32(clamping: known.1))
            } else {
                try check(api.pointee.xColumnSize(fts, 0, &title))
                try check(api.pointee.xColumnSize(fts, 1, &body))
            }
            var failed = false
            let reaches = ceiling.canReach(floor, titleLength: Int(title), bodyLength: Int(body)) { phrase in
                var iterator = Fts5PhraseIter()
                var column: Int32 = 0, offset: Int32 = 0
                var counts = (title: 0, body: 0)
                guard phraseFirst(fts, Int32(phrase), &iterator, &column, &offset) == SQLITE_OK else {
                    failed = true
                    return counts
                }
                while column >= 0 {
                    if column == 0 { counts.title += 1 } else { counts.body += 1 }
                    phraseNext(fts, &iterator, &column, &offset)
                }
                return counts
            }
            // A phrase FTS5 could not read says nothing: rank the row, which reports the error.
            return reaches || failed
        }
    }

    private static let rank: fts5_extension_function = { api, fts, context, argumentCount, arguments in
        guard let api, let fts else { return }
        let sqlite = SQLiteRoutines.of(api, fts)
        do {
            let data = try queryData(api.pointee, api, fts, argumentCount, arguments, sqlite)
            guard try data.mayReachPage(api, fts) else {
                sqlite.resultNull(context)
                return
            }
            try fillRow(data, api, fts)
            sqlite.resultDouble(context, -data.withStatistics { statistics, model in model.score(statistics) })
        } catch let error as RankError {
            sqlite.resultErrorCode(context, error.code)
        } catch {
            sqlite.resultErrorCode(context, SQLITE_ERROR)
        }
    }

    private static let explain: fts5_extension_function = { api, fts, context, argumentCount, arguments in
        guard let api, let fts else { return }
        let sqlite = SQLiteRoutines.of(api, fts)
        do {
            let data = try rowData(api, fts, argumentCount, arguments, sqlite)
            if argumentCount > 2, let value = arguments?[2],
                let pointer = sqlite.valuePointer(value, ExplanationSink.pointerType)
            {
                let sink = Unmanaged<ExplanationSink>.fromOpaque(pointer).takeUnretainedValue()
                sink.rows[api.pointee.xRowid(fts)] = (data.model, data.statistics)
            }
            sqlite.resultNull(context)
        } catch let error as RankError {
            sqlite.resultErrorCode(context, error.code)
        } catch {
            sqlite.resultErrorCode(context, SQLITE_ERROR)
        }
    }

    /// The query's data with this row's hits and column lengths filled in.
    static func rowData(
        _ api: UnsafePointer<Fts5ExtensionApi>, _ fts: OpaquePointer, _ argumentCount: Int32,
        _ arguments: UnsafeMutablePointer<OpaquePointer?>?, _ sqlite: SQLiteRoutines
    ) throws -> QueryData {
        let data = try queryData(api.pointee, api, fts, argumentCount, arguments, sqlite)
        try fillRow(data, api, fts)
        return data
    }

    /// Fills in the current row's hits and column lengths.
    static func fillRow(_ data: QueryData, _ api: UnsafePointer<Fts5ExtensionApi>, _ fts: OpaquePointer) throws {
        var count: Int32 = 0
        try check(api.pointee.xInstCount(fts, &count))
        let rowid = data.lengths == nil ? 0 : api.pointee.xRowid(fts)
        try data.withStatistics { statistics, _ in
            statistics.hits.removeAll(keepingCapacity: true)
            let scored = statistics.idf.count
            for index in 0..<count {
                var phrase: Int32 = 0, column: Int32 = 0, offset: Int32 = 0
                try check(api.pointee.xInst(fts, index, &phrase, &column, &offset))
                if Int(phrase) < scored { statistics.hits.append((Int(phrase), Int(column), Int(offset))) }
            }
            for column in statistics.columnLength.indices {
                if let known = data.lengths?._withUnsafeGuaranteedRef({ $0.length(of: rowid, column: column) }) {
                    statistics.columnLength[column] = Int(known)
                    continue
                }
                var length: Int32 = 0
                try check(api.pointee.xColumnSize(fts, Int32(column), &length))
                statistics.columnLength[column] = Int(length)
            }
        }
    }

    struct RankError: Error { let code: Int32 }

    /// The ``RankInput`` bound to the first argument, if any; the caller keeps it alive.
    static func input(
        _ argumentCount: Int32, _ arguments: UnsafeMutablePointer<OpaquePointer?>?, _ sqlite: SQLiteRoutines
    ) -> RankInput? {
        guard argumentCount > inputArgument, let value = arguments?[inputArgument],
            let pointer = sqlite.valuePointer(value, RankInput.pointerType)
        else { return nil }
        return Unmanaged<RankInput>.fromOpaque(pointer).takeUnretainedValue()
    }

    static func check(_ code: Int32?) throws {
        guard let code else { throw RankError(code: SQLITE_MISUSE) }
        if code != SQLITE_OK { throw RankError(code: code) }
    }

    static func queryData(
        _ functions: Fts5ExtensionApi, _ api: UnsafePointer<Fts5ExtensionApi>, _ fts: OpaquePointer,
        _ argumentCount: Int32, _ arguments: UnsafeMutablePointer<OpaquePointer?>?, _ sqlite: SQLiteRoutines
    ) throws -> QueryData {
        if let existing = functions.xGetAuxdata(fts, 0) {
            return Unmanaged<QueryData>.fromOpaque(existing).takeUnretainedValue()
        }
        let given = input(argumentCount, arguments, sqlite)
        let phraseClause = given?.clauses ?? []

        var rows: Int64 = 0
        try check(functions.xRowCount(fts, &rows))
        let columns = Int(functions.xColumnCount(fts))
        var averages: [Double] = []
        for column in 0..<columns {
            var total: Int64 = 0
            try check(functions.xColumnTotalSize(fts, Int32(column), &total))
            averages.append(rows > 0 ? Double(total) / Double(rows) : 0)
        }
        // A restricted pass's guard phrases come after the scored ones: no IDF (a query each), no hits.
        let phrases = min(Int(functions.xPhraseCount(fts)), given?.phraseCount ?? .max)
        let count = { (numbers: [Int]) in
            try numbers.map { phrase in
                var documents: Int64 = 0
                try withUnsafeMutablePointer(to: &documents) { pointer in
                    try check(functions.xQueryPhrase(fts, Int32(phrase), pointer) { _, _, user in
                        user?.assumingMemoryBound(to: Int64.self).pointee += 1
                        return SQLITE_OK
                    })
                }
                return documents
            }
        }
        let kept = frequenciesArgument < argumentCount
            ? arguments?[frequenciesArgument].flatMap { sqlite.valuePointer($0, DocumentFrequencies.pointerType) }
                .map { Unmanaged<DocumentFrequencies>.fromOpaque($0).takeUnretainedValue() }
            : nil
        let frequencies = try given.map { try $0.documentFrequencies(phrases: phrases, kept: kept, count: count) }
            ?? count(Array(0..<phrases))
        let idf = frequencies.map { BM25FModel.idf(documentFrequency: Int($0), documentCount: Int(rows)) }
        let data = QueryData(
            model: BM25FModel(parameters: given?.parameters ?? .default),
            statistics: MatchStatistics(
                clauseCount: phraseClause.isEmpty ? phrases : Set(phraseClause.filter { $0 >= 0 }).count, idf: idf, averageLength: averages,
                columnLength: Array(repeating: 0, count: columns), hits: []))
        data.statistics.phraseClause = phraseClause
        data.statistics.phraseWeight = given?.weights ?? []
        if lengthsArgument < argumentCount, let value = arguments?[lengthsArgument],
            let pointer = sqlite.valuePointer(value, lengthsPointerType)
        {
            data.lengths = Unmanaged<TokenLengths>.fromOpaque(pointer)
        }
        data.statistics.fullCoverageWeight = data.statistics.clauseWeight(clauses: data.statistics.clauseCount)
        if admissionArgument < argumentCount, let value = arguments?[admissionArgument],
            let pointer = sqlite.valuePointer(value, HitAdmission.pointerType)
        {
            let admission = Unmanaged<HitAdmission>.fromOpaque(pointer)
            admission.takeUnretainedValue().learn(data.model, data.statistics)
            data.admission = admission
            if admission.takeUnretainedValue().boundsRows {
                data.ceiling = ScoreCeiling(model: data.model, statistics: data.statistics)
            }
        }
        if visitorArgument < argumentCount, let value = arguments?[visitorArgument],
            let pointer = sqlite.valuePointer(value, MatchVisitor.pointerType)
        {
            data.visitor = Unmanaged<MatchVisitor>.fromOpaque(pointer)
        }
        let pointer = Unmanaged.passRetained(data).toOpaque()
        try check(functions.xSetAuxdata(fts, pointer) { pointer in
            if let pointer { Unmanaged<QueryData>.fromOpaque(pointer).release() }
        })
        return data
    }
}
