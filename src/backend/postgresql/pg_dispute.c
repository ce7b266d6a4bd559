/*
 * Disputes and their named invoice lines in the PostgreSQL book. The lines
 * of a dispute, or of a page of disputes, travel in one statement each way.
 */
#include <stdlib.h>

#include "error.h"
#include "pg_internal.h"

#define DISPUTE_COLUMNS                                                                  \
    "id, invoice_id, customer_id, currency, reason_code, amount, status, outcome,"       \
    " escalation_level, opened_by, owner, description, due_date, opened_at,"             \
    " status_changed_at, resolved_on, resolved_by, resolved_amount, resolution_note,"    \
    " credit_memo_id, reopen_reason, updated_at, overdue_alerted_for, state_seq"

static int read_dispute(const PGresult *res, int row, void *record)
{
    struct arc_dispute *out = record;
    int rc = ARC_OK;

    out->id = arc_pg_int(res, row, 0);
    out->invoice_id = arc_pg_int(res, row, 1);
    out->customer_id = arc_pg_int(res, row, 2);
    arc_pg_currency(res, row, 3, out->currency);
    out->reason_code = arc_pg_text_dup(res, row, 4, &rc);
    out->amount = arc_pg_int(res, row, 5);
    out->status = (arc_dispute_status)arc_parse_dispute_status(PQgetvalue(res, row, 6));
    out->outcome =
        (arc_dispute_outcome)arc_parse_dispute_outcome(PQgetvalue(res, row, 7));
    out->escalation_level = (int)arc_pg_int(res, row, 8);
    out->opened_by = arc_pg_text_dup(res, row, 9, &rc);
    out->owner = arc_pg_text_dup(res, row, 10, &rc);
    out->description = arc_pg_text_dup(res, row, 11, &rc);
    out->due_date = arc_pg_date(res, row, 12);
    out->opened_at = arc_pg_time(res, row, 13);
    out->status_changed_at = arc_pg_time(res, row, 14);
    out->resolved_on = arc_pg_date(res, row, 15);
    out->resolved_by = arc_pg_text_dup(res, row, 16, &rc);
    out->resolved_amount = arc_pg_int(res, row, 17);
    out->resolution_note = arc_pg_text_dup(res, row, 18, &rc);
    out->credit_memo_id = arc_pg_int(res, row, 19);
    out->reopen_reason = arc_pg_text_dup(res, row, 20, &rc);
    out->updated_at = arc_pg_time(res, row, 21);
    out->overdue_alerted_for = arc_pg_date(res, row, 22);
    out->state_seq = arc_pg_int(res, row, 23);
    if (rc != ARC_OK)
        arc_dispute_clear(out);
    return rc;
}

/* Every column but the book and the id, in DISPUTE_COLUMNS order. */
static void param_dispute(struct arc_pg_params *params, const struct arc_dispute *dispute)
{
    arc_pg_param_int(params, dispute->invoice_id);
    arc_pg_param_int(params, dispute->customer_id);
    arc_pg_param_text(params, dispute->currency);
    arc_pg_param_text(params, dispute->reason_code);
    arc_pg_param_int(params, dispute->amount);
    arc_pg_param_text(params, arc_dispute_status_name(dispute->status));
    arc_pg_param_text(params, arc_dispute_outcome_name(dispute->outcome));
    arc_pg_param_int(params, dispute->escalation_level);
    arc_pg_param_text(params, dispute->opened_by);
    arc_pg_param_text(params, dispute->owner);
    arc_pg_param_text(params, dispute->description);
    arc_pg_param_date(params, dispute->due_date);
    arc_pg_param_time(params, dispute->opened_at);
    arc_pg_param_time(params, dispute->status_changed_at);
    arc_pg_param_date(params, dispute->resolved_on);
    arc_pg_param_text(params, dispute->resolved_by);
    arc_pg_param_int(params, dispute->resolved_amount);
    arc_pg_param_text(params, dispute->resolution_note);
    arc_pg_param_id(params, dispute->credit_memo_id);
    arc_pg_param_text(params, dispute->reopen_reason);
    arc_pg_param_time(params, dispute->updated_at);
    arc_pg_param_date(params, dispute->overdue_alerted_for);
    arc_pg_param_int(params, dispute->state_seq);
}

static int64_t line_at(const void *items, size_t index)
{
    return ((const int *)items)[index];
}

