/*
 * Payments, credit memos and applications in the PostgreSQL book. What the
 * core writes of them after checking it (an application, a new applied
 * amount, a reversal) is sent ahead (pg_pipeline.c), as is a payment without
 * an idempotency key: recording and applying a payment then waits only for
 * its reads.
 */
#include <stdlib.h>

#include "error.h"
#include "pg_internal.h"

#define PAYMENT_COLUMNS                                                                  \
    "id, customer_id, amount, currency, method, received_on, reference,"                 \
    " idempotency_key, applied, reversed_on, reversal_reason, created_at"

#define CREDIT_MEMO_COLUMNS                                                              \
    "id, number, customer_id, amount, currency, issue_date, reason, applied, voided_on," \
    " void_reason, created_at"

static int read_payment(const PGresult *res, int row, void *record)
{
    struct arc_payment *out = record;
    int rc = ARC_OK;

    out->id = arc_pg_int(res, row, 0);
    out->customer_id = arc_pg_int(res, row, 1);
    out->amount = arc_pg_int(res, row, 2);
    arc_pg_currency(res, row, 3, out->currency);
    out->method = (arc_payment_method)arc_parse_payment_method(PQgetvalue(res, row, 4));
    out->received_on = arc_pg_date(res, row, 5);
    out->reference = arc_pg_text_dup(res, row, 6, &rc);
    out->idempotency_key = arc_pg_text_dup(res, row, 7, &rc);
    out->applied = arc_pg_int(res, row, 8);
    out->reversed_on = arc_pg_date(res, row, 9);
    out->reversal_reason = arc_pg_text_dup(res, row, 10, &rc);
    out->created_at = arc_pg_time(res, row, 11);
    if (rc != ARC_OK)
        arc_payment_clear(out);
    return rc;
}

static int read_credit_memo(const PGresult *res, int row, void *record)
{
    struct arc_credit_memo *out = record;
    int rc = ARC_OK;

    out->id = arc_pg_int(res, row, 0);
    out->number = arc_pg_text_dup(res, row, 1, &rc);
    out->customer_id = arc_pg_int(res, row, 2);
    out->amount = arc_pg_int(res, row, 3);
    arc_pg_currency(res, row, 4, out->currency);
    out->issue_date = arc_pg_date(res, row, 5);
    out->reason = arc_pg_text_dup(res, row, 6, &rc);
    out->applied = arc_pg_int(res, row, 7);
    out->voided_on = arc_pg_date(res, row, 8);
    out->void_reason = arc_pg_text_dup(res, row, 9, &rc);
    out->created_at = arc_pg_time(res, row, 10);
    if (rc != ARC_OK)
        arc_credit_memo_clear(out);
    return rc;
}

int arc_pg_read_application(const PGresult *res, int row, void *record)
{
    struct arc_application *out = record;

    out->id = arc_pg_int(res, row, 0);
    out->kind = (arc_application_kind)arc_parse_application_kind(PQgetvalue(res, row, 1));
    out->invoice_id = arc_pg_int(res, row, 2);
    out->source_id = arc_pg_int(res, row, 3);
    out->amount = arc_pg_int(res, row, 4);
    out->applied_on = arc_pg_date(res, row, 5);
    out->reversed_on = arc_pg_date(res, row, 6);
    out->created_at = arc_pg_time(res, row, 7);
    return ARC_OK;
}

