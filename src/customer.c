/*
 * Customers: validation, creation, updates, lookups, lists and balances.
 */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "error.h"
#include "util.h"

#define REFERENCE_MAX  128
#define NAME_MAX_BYTES 256
#define EMAIL_MAX      254
#define PHONE_MAX      64
#define OWNER_MAX      128
#define TERMS_MAX_DAYS 3650

int arc_customer_opts_init(arc_customer_opts *opts, unsigned int version)
{
    const arc_customer_opts defaults = ARC_CUSTOMER_OPTS_INIT;

    if (opts == NULL)
        return arc_fail(ARC_EINVAL, "customer options: must not be NULL");
    if (version != ARC_CUSTOMER_OPTS_VERSION)
        return arc_fail(ARC_EVERSION, "customer options: version %u is not supported",
                        version);
    *opts = defaults;
    return ARC_OK;
}

static bool selected(unsigned int fields, unsigned int field)
{
    return (fields & field) != 0;
}

static int check_email(const char *email)
{
    int rc = arc_check_text("customer", "billing_email", email, EMAIL_MAX, false);

    if (rc != ARC_OK || email == NULL || *email == '\0')
        return rc;
    if (strchr(email, '@') == NULL || strpbrk(email, " \t\r\n") != NULL)
        return arc_fail(ARC_EINVAL, "customer: billing_email: \"%s\" is not an address",
                        email);
    return ARC_OK;
}

/* Check the members of @p opts that @p fields selects. */
static int check_fields(const arc_customer_opts *opts, unsigned int fields)
{
    int rc = ARC_OK;

    if (selected(fields, ARC_CUSTOMER_FIELD_REFERENCE))
        rc =
            arc_check_text("customer", "reference", opts->reference, REFERENCE_MAX, true);
    if (rc == ARC_OK && selected(fields, ARC_CUSTOMER_FIELD_NAME))
        rc = arc_check_text("customer", "name", opts->name, NAME_MAX_BYTES, true);
    if (rc == ARC_OK && selected(fields, ARC_CUSTOMER_FIELD_BILLING_EMAIL))
        rc = check_email(opts->billing_email);
    if (rc == ARC_OK && selected(fields, ARC_CUSTOMER_FIELD_PHONE))
        rc = arc_check_text("customer", "phone", opts->phone, PHONE_MAX, false);
    if (rc == ARC_OK && selected(fields, ARC_CUSTOMER_FIELD_OWNER))
        rc = arc_check_text("customer", "owner", opts->owner, OWNER_MAX, false);
    if (rc != ARC_OK)
        return rc;

    if (selected(fields, ARC_CUSTOMER_FIELD_PAYMENT_TERMS) &&
        (opts->payment_terms_days < 0 || opts->payment_terms_days > TERMS_MAX_DAYS))
        return arc_fail(ARC_EINVAL,
                        "customer: payment_terms_days: must be 0 to %d, not %d",
                        TERMS_MAX_DAYS, opts->payment_terms_days);
    if (selected(fields, ARC_CUSTOMER_FIELD_CREDIT_LIMIT) && opts->credit_limit < 0)
        return arc_fail(ARC_EINVAL, "customer: credit_limit: must not be negative");
    if (selected(fields, ARC_CUSTOMER_FIELD_STATUS) &&
        arc_customer_status_name(opts->status) == NULL)
        return arc_fail(ARC_EINVAL, "customer: status: unknown value %d",
                        (int)opts->status);
    return ARC_OK;
}

static int replace_text(char **slot, const char *value)
{
    char *copy = NULL;

    if (value != NULL && *value != '\0') {
        copy = arc_strdup(value);
        if (copy == NULL)
            return arc_fail(ARC_ENOMEM, "customer: out of memory");
    }
    free(*slot);
    *slot = copy;
    return ARC_OK;
}

