import Foundation
import GRDB
import NewsIngest

extension Indexer {
    /// JSON Lines piped in (`search index -`, gzip'd or not), read in chunks as a dump on disk is: read
    /// whole, 77 MB of articles took 931 MB of memory and a few GB took the machine's. Each committed
    /// chunk stays if the run is killed; the same stream piped again finds those articles unchanged.
    func streamStandardInput(
        _ handle: FileHandle, job: IndexJob, jobs: Int, summary: inout IndexSummary, progress: (IndexEvent) -> Void
    ) throws {
        let bytes: StreamedBytes
        do {
            bytes = try StreamedBytes(handle)
        } catch {
            record(SkippedRecord(location: "-", reason: error.reason ?? "standard input cannot be read"), in: &summary, progress: progress)
            return
        }
        let input = ScannedFile(path: "-", root: "-", size: 0, mtime: 0)
        let fallbackSource = job.source ?? "stdin"
        let prepare: @Sendable ((data: Data, firstLine: Int)) -> PreparedChunk = {
            [ingestor, extractor, source = job.source, signs = job.copyClusters] chunk in
            let parts = parallelMap(Self.pieces(of: chunk.data, firstLine: chunk.firstLine, jobs: jobs), jobs: jobs) { piece in
                let result = Self.readPiece(piece, file: input, ingestor: ingestor, defaultSource: source)
                let documents = result.articles.map { article in
                    // Named by content, not by place in the stream: two streams' first records stay two
                    // articles, and the same stream read again is the same articles.
                    var document = PreparedDocument(
                        article: article, externalID: article.id ?? "", path: nil,
                        fallbackSource: fallbackSource, extractor: extractor, signs: signs)
                    if document.externalID.isEmpty { document.externalID = "stdin#" + document.contentHash.prefix(12) }
                    return document
                }
                return (documents, result.skipped)
            }
            return (parts.flatMap(\.0), parts.flatMap(\.1))
        }
        let reader = LineChunkReader(read: bytes.read, sizes: DumpChunkSizes(largest: chunkBytes, total: nil))
        let cursor = DumpCursor(reader, hashing: Data())
        try writeChunks(from: cursor, prepare: prepare, summary: &summary) { documents, skipped, db, local in
            for skip in skipped { self.record(skip, in: &local, progress: progress) }
            for document in documents { try self.store(document, fileID: nil, in: db, summary: &local) }
        }
        if let problem = bytes.problem {
            record(SkippedRecord(location: "-:\(cursor.lines + 1)", reason: "\(problem); what follows is not read"), in: &summary, progress: progress)
        }
    }
}
