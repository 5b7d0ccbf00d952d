import Foundation
import Hummingbird
import Logging

/// The HTTP side of `search serve`: routes, security headers, and the process's one engine.
struct WebServer: Sendable {
    let api: SearchAPI
    let assets: WebAssets
    let host: String
    let port: Int

    /// Serves until SIGINT or SIGTERM; `ready` gets the address actually bound (port 0 picks one).
    func run(ready: @escaping @Sendable (String) -> Void) async throws {
        let router = Router()
        router.add(middleware: SecurityHeaders())
        for asset in assets.files.keys {
            router.get(RouterPath(asset == "index.html" ? "/" : "/" + asset)) { _, _ in assets.response(asset) }
        }
        router.get("/api/search") { request, _ in await api.respond { try api.search(query: request.uri.query) } }
        router.get("/api/articles/**") { request, _ in
            await api.respond { try api.article(path: request.uri.path, query: request.uri.query) }
        }
        router.get("/api/actors") { request, _ in await api.respond { try api.actors(query: request.uri.query) } }
        router.get("/api/stats") { request, _ in await api.respond { try api.stats(query: request.uri.query) } }

        // Hummingbird's own log lines would mix with the address on standard output.
        var logger = Logger(label: "search-serve", factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = .warning
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? port
                let shown = host.contains(":") ? "[\(host)]" : host
                ready("http://\(shown):\(bound)/")
            },
            logger: logger)
        try await app.runService()
    }
}
