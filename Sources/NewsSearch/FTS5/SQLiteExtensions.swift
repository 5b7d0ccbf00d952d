import GRDB

/// Installs the `newssearch` tokenizer and the `newsrank` functions on a connection.
///
/// ``IndexStore`` and ``SQLDatabase`` do this for every connection they open; tests that open their
/// own GRDB connections call it from `Configuration.prepareDatabase`.
package enum SQLiteExtensions {
    package static func install(in db: Database) {
        db.add(tokenizer: FTS5TokenizerBridge.self)
        FTS5RankFunction.register(in: db)
    }

    /// Hands the tokenizer tokens analysed elsewhere for the texts of the next FTS5 insert on `db`,
    /// in column order; FTS5 then replays them instead of analysing on the writer thread.
    package static func replay(_ tokens: [PreparedTokens], on db: Database) {
        FTS5TokenizerBridge.replay(tokens, on: db)
    }
}
