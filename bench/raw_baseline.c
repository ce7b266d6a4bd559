/*
 * The baseline: the same customers, invoices, lines, payments and
 * applications the library writes, inserted with hand-written prepared
 * statements in transactions of the same size. It shows what the rows
 * themselves cost, so that the library's overhead can be read as a ratio.
 *
 * The book is fresh, so record ids are assigned in insertion order: the
 * customer with index i has id i + 1, and so does the invoice.
 */
#include <stdio.h>

#include "raw.h"

static int batch_begin(struct raw_book *book, long index)
{
    if (index % BENCH_BATCH != 0)
        return ARC_OK;
    return raw_exec(book, "BEGIN IMMEDIATE");
}

static int batch_end(struct raw_book *book, long index, long count)
{
    if ((index + 1) % BENCH_BATCH != 0 && index + 1 != count)
        return ARC_OK;
    return raw_exec(book, "COMMIT");
}

/* The bind results are or'ed together: SQLITE_OK is 0, anything else failed. */
static int insert_customer(struct raw_book *book, long index)
{
    sqlite3_stmt *stmt = book->stmt[RAW_INSERT_CUSTOMER];
    char reference[32], name[64], email[64];
    int rc = SQLITE_OK;

    workload_customer_reference(reference, sizeof reference, index);
    workload_customer_name(name, sizeof name, index);
    workload_customer_email(email, sizeof email, index);

    rc |= sqlite3_bind_text(stmt, 1, reference, -1, SQLITE_STATIC);
    rc |= sqlite3_bind_text(stmt, 2, name, -1, SQLITE_STATIC);
    rc |= sqlite3_bind_text(stmt, 3, email, -1, SQLITE_STATIC);
    rc |= sqlite3_bind_int(stmt, 4, workload_payment_terms(index));
    rc |= sqlite3_bind_text(stmt, 5, book->now, -1, SQLITE_STATIC);
    if (rc != SQLITE_OK)
        return raw_fail(book, "bind customer", index);

    return raw_step(book, RAW_INSERT_CUSTOMER, index);
}

static int raw_customers(struct raw_book *book, const struct bench_config *cfg,
                         struct bench_result *result)
{
    double start = bench_now();

    for (long i = 0; i < cfg->customers; i++) {
        int rc = batch_begin(book, i);

        if (rc == ARC_OK)
            rc = insert_customer(book, i);
        if (rc == ARC_OK)
            rc = batch_end(book, i, cfg->customers);
        if (rc != ARC_OK)
            return rc;
    }

    result->seconds[PHASE_RAW_CUSTOMERS] = bench_now() - start;
    result->items[PHASE_RAW_CUSTOMERS] = (double)cfg->customers;
    return ARC_OK;
}

static int insert_line(struct raw_book *book, const struct workload_invoice *invoice,
                       sqlite3_int64 invoice_id, int line, long index)
{
    sqlite3_stmt *stmt = book->stmt[RAW_INSERT_LINE];
    const char *tax_rate = workload_line_tax_rate[line];
    char quantity[24];
    int rc = SQLITE_OK;

    snprintf(quantity, sizeof quantity, "%ld", invoice->quantity[line]);
    rc |= sqlite3_bind_int64(stmt, 1, invoice_id);
    rc |= sqlite3_bind_int(stmt, 2, line + 1);
    rc |= sqlite3_bind_text(stmt, 3, workload_line_description[line], -1, SQLITE_STATIC);
    rc |= sqlite3_bind_text(stmt, 4, quantity, -1, SQLITE_STATIC);
    rc |= sqlite3_bind_int64(stmt, 5, invoice->unit_price[line]);
    rc |=
        sqlite3_bind_text(stmt, 6, tax_rate != NULL ? tax_rate : "0", -1, SQLITE_STATIC);
    rc |= sqlite3_bind_text(stmt, 7, workload_line_item_code[line], -1, SQLITE_STATIC);
    rc |= sqlite3_bind_int64(stmt, 8, invoice->net[line]);
    rc |= sqlite3_bind_int64(stmt, 9, invoice->tax[line]);
    if (rc != SQLITE_OK)
        return raw_fail(book, "bind invoice line", index);

    return raw_step(book, RAW_INSERT_LINE, index);
}

static int insert_invoice(struct raw_book *book, const struct workload_invoice *invoice,
                          long index)
{
    sqlite3_stmt *stmt = book->stmt[RAW_INSERT_INVOICE];
    sqlite3_int64 invoice_id;
    int rc = SQLITE_OK;

    rc |= sqlite3_bind_text(stmt, 1, invoice->number, -1, SQLITE_STATIC);
    rc |= sqlite3_bind_int64(stmt, 2, invoice->customer_index + 1);
    rc |= sqlite3_bind_int64(stmt, 5, invoice->subtotal);
    rc |= sqlite3_bind_int64(stmt, 6, invoice->tax_total);
    rc |= sqlite3_bind_int64(stmt, 7, invoice->total);
    rc |= sqlite3_bind_text(stmt, 8, book->now, -1, SQLITE_STATIC);
    if (rc != SQLITE_OK)
        return raw_fail(book, "bind invoice", index);

    rc = raw_bind_date(book, RAW_INSERT_INVOICE, 3, invoice->issue_date);
    if (rc == ARC_OK)
        rc = raw_bind_date(book, RAW_INSERT_INVOICE, 4, invoice->due_date);
    if (rc == ARC_OK)
        rc = raw_step(book, RAW_INSERT_INVOICE, index);
    if (rc != ARC_OK)
        return rc;

    invoice_id = sqlite3_last_insert_rowid(book->conn);
    for (int line = 0; line < 2 && rc == ARC_OK; line++)
        rc = insert_line(book, invoice, invoice_id, line, index);
    return rc;
}

