import Foundation
import GRDB

/// Each document's title and body length in tokens, indexed by document id: what BM25F's length
/// normalisation needs for every match. FTS5 keeps them in its docsize table, and reading them there
/// costs a B-tree lookup per match, about half of ranking a broad query; the searcher hands this copy
/// to the rank function instead (``FTS5RankFunction``, bound with `sqlite3_bind_pointer`).
final class TokenLengths: Sendable {
    /// title, body: the FTS5 table's columns.
    static let columns = 2
    /// `values[id * columns + column]`: a view into the columns file (``FacetColumns``).
    let values: Column<UInt32>

    init(values: Column<UInt32>) {
        self.values = values
    }

    /// Lengths of `column` for `id`, or nil when the document is not covered (the rank function then asks FTS5).
    @inline(__always)
    func length(of id: Int64, column: Int) -> UInt32? {
        let index = Int(id) * Self.columns + column
        return id >= 0 && index < values.count ? values[index] : nil
    }

    /// Decodes FTS5's `%_docsize.sz`: one SQLite varint per column.
    static func read(in db: Database, limit: Int) throws -> [UInt32] {
        var values = [UInt32](repeating: 0, count: limit * columns)
        try read(from: try Row.fetchCursor(db, sql: "SELECT id, sz FROM documents_fts_docsize"), into: &values)
        return values
    }

    /// The lengths of the documents in `ids` (a JSON array) alone, written into `values`.
    static func read(in db: Database, ids: String, into values: inout [UInt32]) throws {
        let rows = try Row.fetchCursor(
            db, sql: "SELECT id, sz FROM documents_fts_docsize WHERE id IN (SELECT value FROM json_each(?))", arguments: [ids])
        try read(from: rows, into: &values)
    }

    private static func read(from rows: RowCursor, into values: inout [UInt32]) throws {
        let limit = values.count / columns
        while let row = try rows.next() {
            let id = Int(row[0] as Int64)
            guard id >= 0, id < limit, let sizes = row[1] as Data? else { continue }
            var column = 0
            var value: UInt64 = 0
            for byte in sizes {
                value = value << 7 | UInt64(byte & 0x7F)
                if byte & 0x80 == 0 {
                    if column < columns { values[id * columns + column] = UInt32(truncatingIfNeeded: value) }
                    column += 1
                    value = 0
                }
            }
        }
    }
}
