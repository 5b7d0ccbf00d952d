import CZlib
import Foundation
import Testing
@testable import NewsIngest

/// The ZIP reader on archives written here byte by byte, for the cases real tools rarely make on
/// demand: a comment, a program in front, ZIP64 fields, damage, encryption, other methods. (The
/// end-to-end tests read archives Python's `zipfile` wrote.)
struct ZipArchiveTests {
    struct Entry {
        var name: String
        var data: Data
        var method: UInt16 = 8
        var flags: UInt16 = 0
        /// Sizes and offset in a ZIP64 extra field, the directory's own fields all ones.
        var zip64 = false
        var checksum: UInt32?
        /// The expanded size the headers claim, when not the data's.
        var claimedSize: Int?
    }

    /// Local headers and data, then the central directory and its end record.
    static func archive(_ entries: [Entry], prefix: Data = Data(), comment: String = "") -> Data {
        var out = prefix
        var directory = Data()
        func le(_ value: some FixedWidthInteger, into data: inout Data) {
            withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
        }
        for entry in entries {
            let stored = entry.method == 8 ? GzipFixture.compress(entry.data, raw: true) : entry.data
            let crc = entry.checksum ?? UInt32(entry.data.withUnsafeBytes { crc32(0, $0.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt($0.count)) })
            let offset = out.count - prefix.count
            let name = Data(entry.name.utf8)
            le(UInt32(0x0403_4B50), into: &out)
            for field: UInt16 in [20, entry.flags, entry.method, 0, 0] { le(field, into: &out) }
            le(crc, into: &out)
            le(UInt32(stored.count), into: &out)
            le(UInt32(entry.claimedSize ?? entry.data.count), into: &out)
            le(UInt16(name.count), into: &out)
            le(UInt16(0), into: &out)
            out.append(name)
            out.append(stored)
            var extra = Data()
            if entry.zip64 {
                le(UInt16(1), into: &extra)
                le(UInt16(24), into: &extra)
                le(UInt64(entry.data.count), into: &extra)
                le(UInt64(stored.count), into: &extra)
                le(UInt64(offset), into: &extra)
            }
            le(UInt32(0x0201_4B50), into: &directory)
            for field: UInt16 in [0x031E, 45, entry.flags, entry.method, 0, 0] { le(field, into: &directory) }
            le(crc, into: &directory)
            le(entry.zip64 ? UInt32.max : UInt32(stored.count), into: &directory)
            le(entry.zip64 ? UInt32.max : UInt32(entry.claimedSize ?? entry.data.count), into: &directory)
            le(UInt16(name.count), into: &directory)
            le(UInt16(extra.count), into: &directory)
            for field: UInt16 in [0, 0, 0] { le(field, into: &directory) }
            le(UInt32(0o100644) << 16, into: &directory)
            le(entry.zip64 ? UInt32.max : UInt32(offset), into: &directory)
            directory.append(name)
            directory.append(extra)
        }
        let directoryOffset = out.count - prefix.count
        out.append(directory)
        le(UInt32(0x0605_4B50), into: &out)
        for field: UInt16 in [0, 0, UInt16(entries.count), UInt16(entries.count)] { le(field, into: &out) }
        le(UInt32(directory.count), into: &out)
        le(UInt32(directoryOffset), into: &out)
        le(UInt16(comment.utf8.count), into: &out)
        out.append(Data(comment.utf8))
        return out
    }

