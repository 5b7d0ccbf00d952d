import NewsSearchTestSupport
import Testing

/// `search serve`'s own options are checked before anything is opened or bound: one line, status 2.
@Suite struct ServeUsageTests {
    @Test(arguments: [
        (["--port", "70000"], "--port must be 0 to 65535 (got 70000)"),
        (["--cache=-1"], "--cache must be 0 to 100000 (got -1)"),
        (["--cache", "100001"], "--cache must be 0 to 100000 (got 100001)"),
    ])
    func badOptionsAreOneLineAndStatus2(_ arguments: [String], _ message: String) throws {
        let result = try SearchBinary().run(["serve", "--index", "/nonexistent/search.sqlite"] + arguments)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("search: \(message)\n"), "\(result.stderr)")
    }
}
