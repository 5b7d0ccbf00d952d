import Foundation
import NewsSearchTestSupport
import Testing

/// The tests' own view of the JSON contract (DESIGN §3); decoding checks names and types.
struct ResultsJSON: Decodable {
    struct Hit: Decodable {
        var id: String, rank: Int, score: Double, title: String, date: String?, source: String
        var url: String?, path: String?, actors: [String], snippet: String, highlights: [[Int]], missing: [String]
    }
    struct Facet: Decodable {
        var value: String, count: Int, type: String?
    }
    var query: String, total: Int, counted: String, took_ms: Double, hits: [Hit]
    var facets: [String: [Facet]]
}

@Suite struct SearchCLITests {
    let binary: SearchBinary
    let corpus: CorpusFixture

    init() throws {
        binary = try SearchBinary()
        corpus = try CorpusFixture()
    }

    static let subcommands: Set<String> = ["query", "index", "reindex", "analyze", "extract", "show", "actors", "stats"]

    /// `search [SUBCOMMAND] --index <fixture index> ARGUMENTS…`
    func search(_ arguments: [String], input: String? = nil) throws -> SearchBinary.Result {
        var full = arguments
        full.insert(contentsOf: ["--index", corpus.indexPath], at: Self.subcommands.contains(arguments.first ?? "") ? 1 : 0)
        return try binary.run(full, in: corpus.folder, input: input)
    }

    func indexCorpus() throws {
        let result = try binary.run(["index", "--index", corpus.indexPath, corpus.root.path])
        #expect(result.status == 0, "\(result.stderr)")
    }

