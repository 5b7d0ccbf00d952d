import Foundation

/// Records as news APIs and content systems deliver them, read as the flat records they are:
/// WordPress gives `"title": {"rendered": "…"}`, the Guardian's API puts the body and byline in
/// `fields`, an Elasticsearch export the whole article in `_source`, a JSON:API document in
/// `attributes`. Such a record was skipped ("no body, text or content field") or kept its title
/// alone, and `_source` was even taken for the outlet's name.
enum RecordContainers {
    /// Keys whose object holds the record's own fields.
    static let containerKeys: Set<String> = [
        "_source", "fields", "attributes", "article", "data", "document", "doc", "post", "item", "record", "node",
    ]

    /// The record with each container's members beside its own fields (its own win a tie), and each
    /// `{"rendered": text}` as its text.
    static func lifted(_ fields: [String: RecordField]) -> [String: RecordField] {
        guard fields.values.contains(where: { if case .other(let value) = $0 { value is [String: Any] } else { false } }) else {
            return fields
        }
        var result: [String: RecordField] = [:]
        var inner: [(String, Any)] = []
        for (key, value) in fields {
            if case .other(let object as [String: Any]) = value, object["rendered"] == nil, containerKeys.contains(key) {
                inner += object.map { ($0.key, $0.value) }
            } else {
                result[key] = rendered(value)
            }
        }
        for (key, value) in inner where result[key] == nil { result[key] = rendered(RecordField(value)) }
        return result
    }

    /// WordPress's `{"rendered": text}` as its text; any other value as it is.
    private static func rendered(_ value: RecordField) -> RecordField {
        guard case .other(let object as [String: Any]) = value, let text = object["rendered"] as? String else { return value }
        return .text(text)
    }

    /// The records an API's answer holds, when a JSON document is one object that is no article itself:
    /// NewsAPI's `articles`, the Guardian's `response.results`, Elasticsearch's `hits.hits`. The longest
    /// list of objects within three levels; nil when there is none.
    static func records(in envelope: [String: Any]) -> [Any]? {
        let roles = RecordRoles(envelope.keys)
        guard roles.textKey == nil, roles.key(.title) == nil else { return nil }
        var best: [Any]?
        func look(_ value: Any, depth: Int) {
            if let list = value as? [Any] {
                if !list.isEmpty, list.allSatisfy({ $0 is [String: Any] }), list.count > (best?.count ?? 0) { best = list }
            } else if let object = value as? [String: Any], depth < 3 {
                for member in object.values { look(member, depth: depth + 1) }
            }
        }
        for member in envelope.values { look(member, depth: 1) }
        return best
    }
}
