import Foundation
import GRDB

/// An SQLite file (or an in-memory database) with the `newssearch` tokenizer and `newsrank` installed,
/// for the benchmark and tuning tools that time their own SQL beside the engine's: SQL in, plain values
/// out, so that GRDB stays inside this module.
package final class SQLDatabase {
    /// A value bound to a `?` or read from a column.
    package enum Value: Sendable, Equatable, ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
        case integer(Int64)
        case real(Double)
        case text(String)
        case null

        package init(integerLiteral value: Int) { self = .integer(Int64(value)) }
        package init(stringLiteral value: String) { self = .text(value) }
        package init(_ value: Int) { self = .integer(Int64(value)) }

        package var int: Int? { if case .integer(let value) = self { Int(value) } else { nil } }
        package var double: Double? {
            switch self {
            case .integer(let value): Double(value)
            case .real(let value): value
            default: nil
            }
        }
        package var string: String? { if case .text(let value) = self { value } else { nil } }

        fileprivate var databaseValue: DatabaseValue {
            switch self {
            case .integer(let value): value.databaseValue
            case .real(let value): value.databaseValue
            case .text(let value): value.databaseValue
            case .null: .null
            }
        }

        fileprivate init(_ value: DatabaseValue) {
            switch value.storage {
            case .int64(let number): self = .integer(number)
            case .double(let number): self = .real(number)
            case .string(let text): self = .text(text)
            case .blob, .null: self = .null
            }
        }
    }

    private let queue: DatabaseQueue

    /// Opens `path`, or a new in-memory database when it is nil. `fresh` deletes the file (and its WAL
    /// companions) first and opens it in WAL mode, as `search index` writes an index.
    package init(path: String? = nil, readOnly: Bool = false, fresh: Bool = false) throws {
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.prepareDatabase { db in SQLiteExtensions.install(in: db) }
        guard let path else {
            queue = try DatabaseQueue(configuration: configuration)
            return
        }
        if fresh {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        queue = try DatabaseQueue(path: path, configuration: configuration)
        if fresh {
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL") }
        }
    }

    package func execute(_ sql: String) throws {
        try queue.write { db in try db.execute(sql: sql) }
    }

    /// Every row of `sql`, each as its columns' values.
    package func rows(_ sql: String, _ arguments: [Value] = []) throws -> [[Value]] {
        try queue.read { db in try Self.rows(db.makeStatement(sql: sql), arguments) }
    }

    /// The first column of the first row, or nil when there is none.
    package func value(_ sql: String, _ arguments: [Value] = []) throws -> Value? {
        try rows(sql, arguments).first?.first
    }

    /// Runs `sql` once per element of `rows` in one transaction. With `tokens`, each row's texts are
    /// handed to the tokenizer already analysed (one `PreparedTokens` per text column, in order), the
    /// way `search index` inserts.
    package func insert(_ sql: String, rows: [[Value]], tokens: [[PreparedTokens]]? = nil) throws {
        try queue.write { db in
            let statement = try db.makeStatement(sql: sql)
            for (index, row) in rows.enumerated() {
                if let tokens { FTS5TokenizerBridge.replay(tokens[index], on: db) }
                try statement.execute(arguments: StatementArguments(row.map(\.databaseValue)))
            }
        }
    }

    /// The rows of `sql`, whose `:expression` is bound to `expression`'s text and whose `:input` is
    /// `call`'s rank input (`newsrank(t, :input)`).
    package func rankedRows(_ sql: String, call: RankCall, expression: String) throws -> [[Value]] {
        try queue.read { db in
            let statement = try db.makeStatement(sql: sql)
            try statement.setArguments(["input": nil, "expression": expression])
            call.bindInput(statement)
            return try withExtendedLifetime(call) { try Self.rows(statement, nil) }
        }
    }

    private static func rows(_ statement: Statement, _ arguments: [Value]?) throws -> [[Value]] {
        if let arguments { try statement.setArguments(StatementArguments(arguments.map(\.databaseValue))) }
        return try Row.fetchAll(statement).map { row in row.databaseValues.map(Value.init) }
    }
}
