import NewsActors
import NewsQuery

/// The answer to an ``AssociationRequest``.
public struct ActorAssociations: Sendable {
    /// The actor asked about, with the number of articles of the selection naming it (when the name
    /// matched several actors, the articles naming any of them, under the most frequent one's name).
    public var actor: ActorCount
    /// Every actor the name resolved to, most frequent first; several when it was ambiguous (a surname
    /// two people share): they are counted as one, as `--actor` does.
    public var matched: [String]
    /// Articles in the selection.
    public var selected: Int
    public var counted: SearchResults.Counted
    /// Most associated first: by signed G², then by articles together, then by name.
    public var associates: [ActorAssociation]
    /// What the parser or the filters worked around, and what the name resolved to when ambiguous.
    public var warnings: [String]
    public var tookMilliseconds: Double
}

/// One actor seen with the one asked about.
public struct ActorAssociation: Sendable, Equatable {
    public var name: String
    public var type: ActorType
    /// `together`: articles naming both; `second`: articles of the selection naming this actor;
    /// `first`: those naming the actor asked about; `total`: the selection.
    public var counts: Cooccurrence
}
