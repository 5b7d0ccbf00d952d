import Foundation
import GRDB
import NewsActors
import NewsIngest

/// Brings an index up to date with files and folders: new and changed files in, vanished files out.
///
/// Parsing, cleaning and actor extraction run on `job.jobs` threads; one writer commits each batch,
/// so an interrupted run leaves the last committed batch intact and a re-run finishes the work.
///
/// ```swift
/// let summary = try Indexer(store: store).run(IndexJob(paths: ["~/news"])) { event in … }
/// ```
public final class Indexer {
    let store: IndexStore
    var ingestor: Ingestor
    /// Lines repeated across a source's documents, learned from what this index holds (issue 4).
    var boilerplate: BoilerplateModel
    let extractor: ActorExtractor
    let writer = DocumentWriter()
    /// JSON Lines dumps larger than this are streamed in chunks; smaller ones are read whole. Read
    /// whole, a dump is prepared before the writer starts and written while the workers wait: a 25 MB
    /// dump (Reuters-21578) used one core for half its run under the old 32 MB threshold.
    var streamingThreshold = 4 << 20
    /// Bytes per streamed chunk at most: a few thousand articles, a commit's worth (see ``DumpChunkSizes``).
    var chunkBytes = 8 << 20
    /// Merges actors across the corpus: one canonical name per actor, a lone surname joins its full name.
    var registry: ActorRegistry

    /// Lists folders and reads files; tests swap in one where some cannot be read.
    var fileSystem: any FileSystem = LocalFileSystem()

    /// Files prepared between two commits: large enough to amortise a commit, small enough to lose little.
    static let batchFiles = 256

    /// Reads the user's alias and actor files beside the index (see ``IndexConfiguration``).
    public init(store: IndexStore) throws {
        self.store = store
        let configuration = try IndexConfiguration(indexPath: store.path)
        boilerplate = try LearnedBoilerplate.load(from: store)
        ingestor = Ingestor(sourceNormalizer: configuration.sources, boilerplateModel: boilerplate)
        extractor = ActorExtractor(dictionary: configuration.actors)
        registry = ActorRegistry(extractor: extractor)
    }

    struct KnownFile: Sendable {
        var id: Int64
        var size: Int
        var mtime: Double
        var hash: String
        /// What the ids of its articles are relative to (``ArticleIdentity``).
        var root: String
    }

    /// When the writer took the run's first article: the start-up before it is a fixed cost.
    private var firstArticle: Date?

    /// Runs one of the steps after the last article, its wall time counted in the summary's fixed costs.
    private func timed(_ name: String, in summary: inout IndexSummary, _ step: () throws -> Void) throws {
        let start = Date()
        try step()
        summary.fixedCosts.append(.init(name: name, seconds: Date().timeIntervalSince(start)))
    }

    /// Files whose text must be read again before the run ends: an article whose text came from a
    /// file that let go of it now comes from another file holding the same id.
    var rereads: Set<Int64> = []

    /// What preparing one file produced, ready for the writer.
    private struct PreparedFile: Sendable {
        var file: ScannedFile
        var hash: String
        var documents: [PreparedDocument]
        var skipped: [SkippedRecord]
        /// The content is what was indexed already; only the modification time moved.
        var contentUnchanged: Bool
        /// The file could not be read: what the index holds from it stays as it is.
        var unreadable = false
    }

    public func run(
        _ job: IndexJob, standardInput: FileHandle? = nil, progress: (IndexEvent) -> Void = { _ in }
    ) throws -> IndexSummary {
        let lock = try WriterLock(indexPath: store.path)
        defer { withExtendedLifetime(lock) {} }
        let started = Date()
        if let chunk = job.dumpChunkBytes {
            streamingThreshold = chunk
            chunkBytes = chunk
        }
        var summary = IndexSummary()
        if !job.copyClusters { writer.copies = nil }
        try store.pool.writeWithoutTransaction { db in try IndexStore.unmapWriter(db) }
        try writeTransaction { db in try self.store.prepareForWriting(in: db) }
        writer.lastRowIDBeforeRun = try store.pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM documents") ?? 0
        }
        try seedRegistry()
        let scan = try FileScanner.scan(job.paths.filter { $0 != "-" }, fileSystem: fileSystem)
        for skip in scan.passedOver { record(skip, in: &summary, progress: progress) }
        let known = try knownFiles()
        var identity = ArticleIdentity(known: known.map { ($0.key, $0.value.root) })
        var scanned = scan.files
        for index in scanned.indices { identity.assign(&scanned[index], recorded: known[scanned[index].path]?.root) }
        // Known before writing, so that an id moving from a vanished file (a rename) is not taken for a duplicate.
        let vanished = vanishedFiles(scan, known: known, job: job, summary: &summary, progress: progress)
        writer.leaving = Set(vanished.map(\.id))
        let documentCounts = try store.pool.read { db in
            try Dictionary(
                uniqueKeysWithValues: Row.fetchAll(
                    db, sql: "SELECT file_id, COUNT(*) AS n FROM documents WHERE file_id IS NOT NULL GROUP BY file_id"
                ).map { ($0["file_id"] as Int64, $0["n"] as Int) })
        }

