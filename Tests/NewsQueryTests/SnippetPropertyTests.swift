import NewsAnalysis
import PropertyBased
import Testing

@testable import NewsQuery

/// Snippet highlights over generated articles: each marked span is a query word, and each query word
/// in the snippet is marked, whatever the paragraphs, line endings and scripts around it.
@Suite struct SnippetPropertyTests {
    static let words: [String] = [
        "defense", "Defence", "industrial", "defence-industrial", "Defense-Industrial", "NATO", "NATO’s", "Japan's",
        "“quoted”", "\"plain\"", "cafe\u{301}", "Čapek", "😀", "👩‍👩‍👧", "日本の防衛産業協力", "防衛", "U.S.", "US",
        "United States", "united", "states", "North Korea", "DPRK", "artificial intelligence", "AI", "ＮＡＴＯ",
        "officials", "said", "the", "a", "shipyard", "1,000", "2025-04-10", "drones.", "(minister)", "Rutte",
    ]
    static let separators: [String] = [
        " ", " ", " ", " ", "  ", "   ", "\n", "\n\n", "\r\n", "\r\n\r\n", "\t", " \n ", "\n\n\n", ". ", ", ", ".\n\n",
    ]
    static let queryWords: [String] = [
        "defense", "industrial", "nato", "japan", "us", "cafe", "capek", "防衛産業", "korea", "states", "united",
        "united states", "\"defense industrial\"", "dprk", "ai", "artificial intelligence", "officials", "rutte",
        "shipyard*", "def*", "north korea", "quoted", "drones", "1000",
    ]

    static let article = Gen<Int>.int(in: 0...(words.count * separators.count - 1))
        .map { words[$0 / separators.count] + separators[$0 % separators.count] }
        .array(of: 1...120).map { $0.joined() }
    static let query = Gen<Int>.int(in: 0...(queryWords.count - 1)).map { queryWords[$0] }
        .array(of: 1...3).map { $0.joined(separator: " ") }
    static let windows = Gen<Int>.int(in: 3...40)

    @Test func highlightsAreExactlyTheQueryWords() async {
        await propertyCheck(count: 1_500, input: Self.article, Self.query, Self.windows) { text, queryText, window in
            Self.verify(text: text, query: queryText, window: window)
        }
    }

    /// The windows slide, counting only the positions that leave and enter; every window scored afresh
    /// (a set of its terms, as FTS5's `snippet()` scores) must pick the same one.
    @Test func slidingWindowsPickWhatFreshCountsPick() async {
        let positions = Gen<Int>.int(in: -3...3).map { $0 < 0 ? nil : $0 }.array(of: 1...90)
        let starts = Gen<Int>.int(in: 0...4).array(of: 90...90)
        await propertyCheck(count: 2_000, input: positions, starts, Gen<Int>.int(in: 0...35)) { terms, sentences, window in
            let startsSentence = { (start: Int) in sentences[start] == 0 }
            var fresh = (score: -1, start: 0)
            for start in terms.indices {
                let end = min(start + window, terms.count)
                var seen = Set<Int>()
                var repeats = 0
                for index in start..<end {
                    if let term = terms[index], !seen.insert(term).inserted { repeats += 1 }
                }
                let score = seen.count * 1000 + repeats + (startsSentence(start) ? 100 : 0) + (start == 0 ? 50 : 0)
                if score > fresh.score { fresh = (score, start) }
                if end == terms.count, start > 0, score < fresh.score { break }
            }
            let sliding = SnippetSelector.bestWindow(terms: terms, windowTokens: window, startsSentence: startsSentence)
            #expect(sliding.score == fresh.score && sliding.start == fresh.start, "\(terms) window \(window)")
        }
    }

    /// The sample corpus's case: every paragraph joined into the snippet shifted the later marks by one.
    @Test func paragraphBreaksDoNotShiftHighlights() {
        let text = "Defence Industry Minister Pat Conroy said the deal.\n\nIn Tokyo, Defense Minister Gen Nakatani"
            + " welcomed it.\n\nA defence-industrial base\r\nfor defense industrial work."
        Self.verify(text: text, query: "defense industrial", window: 60)
        let snippet = SnippetSelector(matcher: TermMatcher(query: QueryParser().parse("defense")), windowTokens: 60)
            .snippet(of: text)
        let marked = snippet.highlights.map { Self.substring(snippet.text, $0) }
        #expect(marked == ["Defence", "Defense", "defence", "defense"])
    }

