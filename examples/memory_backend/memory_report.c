/*
 * The read-only scans and sums behind balances, aging and dispute reports.
 * They select and add up rows; what the figures mean is the library's.
 */
#include <stdlib.h>
#include <string.h>

#include "arcollect/dispute_report.h"
#include "memory_internal.h"
#include "memory_ops.h"

/* The first instant of a day. */
#define DAY_START(date) ((arc_time)(date)*86400)

static int by_reason_code(const void *a, const void *b)
{
    const struct arc_dispute *x = *(const struct arc_dispute *const *)a;
    const struct arc_dispute *y = *(const struct arc_dispute *const *)b;
    int order = strcmp(x->reason_code, y->reason_code);

    return order != 0 ? order : (x->id > y->id) - (x->id < y->id);
}

static int by_customer(const void *a, const void *b)
{
    const struct arc_dispute *x = *(const struct arc_dispute *const *)a;
    const struct arc_dispute *y = *(const struct arc_dispute *const *)b;

    if (x->customer_id != y->customer_id)
        return x->customer_id < y->customer_id ? -1 : 1;
    return (x->id > y->id) - (x->id < y->id);
}

static int by_opening(const void *a, const void *b)
{
    const struct arc_dispute *x = *(const struct arc_dispute *const *)a;
    const struct arc_dispute *y = *(const struct arc_dispute *const *)b;

    if (x->opened_at != y->opened_at)
        return x->opened_at < y->opened_at ? -1 : 1;
    return (x->id > y->id) - (x->id < y->id);
}

static bool in_report(const struct arc_dispute *dispute, arc_id customer_id,
                      const char *currency, arc_date opened_from, arc_date opened_before)
{
    return (customer_id == 0 || dispute->customer_id == customer_id) &&
           (currency == NULL || strcmp(dispute->currency, currency) == 0) &&
           (opened_from == ARC_DATE_NONE ||
            dispute->opened_at >= DAY_START(opened_from)) &&
           (opened_before == ARC_DATE_NONE ||
            dispute->opened_at < DAY_START(opened_before));
}

int mem_scan_disputes(arc_store *store, int order, arc_id customer_id,
                      const char *currency, arc_date opened_from, arc_date opened_before,
                      arc_dispute_fn fn, void *ctx)
{
    const struct mem_table *table = mem_table_of(store, MEM_DISPUTES);
    int (*compare)(const void *, const void *);
    struct mem_picks picks = { 0 };
    int rc = ARC_OK;

    switch (order) {
    case ARC_DISPUTE_GROUP_REASON_CODE:
        compare = by_reason_code;
        break;
    case ARC_DISPUTE_GROUP_CUSTOMER:
        compare = by_customer;
        break;
    case ARC_DISPUTE_GROUP_MONTH:
        compare = by_opening;
        break;
    default:
        return arc_error_set(ARC_EINVAL, "dispute report: order %d is not a grouping",
                             order);
    }

    for (size_t i = 0; i < table->count && rc == ARC_OK; i++) {
        if (in_report(table->rows[i], customer_id, currency, opened_from, opened_before))
            rc = mem_picks_add(&picks, table->rows[i]);
    }
    if (rc == ARC_OK && picks.count > 1)
        qsort(picks.items, picks.count, sizeof(*picks.items), compare);

    /* The rows are handed over as they are stored: the report only reads. */
    for (size_t i = 0; i < picks.count && rc == ARC_OK; i++)
        rc = fn(ctx, picks.items[i]);
    mem_picks_free(&picks);
    return rc;
}

int mem_sum_invoice_balances(arc_store *store, arc_id customer_id, const char *currency,
                             int64_t *out)
{
    const struct mem_table *table = mem_table_of(store, MEM_INVOICES);
    int64_t sum = 0;
    int rc = ARC_OK;

    for (size_t i = 0; i < table->count && rc == ARC_OK; i++) {
        const struct arc_invoice *invoice = table->rows[i];

        if (invoice->customer_id == customer_id && invoice->balance > 0 &&
            strcmp(invoice->currency, currency) == 0)
            rc = mem_add(&sum, invoice->balance, "customer balance");
    }
    if (rc == ARC_OK)
        *out = sum;
    return rc;
}

int mem_sum_unapplied_credit(arc_store *store, arc_id customer_id, const char *currency,
                             int64_t *out)
{
    const struct mem_table *payments = mem_table_of(store, MEM_PAYMENTS);
    const struct mem_table *memos = mem_table_of(store, MEM_CREDIT_MEMOS);
    int64_t sum = 0;
    int rc = ARC_OK;

    for (size_t i = 0; i < payments->count && rc == ARC_OK; i++) {
        const struct arc_payment *payment = payments->rows[i];

        if (payment->customer_id == customer_id &&
            payment->reversed_on == ARC_DATE_NONE &&
            strcmp(payment->currency, currency) == 0)
            rc = mem_add(&sum, payment->amount - payment->applied, "customer credit");
    }
    for (size_t i = 0; i < memos->count && rc == ARC_OK; i++) {
        const struct arc_credit_memo *memo = memos->rows[i];

        if (memo->customer_id == customer_id && memo->voided_on == ARC_DATE_NONE &&
            strcmp(memo->currency, currency) == 0)
            rc = mem_add(&sum, memo->amount - memo->applied, "customer credit");
    }
    if (rc == ARC_OK)
        *out = sum;
    return rc;
}

int mem_scan_open_items(arc_store *store, const struct arc_open_item_filter *filter,
                        arc_open_item_fn fn, void *ctx)
{
    const struct mem_table *table = mem_table_of(store, MEM_INVOICES);
    int rc = ARC_OK;

    /* An invoice without an issue date, or a filter without a date, matches
     * nothing: no date is on or before "none". */
    for (size_t i = 0; i < table->count && rc == ARC_OK; i++) {
        const struct arc_invoice *invoice = table->rows[i];
        struct arc_open_item item;

        if (invoice->balance <= 0 || invoice->issue_date == ARC_DATE_NONE ||
            filter->issued_by == ARC_DATE_NONE || invoice->issue_date > filter->issued_by)
            continue;
        if ((filter->customer_id != 0 && invoice->customer_id != filter->customer_id) ||
            (filter->currency != NULL &&
             strcmp(invoice->currency, filter->currency) != 0))
            continue;
        item.invoice_id = invoice->id;
        item.customer_id = invoice->customer_id;
        memcpy(item.currency, invoice->currency, sizeof(item.currency));
        item.issue_date = invoice->issue_date;
        item.due_date = invoice->due_date;
        item.balance = invoice->balance;
        rc = fn(ctx, &item);
    }
    return rc;
}
