import Foundation
import NewsDates

/// One value of a JSON record as the readers use it. The byte-level reader (``FlatJSONObject``) makes
/// strings and lists of strings directly; whatever `JSONSerialization` gave is wrapped once, and a
/// value that is not a string is read exactly as before. Holding records as `[String: Any]` cost a
/// dynamic cast per field read, and on Linux a list field asked whether it was a number was first
/// bridged to an `NSArray`: together a sixth of reading a record.
enum RecordField {
    case text(String)
    case texts([String])
    /// A value of `JSONSerialization` that is not a string: a number, a boolean, null, a list, an object.
    case other(Any)

    init(_ value: Any) {
        if let text = value as? String { self = .text(text) } else { self = .other(value) }
    }

    /// The value as text: a string, or a number written out; nil for anything else.
    var string: String? {
        switch self {
        case .text(let text): text
        case .texts: nil
        case .other(let value): Self.string(value)
        }
    }

    /// The non-empty strings of a list, or of a comma-separated string.
    var list: [String] {
        switch self {
        case .texts(let items): return items.filter { !$0.isEmpty }
        case .text(let text): return text.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        case .other(let value):
            guard let items = value as? [Any] else { return [] }
            return items.compactMap(Self.string).filter { !$0.isEmpty }
        }
    }

    private static func string(_ value: Any) -> String? {
        switch value {
        case let text as String: text
        case let number as NSNumber: number.stringValue
        default: nil
        }
    }
}
