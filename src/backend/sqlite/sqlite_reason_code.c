/*
 * The reason code catalog in the SQLite book.
 */
#include "error.h"
#include "sqlite_internal.h"

#define REASON_COLUMNS                                                                   \
    "code, label, category, description, active, created_at, updated_at"

static int read_reason(sqlite3_stmt *stmt, void *record)
{
    struct arc_reason_code *out = record;
    int rc = ARC_OK;

    out->code = arc_sqlite_column_text_dup(stmt, 0, &rc);
    out->label = arc_sqlite_column_text_dup(stmt, 1, &rc);
    out->category = arc_sqlite_column_text_dup(stmt, 2, &rc);
    out->description = arc_sqlite_column_text_dup(stmt, 3, &rc);
    out->active = sqlite3_column_int(stmt, 4) != 0;
    out->created_at = arc_sqlite_column_time(stmt, 5);
    out->updated_at = arc_sqlite_column_time(stmt, 6);
    if (rc != ARC_OK)
        arc_reason_code_clear(out);
    return rc;
}

int arc_sqlite_reason_code_insert(arc_store *store, const struct arc_reason_code *reason)
{
    static const char SQL[] = "INSERT INTO reason_codes (" REASON_COLUMNS ")"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);
    int rc;

    if (stmt == NULL)
        return arc_error_last_code();
    arc_sqlite_bind_text(stmt, 1, reason->code);
    arc_sqlite_bind_text(stmt, 2, reason->label);
    arc_sqlite_bind_text(stmt, 3, reason->category);
    arc_sqlite_bind_text(stmt, 4, reason->description);
    sqlite3_bind_int(stmt, 5, reason->active);
    arc_sqlite_bind_time(stmt, 6, reason->created_at);
    arc_sqlite_bind_time(stmt, 7, reason->updated_at);
    rc = arc_sqlite_exec_stmt(store, stmt, "reason code");
    if (rc == ARC_EEXISTS)
        return arc_fail(ARC_EEXISTS, "reason code %s: already in the catalog",
                        reason->code);
    return rc;
}

int arc_sqlite_reason_code_update(arc_store *store, const struct arc_reason_code *reason)
{
    static const char SQL[] = "UPDATE reason_codes SET label = ?2, category = ?3,"
                              " description = ?4, active = ?5, updated_at = ?6"
                              " WHERE code = ?1";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);
    int rc;

    if (stmt == NULL)
        return arc_error_last_code();
    arc_sqlite_bind_text(stmt, 1, reason->code);
    arc_sqlite_bind_text(stmt, 2, reason->label);
    arc_sqlite_bind_text(stmt, 3, reason->category);
    arc_sqlite_bind_text(stmt, 4, reason->description);
    sqlite3_bind_int(stmt, 5, reason->active);
    arc_sqlite_bind_time(stmt, 6, reason->updated_at);
    rc = arc_sqlite_exec_stmt(store, stmt, "reason code");
    if (rc == ARC_OK && sqlite3_changes(store->conn) == 0)
        return arc_fail(ARC_ENOTFOUND, "reason code %s: not in the catalog",
                        reason->code);
    return rc;
}

int arc_sqlite_reason_code_get(arc_store *store, const char *code,
                               struct arc_reason_code *out)
{
    static const char SQL[] =
        "SELECT " REASON_COLUMNS " FROM reason_codes WHERE code = ?1";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);
    int rc;

    if (stmt == NULL)
        return arc_error_last_code();
    arc_sqlite_bind_text(stmt, 1, code);
    rc = arc_sqlite_fetch_one(store, stmt, out, read_reason, "reason code");
    if (rc == ARC_ENOTFOUND)
        return arc_fail(ARC_ENOTFOUND, "reason code %s: not in the catalog", code);
    return rc;
}

int arc_sqlite_reason_code_delete(arc_store *store, const char *code)
{
    sqlite3_stmt *stmt =
        arc_sqlite_stmt(store, "DELETE FROM reason_codes WHERE code = ?1");
    int rc;

    if (stmt == NULL)
        return arc_error_last_code();
    arc_sqlite_bind_text(stmt, 1, code);
    rc = arc_sqlite_exec_stmt(store, stmt, "reason code");
    if (rc == ARC_OK && sqlite3_changes(store->conn) == 0)
        return arc_fail(ARC_ENOTFOUND, "reason code %s: not in the catalog", code);
    return rc;
}

int arc_sqlite_reason_code_list(arc_store *store, bool include_inactive,
                                struct arc_reason_code_page *out)
{
    static const char SQL[] = "SELECT " REASON_COLUMNS " FROM reason_codes"
                              " WHERE active = 1 OR ?1 = 1 ORDER BY code";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);

    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_int(stmt, 1, include_inactive);
    return arc_sqlite_fetch_all(store, stmt, (void **)&out->items, &out->count,
                                sizeof(*out->items), read_reason, "reason codes");
}