    /// A phrase's words are marked where the phrase stands, not wherever one of them does: "price"
    /// alone is no match of `"crude oil prices"`, nor "operates" of `co-operation`.
    @Test func phraseWordsAreMarkedOnlyInThePhrase() {
        let text = "The contract price rose. Crude oil prices fell as crude stocks grew and oil demand eased."
        let snippet = SnippetSelector(matcher: TermMatcher(query: QueryParser().parse(#""crude oil prices""#)), windowTokens: 60)
            .snippet(of: text)
        #expect(snippet.highlights.map { Self.substring(snippet.text, $0) } == ["Crude", "oil", "prices"])
        let matcher = TermMatcher(query: QueryParser().parse("co-operation shipyard"))
        let body = "It operates a shipyard. Co-operation grew, and closer cooperation followed."
        #expect(matcher.highlights(in: body).map { Self.substring(body, $0) } == ["shipyard", "Co", "operation"])
        // A synonym's other form is a sequence too: `us` stands on "States" and reaches over "United";
        // "army" alone is not marked.
        let synonym = TermMatcher(query: QueryParser().parse(#""us army""#))
        let army = "The United States Army said the army would stay."
        #expect(synonym.highlights(in: army).map { Self.substring(army, $0) } == ["United States", "Army"])
    }

    /// A body that is one enormous word (a pasted blob) costs time in proportion to its length.
    @Test func aLongWordIsSnippetedInLinearTime() {
        let word = String(repeating: "y", count: 200_000)
        let start = ContinuousClock.now
        let snippet = SnippetSelector(matcher: TermMatcher(query: QueryParser().parse("harbour")))
            .snippet(of: "The harbour\n\n" + word + "\n\nend.")
        #expect(ContinuousClock.now - start < .seconds(2))
        #expect(snippet.highlights == [4..<11])
        #expect(snippet.text.utf8.count <= SnippetSelector.maximumBytes + 10)
    }

    static func substring(_ text: String, _ range: Range<Int>) -> String {
        let scalars = Array(text.unicodeScalars)
        guard range.lowerBound >= 0, range.upperBound <= scalars.count else { return "<out of range \(range)>" }
        return String(String.UnicodeScalarView(scalars[range]))
    }

    static func verify(text: String, query queryText: String, window: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        let analyzer = Analyzer()
        let matcher = TermMatcher(query: QueryParser().parse(queryText), analyzer: analyzer)
        let snippet = SnippetSelector(matcher: matcher, windowTokens: window, analyzer: analyzer).snippet(of: text)
        let scalars = Array(snippet.text.unicodeScalars)
        // Every term of every clause: a phrase's words are marked only together, in the phrase.
        let query = QueryParser().parse(queryText)
        var queryTerms = Set<String>()
        for clause in query.positiveClauses {
            guard let (clauseText, mode) = clause.analyzedText else { continue }
            let alternatives = MatchCompiler.alternatives(of: clause, text: clauseText, pairs: SynonymPairs.alternatives(in: query.root, analyzer: analyzer), analyzer: analyzer)
            for text in [clauseText] + alternatives { queryTerms.formUnion(analyzer.tokens(in: text, mode: mode).map(\.term)) }
        }
        for range in snippet.highlights {
            let span = substring(snippet.text, range)
            let terms = analyzer.tokens(in: span).map(\.term)
            #expect(
                terms.contains { matcher.termIndex(of: $0) != nil || queryTerms.contains($0) },
                "highlight \(range) '\(span)' (terms \(terms)) is no word of '\(queryText)' in '\(snippet.text)'",
                sourceLocation: sourceLocation)
        }
        // Byte offsets of the snippet's tokens to scalar offsets, to compare with the highlights.
        let utf8 = Array(snippet.text.utf8)
        var scalarAt = [Int](repeating: 0, count: utf8.count + 1)
        var count = 0
        for index in utf8.indices {
            scalarAt[index] = count
            if utf8[index] & 0xC0 != 0x80 { count += 1 }
        }
        scalarAt[utf8.count] = scalars.count
        for token in analyzer.tokens(in: snippet.text) where matcher.termIndex(of: token.term) != nil {
            let range = scalarAt[token.byteRange.lowerBound]..<scalarAt[token.byteRange.upperBound]
            // A colocated variant may span words whose own tokens are marked one by one.
            let covered = snippet.highlights.contains { $0.contains(range.lowerBound) && range.upperBound <= $0.upperBound }
                || (token.isColocated && snippet.highlights.contains { $0.overlaps(range) })
            #expect(
                covered, "'\(substring(snippet.text, range))' (\(token.term)) is not marked in '\(snippet.text)' \(snippet.highlights) for '\(queryText)'",
                sourceLocation: sourceLocation)
        }
    }
}
