import Foundation
import GRDB

/// An article's own metadata fields (the input's fields beyond title, body, date…) as stored in
/// `documents.metadata` since schema 8: a BLOB of, per field, the varint number of its name in
/// `metadata_keys`, the varint byte length of its value, and the value's UTF-8.
///
/// A dump repeats the same field names on every record: Reuters-21578's 14 names were 4 of the 5.4 MB
/// of JSON the column held (a quarter of the excess over the plain FTS5 load). Rows written before
/// schema 8 keep their JSON text; both forms read the same.
enum StoredMetadata {
    static let keysTable = "metadata_keys"

    /// Fields given as (name number, value), in the order they are to be stored.
    static func pack(_ fields: [(key: Int64, value: String)]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(fields.reduce(0) { $0 + 2 + $1.value.utf8.count })
        for field in fields {
            Varint.append(UInt64(field.key), to: &bytes)
            Varint.append(UInt64(field.value.utf8.count), to: &bytes)
            bytes += field.value.utf8
        }
        return bytes
    }

    /// The fields of a stored value of either form; nil when it cannot be read (a damaged row, or a
    /// name number `names` lacks), which `stats --verify` reports.
    static func decode(_ value: DatabaseValue, names: [Int64: String]) -> [String: String]? {
        switch value.storage {
        case .string(let json):
            return try? JSONDecoder().decode([String: String].self, from: Data(json.utf8))
        case .blob(let data):
            return data.withUnsafeBytes { unpack($0, names: names) }
        default:
            return nil
        }
    }

    private static func unpack(_ bytes: UnsafeRawBufferPointer, names: [Int64: String]) -> [String: String]? {
        var fields: [String: String] = [:]
        var offset = 0
        while offset < bytes.count {
            guard let key = Varint.read(bytes, at: &offset), let length = Varint.read(bytes, at: &offset),
                let name = names[Int64(truncatingIfNeeded: key)], length <= UInt64(bytes.count - offset)
            else { return nil }
            let end = offset + Int(length)
            fields[name] = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
            offset = end
        }
        return fields
    }

    /// Every field name of the index by its number (a few dozen in practice: the inputs' field names).
    static func names(in db: Database) throws -> [Int64: String] {
        var names: [Int64: String] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT id, name FROM \(keysTable)")
        while let row = try rows.next() { names[row[0]] = row[1] }
        return names
    }

    /// Rows whose metadata cannot be read, for `stats --verify`.
    static func unreadableRows(in db: Database) throws -> Int {
        let names = try names(in: db)
        var unreadable = 0
        let rows = try Row.fetchCursor(db, sql: "SELECT metadata FROM documents")
        while let row = try rows.next() {
            if decode(row[0], names: names) == nil { unreadable += 1 }
        }
        return unreadable
    }
}

/// The writer's numbers for metadata field names: a name is inserted into `metadata_keys` the first
/// time an index sees it, and looked up in memory after that.
final class MetadataKeyNumbers {
    /// Read again in each transaction (``forget()``), so a rolled-back insert leaves no number behind.
    private var numbers: [String: Int64]?

    func forget() {
        numbers = nil
    }

    /// The fields packed for storage, names in their UTF-8 order (so equal metadata stores equal bytes).
    func pack(_ metadata: [String: String], in db: Database) throws -> [UInt8] {
        if metadata.isEmpty { return [] }
        let names = metadata.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return StoredMetadata.pack(try names.map { (key: try number(of: $0, in: db), value: metadata[$0]!) })
    }

    private func number(of name: String, in db: Database) throws -> Int64 {
        if numbers == nil {
            numbers = Dictionary(uniqueKeysWithValues: try StoredMetadata.names(in: db).map { ($0.value, $0.key) })
        }
        if let number = numbers?[name] { return number }
        // `ON CONFLICT DO NOTHING` cannot abort, so SQLite opens no statement transaction, which would
        // make FTS5 write out its pending terms (see ``DirectStatement/insertedRowID(_:)``).
        try db.execute(
            sql: "INSERT INTO \(StoredMetadata.keysTable)(name) VALUES (?) ON CONFLICT(name) DO NOTHING", arguments: [name])
        let number = db.lastInsertedRowID
        numbers?[name] = number
        return number
    }
}