int arc_pg_payment_insert(arc_store *store, struct arc_payment *payment)
{
    /* A key taken inserts nothing rather than failing: the transaction of a
     * caller who retries stays usable. Without a key nothing can conflict,
     * so the row is sent ahead. */
    static const char SQL[] =
        "INSERT INTO arcollect.payments (book, id, customer_id, amount, currency, method,"
        " received_on, reference, idempotency_key, applied, reversed_on,"
        " reversal_reason, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,"
        " $11, $12, $13) ON CONFLICT DO NOTHING";
    struct arc_pg_params params;
    int64_t inserted = 0;
    arc_id id;
    int rc = arc_pg_next_id(store, ARC_PG_ID_PAYMENT, &id, "payment");

    if (rc != ARC_OK)
        return rc;
    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, id);
    arc_pg_param_int(&params, payment->customer_id);
    arc_pg_param_int(&params, payment->amount);
    arc_pg_param_text(&params, payment->currency);
    arc_pg_param_text(&params, arc_payment_method_name(payment->method));
    arc_pg_param_date(&params, payment->received_on);
    arc_pg_param_text(&params, payment->reference);
    arc_pg_param_text(&params, payment->idempotency_key);
    arc_pg_param_int(&params, payment->applied);
    arc_pg_param_date(&params, payment->reversed_on);
    arc_pg_param_text(&params, payment->reversal_reason);
    arc_pg_param_time(&params, payment->created_at);
    if (payment->idempotency_key == NULL) {
        rc = arc_pg_send(store, SQL, &params, "payment", id);
        inserted = 1;
    } else {
        rc = arc_pg_command(store, SQL, &params, "payment", &inserted);
    }
    if (rc == ARC_OK && inserted == 0)
        return arc_fail(ARC_EEXISTS, "payment: idempotency key \"%s\" is already used",
                        payment->idempotency_key ? payment->idempotency_key : "");
    if (rc == ARC_OK)
        payment->id = id;
    if (rc == ARC_OK)
        rc = arc_pg_stats_grew(store, ARC_PG_GROWN_PAYMENTS, 1);
    return rc;
}

int arc_pg_payment_update(arc_store *store, const struct arc_payment *payment)
{
    static const char SQL[] = "UPDATE arcollect.payments SET applied = $3,"
                              " reversed_on = $4, reversal_reason = $5"
                              " WHERE book = $1 AND id = $2";
    struct arc_pg_params params;

    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, payment->id);
    arc_pg_param_int(&params, payment->applied);
    arc_pg_param_date(&params, payment->reversed_on);
    arc_pg_param_text(&params, payment->reversal_reason);
    return arc_pg_send(store, SQL, &params, "payment", payment->id);
}

int arc_pg_payment_get(arc_store *store, arc_id id, struct arc_payment *out)
{
    static const char SQL[] =
        "SELECT " PAYMENT_COLUMNS " FROM arcollect.payments WHERE book = $1 AND id = $2";
    struct arc_pg_params params;
    int rc;

    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, id);
    rc = arc_pg_fetch_one(store, SQL, &params, out, read_payment, "payment");
    if (rc == ARC_ENOTFOUND)
        return arc_fail(ARC_ENOTFOUND, "payment %lld: not found", (long long)id);
    return rc;
}

int arc_pg_payment_get_by_key(arc_store *store, const char *idempotency_key,
                              struct arc_payment *out)
{
    static const char SQL[] =
        "SELECT " PAYMENT_COLUMNS
        " FROM arcollect.payments WHERE book = $1 AND idempotency_key = $2";
    struct arc_pg_params params;
    int rc;

    arc_pg_params_init(&params, store);
    arc_pg_param_text(&params, idempotency_key);
    rc = arc_pg_fetch_one(store, SQL, &params, out, read_payment, "payment");
    if (rc == ARC_ENOTFOUND)
        return arc_fail(ARC_ENOTFOUND, "payment with idempotency key \"%s\": not found",
                        idempotency_key);
    return rc;
}

/* "t" lists reversed payments (voided memos) only, "f" those in force. */
static const char *withdrawn_filter(int status)
{
    return status < 0 ? NULL : status ? "t" : "f";
}

