import Foundation
import NewsSearchTestSupport
import Testing

/// `search serve --trace FILE`: one line per `/api/search` request, written when the server stops, saying
/// how each answer was had; a log that cannot be created is refused before the server starts.
@Suite struct ServeTraceTests {
    @Test func eachSearchRequestIsALineWrittenAtStop() throws {
        let binary = try SearchBinary()
        let corpus = try CorpusFixture()
        #expect(try binary.run(["index", "--index", corpus.indexPath, corpus.root.path]).status == 0)
        let log = corpus.root.appendingPathComponent("trace.tsv")
        let server = try ServerProcess(binary: binary, arguments: ["--index", corpus.indexPath, "--trace", log.path])
        for path in ["/api/search?q=defense", "/api/search?q=defense", "/api/search?q=defense&limit=x", "/api/stats"] {
            _ = try HTTP.get(URL(string: path, relativeTo: server.baseURL)!)
        }
        server.stop()

        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map { $0.split(separator: "\t") }
        #expect(lines.count == 4, "a header and the three searches, not /api/stats")
        let header = lines[0].map(String.init)
        let answer = try #require(header.firstIndex(of: "answer"))
        let query = try #require(header.firstIndex(of: "query"))
        #expect(lines[1][answer] == "computed" && lines[1][query] == "q=defense")
        #expect(lines[2][answer] == "kept")
        #expect(lines[3][answer] == "-" && lines[3][query] == "q=defense&limit=x", "a bad request has no answer")
        #expect(lines.dropFirst().allSatisfy { $0.count == header.count })
    }

    @Test func aLogThatCannotBeCreatedIsRefusedAtStart() throws {
        let binary = try SearchBinary()
        let corpus = try CorpusFixture()
        #expect(try binary.run(["index", "--index", corpus.indexPath, corpus.root.path]).status == 0)
        let result = try binary.run(["serve", "--port", "0", "--index", corpus.indexPath, "--trace", "/nonexistent/trace.tsv"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr == "search: cannot create the request log /nonexistent/trace.tsv: check that its folder exists and is writable\n",
            "\(result.stderr)")
    }
}
