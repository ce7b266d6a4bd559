/*
 * The library side of the reading phases: the aging report over the whole
 * book, and single customers' balances.
 */
#include <stdio.h>
#include <stdlib.h>

#include "bench.h"

/* What the aging report must show: the unpaid invoices and their total. */
struct aging_expectation {
    long open_invoices;
    int64_t open_total;
};

static void expect_aging(struct aging_expectation *out, const struct bench_config *cfg,
                         arc_date today)
{
    struct workload_invoice invoice;

    out->open_invoices = 0;
    out->open_total = 0;
    for (long i = 0; i < cfg->invoices; i++) {
        workload_invoice(&invoice, i, cfg->customers, today);
        if (!invoice.paid) {
            out->open_invoices++;
            out->open_total += invoice.total;
        }
    }
}

/* Warn, without failing the run, when the report disagrees with the workload. */
static void check_aging(const arc_aging *aging, const struct aging_expectation *expected,
                        const char *mode)
{
    long invoices = 0;
    int64_t total = 0;

    for (size_t c = 0; c < arc_aging_currency_count(aging); c++) {
        invoices += (long)arc_aging_total_invoice_count(aging, c);
        total += arc_aging_total(aging, c);
    }

    if (invoices != expected->open_invoices || total != expected->open_total)
        fprintf(stderr,
                "arc_bench: warning: aging (%s) shows %ld invoices owing %lld;"
                " the workload left %ld owing %lld\n",
                mode, invoices, (long long)total, expected->open_invoices,
                (long long)expected->open_total);
}

static int time_aging(double *seconds, arc_db *db, unsigned int flags,
                      const struct aging_expectation *expected)
{
    arc_aging_opts opts = ARC_AGING_OPTS_INIT;
    arc_aging *aging = NULL;
    double start;
    int rc;

    opts.flags = flags;
    start = bench_now();
    rc = arc_aging_compute(&aging, db, &opts);
    *seconds = bench_now() - start;
    if (rc != ARC_OK)
        return api_fail(rc, "aging", -1);

    check_aging(aging, expected, flags & ARC_AGING_TOTALS_ONLY ? "totals only" : "rows");
    arc_aging_free(aging);
    return ARC_OK;
}

static int median_aging(double *median, arc_db *db, unsigned int flags,
                        const struct aging_expectation *expected)
{
    double seconds[BENCH_AGING_REPEATS];

    for (int i = 0; i < BENCH_AGING_REPEATS; i++) {
        int rc = time_aging(&seconds[i], db, flags, expected);

        if (rc != ARC_OK)
            return rc;
    }
    *median = bench_median(seconds, BENCH_AGING_REPEATS);
    return ARC_OK;
}

int api_aging(arc_db *db, const struct bench_config *cfg, struct bench_result *result)
{
    struct aging_expectation expected;
    int rc;

    expect_aging(&expected, cfg, arc_db_today(db));
    result->rss_kb[RSS_BEFORE_AGING] = bench_rss_kb();

    rc = median_aging(&result->seconds[PHASE_AGING], db, 0, &expected);
    if (rc == ARC_OK)
        rc = median_aging(&result->seconds[PHASE_AGING_TOTALS], db, ARC_AGING_TOTALS_ONLY,
                          &expected);
    if (rc != ARC_OK)
        return rc;

    result->rss_kb[RSS_AFTER_AGING] = bench_rss_kb();
    result->items[PHASE_AGING] = (double)cfg->invoices;
    result->items[PHASE_AGING_TOTALS] = (double)cfg->invoices;
    return ARC_OK;
}

/* The median time of one arc_customer_balance() call over random customers. */
int api_balance(arc_db *db, const struct bench_config *cfg, const arc_id *customer_ids,
                struct bench_result *result)
{
    double *seconds = calloc((size_t)cfg->balance_calls, sizeof *seconds);
    uint64_t random_state = UINT64_C(0x9e3779b97f4a7c15);
    double median;

    if (seconds == NULL)
        return api_fail(ARC_ENOMEM, "balance samples", -1);

    for (long i = 0; i < cfg->balance_calls; i++) {
        long customer = (long)(bench_random(&random_state) % (uint64_t)cfg->customers);
        int64_t balance;
        double start = bench_now();
        int rc = arc_customer_balance(&balance, db, customer_ids[customer], NULL);

        seconds[i] = bench_now() - start;
        if (rc != ARC_OK) {
            free(seconds);
            return api_fail(rc, "balance of customer", customer);
        }
    }

    median = bench_median(seconds, (size_t)cfg->balance_calls);
    free(seconds);
    result->seconds[PHASE_BALANCE] = median;
    result->items[PHASE_BALANCE] = 1.0;
    return ARC_OK;
}
