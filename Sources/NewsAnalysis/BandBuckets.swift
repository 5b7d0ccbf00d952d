/// The LSH buckets of ``CopyClusters``: each band key names the slot of the article holding that bucket.
///
/// An open-addressing table that keeps no keys. An entry is a slot, the band it was filed under and the
/// key's top byte; when the byte matches, the whole key is worked out again (`keyOf`) from that slot's
/// signature, which ``CopyClusters`` keeps anyway. With 32 bands an article files about 32 keys: as a
/// `Dictionary<UInt64, Int32>` (12 bytes an entry, at most three quarters full) that came to about
/// 0.8 GB at 1,000,000 articles; here an entry takes 6 bytes. A lookup reads neighbouring entries, not
/// a hash of the key: the keys are `ShingleHashes.mix` outputs already, so their low bits are uniform.
///
/// Behaves exactly as the dictionary did: one slot per key, a key found whatever band filed it.
struct BandBuckets: Sendable {
    /// Slot of each entry; -1 when empty.
    private var slots: [Int32]
    /// Band (low byte) and the key's top byte (high byte) of each entry.
    private var tags: [UInt16]
    private var count = 0

    init(capacity: Int = 1 << 10) {
        var size = 16
        while size < capacity { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        tags = [UInt16](repeating: 0, count: size)
    }

    private var mask: Int { slots.count - 1 }

    private static func tag(_ key: UInt64) -> UInt8 { UInt8(truncatingIfNeeded: key >> 56) }

    /// The slot holding `key`, if any; `keyOf(slot, band)` is the key that slot has in that band.
    func slot(for key: UInt64, keyOf: (Int32, Int) -> UInt64) -> Int32? {
        let (index, found) = position(of: key, keyOf: keyOf)
        return found ? slots[index] : nil
    }

    /// Files `key` (the key `slot` has in `band`) under `slot`, replacing the slot that held it.
    mutating func set(_ key: UInt64, slot: Int32, band: Int, keyOf: (Int32, Int) -> UInt64) {
        let (index, found) = position(of: key, keyOf: keyOf)
        slots[index] = slot
        // The band the new holder has this key in: `keyOf` must give the key back for the entry.
        tags[index] = UInt16(Self.tag(key)) << 8 | UInt16(UInt8(band))
        guard !found else { return }
        count += 1
        if count * 4 > slots.count * 3 { grow(keyOf: keyOf) }
    }

    /// Where `key` is, or the empty entry where it would go.
    private func position(of key: UInt64, keyOf: (Int32, Int) -> UInt64) -> (index: Int, found: Bool) {
        let tag = Self.tag(key)
        var index = Int(truncatingIfNeeded: key) & mask
        while true {
            let slot = slots[index]
            if slot < 0 { return (index, false) }
            let entry = tags[index]
            if UInt8(truncatingIfNeeded: entry >> 8) == tag, keyOf(slot, Int(entry & 0xFF)) == key { return (index, true) }
            index = (index + 1) & mask
        }
    }

    private mutating func grow(keyOf: (Int32, Int) -> UInt64) {
        let oldSlots = slots
        let oldTags = tags
        slots = [Int32](repeating: -1, count: oldSlots.count * 2)
        tags = [UInt16](repeating: 0, count: oldSlots.count * 2)
        for (slot, entry) in zip(oldSlots, oldTags) where slot >= 0 {
            var index = Int(truncatingIfNeeded: keyOf(slot, Int(entry & 0xFF))) & mask
            while slots[index] >= 0 { index = (index + 1) & mask }
            slots[index] = slot
            tags[index] = entry
        }
    }
}
