import Foundation

/// Reads a `.json` file that is one document: an array of article objects (what many scrapers and
/// exports write), or a single object spread over several lines. Each object is read exactly as a
/// JSON Lines record is (``JSONLinesReader``); a bad one is skipped with its position in the array.
struct JSONDocumentReader {
    /// nil when the bytes are not one JSON document: read them as JSON Lines then, whose first line
    /// may just be a bad record.
    func read(data: Data, path: String) -> (drafts: [ArticleDraft], skipped: [SkippedRecord])? {
        guard let value = try? JSONSerialization.jsonObject(with: data) else { return nil }
        let records = (value as? [Any]) ?? [value]
        var drafts: [ArticleDraft] = []
        var skipped: [SkippedRecord] = []
        for (index, record) in records.enumerated() {
            let location = records.count == 1 && !(value is [Any]) ? path : "\(path) [\(index + 1)]"
            do {
                guard let object = record as? [String: Any] else { throw IngestError.notAnObject }
                drafts.append(try JSONLinesReader().draft(fields: object.mapValues(RecordField.init)))
            } catch {
                skipped.append(SkippedRecord(location: location, reason: "\(error)"))
            }
        }
        return (drafts, skipped)
    }

    /// Whether the bytes are one JSON document rather than JSON Lines: an array, or an object whose
    /// first line is not a whole record. Only the first line is parsed; a dump is not read twice.
    static func isOneDocument(_ data: Data) -> Bool {
        guard let first = data.firstIndex(where: { !Self.isSpace($0) }) else { return false }
        if data[first] == UInt8(ascii: "[") { return true }
        guard data[first] == UInt8(ascii: "{") else { return false }
        let end = data[first...].firstIndex(of: 0x0A) ?? data.endIndex
        if end == data.endIndex { return false }
        return (try? JSONSerialization.jsonObject(with: data[first..<end])) == nil
    }

    /// Whether a JSON document is one object (one article) rather than an array of them.
    static func isOneObject(_ data: Data) -> Bool {
        data.first(where: { !Self.isSpace($0) }) == UInt8(ascii: "{")
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
}
