import Foundation
import NewsSearchTestSupport
import Testing

@testable import NewsSearch

/// The files a user keeps beside the index: source aliases and the actor dictionary.
@Suite struct IndexConfigurationTests {
    @Test func sourceAliasesMakeOneFacetValue() throws {
        let corpus = try CorpusFixture()
        try corpus.write("Beta Review = Alpha Wire\n", to: "index/source-aliases.txt")
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        let sources = try Searcher(store: store).search(SearchRequest(text: "defense industrial")).facets.source
        #expect(sources.map(\.value).sorted() == ["Alpha Wire", "Gamma Notes"])
    }

    @Test func theActorDictionaryBansAndAddsAndReindexAppliesIt() throws {
        let corpus = try CorpusFixture()
        try corpus.write("Drone orders\n\nOrders went to kestrel makers, and analysts from Kestrel expect more. Mark Rutte agreed.",
            to: "news/gamma-notes/drones.txt")
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        #expect(try !IndexCatalog(store: store).actors(limit: 500).contains { $0.name == "Kestrel Dynamics" })

        try corpus.write("organization: Kestrel Dynamics = Kestrel\nban: Mark Rutte\n", to: "index/actors.txt")
        try Reindexer(store: store).run()
        let actors = try IndexCatalog(store: store).actors(limit: 500)
        #expect(actors.contains { $0.name == "Kestrel Dynamics" && $0.type == .organization && $0.count == 1 })
        // A ban removes what the text yields; actors the input itself lists stay (the user put them there).
        #expect(try IndexCatalog(store: store).article(id: "gamma-notes/drones.txt").actors.map(\.name) == ["Kestrel Dynamics"])
    }

    @Test func aMalformedDictionaryIsAOneLineError() throws {
        let corpus = try CorpusFixture()
        try corpus.write("wizard: Gandalf\n", to: "index/actors.txt")
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        #expect {
            _ = try Indexer(store: store)
        } throws: { error in
            guard case IndexError.badConfiguration(let file, _) = error else { return false }
            return file.hasSuffix("actors.txt") && !"\(error)".contains("\n")
        }
    }
}

/// Lines repeated across a source's documents are learned per index and removed, re-applied at reindex.
@Suite struct LearnedBoilerplateTests {
    @Test func aRepeatedLineIsLearnedRemovedFromNewArticlesAndFromOldOnesAtReindex() throws {
        let corpus = try CorpusFixture()
        let topics = ["tides", "ferries", "cranes", "pilots", "tugboats", "dredging"]
        for (n, topic) in topics.enumerated() {
            try corpus.write("Harbour note \(n)\n\nThe port reported on \(topic) this week.\nFollow Harbour Daily for more updates\n",
                to: "harbour-daily/note-\(n).txt")
        }
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        let folder = corpus.folder.appendingPathComponent("harbour-daily").path
        _ = try Indexer(store: store).run(IndexJob(paths: [folder]))
        #expect(try Searcher(store: store).search(SearchRequest(text: "\"follow harbour daily\"")).total == 6)

        try corpus.write("Harbour note 7\n\nThe port reported on storms.\nFollow Harbour Daily for more updates\n", to: "harbour-daily/note-7.txt")
        _ = try Indexer(store: store).run(IndexJob(paths: [folder]))
        let newest = try IndexCatalog(store: store).article(id: "note-7.txt")
        #expect(!newest.body.contains("Follow Harbour Daily"))
        #expect(newest.body.contains("storms"))

        try Reindexer(store: store).run()
        #expect(try Searcher(store: store).search(SearchRequest(text: "\"follow harbour daily\"")).total == 0)
        #expect(try Searcher(store: store).search(SearchRequest(text: "ferries")).total == 1)
    }
}
