import Foundation
import GRDB
import NewsSearchTestSupport
import Testing

@testable import NewsSearch

/// Schema 8 stores an article's metadata field names once per index and its path once per file; what
/// `show` and `reindex` read back is what the input said, whichever form a row was written in.
@Suite struct StoredMetadataTests {
    static let alphabet: [String] = ["a", "Z", " ", "\"", "\\", "\n", "\u{0}", "é", "e\u{301}", "😀", "日本", ",", ":"]

    static func randomString(_ generator: inout some RandomNumberGenerator) -> String {
        (0..<Int.random(in: 0...5, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
    }

    @Test func packedFieldsReadBackAsGiven() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            var fields: [String: String] = [:]
            for _ in 0..<Int.random(in: 0...6, using: &generator) { fields[Self.randomString(&generator)] = Self.randomString(&generator) }
            let names = Dictionary(uniqueKeysWithValues: fields.keys.enumerated().map { (Int64($0.offset * 37 + 1), $0.element) })
            let numbers = Dictionary(uniqueKeysWithValues: names.map { ($0.value, $0.key) })
            let packed = StoredMetadata.pack(fields.map { (key: numbers[$0.key]!, value: $0.value) })
            #expect(StoredMetadata.decode(Data(packed).databaseValue, names: names) == fields, "\(fields)")
        }
    }

    @Test func jsonTextOfOlderRowsReadsTheSame() {
        let json = #"{"places":"el-salvador, usa","topics":"","time":"15:01:01"}"#
        #expect(StoredMetadata.decode(json.databaseValue, names: [:]) == ["places": "el-salvador, usa", "topics": "", "time": "15:01:01"])
    }

    @Test func damagedOrUnknownFieldsAreUnreadableNotGuessed() {
        let packed = StoredMetadata.pack([(key: 1, value: "TRAIN"), (key: 2, value: "usa")])
        #expect(StoredMetadata.decode(Data(packed).databaseValue, names: [1: "split", 2: "places"]) == ["split": "TRAIN", "places": "usa"])
        #expect(StoredMetadata.decode(Data(packed.dropLast()).databaseValue, names: [1: "split", 2: "places"]) == nil)
        #expect(StoredMetadata.decode(Data(packed).databaseValue, names: [1: "split"]) == nil)
        #expect(StoredMetadata.decode(Data().databaseValue, names: [:]) == [:])
    }

    static let records = [
        #"{"id": "r1", "title": "Cocoa review", "body": "Showers continued in the cocoa zone.", "date": "1987-02-26", "places": "el-salvador, usa", "topics": "cocoa", "split": "TRAIN"}"#,
        #"{"id": "r2", "title": "Grain report", "body": "Wheat exports rose in the week.", "date": "1987-03", "places": "usa", "topics": "", "split": "TEST"}"#,
        #"{"id": "r3", "title": "No fields", "body": "A story with nothing beyond its text."}"#,
    ]

    static func index(_ folder: TemporaryDirectory) throws -> (IndexStore, String) {
        let dump = try folder.write(records.joined(separator: "\n"), to: "news/wire.jsonl")
        let store = try IndexStore(path: folder.url.appendingPathComponent("index.sqlite").path, access: .readWrite)
        _ = try Indexer(store: store).run(IndexJob(paths: [dump.path]))
        return (store, dump.path)
    }

    @Test func namesAndPathAreStoredOnceAndShownOnEveryArticle() throws {
        let folder = try TemporaryDirectory("metadata")
        let (store, dumpPath) = try Self.index(folder)
        let catalog = IndexCatalog(store: store)
        let r1 = try catalog.article(id: "r1")
        #expect(r1.metadata == ["places": "el-salvador, usa", "topics": "cocoa", "split": "TRAIN"])
        #expect(r1.path == dumpPath)
        #expect(try catalog.article(id: "r2").metadata == ["places": "usa", "topics": "", "split": "TEST"])
        #expect(try catalog.article(id: "r3").metadata == [:])
        let stored = try store.pool.read { db in
            (
                try String.fetchAll(db, sql: "SELECT name FROM metadata_keys ORDER BY name"),
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents WHERE path IS NULL AND date_first IS NULL AND date_last IS NULL"),
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents WHERE typeof(metadata) = 'blob'")
            )
        }
        #expect(stored.0 == ["places", "split", "topics"])
        #expect(stored.1 == 3)
        #expect(stored.2 == 3)
        #expect(try Searcher(store: store).search(SearchRequest(text: "cocoa")).hits.map(\.path) == [dumpPath])
        #expect(try catalog.verify().isEmpty)
    }

