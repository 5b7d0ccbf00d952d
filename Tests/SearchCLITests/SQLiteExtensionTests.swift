import Foundation
import NewsSearchTestSupport
import Testing

/// libNewsSearchSQLite loaded where analysts open an index: Python's `sqlite3` and Datasette. Each
/// test says "skipped" only when no Python that can load extensions (or no Datasette) is installed;
/// `.ci/run` installs Datasette with pip.
@Suite(.serialized, .enabled(if: ExtensionHost.found != nil, "skipped: no python3 whose sqlite3 can load extensions"))
struct SQLiteExtensionTests {
    let binary: SearchBinary
    let directory: TemporaryDirectory
    let index: String
    let library: URL
    let host: ExtensionHost

    init() throws {
        binary = try SearchBinary()
        host = try #require(ExtensionHost.found)
        library = ExtensionHost.extensionLibrary(beside: binary)
        directory = try TemporaryDirectory("extension")
        try directory.write(Self.corpus, to: "news/wire.jsonl")
        index = directory.url.appendingPathComponent("index/search.sqlite").path
        let indexed = try binary.run(["index", "--quiet", "--index", index, directory.url.appendingPathComponent("news").path])
        #expect(indexed.status == 0, "\(indexed.stderr)")
    }

    /// What the engine answers: ids and scores, best first, every match.
    func engineHits(_ query: String) throws -> [(id: String, score: Double)] {
        let result = try binary.run([query, "--match", "any", "--sort", "relevance", "--no-fold", "--json", "--limit", "100", "--no-facets", "--index", index])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        return (json["hits"] as? [[String: Any]] ?? []).map { ($0["id"] as? String ?? "", $0["score"] as? Double ?? .nan) }
    }

