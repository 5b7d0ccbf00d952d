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

    /// A list holding more than strings, or an object, written as compact JSON (keys sorted): kept as the
    /// record gave it rather than lost; nil for any other value.
    var json: String? {
        guard case .other(let value) = self, value is [String: Any] || (value as? [Any])?.allSatisfy({ $0 is String }) == false,
            let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// JSON's `null`: no value at all.
    var isNull: Bool {
        if case .other(let value) = self { value is NSNull } else { false }
    }

    private static func string(_ value: Any) -> String? {
        switch value {
        case let text as String: text
        // JSONSerialization gives `true` as a number; written out, it was "1".
        case let number as NSNumber where String(cString: number.objCType) == "c": number.boolValue ? "true" : "false"
        case let number as NSNumber: number.stringValue
        default: nil
        }
    }
}

extension RecordField {
    /// An outlet or a person given as an object (`"source": {"id": "bbc-news", "name": "BBC News"}`,
    /// as news APIs write them) is its name; anything else is itself.
    var named: RecordField {
        guard case .other(let value) = self, let object = value as? [String: Any],
            let name = Self.name(of: object)
        else { return self }
        return .text(name)
    }

    /// Names in a list, a comma-separated string, or a list of objects with names (`[{"name": "Ana Ruiz"}]`).
    var names: [String] {
        switch self {
        case .other(let value as [Any]):
            return value.compactMap { item in
                (item as? String) ?? (item as? [String: Any]).flatMap(Self.name(of:))
            }.filter { !$0.isEmpty }
        case .other(let value as [String: Any]):
            return Self.name(of: value).map { [$0] } ?? []
        default:
            return list
        }
    }

    private static func name(of object: [String: Any]) -> String? {
        for key in ["name", "title", "displayName", "display_name"] {
            if let name = object[key] as? String, !name.isEmpty { return name }
        }
        return nil
    }

    /// The UTC day of a Unix time in seconds or milliseconds (`1741046400`, `1741046400000`), as
    /// databases and news APIs export dates; nil for any other number, or one before 1973 or after 2200
    /// (a count, an id or a boolean, not a time; `20250304` is a date of eight digits, read elsewhere).
    var epochDay: ArticleDate? {
        let seconds: Double
        switch self {
        case .other(let number as NSNumber):
            seconds = number.doubleValue
        case .text(let text) where !text.isEmpty && text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }):
            guard let value = Double(text) else { return nil }
            seconds = value
        default:
            return nil
        }
        // Past 1e11 a count of seconds is beyond the year 5000: it is milliseconds.
        let unix = seconds >= 1e11 ? seconds / 1000 : seconds
        guard unix >= 1e8 && unix < 7.3e9 else { return nil }
        var time = time_t(unix.rounded(.down))
        var parts = tm()
        guard gmtime_r(&time, &parts) != nil else { return nil }
        return ArticleDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
    }
}
