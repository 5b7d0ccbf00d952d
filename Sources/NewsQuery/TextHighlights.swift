import NewsAnalysis

extension TermMatcher {
    /// Every word of `text` the query matches, as `[start, end)` offsets in Unicode scalars, for a
    /// client that shows a whole article (a snippet marks only its own passage).
    ///
    /// ```swift
    /// let ranges = TermMatcher(query: QueryParser().parse("defense").query).highlights(in: body)
    /// ```
    public func highlights(in text: String, analyzer: Analyzer = Analyzer()) -> [Range<Int>] {
        // A colocated variant that matches marks its whole span ("U.S." for `united states`), as in
        // snippets; overlaps are merged below.
        let grouped = TokenPositions(analyzer.tokens(in: text))
        let byteRanges = marks(grouped.terms).enumerated().compactMap { position, mark in
            mark.map { grouped.bytes(at: position, $0) }
        }
        return Self.scalarRanges(byteRanges.sorted { $0.lowerBound < $1.lowerBound }, in: text)
    }

    /// Byte ranges (sorted) to scalar ranges in one walk over the text, merging overlaps.
    static func scalarRanges(_ byteRanges: [Range<Int>], in text: String) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var byte = 0, scalar = 0
        let utf8 = text.utf8
        var iterator = utf8.makeIterator()
        func advance(to target: Int) {
            while byte < target, let next = iterator.next() {
                byte += 1
                if next & 0xC0 != 0x80 { scalar += 1 }
            }
        }
        for range in byteRanges {
            // A variant's span may begin inside the previous mark: it extends that mark.
            guard range.upperBound > byte else { continue }
            advance(to: range.lowerBound)
            let start = scalar
            advance(to: range.upperBound)
            let end = scalar
            if let previous = result.last, previous.upperBound >= start {
                result[result.count - 1] = previous.lowerBound..<max(previous.upperBound, end)
            } else if end > start {
                result.append(start..<end)
            }
        }
        return result
    }
}
