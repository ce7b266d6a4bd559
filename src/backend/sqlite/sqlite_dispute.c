/*
 * Disputes and their named invoice lines in the SQLite book.
 */
#include <stdlib.h>

#include "error.h"
#include "sqlite_internal.h"

#define DISPUTE_COLUMNS                                                                  \
    "id, invoice_id, customer_id, currency, reason_code, amount, status, outcome,"       \
    " escalation_level, opened_by, owner, description, due_date, opened_at,"             \
    " status_changed_at, resolved_on, resolved_by, resolved_amount, resolution_note,"    \
    " credit_memo_id, reopen_reason, updated_at, overdue_alerted_for, state_seq"

static int read_dispute(sqlite3_stmt *stmt, void *record)
{
    struct arc_dispute *out = record;
    int rc = ARC_OK;

    out->id = sqlite3_column_int64(stmt, 0);
    out->invoice_id = sqlite3_column_int64(stmt, 1);
    out->customer_id = sqlite3_column_int64(stmt, 2);
    arc_sqlite_column_currency(stmt, 3, out->currency);
    out->reason_code = arc_sqlite_column_text_dup(stmt, 4, &rc);
    out->amount = sqlite3_column_int64(stmt, 5);
    out->status = (arc_dispute_status)arc_parse_dispute_status(
        (const char *)sqlite3_column_text(stmt, 6));
    out->outcome = (arc_dispute_outcome)arc_parse_dispute_outcome(
        (const char *)sqlite3_column_text(stmt, 7));
    out->escalation_level = sqlite3_column_int(stmt, 8);
    out->opened_by = arc_sqlite_column_text_dup(stmt, 9, &rc);
    out->owner = arc_sqlite_column_text_dup(stmt, 10, &rc);
    out->description = arc_sqlite_column_text_dup(stmt, 11, &rc);
    out->due_date = arc_sqlite_column_date(stmt, 12);
    out->opened_at = arc_sqlite_column_time(stmt, 13);
    out->status_changed_at = arc_sqlite_column_time(stmt, 14);
    out->resolved_on = arc_sqlite_column_date(stmt, 15);
    out->resolved_by = arc_sqlite_column_text_dup(stmt, 16, &rc);
    out->resolved_amount = sqlite3_column_int64(stmt, 17);
    out->resolution_note = arc_sqlite_column_text_dup(stmt, 18, &rc);
    out->credit_memo_id = sqlite3_column_int64(stmt, 19);
    out->reopen_reason = arc_sqlite_column_text_dup(stmt, 20, &rc);
    out->updated_at = arc_sqlite_column_time(stmt, 21);
    out->overdue_alerted_for = arc_sqlite_column_date(stmt, 22);
    out->state_seq = sqlite3_column_int64(stmt, 23);
    if (rc != ARC_OK)
        arc_dispute_clear(out);
    return rc;
}

static void bind_dispute(sqlite3_stmt *stmt, const struct arc_dispute *dispute)
{
    sqlite3_bind_int64(stmt, 1, dispute->invoice_id);
    sqlite3_bind_int64(stmt, 2, dispute->customer_id);
    arc_sqlite_bind_text(stmt, 3, dispute->currency);
    arc_sqlite_bind_text(stmt, 4, dispute->reason_code);
    sqlite3_bind_int64(stmt, 5, dispute->amount);
    arc_sqlite_bind_text(stmt, 6, arc_dispute_status_name(dispute->status));
    arc_sqlite_bind_text(stmt, 7, arc_dispute_outcome_name(dispute->outcome));
    sqlite3_bind_int(stmt, 8, dispute->escalation_level);
    arc_sqlite_bind_text(stmt, 9, dispute->opened_by);
    arc_sqlite_bind_text(stmt, 10, dispute->owner);
    arc_sqlite_bind_text(stmt, 11, dispute->description);
    arc_sqlite_bind_date(stmt, 12, dispute->due_date);
    arc_sqlite_bind_time(stmt, 13, dispute->opened_at);
    arc_sqlite_bind_time(stmt, 14, dispute->status_changed_at);
    arc_sqlite_bind_date(stmt, 15, dispute->resolved_on);
    arc_sqlite_bind_text(stmt, 16, dispute->resolved_by);
    sqlite3_bind_int64(stmt, 17, dispute->resolved_amount);
    arc_sqlite_bind_text(stmt, 18, dispute->resolution_note);
    arc_sqlite_bind_id(stmt, 19, dispute->credit_memo_id);
    arc_sqlite_bind_text(stmt, 20, dispute->reopen_reason);
    arc_sqlite_bind_time(stmt, 21, dispute->updated_at);
    arc_sqlite_bind_date(stmt, 22, dispute->overdue_alerted_for);
    sqlite3_bind_int64(stmt, 23, dispute->state_seq);
}

