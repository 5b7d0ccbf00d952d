import Foundation
import NewsActors
import NewsIngest
import NewsQuery
import NewsSearch

/// The JSON wire format (DESIGN §3): every type any command writes with `--json`, and `search serve`
/// answers with, is here and nowhere else. The rules, which hold for every type below:
/// - keys are snake_case; every key is always present, unknown values are `null` (``OrNull``);
/// - offsets are `[start, end)` in Unicode scalars (characters as Python counts them);
/// - objects are written with sorted keys, `/` unescaped (``encode(_:)``), one object per line for
///   the commands that stream events.
///
/// | command | type |
/// | --- | --- |
/// | `search QUERY --json`, `GET /api/search` | ``Results`` (``Hit``, ``FacetValue``, ``ExplainNode``) |
/// | `search show ID --json`, `GET /api/articles/ID` | ``Article`` (``StoredRemovedLines``, ``CopyWithLength``); with `?q=` ``HighlightedArticle`` |
/// | `search actors --json`, `GET /api/actors` | `[` ``ActorEntry`` `]` |
/// | `search actors --with NAME --json`, `GET /api/actors?with=` | ``Associations`` (``ActorValue``, ``Associate``) |
/// | `search actors --graph --format json`, `GET /api/actors?graph=true` | ``Graph`` (GraphML: `GraphMLWriter`) |
/// | `search stats --json`, `GET /api/stats` | ``Stats`` |
/// | `search extract FILE --json` | ``Extraction`` (one line per article) |
/// | `search index --json` | ``Event`` lines: `skipped` (``Skip``), `warning` (``Notice``), then `summary` (``IndexSummary``) |
/// | `search reindex --json` | one ``Event``: `reindexed` (``ReindexSummary``) |
/// | `search analyze --json` | `[` ``Token`` `]` |
/// | any `/api/` error | ``ErrorBody`` |
enum JSONOutput {
    /// `search QUERY --json`.
    struct Results: Encodable {
        /// The query as typed.
        var query: String
        /// Articles matching (all terms when `counted` is "all", else any), after filters.
        var total: Int
        /// How many stories `total` holds: a cluster of copies (one story from several outlets) counts once.
        var total_clusters: Int
        /// "all" or "any": which match set `total` and the facets describe.
        var counted: String
        var took_ms: Double
        var hits: [Hit]
        /// Only the facets asked for; each one counted without its own filter.
        var facets: [String: [FacetValue]]
        /// What the parser or the filters worked around.
        var warnings: [String]
        /// Corrected queries from the index's own vocabulary, when nothing matched.
        var suggestions: [String]

        init(_ results: SearchResults) {
            query = results.query
            total = results.total
            total_clusters = results.totalClusters
            counted = results.counted.rawValue
            took_ms = JSONOutput.milliseconds(results.tookMilliseconds)
            hits = results.hits.map(Hit.init)
            facets = [:]
            if results.facetsCounted.contains(.date) { facets["date"] = results.facets.date.map(FacetValue.init) }
            if results.facetsCounted.contains(.source) { facets["source"] = results.facets.source.map(FacetValue.init) }
            if results.facetsCounted.contains(.actor) { facets["actor"] = results.facets.actor.map(FacetValue.init) }
            warnings = results.warnings
            suggestions = results.suggestions
        }
    }

    struct Hit: Encodable {
        var id: String
        /// 1-based, counting from the first result (offset included).
        var rank: Int
        /// Higher is better; comparable within one query only.
        var score: Double
        var title: String
        /// `2025-04-10`, `2025-04`, `2025`, or null.
        var date: OrNull<String>
        var source: String
        var url: OrNull<String>
        var path: OrNull<String>
        var actors: [String]
        /// Plain text, no markup.
        var snippet: String
        /// `[start, end)` in Unicode scalars into `snippet`.
        var highlights: [[Int]]
        /// Query words or phrases this article lacks.
        var missing: [String]
        /// With `--explain` only: the score as a tree whose root's value is `score`.
        var explain: ExplainNode?
        /// The other outlets' copies of this story, folded into this hit (empty with `--no-fold`), by date.
        var copies: [Copy]

