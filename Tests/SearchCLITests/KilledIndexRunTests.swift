import Foundation
import NewsSearchTestSupport
import Testing

/// Issue 14, item 6: a run killed mid-dump is finished by the next run, every record once, whether
/// the dump comes from a file, from standard input or into `--rebuild`.
@Suite(.serialized) struct KilledIndexRunTests {
    static let records = 2400

    /// Records with an id and without (numbered by their place in the dump), small chunks so the
    /// dump spans many commits.
    static func dump() -> String {
        (1...records).map { n in
            let body = "Harbour ledger \(n) lists cargo volume, berth fees and shipping notes for the quarter."
            return n % 3 == 0
                ? #"{"id": "rec-\#(n)", "title": "Ledger \#(n)", "body": "\#(body)"}"#
                : #"{"title": "Ledger \#(n)", "body": "\#(body)"}"#
        }.joined(separator: "\n") + "\n"
    }

    static func documents(in index: String, binary: SearchBinary) throws -> Int? {
        let stats = try binary.run(["stats", "--json", "--index", index])
        let decoded = try JSONSerialization.jsonObject(with: stats.stdoutData) as? [String: Any]
        return decoded?["documents"] as? Int
    }

    /// Starts `search arguments…`, kills it with SIGKILL after `delay` seconds; true if it was still running.
    static func kill(_ binary: SearchBinary, _ arguments: [String], after delay: Double, input: URL? = nil) throws -> Bool {
        let process = Process()
        process.executableURL = binary.url
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        if let input { process.standardInput = try FileHandle(forReadingFrom: input) }
        try process.run()
        usleep(UInt32(delay * 1_000_000))
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal
    }

    /// Seconds a full run takes here (a debug build on a busy machine is slow, a release build fast).
    static func timed(_ body: () throws -> Void) throws -> Double {
        let start = Date()
        try body()
        return Date().timeIntervalSince(start)
    }

    /// Random moments spread over a run of `seconds`, so kills land early, midway and late.
    static func moments(within seconds: Double, count: Int) -> [Double] {
        (0..<count).map { slot in
            seconds * (Double(slot) + Double.random(in: 0.1...0.9)) / Double(count)
        }.shuffled()
    }

    @Test func aDumpKilledAtRandomMomentsEndsWithEveryRecordOnce() throws {
        let binary = try SearchBinary()
        let folder = try TemporaryDirectory("killed-dump")
        let dump = try folder.write(Self.dump(), to: "data/ledger.jsonl").path
        let index = folder.url.appendingPathComponent("index/search.sqlite").path
        let arguments = ["index", "--quiet", "--index", index, "--dump-chunk-bytes", "20000", dump]
        _ = try binary.run(arguments)
        #expect(try Self.documents(in: index, binary: binary) == Self.records)
        // The kills interrupt runs over a changed dump, which redo only what changed: their moments
        // are spread over such a run, not over the first (which also signs every article for copy
        // clusters, and in a debug build took long enough that most kills came after a re-run ended).
        try Data((Self.dump() + #"{"title": "Timing", "body": "One record to time a re-run."}"# + "\n").utf8)
            .write(to: URL(fileURLWithPath: dump))
        let full = try Self.timed { _ = try binary.run(arguments) }
        var landed = 0
        // Each run meets a changed dump (one record more, or one fewer), so it has work to do when killed.
        for (round, delay) in Self.moments(within: full, count: 5).enumerated() {
            let extra = round % 2 == 0 ? #"{"title": "Extra", "body": "One record more."}"# + "\n" : ""
            try Data((Self.dump() + extra).utf8).write(to: URL(fileURLWithPath: dump))
            if try Self.kill(binary, arguments, after: delay) { landed += 1 }
            let verify = try binary.run(["stats", "--verify", "--index", index])
            #expect(verify.status == 0, "\(verify.stderr)")
            let finished = try binary.run(arguments)
            #expect(finished.status == 0, "\(finished.stderr)")
            let expected = Self.records + (extra.isEmpty ? 0 : 1)
            #expect(try Self.documents(in: index, binary: binary) == expected, "round \(round): \(finished.stdout)")
        }
        #expect(landed >= 2, "the kills must land while the indexer runs, or the test proves nothing")
        let show = try binary.run(["show", "ledger.jsonl#1600", "--index", index])
        #expect(show.status == 0, "\(show.stderr)")
    }

    @Test func aDumpKilledOnItsFirstRunIsFinishedByTheNext() throws {
        let binary = try SearchBinary()
        let folder = try TemporaryDirectory("killed-dump")
        let dump = try folder.write(Self.dump(), to: "data/ledger.jsonl").path
        let index = folder.url.appendingPathComponent("index/search.sqlite").path
        let arguments = ["index", "--quiet", "--index", index, "--dump-chunk-bytes", "20000", dump]
        let full = try Self.timed {
            _ = try binary.run(arguments)
            try FileManager.default.removeItem(atPath: index)
        }
        for delay in Self.moments(within: full, count: 3) {
            try? FileManager.default.removeItem(atPath: index)
            _ = try Self.kill(binary, arguments, after: delay)
            let rerun = try binary.run(arguments)
            #expect(rerun.status == 0, "\(rerun.stderr)")
            #expect(try Self.documents(in: index, binary: binary) == Self.records, "after a kill at \(delay) s: \(rerun.stdout)")
        }
    }

    @Test func killedRebuildAndStandardInputLoseNothing() throws {
        let binary = try SearchBinary()
        let folder = try TemporaryDirectory("killed-dump")
        let dump = try folder.write(Self.dump(), to: "data/ledger.jsonl")
        let index = folder.url.appendingPathComponent("index/search.sqlite").path
        let first = try binary.run(["index", "--quiet", "--index", index, dump.path])
        #expect(first.status == 0, "\(first.stderr)")
        let rebuild = ["index", "--quiet", "--index", index, "--rebuild", "--dump-chunk-bytes", "20000", dump.path]
        let full = try Self.timed { _ = try binary.run(rebuild) }
        _ = try Self.kill(binary, rebuild, after: full / 2)
        // The old index still answers in full while its replacement was being built.
        #expect(try Self.documents(in: index, binary: binary) == Self.records)
        #expect(try binary.run(rebuild).status == 0)
        #expect(try Self.documents(in: index, binary: binary) == Self.records)

        let stdinIndex = folder.url.appendingPathComponent("stdin/search.sqlite").path
        _ = try Self.kill(binary, ["index", "--quiet", "--index", stdinIndex, "-"], after: full / 2, input: dump)
        let rerun = try binary.run(["index", "--quiet", "--index", stdinIndex, "-"], input: Self.dump())
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(try Self.documents(in: stdinIndex, binary: binary) == Self.records)
    }
}
