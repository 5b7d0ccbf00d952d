import NewsActors
import NewsQuery

/// The co-occurrence network of a selection of articles: the answer to an ``ActorGraphRequest``.
public struct ActorGraph: Sendable {
    public struct Node: Sendable, Equatable {
        /// The actor's id in this index: stable while the index is, so graphs of two selections of one
        /// index can be merged.
        public var id: Int64
        public var name: String
        public var type: ActorType
        /// Articles of the selection naming the actor.
        public var count: Int
    }

    /// Undirected; `source` < `target` as positions in ``nodes``.
    public struct Edge: Sendable, Equatable {
        public var source: Int
        public var target: Int
        /// `together` is the edge's weight; `first` and `second` are the two nodes' counts.
        public var counts: Cooccurrence
    }

    /// Most frequent first, ties by name.
    public var nodes: [Node]
    /// By weight, heaviest first, then by the nodes' order.
    public var edges: [Edge]
    /// Articles in the selection.
    public var selected: Int
    public var counted: SearchResults.Counted
    public var warnings: [String]
    public var tookMilliseconds: Double
}
