@testable import NewsAnalysis
import PropertyBased
import Testing

/// ``BandBuckets`` answers as the `Dictionary<UInt64, Int32>` it replaced (issue 16: the copy
/// clusters' memory at 1,000,000 articles).
@Suite struct BandBucketsTests {
    /// Random filings and look-ups, through several growths of the table, checked against a dictionary.
    /// Keys share top bytes and low bits often (a 12-bit key space), so tag matches and probe runs that
    /// hold other keys are exercised, and many slots have the same key, as copies do.
    @Test(arguments: 0..<4)
    func agreesWithADictionary(seed: UInt64) {
        var random = Xoshiro(seed: (seed, 1, 2, 3))
        func next() -> UInt64 { random.next() }
        // The key each slot has in the band: drawn once, as a signature fixes it.
        var keyOf: [Int32: UInt64] = [:]
        func key(_ slot: Int32) -> UInt64 {
            if let key = keyOf[slot] { return key }
            let small = next() % 4_096
            // Spread over the top byte and the low bits alike, so both collide often.
            let key = small << 56 | small << 44 | small
            keyOf[slot] = key
            return key
        }
        var buckets = BandBuckets(capacity: 16)
        var reference: [UInt64: Int32] = [:]
        for slot in Int32(0)..<20_000 {
            let probe = key(Int32(next() % UInt64(slot + 1)))
            #expect(buckets.slot(for: probe, keyOf: key) == reference[probe])
            let filed = key(slot)
            if reference[filed] == nil || next() % 2 == 0 {
                buckets.set(filed, slot: slot, keyOf: key)
                reference[filed] = slot
            }
        }
        for (filed, slot) in reference { #expect(buckets.slot(for: filed, keyOf: key) == slot) }
        #expect(buckets.slot(for: 1 << 63 | 12_345, keyOf: key) == nil)
    }
}
