/*
 * Listing applications of an invoice, a payment or a credit memo.
 */
#include <stdlib.h>

#include "db_internal.h"
#include "error.h"

/* Check that the owner exists, then list its applications. */
static int list_for(arc_application_page **out, arc_db *db, int kind, arc_id owner_id)
{
    struct arc_credit_memo memo = { 0 };
    struct arc_payment payment = { 0 };
    struct arc_invoice invoice = { 0 };
    arc_application_page *page;
    int rc;

    if (out == NULL)
        return arc_fail(ARC_EINVAL, "applications: out must not be NULL");
    ARC_CHECK_DB(db);
    page = calloc(1, sizeof(*page));
    if (page == NULL)
        return arc_fail(ARC_ENOMEM, "applications: out of memory");

    rc = arc_read_begin(db);
    if (rc == ARC_OK && kind == ARC_APPLICATION_PAYMENT)
        rc = db->ops->payment_get(db->store, owner_id, &payment);
    else if (rc == ARC_OK && kind == ARC_APPLICATION_CREDIT_MEMO)
        rc = db->ops->credit_memo_get(db->store, owner_id, &memo);
    else if (rc == ARC_OK)
        rc = db->ops->invoice_get(db->store, owner_id, false, &invoice);
    if (rc == ARC_OK)
        rc = db->ops->application_list_for(db->store, kind, owner_id, page);
    rc = arc_read_end(db, rc);

    arc_payment_clear(&payment);
    arc_credit_memo_clear(&memo);
    arc_invoice_clear(&invoice);
    if (rc != ARC_OK) {
        arc_application_page_free(page);
        return rc;
    }
    *out = page;
    return ARC_OK;
}

int arc_invoice_applications(arc_application_page **out, arc_db *db, arc_id invoice_id)
{
    return list_for(out, db, -1, invoice_id);
}

int arc_payment_applications(arc_application_page **out, arc_db *db, arc_id payment_id)
{
    return list_for(out, db, ARC_APPLICATION_PAYMENT, payment_id);
}

int arc_credit_memo_applications(arc_application_page **out, arc_db *db,
                                 arc_id credit_memo_id)
{
    return list_for(out, db, ARC_APPLICATION_CREDIT_MEMO, credit_memo_id);
}

size_t arc_application_page_count(const arc_application_page *page)
{
    return page ? page->count : 0;
}

const arc_application *arc_application_page_at(const arc_application_page *page,
                                               size_t index)
{
    if (page == NULL || index >= page->count)
        return NULL;
    return &page->items[index];
}

void arc_application_page_free(arc_application_page *page)
{
    if (page == NULL)
        return;
    free(page->items);
    free(page);
}

arc_id arc_application_id(const arc_application *application)
{
    return application ? application->id : 0;
}

arc_application_kind arc_application_kind_of(const arc_application *application)
{
    return application ? application->kind : ARC_APPLICATION_PAYMENT;
}

arc_id arc_application_invoice_id(const arc_application *application)
{
    return application ? application->invoice_id : 0;
}

arc_id arc_application_source_id(const arc_application *application)
{
    return application ? application->source_id : 0;
}

int64_t arc_application_amount(const arc_application *application)
{
    return application ? application->amount : 0;
}

arc_date arc_application_applied_on(const arc_application *application)
{
    return application ? application->applied_on : ARC_DATE_NONE;
}

arc_date arc_application_reversed_on(const arc_application *application)
{
    return application ? application->reversed_on : ARC_DATE_NONE;
}
