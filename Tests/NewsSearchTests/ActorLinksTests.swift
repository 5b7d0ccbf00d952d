import Foundation
import GRDB
import NewsSearchTestSupport
import Testing

@testable import NewsSearch

/// The packed actor links (``ActorLinks``): one BLOB per article of varint pairs, actor ids ascending.
@Suite struct ActorLinksTests {
    static func unpacked(_ bytes: [UInt8]) -> [ActorLink] {
        var links: [ActorLink] = []
        bytes.withUnsafeBytes { ActorLinks.unpack($0) { links.append($0) } }
        return links
    }

    @Test func linksComeBackAscendingWithOneActorSummed() {
        let bytes = ActorLinks.pack([
            ActorLink(actor: 300, mentions: 2), ActorLink(actor: 7, mentions: 1), ActorLink(actor: 300, mentions: 5),
            ActorLink(actor: 1 << 40, mentions: 200), ActorLink(actor: 8, mentions: 1),
        ])
        #expect(Self.unpacked(bytes) == [
            ActorLink(actor: 7, mentions: 1), ActorLink(actor: 8, mentions: 1), ActorLink(actor: 300, mentions: 7),
            ActorLink(actor: 1 << 40, mentions: 200),
        ])
        // Gaps, not ids: 7, 1, 292 and 2^40 - 300 take 1 + 1 + 2 + 6 bytes, the mentions 1 + 1 + 1 + 2.
        #expect(bytes.count == 15)
        #expect(ActorLinks.pack([]).isEmpty)
    }

    @Test func aTruncatedBlobEndsEarlyInsteadOfMisreading() {
        let bytes = ActorLinks.pack([ActorLink(actor: 5, mentions: 1), ActorLink(actor: 20_000, mentions: 3)])
        #expect(Self.unpacked(Array(bytes.dropLast())) == [ActorLink(actor: 5, mentions: 1)])
        #expect(Self.unpacked([0xFF, 0xFF]).isEmpty)
    }

    /// An index with three articles: 1 names actors 1 (twice) and 2, 2 names 2, 3 names nobody.
    static func store() throws -> (IndexStore, CorpusFixture) {
        let corpus = try CorpusFixture()
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        try store.pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO actors(id, name, type, folded) VALUES (1, 'Nakatani', 'person', 'nakatani'),
                        (2, 'Gen Nakatani', 'person', 'gen nakatani'), (3, 'Tokyo', 'location', 'tokyo'), (4, 'Osaka', 'location', 'osaka');
                    INSERT INTO actor_aliases(alias, actor_id) VALUES ('gen', 2), ('osaka-fu', 4);
                    """)
            for (document, links) in [(1, [ActorLink(actor: 1, mentions: 2), ActorLink(actor: 2, mentions: 1)]),
                (2, [ActorLink(actor: 2, mentions: 4), ActorLink(actor: 3, mentions: 1)])]
            {
                try db.execute(
                    sql: "INSERT INTO document_links(document_id, links) VALUES (?, ?)",
                    arguments: [document, Data(ActorLinks.pack(links))])
            }
        }
        return (store, corpus)
    }

    @Test func mergingAnActorMovesItsLinksAndSumsWhereBothAreNamed() throws {
        let (store, corpus) = try Self.store()
        try withExtendedLifetime(corpus) {
            let relinked = try store.pool.write { db in try ActorLinks.replace([1: 2], in: db) }
            #expect(relinked == [1])
            let links = try store.pool.read { db in try ActorLinks.links(of: [1, 2, 3], in: db) }
            #expect(links == [1: [ActorLink(actor: 2, mentions: 3)], 2: [ActorLink(actor: 2, mentions: 4), ActorLink(actor: 3, mentions: 1)]])
            let counts = try store.pool.read { db in try ActorLinks.articleCounts(in: db) }
            #expect(counts == [0, 0, 2, 1, 0])
        }
    }

    @Test func actorsNoArticleNamesLeaveWithTheirAliases() throws {
        let (store, corpus) = try Self.store()
        try withExtendedLifetime(corpus) {
            try store.pool.write { db in try ActorLinks.pruneUnnamedActors(in: db) }
            let left = try store.pool.read { db in
                (try Int64.fetchAll(db, sql: "SELECT id FROM actors ORDER BY id"),
                 try String.fetchAll(db, sql: "SELECT alias FROM actor_aliases ORDER BY alias"))
            }
            #expect(left.0 == [1, 2, 3])
            #expect(left.1 == ["gen"])
        }
    }

    @Test func namedLinksAreMostMentionedFirstThenByNameBytes() throws {
        let (store, corpus) = try Self.store()
        try withExtendedLifetime(corpus) {
            try store.pool.write { db in
                try db.execute(
                    sql: "INSERT INTO actors(id, name, type, folded) VALUES (5, 'Zed', 'person', 'zed'), (6, 'Émile', 'person', 'emile')")
                try db.execute(
                    sql: "INSERT INTO document_links(document_id, links) VALUES (3, ?)",
                    arguments: [Data(ActorLinks.pack([
                        ActorLink(actor: 6, mentions: 1), ActorLink(actor: 5, mentions: 1), ActorLink(actor: 9, mentions: 8),
                        ActorLink(actor: 3, mentions: 2),
                    ]))])
            }
            let named = try store.pool.read { db in try ActorLinks.namedLinks(of: [3], in: db) }
            // Actor 9 is not stored; 'Zed' < 'Émile' in bytes, as SQLite orders them.
            #expect(named[3]?.map(\.name) == ["Tokyo", "Zed", "Émile"])
        }
    }
}
