import Foundation
import GRDB
import Testing

@testable import NewsSearch

/// The writer's shortcuts store exactly what the general paths stored.
@Suite struct WriterFastPathTests {
    static let alphabet: [String] = [
        "a", "Z", "M", "q", "0", "-", ".", "'", "&", " ", " ", "\t", "\n", "\u{7F}", "\u{1F}", "é", "É", "ß",
        "Ａ", "\u{A0}", "İ", "ﬁ", "日",
    ]

    @Test func asciiFoldingAgreesWithFoundation() {
        var generator = SystemRandomNumberGenerator()
        var fastPathTaken = 0
        for _ in 0..<20_000 {
            let name = (0..<Int.random(in: 0...8, using: &generator)).map { _ in
                Self.alphabet.randomElement(using: &generator)!
            }.joined()
            if NameFolding.asciiFold(name) != nil { fastPathTaken += 1 }
            #expect(NameFolding.fold(name) == NameFolding.foundationFold(name), "\(name.debugDescription)")
        }
        #expect(fastPathTaken > 1_000)
        for name in ["Mark Rutte", "NATO", "AT&T Corp.", "", "already lower", "O'Neill-Smith"] {
            #expect(NameFolding.asciiFold(name) == NameFolding.foundationFold(name))
        }
    }

    /// The writer's new-actor insert: the new row's id, nil when the name was there already (issue 16),
    /// also when the insert before it (another table, another id) did insert.
    @Test func insertedRowIDTellsANewRowFromAConflict() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE a(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE); CREATE TABLE b(x)")
            try db.execute(sql: "INSERT INTO a(id, name) VALUES (41, 'old')")
            let insert = try DirectStatement("INSERT INTO a(name) VALUES (?) ON CONFLICT(name) DO NOTHING", in: db)
            let other = try DirectStatement("INSERT INTO b(x) VALUES (?)", in: db)
            #expect(try insert.insertedRowID([.text("new")]) == 42)
            try other.execute([.integer(1)])
            #expect(try insert.insertedRowID([.text("old")]) == nil)
            #expect(try insert.insertedRowID([.text("new")]) == nil)
            #expect(try insert.insertedRowID([.text("newer")]) == 43)
            #expect(try insert.insertedRowID([.text("newer")]) == nil)
        }
    }

    /// Signatures are bound as blobs: bytes kept exactly, an empty one stored as an empty blob, not NULL.
    @Test func directStatementsBindBlobs() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t(b BLOB)")
            let insert = try DirectStatement("INSERT INTO t(b) VALUES (?)", in: db)
            try insert.execute([.blob([0, 255, 7])])
            try insert.execute([.blob([])])
            let rows = try Row.fetchAll(db, sql: "SELECT b, typeof(b) AS t FROM t ORDER BY rowid")
            #expect(rows[0]["b"] as Data? == Data([0, 255, 7]))
            #expect(rows[1]["t"] as String == "blob" && (rows[1]["b"] as Data?)?.isEmpty == true)
        }
    }

    @Test func directStatementsBindTextNullAndEmpty() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t(a TEXT, b INTEGER, c TEXT)")
            let insert = try DirectStatement("INSERT INTO t(a, b, c) VALUES (?, ?, ?)", in: db)
            try insert.execute([.text(""), .integer(7), .null])
            try insert.execute([.text("Zürich 日本"), DirectValue(nil as Int64?), DirectValue("x" as String?)])
            let rows = try Row.fetchAll(db, sql: "SELECT a, b, c, typeof(a) AS ta FROM t ORDER BY rowid")
            #expect(rows[0]["a"] as String? == "" && rows[0]["ta"] as String == "text")
            #expect(rows[0]["b"] as Int64? == 7 && rows[0]["c"] as String? == nil)
            #expect(rows[1]["a"] as String? == "Zürich 日本" && rows[1]["b"] as Int64? == nil && rows[1]["c"] as String? == "x")
            let lookup = try DirectStatement("SELECT b, a FROM t WHERE a = ?", in: db)
            let found = try lookup.first([.text("")]) { [$0.integer(0).map(String.init) ?? "nil", $0.text(1) ?? "nil"] }
            #expect(found == ["7", ""])
            #expect(try lookup.first([.text("absent")]) { $0.integer(0) } == nil)
            #expect(throws: DatabaseError.self) {
                try DirectStatement("INSERT INTO t(rowid, a) VALUES (?, ?)", in: db).execute([.integer(1), .text("again")])
            }
        }
    }
}