static int insert_lines(arc_store *store, const struct arc_dispute *dispute)
{
    static const char SQL[] = "INSERT INTO dispute_lines (dispute_id, line_no)"
                              " VALUES (?1, ?2)";
    int rc = ARC_OK;

    for (size_t i = 0; i < dispute->line_count && rc == ARC_OK; i++) {
        sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);

        if (stmt == NULL)
            return arc_error_last_code();
        sqlite3_bind_int64(stmt, 1, dispute->id);
        sqlite3_bind_int(stmt, 2, dispute->lines[i]);
        rc = arc_sqlite_exec_stmt(store, stmt, "dispute line");
    }
    return rc;
}

int arc_sqlite_dispute_insert(arc_store *store, struct arc_dispute *dispute)
{
    static const char SQL[] =
        "INSERT INTO disputes (invoice_id, customer_id, currency, reason_code, amount,"
        " status, outcome, escalation_level, opened_by, owner, description, due_date,"
        " opened_at, status_changed_at, resolved_on, resolved_by, resolved_amount,"
        " resolution_note, credit_memo_id, reopen_reason, updated_at, "
        "overdue_alerted_for,"
        " state_seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
        " ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);
    int rc;

    if (stmt == NULL)
        return arc_error_last_code();
    bind_dispute(stmt, dispute);
    rc = arc_sqlite_exec_stmt(store, stmt, "dispute");
    if (rc != ARC_OK)
        return rc;
    dispute->id = sqlite3_last_insert_rowid(store->conn);
    return insert_lines(store, dispute);
}

int arc_sqlite_dispute_update(arc_store *store, const struct arc_dispute *dispute)
{
    static const char SQL[] =
        "UPDATE disputes SET invoice_id = ?1, customer_id = ?2, currency = ?3,"
        " reason_code = ?4, amount = ?5, status = ?6, outcome = ?7, escalation_level = "
        "?8,"
        " opened_by = ?9, owner = ?10, description = ?11, due_date = ?12, opened_at = "
        "?13,"
        " status_changed_at = ?14, resolved_on = ?15, resolved_by = ?16,"
        " resolved_amount = ?17, resolution_note = ?18, credit_memo_id = ?19,"
        " reopen_reason = ?20, updated_at = ?21, overdue_alerted_for = ?22,"
        " state_seq = ?23 WHERE id = ?24";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);
    int rc;

    if (stmt == NULL)
        return arc_error_last_code();
    bind_dispute(stmt, dispute);
    sqlite3_bind_int64(stmt, 24, dispute->id);
    rc = arc_sqlite_exec_stmt(store, stmt, "dispute");
    if (rc == ARC_OK && sqlite3_changes(store->conn) == 0)
        return arc_fail(ARC_ENOTFOUND, "dispute %lld: not found", (long long)dispute->id);
    return rc;
}

static int read_line_number(sqlite3_stmt *stmt, void *record)
{
    *(int *)record = sqlite3_column_int(stmt, 0);
    return ARC_OK;
}

/* Read the named lines of each dispute of a page or single record. */
static int read_lines(arc_store *store, struct arc_dispute *disputes, size_t count)
{
    static const char SQL[] = "SELECT line_no FROM dispute_lines WHERE dispute_id = ?1"
                              " ORDER BY line_no";
    int rc = ARC_OK;

    for (size_t i = 0; i < count && rc == ARC_OK; i++) {
        sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);

        if (stmt == NULL)
            return arc_error_last_code();
        sqlite3_bind_int64(stmt, 1, disputes[i].id);
        rc = arc_sqlite_fetch_all(store, stmt, (void **)&disputes[i].lines,
                                  &disputes[i].line_count, sizeof(int), read_line_number,
                                  "dispute lines");
    }
    return rc;
}

int arc_sqlite_dispute_get(arc_store *store, arc_id id, struct arc_dispute *out)
{
    static const char SQL[] = "SELECT " DISPUTE_COLUMNS " FROM disputes WHERE id = ?1";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);
    int rc;

    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_int64(stmt, 1, id);
    rc = arc_sqlite_fetch_one(store, stmt, out, read_dispute, "dispute");
    if (rc == ARC_ENOTFOUND)
        return arc_fail(ARC_ENOTFOUND, "dispute %lld: not found", (long long)id);
    if (rc == ARC_OK)
        rc = read_lines(store, out, 1);
    if (rc != ARC_OK)
        arc_dispute_clear(out);
    return rc;
}