    /// Runs SQL through Python's sqlite3 with the extension loaded; rows as JSON arrays.
    func python(_ sql: String, _ parameter: String) throws -> [[Any]] {
        #expect(FileManager.default.fileExists(atPath: library.path), "swift build leaves \(library.path)")
        let script = """
            import json, sqlite3, sys
            connection = sqlite3.connect(sys.argv[1])
            connection.enable_load_extension(True)
            connection.load_extension(sys.argv[2])
            connection.enable_load_extension(False)
            print(json.dumps(connection.execute(sys.argv[3], (sys.argv[4],)).fetchall()))
            """
        let result = try host.run(["-c", script, index, library.path, sql, parameter])
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[Any]] ?? []
    }

    static let rankedSQL = """
        SELECT d.external_id, documents_fts.rank FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid
        WHERE documents_fts MATCH ? ORDER BY rank
        """

    @Test func pythonOrdersByRankAsSearchDoes() throws {
        let engine = try engineHits("nato")
        #expect(engine.count == Self.natoArticles)
        let rows = try python(Self.rankedSQL, "nato")
        let ids = rows.map { $0[0] as? String ?? "" }
        #expect(Set(ids) == Set(engine.map(\.id)))
        // With one word there is nothing for the engine's per-query setup to add: the table's
        // default `rank` is the same BM25F, so the order and the scores are the same too.
        #expect(ids == engine.map(\.id))
        for (row, hit) in zip(rows, engine) {
            let score = -(row[1] as? Double ?? .nan)
            #expect(abs(score - hit.score) < 1e-3, "\(hit.id): rank \(score) vs score \(hit.score)")
        }
    }

    /// The tokenizer loaded is ours: spelling variants, possessives and compounds match as in `search`.
    @Test func pythonMatchesWithOurTokenizer() throws {
        let defense = try python(Self.rankedSQL, "defense").map { $0[0] as? String ?? "" }
        #expect(Set(defense) == ["uk-defence", "us-defense", "compound"])
        let possessive = try python(Self.rankedSQL, "japan").map { $0[0] as? String ?? "" }
        #expect(possessive == ["possessive"])
        let compound = try python(Self.rankedSQL, "indopacific").map { $0[0] as? String ?? "" }
        #expect(compound == ["compound"])
    }

    /// Without the extension, the index is opaque to other tools: the failure the extension fixes.
    @Test func withoutTheExtensionMatchFails() throws {
        let script = """
            import sqlite3, sys
            try:
                sqlite3.connect(sys.argv[1]).execute("SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'nato'").fetchall()
            except sqlite3.Error as error:
                print(error)
            """
        let result = try host.run(["-c", script, index])
        #expect(result.stdout.contains("no such tokenizer: newssearch"))
    }

    @Test(.enabled(if: ExtensionHost.found?.hasDatasette == true, "skipped: datasette is not installed for this python3"))
    func datasetteServesTheIndexWithFullTextSearch() throws {
        let datasette = try host.startDatasette(index: index, extension: library)
        defer { datasette.stop() }
        let expected = Set(try engineHits("nato").map(\.id))

        // The documents table's search box, told which table is its full-text index (Datasette only
        // finds it alone for `content="documents"` in double quotes; README shows the metadata way).
        let table = try HTTP.get(
            URL(string: "search/documents.json?_search=nato&_fts_table=documents_fts&_fts_pk=id&_shape=array&_size=max",
                relativeTo: datasette.baseURL)!)
        #expect(table.status == 200, "\(table.text)")
        let rows = try JSONSerialization.jsonObject(with: table.body) as? [[String: Any]] ?? []
        #expect(Set(rows.compactMap { $0["external_id"] as? String }) == expected)

        // Custom SQL, ranked by our function.
        var components = URLComponents(url: URL(string: "search.json", relativeTo: datasette.baseURL)!, resolvingAgainstBaseURL: true)!
        components.queryItems = [
            URLQueryItem(name: "sql", value: Self.rankedSQL.replacingOccurrences(of: "?", with: ":q")),
            URLQueryItem(name: "q", value: "nato"), URLQueryItem(name: "_shape", value: "array"),
        ]
        let ranked = try HTTP.get(components.url!)
        #expect(ranked.status == 200, "\(ranked.text)")
        let ids = (try JSONSerialization.jsonObject(with: ranked.body) as? [[String: Any]] ?? []).compactMap { $0["external_id"] as? String }
        #expect(ids == (try engineHits("nato")).map(\.id))
    }

    /// Articles whose scores for `nato` all differ: mentions from none to several, in the title or
    /// not, in texts of different lengths; plus a few for the tokenizer checks.
    static let natoArticles = 19
    static var corpus: String {
        let filler = ["harbour", "budget", "minister", "talks", "summit", "shipping", "grain", "energy", "council", "treaty"]
        var lines: [String] = []
        for number in 0..<24 {
            let mentions = number % 4 == 3 ? 0 : 1 + number % 4 + number / 8
            let length = 12 + number * 5
            var words = (0..<length).map { filler[($0 * 7 + number) % filler.count] }
            for mention in 0..<mentions { words[(mention * 5 + number) % length] = "NATO" }
            let title = number % 5 == 0 ? "NATO report \(number)" : "Report \(number)"
            lines.append(
                #"{"id": "n\#(number)", "title": "\#(title)", "body": "\#(words.joined(separator: " ")).", "date": "2025-01-\#(String(format: "%02d", number + 1))", "source": "Wire"}"#)
        }
        lines.append(#"{"id": "uk-defence", "title": "Defence review", "body": "The defence ministry published its plan.", "source": "Wire"}"#)
        lines.append(#"{"id": "us-defense", "title": "Defense bill", "body": "Congress passed the defense bill.", "source": "Wire"}"#)
        lines.append(#"{"id": "possessive", "title": "Trade", "body": "Japan's exports grew.", "source": "Wire"}"#)
        lines.append(#"{"id": "compound", "title": "Regional plans", "body": "Indo-Pacific defense-industrial ties.", "source": "Wire"}"#)
        return lines.joined(separator: "\n") + "\n"
    }
}
