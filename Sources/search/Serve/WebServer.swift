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
        // Each route answers HEAD too, as GET without the body (RFC 9110 §9.3.2): link checkers and
        // `curl -I` ask with it, and a router that knows only GET answered them 404.
        func route(_ path: RouterPath, _ answer: @escaping @Sendable (Request) async -> Response) {
            router.get(path) { request, _ in await answer(request) }
            router.head(path) { request, _ in
                var response = await answer(request)
                let length = response.headers[.contentLength]
                response.body = ResponseBody()
                response.headers[.contentLength] = length
                return response
            }
        }
        for asset in assets.files.keys {
            route(RouterPath(asset == "index.html" ? "/" : "/" + asset)) { _ in assets.response(asset) }
        }
        route("/api/search") { request in await api.searchResponse(query: request.uri.query) }
        route("/api/articles/**") { request in
            await api.respond { try api.article(path: request.uri.path, query: request.uri.query) }
        }
        route("/api/actors") { request in await api.respond { try api.actors(query: request.uri.query) } }
        route("/api/stats") { request in await api.respond { try api.stats(query: request.uri.query) } }

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
