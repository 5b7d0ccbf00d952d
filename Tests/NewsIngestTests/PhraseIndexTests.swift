import Testing

@testable import NewsIngest

/// `firstMatch` tests the rules through an index; it must name the same rule as trying them in order.
struct PhraseIndexTests {
    static func linearFirstMatch(_ normalized: String) -> PhraseRule? {
        guard !normalized.isEmpty else { return nil }
        let length = normalized.characterCount
        return BoilerplatePhrases.rules.first { $0.matches(normalized, length: length) }
    }

    @Test("the indexed search finds the same first rule as the rules tried in order")
    func agreesWithLinearSearch() {
        var generator = SystemRandomNumberGenerator()
        let patterns = BoilerplatePhrases.rules.map(\.pattern)
        let filler = ["", " ", "the", "news", "a", "cookies", "ad", "é", "広告", "we use", "comment"]
        var matched = 0
        for _ in 0..<20_000 {
            var parts: [String] = []
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                parts.append(Bool.random(using: &generator)
                    ? patterns.randomElement(using: &generator)! : filler.randomElement(using: &generator)!)
            }
            // Some lines padded past the length limits of the rules they contain.
            if Int.random(in: 0..<4, using: &generator) == 0 {
                parts.append(String(repeating: "x ", count: Int.random(in: 5...200, using: &generator)))
                parts.shuffle(using: &generator)
            }
            let line = parts.joined(separator: " ").split(separator: " ").joined(separator: " ")
            let expected = Self.linearFirstMatch(line)
            let found = BoilerplatePhrases.firstMatch(line)
            #expect(found?.pattern == expected?.pattern && found?.kind == expected?.kind, "\(line.debugDescription)")
            if expected != nil { matched += 1 }
        }
        // The generator must exercise matches, not only misses.
        #expect(matched > 5_000)
    }

    @Test("an earlier rule wins over a later one the line also contains")
    func earliestRuleWins() {
        // "advertisement" (contains) comes before "we use cookies" (contains) in the rules.
        #expect(BoilerplatePhrases.firstMatch("we use cookies advertisement")?.pattern == "advertisement")
        #expect(BoilerplatePhrases.firstMatch("we use cookies on this site")?.pattern == "we use cookies")
        #expect(BoilerplatePhrases.firstMatch("nothing to see here") == nil)
    }

    @Test("a pattern cut off at either end of the line, around its rare anchor byte, is no match")
    func patternCutAtTheLineEnds() {
        // "advertisement" is found by its "v", two bytes in; "sponsored content" by its "p".
        #expect(BoilerplatePhrases.firstMatch("vertisement here") == nil)
        #expect(BoilerplatePhrases.firstMatch("an adve") == nil)
        #expect(BoilerplatePhrases.firstMatch("sponsored conten") == nil)
        #expect(BoilerplatePhrases.firstMatch("advertisement")?.pattern == "advertisement")
        #expect(BoilerplatePhrases.firstMatch("x sponsored content")?.pattern == "sponsored content")
    }
}