        // Unchanged by size and time: not even read. Large dumps are streamed, not read whole.
        var pending: [ScannedFile] = []
        var dumps: [ScannedFile] = []
        for file in scanned {
            // An empty hash is a dump an older version recorded before it had read all of it: read it again.
            if let old = known[file.path], old.size == file.size, old.mtime == file.mtime, !old.hash.isEmpty {
                summary.unchanged += documentCounts[old.id] ?? 0
            } else if streams(file, format: job.format) {
                dumps.append(file)
            } else {
                pending.append(file)
            }
        }
        summary.files = scanned.count
        progress(.scanned(files: pending.count, bytes: pending.reduce(0) { $0 + $1.size }))

        let jobs = job.jobs > 0 ? job.jobs : ProcessInfo.processInfo.activeProcessorCount
        var filesDone = 0
        var articlesWritten = 0
        var bytesRead = 0
        // Batch k+1 is prepared on the workers while the writer commits batch k.
        let prepareBatch: @Sendable ([ScannedFile]) -> [PreparedFile] = {
            [ingestor, extractor, fileSystem, format = job.format, source = job.source, signs = job.copyClusters] batch in
            parallelMap(batch, jobs: jobs) { file in
                Self.prepare(file, known: known[file.path]?.hash, fileSystem: fileSystem, ingestor: ingestor, extractor: extractor,
                    format: format, defaultSource: source, jobs: batch.count == 1 ? jobs : 1, signs: signs)
            }
        }
        let batches = stride(from: 0, to: pending.count, by: Self.batchFiles).map {
            Array(pending[$0..<min($0 + Self.batchFiles, pending.count)])
        }
        var ahead = batches.first.map { Prefetch(prepareBatch, $0) }
        for (index, batch) in batches.enumerated() {
            let prepared = ahead!.value()
            ahead = index + 1 < batches.count ? Prefetch(prepareBatch, batches[index + 1]) : nil
            try write(prepared, known: known, documentCounts: documentCounts, summary: &summary, progress: progress)
            filesDone += batch.count
            bytesRead += batch.reduce(0) { $0 + $1.size }
            articlesWritten += prepared.reduce(0) { $0 + $1.documents.count }
            progress(.progress(filesDone: filesDone, articles: articlesWritten, bytes: bytesRead))
        }
        _ = ahead?.value()
        for dump in dumps {
            try stream(dump, known: known[dump.path], job: job, jobs: jobs, summary: &summary, progress: progress)
            filesDone += 1
            bytesRead += dump.size
            progress(.progress(filesDone: filesDone, articles: summary.added + summary.updated, bytes: bytesRead))
        }

        if let standardInput {
            try streamStandardInput(standardInput, job: job, jobs: jobs, summary: &summary, progress: progress)
        }

