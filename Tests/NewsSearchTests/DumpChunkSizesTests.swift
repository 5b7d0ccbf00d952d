import Testing

@testable import NewsSearch

@Suite struct DumpChunkSizesTests {
    /// The sizes asked for while reading a dump of `total` bytes, each chunk taking what it asked.
    static func sizes(_ chunks: inout DumpChunkSizes, total: Int) -> [Int] {
        var asked: [Int] = []
        var left = total
        while left > 0 {
            let size = min(chunks.next(), left)
            asked.append(size)
            chunks.consumed(size)
            left -= size
        }
        return asked
    }

    @Test func chunksGrowFromTheFirstSizeAndShrinkTowardTheEnd() {
        var chunks = DumpChunkSizes(largest: 8 << 20, first: 256 << 10, total: 25 << 20)
        let asked = Self.sizes(&chunks, total: 25 << 20)
        #expect(Array(asked.prefix(3)) == [256 << 10, 512 << 10, 1 << 20])
        #expect(asked.allSatisfy { $0 <= 8 << 20 })
        // A commit per chunk: not many more than whole 8 MB chunks would make.
        #expect(asked.count < 24)
        // The last chunks, written while the workers have nothing left, are small again.
        #expect(asked.last! <= 256 << 10)
        #expect(asked[asked.count - 2] <= 512 << 10)
        #expect(asked.reduce(0, +) == 25 << 20)
    }

    @Test func withoutATotalChunksOnlyGrow() {
        var chunks = DumpChunkSizes(largest: 4_000, first: 1_000)
        #expect((0..<5).map { _ in chunks.next() } == [1_000, 2_000, 4_000, 4_000, 4_000])
    }

    /// A first size above the largest (tests set tiny chunks) is the largest: every chunk that size.
    @Test func aLargestBelowTheFirstSizeIsEveryChunksSize() {
        var chunks = DumpChunkSizes(largest: 4_000, total: 40_000)
        #expect(Self.sizes(&chunks, total: 40_000).allSatisfy { $0 == 4_000 })
    }
}
