/*
 * Reading payments: lookups, accessors and paged lists.
 */
#include <stdlib.h>

#include "db_internal.h"
#include "error.h"

int arc_payment_lookup(arc_payment **out, arc_db *db, arc_id id)
{
    struct arc_payment *payment;
    int rc;

    if (out == NULL)
        return arc_fail(ARC_EINVAL, "payment: out must not be NULL");
    ARC_CHECK_DB(db);
    payment = calloc(1, sizeof(*payment));
    if (payment == NULL)
        return arc_fail(ARC_ENOMEM, "payment: out of memory");

    rc = arc_read_begin(db);
    if (rc == ARC_OK)
        rc = arc_read_end(db, db->ops->payment_get(db->store, id, payment));
    if (rc != ARC_OK) {
        free(payment);
        return rc;
    }
    *out = payment;
    return ARC_OK;
}

void arc_payment_free(arc_payment *payment)
{
    if (payment == NULL)
        return;
    arc_payment_clear(payment);
    free(payment);
}

arc_id arc_payment_id(const arc_payment *payment)
{
    return payment ? payment->id : 0;
}

arc_id arc_payment_customer_id(const arc_payment *payment)
{
    return payment ? payment->customer_id : 0;
}

int64_t arc_payment_amount(const arc_payment *payment)
{
    return payment ? payment->amount : 0;
}

const char *arc_payment_currency(const arc_payment *payment)
{
    return payment ? payment->currency : NULL;
}

arc_payment_method arc_payment_method_of(const arc_payment *payment)
{
    return payment ? payment->method : ARC_PAYMENT_OTHER;
}

arc_date arc_payment_received_on(const arc_payment *payment)
{
    return payment ? payment->received_on : ARC_DATE_NONE;
}

const char *arc_payment_reference(const arc_payment *payment)
{
    return payment ? payment->reference : NULL;
}

const char *arc_payment_idempotency_key(const arc_payment *payment)
{
    return payment ? payment->idempotency_key : NULL;
}

int64_t arc_payment_applied(const arc_payment *payment)
{
    return payment ? payment->applied : 0;
}

int64_t arc_payment_unapplied(const arc_payment *payment)
{
    if (payment == NULL || payment->reversed_on != ARC_DATE_NONE)
        return 0;
    return payment->amount - payment->applied;
}

int arc_payment_is_reversed(const arc_payment *payment)
{
    return payment != NULL && payment->reversed_on != ARC_DATE_NONE;
}

arc_date arc_payment_reversed_on(const arc_payment *payment)
{
    return payment ? payment->reversed_on : ARC_DATE_NONE;
}

const char *arc_payment_reversal_reason(const arc_payment *payment)
{
    return payment ? payment->reversal_reason : NULL;
}

int arc_payment_list(arc_payment_page **out, arc_db *db, const arc_list_opts *opts)
{
    struct arc_store_list filter;
    arc_payment_page *page;
    int rc;

    if (out == NULL)
        return arc_fail(ARC_EINVAL, "payments: out must not be NULL");
    ARC_CHECK_DB(db);
    rc = arc_list_filter(&filter, opts, "payments");
    if (rc == ARC_OK && filter.status > 1)
        rc = arc_fail(ARC_EINVAL, "payments: status: must be -1, 0 or 1, not %d",
                      filter.status);
    if (rc != ARC_OK)
        return rc;

    page = calloc(1, sizeof(*page));
    if (page == NULL)
        return arc_fail(ARC_ENOMEM, "payments: out of memory");
    rc = arc_read_begin(db);
    if (rc == ARC_OK)
        rc = arc_read_end(db, db->ops->payment_list(db->store, &filter, page));
    if (rc != ARC_OK) {
        arc_payment_page_free(page);
        return rc;
    }
    *out = page;
    return ARC_OK;
}

size_t arc_payment_page_count(const arc_payment_page *page)
{
    return page ? page->count : 0;
}

const arc_payment *arc_payment_page_at(const arc_payment_page *page, size_t index)
{
    if (page == NULL || index >= page->count)
        return NULL;
    return &page->items[index];
}

void arc_payment_page_free(arc_payment_page *page)
{
    if (page == NULL)
        return;
    for (size_t i = 0; i < page->count; i++)
        arc_payment_clear(&page->items[i]);
    free(page->items);
    free(page);
}
