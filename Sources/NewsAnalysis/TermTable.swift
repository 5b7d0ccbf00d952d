/// A fixed word → word table that looks terms up by their bytes, without building a key.
///
/// Open addressing over one byte blob: lookups on the indexing hot path cost a hash and a compare,
/// never an allocation (a `Dictionary<String, String>` would need a `String` per token).
struct TermTable: Sendable {
    private struct Entry: Sendable {
        var keyStart: Int32
        var keyLength: Int32
        var valueStart: Int32
        var valueLength: Int32
    }

    private let blob: [UInt8]
    private let entries: [Entry]
    private let slots: [Int32]
    private let mask: Int
    /// Length bounds of the keys: terms outside them are rejected before hashing.
    let minLength: Int
    let maxLength: Int

    init(_ pairs: [(String, String)]) {
        var blob: [UInt8] = []
        var entries: [Entry] = []
        for (key, value) in pairs {
            let keyStart = blob.count
            blob.append(contentsOf: key.utf8)
            let valueStart = blob.count
            blob.append(contentsOf: value.utf8)
            entries.append(Entry(
                keyStart: Int32(keyStart), keyLength: Int32(valueStart - keyStart),
                valueStart: Int32(valueStart), valueLength: Int32(blob.count - valueStart)))
        }
        var capacity = 16
        while capacity < entries.count * 3 { capacity *= 2 }
        var slots = [Int32](repeating: -1, count: capacity)
        for (index, entry) in entries.enumerated() {
            var slot = blob.withUnsafeBufferPointer {
                Int(Self.hash($0.baseAddress! + Int(entry.keyStart), Int(entry.keyLength))) & (capacity - 1)
            }
            while slots[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Int32(index)
        }
        self.blob = blob
        self.entries = entries
        self.slots = slots
        self.mask = capacity - 1
        self.minLength = entries.map { Int($0.keyLength) }.min() ?? 0
        self.maxLength = entries.map { Int($0.keyLength) }.max() ?? 0
    }

    /// Keys only (a set); every value is empty.
    init(keys: [String]) {
        self.init(keys.map { ($0, "") })
    }

    @inline(__always) static func hash(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> UInt32 {
        var h: UInt32 = 2_166_136_261  // FNV-1a
        for i in 0..<count { h = (h ^ UInt32(bytes[i])) &* 16_777_619 }
        return h
    }

    /// The entry whose key equals the `count` bytes at `bytes`, or nil.
    func find(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int? {
        guard count >= minLength, count <= maxLength else { return nil }
        var slot = Int(Self.hash(bytes, count)) & mask
        return blob.withUnsafeBufferPointer { blob in
            while true {
                let index = Int(slots[slot])
                if index < 0 { return nil }
                let entry = entries[index]
                if Int(entry.keyLength) == count {
                    var equal = true
                    let key = blob.baseAddress! + Int(entry.keyStart)
                    for k in 0..<count where key[k] != bytes[k] {
                        equal = false
                        break
                    }
                    if equal { return index }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    func contains(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Bool { find(bytes, count) != nil }

    /// Writes the value of `entry` at `destination`; returns its length.
    func copyValue(of entry: Int, to destination: UnsafeMutablePointer<UInt8>) -> Int {
        let e = entries[entry]
        for k in 0..<Int(e.valueLength) { destination[k] = blob[Int(e.valueStart) + k] }
        return Int(e.valueLength)
    }

    func value(of entry: Int) -> String {
        let e = entries[entry]
        return String(decoding: blob[Int(e.valueStart)..<Int(e.valueStart + e.valueLength)], as: UTF8.self)
    }
}
