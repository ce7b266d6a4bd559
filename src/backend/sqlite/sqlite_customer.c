/*
 * Customers and contacts in the SQLite book.
 */
#include <stdlib.h>

#include "error.h"
#include "sqlite_internal.h"

#define CUSTOMER_COLUMNS                                                                 \
    "id, reference, name, billing_email, phone, currency, payment_terms_days,"           \
    " credit_limit, owner, status, created_at, updated_at"

static int bind_customer(sqlite3_stmt *stmt, const struct arc_customer *customer)
{
    arc_sqlite_bind_text(stmt, 1, customer->reference);
    arc_sqlite_bind_text(stmt, 2, customer->name);
    arc_sqlite_bind_text(stmt, 3, customer->billing_email);
    arc_sqlite_bind_text(stmt, 4, customer->phone);
    arc_sqlite_bind_text(stmt, 5, customer->currency);
    sqlite3_bind_int(stmt, 6, customer->payment_terms_days);
    sqlite3_bind_int64(stmt, 7, customer->credit_limit);
    arc_sqlite_bind_text(stmt, 8, customer->owner);
    arc_sqlite_bind_text(stmt, 9, arc_customer_status_name(customer->status));
    arc_sqlite_bind_time(stmt, 10, customer->created_at);
    return arc_sqlite_bind_time(stmt, 11, customer->updated_at);
}

static int read_customer(sqlite3_stmt *stmt, void *record)
{
    struct arc_customer *out = record;
    int rc = ARC_OK;

    out->id = sqlite3_column_int64(stmt, 0);
    out->reference = arc_sqlite_column_text_dup(stmt, 1, &rc);
    out->name = arc_sqlite_column_text_dup(stmt, 2, &rc);
    out->billing_email = arc_sqlite_column_text_dup(stmt, 3, &rc);
    out->phone = arc_sqlite_column_text_dup(stmt, 4, &rc);
    arc_sqlite_column_currency(stmt, 5, out->currency);
    out->payment_terms_days = sqlite3_column_int(stmt, 6);
    out->credit_limit = sqlite3_column_int64(stmt, 7);
    out->owner = arc_sqlite_column_text_dup(stmt, 8, &rc);
    out->status = (arc_customer_status)arc_parse_customer_status(
        (const char *)sqlite3_column_text(stmt, 9));
    out->created_at = arc_sqlite_column_time(stmt, 10);
    out->updated_at = arc_sqlite_column_time(stmt, 11);
    if (rc != ARC_OK)
        arc_customer_clear(out);
    return rc;
}

int arc_sqlite_customer_insert(arc_store *store, struct arc_customer *customer)
{
    static const char SQL[] =
        "INSERT INTO customers (reference, name, billing_email, phone, currency,"
        " payment_terms_days, credit_limit, owner, status, created_at, updated_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);
    int rc;

    if (stmt == NULL)
        return arc_error_last_code();
    bind_customer(stmt, customer);
    rc = arc_sqlite_exec_stmt(store, stmt, "customer");
    if (rc == ARC_EEXISTS)
        return arc_fail(ARC_EEXISTS, "customer: reference \"%s\" is already used",
                        customer->reference);
    if (rc == ARC_OK)
        customer->id = sqlite3_last_insert_rowid(store->conn);
    return rc;
}

int arc_sqlite_customer_update(arc_store *store, const struct arc_customer *customer)
{
    static const char SQL[] =
        "UPDATE customers SET reference = ?1, name = ?2, billing_email = ?3, phone = ?4,"
        " currency = ?5, payment_terms_days = ?6, credit_limit = ?7, owner = ?8,"
        " status = ?9, created_at = ?10, updated_at = ?11 WHERE id = ?12";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);
    int rc;

    if (stmt == NULL)
        return arc_error_last_code();
    bind_customer(stmt, customer);
    sqlite3_bind_int64(stmt, 12, customer->id);
    rc = arc_sqlite_exec_stmt(store, stmt, "customer");
    if (rc == ARC_EEXISTS)
        return arc_fail(ARC_EEXISTS, "customer %lld: reference \"%s\" is already used",
                        (long long)customer->id, customer->reference);
    if (rc == ARC_OK && sqlite3_changes(store->conn) == 0)
        return arc_fail(ARC_ENOTFOUND, "customer %lld: not found",
                        (long long)customer->id);
    return rc;
}

int arc_sqlite_customer_get(arc_store *store, arc_id id, struct arc_customer *out)
{
    static const char SQL[] = "SELECT " CUSTOMER_COLUMNS " FROM customers WHERE id = ?1";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);
    int rc;

    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_int64(stmt, 1, id);
    rc = arc_sqlite_fetch_one(store, stmt, out, read_customer, "customer");
    if (rc == ARC_ENOTFOUND)
        return arc_fail(ARC_ENOTFOUND, "customer %lld: not found", (long long)id);
    return rc;
}