int arc_pg_payment_list(arc_store *store, const struct arc_store_list *filter,
                        struct arc_payment_page *out)
{
    static const char ALL[] =
        "SELECT " PAYMENT_COLUMNS " FROM arcollect.payments WHERE book = $1 AND id > $2"
        " AND ($3::boolean IS NULL OR (reversed_on IS NOT NULL) = $3)"
        " ORDER BY id LIMIT $4";
    static const char ONE_CUSTOMER[] =
        "SELECT " PAYMENT_COLUMNS " FROM arcollect.payments WHERE book = $1"
        " AND customer_id = $5 AND id > $2"
        " AND ($3::boolean IS NULL OR (reversed_on IS NOT NULL) = $3)"
        " ORDER BY id LIMIT $4";
    struct arc_pg_params params;

    arc_pg_params_list(&params, store, filter, withdrawn_filter(filter->status));
    return arc_pg_fetch_all(store, filter->customer_id ? ONE_CUSTOMER : ALL, &params,
                            (void **)&out->items, &out->count, sizeof(*out->items),
                            read_payment, "payments");
}

int arc_pg_credit_memo_insert(arc_store *store, struct arc_credit_memo *memo)
{
    static const char SQL[] =
        "INSERT INTO arcollect.credit_memos (book, id, number, customer_id, amount,"
        " currency, issue_date, reason, applied, voided_on, void_reason, created_at)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
        " ON CONFLICT DO NOTHING";
    struct arc_pg_params params;
    int64_t inserted = 0;
    arc_id id;
    int rc = arc_pg_next_id(store, ARC_PG_ID_CREDIT_MEMO, &id, "credit memo");

    if (rc != ARC_OK)
        return rc;
    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, id);
    arc_pg_param_text(&params, memo->number);
    arc_pg_param_int(&params, memo->customer_id);
    arc_pg_param_int(&params, memo->amount);
    arc_pg_param_text(&params, memo->currency);
    arc_pg_param_date(&params, memo->issue_date);
    arc_pg_param_text(&params, memo->reason);
    arc_pg_param_int(&params, memo->applied);
    arc_pg_param_date(&params, memo->voided_on);
    arc_pg_param_text(&params, memo->void_reason);
    arc_pg_param_time(&params, memo->created_at);
    rc = arc_pg_command(store, SQL, &params, "credit memo", &inserted);
    if (rc == ARC_OK && inserted == 0)
        return arc_fail(ARC_EEXISTS, "credit memo %s: the number is already used",
                        memo->number);
    if (rc == ARC_OK)
        memo->id = id;
    return rc;
}

int arc_pg_credit_memo_update(arc_store *store, const struct arc_credit_memo *memo)
{
    static const char SQL[] = "UPDATE arcollect.credit_memos SET applied = $3,"
                              " voided_on = $4, void_reason = $5"
                              " WHERE book = $1 AND id = $2";
    struct arc_pg_params params;

    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, memo->id);
    arc_pg_param_int(&params, memo->applied);
    arc_pg_param_date(&params, memo->voided_on);
    arc_pg_param_text(&params, memo->void_reason);
    return arc_pg_send(store, SQL, &params, "credit memo", memo->id);
}

int arc_pg_credit_memo_get(arc_store *store, arc_id id, struct arc_credit_memo *out)
{
    static const char SQL[] = "SELECT " CREDIT_MEMO_COLUMNS
                              " FROM arcollect.credit_memos WHERE book = $1 AND id = $2";
    struct arc_pg_params params;
    int rc;

    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, id);
    rc = arc_pg_fetch_one(store, SQL, &params, out, read_credit_memo, "credit memo");
    if (rc == ARC_ENOTFOUND)
        return arc_fail(ARC_ENOTFOUND, "credit memo %lld: not found", (long long)id);
    return rc;
}

