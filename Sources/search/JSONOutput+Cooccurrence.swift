import NewsQuery
import NewsSearch

/// The wire format of `search actors --with … --json` and `search actors --graph --format json`
/// (README, "JSON output"). Kept beside ``JSONOutput``'s other types and encoded by the same encoder.
extension JSONOutput {
    /// `search actors --with NAME [QUERY] --json`.
    struct Associations: Encodable {
        /// The actor asked about; `count`: articles of the selection naming it.
        var actor: ActorValue
        /// Every actor the name resolved to (several when it was ambiguous: counted as one).
        var matched: [String]
        /// The query as typed ("" when none).
        var query: String
        /// Articles in the selection: what a search with the same query and filters counts in `total`.
        var selected: Int
        /// "all" or "any", as a search's `counted`.
        var counted: String
        /// Always "log-likelihood": what `score` is.
        var measure: String
        /// Actors named together with it in fewer articles were left out.
        var min_count: Int
        var took_ms: Double
        /// Most associated first.
        var associates: [Associate]
        var warnings: [String]

        init(_ answer: ActorAssociations, query: String, minimumCount: Int) {
            actor = ActorValue(name: answer.actor.name, type: answer.actor.type.rawValue, count: answer.actor.count)
            matched = answer.matched
            self.query = query
            selected = answer.selected
            counted = answer.counted.rawValue
            measure = "log-likelihood"
            min_count = minimumCount
            took_ms = (answer.tookMilliseconds * 100).rounded() / 100
            associates = answer.associates.map(Associate.init)
            warnings = answer.warnings
        }
    }

    struct ActorValue: Encodable {
        var name: String
        /// person, organization, country (location only for the actor asked about).
        var type: String
        var count: Int
    }

    struct Associate: Encodable {
        var name: String
        var type: String
        /// Articles naming both actors.
        var together: Int
        /// Articles of the selection naming this actor.
        var count: Int
        /// Articles that would name both if the two were independent.
        var expected: Double
        /// Signed log-likelihood ratio G²: above 0 when together more often than expected.
        var score: Double
        /// Pointwise mutual information in bits, log2(together / expected).
        var pmi: OrNull<Double>

        init(_ associate: ActorAssociation) {
            name = associate.name
            type = associate.type.rawValue
            together = associate.counts.together
            count = associate.counts.second
            expected = JSONOutput.rounded(associate.counts.expected)
            score = JSONOutput.rounded(associate.counts.logLikelihood)
            pmi = OrNull(associate.counts.pmi.map(JSONOutput.rounded))
        }
    }

    /// `search actors --graph [QUERY] --format json`: networkx's node-link shape
    /// (`networkx.node_link_graph(data, edges="edges")`), also what d3 and most graph libraries read.
    struct Graph: Encodable {
        var directed = false
        var multigraph = false
        /// The query as typed ("" when none).
        var query: String
        var selected: Int
        var counted: String
        var took_ms: Double
        var nodes: [Node]
        var edges: [Edge]
        var warnings: [String]

        init(_ graph: ActorGraph, query: String) {
            self.query = query
            selected = graph.selected
            counted = graph.counted.rawValue
            took_ms = (graph.tookMilliseconds * 100).rounded() / 100
            nodes = graph.nodes.map(Node.init)
            edges = graph.edges.map { Edge($0, nodes: graph.nodes) }
            warnings = graph.warnings
        }
    }

    struct Node: Encodable {
        /// `a` and the actor's id in this index: stable while the index is.
        var id: String
        var name: String
        var type: String
        /// Articles of the selection naming the actor.
        var count: Int

        init(_ node: ActorGraph.Node) {
            id = JSONOutput.nodeID(node)
            name = node.name
            type = node.type.rawValue
            count = node.count
        }
    }

    struct Edge: Encodable {
        var source: String
        var target: String
        /// Articles naming both.
        var weight: Int
        var expected: Double
        /// Signed log-likelihood ratio G², as `--with` ranks by.
        var score: Double
        var pmi: OrNull<Double>

        init(_ edge: ActorGraph.Edge, nodes: [ActorGraph.Node]) {
            source = JSONOutput.nodeID(nodes[edge.source])
            target = JSONOutput.nodeID(nodes[edge.target])
            weight = edge.counts.together
            expected = JSONOutput.rounded(edge.counts.expected)
            score = JSONOutput.rounded(edge.counts.logLikelihood)
            pmi = OrNull(edge.counts.pmi.map(JSONOutput.rounded))
        }
    }

    static func nodeID(_ node: ActorGraph.Node) -> String { "a\(node.id)" }

    /// Four decimals, as scores are everywhere in the output; `+ 0` turns -0 (a tiny negative G²
    /// rounded) into 0, which JSON would otherwise print as `-0`.
    static func rounded(_ value: Double) -> Double { (value * 10000).rounded() / 10000 + 0 }
}
