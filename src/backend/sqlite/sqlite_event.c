/*
 * The event journal in the SQLite book: a table only ever appended to
 * (triggers refuse updates and deletes), read in id order.
 */
#include "error.h"
#include "sqlite_internal.h"

int arc_sqlite_read_event(sqlite3_stmt *stmt, void *record)
{
    struct arc_event *out = record;
    int rc = ARC_OK;

    out->id = sqlite3_column_int64(stmt, 0);
    out->kind =
        (arc_event_kind)arc_parse_event_kind((const char *)sqlite3_column_text(stmt, 1));
    out->occurred_at = arc_sqlite_column_time(stmt, 2);
    out->actor = arc_sqlite_column_text_dup(stmt, 3, &rc);
    out->record_id = sqlite3_column_int64(stmt, 4);
    out->customer_id = sqlite3_column_int64(stmt, 5);
    out->invoice_id = sqlite3_column_int64(stmt, 6);
    out->dispute_id = sqlite3_column_int64(stmt, 7);
    out->amount = sqlite3_column_int64(stmt, 8);
    arc_sqlite_column_currency(stmt, 9, out->currency);
    out->detail = arc_sqlite_column_text_dup(stmt, 10, &rc);
    if (rc != ARC_OK)
        arc_event_clear(out);
    return rc;
}

int arc_sqlite_event_append(arc_store *store, struct arc_event *event)
{
    static const char SQL[] = "INSERT INTO events (kind, occurred_at, actor, record_id, "
                              "customer_id, invoice_id,"
                              " dispute_id, amount, currency, detail)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);
    int rc;

    if (stmt == NULL)
        return arc_error_last_code();
    arc_sqlite_bind_text(stmt, 1, arc_event_kind_name(event->kind));
    arc_sqlite_bind_time(stmt, 2, event->occurred_at);
    arc_sqlite_bind_text(stmt, 3, event->actor);
    sqlite3_bind_int64(stmt, 4, event->record_id);
    arc_sqlite_bind_id(stmt, 5, event->customer_id);
    arc_sqlite_bind_id(stmt, 6, event->invoice_id);
    arc_sqlite_bind_id(stmt, 7, event->dispute_id);
    if (event->currency[0] != '\0') {
        sqlite3_bind_int64(stmt, 8, event->amount);
        arc_sqlite_bind_text(stmt, 9, event->currency);
    }
    arc_sqlite_bind_text(stmt, 10, event->detail);
    rc = arc_sqlite_exec_stmt(store, stmt, "event journal");
    if (rc == ARC_OK)
        event->id = sqlite3_last_insert_rowid(store->conn);
    return rc;
}

int arc_sqlite_event_list(arc_store *store, arc_id after_id, unsigned int limit,
                          struct arc_event_page *out)
{
    static const char SQL[] =
        "SELECT id, kind, occurred_at, actor, record_id, customer_id, invoice_id,"
        " dispute_id, amount, currency, detail FROM events WHERE id > ?1 ORDER BY id"
        " LIMIT ?2";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);

    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_int64(stmt, 1, after_id);
    sqlite3_bind_int(stmt, 2, (int)limit);
    return arc_sqlite_fetch_all(store, stmt, (void **)&out->items, &out->count,
                                sizeof(*out->items), arc_sqlite_read_event,
                                "event journal");
}