    @Test func verifyNamesRowsWhoseMetadataCannotBeRead() throws {
        let folder = try TemporaryDirectory("metadata")
        let (store, _) = try Self.index(folder)
        try store.pool.write { db in try db.execute(sql: "DELETE FROM metadata_keys WHERE name = 'split'") }
        #expect(try IndexCatalog(store: store).verify() == ["metadata of 2 articles cannot be read; run search index --rebuild"])
    }

    /// Writes this build's rows back in schema 7's forms (metadata as JSON text, every row's path) and
    /// forgets the v8 migration (and v9, which sets the version after it).
    static func undoSchemaEight(in db: Database) throws {
        let names = try StoredMetadata.names(in: db)
        for row in try Row.fetchAll(db, sql: "SELECT id, metadata FROM documents") {
            let fields = StoredMetadata.decode(row["metadata"], names: names) ?? [:]
            let json = String(decoding: try JSONEncoder.sorted.encode(fields), as: UTF8.self)
            try db.execute(sql: "UPDATE documents SET metadata = ? WHERE id = ?", arguments: [json, row["id"]])
        }
        try db.execute(
            sql: """
                UPDATE documents SET path = (SELECT path FROM files WHERE files.id = documents.file_id) WHERE path IS NULL;
                DROP TABLE metadata_keys;
                DELETE FROM grdb_migrations WHERE identifier IN ('v8', 'v9');
                """)
    }

    /// An index from before schema 8 (JSON metadata, the path on every row) is upgraded without rewriting
    /// a row, reads the same, and its next run writes the new forms beside the old ones.
    @Test func aSchemaSevenIndexUpgradesAndReadsTheSame() throws {
        let folder = try TemporaryDirectory("metadata")
        let (store, dumpPath) = try Self.index(folder)
        try store.pool.write { db in
            try Self.undoSchemaEight(in: db)
            try db.execute(sql: "UPDATE meta SET value = '7' WHERE key = 'schema_version'")
        }
        try store.pool.close()

        let upgraded = try IndexStore(path: store.path, access: .readWrite)
        let catalog = IndexCatalog(store: upgraded)
        #expect(try catalog.statistics().schemaVersion == Schema.version)
        #expect(try catalog.article(id: "r1").metadata == ["places": "el-salvador, usa", "topics": "cocoa", "split": "TRAIN"])
        #expect(try catalog.article(id: "r2").path == dumpPath)
        #expect(try catalog.verify().isEmpty)

        _ = try folder.write(([Self.records[0].replacingOccurrences(of: "TRAIN", with: "TRAINING").replacingOccurrences(of: "Showers", with: "Rains")] + Self.records.dropFirst()).joined(separator: "\n"), to: "news/wire.jsonl")
        _ = try Indexer(store: upgraded).run(IndexJob(paths: [dumpPath]))
        #expect(try catalog.article(id: "r1").metadata["split"] == "TRAINING")
        #expect(try catalog.article(id: "r2").metadata == ["places": "usa", "topics": "", "split": "TEST"])
        let forms = try upgraded.pool.read { db in
            try String.fetchAll(db, sql: "SELECT typeof(metadata) || ' ' || typeof(path) FROM documents ORDER BY external_id")
        }
        #expect(forms == ["blob null", "text text", "text text"])
        #expect(try catalog.verify().isEmpty)
    }
}
