import Foundation
import NewsSearchTestSupport
import Testing

/// `kill -9` in the middle of `search index` leaves the last committed state, sound and queryable,
/// and a re-run completes the work.
@Suite struct CrashSafetyTests {
    @Test func killedIndexerLeavesASoundIndexAndARerunCompletes() throws {
        let binary = try SearchBinary()
        let corpus = try CorpusFixture()
        // Enough files for several batches, so the kill lands between and inside commits.
        let count = 3000
        for n in 0..<count {
            try corpus.write("Report \(n)\n\nThe harbour authority \(n) published figures on cargo volume and shipping.\n",
                to: "bulk/\(n % 30)/report-\(n).txt")
        }
        let folder = corpus.folder.appendingPathComponent("bulk").path
        let process = Process()
        process.executableURL = binary.url
        process.arguments = ["index", "--index", corpus.indexPath, "--quiet", folder]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill once the index file exists (the run has started writing), or after 5 s at the latest.
        let deadline = Date().addingTimeInterval(5)
        while !FileManager.default.fileExists(atPath: corpus.indexPath + "-wal") && Date() < deadline { usleep(5_000) }
        usleep(150_000)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        // The kill must have landed while the indexer was still working, or the test proves nothing.
        #expect(process.terminationReason == .uncaughtSignal)

        let verify = try binary.run(["stats", "--verify", "--json", "--index", corpus.indexPath])
        #expect(verify.status == 0, "\(verify.stderr)")
        let query = try binary.run(["harbour", "--json", "--index", corpus.indexPath])
        #expect(query.status == 0, "\(query.stderr)")

        let rerun = try binary.run(["index", "--index", corpus.indexPath, "--json", folder])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let stats = try binary.run(["stats", "--json", "--verify", "--index", corpus.indexPath])
        let decoded = try JSONSerialization.jsonObject(with: stats.stdoutData) as? [String: Any]
        #expect(decoded?["documents"] as? Int == count)
    }
}
