import Foundation
import GRDB
import NewsSearchTestSupport
import Testing

/// Issue 14, item 12: `--index` naming another program's file is refused by every command, in one
/// line with exit status 2, and the file is left byte for byte as it was.
@Suite struct ForeignIndexFileTests {
    static let commands: [[String]] = [
        ["index", "--quiet"], ["index", "--quiet", "--rebuild"], ["harbour"], ["stats"], ["stats", "--verify"],
        ["show", "a1"], ["reindex", "--quiet"], ["actors"],
    ]

    func check(_ file: URL, corpus: CorpusFixture) throws {
        let binary = try SearchBinary()
        let before = try Data(contentsOf: file)
        for command in Self.commands {
            var arguments = command + ["--index", file.path]
            if command.first == "index" { arguments.append(corpus.root.path) }
            let result = try binary.run(arguments)
            #expect(result.status == 2, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("not a NewsSearch index"), "\(command): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(command): \(result.stderr)")
            #expect(try Data(contentsOf: file) == before, "\(command) changed the file")
            let beside = try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path)
            #expect(!beside.contains { $0.hasSuffix("-wal") || $0.hasSuffix(".rebuild") }, "\(command): \(beside)")
        }
    }

    @Test func anotherProgramsDatabaseIsRefused() throws {
        let corpus = try CorpusFixture()
        let folder = try TemporaryDirectory("foreign")
        let file = folder.url.appendingPathComponent("other-app.sqlite")
        let queue = try DatabaseQueue(path: file.path)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE invoices(id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices(total) VALUES (12.5)")
        }
        try queue.close()
        try check(file, corpus: corpus)
    }

    @Test func aFileThatIsNotSQLiteIsRefused() throws {
        let corpus = try CorpusFixture()
        let folder = try TemporaryDirectory("foreign")
        let file = try folder.write("shopping list: eggs, flour, milk\n", to: "notes.txt")
        try check(file, corpus: corpus)
    }

    @Test func anEmptyFileBecomesAnIndex() throws {
        let corpus = try CorpusFixture()
        let folder = try TemporaryDirectory("foreign")
        let file = try folder.write("", to: "empty.sqlite")
        let binary = try SearchBinary()
        let result = try binary.run(["index", "--quiet", "--index", file.path, corpus.root.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try binary.run(["harbour", "--index", file.path]).status == 0)
    }

    /// A first run killed between GRDB creating its bookkeeping table and the first migration's commit
    /// leaves an SQLite file with one empty table; the next run must finish the index, not refuse it.
    @Test func aFileLeftByARunKilledBeforeItsFirstMigrationBecomesAnIndex() throws {
        let corpus = try CorpusFixture()
        let folder = try TemporaryDirectory("foreign")
        let file = folder.url.appendingPathComponent("search.sqlite")
        let queue = try DatabaseQueue(path: file.path)
        try queue.write { db in try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)") }
        try queue.close()
        let binary = try SearchBinary()
        let result = try binary.run(["index", "--quiet", "--index", file.path, corpus.root.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try binary.run(["harbour", "--index", file.path]).status == 0)
    }

    /// Another GRDB program's file whose only table records migrations it ran is still not ours.
    @Test func anotherGRDBProgramsBookkeepingIsRefused() throws {
        let corpus = try CorpusFixture()
        let folder = try TemporaryDirectory("foreign")
        let file = folder.url.appendingPathComponent("other-app.sqlite")
        let queue = try DatabaseQueue(path: file.path)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY); INSERT INTO grdb_migrations VALUES ('createInvoices')")
        }
        try queue.close()
        try check(file, corpus: corpus)
    }
}
