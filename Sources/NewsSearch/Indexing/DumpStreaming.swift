import Foundation
import GRDB
import NewsIngest

/// Large JSON Lines dumps, CSV tables and web archives are read in chunks cut between records
/// (``StreamedLayout``), each prepared on the workers while the writer commits the one before, so
/// memory stays bounded by a few chunks whatever the file's size.
extension Indexer {
    /// A streamed archive's piece holds whole records, so its one whole-file skip ("no HTML page in it")
    /// says nothing of the archive: said once at its end instead. A piece that does not start with a
    /// record follows a record too large to hold (cut at a line end): named, not lost without a word.
    static func archivePiece(_ piece: Data, file: ScannedFile, layout: StreamedLayout, skipped: inout [SkippedRecord]) {
        skipped.removeAll { $0.location == file.path && $0.reason == IngestError.archiveWithoutPages.description }
        if !WebArchiveRecords.startsWithRecord(piece) {
            skipped.append(SkippedRecord(location: file.path, reason: "a record larger than the \(layout.longestRecord >> 20) MB read at once; passed over"))
        }
    }

    /// A streamed table's first line, its header row, which goes in front of every piece (each read as a
    /// table of its own); `head` is all that was read for it, the header and what follows.
    /// `problem`: the header names no text column, so nothing of the table can be read.
    static func tableHead(
        read: (Int) throws -> Data, path: String, ingestor: Ingestor
    ) throws -> (head: Data, header: Data, problem: SkippedRecord?) {
        var head = Data()
        while head.count < 1 << 20, !head.contains(0x0A) {
            let piece = try read(64 << 10)
            if piece.isEmpty { break }
            head.append(piece)
        }
        let header = Data(head[..<(head.firstIndex(of: 0x0A).map { $0 + 1 } ?? head.endIndex)])
        return (head, header, ingestor.read(data: header, path: path, format: .csv).skipped.first)
    }

    /// The size recorded for a dump while it is being streamed: no file has it.
    static let incompleteSize = -1

    /// Read as a stream of chunks rather than whole: a large JSON Lines dump, CSV table or web archive,
    /// and a compressed one of any size (what it expands to is unknown until it is read).
    func streams(_ file: ScannedFile, format: InputFormat) -> Bool {
        guard StreamedLayout(path: file.path, format: format) != nil else { return false }
        return file.size > streamingThreshold || Gzip.isCompressedName(file.path)
    }

