/*
 * The scan behind dispute reports in the SQLite book: the disputes opened in
 * a period, ordered so that each group of the report comes together. What
 * the rows add up to is decided in the core.
 */
#include "arcollect/dispute_report.h"
#include "error.h"
#include "sqlite_internal.h"

/* Dates compare with the 'YYYY-MM-DDTHH:MM:SSZ' instants as text: a date
 * sorts before every instant of its day. */
#define SCAN_SELECT                                                                      \
    "SELECT id, customer_id, currency, reason_code, amount, status, outcome,"            \
    " opened_at, resolved_on FROM disputes WHERE"
#define SCAN_FILTER                                                                      \
    " (?2 IS NULL OR currency = ?2) AND (?3 IS NULL OR opened_at >= ?3)"                 \
    " AND (?4 IS NULL OR opened_at < ?4)"
#define SCAN_ALL       SCAN_SELECT SCAN_FILTER
#define SCAN_ONE       SCAN_SELECT " customer_id = ?1 AND" SCAN_FILTER
#define BY_REASON_CODE " ORDER BY reason_code, id"
#define BY_CUSTOMER    " ORDER BY customer_id, id"
#define BY_OPENING     " ORDER BY opened_at, id"

static const char ALL_BY_REASON_CODE[] = SCAN_ALL BY_REASON_CODE;
/* For the whole book, sorting the table is faster than walking the
 * customer index and fetching every row from it: "+" keeps the index out. */
static const char ALL_BY_CUSTOMER[] = SCAN_ALL " ORDER BY +customer_id, id";
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

static void read_row(sqlite3_stmt *stmt, struct arc_dispute *out)
{
    out->id = sqlite3_column_int64(stmt, 0);
    out->customer_id = sqlite3_column_int64(stmt, 1);
    arc_sqlite_column_currency(stmt, 2, out->currency);
    out->reason_code = (char *)sqlite3_column_text(stmt, 3);
    out->amount = sqlite3_column_int64(stmt, 4);
    out->status = (arc_dispute_status)arc_parse_dispute_status(
        (const char *)sqlite3_column_text(stmt, 5));
    out->outcome = (arc_dispute_outcome)arc_parse_dispute_outcome(
        (const char *)sqlite3_column_text(stmt, 6));
    out->opened_at = arc_sqlite_column_time(stmt, 7);
    out->resolved_on = arc_sqlite_column_date(stmt, 8);
}

int arc_sqlite_scan_disputes(arc_store *store, int order, arc_id customer_id,
                             const char *currency, arc_date opened_from,
                             arc_date opened_before,
                             int (*fn)(void *ctx, const struct arc_dispute *dispute),
                             void *ctx)
{
    const char *sql = scan_sql(order, customer_id != 0);
    sqlite3_stmt *stmt;
    struct arc_dispute row = { 0 };
    int rc = ARC_OK;
    int step = SQLITE_DONE;

    if (sql == NULL)
        return arc_fail(ARC_EINVAL, "dispute report: order %d is not a grouping", order);
    stmt = arc_sqlite_stmt(store, sql);
    if (stmt == NULL)
        return arc_error_last_code();
    if (customer_id != 0)
        sqlite3_bind_int64(stmt, 1, customer_id);
    arc_sqlite_bind_text(stmt, 2, currency);
    arc_sqlite_bind_date(stmt, 3, opened_from);
    arc_sqlite_bind_date(stmt, 4, opened_before);

    while (rc == ARC_OK && (step = sqlite3_step(stmt)) == SQLITE_ROW) {
        read_row(stmt, &row);
        rc = fn(ctx, &row);
    }
    if (rc == ARC_OK && step != SQLITE_DONE)
        rc = arc_sqlite_fail(store, sqlite3_extended_errcode(store->conn),
                             "dispute report");
    sqlite3_reset(stmt);
    return rc;
}
