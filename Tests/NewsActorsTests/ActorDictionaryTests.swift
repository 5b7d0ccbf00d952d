import Foundation
import Testing
@testable import NewsActors

@Suite("User dictionary")
struct ActorDictionaryTests {
    let text = """
        # our analysts' additions
        person: Oskar Brenholt = The Chief | O. Brenholt
        organization: Harbour Safety Board = HSB
        country: Kenya = Jamhuri
        ban: Reklam      # scraped advertising label
        ban: Kenya Today
        """

    @Test func parsesEntriesAndBans() throws {
        let dictionary = try ActorDictionary(parsing: text)
        #expect(dictionary.entries.count == 3)
        #expect(dictionary.entries[0] == .init(name: "Oskar Brenholt", type: .person, aliases: ["The Chief", "O. Brenholt"]))
        #expect(dictionary.banned == ["Reklam", "Kenya Today"])
    }

    @Test func addsActorsAliasesAndTypes() throws {
        let extractor = ActorExtractor(dictionary: try ActorDictionary(parsing: text))
        let found = extractor.extract(title: "", body: "The HSB inspected ships. Jamhuri agreed, and O. Brenholt said so.")
        let byName = Dictionary(uniqueKeysWithValues: found.map { ($0.name, $0.type) })
        #expect(byName["Harbour Safety Board"] == .organization)
        #expect(byName["Kenya"] == .country)
        #expect(byName["Oskar Brenholt"] == .person)
    }

    @Test func bansJunk() throws {
        let body = "Chile signed.\nReklam yükleniyor and more Reklam here, said Reklam."
        #expect(ActorExtractor().extract(title: "", body: body).contains { $0.name == "Reklam" })
        let extractor = ActorExtractor(dictionary: try ActorDictionary(parsing: text))
        let names = extractor.extract(title: "", body: body).map(\.name)
        #expect(!names.contains("Reklam"))
        #expect(names.contains("Chile"))
    }

    @Test(arguments: [
        ("persn: Someone", ActorDictionaryError.unknownType(line: 1, type: "persn")),
        ("just words", .malformedLine(line: 1, text: "just words", reason: "expected `TYPE: Name = alias | alias` or `ban: text`")),
        ("\nperson: = alias", .malformedLine(line: 2, text: "person: = alias", reason: "the canonical name before `=` is empty")),
    ])
    func rejectsMalformedLinesWithTheirNumber(text: String, error: ActorDictionaryError) {
        #expect(throws: error) { try ActorDictionary(parsing: text) }
    }

    @Test func missingFileIsAnEmptyDictionary() throws {
        let url = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/actors.txt")
        #expect(try ActorDictionary(contentsOf: url) == ActorDictionary())
    }

    @Test func readsAFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("actors-\(UUID().uuidString).txt")
        try text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try ActorDictionary(contentsOf: url).entries.count == 3)
    }
}
