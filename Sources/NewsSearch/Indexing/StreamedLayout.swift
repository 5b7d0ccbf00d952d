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

/// A streamed file's bytes as its reader takes them: a gzip file's expanded, an archived file's taken
/// from its archive (and expanded too when it is itself gzip'd, as a WACZ's web archives are).
final class StreamedBytes {
    /// Up to so many more bytes; empty at the end.
    let read: (Int) throws -> Data
    /// Whether the bytes are expanded as they are read (so their total is unknown).
    let expanded: Bool
    private let damage: () -> String?

    /// Why the end could not be read, after the last read: a cut or damaged gzip file or archive member.
    var problem: String? { damage() }

    /// Throws a reason when the file cannot be read at all (missing, encrypted in its archive).
    convenience init(_ file: ScannedFile) throws(StreamedBytesUnavailable) {
        guard let archived = file.archived else {
            guard let handle = FileHandle(forReadingAtPath: file.path) else { throw StreamedBytesUnavailable(reason: nil) }
            try self.init(handle)
            return
        }
        let member: (read: (Int) throws -> Data, problem: () -> ZipProblem?)
        do { member = try archived.member.stream(in: archived.archive) } catch { throw StreamedBytesUnavailable(reason: error.description) }
        try self.init(member.read, expanded: archived.member.method != 0) { member.problem()?.description }
    }

    /// A file or pipe read from where it stands; closed when the last reader lets go of it.
    convenience init(_ handle: FileHandle) throws(StreamedBytesUnavailable) {
        try self.init({ try handle.read(upToCount: $0) ?? Data() }, expanded: false) { nil }
    }

    /// `raw`: the bytes as stored, expanded here when they are gzip's and read as UTF-8 when they are
    /// UTF-16 (Excel's "Unicode text", PowerShell's `Out-File`): cut by its bytes, half a character
    /// (U+010A "Ċ" is `0A 01`) was taken for a line end. `rawDamage`: a problem with their end.
    private init(
        _ raw: @escaping (Int) throws -> Data, expanded: Bool, rawDamage: @escaping () -> String?
    ) throws(StreamedBytesUnavailable) {
        var decoded = raw
        var damage = rawDamage
        var expanded = expanded
        var ahead: Data
        do { ahead = try raw(2) } catch { throw StreamedBytesUnavailable(reason: nil) }
        if Gzip.isCompressed(ahead) {
            let inflating: InflatingReader
            do { inflating = try InflatingReader(source: Self.resuming(ahead, raw)) } catch { throw StreamedBytesUnavailable(reason: error.description) }
            decoded = { try inflating.read(upToCount: $0) }
            damage = { inflating.problem?.description ?? rawDamage() }
            expanded = true
            do { ahead = try decoded(2) } catch { throw StreamedBytesUnavailable(reason: nil) }
        }
        if let utf16 = UTF16Stream(head: ahead) {
            // The mark is read and dropped; the rest is UTF-8 of a size not known ahead.
            let text = decoded
            decoded = { count in
                while true {
                    let piece = try text(count)
                    let utf8 = utf16.utf8(piece, final: piece.isEmpty)
                    if !utf8.isEmpty || piece.isEmpty { return utf8 }
                }
            }
            expanded = true
        } else {
            decoded = Self.resuming(ahead, decoded)
        }
        (read, self.expanded, self.damage) = (decoded, expanded, damage)
    }

    /// `source`'s bytes with `ahead`, read from it already, handed back first.
    private static func resuming(_ ahead: Data, _ source: @escaping (Int) throws -> Data) -> (Int) throws -> Data {
        var ahead = ahead
        return { count in
            guard !ahead.isEmpty else { return try source(count) }
            let first = ahead
            ahead = Data()
            return count > first.count ? first + (try source(count - first.count)) : first
        }
    }
}

/// Why a streamed file cannot be read; nil: it cannot be opened.
struct StreamedBytesUnavailable: Error {
    var reason: String?
}
