import Foundation
import NewsIngest
import NewsQuery
import NewsSearchTestSupport
import Testing

@testable import NewsSearch
import NewsDates

@Suite struct SearcherTests {
    let corpus: CorpusFixture
    let searcher: Searcher

    init() throws {
        corpus = try CorpusFixture()
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        searcher = Searcher(store: store)
    }

    func search(_ text: String, _ configure: (inout SearchRequest) -> Void = { _ in }) throws -> SearchResults {
        var request = SearchRequest(text: text)
        request.dateBucket = .month
        configure(&request)
        return try searcher.search(request)
    }

    func counts(_ values: [FacetCounts.Value]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: values.map { ($0.value, $0.count) })
    }

    @Test func spellingsAndCompoundsAllMatch() throws {
        let results = try search("defense industrial")
        #expect(results.counted == .all)
        #expect(results.total == 4)
        #expect(Set(results.hits.prefix(4).map(\.id)) == ["a1", "a2", "gamma-notes/shipyards.txt", "beta/rutte-tokyo.md"])
    }

    @Test func facetsCountEveryMatch() throws {
        let results = try search("defense industrial")
        #expect(counts(results.facets.source) == ["Alpha Wire": 2, "Beta Review": 1, "Gamma Notes": 1])
        #expect(counts(results.facets.date) == ["2025-04": 2, "2025-05": 1, "unknown": 1])
        #expect(counts(results.facets.actor)["Mark Rutte"] == 3)
    }

    @Test func facetsAreDisjunctive() throws {
        let results = try search("defense industrial") { $0.filters.sources = ["Alpha Wire"] }
        #expect(results.total == 2)
        // The source facet ignores its own filter, so the user sees what widening would bring.
        #expect(counts(results.facets.source) == ["Alpha Wire": 2, "Beta Review": 1, "Gamma Notes": 1])
        #expect(counts(results.facets.date) == ["2025-04": 2])
    }

    @Test func sourceValuesOfOneFacetAreOred() throws {
        let results = try search("defense industrial") { $0.filters.sources = ["alpha wire", "beta review"] }
        #expect(results.total == 3)
    }

    @Test func actorFilterResolvesSurnamesAndCase() throws {
        let results = try search("defense industrial") { $0.filters.actors = ["rutte"] }
        #expect(results.total == 3)
        #expect(counts(results.facets.source) == ["Alpha Wire": 2, "Beta Review": 1])
    }

    @Test func dateFiltersAreInclusiveAndDropUnknownDates() throws {
        #expect(try search("defense industrial") { $0.filters.since = ArticleDate(parsing: "2025-05") }.total == 1)
        #expect(try search("defense industrial") { $0.filters.until = ArticleDate(parsing: "2025-04") }.total == 2)
        #expect(try search("defense industrial date:2025-04-10..2025-04-10").total == 1)
    }

    @Test func filtersInTheQueryCombineLikeFlags() throws {
        let inline = try search(#"defense industrial source:"Alpha Wire" actor:Rutte"#)
        let flags = try search("defense industrial") {
            $0.filters.sources = ["Alpha Wire"]
            $0.filters.actors = ["Rutte"]
        }
        #expect(inline.total == 2)
        #expect(inline.hits.map(\.id) == flags.hits.map(\.id))
    }

    @Test func newestFirstPutsUndatedLast() throws {
        let results = try search("defense industrial") { $0.sort = .newest }
        #expect(results.hits.map(\.id) == ["beta/rutte-tokyo.md", "a2", "a1", "gamma-notes/shipyards.txt"])
    }

    @Test func partialMatchesAreRankedAndSayWhatTheyLack() throws {
        let results = try search("defense budget")
        #expect(results.counted == .all)
        #expect(results.total == 1)
        #expect(results.hits.first?.id == "a3")
        #expect(results.hits.first?.missing == [])
        let partial = results.hits.dropFirst()
        #expect(!partial.isEmpty)
        #expect(partial.allSatisfy { $0.missing == ["budget"] || $0.missing == ["defense"] })
    }

    @Test func matchAllCountsOnlyDocumentsWithEveryTerm() throws {
        let results = try search("defense budget") { $0.match = .all }
        #expect(results.hits.map(\.id) == ["a3"])
    }

    @Test func whenNoDocumentHasEveryTermTheCountSaysAny() throws {
        let results = try search("fisheries zürich")
        #expect(results.counted == .any)
        #expect(results.total == 2)
    }

    @Test func snippetsHighlightTheMatchedWords() throws {
        let hit = try #require(try search("zurich").hits.first)
        let scalars = Array(hit.snippet.text.unicodeScalars)
        let marked = hit.snippet.highlights.map { String(String.UnicodeScalarView(scalars[$0])) }
        #expect(marked == ["Zürich"])
    }

    @Test func anEmptyQueryWithFiltersListsByDate() throws {
        let results = try search("") { $0.filters.sources = ["Beta Review"] }
        #expect(results.hits.map(\.id) == ["beta/ishiba-budget.md", "beta/rutte-tokyo.md"])
    }

    @Test(arguments: [
        #""unbalanced"#, "(", ")", "-", "*", ":", "NOT", "AND", "OR", "defense-", "NEAR(", "^", "\"\"", "a AND",
        "title:", "source:", "💥", "\u{0}\u{7}", String(repeating: "defense ", count: 1500),
    ])
    func messyQueriesNeverFail(_ text: String) throws {
        _ = try search(text)
    }

    @Test func unknownFilterValuesSaySoWithTheClosestNames() throws {
        let results = try search("defense") { $0.filters.sources = ["Alpha Wir"] }
        #expect(results.total == 0)
        #expect(results.warnings.contains { $0.contains("no source matches 'Alpha Wir'") && $0.contains("Alpha Wire") })
    }
}

