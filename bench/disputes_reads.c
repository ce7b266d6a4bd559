/*
 * The reading phases of the dispute workload: full-text searches over the
 * communications, the dispute reports, and a customer's newest
 * communications (what the customer timeline will show).
 */
#include <stdio.h>
#include <stdlib.h>

#include "disputes.h"

#define QUERY_COUNT 20

/* A query, and the customer it is restricted to (an index), or -1. */
struct search_query {
    char text[64];
    long customer_index;
};

/* Common words, phrases, prefixes and boolean queries; rare words with a few
 * hundred to a few dozen hits; an invoice number and a customer's address;
 * the last five restricted to one customer. */
static void build_queries(struct search_query *queries, const struct dispute_book *book)
{
    static const char *const texts[QUERY_COUNT - 2] = {
        "invoice",
        "payment",
        "\"credit memo\"",
        "overdue AND reminder",
        "refund*",
        "chargeback",
        "escrow",
        "bankruptcy",
        "subpoena",
        "\"purchase order\" AND missing",
        "SLA OR outage",
        "escalat*",
        "remittance NOT ACH",
        "invoice",
        "payment",
        "\"credit memo\"",
        "overdue",
        "voicemail OR refused",
    };
    long customers = book->cfg->customers;
    int q = 0;

    for (; q < 13; q++) {
        snprintf(queries[q].text, sizeof queries[q].text, "%s", texts[q]);
        queries[q].customer_index = -1;
    }
    snprintf(queries[q].text, sizeof queries[q].text, "\"DINV-%07ld\"",
             book->cfg->dispute_count / 2 + 1);
    queries[q++].customer_index = -1;
    snprintf(queries[q].text, sizeof queries[q].text, "client%06ld",
             (customers > 42 ? 42 : customers) % 1000000);
    queries[q++].customer_index = -1;

    for (int r = 13; q < QUERY_COUNT; q++, r++) {
        snprintf(queries[q].text, sizeof queries[q].text, "%s", texts[r]);
        queries[q].customer_index = (long)(r - 13) * 37 % customers;
    }
}

static int time_search(double *seconds, struct dispute_book *book,
                       const struct search_query *query)
{
    arc_communication_search_opts opts = ARC_COMMUNICATION_SEARCH_OPTS_INIT;
    arc_communication_hit_page *hits = NULL;
    char scope[32] = "all customers";
    double start = bench_now();
    int rc;

    opts.limit = SEARCH_LIMIT;
    if (query->customer_index >= 0)
        opts.customer_id = book->customer_ids[query->customer_index];
    rc = arc_communication_search(&hits, book->db, query->text, &opts);
    *seconds = bench_now() - start;
    if (rc != ARC_OK)
        return api_fail(rc, query->text, -1);

    if (query->customer_index >= 0)
        snprintf(scope, sizeof scope, "customer %ld", query->customer_index + 1);
    fprintf(stderr, "arc_bench: search %-34s %-15s %2zu hits %9.3f ms\n", query->text,
            scope, arc_communication_hit_page_count(hits), *seconds * 1000.0);
    arc_communication_hit_page_free(hits);
    return ARC_OK;
}

int disputes_search(struct dispute_book *book)
{
    struct search_query queries[QUERY_COUNT];
    double seconds[QUERY_COUNT];

    build_queries(queries, book);
    for (int q = 0; q < QUERY_COUNT; q++) {
        int rc = time_search(&seconds[q], book, &queries[q]);

        if (rc != ARC_OK)
            return rc;
    }

    book->seconds[DPHASE_SEARCH] = bench_median(seconds, QUERY_COUNT);
    book->items[DPHASE_SEARCH] = 1.0;
    return ARC_OK;
}

/* Warn, without failing, when a report does not count every dispute. */
static void check_report(const arc_dispute_report *report,
                         const struct dispute_book *book, const char *name)
{
    size_t total = arc_dispute_report_total_count(report);

    if (total != (size_t)book->cfg->dispute_count)
        fprintf(stderr, "arc_bench: warning: %s counts %zu disputes, not %ld\n", name,
                total, book->cfg->dispute_count);
    if (arc_dispute_report_row_count(report) > 0)
        fprintf(stderr,
                "arc_bench: %s: %zu rows; first %s: %zu disputes, %d bp,"
                " median %lld/100 days\n",
                name, arc_dispute_report_row_count(report),
                arc_dispute_report_row_key(report, 0),
                arc_dispute_report_row_dispute_count(report, 0),
                (int)arc_dispute_report_row_share_bp(report, 0),
                (long long)arc_dispute_report_row_median_days(report, 0));
}

static int time_report(struct dispute_book *book, enum dispute_phase phase,
                       arc_dispute_grouping grouping, const char *name)
{
    arc_dispute_report_opts opts = ARC_DISPUTE_REPORT_OPTS_INIT;
    double seconds[DISPUTE_REPORT_REPEATS];

    opts.grouping = grouping;
    for (int i = 0; i < DISPUTE_REPORT_REPEATS; i++) {
        arc_dispute_report *report = NULL;
        double start = bench_now();
        int rc = arc_dispute_report_compute(&report, book->db, &opts);

        seconds[i] = bench_now() - start;
        if (rc != ARC_OK)
            return api_fail(rc, name, -1);
        if (i == 0)
            check_report(report, book, name);
        arc_dispute_report_free(report);
    }

    book->seconds[phase] = bench_median(seconds, DISPUTE_REPORT_REPEATS);
    book->items[phase] = 1.0;
    return ARC_OK;
}

int disputes_reports(struct dispute_book *book)
{
    int rc = time_report(book, DPHASE_REPORT_REASON, ARC_DISPUTE_GROUP_REASON_CODE,
                         "dispute_report");

    if (rc == ARC_OK)
        rc = time_report(book, DPHASE_REPORT_MONTH, ARC_DISPUTE_GROUP_MONTH,
                         "dispute_report_month");
    if (rc == ARC_OK)
        rc = time_report(book, DPHASE_REPORT_CUSTOMER, ARC_DISPUTE_GROUP_CUSTOMER,
                         "dispute_report_customer");
    return rc;
}

static int time_list(double *seconds, struct dispute_book *book, long customer)
{
    arc_communication_list_opts opts = ARC_COMMUNICATION_LIST_OPTS_INIT;
    arc_communication_page *page = NULL;
    double start = bench_now();
    int rc;

    opts.customer_id = book->customer_ids[customer];
    opts.limit = LIST_LIMIT;
    rc = arc_communication_list(&page, book->db, &opts);
    arc_communication_page_free(page);
    *seconds = bench_now() - start;
    if (rc != ARC_OK)
        return api_fail(rc, "communications of customer", customer);
    return ARC_OK;
}

/* The median time to list one customer's newest communications. */
int disputes_list(struct dispute_book *book)
{
    double seconds[LIST_CUSTOMERS];
    uint64_t rng = UINT64_C(0x94d049bb133111eb);

    for (int i = 0; i < LIST_CUSTOMERS; i++) {
        long customer = (long)(bench_random(&rng) % (uint64_t)book->cfg->customers);
        int rc = time_list(&seconds[i], book, customer);

        if (rc != ARC_OK)
            return rc;
    }

    book->seconds[DPHASE_COMMUNICATION_LIST] = bench_median(seconds, LIST_CUSTOMERS);
    book->items[DPHASE_COMMUNICATION_LIST] = 1.0;
    return ARC_OK;
}