/* Copy the selected members of @p opts into @p customer. */
static int apply_fields(struct arc_customer *customer, const arc_customer_opts *opts,
                        unsigned int fields)
{
    int rc = ARC_OK;

    if (selected(fields, ARC_CUSTOMER_FIELD_REFERENCE))
        rc = replace_text(&customer->reference, opts->reference);
    if (rc == ARC_OK && selected(fields, ARC_CUSTOMER_FIELD_NAME))
        rc = replace_text(&customer->name, opts->name);
    if (rc == ARC_OK && selected(fields, ARC_CUSTOMER_FIELD_BILLING_EMAIL))
        rc = replace_text(&customer->billing_email, opts->billing_email);
    if (rc == ARC_OK && selected(fields, ARC_CUSTOMER_FIELD_PHONE))
        rc = replace_text(&customer->phone, opts->phone);
    if (rc == ARC_OK && selected(fields, ARC_CUSTOMER_FIELD_OWNER))
        rc = replace_text(&customer->owner, opts->owner);

    if (selected(fields, ARC_CUSTOMER_FIELD_PAYMENT_TERMS))
        customer->payment_terms_days = opts->payment_terms_days;
    if (selected(fields, ARC_CUSTOMER_FIELD_CREDIT_LIMIT))
        customer->credit_limit = opts->credit_limit;
    if (selected(fields, ARC_CUSTOMER_FIELD_STATUS))
        customer->status = opts->status;
    return rc;
}

static const unsigned int ALL_FIELDS =
    ARC_CUSTOMER_FIELD_REFERENCE | ARC_CUSTOMER_FIELD_NAME |
    ARC_CUSTOMER_FIELD_BILLING_EMAIL | ARC_CUSTOMER_FIELD_PHONE |
    ARC_CUSTOMER_FIELD_PAYMENT_TERMS | ARC_CUSTOMER_FIELD_CREDIT_LIMIT |
    ARC_CUSTOMER_FIELD_OWNER | ARC_CUSTOMER_FIELD_STATUS;

static int check_opts(const arc_customer_opts *opts)
{
    if (opts == NULL)
        return arc_fail(ARC_EINVAL, "customer: options must not be NULL");
    if (opts->version != ARC_CUSTOMER_OPTS_VERSION)
        return arc_fail(ARC_EVERSION, "customer options: version %u is not supported",
                        opts->version);
    return ARC_OK;
}

static int insert_customer(arc_db *db, struct arc_customer *customer)
{
    struct arc_event event;
    int rc = db->ops->customer_insert(db->store, customer);

    if (rc != ARC_OK)
        return rc;
    event = arc_event_about(ARC_EVENT_CUSTOMER_CREATED, customer->id, customer->id);
    event.detail = customer->reference;
    return arc_event_emit(db, &event);
}

int arc_customer_create(arc_id *out, arc_db *db, const arc_customer_opts *opts)
{
    struct arc_customer customer = { 0 };
    int rc;

    ARC_CHECK_DB(db);
    rc = check_opts(opts);
    if (rc == ARC_OK)
        rc = check_fields(opts, ALL_FIELDS);
    if (rc == ARC_OK && opts->currency == NULL)
        rc = arc_fail(ARC_EINVAL, "customer %s: currency: required", opts->reference);
    if (rc == ARC_OK && arc_currency_lookup(NULL, opts->currency) != ARC_OK)
        rc = arc_fail_context(ARC_EINVAL, "customer %s: ", opts->reference);
    if (rc != ARC_OK)
        return rc;

    rc = apply_fields(&customer, opts, ALL_FIELDS);
    memcpy(customer.currency, opts->currency, 3);
    customer.created_at = customer.updated_at = arc_db_now(db);

    if (rc == ARC_OK)
        rc = arc_write_begin_checked(db);
    if (rc == ARC_OK)
        rc = arc_write_end(db, insert_customer(db, &customer));
    if (rc == ARC_OK && out != NULL)
        *out = customer.id;
    arc_customer_clear(&customer);
    return rc;
}

