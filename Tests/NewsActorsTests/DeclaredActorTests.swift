import Testing
@testable import NewsActors

/// Issue 15 part 5: actors a page's structured data declares, and place names that are not people.
@Suite("Declared actors and place names")
struct DeclaredActorTests {
    /// "name (type)", or nil: readable in a failure message, and no force-unwrap to crash the run.
    private func resolved(_ extractor: ActorExtractor, _ name: String, _ type: ActorType?) -> String? {
        extractor.resolve(declared: name, as: type).map { "\($0.name) (\($0.type.rawValue))" }
    }

    @Test("a declared type is kept when the gazetteer does not know the name")
    func declaredTypeKept() {
        let extractor = ActorExtractor()
        #expect(resolved(extractor, "Ines  Marlow", .person) == "Ines Marlow (person)")
        #expect(resolved(extractor, "Valley Rail Company", .organization) == "Valley Rail Company (organization)")
    }

    @Test("the gazetteer wins over the page: a declared place that is a country is the country")
    func gazetteerWins() {
        let extractor = ActorExtractor()
        #expect(resolved(extractor, "Deutschland", .location) == "Germany (country)")
        #expect(resolved(extractor, "NATO", .person)?.hasSuffix("(organization)") == true)
    }

    @Test("the user's dictionary wins over the page, and its bans hold")
    func dictionaryWins() throws {
        let dictionary = try ActorDictionary(parsing: "organization: Marlow Freight = Marlow\nban: Breaking News\n")
        let extractor = ActorExtractor(dictionary: dictionary)
        #expect(resolved(extractor, "Marlow Freight", .person) == "Marlow Freight (organization)")
        #expect(resolved(extractor, "Breaking News", .organization) == nil)
    }

    @Test("a named thing (a topic) counts only when the gazetteer knows it")
    func thingsNeedTheGazetteer() {
        let extractor = ActorExtractor()
        #expect(resolved(extractor, "Climate change", nil) == nil)
        #expect(resolved(extractor, "Japan", nil) == "Japan (country)")
    }

    @Test("place names are not people", arguments: [
        "Lake Berryessa", "Bay Area", "Silicon Valley", "Gulf Coast", "Mount Kenya", "Grand Canyon", "Cape Cod", "Port Averly",
        "Puerto Llano",
    ])
    func placeNamesAreNotPeople(_ place: String) {
        let body = "Firefighters worked through the night near \(place) on Tuesday. The fire near \(place) spread quickly, officials said."
        let found = ActorExtractor().extract(title: "", body: body)
        #expect(!found.contains { $0.type == .person }, "\(found.map { "\($0.name) \($0.type)" })")
    }

    @Test("people whose names look like nothing special stay people")
    func peopleStayPeople() {
        let body = "Mara Lindqvist said on Tuesday that the line would reopen. Lindqvist added that buses would run until then."
        let found = ActorExtractor().extract(title: "", body: body)
        #expect(found.contains { $0.name == "Mara Lindqvist" && $0.type == .person })
    }
}
