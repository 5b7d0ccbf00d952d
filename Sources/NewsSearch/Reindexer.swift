import Foundation
import GRDB
import NewsActors
import NewsAnalysis
import NewsIngest

/// Rebuilds the full-text index and the actor links from the stored documents, for when the
/// tokenizer or the actor rules changed; the files on disk are not read again.
public struct Reindexer {
    let store: IndexStore

    public init(store: IndexStore) {
        self.store = store
    }

    /// Returns the number of documents processed.
    @discardableResult
    public func run(jobs: Int = 0, progress: (Int, Int) -> Void = { _, _ in }) throws -> Int {
        let lock = try WriterLock(indexPath: store.path)
        defer { withExtendedLifetime(lock) {} }
        let configuration = try IndexConfiguration(indexPath: store.path)
        let extractor = ActorExtractor(dictionary: configuration.actors)
        var registry = ActorRegistry(extractor: extractor)
        let learned = try LearnedBoilerplate.load(from: store)
        let workers = jobs > 0 ? jobs : ProcessInfo.processInfo.activeProcessorCount
        do {
            return try store.pool.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    // Learned boilerplate first, so the rebuilt full-text index never sees those lines.
                    _ = try LearnedBoilerplate.apply(learned, in: db)
                    try db.execute(sql: "INSERT INTO documents_fts(documents_fts) VALUES('rebuild')")
                    try db.execute(sql: "DELETE FROM document_actors")
                    try db.execute(sql: "DELETE FROM actor_aliases")
                    try db.execute(sql: "DELETE FROM actors")
                    let rows = try Row.fetchAll(db, sql: "SELECT id, title, body, given_actors FROM documents")
                    struct Input: Sendable { var id: Int64; var title: String; var body: String; var given: [String] }
                    let inputs = rows.map { row in
                        Input(id: row["id"], title: row["title"], body: row["body"],
                            given: (try? JSONDecoder().decode([String].self, from: Data((row["given_actors"] as String).utf8))) ?? [])
                    }
                    let extracted = parallelMap(inputs, jobs: workers) {
                        PreparedDocument.actors(of: $0.title, $0.body, given: $0.given, extractor: extractor)
                    }
                    let writer = DocumentWriter()
                    for (input, extracted) in zip(inputs, extracted) {
                        try writer.link(registry.merge(extracted), to: input.id, in: db)
                    }
                    try writer.recordChanges(in: db)
                    try FacetColumnStore.refresh(in: db)
                    try db.execute(
                        sql: "UPDATE meta SET value = ? WHERE key = 'tokenizer_version'", arguments: [Analyzer.version])
                    progress(inputs.count, inputs.count)
                    return .commit
                }
                return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents") ?? 0
            }
        } catch let error as DatabaseError {
            throw IndexStore.translate(error, path: store.path)
        }
    }
}
