import Foundation
import NewsSearchTestSupport
import Testing

@testable import NewsSearch

@Suite struct IndexerTests {
    let corpus: CorpusFixture
    let store: IndexStore

    init() throws {
        corpus = try CorpusFixture()
        store = try IndexStore(path: corpus.indexPath, access: .readWrite)
    }

    func index() throws -> IndexSummary {
        try Indexer(store: store).run(IndexJob(paths: [corpus.root.path], jobs: 2))
    }

    @Test func indexesEveryFormatAndSkipsTheMalformedLine() throws {
        let summary = try index()
        #expect(summary.added == 7)
        #expect(summary.skipped.count == 1)
        #expect(summary.skipped.first?.location.hasSuffix("alpha.jsonl:5") == true)
        #expect(summary.skipped.first?.reason.contains("JSON") == true)
        let stats = try IndexCatalog(store: store).statistics()
        #expect(stats.documents == 7)
        #expect(stats.sources == 3)
        #expect(stats.undated == 1)
    }

    /// A dump named through a symbolic link was found to be "0 files" and silently ignored.
    @Test func aFileNamedThroughASymbolicLinkIsIndexed() throws {
        let link = corpus.folder.appendingPathComponent("linked.jsonl").path
        try FileManager.default.createSymbolicLink(
            atPath: link, withDestinationPath: corpus.root.appendingPathComponent("wire/alpha.jsonl").path)
        let summary = try Indexer(store: store).run(IndexJob(paths: [link], jobs: 2))
        #expect(summary.files == 1)
        #expect(summary.added > 0)
    }

    @Test func rerunIsIncremental() throws {
        _ = try index()
        let again = try index()
        #expect(again.added == 0 && again.updated == 0 && again.removed == 0)
        #expect(again.unchanged == 7)

        try corpus.write(CorpusFixture.markdownIshiba.replacingOccurrences(of: "wages", with: "defense"), to: "news/beta/ishiba-budget.md")
        try corpus.remove("news/gamma-notes/shipyards.txt")
        try corpus.write("New article\n\nA short note about fisheries.", to: "news/gamma-notes/new.txt")
        let edited = try index()
        #expect(edited.added == 1)
        #expect(edited.updated == 1)
        #expect(edited.removed == 1)
        #expect(edited.unchanged == 5)
        let results = try Searcher(store: store).search(SearchRequest(text: "wages"))
        #expect(results.total == 0)
    }

    @Test func folderNameIsTheSourceOfLastResort() throws {
        _ = try index()
        let article = try IndexCatalog(store: store).article(id: "gamma-notes/shipyards.txt")
        #expect(article.source == "Gamma Notes")
        #expect(article.title == "Shipyards and the defence-industrial base")
        #expect(article.date == nil)
    }

    @Test func binaryAndEmptyFilesAreSkippedWithAReason() throws {
        try corpus.write("", to: "news/empty.txt")
        let binary = corpus.folder.appendingPathComponent("news/image.txt")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02]).write(to: binary)
        let summary = try index()
        let reasons = Dictionary(uniqueKeysWithValues: summary.skipped.map { (($0.location as NSString).lastPathComponent, $0.reason) })
        #expect(reasons["empty.txt"] == "empty file")
        #expect(reasons["image.txt"]?.contains("binary") == true)
        #expect(summary.added == 7)
    }

    @Test func reindexKeepsEverythingSearchable() throws {
        _ = try index()
        let before = try Searcher(store: store).search(SearchRequest(text: "defense"))
        let count = try Reindexer(store: store).run()
        #expect(count == 7)
        let after = try Searcher(store: store).search(SearchRequest(text: "defense"))
        #expect(after.total == before.total)
        #expect(try IndexCatalog(store: store).actors().contains { $0.name == "Mark Rutte" && $0.count == 3 })
    }

    @Test func anIndexFromAnotherTokenizerVersionAsksForReindex() throws {
        _ = try index()
        try store.pool.write { db in try db.execute(sql: "UPDATE meta SET value = '0' WHERE key = 'tokenizer_version'") }
        #expect(throws: IndexError.tokenizerVersionMismatch(found: 0, expected: NewsAnalysisVersion.current)) {
            _ = try IndexStore(path: corpus.indexPath, access: .readOnly)
        }
        let reopened = try IndexStore(path: corpus.indexPath, access: .readWrite, requireCurrentTokenizer: false)
        try Reindexer(store: reopened).run()
        _ = try IndexStore(path: corpus.indexPath, access: .readOnly)
    }

    @Test func rebuildSwapsInANewFile() throws {
        _ = try index()
        let summary = try IndexRebuild(path: corpus.indexPath).run { fresh in
            try Indexer(store: fresh).run(IndexJob(paths: [corpus.root.appendingPathComponent("beta").path]))
        }
        #expect(summary.added == 2)
        let reopened = try IndexStore(path: corpus.indexPath, access: .readOnly)
        #expect(try IndexCatalog(store: reopened).statistics().documents == 2)
    }
}