        if !vanished.isEmpty {
            try writeTransaction { db in
                for file in vanished {
                    summary.removed += try self.release(fileID: file.id, in: db)
                    try db.execute(sql: "DELETE FROM files WHERE id = ?", arguments: [file.id])
                }
            }
        }
        try readAgain(job: job, summary: &summary, progress: progress)
        summary.fixedCosts = [.init(name: "before the first article", seconds: firstArticle.map { $0.timeIntervalSince(started) } ?? 0)]
        let lastCommit = Date()
        var merging = 0.0
        try writeTransaction { db in
            let merge = Date()
            try SurnameMerge.run(in: db)
            merging = Date().timeIntervalSince(merge)
            try DocumentWriter.pruneOrphans(in: db)
            // What is stored is all a later run sees: the counts of lines seen once (most of them) go
            // now, before the columns file is built.
            self.boilerplate = self.boilerplate.compacted()
            try LearnedBoilerplate.save(self.boilerplate, in: db)
            try FacetColumnStore.prepare(in: db)
        }
        // The clusters are in their tables; held in memory they would only add to the columns file's peak.
        if writer.copies != nil { writer.copies = CopyIndex() }
        summary.fixedCosts += [
            .init(name: "surname merge", seconds: merging),
            .init(name: "orphans, boilerplate, last commit", seconds: Date().timeIntervalSince(lastCommit) - merging),
        ]
        try timed("columns file", in: &summary) { try FacetColumnStore.save(for: store) }
        try timed("free pages", in: &summary) { try store.releaseFreePages() }
        summary.bytes = bytesRead
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    private static func prepare(
        _ file: ScannedFile, known hash: String?, fileSystem: any FileSystem, ingestor: Ingestor, extractor: ActorExtractor,
        format: InputFormat, defaultSource: String?, jobs: Int, signs: Bool
    ) -> PreparedFile {
        let (bytes, damage) = file.contents(fileSystem: fileSystem, limit: ingestor.maximumFileSize)
        guard let data = bytes else {
            let reason = (damage ?? "cannot be read") + (hash == nil ? "" : "; the articles indexed from it are kept")
            return PreparedFile(file: file, hash: "", documents: [],
                skipped: [SkippedRecord(location: file.path, reason: reason)], contentUnchanged: false, unreadable: true)
        }
        let digest = ContentHash.of(data)
        if digest == hash {
            return PreparedFile(file: file, hash: digest, documents: [], skipped: [], contentUnchanged: true)
        }
        let (expanded, problem) = ingestor.contents(of: data)
        guard let contents = expanded else {
            return PreparedFile(file: file, hash: digest, documents: [],
                skipped: [SkippedRecord(location: file.path, reason: problem?.description ?? "cannot be read")], contentUnchanged: false)
        }
        var result = read(contents, file: file, ingestor: ingestor, format: format, defaultSource: defaultSource, jobs: jobs)
        for problem in [damage, problem?.description].compactMap(\.self) {
            for index in result.articles.indices { result.articles[index].notes.append(IngestNote(location: file.path, message: problem)) }
        }
        let many = result.articles.count > 1
        // A dump numbers its records however many it has, so one that shrinks to a single record (or
        // grows from one) keeps its ids, as a streamed dump always did. A JSON array and a CSV table are
        // dumps too: their records without ids all had the file's name as id, and each replaced the last.
        let readAsDump = Ingestor.numbersRecords(path: file.path, data: contents, format: format)
        // A JSON Lines dump is one file but thousands of articles: those are prepared in parallel too.
        let numbered = Array(result.articles.enumerated())
        let fallbackSource = defaultSource ?? file.folderName ?? SourceFolder.unknown
        let documents = parallelMap(numbered, jobs: many ? jobs : 1) { index, article in
            PreparedDocument(
                article: article, externalID: article.id ?? (file.relativePath + (readAsDump ? "#\(index + 1)" : "")),
                path: file.path, fallbackSource: fallbackSource, extractor: extractor, signs: signs)
        }
        return PreparedFile(file: file, hash: digest, documents: documents, skipped: result.skipped, contentUnchanged: false)
    }

    /// Reads a file; a large JSON Lines dump is cut at line ends into pieces, read in parallel, and
    /// put back together (skip locations keep their line numbers in the whole file).
    static func read(
        _ data: Data, file: ScannedFile, ingestor: Ingestor, format: InputFormat, defaultSource: String?, jobs: Int,
        firstLine: Int = 1
    ) -> IngestResult {
        guard jobs > 1 || firstLine > 1, data.count > 1 << 20 || firstLine > 1,
            (format == .jsonl || (format == .auto && Ingestor.detectFormat(path: file.path, data: data) == .jsonl))
        else {
            return ingestor.read(data: data, path: file.path, format: format, defaultSource: defaultSource, folderName: file.folderName)
        }
        let parts = parallelMap(pieces(of: data, firstLine: firstLine, jobs: jobs), jobs: jobs) { piece in
            readPiece(piece, file: file, ingestor: ingestor, defaultSource: defaultSource)
        }
        return IngestResult(articles: parts.flatMap(\.articles), skipped: parts.flatMap(\.skipped))
    }

