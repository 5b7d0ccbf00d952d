import Foundation

/// Reads CSV and TSV exports (spreadsheets, database dumps, public news data sets): a header row
/// names the columns, then one article per row. A column means what the JSON Lines field of the same
/// name means (`title`, `body`, `date`, `source`, `url`, `id`, `authors`, `actors`, or the other names
/// ``RecordRoles`` knows; headers compared without case); other columns are kept as metadata, as in a JSON record.
///
/// Quoting follows RFC 4180: a quoted field may hold the delimiter, line breaks and doubled quotes.
/// A row whose field count differs from the header's is skipped with its line number, not guessed at:
/// a stray quote shifts every column after it, and a shifted row would put text in the wrong field.
struct DelimitedTextReader {
    /// A row as read: its fields and the line it starts on.
    struct Row: Equatable {
        var fields: [String]
        var line: Int
    }

    func read(text: String, path: String) -> (drafts: [ArticleDraft], skipped: [SkippedRecord]) {
        var (rows, unclosed) = Self.rows(of: text, delimiter: Self.delimiter(of: text, path: path))
        guard !rows.isEmpty else { return ([], [SkippedRecord(location: path, reason: "no header row")]) }
        let header = rows.removeFirst()
        let names = header.fields.map { $0.trimmingWhitespace().lowercased() }
        let roles = RecordRoles(names)
        guard roles.key(.title) != nil || roles.textKey != nil else {
            let listed = names.prefix(8).map { "'\($0)'" }.joined(separator: ", ")
            return ([], [SkippedRecord(
                location: "\(path):\(header.line)",
                reason: "the header names no title or text column (title, headline, body, text, content, description…; it has \(listed))")])
        }
        var drafts: [ArticleDraft] = []
        var skipped: [SkippedRecord] = []
        for row in rows {
            let location = "\(path):\(row.line)"
            guard row.fields.count == names.count else {
                skipped.append(SkippedRecord(
                    location: location,
                    reason: "row has \(row.fields.count) fields, the header \(names.count) (a quote not closed or doubled?)"))
                continue
            }
            var fields: [String: RecordField] = [:]
            // The first column of a name wins, as the first key of a JSON object would.
            for (name, value) in zip(names, row.fields) where !name.isEmpty && !value.isEmpty && fields[name] == nil {
                fields[name] = .text(value)
            }
            do {
                var draft = try JSONLinesReader().draft(fields: fields, origin: .tableRow)
                draft.line = row.line
                drafts.append(draft)
            } catch {
                skipped.append(SkippedRecord(location: location, reason: "\(error)"))
            }
        }
        if let unclosed {
            skipped.append(SkippedRecord(
                location: "\(path):\(unclosed)", reason: "a quote opened on line \(unclosed) is never closed; the rest of the file is not read"))
        }
        return (drafts, skipped)
    }

    /// Tab for `.tsv`; otherwise whichever of comma, tab and semicolon splits the header line into the
    /// most fields (spreadsheets in many locales save "CSV" with semicolons).
    static func delimiter(of text: String, path: String) -> UInt8 {
        if Gzip.formatExtension(path) == "tsv" { return UInt8(ascii: "\t") }
        let header = text.utf8.prefix { $0 != 0x0A && $0 != 0x0D }
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: "\t"), UInt8(ascii: ";")]
        return candidates.max { a, b in header.count(where: { $0 == a }) < header.count(where: { $0 == b }) } ?? UInt8(ascii: ",")
    }

    /// The rows of the text, blank lines left out; and the line of a quote never closed, if any
    /// (its row is dropped: everything after the quote would be one field).
    static func rows(of text: String, delimiter: UInt8) -> (rows: [Row], unclosedQuoteLine: Int?) {
        let quote = UInt8(ascii: "\"")
        var rows: [Row] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var rowLine = 1
        var quoted = false
        var quoteLine = 0
        var fieldWasQuoted = false
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        func endRow() {
            // A line with nothing on it is blank; `""` alone on a line is a row of one empty field.
            let blank = fields.isEmpty && field.isEmpty && !fieldWasQuoted
            endField()
            if !blank { rows.append(Row(fields: fields, line: rowLine)) }
            fields.removeAll(keepingCapacity: true)
        }

        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == quote {
                    if index + 1 < bytes.count && bytes[index + 1] == quote {
                        field.append(quote)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == 0x0A || (byte == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A)) { line += 1 }
                    field.append(byte)
                }
            } else if byte == quote && field.allSatisfy({ $0 == 0x20 || $0 == 0x09 && delimiter != 0x09 }) && !fieldWasQuoted {
                // A quote opens a field only at its start (spaces before it allowed); elsewhere it is text.
                field.removeAll(keepingCapacity: true)
                quoted = true
                fieldWasQuoted = true
                quoteLine = line
            } else if byte == delimiter {
                endField()
            } else if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A { index += 1 }
                endRow()
                line += 1
                rowLine = line
            } else if !(fieldWasQuoted && (byte == 0x20 || byte == 0x09)) {
                // Spaces after a closing quote are dropped; any other byte is part of the field.
                field.append(byte)
            }
            index += 1
        }
        if quoted {
            fields.removeAll()
            return (rows, quoteLine)
        }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRow() }
        return (rows, nil)
    }
}
