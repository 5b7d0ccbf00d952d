import CZlib
import Foundation

/// A ZIP archive read as the folder it packs: Kaggle's news data sets, a folder of saved pages sent
/// by mail, a WACZ web-archive collection. Its table of contents (the central directory) is at its end;
/// each member's bytes are found through it and expanded on demand, one at a time.
public struct ZipArchive: Sendable {
    public let members: [ZipMember]

    /// Names that are read as archives when indexing: `.zip`, and `.wacz` (a ZIP of web archives).
    public static func isArchiveName(_ path: String) -> Bool {
        ["zip", "wacz"].contains((path as NSString).pathExtension.lowercased())
    }

    public init(path: String) throws(ZipProblem) {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable }
        defer { try? handle.close() }
        let size: UInt64
        do { size = try handle.seekToEnd() } catch { throw .unreadable }
        try self.init(handle: handle, size: Int(size))
    }

    init(handle: FileHandle, size: Int) throws(ZipProblem) {
        // The end record is 22 bytes and may be followed by a comment of up to 65,535.
        let tailStart = max(0, size - (22 + 0xFFFF))
        let tail = try Self.read(handle, at: tailStart, count: size - tailStart)
        guard let end = Self.endRecord(in: tail) else { throw .notAnArchive }
        var directory = DirectoryEnd(tail, at: end)
        let endOffset = tailStart + end
        if directory.needsZip64, end >= 20, tail.uint32(at: end - 20) == 0x0706_4B50 {
            let recordOffset = Int(tail.uint64(at: end - 12))
            let record = try Self.read(handle, at: recordOffset, count: 56)
            guard record.count == 56, record.uint32(at: 0) == 0x0606_4B50 else { throw .damagedDirectory }
            directory = DirectoryEnd(zip64: record)
        }
        guard directory.disk == 0, directory.directoryDisk == 0 else { throw .spanned }
        // Bytes put in front of the archive (a self-extracting program) move every offset: the
        // directory is known to end where the end record starts.
        let shift = directory.isZip64 ? 0 : endOffset - directory.size - directory.offset
        guard shift >= 0, directory.size <= Self.largestDirectory else { throw .damagedDirectory }
        let bytes = try Self.read(handle, at: directory.offset + shift, count: directory.size)
        guard bytes.count == directory.size else { throw .damagedDirectory }
        members = try Self.members(in: bytes, expected: directory.entries, shift: shift)
        // Members sharing compressed bytes are how a small "zip bomb" expands to terabytes; no tool
        // that packs files writes them.
        let spans = members.map { (start: $0.headerOffset, end: $0.headerOffset + 30 + $0.compressedSize) }.sorted { $0.start < $1.start }
        for (first, second) in zip(spans, spans.dropFirst()) where second.start < first.end { throw .overlapping }
    }

    /// A directory past this size is taken for damage: a million members take about 100 MB.
    static let largestDirectory = 512 << 20

    private static func endRecord(in tail: Data) -> Int? {
        var index = tail.count - 22
        while index >= 0 {
            if tail.uint32(at: index) == 0x0605_4B50 { return index }
            index -= 1
        }
        return nil
    }

    private static func members(in bytes: Data, expected: Int, shift: Int) throws(ZipProblem) -> [ZipMember] {
        var members: [ZipMember] = []
        members.reserveCapacity(min(expected, 1 << 20))
        var at = 0
        while at + 46 <= bytes.count {
            guard bytes.uint32(at: at) == 0x0201_4B50 else { throw .damagedDirectory }
            let nameLength = Int(bytes.uint16(at: at + 28))
            let extraLength = Int(bytes.uint16(at: at + 30))
            let commentLength = Int(bytes.uint16(at: at + 32))
            let next = at + 46 + nameLength + extraLength + commentLength
            guard next <= bytes.count else { throw .damagedDirectory }
            let base = bytes.startIndex + at
            let name = Data(bytes[(base + 46)..<(base + 46 + nameLength)])
            let extra = Data(bytes[(base + 46 + nameLength)..<(base + 46 + nameLength + extraLength)])
            var member = ZipMember(
                name: ZipMember.decodeName(name, utf8: bytes.uint16(at: at + 8) & 0x0800 != 0),
                method: bytes.uint16(at: at + 10), encrypted: bytes.uint16(at: at + 8) & 1 != 0,
                compressedSize: Int(bytes.uint32(at: at + 20)), size: Int(bytes.uint32(at: at + 24)),
                checksum: bytes.uint32(at: at + 16), headerOffset: Int(bytes.uint32(at: at + 42)) + shift,
                isLink: bytes[base + 5] == 3 && (bytes.uint32(at: at + 38) >> 16) & 0o170000 == 0o120000)
            member.applyZip64(extra, shift: shift)
            members.append(member)
            at = next
        }
        // Fewer entries than the end record counts (its 16-bit count wraps past 65,535 without ZIP64).
        guard members.count == expected || members.count % 0x10000 == expected % 0x10000 else { throw .damagedDirectory }
        return members
    }

    static func read(_ handle: FileHandle, at offset: Int, count: Int) throws(ZipProblem) -> Data {
        guard offset >= 0, count >= 0 else { throw .damagedDirectory }
        do {
            try handle.seek(toOffset: UInt64(offset))
            return try handle.read(upToCount: count) ?? Data()
        } catch {
            throw .unreadable
        }
    }
}