static int read_terms(sqlite3_stmt *stmt, void *record)
{
    struct arc_customer_terms *out = record;

    arc_sqlite_column_currency(stmt, 0, out->currency);
    out->payment_terms_days = sqlite3_column_int(stmt, 1);
    out->status = (arc_customer_status)arc_parse_customer_status(
        (const char *)sqlite3_column_text(stmt, 2));
    return ARC_OK;
}

int arc_sqlite_customer_terms(arc_store *store, arc_id id, struct arc_customer_terms *out)
{
    static const char SQL[] =
        "SELECT currency, payment_terms_days, status FROM customers WHERE id = ?1";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);
    int rc;

    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_int64(stmt, 1, id);
    rc = arc_sqlite_fetch_one(store, stmt, out, read_terms, "customer");
    if (rc == ARC_ENOTFOUND)
        return arc_fail(ARC_ENOTFOUND, "customer %lld: not found", (long long)id);
    return rc;
}

int arc_sqlite_customer_get_by_reference(arc_store *store, const char *reference,
                                         struct arc_customer *out)
{
    static const char SQL[] =
        "SELECT " CUSTOMER_COLUMNS " FROM customers WHERE reference = ?1";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);
    int rc;

    if (stmt == NULL)
        return arc_error_last_code();
    arc_sqlite_bind_text(stmt, 1, reference);
    rc = arc_sqlite_fetch_one(store, stmt, out, read_customer, "customer");
    if (rc == ARC_ENOTFOUND)
        return arc_fail(ARC_ENOTFOUND, "customer \"%s\": not found", reference);
    return rc;
}

int arc_sqlite_customer_list(arc_store *store, const struct arc_store_list *filter,
                             struct arc_customer_page *out)
{
    static const char SQL[] = "SELECT " CUSTOMER_COLUMNS " FROM customers"
                              " WHERE id > ?1 AND (?2 IS NULL OR status = ?2)"
                              " ORDER BY id LIMIT ?3";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);

    if (stmt == NULL)
        return arc_error_last_code();
    arc_sqlite_bind_list(stmt, filter);
    if (filter->status >= 0)
        arc_sqlite_bind_text(stmt, 2, arc_customer_status_name(filter->status));
    return arc_sqlite_fetch_all(store, stmt, (void **)&out->items, &out->count,
                                sizeof(*out->items), read_customer, "customers");
}

static int read_contact(sqlite3_stmt *stmt, void *record)
{
    struct arc_contact *out = record;
    int rc = ARC_OK;

    out->id = sqlite3_column_int64(stmt, 0);
    out->customer_id = sqlite3_column_int64(stmt, 1);
    out->name = arc_sqlite_column_text_dup(stmt, 2, &rc);
    out->role = arc_sqlite_column_text_dup(stmt, 3, &rc);
    out->email = arc_sqlite_column_text_dup(stmt, 4, &rc);
    out->phone = arc_sqlite_column_text_dup(stmt, 5, &rc);
    out->created_at = arc_sqlite_column_time(stmt, 6);
    if (rc != ARC_OK)
        arc_contact_clear(out);
    return rc;
}

int arc_sqlite_contact_insert(arc_store *store, struct arc_contact *contact)
{
    static const char SQL[] =
        "INSERT INTO contacts (customer_id, name, role, email, phone, created_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);
    int rc;

    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_int64(stmt, 1, contact->customer_id);
    arc_sqlite_bind_text(stmt, 2, contact->name);
    arc_sqlite_bind_text(stmt, 3, contact->role);
    arc_sqlite_bind_text(stmt, 4, contact->email);
    arc_sqlite_bind_text(stmt, 5, contact->phone);
    arc_sqlite_bind_time(stmt, 6, contact->created_at);
    rc = arc_sqlite_exec_stmt(store, stmt, "contact");
    if (rc == ARC_OK)
        contact->id = sqlite3_last_insert_rowid(store->conn);
    return rc;
}

int arc_sqlite_contact_delete(arc_store *store, arc_id id)
{
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, "DELETE FROM contacts WHERE id = ?1");
    int rc;

    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_int64(stmt, 1, id);
    rc = arc_sqlite_exec_stmt(store, stmt, "contact");
    if (rc == ARC_OK && sqlite3_changes(store->conn) == 0)
        return arc_fail(ARC_ENOTFOUND, "contact %lld: not found", (long long)id);
    return rc;
}

int arc_sqlite_contact_list(arc_store *store, arc_id customer_id,
                            struct arc_contact_page *out)
{
    static const char SQL[] =
        "SELECT id, customer_id, name, role, email, phone, created_at"
        " FROM contacts WHERE customer_id = ?1 ORDER BY id";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);

    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_int64(stmt, 1, customer_id);
    return arc_sqlite_fetch_all(store, stmt, (void **)&out->items, &out->count,
                                sizeof(*out->items), read_contact, "contacts");
}
