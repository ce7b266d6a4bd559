/*
 * Payments, credit memos and applications in the SQLite book.
 */
#include <stdlib.h>

#include "error.h"
#include "sqlite_internal.h"

#define PAYMENT_COLUMNS                                                                  \
    "id, customer_id, amount, currency, method, received_on, reference,"                 \
    " idempotency_key, applied, reversed_on, reversal_reason, created_at"

#define CREDIT_MEMO_COLUMNS                                                              \
    "id, number, customer_id, amount, currency, issue_date, reason, applied, voided_on," \
    " void_reason, created_at"

static int read_payment(sqlite3_stmt *stmt, void *record)
{
    struct arc_payment *out = record;
    int rc = ARC_OK;

    out->id = sqlite3_column_int64(stmt, 0);
    out->customer_id = sqlite3_column_int64(stmt, 1);
    out->amount = sqlite3_column_int64(stmt, 2);
    arc_sqlite_column_currency(stmt, 3, out->currency);
    out->method = (arc_payment_method)arc_parse_payment_method(
        (const char *)sqlite3_column_text(stmt, 4));
    out->received_on = arc_sqlite_column_date(stmt, 5);
    out->reference = arc_sqlite_column_text_dup(stmt, 6, &rc);
    out->idempotency_key = arc_sqlite_column_text_dup(stmt, 7, &rc);
    out->applied = sqlite3_column_int64(stmt, 8);
    out->reversed_on = arc_sqlite_column_date(stmt, 9);
    out->reversal_reason = arc_sqlite_column_text_dup(stmt, 10, &rc);
    out->created_at = arc_sqlite_column_time(stmt, 11);
    if (rc != ARC_OK)
        arc_payment_clear(out);
    return rc;
}

static int read_credit_memo(sqlite3_stmt *stmt, void *record)
{
    struct arc_credit_memo *out = record;
    int rc = ARC_OK;

    out->id = sqlite3_column_int64(stmt, 0);
    out->number = arc_sqlite_column_text_dup(stmt, 1, &rc);
    out->customer_id = sqlite3_column_int64(stmt, 2);
    out->amount = sqlite3_column_int64(stmt, 3);
    arc_sqlite_column_currency(stmt, 4, out->currency);
    out->issue_date = arc_sqlite_column_date(stmt, 5);
    out->reason = arc_sqlite_column_text_dup(stmt, 6, &rc);
    out->applied = sqlite3_column_int64(stmt, 7);
    out->voided_on = arc_sqlite_column_date(stmt, 8);
    out->void_reason = arc_sqlite_column_text_dup(stmt, 9, &rc);
    out->created_at = arc_sqlite_column_time(stmt, 10);
    if (rc != ARC_OK)
        arc_credit_memo_clear(out);
    return rc;
}

int arc_sqlite_read_application(sqlite3_stmt *stmt, void *record)
{
    struct arc_application *out = record;
    out->id = sqlite3_column_int64(stmt, 0);
    out->kind = (arc_application_kind)arc_parse_application_kind(
        (const char *)sqlite3_column_text(stmt, 1));
    out->invoice_id = sqlite3_column_int64(stmt, 2);
    out->source_id = sqlite3_column_int64(stmt, 3);
    out->amount = sqlite3_column_int64(stmt, 4);
    out->applied_on = arc_sqlite_column_date(stmt, 5);
    out->reversed_on = arc_sqlite_column_date(stmt, 6);
    out->created_at = arc_sqlite_column_time(stmt, 7);
    return ARC_OK;
}

int arc_sqlite_payment_insert(arc_store *store, struct arc_payment *payment)
{
    static const char SQL[] =
        "INSERT INTO payments (customer_id, amount, currency, method, received_on,"
        " reference, idempotency_key, applied, reversed_on, reversal_reason, created_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);
    int rc;

    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_int64(stmt, 1, payment->customer_id);
    sqlite3_bind_int64(stmt, 2, payment->amount);
    arc_sqlite_bind_text(stmt, 3, payment->currency);
    arc_sqlite_bind_text(stmt, 4, arc_payment_method_name(payment->method));
    arc_sqlite_bind_date(stmt, 5, payment->received_on);
    arc_sqlite_bind_text(stmt, 6, payment->reference);
    arc_sqlite_bind_text(stmt, 7, payment->idempotency_key);
    sqlite3_bind_int64(stmt, 8, payment->applied);
    arc_sqlite_bind_date(stmt, 9, payment->reversed_on);
    arc_sqlite_bind_text(stmt, 10, payment->reversal_reason);
    arc_sqlite_bind_time(stmt, 11, payment->created_at);
    rc = arc_sqlite_exec_stmt(store, stmt, "payment");
    if (rc == ARC_EEXISTS)
        return arc_fail(ARC_EEXISTS, "payment: idempotency key \"%s\" is already used",
                        payment->idempotency_key);
    if (rc == ARC_OK)
        payment->id = sqlite3_last_insert_rowid(store->conn);
    return rc;
}

