/*
 * The read-only queries behind balances and aging in the PostgreSQL book.
 * They only select and sum rows; what the rows mean is decided in the core.
 * The scans stream their rows, so that aging a large book takes no memory
 * for the result.
 */
#include "error.h"
#include "pg_internal.h"

int arc_pg_sum_invoice_balances(arc_store *store, arc_id customer_id,
                                const char *currency, int64_t *out)
{
    static const char SQL[] =
        "SELECT coalesce(sum(balance), 0) FROM arcollect.invoices"
        " WHERE book = $1 AND customer_id = $2 AND currency = $3 AND balance > 0";
    struct arc_pg_params params;

    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, customer_id);
    arc_pg_param_text(&params, currency);
    return arc_pg_sum_one(store, SQL, &params, out, "customer balance");
}

int arc_pg_sum_unapplied_credit(arc_store *store, arc_id customer_id,
                                const char *currency, int64_t *out)
{
    static const char SQL[] =
        "SELECT coalesce((SELECT sum(amount - applied) FROM arcollect.payments"
        "   WHERE book = $1 AND customer_id = $2 AND currency = $3"
        "   AND reversed_on IS NULL), 0)"
        " + coalesce((SELECT sum(amount - applied) FROM arcollect.credit_memos"
        "   WHERE book = $1 AND customer_id = $2 AND currency = $3"
        "   AND voided_on IS NULL), 0)";
    struct arc_pg_params params;

    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, customer_id);
    arc_pg_param_text(&params, currency);
    return arc_pg_sum_one(store, SQL, &params, out, "customer credit");
}

struct open_items_scan {
    arc_open_item_fn fn;
    void *ctx;
};

static int open_item_row(void *ctx, const PGresult *res, int row)
{
    struct open_items_scan *scan = ctx;
    struct arc_open_item item;

    item.invoice_id = arc_pg_int(res, row, 0);
    item.customer_id = arc_pg_int(res, row, 1);
    arc_pg_currency(res, row, 2, item.currency);
    item.issue_date = arc_pg_date(res, row, 3);
    item.due_date = arc_pg_date(res, row, 4);
    item.balance = arc_pg_int(res, row, 5);
    return scan->fn(scan->ctx, &item);
}

int arc_pg_scan_open_items(arc_store *store, const struct arc_open_item_filter *filter,
                           arc_open_item_fn fn, void *ctx)
{
    static const char ALL[] =
        "SELECT id, customer_id, currency, issue_date, due_date, balance"
        " FROM arcollect.invoices WHERE book = $1 AND balance > 0"
        " AND ($2::text IS NULL OR currency = $2) AND issue_date <= $3";
    static const char ONE_CUSTOMER[] =
        "SELECT id, customer_id, currency, issue_date, due_date, balance"
        " FROM arcollect.invoices WHERE book = $1 AND customer_id = $4 AND balance > 0"
        " AND ($2::text IS NULL OR currency = $2) AND issue_date <= $3";
    struct open_items_scan scan = { fn, ctx };
    struct arc_pg_params params;

    arc_pg_params_init(&params, store);
    arc_pg_param_text(&params, filter->currency);
    arc_pg_param_date(&params, filter->issued_by);
    if (filter->customer_id != 0)
        arc_pg_param_int(&params, filter->customer_id);
    return arc_pg_scan(store, filter->customer_id ? ONE_CUSTOMER : ALL, &params,
                       open_item_row, &scan, "aging");
}

struct applications_scan {
    arc_application_fn fn;
    void *ctx;
};

static int application_row(void *ctx, const PGresult *res, int row)
{
    struct applications_scan *scan = ctx;
    struct arc_application application;

    arc_pg_read_application(res, row, &application);
    return scan->fn(scan->ctx, &application);
}

int arc_pg_scan_applications_after(arc_store *store, arc_date after,
                                   arc_application_fn fn, void *ctx)
{
    static const char SQL[] =
        "SELECT " ARC_PG_APPLICATION_COLUMNS " FROM arcollect.applications"
        " WHERE book = $1 AND applied_on > $2"
        " UNION ALL "
        "SELECT " ARC_PG_APPLICATION_COLUMNS " FROM arcollect.applications"
        " WHERE book = $1 AND reversed_on > $2 AND applied_on <= $2";
    struct applications_scan scan = { fn, ctx };
    struct arc_pg_params params;

    arc_pg_params_init(&params, store);
    arc_pg_param_date(&params, after);
    return arc_pg_scan(store, SQL, &params, application_row, &scan, "aging");
}