        init(_ hit: SearchHit) {
            id = hit.id
            rank = hit.rank
            score = (hit.score * 10000).rounded() / 10000
            title = hit.title
            date = OrNull(hit.date)
            source = hit.source
            url = OrNull(hit.url)
            path = OrNull(hit.path)
            actors = hit.actors
            snippet = hit.snippet.text
            highlights = hit.snippet.highlights.map { [$0.lowerBound, $0.upperBound] }
            missing = hit.missing
            explain = hit.explanation.map(ExplainNode.init)
            copies = hit.copies.map(Copy.init)
        }
    }

    /// A copy of a hit's story: another article's id, its source and date.
    struct Copy: Encodable {
        var id: String
        var source: String
        var date: OrNull<String>

        init(_ copy: ArticleCopy) {
            id = copy.id
            source = copy.source
            date = OrNull(copy.date)
        }
    }

    /// A node of `"explain"`, Lucene's and Elasticsearch's shape: `value` is the sum of the details'
    /// values unless `description` says how they combine ("product of:", "computed as …").
    struct ExplainNode: Encodable {
        var value: Double
        var description: String
        var details: [ExplainNode]

        /// Values rounded as `score` is, so the root's value is the hit's `score`.
        init(_ explanation: Explanation) {
            value = (explanation.value * 10000).rounded() / 10000
            description = explanation.description
            details = explanation.details.map(ExplainNode.init)
        }
    }

    struct FacetValue: Encodable {
        var value: String
        /// Only for actors: person, organization, country.
        var type: String?
        var count: Int

        init(_ value: FacetCounts.Value) {
            self.value = value.value
            self.type = value.type?.rawValue
            self.count = value.count
        }
    }

    /// `search show ID --json`: the stored article.
    struct Article: Encodable {
        var id: String, title: String, date: OrNull<String>, source: String
        var url: OrNull<String>, path: OrNull<String>
        var authors: [String], actors: [ArticleActor]
        /// The names the page's JSON-LD declared (`about`, `mentions`), as `extract` lists them; the
        /// metadata key they are stored under is internal and left out of `metadata`.
        var structured_actors: [DeclaredActor]
        var metadata: [String: String], body: String
        /// What cleaning removed at index time; null when the article was indexed before the index kept it.
        var removed: OrNull<StoredRemovedLines>
        /// Other outlets' copies of this story: their length and how much longer (+) or shorter (−) than this one.
        var copies: [CopyWithLength]

        init(_ article: StoredArticle) {
            id = article.id
            title = article.title
            date = .init(article.date)
            source = article.source
            url = .init(article.url)
            path = .init(article.path)
            authors = article.authors
            actors = article.actors.map { ArticleActor(name: $0.name, type: $0.type.rawValue, mentions: $0.count) }
            structured_actors = DeclaredActor.list(article.metadata)
            metadata = article.metadata.filter { $0.key != StructuredActor.metadataKey }
            body = article.body
            removed = .init(article.removed.map(StoredRemovedLines.init))
            let length = article.body.unicodeScalars.count
            copies = article.copies.map {
                CopyWithLength(
                    id: $0.id, source: $0.source, date: .init($0.date), characters: $0.characters ?? 0,
                    length_difference: ($0.characters ?? 0) - length)
            }
        }
    }

    /// Another outlet's copy of a shown article (issue 19), `characters` in Unicode scalars.
    struct CopyWithLength: Encodable {
        var id: String, source: String, date: OrNull<String>, characters: Int, length_difference: Int
    }

    /// `lines`: each removed line or block, in the order found; `omitted`: how many more the index did
    /// not keep (it keeps up to 16 KB per article).
    struct StoredRemovedLines: Encodable {
        var lines: [Removed], omitted: Int

        init(_ removals: StoredRemovals) {
            lines = removals.lines.map(Removed.init)
            omitted = removals.omitted
        }
    }

    /// An actor of one stored article and how often the article names it.
    struct ArticleActor: Encodable {
        var name: String, type: String, mentions: Int
    }

    /// `GET /api/articles/ID?q=…`: ``Article``'s keys plus `highlights`, `{"title": [[start, end]…],
    /// "body": […]}`. The article's keys stay at the top level, so a client reads one shape with or
    /// without a query.
    struct HighlightedArticle: Encodable {
        var article: Article
        var highlights: Highlights