int arc_sqlite_payment_update(arc_store *store, const struct arc_payment *payment)
{
    static const char SQL[] = "UPDATE payments SET applied = ?2, reversed_on = ?3,"
                              " reversal_reason = ?4 WHERE id = ?1";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);

    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_int64(stmt, 1, payment->id);
    sqlite3_bind_int64(stmt, 2, payment->applied);
    arc_sqlite_bind_date(stmt, 3, payment->reversed_on);
    arc_sqlite_bind_text(stmt, 4, payment->reversal_reason);
    return arc_sqlite_exec_stmt(store, stmt, "payment");
}

int arc_sqlite_payment_get(arc_store *store, arc_id id, struct arc_payment *out)
{
    static const char SQL[] = "SELECT " PAYMENT_COLUMNS " FROM payments WHERE id = ?1";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);
    int rc;

    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_int64(stmt, 1, id);
    rc = arc_sqlite_fetch_one(store, stmt, out, read_payment, "payment");
    if (rc == ARC_ENOTFOUND)
        return arc_fail(ARC_ENOTFOUND, "payment %lld: not found", (long long)id);
    return rc;
}

int arc_sqlite_payment_get_by_key(arc_store *store, const char *idempotency_key,
                                  struct arc_payment *out)
{
    static const char SQL[] =
        "SELECT " PAYMENT_COLUMNS " FROM payments WHERE idempotency_key = ?1";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);
    int rc;

    if (stmt == NULL)
        return arc_error_last_code();
    arc_sqlite_bind_text(stmt, 1, idempotency_key);
    rc = arc_sqlite_fetch_one(store, stmt, out, read_payment, "payment");
    if (rc == ARC_ENOTFOUND)
        return arc_fail(ARC_ENOTFOUND, "payment with idempotency key \"%s\": not found",
                        idempotency_key);
    return rc;
}

int arc_sqlite_payment_list(arc_store *store, const struct arc_store_list *filter,
                            struct arc_payment_page *out)
{
    static const char ALL[] =
        "SELECT " PAYMENT_COLUMNS " FROM payments"
        " WHERE id > ?1 AND (?2 IS NULL OR (reversed_on IS NOT NULL) = ?2)"
        " ORDER BY id LIMIT ?3";
    static const char ONE_CUSTOMER[] =
        "SELECT " PAYMENT_COLUMNS " FROM payments WHERE customer_id = ?4 AND id > ?1"
        " AND (?2 IS NULL OR (reversed_on IS NOT NULL) = ?2) ORDER BY id LIMIT ?3";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, filter->customer_id ? ONE_CUSTOMER : ALL);

    if (stmt == NULL)
        return arc_error_last_code();
    arc_sqlite_bind_list(stmt, filter);
    if (filter->status >= 0)
        sqlite3_bind_int(stmt, 2, filter->status);
    return arc_sqlite_fetch_all(store, stmt, (void **)&out->items, &out->count,
                                sizeof(*out->items), read_payment, "payments");
}

int arc_sqlite_credit_memo_insert(arc_store *store, struct arc_credit_memo *memo)
{
    static const char SQL[] =
        "INSERT INTO credit_memos (number, customer_id, amount, currency, issue_date,"
        " reason, applied, voided_on, void_reason, created_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);
    int rc;

    if (stmt == NULL)
        return arc_error_last_code();
    arc_sqlite_bind_text(stmt, 1, memo->number);
    sqlite3_bind_int64(stmt, 2, memo->customer_id);
    sqlite3_bind_int64(stmt, 3, memo->amount);
    arc_sqlite_bind_text(stmt, 4, memo->currency);
    arc_sqlite_bind_date(stmt, 5, memo->issue_date);
    arc_sqlite_bind_text(stmt, 6, memo->reason);
    sqlite3_bind_int64(stmt, 7, memo->applied);
    arc_sqlite_bind_date(stmt, 8, memo->voided_on);
    arc_sqlite_bind_text(stmt, 9, memo->void_reason);
    arc_sqlite_bind_time(stmt, 10, memo->created_at);
    rc = arc_sqlite_exec_stmt(store, stmt, "credit memo");
    if (rc == ARC_EEXISTS)
        return arc_fail(ARC_EEXISTS, "credit memo %s: the number is already used",
                        memo->number);
    if (rc == ARC_OK)
        memo->id = sqlite3_last_insert_rowid(store->conn);
    return rc;
}

int arc_sqlite_credit_memo_update(arc_store *store, const struct arc_credit_memo *memo)
{
    static const char SQL[] = "UPDATE credit_memos SET applied = ?2, voided_on = ?3,"
                              " void_reason = ?4 WHERE id = ?1";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);

    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_int64(stmt, 1, memo->id);
    sqlite3_bind_int64(stmt, 2, memo->applied);
    arc_sqlite_bind_date(stmt, 3, memo->voided_on);
    arc_sqlite_bind_text(stmt, 4, memo->void_reason);
    return arc_sqlite_exec_stmt(store, stmt, "credit memo");
}

