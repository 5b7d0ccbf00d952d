import Foundation
import NewsSearchTestSupport
import Testing

/// Articles saved gzip-compressed, compressed by the `gzip` tool itself: each was skipped whole before
/// ("a gzip-compressed file: decompress it first").
@Suite(.serialized) struct CompressedInputCLITests {
    /// `gzip -c FILE > FILE.gz`, the original removed.
    static func gzip(_ file: URL) throws -> URL {
        let packed = file.appendingPathExtension("gz")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-c", file.path]
        FileManager.default.createFile(atPath: packed.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: packed)
        try process.run()
        process.waitUntilExit()
        try FileManager.default.removeItem(at: file)
        return packed
    }

    static func dump(_ records: ClosedRange<Int>) -> String {
        records.map { n in
            #"{"id": "ledger-\#(n)", "title": "Ledger \#(n)", "body": "Harbour ledger \#(n) lists cargo volume and berth fees for the quarter."}"#
        }.joined(separator: "\n") + "\n"
    }

    @Test func aCompressedDumpPageAndCutDumpAreReadAndTheCutNamed() throws {
        let binary = try SearchBinary()
        let folder = try TemporaryDirectory("compressed")
        _ = try Self.gzip(folder.write(Self.dump(1...1200), to: "in/ledger.jsonl"))
        let page = """
            <html><head><title>Cranes idle at the north quay</title></head><body><article><h1>Cranes idle at the north quay</h1>
            <p>The container cranes at the north quay stood still for an eighth day as talks broke off.</p></article></body></html>
            """
        let packedPage = try Self.gzip(folder.write(page, to: "in/cranes.html"))
        let cut = try Self.gzip(folder.write(Self.dump(2001...2400), to: "in/cut.jsonl"))
        let bytes = try Data(contentsOf: cut)
        try bytes.prefix(bytes.count * 2 / 3).write(to: cut)
        let index = folder.url.appendingPathComponent("i.sqlite").path
        let run = try binary.run(["index", "--index", index, folder.url.appendingPathComponent("in").path])
        #expect(run.status == 0, "\(run.stderr)")
        let stats = try JSONSerialization.jsonObject(with: binary.run(["stats", "--json", "--index", index]).stdoutData) as? [String: Any]
        let documents = try #require(stats?["documents"] as? Int)
        // Every record of the whole dump, the page, and the cut dump's records before its cut.
        #expect(documents > 1200 + 1 + 100 && documents < 1200 + 1 + 400, "\(run.stdout)")
        #expect(run.stdout.contains("cut.jsonl.gz:\(documents - 1200)") || run.stdout.contains("cut.jsonl.gz:\(documents - 1200 + 1)"), "\(run.stdout)")
        #expect(run.stdout.contains("the gzip data ends early"), "\(run.stdout)")
        let found = try binary.run(["--index", index, "--json", "cranes"])
        let hits = try #require((try JSONSerialization.jsonObject(with: found.stdoutData) as? [String: Any])?["hits"] as? [[String: Any]])
        #expect(hits.map { $0["title"] as? String } == ["Cranes idle at the north quay"])
        #expect(try binary.run(["show", "--index", index, "ledger-1200"]).stdout.contains("Harbour ledger 1200 lists cargo"))
        let again = try binary.run(["index", "--index", index, folder.url.appendingPathComponent("in").path])
        #expect(again.stdout.contains("0 added") && again.stdout.contains("\(documents) unchanged"), "\(again.stdout)")
        let extract = try binary.run(["extract", packedPage.path])
        #expect(extract.status == 0 && extract.stdout.hasPrefix("title   Cranes idle at the north quay"), "\(extract.stdout)\(extract.stderr)")
    }

