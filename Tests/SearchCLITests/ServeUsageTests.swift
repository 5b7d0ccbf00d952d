import Foundation
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

    /// A port another program listens on was NIO's "bind(descriptor:ptr:bytes:): Address already in use) (errno: 98)".
    @Test func aPortInUseIsSaidInWords() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, length) == 0 && listen(listener, 1) == 0 && getsockname(listener, $0, &length) == 0
            }
        }
        try #require(listening)
        let port = Int(UInt16(bigEndian: address.sin_port))
        let result = try SearchBinary().run(["serve", "--index", "/nonexistent/search.sqlite", "--port", String(port)])
        #expect(result.status == 1)
        #expect(result.stderr == "search: port \(port) on 127.0.0.1 is already in use (another search serve?): choose another with --port, or --port 0 for any free one\n",
            "\(result.stderr)")
    }
}