/// The end of the central directory: where it is, how long, how many entries; from the classic record
/// or its ZIP64 successor (archives past 4 GB or 65,535 members).
private struct DirectoryEnd {
    var disk: Int
    var directoryDisk: Int
    var entries: Int
    var size: Int
    var offset: Int
    var isZip64 = false

    init(_ tail: Data, at end: Int) {
        disk = Int(tail.uint16(at: end + 4))
        directoryDisk = Int(tail.uint16(at: end + 6))
        entries = Int(tail.uint16(at: end + 10))
        size = Int(tail.uint32(at: end + 12))
        offset = Int(tail.uint32(at: end + 16))
    }

    init(zip64 record: Data) {
        disk = Int(record.uint32(at: 16))
        directoryDisk = Int(record.uint32(at: 20))
        entries = Int(record.uint64(at: 32))
        size = Int(record.uint64(at: 40))
        offset = Int(record.uint64(at: 48))
        isZip64 = true
    }

    var needsZip64: Bool { entries == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF }
}

/// One file in a ZIP archive, as its directory describes it.
public struct ZipMember: Sendable, Equatable {
    /// Its path in the archive, `/`-separated; a folder's ends with `/`.
    public var name: String
    /// 0: stored as it is; 8: deflate. Others (bzip2, LZMA, zstd…) are named, not read.
    public var method: UInt16
    public var encrypted: Bool
    public var compressedSize: Int
    /// Its size expanded.
    public var size: Int
    public var checksum: UInt32
    var headerOffset: Int
    /// A symbolic link stored by a Unix `zip -y`: its bytes are a path, not an article.
    public var isLink: Bool

    public var isFolder: Bool { name.hasSuffix("/") || name.hasSuffix("\\") }

    /// ZIP64's extra field gives the sizes and offset the directory entry marked as too large (all ones), in that order.
    mutating func applyZip64(_ extra: Data, shift: Int) {
        var at = 0
        while at + 4 <= extra.count {
            let id = extra.uint16(at: at)
            let length = Int(extra.uint16(at: at + 2))
            guard at + 4 + length <= extra.count else { return }
            if id == 0x0001 {
                var field = at + 4
                func next() -> Int? {
                    guard field + 8 <= at + 4 + length else { return nil }
                    defer { field += 8 }
                    return Int(extra.uint64(at: field))
                }
                if size == 0xFFFF_FFFF, let value = next() { size = value }
                if compressedSize == 0xFFFF_FFFF, let value = next() { compressedSize = value }
                if headerOffset - shift == 0xFFFF_FFFF, let value = next() { headerOffset = value + shift }
                return
            }
            at += 4 + length
        }
    }

