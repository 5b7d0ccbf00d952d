/// A MinHash signature of a text's shingles: the share of equal slots between two signatures
/// estimates the Jaccard similarity of their shingle sets.
///
/// One hash per shingle, not one per slot (one-permutation hashing): the top bits of the hash choose
/// the slot, the rest compete for its minimum. A slot no shingle fell into borrows the value of the
/// next filled one, mixed with the distance, so that equal texts still give equal slots (rotation
/// densification). Slots keep 16 bits: a chance equality (1 in 65,536) moves no estimate that matters.
///
/// ```swift
/// let a = MinHashSignature(of: wireStory)!, b = MinHashSignature(of: outletCopy)!
/// a.similarity(to: b)  // ≈ 0.8
/// ```
public struct MinHashSignature: Sendable, Equatable {
    /// Slots per signature; ``CopyBanding`` cuts them into bands.
    public static let slotCount = 64
    /// Texts with fewer shingles get no signature: a few words say too little to call two articles copies.
    public static let minimumShingles = 12

    public private(set) var slots: [UInt16]

    public init?(of text: String) {
        self.init(shingles: ShingleHashes.of(text))
    }

    public init?(shingles: [UInt64]) {
        guard shingles.count >= Self.minimumShingles else { return nil }
        let count = Self.slotCount
        let slotBits = UInt64(count.trailingZeroBitCount)
        var minima = [UInt64](repeating: .max, count: count)
        var filled = [Bool](repeating: false, count: count)
        for shingle in shingles {
            let slot = Int(shingle >> (64 - slotBits))
            let value = shingle << slotBits
            if value <= minima[slot] {
                minima[slot] = value
                filled[slot] = true
            }
        }
        slots = (0..<count).map { slot in
            var distance = 0
            while !filled[(slot + distance) % count] { distance += 1 }
            let value = minima[(slot + distance) % count]
            return UInt16(truncatingIfNeeded: (distance == 0 ? value : ShingleHashes.mix(value ^ UInt64(distance))) >> 48)
        }
    }

    /// Restores a stored signature (``bytes``); nil when the bytes are not one.
    public init?(bytes: [UInt8]) {
        guard bytes.count == Self.slotCount * 2 else { return nil }
        slots = (0..<Self.slotCount).map { UInt16(bytes[2 * $0]) | UInt16(bytes[2 * $0 + 1]) << 8 }
    }

    /// Little-endian, two bytes a slot: the stored form. Written into one array: a two-byte array per
    /// slot (64 allocations an article) was 1.5% of the writer's time on Reuters.
    public var bytes: [UInt8] {
        [UInt8](unsafeUninitializedCapacity: slots.count * 2) { buffer, count in
            for (index, slot) in slots.enumerated() {
                buffer[2 * index] = UInt8(truncatingIfNeeded: slot)
                buffer[2 * index + 1] = UInt8(truncatingIfNeeded: slot >> 8)
            }
            count = slots.count * 2
        }
    }

    /// The estimated Jaccard similarity of the two texts' shingle sets, 0…1.
    public func similarity(to other: MinHashSignature) -> Double {
        var equal = 0
        for index in slots.indices where slots[index] == other.slots[index] { equal += 1 }
        return Double(equal) / Double(slots.count)
    }
}