    static func write(_ data: Data) throws -> String {
        let path = NSTemporaryDirectory() + "zip-\(UUID().uuidString).zip"
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    let story = Data(String(repeating: "The ferry to the outer islands ran late again on Friday. ", count: 40).utf8)

    @Test func membersAreListedAndReadWithACommentAndAProgramInFront() throws {
        let bytes = Self.archive(
            [Entry(name: "news/ferry.txt", data: story), Entry(name: "news/", data: Data(), method: 0),
             Entry(name: "plain.txt", data: Data("Stored as it is.".utf8), method: 0), Entry(name: "wide.txt", data: story, zip64: true)],
            prefix: Data(repeating: 0x90, count: 4096), comment: "exported by the harbour desk")
        let path = try Self.write(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let archive = try ZipArchive(path: path)
        #expect(archive.members.map(\.name) == ["news/ferry.txt", "news/", "plain.txt", "wide.txt"])
        #expect(archive.members[1].isFolder)
        for member in archive.members where !member.isFolder {
            let (data, problem) = member.contents(in: path, limit: 1 << 20)
            #expect(problem == nil)
            #expect(data == (member.name == "plain.txt" ? Data("Stored as it is.".utf8) : story))
        }
        // Streamed, in pieces of seven bytes.
        let (read, problem) = try archive.members[3].stream(in: path)
        var streamed = Data()
        while case let piece = try read(7), !piece.isEmpty { streamed.append(piece) }
        #expect(streamed == story && problem() == nil)
    }

    @Test func damageIsNamedAndWhatWasReadKept() throws {
        let path = try Self.write(Self.archive([
            Entry(name: "bad-sum.txt", data: story, checksum: 12345),
            Entry(name: "locked.txt", data: story, flags: 1),
            Entry(name: "bzip2.txt", data: story, method: 12),
            Entry(name: "big.txt", data: story),
        ]))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let members = try ZipArchive(path: path).members
        let checked = members[0].contents(in: path, limit: 1 << 20)
        #expect(checked.data == story && checked.problem == .checksum)
        #expect(members[1].contents(in: path, limit: 1 << 20).problem == .encrypted)
        #expect(members[2].contents(in: path, limit: 1 << 20).problem == .method(12))
        #expect(members[2].contents(in: path, limit: 1 << 20).problem?.description.contains("bzip2") == true)
        #expect(members[3].contents(in: path, limit: 100).problem == .tooLarge(limit: 100))
        #expect(throws: ZipProblem.encrypted) { try members[1].stream(in: path) }
    }

    @Test func aMemberCutShortKeepsItsStart() throws {
        let long = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) })
        var bytes = Self.archive([Entry(name: "long.bin", data: long)])
        let path = try Self.write(bytes)
        let members = try ZipArchive(path: path).members
        // The member's compressed bytes overwritten from their middle on.
        let middle = 30 + "long.bin".utf8.count + members[0].compressedSize / 2
        bytes.replaceSubrange(middle..<(middle + members[0].compressedSize / 2), with: Data(count: members[0].compressedSize / 2))
        try bytes.write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (data, problem) = members[0].contents(in: path, limit: 1 << 20)
        // Damage mid-stream may decode as other bytes before zlib notices; never past the member's size.
        #expect(problem != nil)
        #expect((data?.count ?? 0) > 1000 && (data?.count ?? 0) <= long.count && long.starts(with: data!.prefix(1000)))
    }

    @Test func aDamagedOrMissingDirectoryIsNamed() throws {
        let whole = Self.archive([Entry(name: "a.txt", data: story), Entry(name: "b.txt", data: story)])
        let cut = try Self.write(whole.prefix(whole.count - 30))
        defer { try? FileManager.default.removeItem(atPath: cut) }
        #expect(throws: ZipProblem.notAnArchive) { try ZipArchive(path: cut) }
        // The directory's second entry overwritten.
        var spoilt = whole
        let second = spoilt.count - 22 - (46 + 5)
        spoilt.replaceSubrange(second..<(second + 4), with: Data([0, 0, 0, 0]))
        let damaged = try Self.write(spoilt)
        defer { try? FileManager.default.removeItem(atPath: damaged) }
        #expect(throws: ZipProblem.damagedDirectory) { try ZipArchive(path: damaged) }
        let text = try Self.write(Data("not an archive at all".utf8))
        defer { try? FileManager.default.removeItem(atPath: text) }
        #expect(throws: ZipProblem.notAnArchive) { try ZipArchive(path: text) }
    }

    @Test func aMemberExpandsToNoMoreThanItsRecordedSize() throws {
        let path = try Self.write(Self.archive([Entry(name: "bomb.jsonl", data: story, claimedSize: 100)]))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let member = try #require(try ZipArchive(path: path).members.first)
        let whole = member.contents(in: path, limit: 1 << 20)
        #expect(whole.data == story.prefix(100) && whole.problem == .corrupt)
        let (read, problem) = try member.stream(in: path)
        var streamed = Data()
        while case let piece = try read(64), !piece.isEmpty { streamed.append(piece) }
        #expect(streamed == story.prefix(100) && problem() == .corrupt)
    }

    @Test func membersSharingTheirBytesAreRefused() throws {
        var bytes = Self.archive([Entry(name: "a.txt", data: story), Entry(name: "b.txt", data: story)])
        // The second directory entry's local header offset (46 + 5 bytes before the 22-byte end) set to the first's.
        let offsetField = bytes.count - 22 - (46 + 5) + 42
        bytes.replaceSubrange(offsetField..<(offsetField + 4), with: Data([0, 0, 0, 0]))
        let path = try Self.write(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: ZipProblem.overlapping) { try ZipArchive(path: path) }
    }

    @Test func namesThatAreNotUTF8AreReadTheSameEachTime() {
        #expect(ZipMember.decodeName(Data("Übersicht/März.html".utf8), utf8: false) == "Übersicht/März.html")
        // "März" in a Windows code page: 0xE4 alone is not UTF-8.
        #expect(ZipMember.decodeName(Data([0x4D, 0x61, 0x72, 0xE4]), utf8: false) == "Mar\u{E4}")
    }
}
