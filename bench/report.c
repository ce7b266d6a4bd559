/*
 * The output: one BENCH line per phase, the aging memory figures, and the
 * median of several runs.
 */
#include <stdio.h>

#include "bench.h"

static const char *const phase_names[PHASE_COUNT] = {
    [PHASE_CUSTOMERS] = "customers",         [PHASE_INVOICES] = "invoices",
    [PHASE_PAYMENTS] = "payments",           [PHASE_AGING] = "aging",
    [PHASE_AGING_TOTALS] = "aging_totals",   [PHASE_BALANCE] = "balance",
    [PHASE_RAW_CUSTOMERS] = "raw_customers", [PHASE_RAW_INVOICES] = "raw_invoices",
    [PHASE_RAW_PAYMENTS] = "raw_payments",
};

static const char *const rss_names[RSS_COUNT] = {
    [RSS_BEFORE_AGING] = "aging_before",
    [RSS_AFTER_AGING] = "aging_after",
};

/* The hand-written phase a library phase is compared with, or -1. */
static int baseline_of(enum bench_phase phase)
{
    switch (phase) {
    case PHASE_CUSTOMERS:
        return PHASE_RAW_CUSTOMERS;
    case PHASE_INVOICES:
        return PHASE_RAW_INVOICES;
    case PHASE_PAYMENTS:
        return PHASE_RAW_PAYMENTS;
    default:
        return -1;
    }
}

static void print_phase(const char *prefix, const struct bench_result *result,
                        enum bench_phase phase)
{
    double seconds = result->seconds[phase];
    double rate = seconds > 0.0 ? result->items[phase] / seconds : 0.0;
    int baseline = baseline_of(phase);
    char ratio[32] = "-";

    if (baseline >= 0 && result->seconds[baseline] > 0.0)
        snprintf(ratio, sizeof ratio, "%.2f", seconds / result->seconds[baseline]);

    printf("%sBENCH %s %.3f %lld %s\n", prefix, phase_names[phase], seconds,
           (long long)(rate + 0.5), ratio);
}

void report_print(const char *prefix, const struct bench_result *result)
{
    for (int phase = 0; phase < PHASE_COUNT; phase++)
        print_phase(prefix, result, (enum bench_phase)phase);
    for (int i = 0; i < RSS_COUNT; i++)
        printf("%sBENCH_RSS %s %ld\n", prefix, rss_names[i], result->rss_kb[i]);
    fflush(stdout);
}

/* Each figure of @p out is the median of that figure over the runs. */
void report_median(struct bench_result *out, const struct bench_result *runs, int count)
{
    double seconds[BENCH_MAX_RUNS];
    long rss[BENCH_MAX_RUNS];

    for (int phase = 0; phase < PHASE_COUNT; phase++) {
        for (int run = 0; run < count; run++)
            seconds[run] = runs[run].seconds[phase];
        out->seconds[phase] = bench_median(seconds, (size_t)count);
        out->items[phase] = runs[0].items[phase];
    }

    for (int i = 0; i < RSS_COUNT; i++) {
        for (int run = 0; run < count; run++)
            rss[run] = runs[run].rss_kb[i];
        out->rss_kb[i] = bench_median_long(rss, (size_t)count);
    }
}

void report_peak_rss(void)
{
    printf("BENCH peak_rss_kb %ld\n", bench_peak_rss_kb());
    fflush(stdout);
}