    /// JSON Lines bytes cut at line ends, each piece with the number of its first line. Several pieces
    /// per worker, so that a worker slowed by the writer sharing its core does not hold up the rest.
    static func pieces(of data: Data, firstLine: Int, jobs: Int, boundaries: (any RecordBoundaries)? = nil) -> [(data: Data, firstLine: Int)] {
        var pieces: [(data: Data, firstLine: Int)] = []
        var start = data.startIndex
        var line = firstLine
        let target = max(data.count / (max(jobs, 1) * 8) + 1, 256 << 10)
        // A table's rows may hold line ends inside quotes, an archive's records are many lines: each is
        // cut only where a record ends.
        var cuts: [Int] = []
        if let boundaries {
            var last = 0
            boundaries.recordEnds(in: data) { end in
                if end - last >= target {
                    cuts.append(data.startIndex + end)
                    last = end
                }
            }
        }
        var nextCut = cuts.makeIterator()
        while start < data.endIndex {
            var end = min(start + target, data.endIndex)
            if boundaries != nil {
                end = nextCut.next() ?? data.endIndex
            } else {
                while end < data.endIndex && data[end - 1] != UInt8(ascii: "\n") { end += 1 }
            }
            let piece = data[start..<end]
            pieces.append((Data(piece), line))
            line += LineChunkReader.lineEnds(in: piece)
            start = end
        }
        return pieces
    }

    /// One piece of a dump read as JSON Lines, its skip locations numbered as lines of the whole file.
    static func readPiece(
        _ piece: (data: Data, firstLine: Int), file: ScannedFile, format: InputFormat = .jsonl, ingestor: Ingestor, defaultSource: String?
    ) -> IngestResult {
        var result = ingestor.read(
            data: piece.data, path: file.path, format: format, defaultSource: defaultSource, folderName: file.folderName)
        func renumbered(_ location: String) -> String {
            guard let colon = location.lastIndex(of: ":"), let number = Int(location[location.index(after: colon)...])
            else { return location }
            return "\(location[..<colon]):\(number + piece.firstLine - 1)"
        }
        result.skipped = result.skipped.map { SkippedRecord(location: renumbered($0.location), reason: $0.reason) }
        for index in result.articles.indices where !result.articles[index].notes.isEmpty {
            result.articles[index].notes = result.articles[index].notes.map {
                IngestNote(location: renumbered($0.location), message: $0.message)
            }
        }
        return result
    }

    private func write(
        _ prepared: [PreparedFile], known: [String: KnownFile], documentCounts: [Int64: Int],
        summary: inout IndexSummary, progress: (IndexEvent) -> Void
    ) throws {
        var local = summary
        try writeTransaction { db in
            for file in prepared {
                for skip in file.skipped { self.record(skip, in: &local, progress: progress) }
                let old = known[file.file.path]
                if file.unreadable {
                    local.unreadable += 1
                    continue
                }
                if file.contentUnchanged, let old {
                    try db.execute(sql: "UPDATE files SET size = ?, mtime = ? WHERE id = ?",
                        arguments: [file.file.size, file.file.mtime, old.id])
                    local.unchanged += documentCounts[old.id] ?? 0
                    continue
                }
                // A file that made no article at all stays unrecorded, so fixing it gets it indexed.
                if file.documents.isEmpty && old == nil { continue }
                let fileID: Int64
                if let old {
                    fileID = old.id
                    try db.execute(sql: "UPDATE files SET size = ?, mtime = ?, hash = ? WHERE id = ?",
                        arguments: [file.file.size, file.file.mtime, file.hash, old.id])
                } else {
                    try db.execute(sql: "INSERT INTO files(path, size, mtime, hash, root) VALUES (?, ?, ?, ?, ?)",
                        arguments: [file.file.path, file.file.size, file.file.mtime, file.hash, file.file.root])
                    fileID = db.lastInsertedRowID
                }
                for document in file.documents { try self.store(document, fileID: fileID, in: db, summary: &local) }
                local.removed += try self.release(fileID: fileID, except: Set(file.documents.map(\.externalID)), in: db)
            }
        }
        summary = local
    }