    /// Names are UTF-8 when flagged so, and in practice also when not (macOS, 7-Zip); older Windows
    /// tools wrote their code page, read here as Latin-1 so that a name is at least always the same.
    static func decodeName(_ bytes: Data, utf8: Bool) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }

    /// The member's bytes, expanded, up to `limit`; with the problem that stopped or spoilt them. What
    /// was read before damage is kept (as for gzip): nil only when nothing can be read.
    public func contents(in archive: String, limit: Int) -> (data: Data?, problem: ZipProblem?) {
        guard let handle = FileHandle(forReadingAtPath: archive) else { return (nil, .unreadable) }
        defer { try? handle.close() }
        if let problem = unreadableReason { return (nil, problem) }
        // A deflated member is at most a little larger than its expansion (stored blocks): one that
        // claims more is damaged or hostile, and is not read into memory.
        if size > limit || compressedSize > limit + limit / 8 + (1 << 20) { return (nil, .tooLarge(limit: limit)) }
        do {
            let start = try dataOffset(handle)
            let stored = try ZipArchive.read(handle, at: start, count: compressedSize)
            var (data, problem): (Data, ZipProblem?) = (stored, stored.count < compressedSize ? .cutShort : nil)
            if method == 8 {
                // The directory's size is the member's: expanding past it is damage (or a bomb).
                let (expanded, inflateProblem) = Gzip.expand(stored, limit: size, raw: true)
                data = expanded
                problem = inflateProblem.map { if case .tooLarge = $0 { .corrupt } else { ZipProblem($0) } } ?? problem
            }
            if problem == nil && data.count != size { problem = .cutShort }
            if problem == nil && Self.checksum(of: data) != checksum { problem = .checksum }
            return (data.isEmpty && problem != nil ? nil : data, problem)
        } catch {
            return (nil, error)
        }
    }

    /// A reader of the member's expanded bytes a piece at a time, for members too large to hold (a
    /// dump); `problem()` says afterwards whether its end was damaged.
    public func stream(in archive: String) throws(ZipProblem) -> (read: (Int) throws -> Data, problem: () -> ZipProblem?) {
        if let problem = unreadableReason { throw problem }
        guard let handle = FileHandle(forReadingAtPath: archive) else { throw .unreadable }
        var left = compressedSize
        do {
            try handle.seek(toOffset: UInt64(try dataOffset(handle)))
        } catch {
            try? handle.close()
            throw (error as? ZipProblem) ?? .unreadable
        }
        // The handle lives as long as the closures that read it.
        let stored: (Int) throws -> Data = { count in
            guard left > 0 else { return Data() }
            let piece = try handle.read(upToCount: min(count, left)) ?? Data()
            left -= piece.count
            if piece.isEmpty { left = 0 }
            return piece
        }
        if method == 0 { return (stored, { left > 0 ? .cutShort : nil }) }
        let reader: InflatingReader
        do { reader = try InflatingReader(raw: true, source: stored) } catch { throw ZipProblem(error) }
        // Expanding past the directory's size is damage, or a bomb: it stops there.
        var unread = size
        var overran = false
        let expanded: (Int) throws -> Data = { count in
            guard unread > 0 else {
                if try !reader.read(upToCount: 1).isEmpty { overran = true }
                return Data()
            }
            let piece = try reader.read(upToCount: min(count, unread))
            unread -= piece.count
            return piece
        }
        return (expanded, { overran ? .corrupt : reader.problem.map(ZipProblem.init) ?? (unread > 0 ? .cutShort : nil) })
    }

    /// Why the member cannot be read at all, if it cannot.
    var unreadableReason: ZipProblem? {
        if encrypted { return .encrypted }
        if method != 0 && method != 8 { return .method(method) }
        return nil
    }

    /// Where its bytes start: after its local header, whose name and extra field may differ in length
    /// from the directory's.
    private func dataOffset(_ handle: FileHandle) throws(ZipProblem) -> Int {
        let header = try ZipArchive.read(handle, at: headerOffset, count: 30)
        guard header.count == 30, header.uint32(at: 0) == 0x0403_4B50 else { throw .damagedMember }
        return headerOffset + 30 + Int(header.uint16(at: 26)) + Int(header.uint16(at: 28))
    }

    static func checksum(of data: Data) -> UInt32 {
        data.withUnsafeBytes { bytes in
            var crc = crc32(0, nil, 0)
            guard let base = bytes.baseAddress?.assumingMemoryBound(to: Bytef.self) else { return UInt32(crc) }
            var done = 0
            // zlib counts in 32 bits.
            while done < bytes.count {
                let piece = min(bytes.count - done, 1 << 30)
                crc = crc32(crc, base + done, uInt(piece))
                done += piece
            }
            return UInt32(crc)
        }
    }
}

