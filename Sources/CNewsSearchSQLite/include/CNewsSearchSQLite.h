#ifndef CNEWSSEARCHSQLITE_H
#define CNEWSSEARCHSQLITE_H

// The C side of the loadable extension (libNewsSearchSQLite). A loaded extension must reach SQLite
// through the `sqlite3_api_routines` table of the process that loads it, which may hold a different
// copy of SQLite than the one our package links; these functions go through that table.
//
// The pointers are untyped on purpose: the Swift side already knows SQLite's types from GRDB's
// module, and a second import of sqlite3.h would give Swift two distinct copies of each type.

/// Keeps the routines table (SQLITE_EXTENSION_INIT2) and fetches the connection's `fts5_api`
/// (`SELECT fts5(?1)`); on failure returns an SQLite result code and sets `*errorMessage` to a
/// message allocated with the loader's `sqlite3_malloc`, as `sqlite3_load_extension` expects.
int newssearch_extension_start(void *db, char **errorMessage, const void *routines, void **fts5Api);

void newssearch_result_double(void *context, double value);
void newssearch_result_error_code(void *context, int code);
void newssearch_result_null(void *context);
/// The text is copied (SQLITE_TRANSIENT).
void newssearch_result_text(void *context, const char *text);
void *newssearch_value_pointer(void *value, const char *type);

#endif
