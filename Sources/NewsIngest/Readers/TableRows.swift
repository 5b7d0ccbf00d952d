import Foundation

/// Where the records of a file read in pieces end (a table's rows, a web archive's records), so that
/// no piece cuts one in two.
public protocol RecordBoundaries: Sendable {
    /// The offset just past each record's end in `data` (which starts at a record's start), in order.
    func recordEnds(in data: Data, _ visit: (Int) -> Void)
}

extension RecordBoundaries {
    /// The end of the last whole record in `data`, if any ends there.
    public func lastRecordEnd(in data: Data) -> Int? {
        var last: Int?
        recordEnds(in: data) { last = $0 }
        return last
    }
}

/// Where the rows of a CSV or TSV table end, by ``DelimitedTextReader``'s own quoting rules: a large
/// table is read in pieces cut there, each piece read with the header row in front of it. A line end
/// inside a quoted field is not a row's end; a quote inside an unquoted field is text.
public struct TableRows: RecordBoundaries {
    let delimiter: UInt8

    /// For the table whose first line (its header) is `header`, named `path` (`.tsv` is tab separated).
    public init(header: Data, path: String) {
        delimiter = DelimitedTextReader.delimiter(of: String(decoding: header, as: UTF8.self), path: path)
    }

    public func recordEnds(in data: Data, _ visit: (Int) -> Void) {
        let quote = UInt8(ascii: "\"")
        var quoted = false
        var atFieldStart = true
        var fieldWasQuoted = false
        data.withUnsafeBytes { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if quoted {
                    if byte == quote {
                        if index + 1 < bytes.count && bytes[index + 1] == quote { index += 1 } else { quoted = false }
                    }
                } else if byte == quote && atFieldStart && !fieldWasQuoted {
                    quoted = true
                    fieldWasQuoted = true
                } else if byte == delimiter {
                    atFieldStart = true
                    fieldWasQuoted = false
                } else if byte == 0x0A {
                    atFieldStart = true
                    fieldWasQuoted = false
                    visit(index + 1)
                } else if !(byte == 0x20 || byte == 0x09 && delimiter != 0x09 || byte == 0x0D) {
                    atFieldStart = false
                }
                index += 1
            }
        }
    }

}
