import Foundation
import NewsSearchTestSupport
import Testing

/// The JSON wire format (Sources/search/JSONOutput.swift), command by command, decoded into the tests'
/// own types: a renamed, missing or retyped key fails here. Every object of every command must also
/// use snake_case keys, each key once.
@Suite struct WireFormatTests {
    let binary: SearchBinary
    let corpus: CorpusFixture

    init() throws {
        binary = try SearchBinary()
        corpus = try CorpusFixture()
        let indexed = try binary.run(["index", "--index", corpus.indexPath, corpus.root.path])
        #expect(indexed.status == 0, "\(indexed.stderr)")
    }

    /// Runs `search ARGUMENTS… --json` on the fixture index and decodes each output line as `T`.
    func lines<T: Decodable>(_ type: T.Type, _ arguments: [String], input: String? = nil) throws -> [T] {
        let index = arguments.first == "analyze" ? [] : ["--index", corpus.indexPath]
        let result = try binary.run(arguments + index + ["--json"], in: corpus.folder, input: input)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(!lines.isEmpty)
        for line in lines { try Self.expectWireKeys(line) }
        return try lines.map { try JSONDecoder().decode(T.self, from: Data($0.utf8)) }
    }

    func one<T: Decodable>(_ type: T.Type, _ arguments: [String]) throws -> T {
        let all = try lines(type, arguments)
        #expect(all.count == 1)
        return try #require(all.first)
    }

    /// Keys are `[a-z0-9_]`, none twice in one object (a duplicate is legal JSON that decoders resolve
    /// differently). `metadata`, the article's own free-form map, is a value and is skipped.
    static func expectWireKeys(_ line: String) throws {
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
        var keys: [String: Int] = [:]
        collect(object, into: &keys)
        for key in keys.keys {
            #expect(key.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "_" }, "key '\(key)' is not snake_case")
            let written = line.components(separatedBy: "\"\(key)\":").count - 1
            #expect(written == keys[key], "key '\(key)' written \(written) times, decoded \(keys[key] ?? 0)")
        }
    }

    static func collect(_ value: Any, into keys: inout [String: Int]) {
        if let object = value as? [String: Any] {
            for (key, child) in object {
                keys[key, default: 0] += 1
                if key != "metadata" { collect(child, into: &keys) }
            }
        } else if let array = value as? [Any] {
            array.forEach { collect($0, into: &keys) }
        }
    }

    struct Results: Decodable {
        struct Hit: Decodable {
            var id: String, rank: Int, score: Double, title: String, date: String?, source: String
            var url: String?, path: String?, actors: [String], snippet: String, highlights: [[Int]], missing: [String]
        }
        struct Facet: Decodable { var value: String, count: Int, type: String? }
        var query: String, total: Int, counted: String, took_ms: Double, hits: [Hit]
        var facets: [String: [Facet]], warnings: [String], suggestions: [String]
    }

    @Test func search() throws {
        let results = try one(Results.self, ["defense", "industrial"])
        #expect(results.total == 4 && results.hits.contains { $0.id == "a1" })
        #expect(results.facets["actor"]?.contains { $0.value == "Mark Rutte" && $0.type == "person" } == true)
    }

    struct Article: Decodable {
        struct Actor: Decodable { var name: String, type: String, mentions: Int }
        var id: String, title: String, date: String?, source: String, url: String?, path: String?
        var authors: [String], actors: [Actor], structured_actors: [Declared], metadata: [String: String], body: String
        var removed: Removed?
        struct Declared: Decodable { var name: String, type: String, from: String }
        struct Removed: Decodable {
            struct Line: Decodable { var text: String, kind: String, detail: String, reason: String }
            var lines: [Line], omitted: Int
        }
    }

    @Test func show() throws {
        let article = try one(Article.self, ["show", "a1"])
        #expect(article.title == "Japan and NATO agree on defense-industrial cooperation")
        #expect(article.actors.contains { $0.name == "NATO" && $0.type == "organization" })
        #expect(article.removed?.omitted == 0)
    }

    struct ActorEntry: Decodable { var name: String, type: String, documents: Int }

    @Test func actors() throws {
        let entries = try one([ActorEntry].self, ["actors"])
        #expect(entries.contains { $0.name == "Mark Rutte" && $0.documents == 3 })
    }

    struct Associations: Decodable {
        struct Actor: Decodable { var name: String, type: String, count: Int }
        struct Associate: Decodable {
            var name: String, type: String, together: Int, count: Int, expected: Double, score: Double, pmi: Double?
        }
        var actor: Actor, matched: [String], query: String, selected: Int, counted: String, measure: String
        var min_count: Int, took_ms: Double, associates: [Associate], warnings: [String]
    }

    @Test func actorsWith() throws {
        let answer = try one(Associations.self, ["actors", "--with", "Mark Rutte", "--min-count", "1"])
        #expect(answer.actor.name == "Mark Rutte" && answer.actor.count == 3 && answer.selected == 7)
        #expect(answer.associates.contains { $0.name == "Shigeru Ishiba" && $0.together == 1 })
    }