/// Why a ZIP archive, or a file in it, could not be read (whole).
public enum ZipProblem: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable
    /// No end-of-directory record: not a ZIP archive, or one whose end was cut off.
    case notAnArchive
    case damagedDirectory
    /// Split over several files (`.z01`, `.z02`, …).
    case spanned
    case damagedMember
    /// Two members claim the same bytes.
    case overlapping
    case encrypted
    case method(UInt16)
    case checksum
    case cutShort
    case corrupt
    case tooLarge(limit: Int)

    init(_ problem: GzipProblem) {
        switch problem {
        case .cutShort, .trailingBytes: self = .cutShort
        case .corrupt, .unavailable: self = .corrupt
        case .tooLarge(let limit): self = .tooLarge(limit: limit)
        }
    }

    public var description: String {
        switch self {
        case .unreadable: "the ZIP archive cannot be read"
        case .notAnArchive: "not a readable ZIP archive: its table of contents, at its end, is missing (a download cut short?)"
        case .damagedDirectory: "the ZIP archive's table of contents is damaged (a download cut short?)"
        case .spanned: "a ZIP archive split over several files: join them first (`zip -s 0 FILE --out whole.zip`)"
        case .overlapping: "the ZIP archive's files share their bytes, as a \"zip bomb\" made to expand without end does: not read"
        case .damagedMember: "its place in the ZIP archive does not hold it (a damaged archive?)"
        case .encrypted: "encrypted in the ZIP archive: unpack it with its password first"
        case .method(let method):
            "compressed in the ZIP archive by a method NewsSearch does not read (\(Self.methodName(method))): unpack it first (`7z x FILE`)"
        case .checksum: "its bytes in the ZIP archive do not match their checksum (a damaged archive?)"
        case .cutShort: "its compressed bytes in the ZIP archive end early (a download cut short?); what follows is not read"
        case .corrupt: "its compressed bytes in the ZIP archive are damaged; what follows is not read"
        case .tooLarge(let limit):
            "expands past \(limit >> 20) MB, the most read at once; a JSON Lines dump, CSV table or web archive is streamed, with no limit"
        }
    }

    private static func methodName(_ method: UInt16) -> String {
        switch method {
        case 9: "Deflate64"
        case 12: "bzip2"
        case 14: "LZMA"
        case 93: "Zstandard"
        case 95: "xz"
        case 98: "PPMd"
        default: "method \(method)"
        }
    }
}

extension Data {
    /// Little-endian fields, as ZIP stores them; zero past the end.
    fileprivate func uint16(at offset: Int) -> UInt16 {
        guard offset >= 0, offset + 2 <= count else { return 0 }
        let at = startIndex + offset
        return UInt16(self[at]) | UInt16(self[at + 1]) << 8
    }

    fileprivate func uint32(at offset: Int) -> UInt32 {
        UInt32(uint16(at: offset)) | UInt32(uint16(at: offset + 2)) << 16
    }

    fileprivate func uint64(at offset: Int) -> UInt64 {
        UInt64(uint32(at: offset)) | UInt64(uint32(at: offset + 4)) << 32
    }
}
