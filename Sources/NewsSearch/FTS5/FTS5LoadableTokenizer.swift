import GRDBSQLite
import NewsAnalysis

/// The `newssearch` tokenizer registered straight through an `fts5_api` pointer, for connections
/// that GRDB does not own (the loadable extension in `sqlite3`, Python or Datasette).
///
/// It analyses exactly as ``FTS5TokenizerBridge`` does (same ``Analyzer``, same modes, same colocated
/// tokens), without the indexer's token replay, which only the engine's writer uses.
///
/// Related SQLite documentation: <https://sqlite.org/fts5.html#custom_tokenizers>
enum FTS5LoadableTokenizer {
    /// One per `CREATE VIRTUAL TABLE … tokenize='newssearch'` (FTS5's `Fts5Tokenizer *`).
    private final class Instance {
        let analyzer = Analyzer()
    }

    static func register(in api: UnsafeMutablePointer<fts5_api>) -> Int32 {
        var tokenizer = fts5_tokenizer(xCreate: create, xDelete: delete, xTokenize: tokenize)
        // FTS5 copies the struct; the name is copied too.
        return api.pointee.xCreateTokenizer(api, FTS5TokenizerBridge.name, nil, &tokenizer, nil)
    }

    private static let create: @convention(c) (
        UnsafeMutableRawPointer?, UnsafeMutablePointer<UnsafePointer<CChar>?>?, Int32,
        UnsafeMutablePointer<OpaquePointer?>?
    ) -> Int32 = { _, _, argumentCount, output in
        // Like FTS5's own tokenizers and the engine's bridge: an unknown argument is an error.
        guard argumentCount == 0, let output else { return SQLITE_ERROR }
        output.pointee = OpaquePointer(Unmanaged.passRetained(Instance()).toOpaque())
        return SQLITE_OK
    }

    private static let delete: @convention(c) (OpaquePointer?) -> Void = { instance in
        guard let instance else { return }
        Unmanaged<Instance>.fromOpaque(UnsafeRawPointer(instance)).release()
    }

    private static let tokenize: @convention(c) (
        OpaquePointer?, UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, Int32,
        (@convention(c) (UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, Int32, Int32, Int32) -> Int32)?
    ) -> Int32 = { instance, context, flags, pText, nText, callback in
        guard let instance, let callback else { return SQLITE_MISUSE }
        guard let pText, nText > 0 else { return SQLITE_OK }
        let analyzer = Unmanaged<Instance>.fromOpaque(UnsafeRawPointer(instance)).takeUnretainedValue().analyzer
        let text = UnsafeBufferPointer(
            start: UnsafeRawPointer(pText).assumingMemoryBound(to: UInt8.self), count: Int(nText))
        let mode = FTS5TokenizerBridge.mode(flags)
        return FTS5TokenizerBridge.run(context, callback) { emit in try analyzer.analyze(utf8: text, mode: mode, emit) }
    }
}
