/*
 * Opening the baseline's book: the library creates it, so that the schema
 * is exactly the library's; then it is reopened with plain sqlite3 and the
 * same pragmas the library sets.
 */
#include <stdio.h>
#include <string.h>

#include "raw.h"

static const char *const statement_sql[RAW_STATEMENT_COUNT] = {
    [RAW_INSERT_CUSTOMER] =
        "INSERT INTO customers (reference, name, billing_email, phone, currency,"
        " payment_terms_days, credit_limit, owner, status, created_at, updated_at)"
        " VALUES (?1, ?2, ?3, NULL, 'USD', ?4, 0, NULL, 'active', ?5, ?5)",
    [RAW_INSERT_INVOICE] =
        "INSERT INTO invoices (number, customer_id, status, currency, issue_date, "
        "due_date,"
        " due_date_given, memo, subtotal, tax, total, paid, balance, closed_on,"
        " close_reason, created_at, updated_at)"
        " VALUES (?1, ?2, 'open', 'USD', ?3, ?4, 0, NULL, ?5, ?6, ?7, 0, ?7, NULL, NULL,"
        " ?8, ?8)",
    [RAW_INSERT_LINE] = "INSERT INTO invoice_lines (invoice_id, line_no, description, "
                        "quantity, unit_price,"
                        " tax_rate, item_code, period_start, period_end, net, tax)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, NULL, NULL, ?8, ?9)",
    [RAW_INSERT_PAYMENT] =
        "INSERT INTO payments (customer_id, amount, currency, method, received_on,"
        " reference, idempotency_key, applied, reversed_on, reversal_reason, created_at)"
        " VALUES (?1, ?2, 'USD', 'ach', ?3, ?4, NULL, ?2, NULL, NULL, ?5)",
    [RAW_INSERT_APPLICATION] =
        "INSERT INTO applications (invoice_id, kind, payment_id, credit_memo_id, amount,"
        " applied_on, reversed_on, created_at)"
        " VALUES (?1, 'payment', ?2, NULL, ?3, ?4, NULL, ?5)",
    [RAW_SETTLE_INVOICE] = "UPDATE invoices SET status = 'paid', paid = ?2, balance = 0,"
                           " updated_at = ?3 WHERE id = ?1",
    [RAW_INSERT_EVENT] = "INSERT INTO events (kind, occurred_at, actor, record_id, "
                         "customer_id, invoice_id,"
                         " dispute_id, amount, currency, detail)"
                         " VALUES (?1, ?2, NULL, ?3, ?4, ?5, NULL, ?6, ?7, ?8)",
};

int raw_fail(struct raw_book *book, const char *what, long index)
{
    const char *message =
        book->conn != NULL ? sqlite3_errmsg(book->conn) : "no connection";

    if (index >= 0)
        fprintf(stderr, "arc_bench: raw %s %ld: %s\n", what, index, message);
    else
        fprintf(stderr, "arc_bench: raw %s: %s\n", what, message);
    return ARC_ESTORAGE;
}

int raw_exec(struct raw_book *book, const char *sql)
{
    if (sqlite3_exec(book->conn, sql, NULL, NULL, NULL) != SQLITE_OK)
        return raw_fail(book, sql, -1);
    return ARC_OK;
}

/* Run a bound statement that returns no rows, then reset it for the next. */
int raw_step(struct raw_book *book, enum raw_statement which, long index)
{
    sqlite3_stmt *stmt = book->stmt[which];
    int rc = sqlite3_step(stmt);

    sqlite3_reset(stmt);
    if (rc != SQLITE_DONE)
        return raw_fail(book, statement_sql[which], index);
    return ARC_OK;
}

int raw_bind_date(struct raw_book *book, enum raw_statement which, int column,
                  arc_date date)
{
    char text[ARC_DATE_BUFSIZE];
    int rc = arc_date_format(text, sizeof text, date);

    if (rc != ARC_OK)
        return api_fail(rc, "raw date", -1);
    if (sqlite3_bind_text(book->stmt[which], column, text, 10, SQLITE_TRANSIENT) !=
        SQLITE_OK)
        return raw_fail(book, "bind date", -1);
    return ARC_OK;
}

/* Let the library create an empty book, with its schema, and close it. */
static int create_empty_book(const struct bench_config *cfg, const char *path)
{
    arc_db *db = NULL;
    int rc = api_open(&db, cfg, path);

    arc_db_close(db);
    return rc;
}

static int apply_pragmas(struct raw_book *book, const struct bench_config *cfg)
{
    int rc = raw_exec(book, "PRAGMA journal_mode = WAL");

    if (rc == ARC_OK)
        rc = raw_exec(book, cfg->sync_normal ? "PRAGMA synchronous = NORMAL"
                                             : "PRAGMA synchronous = FULL");
    if (rc == ARC_OK)
        rc = raw_exec(book, "PRAGMA foreign_keys = ON");
    return rc;
}

static int prepare_statements(struct raw_book *book)
{
    for (int i = 0; i < RAW_STATEMENT_COUNT; i++) {
        if (sqlite3_prepare_v3(book->conn, statement_sql[i], -1,
                               SQLITE_PREPARE_PERSISTENT, &book->stmt[i],
                               NULL) != SQLITE_OK)
            return raw_fail(book, statement_sql[i], -1);
    }
    return ARC_OK;
}

int raw_open(struct raw_book *book, const struct bench_config *cfg, const char *path)
{
    int rc;

    memset(book, 0, sizeof *book);
    rc = bench_today(&book->today);
    if (rc != ARC_OK)
        return api_fail(rc, "today", -1);
    snprintf(book->now, sizeof book->now, "%sT12:00:00Z", BENCH_TODAY);

    rc = create_empty_book(cfg, path);
    if (rc != ARC_OK)
        return rc;

    if (sqlite3_open_v2(path, &book->conn, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
        return raw_fail(book, path, -1);

    rc = apply_pragmas(book, cfg);
    if (rc == ARC_OK)
        rc = prepare_statements(book);
    return rc;
}

void raw_close(struct raw_book *book)
{
    for (int i = 0; i < RAW_STATEMENT_COUNT; i++)
        sqlite3_finalize(book->stmt[i]);
    sqlite3_close(book->conn);
    memset(book, 0, sizeof *book);
}