static int insert_lines(arc_store *store, const struct arc_dispute *dispute)
{
    static const char SQL[] =
        "INSERT INTO arcollect.dispute_lines (book, dispute_id, line_no)"
        " SELECT $1, $2, unnest($3::int[])";
    struct arc_pg_params params;
    char *lines;
    int rc;

    if (dispute->line_count == 0)
        return ARC_OK;
    lines = arc_pg_array_text(dispute->lines, dispute->line_count, line_at);
    if (lines == NULL)
        return ARC_ENOMEM;
    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, dispute->id);
    arc_pg_param_text(&params, lines);
    rc = arc_pg_command(store, SQL, &params, "dispute line", NULL);
    free(lines);
    return rc;
}

int arc_pg_dispute_insert(arc_store *store, struct arc_dispute *dispute)
{
    static const char SQL[] =
        "INSERT INTO arcollect.disputes (book, " DISPUTE_COLUMNS
        ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,"
        " $17, $18, $19, $20, $21, $22, $23, $24, $25)";
    struct arc_pg_params params;
    arc_id id;
    int rc = arc_pg_next_id(store, ARC_PG_ID_DISPUTE, &id, "dispute");

    if (rc != ARC_OK)
        return rc;
    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, id);
    param_dispute(&params, dispute);
    rc = arc_pg_command(store, SQL, &params, "dispute", NULL);
    if (rc != ARC_OK)
        return rc;
    dispute->id = id;
    return insert_lines(store, dispute);
}

int arc_pg_dispute_update(arc_store *store, const struct arc_dispute *dispute)
{
    static const char SQL[] =
        "UPDATE arcollect.disputes SET invoice_id = $3, customer_id = $4, currency = $5,"
        " reason_code = $6, amount = $7, status = $8, outcome = $9,"
        " escalation_level = $10, opened_by = $11, owner = $12, description = $13,"
        " due_date = $14, opened_at = $15, status_changed_at = $16, resolved_on = $17,"
        " resolved_by = $18, resolved_amount = $19, resolution_note = $20,"
        " credit_memo_id = $21, reopen_reason = $22, updated_at = $23,"
        " overdue_alerted_for = $24, state_seq = $25 WHERE book = $1 AND id = $2";
    struct arc_pg_params params;
    int64_t updated = 0;
    int rc;

    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, dispute->id);
    param_dispute(&params, dispute);
    rc = arc_pg_command(store, SQL, &params, "dispute", &updated);
    if (rc == ARC_OK && updated == 0)
        return arc_fail(ARC_ENOTFOUND, "dispute %lld: not found", (long long)dispute->id);
    return rc;
}

static int64_t dispute_id_at(const void *items, size_t index)
{
    return ((const struct arc_dispute *)items)[index].id;
}

/* Give line number @p line_no to the dispute of @p id among @p disputes. */
static int add_line(struct arc_dispute *disputes, size_t count, arc_id id, int line_no)
{
    for (size_t i = 0; i < count; i++) {
        int *bigger;

        if (disputes[i].id != id)
            continue;
        bigger = realloc(disputes[i].lines, (disputes[i].line_count + 1) * sizeof(int));
        if (bigger == NULL)
            return arc_fail(ARC_ENOMEM, "dispute %lld: out of memory", (long long)id);
        disputes[i].lines = bigger;
        disputes[i].lines[disputes[i].line_count++] = line_no;
        return ARC_OK;
    }
    return ARC_OK;
}

/* The named lines of every dispute of a page (or of one), in one query. */
static int read_lines(arc_store *store, struct arc_dispute *disputes, size_t count)
{
    static const char SQL[] = "SELECT dispute_id, line_no FROM arcollect.dispute_lines"
                              " WHERE book = $1 AND dispute_id = ANY ($2::bigint[])"
                              " ORDER BY dispute_id, line_no";
    struct arc_pg_params params;
    PGresult *res;
    char *ids;
    int rc = ARC_OK;

    if (count == 0)
        return ARC_OK;
    ids = arc_pg_array_text(disputes, count, dispute_id_at);
    if (ids == NULL)
        return ARC_ENOMEM;
    arc_pg_params_init(&params, store);
    arc_pg_param_text(&params, ids);
    res = arc_pg_query(store, SQL, &params, "dispute lines");
    free(ids);
    if (res == NULL)
        return arc_error_last_code();
    for (int row = 0; row < PQntuples(res) && rc == ARC_OK; row++)
        rc = add_line(disputes, count, arc_pg_int(res, row, 0),
                      (int)arc_pg_int(res, row, 1));
    PQclear(res);
    return rc;
}

