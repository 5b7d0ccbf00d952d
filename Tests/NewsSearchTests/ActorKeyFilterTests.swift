import Foundation
import GRDB
import NewsSearchTestSupport
import Testing

@testable import NewsSearch

/// `search extract` narrows the index's actors by their names' bytes where it asked SQLite's `LIKE`:
/// the same names must pass, or a page would merge its actors differently.
@Suite("Actor key filter")
struct ActorKeyFilterTests {
    /// The pattern each key was looked up with before (`ArticleExtraction` until this filter).
    static func likePattern(_ key: String) -> String {
        func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_")
        }
        if key.contains(where: \.isUppercase) {
            return "%" + key.map { escaped(String($0)) }.joined(separator: "%") + "%"
        }
        return key.allSatisfy(\.isASCII) ? "% " + escaped(key) : "% %"
    }

    static let keys = ["rutte", "ECB", "müller", "grímsson", "c%d", "a_b", "近平", "ÖVP", "juncker", "b", "NATO", "É"]
    static let names = [
        "Mark Rutte", "mark RUTTE", "Rutte", " rutte", "Mark Ruttey", "Jean-Claude Juncker", "European Central Bank",
        "Ecole Centrale Bordeaux", "eCb", "E.C.B. Watch", "Ólafur Ragnar Grímsson", "ÓLAFUR GRÍMSSON", "Xi Jinping", "習 近平",
        "Müller", "Thomas Müller", "THOMAS MÜLLER", "x c%d", "x cxd", "x a_b", "x axb", "Österreichische Volkspartei",
        "ÖsterVolksPartei", "North Atlantic Treaty Organization", "nato", "Émile Zola", "émile", "", " ",
    ]

    @Test func passesTheNamesLikePassed() throws {
        let db = try DatabaseQueue()
        for key in Self.keys {
            let filter = ActorKeyFilter(keys: [key])
            for name in Self.names {
                let like = try db.read { try Bool.fetchOne($0, sql: "SELECT ? LIKE ? ESCAPE '\\'", arguments: [name, Self.likePattern(key)]) }
                let ours = Array(name.utf8).withUnsafeBufferPointer { filter.mayFile($0) }
                #expect(ours == like, "key \(key), name \(name)")
            }
        }
    }

    @Test func passesRandomNamesAsLikeDid() throws {
        let db = try DatabaseQueue()
        var generator = SystemRandomNumberGenerator()
        let alphabet = ["a", "B", "c", "E", " ", "é", "É", "%", "_", "Ö", "x"]
        for _ in 0..<2_000 {
            func word() -> String { (0..<Int.random(in: 0...5, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined() }
            let name = word()
            let key = Bool.random(using: &generator) ? word().lowercased() : word().uppercased()
            let like = try db.read { try Bool.fetchOne($0, sql: "SELECT ? LIKE ? ESCAPE '\\'", arguments: [name, Self.likePattern(key)]) }
            let ours = Array(name.utf8).withUnsafeBufferPointer { ActorKeyFilter(keys: [key]).mayFile($0) }
            #expect(ours == like, "key \(key.debugDescription), name \(name.debugDescription)")
        }
    }

    @Test func anyKeyOfSeveralLetsANameThrough() {
        let filter = ActorKeyFilter(keys: ["rutte", "ECB"])
        #expect(Array("European Central Bank".utf8).withUnsafeBufferPointer { filter.mayFile($0) })
        #expect(Array("Mark Rutte".utf8).withUnsafeBufferPointer { filter.mayFile($0) })
        #expect(!Array("Shigeru Ishiba".utf8).withUnsafeBufferPointer { filter.mayFile($0) })
    }
}

/// `search extract`'s plain connection refuses what the store refuses, with the same errors.
@Suite("Index file reader")
struct IndexFileReaderTests {
    @Test func refusesWhatTheStoreRefuses() throws {
        let folder = try TemporaryDirectory()
        let foreign = folder.url.appendingPathComponent("foreign.sqlite").path
        try DatabaseQueue(path: foreign).write { try $0.execute(sql: "CREATE TABLE notes(text)") }
        #expect(throws: IndexError.notAnIndex(path: foreign)) { try IndexFileReader(path: foreign) }
        let text = folder.url.appendingPathComponent("notes.txt").path
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: text))
        #expect(throws: IndexError.notAnIndex(path: text)) { try IndexFileReader(path: text) }
        let older = folder.url.appendingPathComponent("older.sqlite").path
        try DatabaseQueue(path: older).write { db in
            try db.execute(sql: "CREATE TABLE meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID; INSERT INTO meta VALUES ('schema_version', '3')")
        }
        #expect(throws: IndexError.schemaVersionMismatch(found: 3, expected: Schema.version)) { try IndexFileReader(path: older) }
        let missing = folder.url.appendingPathComponent("missing.sqlite").path
        #expect(throws: IndexError.indexNotFound(path: missing)) { try IndexFileReader(path: missing) }
    }

    @Test func readsAnIndexAsTheStoreDoes() throws {
        let corpus = try CorpusFixture()
        _ = try Indexer(store: try IndexStore(path: corpus.indexPath, access: .readWrite)).run(IndexJob(paths: [corpus.root.path]))
        let reader = try IndexFileReader(path: corpus.indexPath)
        var names: [String] = []
        try reader.rows("SELECT name FROM actors WHERE type = ? ORDER BY id", ["person"]) { names.append($0.text(0) ?? "") }
        let store = try IndexStore(path: corpus.indexPath, access: .singleReader)
        let expected = try store.read { try String.fetchAll($0, sql: "SELECT name FROM actors WHERE type = 'person' ORDER BY id") }
        #expect(!names.isEmpty && names == expected)
    }
}
