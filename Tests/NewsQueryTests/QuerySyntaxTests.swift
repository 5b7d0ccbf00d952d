import Testing

@testable import NewsQuery
import NewsDates

/// One row of the syntax table: what a person types, the tree, the compiled MATCH (all mode),
/// the filters and the kinds of warning expected.
struct ParseCase: Sendable, CustomTestStringConvertible {
    var input: String
    var root: QueryNode?
    var match: String?
    var filters = QueryFilters()
    var warnings: [QueryWarning.Kind] = []
    var testDescription: String { input.debugDescription }
}

func t(_ text: String, prefix: Bool = false, _ field: QueryField? = nil) -> QueryNode {
    .term(text, prefix: prefix, field: field)
}
func p(_ text: String, _ field: QueryField? = nil) -> QueryNode { .phrase(text, field: field) }
func date(_ text: String) -> ArticleDate { ArticleDate(parsing: text)! }

func check(_ row: ParseCase) {
    let query = QueryParser().parse(row.input)
    #expect(query.root == row.root)
    #expect(MatchExpression(query, mode: .all)?.text == row.match)
    #expect(query.filters == row.filters)
    #expect(query.warnings.map(\.kind) == row.warnings, "\(query.warnings)")
    if let text = MatchExpression(query, mode: .all)?.text {
        #expect(throws: Never.self) { try MatchExpressionValidator.phraseCount(in: text) }
    }
}

