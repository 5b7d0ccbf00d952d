import Foundation
import GRDB
import NewsIngest

/// Large JSON Lines dumps are read in line-aligned chunks, each prepared on the workers while the
/// writer commits the one before, so memory stays bounded by a few chunks whatever the dump's size.
extension Indexer {
    /// The size recorded for a dump while it is being streamed: no file has it.
    static let incompleteSize = -1

    static func isDump(_ path: String) -> Bool {
        ["jsonl", "ndjson"].contains((path as NSString).pathExtension.lowercased())
    }

    func stream(
        _ file: ScannedFile, known: KnownFile?, job: IndexJob, jobs: Int, summary: inout IndexSummary,
        progress: (IndexEvent) -> Void
    ) throws {
        guard let handle = FileHandle(forReadingAtPath: file.path) else {
            // Its row and articles are left as they are: unreadable is not gone.
            let reason = known == nil ? "cannot be read" : "cannot be read; the articles indexed from it are kept"
            record(SkippedRecord(location: file.path, reason: reason), in: &summary, progress: progress)
            summary.unreadable += 1
            return
        }
        defer { try? handle.close() }
        // Until the whole dump is in, its row matches no file (size -1, no hash): a run killed before
        // the end leaves a dump the next run must read again, never one it takes as done.
        var fileID: Int64 = known?.id ?? 0
        try writeTransaction { db in
            if let known {
                try db.execute(sql: "UPDATE files SET size = \(Self.incompleteSize), hash = '' WHERE id = ?", arguments: [known.id])
            } else {
                try db.execute(
                    sql: "INSERT INTO files(path, size, mtime, hash, root) VALUES (?, \(Self.incompleteSize), ?, '', ?)",
                    arguments: [file.path, file.mtime, file.root])
                fileID = db.lastInsertedRowID
            }
        }
        // Worked out once: per article it cost 0.7% of a run in path handling.
        let fallbackSource = job.source ?? file.folderName ?? SourceFolder.unknown
        // A dump read again (changed, or cut short by a kill) mostly holds what is stored already: those
        // records skip actor extraction and analysis, so a re-run gets quickly to where the last one stopped.
        let stored: Set<String> = try known.map { known in
            try store.pool.read { db in
                try Set(String.fetchAll(
                    db,
                    sql: """
                        SELECT d.content_hash FROM document_files h JOIN documents d ON d.id = h.document_id
                        WHERE h.file_id = ?
                        """,
                    arguments: [known.id]))
            }
        } ?? []
        // Each piece is read and prepared by the worker that claims it: no wait between reading the
        // whole chunk and preparing its articles, where a slow piece left the other core idle.
        let prepare: @Sendable ((data: Data, firstLine: Int)) -> (documents: [PreparedDocument], skipped: [SkippedRecord]) = {
            [ingestor, extractor, stored, source = job.source, signs = job.copyClusters] chunk in
            let parts = parallelMap(Self.pieces(of: chunk.data, firstLine: chunk.firstLine, jobs: jobs), jobs: jobs) { piece in
                let result = Self.readPiece(piece, file: file, ingestor: ingestor, defaultSource: source)
                // Ids for records without one are numbered by the writer, which sees the dump in order.
                let documents = result.articles.map { article in
                    let source = PreparedDocument.clean(article.source) ?? fallbackSource
                    let hash = stored.isEmpty ? "" : PreparedDocument.contentHash(of: article, source: source)
                    if stored.contains(hash) {
                        return PreparedDocument.known(
                            article: article, externalID: article.id ?? "", path: file.path, source: source, contentHash: hash)
                    }
                    return PreparedDocument(
                        article: article, externalID: article.id ?? "", path: file.path,
                        fallbackSource: fallbackSource, extractor: extractor, signs: signs)
                }
                return (documents, result.skipped)
            }
            return (parts.flatMap(\.0), parts.flatMap(\.1))
        }
        // Reading and hashing the next chunk happen in the prefetch too, off the writer's thread: each
        // prefetch starts after the one before has finished, so the cursor is only ever used by one.
        let sizes = DumpChunkSizes(largest: chunkBytes, total: file.size)
        let cursor = DumpCursor(LineChunkReader(handle: handle, sizes: sizes))
        typealias Prepared = (documents: [PreparedDocument], skipped: [SkippedRecord], bytes: Int)
        let step: @Sendable (DumpCursor) -> Result<Prepared?, Error> = { cursor in
            Result { try cursor.next().map { chunk in let (documents, skipped) = prepare(chunk); return (documents, skipped, chunk.data.count) } }
        }
        var next: Prefetch? = Prefetch(step, cursor)
        // Leaving early (an error) waits for the prefetch still reading, before the handle closes.
        defer { _ = next?.value() }
        // The ids a dump read again still holds, so that those it dropped leave the index. A dump new to
        // the index held nothing before, so it has nothing to let go of: no set of every id it holds, and
        // no reading back of a row for every article it wrote, both growing with the dump.
        var kept: Set<String> = []
        var ordinal = 0
        /// One chunk's records, in dump order, inside the writer's transaction.
        func writeChunk(_ documents: [PreparedDocument], skipped: [SkippedRecord], in db: Database, summary local: inout IndexSummary) throws {
            for skip in skipped { self.record(skip, in: &local, progress: progress) }
            for var document in documents {
                ordinal += 1
                if document.externalID.isEmpty { document.externalID = file.relativePath + "#\(ordinal)" }
                if !document.isPrepared, try !self.isStored(document, in: db) {
                    // Its content is stored, but under another id (records moved in the dump): prepared here after all.
                    document = PreparedDocument(
                        article: document.article, externalID: document.externalID, path: file.path,
                        fallbackSource: fallbackSource, extractor: self.extractor, signs: job.copyClusters)
                }
                if known != nil { kept.insert(document.externalID) }
                try self.store(document, fileID: fileID, in: db, summary: &local)
            }
        }
        var finished = false
        while !finished {
            var local = summary
            // Chunks start small (``DumpChunkSizes``) but commits stay about `chunkBytes` apart: each
            // commit leaves FTS5 another segment, and 19 commits for a 25 MB dump made its index 3-5% larger.
            try writeTransaction { db in
                var written = 0
                while written < chunkBytes {
                    guard let (documents, skipped, bytes) = try next!.value().get() else {
                        finished = true
                        return
                    }
                    next = Prefetch(step, cursor)
                    written += bytes
                    try writeChunk(documents, skipped: skipped, in: db, summary: &local)
                }
            }
            summary = local
        }
        next = nil
        let digest = cursor.hash.value
        var local = summary
        try writeTransaction { db in
            if known != nil { local.removed += try self.release(fileID: fileID, except: kept, in: db) }
            try db.execute(
                sql: "UPDATE files SET size = ?, mtime = ?, hash = ? WHERE id = ?",
                arguments: [file.size, file.mtime, digest, fileID])
        }
        summary = local
    }
}

