/*
 * The read-only queries behind balances and aging in the SQLite book.
 * They only select and sum rows; what the rows mean is decided in the core.
 */
#include "error.h"
#include "sqlite_internal.h"

int arc_sqlite_sum_invoice_balances(arc_store *store, arc_id customer_id,
                                    const char *currency, int64_t *out)
{
    static const char SQL[] = "SELECT coalesce(sum(balance), 0) FROM invoices"
                              " WHERE customer_id = ?1 AND currency = ?2 AND balance > 0";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);

    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_int64(stmt, 1, customer_id);
    arc_sqlite_bind_text(stmt, 2, currency);
    return arc_sqlite_sum_one(store, stmt, out, "customer balance");
}

int arc_sqlite_sum_unapplied_credit(arc_store *store, arc_id customer_id,
                                    const char *currency, int64_t *out)
{
    static const char SQL[] =
        "SELECT coalesce((SELECT sum(amount - applied) FROM payments"
        "                 WHERE customer_id = ?1 AND currency = ?2 AND reversed_on IS "
        "NULL),"
        "                0)"
        " + coalesce((SELECT sum(amount - applied) FROM credit_memos"
        "             WHERE customer_id = ?1 AND currency = ?2 AND voided_on IS NULL), "
        "0)";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);

    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_int64(stmt, 1, customer_id);
    arc_sqlite_bind_text(stmt, 2, currency);
    return arc_sqlite_sum_one(store, stmt, out, "customer credit");
}

int arc_sqlite_scan_open_items(arc_store *store,
                               const struct arc_open_item_filter *filter,
                               arc_open_item_fn fn, void *ctx)
{
    /* The whole book: the partial index invoices_open covers every column,
     * and is kept in invoice order so that new invoices only append to it.
     * One customer: that customer's invoices by invoices_by_customer. */
    static const char ALL[] =
        "SELECT id, customer_id, currency, issue_date, due_date, balance FROM invoices"
        " INDEXED BY invoices_open"
        " WHERE balance > 0 AND (?2 IS NULL OR currency = ?2) AND issue_date <= ?3";
    static const char ONE_CUSTOMER[] =
        "SELECT id, customer_id, currency, issue_date, due_date, balance FROM invoices"
        " INDEXED BY invoices_by_customer"
        " WHERE customer_id = ?1 AND balance > 0 AND (?2 IS NULL OR currency = ?2)"
        " AND issue_date <= ?3";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, filter->customer_id ? ONE_CUSTOMER : ALL);
    struct arc_open_item item;
    int rc = ARC_OK;
    int step = SQLITE_DONE;

    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_int64(stmt, 1, filter->customer_id);
    arc_sqlite_bind_text(stmt, 2, filter->currency);
    arc_sqlite_bind_date(stmt, 3, filter->issued_by);

    while (rc == ARC_OK && (step = sqlite3_step(stmt)) == SQLITE_ROW) {
        item.invoice_id = sqlite3_column_int64(stmt, 0);
        item.customer_id = sqlite3_column_int64(stmt, 1);
        arc_sqlite_column_currency(stmt, 2, item.currency);
        item.issue_date = arc_sqlite_column_date(stmt, 3);
        item.due_date = arc_sqlite_column_date(stmt, 4);
        item.balance = sqlite3_column_int64(stmt, 5);
        rc = fn(ctx, &item);
    }
    if (rc == ARC_OK && step != SQLITE_DONE)
        rc = arc_sqlite_fail(store, sqlite3_extended_errcode(store->conn), "aging");
    sqlite3_reset(stmt);
    return rc;
}

int arc_sqlite_scan_applications_after(arc_store *store, arc_date after,
                                       arc_application_fn fn, void *ctx)
{
    static const char SQL[] =
        "SELECT " ARC_SQLITE_APPLICATION_COLUMNS
        " FROM applications WHERE applied_on > ?1"
        " UNION ALL "
        "SELECT " ARC_SQLITE_APPLICATION_COLUMNS " FROM applications"
        " WHERE reversed_on > ?1 AND applied_on <= ?1";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);
    struct arc_application application;
    int rc = ARC_OK;
    int step = SQLITE_DONE;

    if (stmt == NULL)
        return arc_error_last_code();
    arc_sqlite_bind_date(stmt, 1, after);

    while (rc == ARC_OK && (step = sqlite3_step(stmt)) == SQLITE_ROW) {
        arc_sqlite_read_application(stmt, &application);
        rc = fn(ctx, &application);
    }
    if (rc == ARC_OK && step != SQLITE_DONE)
        rc = arc_sqlite_fail(store, sqlite3_extended_errcode(store->conn), "aging");
    sqlite3_reset(stmt);
    return rc;
}
