import Testing
@testable import NewsAnalysis

/// Exact token streams: each token is written `term@position[start..<end]`, with `+` when colocated
/// (``Token/description``), so term, position, byte range and colocation are checked together.
struct AnalyzerTokenTests {
    static func described(_ text: String, _ mode: AnalysisMode = .document) -> [String] {
        Analyzer().tokens(in: text, mode: mode).map(\.description)
    }

    @Test(arguments: [
        // Folding: case, diacritics, full-width forms (byte ranges are the original bytes).
        ("Čapek", ["capek@0[0..<6]"]),
        ("Zürich", ["zurich@0[0..<7]"]),
        ("ＮＡＴＯ", ["nato@0[0..<12]"]),
        ("Straße São", ["strass@0[0..<7]", "sao@1[8..<12]"]),
        // Possessives with either apostrophe.
        ("Japan's army", ["japan@0[0..<7]", "armi@1[8..<12]"]),
        ("NATO’s", ["nato@0[0..<8]"]),
        ("allies' plans", ["alli@0[0..<6]", "plan@1[8..<13]"]),
        ("don't", ["dont@0[0..<5]"]),
        // Compounds: parts at consecutive positions, joined form colocated with the first part.
        ("defense-industrial base", [
            "defens@0[0..<7]", "defenseindustri@0[0..<18]+", "industri@1[8..<18]", "base@2[19..<23]",
        ]),
        ("Indo-Pacific", ["indo@0[0..<4]", "indopacif@0[0..<12]+", "pacif@1[5..<12]"]),
        ("Euro-Atlantic", ["euro@0[0..<4]", "euroatlant@0[0..<13]+", "atlant@1[5..<13]"]),
        ("dual-use", ["dual@0[0..<4]", "dualus@0[0..<8]+", "use@1[5..<8]"]),
        ("land/sea", ["land@0[0..<4]", "landsea@0[0..<8]+", "sea@1[5..<8]"]),
        ("F-35", ["f@0[0..<1]", "f35@0[0..<4]+", "35@1[2..<4]"]),
        ("Indo‐Pacific", ["indo@0[0..<4]", "indopacif@0[0..<14]+", "pacif@1[7..<14]"]),  // U+2010
        // Dotted acronyms, with the final dot in the range; sentence ends do not glue.
        ("U.S. troops", ["us@0[0..<4]", "troop@1[5..<11]"]),
        ("the U.K", ["the@0[0..<3]", "uk@1[4..<7]"]),
        ("N.A.T.O. summit", ["nato@0[0..<8]", "summit@1[9..<15]"]),
        ("the end. Next", ["the@0[0..<3]", "end@1[4..<7]", "next@2[9..<13]"]),
        ("the end.Next", ["the@0[0..<3]", "end@1[4..<7]", "next@2[8..<12]"]),
        // Numbers.
        ("1,000 troops", ["1000@0[0..<5]", "troop@1[6..<12]"]),
        ("1,234,567.89", ["1234567.89@0[0..<12]"]),
        ("3.5 percent", ["3.5@0[0..<3]", "percent@1[4..<11]"]),
        ("1,2", ["1@0[0..<1]", "2@1[2..<3]"]),
        ("2025-04-10", ["2025@0[0..<4]", "2025-04-10@0[0..<10]+", "04@1[5..<7]", "10@2[8..<10]"]),
        // Spelling variants and single-word synonyms are rewrites, not additions.
        ("defence programme", ["defens@0[0..<7]", "program@1[8..<17]"]),
        ("USA", ["us@0[0..<3]"]),
        // Multi-word synonyms: the canonical term colocated with the last word, spanning both.
        ("United States Army", ["unit@0[0..<6]", "state@1[7..<13]", "us@1[0..<13]+", "armi@2[14..<18]"]),
        ("North Korea", ["north@0[0..<5]", "korea@1[6..<11]", "dprk@1[0..<11]+"]),
        ("artificial  intelligence", ["artifici@0[0..<10]", "intellig@1[12..<24]", "ai@1[0..<24]+"]),
        ("United, States", ["unit@0[0..<6]", "state@1[8..<14]"]),
        // CJK: bigrams, a lone character stays a unigram, scripts split.
        ("日本の防衛", ["日本@0[0..<6]", "の@1[6..<9]", "防衛@2[9..<15]"]),
        ("NATO加盟国", ["nato@0[0..<4]", "加盟@1[4..<10]", "盟国@2[7..<13]"]),
        ("한국 국방부", ["한국@0[0..<6]", "국방@1[7..<13]", "방부@2[10..<16]"]),
        // URLs and e-mail addresses: whole, then host parts (own ranges) at the next positions.
        ("see https://www.Reuters.com/world/x. Then", [
            "see@0[0..<3]", "https://www.reuters.com/world/x@1[4..<35]", "reuter@2[16..<23]", "com@3[24..<27]",
            "then@4[37..<41]",
        ]),
        ("www.nato.int", ["www.nato.int@0[0..<12]", "nato@1[4..<8]", "int@2[9..<12]"]),
        ("Press@State.gov.", [
            "press@state.gov@0[0..<15]", "press@1[0..<5]", "state@2[6..<11]", "gov@3[12..<15]",
        ]),
    ])
    func documentTokens(text: String, expected: [String]) {
        #expect(Self.described(text) == expected)
    }

    @Test(arguments: [
        // Query mode adds nothing: compounds are phrases of their parts, no synonyms.
        ("defense-industrial", ["defens@0[0..<7]", "industri@1[8..<18]"]),
        ("United States", ["unit@0[0..<6]", "state@1[7..<13]"]),
        ("2025-04-10", ["2025@0[0..<4]", "04@1[5..<7]", "10@2[8..<10]"]),
    ])
    func queryTokens(text: String, expected: [String]) {
        #expect(Self.described(text, .query) == expected)
    }

    @Test(arguments: [
        // The last token of a prefix query is cut back to what word and stem share, never stemmed further.
        ("defense", ["defens@0[0..<7]"]),
        ("policy", ["polic@0[0..<6]"]),
        ("defence", ["defens@0[0..<7]"]),
        ("running indus", ["run@0[0..<7]", "indus@1[8..<13]"]),
        ("nato", ["nato@0[0..<4]"]),
    ])
    func prefixQueryTokens(text: String, expected: [String]) {
        #expect(Self.described(text, .prefixQuery) == expected)
    }
}
