/*
 * Customers and contacts in the PostgreSQL book.
 */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "pg_internal.h"

#define CUSTOMER_COLUMNS                                                                 \
    "id, reference, name, billing_email, phone, currency, payment_terms_days,"           \
    " credit_limit, owner, status, created_at, updated_at"

/* $2 to $12: every column but the book and the id, in CUSTOMER_COLUMNS order. */
static void param_customer(struct arc_pg_params *params,
                           const struct arc_customer *customer)
{
    arc_pg_param_text(params, customer->reference);
    arc_pg_param_text(params, customer->name);
    arc_pg_param_text(params, customer->billing_email);
    arc_pg_param_text(params, customer->phone);
    arc_pg_param_text(params, customer->currency);
    arc_pg_param_int(params, customer->payment_terms_days);
    arc_pg_param_int(params, customer->credit_limit);
    arc_pg_param_text(params, customer->owner);
    arc_pg_param_text(params, arc_customer_status_name(customer->status));
    arc_pg_param_time(params, customer->created_at);
    arc_pg_param_time(params, customer->updated_at);
}

static int read_customer(const PGresult *res, int row, void *record)
{
    struct arc_customer *out = record;
    int rc = ARC_OK;

    out->id = arc_pg_int(res, row, 0);
    out->reference = arc_pg_text_dup(res, row, 1, &rc);
    out->name = arc_pg_text_dup(res, row, 2, &rc);
    out->billing_email = arc_pg_text_dup(res, row, 3, &rc);
    out->phone = arc_pg_text_dup(res, row, 4, &rc);
    arc_pg_currency(res, row, 5, out->currency);
    out->payment_terms_days = (int)arc_pg_int(res, row, 6);
    out->credit_limit = arc_pg_int(res, row, 7);
    out->owner = arc_pg_text_dup(res, row, 8, &rc);
    out->status = (arc_customer_status)arc_parse_customer_status(PQgetvalue(res, row, 9));
    out->created_at = arc_pg_time(res, row, 10);
    out->updated_at = arc_pg_time(res, row, 11);
    if (rc != ARC_OK)
        arc_customer_clear(out);
    return rc;
}

static void remember_terms(arc_store *store, const struct arc_customer *customer)
{
    struct arc_customer_terms terms;

    memcpy(terms.currency, customer->currency, sizeof(terms.currency));
    terms.payment_terms_days = customer->payment_terms_days;
    terms.status = customer->status;
    arc_pg_terms_remember(store, customer->id, &terms);
}

int arc_pg_customer_insert(arc_store *store, struct arc_customer *customer)
{
    /* A taken reference inserts nothing rather than failing, so that the
     * caller's transaction stays usable, as it does on SQLite. */
    static const char SQL[] =
        "INSERT INTO arcollect.customers (book, reference, name, billing_email, phone,"
        " currency, payment_terms_days, credit_limit, owner, status, created_at,"
        " updated_at, id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"
        " ON CONFLICT DO NOTHING";
    struct arc_pg_params params;
    int64_t inserted = 0;
    arc_id id;
    int rc = arc_pg_next_id(store, ARC_PG_ID_CUSTOMER, &id, "customer");

    if (rc != ARC_OK)
        return rc;
    arc_pg_params_init(&params, store);
    param_customer(&params, customer);
    arc_pg_param_int(&params, id);
    rc = arc_pg_command(store, SQL, &params, "customer", &inserted);
    if (rc == ARC_OK && inserted == 0)
        return arc_fail(ARC_EEXISTS, "customer: reference \"%s\" is already used",
                        customer->reference);
    if (rc == ARC_OK) {
        customer->id = id;
        remember_terms(store, customer);
        rc = arc_pg_stats_grew(store, ARC_PG_GROWN_CUSTOMERS, 1);
    }
    return rc;
}

static int customer_exists(arc_store *store, arc_id id, bool *exists)
{
    static const char SQL[] =
        "SELECT count(*) FROM arcollect.customers WHERE book = $1 AND id = $2";
    struct arc_pg_params params;
    int64_t count = 0;
    int rc;

    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, id);
    rc = arc_pg_sum_one(store, SQL, &params, &count, "customer");
    *exists = count > 0;
    return rc;
}