    func stream(
        _ file: ScannedFile, known: KnownFile?, job: IndexJob, jobs: Int, summary: inout IndexSummary,
        progress: (IndexEvent) -> Void
    ) throws {
        let bytes: StreamedBytes
        do {
            bytes = try StreamedBytes(file)
        } catch {
            // Its row and articles are left as they are: unreadable is not gone.
            let reason = (error.reason ?? "cannot be read") + (known == nil ? "" : "; the articles indexed from it are kept")
            record(SkippedRecord(location: file.path, reason: reason), in: &summary, progress: progress)
            summary.unreadable += 1
            return
        }
        guard var layout = StreamedLayout(path: file.path, format: job.format) else { return }
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
        let read = bytes.read
        var head = Data()
        if layout.format == .csv {
            let table = try Self.tableHead(read: read, path: file.path, ingestor: ingestor)
            if let problem = table.problem {
                // Nothing of it can be read: named, and its row left incomplete so the next run reads it again.
                record(problem, in: &summary, progress: progress)
                return
            }
            (head, layout.header) = (table.head, table.header)
            layout.boundaries = TableRows(header: table.header, path: file.path)
        }
        // Worked out once: per article it cost 0.7% of a run in path handling.
        let fallbackSource = job.source ?? file.folderName ?? SourceFolder.unknown
        // A dump read again (changed, or cut short by a kill) mostly holds what is stored already: those
        // records skip actor extraction and analysis, so a re-run gets quickly to where the last one stopped.
        let stored: Set<String> = try known.map { known in
            try store.pool.read { db in try HolderFiles.contentHashes(heldBy: known.id, in: db) }
        } ?? []
        // Each piece is read and prepared by the worker that claims it: no wait between reading the
        // whole chunk and preparing its articles, where a slow piece left the other core idle.
        let prepare: @Sendable ((data: Data, firstLine: Int)) -> (documents: [PreparedDocument], skipped: [SkippedRecord]) = {
            [ingestor, extractor, stored, layout, source = job.source, signs = job.copyClusters] chunk in
            let pieces = Self.pieces(of: chunk.data, firstLine: chunk.firstLine, jobs: jobs, boundaries: layout.boundaries)
            let parts = parallelMap(pieces, jobs: jobs) { piece in
                var result = Self.readPiece(layout.readable(piece), file: file, format: layout.format, ingestor: ingestor, defaultSource: source)
                if layout.format == .warc { Self.archivePiece(piece.data, file: file, layout: layout, skipped: &result.skipped) }
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
        // A compressed dump's expanded size is unknown: its chunks only grow.
        let sizes = DumpChunkSizes(largest: chunkBytes, total: bytes.expanded ? nil : file.size)
        let reader = LineChunkReader(
            read: read, sizes: sizes, carry: Data(head.dropFirst(layout.header.count)), firstLine: layout.header.isEmpty ? 1 : 2,
            rowEnd: layout.boundaries.map { boundaries in { boundaries.lastRecordEnd(in: $0) } }, longestRecord: layout.longestRecord)
        let cursor = DumpCursor(reader, hashing: layout.header)
        // The ids a dump read again still holds, so that those it dropped leave the index. A dump new to
        // the index held nothing before, so it has nothing to let go of: no set of every id it holds, and
        // no reading back of a row for every article it wrote, both growing with the dump.
        var kept: Set<String> = []
        var ordinal = 0
        var skips = 0
        // An archive's address is read once, from its first capture, as when the archive is read whole.
        var addresses: Set<String> = []
        /// One chunk's records, in dump order, inside the writer's transaction.
        func writeChunk(_ documents: [PreparedDocument], skipped: [SkippedRecord], in db: Database, summary local: inout IndexSummary) throws {
            for skip in skipped { self.record(skip, in: &local, progress: progress) }
            skips += skipped.count
            for var document in documents {
                if layout.format == .warc, !addresses.insert(document.externalID).inserted { continue }
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
        try writeChunks(from: cursor, prepare: prepare, summary: &summary, write: writeChunk)
        let digest = cursor.hash.value
        var local = summary
        if layout.format == .warc && ordinal == 0 && skips == 0 {
            record(SkippedRecord(location: file.path, reason: IngestError.archiveWithoutPages.description), in: &local, progress: progress)
        }
        // The lines before a damaged or cut-short end are indexed; what came after is named as lost.
        if let problem = bytes.problem {
            record(SkippedRecord(location: "\(file.path):\(cursor.lines + 1)", reason: "\(problem); what follows is not read"),
                in: &local, progress: progress)
        }
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
    typealias PreparedChunk = (documents: [PreparedDocument], skipped: [SkippedRecord])

    /// A stream's chunks read and prepared on the workers, one ahead of the writer, and written in
    /// commits about `chunkBytes` apart: each commit leaves FTS5 another segment, and 19 commits for a
    /// 25 MB dump made its index 3-5% larger. Chunks start small (``DumpChunkSizes``) so the workers start soon.
    func writeChunks(
        from cursor: DumpCursor, prepare: @escaping @Sendable ((data: Data, firstLine: Int)) -> PreparedChunk,
        summary: inout IndexSummary,
        write: (_ documents: [PreparedDocument], _ skipped: [SkippedRecord], _ db: Database, _ summary: inout IndexSummary) throws -> Void
    ) throws {
        typealias Prepared = (documents: [PreparedDocument], skipped: [SkippedRecord], bytes: Int)
        // Reading and hashing the next chunk happen in the prefetch too, off the writer's thread: each
        // prefetch starts after the one before has finished, so the cursor is only ever used by one.
        let step: @Sendable (DumpCursor) -> Result<Prepared?, Error> = { cursor in
            Result { try cursor.next().map { chunk in let (documents, skipped) = prepare(chunk); return (documents, skipped, chunk.data.count) } }
        }
        var next: Prefetch? = Prefetch(step, cursor)
        // Leaving early (an error) waits for the prefetch still reading, before the input closes.
        defer { _ = next?.value() }
        var finished = false
        while !finished {
            var local = summary
            try writeTransaction { db in
                var written = 0
                while written < chunkBytes {
                    guard let (documents, skipped, bytes) = try next!.value().get() else {
                        finished = true
                        return
                    }
                    next = Prefetch(step, cursor)
                    written += bytes
                    try write(documents, skipped, db, &local)
                }
            }
            summary = local
        }
        next = nil
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
final class DumpCursor: @unchecked Sendable {
    private var reader: LineChunkReader
    private(set) var hash = ContentHash.Streaming()

    /// `prefix`: what was read of the file before the reader's first chunk (a table's header row).
    init(_ reader: LineChunkReader, hashing prefix: Data) {
        self.reader = reader
        hash.add(prefix)
    }

    /// Lines read so far (the last one counted even without its line end).
    var lines: Int { reader.line - 1 }

    func next() throws -> (data: Data, firstLine: Int)? {
        guard let chunk = try reader.next() else { return nil }
        hash.add(chunk.data)
        return chunk
    }
}

/// Reads a file in chunks that end at a line end, numbering each chunk's first line.
struct LineChunkReader {
    /// Up to so many more bytes of the file (or of what it expands to); empty at its end.
    private let read: (Int) throws -> Data
    private var sizes: DumpChunkSizes
    /// The bytes after the last line end read so far: the start of the next chunk.
    private(set) var carry = Data()
    private(set) var line = 1
    private var finished = false

    /// Where the last whole record in a block ends (just past its line end); a line's end when nil.
    private let rowEnd: ((Data) -> Int?)?
    /// Past this many bytes without a record's end (a table's quote never closed), a block is cut at its
    /// last line end anyway: memory stays bounded, and the reader names the broken row.
    private let longestRecord: Int

    init(
        read: @escaping (Int) throws -> Data, sizes: DumpChunkSizes, carry: Data = Data(), firstLine: Int = 1,
        rowEnd: ((Data) -> Int?)? = nil, longestRecord: Int = 64 << 20
    ) {
        self.read = read
        self.sizes = sizes
        self.carry = carry
        line = firstLine
        self.rowEnd = rowEnd
        self.longestRecord = longestRecord
    }

    init(handle: FileHandle, sizes: DumpChunkSizes) {
        self.init(read: { try handle.read(upToCount: $0) ?? Data() }, sizes: sizes)
    }

    mutating func next() throws -> (data: Data, firstLine: Int)? {
        guard !finished else { return nil }
        var block = carry
        carry = Data()
        let chunkBytes = sizes.next()
        while true {
            let piece = try read(chunkBytes)
            block.append(piece)
            if piece.isEmpty {
                finished = true
                break
            }
            let lineEnd = block.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 }
            let recordEnd = rowEnd.map { rowEnd in block.count > longestRecord ? lineEnd : rowEnd(block).map { block.startIndex + $0 } } ?? lineEnd
            if let end = recordEnd {
                // Copied, not sliced: a slice keeps the whole block's storage alive, and appending the
                // next read to it grew one buffer to the size of the dump (1.8 GB at 1M articles).
                carry = Data(block[end...])
                block.removeSubrange(end...)
                break
            }
        }
        guard !block.isEmpty else { return nil }
        sizes.consumed(block.count)
        let first = line
        line += Self.lineEnds(in: block)
        return (block, first)
    }

    /// How many line feeds `data` holds, found by `memchr`: counted byte by byte, the line numbers of a
    /// dump's chunks and pieces cost its reading about as much as its file hash.
    static func lineEnds(in data: Data) -> Int {
        data.withUnsafeBytes { bytes in
            guard var next = bytes.baseAddress else { return 0 }
            let end = next + bytes.count
            var count = 0
            while next < end, let found = memchr(next, 0x0A, end - next) {
                count += 1
                next = UnsafeRawPointer(found) + 1
            }
            return count
        }
    }
}
