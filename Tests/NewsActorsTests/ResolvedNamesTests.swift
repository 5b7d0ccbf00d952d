import Testing

@testable import NewsActors

/// The input's own actor names are resolved once per extractor; a remembered answer must be the one
/// worked out afresh, whichever names came before, and the memo starts over rather than grow.
@Suite struct ResolvedNamesTests {
    @Test func rememberedAnswersAreTheFreshOnes() {
        let extractor = ActorExtractor()
        var generator = SystemRandomNumberGenerator()
        let names = ["U.S.", "united states", "NATO", "  Mark   Rutte ", "japanese", "Reuters", "Acme Corp", "IBM", "x", "", "Ministry of Defence"]
        for _ in 0..<2_000 {
            let name = names.randomElement(using: &generator)!
            let remembered = extractor.resolve(name)
            let fresh = extractor.resolveAnew(name)
            #expect(remembered == fresh, "\(name.debugDescription)")
        }
    }

    @Test func startsOverPastItsLimit() {
        let memo = ResolvedNames()
        var computed = 0
        func ask(_ name: String) {
            _ = memo.resolution(of: name) { name in
                computed += 1
                return (name, .person)
            }
        }
        ask("a")
        ask("a")
        #expect(computed == 1)
        // "a" and limit - 1 more fill it; the next name starts it over.
        for index in 0..<ResolvedNames.limit { ask("name \(index)") }
        computed = 0
        ask("a")
        #expect(computed == 1)
    }
}