int arc_sqlite_credit_memo_get(arc_store *store, arc_id id, struct arc_credit_memo *out)
{
    static const char SQL[] =
        "SELECT " CREDIT_MEMO_COLUMNS " FROM credit_memos WHERE id = ?1";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);
    int rc;

    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_int64(stmt, 1, id);
    rc = arc_sqlite_fetch_one(store, stmt, out, read_credit_memo, "credit memo");
    if (rc == ARC_ENOTFOUND)
        return arc_fail(ARC_ENOTFOUND, "credit memo %lld: not found", (long long)id);
    return rc;
}

int arc_sqlite_credit_memo_list(arc_store *store, const struct arc_store_list *filter,
                                struct arc_credit_memo_page *out)
{
    static const char ALL[] =
        "SELECT " CREDIT_MEMO_COLUMNS " FROM credit_memos"
        " WHERE id > ?1 AND (?2 IS NULL OR (voided_on IS NOT NULL) = ?2)"
        " ORDER BY id LIMIT ?3";
    static const char ONE_CUSTOMER[] =
        "SELECT " CREDIT_MEMO_COLUMNS
        " FROM credit_memos WHERE customer_id = ?4 AND id > ?1"
        " AND (?2 IS NULL OR (voided_on IS NOT NULL) = ?2) ORDER BY id LIMIT ?3";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, filter->customer_id ? ONE_CUSTOMER : ALL);

    if (stmt == NULL)
        return arc_error_last_code();
    arc_sqlite_bind_list(stmt, filter);
    if (filter->status >= 0)
        sqlite3_bind_int(stmt, 2, filter->status);
    return arc_sqlite_fetch_all(store, stmt, (void **)&out->items, &out->count,
                                sizeof(*out->items), read_credit_memo, "credit memos");
}

int arc_sqlite_application_insert(arc_store *store, struct arc_application *application)
{
    static const char SQL[] =
        "INSERT INTO applications (invoice_id, kind, payment_id, credit_memo_id, amount,"
        " applied_on, reversed_on, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);
    arc_id payment_id = 0, credit_memo_id = 0;
    int rc;

    if (stmt == NULL)
        return arc_error_last_code();
    if (application->kind == ARC_APPLICATION_PAYMENT)
        payment_id = application->source_id;
    else if (application->kind == ARC_APPLICATION_CREDIT_MEMO)
        credit_memo_id = application->source_id;

    sqlite3_bind_int64(stmt, 1, application->invoice_id);
    arc_sqlite_bind_text(stmt, 2, arc_application_kind_name(application->kind));
    arc_sqlite_bind_id(stmt, 3, payment_id);
    arc_sqlite_bind_id(stmt, 4, credit_memo_id);
    sqlite3_bind_int64(stmt, 5, application->amount);
    arc_sqlite_bind_date(stmt, 6, application->applied_on);
    arc_sqlite_bind_date(stmt, 7, application->reversed_on);
    arc_sqlite_bind_time(stmt, 8, application->created_at);
    rc = arc_sqlite_exec_stmt(store, stmt, "application");
    if (rc == ARC_OK)
        application->id = sqlite3_last_insert_rowid(store->conn);
    return rc;
}

int arc_sqlite_application_set_reversed(arc_store *store, arc_id id, arc_date reversed_on)
{
    static const char SQL[] = "UPDATE applications SET reversed_on = ?2 WHERE id = ?1";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);

    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_int64(stmt, 1, id);
    arc_sqlite_bind_date(stmt, 2, reversed_on);
    return arc_sqlite_exec_stmt(store, stmt, "application");
}

int arc_sqlite_application_list_for(arc_store *store, int kind, arc_id owner_id,
                                    struct arc_application_page *out)
{
    static const char BY_INVOICE[] =
        "SELECT " ARC_SQLITE_APPLICATION_COLUMNS " FROM applications"
        " WHERE invoice_id = ?1 ORDER BY id";
    static const char BY_PAYMENT[] =
        "SELECT " ARC_SQLITE_APPLICATION_COLUMNS " FROM applications"
        " WHERE payment_id = ?1 ORDER BY id";
    static const char BY_MEMO[] =
        "SELECT " ARC_SQLITE_APPLICATION_COLUMNS " FROM applications"
        " WHERE credit_memo_id = ?1 ORDER BY id";
    const char *sql = kind == ARC_APPLICATION_PAYMENT       ? BY_PAYMENT
                      : kind == ARC_APPLICATION_CREDIT_MEMO ? BY_MEMO
                                                            : BY_INVOICE;
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, sql);

    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_int64(stmt, 1, owner_id);
    return arc_sqlite_fetch_all(store, stmt, (void **)&out->items, &out->count,
                                sizeof(*out->items), arc_sqlite_read_application,
                                "applications");
}
