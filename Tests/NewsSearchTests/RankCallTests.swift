import GRDB
import NewsQuery
import Testing

@testable import NewsSearch

/// `newsrank` reads its inputs from the ``RankInput`` a ``RankCall`` binds: clauses, weights and
/// parameters arrive as a typed value, and a statement without one ranks with the defaults.
@Suite struct RankCallTests {
    let queue: DatabaseQueue

    init() throws {
        var configuration = Configuration()
        configuration.prepareDatabase { db in SQLiteExtensions.install(in: db) }
        queue = try DatabaseQueue(configuration: configuration)
        try queue.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='newssearch')")
            let rows = [
                ("drone makers", "a report on the budget"), ("budget talks", "drone makers and the budget"),
                ("harbour", "nothing here"), ("steel", "drone budget"),
            ]
            for (title, body) in rows {
                try db.execute(sql: "INSERT INTO t(title, body) VALUES (?, ?)", arguments: [title, body])
            }
        }
    }

    /// rowid → score for `text` ranked with `parameters`.
    func scores(_ text: String, _ parameters: RankingParameters? = nil) throws -> [Int64: Double] {
        let expression = try #require(MatchExpression(QueryParser().parse(text), mode: .any))
        let call = RankCall(expression, parameters: parameters ?? .default)
        return try queue.read { db in
            let statement = try db.makeStatement(
                sql: "SELECT rowid, newsrank(t, :input) FROM t WHERE t MATCH :expression")
            try statement.setArguments(["input": nil, "expression": expression.text])
            if parameters != nil { call.bindInput(statement) }
            let rows = try withExtendedLifetime(call) { try Row.fetchAll(statement) }
            return Dictionary(uniqueKeysWithValues: rows.map { ($0[0] as Int64, -($0[1] as Double)) })
        }
    }

    @Test func parametersArriveTyped() throws {
        let plain = try scores("drone", .default)
        var titlesOnly = RankingParameters.default
        titlesOnly.bodyWeight = 0
        let weighted = try scores("drone", titlesOnly)
        #expect(plain[2]! > 0 && plain[4]! > 0)
        #expect(weighted[4] == 0, "row 4 has 'drone' in its body only")
        #expect(weighted[1]! > 0)
    }

    @Test func withoutAnInputTheDefaultsRank() throws {
        let unbound = try scores("drone budget")
        #expect(unbound == (try scores("drone budget", .default)))
        #expect(unbound.count == 3)
        #expect(unbound.values.allSatisfy { $0 > 0 })
    }

    @Test func clauseWeightsMoveTheScore() throws {
        let query = try #require(MatchExpression(QueryParser().parse("drone budget"), mode: .any))
        let lighter = query.expanded(with: [], clauseWeights: [1: 0.3])
        let input = RankInput(lighter)
        #expect(input.clauses == [0, 1])
        #expect(input.weights == [1, 0.3])
        #expect(input.texts == ["drone", "budget"])
    }

    /// A pass statement hands each match to the pass bound with it; without one it fails rather than
    /// visit matches into nothing (an empty answer that looks like no matches).
    @Test func aPassWithoutItsVisitorFails() throws {
        try queue.read { db in
            #expect(throws: DatabaseError.self) {
                try Int.fetchOne(db, sql: "SELECT 1 FROM t WHERE t MATCH 'drone' AND newsvisit(t)")
            }
        }
    }

    @Test func weightsKeepFourDecimals() {
        #expect(RankInput.measured(1.23456) == 1.2346)
        #expect(RankInput.measured(0.42) == 0.42)
        #expect(RankInput.measured(.nan) == 1)
        #expect(RankInput.measured(-2) == 1)
    }
}
