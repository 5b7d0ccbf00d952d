import Foundation
import GRDB
import GRDBSQLite
import NewsAnalysis

/// Connects ``Analyzer`` to FTS5 as the tokenizer named `newssearch`.
///
/// FTS5 calls `tokenize` for documents, queries, and the auxiliary functions; the analyzer's
/// byte offsets go straight through, so FTS5 highlights point at the original text.
///
/// Related SQLite documentation: <https://sqlite.org/fts5.html#custom_tokenizers>
final class FTS5TokenizerBridge: FTS5CustomTokenizer {
    static let name = "newssearch"

    private let analyzer = Analyzer()
    /// Tokens prepared by workers for the next document texts FTS5 will tokenize on this connection.
    private var pending: [PreparedTokens] = []
    private var pendingIndex = 0
    private let connection: OpaquePointer?

    init(db: Database, arguments: [String]) throws {
        // Like FTS5's own tokenizers: an argument we do not know is an error, not a silent default.
        if let unknown = arguments.first {
            throw DatabaseError(resultCode: .SQLITE_ERROR, message: "newssearch tokenizer: unknown option '\(unknown)'")
        }
        connection = db.sqliteConnection
        let key = Self.key(connection)
        Self.registry.withLock { $0[key] = Weak(self) }
    }

    deinit {
        let key = Self.key(connection)
        Self.registry.withLock { if $0[key]?.value === self || $0[key]?.value == nil { $0[key] = nil } }
    }

    /// Queues tokens for the texts the next FTS5 insert on `db` will tokenize, in column order.
    /// Empty texts are not tokenized by FTS5, so they are not queued.
    static func replay(_ tokens: [PreparedTokens], on db: Database) {
        let key = Self.key(db.sqliteConnection)
        guard let bridge = registry.withLock({ $0[key]?.value }) else { return }
        bridge.pending = tokens.filter { $0.textLength > 0 }
        bridge.pendingIndex = 0
    }

    private static func key(_ connection: OpaquePointer?) -> Int {
        connection.map { Int(bitPattern: $0) } ?? 0
    }

    private final class Weak: @unchecked Sendable {
        weak var value: FTS5TokenizerBridge?
        init(_ value: FTS5TokenizerBridge) { self.value = value }
    }

    /// The bridge of each connection: FTS5 creates it, the indexer needs to reach it.
    private static let registry = LockedDictionary()

    private final class LockedDictionary: @unchecked Sendable {
        private let lock = NSLock()
        private var storage: [Int: Weak] = [:]
        func withLock<T>(_ body: (inout [Int: Weak]) -> T) -> T {
            lock.lock()
            defer { lock.unlock() }
            return body(&storage)
        }
    }

    func tokenize(
        context: UnsafeMutableRawPointer?,
        tokenization: FTS5Tokenization,
        pText: UnsafePointer<CChar>?,
        nText: CInt,
        tokenCallback: @escaping FTS5TokenCallback
    ) -> CInt {
        guard let pText, nText > 0 else { return SQLITE_OK }
        let text = UnsafeBufferPointer(
            start: UnsafeRawPointer(pText).assumingMemoryBound(to: UInt8.self), count: Int(nText))
        let mode = Self.mode(tokenization.rawValue)
        if mode == .document, pendingIndex < pending.count, pending[pendingIndex].matches(text) {
            pendingIndex += 1
            let tokens = pending[pendingIndex - 1]
            return Self.run(context, tokenCallback) { emit in try tokens.replay(emit) }
        }
        if mode == .document { pending.removeAll() }
        return Self.run(context, tokenCallback) { emit in try analyzer.analyze(utf8: text, mode: mode, emit) }
    }

    /// The analysis mode for FTS5's `flags` (`FTS5_TOKENIZE_*`).
    static func mode(_ flags: CInt) -> AnalysisMode {
        flags & FTS5_TOKENIZE_PREFIX != 0 ? .prefixQuery : flags & FTS5_TOKENIZE_QUERY != 0 ? .query : .document
    }

    /// Stops the analyzer when FTS5 asks to (a non-OK code from its callback).
    private struct Stop: Error { let code: CInt }

    /// Runs `produce`, handing each token to FTS5's callback, and turns the outcome into a result code.
    static func run(
        _ context: UnsafeMutableRawPointer?, _ callback: FTS5TokenCallback,
        _ produce: ((UnsafeBufferPointer<UInt8>, Int, Int, Bool) throws -> Void) throws -> Void
    ) -> CInt {
        let emit = { (term: UnsafeBufferPointer<UInt8>, start: Int, end: Int, colocated: Bool) throws in
            let code = term.withMemoryRebound(to: CChar.self) { chars in
                callback(
                    context, colocated ? FTS5_TOKEN_COLOCATED : 0, chars.baseAddress, CInt(chars.count),
                    CInt(start), CInt(end))
            }
            if code != SQLITE_OK { throw Stop(code: code) }
        }
        do {
            try produce(emit)
        } catch let stop as Stop {
            return stop.code
        } catch {
            return SQLITE_ERROR
        }
        return SQLITE_OK
    }
}