    /// Writes one prepared document, its actors merged across the corpus and its lines learned as
    /// possible boilerplate of its source.
    func store(_ document: PreparedDocument, fileID: Int64?, in db: Database, summary: inout IndexSummary) throws {
        if firstArticle == nil { firstArticle = Date() }
        let actors = registry.mergeCanonical(document.actors)
        let outcome = try writer.upsert(document, actors: actors, fileID: fileID, in: db)
        if outcome == .added || outcome == .updated { boilerplate.learn(lineHashes: document.lineHashes, source: document.source) }
        if case .duplicate(let holder) = outcome {
            summary.warnings.append(IndexSummary.Warning(
                location: document.path ?? "-",
                message: "id '\(document.externalID)' is also in \(holder); the article keeps the text from there"))
        }
        if outcome == .repeated {
            summary.warnings.append(IndexSummary.Warning(
                location: document.path ?? "-",
                message: "id '\(document.externalID)' is given to more than one record; the later replaced the earlier"))
        }
        count(outcome, in: &summary)
        summary.notes += document.article.notes.map { IndexSummary.Note(location: $0.location, message: $0.message) }
    }

    /// The file no longer holds these records (all, or all but `kept`); returns how many left the index
    /// (an id another file still holds stays).
    func release(fileID: Int64, except kept: Set<String>? = nil, in db: Database) throws -> Int {
        let release = try writer.release(fileID: fileID, except: kept, in: db)
        rereads.formUnion(release.reread)
        return release.removed
    }

    func knownFiles() throws -> [String: KnownFile] {
        try store.pool.read { db in
            try Dictionary(
                uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, path, size, mtime, hash, root FROM files").map {
                    ($0["path"] as String,
                     KnownFile(id: $0["id"], size: $0["size"], mtime: $0["mtime"], hash: $0["hash"], root: $0["root"]))
                })
        }
    }

    /// Reads again the files that now hold an article another file let go of, so it shows their text.
    private func readAgain(job: IndexJob, summary: inout IndexSummary, progress: (IndexEvent) -> Void) throws {
        writer.detectsRepeats = false
        defer { writer.detectsRepeats = true }
        for _ in 0..<4 where !rereads.isEmpty {
            let known = try knownFiles()
            let files = known.filter { rereads.contains($0.value.id) }.compactMap { path, file in
                FileScanner.file(recordedAt: path, root: file.root)
            }
            rereads = []
            let prepared = files.map {
                Self.prepare($0, known: nil, fileSystem: fileSystem, ingestor: ingestor, extractor: extractor,
                    format: job.format, defaultSource: job.source, jobs: 1, signs: job.copyClusters)
            }
            var again = IndexSummary()
            try write(prepared, known: known, documentCounts: [:], summary: &again, progress: progress)
            summary.added += again.added
            summary.updated += again.updated
            summary.removed += again.removed
            summary.warnings += again.warnings
        }
    }

    /// Actors already in the index come first, so new articles merge into them.
    private func seedRegistry() throws {
        try Self.seed(&registry, from: store)
    }

    static func seed(_ registry: inout ActorRegistry, from store: IndexStore) throws {
        let known = try store.pool.read { db in try Row.fetchAll(db, sql: "SELECT name, type FROM actors") }
        for row in known {
            _ = registry.canonical(name: row["name"], type: ActorType(rawValue: row["type"]) ?? .person)
        }
    }

    func count(_ outcome: DocumentWriter.Outcome, in summary: inout IndexSummary) {
        switch outcome {
        case .added: summary.added += 1
        case .updated: summary.updated += 1
        case .unchanged: summary.unchanged += 1
        case .duplicate, .repeated: break
        }
    }

    func record(_ skip: SkippedRecord, in summary: inout IndexSummary, progress: (IndexEvent) -> Void) {
        let entry = IndexSummary.Skip(location: skip.location, reason: skip.reason)
        summary.skipped.append(entry)
        progress(.skipped(entry))
    }

    func warn(_ warning: IndexSummary.Warning, in summary: inout IndexSummary, progress: (IndexEvent) -> Void) {
        summary.warnings.append(warning)
        progress(.warning(warning))
    }

    func writeTransaction(_ body: (Database) throws -> Void) throws {
        do {
            try store.pool.writeWithoutTransaction { db in
                defer { self.writer.transactionEnded() }
                try db.inTransaction(.immediate) {
                    try body(db)
                    try self.writer.recordChanges(in: db)
                    return .commit
                }
            }
        } catch let error as DatabaseError {
            throw IndexStore.translate(error, path: store.path)
        }
    }
}
