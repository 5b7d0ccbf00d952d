import Foundation
import NewsSearchTestSupport
import Testing

@testable import NewsSearch

/// A file system where chosen folders cannot be listed and chosen files cannot be read, as for a
/// user without permission (the tests run as root, whom permissions do not stop).
struct FailingFileSystem: FileSystem {
    var unlistable: Set<String> = []
    var unreadable: Set<String> = []

    func entries(ofFolder path: String) -> [String]? {
        unlistable.contains(path) ? nil : LocalFileSystem().entries(ofFolder: path)
    }

    func contents(of path: String) -> Data? {
        unreadable.contains(path) ? nil : LocalFileSystem().contents(of: path)
    }
}

/// Issue 14, item 9: what cannot be read has not gone; its articles stay and the summary says why.
@Suite struct UnreadableInputTests {
    let corpus: CorpusFixture
    let store: IndexStore

    init() throws {
        corpus = try CorpusFixture()
        store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path], jobs: 2))
    }

    func documents() throws -> Int { try IndexCatalog(store: store).statistics().documents }

    @Test func anUnreadableFolderKeepsItsArticlesWithAWarning() throws {
        let beta = corpus.root.appendingPathComponent("beta").path
        let indexer = try Indexer(store: store)
        indexer.fileSystem = FailingFileSystem(unlistable: [beta])
        let summary = try indexer.run(IndexJob(paths: [corpus.root.path], jobs: 2))
        #expect(summary.removed == 0)
        #expect(summary.warnings.map(\.location) == [beta])
        #expect(try documents() == 7)
        #expect(try IndexCatalog(store: store).article(id: "beta/rutte-tokyo.md").title.contains("Rutte"))
    }

    @Test func anUnreadableFileKeepsItsArticles() throws {
        let file = corpus.root.appendingPathComponent("wire/alpha.jsonl")
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(60)], ofItemAtPath: file.path)
        let indexer = try Indexer(store: store)
        indexer.fileSystem = FailingFileSystem(unreadable: [file.path])
        let summary = try indexer.run(IndexJob(paths: [corpus.root.path], jobs: 2))
        #expect(summary.removed == 0)
        #expect(try documents() == 7)
        // Readable again: read again, as its recorded size and time were left alone.
        let again = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path], jobs: 2))
        #expect(again.unchanged == 7)
        #expect(again.files == 4)
    }

    @Test func aNamedFolderThatCameBackEmptyKeepsItsArticles() throws {
        let moved = corpus.folder.appendingPathComponent("elsewhere")
        try FileManager.default.moveItem(at: corpus.root, to: moved)
        #expect(throws: IndexError.pathNotFound(corpus.root.path)) {
            _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path], jobs: 2))
        }
        #expect(try documents() == 7)
        try FileManager.default.createDirectory(at: corpus.root, withIntermediateDirectories: true)
        let summary = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path], jobs: 2))
        #expect(summary.removed == 0)
        #expect(summary.warnings.count == 1)
        #expect(try documents() == 7)
    }
}
