/*
 * Invoices and their lines in the SQLite book.
 */
#include <stdlib.h>

#include "error.h"
#include "sqlite_internal.h"

#define INVOICE_COLUMNS                                                                  \
    "id, number, customer_id, status, currency, issue_date, due_date, due_date_given,"   \
    " memo, subtotal, tax, total, paid, balance, closed_on, close_reason, created_at,"   \
    " updated_at"

static void bind_invoice(sqlite3_stmt *stmt, const struct arc_invoice *invoice)
{
    arc_sqlite_bind_text(stmt, 1, invoice->number);
    sqlite3_bind_int64(stmt, 2, invoice->customer_id);
    arc_sqlite_bind_text(stmt, 3, arc_invoice_status_name(invoice->status));
    arc_sqlite_bind_text(stmt, 4, invoice->currency);
    arc_sqlite_bind_date(stmt, 5, invoice->issue_date);
    arc_sqlite_bind_date(stmt, 6, invoice->due_date);
    sqlite3_bind_int(stmt, 7, invoice->due_date_given);
    arc_sqlite_bind_text(stmt, 8, invoice->memo);
    sqlite3_bind_int64(stmt, 9, invoice->subtotal);
    sqlite3_bind_int64(stmt, 10, invoice->tax);
    sqlite3_bind_int64(stmt, 11, invoice->total);
    sqlite3_bind_int64(stmt, 12, invoice->paid);
    sqlite3_bind_int64(stmt, 13, invoice->balance);
    arc_sqlite_bind_date(stmt, 14, invoice->closed_on);
    arc_sqlite_bind_text(stmt, 15, invoice->close_reason);
    arc_sqlite_bind_time(stmt, 16, invoice->created_at);
    arc_sqlite_bind_time(stmt, 17, invoice->updated_at);
}

static int read_invoice(sqlite3_stmt *stmt, void *record)
{
    struct arc_invoice *out = record;
    int rc = ARC_OK;

    out->id = sqlite3_column_int64(stmt, 0);
    out->number = arc_sqlite_column_text_dup(stmt, 1, &rc);
    out->customer_id = sqlite3_column_int64(stmt, 2);
    out->status = (arc_invoice_status)arc_parse_invoice_status(
        (const char *)sqlite3_column_text(stmt, 3));
    arc_sqlite_column_currency(stmt, 4, out->currency);
    out->issue_date = arc_sqlite_column_date(stmt, 5);
    out->due_date = arc_sqlite_column_date(stmt, 6);
    out->due_date_given = sqlite3_column_int(stmt, 7) != 0;
    out->memo = arc_sqlite_column_text_dup(stmt, 8, &rc);
    out->subtotal = sqlite3_column_int64(stmt, 9);
    out->tax = sqlite3_column_int64(stmt, 10);
    out->total = sqlite3_column_int64(stmt, 11);
    out->paid = sqlite3_column_int64(stmt, 12);
    out->balance = sqlite3_column_int64(stmt, 13);
    out->closed_on = arc_sqlite_column_date(stmt, 14);
    out->close_reason = arc_sqlite_column_text_dup(stmt, 15, &rc);
    out->created_at = arc_sqlite_column_time(stmt, 16);
    out->updated_at = arc_sqlite_column_time(stmt, 17);
    if (rc != ARC_OK)
        arc_invoice_clear(out);
    return rc;
}

int arc_sqlite_invoice_line_insert(arc_store *store, arc_id invoice_id,
                                   struct arc_invoice_line *line)
{
    static const char SQL[] = "INSERT INTO invoice_lines (invoice_id, line_no, "
                              "description, quantity, unit_price,"
                              " tax_rate, item_code, period_start, period_end, net, tax)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);

    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_int64(stmt, 1, invoice_id);
    sqlite3_bind_int(stmt, 2, line->line_no);
    arc_sqlite_bind_text(stmt, 3, line->description);
    arc_sqlite_bind_text(stmt, 4, line->quantity);
    sqlite3_bind_int64(stmt, 5, line->unit_price);
    arc_sqlite_bind_text(stmt, 6, line->tax_rate);
    arc_sqlite_bind_text(stmt, 7, line->item_code);
    arc_sqlite_bind_date(stmt, 8, line->period_start);
    arc_sqlite_bind_date(stmt, 9, line->period_end);
    sqlite3_bind_int64(stmt, 10, line->net);
    sqlite3_bind_int64(stmt, 11, line->tax);
    return arc_sqlite_exec_stmt(store, stmt, "invoice line");
}

