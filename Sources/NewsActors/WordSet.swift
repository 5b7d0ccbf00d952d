/// A set of words with a cheap byte hash (FNV-1a) and open addressing: the rules ask "is this word in
/// that list?" several times per token, and `Set<String>`'s seeded hashing dominated extraction time.
struct WordSet: Sendable, ExpressibleByArrayLiteral {
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var words: [String] = []
    private let mask: Int

    init<S: Sequence>(_ sequence: S) where S.Element == String {
        let unique = Array(Set(sequence))
        var size = 16
        while size < unique.count * 3 { size *= 2 }
        mask = size - 1
        slots = Array(repeating: -1, count: size)
        for word in unique {
            let hash = Self.hash(word)
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(words.count)
            words.append(word)
            hashes.append(hash)
        }
    }

    init(arrayLiteral elements: String...) {
        self.init(elements)
    }

    var count: Int { words.count }

    func contains(_ word: String) -> Bool {
        let hash = Self.hash(word)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { return false }
            if hashes[index] == hash, words[index] == word { return true }
            slot = (slot + 1) & mask
        }
    }

    static func hash(_ word: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash ^ (hash >> 29)
    }
}
