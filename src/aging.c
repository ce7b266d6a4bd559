/*
 * Aging: the balances issued invoices had on a date, bucketed by days past
 * due, per customer and currency and in total per currency.
 *
 * An invoice's balance on the as-of date is its balance now, corrected by
 * the applications that changed it after that date: one applied later was
 * not yet there (add it back), one reversed later was still in force
 * (take it off). Those later applications are few for a recent date, so
 * the report reads them first into a small map and then streams the open
 * invoices once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aging_internal.h"
#include "error.h"
#include "util.h"

static const int32_t DEFAULT_EDGES[] = { 30, 60, 90 };

static int check_opts(const arc_aging_opts *opts)
{
    if (opts->version != ARC_AGING_OPTS_VERSION)
        return arc_fail(ARC_EVERSION, "aging options: version %u is not supported",
                        opts->version);
    if (opts->flags & ~(unsigned int)(ARC_AGING_TOTALS_ONLY | ARC_AGING_SPLIT_DISPUTED))
        return arc_fail(ARC_EINVAL, "aging: flags: unknown bits 0x%x", opts->flags);
    if (opts->as_of != ARC_DATE_NONE &&
        arc_date_to_ymd(NULL, NULL, NULL, opts->as_of) != 0)
        return arc_fail(ARC_EINVAL, "aging: as_of: not a valid date");
    if (opts->currency != NULL && arc_currency_lookup(NULL, opts->currency) != ARC_OK)
        return arc_fail_context(ARC_EINVAL, "aging: ");
    if (opts->customer_id < 0)
        return arc_fail(ARC_EINVAL, "aging: customer_id: must not be negative");
    if (opts->bucket_edges == NULL)
        return ARC_OK;

    if (opts->bucket_edge_count < 1 || opts->bucket_edge_count > ARC_AGING_MAX_EDGES)
        return arc_fail(ARC_EINVAL, "aging: bucket_edge_count: must be 1 to %d, not %zu",
                        ARC_AGING_MAX_EDGES, opts->bucket_edge_count);
    for (size_t i = 0; i < opts->bucket_edge_count; i++) {
        int32_t previous = i == 0 ? 0 : opts->bucket_edges[i - 1];

        if (opts->bucket_edges[i] <= previous)
            return arc_fail(
                ARC_EINVAL,
                "aging: bucket_edges[%zu]: %d must be positive and larger than"
                " the edge before it",
                i, (int)opts->bucket_edges[i]);
    }
    return ARC_OK;
}

static void set_buckets(arc_aging *aging, const int32_t *edges, size_t edge_count)
{
    aging->edge_count = edge_count;
    aging->bucket_count = edge_count + 2;
    memcpy(aging->edges, edges, edge_count * sizeof(edges[0]));

    snprintf(aging->labels[0], sizeof(aging->labels[0]), "current");
    for (size_t i = 0; i < edge_count; i++) {
        int32_t low = i == 0 ? 1 : edges[i - 1] + 1;

        snprintf(aging->labels[i + 1], sizeof(aging->labels[i + 1]), "%d-%d", (int)low,
                 (int)edges[i]);
    }
    snprintf(aging->labels[edge_count + 1], sizeof(aging->labels[0]), "over %d",
             (int)edges[edge_count - 1]);
}

static size_t bucket_of(const arc_aging *aging, arc_date due_date)
{
    int64_t days_past_due = (int64_t)aging->as_of - due_date;

    if (days_past_due <= 0)
        return 0;
    for (size_t i = 0; i < aging->edge_count; i++) {
        if (days_past_due <= aging->edges[i])
            return i + 1;
    }
    return aging->bucket_count - 1;
}

static int add_to_row(struct arc_aging_row *row, size_t bucket, int64_t amount,
                      int64_t disputed)
{
    if (!arc_add_i64(&row->amounts[bucket], row->amounts[bucket], amount) ||
        !arc_add_i64(&row->disputed[bucket], row->disputed[bucket], disputed) ||
        !arc_add_i64(&row->total, row->total, amount))
        return arc_fail(ARC_EOVERFLOW, "aging: the %s total does not fit in 64 bits",
                        row->currency);
    row->invoice_count++;
    return ARC_OK;
}

/* Count one invoice's balance on the as-of date. */
static int count_item(arc_aging *aging, const struct arc_open_item *item, int64_t balance)
{
    struct arc_aging_row *row, *total;
    size_t bucket = bucket_of(aging, item->due_date);
    int64_t disputed = 0;
    int rc;

    if (balance <= 0)
        return ARC_OK;
    if (aging->disputed != NULL && aging->disputed->count > 0) {
        disputed = arc_change_map_take(aging->disputed, item->invoice_id);
        disputed = disputed < balance ? disputed : balance;
    }
    total = arc_aging_rows_find(&aging->totals, 0, item->currency);
    if (total == NULL)
        return ARC_ENOMEM;
    rc = add_to_row(total, bucket, balance, disputed);
    if (rc != ARC_OK || aging->totals_only)
        return rc;

    row = arc_aging_rows_find(&aging->rows, item->customer_id, item->currency);
    if (row == NULL)
        return ARC_ENOMEM;
    return add_to_row(row, bucket, balance, disputed);
}

struct scan_ctx {
    arc_aging *aging;
    struct arc_change_map *changes;
};

