/*
 * The baseline: the same customers, invoices, lines, payments,
 * applications and journal events the library writes, inserted with
 * hand-written prepared statements in transactions of the same size. It
 * shows what the rows themselves cost, so that the library's overhead can be
 * read as a ratio.
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

/* The journal's row for a change, as the library writes it: @p invoice_id 0
 * and @p currency NULL leave those columns NULL. */
static int insert_event(struct raw_book *book, const char *kind, sqlite3_int64 record_id,
                        sqlite3_int64 customer_id, sqlite3_int64 invoice_id,
                        int64_t amount, const char *currency, const char *detail,
                        long index)
{
    sqlite3_stmt *stmt = book->stmt[RAW_INSERT_EVENT];
    int rc = SQLITE_OK;

    rc |= sqlite3_bind_text(stmt, 1, kind, -1, SQLITE_STATIC);
    rc |= sqlite3_bind_text(stmt, 2, book->now, -1, SQLITE_STATIC);
    rc |= sqlite3_bind_int64(stmt, 3, record_id);
    rc |= sqlite3_bind_int64(stmt, 4, customer_id);
    rc |= invoice_id != 0 ? sqlite3_bind_int64(stmt, 5, invoice_id)
                          : sqlite3_bind_null(stmt, 5);
    rc |= currency != NULL ? sqlite3_bind_int64(stmt, 6, amount)
                           : sqlite3_bind_null(stmt, 6);
    rc |= currency != NULL ? sqlite3_bind_text(stmt, 7, currency, -1, SQLITE_STATIC)
                           : sqlite3_bind_null(stmt, 7);
    rc |= sqlite3_bind_text(stmt, 8, detail, -1, SQLITE_STATIC);
    if (rc != SQLITE_OK)
        return raw_fail(book, "bind event", index);

    return raw_step(book, RAW_INSERT_EVENT, index);
}
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

    rc = raw_step(book, RAW_INSERT_CUSTOMER, index);
    if (rc == ARC_OK)
        rc = insert_event(book, "customer.created", index + 1, index + 1, 0, 0, NULL,
                          reference, index);
    return rc;
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
    if (rc == ARC_OK)
        rc = insert_event(book, "invoice.issued", invoice_id, invoice->customer_index + 1,
                          invoice_id, invoice->total, "USD", invoice->number, index);
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

/* A payment recorded already applied, its application, the invoice paid, and
 * the journal's two events (the payment received, then applied). */
static int pay_invoice(struct raw_book *book, const struct workload_invoice *invoice,
                       long index)
{
    sqlite3_int64 customer_id = invoice->customer_index + 1, payment_id = 0;
    int rc = insert_payment(book, invoice, index);

    if (rc == ARC_OK) {
        payment_id = sqlite3_last_insert_rowid(book->conn);
        rc = insert_event(book, "payment.received", payment_id, customer_id, 0,
                          invoice->total, "USD", invoice->number, index);
    }
    if (rc == ARC_OK)
        rc = insert_application(book, invoice, payment_id, index);
    if (rc == ARC_OK)
        rc = settle_invoice(book, invoice, index);
    if (rc == ARC_OK)
        rc = insert_event(book, "payment.applied", payment_id, customer_id, index + 1,
                          invoice->total, "USD", invoice->number, index);
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
