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

    init(db: Database, arguments: [String]) throws {
        // Like FTS5's own tokenizers: an argument we do not know is an error, not a silent default.
        if let unknown = arguments.first {
            throw DatabaseError(resultCode: .SQLITE_ERROR, message: "newssearch tokenizer: unknown option '\(unknown)'")
        }
    }

    /// Stops the analyzer when FTS5 asks to (a non-OK code from its callback).
    private struct Stop: Error { let code: CInt }

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
        let mode: AnalysisMode =
            tokenization.contains(.prefix) ? .prefixQuery : tokenization.contains(.query) ? .query : .document
        do {
            try analyzer.analyze(utf8: text, mode: mode) { term, start, end, colocated in
                let code = term.withMemoryRebound(to: CChar.self) { chars in
                    tokenCallback(
                        context, colocated ? FTS5_TOKEN_COLOCATED : 0, chars.baseAddress, CInt(chars.count),
                        CInt(start), CInt(end))
                }
                if code != SQLITE_OK { throw Stop(code: code) }
            }
        } catch let stop as Stop {
            return stop.code
        } catch {
            return SQLITE_ERROR
        }
        return SQLITE_OK
    }
}
