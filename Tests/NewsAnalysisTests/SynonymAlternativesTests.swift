import Testing

@testable import NewsAnalysis

@Suite struct SynonymAlternativesTests {
    @Test(arguments: [
        ("United States army", ["us army"]), ("north korea missiles", ["dprk missiles"]), ("japan", []),
        // Overlapping tokens have no gap: no crash, no alternative (found by the query property test).
        ("日本の防衛産業", []), ("https://www.example.com/a b", []),
    ])
    func alternatives(_ text: String, _ expected: [String]) {
        #expect(Analyzer().synonymAlternatives(for: text) == expected)
    }
}
