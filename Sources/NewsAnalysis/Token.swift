/// One token the ``Analyzer`` produced: the indexed term and where it came from in the input.
///
/// `byteRange` indexes the UTF-8 bytes of the analysed text (what FTS5 wants for highlighting);
/// `position` is the token position FTS5 assigns: it advances on every token that is not colocated.
public struct Token: Sendable, Hashable, CustomStringConvertible {
    public var term: String
    public var byteRange: Range<Int>
    public var position: Int
    /// A colocated token shares the position of the token before it (a synonym or a variant).
    public var isColocated: Bool

    public init(term: String, byteRange: Range<Int>, position: Int, isColocated: Bool = false) {
        self.term = term
        self.byteRange = byteRange
        self.position = position
        self.isColocated = isColocated
    }

    public var description: String {
        "\(term)@\(position)[\(byteRange.lowerBound)..<\(byteRange.upperBound)]\(isColocated ? "+" : "")"
    }
}

/// Why the text is analysed: documents and queries differ only where FTS5 requires it
/// (synonyms are added on one side only; see `fts5.h`).
public enum AnalysisMode: Sendable, Hashable {
    case document
    case query
    /// A query term ending in `*`: the last token is a prefix and must not be stemmed.
    case prefixQuery
}