int arc_pg_credit_memo_list(arc_store *store, const struct arc_store_list *filter,
                            struct arc_credit_memo_page *out)
{
    static const char ALL[] = "SELECT " CREDIT_MEMO_COLUMNS " FROM arcollect.credit_memos"
                              " WHERE book = $1 AND id > $2"
                              " AND ($3::boolean IS NULL OR (voided_on IS NOT NULL) = $3)"
                              " ORDER BY id LIMIT $4";
    static const char ONE_CUSTOMER[] =
        "SELECT " CREDIT_MEMO_COLUMNS " FROM arcollect.credit_memos"
        " WHERE book = $1 AND customer_id = $5 AND id > $2"
        " AND ($3::boolean IS NULL OR (voided_on IS NOT NULL) = $3)"
        " ORDER BY id LIMIT $4";
    struct arc_pg_params params;

    arc_pg_params_list(&params, store, filter, withdrawn_filter(filter->status));
    return arc_pg_fetch_all(store, filter->customer_id ? ONE_CUSTOMER : ALL, &params,
                            (void **)&out->items, &out->count, sizeof(*out->items),
                            read_credit_memo, "credit memos");
}

int arc_pg_application_insert(arc_store *store, struct arc_application *application)
{
    static const char SQL[] =
        "INSERT INTO arcollect.applications (book, id, invoice_id, kind, payment_id,"
        " credit_memo_id, amount, applied_on, reversed_on, created_at)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
    struct arc_pg_params params;
    arc_id payment_id = 0, credit_memo_id = 0, id;
    int rc = arc_pg_next_id(store, ARC_PG_ID_APPLICATION, &id, "application");

    if (rc != ARC_OK)
        return rc;
    if (application->kind == ARC_APPLICATION_PAYMENT)
        payment_id = application->source_id;
    else if (application->kind == ARC_APPLICATION_CREDIT_MEMO)
        credit_memo_id = application->source_id;

    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, id);
    arc_pg_param_int(&params, application->invoice_id);
    arc_pg_param_text(&params, arc_application_kind_name(application->kind));
    arc_pg_param_id(&params, payment_id);
    arc_pg_param_id(&params, credit_memo_id);
    arc_pg_param_int(&params, application->amount);
    arc_pg_param_date(&params, application->applied_on);
    arc_pg_param_date(&params, application->reversed_on);
    arc_pg_param_time(&params, application->created_at);
    rc = arc_pg_send(store, SQL, &params, "application", id);
    if (rc == ARC_OK)
        application->id = id;
    return rc;
}

int arc_pg_application_set_reversed(arc_store *store, arc_id id, arc_date reversed_on)
{
    static const char SQL[] = "UPDATE arcollect.applications SET reversed_on = $3"
                              " WHERE book = $1 AND id = $2";
    struct arc_pg_params params;

    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, id);
    arc_pg_param_date(&params, reversed_on);
    return arc_pg_send(store, SQL, &params, "application", id);
}

int arc_pg_application_list_for(arc_store *store, int kind, arc_id owner_id,
                                struct arc_application_page *out)
{
    static const char BY_INVOICE[] =
        "SELECT " ARC_PG_APPLICATION_COLUMNS " FROM arcollect.applications"
        " WHERE book = $1 AND invoice_id = $2 ORDER BY id";
    static const char BY_PAYMENT[] =
        "SELECT " ARC_PG_APPLICATION_COLUMNS " FROM arcollect.applications"
        " WHERE book = $1 AND payment_id = $2 ORDER BY id";
    static const char BY_MEMO[] =
        "SELECT " ARC_PG_APPLICATION_COLUMNS " FROM arcollect.applications"
        " WHERE book = $1 AND credit_memo_id = $2 ORDER BY id";
    const char *sql = kind == ARC_APPLICATION_PAYMENT       ? BY_PAYMENT
                      : kind == ARC_APPLICATION_CREDIT_MEMO ? BY_MEMO
                                                            : BY_INVOICE;
    struct arc_pg_params params;

    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, owner_id);
    return arc_pg_fetch_all(store, sql, &params, (void **)&out->items, &out->count,
                            sizeof(*out->items), arc_pg_read_application, "applications");
}