static int fetch_page(arc_store *store, sqlite3_stmt *stmt, struct arc_dispute_page *out)
{
    int rc = arc_sqlite_fetch_all(store, stmt, (void **)&out->items, &out->count,
                                  sizeof(*out->items), read_dispute, "disputes");

    if (rc == ARC_OK)
        rc = read_lines(store, out->items, out->count);
    return rc;
}

int arc_sqlite_dispute_list(arc_store *store, const struct arc_store_list *filter,
                            struct arc_dispute_page *out)
{
    static const char ALL[] = "SELECT " DISPUTE_COLUMNS " FROM disputes"
                              " WHERE id > ?1 AND (?2 IS NULL OR status = ?2)"
                              " ORDER BY id LIMIT ?3";
    static const char ONE_CUSTOMER[] = "SELECT " DISPUTE_COLUMNS " FROM disputes"
                                       " WHERE customer_id = ?4 AND id > ?1"
                                       " AND (?2 IS NULL OR status = ?2)"
                                       " ORDER BY id LIMIT ?3";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, filter->customer_id ? ONE_CUSTOMER : ALL);

    if (stmt == NULL)
        return arc_error_last_code();
    arc_sqlite_bind_list(stmt, filter);
    if (filter->status >= 0)
        arc_sqlite_bind_text(stmt, 2, arc_dispute_status_name(filter->status));
    return fetch_page(store, stmt, out);
}

int arc_sqlite_dispute_list_for_invoice(arc_store *store, arc_id invoice_id,
                                        struct arc_dispute_page *out)
{
    static const char SQL[] = "SELECT " DISPUTE_COLUMNS " FROM disputes"
                              " WHERE invoice_id = ?1 ORDER BY id";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);

    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_int64(stmt, 1, invoice_id);
    return fetch_page(store, stmt, out);
}

int arc_sqlite_sum_open_disputes_of_invoice(arc_store *store, arc_id invoice_id,
                                            arc_id except_dispute_id, int64_t *out)
{
    static const char SQL[] =
        "SELECT coalesce(sum(amount), 0) FROM disputes"
        " WHERE invoice_id = ?1 AND status <> 'resolved' AND id <> ?2";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);

    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_int64(stmt, 1, invoice_id);
    sqlite3_bind_int64(stmt, 2, except_dispute_id);
    return arc_sqlite_sum_one(store, stmt, out, "disputed amount");
}

int arc_sqlite_sum_open_disputes_of_customer(arc_store *store, arc_id customer_id,
                                             const char *currency, int64_t *out)
{
    static const char SQL[] =
        "SELECT coalesce(sum(amount), 0) FROM disputes"
        " WHERE customer_id = ?1 AND currency = ?2 AND status <> 'resolved'";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);

    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_int64(stmt, 1, customer_id);
    arc_sqlite_bind_text(stmt, 2, currency);
    return arc_sqlite_sum_one(store, stmt, out, "disputed amount");
}

int arc_sqlite_reason_code_in_use(arc_store *store, const char *code, bool *out)
{
    static const char SQL[] =
        "SELECT EXISTS (SELECT 1 FROM disputes WHERE reason_code = ?1)"
        " OR EXISTS (SELECT 1 FROM escalation_rules WHERE reason_code = ?1)";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);
    int64_t used = 0;
    int rc;

    if (stmt == NULL)
        return arc_error_last_code();
    arc_sqlite_bind_text(stmt, 1, code);
    rc = arc_sqlite_sum_one(store, stmt, &used, "reason code");
    *out = used != 0;
    return rc;
}

int arc_sqlite_scan_disputed_amounts(arc_store *store, arc_date as_of, arc_disputed_fn fn,
                                     void *ctx)
{
    /* Disputes open on the as-of date: opened by then, not resolved by then. */
    static const char SQL[] =
        "SELECT invoice_id, sum(amount) FROM disputes"
        " WHERE substr(opened_at, 1, 10) <= ?1"
        " AND (status <> 'resolved' OR resolved_on > ?1) GROUP BY invoice_id";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);
    int rc = ARC_OK;
    int step = SQLITE_DONE;

    if (stmt == NULL)
        return arc_error_last_code();
    arc_sqlite_bind_date(stmt, 1, as_of);
    while (rc == ARC_OK && (step = sqlite3_step(stmt)) == SQLITE_ROW)
        rc = fn(ctx, sqlite3_column_int64(stmt, 0), sqlite3_column_int64(stmt, 1));
    if (rc == ARC_OK && step != SQLITE_DONE)
        rc = arc_sqlite_fail(store, sqlite3_extended_errcode(store->conn), "disputes");
    sqlite3_reset(stmt);
    return rc;
}
