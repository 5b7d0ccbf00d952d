import Foundation
import NewsSearchTestSupport
import Testing

/// Issue 14, more of the same kinds: ways an article was lost or doubled, or a run failed, found
/// after the listed items.
@Suite struct IndexEdgeCaseTests {
    let binary: SearchBinary
    let folder: TemporaryDirectory
    var index: String { folder.url.appendingPathComponent("index/search.sqlite").path }

    init() throws {
        binary = try SearchBinary()
        folder = try TemporaryDirectory("edge")
    }

    func path(_ relative: String) -> String { folder.url.appendingPathComponent(relative).path }

    func run(_ arguments: [String], input: String? = nil) throws -> SearchBinary.Result {
        let result = try binary.run(["index", "--quiet", "--index", index] + arguments, input: input)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result
    }

    func documents() throws -> Int? {
        let stats = try binary.run(["stats", "--json", "--index", index])
        return (try JSONSerialization.jsonObject(with: stats.stdoutData) as? [String: Any])?["documents"] as? Int
    }

    static func records(_ range: ClosedRange<Int>, ids: Bool) -> String {
        range.map { n in
            (ids ? #"{"id": "r\#(n)", "# : "{") + #""title": "Harbour \#(n)", "body": "Harbour ledger number \#(n)."}"#
        }.joined(separator: "\n") + "\n"
    }

    /// Failed with a raw "UNIQUE constraint failed: files.path" and exit 1.
    @Test func aFileNamedTwiceIsReadOnce() throws {
        try folder.write(Self.records(1...300, ids: false), to: "d/dump.jsonl")
        try folder.write("---\ntitle: Harbour note\n---\nHarbour text.\n", to: "d/sub/note.md")
        _ = try run([path("d/dump.jsonl"), path("d/dump.jsonl")])
        #expect(try documents() == 300)
        _ = try run(["--dump-chunk-bytes", "2000", path("d/dump.jsonl"), path("d/dump.jsonl"), path("d")])
        _ = try run([path("d"), path("d/sub/note.md"), path("d/sub")])
        #expect(try documents() == 301)
    }

    /// A record whose only change was another field (`topic`) counted as unchanged and kept the old value.
    @Test func aChangeToAnotherFieldAloneIsAnUpdate() throws {
        try folder.write(#"{"id": "m1", "title": "Harbour", "body": "Harbour ledger.", "topic": "ports"}"# + "\n", to: "m/dump.jsonl")
        _ = try run([path("m")])
        try folder.write(#"{"id": "m1", "title": "Harbour", "body": "Harbour ledger.", "topic": "shipping"}"# + "\n", to: "m/dump.jsonl")
        let second = try run([path("m")])
        #expect(second.stdout.contains("0 added, 1 updated"), "\(second.stdout)")
        let shown = try binary.run(["show", "m1", "--json", "--index", index])
        #expect(shown.stdout.contains("shipping") && !shown.stdout.contains("ports"), "\(shown.stdout)")
    }

    /// A folder named through a symbolic link was a second copy of every article in it.
    @Test func aFolderNamedThroughALinkIsTheSameFolder() throws {
        try folder.write(Self.records(1...5, ids: false), to: "real/dump.jsonl")
        try folder.write("---\ntitle: Harbour note\n---\nHarbour text.\n", to: "real/note.md")
        try FileManager.default.createSymbolicLink(atPath: path("link"), withDestinationPath: path("real"))
        _ = try run([path("real")])
        _ = try run([path("link")])
        #expect(try documents() == 6)
    }

    /// A renamed dump whose records have ids moves them; it is not a duplicate to warn about.
    @Test func aRenamedDumpMovesItsRecords() throws {
        try folder.write(Self.records(1...20, ids: true), to: "d/old.jsonl")
        _ = try run([path("d")])
        try FileManager.default.moveItem(atPath: path("d/old.jsonl"), toPath: path("d/new.jsonl"))
        let renamed = try run([path("d")])
        #expect(!renamed.stdout.contains("warning"), "\(renamed.stdout)")
        #expect(try documents() == 20)
        let shown = try binary.run(["show", "r7", "--json", "--index", index])
        #expect(shown.stdout.contains("new.jsonl"), "\(shown.stdout)")
    }

    /// Records without ids from standard input were numbered `stdin#1`, … so a second stream
    /// replaced the first one's articles.
    @Test func twoStreamsOnStandardInputKeepTheirArticles() throws {
        _ = try run(["-"], input: Self.records(1...10, ids: false))
        _ = try run(["-"], input: Self.records(11...15, ids: false))
        #expect(try documents() == 15)
        _ = try run(["-"], input: Self.records(11...15, ids: false))
        #expect(try documents() == 15)
    }

    /// Naming a path that is not there made an empty index file before saying so.
    @Test func aMissingPathWritesNothing() throws {
        let result = try binary.run(["index", "--index", index, path("no-such-folder")])
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: index))
    }

    /// `search reindex` killed half-way leaves the index as it was.
    @Test func aKilledReindexChangesNothing() throws {
        try folder.write(Self.records(1...3000, ids: false), to: "d/dump.jsonl")
        _ = try run([path("d")])
        let start = Date()
        _ = try binary.run(["reindex", "--quiet", "--index", index])
        let full = Date().timeIntervalSince(start)
        let process = Process()
        process.executableURL = binary.url
        process.arguments = ["reindex", "--quiet", "--index", index]
        try process.run()
        usleep(UInt32(full / 2 * 1_000_000))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let verify = try binary.run(["stats", "--verify", "--index", index])
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(try documents() == 3000)
        let query = try binary.run(["harbour", "--json", "--index", index])
        #expect((try JSONSerialization.jsonObject(with: query.stdoutData) as? [String: Any])?["total"] as? Int == 3000)
    }
}

extension IndexEdgeCaseTests {
    /// A small dump that shrank to one record renamed it from `x.jsonl#1` to `x.jsonl`: the article
    /// left the index and came back under another id.
    @Test func aDumpShrinkingToOneRecordKeepsItsId() throws {
        try folder.write(Self.records(1...2, ids: false), to: "d/x.jsonl")
        _ = try run([path("d")])
        try folder.write(Self.records(1...1, ids: false), to: "d/x.jsonl")
        let shrunk = try run([path("d")])
        #expect(shrunk.stdout.contains("0 added, 0 updated, 1 removed, 1 unchanged"), "\(shrunk.stdout)")
        #expect(try binary.run(["show", "x.jsonl#1", "--index", index]).status == 0)
    }
}

extension IndexEdgeCaseTests {
    /// A re-read dump skips preparing records it holds already; records that swapped places (their
    /// ids are their places) must still be written in full, text and full-text index alike.
    @Test func recordsThatSwapPlacesInAStreamedDumpAreRewritten() throws {
        var lines = Self.records(1...200, ids: false).split(separator: "\n").map(String.init)
        try folder.write(lines.joined(separator: "\n") + "\n", to: "d/x.jsonl")
        _ = try run(["--dump-chunk-bytes", "2000", path("d")])
        lines.swapAt(0, 1)
        try folder.write(lines.joined(separator: "\n") + "\n", to: "d/x.jsonl")
        let again = try run(["--dump-chunk-bytes", "2000", path("d")])
        #expect(again.stdout.contains("0 added, 2 updated, 0 removed, 198 unchanged"), "\(again.stdout)")
        let shown = try binary.run(["show", "x.jsonl#1", "--json", "--index", index])
        #expect(shown.stdout.contains("Harbour 2\""), "\(shown.stdout)")
        let found = try binary.run(["title:harbour", "number", "2", "--match", "all", "--json", "--limit", "1", "--index", index])
        #expect(found.stdout.contains("\"id\":\"x.jsonl#1\""), "\(found.stdout)")
        #expect(try binary.run(["stats", "--verify", "--index", index]).status == 0)
    }
}
