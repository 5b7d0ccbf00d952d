import Foundation
import NewsSearchTestSupport
import Testing

/// Actors from pages in other languages, and `extract` resolving names against a built index.
@Suite struct ActorLanguageCLITests {
    /// Our own German page: every noun is capitalised, so only known names may become actors.
    static let germanPage = """
        <!DOCTYPE html>
        <html lang="de-DE"><head><meta charset="utf-8"><title>Hafen Nord plant neue Exportregeln | Küstenblatt</title></head>
        <body><article><h1>Hafen Nord plant neue Exportregeln</h1>
        <p>Zum Beispiel hat die Regierung im Januar neue Regeln für den Export beschlossen. Das Ergebnis ist für viele
        Firmen in Deutschland eine Überraschung, sagte Angela Vollmer am Montag in einem Gespräch mit unserer Zeitung.</p>
        <p>Im Gegensatz zu Frankreich will Deutschland die Millionen Euro für den Hafen erst im Oktober freigeben.
        Vollmer erwartet, dass die NATO und die Europäische Kommission die Pläne prüfen.</p>
        <p>Wenn Sie mehr wissen wollen: Lesen Sie auch unseren Bericht über die Häfen in Spanien und Italien.</p>
        </article></body></html>
        """

    @Test func aGermanPagesActorsAreNotGermanCommonNouns() throws {
        let binary = try SearchBinary()
        let folder = try TemporaryDirectory()
        let page = try folder.write(Self.germanPage, to: "pages/kuestenblatt/hafen.html")
        let index = folder.url.appendingPathComponent("ix/s.sqlite").path
        let indexed = try binary.run(["index", "--index", index, folder.url.appendingPathComponent("pages").path])
        #expect(indexed.status == 0, "\(indexed.stderr)")

        let listed = try binary.run(["actors", "--index", index, "--json", "--limit", "100"])
        struct ActorJSON: Decodable { var name: String, type: String, documents: Int }
        let actors = try JSONDecoder().decode([ActorJSON].self, from: listed.stdoutData)
        let names = Set(actors.map(\.name))
        for country in ["Germany", "France", "Spain", "Italy"] {
            #expect(actors.contains { $0.name == country && $0.type == "country" }, "\(country) in \(names.sorted())")
        }
        #expect(actors.contains { $0.name == "Angela Vollmer" && $0.type == "person" }, "\(names.sorted())")
        for junk in ["Zum Beispiel", "Das Ergebnis", "Im Gegensatz", "Wenn Sie", "Lesen Sie", "Millionen Euro", "Januar",
            "Oktober", "Deutschland", "Regierung", "Hafen Nord"]
        {
            #expect(!names.contains(junk), "\(junk) is not an actor")
        }

        // extract shows the same actors, and says the page is German.
        let extracted = try binary.run(["extract", "--index", index, "--json", page.path])
        #expect(extracted.status == 0, "\(extracted.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: extracted.stdoutData) as? [String: Any])
        let extractedNames = Set((report["actors"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String })
        #expect(extractedNames == names)
    }

    /// The same German text with no declaration at all is recognised as German by its words.
    @Test func anUndeclaredGermanTextIsGuessed() throws {
        let binary = try SearchBinary()
        let folder = try TemporaryDirectory()
        let text = """
            Hafen Nord plant neue Exportregeln

            Zum Beispiel hat die Regierung im Januar neue Regeln für den Export beschlossen. Das Ergebnis ist für viele
            Firmen in Deutschland eine Überraschung. Wenn Sie mehr wissen wollen: Lesen Sie auch unseren Bericht.
            """
        let file = try folder.write(text, to: "desk/hafen.txt")
        let extracted = try binary.run(["extract", "--index", folder.url.appendingPathComponent("none/s.sqlite").path, "--json", file.path])
        let report = try #require(try JSONSerialization.jsonObject(with: extracted.stdoutData) as? [String: Any])
        let names = (report["actors"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(names == ["Germany"])
    }

    /// `extract --index` looks up only the index's actors the file may merge into, and finds them:
    /// a lone surname joins the full name the index knows, an acronym the organisation it abbreviates.
    @Test func extractResolvesSurnamesAndAcronymsAgainstTheIndex() throws {
        let binary = try SearchBinary()
        let folder = try TemporaryDirectory()
        for number in 1...3 {
            _ = try folder.write(
                """
                Harbour report \(number)

                Zorblat Quennick said the Harbour Safety Board had inspected ship number \(number) on Tuesday.
                """, to: "corpus/desk/s\(number).txt")
        }
        let fresh = try folder.write(
            """
            Harbour report 4

            Quennick said the HSB would publish its findings on Friday.
            """, to: "later/desk/s4.txt")
        let index = folder.url.appendingPathComponent("ix/s.sqlite").path
        #expect(try binary.run(["index", "--index", index, folder.url.appendingPathComponent("corpus").path]).status == 0)

        let extracted = try binary.run(["extract", "--index", index, "--json", fresh.path])
        #expect(extracted.status == 0, "\(extracted.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: extracted.stdoutData) as? [String: Any])
        let actors = (report["actors"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(Set(actors) == ["Zorblat Quennick", "Harbour Safety Board"], "\(actors)")

        #expect(try binary.run(["index", "--index", index, folder.url.appendingPathComponent("later").path]).status == 0)
        let listed = try binary.run(["--index", index, "--json", "findings"])
        let hits = try #require((try JSONSerialization.jsonObject(with: listed.stdoutData) as? [String: Any])?["hits"] as? [[String: Any]])
        let id = try #require(hits.first?["id"] as? String)
        let shown = try binary.run(["show", "--index", index, "--json", id])
        let stored = try #require(try JSONSerialization.jsonObject(with: shown.stdoutData) as? [String: Any])
        #expect(Set((stored["actors"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }) == Set(actors))
    }

    /// Issue 15 part 5: a German page's JSON-LD `about`/`mentions` name actors its capitals cannot.
    @Test func aPagesStructuredDataNamesActorsThatSurviveAReindex() throws {
        let binary = try SearchBinary()
        let folder = try TemporaryDirectory()
        let page = Self.germanPage.replacingOccurrences(of: "<title>", with: """
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Hafen Nord plant neue Exportregeln",
            "about":[{"@type":"Person","name":"Jorun Haldersen"},{"@type":"Place","name":"Deutschland"}],
            "mentions":[{"@type":"Organization","name":"Hafenverband Nord"},{"@type":"Thing","name":"Exportkontrolle"}]}</script><title>
            """)
        let file = try folder.write(page, to: "pages/kuestenblatt/hafen.html")
        let index = folder.url.appendingPathComponent("ix/s.sqlite").path
        #expect(try binary.run(["index", "--index", index, folder.url.appendingPathComponent("pages").path]).status == 0)

        struct ActorJSON: Decodable { var name: String, type: String, documents: Int }
        func listed() throws -> [String: String] {
            let out = try binary.run(["actors", "--index", index, "--json", "--limit", "100"])
            return Dictionary(uniqueKeysWithValues: try JSONDecoder().decode([ActorJSON].self, from: out.stdoutData).map { ($0.name, $0.type) })
        }
        let actors = try listed()
        #expect(actors["Jorun Haldersen"] == "person", "\(actors)")
        #expect(actors["Hafenverband Nord"] == "organization", "\(actors)")
        #expect(actors["Germany"] == "country" && actors["Deutschland"] == nil, "the gazetteer names the country: \(actors)")
        #expect(actors["Exportkontrolle"] == nil, "a topic is no actor: \(actors)")

        #expect(try binary.run(["reindex", "--index", index]).status == 0)
        #expect(try listed() == actors)

        let extracted = try binary.run(["extract", "--index", index, "--json", file.path])
        let report = try #require(try JSONSerialization.jsonObject(with: extracted.stdoutData) as? [String: Any])
        let declared = (report["structured_actors"] as? [[String: String]] ?? []).map { "\($0["name"] ?? "") \($0["type"] ?? "") \($0["from"] ?? "")" }
        #expect(declared == ["Jorun Haldersen person about", "Deutschland place about", "Hafenverband Nord organization mentions",
            "Exportkontrolle thing mentions"])
        #expect((report["metadata"] as? [String: String])?["jsonld_actors"] == nil)

        // `show` lists what was stored the same way, not the internal metadata value.
        let shown = try binary.run(["show", "--index", index, "--json", "kuestenblatt/hafen.html"])
        let article = try #require(try JSONSerialization.jsonObject(with: shown.stdoutData) as? [String: Any], "\(shown.stderr)")
        let stored = (article["structured_actors"] as? [[String: String]] ?? []).map { "\($0["name"] ?? "") \($0["type"] ?? "") \($0["from"] ?? "")" }
        #expect(stored == declared)
        #expect((article["metadata"] as? [String: String])?["jsonld_actors"] == nil)
    }
}
