/*
 * Invoices and their lines in the PostgreSQL book. A new invoice and its
 * lines are written behind (pg_batch.c) once its number is known free, so
 * that a billing run or an import costs no round trip per invoice; a
 * settlement, which the core makes of an invoice it has just read, is sent
 * ahead (pg_pipeline.c).
 */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "pg_internal.h"

#define INVOICE_COLUMNS                                                                  \
    "id, number, customer_id, status, currency, issue_date, due_date, due_date_given,"   \
    " memo, subtotal, tax, total, paid, balance, closed_on, close_reason, created_at,"   \
    " updated_at"

/* Every column but the book and the id, in INVOICE_COLUMNS order. */
static void param_invoice(struct arc_pg_params *params, const struct arc_invoice *invoice)
{
    arc_pg_param_text(params, invoice->number);
    arc_pg_param_int(params, invoice->customer_id);
    arc_pg_param_text(params, arc_invoice_status_name(invoice->status));
    arc_pg_param_text(params, invoice->currency);
    arc_pg_param_date(params, invoice->issue_date);
    arc_pg_param_date(params, invoice->due_date);
    arc_pg_param_bool(params, invoice->due_date_given);
    arc_pg_param_text(params, invoice->memo);
    arc_pg_param_int(params, invoice->subtotal);
    arc_pg_param_int(params, invoice->tax);
    arc_pg_param_int(params, invoice->total);
    arc_pg_param_int(params, invoice->paid);
    arc_pg_param_int(params, invoice->balance);
    arc_pg_param_date(params, invoice->closed_on);
    arc_pg_param_text(params, invoice->close_reason);
    arc_pg_param_time(params, invoice->created_at);
    arc_pg_param_time(params, invoice->updated_at);
}

static int read_invoice(const PGresult *res, int row, void *record)
{
    struct arc_invoice *out = record;
    int rc = ARC_OK;

    out->id = arc_pg_int(res, row, 0);
    out->number = arc_pg_text_dup(res, row, 1, &rc);
    out->customer_id = arc_pg_int(res, row, 2);
    out->status = (arc_invoice_status)arc_parse_invoice_status(PQgetvalue(res, row, 3));
    arc_pg_currency(res, row, 4, out->currency);
    out->issue_date = arc_pg_date(res, row, 5);
    out->due_date = arc_pg_date(res, row, 6);
    out->due_date_given = arc_pg_bool(res, row, 7);
    out->memo = arc_pg_text_dup(res, row, 8, &rc);
    out->subtotal = arc_pg_int(res, row, 9);
    out->tax = arc_pg_int(res, row, 10);
    out->total = arc_pg_int(res, row, 11);
    out->paid = arc_pg_int(res, row, 12);
    out->balance = arc_pg_int(res, row, 13);
    out->closed_on = arc_pg_date(res, row, 14);
    out->close_reason = arc_pg_text_dup(res, row, 15, &rc);
    out->created_at = arc_pg_time(res, row, 16);
    out->updated_at = arc_pg_time(res, row, 17);
    if (rc != ARC_OK)
        arc_invoice_clear(out);
    return rc;
}

int arc_pg_invoice_line_insert(arc_store *store, arc_id invoice_id,
                               struct arc_invoice_line *line)
{
    struct arc_pg_params params;

    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, invoice_id);
    arc_pg_param_int(&params, line->line_no);
    arc_pg_param_text(&params, line->description);
    arc_pg_param_text(&params, line->quantity);
    arc_pg_param_int(&params, line->unit_price);
    arc_pg_param_text(&params, line->tax_rate);
    arc_pg_param_text(&params, line->item_code);
    arc_pg_param_date(&params, line->period_start);
    arc_pg_param_date(&params, line->period_end);
    arc_pg_param_int(&params, line->net);
    arc_pg_param_int(&params, line->tax);
    return arc_pg_batch_add(store, ARC_PG_BATCH_INVOICE_LINES, &params);
}

static int number_taken(const char *number)
{
    return arc_fail(ARC_EEXISTS, "invoice %s: the number is already used", number);
}

/*
 * Whether @p number is free, asking the book only when this connection does
 * not know: the answer also tells up to which number the book has none, so
 * that the next numbers of a run need no question.
 */
