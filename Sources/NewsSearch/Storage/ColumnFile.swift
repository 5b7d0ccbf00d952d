/// The byte layout of the columns file beside an index (`INDEX.columns`): fixed-width arrays a query
/// uses where they lie once the file is mapped, so opening it costs the same at any corpus size.
///
/// ```
/// header      10 words (UInt64, host byte order): magic, layout, index id, generation, id limit,
///             document count, source limit, actor limit, checksum, section count
/// directory   per section 3 words: tag, byte offset, byte count
/// sections    each at a 16-byte boundary: the arrays, in the directory's order
/// ```
/// The magic doubles as a byte-order check: a file from a machine of the other order reads as foreign
/// and is rebuilt. A reader finds sections by tag and ignores tags it does not know, so a new
/// per-document column is one more ``Section`` written by the builder; a file that lacks a section
/// the reader needs is treated as stale and rebuilt (the copy sections, added later, are optional).
enum ColumnFile {
    /// "NSCOLUMN" read as a little-endian word.
    static let magic: UInt64 = 0x4E4D_554C_4F43_534E
    /// Bumped when the meaning of a section changes; files of another layout are rebuilt.
    static let layout: UInt64 = 1
    static let headerWords = 10
    static let alignment = 16

    enum Section: UInt64, CaseIterable {
        case source = 1, dateCode, actorStart, actorIDs, tokenLengths, dayRank, dateOffsets, dateText
        case firstDayOffsets, firstDayText
        /// The copy clusters (``CopyGroups``): cluster per document id, cluster starts, members.
        /// Optional: a file written before them is still read, and the clusters come from the table.
        case copyGroup, copyGroupStart, copyMembers
        /// The locations per document, as ``actorStart`` and ``actorIDs`` hold the other actors. Required:
        /// a file written before them is rebuilt.
        case locationStart, locationIDs
        /// The external id of each entry of ``copyMembers`` (offsets and text, as dates are kept), so that
        /// a hit lists its copies from the few pages its cluster spans rather than a `documents` row per
        /// copy. Optional: without them (an older file, or stored dates the columns cannot give back
        /// exactly) the copies are read from the table.
        case copyMemberIDOffsets, copyMemberIDText
    }

    /// What the file describes: which index (its `meta.index_id`, made once per index file) at which
    /// change (`meta.generation`). Generations alone repeat across indexes (a rebuilt one starts over),
    /// hence the id. A zero id means the index has none yet, and no file is trusted for it.
    struct Stamp: Equatable, Sendable {
        var indexID: Int64
        var generation: Int64
    }

    struct Header: Equatable, Sendable {
        var stamp: Stamp
        var idLimit: Int
        var documentCount: Int
        var sourceLimit: Int
        var actorLimit: Int
        var checksum: UInt64 = 0
    }

