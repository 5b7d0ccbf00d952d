import Foundation

extension SQLDatabase {
    /// The actor links as a plain schema stores them, for the benchmark tools' SQL peers: a temporary
    /// `document_actors(document_id, actor_id, mentions)`, a row per link with both B-tree orders,
    /// unpacked from ``ActorLinks`` (the index itself keeps one packed row per article).
    package func unpackActorLinks() throws {
        try execute(
            """
            CREATE TEMP TABLE document_actors(
                document_id INTEGER NOT NULL, actor_id INTEGER NOT NULL, mentions INTEGER NOT NULL,
                PRIMARY KEY(document_id, actor_id)) WITHOUT ROWID;
            CREATE INDEX temp.document_actors_actor ON document_actors(actor_id, document_id);
            """)
        var links: [[Value]] = []
        for row in try rows("SELECT document_id, hex(links) FROM \(ActorLinks.table)") {
            guard case .integer(let document) = row[0], let hex = row[1].string else { continue }
            let bytes = Self.bytes(hex: hex)
            bytes.withUnsafeBytes { ActorLinks.unpack($0) { links.append([.integer(document), .integer($0.actor), .integer($0.mentions)]) } }
        }
        try insert("INSERT INTO temp.document_actors(document_id, actor_id, mentions) VALUES (?, ?, ?)", rows: links)
    }

    /// SQLite's `hex()` read back: this wrapper's values have no BLOB case.
    private static func bytes(hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        let value = { (digit: UInt8) -> UInt8 in digit >= 0x41 ? digit - 0x41 + 10 : digit - 0x30 }
        return stride(from: 0, to: digits.count - 1, by: 2).map { value(digits[$0]) << 4 | value(digits[$0 + 1]) }
    }
}
