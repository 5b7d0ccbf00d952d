import NewsActors

/// "Who appears with this actor?": the actors named in the same articles as `actor`, among the
/// articles of `scope`, ranked by how much more often they are there than chance would have them.
///
/// ```swift
/// var request = AssociationRequest(actor: "Rutte")
/// request.scope = ArticleScope(text: "defense industrial")
/// let answer = try Searcher(store: store).associations(request)
/// ```
public struct AssociationRequest: Sendable, Equatable {
    /// Resolved as `--actor` resolves it: any case and accents, an alias, a surname.
    public var actor: String
    public var scope = ArticleScope()
    /// Actors named together with `actor` in fewer articles than this are left out: one shared article
    /// is an anecdote, whatever a measure makes of it.
    public var minimumCount = 2
    /// How many to list, most associated first.
    public var limit = 20
    /// Only actors of this type; nil: every type the actor facet counts (person, organization, country).
    public var type: ActorType?

    public init(actor: String) {
        self.actor = actor
    }
}

/// "Who appears with whom?" over the articles of `scope`: the most frequent actors as nodes and the
/// number of articles naming both of two nodes as the weight of the edge between them.
///
/// ```swift
/// var request = ActorGraphRequest()
/// request.maximumNodes = 100
/// let graph = try Searcher(store: store).actorGraph(request)
/// ```
public struct ActorGraphRequest: Sendable, Equatable {
    public var scope = ArticleScope()
    /// Pairs named together in fewer articles than this get no edge.
    public var minimumEdgeCount = 2
    /// The actors named in the most articles of the scope (ties broken by name) become the nodes.
    public var maximumNodes = 50
    /// Only actors of this type; nil: every type the actor facet counts.
    public var type: ActorType?

    /// Node counts beyond this are refused: the pair counts take nodes² × 4 bytes (16 MB here), and a
    /// drawing of thousands of nodes is a hairball no tool lays out usefully.
    public static let nodeCeiling = 2_000

    public init() {}
}
