import Foundation

extension UnsafeBufferPointer<UInt8> {
    /// Where `needle` first starts in `self[from..<to]`: libc's `memchr` jumps to each candidate first
    /// byte with vector instructions and `memcmp` tests it (a byte loop, or the standard library's
    /// generic `firstRange(of:)`, cost a page's scan many times more).
    func firstOccurrence(of needle: UnsafeBufferPointer<UInt8>, from: Int = 0, to: Int? = nil) -> Int? {
        let end = Swift.min(to ?? count, count)
        guard let base = baseAddress, let first = needle.first, let pattern = needle.baseAddress else { return nil }
        var start = Swift.max(from, 0)
        while end - start >= needle.count {
            guard let found = memchr(base + start, Int32(first), end - start - needle.count + 1) else { return nil }
            start = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + start, pattern, needle.count) == 0 { return start }
            start += 1
        }
        return nil
    }
}

extension String {
    /// Foundation's `contains(_:)`, answered from the bytes when both texts are ASCII and `needle` has
    /// no line break: then no canonical equivalent, combining mark or CR LF pair can make the two
    /// differ, and Foundation's bridge to `NSString` cost ~5,000 instructions a call (more for a long text).
    func containsText(_ needle: String) -> Bool {
        let plain = needle.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0A && $0 != 0x0D } && utf8.allSatisfy { $0 < 0x80 }
        return plain ? utf8.containsBytes(of: needle.utf8) : contains(needle)
    }
}
