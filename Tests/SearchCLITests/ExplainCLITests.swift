import Foundation
import NewsSearchTestSupport
import Testing

/// `search --explain`: a tree under each hit in text, an `"explain"` object per hit in JSON whose
/// root value is the hit's `score`, and nothing of it without the flag.
@Suite struct ExplainCLITests {
    struct Node: Decodable {
        var value: Double, description: String, details: [Node]
    }
    struct Results: Decodable {
        struct Hit: Decodable { var score: Double, explain: Node? }
        var hits: [Hit]
    }

    let binary: SearchBinary
    let corpus: CorpusFixture

    init() throws {
        binary = try SearchBinary()
        corpus = try CorpusFixture()
        let indexed = try binary.run(["index", "--index", corpus.indexPath, corpus.root.path])
        #expect(indexed.status == 0, "\(indexed.stderr)")
    }

    func search(_ arguments: [String]) throws -> SearchBinary.Result {
        try binary.run(["--index", corpus.indexPath] + arguments, in: corpus.folder)
    }

    @Test func jsonRootIsTheScore() throws {
        for arguments in [["defense", "industrial"], ["defense", "industrial", "--recency"], ["rutte", "--sort", "newest"]] {
            let result = try search(arguments + ["--explain", "--json"])
            let hits = try JSONDecoder().decode(Results.self, from: Data(result.stdout.utf8)).hits
            #expect(!hits.isEmpty)
            for hit in hits {
                let root = try #require(hit.explain, "\(arguments)")
                #expect(root.value == hit.score, "\(arguments)")
                #expect(!root.details.isEmpty)
            }
        }
    }

    @Test func textShowsAnIndentedTree() throws {
        let text = try search(["defense", "industrial", "--explain", "--limit", "1", "--no-facets"]).stdout
        #expect(text.contains("  score, sum of:"))
        #expect(text.contains("'defense' (clause 1), product of:"))
        #expect(text.contains("coverage: "))
    }

    @Test func nothingWithoutTheFlag() throws {
        #expect(!(try search(["defense", "industrial", "--json"]).stdout.contains("\"explain\"")))
        #expect(!(try search(["defense", "industrial"]).stdout.contains("sum of:")))
    }
}
