/// Why a score is what it is, as a tree: Lucene's and Elasticsearch's `Explanation` shape.
///
/// A node's value is the sum of its details' values unless its description says how they combine
/// ("product of:", "computed as …"); the root of a hit's explanation is its score.
///
/// ```swift
/// let model = BM25FModel()
/// let tree = model.explain(statistics, phraseTexts: ["defense", "industrial"])
/// tree.value == model.score(statistics)  // true
/// ```
public struct Explanation: Sendable, Hashable {
    public var value: Double
    public var description: String
    public var details: [Explanation]

    public init(_ value: Double, _ description: String, _ details: [Explanation] = []) {
        self.value = value
        self.description = description
        self.details = details
    }

    /// How a node's value follows from its details'.
    public enum Combination: Sendable {
        case sum, product, described
    }

    public var combination: Combination {
        if description.hasSuffix("product of:") { return .product }
        if description.contains("computed as") || details.isEmpty { return .described }
        return .sum
    }
}
