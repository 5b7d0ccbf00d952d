/// Line hash → how many documents contained the line: the counts ``BoilerplateModel`` learns per source.
///
/// Flat storage, because there are many: about nine distinct short lines an article, most of them seen
/// once, so 9 million counts at 1,000,000 articles. As a `[UInt64: Int]` each took 16 bytes of a table
/// kept at most three quarters full; here an entry takes 9: the hash, and a one-byte count that
/// saturates into a small side table for the few lines in 255 documents or more (a site's footer).
///
/// Encoded as `[UInt64: Int]` encodes (hash and count alternating in one array), so stored models read
/// either way.
public struct LineCounts: Sendable, Hashable, Codable, Sequence {
    /// Hash of each entry; 0 when empty (the hash 0 itself is counted in `zeroCount`).
    private var hashes: [UInt64]
    /// Count of each entry, or `UInt8.max`: then the count is in `large`.
    private var small: [UInt8]
    private var large: [UInt64: Int] = [:]
    private var zeroCount = 0
    /// How many hashes have a count.
    public private(set) var count = 0

    public init() {
        hashes = [UInt64](repeating: 0, count: 16)
        small = [UInt8](repeating: 0, count: 16)
    }

    private var mask: Int { hashes.count - 1 }

    /// How many documents contained the line; nil when none did.
    public subscript(hash: UInt64) -> Int? {
        if hash == 0 { return zeroCount == 0 ? nil : zeroCount }
        let (index, found) = position(of: hash)
        return found ? count(at: index) : nil
    }

    /// Sets a count read back from a stored model: a stored hash is stored once, and were it twice the
    /// later count would hold, as in a dictionary; a count of 0 is no entry.
    public mutating func storeCount(_ hash: UInt64, documents: Int) {
        if documents > 0 { add(hash, documents: documents - (self[hash] ?? 0)) }
    }

    /// Counts one more document with the line.
    public mutating func add(_ hash: UInt64, documents: Int = 1) {
        if hash == 0 {
            if zeroCount == 0 { count += 1 }
            zeroCount += documents
            return
        }
        let (index, found) = position(of: hash)
        set(hash, at: index, to: (found ? count(at: index) : 0) + documents)
        guard !found else { return }
        count += 1
        if count * 4 > hashes.count * 3 { grow() }
    }

    private mutating func set(_ hash: UInt64, at index: Int, to total: Int) {
        hashes[index] = hash
        if total < Int(UInt8.max) {
            small[index] = UInt8(total)
        } else {
            small[index] = .max
            large[hash] = total
        }
    }

    /// The lines seen in at least `documents` documents.
    public func keeping(atLeast documents: Int) -> LineCounts {
        var kept = LineCounts()
        for entry in self where entry.documents >= documents { kept.add(entry.hash, documents: entry.documents) }
        return kept
    }

    private func count(at index: Int) -> Int {
        small[index] == .max ? large[hashes[index]]! : Int(small[index])
    }

    /// Where `hash` is, or the empty entry where it would go. FNV-1a's low bits are uniform enough.
    private func position(of hash: UInt64) -> (index: Int, found: Bool) {
        var index = Int(truncatingIfNeeded: hash ^ hash >> 32) & mask
        while true {
            let stored = hashes[index]
            if stored == 0 { return (index, false) }
            if stored == hash { return (index, true) }
            index = (index + 1) & mask
        }
    }

    private mutating func grow() {
        let oldHashes = hashes
        let oldSmall = small
        hashes = [UInt64](repeating: 0, count: oldHashes.count * 2)
        small = [UInt8](repeating: 0, count: oldHashes.count * 2)
        for (hash, documents) in zip(oldHashes, oldSmall) where hash != 0 {
            var index = Int(truncatingIfNeeded: hash ^ hash >> 32) & mask
            while hashes[index] != 0 { index = (index + 1) & mask }
            hashes[index] = hash
            small[index] = documents
        }
    }

    public struct Iterator: IteratorProtocol {
        fileprivate let counts: LineCounts
        fileprivate var index = -1

        public mutating func next() -> (hash: UInt64, documents: Int)? {
            if index < 0 {
                index = 0
                if counts.zeroCount > 0 { return (0, counts.zeroCount) }
            }
            while index < counts.hashes.count {
                defer { index += 1 }
                if counts.hashes[index] != 0 { return (counts.hashes[index], counts.count(at: index)) }
            }
            return nil
        }
    }

    public func makeIterator() -> Iterator { Iterator(counts: self) }

    public static func == (lhs: LineCounts, rhs: LineCounts) -> Bool {
        lhs.count == rhs.count && lhs.allSatisfy { rhs[$0.hash] == $0.documents }
    }

    /// The same for any order of the entries, as equality is.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        var entries: UInt64 = 0
        for (hash, documents) in self {
            var entry = Hasher()
            entry.combine(hash)
            entry.combine(documents)
            entries &+= UInt64(bitPattern: Int64(entry.finalize()))
        }
        hasher.combine(entries)
    }

    public init(from decoder: Decoder) throws {
        self.init()
        var container = try decoder.unkeyedContainer()
        while !container.isAtEnd {
            let hash = try container.decode(UInt64.self)
            guard !container.isAtEnd else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "a line hash without its count")
            }
            let documents = try container.decode(Int.self)
            storeCount(hash, documents: documents)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.unkeyedContainer()
        for (hash, documents) in self {
            try container.encode(hash)
            try container.encode(documents)
        }
    }
}