        struct Highlights: Encodable {
            var title: [[Int]]
            var body: [[Int]]

            init(title: [Range<Int>], body: [Range<Int>]) {
                self.title = title.map { [$0.lowerBound, $0.upperBound] }
                self.body = body.map { [$0.lowerBound, $0.upperBound] }
            }
        }

        enum Key: String, CodingKey { case highlights }

        func encode(to encoder: any Encoder) throws {
            try article.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(highlights, forKey: .highlights)
        }
    }

    /// `search actors --json`: one actor and the number of articles naming it.
    struct ActorEntry: Encodable {
        var name: String, type: String, documents: Int

        init(_ actor: ActorCount) {
            name = actor.name
            type = actor.type.rawValue
            documents = actor.count
        }
    }

    /// `search stats --json`.
    struct Stats: Encodable {
        var path: String, documents: Int, sources: Int, actors: Int
        var first_date: OrNull<String>, last_date: OrNull<String>, undated: Int
        var index_bytes: Int, text_bytes: Int, schema_version: Int, tokenizer: String, tokenizer_version: Int

        init(_ s: IndexStatistics) {
            path = s.path
            documents = s.documents
            sources = s.sources
            actors = s.actors
            first_date = .init(s.firstDate)
            last_date = .init(s.lastDate)
            undated = s.undated
            index_bytes = s.fileBytes
            text_bytes = s.textBytes
            schema_version = s.schemaVersion
            tokenizer = s.tokenizer
            tokenizer_version = s.tokenizerVersion
        }
    }

    /// `search extract FILE --json`: what ingestion made of one article. `given_actors` are the ones the
    /// input named itself (JSONL `actors`, front matter); `structured_actors` the ones a page's
    /// structured data declares (JSON-LD `about`, `mentions`), as the page states them; `actors` are
    /// the ones indexing links the article to: found in `body`, with their mentions as offsets into
    /// it, plus the given and declared ones (without mentions) under their canonical names.
    struct Extraction: Encodable {
        var path: String, format: String, encoding: OrNull<String>, id: OrNull<String>, line: OrNull<Int>
        var title: String, date: OrNull<String>, date_precision: OrNull<String>
        var date_origin: OrNull<String>, date_confidence: OrNull<String>
        var source: OrNull<String>, source_origin: OrNull<String>, url: OrNull<String>
        var authors: [String], given_actors: [String], structured_actors: [DeclaredActor], actors: [FoundActor]
        var metadata: [String: String], body: String, removed: [Removed]
        var skipped: OrNull<String>, notes: [String]

        init(_ report: ExtractionReport, actors found: [ExtractedActor]) {
            path = report.path
            format = report.format.rawValue
            encoding = .init(report.encoding)
            id = .init(report.id)
            line = .init(report.line)
            title = report.title
            date = .init(report.date?.description)
            date_precision = .init(report.datePrecision?.rawValue)
            date_origin = .init(report.dateOrigin?.rawValue)
            date_confidence = .init(report.dateConfidence?.rawValue)
            source = .init(report.source)
            source_origin = .init(report.sourceOrigin?.rawValue)
            url = .init(report.url)
            authors = report.authors
            given_actors = report.actors
            structured_actors = DeclaredActor.list(report.metadata)
            actors = found.map { actor in
                FoundActor(
                    name: actor.name, type: actor.type.rawValue,
                    mentions: actor.mentions.map { Mention(start: $0.start, end: $0.end, text: $0.text) })
            }
            metadata = report.metadata.filter { $0.key != StructuredActor.metadataKey }
            body = report.body
            removed = report.removed.map(Removed.init)
            skipped = .init(report.skipped)
            notes = report.notes
        }
    }

    /// An actor a page's structured data declares: its name and type as the page states them
    /// (`person`, `organization`, `country`, `place`, or `thing` for any other named thing, which
    /// counts as an actor only when the gazetteer or the dictionary knows it), and `from`, the JSON-LD
    /// property that named it (`about` or `mentions`).
    struct DeclaredActor: Encodable {
        var name: String, type: String, from: String

        /// The declared actors kept in an article's metadata, in the page's order.
        static func list(_ metadata: [String: String]) -> [DeclaredActor] {
            StructuredActor.decode(metadata).map { DeclaredActor(name: $0.name, type: $0.kind.rawValue, from: $0.property) }
        }
    }

