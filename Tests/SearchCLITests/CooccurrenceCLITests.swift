import Foundation
import NewsSearchTestSupport
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The tests' own view of `search actors --with … --json` (README, "JSON output").
struct AssociationsJSON: Decodable {
    struct Actor: Decodable { var name: String, type: String, count: Int }
    struct Associate: Decodable {
        var name: String, type: String, together: Int, count: Int, expected: Double, score: Double, pmi: Double?
    }
    var actor: Actor, matched: [String], query: String, selected: Int, counted: String, measure: String
    var min_count: Int, took_ms: Double, associates: [Associate], warnings: [String]
}

/// `search actors --graph --format json`.
struct GraphJSON: Decodable {
    struct Node: Decodable { var id: String, name: String, type: String, count: Int }
    struct Edge: Decodable { var source: String, target: String, weight: Int, expected: Double, score: Double, pmi: Double? }
    var directed: Bool, multigraph: Bool, query: String, selected: Int, counted: String, took_ms: Double
    var nodes: [Node], edges: [Edge], warnings: [String]
}

/// `search actors --with` and `--graph` through the built binary, on the planted corpus
/// (``PlantedCooccurrenceCorpus``) plus two articles naming an organisation whose name holds every
/// character XML and terminals care about.
@Suite struct CooccurrenceCLITests {
    static let hostileName = "Smith & <Sons> \"Q\" 'Ltd'\u{1B}[2J"
    let binary: SearchBinary
    let corpus: PlantedCooccurrenceCorpus

