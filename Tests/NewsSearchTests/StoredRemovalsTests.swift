import Foundation
import GRDB
import NewsIngest
import NewsSearchTestSupport
import Testing

@testable import NewsSearch

/// What cleaning removed is stored with each article at index time, within a budget, and read back
/// by the catalog (`search show --removed`, `/api/articles/ID`).
@Suite struct StoredRemovalsTests {
    static let withBoilerplate = """
        ---
        title: Harbour opens a new terminal
        date: 2025-03-04
        source: Beta Review
        ---
        The port authority opened its third container terminal on Monday, after four years of building work on the eastern side of the harbour.
        Advertisement
        Officials expect traffic to double within five years, and the city council said it would widen the access roads before the summer.
        Share on X
        Related Tags
        <img src=x onerror=alert(1)> great article!
        """

    @Test func indexingStoresWhatCleaningRemovedInOrder() throws {
        let corpus = try CorpusFixture()
        try corpus.write(Self.withBoilerplate, to: "news/beta/harbour.md")
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path], jobs: 2))
        let article = try IndexCatalog(store: store).article(id: "beta/harbour.md")
        let removed = try #require(article.removed)
        #expect(removed.omitted == 0)
        #expect(removed.lines.map(\.kind).prefix(2) == [.advertisement, .shareBar])
        #expect(removed.lines.contains { $0.text.contains("<img src=x onerror=alert(1)>") && $0.kind == .afterEndMarker })
        #expect(!article.body.contains("Advertisement"))

        // An article nothing was removed from says so: an empty list, not "not recorded".
        let clean = try IndexCatalog(store: store).article(id: "a4")
        #expect(clean.removed == StoredRemovals(lines: [], omitted: 0))
    }

    @Test func anArticleIndexedBeforeSchemaFiveIsNotRecorded() throws {
        let corpus = try CorpusFixture()
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path], jobs: 2))
        // What the v5 migration leaves on rows written before it.
        try store.pool.write { db in try db.execute(sql: "UPDATE documents SET removed = NULL") }
        #expect(try IndexCatalog(store: store).article(id: "a1").removed == nil)
    }

    @Test func theBudgetKeepsTheFirstLinesAndCountsTheRest() throws {
        let lines = (0..<400).map { RemovedLine(text: "Related story number \($0) " + String(repeating: "x", count: 60), kind: .headlineList, detail: "link list") }
        let (json, omitted) = StoredRemovals.encode(lines)
        #expect(json.utf8.count <= StoredRemovals.byteBudget)
        #expect(omitted > 0)
        let decoded = try #require(StoredRemovals.decode(json: json, omitted: omitted))
        #expect(decoded.lines.count + decoded.omitted == 400)
        #expect(decoded.lines == Array(lines.prefix(decoded.lines.count)))
    }

    @Test func aLongLineIsCutAndMarked() throws {
        let long = RemovedLine(text: String(repeating: "comment ", count: 300), kind: .afterEndMarker, detail: "after 'LEAVE A REPLY'")
        let (json, omitted) = StoredRemovals.encode([long])
        let decoded = try #require(StoredRemovals.decode(json: json, omitted: omitted))
        #expect(omitted == 0)
        #expect(decoded.lines[0].text.count == StoredRemovals.lineCharacters)
        #expect(decoded.lines[0].text.hasSuffix("…"))
        #expect(decoded.lines[0].kind == .afterEndMarker)
        #expect(decoded.lines[0].detail == "after 'LEAVE A REPLY'")
    }

    @Test func quotesBackslashesAndControlCharactersRoundTrip() throws {
        let tricky = RemovedLine(text: "\"quoted\" \\ back\u{1b}[31m \u{0}nul ☃", kind: .advertisement, detail: "'Advertisement'")
        let (json, omitted) = StoredRemovals.encode([tricky])
        #expect(StoredRemovals.decode(json: json, omitted: omitted)?.lines == [tricky])
    }
}
