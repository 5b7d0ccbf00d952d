import Foundation

extension String {
    /// The same lines as `split(separator: "\n", omittingEmptySubsequences:)`, found over UTF-8 bytes.
    ///
    /// Splitting a `String` by a `Character` walks grapheme clusters, which cost more than everything
    /// else done to a typical line; a line feed is a cluster of its own except after a carriage return
    /// (CR LF is one cluster, and not equal to "\n"), so that is the one case the byte scan must skip.
    public func lineSlices(omittingEmptySubsequences: Bool = true) -> [Substring] {
        // The line feeds are found over the bytes in place (stepping the UTF-8 view index by index
        // cost as much as all the rest of reading a record); a native String's byte offsets then
        // become indices in constant time.
        let feeds = utf8.withContiguousStorageIfAvailable(Self.lineFeedOffsets) ?? Array(utf8).withUnsafeBufferPointer(Self.lineFeedOffsets)
        var lines: [Substring] = []
        lines.reserveCapacity(feeds.count + 1)
        var start = utf8.startIndex
        for offset in feeds {
            let index = utf8.index(utf8.startIndex, offsetBy: offset)
            if !omittingEmptySubsequences || start != index { lines.append(self[start..<index]) }
            start = utf8.index(after: index)
        }
        if !omittingEmptySubsequences || start != utf8.endIndex { lines.append(self[start..<utf8.endIndex]) }
        return lines
    }

    /// Where the line feeds that end lines are: every one not after a carriage return.
    private static func lineFeedOffsets(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var offsets: [Int] = []
        guard let base = bytes.baseAddress else { return offsets }
        // libc's memchr jumps from line feed to line feed: a byte loop over every body was 2% of reading.
        var offset = 0
        while offset < bytes.count, let found = memchr(base + offset, 0x0A, bytes.count - offset) {
            let at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            if at == 0 || base[at - 1] != 0x0D { offsets.append(at) }
            offset = at + 1
        }
        return offsets
    }
}

extension StringProtocol {
    /// `count`, without walking grapheme clusters when the text is ASCII: there every byte is a
    /// Character except CR LF, which is one. Line lengths are measured on every line of every article.
    var characterCount: Int {
        // Over the bytes in place when they are contiguous (a native String's always are): the
        // generic UTF-8 view's iterator made this loop 3% of an index run.
        let counted = utf8.withContiguousStorageIfAvailable(Self.asciiCharacterCount)
            ?? Array(utf8).withUnsafeBufferPointer(Self.asciiCharacterCount)
        return counted ?? count
    }

    /// The character count of ASCII bytes (CR LF counts once); nil when a byte is not ASCII.
    private static func asciiCharacterCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        // Eight bytes at a time while they are ASCII without a CR (nearly always): a byte loop over
        // every line of every article was a twelfth of reading and cleaning.
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let ones: UInt64 = 0x0101_0101_0101_0101
        var start = 0
        if let base = bytes.baseAddress {
            while start + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self)
                let crs = word ^ (0x0D * ones)
                // Non-zero when some byte is not ASCII, or is a CR (a zero byte of `crs`).
                if (word | ((crs &- ones) & ~crs)) & highBits != 0 { break }
                start += 8
            }
        }
        var pairs = 0
        var previous: UInt8 = 0
        for byte in UnsafeBufferPointer(rebasing: bytes[start...]) {
            if byte >= 0x80 { return nil }
            if byte == 0x0A && previous == 0x0D { pairs += 1 }
            previous = byte
        }
        return bytes.count - pairs
    }
}

extension String {
    /// `hasSuffix(suffix)` for an ASCII suffix, answered from the last bytes when they settle it: a
    /// byte mismatch is a mismatch (no other scalars are canonically equivalent to ASCII punctuation),
    /// and a match preceded by an ASCII byte (or nothing) is a match, as no ASCII scalar but CR joins
    /// the Character after it and the suffixes asked for do not start with a line feed. Otherwise (a
    /// mark of the kind that joins the next Character may precede it) `hasSuffix` decides.
    func hasASCIISuffix(_ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        let answer = utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard bytes.count >= count else { return false }
            let start = bytes.count - count
            for offset in 0..<count where bytes[start + offset] != suffix.utf8Start[offset] { return false }
            return start == 0 || bytes[start - 1] < 0x80 && bytes[start - 1] != 0x0D ? true : nil
        }
        if let answer, let answer { return answer }
        return hasSuffix(suffix.description)
    }

    /// `hasSuffix("…")`, answered from the last bytes as ``hasASCIISuffix(_:)`` answers: U+2026 has no
    /// other canonically equivalent spelling and never joins an ASCII scalar before it (a String test
    /// for a non-ASCII suffix walked grapheme clusters, on every short line of every article).
    var hasEllipsisSuffix: Bool {
        let answer = utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard bytes.count >= 3 else { return false }
            let start = bytes.count - 3
            guard bytes[start] == 0xE2, bytes[start + 1] == 0x80, bytes[start + 2] == 0xA6 else { return false }
            return start == 0 || bytes[start - 1] < 0x80 && bytes[start - 1] != 0x0D ? true : nil
        }
        if let answer, let answer { return answer }
        return hasSuffix("…")
    }
}
