import Foundation
import NewsSearchTestSupport
import Testing

/// `search [--index P] [--json] WORDS…` skips ArgumentParser (`PlainQuery`); the same query written
/// with any other option goes through the full parse. Both must answer alike, to the byte.
extension SearchCLITests {
    /// Standard output without the timing (`took_ms`, or the "· 2.8 ms" of the text header).
    func plainAnswer(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let result = try binary.run(arguments, in: corpus.folder, environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.replacing(/"took_ms":[0-9.e+-]+/, with: "").replacing(/\ · [0-9.]+ ms/, with: "")
    }

    @Test func thePlainFormAnswersAsTheFullParseDoes() throws {
        try indexCorpus()
        let index = corpus.indexPath
        let plain = try plainAnswer(["--index", index, "--json", "defense", "industrial"])
        #expect(plain.contains("\"total\":4"))
        #expect(try plainAnswer(["--index", index, "--json", "--limit", "10", "defense", "industrial"]) == plain)
        #expect(try plainAnswer(["query", "--index=\(index)", "defense", "industrial", "--json"]) == plain)
        #expect(try plainAnswer(["defense", "--json", "industrial"], environment: ["SEARCH_INDEX": index]) == plain)
        let text = try plainAnswer(["--index=\(index)", "defense", "industrial"])
        #expect(text.contains("defense industrial"))
        #expect(try plainAnswer(["--index", index, "--color", "auto", "defense", "industrial"]) == text)
    }

    @Test func anythingElseIsLeftToTheFullParse() throws {
        try indexCorpus()
        let unknown = try binary.run(["--index", corpus.indexPath, "--jsn", "defense"], in: corpus.folder)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("--jsn"))
        let stats = try binary.run(["--index", corpus.indexPath, "--json", "stats"], in: corpus.folder)
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(stats.stdout.contains("\"documents\""))
        let missingValue = try binary.run(["defense", "--index"], in: corpus.folder)
        #expect(missingValue.status == 2)
    }
}