@Suite struct ExclusionAndSynonymTests {
    @Test func aQueryThatOnlyExcludesListsTheRest() throws {
        let corpus = try CorpusFixture()
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        let results = try Searcher(store: store).search(SearchRequest(text: "-defense"))
        #expect(Set(results.hits.map(\.id)) == ["a4", "beta/ishiba-budget.md"])
        #expect(results.total == 2)
    }

    @Test func multiWordSynonymsWorkBothWays() throws {
        let corpus = try CorpusFixture()
        try corpus.write(#"{"id": "long", "title": "Visit", "body": "The United States sent a delegation."}"# + "\n"
            + #"{"id": "short", "title": "Visit", "body": "The US sent a delegation."}"#, to: "news/syn.jsonl")
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        let searcher = Searcher(store: store)
        #expect(Set(try searcher.search(SearchRequest(text: "US delegation")).hits.map(\.id)) == ["long", "short"])
        #expect(Set(try searcher.search(SearchRequest(text: #""United States""#)).hits.map(\.id)) == ["long", "short"])
    }
}

@Suite struct SpellingHelpTests {
    @Test func aTypoWithNoMatchesGetsACorrection() throws {
        let corpus = try CorpusFixture()
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        let results = try Searcher(store: store).search(SearchRequest(text: "defnse budgt"))
        #expect(results.total == 0)
        #expect(results.suggestions == ["defense budget"])
        #expect(try Searcher(store: store).search(SearchRequest(text: "defense")).suggestions.isEmpty)
    }

    @Test func wordsTheAnalyzerSplitsOrShortensGetNoCorrection() throws {
        let corpus = try CorpusFixture()
        // "eu", "co" and "8" are one edit from the first part of what is typed below.
        try corpus.write(
            "The EU said the co chair of the panel met on 8 March; mail from Brussels followed.\n",
            to: "news/gamma-notes/panel.txt")
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        // Before, these were offered "eu-mail", "co+" and "8/11": one part corrected, its punctuation kept.
        for typed in ["e-mail", "C++", "9/11"] {
            let results = try Searcher(store: store).search(SearchRequest(text: typed))
            #expect(results.total == 0 && results.suggestions.isEmpty, "\(typed): \(results.suggestions)")
        }
        #expect(try Searcher(store: store).search(SearchRequest(text: "panle")).suggestions == ["panel"])
    }
}

@Suite struct EmptyingFilterTests {
    @Test func theWarningNamesTheFilterThatLeftNothing() throws {
        let corpus = try CorpusFixture()
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        let results = try Searcher(store: store).search(SearchRequest(text: "fisheries date:2025"))
        #expect(results.total == 0)
        #expect(results.warnings.contains("1 article matches the words; the date 2025-01-01..2025-12-31 filter removed them all"))
    }
}