    init() throws {
        binary = try SearchBinary()
        let hostile = (40..<42).map { number in
            let record: [String: Any] = [
                "id": "h\(number)", "title": "report \(number) on tariff fees", "source": "Alpha Wire", "date": "2025-05-01",
                "body": "the committee met again to discuss tariff fees.", "actors": ["Japan", Self.hostileName],
            ]
            return String(decoding: try! JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]), as: UTF8.self)
        }
        corpus = try PlantedCooccurrenceCorpus(extraLines: hostile)
        let indexed = try binary.run(["index", "--index", corpus.indexPath, corpus.file.path])
        #expect(indexed.status == 0, "\(indexed.stderr)")
    }

    func actors(_ arguments: [String]) throws -> SearchBinary.Result {
        try binary.run(["actors", "--index", corpus.indexPath] + arguments, in: corpus.folder)
    }

    func associations(_ arguments: [String]) throws -> AssociationsJSON {
        let result = try actors(arguments + ["--json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode(AssociationsJSON.self, from: result.stdoutData)
    }

    @Test func withListsAssociatesAboveFrequentActors() throws {
        let answer = try associations(["--with", "Anna Kowalska"])
        #expect(answer.actor.name == "Anna Kowalska" && answer.actor.type == "person" && answer.actor.count == 10)
        #expect(answer.matched == ["Anna Kowalska"])
        #expect(answer.selected == 42 && answer.counted == "all" && answer.query == "")
        #expect(answer.measure == "log-likelihood" && answer.min_count == 2)
        let names = answer.associates.map(\.name)
        #expect(names.first == "Piotr Nowak")
        #expect(names.firstIndex(of: "Japan")! > names.firstIndex(of: "Piotr Nowak")!)
        let nowak = answer.associates[0]
        #expect(nowak.together == 7 && nowak.count == 8 && nowak.type == "person")
        #expect(nowak.score > 10 && nowak.pmi! > 1)
        let japan = try #require(answer.associates.first { $0.name == "Japan" })
        #expect(japan.together == 10 && japan.count == 42 && japan.score == 0 && japan.pmi == 0)
        #expect(!names.contains("Jan Rzadki"))
        #expect(try associations(["--with", "Anna Kowalska", "--min-count", "1"]).associates.contains { $0.name == "Jan Rzadki" })
    }

    @Test func theQueryAndFiltersSelectTheArticles() throws {
        let answer = try associations(["--with", "kowalska", "harbor", "--source", "Alpha Wire"])
        #expect(answer.query == "harbor")
        #expect(answer.selected == 8)  // harbor (0–4, 20–29) from Alpha Wire (even numbers)
        #expect(answer.actor.count == 3)
        #expect(answer.associates.first { $0.name == "Piotr Nowak" }?.together == 3)
        let inText = try associations(["--with", "kowalska", "harbor", "source:alpha", "date:2024"])
        #expect(inText.selected == 3 && inText.actor.count == 3)
        let excluded = try associations(["--with", "kowalska", "NOT", "harbor"])
        #expect(excluded.selected == 27 && excluded.actor.count == 5)
    }

    @Test func textShowsBothCountsAndTheScores() throws {
        let result = try actors(["--with", "Anna Kowalska", "--color", "never"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("Anna Kowalska (person): 10 of 42 articles · "))
        #expect(lines[1] == "seen with (ranked by log-likelihood G²; together in 2 or more articles):")
        #expect(lines[2].split(separator: " ") == ["actor", "together", "articles", "G²", "PMI"])
        #expect(lines[3].split(separator: " ") == ["Piotr", "Nowak", "(person)", "7", "8", "19.78", "1.88"])
        let nobody = try actors(["--with", "Anna Kowalska", "--since", "2025"])
        #expect(nobody.stdout.contains("Anna Kowalska (person): 0 of 22 articles"))
        #expect(nobody.stdout.contains("seen with: nobody (it is named in none of these articles)"))
    }

    @Test func anUnknownActorIsOneLineWithAHint() throws {
        let result = try actors(["--with", "Ana Kowalsky"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("search: no actor matches 'Ana Kowalsky'; closest: Anna Kowalska, "))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test(arguments: [
        (["--with", "Anna Kowalska", "--graph"], "'--with' and '--graph' cannot be used together"),
        (["harbor"], "a query, --source, --actor, --since, --until and --match select articles for '--with' or '--graph'"),
        (["--source", "Alpha Wire"], "a query, --source, --actor, --since, --until and --match select articles for '--with' or '--graph'"),
        (["--with", "Anna Kowalska", "--min-count", "0"], "--min-count must be 1 or more (got 0)"),
        (["--min-count", "3"], "'--min-count' applies to '--with'"),
        (["--with", "Anna Kowalska", "--format", "graphml"], "'--format' applies to '--graph'"),
        (["--graph", "--max-nodes", "0"], "--max-nodes must be from 1 to 2000 (got 0)"),
        (["--graph", "--min-edge-count", "0"], "--min-edge-count must be 1 or more (got 0)"),
        (["--graph", "--format", "graphml", "--json"], "'--json' and '--format graphml' cannot be used together"),
        (["--graph", "--type", "location"], "locations are not counted with '--with' or '--graph' (as in the actor facet); use person, organization or country"),
        (["--with", " "], "--with needs an actor's name"),
        (["--with", "Anna Kowalska", "--bogus"], "unknown option '--bogus'"),
    ])
    func badUsageIsOneLineAndStatus2(_ arguments: [String], _ message: String) throws {
        let result = try actors(arguments)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("search: \(message)\n"), "\(result.stderr)")
    }

    @Test func graphJSONIsANodeLinkGraph() throws {
        let result = try actors(["--graph"])
        #expect(result.status == 0, "\(result.stderr)")
        let graph = try JSONDecoder().decode(GraphJSON.self, from: result.stdoutData)
        #expect(!graph.directed && !graph.multigraph && graph.selected == 42)
        #expect(graph.nodes.map(\.name) == ["Japan", "Ewa Lis", "Anna Kowalska", "NATO", "Piotr Nowak", Self.hostileName, "Jan Rzadki"])
        let ids = Set(graph.nodes.map(\.id))
        #expect(ids.count == graph.nodes.count)
        #expect(graph.edges.allSatisfy { ids.contains($0.source) && ids.contains($0.target) && $0.weight >= 2 })
        let named = Dictionary(uniqueKeysWithValues: graph.nodes.map { ($0.id, $0.name) })
        let pair = graph.edges.first { Set([named[$0.source]!, named[$0.target]!]) == ["Anna Kowalska", "Piotr Nowak"] }
        #expect(pair?.weight == 7)
        let narrowed = try JSONDecoder().decode(
            GraphJSON.self, from: try actors(["--graph", "harbor", "--max-nodes", "3", "--min-edge-count", "5"]).stdoutData)
        #expect(narrowed.query == "harbor" && narrowed.selected == 15 && narrowed.nodes.count == 3)
        #expect(narrowed.edges.allSatisfy { $0.weight >= 5 })
    }

    @Test func graphMLIsWellFormedAndKeepsHostileNamesInert() throws {
        let result = try actors(["--graph", "--format", "graphml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("\u{1B}"))
        let reader = GraphMLReader()
        let parser = XMLParser(data: result.stdoutData)
        parser.delegate = reader
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(reader.rootElement == "graphml")
        #expect(reader.keys == ["label": "node", "type": "node", "count": "node", "weight": "edge", "expected": "edge", "g2": "edge", "pmi": "edge"])
        #expect(reader.edgeDefault == "undirected")
        #expect(reader.nodes.count == 7)
        #expect(reader.edges.allSatisfy { reader.nodes[$0.source] != nil && reader.nodes[$0.target] != nil })
        // Markup characters come back as themselves; ESC, which XML cannot hold, as its visible escape.
        let labels = Set(reader.nodes.values.compactMap { $0["label"] })
        #expect(labels.contains("Smith & <Sons> \"Q\" 'Ltd'\\x1b[2J"))
        let byLabel = Dictionary(uniqueKeysWithValues: reader.nodes.map { ($0.value["label"]!, $0.key) })
        let pair = reader.edges.first { Set([$0.source, $0.target]) == [byLabel["Anna Kowalska"]!, byLabel["Piotr Nowak"]!] }
        #expect(pair?.data["weight"] == "7")
        #expect(reader.nodes[byLabel["Japan"]!]?["count"] == "42")
    }

    /// The bundled sample (issue 19): Rutte's counterparts in Tokyo, Prime Minister Ishiba and Foreign
    /// Minister Iwaya, rank above the countries nearly every article names (Japan is in 41 of the 44,
    /// and beside Rutte in more articles than either of them).
    @Test func onTheSampleRuttesJapaneseCounterpartsOutrankTheCommonCountries() throws {
        let folder = try TemporaryDirectory("sample")
        let result = try binary.run(["actors", "--with", "Mark Rutte", "--json"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        let answer = try JSONDecoder().decode(AssociationsJSON.self, from: result.stdoutData)
        #expect(answer.selected == 44)
        let names = answer.associates.map(\.name)
        let ishiba = try #require(names.firstIndex(of: "Shigeru Ishiba"))
        let iwaya = try #require(names.firstIndex(of: "Takeshi Iwaya"))
        for country in ["Japan", "United States", "China", "Australia"] {
            let index = try #require(names.firstIndex(of: country), "\(country) is beside Rutte in several articles")
            #expect(ishiba < index && iwaya < index, "\(country)")
        }
        let japan = try #require(answer.associates.first { $0.name == "Japan" })
        #expect(japan.count >= 40 && japan.together > answer.associates[ishiba].together && japan.score <= 0)
    }

    static let hasNetworkx: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import networkx"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    /// What Gephi-style users will do with the file: networkx reads both formats into the same graph.
    @Test(.enabled(if: hasNetworkx, "python3 with networkx is not installed")) func networkxReadsBothFormats() throws {
        let folder = try TemporaryDirectory("graph")
        let graphml = folder.url.appendingPathComponent("actors.graphml")
        let json = folder.url.appendingPathComponent("actors.json")
        try actors(["--graph", "--format", "graphml"]).stdoutData.write(to: graphml)
        try actors(["--graph", "--format", "json"]).stdoutData.write(to: json)
        let script = """
            import json, sys, networkx as nx
            a = nx.read_graphml(sys.argv[1])
            b = nx.node_link_graph(json.load(open(sys.argv[2])), edges="edges")
            assert sorted(a.nodes) == sorted(b.nodes), (sorted(a.nodes), sorted(b.nodes))
            assert sorted(map(sorted, a.edges)) == sorted(map(sorted, b.edges))
            labels = {a.nodes[n]["label"]: n for n in a.nodes}
            k, n = labels["Anna Kowalska"], labels["Piotr Nowak"]
            assert a.edges[k, n]["weight"] == 7 and b.edges[k, n]["weight"] == 7
            assert a.nodes[labels["Japan"]]["count"] == 42 and a.nodes[labels["Japan"]]["type"] == "country"
            assert b.nodes[k]["name"] == "Anna Kowalska"
            print(a.number_of_nodes(), a.number_of_edges())
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, graphml.path, json.path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let problems = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(problems)")
        #expect(printed.hasPrefix("7 "))
    }
}

/// Collects what a GraphML document declares: keys, nodes with their data, edges with theirs.
final class GraphMLReader: NSObject, XMLParserDelegate {
    struct Edge { var source: String, target: String, data: [String: String] }
    var rootElement: String?
    var keys: [String: String] = [:]
    var edgeDefault: String?
    var nodes: [String: [String: String]] = [:]
    var edges: [Edge] = []
    private var node: String?
    private var edge: Edge?
    private var dataKey: String?
    private var text = ""

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if rootElement == nil { rootElement = element }
        switch element {
        case "key": keys[attributes["id"] ?? ""] = attributes["for"]
        case "graph": edgeDefault = attributes["edgedefault"]
        case "node":
            node = attributes["id"]
            if let node { nodes[node] = [:] }
        case "edge": edge = Edge(source: attributes["source"] ?? "", target: attributes["target"] ?? "", data: [:])
        case "data":
            dataKey = attributes["key"]
            text = ""
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if dataKey != nil { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch element {
        case "data":
            if let key = dataKey {
                if let node { nodes[node]?[key] = text } else { edge?.data[key] = text }
            }
            dataKey = nil
        case "node": node = nil
        case "edge":
            if let edge { edges.append(edge) }
            edge = nil
        default: break
        }
    }
}
