/*
 * The SQLite backend: opening a book file, transactions and savepoints,
 * book-wide settings, and the operations table the core calls.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "sqlite_internal.h"
#include "util.h"

static int apply_pragmas(arc_store *store, const struct arc_store_config *cfg)
{
    const char *sync = (cfg->flags & ARC_DB_SYNC_NORMAL) ? "PRAGMA synchronous = NORMAL"
                                                         : "PRAGMA synchronous = FULL";
    int rc;

    rc = arc_sqlite_exec(store, "PRAGMA journal_mode = WAL", "book: enabling WAL");
    if (rc == ARC_OK)
        rc = arc_sqlite_exec(store, sync, "book: setting durability");
    if (rc == ARC_OK)
        rc = arc_sqlite_exec(store, "PRAGMA foreign_keys = ON",
                             "book: enabling foreign keys");
    return rc;
}

static int store_open(arc_store **out, const char *location,
                      const struct arc_store_config *cfg)
{
    int open_flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    arc_store *store;
    int rc;

    store = calloc(1, sizeof(*store));
    if (store == NULL)
        return arc_fail(ARC_ENOMEM, "book: out of memory");
    store->path = arc_strdup(location);
    if (store->path == NULL) {
        free(store);
        return arc_fail(ARC_ENOMEM, "book: out of memory");
    }

    if (!(cfg->flags & ARC_DB_NO_CREATE))
        open_flags |= SQLITE_OPEN_CREATE;
    rc = sqlite3_open_v2(location, &store->conn, open_flags, NULL);
    if (rc == SQLITE_CANTOPEN && (cfg->flags & ARC_DB_NO_CREATE))
        rc = arc_fail(ARC_ENOTFOUND, "book %s: does not exist", location);
    else if (rc != SQLITE_OK)
        rc = arc_fail(rc == SQLITE_NOMEM ? ARC_ENOMEM : ARC_ESTORAGE,
                      "book %s: cannot open: %s", location, sqlite3_errstr(rc));

    if (rc == ARC_OK) {
        sqlite3_busy_timeout(store->conn,
                             cfg->busy_timeout_ms > 0 ? cfg->busy_timeout_ms : 5000);
        rc = arc_sqlite_schema_check(store, cfg);
    }
    if (rc == ARC_OK)
        rc = apply_pragmas(store, cfg);
    if (rc == ARC_OK)
        rc = arc_sqlite_schema_prepare(store, cfg);
    if (rc != ARC_OK) {
        arc_sqlite_stmt_clear(store);
        sqlite3_close_v2(store->conn);
        free(store->path);
        free(store);
        return rc;
    }

    *out = store;
    return ARC_OK;
}

static void store_close(arc_store *store);

/* Delete a book's file and the files SQLite keeps beside it, once it is
 * known to be a book: anything else is left alone. */
static int store_drop(const char *location, const struct arc_store_config *cfg)
{
    static const char *const suffixes[] = { "-wal", "-shm", "-journal" };
    struct arc_store_config no_create = *cfg;
    arc_store *store = NULL;
    char path[4096];
    int rc;

    no_create.flags |= ARC_DB_NO_CREATE;
    rc = store_open(&store, location, &no_create);
    if (rc != ARC_OK)
        return rc;
    store_close(store);
    if (remove(location) != 0)
        return arc_fail(ARC_ESTORAGE, "book %s: cannot delete: %s", location,
                        strerror(errno));
    for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
        snprintf(path, sizeof(path), "%s%s", location, suffixes[i]);
        remove(path);
    }
    return ARC_OK;
}

static void store_close(arc_store *store)
{
    if (store == NULL)
        return;
    arc_sqlite_stmt_clear(store);
    sqlite3_close_v2(store->conn);
    free(store->path);
    free(store);
}

static int store_begin(arc_store *store)
{
    return arc_sqlite_exec(store, "BEGIN IMMEDIATE", "transaction: begin");
}

static int store_commit(arc_store *store)
{
    int rc = arc_sqlite_exec(store, "COMMIT", "transaction: commit");

    if (rc != ARC_OK && !sqlite3_get_autocommit(store->conn))
        sqlite3_exec(store->conn, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

static int store_rollback(arc_store *store)
{
    if (sqlite3_get_autocommit(store->conn))
        return ARC_OK;
    return arc_sqlite_exec(store, "ROLLBACK", "transaction: rollback");
}

static int store_savepoint(arc_store *store)
{
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, "SAVEPOINT arc_call");

    if (stmt == NULL)
        return arc_error_last_code();
    return arc_sqlite_exec_stmt(store, stmt, "transaction: savepoint");
}

static int store_release(arc_store *store)
{
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, "RELEASE arc_call");

    if (stmt == NULL)
        return arc_error_last_code();
    return arc_sqlite_exec_stmt(store, stmt, "transaction: release");
}

