/// Why an input could not become an article; the message names the problem so a user can fix the file.
public enum IngestError: Error, Equatable, CustomStringConvertible {
    case emptyArticle
    case malformedJSON(String)
    case notAnObject
    case missingBody
    case badField(name: String, reason: String)
    case badAliasLine(number: Int, text: String)
    case binary
    case undecodable(String)
    case malformedHTML(String)
    /// Parsed, but holding neither text nor a title: an app's shell whose text scripts draw, or a page cut short.
    case pageWithoutText
    case malformedWebArchive(String)
    case tooLarge(bytes: Int, limit: Int)
    case unsupported(UnsupportedDocument)
    /// libxml2, which reads web pages and feeds, could not be loaded (the file name tried first).
    case missingLibrary(String)
    case archiveWithoutPages

    public var description: String {
        switch self {
        case .emptyArticle: "no title and no text"
        case .malformedJSON(let detail): "malformed JSON: \(detail)"
        case .notAnObject: "a JSON Lines record must be an object"
        case .missingBody: "no body, text or content field"
        case .badField(let name, let reason): "field '\(name)': \(reason)"
        case .binary: "binary file (not text)"
        case .undecodable(let encoding): "bytes are not valid \(encoding) text"
        case .malformedHTML(let detail): "malformed HTML: \(detail)"
        case .pageWithoutText:
            "a page with no article text and no title (cut short, or its text drawn by JavaScript: save it from the browser once it has loaded)"
        case .malformedWebArchive(let detail): "malformed MIME file (web archive or e-mail): \(detail)"
        case .tooLarge(let bytes, let limit):
            "file is \(bytes >> 20) MB, larger than the \(limit >> 20) MB limit for this format"
        case .unsupported(let kind): kind.description
        case .missingLibrary(let name):
            "libxml2 (\(name)), which reads web pages and feeds, could not be loaded: install it (apt-get install libxml2)"
        case .archiveWithoutPages: "a web archive (WARC) with no HTML page in it"
        case .badAliasLine(let number, let text):
            "source aliases line \(number): '\(text)' is not 'alias = Canonical Name'"
        }
    }
}
