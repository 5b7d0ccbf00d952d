import Foundation

/// Reads JSON Lines dumps: one article object per line (DESIGN §4).
///
/// A malformed line is skipped with its line number; the rest of the dump goes in.
struct JSONLinesReader {
    /// Drafts of the good records, and the bad ones with `file:line` and a reason.
    func read(data: Data, path: String) -> (drafts: [ArticleDraft], skipped: [SkippedRecord]) {
        var result: (drafts: [ArticleDraft], skipped: [SkippedRecord]) = ([], [])
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            if trimmed.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            do {
                result.drafts.append(try draft(from: Data(trimmed)))
            } catch let error as IngestError {
                result.skipped.append(SkippedRecord(location: "\(path):\(lineNumber)", reason: error.description))
            } catch {
                result.skipped.append(SkippedRecord(location: "\(path):\(lineNumber)", reason: "\(error)"))
            }
        }
        return result
    }

    func draft(from line: Data) throws -> ArticleDraft {
        guard String(data: line, encoding: .utf8) != nil else { throw IngestError.notUTF8 }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: line)
        } catch {
            throw IngestError.malformedJSON("not a JSON value")
        }
        guard let fields = object as? [String: Any] else { throw IngestError.notAnObject }
        let body = (fields["body"] ?? fields["text"] ?? fields["content"]).flatMap(Self.string) ?? ""
        let title = fields["title"].flatMap(Self.string) ?? ""
        if body.isEmpty && title.isEmpty { throw IngestError.missingBody }
        var draft = ArticleDraft(
            title: title.isEmpty ? nil : title,
            lines: body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        draft.dateFromPath = false
        if let raw = fields["date"].flatMap(Self.string), !raw.isEmpty {
            guard let parsed = ArticleDate(parsing: raw) ?? DateExtractor.parse(raw) else {
                throw IngestError.badField(name: "date", reason: "'\(raw)' is not YYYY, YYYY-MM or YYYY-MM-DD")
            }
            draft.date = parsed
            draft.dateOrigin = .jsonLines
        }
        if let source = fields["source"].flatMap(Self.string), !source.isEmpty {
            draft.sources.append((source, .jsonLines))
        }
        let known: Set<String> = ["id", "title", "body", "text", "content", "date", "source", "url", "authors", "actors"]
        for (key, value) in fields where !known.contains(key) {
            draft.metadata[key] = Self.string(value) ?? Self.list(value).joined(separator: ", ")
        }
        draft.id = fields["id"].flatMap(Self.string).flatMap { $0.isEmpty ? nil : $0 }
        draft.url = fields["url"].flatMap(Self.string)
        draft.authors = fields["authors"].map(Self.list) ?? []
        draft.actors = fields["actors"].map(Self.list) ?? []
        return draft
    }

    static func string(_ value: Any) -> String? {
        switch value {
        case let text as String: text
        case let number as NSNumber: number.stringValue
        default: nil
        }
    }

    static func list(_ value: Any) -> [String] {
        if let items = value as? [Any] { return items.compactMap(string).filter { !$0.isEmpty } }
        if let text = value as? String {
            return text.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        }
        return []
    }
}