static int check_number_free(arc_store *store, const char *number)
{
    static const char SQL[] = "SELECT number FROM arcollect.invoices"
                              " WHERE book = $1 AND number >= $2 ORDER BY number LIMIT 1";
    struct arc_pg_params params;
    PGresult *res;
    int rc = ARC_OK;

    /* A number written here before may have been deleted since: the book
     * decides, once it has every row written behind. */
    if (arc_pg_number_is_taken(store, number)) {
        rc = arc_pg_batch_send_before(store, SQL);
        if (rc != ARC_OK)
            return rc;
    } else if (arc_pg_number_known_free(store, number)) {
        return ARC_OK;
    }

    arc_pg_params_init(&params, store);
    arc_pg_param_text(&params, number);
    res = arc_pg_query_direct(store, SQL, &params, "invoice");
    if (res == NULL)
        return arc_error_last_code();
    if (PQntuples(res) > 0 && strcmp(PQgetvalue(res, 0, 0), number) == 0)
        rc = number_taken(number);
    else
        arc_pg_number_gap_add(store, number,
                              PQntuples(res) > 0 ? PQgetvalue(res, 0, 0) : NULL);
    PQclear(res);
    return rc;
}

int arc_pg_invoice_insert(arc_store *store, struct arc_invoice *invoice)
{
    struct arc_pg_params params;
    arc_id id;
    int rc = check_number_free(store, invoice->number);

    if (rc == ARC_OK)
        rc = arc_pg_next_id(store, ARC_PG_ID_INVOICE, &id, "invoice");
    if (rc != ARC_OK)
        return rc;

    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, id);
    param_invoice(&params, invoice);
    rc = arc_pg_batch_add(store, ARC_PG_BATCH_INVOICES, &params);
    if (rc != ARC_OK)
        return rc;
    arc_pg_number_taken(store, invoice->number);
    invoice->id = id;

    for (size_t i = 0; i < invoice->line_count && rc == ARC_OK; i++)
        rc = arc_pg_invoice_line_insert(store, invoice->id, &invoice->lines[i]);
    return rc;
}

int arc_pg_invoice_update(arc_store *store, const struct arc_invoice *invoice)
{
    static const char SQL[] =
        "UPDATE arcollect.invoices SET number = $3, customer_id = $4, status = $5,"
        " currency = $6, issue_date = $7, due_date = $8, due_date_given = $9, memo = $10,"
        " subtotal = $11, tax = $12, total = $13, paid = $14, balance = $15,"
        " closed_on = $16, close_reason = $17, created_at = $18, updated_at = $19"
        " WHERE book = $1 AND id = $2";
    struct arc_pg_params params;
    int64_t updated = 0;
    int rc;

    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, invoice->id);
    param_invoice(&params, invoice);
    rc = arc_pg_command(store, SQL, &params, "invoice", &updated);
    if (rc == ARC_OK && updated == 0)
        return arc_fail(ARC_ENOTFOUND, "invoice %lld: not found", (long long)invoice->id);
    if (rc == ARC_OK)
        arc_pg_number_taken(store, invoice->number);
    return rc;
}

int arc_pg_invoice_settle(arc_store *store, const struct arc_invoice *invoice)
{
    static const char SQL[] =
        "UPDATE arcollect.invoices SET status = $3, paid = $4, balance = $5,"
        " closed_on = $6, close_reason = $7, updated_at = $8 WHERE book = $1 AND id = $2";
    struct arc_pg_params params;

    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, invoice->id);
    arc_pg_param_text(&params, arc_invoice_status_name(invoice->status));
    arc_pg_param_int(&params, invoice->paid);
    arc_pg_param_int(&params, invoice->balance);
    arc_pg_param_date(&params, invoice->closed_on);
    arc_pg_param_text(&params, invoice->close_reason);
    arc_pg_param_time(&params, invoice->updated_at);
    return arc_pg_send(store, SQL, &params, "invoice", invoice->id);
}

int arc_pg_invoice_delete(arc_store *store, arc_id id)
{
    static const char LINES[] =
        "DELETE FROM arcollect.invoice_lines WHERE book = $1 AND invoice_id = $2";
    static const char INVOICE[] =
        "DELETE FROM arcollect.invoices WHERE book = $1 AND id = $2";
    struct arc_pg_params params;
    int64_t deleted = 0;
    int rc;

    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, id);
    rc = arc_pg_command(store, LINES, &params, "invoice lines", NULL);
    if (rc == ARC_OK)
        rc = arc_pg_command(store, INVOICE, &params, "invoice", &deleted);
    if (rc == ARC_OK && deleted == 0)
        return arc_fail(ARC_ENOTFOUND, "invoice %lld: not found", (long long)id);
    return rc;
}

