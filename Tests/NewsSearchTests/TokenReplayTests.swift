import GRDB
import Testing

@testable import NewsSearch

/// Tokens prepared on a worker and replayed by the bridge index exactly what analysing would.
@Suite struct TokenReplayTests {
    let texts = ["Japan's defence-industrial base", "NATO’s chief met 日本の防衛産業 officials in Zürich", "U.S. and the United States"]

    func table(replaying: Bool, stale: Bool = false) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.prepareDatabase { db in SQLiteExtensions.install(in: db) }
        let queue = try DatabaseQueue(configuration: configuration)
        try queue.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='newssearch')")
            for text in texts {
                if replaying {
                    // A stale replay (tokens of other text) must be refused, not indexed.
                    let source = stale ? "something else entirely" : text
                    SQLiteExtensions.replay([PreparedTokens(analyzing: "t"), PreparedTokens(analyzing: source)], on: db)
                }
                try db.execute(sql: "INSERT INTO t(title, body) VALUES ('t', ?)", arguments: [text])
            }
        }
        return queue
    }

    func vocabulary(_ queue: DatabaseQueue) throws -> [String] {
        try queue.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE v USING fts5vocab(t, instance)")
            return try String.fetchAll(db, sql: "SELECT term || ':' || doc || ':' || col || ':' || offset FROM v ORDER BY 1")
        }
    }

    @Test func replayedTokensIndexLikeAnalysedOnes() throws {
        let analysed = try vocabulary(try table(replaying: false))
        #expect(!analysed.isEmpty)
        #expect(try vocabulary(try table(replaying: true)) == analysed)
        #expect(try vocabulary(try table(replaying: true, stale: true)) == analysed)
    }

    /// A replay is refused only when the fingerprint differs, so a change to any one byte must change it.
    @Test func fingerprintSeesEveryByte() {
        var generator = SystemRandomNumberGenerator()
        for length in 1...40 {
            let base = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let digest = base.withUnsafeBufferPointer(PreparedTokens.fingerprint)
            for position in 0..<length {
                var changed = base
                changed[position] ^= UInt8.random(in: 1...255, using: &generator)
                #expect(changed.withUnsafeBufferPointer(PreparedTokens.fingerprint) != digest, "length \(length), byte \(position)")
            }
        }
        // Same bytes, different lengths (trailing zero bytes) differ too.
        let zeros = [UInt8](repeating: 0, count: 16)
        #expect(zeros[..<8].withUnsafeBufferPointer(PreparedTokens.fingerprint) != zeros[..<9].withUnsafeBufferPointer(PreparedTokens.fingerprint))
    }
}
