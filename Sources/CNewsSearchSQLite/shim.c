#include <sqlite3ext.h>
#include "CNewsSearchSQLite.h"

// Hidden: SQLite opens extensions with RTLD_GLOBAL, and another extension's `sqlite3_api` must not
// stand in for ours.
__attribute__((visibility("hidden"))) SQLITE_EXTENSION_INIT1

static int fail(char **errorMessage, int code, const char *message) {
    if (errorMessage) *errorMessage = sqlite3_mprintf("newssearch: %s", message);
    return code;
}

int newssearch_extension_start(void *db, char **errorMessage, const void *routines, void **fts5Api) {
    SQLITE_EXTENSION_INIT2((const sqlite3_api_routines *)routines);
    *fts5Api = 0;
    // The documented way to reach FTS5 from outside it: https://sqlite.org/fts5.html#extending_fts5
    sqlite3_stmt *statement = 0;
    fts5_api *api = 0;
    int code = sqlite3_prepare_v2((sqlite3 *)db, "SELECT fts5(?1)", -1, &statement, 0);
    if (code != SQLITE_OK) return fail(errorMessage, code, "this SQLite has no FTS5");
    sqlite3_bind_pointer(statement, 1, (void *)&api, "fts5_api_ptr", 0);
    sqlite3_step(statement);
    code = sqlite3_finalize(statement);
    if (code != SQLITE_OK || api == 0) return fail(errorMessage, SQLITE_ERROR, "this SQLite has no FTS5");
    // xCreateFunction's signature, which `newsrank` needs, is that of fts5_api version 2 and later.
    if (api->iVersion < 2) return fail(errorMessage, SQLITE_ERROR, "this SQLite's FTS5 is too old (fts5_api version < 2)");
    *fts5Api = api;
    return SQLITE_OK;
}

void newssearch_result_double(void *context, double value) { sqlite3_result_double((sqlite3_context *)context, value); }

void newssearch_result_error_code(void *context, int code) { sqlite3_result_error_code((sqlite3_context *)context, code); }

void newssearch_result_null(void *context) { sqlite3_result_null((sqlite3_context *)context); }

void newssearch_result_text(void *context, const char *text) {
    sqlite3_result_text((sqlite3_context *)context, text, -1, SQLITE_TRANSIENT);
}

void *newssearch_value_pointer(void *value, const char *type) {
    return sqlite3_value_pointer((sqlite3_value *)value, type);
}
