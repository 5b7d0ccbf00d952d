import Foundation
import NewsSearchTestSupport
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `/api/actors?with=…` and `?graph=true` answer exactly what `search actors --with … --json` and
/// `--graph --format json` print, and refuse what the command refuses.
@Suite(.serialized) struct CooccurrenceAPITests {
    let binary: SearchBinary
    let corpus: PlantedCooccurrenceCorpus
    let server: ServerProcess

    init() throws {
        binary = try SearchBinary()
        corpus = try PlantedCooccurrenceCorpus()
        let indexed = try binary.run(["index", "--index", corpus.indexPath, corpus.file.path])
        #expect(indexed.status == 0, "\(indexed.stderr)")
        server = try ServerProcess(binary: binary, arguments: ["--index", corpus.indexPath])
    }

    func get(_ parameters: [(String, String)]) throws -> HTTPResponse {
        var components = URLComponents()
        components.queryItems = parameters.map { URLQueryItem(name: $0.0, value: $0.1) }
        return try HTTP.get(URL(string: "/api/actors?" + (components.percentEncodedQuery ?? ""), relativeTo: server.baseURL)!)
    }

    /// The JSON without `took_ms`, which differs between any two runs.
    func object(_ data: Data) throws -> NSDictionary {
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return object.filter { $0.key != "took_ms" } as NSDictionary
    }

    @Test func theAPIAnswersAsTheCommandDoes() throws {
        let cases: [([(String, String)], [String])] = [
            ([("with", "Anna Kowalska")], ["--with", "Anna Kowalska"]),
            ([("with", "kowalska"), ("q", "harbor"), ("source", "Alpha Wire"), ("min-count", "1")],
             ["--with", "kowalska", "harbor", "--source", "Alpha Wire", "--min-count", "1"]),
            ([("graph", "true"), ("q", "harbor"), ("max-nodes", "3")], ["--graph", "harbor", "--max-nodes", "3"]),
        ]
        for (parameters, arguments) in cases {
            let api = try get(parameters)
            #expect(api.status == 200, "\(api.text)")
            let cli = try binary.run(["actors", "--index", corpus.indexPath, "--json"] + arguments)
            #expect(cli.status == 0, "\(cli.stderr)")
            #expect(try object(api.body) == object(cli.stdoutData), "\(parameters)")
        }
    }

    @Test func badParametersAre400WithTheCommandsMessage() throws {
        let cases: [([(String, String)], String)] = [
            ([("with", "Ana Kowalsky")], "no actor matches 'Ana Kowalsky'; closest: Anna Kowalska, "),
            ([("q", "harbor")], "a query, --source, --actor, --since, --until and --match select articles for '--with' or '--graph'"),
            ([("with", "Anna Kowalska"), ("graph", "true")], "'--with' and '--graph' cannot be used together"),
            ([("graph", "true"), ("format", "graphml")], "unknown parameter 'format'"),
        ]
        for (parameters, message) in cases {
            let response = try get(parameters)
            #expect(response.status == 400, "\(parameters)")
            let body = try JSONSerialization.jsonObject(with: response.body) as? [String: String]
            #expect(body?["error"]?.hasPrefix(message) == true, "\(body ?? [:])")
        }
    }
}