int arc_sqlite_invoice_insert(arc_store *store, struct arc_invoice *invoice)
{
    static const char SQL[] =
        "INSERT INTO invoices (number, customer_id, status, currency, issue_date, "
        "due_date,"
        " due_date_given, memo, subtotal, tax, total, paid, balance, closed_on,"
        " close_reason, created_at, updated_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
        " ?17)";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);
    int rc;

    if (stmt == NULL)
        return arc_error_last_code();
    bind_invoice(stmt, invoice);
    rc = arc_sqlite_exec_stmt(store, stmt, "invoice");
    if (rc == ARC_EEXISTS)
        return arc_fail(ARC_EEXISTS, "invoice %s: the number is already used",
                        invoice->number);
    if (rc != ARC_OK)
        return rc;
    invoice->id = sqlite3_last_insert_rowid(store->conn);

    for (size_t i = 0; i < invoice->line_count && rc == ARC_OK; i++)
        rc = arc_sqlite_invoice_line_insert(store, invoice->id, &invoice->lines[i]);
    return rc;
}

int arc_sqlite_invoice_update(arc_store *store, const struct arc_invoice *invoice)
{
    static const char SQL[] =
        "UPDATE invoices SET number = ?1, customer_id = ?2, status = ?3, currency = ?4,"
        " issue_date = ?5, due_date = ?6, due_date_given = ?7, memo = ?8, subtotal = ?9,"
        " tax = ?10, total = ?11, paid = ?12, balance = ?13, closed_on = ?14,"
        " close_reason = ?15, created_at = ?16, updated_at = ?17 WHERE id = ?18";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);
    int rc;

    if (stmt == NULL)
        return arc_error_last_code();
    bind_invoice(stmt, invoice);
    sqlite3_bind_int64(stmt, 18, invoice->id);
    rc = arc_sqlite_exec_stmt(store, stmt, "invoice");
    if (rc == ARC_OK && sqlite3_changes(store->conn) == 0)
        return arc_fail(ARC_ENOTFOUND, "invoice %lld: not found", (long long)invoice->id);
    return rc;
}

int arc_sqlite_invoice_settle(arc_store *store, const struct arc_invoice *invoice)
{
    /* Only the columns settlement changes: an UPDATE that names an indexed
     * column rewrites that index entry even when the value is the same. */
    static const char SQL[] =
        "UPDATE invoices SET status = ?2, paid = ?3, balance = ?4, closed_on = ?5,"
        " close_reason = ?6, updated_at = ?7 WHERE id = ?1";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);
    int rc;

    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_int64(stmt, 1, invoice->id);
    arc_sqlite_bind_text(stmt, 2, arc_invoice_status_name(invoice->status));
    sqlite3_bind_int64(stmt, 3, invoice->paid);
    sqlite3_bind_int64(stmt, 4, invoice->balance);
    arc_sqlite_bind_date(stmt, 5, invoice->closed_on);
    arc_sqlite_bind_text(stmt, 6, invoice->close_reason);
    arc_sqlite_bind_time(stmt, 7, invoice->updated_at);
    rc = arc_sqlite_exec_stmt(store, stmt, "invoice");
    if (rc == ARC_OK && sqlite3_changes(store->conn) == 0)
        return arc_fail(ARC_ENOTFOUND, "invoice %lld: not found", (long long)invoice->id);
    return rc;
}

int arc_sqlite_invoice_delete(arc_store *store, arc_id id)
{
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, "DELETE FROM invoice_lines"
                                                " WHERE invoice_id = ?1");
    int rc;

    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_int64(stmt, 1, id);
    rc = arc_sqlite_exec_stmt(store, stmt, "invoice lines");
    if (rc != ARC_OK)
        return rc;

    stmt = arc_sqlite_stmt(store, "DELETE FROM invoices WHERE id = ?1");
    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_int64(stmt, 1, id);
    rc = arc_sqlite_exec_stmt(store, stmt, "invoice");
    if (rc == ARC_OK && sqlite3_changes(store->conn) == 0)
        return arc_fail(ARC_ENOTFOUND, "invoice %lld: not found", (long long)id);
    return rc;
}

