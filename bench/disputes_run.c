/*
 * Running the dispute workload: its own book, opened with a clock the
 * workload moves, the phases in order, and their BENCH lines.
 */
#include <stdio.h>
#include <stdlib.h>

#include "disputes.h"

static const char *const phase_names[DPHASE_COUNT] = {
    [DPHASE_DISPUTES_INGEST] = "disputes_ingest",
    [DPHASE_COMMUNICATIONS_INGEST] = "communications_ingest",
    [DPHASE_SEARCH] = "search",
    [DPHASE_REPORT_REASON] = "dispute_report",
    [DPHASE_REPORT_MONTH] = "dispute_report_month",
    [DPHASE_REPORT_CUSTOMER] = "dispute_report_customer",
    [DPHASE_COMMUNICATION_LIST] = "communication_list",
    [DPHASE_TIMELINE] = "timeline",
    [DPHASE_AUTOMATION_FIRST] = "automation_first",
    [DPHASE_AUTOMATION] = "automation",
    [DPHASE_AUTOMATION_REPEAT] = "automation_repeat",
};

static void print_phases(const struct dispute_book *book)
{
    for (int phase = 0; phase < DPHASE_COUNT; phase++) {
        double seconds = book->seconds[phase];
        double rate = seconds > 0.0 ? book->items[phase] / seconds : 0.0;

        printf("BENCH %s %.3f %lld -\n", phase_names[phase], seconds,
               (long long)(rate + 0.5));
    }
    fflush(stdout);
}

/* The book starts a little over a year before today, before any invoice. */
static int open_book(struct dispute_book *book, const char *path)
{
    arc_db_options options = ARC_DB_OPTIONS_INIT;
    int rc = bench_today(&book->today);

    if (rc != ARC_OK)
        return api_fail(rc, "today", -1);

    book->now = (arc_time)(book->today - 420) * 86400 + 9 * 3600;
    options.clock = bench_clock;
    options.clock_data = &book->now;
    if (book->cfg->sync_normal)
        options.flags |= ARC_DB_SYNC_NORMAL;

    rc = arc_db_open(&book->db, path, &options);
    if (rc != ARC_OK)
        return api_fail(rc, path, -1);
    return ARC_OK;
}

static void progress(const char *what, double started_at)
{
    fprintf(stderr, "arc_bench: disputes: %s (%.1f s)\n", what, bench_now() - started_at);
}

static int run_phases(struct dispute_book *book)
{
    double started_at = bench_now();
    int rc = disputes_prepare(book);

    if (rc == ARC_OK) {
        progress("customers and invoices created", started_at);
        rc = disputes_ingest(book);
    }
    if (rc == ARC_OK) {
        progress("disputes recorded", started_at);
        rc = communications_ingest(book);
    }
    if (rc == ARC_OK) {
        progress("communications recorded", started_at);
        rc = disputes_search(book);
    }
    if (rc == ARC_OK)
        rc = disputes_reports(book);
    if (rc == ARC_OK)
        rc = disputes_list(book);
    if (rc == ARC_OK)
        rc = disputes_timeline(book);
    if (rc == ARC_OK)
        rc = disputes_automation(book);
    if (rc == ARC_OK)
        progress("reads done", started_at);
    return rc;
}

int disputes_run(const struct bench_config *cfg, const char *dir)
{
    struct dispute_book book = { .cfg = cfg };
    char path[4200];
    int rc;

    snprintf(path, sizeof path, "%s/disputes.arcbook", dir);
    bench_remove_book(path);

    rc = open_book(&book, path);
    if (rc == ARC_OK)
        rc = run_phases(&book);
    if (rc == ARC_OK)
        print_phases(&book);

    arc_db_close(book.db);
    if (!cfg->keep_books)
        bench_remove_book(path);
    free(book.customer_ids);
    free(book.last_dispute_of);
    free(book.invoice_ids);
    free(book.dispute_ids);
    free(book.plans);
    return rc;
}
