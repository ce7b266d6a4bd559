/*
 * The scan behind dispute reports in the PostgreSQL book: the disputes
 * opened in a period, ordered so that each group of the report comes
 * together. What the rows add up to is decided in the core.
 */
#include "arcollect/dispute_report.h"
#include "error.h"
#include "pg_internal.h"

/* A date bound compares with instants as midnight UTC of that day. */
#define SCAN_SELECT                                                                      \
    "SELECT id, customer_id, currency, reason_code, amount, status, outcome,"            \
    " opened_at, resolved_on FROM arcollect.disputes WHERE book = $1 AND"
#define SCAN_FILTER                                                                      \
    " ($2::text IS NULL OR currency = $2) AND ($3::date IS NULL OR opened_at >= $3)"     \
    " AND ($4::date IS NULL OR opened_at < $4)"
#define SCAN_ALL       SCAN_SELECT SCAN_FILTER
#define SCAN_ONE       SCAN_SELECT " customer_id = $5 AND" SCAN_FILTER
#define BY_REASON_CODE " ORDER BY reason_code, id"
#define BY_CUSTOMER    " ORDER BY customer_id, id"
#define BY_OPENING     " ORDER BY opened_at, id"

static const char ALL_BY_REASON_CODE[] = SCAN_ALL BY_REASON_CODE;
static const char ALL_BY_CUSTOMER[] = SCAN_ALL BY_CUSTOMER;
static const char ALL_BY_OPENING[] = SCAN_ALL BY_OPENING;
static const char ONE_BY_REASON_CODE[] = SCAN_ONE BY_REASON_CODE;
static const char ONE_BY_CUSTOMER[] = SCAN_ONE BY_CUSTOMER;
static const char ONE_BY_OPENING[] = SCAN_ONE BY_OPENING;

static const char *scan_sql(int order, bool one_customer)
{
    switch (order) {
    case ARC_DISPUTE_GROUP_REASON_CODE:
        return one_customer ? ONE_BY_REASON_CODE : ALL_BY_REASON_CODE;
    case ARC_DISPUTE_GROUP_CUSTOMER:
        return one_customer ? ONE_BY_CUSTOMER : ALL_BY_CUSTOMER;
    case ARC_DISPUTE_GROUP_MONTH:
        return one_customer ? ONE_BY_OPENING : ALL_BY_OPENING;
    default:
        return NULL;
    }
}

struct dispute_scan {
    arc_dispute_fn fn;
    void *ctx;
};

static int dispute_row(void *ctx, const PGresult *res, int at)
{
    struct dispute_scan *scan = ctx;
    struct arc_dispute row = { 0 };

    row.id = arc_pg_int(res, at, 0);
    row.customer_id = arc_pg_int(res, at, 1);
    arc_pg_currency(res, at, 2, row.currency);
    row.reason_code = PQgetvalue(res, at, 3); /* borrowed for the callback */
    row.amount = arc_pg_int(res, at, 4);
    row.status = (arc_dispute_status)arc_parse_dispute_status(PQgetvalue(res, at, 5));
    row.outcome = (arc_dispute_outcome)arc_parse_dispute_outcome(PQgetvalue(res, at, 6));
    row.opened_at = arc_pg_time(res, at, 7);
    row.resolved_on = arc_pg_date(res, at, 8);
    return scan->fn(scan->ctx, &row);
}

int arc_pg_scan_disputes(arc_store *store, int order, arc_id customer_id,
                         const char *currency, arc_date opened_from,
                         arc_date opened_before, arc_dispute_fn fn, void *ctx)
{
    const char *sql = scan_sql(order, customer_id != 0);
    struct dispute_scan scan = { fn, ctx };
    struct arc_pg_params params;

    if (sql == NULL)
        return arc_fail(ARC_EINVAL, "dispute report: order %d is not a grouping", order);
    arc_pg_params_init(&params, store);
    arc_pg_param_text(&params, currency);
    arc_pg_param_date(&params, opened_from);
    arc_pg_param_date(&params, opened_before);
    if (customer_id != 0)
        arc_pg_param_int(&params, customer_id);
    return arc_pg_scan(store, sql, &params, dispute_row, &scan, "dispute report");
}
