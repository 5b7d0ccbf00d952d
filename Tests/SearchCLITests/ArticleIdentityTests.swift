import Foundation
import NewsSearchTestSupport
import Testing

/// Issue 14, items 7 and 8: an article's id is unique and stable whichever folder is named and from
/// where, and an id held by two files stays in the index until neither holds it.
@Suite struct ArticleIdentityTests {
    let binary: SearchBinary
    let folder: TemporaryDirectory
    var index: String { folder.url.appendingPathComponent("index/search.sqlite").path }

    init() throws {
        binary = try SearchBinary()
        folder = try TemporaryDirectory("identity")
    }

    func path(_ relative: String) -> String { folder.url.appendingPathComponent(relative).path }

    func article(_ title: String, _ body: String) -> String {
        "---\ntitle: \(title)\ndate: 2025-03-01\n---\n\(body)\n"
    }

    func index(_ arguments: [String], in directory: URL? = nil) throws -> SearchBinary.Result {
        let result = try binary.run(["index", "--quiet", "--index", index] + arguments, in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        return result
    }

    func stats() throws -> Int? {
        let stats = try binary.run(["stats", "--json", "--index", index])
        return (try JSONSerialization.jsonObject(with: stats.stdoutData) as? [String: Any])?["documents"] as? Int
    }

    func ids() throws -> Set<String> {
        let result = try binary.run(["harbour", "--json", "--limit", "100", "--no-facets", "--index", index])
        let hits = (try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])?["hits"] as? [[String: Any]]
        return Set(hits?.compactMap { $0["id"] as? String } ?? [])
    }

    @Test func theSameFileNameInTwoFoldersIsTwoArticles() throws {
        try folder.write(article("Harbour A", "The harbour in town A."), to: "A/x.md")
        try folder.write(article("Harbour B", "The harbour in town B."), to: "B/x.md")
        let run = try index([path("A"), path("B")])
        #expect(run.stdout.contains("2 added, 0 updated"), "\(run.stdout)")
        #expect(try stats() == 2)
        #expect(try ids().count == 2)
        // Named again, alone or together, from another folder: nothing moves.
        _ = try index(["B"], in: folder.url)
        _ = try index([path("A"), path("B")])
        #expect(try stats() == 2)
        // Two files named on the command line with the same name, too.
        try folder.write(article("Harbour C", "The harbour in town C."), to: "C/x.md")
        _ = try index([path("C/x.md"), path("A/x.md")])
        #expect(try stats() == 3)
    }

    @Test func aSubfolderOrAnotherWorkingFolderKeepsTheIds() throws {
        try folder.write(article("Harbour one", "The harbour ledger one."), to: "news/src00/a001.md")
        try folder.write(article("Harbour two", "The harbour ledger two."), to: "news/src01/b001.md")
        _ = try index([path("news")])
        let before = try ids()
        #expect(before == ["src00/a001.md", "src01/b001.md"])

        try folder.write(article("Harbour three", "The harbour ledger three."), to: "news/src00/a002.md")
        let sub = try index([path("news/src00")])
        #expect(sub.stdout.contains("1 added, 0 updated, 0 removed"), "\(sub.stdout)")
        #expect(try ids() == before.union(["src00/a002.md"]))
        _ = try index(["src00"], in: folder.url.appendingPathComponent("news"))
        _ = try index(["."], in: folder.url.appendingPathComponent("news"))
        _ = try index([path("news")])
        #expect(try ids() == before.union(["src00/a002.md"]))
        #expect(try stats() == 3)
    }

    @Test func anIdInTwoFilesStaysUntilNeitherHoldsIt() throws {
        try folder.write(#"{"id": "dup", "title": "Harbour first", "body": "The harbour text from a."}"# + "\n", to: "d/a.jsonl")
        try folder.write(#"{"id": "dup", "title": "Harbour second", "body": "The harbour text from b."}"# + "\n"
            + #"{"id": "solo", "title": "Harbour solo", "body": "The harbour text only in b."}"# + "\n", to: "d/b.jsonl")
        let first = try index([path("d")])
        #expect(first.stdout.contains("warning"), "\(first.stdout)")
        #expect(first.stdout.contains("dup"), "\(first.stdout)")
        #expect(try stats() == 2)

        try FileManager.default.removeItem(atPath: path("d/a.jsonl"))
        _ = try index([path("d")])
        #expect(try stats() == 2)
        let shown = try binary.run(["show", "dup", "--json", "--index", index])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("Harbour second"), "the article now comes from the file that still holds it")

        try folder.write(#"{"id": "solo", "title": "Harbour solo", "body": "The harbour text only in b."}"# + "\n", to: "d/b.jsonl")
        _ = try index([path("d")])
        #expect(try stats() == 1)
        #expect(try binary.run(["show", "dup", "--index", index]).status == 2)
    }
}