int arc_customer_update(arc_db *db, arc_id id, const arc_customer_opts *opts,
                        unsigned int fields)
{
    struct arc_customer customer = { 0 };
    int rc;

    ARC_CHECK_DB(db);
    rc = check_opts(opts);
    if (rc == ARC_OK && (fields & ~ALL_FIELDS))
        rc = arc_fail(ARC_EINVAL, "customer %lld: fields: unknown bits 0x%x",
                      (long long)id, fields & ~ALL_FIELDS);
    if (rc == ARC_OK)
        rc = check_fields(opts, fields);
    if (rc != ARC_OK)
        return rc;

    rc = arc_write_begin(db);
    if (rc != ARC_OK)
        return rc;
    rc = db->ops->customer_get(db->store, id, &customer);
    if (rc == ARC_OK)
        rc = apply_fields(&customer, opts, fields);
    if (rc == ARC_OK && fields != 0) {
        customer.updated_at = arc_db_now(db);
        rc = db->ops->customer_update(db->store, &customer);
        if (rc == ARC_OK) {
            struct arc_event event =
                arc_event_about(ARC_EVENT_CUSTOMER_UPDATED, customer.id, customer.id);

            rc = arc_event_emit(db, &event);
        }
    }
    arc_customer_clear(&customer);
    return arc_write_end(db, rc);
}

static int lookup(arc_customer **out, arc_db *db, arc_id id, const char *reference)
{
    struct arc_customer *customer;
    int rc;

    if (out == NULL)
        return arc_fail(ARC_EINVAL, "customer: out must not be NULL");
    ARC_CHECK_DB(db);
    customer = calloc(1, sizeof(*customer));
    if (customer == NULL)
        return arc_fail(ARC_ENOMEM, "customer: out of memory");

    rc = arc_read_begin(db);
    if (rc == ARC_OK) {
        rc = reference
                 ? db->ops->customer_get_by_reference(db->store, reference, customer)
                 : db->ops->customer_get(db->store, id, customer);
        rc = arc_read_end(db, rc);
    }
    if (rc != ARC_OK) {
        free(customer);
        return rc;
    }
    *out = customer;
    return ARC_OK;
}

int arc_customer_lookup(arc_customer **out, arc_db *db, arc_id id)
{
    return lookup(out, db, id, NULL);
}

int arc_customer_lookup_reference(arc_customer **out, arc_db *db, const char *reference)
{
    if (reference == NULL)
        return arc_fail(ARC_EINVAL, "customer: reference: required");
    return lookup(out, db, 0, reference);
}

void arc_customer_free(arc_customer *customer)
{
    if (customer == NULL)
        return;
    arc_customer_clear(customer);
    free(customer);
}

/* Resolve the currency a balance is asked in: the customer's by default. */
static int balance_currency(arc_db *db, arc_id customer_id, const char *currency,
                            arc_currency_code out)
{
    struct arc_customer_terms customer;
    int rc;

    if (currency != NULL && arc_currency_lookup(NULL, currency) != ARC_OK)
        return arc_fail_context(ARC_EINVAL, "customer %lld: ", (long long)customer_id);

    rc = arc_store_customer_terms(db, customer_id, &customer);
    if (rc != ARC_OK)
        return rc;
    memcpy(out, currency ? currency : customer.currency, 4);
    return ARC_OK;
}

typedef int (*sum_fn)(arc_db *db, arc_id customer_id, const char *currency, int64_t *out);

static int customer_sum(int64_t *out, arc_db *db, arc_id customer_id,
                        const char *currency, sum_fn sum)
{
    arc_currency_code code;
    int rc;

    if (out == NULL)
        return arc_fail(ARC_EINVAL, "customer balance: out must not be NULL");
    ARC_CHECK_DB(db);

    rc = arc_read_begin(db);
    if (rc != ARC_OK)
        return rc;
    rc = balance_currency(db, customer_id, currency, code);
    if (rc == ARC_OK)
        rc = sum(db, customer_id, code, out);
    return arc_read_end(db, rc);
}

int arc_customer_balance(int64_t *out, arc_db *db, arc_id customer_id,
                         const char *currency)
{
    return customer_sum(out, db, customer_id, currency, arc_store_sum_invoice_balances);
}

int arc_customer_unapplied_credit(int64_t *out, arc_db *db, arc_id customer_id,
                                  const char *currency)
{
    return customer_sum(out, db, customer_id, currency, arc_store_sum_unapplied_credit);
}
