import Foundation
import Hummingbird

/// The page's files, read once from the executable's resources: no CDN, works offline.
struct WebAssets: Sendable {
    let files: [String: Data]

    static let types = ["html": "text/html; charset=utf-8", "js": "text/javascript; charset=utf-8", "css": "text/css; charset=utf-8"]

    static func load() throws -> WebAssets {
        guard let folder = Bundle.module.url(forResource: "Web", withExtension: nil) else {
            throw CLIError.runtime("the web page is missing from this build")
        }
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where types[(name as NSString).pathExtension] != nil {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        guard files["index.html"] != nil else { throw CLIError.runtime("the web page is missing from this build") }
        return WebAssets(files: files)
    }

    func response(_ name: String) -> Response {
        let data = files[name] ?? Data()
        return Response(
            status: .ok,
            headers: [.contentType: Self.types[(name as NSString).pathExtension] ?? "application/octet-stream", .cacheControl: "no-cache"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