static int store_rollback_to(arc_store *store)
{
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, "ROLLBACK TO arc_call");
    int rc;

    if (stmt == NULL)
        return arc_error_last_code();
    rc = arc_sqlite_exec_stmt(store, stmt, "transaction: rollback to savepoint");
    if (rc != ARC_OK)
        return rc;
    return store_release(store);
}

static int64_t store_change_count(arc_store *store)
{
    return sqlite3_total_changes64(store->conn);
}

int arc_sqlite_book_info(arc_store *store, char *book_id, int *schema_version)
{
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, "SELECT book_id FROM book");
    const unsigned char *text;
    int rc;

    if (stmt == NULL)
        return arc_error_last_code();
    rc = sqlite3_step(stmt);
    if (rc != SQLITE_ROW) {
        sqlite3_reset(stmt);
        return arc_fail(ARC_ENOTBOOK, "book %s: the book record is missing", store->path);
    }
    text = sqlite3_column_text(stmt, 0);
    snprintf(book_id, 33, "%s", text ? (const char *)text : "");
    sqlite3_reset(stmt);
    *schema_version = ARC_SQLITE_SCHEMA_VERSION;
    return ARC_OK;
}

static const char *const SEQUENCE_KINDS[] = { "invoice", "credit_memo" };

int arc_sqlite_sequence_take(arc_store *store, arc_sequence kind,
                             struct arc_sequence_state *out)
{
    static const char SELECT[] =
        "SELECT prefix, next_number, width FROM sequences WHERE kind = ?1";
    static const char ADVANCE[] = "UPDATE sequences SET next_number = ?2 WHERE kind = ?1";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SELECT);
    const unsigned char *prefix;
    int rc;

    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_text(stmt, 1, SEQUENCE_KINDS[kind], -1, SQLITE_STATIC);
    rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
        prefix = sqlite3_column_text(stmt, 0);
        snprintf(out->prefix, sizeof(out->prefix), "%s",
                 prefix ? (const char *)prefix : "");
        out->next = sqlite3_column_int64(stmt, 1);
        out->width = sqlite3_column_int(stmt, 2);
    }
    sqlite3_reset(stmt);
    if (rc != SQLITE_ROW)
        return arc_sqlite_fail(store, sqlite3_extended_errcode(store->conn),
                               "numbering: reading the sequence");
    if (out->next == INT64_MAX)
        return arc_fail(ARC_EOVERFLOW, "numbering: the %s sequence is exhausted",
                        SEQUENCE_KINDS[kind]);

    stmt = arc_sqlite_stmt(store, ADVANCE);
    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_text(stmt, 1, SEQUENCE_KINDS[kind], -1, SQLITE_STATIC);
    sqlite3_bind_int64(stmt, 2, out->next + 1);
    return arc_sqlite_exec_stmt(store, stmt, "numbering: advancing the sequence");
}

int arc_sqlite_sequence_put(arc_store *store, arc_sequence kind,
                            const struct arc_sequence_state *state)
{
    static const char SQL[] =
        "UPDATE sequences SET prefix = ?2, next_number = ?3, width = ?4 WHERE kind = ?1";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);

    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_text(stmt, 1, SEQUENCE_KINDS[kind], -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 2, state->prefix, -1, SQLITE_STATIC);
    sqlite3_bind_int64(stmt, 3, state->next);
    sqlite3_bind_int(stmt, 4, state->width);
    return arc_sqlite_exec_stmt(store, stmt, "book: updating a sequence");
}