    /// The file's bytes: header, directory, then each section padded to the alignment.
    static func encode(_ header: Header, sections: [(Section, [UInt8])]) -> [UInt8] {
        let sections = sections.map { ($0.0, SectionBytes($0.1)) }
        let (offsets, size) = placed(sections)
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            write(header, sections, at: offsets, into: UnsafeMutableRawBufferPointer(buffer))
            count = size
        }
    }

    /// ``encode(_:sections:)`` written in place into the bytes the columns are read from, each section
    /// copied once from the array that holds it. Building an array of the file, then copying it, held
    /// the file two or three times over (its body grown by doubling, then header and body joined, then
    /// the copy) at the end of every index run; a byte array per section first was another copy of it,
    /// a third of the CPU of bringing the columns forward after a commit (`perf`, 200,000 articles).
    static func columnBytes(_ header: Header, sections: [(Section, SectionBytes)]) -> ColumnBytes {
        let (offsets, size) = placed(sections)
        return ColumnBytes(count: size) { write(header, sections, at: offsets, into: $0) }
    }

    /// Where each section starts (after the header and directory, at the alignment), and the file's size.
    private static func placed(_ sections: [(Section, SectionBytes)]) -> (offsets: [Int], size: Int) {
        var end = (headerWords + 3 * sections.count) * 8
        var offsets: [Int] = []
        for (_, bytes) in sections {
            end = (end + alignment - 1) / alignment * alignment
            offsets.append(end)
            end += bytes.count
        }
        return (offsets, end)
    }

    private static func write(
        _ header: Header, _ sections: [(Section, SectionBytes)], at offsets: [Int], into file: UnsafeMutableRawBufferPointer
    ) {
        file.initializeMemory(as: UInt8.self, repeating: 0)  // the padding
        var directory: [UInt64] = []
        for ((section, bytes), offset) in zip(sections, offsets) {
            bytes.copy(UnsafeMutableRawBufferPointer(rebasing: file[offset..<offset + bytes.count]))
            directory += [section.rawValue, UInt64(offset), UInt64(bytes.count)]
        }
        let start = (headerWords + 3 * sections.count) * 8
        let words: [UInt64] = [
            magic, layout, UInt64(bitPattern: header.stamp.indexID), UInt64(bitPattern: header.stamp.generation),
            UInt64(header.idLimit), UInt64(header.documentCount), UInt64(header.sourceLimit), UInt64(header.actorLimit),
            checksum(UnsafeRawBufferPointer(rebasing: file[start...])), UInt64(sections.count),
        ] + directory
        words.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: file[0..<start]).copyMemory(from: $0) }
    }

    /// The header and section byte ranges of `bytes`, or nil for a file that is not ours, of another
    /// layout, truncated, or whose sections overlap the header or run past the end. Reads the header
    /// and directory only: nothing of the arrays.
    static func parse(_ bytes: UnsafeRawBufferPointer) -> (header: Header, sections: [Section: Range<Int>])? {
        guard bytes.count >= headerWords * 8 else { return nil }
        let word = { (index: Int) in bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self) }
        guard word(0) == magic, word(1) == layout else { return nil }
        let count = Int(clamping: word(9))
        let start = (headerWords + 3 * count) * 8
        guard count <= 1024, bytes.count >= start else { return nil }
        var sections: [Section: Range<Int>] = [:]
        for index in 0..<count {
            let base = headerWords + 3 * index
            let offset = Int(clamping: word(base + 1)), size = Int(clamping: word(base + 2))
            guard offset >= start, offset % alignment == 0, size <= bytes.count - offset else { return nil }
            if let section = Section(rawValue: word(base)) { sections[section] = offset..<offset + size }
        }
        let header = Header(
            stamp: Stamp(indexID: Int64(bitPattern: word(2)), generation: Int64(bitPattern: word(3))),
            idLimit: Int(clamping: word(4)), documentCount: Int(clamping: word(5)), sourceLimit: Int(clamping: word(6)),
            actorLimit: Int(clamping: word(7)), checksum: word(8))
        return (header, sections)
    }

    /// Whether the sections hold what the header says was written: read whole, so for `stats --verify`
    /// only, never on the query path.
    static func checksumHolds(_ bytes: UnsafeRawBufferPointer, header: Header) -> Bool {
        let start = (headerWords + 3 * Int(bytes.loadUnaligned(fromByteOffset: 9 * 8, as: UInt64.self))) * 8
        return checksum(UnsafeRawBufferPointer(rebasing: bytes[start...])) == header.checksum
    }

    /// FNV-1a over 8-byte little-endian words (the tail zero-padded): enough to catch a damaged or
    /// truncated copy. Read a word at a time: byte by byte it was 7% of the CPU of bringing the columns
    /// forward after a commit (`perf`, 200,000 articles).
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        let whole = bytes.count / 8
        for index in 0..<whole {
            hash = (hash ^ UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))) &* 0x100_0000_01B3
        }
        if bytes.count > whole * 8 {
            var word: UInt64 = 0
            for (shift, byte) in bytes[(whole * 8)...].enumerated() { word |= UInt64(byte) << (8 * shift) }
            hash = (hash ^ word) &* 0x100_0000_01B3
        }
        return hash
    }

    /// A section's contents: an array's bytes in host order, copied into the file where they go.
    struct SectionBytes {
        let count: Int
        let copy: (UnsafeMutableRawBufferPointer) -> Void

        init<T: FixedWidthInteger>(_ values: [T]) {
            count = values.count * MemoryLayout<T>.stride
            copy = { target in values.withUnsafeBytes { target.copyMemory(from: $0) } }
        }
    }

    /// An array's bytes in host order, for a section.
    static func bytes<T: FixedWidthInteger>(_ values: [T]) -> [UInt8] {
        values.withUnsafeBytes { [UInt8]($0) }
    }
}
