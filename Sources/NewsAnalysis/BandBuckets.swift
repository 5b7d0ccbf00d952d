/// The LSH buckets of one band of ``CopyClusters``: each band key names the slot of the article holding
/// that bucket.
///
/// An open-addressing table that keeps no keys. An entry is a slot and the key's top byte; when the
/// byte matches, the whole key is worked out again (`keyOf`) from that slot's signature, which
/// ``CopyClusters`` keeps anyway. An entry takes 5 bytes (a `Dictionary<UInt64, Int32>` took 12). One
/// table per band, not one for all: a table that doubles holds its old and new arrays at once, and a
/// band's table is a 32nd of the whole, so the copy clusters never hold a doubled whole table (at
/// 1,000,000 articles that was a few hundred MB on top; issue 16). A lookup reads neighbouring entries,
/// not a hash of the key: the keys are `ShingleHashes.mix` outputs already, so their low bits are uniform.
///
/// Behaves exactly as a dictionary would: one slot per key.
struct BandBuckets: Sendable {
    /// Slot of each entry; -1 when empty.
    private var slots: [Int32]
    /// The key's top byte of each entry.
    private var tags: [UInt8]
    private var count = 0

    init(capacity: Int = 1 << 8) {
        var size = 16
        while size < capacity { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        tags = [UInt8](repeating: 0, count: size)
    }

    private var mask: Int { slots.count - 1 }

    private static func tag(_ key: UInt64) -> UInt8 { UInt8(truncatingIfNeeded: key >> 56) }

    /// The slot holding `key`, if any; `keyOf(slot)` is the key that slot has in this band.
    func slot(for key: UInt64, keyOf: (Int32) -> UInt64) -> Int32? {
        let (index, found) = position(of: key, keyOf: keyOf)
        return found ? slots[index] : nil
    }

    /// Files `key` (the key `slot` has in this band) under `slot`, replacing the slot that held it.
    mutating func set(_ key: UInt64, slot: Int32, keyOf: (Int32) -> UInt64) {
        let (index, found) = position(of: key, keyOf: keyOf)
        slots[index] = slot
        tags[index] = Self.tag(key)
        guard !found else { return }
        count += 1
        if count * 4 > slots.count * 3 { grow(keyOf: keyOf) }
    }

    /// Where `key` is, or the empty entry where it would go.
    private func position(of key: UInt64, keyOf: (Int32) -> UInt64) -> (index: Int, found: Bool) {
        let tag = Self.tag(key)
        var index = Int(truncatingIfNeeded: key) & mask
        while true {
            let slot = slots[index]
            if slot < 0 { return (index, false) }
            if tags[index] == tag, keyOf(slot) == key { return (index, true) }
            index = (index + 1) & mask
        }
    }

    private mutating func grow(keyOf: (Int32) -> UInt64) {
        let oldSlots = slots
        let oldTags = tags
        slots = [Int32](repeating: -1, count: oldSlots.count * 2)
        tags = [UInt8](repeating: 0, count: oldSlots.count * 2)
        for (slot, tag) in zip(oldSlots, oldTags) where slot >= 0 {
            var index = Int(truncatingIfNeeded: keyOf(slot)) & mask
            while slots[index] >= 0 { index = (index + 1) & mask }
            slots[index] = slot
            tags[index] = tag
        }
    }
}
