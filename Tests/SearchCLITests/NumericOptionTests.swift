import Foundation
import NewsSearchTestSupport
import Testing

/// Every numeric option of every command, at any value: a result, or one line of error and status 2.
/// Never a trap (status 132/133 from SIGILL/SIGTRAP) or a stack trace.
@Suite struct NumericOptionTests {
    static let extremes = [
        "-1", "0", "1", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
        "99999999999999999999999999", "1e9", "abc", "",
    ]

    /// Each case: the arguments before the value, the option, and arguments after it.
    static let options: [(before: [String], option: String, after: [String])] = [
        (["defense"], "--limit", []), (["defense"], "--offset", []), (["defense"], "--facet-limit", []),
        (["defense", "--offset"], "9223372036854775807", ["--limit"]),
        (["defense", "--limit"], "9223372036854775807", ["--offset"]),
        (["defense"], "--recency-half-life", []), (["defense"], "--since", []), (["defense"], "--until", []),
        (["actors"], "--limit", []), (["reindex", "--quiet"], "--jobs", []), (["index", "--quiet", "CORPUS"], "--jobs", []),
    ]

    @Test func everyNumericOptionAtEveryValue() throws {
        let binary = try SearchBinary()
        let corpus = try CorpusFixture()
        let indexed = try binary.run(["index", "--index", corpus.indexPath, corpus.root.path])
        #expect(indexed.status == 0)
        for (before, option, after) in Self.options {
            for value in Self.extremes {
                let arguments = before.map { $0 == "CORPUS" ? corpus.root.path : $0 } + [option, value] + (after.isEmpty ? [] : after + [value]) + ["--index", corpus.indexPath]
                let result = try binary.run(arguments, in: corpus.folder)
                Self.expectResultOrUsageError(result, arguments)
            }
        }
    }

    /// `--limit -1` is a negative limit, not a missing one: the message says what the option takes.
    /// A negative number after a flag is still a query word (`--no-facets -2020` excludes 2020).
    @Test func aNegativeValueIsNamedAsSuch() throws {
        let binary = try SearchBinary()
        let corpus = try CorpusFixture()
        _ = try binary.run(["index", "--index", corpus.indexPath, corpus.root.path])
        for (option, expected) in [("--limit", "--limit must be 0 or more (got -1)"), ("--offset", "--offset must be 0 or more (got -1)"),
                                   ("--facet-limit", "--facet-limit must be 0 or more (got -1)")] {
            let result = try binary.run(["defense", option, "-1", "--index", corpus.indexPath])
            #expect(result.status == 2)
            #expect(result.stderr.hasPrefix("search: \(expected)"), "\(result.stderr)")
        }
        let span = try binary.run(["defense", "--recency-half-life", "-3m", "--index", corpus.indexPath])
        #expect(span.status == 2)
        #expect(span.stderr.contains("'-3m' is invalid"), "\(span.stderr)")
        let excluded = try binary.run(["defense", "--no-facets", "-2025", "--json", "--index", corpus.indexPath])
        #expect(excluded.status == 0, "\(excluded.stderr)")
        #expect(excluded.stdout.contains(#""query":"defense -2025""#), "\(excluded.stdout)")
    }

    @Test(arguments: [
        "date:0000..9999", "date:99999-01", "date:2025-13", "date:9999-12-31..", "before:0000-01-01",
        "after:9223372036854775807", "date:-1", "date:2025-02-30", "date:0001..0002",
    ])
    func extremeDatesInTheQuery(_ text: String) throws {
        let binary = try SearchBinary()
        let corpus = try CorpusFixture()
        _ = try binary.run(["index", "--index", corpus.indexPath, corpus.root.path])
        for mode in [[], ["--json"], ["--sort", "newest"]] {
            let result = try binary.run(["defense", text, "--index", corpus.indexPath] + mode, in: corpus.folder)
            #expect(result.status == 0, "\(text) \(mode): \(result.status) \(result.stderr)")
        }
    }

    @Test(arguments: ["99999-01", "0000", "0000-00-00", "9999-12-31", "-5", "2025-02-30", "1e4"])
    func extremeDateOptions(_ value: String) throws {
        let binary = try SearchBinary()
        let corpus = try CorpusFixture()
        _ = try binary.run(["index", "--index", corpus.indexPath, corpus.root.path])
        for option in ["--since", "--until"] {
            let result = try binary.run(["defense", option, value, "--index", corpus.indexPath], in: corpus.folder)
            Self.expectResultOrUsageError(result, [option, value])
        }
    }

    static func expectResultOrUsageError(
        _ result: SearchBinary.Result, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(result.status == 0 || result.status == 2, "\(arguments): status \(result.status) \(result.stderr)",
                sourceLocation: sourceLocation)
        if result.status == 2 {
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.first?.hasPrefix("search: ") == true, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
            #expect(lines.count <= 2, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        }
    }
}
