import Foundation
import NewsSearchTestSupport
import Testing

@testable import NewsSearch

@Suite struct LineChunkReaderTests {
    /// 2,000 lines of varying length, some longer than a chunk, the last without a line end.
    static func sampleText() -> String {
        (1...2_000).map { number in
            "line \(number) " + String(repeating: "x", count: number % 7 == 0 ? 700 : number % 50)
        }.joined(separator: "\n")
    }

    @Test func lineEndsAreCountedInSlicesAndEdges() {
        var generator = SystemRandomNumberGenerator()
        let bytes = Data((0..<5_000).map { _ in [UInt8(ascii: "\n"), UInt8(ascii: "a"), 0, 0xFF].randomElement(using: &generator)! })
        for _ in 0..<200 {
            let start = Int.random(in: 0...bytes.count, using: &generator)
            let slice = bytes[start..<Int.random(in: start...bytes.count, using: &generator)]
            #expect(LineChunkReader.lineEnds(in: slice) == slice.filter { $0 == UInt8(ascii: "\n") }.count)
        }
        #expect(LineChunkReader.lineEnds(in: Data()) == 0)
        #expect(LineChunkReader.lineEnds(in: Data("\n\n".utf8)) == 2)
    }

    @Test func chunksEndAtLineEndsAndNumberTheirFirstLines() throws {
        let folder = try TemporaryDirectory()
        let text = Self.sampleText()
        let file = try folder.write(text, to: "dump.jsonl")
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        var reader = LineChunkReader(handle: handle, sizes: DumpChunkSizes(largest: 512, first: 512))
        var joined = Data()
        var expectedLine = 1
        var chunks = 0
        while let chunk = try reader.next() {
            chunks += 1
            #expect(chunk.firstLine == expectedLine)
            let lines = chunk.data.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            if joined.count + chunk.data.count < text.utf8.count {
                #expect(chunk.data.last == UInt8(ascii: "\n"))
            }
            expectedLine += lines
            joined.append(chunk.data)
        }
        #expect(chunks > 100)
        #expect(String(decoding: joined, as: UTF8.self) == text)
    }

    /// The bytes carried to the next chunk must be their own small buffer: as a slice of the block
    /// just read they kept its storage alive, the next read was appended to it, and one buffer grew to
    /// the size of the whole dump (peak memory 2.1 GB at 1M articles). A slice keeps its parent's
    /// indices, so a carry that does not start at 0 is a slice.
    @Test func theCarriedTailDoesNotKeepTheBlockItCameFrom() throws {
        let folder = try TemporaryDirectory()
        let file = try folder.write(Self.sampleText(), to: "dump.jsonl")
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        var reader = LineChunkReader(handle: handle, sizes: DumpChunkSizes(largest: 512, first: 512))
        var carried = 0
        while let chunk = try reader.next() {
            #expect(chunk.data.startIndex == 0)
            #expect(reader.carry.startIndex == 0)
            #expect(reader.carry.count < 512)
            if !reader.carry.isEmpty { carried += 1 }
        }
        #expect(carried > 10)
    }
}
