/*
 * Payments: recording (idempotently), applying, reversing.
 */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "credit_source.h"
#include "util.h"

#define REFERENCE_MAX 128

static int check_payment_opts(const arc_payment_opts *opts)
{
    int rc;

    if (opts == NULL)
        return arc_fail(ARC_EINVAL, "payment: options must not be NULL");
    if (opts->version != ARC_PAYMENT_OPTS_VERSION)
        return arc_fail(ARC_EVERSION, "payment options: version %u is not supported",
                        opts->version);
    if (opts->amount <= 0)
        return arc_fail(ARC_EINVAL, "payment: amount: must be positive, not %lld",
                        (long long)opts->amount);
    if (opts->currency != NULL && arc_currency_lookup(NULL, opts->currency) != ARC_OK)
        return arc_fail_context(ARC_EINVAL, "payment: ");
    if (arc_payment_method_name(opts->method) == NULL)
        return arc_fail(ARC_EINVAL, "payment: method: unknown value %d",
                        (int)opts->method);
    if (opts->received_on != ARC_DATE_NONE &&
        arc_date_to_ymd(NULL, NULL, NULL, opts->received_on) != ARC_OK)
        return arc_fail(ARC_EINVAL, "payment: received_on: not a valid date");
    if (opts->flags & ~(unsigned int)ARC_PAYMENT_AUTO_APPLY)
        return arc_fail(ARC_EINVAL, "payment: flags: unknown bits 0x%x", opts->flags);

    rc = arc_check_text("payment", "reference", opts->reference, REFERENCE_MAX, false);
    if (rc == ARC_OK)
        rc = arc_check_text("payment", "idempotency_key", opts->idempotency_key,
                            ARC_IDEMPOTENCY_KEY_MAX, false);
    if (rc == ARC_OK && opts->idempotency_key != NULL && *opts->idempotency_key == '\0')
        rc = arc_fail(ARC_EINVAL, "payment: idempotency_key: must not be empty");
    return rc;
}

/* A retry with a known key: the original payment if the details match. */
static int match_retry(const struct arc_payment *original,
                       const struct arc_payment *retry)
{
    if (original->customer_id != retry->customer_id ||
        original->amount != retry->amount ||
        strcmp(original->currency, retry->currency) != 0)
        return arc_fail(ARC_ECONFLICT,
                        "payment: idempotency key \"%s\" was used for payment %lld with"
                        " other details",
                        retry->idempotency_key, (long long)original->id);
    return ARC_OK;
}

static int record_in_scope(arc_db *db, struct arc_payment *payment, unsigned int flags)
{
    struct arc_customer_terms customer;
    struct arc_payment original = { 0 };
    struct arc_credit_source source;
    int rc = arc_store_customer_terms(db, payment->customer_id, &customer);

    if (rc != ARC_OK)
        return arc_fail_context(rc, "payment: ");
    if (payment->currency[0] == '\0')
        memcpy(payment->currency, customer.currency, 4);

    if (payment->idempotency_key != NULL) {
        rc = db->ops->payment_get_by_key(db->store, payment->idempotency_key, &original);
        if (rc == ARC_OK) {
            rc = match_retry(&original, payment);
            payment->id = original.id;
            arc_payment_clear(&original);
            return rc;
        }
        if (rc != ARC_ENOTFOUND)
            return rc;
    }

    rc = db->ops->payment_insert(db->store, payment);
    if (rc == ARC_OK) {
        struct arc_event event = arc_event_about(ARC_EVENT_PAYMENT_RECEIVED, payment->id,
                                                 payment->customer_id);

        arc_event_set_amount(&event, payment->amount, payment->currency);
        event.detail = payment->reference;
        rc = arc_event_emit(db, &event);
    }
    if (rc != ARC_OK || !(flags & ARC_PAYMENT_AUTO_APPLY))
        return rc;

    arc_credit_source_of_payment(&source, payment);
    rc = arc_settle_apply_auto(db, &source, NULL);
    payment->applied = source.applied;
    if (rc == ARC_OK)
        rc = db->ops->payment_update(db->store, payment);
    return rc;
}

int arc_payment_record(arc_id *out, arc_db *db, const arc_payment_opts *opts)
{
    struct arc_payment payment = { 0 };
    int rc;

    ARC_CHECK_DB(db);
    rc = check_payment_opts(opts);
    if (rc != ARC_OK)
        return rc;

    /* The record borrows the caller's strings. */
    payment.customer_id = opts->customer_id;
    payment.amount = opts->amount;
    if (opts->currency != NULL)
        memcpy(payment.currency, opts->currency, 4);
    payment.method = opts->method;
    payment.received_on = arc_date_or_today(db, opts->received_on);
    payment.reference = (char *)opts->reference;
    payment.idempotency_key = (char *)opts->idempotency_key;
    payment.reversed_on = ARC_DATE_NONE;
    payment.created_at = arc_db_now(db);

    rc = arc_write_begin_checked(db);
    if (rc != ARC_OK)
        return rc;
    rc = arc_write_end(db, record_in_scope(db, &payment, opts->flags));
    if (rc == ARC_OK && out != NULL)
        *out = payment.id;
    return rc;
}

int arc_payment_apply(arc_db *db, arc_id payment_id, arc_id invoice_id, int64_t amount,
                      arc_date applied_on)
{
    return arc_credit_source_apply(db, ARC_APPLICATION_PAYMENT, payment_id, invoice_id,
                                   amount, applied_on);
}

int arc_payment_apply_auto(int64_t *applied, arc_db *db, arc_id payment_id)
{
    return arc_credit_source_apply_auto(applied, db, ARC_APPLICATION_PAYMENT, payment_id);
}

int arc_payment_reverse(arc_db *db, arc_id payment_id, arc_date reversed_on,
                        const char *reason)
{
    return arc_credit_source_withdraw(db, ARC_APPLICATION_PAYMENT, payment_id,
                                      reversed_on, reason);
}