    /// Standard input was read whole before anything was indexed (77 MB piped in took 931 MB): now it is
    /// streamed in chunks like a dump on disk, gzip'd or not, and a cut stream keeps what came before the cut.
    @Test func aDumpPipedInIsStreamedGzippedOrNotAndACutOneKeepsItsStart() throws {
        let binary = try SearchBinary()
        let folder = try TemporaryDirectory("piped")
        let plain = try folder.write(Self.dump(1...1500), to: "ledger.jsonl")
        let packed = try Self.gzip(folder.write(Self.dump(3001...4500), to: "more.jsonl"))
        let index = folder.url.appendingPathComponent("i.sqlite").path
        for input in [plain, packed] {
            let run = try binary.run(["index", "--index", index, "--dump-chunk-bytes", "20000", "-"], inputFile: input)
            #expect(run.status == 0 && run.stdout.contains("1500 added") && run.stdout.contains("0 skipped"), "\(run.stdout)\(run.stderr)")
        }
        #expect(try binary.run(["show", "--index", index, "ledger-4500"]).stdout.contains("Harbour ledger 4500 lists"))
        let again = try binary.run(["index", "--index", index, "-"], inputFile: packed)
        #expect(again.stdout.contains("1500 unchanged"), "\(again.stdout)")
        let bytes = try Data(contentsOf: packed)
        let cut = folder.url.appendingPathComponent("cut.jsonl.gz")
        try bytes.prefix(bytes.count / 2).write(to: cut)
        let cutIndex = folder.url.appendingPathComponent("cut.sqlite").path
        let partial = try binary.run(["index", "--index", cutIndex, "-"], inputFile: cut)
        #expect(partial.stdout.contains("the gzip data ends early") && partial.stdout.contains("-:"), "\(partial.stdout)")
        let stats = try JSONSerialization.jsonObject(with: binary.run(["stats", "--json", "--index", cutIndex]).stdoutData) as? [String: Any]
        #expect(((stats?["documents"] as? Int) ?? 0) > 300, "\(partial.stdout)")
    }

    /// A tarball of articles was "binary file (not text)": now the archive is named, with the way out.
    @Test func aTarballIsNamedWithTheWayOut() throws {
        let binary = try SearchBinary()
        let folder = try TemporaryDirectory("tarball")
        _ = try folder.write("Ferry fares rise\n\nFerry fares will rise by four percent from April.\n", to: "src/fares.txt")
        let tarball = folder.url.appendingPathComponent("in/articles.tar.gz")
        try FileManager.default.createDirectory(at: tarball.deletingLastPathComponent(), withIntermediateDirectories: true)
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/bin/tar")
        tar.arguments = ["czf", tarball.path, "-C", folder.url.appendingPathComponent("src").path, "."]
        try tar.run()
        tar.waitUntilExit()
        let index = folder.url.appendingPathComponent("i.sqlite").path
        let run = try binary.run(["index", "--index", index, tarball.deletingLastPathComponent().path])
        #expect(run.stdout.contains("articles.tar.gz: a tar archive: unpack it first (`tar xf FILE`)"), "\(run.stdout)\(run.stderr)")
    }

    @Test func aCompressedDumpKilledMidRunIsFinishedByTheNext() throws {
        let binary = try SearchBinary()
        let folder = try TemporaryDirectory("compressed-killed")
        let dump = try Self.gzip(folder.write(Self.dump(1...2400), to: "data/ledger.jsonl")).path
        let index = folder.url.appendingPathComponent("index/search.sqlite").path
        let arguments = ["index", "--quiet", "--index", index, "--dump-chunk-bytes", "20000", dump]
        let full = try KilledIndexRunTests.timed {
            _ = try binary.run(arguments)
            try FileManager.default.removeItem(atPath: index)
        }
        var landed = 0
        for delay in KilledIndexRunTests.moments(within: full, count: 2) {
            try? FileManager.default.removeItem(atPath: index)
            if try KilledIndexRunTests.kill(binary, arguments, after: delay) { landed += 1 }
            let rerun = try binary.run(arguments)
            #expect(rerun.status == 0, "\(rerun.stderr)")
            #expect(try KilledIndexRunTests.documents(in: index, binary: binary) == 2400, "after a kill at \(delay) s: \(rerun.stdout)")
        }
        #expect(landed >= 1, "a kill must land while the indexer runs, or the test proves nothing")
    }
}
