/*
 * The timeline phase of the dispute workload: the 50 newest items of a
 * customer's timeline, the page a collector reads before a call.
 */
#include <stdio.h>

#include "disputes.h"

/* Read one customer's newest page; count its items in *items. */
static int time_timeline(double *seconds, size_t *items, struct dispute_book *book,
                         long customer)
{
    arc_timeline_opts opts = ARC_TIMELINE_OPTS_INIT;
    arc_timeline_page *page = NULL;
    double start = bench_now();
    int rc;

    opts.customer_id = book->customer_ids[customer];
    opts.limit = LIST_LIMIT;
    rc = arc_timeline(&page, book->db, &opts);
    *items = arc_timeline_page_count(page);
    arc_timeline_page_free(page);
    *seconds = bench_now() - start;
    if (rc != ARC_OK)
        return api_fail(rc, "timeline of customer", customer);
    return ARC_OK;
}

/*
 * The median time to read one customer's timeline. Customers are drawn the
 * way the workload gives out disputes and communications, so the busy
 * accounts come up most, as they do at a collector's desk. A page shorter
 * than the limit is only possible for a customer with few records: those
 * are counted, not failed.
 */
int disputes_timeline(struct dispute_book *book)
{
    double seconds[LIST_CUSTOMERS];
    uint64_t rng = UINT64_C(0x2545f4914f6cdd1d);
    size_t items = 0, short_pages = 0;

    for (int i = 0; i < LIST_CUSTOMERS; i++) {
        long customer = dispute_skewed_customer(&rng, book->cfg->customers);
        size_t count;
        int rc = time_timeline(&seconds[i], &count, book, customer);

        if (rc != ARC_OK)
            return rc;
        items += count;
        short_pages += count < LIST_LIMIT;
    }

    fprintf(stderr, "arc_bench: timeline: %d customers, %zu items, %zu pages under %d\n",
            LIST_CUSTOMERS, items, short_pages, LIST_LIMIT);
    book->seconds[DPHASE_TIMELINE] = bench_median(seconds, LIST_CUSTOMERS);
    book->items[DPHASE_TIMELINE] = 1.0;
    return ARC_OK;
}
