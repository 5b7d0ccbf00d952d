#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A per-thread memo of folded word → normalised term (spelling variant, synonym, Snowball stem).
///
/// Normalising a word is a pure function of its folded bytes, and news text repeats its words, so a
/// direct-mapped table of recent words makes the common token cost a hash, a compare and a copy.
/// One table per thread (no locks, `Analyzer` stays a `Sendable` value), slots of 32 bytes, words up
/// to 15 bytes. A collision simply overwrites the slot.
///
/// A thread starts with 4,096 slots (128 KiB) and moves to 32,768 (1 MiB) once it has stored twice as
/// many words as it has slots: a query's process analyses its words and ten snippets, and zeroing the
/// whole megabyte was 256 of a rare word's ~1,900 page faults (BENCHMARKS.md, issue 17); an indexing
/// thread passes the mark within its first articles.
final class TermCache {
    static let initialSlotCount = 4096
    static let slotCount = 32768
    static let slotSize = 32
    static let maxLength = 15

    /// Slot layout: key length (0 = empty), value length, 15 key bytes, 15 value bytes.
    private var storage: UnsafeMutablePointer<UInt8>
    private var mask: UInt32
    /// Words stored since the table was made, counted towards moving to the large table.
    private var stores = 0

    init() {
        (storage, mask) = Self.table(slots: Self.initialSlotCount)
    }

    deinit { storage.deallocate() }

    private static func table(slots: Int) -> (UnsafeMutablePointer<UInt8>, UInt32) {
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: slots * slotSize)
        storage.initialize(repeating: 0, count: slots * slotSize)
        return (storage, UInt32(slots - 1))
    }

    var slots: Int { Int(mask) + 1 }

    /// Between two texts (never while a slot pointer is held): the large table, empty, once the small
    /// one has seen enough words.
    func growIfBusy() {
        guard stores >= 2 * Self.initialSlotCount, mask < UInt32(Self.slotCount - 1) else { return }
        storage.deallocate()
        (storage, mask) = Self.table(slots: Self.slotCount)
    }

    /// FNV-1a, so the scanner can hash bytes as it folds them.
    static let initialHash: UInt32 = 2_166_136_261

    @inline(__always) static func hash(_ h: UInt32, _ byte: UInt8) -> UInt32 { (h ^ UInt32(byte)) &* 16_777_619 }

    @inline(__always) func slot(for term: UnsafePointer<UInt8>, _ count: Int) -> UnsafeMutablePointer<UInt8> {
        var h = Self.initialHash
        for i in 0..<count { h = Self.hash(h, term[i]) }
        return slot(hash: h)
    }

    @inline(__always) func slot(hash: UInt32) -> UnsafeMutablePointer<UInt8> {
        storage + Int(hash & mask) * Self.slotSize
    }

    /// On a hit, overwrites `term` with the cached value and returns its length.
    @inline(__always) func lookup(_ slot: UnsafeMutablePointer<UInt8>, _ term: UnsafeMutablePointer<UInt8>, _ count: Int)
        -> Int?
    {
        guard Int(slot[0]) == count else { return nil }
        for i in 0..<count where slot[2 + i] != term[i] { return nil }
        let length = Int(slot[1])
        let value = slot + 2 + Self.maxLength
        for i in 0..<length { term[i] = value[i] }
        return length
    }

    /// Stores `key` → `value` (both at most `maxLength` bytes).
    @inline(__always) func store(
        _ slot: UnsafeMutablePointer<UInt8>, key: UnsafePointer<UInt8>, _ keyCount: Int,
        value: UnsafePointer<UInt8>, _ valueCount: Int
    ) {
        guard valueCount <= Self.maxLength else { return }
        stores &+= 1
        for i in 0..<keyCount { slot[2 + i] = key[i] }
        for i in 0..<valueCount { slot[2 + Self.maxLength + i] = value[i] }
        slot[0] = UInt8(keyCount)
        slot[1] = UInt8(valueCount)
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        #if os(Linux)
        pthread_key_create(&key) { pointer in
            if let pointer { Unmanaged<TermCache>.fromOpaque(pointer).release() }
        }
        #else
        pthread_key_create(&key) { pointer in Unmanaged<TermCache>.fromOpaque(pointer).release() }
        #endif
        return key
    }()

    /// This thread's cache, created on first use and released when the thread ends.
    static func current() -> TermCache {
        if let pointer = pthread_getspecific(key) {
            let cache = Unmanaged<TermCache>.fromOpaque(pointer).takeUnretainedValue()
            cache.growIfBusy()
            return cache
        }
        let cache = TermCache()
        pthread_setspecific(key, Unmanaged.passRetained(cache).toOpaque())
        return cache
    }
}
