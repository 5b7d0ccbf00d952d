import NewsAnalysis
import Testing

@testable import NewsQuery

/// Input a person might type by accident, or a script might send: never a failure, always a sensible
/// query and a warning that says what was done.
@Suite struct MessyQueryTests {
    static let rows: [ParseCase] = [
        ParseCase(input: "", root: nil, match: nil),
        ParseCase(input: " \t\n ", root: nil, match: nil),
        ParseCase(input: #""unclosed phrase"#, root: p("unclosed phrase"), match: #""unclosed phrase""#, warnings: [.unbalancedQuote]),
        ParseCase(input: #"a "b"#, root: .and([t("a"), p("b")]), match: #""a" AND "b""#, warnings: [.unbalancedQuote]),
        ParseCase(input: "(a b", root: .and([t("a"), t("b")]), match: #""a" AND "b""#, warnings: [.unbalancedParenthesis]),
        ParseCase(input: "a b)", root: .and([t("a"), t("b")]), match: #""a" AND "b""#, warnings: [.unbalancedParenthesis]),
        ParseCase(input: ")(", root: nil, match: nil, warnings: [.unbalancedParenthesis, .unbalancedParenthesis]),
        ParseCase(input: "()", root: nil, match: nil),
        ParseCase(input: "OR a", root: t("a"), match: #""a""#, warnings: [.loneOperator]),
        ParseCase(input: "a OR", root: t("a"), match: #""a""#, warnings: [.loneOperator]),
        ParseCase(input: "a OR OR b", root: .or([t("a"), t("b")]), match: #""a" OR "b""#, warnings: [.loneOperator]),
        ParseCase(input: "OR", root: nil, match: nil, warnings: [.loneOperator]),
        ParseCase(input: "AND", root: nil, match: nil, warnings: [.loneOperator]),
        ParseCase(input: "NOT", root: nil, match: nil, warnings: [.loneOperator]),
        ParseCase(input: "a NOT", root: t("a"), match: #""a""#, warnings: [.loneOperator]),
        ParseCase(input: "(a OR) b", root: .and([t("a"), t("b")]), match: #""a" AND "b""#, warnings: [.loneOperator]),
        ParseCase(input: "-", root: nil, match: nil, warnings: [.noSearchableText]),
        ParseCase(input: "a - b", root: .and([t("a"), t("b")]), match: #""a" AND "b""#, warnings: [.noSearchableText]),
        ParseCase(input: "*", root: nil, match: nil, warnings: [.noSearchableText]),
        ParseCase(input: ":", root: nil, match: nil, warnings: [.noSearchableText]),
        ParseCase(input: "^", root: nil, match: nil, warnings: [.noSearchableText]),
        ParseCase(input: #""""#, root: nil, match: nil, warnings: [.noSearchableText]),
        ParseCase(input: "&&", root: nil, match: nil, warnings: [.noSearchableText]),
        ParseCase(input: #"a "..." b"#, root: .and([t("a"), t("b")]), match: #""a" AND "b""#, warnings: [.noSearchableText]),
        ParseCase(input: "^a", root: t("^a"), match: #""^a""#),
        ParseCase(input: "NEAR", root: t("NEAR"), match: #""NEAR""#, warnings: [.unsupportedSyntax]),
        ParseCase(
            input: "a NEAR/3 b", root: .and([t("a"), t("NEAR/3"), t("b")]), match: #""a" AND "NEAR/3" AND "b""#,
            warnings: [.unsupportedSyntax]),
        ParseCase(input: "foo:bar", root: t("foo:bar"), match: #""foo:bar""#),
        ParseCase(input: #"foo:"bar baz""#, root: .and([t("foo:"), p("bar baz")]), match: #""foo:" AND "bar baz""#),
        ParseCase(input: "a OR -b", root: t("a"), match: #""a""#, warnings: [.exclusionInOr]),
        ParseCase(input: "-source:Reuters", root: nil, match: nil, warnings: [.negatedFilter]),
        ParseCase(input: "a -(b source:x)", root: .and([t("a"), .not(t("b"))]), match: #""a" NOT "b""#, warnings: [.negatedFilter]),
        ParseCase(input: "source:", root: nil, match: nil, warnings: [.emptyFilter]),
        ParseCase(input: #"source:"""#, root: nil, match: nil, warnings: [.emptyFilter]),
        ParseCase(input: "title:", root: nil, match: nil, warnings: [.emptyFilter]),
        ParseCase(input: "date:yesterday", root: nil, match: nil, warnings: [.invalidDate]),
        ParseCase(input: "after:2025-13", root: nil, match: nil, warnings: [.invalidDate]),
        ParseCase(input: "date:..", root: nil, match: nil, warnings: [.invalidDate]),
        ParseCase(input: "date:2025..june", root: nil, match: nil, warnings: [.invalidDate]),
        ParseCase(
            input: "a OR source:x", root: t("a"), match: #""a""#, filters: QueryFilters(sources: ["x"]),
            warnings: [.filterInGroup]),
        ParseCase(input: "source:(a OR b)", root: nil, match: nil, warnings: [.unsupportedSyntax]),
        ParseCase(input: "a\u{0}b\u{7}c\u{1B}[0m", root: .and([t("a"), t("b"), t("c"), t("[0m")]), match: #""a" AND "b" AND "c" AND "[0m""#),
        ParseCase(input: "a\u{200B}b", root: .and([t("a"), t("b")]), match: #""a" AND "b""#),
        ParseCase(input: "\"a\u{0}b\"", root: p("a b"), match: #""a b""#),
        ParseCase(input: "NOT NOT a", root: t("a"), match: #""a""#),
    ]

    @Test(arguments: rows) func messyInput(_ row: ParseCase) { check(row) }

    /// Whether a dash or an emoji makes a token is the analyzer's decision; the parser follows it.
    @Test(arguments: ["—", "😀", "・"]) func symbolsFollowTheAnalyzer(_ symbol: String) {
        let query = QueryParser().parse("a \(symbol)")
        let searchable = !Analyzer().tokens(in: symbol, mode: .query).isEmpty
        #expect(query.root == (searchable ? .and([t("a"), t(symbol)]) : t("a")))
        #expect(query.warnings.map(\.kind) == (searchable ? [] : [.noSearchableText]))
    }

    @Test func onlyExclusionsHaveNoMatchButAnExclusion() {
        let query = QueryParser().parse("-china -“trade war”")
        #expect(query.isExclusionOnly)
        #expect(MatchExpression(query, mode: .all) == nil)
        let exclusion = MatchExpression.exclusion(of: query)
        #expect(exclusion?.text == #""china" OR "trade war""#)
        #expect(exclusion?.phraseClauses == [-1, -1])
    }

    @Test func deepParenthesesAreCappedNotRecursed() {
        let depth = 5_000
        let query = QueryParser().parse(String(repeating: "(", count: depth) + "a" + String(repeating: ")", count: depth))
        #expect(query.root == t("a"))
        #expect(query.warnings.map(\.kind) == [.tooDeep])
    }

    @Test func longNegationChainsAreCounted() {
        #expect(QueryParser().parse(String(repeating: "NOT ", count: 5_000) + "a").root == t("a"))
        #expect(QueryParser().parse("b " + String(repeating: "NOT ", count: 5_001) + "a").root == .and([t("b"), .not(t("a"))]))
    }

    @Test func tenThousandCharacterQueryKeepsTheFirstClauses() throws {
        let words = (0..<2_000).map { "w\($0)" }
        let input = words.joined(separator: " ")
        #expect(input.count >= 10_000)
        let query = QueryParser().parse(input)
        #expect(query.positiveClauses.count == QueryParser.maximumClauses)
        #expect(query.positiveClauses.first == t("w0"))
        #expect(query.warnings.map(\.kind) == [.tooManyClauses])
        let match = MatchExpression(query, mode: .any)!
        #expect(try MatchExpressionValidator.phraseCount(in: match.text) == QueryParser.maximumClauses)
    }

    /// A prefix costs FTS5 a merge of every term it starts: two letters are searched as their word, and
    /// prefixes past the eighth are too, each with a note.
    @Test func prefixesAreBoundedInLengthAndNumber() {
        let short = QueryParser().parse("st* industr*")
        #expect(short.root == .and([t("st"), t("industr", prefix: true)]))
        #expect(short.warnings.map(\.kind) == [.shortPrefix])
        #expect(short.warnings.first?.message.contains("searched as the word 'st'") == true)
        let many = QueryParser().parse((0..<12).map { "pre\($0)x*" }.joined(separator: " OR "))
        let prefixes = many.positiveClauses.flatMap { clause -> [QueryNode] in
            if case .or(let children) = clause { children } else { [clause] }
        }
        #expect(prefixes.count == 12)
        #expect(prefixes.prefix(8).allSatisfy { if case .term(_, true, _) = $0 { true } else { false } })
        #expect(prefixes.dropFirst(8).allSatisfy { if case .term(_, false, _) = $0 { true } else { false } })
        #expect(many.warnings.map(\.kind) == [.tooManyPrefixes])
        #expect(QueryParser().parse("abc*").warnings.isEmpty)
    }

    /// `"clim*"` is the phrase "clim": it found nothing, silently. The note says where the star works.
    @Test func aStarInsideQuotesIsNamed() {
        let query = QueryParser().parse(#""climate chang*" drought"#)
        #expect(query.root == .and([p("climate chang*"), t("drought")]))
        #expect(query.warnings.map(\.kind) == [.unsupportedSyntax])
        #expect(query.warnings.first?.message.contains("'chang*'") == true)
        #expect(QueryParser().parse(#""5 * 3""#).warnings.isEmpty)
    }

    @Test func manyExclusionsStayWithinFTS5Depth() throws {
        let input = "a " + (0..<300).map { "-x\($0)" }.joined(separator: " ")
        let query = QueryParser().parse(input)
        let match = MatchExpression(query, mode: .all)!
        #expect(match.text.hasPrefix(#""a" NOT ("x0" OR "x1" OR"#))
        #expect(try MatchExpressionValidator.phraseCount(in: match.text) == 256)
    }

    @Test func warningsAreCappedAndNotRepeated() {
        let query = QueryParser().parse(String(repeating: "OR ) * ", count: 1_000))
        #expect(query.root == nil)
        #expect(Set(query.warnings.map(\.kind)) == [.loneOperator, .unbalancedParenthesis, .noSearchableText])
        #expect(query.warnings.count == 3)
    }

    static let messages: [(String, [String])] = [
        ("a)", ["')' without a matching '('; ignored"]),
        ("(a", ["'(' without a matching ')'; closed at the end"]),
        ("AND a", ["AND needs a word on each side; ignored"]),
        ("a OR", ["OR needs a word on each side; ignored"]),
        ("a NOT", ["NOT needs a word after it; ignored"]),
        (#"a """#, ["empty quotes were ignored"]),
        ("source:(a OR b)", ["source:( … ) is not supported; write source:a OR source:b"]),
        ("date:..", ["'date:..' is not a date or range (2025, 2025-04..2025-06, 2025-04.., ..2025-06); ignored"]),
        ("actor:", [#"'actor:' needs a value, e.g. actor:"Mark Rutte"; ignored"#]),
        ("before:", ["'before:' needs a value, e.g. before:2025-04-01; ignored"]),
        (String(repeating: "(", count: 40) + "a", [
            "parentheses nested deeper than 32 were ignored", "'(' without a matching ')'; closed at the end",
        ]),
        ((0...QueryParser.maximumClauses).map { "w\($0)" }.joined(separator: " "), [
            "only the first 256 words and phrases are searched"
        ]),
    ]

    @Test(arguments: messages) func everyWarningHasAnActionableMessage(_ input: String, _ expected: [String]) {
        #expect(QueryParser().parse(input).warnings.map(\.message) == expected)
    }

    @Test func warningMessagesNameTheProblemAndTheFix() {
        let messages = QueryParser().parse(#"date:junk source: -actor:Rutte "open"#).warnings.map(\.message)
        #expect(messages == [
            "'date:junk' is not a date or range (2025, 2025-04..2025-06, 2025-04.., ..2025-06); ignored",
            #"'source:' needs a value, e.g. source:"Japan Times"; ignored"#,
            "excluding with -actor: is not supported; 'actor:Rutte' was ignored",
            "a quote was not closed; the phrase runs to the end of the query",
        ])
        let more = QueryParser().parse("after:2025-99 title: ^ NEAR a OR -b x OR source:y").warnings.map(\.message)
        #expect(more == [
            "'after:2025-99' is not a date (YYYY, YYYY-MM or YYYY-MM-DD); ignored",
            "'title:' needs a word after it, e.g. title:nato; ignored",
            "'^' has no letters or digits to search for; ignored",
            "NEAR is not an operator here; searched as a word",
            "'-b' inside OR cannot exclude anything; ignored",
            "filters such as source: apply to the whole query, not to one side of OR",
        ])
        let boosted = QueryParser().parse("defense^2 industrial^1.5 x^y")
        #expect(boosted.warnings.map(\.message) == [
            "boosts such as '^2' are not supported; 'defense' searched without it",
            "boosts such as '^1.5' are not supported; 'industrial' searched without it",
        ])
        #expect(QueryParser().parse("defense^2 industrial^1.5").root == .and([t("defense"), t("industrial")]))
        let long = QueryParser().parse("date:" + String(repeating: "x", count: 100)).warnings[0].message
        #expect(long.count < 140)
    }
}