const struct arc_backend arc_sqlite_store = {
    .version = ARC_BACKEND_VERSION,
    .name = "sqlite",
    .drop = store_drop,
    .open = store_open,
    .close = store_close,
    .begin = store_begin,
    .commit = store_commit,
    .rollback = store_rollback,
    .savepoint = store_savepoint,
    .release = store_release,
    .rollback_to = store_rollback_to,
    .change_count = store_change_count,
    .book_info = arc_sqlite_book_info,
    .sequence_take = arc_sqlite_sequence_take,
    .sequence_put = arc_sqlite_sequence_put,
    .customer_insert = arc_sqlite_customer_insert,
    .customer_update = arc_sqlite_customer_update,
    .customer_get = arc_sqlite_customer_get,
    .customer_terms = arc_sqlite_customer_terms,
    .customer_get_by_reference = arc_sqlite_customer_get_by_reference,
    .customer_list = arc_sqlite_customer_list,
    .contact_insert = arc_sqlite_contact_insert,
    .contact_delete = arc_sqlite_contact_delete,
    .contact_list = arc_sqlite_contact_list,
    .invoice_insert = arc_sqlite_invoice_insert,
    .invoice_line_insert = arc_sqlite_invoice_line_insert,
    .invoice_update = arc_sqlite_invoice_update,
    .invoice_settle = arc_sqlite_invoice_settle,
    .invoice_delete = arc_sqlite_invoice_delete,
    .invoice_get = arc_sqlite_invoice_get,
    .invoice_get_by_number = arc_sqlite_invoice_get_by_number,
    .invoice_list = arc_sqlite_invoice_list,
    .invoice_list_payable = arc_sqlite_invoice_list_payable,
    .payment_insert = arc_sqlite_payment_insert,
    .payment_update = arc_sqlite_payment_update,
    .payment_get = arc_sqlite_payment_get,
    .payment_get_by_key = arc_sqlite_payment_get_by_key,
    .payment_list = arc_sqlite_payment_list,
    .credit_memo_insert = arc_sqlite_credit_memo_insert,
    .credit_memo_update = arc_sqlite_credit_memo_update,
    .credit_memo_get = arc_sqlite_credit_memo_get,
    .credit_memo_list = arc_sqlite_credit_memo_list,
    .application_insert = arc_sqlite_application_insert,
    .application_set_reversed = arc_sqlite_application_set_reversed,
    .application_list_for = arc_sqlite_application_list_for,
    .reason_code_insert = arc_sqlite_reason_code_insert,
    .reason_code_update = arc_sqlite_reason_code_update,
    .reason_code_get = arc_sqlite_reason_code_get,
    .reason_code_delete = arc_sqlite_reason_code_delete,
    .reason_code_list = arc_sqlite_reason_code_list,
    .reason_code_in_use = arc_sqlite_reason_code_in_use,
    .dispute_insert = arc_sqlite_dispute_insert,
    .dispute_update = arc_sqlite_dispute_update,
    .dispute_get = arc_sqlite_dispute_get,
    .dispute_list = arc_sqlite_dispute_list,
    .dispute_list_for_invoice = arc_sqlite_dispute_list_for_invoice,
    .sum_open_disputes_of_invoice = arc_sqlite_sum_open_disputes_of_invoice,
    .scan_disputed_amounts = arc_sqlite_scan_disputed_amounts,
    .sum_open_disputes_of_customer = arc_sqlite_sum_open_disputes_of_customer,
    /* Communications. */
    .communication_insert = arc_sqlite_communication_insert,
    .communication_get = arc_sqlite_communication_get,
    .communication_find_email = arc_sqlite_communication_find_email,
    .communication_list = arc_sqlite_communication_list,
    .communication_list_thread = arc_sqlite_communication_list_thread,
    .communication_move_thread = arc_sqlite_communication_move_thread,
    .communication_search = arc_sqlite_communication_search,
    /* The event journal. */
    .event_append = arc_sqlite_event_append,
    .event_list = arc_sqlite_event_list,
    .scan_disputes = arc_sqlite_scan_disputes,
    /* The timeline. */
    .event_list_timeline = arc_sqlite_event_list_timeline,
    /* Escalation rules and automation. */
    .rule_insert = arc_sqlite_rule_insert,
    .rule_update = arc_sqlite_rule_update,
    .rule_delete = arc_sqlite_rule_delete,
    .rule_get = arc_sqlite_rule_get,
    .rule_get_by_name = arc_sqlite_rule_get_by_name,
    .rule_list = arc_sqlite_rule_list,
    .scan_unresolved_disputes = arc_sqlite_scan_unresolved_disputes,
    .last_contact = arc_sqlite_last_contact,
    .rule_fired = arc_sqlite_rule_fired,
    .rule_firing_insert = arc_sqlite_rule_firing_insert,
    .scan_overdue_invoices = arc_sqlite_scan_overdue_invoices,
    .invoice_mark_overdue_alerted = arc_sqlite_invoice_mark_overdue_alerted,
    .dispute_mark_overdue_alerted = arc_sqlite_dispute_mark_overdue_alerted,
    .sum_invoice_balances = arc_sqlite_sum_invoice_balances,
    .sum_unapplied_credit = arc_sqlite_sum_unapplied_credit,
    .scan_open_items = arc_sqlite_scan_open_items,
    .scan_applications_after = arc_sqlite_scan_applications_after,
};
