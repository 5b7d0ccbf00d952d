/// Words mapped to values with a cheap byte hash (FNV-1a) and open addressing: the rules ask "is this
/// word in that list?" several times per token, and `String` hashing dominated extraction time. Tokens
/// carry their hash (`Token.hash`), so most look-ups hash nothing at all.
///
/// A slot holds the entry's index in its low 32 bits and the top 32 bits of its hash above them, so a
/// probe that misses (most look-ups: most words are in no list) reads one slot and no entry; the
/// gazetteer's tables are far larger than the cache, and each extra read was a cache miss.
struct WordMap<Value: Sendable>: Sendable {
    private var slots: [UInt64]
    private var hashes: [UInt64] = []
    private var words: [String] = []
    private var values: [Value] = []
    private var mask: Int

    private static var empty: UInt64 { UInt64.max }

    /// An empty map shares one table of empty slots until its first insertion copies it: an article
    /// makes about ten maps, and several stay empty.
    init() {
        mask = 15
        slots = sixteenEmptySlots
    }

    /// Room for `minimumCapacity` words without growing: growing rehashes every word.
    init(minimumCapacity: Int) {
        var size = 16
        while minimumCapacity * 3 > size { size *= 2 }
        mask = size - 1
        slots = size == 16 ? sixteenEmptySlots : Array(repeating: Self.empty, count: size)
        guard minimumCapacity > 0 else { return }
        hashes.reserveCapacity(minimumCapacity)
        words.reserveCapacity(minimumCapacity)
        values.reserveCapacity(minimumCapacity)
    }

    var count: Int { words.count }

    /// The words, in insertion order.
    var keys: [String] { words }

    /// The words and their hashes, in insertion order.
    var keysAndHashes: Zip2Sequence<[String], [UInt64]> { zip(words, hashes) }

    subscript(_ word: String) -> Value? {
        get { lookup(word, hash: WordMap.hash(word)) }
        set {
            guard let newValue else { return }
            insert(word, newValue)
        }
    }

    /// The value of `word` by the hash the caller already has (`WordMap.hash(word)`): a candidate
    /// carries its key's hash from the scanner, and hashing every key again at each of the resolver's
    /// look-ups was most of resolving.
    subscript(_ word: String, hash hash: UInt64) -> Value? {
        get { lookup(word, hash: hash) }
        set {
            guard let newValue else { return }
            insert(word, hash: hash, newValue)
        }
    }

    /// The value of the token's lowercase word, found by the hash the scanner computed and the bytes in place.
    subscript(_ token: Token, in text: ScannedText) -> Value? {
        let bytes = text.lowered[Int(token.lowerStart)..<Int(token.lowerEnd)]
        return probe(token.hash) { Self.word($0, is: bytes) }
    }

    /// The value of the word whose UTF-8 bytes are `bytes`.
    func value(bytes: ArraySlice<UInt8>) -> Value? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return probe(hash) { Self.word($0, is: bytes) }
    }

    /// The value of the tokens' lowercase words joined by single spaces, found without building that
    /// string: the gazetteer is asked for every multi-word name that might start at a capitalised word.
    func value(joining tokens: ArraySlice<Token>, in text: ScannedText) -> Value? {
        probe(text.joinedHash(tokens)) { Self.word($0, joins: tokens, in: text) }
    }

    private static func word(_ word: String, is bytes: ArraySlice<UInt8>) -> Bool {
        guard word.utf8.count == bytes.count else { return false }
        // Compared as two buffers: `elementsEqual` over the two views went index by index.
        return word.utf8.withContiguousStorageIfAvailable { stored in
            bytes.withUnsafeBufferPointer { probe in
                for offset in 0..<probe.count where stored[offset] != probe[offset] { return false }
                return true
            }
        } ?? word.utf8.elementsEqual(bytes)
    }

    /// Whether `word` is the tokens' lowercase words joined by single spaces.
    private static func word(_ word: String, joins tokens: ArraySlice<Token>, in text: ScannedText) -> Bool {
        var bytes = word.utf8.makeIterator()
        for index in tokens.indices {
            if index != tokens.startIndex, bytes.next() != 0x20 { return false }
            for byte in text.lowered[Int(tokens[index].lowerStart)..<Int(tokens[index].lowerEnd)] where bytes.next() != byte { return false }
        }
        return bytes.next() == nil
    }

    private func lookup(_ word: String, hash: UInt64) -> Value? {
        probe(hash) { $0 == word }
    }

    /// Walks the slots from `hash`'s home until an empty one; the first entry of the same hash whose
    /// word `matches` gives the value.
    private func probe(_ hash: UInt64, _ matches: (String) -> Bool) -> Value? {
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == Self.empty { return nil }
            if entry & 0xFFFF_FFFF_0000_0000 == tag {
                let index = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF)
                if hashes[index] == hash, matches(words[index]) { return values[index] }
            }
            slot = (slot + 1) & mask
        }
    }

    private mutating func insert(_ word: String, _ value: Value) {
        insert(word, hash: Self.hash(word), value)
    }

    private mutating func insert(_ word: String, hash: UInt64, _ value: Value) {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == Self.empty { break }
            let index = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF)
            if hashes[index] == hash, words[index] == word {
                values[index] = value
                return
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = Self.slot(hash, index: words.count)
        words.append(word)
        hashes.append(hash)
        values.append(value)
        if words.count * 3 > slots.count { grow() }
    }

    /// Never `empty`: an index is far below 2^32 - 1.
    private static func slot(_ hash: UInt64, index: Int) -> UInt64 {
        hash & 0xFFFF_FFFF_0000_0000 | UInt64(index)
    }

    private mutating func grow() {
        let size = slots.count * 2
        mask = size - 1
        slots = Array(repeating: Self.empty, count: size)
        for (index, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != Self.empty { slot = (slot + 1) & mask }
            slots[slot] = Self.slot(hash, index: index)
        }
    }

    static func hash(_ word: String) -> UInt64 {
        // Over the string's own buffer: stepping `utf8`'s indices cost ten times the hashing (a native
        // string always has one; a bridged one takes the slow path).
        if let hash = word.utf8.withContiguousStorageIfAvailable(hash(bytes:)) { return hash }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    private static func hash(bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }
}

/// The slots of every new small `WordMap`, all empty (`UInt64.max`).
private let sixteenEmptySlots = [UInt64](repeating: .max, count: 16)

/// A set of lowercase words (see `WordMap`).
struct WordSet: Sendable, ExpressibleByArrayLiteral {
    private var map = WordMap<Bool>()

    init<S: Sequence>(_ sequence: S) where S.Element == String {
        for word in sequence { map[word] = true }
    }

    init(arrayLiteral elements: String...) {
        self.init(elements)
    }

    init(minimumCapacity: Int) {
        map = WordMap(minimumCapacity: minimumCapacity)
    }

    var count: Int { map.count }

    var isEmpty: Bool { map.count == 0 }

    mutating func insert(_ word: String) { map[word] = true }

    func contains(_ word: String) -> Bool { map[word] != nil }

    mutating func insert(_ word: String, hash: UInt64) { map[word, hash: hash] = true }

    func contains(_ word: String, hash: UInt64) -> Bool { map[word, hash: hash] != nil }

    func contains(_ token: Token, in text: ScannedText) -> Bool { map[token, in: text] != nil }

    func contains(bytes: ArraySlice<UInt8>) -> Bool { map.value(bytes: bytes) != nil }
}
