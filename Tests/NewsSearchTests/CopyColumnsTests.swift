import Foundation
import GRDB
import NewsSearchTestSupport
import Testing

@testable import NewsSearch

/// Issue 17: the copy clusters travel in the columns file (read in place, not from `document_copies`
/// in every process), and a columns file written before they did still answers alike.
@Suite struct CopyColumnsTests {
    let folder: TemporaryDirectory
    let store: IndexStore
    let corpusPath: String
    var indexPath: String { folder.url.appendingPathComponent("index/search.sqlite").path }
    var columnsPath: String { indexPath + ".columns" }

    static let story = [
        "The harbour authority approved a new container terminal on Tuesday after two years of hearings, saying the project would double the port's capacity and create several hundred jobs by the end of the decade.",
        "Environmental groups said they would appeal the decision, arguing that dredging the channel would harm the seagrass beds that shelter young fish along the northern shore.",
        "The authority's chair told reporters that the plan included a fund to restore the beds and that construction would not begin before the spring.",
    ]
    static let otherReport = "Fishermen on the northern shore protested outside the harbour authority on Tuesday as it voted on the container terminal, carrying banners about the seagrass beds where young fish shelter. Several skippers said the dredging would ruin a season's catch."

    init() throws {
        folder = try TemporaryDirectory("copy-columns")
        func record(_ id: String, _ title: String, _ body: String, _ source: String) -> String {
            let object = ["id": id, "title": title, "body": body, "source": source, "date": "2025-04-08"]
            return String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self) + "\n"
        }
        let full = Self.story.joined(separator: "\n\n")
        let corpus = try folder.write(
            record("wire-1", "Harbour terminal approved", full, "Harbor Wire")
                + record("ledger-1", "Port terminal wins approval", Self.story.dropLast().joined(separator: "\n\n"), "Coast Ledger")
                + record("courier-1", "Harbour terminal approved", full + "\n\nThe Valley Courier had no reply by press time.", "Valley Courier")
                + record("protest-1", "Fishermen protest terminal vote", Self.otherReport, "Harbor Wire"),
            to: "news/a.jsonl")
        corpusPath = corpus.path
        store = try IndexStore(path: folder.url.appendingPathComponent("index/search.sqlite").path, access: .readWrite)
        _ = try Indexer(store: store).run(IndexJob(paths: [corpusPath]))
    }

    func internalID(_ externalID: String) throws -> Int64 {
        try #require(try store.pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM documents WHERE external_id = ?", arguments: [externalID])
        })
    }

    func saved() throws -> FacetColumns {
        try #require(FacetColumnStore.mapped(columnsPath, stamp: try store.pool.read(FacetColumnStore.stamp)))
    }

    /// The file as a build before the copy sections wrote it: the same arrays, without those three
    /// (and without the copies' external ids).
    func writeFileWithoutCopies() throws {
        try writeFile(without: [.copyGroup, .copyGroupStart, .copyMembers, .copyMemberIDOffsets, .copyMemberIDText])
    }

    func writeFile(without dropped: [ColumnFile.Section]) throws {
        let columns = try saved()
        // The mapping lives as long as `columns` does: copy its bytes out while it is held.
        let bytes = withExtendedLifetime(columns) { Array(columns.storage.bytes) }
        let (header, ranges) = try #require(bytes.withUnsafeBytes { ColumnFile.parse($0) })
        let kept = ColumnFile.Section.allCases.filter { !dropped.contains($0) }
            .compactMap { section in ranges[section].map { (section, Array(bytes[$0])) } }
        try ColumnBytes.write(ColumnFile.encode(header, sections: kept), to: columnsPath)
    }

    /// The copies of every document as the table lists them and as the columns do.
    func copiesBothWays() throws -> (table: [Int64: [ArticleCopy]], columns: [Int64: [ArticleCopy]]?) {
        let columns = try saved()
        let ids = try store.pool.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM documents") }
        return try store.pool.read { db in
            (try ArticleCopy.of(ids, groups: try #require(columns.copies), lengths: false, in: db),
             try ArticleCopy.listed(ids, columns: columns, in: db))
        }
    }

    @Test func theFileHoldsTheClusters() throws {
        let copies = try #require(try saved().copies)
        let wire = try internalID("wire-1"), ledger = try internalID("ledger-1"), courier = try internalID("courier-1")
        #expect(Set(copies.members(of: wire)) == [wire, ledger, courier])
        #expect(copies.members(of: ledger) == copies.members(of: wire))
        #expect(copies.members(of: try internalID("protest-1")) == [])
        #expect(copies.group(of: Int(wire)) == copies.group(of: Int(courier)))
        #expect(copies.group(of: -1) == -1)
        #expect(copies.group(of: 1_000_000) == -1)
        #expect(try IndexCatalog(store: store).verify() == [])
    }

    @Test func aFileWrittenBeforeTheClustersStillFoldsAndIsCompletedByTheNextRun() throws {
        let folded = try Searcher(store: store).search(SearchRequest(text: "harbour terminal"))
        try writeFileWithoutCopies()
        #expect(try saved().copies == nil)
        // Not damage: verify compares the file with the tables' columns without the clusters.
        #expect(try IndexCatalog(store: store).verify() == [])
        let reader = try IndexStore(path: indexPath, access: .readOnly)
        let old = try Searcher(store: reader).search(SearchRequest(text: "harbour terminal"))
        #expect(old.totalClusters == 2)
        #expect(old.hits.map(\.id) == folded.hits.map(\.id))
        #expect(old.hits.map { $0.copies.map(\.id) } == folded.hits.map { $0.copies.map(\.id) })

        // A no-op run leaves the index alone but writes the clusters into the file.
        _ = try Indexer(store: store).run(IndexJob(paths: [corpusPath]))
        #expect(try saved().copies != nil)
        #expect(try IndexCatalog(store: store).verify() == [])
    }

    @Test func theFileListsTheCopiesAsTheTableDoes() throws {
        let copies = try #require(try saved().copies)
        let wire = try internalID("wire-1"), ledger = try internalID("ledger-1"), courier = try internalID("courier-1")
        let named = try #require(copies.namedMembers(of: ledger))
        #expect(Dictionary(uniqueKeysWithValues: named.map { ($0.id, $0.externalID) })
            == [wire: "wire-1", ledger: "ledger-1", courier: "courier-1"])
        #expect(copies.namedMembers(of: try internalID("protest-1"))?.isEmpty == true)
        let (table, columns) = try copiesBothWays()
        #expect(table[wire]?.map(\.id) == ["courier-1", "ledger-1"])
        #expect(table[wire]?.first?.source == "Valley Courier")
        #expect(table[wire]?.first?.date == "2025-04-08")
        #expect(columns == table)
    }

    @Test func aFileWithoutTheCopiesIDsListsThemFromTheTableAndTheNextRunAddsThem() throws {
        let folded = try Searcher(store: store).search(SearchRequest(text: "harbour terminal"))
        try writeFile(without: [.copyMemberIDOffsets, .copyMemberIDText])
        #expect(try saved().copies != nil)
        #expect(try saved().copies?.externalIDs == nil)
        #expect(try copiesBothWays().columns == nil)
        #expect(try IndexCatalog(store: store).verify() == [])
        let reader = try IndexStore(path: indexPath, access: .readOnly)
        let old = try Searcher(store: reader).search(SearchRequest(text: "harbour terminal"))
        #expect(old.hits.map(\.copies) == folded.hits.map(\.copies))
        #expect(folded.hits.contains { !$0.copies.isEmpty })

        _ = try Indexer(store: store).run(IndexJob(paths: [corpusPath]))
        #expect(try saved().copies?.externalIDs != nil)
        #expect(try IndexCatalog(store: store).verify() == [])
    }

    /// A stored date the columns cannot give back (it does not parse) keeps the copies' listing on the table.
    @Test func anUnparsedDateLeavesTheCopiesIDsOut() throws {
        try store.pool.write { db in
            try db.execute(sql: "UPDATE documents SET date = 'spring' WHERE external_id = 'ledger-1'")
        }
        let built = try store.pool.read { db in try FacetColumns.build(in: db, stamp: FacetColumnStore.stamp(in: db)) }
        #expect(built.copies != nil)
        #expect(built.copies?.externalIDs == nil)
        let wire = try internalID("wire-1")
        let listed = try store.pool.read { db in
            try ArticleCopy.of([wire], groups: try #require(built.copies), lengths: false, in: db)
        }
        #expect(listed[wire]?.map(\.date) == ["2025-04-08", "spring"])
    }

    /// Bounds from a damaged file are clamped: members never read past the arrays.
    @Test func damagedBoundsAreClamped() {
        let groups = CopyGroups(CopyGroups.Arrays(groupOf: [0, 1, 7, -1], groupStart: [0, 9, 1], memberIDs: [0, 1]))
        #expect(groups.members(of: 0) == [0, 1])
        #expect(groups.members(of: 1) == [])
        #expect(groups.members(of: 2) == [])
        #expect(groups.members(of: 3) == [])
        #expect(CopyGroups.none.members(of: 0) == [])
        #expect(CopyGroups.none.namedMembers(of: 0) == nil)
        var arrays = CopyGroups.Arrays(groupOf: [0, 0], groupStart: [0, 2], memberIDs: [0, 1])
        arrays.externalIDs = ["a"]
        let short = CopyGroups(arrays)
        #expect(short.namedMembers(of: 1)?.map(\.externalID) == ["a", ""])
    }
}
