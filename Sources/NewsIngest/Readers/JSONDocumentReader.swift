import Foundation

/// Reads a `.json` file that is one document: an array of article objects (what many scrapers and
/// exports write), or a single object spread over several lines. Each object is read exactly as a
/// JSON Lines record is (``JSONLinesReader``); a bad one is skipped with its position in the array.
struct JSONDocumentReader {
    /// nil when the bytes are not one JSON document: read them as JSON Lines then, whose first line
    /// may just be a bad record.
    func read(data: Data, path: String) -> (drafts: [ArticleDraft], skipped: [SkippedRecord])? {
        guard let value = try? JSONSerialization.jsonObject(with: data) else { return salvage(data: data, path: path) }
        let records = (value as? [Any]) ?? (value as? [String: Any]).flatMap(RecordContainers.records(in:)) ?? [value]
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

    /// An array that does not parse whole, read record by record: a scraper killed mid-write leaves
    /// one cut short, and a bad value spoils only its own record. Every record that parses is read;
    /// each that does not is named; a cut end is said once. nil when it is not an array at all.
    private func salvage(data: Data, path: String) -> (drafts: [ArticleDraft], skipped: [SkippedRecord])? {
        guard let split = JSONArrayElements(data) else { return nil }
        var drafts: [ArticleDraft] = []
        var skipped: [SkippedRecord] = []
        // Each element is read as a JSON Lines record is, parser's reason and all.
        let reader = JSONLinesReader()
        for (index, range) in split.elements.enumerated() {
            do {
                drafts.append(try reader.draft(from: data[range], generalParser: true))
            } catch {
                skipped.append(SkippedRecord(location: "\(path) [\(index + 1)]", reason: "\(error)"))
            }
        }
        guard split.isCut else { return (drafts, skipped) }
        // The bytes after the last comma: a whole record when the cut fell just after it.
        if let tail = split.tail, let draft = try? reader.draft(from: data[tail], generalParser: true) {
            drafts.append(draft)
        }
        let before = drafts.count + skipped.count
        skipped.append(SkippedRecord(
            location: "\(path) [\(before + 1)]",
            reason: IngestError.malformedJSON(
                "the array ends before its closing ']' (the file was cut short?); the \(before) records before it were read"
            ).description))
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
    /// Whether the document is one object that holds a list of records (an API's answer), not an article.
    static func isEnvelope(_ data: Data) -> Bool {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { return false }
        return RecordContainers.records(in: object) != nil
    }

    /// Whether the bytes hold one line (blanks after it aside).
    static func isOneLine(_ data: Data) -> Bool {
        guard let end = data.firstIndex(of: 0x0A) else { return true }
        return data[end...].allSatisfy(isSpace)
    }

    static func isOneObject(_ data: Data) -> Bool {
        data.first(where: { !Self.isSpace($0) }) == UInt8(ascii: "{")
    }

    fileprivate static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
}

/// The byte ranges of a JSON array's elements, found by brackets and strings alone, so that each can be
/// parsed on its own; `isCut` when the bytes end inside the array, and then `tail` is what follows the
/// last comma (a whole element when the cut fell right after one, else a broken one).
struct JSONArrayElements {
    private(set) var elements: [Range<Data.Index>] = []
    private(set) var isCut = false
    private(set) var tail: Range<Data.Index>?

    /// nil unless the bytes are one array, possibly cut short, with nothing but space after it.
    init?(_ data: Data) {
        guard let open = data.firstIndex(where: { !JSONDocumentReader.isSpace($0) }), data[open] == UInt8(ascii: "[") else { return nil }
        var depth = 0
        var inString = false
        var escaped = false
        var start: Data.Index?
        var index = open
        var closed: Data.Index?
        while index < data.endIndex {
            let byte = data[index]
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
            } else {
                switch byte {
                case UInt8(ascii: "\""):
                    inString = true
                    if depth == 1, start == nil { start = index }
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    if depth == 1, start == nil { start = index }
                    depth += 1
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    depth -= 1
                    if depth == 0 {
                        if let first = start { elements.append(first..<index) }
                        closed = index
                    }
                case UInt8(ascii: ","):
                    if depth == 1, let first = start {
                        elements.append(first..<index)
                        start = nil
                    }
                default:
                    if depth == 1, start == nil, !JSONDocumentReader.isSpace(byte) { start = index }
                }
            }
            if closed != nil { break }
            index += 1
        }
        if let closed {
            // Something after the array: not one document (perhaps JSON Lines of arrays); read it as before.
            guard data[(closed + 1)...].allSatisfy(JSONDocumentReader.isSpace) else { return nil }
        } else {
            isCut = true
            tail = start.map { $0..<data.endIndex }
        }
    }
}
