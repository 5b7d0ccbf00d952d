import Foundation
import NewsSearchTestSupport
import Testing

/// Every text-analysis rule, end to end: index a document through `search index`, find it with a
/// query written the other way.
@Suite struct TextAnalysisCLITests {
    static let documents: [(id: String, body: String)] = [
        ("diacritics", "The Czech writer Karel Čapek lived in Prague; the delegates met in Zürich."),
        ("fullwidth", "Officials from ＮＡＴＯ arrived."),
        ("possessive", "Japan's navy and NATO’s planners met the allies' envoys."),
        ("compound", "They agreed on defense-industrial cooperation across the Indo-Pacific and Euro-Atlantic."),
        ("acronym", "The U.K. and the U.S. signed. N.A.T.O. observed."),
        ("numbers", "About 1,000 troops, growth of 3.5 percent, signed on 2025-04-10."),
        ("spelling", "The defence organisation reviewed its programme."),
        ("synonym", "The United States and North Korea held talks on artificial intelligence."),
        ("stemming", "Ministers were negotiating several agreements."),
        ("cjk", "日本の防衛産業協力が進む"),
        ("url", "Read more at https://www.example.org/reports/2025 or write to press@example.org today."),
    ]

    static let queries: [(query: String, expected: String)] = [
        ("capek", "diacritics"), ("zurich", "diacritics"), ("nato", "fullwidth"),
        ("japan navy", "possessive"), ("allies envoys", "possessive"),
        ("defense industrial", "compound"), (#""defense industrial""#, "compound"), ("defense-industrial", "compound"),
        ("indopacific", "compound"), ("euroatlantic", "compound"),
        ("uk", "acronym"), ("nato observed", "acronym"),
        ("1000 troops", "numbers"), ("3.5", "numbers"), ("2025-04-10", "numbers"),
        ("defense organization program", "spelling"),
        ("US talks", "synonym"), ("DPRK", "synonym"), ("AI", "synonym"), (#""north korea""#, "synonym"),
        ("negotiate agreement", "stemming"), ("防衛産業", "cjk"),
        ("example.org", "url"), ("press@example.org", "url"), ("example", "url"),
    ]

    @Test func everyRuleWorksThroughTheBinary() throws {
        let binary = try SearchBinary()
        let folder = try TemporaryDirectory()
        let jsonl = try Self.documents.map { document in
            String(decoding: try JSONSerialization.data(withJSONObject: ["id": document.id, "title": "Note", "body": document.body]), as: UTF8.self)
        }.joined(separator: "\n")
        try folder.write(jsonl, to: "corpus/notes.jsonl")
        let index = folder.url.appendingPathComponent("i.sqlite").path
        let indexed = try binary.run(["index", "--index", index, folder.url.appendingPathComponent("corpus").path])
        #expect(indexed.status == 0, "\(indexed.stderr)")
        for (query, expected) in Self.queries {
            let result = try binary.run(["--index", index, "--json", "--match", "all", "--no-facets", "--", query])
            #expect(result.status == 0, "\(query): \(result.stderr)")
            let json = try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any]
            let ids = (json?["hits"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
            #expect(ids.contains(expected), "\(query) should find \(expected), found \(ids)")
        }
    }
}
