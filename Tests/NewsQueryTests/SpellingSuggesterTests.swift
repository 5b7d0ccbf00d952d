import NewsAnalysis
import Testing

@testable import NewsQuery

@Suite struct SpellingSuggesterTests {
    static let vocabulary: [(term: String, documentCount: Int)] = [
        ("defense", 120), ("defence", 30), ("fence", 8), ("industrial", 50), ("industry", 70), ("nato", 90),
        ("rutte", 20), ("trade", 40), ("grade", 5), ("trader", 2), ("japan", 60), ("čapek", 3),
    ]

    static let rows: [(typed: String, expected: [String])] = [
        ("defnse", ["defense"]),  // a real word one edit away
        ("defenze", ["defense", "defence"]),  // both one edit away: the more frequent first
        ("defense", []),  // known words get nothing
        ("industrail", ["industrial"]),  // a swap of neighbours is one edit
        ("nto", ["nato"]),
        ("rade", ["trade", "grade"]),  // same distance: the more frequent first
        ("xq", []),  // too short to guess
        ("capek", ["čapek"]),  // beyond a-z: found in the vocabulary pass
        ("industrx", ["industry"]),
        ("graderx", ["grade", "trader"]),  // vocabulary pass: two edits each, the more frequent first
        ("zzzzzzz", []),
    ]

    @Test(arguments: rows) func suggestsCloseFrequentWords(_ typed: String, _ expected: [String]) {
        let suggester = SpellingSuggester(vocabulary: Self.vocabulary) { $0.lowercased() }
        #expect(suggester.suggestions(for: typed, limit: 2) == expected)
    }

    @Test func comparesInTheAnalysedForm() {
        // The vocabulary holds stems; the closure maps typed words to the same form.
        let stems: [(term: String, documentCount: Int)] = [("defens", 10), ("industri", 5)]
        let suggester = SpellingSuggester(vocabulary: stems) { word in
            word.lowercased().hasSuffix("e") ? String(word.lowercased().dropLast()) : word.lowercased()
        }
        // A readable word when one edit finds it; the stem when only the vocabulary pass does.
        #expect(suggester.suggestions(for: "Defnse") == ["defense"])
        #expect(suggester.suggestions(for: "defnsx") == ["defens"])
        #expect(suggester.suggestions(for: "DEFENSE").isEmpty)
        let none = SpellingSuggester(vocabulary: stems) { _ in nil }
        #expect(none.suggestions(for: "defnse").isEmpty)
    }

    @Test func defaultAnalysisUsesTheAnalyzer() {
        let suggester = SpellingSuggester(vocabulary: [("japan", 3)])
        #expect(suggester.suggestions(for: "Japn's") == ["japan's"])  // the typed word, corrected
        #expect(suggester.suggestions(for: "japan", limit: 0).isEmpty)
    }

    @Test func leavesWordsTheAnalyzerSplitsOrShortensAlone() {
        // Each would be "corrected" in one part, punctuation kept: "eu-mail", "co+", "9/1l".
        let suggester = SpellingSuggester(vocabulary: [("eu", 40), ("co", 30), ("mail", 5), ("nato", 9), ("11", 3)])
        for typed in ["e-mail", "C++", "9/11", "x", "xi"] {
            #expect(suggester.suggestions(for: typed).isEmpty, "\(typed)")
        }
        #expect(suggester.suggestions(for: "ntao") == ["nato"])
    }

    static let distances: [(String, String, Int?)] = [
        ("abc", "abc", 0), ("abc", "acb", 1), ("abc", "abd", 1), ("abc", "ab", 1), ("abc", "xabc", 1),
        ("ca", "abc", nil), ("kitten", "sitting", nil), ("", "ab", 2), ("", "abc", nil),
    ]

    @Test(arguments: distances) func boundedDamerauLevenshtein(_ a: String, _ b: String, _ expected: Int?) {
        #expect(SpellingSuggester.distance(Array(a.unicodeScalars), Array(b.unicodeScalars), atMost: 2) == expected)
    }
}
