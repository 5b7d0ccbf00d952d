import Foundation
import GRDB
import NewsActors
import NewsAnalysis
import NewsIngest

/// Rebuilds the full-text index and the actor links from the stored documents, for when the
/// tokenizer or the actor rules changed; the files on disk are not read again.
///
/// Documents are read in batches inside one transaction (a reindex is all or nothing): the workers
/// extract actors and analyse the text of batch k+1 while the writer inserts batch k, its FTS5
/// insert replaying the prepared tokens as `search index` does.
public struct Reindexer {
    let store: IndexStore
    /// Documents read, prepared and written at a time.
    var batchSize = 2_000

    public init(store: IndexStore) {
        self.store = store
    }

    /// Returns the number of documents processed; `progress` gets (documents done, documents in all).
    @discardableResult
    public func run(jobs: Int = 0, progress: (Int, Int) -> Void = { _, _ in }) throws -> Int {
        let lock = try WriterLock(indexPath: store.path)
        defer { withExtendedLifetime(lock) {} }
        let configuration = try IndexConfiguration(indexPath: store.path)
        let extractor = ActorExtractor(dictionary: configuration.actors)
        var registry = ActorRegistry(extractor: extractor)
        let learned = try LearnedBoilerplate.load(from: store)
        let workers = jobs > 0 ? jobs : ProcessInfo.processInfo.activeProcessorCount
        let batchSize = batchSize
        do {
            let count = try store.pool.writeWithoutTransaction { db in
                var total = 0
                try IndexStore.unmapWriter(db)
                try db.inTransaction(.immediate) {
                    try store.prepareForWriting(in: db)
                    // Learned boilerplate first, so the rebuilt full-text index never sees those lines.
                    _ = try LearnedBoilerplate.apply(learned, in: db)
                    try db.execute(sql: "INSERT INTO documents_fts(documents_fts) VALUES('delete-all')")
                    try db.execute(sql: "DELETE FROM \(ActorLinks.table)")
                    try db.execute(sql: "DELETE FROM actor_aliases")
                    try db.execute(sql: "DELETE FROM actors")
                    try db.execute(sql: "DELETE FROM document_signatures; DELETE FROM document_copies;")
                    total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents") ?? 0
                    progress(0, total)
                    let prepare: @Sendable ([StoredDocument]) -> [ReindexedDocument] = { batch in
                        parallelMap(batch, jobs: workers) { ReindexedDocument($0, extractor: extractor) }
                    }
                    let writer = DocumentWriter()
                    writer.copies = CopyIndex.empty()
                    var done = 0
                    var batch = try StoredDocument.batch(after: 0, limit: batchSize, in: db)
                    var ahead = batch.isEmpty ? nil : Prefetch(prepare, batch)
                    while let current = ahead {
                        let lastID = batch.last!.id
                        batch = try StoredDocument.batch(after: lastID, limit: batchSize, in: db)
                        ahead = batch.isEmpty ? nil : Prefetch(prepare, batch)
                        for document in current.value() {
                            FTS5TokenizerBridge.replay(document.tokens, on: db)
                            try db.cachedStatement(sql: "INSERT INTO documents_fts(rowid, title, body) VALUES (?, ?, ?)")
                                .execute(arguments: [document.stored.id, document.stored.title, document.stored.body])
                            try writer.link(registry.mergeCanonical(document.actors), to: document.stored.id, in: db)
                            if let signature = document.signature {
                                try writer.copies?.record(document.stored.id, signature: signature, in: db)
                            }
                        }
                        done += current.value().count
                        progress(done, total)
                    }
                    try writer.recordChanges(in: db)
                    try SurnameMerge.run(in: db)
                    try FacetColumnStore.prepare(in: db)
                    try db.execute(
                        sql: "UPDATE meta SET value = ? WHERE key = 'tokenizer_version'", arguments: [Analyzer.version])
                    return .commit
                }
                return total
            }
            // `delete-all` and the new segments freed most of the old full-text index's pages.
            try store.releaseFreePages()
            try FacetColumnStore.save(for: store)
            return count
        } catch let error as DatabaseError {
            throw IndexStore.translate(error, path: store.path)
        }
    }
}

/// A stored document as `reindex` reads it back.
struct StoredDocument: Sendable {
    var id: Int64
    var title: String
    var body: String
    var givenActors: [String]
    var metadata: [String: String]

    static func batch(after id: Int64, limit: Int, in db: Database) throws -> [StoredDocument] {
        let names = try StoredMetadata.names(in: db)
        return try Row.fetchAll(
            db.cachedStatement(sql: "SELECT id, title, body, given_actors, metadata FROM documents WHERE id > ? ORDER BY id LIMIT ?"),
            arguments: [id, limit]
        ).map { row in
            StoredDocument(
                id: row["id"], title: row["title"], body: row["body"],
                givenActors: (try? JSONDecoder().decode([String].self, from: Data((row["given_actors"] as String).utf8))) ?? [],
                metadata: StoredMetadata.decode(row["metadata"], names: names) ?? [:])
        }
    }
}

/// What the workers make of a stored document: its actors and its analysed title and body.
struct ReindexedDocument: Sendable {
    var stored: StoredDocument
    var actors: [ExtractedActor]
    var tokens: [PreparedTokens]
    var signature: MinHashSignature?

    init(_ stored: StoredDocument, extractor: ActorExtractor) {
        self.stored = stored
        signature = MinHashSignature(of: stored.body)
        actors = PreparedDocument.actors(
            of: stored.title, stored.body, given: stored.givenActors, declared: StructuredActor.decode(stored.metadata),
            declaredLanguage: PreparedDocument.declaredLanguage(in: stored.metadata), extractor: extractor)
        tokens = [PreparedTokens(analyzing: stored.title), PreparedTokens(analyzing: stored.body)]
    }
}