    struct Graph: Decodable {
        struct Node: Decodable { var id: String, name: String, type: String, count: Int }
        struct Edge: Decodable { var source: String, target: String, weight: Int, expected: Double, score: Double, pmi: Double? }
        var directed: Bool, multigraph: Bool, nodes: [Node], edges: [Edge]
        var query: String, selected: Int, counted: String, took_ms: Double, warnings: [String]
    }

    @Test func actorsGraph() throws {
        let graph = try one(Graph.self, ["actors", "--graph", "--format", "json", "--min-edge-count", "1"])
        #expect(!graph.directed && graph.nodes.contains { $0.name == "Mark Rutte" })
        let ids = Set(graph.nodes.map(\.id))
        #expect(graph.edges.allSatisfy { ids.contains($0.source) && ids.contains($0.target) })
    }

    struct Stats: Decodable {
        var path: String, documents: Int, sources: Int, actors: Int, first_date: String?, last_date: String?
        var undated: Int, index_bytes: Int, text_bytes: Int, schema_version: Int, tokenizer: String
        var tokenizer_version: Int
    }

    @Test func stats() throws {
        let stats = try one(Stats.self, ["stats"])
        #expect(stats.documents == 7 && stats.undated == 1 && stats.first_date == "2023-02-01")
    }

    struct Extraction: Decodable {
        struct Actor: Decodable {
            struct Mention: Decodable { var start: Int, end: Int, text: String }
            var name: String, type: String, mentions: [Mention]
        }
        struct Removed: Decodable { var text: String, kind: String, detail: String, reason: String }
        struct Declared: Decodable { var name: String, type: String, from: String }
        var path: String, format: String, encoding: String?, id: String?, line: Int?, title: String
        var date: String?, date_precision: String?, date_origin: String?, date_confidence: String?
        var source: String?, source_origin: String?, url: String?, authors: [String], given_actors: [String]
        var structured_actors: [Declared], actors: [Actor], metadata: [String: String], body: String, removed: [Removed]
        var skipped: String?, notes: [String]
    }

    @Test func extract() throws {
        let reports = try lines(Extraction.self, ["extract", corpus.root.appendingPathComponent("wire/alpha.jsonl").path])
        let first = try #require(reports.first)
        #expect(first.id == "a1" && first.line == 1 && first.format == "jsonl")
        #expect(first.date == "2025-04-10" && first.date_precision == "day")
        #expect(first.given_actors == ["Mark Rutte", "Shigeru Ishiba", "NATO"])
        #expect(first.actors.contains { $0.name == "Mark Rutte" && $0.mentions.first?.text == "Mark Rutte" })
        #expect(reports.last?.skipped != nil)
        let markdown = try one(Extraction.self, ["extract", corpus.root.appendingPathComponent("beta/rutte-tokyo.md").path])
        #expect(markdown.date_origin == "frontMatter" && markdown.source_origin == "frontMatter")
    }

    struct Event<Payload: Decodable>: Decodable { var type: String, data: Payload }
    struct Skip: Decodable { var location: String, reason: String }
    struct IndexSummary: Decodable {
        struct Notice: Decodable { var location: String, message: String }
        var added: Int, updated: Int, removed: Int, unchanged: Int, skipped: [Skip]
        var notes: [Notice], warnings: [Notice], unreadable: Int, files: Int, bytes: Int, seconds: Double
        struct FixedCost: Decodable { var step: String, seconds: Double }
        var fixed_costs: [FixedCost]
    }

    @Test func index() throws {
        try corpus.write("{\"id\": \"n1\", \"title\": \"New\", \"body\": \"A new article.\"}\nnot json\n", to: "news/wire/more.jsonl")
        let result = try binary.run(["index", "--index", corpus.indexPath, corpus.root.path, "--json"], in: corpus.folder)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map { Data($0.utf8) }
        for line in lines { try Self.expectWireKeys(String(decoding: line, as: UTF8.self)) }
        let skipped = try JSONDecoder().decode(Event<Skip>.self, from: try #require(lines.first))
        #expect(skipped.type == "skipped" && skipped.data.location.hasSuffix("more.jsonl:2"))
        let summary = try JSONDecoder().decode(Event<IndexSummary>.self, from: try #require(lines.last))
        #expect(summary.type == "summary" && summary.data.added == 1 && summary.data.skipped.count == 1)
        #expect(summary.data.fixed_costs.map(\.step) == [
            "before the first article", "surname merge", "orphans, boilerplate, last commit", "columns file", "free pages",
        ])
        #expect(summary.data.fixed_costs.allSatisfy { $0.seconds >= 0 && $0.seconds < summary.data.seconds })
    }

    struct ReindexSummary: Decodable { var documents: Int, seconds: Double }

    @Test func reindex() throws {
        let event = try one(Event<ReindexSummary>.self, ["reindex"])
        #expect(event.type == "reindexed" && event.data.documents == 7)
    }

    struct Token: Decodable { var term: String, position: Int, start: Int, end: Int, text: String, variants: [String] }

    @Test func analyze() throws {
        let tokens = try one([Token].self, ["analyze", "Japan's shipyards"])
        #expect(tokens.map(\.text) == ["Japan's", "shipyards"])
        #expect(tokens.first?.start == 0)
    }
}