@Suite struct QuerySyntaxTests {
    static let wordsRows: [ParseCase] = [
        ParseCase(input: "defense", root: t("defense"), match: #""defense""#),
        ParseCase(
            input: "defense industrial", root: .and([t("defense"), t("industrial")]),
            match: #""defense" AND "industrial""#),
        ParseCase(input: #""defense industrial""#, root: p("defense industrial"), match: #""defense industrial""#),
        ParseCase(input: "“defense  industrial”", root: p("defense  industrial"), match: #""defense  industrial""#),
        ParseCase(input: "„Indo-Pacific“", root: p("Indo-Pacific"), match: #""Indo-Pacific""#),
        ParseCase(input: "defense-industrial", root: t("defense-industrial"), match: #""defense-industrial""#),
        ParseCase(input: "nat*", root: t("nat", prefix: true), match: #""nat" *"#),
        ParseCase(input: "nat***", root: t("nat", prefix: true), match: #""nat" *"#),
        ParseCase(input: "a AND b", root: .and([t("a"), t("b")]), match: #""a" AND "b""#),
        // Lower-case `or` and `and` are words.
        ParseCase(input: "war or peace", root: .and([t("war"), t("or"), t("peace")]), match: #""war" AND "or" AND "peace""#),
        ParseCase(input: "a OR b", root: .or([t("a"), t("b")]), match: #""a" OR "b""#),
        ParseCase(input: "a OR b OR c", root: .or([t("a"), t("b"), t("c")]), match: #""a" OR "b" OR "c""#),
        // OR binds tighter than the implicit AND.
        ParseCase(input: "a b OR c", root: .and([t("a"), .or([t("b"), t("c")])]), match: #""a" AND ("b" OR "c")"#),
        ParseCase(input: "a OR b c", root: .and([.or([t("a"), t("b")]), t("c")]), match: #"("a" OR "b") AND "c""#),
        ParseCase(input: "a AND b OR c", root: .and([t("a"), .or([t("b"), t("c")])]), match: #""a" AND ("b" OR "c")"#),
    ]

    static let exclusionsRows: [ParseCase] = [
        ParseCase(input: "a -b", root: .and([t("a"), .not(t("b"))]), match: #""a" NOT "b""#),
        ParseCase(input: "a NOT b", root: .and([t("a"), .not(t("b"))]), match: #""a" NOT "b""#),
        ParseCase(input: #"a -"b c""#, root: .and([t("a"), .not(p("b c"))]), match: #""a" NOT "b c""#),
        ParseCase(
            input: "a -b -c d", root: .and([t("a"), .not(t("b")), .not(t("c")), t("d")]),
            match: #"("a" AND "d") NOT ("b" OR "c")"#),
        ParseCase(
            input: "-(a b) c", root: .and([.not(.and([t("a"), t("b")])), t("c")]), match: #""c" NOT ("a" AND "b")"#),
        ParseCase(input: "c -(a OR b)", root: .and([t("c"), .not(.or([t("a"), t("b")]))]), match: #""c" NOT ("a" OR "b")"#),
        ParseCase(input: "a -title:b", root: .and([t("a"), .not(t("b", .title))]), match: #""a" NOT title : "b""#),
        ParseCase(input: "a NOT NOT b", root: .and([t("a"), t("b")]), match: #""a" AND "b""#),
        ParseCase(input: "a (-b -c)", root: .and([t("a"), .not(t("b")), .not(t("c"))]), match: #""a" NOT ("b" OR "c")"#),
        // `-` only excludes at the start of a word; inside a word it is a hyphen.
        ParseCase(input: "--a", root: t("--a"), match: #""--a""#),
        ParseCase(input: "-OR", root: .not(t("or")), match: nil),
        ParseCase(input: "a -(-OR)", root: .and([t("a"), t("or")]), match: #""a" AND "or""#),
    ]

    static let groupsAndFieldsRows: [ParseCase] = [
        ParseCase(
            input: "(a OR b) (c OR d)", root: .and([.or([t("a"), t("b")]), .or([t("c"), t("d")])]),
            match: #"("a" OR "b") AND ("c" OR "d")"#),
        ParseCase(
            input: "((a b) OR c) d", root: .and([.or([.and([t("a"), t("b")]), t("c")]), t("d")]),
            match: #"(("a" AND "b") OR "c") AND "d""#),
        ParseCase(input: "(((a)))", root: t("a"), match: #""a""#),
        ParseCase(input: "a (b c)", root: .and([t("a"), .and([t("b"), t("c")])]), match: #""a" AND ("b" AND "c")"#),
        ParseCase(input: "title:nato", root: t("nato", .title), match: #"title : "nato""#),
        ParseCase(input: "Title:nato", root: t("nato", .title), match: #"title : "nato""#),
        ParseCase(input: "body:nat*", root: t("nat", prefix: true, .body), match: #"body : "nat" *"#),
        ParseCase(input: #"title:"north atlantic""#, root: p("north atlantic", .title), match: #"title : "north atlantic""#),
        ParseCase(
            input: "title:(a OR b)", root: .or([t("a", .title), t("b", .title)]), match: #"title : "a" OR title : "b""#),
        ParseCase(
            input: "title:(a -b)", root: .and([t("a", .title), .not(t("b", .title))]),
            match: #"title : "a" NOT title : "b""#),
        ParseCase(input: "title:(body:a)", root: t("a", .body), match: #"body : "a""#),
    ]

    static let filtersRows: [ParseCase] = [
        ParseCase(input: #"source:"Japan Times""#, root: nil, match: nil, filters: QueryFilters(sources: ["Japan Times"])),
        ParseCase(input: "nato source:Reuters", root: t("nato"), match: #""nato""#, filters: QueryFilters(sources: ["Reuters"])),
        ParseCase(input: "SOURCE:Reuters", root: nil, match: nil, filters: QueryFilters(sources: ["Reuters"])),
        ParseCase(input: "actor:Rutte", root: nil, match: nil, filters: QueryFilters(actors: ["Rutte"])),
        ParseCase(input: #"actor:"Mark Rutte" nato"#, root: t("nato"), match: #""nato""#, filters: QueryFilters(actors: ["Mark Rutte"])),
        ParseCase(input: "actor:“Mark Rutte”", root: nil, match: nil, filters: QueryFilters(actors: ["Mark Rutte"])),
        ParseCase(
            input: "source:a OR source:b", root: nil, match: nil, filters: QueryFilters(sources: ["a", "b"])),
        ParseCase(input: "date:2025", root: nil, match: nil, filters: QueryFilters(since: date("2025"), until: date("2025"))),
        ParseCase(
            input: "date:2025-04..2025-06", root: nil, match: nil,
            filters: QueryFilters(since: date("2025-04"), until: date("2025-06"))),
        ParseCase(input: "date:2025-04..", root: nil, match: nil, filters: QueryFilters(since: date("2025-04"))),
        ParseCase(input: "date:..2025-06", root: nil, match: nil, filters: QueryFilters(until: date("2025-06"))),
        ParseCase(
            input: "date:2025-06..2025-04", root: nil, match: nil,
            filters: QueryFilters(since: date("2025-04"), until: date("2025-06"))),
        ParseCase(input: "after:2025-04-01", root: nil, match: nil, filters: QueryFilters(since: date("2025-04-01"))),
        ParseCase(input: "since:2025-04", root: nil, match: nil, filters: QueryFilters(since: date("2025-04"))),
        ParseCase(input: "before:2025-06", root: nil, match: nil, filters: QueryFilters(until: date("2025-06"))),
        ParseCase(input: "until:2025", root: nil, match: nil, filters: QueryFilters(until: date("2025"))),
        // Bounds narrow: the later start and the earlier end win.
        ParseCase(
            input: "date:2025 after:2025-03 before:2025-06-15", root: nil, match: nil,
            filters: QueryFilters(since: date("2025-03"), until: date("2025-06-15"))),
        ParseCase(
            input: #"defense industrial actor:"Mark Rutte" source:"Japan Times" date:2025-04..2025-06"#,
            root: .and([t("defense"), t("industrial")]), match: #""defense" AND "industrial""#,
            filters: QueryFilters(
                sources: ["Japan Times"], actors: ["Mark Rutte"], since: date("2025-04"), until: date("2025-06"))),
    ]

    @Test(arguments: wordsRows) func words(_ row: ParseCase) { check(row) }
    @Test(arguments: exclusionsRows) func exclusions(_ row: ParseCase) { check(row) }
    @Test(arguments: groupsAndFieldsRows) func groupsAndFields(_ row: ParseCase) { check(row) }
    @Test(arguments: filtersRows) func filters(_ row: ParseCase) { check(row) }

    @Test func lexerKeepsLowerCaseOperatorsAsWords() {
        #expect(QueryLexer.lex("a or b OR c and d AND NOT e") == [
            .word("a"), .word("or"), .word("b"), .or, .word("c"), .word("and"), .word("d"), .and, .not, .word("e"),
        ])
    }

    @Test func displayTextReadsBackAsTheSameTree() {
        let query = QueryParser().parse(#"(a b) OR c -(d OR e) title:"f g" nat* x -y"#)
        #expect(query.root?.displayText == #"(a b) OR c -(d OR e) title:"f g" nat* x -y"#)
        #expect(QueryParser().parse(query.root!.displayText).root == query.root)
    }

    @Test func positiveClausesSkipExclusionsAndRepeats() {
        let query = QueryParser().parse(#"defense "defense industrial" -china defense OR nato*"#)
        #expect(query.positiveClauses == [t("defense"), p("defense industrial"), t("nato", prefix: true)])
        #expect(query.exclusions == [t("china")])
        #expect(!query.isExclusionOnly)
    }
}
