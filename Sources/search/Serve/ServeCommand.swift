import ArgumentParser
import Dispatch
import Foundation
import NewsSearch

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a search page and a JSON API (the CLI's --json) on this machine.",
        usage: "search serve [--index PATH] [--port 8080] [--host 127.0.0.1] [--cache 256]",
        discussion: """
            Pages: / (search, facets, date chart, article view). API: /api/search?q=…&source=…&actor=…&since=…\
            &until=…&sort=…&limit=…&offset=… (the query options as parameters, answered as 'search … --json'), \
            /api/articles/ID, /api/actors, /api/stats. Read-only; binds 127.0.0.1 unless --host says otherwise.
            """)

    @OptionGroup var indexOptions: IndexOptions
    @Option(help: "The TCP port (0: any free one, printed at start).") var port = 8080
    @Option(help: "The address to listen on; other machines can reach it only if this is not a loopback address.")
    var host = "127.0.0.1"
    @Option(help: """
        How many search answers to keep for repeated requests (0: none). After the index changes, a kept answer is \
        given only while the new one is computed, for at most five seconds.
        """)
    var cache = 256
    @Option(help: ArgumentHelp(
        "When the server stops, write one line per /api/search request to this file: what it waited for and did (for load tests).",
        valueName: "file"))
    var trace: String?

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0 to 65535 (got \(port))") }
        guard (0...100_000).contains(cache) else { throw ValidationError("--cache must be 0 to 100000 (got \(cache))") }
    }

    func run() throws {
        if let problem = ListeningAddress.problem(host: host, port: port) { throw CLIError.runtime(problem) }
        let store = try indexOptions.openForReading()
        if let trace {
            // Found out now, not after a load test's whole run.
            do {
                try "".write(toFile: trace, atomically: false, encoding: .utf8)
            } catch {
                throw CLIError.usage("cannot create the request log \(trace): check that its folder exists and is writable")
            }
        }
        let log = trace.map { _ in RequestLog() }
        let server = WebServer(
            api: SearchAPI(store: store, cachedResults: cache, log: log), assets: try WebAssets.load(), host: host, port: port)
        let path = indexOptions.path
        // ArgumentParser's run() is synchronous and Hummingbird is async: the main thread waits here
        // until the server stops (SIGINT or SIGTERM, handled by Hummingbird's service group).
        let outcome = ServeOutcome()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do {
                try await server.run { address in
                    var out = StandardOutput()
                    out.write("search: serving \(path) at \(address)\n")
                }
            } catch {
                outcome.error = error
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error {
            throw CLIError.runtime("could not serve on \(host):\(port): \(error)")
        }
        if let trace, let log {
            do {
                try log.write(to: trace)
            } catch {
                throw CLIError.runtime("could not write the request log \(trace): \(error.localizedDescription)")
            }
        }
    }
}

/// The server task's error, handed to the waiting main thread (written once, read after the signal).
private final class ServeOutcome: @unchecked Sendable {
    var error: (any Error)?
}
