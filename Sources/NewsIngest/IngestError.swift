/// Why an input could not become an article; the message names the problem so a user can fix the file.
public enum IngestError: Error, Equatable, CustomStringConvertible {
    case notUTF8
    case emptyArticle
    case malformedJSON(String)
    case notAnObject
    case missingBody
    case badField(name: String, reason: String)

    public var description: String {
        switch self {
        case .notUTF8: "not valid UTF-8 text"
        case .emptyArticle: "no title and no text"
        case .malformedJSON(let detail): "malformed JSON: \(detail)"
        case .notAnObject: "a JSON Lines record must be an object"
        case .missingBody: "no body, text or content field"
        case .badField(let name, let reason): "field '\(name)': \(reason)"
        }
    }
}
