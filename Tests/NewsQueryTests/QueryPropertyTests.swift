import NewsAnalysis
import PropertyBased
import Testing

@testable import NewsQuery

/// Thousands of random strings through parse and compile: never a crash, and every MATCH text is
/// valid FTS5 whose phrases map back to the query's clauses.
@Suite struct QueryPropertyTests {
    /// Pieces of query syntax, mostly ASCII, with the characters that have meaning to us or to FTS5.
    static let pieces: [String] = [
        "a", "b", "nato", "defense", "Japan's", "U.S.", "1,000", "OR", "AND", "NOT", "or", "NEAR", "NEAR/3",
        "-", "*", "(", ")", "\"", "“", "”", "„", "«", ":", "title:", "body:", "source:", "actor:", "date:",
        "after:", "before:", "since:", "2025", "2025-04", "2025-04-01", "..", "^", "{", "}", "+", "'", ",", ".",
        " ", " ", " ", " ", "\t", "\n", "\u{0}", "\u{7F}", "—", "😀", "👩‍👩‍👧", "日本", "Čapek", "\u{301}",
        "\u{200B}", "\u{FEFF}", "\u{202E}", "\"\"", "\\",
    ]

    static let syntaxHeavy = Gen<String?>.element(of: pieces).map { $0! }.array(of: 0...40).map { $0.joined() }

    static let anyScalar = Gen<UInt32>.value(in: 0...0x10FFFF).map { Unicode.Scalar($0) ?? "\u{FFFD}" }
    static let arbitraryUnicode = anyScalar.array(of: 0...60).map { String(String.UnicodeScalarView($0)) }

    static let asciiNoise = Gen<UInt8>.value(in: 0...127).map { Character(Unicode.Scalar($0)) }.string(of: 0...80)

    @Test func syntaxHeavyStringsCompileToValidFTS5() async {
        await propertyCheck(count: 3_000, input: Self.syntaxHeavy) { input in
            verifyCompiles(input)
        }
    }

    @Test func arbitraryUnicodeCompilesToValidFTS5() async {
        await propertyCheck(count: 2_000, input: Self.arbitraryUnicode) { input in
            verifyCompiles(input)
        }
    }

    @Test func asciiNoiseCompilesToValidFTS5() async {
        await propertyCheck(count: 2_000, input: Self.asciiNoise) { input in
            verifyCompiles(input)
        }
    }

    /// Found by the fuzzer: a doubly excluded `-OR` became the term "OR", which displayed as an operator.
    @Test func fuzzRegressionOperatorWordReadsBack() {
        let input =
            "(()0-(d[ e) NEAR(a((((-(((( -OR((&(-(((((- OR((&(-((((\u{FFFD} OR !\0\0\0(\u{FFFD} OR !\0\0\0(- OR((&(-((((("
            + "- OR(((- OR((&(-(((((- OR((&(-((((- OR A(D"
        let root = QueryParser().parse(input).root!
        #expect(QueryParser().parse(root.displayText).root == root)
        verifyCompiles(input)
    }

    /// Found by the fuzzer: excluding a word that starts with '-' displayed as `---word`, a plain word.
    @Test func fuzzRegressionExcludedDashWordReadsBack() {
        let root = QueryParser().parse("a NOT --date:1").root!
        #expect(root == .and([t("a"), .not(t("--date:1"))]))
        #expect(root.displayText == "a NOT --date:1")
        #expect(QueryParser().parse(root.displayText).root == root)
    }

    /// Found by the property below: a prefix too short to expand (`U.S.^.*`) became the word `U.S.^.`,
    /// which read back as a boost and lost its `^.`.
    @Test func aShortPrefixWithACaretReadsBack() {
        for input in ["U.S.^.*", "x^2*", "U.S.^.", "defense^2"] {
            let root = QueryParser().parse(input).root!
            #expect(QueryParser().parse(root.displayText).root == root, "\(input) → \(root.displayText)")
        }
    }

    @Test func displayTextParsesBackToTheSameTree() async {
        await propertyCheck(count: 2_000, input: Self.syntaxHeavy) { input in
            let query = QueryParser().parse(input)
            guard let root = query.root else { return }
            #expect(QueryParser().parse(root.displayText).root == root, "\(input.debugDescription) → \(root.displayText)")
        }
    }
}

func verifyCompiles(_ input: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let analyzer = Analyzer()
    let query = QueryParser(analyzer: analyzer).parse(input)
    let clauses = query.positiveClauses
    #expect(query.warnings.count <= QueryParser.maximumWarnings, sourceLocation: sourceLocation)
    let tokenizes = { (text: String, prefix: Bool) in
        !analyzer.tokens(in: text, mode: prefix ? .prefixQuery : .query).isEmpty
    }
    for mode in MatchMode.allCases {
        guard let match = MatchExpression(query, mode: mode, analyzer: analyzer) else {
            // Nothing to match only when there is no positive clause.
            #expect(clauses.isEmpty, "\(input.debugDescription)", sourceLocation: sourceLocation)
            continue
        }
        let phrases = try? MatchExpressionValidator.phraseCount(in: match.text, tokenizes: tokenizes)
        #expect(phrases == match.phraseClauses.count, "\(input.debugDescription) → \(match.text)", sourceLocation: sourceLocation)
        // Every clause is somewhere in the MATCH, and nothing else is.
        #expect(
            Set(match.phraseClauses.filter { $0 >= 0 }) == Set(clauses.indices),
            "\(input.debugDescription) → \(match.text) \(match.phraseClauses)", sourceLocation: sourceLocation)
    }
    if let exclusion = MatchExpression.exclusion(of: query, analyzer: analyzer) {
        let phrases = try? MatchExpressionValidator.phraseCount(in: exclusion.text, tokenizes: tokenizes)
        #expect(phrases == exclusion.phraseClauses.count, sourceLocation: sourceLocation)
        #expect(exclusion.phraseClauses.allSatisfy { $0 == -1 }, sourceLocation: sourceLocation)
    }
    for clause in clauses {
        let match = MatchExpression(clause: clause, analyzer: analyzer)
        #expect(match.map { MatchExpressionValidator.isValid($0.text) } == true, sourceLocation: sourceLocation)
    }
}