static int read_line(sqlite3_stmt *stmt, void *record)
{
    struct arc_invoice_line *line = record;
    int rc = ARC_OK;

    line->line_no = sqlite3_column_int(stmt, 0);
    line->description = arc_sqlite_column_text_dup(stmt, 1, &rc);
    line->quantity = arc_sqlite_column_text_dup(stmt, 2, &rc);
    line->unit_price = sqlite3_column_int64(stmt, 3);
    line->tax_rate = arc_sqlite_column_text_dup(stmt, 4, &rc);
    line->item_code = arc_sqlite_column_text_dup(stmt, 5, &rc);
    line->period_start = arc_sqlite_column_date(stmt, 6);
    line->period_end = arc_sqlite_column_date(stmt, 7);
    line->net = sqlite3_column_int64(stmt, 8);
    line->tax = sqlite3_column_int64(stmt, 9);
    return rc;
}

static int read_lines(arc_store *store, struct arc_invoice *invoice)
{
    static const char SQL[] =
        "SELECT line_no, description, quantity, unit_price, tax_rate, item_code,"
        " period_start, period_end, net, tax FROM invoice_lines WHERE invoice_id = ?1"
        " ORDER BY line_no";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);

    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_int64(stmt, 1, invoice->id);
    return arc_sqlite_fetch_all(store, stmt, (void **)&invoice->lines,
                                &invoice->line_count, sizeof(*invoice->lines), read_line,
                                "invoice lines");
}

static int fetch_invoice(arc_store *store, sqlite3_stmt *stmt, bool with_lines,
                         struct arc_invoice *out)
{
    int rc = arc_sqlite_fetch_one(store, stmt, out, read_invoice, "invoice");

    if (rc == ARC_OK && with_lines) {
        rc = read_lines(store, out);
        if (rc != ARC_OK)
            arc_invoice_clear(out);
    }
    return rc;
}

int arc_sqlite_invoice_get(arc_store *store, arc_id id, bool with_lines,
                           struct arc_invoice *out)
{
    static const char SQL[] = "SELECT " INVOICE_COLUMNS " FROM invoices WHERE id = ?1";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);
    int rc;

    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_int64(stmt, 1, id);
    rc = fetch_invoice(store, stmt, with_lines, out);
    if (rc == ARC_ENOTFOUND)
        return arc_fail(ARC_ENOTFOUND, "invoice %lld: not found", (long long)id);
    return rc;
}

int arc_sqlite_invoice_get_by_number(arc_store *store, const char *number,
                                     bool with_lines, struct arc_invoice *out)
{
    static const char SQL[] =
        "SELECT " INVOICE_COLUMNS " FROM invoices WHERE number = ?1";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);
    int rc;

    if (stmt == NULL)
        return arc_error_last_code();
    arc_sqlite_bind_text(stmt, 1, number);
    rc = fetch_invoice(store, stmt, with_lines, out);
    if (rc == ARC_ENOTFOUND)
        return arc_fail(ARC_ENOTFOUND, "invoice %s: not found", number);
    return rc;
}

static int read_page(arc_store *store, sqlite3_stmt *stmt, struct arc_invoice_page *out)
{
    return arc_sqlite_fetch_all(store, stmt, (void **)&out->items, &out->count,
                                sizeof(*out->items), read_invoice, "invoices");
}

int arc_sqlite_invoice_list(arc_store *store, const struct arc_store_list *filter,
                            struct arc_invoice_page *out)
{
    static const char ALL[] = "SELECT " INVOICE_COLUMNS " FROM invoices"
                              " WHERE id > ?1 AND (?2 IS NULL OR status = ?2)"
                              " ORDER BY id LIMIT ?3";
    static const char ONE_CUSTOMER[] = "SELECT " INVOICE_COLUMNS " FROM invoices"
                                       " WHERE customer_id = ?4 AND id > ?1"
                                       " AND (?2 IS NULL OR status = ?2)"
                                       " ORDER BY id LIMIT ?3";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, filter->customer_id ? ONE_CUSTOMER : ALL);

    if (stmt == NULL)
        return arc_error_last_code();
    arc_sqlite_bind_list(stmt, filter);
    if (filter->status >= 0)
        arc_sqlite_bind_text(stmt, 2, arc_invoice_status_name(filter->status));
    return read_page(store, stmt, out);
}

int arc_sqlite_invoice_list_payable(arc_store *store, arc_id customer_id,
                                    const char *currency, unsigned int limit,
                                    struct arc_invoice_page *out)
{
    static const char SQL[] = "SELECT " INVOICE_COLUMNS " FROM invoices"
                              " WHERE customer_id = ?1 AND currency = ?2 AND balance > 0"
                              " ORDER BY due_date, id LIMIT ?3";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);

    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_int64(stmt, 1, customer_id);
    arc_sqlite_bind_text(stmt, 2, currency);
    sqlite3_bind_int(stmt, 3, (int)limit);
    return read_page(store, stmt, out);
}
