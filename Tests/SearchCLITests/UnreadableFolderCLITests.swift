import Foundation
import NewsSearchTestSupport
import Testing

/// Issue 14, item 9, for real: `search` run as `nobody` (tests run as root, whom `chmod 000` does not
/// stop) over a folder it may not list keeps that folder's articles and names it in a warning.
@Suite struct UnreadableFolderCLITests {
    static let setpriv = "/usr/bin/setpriv"

    static var canDropPrivileges: Bool {
        getuid() == 0 && FileManager.default.isExecutableFile(atPath: setpriv)
    }

    func runAsNobody(_ binary: SearchBinary, _ arguments: [String]) throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.setpriv)
        process.arguments = ["--reuid=nobody", "--regid=nogroup", "--clear-groups", binary.url.path] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.enabled(if: canDropPrivileges, "needs root and setpriv to run search as nobody"))
    func aFolderNobodyMayListKeepsItsArticles() throws {
        let binary = try SearchBinary()
        let corpus = try CorpusFixture()
        let indexFolder = corpus.folder.appendingPathComponent("index")
        try FileManager.default.createDirectory(at: indexFolder, withIntermediateDirectories: true)
        #expect(chown(indexFolder.path, 65534, 65534) == 0)
        let arguments = ["index", "--quiet", "--index", corpus.indexPath, corpus.root.path]
        #expect(try runAsNobody(binary, arguments).status == 0)

        let beta = corpus.root.appendingPathComponent("beta").path
        #expect(chmod(beta, 0) == 0)
        defer { chmod(beta, 0o755) }
        let run = try runAsNobody(binary, arguments)
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.contains("0 removed"), "\(run.stdout)")
        #expect(run.stdout.contains("warning \(beta)"), "\(run.stdout)")
        #expect(try documents(corpus.indexPath, binary) == 7)

        // A rebuild that cannot read the folder would drop its articles: the old index stays.
        let rebuild = try runAsNobody(binary, arguments + ["--rebuild"])
        #expect(rebuild.status == 1, "\(rebuild.stdout)")
        #expect(rebuild.stdout.contains("the old index is kept"), "\(rebuild.stdout)")
        #expect(try documents(corpus.indexPath, binary) == 7)
    }

    /// An index in a folder its reader may not write (a read-only mount, another user's folder):
    /// SQLite cannot make the index's `-shm` file there, and the file does not open. That is said as
    /// it is, not as "no index at … run `search index` first".
    @Test(.enabled(if: canDropPrivileges, "needs root and setpriv to run search as nobody"))
    func anIndexInAFolderNobodyMayWriteIsNamedAsSuch() throws {
        let binary = try SearchBinary()
        let corpus = try CorpusFixture()
        let indexed = try binary.run(["index", "--quiet", "--index", corpus.indexPath, corpus.root.path])
        #expect(indexed.status == 0, "\(indexed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: corpus.indexPath + "-shm"))
        for arguments in [["defense"], ["stats"], ["show", "a1"]] {
            let run = try runAsNobody(binary, arguments + ["--index", corpus.indexPath])
            #expect(run.status == 1, "\(run.stdout)")
            #expect(run.stdout.contains("its folder is not writable"), "\(run.stdout)")
            #expect(!run.stdout.contains("no index at") && !run.stdout.contains("the index is read-only"), "\(run.stdout)")
        }
    }

    func documents(_ index: String, _ binary: SearchBinary) throws -> Int? {
        let stats = try binary.run(["stats", "--json", "--index", index])
        return (try JSONSerialization.jsonObject(with: stats.stdoutData) as? [String: Any])?["documents"] as? Int
    }
}
