import CNewsSearchSQLite
import NewsSearch

// The entry points SQLite looks up in libNewsSearchSQLite: `sqlite3_extension_init` is the name
// `sqlite3_load_extension` tries when none is given (sqlite3's `.load`, Python's `load_extension`,
// Datasette's `--load-extension`); `sqlite3_newssearch_init` is the named one, for loaders that
// need an explicit entry point or a process that loads several extensions.

@_cdecl("sqlite3_newssearch_init")
public func newsSearchInit(
    _ db: OpaquePointer?, _ errorMessage: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ routines: UnsafeRawPointer?
) -> Int32 {
    var fts5: UnsafeMutableRawPointer?
    let code = newssearch_extension_start(UnsafeMutableRawPointer(db), errorMessage, routines, &fts5)
    guard code == 0, let fts5 else { return code }
    return LoadableExtension.install(fts5: fts5, routines: loaderRoutines)
}

@_cdecl("sqlite3_extension_init")
public func extensionInit(
    _ db: OpaquePointer?, _ errorMessage: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ routines: UnsafeRawPointer?
) -> Int32 {
    newsSearchInit(db, errorMessage, routines)
}

/// The loader's SQLite, through the routines table the C shim keeps.
private let loaderRoutines = SQLiteRoutines(
    resultDouble: { newssearch_result_double(UnsafeMutableRawPointer($0), $1) },
    resultErrorCode: { newssearch_result_error_code(UnsafeMutableRawPointer($0), $1) },
    resultNull: { newssearch_result_null(UnsafeMutableRawPointer($0)) },
    resultText: { newssearch_result_text(UnsafeMutableRawPointer($0), $1) },
    valuePointer: { newssearch_value_pointer(UnsafeMutableRawPointer($0), $1) })
