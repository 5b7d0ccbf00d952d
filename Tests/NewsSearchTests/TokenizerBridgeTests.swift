import GRDB
import Testing

@testable import NewsSearch

/// The tokenizer as FTS5 sees it: MATCH counts on an in-memory table.
@Suite struct TokenizerBridgeTests {
    let queue: DatabaseQueue

    init() throws {
        var configuration = Configuration()
        configuration.prepareDatabase { db in db.add(tokenizer: FTS5TokenizerBridge.self) }
        queue = try DatabaseQueue(configuration: configuration)
        try queue.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='newssearch')")
            for body in [
                "Japan's defense-industrial base", "NATO’s chief in Zürich", "Čapek wrote it", "Indo-Pacific partners",
            ] {
                try db.execute(sql: "INSERT INTO t(body) VALUES (?)", arguments: [body])
            }
        }
    }

    func count(_ match: String) throws -> Int {
        try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM t WHERE t MATCH ?", arguments: [match]) ?? 0 }
    }

    @Test(arguments: [
        ("japan", 1), ("\"defense industrial\"", 1), ("\"defense-industrial\"", 1), ("nato", 1), ("zurich", 1),
        ("capek", 1), ("\"indo pacific\"", 1), ("indopacific", 1), ("industrial", 1),
    ])
    func matches(_ query: String, _ expected: Int) throws {
        #expect(try count(query) == expected)
    }

    @Test func unknownTokenizerOptionsAreRejected() throws {
        #expect(throws: DatabaseError.self) {
            try queue.write { db in try db.execute(sql: "CREATE VIRTUAL TABLE u USING fts5(body, tokenize='newssearch bogus')") }
        }
    }
}
