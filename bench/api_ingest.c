/*
 * The library side of the ingest phases: customers, issued invoices and
 * payments, all through the public API, committed in batches.
 */
#include <stdio.h>

#include "bench.h"

/* The instant every book's clock reports: noon on BENCH_TODAY. */
static arc_time book_now;

int api_fail(int rc, const char *what, long index)
{
    if (index >= 0)
        fprintf(stderr, "arc_bench: %s %ld: %s: %s\n", what, index, arc_error_name(rc),
                arc_error_last());
    else
        fprintf(stderr, "arc_bench: %s: %s: %s\n", what, arc_error_name(rc),
                arc_error_last());
    return rc;
}

int api_open(arc_db **out, const struct bench_config *cfg, const char *path)
{
    arc_db_options options = ARC_DB_OPTIONS_INIT;
    arc_date today;
    int rc;

    rc = bench_today(&today);
    if (rc != ARC_OK)
        return api_fail(rc, "today", -1);

    book_now = (arc_time)today * 86400 + 12 * 3600;
    options.clock = bench_clock;
    options.clock_data = &book_now;
    if (cfg->sync_normal)
        options.flags |= ARC_DB_SYNC_NORMAL;

    rc = arc_db_open(out, path, &options);
    if (rc != ARC_OK)
        return api_fail(rc, path, -1);
    return ARC_OK;
}

/* Open a transaction before the first record of each batch. */
int api_batch_begin(arc_db *db, long index)
{
    if (index % BENCH_BATCH != 0)
        return ARC_OK;
    return arc_tx_begin(db);
}

/* Commit after the last record of each batch, and after the very last. */
int api_batch_end(arc_db *db, long index, long count)
{
    if ((index + 1) % BENCH_BATCH != 0 && index + 1 != count)
        return ARC_OK;
    return arc_tx_commit(db);
}

static int create_customer(arc_id *out, arc_db *db, long index)
{
    arc_customer_opts opts = ARC_CUSTOMER_OPTS_INIT;
    char reference[32], name[64], email[64];

    workload_customer_reference(reference, sizeof reference, index);
    workload_customer_name(name, sizeof name, index);
    workload_customer_email(email, sizeof email, index);

    opts.reference = reference;
    opts.name = name;
    opts.billing_email = email;
    opts.currency = "USD";
    opts.payment_terms_days = workload_payment_terms(index);
    return arc_customer_create(out, db, &opts);
}

int api_customers(arc_db *db, const struct bench_config *cfg, arc_id *customer_ids,
                  struct bench_result *result)
{
    double start = bench_now();

    for (long i = 0; i < cfg->customers; i++) {
        int rc = api_batch_begin(db, i);

        if (rc == ARC_OK)
            rc = create_customer(&customer_ids[i], db, i);
        if (rc == ARC_OK)
            rc = api_batch_end(db, i, cfg->customers);
        if (rc != ARC_OK)
            return api_fail(rc, "customer", i);
    }

    result->seconds[PHASE_CUSTOMERS] = bench_now() - start;
    result->items[PHASE_CUSTOMERS] = (double)cfg->customers;
    return ARC_OK;
}

int api_invoice_create(arc_id *out, arc_db *db, const struct workload_invoice *invoice,
                       arc_id customer_id)
{
    arc_invoice_line_opts lines[2] = { ARC_INVOICE_LINE_OPTS_INIT,
                                       ARC_INVOICE_LINE_OPTS_INIT };
    arc_invoice_opts opts = ARC_INVOICE_OPTS_INIT;
    char quantity[2][24];

    for (int i = 0; i < 2; i++) {
        snprintf(quantity[i], sizeof quantity[i], "%ld", invoice->quantity[i]);
        lines[i].description = workload_line_description[i];
        lines[i].quantity = quantity[i];
        lines[i].unit_price = invoice->unit_price[i];
        lines[i].tax_rate = workload_line_tax_rate[i];
        lines[i].item_code = workload_line_item_code[i];
    }

    opts.customer_id = customer_id;
    opts.number = invoice->number;
    opts.issue_date = invoice->issue_date;
    opts.lines = lines;
    opts.line_count = 2;
    opts.flags = ARC_INVOICE_CREATE_ISSUED;
    return arc_invoice_create(out, db, &opts);
}

int api_invoices(arc_db *db, const struct bench_config *cfg, const arc_id *customer_ids,
                 arc_id *invoice_ids, struct bench_result *result)
{
    struct workload_invoice invoice;
    double start = bench_now();
    arc_date today = arc_db_today(db);

    for (long i = 0; i < cfg->invoices; i++) {
        int rc = api_batch_begin(db, i);

        workload_invoice(&invoice, i, cfg->customers, today);
        if (rc == ARC_OK)
            rc = api_invoice_create(&invoice_ids[i], db, &invoice,
                                    customer_ids[invoice.customer_index]);
        if (rc == ARC_OK)
            rc = api_batch_end(db, i, cfg->invoices);
        if (rc != ARC_OK)
            return api_fail(rc, "invoice", i);
    }

    result->seconds[PHASE_INVOICES] = bench_now() - start;
    result->items[PHASE_INVOICES] = (double)cfg->invoices;
    return ARC_OK;
}

/* An ACH payment of the whole invoice, applied to it explicitly. */
static int pay_invoice(arc_db *db, const struct workload_invoice *invoice,
                       arc_id customer_id, arc_id invoice_id)
{
    arc_payment_opts opts = ARC_PAYMENT_OPTS_INIT;
    arc_id payment_id;
    int rc;

    opts.customer_id = customer_id;
    opts.amount = invoice->total;
    opts.method = ARC_PAYMENT_ACH;
    opts.received_on = invoice->paid_on;
    opts.reference = invoice->number;

    rc = arc_payment_record(&payment_id, db, &opts);
    if (rc != ARC_OK)
        return rc;
    return arc_payment_apply(db, payment_id, invoice_id, invoice->total,
                             invoice->paid_on);
}

int api_payments(arc_db *db, const struct bench_config *cfg, const arc_id *customer_ids,
                 const arc_id *invoice_ids, struct bench_result *result)
{
    struct workload_invoice invoice;
    long payment_count = workload_payment_count(cfg->invoices), paid = 0;
    arc_date today = arc_db_today(db);
    double start = bench_now();

    for (long i = 0; i < cfg->invoices; i++) {
        int rc;

        workload_invoice(&invoice, i, cfg->customers, today);
        if (!invoice.paid)
            continue;

        rc = api_batch_begin(db, paid);
        if (rc == ARC_OK)
            rc = pay_invoice(db, &invoice, customer_ids[invoice.customer_index],
                             invoice_ids[i]);
        if (rc == ARC_OK)
            rc = api_batch_end(db, paid, payment_count);
        if (rc != ARC_OK)
            return api_fail(rc, "payment for invoice", i);
        paid++;
    }

    result->seconds[PHASE_PAYMENTS] = bench_now() - start;
    result->items[PHASE_PAYMENTS] = (double)paid;
    return ARC_OK;
}