static int raw_invoices(struct raw_book *book, const struct bench_config *cfg,
                        struct bench_result *result)
{
    struct workload_invoice invoice;
    double start = bench_now();

    for (long i = 0; i < cfg->invoices; i++) {
        int rc = batch_begin(book, i);

        workload_invoice(&invoice, i, cfg->customers, book->today);
        if (rc == ARC_OK)
            rc = insert_invoice(book, &invoice, i);
        if (rc == ARC_OK)
            rc = batch_end(book, i, cfg->invoices);
        if (rc != ARC_OK)
            return rc;
    }

    result->seconds[PHASE_RAW_INVOICES] = bench_now() - start;
    result->items[PHASE_RAW_INVOICES] = (double)cfg->invoices;
    return ARC_OK;
}

static int insert_payment(struct raw_book *book, const struct workload_invoice *invoice,
                          long index)
{
    sqlite3_stmt *stmt = book->stmt[RAW_INSERT_PAYMENT];
    int rc = SQLITE_OK;

    rc |= sqlite3_bind_int64(stmt, 1, invoice->customer_index + 1);
    rc |= sqlite3_bind_int64(stmt, 2, invoice->total);
    rc |= sqlite3_bind_text(stmt, 4, invoice->number, -1, SQLITE_STATIC);
    rc |= sqlite3_bind_text(stmt, 5, book->now, -1, SQLITE_STATIC);
    if (rc != SQLITE_OK)
        return raw_fail(book, "bind payment", index);

    rc = raw_bind_date(book, RAW_INSERT_PAYMENT, 3, invoice->paid_on);
    if (rc == ARC_OK)
        rc = raw_step(book, RAW_INSERT_PAYMENT, index);
    return rc;
}

static int insert_application(struct raw_book *book,
                              const struct workload_invoice *invoice,
                              sqlite3_int64 payment_id, long index)
{
    sqlite3_stmt *stmt = book->stmt[RAW_INSERT_APPLICATION];
    int rc = SQLITE_OK;

    rc |= sqlite3_bind_int64(stmt, 1, index + 1);
    rc |= sqlite3_bind_int64(stmt, 2, payment_id);
    rc |= sqlite3_bind_int64(stmt, 3, invoice->total);
    rc |= sqlite3_bind_text(stmt, 5, book->now, -1, SQLITE_STATIC);
    if (rc != SQLITE_OK)
        return raw_fail(book, "bind application", index);

    rc = raw_bind_date(book, RAW_INSERT_APPLICATION, 4, invoice->paid_on);
    if (rc == ARC_OK)
        rc = raw_step(book, RAW_INSERT_APPLICATION, index);
    return rc;
}

static int settle_invoice(struct raw_book *book, const struct workload_invoice *invoice,
                          long index)
{
    sqlite3_stmt *stmt = book->stmt[RAW_SETTLE_INVOICE];
    int rc = SQLITE_OK;

    rc |= sqlite3_bind_int64(stmt, 1, index + 1);
    rc |= sqlite3_bind_int64(stmt, 2, invoice->total);
    rc |= sqlite3_bind_text(stmt, 3, book->now, -1, SQLITE_STATIC);
    if (rc != SQLITE_OK)
        return raw_fail(book, "bind settlement", index);

    return raw_step(book, RAW_SETTLE_INVOICE, index);
}

/* A payment recorded already applied, its application, the invoice paid. */
static int pay_invoice(struct raw_book *book, const struct workload_invoice *invoice,
                       long index)
{
    int rc = insert_payment(book, invoice, index);

    if (rc == ARC_OK)
        rc = insert_application(book, invoice, sqlite3_last_insert_rowid(book->conn),
                                index);
    if (rc == ARC_OK)
        rc = settle_invoice(book, invoice, index);
    return rc;
}

static int raw_payments(struct raw_book *book, const struct bench_config *cfg,
                        struct bench_result *result)
{
    struct workload_invoice invoice;
    long payment_count = workload_payment_count(cfg->invoices), paid = 0;
    double start = bench_now();

    for (long i = 0; i < cfg->invoices; i++) {
        int rc;

        workload_invoice(&invoice, i, cfg->customers, book->today);
        if (!invoice.paid)
            continue;

        rc = batch_begin(book, paid);
        if (rc == ARC_OK)
            rc = pay_invoice(book, &invoice, i);
        if (rc == ARC_OK)
            rc = batch_end(book, paid, payment_count);
        if (rc != ARC_OK)
            return rc;
        paid++;
    }

    result->seconds[PHASE_RAW_PAYMENTS] = bench_now() - start;
    result->items[PHASE_RAW_PAYMENTS] = (double)paid;
    return ARC_OK;
}

int raw_run(const struct bench_config *cfg, const char *path, struct bench_result *result)
{
    struct raw_book book;
    int rc = raw_open(&book, cfg, path);

    if (rc == ARC_OK)
        rc = raw_customers(&book, cfg, result);
    if (rc == ARC_OK)
        rc = raw_invoices(&book, cfg, result);
    if (rc == ARC_OK)
        rc = raw_payments(&book, cfg, result);

    raw_close(&book);
    return rc;
}
