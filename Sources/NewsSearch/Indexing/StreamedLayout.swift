import Foundation
import NewsIngest

/// How a file read in chunks is cut and read back: a JSON Lines dump at line ends; a CSV table between
/// rows, its header row put in front of every piece; a web archive between records.
struct StreamedLayout: Sendable {
    let format: InputFormat
    /// Where records end; nil: at line ends.
    var boundaries: (any RecordBoundaries)?
    /// What every piece is read with in front of it (a table's header row): the chunks do not hold it.
    var header = Data()

    /// Nil for a file that is read whole, however large (a page, a JSON array).
    init?(path: String, format: InputFormat) {
        let resolved: InputFormat
        switch (format, Gzip.formatExtension(path)) {
        case (.jsonl, _), (.auto, "jsonl"), (.auto, "ndjson"): resolved = .jsonl
        case (.csv, _), (.auto, "csv"), (.auto, "tsv"): resolved = .csv
        case (.warc, _), (.auto, "warc"): resolved = .warc
        default: return nil
        }
        self.format = resolved
        if resolved == .warc { boundaries = WebArchiveRecords() }
    }

    /// Past this many bytes without a record's end, a block is cut at a line end anyway, so memory stays
    /// bounded: a table's quote never closed (its reader names the row), a web archive's video.
    var longestRecord: Int { format == .warc ? 256 << 20 : 64 << 20 }

    /// A piece as the reader takes it, with the number of its first line in that text such that a
    /// location the reader gives is the file's line.
    func readable(_ piece: (data: Data, firstLine: Int)) -> (data: Data, firstLine: Int) {
        header.isEmpty ? piece : (header + piece.data, piece.firstLine - 1)
    }
}