int arc_pg_customer_update(arc_store *store, const struct arc_customer *customer)
{
    static const char SQL[] =
        "UPDATE arcollect.customers SET reference = $2, name = $3, billing_email = $4,"
        " phone = $5, currency = $6, payment_terms_days = $7, credit_limit = $8,"
        " owner = $9, status = $10, created_at = $11, updated_at = $12"
        " WHERE book = $1 AND id = $13 AND NOT EXISTS (SELECT 1 FROM arcollect.customers"
        "   o WHERE o.book = $1 AND o.reference = $2 AND o.id <> $13)";
    struct arc_pg_params params;
    int64_t updated = 0;
    bool exists = false;
    int rc;

    arc_pg_params_init(&params, store);
    param_customer(&params, customer);
    arc_pg_param_int(&params, customer->id);
    rc = arc_pg_command(store, SQL, &params, "customer", &updated);
    if (rc == ARC_OK && updated == 0) {
        rc = customer_exists(store, customer->id, &exists);
        if (rc == ARC_OK && !exists)
            return arc_fail(ARC_ENOTFOUND, "customer %lld: not found",
                            (long long)customer->id);
        if (rc == ARC_OK)
            return arc_fail(ARC_EEXISTS,
                            "customer %lld: reference \"%s\" is already used",
                            (long long)customer->id, customer->reference);
    }
    if (rc == ARC_OK)
        remember_terms(store, customer);
    return rc;
}

int arc_pg_customer_get(arc_store *store, arc_id id, struct arc_customer *out)
{
    static const char SQL[] = "SELECT " CUSTOMER_COLUMNS
                              " FROM arcollect.customers WHERE book = $1 AND id = $2";
    struct arc_pg_params params;
    int rc;

    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, id);
    rc = arc_pg_fetch_one(store, SQL, &params, out, read_customer, "customer");
    if (rc == ARC_ENOTFOUND)
        return arc_fail(ARC_ENOTFOUND, "customer %lld: not found", (long long)id);
    return rc;
}

static void read_terms_row(const PGresult *res, int row, struct arc_customer_terms *out)
{
    arc_pg_currency(res, row, 1, out->currency);
    out->payment_terms_days = (int)arc_pg_int(res, row, 2);
    out->status = (arc_customer_status)arc_parse_customer_status(PQgetvalue(res, row, 3));
}

/*
 * While writing, terms are read a run of customers at a time and kept:
 * invoicing a book's customers in turn then costs one round trip per run
 * instead of one per invoice.
 */
static int load_terms(arc_store *store, arc_id id)
{
    static const char SQL[] =
        "SELECT id, currency, payment_terms_days, status FROM arcollect.customers"
        " WHERE book = $1 AND id >= $2 ORDER BY id LIMIT 512";
    struct arc_pg_params params;
    struct arc_customer_terms terms;
    PGresult *res;

    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, id);
    res = arc_pg_query_direct(store, SQL, &params, "customer");
    if (res == NULL)
        return arc_error_last_code();
    for (int row = 0; row < PQntuples(res); row++) {
        read_terms_row(res, row, &terms);
        arc_pg_terms_remember(store, arc_pg_int(res, row, 0), &terms);
    }
    PQclear(res);
    return ARC_OK;
}

static int read_terms(const PGresult *res, int row, void *record)
{
    read_terms_row(res, row, record);
    return ARC_OK;
}

int arc_pg_customer_terms(arc_store *store, arc_id id, struct arc_customer_terms *out)
{
    static const char SQL[] =
        "SELECT id, currency, payment_terms_days, status FROM arcollect.customers"
        " WHERE book = $1 AND id = $2";
    struct arc_pg_params params;
    int rc;

    if (arc_pg_terms_lookup(store, id, out))
        return ARC_OK;
    if (store->writing && store->caches.valid) {
        rc = load_terms(store, id);
        if (rc != ARC_OK)
            return rc;
        if (arc_pg_terms_lookup(store, id, out))
            return ARC_OK;
    }

    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, id);
    rc = arc_pg_fetch_one(store, SQL, &params, out, read_terms, "customer");
    if (rc == ARC_ENOTFOUND)
        return arc_fail(ARC_ENOTFOUND, "customer %lld: not found", (long long)id);
    return rc;
}