int arc_pg_dispute_get(arc_store *store, arc_id id, struct arc_dispute *out)
{
    static const char SQL[] =
        "SELECT " DISPUTE_COLUMNS " FROM arcollect.disputes WHERE book = $1 AND id = $2";
    struct arc_pg_params params;
    int rc;

    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, id);
    rc = arc_pg_fetch_one(store, SQL, &params, out, read_dispute, "dispute");
    if (rc == ARC_ENOTFOUND)
        return arc_fail(ARC_ENOTFOUND, "dispute %lld: not found", (long long)id);
    if (rc == ARC_OK)
        rc = read_lines(store, out, 1);
    if (rc != ARC_OK)
        arc_dispute_clear(out);
    return rc;
}

static int fetch_page(arc_store *store, const char *sql,
                      const struct arc_pg_params *params, struct arc_dispute_page *out)
{
    int rc = arc_pg_fetch_all(store, sql, params, (void **)&out->items, &out->count,
                              sizeof(*out->items), read_dispute, "disputes");

    if (rc == ARC_OK)
        rc = read_lines(store, out->items, out->count);
    return rc;
}

int arc_pg_dispute_list(arc_store *store, const struct arc_store_list *filter,
                        struct arc_dispute_page *out)
{
    static const char ALL[] =
        "SELECT " DISPUTE_COLUMNS " FROM arcollect.disputes"
        " WHERE book = $1 AND id > $2"
        " AND ($3::text IS NULL OR status = $3) ORDER BY id LIMIT $4";
    static const char ONE_CUSTOMER[] =
        "SELECT " DISPUTE_COLUMNS " FROM arcollect.disputes"
        " WHERE book = $1 AND customer_id = $5 AND id > $2"
        " AND ($3::text IS NULL OR status = $3) ORDER BY id LIMIT $4";
    struct arc_pg_params params;

    arc_pg_params_list(&params, store, filter,
                       filter->status >= 0 ? arc_dispute_status_name(filter->status)
                                           : NULL);
    return fetch_page(store, filter->customer_id ? ONE_CUSTOMER : ALL, &params, out);
}

int arc_pg_dispute_list_for_invoice(arc_store *store, arc_id invoice_id,
                                    struct arc_dispute_page *out)
{
    static const char SQL[] = "SELECT " DISPUTE_COLUMNS " FROM arcollect.disputes"
                              " WHERE book = $1 AND invoice_id = $2 ORDER BY id";
    struct arc_pg_params params;

    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, invoice_id);
    return fetch_page(store, SQL, &params, out);
}

int arc_pg_sum_open_disputes_of_invoice(arc_store *store, arc_id invoice_id,
                                        arc_id except_dispute_id, int64_t *out)
{
    static const char SQL[] =
        "SELECT coalesce(sum(amount), 0) FROM arcollect.disputes"
        " WHERE book = $1 AND invoice_id = $2 AND status <> 'resolved' AND id <> $3";
    struct arc_pg_params params;

    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, invoice_id);
    arc_pg_param_int(&params, except_dispute_id);
    return arc_pg_sum_one(store, SQL, &params, out, "disputed amount");
}

int arc_pg_sum_open_disputes_of_customer(arc_store *store, arc_id customer_id,
                                         const char *currency, int64_t *out)
{
    static const char SQL[] =
        "SELECT coalesce(sum(amount), 0) FROM arcollect.disputes WHERE book = $1"
        " AND customer_id = $2 AND currency = $3 AND status <> 'resolved'";
    struct arc_pg_params params;

    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, customer_id);
    arc_pg_param_text(&params, currency);
    return arc_pg_sum_one(store, SQL, &params, out, "disputed amount");
}

struct disputed_scan {
    arc_disputed_fn fn;
    void *ctx;
};

static int disputed_row(void *ctx, const PGresult *res, int row)
{
    struct disputed_scan *scan = ctx;

    return scan->fn(scan->ctx, arc_pg_int(res, row, 0), arc_pg_int(res, row, 1));
}

int arc_pg_scan_disputed_amounts(arc_store *store, arc_date as_of, arc_disputed_fn fn,
                                 void *ctx)
{
    /* Disputes open on the as-of date: opened by its end, not resolved by then. */
    static const char SQL[] =
        "SELECT invoice_id, sum(amount) FROM arcollect.disputes"
        " WHERE book = $1 AND opened_at < $2::date + 1"
        " AND (status <> 'resolved' OR resolved_on > $2) GROUP BY invoice_id";
    struct disputed_scan scan = { fn, ctx };
    struct arc_pg_params params;

    arc_pg_params_init(&params, store);
    arc_pg_param_date(&params, as_of);
    return arc_pg_scan(store, SQL, &params, disputed_row, &scan, "disputes");
}