extension Indexer {
    /// The document is stored under its id with this content.
    func isStored(_ document: PreparedDocument, in db: Database) throws -> Bool {
        try String.fetchOne(
            db.cachedStatement(sql: "SELECT content_hash FROM documents WHERE external_id = ?"), arguments: [document.externalID]
        ) == document.contentHash
    }
}

/// A dump's reader and the running hash of what it has read: advanced by one prefetch at a time.
private final class DumpCursor: @unchecked Sendable {
    private var reader: LineChunkReader
    private(set) var hash = ContentHash.Streaming()

    init(_ reader: LineChunkReader) { self.reader = reader }

    func next() throws -> (data: Data, firstLine: Int)? {
        guard let chunk = try reader.next() else { return nil }
        hash.add(chunk.data)
        return chunk
    }
}

/// Reads a file in chunks that end at a line end, numbering each chunk's first line.
struct LineChunkReader {
    let handle: FileHandle
    private var sizes: DumpChunkSizes
    /// The bytes after the last line end read so far: the start of the next chunk.
    private(set) var carry = Data()
    private var line = 1
    private var finished = false

    init(handle: FileHandle, sizes: DumpChunkSizes) {
        self.handle = handle
        self.sizes = sizes
    }

    mutating func next() throws -> (data: Data, firstLine: Int)? {
        guard !finished else { return nil }
        var block = carry
        carry = Data()
        let chunkBytes = sizes.next()
        while true {
            let read = try handle.read(upToCount: chunkBytes) ?? Data()
            block.append(read)
            if read.isEmpty {
                finished = true
                break
            }
            if let end = block.lastIndex(of: UInt8(ascii: "\n")) {
                // Copied, not sliced: a slice keeps the whole block's storage alive, and appending the
                // next read to it grew one buffer to the size of the dump (1.8 GB at 1M articles).
                carry = Data(block[(end + 1)...])
                block.removeSubrange((end + 1)...)
                break
            }
        }
        guard !block.isEmpty else { return nil }
        sizes.consumed(block.count)
        let first = line
        line += block.withUnsafeBytes { bytes in bytes.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) } }
        return (block, first)
    }
}
