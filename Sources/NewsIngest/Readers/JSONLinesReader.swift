import Foundation
import NewsDates

/// Reads JSON Lines dumps: one article object per line (DESIGN §4).
///
/// A malformed line is skipped with its line number; the rest of the dump goes in.
struct JSONLinesReader {
    /// Drafts of the good records, and the bad ones with `file:line` and a reason.
    func read(data: Data, path: String) -> (drafts: [ArticleDraft], skipped: [SkippedRecord]) {
        var result: (drafts: [ArticleDraft], skipped: [SkippedRecord]) = ([], [])
        var lineNumber = 0
        // Lines found over raw bytes: iterating `Data` element by element cost more than parsing the JSON.
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                defer { start = end + 1 }
                lineNumber += 1
                var first = start
                while first < end && (bytes[first] == 0x20 || bytes[first] == 0x09 || bytes[first] == 0x0D) { first += 1 }
                if first == end { continue }
                do {
                    var record = try draft(from: Data(UnsafeBufferPointer(rebasing: bytes[first..<end])))
                    record.line = lineNumber
                    result.drafts.append(record)
                } catch let error as IngestError {
                    result.skipped.append(SkippedRecord(location: "\(path):\(lineNumber)", reason: error.description))
                } catch {
                    result.skipped.append(SkippedRecord(location: "\(path):\(lineNumber)", reason: "\(error)"))
                }
            }
        }
        return result
    }

    /// - Parameter generalParser: always use `JSONSerialization` (the tests compare the two paths).
    func draft(from line: Data, generalParser: Bool = false) throws -> ArticleDraft {
        // ASCII is valid UTF-8; only other lines need the decoder's check.
        guard line.withUnsafeBytes({ $0.allSatisfy { $0 < 0x80 } }) || String(data: line, encoding: .utf8) != nil else {
            // A record with Latin-1 bytes in a UTF-8 dump (an old scraper's, a merged export) is read as
            // windows-1252, as a text file in no Unicode encoding is, and says so; it was skipped whole.
            let (text, foreign) = TextDecoding.mixed(line)
            var draft = try draft(from: Data(text.utf8), generalParser: generalParser)
            draft.notes.append("\(foreign) byte\(foreign == 1 ? "" : "s") not UTF-8: read as windows-1252")
            return draft
        }
        if !generalParser, let flat = line.withUnsafeBytes({ FlatJSONObject.parse($0) }) {
            return try draft(fields: flat)
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: line)
        } catch {
            throw IngestError.malformedJSON(Self.reason(error))
        }
        guard let fields = object as? [String: Any] else { throw IngestError.notAnObject }
        return try draft(fields: fields.mapValues(RecordField.init))
    }

    /// What the JSON parser says is wrong ("unescaped control character around character 7"), or a
    /// general phrase when it says nothing useful.
    static func reason(_ error: Error) -> String {
        guard var detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String, !detail.isEmpty else {
            return "not a JSON value"
        }
        if detail.hasSuffix(".") { detail.removeLast() }
        return detail.prefix(1).lowercased() + detail.dropFirst()
    }

    /// A draft from one record's fields, wherever the record came from (a line, an element of an array,
    /// a table row: `origin` is what `extract` then says its date and source came from).
    func draft(fields: [String: RecordField], origin: RecordOrigin = .jsonLines) throws -> ArticleDraft {
        let fields = RecordContainers.lifted(fields)
        var nuls = 0
        // Every string field loses its NULs (SQLite would cut the text there). Title, body and extra
        // fields also get one kind of line end, so that CR LF paragraphs are paragraphs; an id or URL
        // is kept as written otherwise, so that `search show ID` finds exactly what the record says.
        func text(_ value: RecordField?) -> String? {
            guard let raw = value?.string else { return nil }
            let (cleaned, removed) = InputText.normalized(raw)
            nuls += removed
            return cleaned
        }
        func plain(_ value: RecordField?) -> String? {
            guard let raw = value?.string else { return nil }
            let (cleaned, removed) = InputText.withoutNUL(raw)
            nuls += removed
            return cleaned
        }
        let roles = RecordRoles(fields.keys)
        func field(_ role: RecordRoles.Role) -> RecordField? { roles.key(role).flatMap { fields[$0] } }
        var body = text(roles.textKey.flatMap { fields[$0] }) ?? ""
        let cutAtSource = Self.cutMarker(in: body)
        if let cutAtSource { body = String(body[..<cutAtSource.marker].trimmingWhitespace()) }
        let title = text(field(.title)).map(HTMLFragment.inlineText) ?? ""
        if body.isEmpty && title.isEmpty { throw IngestError.missingBody }
        var draft = ArticleDraft(
            title: title.isEmpty ? nil : title,
            lines: HTMLFragment.isMarkup(body) ? HTMLFragment.lines(body) : body.lineSlices(omittingEmptySubsequences: false).map(String.init))
        draft.dateFromPath = false
        if let value = field(.date), let raw = text(value), !raw.isEmpty {
            if let parsed = value.epochDay ?? ArticleDate(parsing: raw) ?? DateExtractor.parse(raw) {
                draft.date = parsed
                draft.dateOrigin = origin.date
            } else {
                draft.invalidDate = raw
            }
        }
        var url = plain(field(.url))
        var consumed = roles.consumed
        // Some tools put the page's address where the outlet's name goes (trafilatura's `source`): it is
        // then the address, and the outlet is the next field that names one, else the address's host.
        for key in roles.candidates(.source) {
            guard let source = text(fields[key]?.named), !source.isEmpty else { continue }
            consumed.insert(key)
            if source.hasPrefix("http://") || source.hasPrefix("https://") {
                if url?.isEmpty ?? true { url = source }
                continue
            }
            draft.sources.append((source, origin.source))
            break
        }
        draft.metadata.reserveCapacity(fields.count)
        for (key, value) in fields where !consumed.contains(key) {
            draft.metadata[key] = text(value) ?? value.list.map { InputText.normalized($0).text }.joined(separator: ", ")
        }
        draft.id = plain(field(.id)).flatMap { $0.isEmpty ? nil : $0 }
        draft.url = url
        draft.authors = field(.authors).map { $0.names.map { HTMLFragment.inlineText(InputText.normalized($0).text) } } ?? []
        draft.actors = field(.actors).map { $0.list.map { InputText.normalized($0).text } } ?? []
        if nuls > 0 { draft.notes.append(InputText.nulNote(nuls)) }
        // Kept with the article, not as a note of the run: every record of such an API's answer is cut.
        if let cutAtSource { draft.metadata["cut_by_source"] = "\(cutAtSource.more) characters left out" }
        return draft
    }

    /// News APIs that give a story's first characters end them with how many they left out (NewsAPI:
    /// `… [+2311 chars]`): the marker is no text of the story, but the cut is worth keeping.
    static func cutMarker(in body: String) -> (marker: String.Index, more: Int)? {
        guard body.hasSuffix(" chars]"), let open = body.lastIndex(of: "["),
            body[body.index(after: open)...].hasPrefix("+"),
            let more = Int(body[body.index(open, offsetBy: 2)...].dropLast(" chars]".count))
        else { return nil }
        return (open, more)
    }
}

/// Where a record's stated date and source came from, as `extract` reports them.
struct RecordOrigin {
    var date: DateOrigin
    var source: SourceOrigin

    static let jsonLines = RecordOrigin(date: .jsonLines, source: .jsonLines)
    static let tableRow = RecordOrigin(date: .tableRow, source: .tableRow)
}