/// The analyzer version, named for tests that check the index's stored version.
enum NewsAnalysisVersion {
    static var current: Int { Analyzer.version }
}

import NewsAnalysis

@Suite struct LargeDumpTests {
    /// A dump over 1 MB is read in parallel chunks; ids and skip line numbers stay those of the whole file.
    @Test func aLargeDumpIsReadInChunksWithWholeFileLineNumbers() throws {
        let corpus = try CorpusFixture()
        var lines = (1...3000).map { #"{"title": "Report \#($0)", "body": "\#(String(repeating: "cargo volume figures ", count: 20))"}"# }
        lines[2499] = "{ not json"
        try corpus.write(lines.joined(separator: "\n"), to: "dump/big.jsonl")
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        let summary = try Indexer(store: store).run(IndexJob(paths: [corpus.folder.appendingPathComponent("dump").path], jobs: 2))
        #expect(summary.added == 2999)
        #expect(summary.skipped.map { ($0.location as NSString).lastPathComponent } == ["big.jsonl:2500"])
        #expect(try IndexCatalog(store: store).article(id: "big.jsonl#2999").title == "Report 3000")
    }
}

@Suite struct StreamedDumpTests {
    /// A dump over the streaming threshold is read chunk by chunk: same articles, ids and line numbers
    /// as reading it whole, and a re-run after an edit updates and removes by record.
    @Test func aStreamedDumpIndexesLikeAWholeOne() throws {
        let corpus = try CorpusFixture()
        var lines = (1...600).map { #"{"title": "Report \#($0)", "body": "\#(String(repeating: "cargo volume figures ", count: 10))"}"# }
        lines[99] = "{ broken"
        lines[199] = #"{"id": "keep-me", "title": "Named record", "body": "A record with its own id."}"#
        try corpus.write(lines.joined(separator: "\n") + "\n", to: "dump/big.jsonl")
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        let indexer = try Indexer(store: store)
        indexer.streamingThreshold = 10_000
        indexer.chunkBytes = 20_000
        let folder = corpus.folder.appendingPathComponent("dump").path
        let summary = try indexer.run(IndexJob(paths: [folder], jobs: 2))
        #expect(summary.added == 599)
        #expect(summary.skipped.map { ($0.location as NSString).lastPathComponent } == ["big.jsonl:100"])
        #expect(try IndexCatalog(store: store).article(id: "big.jsonl#599").title == "Report 600")
        #expect(try IndexCatalog(store: store).article(id: "keep-me").title == "Named record")

        lines.removeLast(100)
        lines[0] = #"{"title": "Report 1, revised", "body": "New text."}"#
        try corpus.write(lines.joined(separator: "\n") + "\n", to: "dump/big.jsonl")
        let again = try indexer.run(IndexJob(paths: [folder], jobs: 2))
        #expect(again.updated == 1)
        #expect(again.removed == 100)
        #expect(again.unchanged == 498)
    }
}