static int on_open_item(void *data, const struct arc_open_item *item)
{
    struct scan_ctx *ctx = data;
    int64_t balance = item->balance;

    if (ctx->changes->count > 0)
        balance += arc_change_map_take(ctx->changes, item->invoice_id);
    return count_item(ctx->aging, item, balance);
}

static int on_later_application(void *data, const struct arc_application *application)
{
    struct scan_ctx *ctx = data;
    int64_t delta = 0;

    if (application->applied_on > ctx->aging->as_of) {
        if (application->reversed_on == ARC_DATE_NONE)
            delta = application->amount;
    } else {
        delta = -application->amount;
    }
    if (delta == 0)
        return ARC_OK;
    return arc_change_map_add(ctx->changes, application->invoice_id, delta);
}

/* Invoices settled now that still owed something on the as-of date. */
static int count_settled_since(arc_db *db, struct scan_ctx *ctx,
                               const struct arc_open_item_filter *filter)
{
    struct arc_change_map *changes = ctx->changes;
    int rc = ARC_OK;

    for (size_t i = 0; i < changes->capacity && rc == ARC_OK; i++) {
        struct arc_change *change = &changes->slots[i];
        struct arc_invoice invoice = { 0 };
        struct arc_open_item item;

        if (change->invoice_id == 0 || change->taken || change->delta <= 0)
            continue;
        rc = db->ops->invoice_get(db->store, change->invoice_id, false, &invoice);
        if (rc != ARC_OK)
            break;
        if (invoice.issue_date != ARC_DATE_NONE &&
            invoice.issue_date <= filter->issued_by &&
            (filter->customer_id == 0 || filter->customer_id == invoice.customer_id) &&
            (filter->currency == NULL ||
             strcmp(filter->currency, invoice.currency) == 0)) {
            item.invoice_id = invoice.id;
            item.customer_id = invoice.customer_id;
            memcpy(item.currency, invoice.currency, sizeof(item.currency));
            item.issue_date = invoice.issue_date;
            item.due_date = invoice.due_date;
            rc = count_item(ctx->aging, &item, invoice.balance + change->delta);
        }
        arc_invoice_clear(&invoice);
    }
    return rc;
}

static int on_disputed(void *data, arc_id invoice_id, int64_t amount)
{
    return arc_change_map_add(data, invoice_id, amount);
}

static int compute(arc_db *db, arc_aging *aging,
                   const struct arc_open_item_filter *filter)
{
    struct arc_change_map changes = { 0 };
    struct arc_change_map disputed = { 0 };
    struct scan_ctx ctx = { aging, &changes };
    int rc = db->ops->scan_applications_after(db->store, aging->as_of,
                                              on_later_application, &ctx);

    if (rc == ARC_OK && aging->split_disputed) {
        aging->disputed = &disputed;
        rc = arc_store_scan_disputed_amounts(db, aging->as_of, on_disputed, &disputed);
    }

    if (rc == ARC_OK)
        rc = db->ops->scan_open_items(db->store, filter, on_open_item, &ctx);
    if (rc == ARC_OK)
        rc = count_settled_since(db, &ctx, filter);
    arc_aging_rows_finish(&aging->rows);
    arc_aging_rows_finish(&aging->totals);
    arc_change_map_free(&changes);
    arc_change_map_free(&disputed);
    aging->disputed = NULL;
    return rc;
}

int arc_aging_compute(arc_aging **out, arc_db *db, const arc_aging_opts *opts)
{
    const arc_aging_opts defaults = ARC_AGING_OPTS_INIT;
    struct arc_customer_terms customer;
    struct arc_open_item_filter filter;
    arc_aging *aging;
    int rc;

    if (out == NULL)
        return arc_fail(ARC_EINVAL, "aging: out must not be NULL");
    ARC_CHECK_DB(db);
    if (opts == NULL)
        opts = &defaults;
    rc = check_opts(opts);
    if (rc != ARC_OK)
        return rc;

    aging = calloc(1, sizeof(*aging));
    if (aging == NULL)
        return arc_fail(ARC_ENOMEM, "aging: out of memory");
    aging->as_of = arc_date_or_today(db, opts->as_of);
    aging->totals_only = (opts->flags & ARC_AGING_TOTALS_ONLY) != 0;
    aging->split_disputed = (opts->flags & ARC_AGING_SPLIT_DISPUTED) != 0;
    if (opts->bucket_edges != NULL)
        set_buckets(aging, opts->bucket_edges, opts->bucket_edge_count);
    else
        set_buckets(aging, DEFAULT_EDGES,
                    sizeof(DEFAULT_EDGES) / sizeof(DEFAULT_EDGES[0]));

    filter.customer_id = opts->customer_id;
    filter.currency = opts->currency;
    filter.issued_by = aging->as_of;

    rc = arc_read_begin(db);
    if (rc == ARC_OK) {
        if (opts->customer_id != 0)
            rc = arc_store_customer_terms(db, opts->customer_id, &customer);
        if (rc == ARC_OK)
            rc = compute(db, aging, &filter);
        rc = arc_read_end(db, rc);
    }

    if (rc != ARC_OK) {
        arc_aging_free(aging);
        return rc;
    }
    *out = aging;
    return ARC_OK;
}
