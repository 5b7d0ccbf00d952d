import CZlib
import Foundation

/// Files saved gzip-compressed: dumps (`.jsonl.gz`), pages (`.html.gz`), sitemaps and feeds, and web
/// archives (`.warc.gz`, one gzip member per record, so a file is many members end to end).
public enum Gzip {
    /// The gzip signature (RFC 1952: ID1 ID2, then CM 8 = deflate).
    public static func isCompressed(_ data: some Collection<UInt8>) -> Bool {
        var bytes = data.makeIterator()
        return bytes.next() == 0x1F && bytes.next() == 0x8B
    }

    /// What a file is called once expanded ("dump.jsonl.gz" → "dump.jsonl"): its format is told by that name.
    public static func expandedName(_ path: String) -> String {
        let lower = path.lowercased()
        if lower.hasSuffix(".gz") { return String(path.dropLast(3)) }
        if lower.hasSuffix(".tgz") { return String(path.dropLast(4)) + ".tar" }
        return path
    }

    /// Whether the name says gzip ("x.gz").
    public static func isCompressedName(_ path: String) -> Bool { expandedName(path) != path }

    /// The extension that tells a file's format, lowercased: "Dump.JSONL.gz" → "jsonl".
    public static func formatExtension(_ path: String) -> String {
        (expandedName(path) as NSString).pathExtension.lowercased()
    }

    /// The whole expansion of `data`, or as much as could be expanded and what stopped it. Past `limit`
    /// bytes it stops with ``GzipProblem/tooLarge(limit:)``: a small file can expand a thousandfold.
    /// `raw`: bare deflate data (a ZIP archive's member), not a gzip file.
    public static func expand(_ data: Data, limit: Int, raw: Bool = false) -> (data: Data, problem: GzipProblem?) {
        let inflater: GzipInflater
        do { inflater = try GzipInflater(raw: raw) } catch { return (Data(), error) }
        inflater.feed(data)
        var output = Data()
        do {
            while true {
                let piece = try inflater.expand(upTo: min(max(limit + 1 - output.count, 1), 1 << 20))
                if piece.isEmpty { break }
                output.append(piece)
                if output.count > limit { return (Data(output.prefix(limit)), .tooLarge(limit: limit)) }
            }
            if let problem = inflater.finish() { return (output, problem) }
        } catch {
            return (output, error)
        }
        return (output, nil)
    }
}

/// Why a gzip file could not be expanded whole.
public enum GzipProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The data ends inside a member: a download or copy cut short.
    case cutShort
    /// Bytes that are not deflate data, at this offset of the compressed file.
    case corrupt(offset: Int)
    /// After the last member, bytes that are neither another member nor padding.
    case trailingBytes(count: Int)
    case tooLarge(limit: Int)
    /// zlib could not start (out of memory).
    case unavailable

    public var description: String {
        switch self {
        case .cutShort: "the gzip data ends early (a download or copy cut short?)"
        case .corrupt(let offset): "the gzip data is damaged at byte \(offset) of the file"
        case .trailingBytes(let count): "\(count) bytes after the gzip data are not compressed data and were not read"
        case .tooLarge(let limit):
            "a gzip-compressed file that expands past \(limit >> 20) MB, the most read at once; a JSON Lines dump named .jsonl.gz is streamed, with no limit"
        case .unavailable: "zlib could not start to expand the gzip data (out of memory?)"
        }
    }
}

/// zlib's inflater fed compressed bytes in pieces and asked for expanded bytes in pieces, across
/// members. A class: zlib's state points back at its `z_stream`, which must therefore never move.
final class GzipInflater {
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private var input = Data()
    private var position = 0
    /// Compressed bytes consumed before `input`'s start (for the offset of damage).
    private var discarded = 0
    private var betweenMembers = false
    /// Bare deflate data (a ZIP archive's member) ends at its end: no header, no further members.
    private let raw: Bool