static int read_line(const PGresult *res, int row, void *record)
{
    struct arc_invoice_line *line = record;
    int rc = ARC_OK;

    line->line_no = (int)arc_pg_int(res, row, 0);
    line->description = arc_pg_text_dup(res, row, 1, &rc);
    line->quantity = arc_pg_text_dup(res, row, 2, &rc);
    line->unit_price = arc_pg_int(res, row, 3);
    line->tax_rate = arc_pg_text_dup(res, row, 4, &rc);
    line->item_code = arc_pg_text_dup(res, row, 5, &rc);
    line->period_start = arc_pg_date(res, row, 6);
    line->period_end = arc_pg_date(res, row, 7);
    line->net = arc_pg_int(res, row, 8);
    line->tax = arc_pg_int(res, row, 9);
    return rc;
}

static int read_lines(arc_store *store, struct arc_invoice *invoice)
{
    static const char SQL[] =
        "SELECT line_no, description, quantity, unit_price, tax_rate, item_code,"
        " period_start, period_end, net, tax FROM arcollect.invoice_lines"
        " WHERE book = $1 AND invoice_id = $2 ORDER BY line_no";
    struct arc_pg_params params;

    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, invoice->id);
    return arc_pg_fetch_all(store, SQL, &params, (void **)&invoice->lines,
                            &invoice->line_count, sizeof(*invoice->lines), read_line,
                            "invoice lines");
}

static int fetch_invoice(arc_store *store, const char *sql,
                         const struct arc_pg_params *params, bool with_lines,
                         struct arc_invoice *out)
{
    int rc = arc_pg_fetch_one(store, sql, params, out, read_invoice, "invoice");

    if (rc == ARC_OK && with_lines) {
        rc = read_lines(store, out);
        if (rc != ARC_OK)
            arc_invoice_clear(out);
    }
    return rc;
}

int arc_pg_invoice_get(arc_store *store, arc_id id, bool with_lines,
                       struct arc_invoice *out)
{
    static const char SQL[] =
        "SELECT " INVOICE_COLUMNS " FROM arcollect.invoices WHERE book = $1 AND id = $2";
    struct arc_pg_params params;
    int rc;

    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, id);
    rc = fetch_invoice(store, SQL, &params, with_lines, out);
    if (rc == ARC_ENOTFOUND)
        return arc_fail(ARC_ENOTFOUND, "invoice %lld: not found", (long long)id);
    return rc;
}

int arc_pg_invoice_get_by_number(arc_store *store, const char *number, bool with_lines,
                                 struct arc_invoice *out)
{
    static const char SQL[] = "SELECT " INVOICE_COLUMNS
                              " FROM arcollect.invoices WHERE book = $1 AND number = $2";
    struct arc_pg_params params;
    int rc;

    arc_pg_params_init(&params, store);
    arc_pg_param_text(&params, number);
    rc = fetch_invoice(store, SQL, &params, with_lines, out);
    if (rc == ARC_ENOTFOUND)
        return arc_fail(ARC_ENOTFOUND, "invoice %s: not found", number);
    return rc;
}

static int read_page(arc_store *store, const char *sql,
                     const struct arc_pg_params *params, struct arc_invoice_page *out)
{
    return arc_pg_fetch_all(store, sql, params, (void **)&out->items, &out->count,
                            sizeof(*out->items), read_invoice, "invoices");
}

int arc_pg_invoice_list(arc_store *store, const struct arc_store_list *filter,
                        struct arc_invoice_page *out)
{
    static const char ALL[] =
        "SELECT " INVOICE_COLUMNS " FROM arcollect.invoices"
        " WHERE book = $1 AND id > $2"
        " AND ($3::text IS NULL OR status = $3) ORDER BY id LIMIT $4";
    static const char ONE_CUSTOMER[] =
        "SELECT " INVOICE_COLUMNS " FROM arcollect.invoices"
        " WHERE book = $1 AND customer_id = $5 AND id > $2"
        " AND ($3::text IS NULL OR status = $3) ORDER BY id LIMIT $4";
    struct arc_pg_params params;

    arc_pg_params_list(&params, store, filter,
                       filter->status >= 0 ? arc_invoice_status_name(filter->status)
                                           : NULL);
    return read_page(store, filter->customer_id ? ONE_CUSTOMER : ALL, &params, out);
}

int arc_pg_invoice_list_payable(arc_store *store, arc_id customer_id,
                                const char *currency, unsigned int limit,
                                struct arc_invoice_page *out)
{
    static const char SQL[] = "SELECT " INVOICE_COLUMNS " FROM arcollect.invoices"
                              " WHERE book = $1 AND customer_id = $2 AND currency = $3"
                              " AND balance > 0 ORDER BY due_date, id LIMIT $4";
    struct arc_pg_params params;

    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, customer_id);
    arc_pg_param_text(&params, currency);
    arc_pg_param_int(&params, limit);
    return read_page(store, SQL, &params, out);
}
