import Testing
@testable import NewsAnalysis

@Test func possessivesAndCompounds() {
    let terms = Analyzer().tokens(in: "Japan's defense-industrial base").map(\.term)
    #expect(terms == ["japan", "defense", "defenseindustrial", "industrial", "base"])
}
