/// A URL's query string as ordered name–value pairs, decoded as browsers encode forms (`+` is a
/// space), so `source=A&source=B` keeps both values in order, as repeated flags do.
struct QueryParameters {
    var pairs: [(name: String, value: String)] = []

    init(_ query: String?) throws {
        guard let query, !query.isEmpty else { return }
        for part in query.split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(pieces[0]), let value = Self.decode(pieces.count > 1 ? pieces[1] : "") else {
                throw APIError.badRequest("malformed query string: percent-escapes must encode UTF-8")
            }
            pairs.append((name, value))
        }
    }

    static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}

/// An answer the API gives instead of the result: the status and the one-line message.
struct APIError: Error {
    var status: Int
    var message: String

    static func badRequest(_ message: String) -> APIError { APIError(status: 400, message: message) }
}