    func json(_ arguments: [String]) throws -> ResultsJSON {
        let result = try search(arguments + ["--json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode(ResultsJSON.self, from: result.stdoutData)
    }

    @Test func indexPrintsASummaryAndIsIncremental() throws {
        let first = try binary.run(["index", "--index", corpus.indexPath, corpus.root.path])
        #expect(first.status == 0)
        #expect(first.stdout.contains("7 added, 0 updated, 0 removed, 0 unchanged, 1 skipped"))
        #expect(first.stdout.contains("alpha.jsonl:5"))
        try corpus.remove("news/beta/ishiba-budget.md")
        let second = try binary.run(["index", "--index", corpus.indexPath, corpus.root.path])
        #expect(second.stdout.contains("0 added, 0 updated, 1 removed, 6 unchanged"))
    }

    @Test func jsonFollowsTheContract() throws {
        try indexCorpus()
        let results = try json(["defense", "industrial", "--date-bucket", "month"])
        #expect(results.query == "defense industrial")
        #expect(results.total == 4)
        #expect(results.counted == "all")
        #expect(results.hits.map(\.rank) == Array(1...results.hits.count))
        let undated = try #require(results.hits.first { $0.id == "gamma-notes/shipyards.txt" })
        #expect(undated.date == nil)
        for hit in results.hits {
            let scalars = hit.snippet.unicodeScalars.count
            #expect(hit.highlights.allSatisfy { $0.count == 2 && 0 <= $0[0] && $0[0] < $0[1] && $0[1] <= scalars })
        }
        #expect(results.facets["date"]?.first { $0.value == "unknown" }?.count == 1)
        #expect(results.facets["actor"]?.first { $0.value == "Mark Rutte" }?.type == "person")
        // Dates are null, not missing, when unknown.
        let raw = try search(["defense", "industrial", "--json"]).stdout
        #expect(raw.contains("\"date\":null"))
    }

    @Test func everyQueryOptionWorks() throws {
        try indexCorpus()
        #expect(try json(["defense", "--limit", "2"]).hits.count == 2)
        #expect(try json(["defense", "--limit", "2", "--offset", "4"]).hits.map(\.rank) == [5])
        #expect(try json(["defense", "industrial", "--sort", "oldest"]).hits.first?.id == "a1")
        #expect(try json(["defense", "industrial", "--source", "Beta Review"]).total == 1)
        #expect(try json(["defense", "industrial", "--actor", "Mark Rutte", "--actor", "Shigeru Ishiba"]).total == 3)
        #expect(try json(["defense", "industrial", "--since", "2025-04-15", "--until", "2025-12"]).total == 2)
        #expect(try json(["defense", "--no-facets"]).facets.isEmpty)
        #expect(Set(try json(["defense", "--facets", "source"]).facets.keys) == ["source"])
        #expect(try json(["defense", "--facet-limit", "1"]).facets["source"]?.count == 1)
        #expect(try json(["defense", "industrial", "--date-bucket", "year"]).facets["date"]?.first?.value == "2025")
        #expect(try json(["defense", "budget", "--match", "all"]).hits.map(\.id) == ["a3"])
    }

    @Test func excludingAWordWorksFromTheCommandLine() throws {
        try indexCorpus()
        let results = try json(["defense", "-industrial"])
        #expect(results.hits.map(\.id) == ["a3"])
    }

    @Test func theHeaderSpeaksOfPartialMatchesOnlyWhenItShowsSome() throws {
        try indexCorpus()
        let partial = try search(["defense", "zzyzxq"])
        #expect(partial.stdout.contains("(none has every term; showing partial matches)"), "\(partial.stdout)")
        let none = try search(["qqxv", "zzyzxq"])
        #expect(none.status == 0)
        #expect(none.stdout.hasPrefix("0 articles for qqxv zzyzxq ·"), "\(none.stdout)")
    }

    @Test func colourOnlyWhenAsked() throws {
        try indexCorpus()
        let piped = try search(["zurich"])
        #expect(!piped.stdout.contains("\u{1B}["))
        let forced = try search(["zurich", "--color", "always"])
        #expect(forced.stdout.contains("\u{1B}[1;33mZürich\u{1B}[0m"))
    }

    @Test func showStatsAndActors() throws {
        try indexCorpus()
        let show = try search(["show", "a1"])
        #expect(show.status == 0)
        #expect(show.stdout.hasPrefix("Japan and NATO agree on defense-industrial cooperation"))
        let stats = try search(["stats", "--json"])
        let decoded = try JSONSerialization.jsonObject(with: stats.stdoutData) as? [String: Any]
        #expect(decoded?["documents"] as? Int == 7)
        #expect(decoded?["sources"] as? Int == 3)
        let actors = try search(["actors", "--type", "person"])
        #expect(actors.stdout.contains("Mark Rutte"))
        #expect(!actors.stdout.contains("NATO"))
    }

    /// Issue 8 item 3: `reindex` takes `--quiet` and `--json` like `index`, and always ends with a summary.
    @Test func reindexSummarisesAsTextOrJSON() throws {
        try indexCorpus()
        struct Event: Decodable {
            struct Summary: Decodable { var documents: Int; var seconds: Double }
            var type: String
            var data: Summary
        }
        let reindexed = try search(["reindex", "--json"])
        #expect(reindexed.status == 0, "\(reindexed.stderr)")
        let event = try JSONDecoder().decode(Event.self, from: reindexed.stdoutData)
        #expect(event.type == "reindexed")
        #expect(event.data.documents == 7)
        #expect(event.data.seconds >= 0)

        let quiet = try search(["reindex", "--quiet", "--jobs", "2"])
        #expect(quiet.status == 0, "\(quiet.stderr)")
        #expect(quiet.stdout.hasPrefix("reindexed 7 articles in "))
        #expect(quiet.stderr.isEmpty)
        #expect(try json(["defense", "industrial"]).total == 4)
        #expect(try search(["reindex", "--jobs", "0"]).status == 2)
    }

    @Test func badInputGetsOneLineAndStatusTwo() throws {
        let missing = try search(["defense"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("run `search index PATH` first"))
        try indexCorpus()
        for arguments in [["--limit", "-1", "x"], ["--sort", "sideways", "x"], ["--since", "April", "x"], ["--limt", "5", "x"],
            ["show", "no-such-id"], ["index", "/no/such/folder"]] {
            let result = try search(arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(!result.stderr.isEmpty && !result.stderr.contains("SQLITE"))
        }
    }

    @Test(arguments: [#""unbalanced"#, "(", "-", "*", ":", "NOT", "defense-", "NEAR(a b)", "^"])
    func messyQueriesExitZero(_ query: String) throws {
        try indexCorpus()
        let result = try search([query])
        #expect(result.status == 0, "\(query): \(result.stderr)")
        #expect(!result.stderr.lowercased().contains("fts5"))
    }

    @Test func standardInputIsJSONLines() throws {
        let result = try binary.run(
            ["index", "--index", corpus.indexPath, "-"],
            input: #"{"id": "s1", "title": "Piped in", "body": "Delivered by standard input."}"# + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try json(["delivered"]).hits.map(\.id) == ["s1"])
    }

    @Test func defaultIndexIsBuiltFromTheBundledSample() throws {
        let result = try binary.run(["defense", "industrial", "--json"], in: corpus.folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("building it from the bundled sample corpus"))
        let decoded = try JSONDecoder().decode(ResultsJSON.self, from: result.stdoutData)
        #expect(decoded.total >= 10)
        #expect(decoded.hits.count == 10)
        #expect(FileManager.default.fileExists(atPath: corpus.folder.appendingPathComponent("index/search.sqlite").path))
    }
}

@Suite struct ExtractAndAnalyzeCLITests {
    @Test func extractShowsTheCleanedArticleAndActorOffsets() throws {
        let binary = try SearchBinary()
        let folder = try TemporaryDirectory()
        let file = try folder.write("""
            Ishiba and Rutte meet in Tokyo
            14:15 JST, April 10, 2025
            The prime minister, Shigeru Ishiba, told reporters that he had met NATO Secretary General Mark Rutte in the capital on Wednesday.
            LEAVE A REPLY
            Please enter your comment!
            """, to: "desk/meeting.txt")
        let result = try binary.run(["extract", "--json", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        #expect(json["title"] as? String == "Ishiba and Rutte meet in Tokyo")
        #expect(json["date"] as? String == "2025-04-10")
        let body = try #require(json["body"] as? String)
        #expect(!body.contains("REPLY") && !body.contains("comment"))
        let removed = try #require(json["removed"] as? [[String: Any]])
        #expect(removed.count >= 2 && removed.allSatisfy { ($0["reason"] as? String)?.isEmpty == false })
        let actors = try #require(json["actors"] as? [[String: Any]])
        let rutte = try #require(actors.first { $0["name"] as? String == "Mark Rutte" })
        let mention = try #require((rutte["mentions"] as? [[String: Any]])?.first)
        let scalars = Array(body.unicodeScalars)
        let start = try #require(mention["start"] as? Int), end = try #require(mention["end"] as? Int)
        #expect(String(String.UnicodeScalarView(scalars[start..<end])) == "Mark Rutte")
        #expect(rutte["type"] as? String == "person")
    }

    @Test func analyzeShowsTermsPositionsAndVariants() throws {
        let binary = try SearchBinary()
        let result = try binary.run(["analyze", "--json", "Japan's defence-industrial base"])
        #expect(result.status == 0)
        struct TokenJSON: Decodable { var term: String; var position: Int; var start: Int; var end: Int; var variants: [String] }
        let tokens = try JSONDecoder().decode([TokenJSON].self, from: result.stdoutData)
        #expect(tokens.map(\.term) == ["japan", "defens", "industri", "base"])
        #expect(tokens[1].variants == ["defenseindustri"])
        #expect(tokens.map(\.position) == [0, 1, 2, 3])
        #expect((tokens[1].start, tokens[1].end) == (8, 15))
    }

    /// `search extract [--index P] [--json] FILE` skips ArgumentParser (`PlainExtract`); any other
    /// form takes the full parse. Both must print the same, and a missing file fails the same way.
    @Test func extractAnswersAlikeWithAndWithoutTheArgumentParser() throws {
        let binary = try SearchBinary()
        let folder = try TemporaryDirectory()
        let file = try folder.write("""
            Brenholt Port Reopens
            Harbor officials in Oslo said on Monday that the port reopened after repairs.
            """, to: "desk/port.txt")
        let index = folder.url.appendingPathComponent("none.sqlite").path
        for json in [true, false] {
            let flags = json ? ["--json"] : []
            let plain = try binary.run(["extract"] + flags + [file.path, "--index", index])
            let parsed = try binary.run(["--index", index, "extract", "--format", "auto"] + flags + [file.path])
            #expect(plain.status == 0 && parsed.status == 0, "\(plain.stderr) \(parsed.stderr)")
            #expect(plain.stdout == parsed.stdout && !plain.stdout.isEmpty)
        }
        let missing = try binary.run(["extract", "--index", index, "/no/such/file.txt"])
        let missingParsed = try binary.run(["extract", "--format", "auto", "--index", index, "/no/such/file.txt"])
        #expect(missing.status == 2 && missing.stderr == missingParsed.stderr)
    }

    @Test func extractOfAMissingFileIsStatusTwo() throws {
        let result = try SearchBinary().run(["extract", "/no/such/file.txt"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("search: cannot read"))
    }
}
