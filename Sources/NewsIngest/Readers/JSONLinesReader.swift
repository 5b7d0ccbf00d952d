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
        let keys = RecordKeys()
        // Lines found over raw bytes: iterating `Data` element by element cost more than parsing the JSON.
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            while start <= bytes.count {
                // libc's memchr finds the line end with vector instructions (a byte loop was 4% of reading).
                var end = bytes.count
                if start < bytes.count, let base = bytes.baseAddress, let found = memchr(base + start, 0x0A, bytes.count - start) {
                    end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                }
                defer { start = end + 1 }
                lineNumber += 1
                var first = start
                while first < end && (bytes[first] == 0x20 || bytes[first] == 0x09 || bytes[first] == 0x0D) { first += 1 }
                if first == end { continue }
                do {
                    var record = try draft(from: Data(UnsafeBufferPointer(rebasing: bytes[first..<end])), keys: keys)
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

    /// - Parameters:
    ///   - generalParser: always use `JSONSerialization` (the tests compare the two paths).
    ///   - keys: the roles of the dump's earlier records' keys, reused when this record has the same keys.
    func draft(from line: Data, generalParser: Bool = false, keys: RecordKeys? = nil) throws -> ArticleDraft {
        // ASCII is valid UTF-8; only other lines need the decoder's check.
        guard line.withUnsafeBytes(Self.isASCII) || String(data: line, encoding: .utf8) != nil else {
            // A record with Latin-1 bytes in a UTF-8 dump (an old scraper's, a merged export) is read as
            // windows-1252, as a text file in no Unicode encoding is, and says so; it was skipped whole.
            let (text, foreign) = TextDecoding.mixed(line)
            var draft = try draft(from: Data(text.utf8), generalParser: generalParser, keys: keys)
            draft.notes.append("\(foreign) byte\(foreign == 1 ? "" : "s") not UTF-8: read as windows-1252")
            return draft
        }
        var order: [String] = []
        if !generalParser, let flat = line.withUnsafeBytes({ FlatJSONObject.parse($0, keyOrder: &order) }) {
            return try draft(fields: flat, keys: keys, keyOrder: order)
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: line)
        } catch {
            throw IngestError.malformedJSON(Self.reason(error))
        }
        guard let fields = object as? [String: Any] else { throw IngestError.notAnObject }
        return try draft(fields: fields.mapValues(RecordField.init), keys: keys)
    }

    /// Whether every byte is ASCII, read eight at a time: a byte loop over every record was 2% of reading.
    static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset + 8 <= bytes.count {
            if bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            offset += 8
        }
        while offset < bytes.count {
            if bytes[offset] >= 0x80 { return false }
            offset += 1
        }
        return true
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
    /// - Parameter keyOrder: the keys as the record wrote them, when it holds only strings and lists of
    ///   strings (``FlatJSONObject``: no container to lift, so they are the fields' keys).
    func draft(
        fields: [String: RecordField], origin: RecordOrigin = .jsonLines, keys: RecordKeys? = nil, keyOrder: [String]? = nil
    ) throws -> ArticleDraft {
        let fields = keyOrder == nil ? RecordContainers.lifted(fields) : fields
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
        let (roles, extraKeys) = keys?.roles(of: fields, order: keyOrder) ?? RecordKeys.roles(of: fields)
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
        var sourceKeys: [String] = []
        // Some tools put the page's address where the outlet's name goes (trafilatura's `source`): it is
        // then the address, and the outlet is the next field that names one, else the address's host.
        for key in roles.candidates(.source) {
            guard let source = text(fields[key]?.named), !source.isEmpty else { continue }
            sourceKeys.append(key)
            if source.hasPrefix("http://") || source.hasPrefix("https://") {
                if url?.isEmpty ?? true { url = source }
                continue
            }
            draft.sources.append((source, origin.source))
            break
        }
        draft.metadata.reserveCapacity(fields.count)
        for key in extraKeys where !sourceKeys.contains(key) {
            let value = fields[key]!
            if value.isNull { continue }
            draft.metadata[key] = text(value) ?? value.json.map { InputText.normalized($0).text }
                ?? value.list.map { InputText.normalized($0).text }.joined(separator: ", ")
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

/// The roles of a dump's record keys, worked out once: the records of a dump nearly always have the
/// same keys, and ``RecordRoles`` of twenty keys cost a quarter of turning a record into a draft.
/// One per read of a dump, never shared between threads.
final class RecordKeys {
    private var roles: RecordRoles?
    /// The keys of the last record whose roles were worked out.
    private var keys: Set<String> = []
    private var extraKeys: [String] = []

    /// Records whose keys came in order: the last few key lists, most recent first, with their roles.
    /// Compared list to list (a short key is compared as two words), not hashed into a set: that was
    /// 4,000 instructions a record of Reuters' 20 keys. A few, because a dump mixes a few shapes (a
    /// Reuters story without a dateline or title), and one remembered set missed 8% of its records.
    private var shapes: [(order: [String], roles: RecordRoles, extraKeys: [String])] = []
    static let shapesKept = 8

    /// The roles of the record's keys, and its keys that no role consumes (kept as extra fields).
    /// - Parameter order: the fields' keys in the record's order, when the reader has them.
    func roles(of fields: [String: RecordField], order: [String]?) -> (RecordRoles, [String]) {
        guard let order else { return roles(of: fields) }
        // The same list of keys: the same set, so the same roles.
        if let shape = shapes.first(where: { $0.order == order }) { return (shape.roles, shape.extraKeys) }
        let (roles, extraKeys) = Self.roles(of: fields)
        if shapes.count == Self.shapesKept { shapes.removeLast() }
        shapes.insert((order, roles, extraKeys), at: 0)
        return (roles, extraKeys)
    }

    /// The roles of the record's keys, and its keys that no role consumes (kept as extra fields).
    func roles(of fields: [String: RecordField]) -> (RecordRoles, [String]) {
        // The same number of keys, each one of the last set's: the same set, so the same roles.
        if let roles, fields.count == keys.count, fields.keys.allSatisfy(keys.contains) {
            return (roles, extraKeys)
        }
        let (roles, extraKeys) = Self.roles(of: fields)
        self.roles = roles
        self.extraKeys = extraKeys
        keys = Set(fields.keys)
        return (roles, extraKeys)
    }

    static func roles(of fields: [String: RecordField]) -> (RecordRoles, [String]) {
        let roles = RecordRoles(fields.keys)
        let used = roles.consumed
        return (roles, fields.keys.filter { !used.contains($0) })
    }
}

/// Where a record's stated date and source came from, as `extract` reports them.
struct RecordOrigin {
    var date: DateOrigin
    var source: SourceOrigin

    static let jsonLines = RecordOrigin(date: .jsonLines, source: .jsonLines)
    static let tableRow = RecordOrigin(date: .tableRow, source: .tableRow)
}
