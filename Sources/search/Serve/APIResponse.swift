import Hummingbird

/// JSON answers: the bodies are the CLI's `--json` text, errors are `{"error": "…"}`.
enum APIResponse {
    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func error(_ status: HTTPResponse.Status, _ message: String) -> Response {
        json((try? JSONOutput.encode(JSONOutput.ErrorBody(error: message))) ?? "{\"error\":\"internal error\"}\n", status: status)
    }
}
