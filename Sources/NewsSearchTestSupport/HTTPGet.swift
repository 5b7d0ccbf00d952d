import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A blocking HTTP request for tests: status, headers and body, whatever the status.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data

    public var text: String { String(decoding: body, as: UTF8.self) }

    public func header(_ name: String) -> String? {
        headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

public enum HTTP {
    public static func get(_ url: URL) throws -> HTTPResponse {
        try send(URLRequest(url: url))
    }

    public static func send(_ request: URLRequest, timeout: TimeInterval = 60) throws -> HTTPResponse {
        var request = request
        request.timeoutInterval = timeout
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        let task = URLSession.shared.dataTask(with: request) { data, response, error in
            if let error {
                box.result = .failure(error)
            } else if let http = response as? HTTPURLResponse {
                var headers: [String: String] = [:]
                for (key, value) in http.allHeaderFields { headers["\(key)"] = "\(value)" }
                box.result = .success(HTTPResponse(status: http.statusCode, headers: headers, body: data ?? Data()))
            } else {
                box.result = .failure(URLError(.badServerResponse))
            }
            done.signal()
        }
        task.resume()
        done.wait()
        return try box.result!.get()
    }
}

private final class ResultBox: @unchecked Sendable {
    var result: Result<HTTPResponse, any Error>?
}
