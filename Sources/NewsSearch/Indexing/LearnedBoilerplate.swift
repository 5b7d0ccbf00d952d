import GRDB
import NewsIngest

/// The index's `BoilerplateModel`: lines repeated across many documents of one source (a site's
/// byline, footer or promo line), learned as documents are written and kept in `meta`.
///
/// New documents are cleaned with it at ingestion; `search reindex` applies it to the stored bodies,
/// so documents indexed before a line was learned lose it too.
enum LearnedBoilerplate {
    static let key = "boilerplate_model"

    static func load(from store: IndexStore) throws -> BoilerplateModel {
        let text = try store.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
        }
        guard let text, let model = BoilerplateModel(storedJSON: text.utf8) else { return BoilerplateModel() }
        return model
    }

    /// The stored model as it is, read one source at a time (``StoredBoilerplate``); nil when none is stored.
    static func stored(in index: IndexFileReader) throws -> StoredBoilerplate? {
        var text: String?
        try index.rows("SELECT value FROM meta WHERE key = ?", [key]) { text = $0.text(0) }
        return text.map { StoredBoilerplate(json: Array($0.utf8)) }
    }

    static func save(_ model: BoilerplateModel, in db: Database) throws {
        let json = try model.compacted().storedJSON()
        try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", arguments: [key, json])
    }

    /// Removes learned lines from every stored body; returns how many documents changed.
    static func apply(_ model: BoilerplateModel, in db: Database) throws -> Int {
        guard !model.sources.isEmpty else { return 0 }
        let rows = try Row.fetchAll(
            db, sql: "SELECT d.id, d.body, s.name FROM documents d JOIN sources s ON s.id = d.source_id")
        var changed = 0
        for row in rows {
            let body: String = row["body"]
            let cleaned = model.apply(to: body, source: row["name"])
            guard !cleaned.removed.isEmpty else { continue }
            try db.execute(sql: "UPDATE documents SET body = ? WHERE id = ?", arguments: [cleaned.text, row["id"] as Int64])
            changed += 1
        }
        return changed
    }
}