    /// `raw`: deflate data without gzip's framing, as a ZIP archive stores a file.
    init(raw: Bool = false) throws(GzipProblem) {
        self.raw = raw
        stream.initialize(to: z_stream())
        // A 32 KiB window; + 16: gzip framing (header and CRC checked) rather than zlib's; negative: none.
        guard inflateInit2_(stream, raw ? -15 : 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw .unavailable
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    func feed(_ bytes: Data) {
        if position > 0 && position >= input.count / 2 {
            discarded += position
            input.removeSubrange(input.startIndex..<(input.startIndex + position))
            position = 0
        }
        input.append(bytes)
    }

    /// Up to `count` expanded bytes from what has been fed; empty when it needs more input or is done.
    func expand(upTo count: Int) throws(GzipProblem) -> Data {
        var output = Data(count: count)
        var produced = 0
        expanding: while produced < count {
            if betweenMembers {
                guard !raw, try startNextMember() else { break }
            }
            // With no input left zlib may still hold output that did not fit (the end of bare deflate
            // data has no trailer behind it to call it back): asked once more, it gives it.
            let available = input.count - position
            var result: Int32 = Z_OK
            var used = 0
            let producedBefore = produced
            input.withUnsafeBytes { source in
                output.withUnsafeMutableBytes { target in
                    stream.pointee.next_in = available == 0 ? nil : UnsafeMutablePointer(
                        mutating: source.baseAddress!.assumingMemoryBound(to: Bytef.self) + position)
                    stream.pointee.avail_in = uInt(min(available, Int(UInt32.max)))
                    stream.pointee.next_out = target.baseAddress!.assumingMemoryBound(to: Bytef.self) + produced
                    stream.pointee.avail_out = uInt(count - produced)
                    let inBefore = stream.pointee.avail_in
                    let outBefore = stream.pointee.avail_out
                    result = inflate(stream, Z_NO_FLUSH)
                    used = Int(inBefore - stream.pointee.avail_in)
                    produced += Int(outBefore - stream.pointee.avail_out)
                }
            }
            position += used
            switch result {
            case Z_STREAM_END: betweenMembers = true
            // Z_BUF_ERROR: no progress possible until more input is fed.
            case Z_OK, Z_BUF_ERROR: if used == 0 && produced == producedBefore { break expanding }
            default: throw .corrupt(offset: discarded + position)
            }
        }
        output.count = produced
        return output
    }

    /// After the last piece was fed and expanded: what, if anything, was wrong with the end.
    func finish() -> GzipProblem? {
        if !betweenMembers { return .cutShort }
        let rest = input[(input.startIndex + position)...]
        if raw { return nil }
        if rest.allSatisfy({ $0 == 0 }) { return nil }
        return Gzip.isCompressed(rest) ? .cutShort : .trailingBytes(count: rest.count)
    }

    /// Between two members: the next one begins (true), or what follows is not one (false: left for ``finish()``).
    private func startNextMember() throws(GzipProblem) -> Bool {
        var rest = input[(input.startIndex + position)...]
        // Zeros pad some archives' members (tape blocks); they are no data.
        let zeros = rest.prefix { $0 == 0 }.count
        position += zeros
        rest = rest.dropFirst(zeros)
        guard rest.count >= 2, Gzip.isCompressed(rest) else { return false }
        guard inflateReset(stream) == Z_OK else { throw .corrupt(offset: discarded + position) }
        betweenMembers = false
        return true
    }
}

/// Compressed bytes expanded a piece at a time, for dumps too large to expand in memory: a gzip file,
/// or a ZIP archive's member (bare deflate data).
public final class InflatingReader {
    private let source: (Int) throws -> Data
    private let inflater: GzipInflater
    private var inputDone = false
    /// Set when the data ended badly: what was read before it stands.
    public private(set) var problem: GzipProblem?
    private static let readSize = 1 << 20

    /// `source`: up to so many more compressed bytes; empty at their end.
    public init(raw: Bool = false, source: @escaping (Int) throws -> Data) throws(GzipProblem) {
        self.source = source
        inflater = try GzipInflater(raw: raw)
    }

    /// A gzip file, read from where the handle stands.
    public convenience init(handle: FileHandle) throws(GzipProblem) {
        try self.init { try handle.read(upToCount: $0) ?? Data() }
    }

    /// Up to `count` expanded bytes; empty at the end of the data (or at damage: see ``problem``).
    public func read(upToCount count: Int) throws -> Data {
        var output = Data()
        while output.count < count, problem == nil {
            let piece: Data
            do {
                piece = try inflater.expand(upTo: count - output.count)
            } catch {
                problem = error
                break
            }
            if !piece.isEmpty {
                output.append(piece)
                continue
            }
            if inputDone {
                problem = inflater.finish()
                break
            }
            let compressed = try source(Self.readSize)
            if compressed.isEmpty { inputDone = true } else { inflater.feed(compressed) }
        }
        return output
    }
}