    /// An actor found in an extracted body.
    struct FoundActor: Encodable {
        var name: String, type: String, mentions: [Mention]
    }

    /// Where a found actor is named: `[start, end)` into the extraction's `body`, and the text there.
    struct Mention: Encodable {
        var start: Int, end: Int, text: String
    }

    /// A line or block cleaning removed: `reason` is `kind: detail`, ready to print.
    struct Removed: Encodable {
        var text: String, kind: String, detail: String, reason: String

        init(text: String, kind: String, detail: String, reason: String) {
            (self.text, self.kind, self.detail, self.reason) = (text, kind, detail, reason)
        }

        init(_ line: RemovedLine) {
            self.init(text: line.text, kind: line.kind.rawValue, detail: line.detail, reason: line.reason)
        }
    }

    /// `search index --json` and `search reindex --json` write JSON Lines of `{"type": …, "data": …}`,
    /// like ripgrep's messages.
    struct Event<Payload: Encodable>: Encodable {
        var type: String
        var data: Payload
    }

    /// An input `search index` could not use, and why.
    struct Skip: Encodable {
        var location: String, reason: String
    }

    /// A warning (kept although it looked gone or clashed) or a note (stored with a change).
    struct Notice: Encodable {
        var location: String, message: String
    }

    /// The `summary` event of `search index --json`.
    struct IndexSummary: Encodable {
        var added: Int, updated: Int, removed: Int, unchanged: Int
        var skipped: [Skip], notes: [Notice], warnings: [Notice]
        var unreadable: Int, files: Int, bytes: Int, seconds: Double
        /// Wall seconds of the run's fixed costs, in run order: before its first article, and each step after its last.
        var fixed_costs: [FixedCost]

        struct FixedCost: Encodable {
            var step: String, seconds: Double
        }

        init(_ summary: NewsSearch.IndexSummary) {
            added = summary.added
            updated = summary.updated
            removed = summary.removed
            unchanged = summary.unchanged
            skipped = summary.skipped.map { Skip(location: $0.location, reason: $0.reason) }
            notes = summary.notes.map { Notice(location: $0.location, message: $0.message) }
            warnings = summary.warnings.map { Notice(location: $0.location, message: $0.message) }
            unreadable = summary.unreadable
            files = summary.files
            bytes = summary.bytes
            seconds = summary.seconds
            fixed_costs = summary.fixedCosts.map { FixedCost(step: $0.name, seconds: ($0.seconds * 1000).rounded() / 1000) }
        }
    }

    /// The `reindexed` event of `search reindex --json`.
    struct ReindexSummary: Encodable {
        var documents: Int
        var seconds: Double
    }

    /// `search analyze --json`: one position's term, where it came from (`[start, end)` in UTF-8
    /// bytes of the input, and the text there), and the other terms indexed at the same position.
    struct Token: Encodable {
        var term: String, position: Int, start: Int, end: Int, text: String
        var variants: [String]
    }

    /// `search serve`'s errors: one line, as the CLI prints after `search: `; never a stack, a path
    /// of the server or SQL.
    struct ErrorBody: Encodable {
        var error: String
    }

    /// An optional that encodes as `null` where synthesized `Encodable` would leave the key out:
    /// the contract says unknown values are `null`, not absent.
    struct OrNull<Wrapped: Encodable>: Encodable {
        var value: Wrapped?

        init(_ value: Wrapped?) { self.value = value }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            if let value { try container.encode(value) } else { try container.encodeNil() }
        }
    }

    static func write(_ value: some Encodable, to out: inout StandardOutput) throws {
        out.writeJSON(try encode(value))
    }

    /// The one encoding of the wire format, shared by `--json` and `search serve`'s API, so the two
    /// cannot drift apart.
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]  // stable output for diffs and tests
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}

/// `search actors --with … --json` and `search actors --graph --format json` (README, "JSON output").
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
            took_ms = JSONOutput.milliseconds(answer.tookMilliseconds)
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
            took_ms = JSONOutput.milliseconds(graph.tookMilliseconds)
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
    /// `took_ms`: hundredths of a millisecond are the most a timing on this machine can say.
    static func milliseconds(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
