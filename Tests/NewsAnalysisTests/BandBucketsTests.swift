@testable import NewsAnalysis
import Testing

/// ``BandBuckets`` answers as the `Dictionary<UInt64, Int32>` it replaced (issue 16: the copy
/// clusters' memory at 1,000,000 articles).
@Suite struct BandBucketsTests {
    /// Random filings and look-ups, through several growths of the table, checked against a dictionary.
    /// Keys share top bytes and low bits often (a 12-bit key space per band), so tag matches and probe
    /// runs that hold other keys are exercised; some keys recur in two bands, as the dictionary allowed.
    @Test(arguments: 0..<4)
    func agreesWithADictionary(seed: UInt64) {
        var state = seed &* 0x9e37_79b9_7f4a_7c15 | 1
        func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        // The key each (slot, band) has: drawn once, as a signature fixes it.
        var keyOf: [Int: UInt64] = [:]
        func key(_ slot: Int32, _ band: Int) -> UInt64 {
            let index = Int(slot) * 32 + band
            if let key = keyOf[index] { return key }
            let small = next() % 4_096
            // Spread over the top byte and the low bits alike, so both collide often.
            let key = small << 56 | small << 44 | small
            keyOf[index] = key
            return key
        }
        var buckets = BandBuckets(capacity: 16)
        var reference: [UInt64: Int32] = [:]
        for slot in Int32(0)..<3_000 {
            for band in 0..<32 where next() % 3 == 0 {
                let probe = key(Int32(next() % UInt64(slot + 1)), Int(next() % 32))
                #expect(buckets.slot(for: probe, keyOf: key) == reference[probe])
                let filed = key(slot, band)
                if reference[filed] == nil || next() % 2 == 0 {
                    buckets.set(filed, slot: slot, band: band, keyOf: key)
                    reference[filed] = slot
                }
            }
        }
        for (filed, slot) in reference { #expect(buckets.slot(for: filed, keyOf: key) == slot) }
        #expect(buckets.slot(for: 1 << 63 | 12_345, keyOf: key) == nil)
    }
}