int arc_pg_customer_get_by_reference(arc_store *store, const char *reference,
                                     struct arc_customer *out)
{
    static const char SQL[] =
        "SELECT " CUSTOMER_COLUMNS
        " FROM arcollect.customers WHERE book = $1 AND reference = $2";
    struct arc_pg_params params;
    int rc;

    arc_pg_params_init(&params, store);
    arc_pg_param_text(&params, reference);
    rc = arc_pg_fetch_one(store, SQL, &params, out, read_customer, "customer");
    if (rc == ARC_ENOTFOUND)
        return arc_fail(ARC_ENOTFOUND, "customer \"%s\": not found", reference);
    return rc;
}

int arc_pg_customer_list(arc_store *store, const struct arc_store_list *filter,
                         struct arc_customer_page *out)
{
    static const char SQL[] =
        "SELECT " CUSTOMER_COLUMNS " FROM arcollect.customers"
        " WHERE book = $1 AND id > $2"
        " AND ($3::text IS NULL OR status = $3) ORDER BY id LIMIT $4";
    struct arc_pg_params params;

    arc_pg_params_list(&params, store, filter,
                       filter->status >= 0 ? arc_customer_status_name(filter->status)
                                           : NULL);
    return arc_pg_fetch_all(store, SQL, &params, (void **)&out->items, &out->count,
                            sizeof(*out->items), read_customer, "customers");
}

static int read_contact(const PGresult *res, int row, void *record)
{
    struct arc_contact *out = record;
    int rc = ARC_OK;

    out->id = arc_pg_int(res, row, 0);
    out->customer_id = arc_pg_int(res, row, 1);
    out->name = arc_pg_text_dup(res, row, 2, &rc);
    out->role = arc_pg_text_dup(res, row, 3, &rc);
    out->email = arc_pg_text_dup(res, row, 4, &rc);
    out->phone = arc_pg_text_dup(res, row, 5, &rc);
    out->created_at = arc_pg_time(res, row, 6);
    if (rc != ARC_OK)
        arc_contact_clear(out);
    return rc;
}

int arc_pg_contact_insert(arc_store *store, struct arc_contact *contact)
{
    static const char SQL[] =
        "INSERT INTO arcollect.contacts (book, id, customer_id, name, role, email, phone,"
        " created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
    struct arc_pg_params params;
    arc_id id;
    int rc = arc_pg_next_id(store, ARC_PG_ID_CONTACT, &id, "contact");

    if (rc != ARC_OK)
        return rc;
    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, id);
    arc_pg_param_int(&params, contact->customer_id);
    arc_pg_param_text(&params, contact->name);
    arc_pg_param_text(&params, contact->role);
    arc_pg_param_text(&params, contact->email);
    arc_pg_param_text(&params, contact->phone);
    arc_pg_param_time(&params, contact->created_at);
    rc = arc_pg_command(store, SQL, &params, "contact", NULL);
    if (rc == ARC_OK)
        contact->id = id;
    return rc;
}

int arc_pg_contact_delete(arc_store *store, arc_id id)
{
    static const char SQL[] =
        "DELETE FROM arcollect.contacts WHERE book = $1 AND id = $2";
    struct arc_pg_params params;
    int64_t deleted = 0;
    int rc;

    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, id);
    rc = arc_pg_command(store, SQL, &params, "contact", &deleted);
    if (rc == ARC_OK && deleted == 0)
        return arc_fail(ARC_ENOTFOUND, "contact %lld: not found", (long long)id);
    return rc;
}

int arc_pg_contact_list(arc_store *store, arc_id customer_id,
                        struct arc_contact_page *out)
{
    static const char SQL[] =
        "SELECT id, customer_id, name, role, email, phone, created_at"
        " FROM arcollect.contacts WHERE book = $1 AND customer_id = $2 ORDER BY id";
    struct arc_pg_params params;

    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, customer_id);
    return arc_pg_fetch_all(store, SQL, &params, (void **)&out->items, &out->count,
                            sizeof(*out->items), read_contact, "contacts");
}
