extension String {
    /// The same lines as `split(separator: "\n", omittingEmptySubsequences:)`, found over UTF-8 bytes.
    ///
    /// Splitting a `String` by a `Character` walks grapheme clusters, which cost more than everything
    /// else done to a typical line; a line feed is a cluster of its own except after a carriage return
    /// (CR LF is one cluster, and not equal to "\n"), so that is the one case the byte scan must skip.
    public func lineSlices(omittingEmptySubsequences: Bool = true) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = self.utf8
        var start = utf8.startIndex
        var previous: UInt8 = 0
        var index = start
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A && previous != 0x0D {
                if !omittingEmptySubsequences || start != index { lines.append(self[start..<index]) }
                start = utf8.index(after: index)
            }
            previous = byte
            index = utf8.index(after: index)
        }
        if !omittingEmptySubsequences || start != utf8.endIndex { lines.append(self[start..<utf8.endIndex]) }
        return lines
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
        var pairs = 0
        var previous: UInt8 = 0
        for byte in bytes {
            if byte >= 0x80 { return nil }
            if byte == 0x0A && previous == 0x0D { pairs += 1 }
            previous = byte
        }
        return bytes.count - pairs
    }
}
