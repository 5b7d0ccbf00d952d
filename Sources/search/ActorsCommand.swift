import ArgumentParser
import NewsActors
import NewsQuery
import NewsSearch

struct ActorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actors",
        abstract: "List the actors in the index, who appears with an actor (--with), or the co-occurrence network (--graph).",
        usage: """
            search actors [--type <type>] [--limit <n>]
              search actors --with <name> [<query> ...] [<filters>]
              search actors --graph [<query> ...] [<filters>] [--format json|graphml]
            """,
        discussion: """
            --with ranks the actors named in the same articles as the given one by Dunning's log-likelihood ratio \
            (G²): how much more often they are together than chance would have them, weighed by the evidence. \
            An actor named in every article scores 0, however often it is there. Both counts are shown: the \
            articles naming both (together), and those naming the other actor (articles). The articles are those \
            a search with the same query and filters counts: every article when there are none. Locations are \
            left out of the list and the graph, as they are out of the actor facet.
            """)

    @OptionGroup var indexOptions: IndexOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "person, organization, country or location.") var type: ActorTypeArgument?
    @Option(help: "How many to list.") var limit = 50

    @Option(name: .customLong("with"), help: ArgumentHelp("List the actors seen with this one (name, alias or surname).", valueName: "name"))
    var with: String?
    @Flag(help: "Print the co-occurrence network of the selected articles (JSON, or GraphML with --format graphml).")
    var graph = false
    @Option(help: "With --graph: json (nodes and edges, networkx node-link) or graphml (Gephi, Cytoscape, networkx).")
    var format: GraphFormat?
    @Option(help: ArgumentHelp("With --with: leave out actors named together with it in fewer articles (default 2).", valueName: "n"))
    var minCount: Int?
    @Option(help: ArgumentHelp("With --graph: no edge between actors named together in fewer articles (default 2).", valueName: "n"))
    var minEdgeCount: Int?
    @Option(help: ArgumentHelp("With --graph: the actors named in the most articles become the nodes (default 50, at most \(ActorGraphRequest.nodeCeiling)).", valueName: "n"))
    var maxNodes: Int?

    @Option(help: "Only articles from this source (repeatable: any of them).") var source: [String] = []
    @Option(help: "Only articles naming this actor (repeatable: any of them).") var actor: [String] = []
    @Option(help: "Only articles dated on or after this (YYYY, YYYY-MM or YYYY-MM-DD).", transform: DateArgument.parse) var since: DateArgument?
    @Option(help: "Only articles dated on or before this (YYYY, YYYY-MM or YYYY-MM-DD).", transform: DateArgument.parse) var until: DateArgument?
    @Option(help: "auto (the articles with every word when there are some), all, or any.") var match: SearchRequest.Match?

    @Argument(parsing: .allUnrecognized, help: "With --with or --graph: a query selecting the articles (see search --help).")
    var words: [String] = []

    enum GraphFormat: String, ExpressibleByArgument, CaseIterable { case json, graphml }

    mutating func validate() throws {
        if let unknown = words.first(where: { $0.hasPrefix("--") && $0 != "--" }) {
            throw ValidationError("unknown option '\(unknown)'")
        }
        words.removeAll { $0 == "--" }
        guard limit >= 0 else { throw ValidationError("--limit must be 0 or more (got \(limit))") }
        if with != nil && graph { throw ValidationError("'--with' and '--graph' cannot be used together") }
        let selects = !words.isEmpty || !source.isEmpty || !actor.isEmpty || since != nil || until != nil || match != nil
        if with == nil && !graph && selects {
            throw ValidationError("a query, --source, --actor, --since, --until and --match select articles for '--with' or '--graph'")
        }
        if let with, with.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("--with needs an actor's name")
        }
        if with == nil, minCount != nil { throw ValidationError("'--min-count' applies to '--with'") }
        if !graph {
            for (flag, given) in [("--format", format != nil), ("--min-edge-count", minEdgeCount != nil), ("--max-nodes", maxNodes != nil)]
            where given {
                throw ValidationError("'\(flag)' applies to '--graph'")
            }
        }
        if format == .graphml && output.json { throw ValidationError("'--json' and '--format graphml' cannot be used together") }
        for (flag, value) in [("--min-count", minCount), ("--min-edge-count", minEdgeCount)] {
            if let value, value < 1 { throw ValidationError("\(flag) must be 1 or more (got \(value))") }
        }
        if let maxNodes, !(1...ActorGraphRequest.nodeCeiling).contains(maxNodes) {
            throw ValidationError("--max-nodes must be from 1 to \(ActorGraphRequest.nodeCeiling) (got \(maxNodes))")
        }
        if type?.type == .location, with != nil || graph {
            throw ValidationError("locations are not counted with '--with' or '--graph' (as in the actor facet); use person, organization or country")
        }
        if let since, let until, since.date.firstDay > until.date.lastDay {
            throw ValidationError("--since \(since.date) is after --until \(until.date)")
        }
    }

    /// What `--json` prints; `search serve` answers `/api/actors` with the same.
    func entries(in catalog: IndexCatalog) throws -> [JSONOutput.ActorEntry] {
        try catalog.actors(type: type?.type, limit: limit).map(JSONOutput.ActorEntry.init)
    }

    /// The articles `--with` and `--graph` look at: a search's, from the same words and filters.
    var scope: ArticleScope {
        ArticleScope(
            text: words.joined(separator: " "),
            filters: QueryFilters(sources: source, actors: actor, since: since?.date, until: until?.date),
            match: match ?? .auto)
    }

    func makeAssociationRequest(actor name: String) -> AssociationRequest {
        var request = AssociationRequest(actor: name)
        request.scope = scope
        request.minimumCount = minCount ?? request.minimumCount
        request.limit = limit
        request.type = type?.type
        return request
    }

    func makeGraphRequest() -> ActorGraphRequest {
        var request = ActorGraphRequest()
        request.scope = scope
        request.minimumEdgeCount = minEdgeCount ?? request.minimumEdgeCount
        request.maximumNodes = maxNodes ?? request.maximumNodes
        request.type = type?.type
        return request
    }

    func run() throws {
        var out = StandardOutput()
        if let with {
            let request = makeAssociationRequest(actor: with)
            let answer = try Self.answering { try Searcher(store: try indexOptions.openForReading()).associations(request) }
            if output.json {
                try JSONOutput.write(JSONOutput.Associations(answer, query: scope.text, minimumCount: request.minimumCount), to: &out)
            } else {
                AssociationsRenderer(style: Style(enabled: output.color.enabled))
                    .render(answer, query: scope.text, minimumCount: request.minimumCount, to: &out)
            }
            return
        }
        if graph {
            let network = try Searcher(store: try indexOptions.openForReading()).actorGraph(makeGraphRequest())
            if format == .graphml {
                // GraphML has no place for them; JSON carries them in `warnings`.
                for warning in network.warnings { Console.note("note: \(warning)") }
                out.writeJSON(GraphMLWriter().document(network))
            } else {
                try JSONOutput.write(JSONOutput.Graph(network, query: scope.text), to: &out)
            }
            return
        }
        let catalog = IndexCatalog(store: try indexOptions.openForReading())
        if output.json {
            try JSONOutput.write(try entries(in: catalog), to: &out)
            return
        }
        let actors = try catalog.actors(type: type?.type, limit: limit)
        let width = actors.map(\.name.oneLine.count).max() ?? 0
        for actor in actors {
            out.write(actor.name.oneLine.rightPad(width) + "  " + actor.type.rawValue.rightPad(12) + String(actor.count).leftPad(6) + "\n")
        }
    }

    /// An unknown actor is the user's to fix: one line and status 2, like an unknown article id.
    static func answering<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as CooccurrenceError {
            throw CLIError.usage(error.description)
        }
    }
}

/// `--type person|organization|country|location`.
struct ActorTypeArgument: ExpressibleByArgument {
    var type: ActorType

    init?(argument: String) {
        guard let type = ActorType(rawValue: argument.lowercased()) else { return nil }
        self.type = type
    }

    static var allValueStrings: [String] { ActorType.allCases.map(\.rawValue) }
}
