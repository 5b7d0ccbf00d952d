import Foundation
import Testing

@testable import NewsIngest

/// Issue 15 part 5: the actors a page's JSON-LD says the article is about or mentions.
@Suite("Structured-data actors")
struct StructuredActorTests {
    static func page(_ jsonLD: String) -> String {
        """
        <html><head><title>Railway reopens</title><script type="application/ld+json">\(jsonLD)</script></head>
        <body><article>\(PageTextTests.story)</article></body></html>
        """
    }

    static func declared(_ jsonLD: String) -> [StructuredActor] {
        StructuredActor.decode(Ingestor().extract(data: Data(page(jsonLD).utf8), path: "page.html").metadata)
    }

    @Test("about and mentions, with the type each declares, from objects, references and strings")
    func aboutAndMentions() {
        let found = Self.declared("""
            {"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Railway reopens",
            "about":[{"@type":"Person","name":"Ines Marlow"},{"@id":"#operator"}],
            "mentions":[{"@type":"Country","name":"Deutschland"},{"@type":"City","name":"Wellington"},
            {"@type":"Thing","name":"Landslides"},"Rail transport",{"@type":"Person","name":"Ines Marlow"}]},
            {"@id":"#operator","@type":"Corporation","name":"Valley Rail Company"}]}
            """)
        #expect(found.map(\.name) == ["Ines Marlow", "Valley Rail Company", "Deutschland", "Wellington", "Landslides", "Rail transport"])
        #expect(found.map(\.kind) == [.person, .organization, .country, .place, .thing, .thing])
        #expect(found.map(\.property) == ["about", "about", "mentions", "mentions", "mentions", "mentions"])
    }

    @Test("a page without about or mentions declares none, and keeps no metadata key for them")
    func noneDeclared() {
        let report = Ingestor().extract(data: Data(Self.page("{\"@type\":\"NewsArticle\",\"headline\":\"Railway reopens\"}").utf8), path: "p.html")
        #expect(report.metadata[StructuredActor.metadataKey] == nil)
    }

    @Test("a tag cloud of more than forty names is not what one story names")
    func tagCloud() {
        let names = (1...41).map { "{\"@type\":\"Person\",\"name\":\"Person \($0)\"}" }.joined(separator: ",")
        #expect(Self.declared("{\"@type\":\"NewsArticle\",\"mentions\":[\(names)]}").isEmpty)
    }
}
