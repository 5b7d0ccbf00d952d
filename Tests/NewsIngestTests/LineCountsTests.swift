import Foundation
import PropertyBased
import Testing

@testable import NewsIngest

/// ``LineCounts`` counts as the `[UInt64: Int]` it replaced and reads and writes the same JSON
/// (issue 16: the learned boilerplate's memory at 1,000,000 articles).
@Suite struct LineCountsTests {
    /// Random hashes from a small space (so most recur and tables probe past other entries), through
    /// several growths, some past the one-byte counts, checked against a dictionary.
    @Test(arguments: 0..<3)
    func agreesWithADictionary(seed: UInt64) {
        var random = Xoshiro(seed: (seed, 1, 2, 3))
        func next() -> UInt64 { random.next() }
        var counts = LineCounts()
        var reference: [UInt64: Int] = [:]
        for _ in 0..<30_000 {
            let small = next() % 5_000
            // Eight hashes (0 among them) take a quarter of the draws, so they pass 255; the others
            // share their low bits with many, so probes run past other entries.
            let hash = next() % 4 == 0 ? (small % 8) << 60 : small << 40 | small % 64
            #expect(counts[hash] == reference[hash])
            counts.add(hash)
            reference[hash, default: 0] += 1
        }
        #expect(counts.count == reference.count)
        #expect(reference.values.contains { $0 > 255 })
        #expect(Dictionary(uniqueKeysWithValues: counts.map { ($0.hash, $0.documents) }) == reference)
        let kept = counts.keeping(atLeast: 3)
        #expect(Dictionary(uniqueKeysWithValues: kept.map { ($0.hash, $0.documents) }) == reference.filter { $0.value >= 3 })
    }

    @Test("the hash 0 is counted like any other")
    func zeroHash() {
        var counts = LineCounts()
        #expect(counts[0] == nil)
        counts.add(0)
        counts.add(0)
        counts.add(7)
        #expect(counts[0] == 2)
        #expect(counts.count == 2)
        #expect(counts.map(\.hash).sorted() == [0, 7])
    }

    @Test("a stored dictionary of counts decodes, and encodes back to the same counts")
    func sameJSONAsADictionary() throws {
        let stored: [UInt64: Int] = [0: 3, 12_345_678_901_234_567_890: 2, 1 << 63: 300, 99: 1]
        let counts = try JSONDecoder().decode(LineCounts.self, from: JSONEncoder().encode(stored))
        #expect(counts[12_345_678_901_234_567_890] == 2)
        #expect(counts[1 << 63] == 300)
        #expect(counts.count == 4)
        let back = try JSONDecoder().decode([UInt64: Int].self, from: JSONEncoder().encode(counts))
        #expect(back == stored)
    }

    @Test("equal counts compare and hash equal whatever order they were added in")
    func equality() {
        var one = LineCounts(), other = LineCounts()
        for hash in [5, 1 << 40, 9, 5] as [UInt64] { one.add(hash) }
        for hash in [9, 5, 5, 1 << 40] as [UInt64] { other.add(hash) }
        #expect(one == other)
        #expect(one.hashValue == other.hashValue)
        other.add(9)
        #expect(one != other)
    }

    @Test("a count without its hash is refused")
    func truncated() {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(LineCounts.self, from: Data("[5, 2, 7]".utf8)) }
    }
}
