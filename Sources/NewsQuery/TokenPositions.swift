import NewsAnalysis

/// A text's tokens grouped by position, as FTS5 indexes them: each position's own term first, then
/// its colocated variants, each with its bytes. What ``TermMatcher/marks(_:)`` reads.
struct TokenPositions {
    var terms: [[String]] = []
    var bytes: [[Range<Int>]] = []

    init(_ tokens: [Token]) {
        for token in tokens {
            if token.isColocated, !terms.isEmpty {
                terms[terms.count - 1].append(token.term)
                bytes[bytes.count - 1].append(token.byteRange)
            } else {
                terms.append([token.term])
                bytes.append([token.byteRange])
            }
        }
    }

    /// The bytes a mark covers: the token's own, joined with those of the variant that matched (`us`
    /// colocated on "States" reaches over "United States").
    func bytes(at position: Int, _ mark: TermMatcher.Mark) -> Range<Int> {
        let own = bytes[position][0]
        guard mark.term > 0 else { return own }
        let variant = bytes[position][mark.term]
        return min(own.lowerBound, variant.lowerBound)..<max(own.upperBound, variant.upperBound)
    }
}
