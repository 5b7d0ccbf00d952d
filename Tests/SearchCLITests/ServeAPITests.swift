import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import NewsSearchTestSupport
import Testing

/// `search serve`'s API is the CLI's `--json`, not a second contract: each endpoint is compared,
/// byte for byte after decoding (`took_ms` aside), with the command it mirrors.
@Suite(.serialized) struct ServeAPITests {
    let binary: SearchBinary
    let corpus: CorpusFixture
    let server: ServerProcess

    init() throws {
        binary = try SearchBinary()
        corpus = try CorpusFixture()
        let indexed = try binary.run(["index", "--index", corpus.indexPath, corpus.root.path])
        #expect(indexed.status == 0, "\(indexed.stderr)")
        server = try ServerProcess(binary: binary, arguments: ["--index", corpus.indexPath])
    }

    func get(_ path: String) throws -> HTTPResponse {
        try HTTP.get(URL(string: path, relativeTo: server.baseURL)!)
    }

    /// `/api/search?…` for `parameters`, the same as CLI arguments (`q` as the query words).
    static func url(_ parameters: [(String, String)]) -> String {
        var components = URLComponents()
        components.queryItems = parameters.map { URLQueryItem(name: $0.0, value: $0.1) }
        // URLComponents leaves `+` alone; a form decoder reads it as a space.
        return "/api/search?" + (components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
    }

    static func cliArguments(_ parameters: [(String, String)]) -> [String] {
        var words: [String] = []
        var arguments: [String] = []
        for (name, value) in parameters {
            if name == "q" { words.append(value) }
            else if ["recency", "no-facets", "no-feedback"].contains(name) { arguments.append("--\(name)") }
            else { arguments.append("--\(name)=\(value)") }
        }
        return arguments + ["--"] + words
    }

    static func object(_ data: Data) throws -> NSDictionary {
        let value = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        var copy = value
        copy.removeValue(forKey: "took_ms")
        return copy as NSDictionary
    }

    static let searches: [[(String, String)]] = [
        [("q", "defense industrial")],
        [("q", "defense"), ("source", "Alpha Wire"), ("sort", "newest")],
        [("q", "rutte"), ("actor", "Mark Rutte"), ("since", "2025-04"), ("until", "2025-05"), ("limit", "2"), ("offset", "1")],
        [("q", "defense industrial"), ("match", "any"), ("facets", "source,actor"), ("facet-limit", "2"), ("date-bucket", "year")],
        [("q", "defense"), ("recency", "true"), ("recency-half-life", "30d")],
        [("q", "nato -china source:\"Alpha Wire\" date:2024..2025")],
        [("q", "defnse")],
        [("q", "defense"), ("source", "Nowhere Times")],
        [("source", "Alpha Wire"), ("source", "Beta Review"), ("no-facets", "1")],
        [("q", "Zürich + ＮＡＴＯ & co")],
        [("q", "shipyard"), ("no-feedback", "true"), ("sort", "oldest")],
    ]

    @Test(arguments: 0..<searches.count) func searchEqualsTheCLIJSON(_ index: Int) throws {
        let parameters = Self.searches[index]
        let response = try get(Self.url(parameters))
        #expect(response.status == 200, "\(response.text)")
        #expect(response.header("Content-Type") == "application/json; charset=utf-8")
        let cli = try binary.run(["--index", corpus.indexPath, "--json"] + Self.cliArguments(parameters))
        #expect(cli.status == 0, "\(cli.stderr)")
        #expect(try Self.object(response.body) == Self.object(cli.stdoutData), "\(parameters)")
    }

    @Test func articleActorsAndStatsEqualTheCLIJSON() throws {
        let hit = try JSONSerialization.jsonObject(with: get(Self.url([("q", "rutte tokyo")])).body) as! [String: Any]
        let ids = (hit["hits"] as! [[String: Any]]).map { $0["id"] as! String }
        let withSlash = try #require(ids.first { $0.contains("/") })
        for id in ["a1", withSlash] {
            let encoded = id.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-._~")))!
            let api = try get("/api/articles/" + encoded)
            #expect(api.status == 200)
            let cli = try binary.run(["show", "--index", corpus.indexPath, "--json", id])
            #expect(try JSONSerialization.jsonObject(with: api.body) as! NSDictionary
                == JSONSerialization.jsonObject(with: cli.stdoutData) as! NSDictionary)
        }
        for (query, arguments) in [("", [String]()), ("?type=person&limit=2", ["--type", "person", "--limit", "2"])] {
            let api = try get("/api/actors" + query)
            let cli = try binary.run(["actors", "--index", corpus.indexPath, "--json"] + arguments)
            #expect(api.status == 200)
            #expect(try JSONSerialization.jsonObject(with: api.body) as! NSArray
                == JSONSerialization.jsonObject(with: cli.stdoutData) as! NSArray)
        }
        let stats = try get("/api/stats")
        let cli = try binary.run(["stats", "--index", corpus.indexPath, "--json"])
        #expect(try JSONSerialization.jsonObject(with: stats.body) as! NSDictionary
            == JSONSerialization.jsonObject(with: cli.stdoutData) as! NSDictionary)
    }

    /// The article view's highlights are Unicode-scalar offsets of the query's words in the stored text.
    @Test func articleHighlightsMarkTheQueryWords() throws {
        let response = try get("/api/articles/a1?q=defence%20industrial")
        let article = try JSONSerialization.jsonObject(with: response.body) as! [String: Any]
        let highlights = article["highlights"] as! [String: [[Int]]]
        let body = Array((article["body"] as! String).unicodeScalars)
        let marked = highlights["body"]!.map { String(String.UnicodeScalarView(body[$0[0]..<$0[1]])).lowercased() }
        #expect(marked == ["defense", "industrial"])
        #expect(!highlights["title"]!.isEmpty)
    }

    /// Each bad parameter gets 400 and the message the CLI prints for the same option (after `search: `).
    @Test func badParametersAre400WithTheCLIMessage() throws {
        let cases: [[(String, String)]] = [
            [("q", "x"), ("limit", "-1")],
            [("q", "x"), ("limit", "lots")],
            [("q", "x"), ("sort", "sideways")],
            [("q", "x"), ("since", "2025-13")],
            [("q", "x"), ("since", "2025"), ("until", "2024")],
            [("q", "x"), ("facets", "date,colour")],
            [("q", "x"), ("recency", "true"), ("sort", "newest")],
            [("q", "x"), ("facets", "date"), ("no-facets", "true")],
        ]
        for parameters in cases {
            let response = try get(Self.url(parameters))
            #expect(response.status == 400, "\(parameters)")
            let message = try #require(try JSONSerialization.jsonObject(with: response.body) as? [String: String])["error"]
            let cli = try binary.run(["--index", corpus.indexPath] + Self.cliArguments(parameters))
            #expect(cli.status == 2)
            let line = cli.stderr.split(separator: "\n").first.map { String($0.dropFirst("search: ".count)) }
            #expect(message == line, "\(parameters)")
        }
        let limits: [(String, String)] = [
            ("/api/search?q=x&limit=101", "limit must be at most 100 here (got 101)"),
            ("/api/search?q=x&offset=10001", "offset must be at most 10000 here (got 10001)"),
            ("/api/search?q=" + String(repeating: "a", count: 10_001), "q is longer than 10000 bytes"),
            ("/api/search?q=x&colour=red", "unknown parameter 'colour'"),
            ("/api/search?q=%FF", "malformed query string: percent-escapes must encode UTF-8"),
            ("/api/search?q=x&recency=maybe", "recency takes true or false (got 'maybe')"),
            ("/api/stats?verify=true", "unknown parameter 'verify'"),
            ("/api/actors?type=planet", "The value 'planet' is invalid for '--type <type>'. Please provide one of 'person', 'organization', 'country' or 'location'."),
        ]
        // Twice: the server keeps the requests it has read (by query string), never a failed reading.
        for (path, expected) in limits + limits {
            let response = try get(path)
            #expect(response.status == 400, "\(path)")
            let body = try JSONSerialization.jsonObject(with: response.body) as? [String: String]
            #expect(body?["error"] == expected, "\(path)")
        }
    }

    @Test func missingThingsAre404() throws {
        let article = try get("/api/articles/no-such-article")
        #expect(article.status == 404)
        #expect(try JSONSerialization.jsonObject(with: article.body) as? [String: String] == ["error": "no article with id 'no-such-article'"])
        let route = try get("/api/nothing")
        #expect(route.status == 404)
        #expect(route.header("Content-Security-Policy") != nil)
    }

    /// Nothing writes: a POST finds no route.
    @Test func writesAreRefused() throws {
        var request = URLRequest(url: URL(string: "/api/search?q=x", relativeTo: server.baseURL)!)
        request.httpMethod = "POST"
        #expect(try HTTP.send(request).status == 404)
    }

    /// HEAD is GET without the body: `curl -I` and link checkers got 404 from a GET-only router.
    @Test func headAnswersLikeGetWithoutTheBody() throws {
        for path in ["/", "/app.js", "/api/search?q=nato", "/api/stats"] {
            let got = try get(path)
            var request = URLRequest(url: URL(string: path, relativeTo: server.baseURL)!)
            request.httpMethod = "HEAD"
            let head = try HTTP.send(request)
            #expect(head.status == 200, "\(path)")
            #expect(head.body.isEmpty, "\(path)")
            // The search's body holds `took_ms`, whose digits vary between two runs of one query.
            let slack = path.hasPrefix("/api/search") ? 8 : 0
            let headLength = try #require(head.header("Content-Length").flatMap { Int($0) }, "\(path)")
            let getLength = try #require(got.header("Content-Length").flatMap { Int($0) }, "\(path)")
            #expect(abs(headLength - getLength) <= slack, "\(path): HEAD \(headLength), GET \(getLength)")
            #expect(head.header("Content-Security-Policy") != nil, "\(path)")
        }
        var missing = URLRequest(url: URL(string: "/api/articles/no-such-id", relativeTo: server.baseURL)!)
        missing.httpMethod = "HEAD"
        #expect(try HTTP.send(missing).status == 404)
    }

    @Test func everyAnswerCarriesTheSecurityHeaders() throws {
        for path in ["/", "/app.js", "/app.css", "/api/search?q=nato", "/api/stats"] {
            let response = try get(path)
            #expect(response.status == 200, "\(path)")
            let policy = try #require(response.header("Content-Security-Policy"))
            #expect(policy.contains("default-src 'self'") && policy.contains("script-src 'self'") && !policy.contains("unsafe"))
            #expect(response.header("X-Content-Type-Options") == "nosniff")
            #expect(response.header("X-Frame-Options") == "DENY")
        }
        let page = try get("/")
        #expect(page.header("Content-Type") == "text/html; charset=utf-8")
        #expect(page.text.contains("<script src=\"/app.js\" defer></script>"))
        #expect(!page.text.contains("<script>") && !page.text.contains("style=\""))
        #expect(try get("/app.js").header("Content-Type") == "text/javascript; charset=utf-8")
    }

    /// Another process indexes while the server runs: the next query sees the new article (WAL, and
    /// the engine reloads its facet columns when `meta.generation` moves).
    @Test func articlesIndexedMeanwhileShowUp() throws {
        let before = try JSONSerialization.jsonObject(with: get("/api/search?q=lighthouse").body) as! [String: Any]
        #expect(before["total"] as? Int == 0)
        try corpus.write(
            "{\"id\": \"n1\", \"title\": \"A lighthouse for the harbour\", \"body\": \"The lighthouse was lit again.\", \"date\": \"2025-07-01\", \"source\": \"Delta Post\"}\n",
            to: "news/late/new.jsonl")
        let indexed = try binary.run(["index", "--index", corpus.indexPath, corpus.root.path])
        #expect(indexed.status == 0)
        let after = try JSONSerialization.jsonObject(with: get("/api/search?q=lighthouse").body) as! [String: Any]
        #expect(after["total"] as? Int == 1)
        let sources = (after["facets"] as! [String: [[String: Any]]])["source"]!.map { $0["value"] as! String }
        #expect(sources == ["Delta Post"])
    }

    /// The index broken under the server: 500 and a message without paths, SQL or SQLite's words.
    @Test func engineFailureIs500WithoutInternals() throws {
        #expect(try get("/api/search?q=nato").status == 200)
        for suffix in ["", "-wal", "-shm"] {
            let path = corpus.indexPath + suffix
            if FileManager.default.fileExists(atPath: path) {
                try Data(repeating: 0x5A, count: 1 << 16).write(to: URL(fileURLWithPath: path))
            }
        }
        let response = try get("/api/search?q=industrial")
        #expect(response.status == 500)
        let body = try JSONSerialization.jsonObject(with: response.body) as? [String: String]
        #expect(body == ["error": "internal error: the index could not answer"])
    }
}
