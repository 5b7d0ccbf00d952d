/// Charikar's SimHash of a text's shingles: 64 bits, each the majority vote of the shingle hashes'
/// bits, so that similar texts differ in few bits (Hamming distance).
///
/// Kept beside ``MinHashSignature`` because issue 19 asked which of the two finds copies better; the
/// comparison is `copy-signatures` (Sources/Tools) and its figures are in BENCHMARKS.md.
///
/// ```swift
/// SimHash(of: story).distance(to: SimHash(of: copy))  // a few bits for a copy
/// ```
public struct SimHash: Sendable, Equatable {
    public let bits: UInt64

    public init(of text: String) {
        self.init(shingles: ShingleHashes.of(text))
    }

    public init(shingles: [UInt64]) {
        var votes = [Int32](repeating: 0, count: 64)
        for shingle in shingles {
            for bit in 0..<64 { votes[bit] += (shingle >> UInt64(bit)) & 1 == 1 ? 1 : -1 }
        }
        var bits: UInt64 = 0
        for bit in 0..<64 where votes[bit] > 0 { bits |= 1 << UInt64(bit) }
        self.bits = bits
    }

    /// Bits that differ.
    public func distance(to other: SimHash) -> Int {
        (bits ^ other.bits).nonzeroBitCount
    }
}
