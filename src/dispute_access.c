/*
 * Reading disputes: lookups, lists, accessors, and the disputed amounts of
 * invoices and customers.
 */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "error.h"

int arc_dispute_lookup(arc_dispute **out, arc_db *db, arc_id id)
{
    struct arc_dispute *dispute;
    int rc;

    if (out == NULL)
        return arc_fail(ARC_EINVAL, "dispute: out must not be NULL");
    ARC_CHECK_DB(db);
    dispute = calloc(1, sizeof(*dispute));
    if (dispute == NULL)
        return arc_fail(ARC_ENOMEM, "dispute: out of memory");

    rc = arc_read_begin(db);
    if (rc == ARC_OK)
        rc = arc_read_end(db, db->ops->dispute_get(db->store, id, dispute));
    if (rc != ARC_OK) {
        free(dispute);
        return rc;
    }
    *out = dispute;
    return ARC_OK;
}

void arc_dispute_free(arc_dispute *dispute)
{
    if (dispute == NULL)
        return;
    arc_dispute_clear(dispute);
    free(dispute);
}

/* Read a page of disputes: the whole book filtered, or one invoice's. */
static int read_page(arc_dispute_page **out, arc_db *db,
                     const struct arc_store_list *filter, arc_id invoice_id)
{
    struct arc_invoice invoice = { 0 };
    arc_dispute_page *page = calloc(1, sizeof(*page));
    int rc;

    if (page == NULL)
        return arc_fail(ARC_ENOMEM, "disputes: out of memory");
    rc = arc_read_begin(db);
    if (rc == ARC_OK) {
        if (filter != NULL) {
            rc = db->ops->dispute_list(db->store, filter, page);
        } else {
            rc = db->ops->invoice_get(db->store, invoice_id, false, &invoice);
            if (rc == ARC_OK)
                rc = db->ops->dispute_list_for_invoice(db->store, invoice_id, page);
        }
        rc = arc_read_end(db, rc);
    }
    arc_invoice_clear(&invoice);

    if (rc != ARC_OK) {
        arc_dispute_page_free(page);
        return rc;
    }
    *out = page;
    return ARC_OK;
}

int arc_dispute_list(arc_dispute_page **out, arc_db *db, const arc_list_opts *opts)
{
    struct arc_store_list filter;
    int rc;

    if (out == NULL)
        return arc_fail(ARC_EINVAL, "disputes: out must not be NULL");
    ARC_CHECK_DB(db);
    rc = arc_list_filter(&filter, opts, "disputes");
    if (rc == ARC_OK && filter.status > ARC_DISPUTE_REOPENED)
        rc = arc_fail(ARC_EINVAL, "disputes: status: unknown value %d", filter.status);
    if (rc != ARC_OK)
        return rc;
    return read_page(out, db, &filter, 0);
}

int arc_invoice_disputes(arc_dispute_page **out, arc_db *db, arc_id invoice_id)
{
    if (out == NULL)
        return arc_fail(ARC_EINVAL, "disputes: out must not be NULL");
    ARC_CHECK_DB(db);
    return read_page(out, db, NULL, invoice_id);
}

size_t arc_dispute_page_count(const arc_dispute_page *page)
{
    return page ? page->count : 0;
}

const arc_dispute *arc_dispute_page_at(const arc_dispute_page *page, size_t index)
{
    if (page == NULL || index >= page->count)
        return NULL;
    return &page->items[index];
}

void arc_dispute_page_free(arc_dispute_page *page)
{
    if (page == NULL)
        return;
    for (size_t i = 0; i < page->count; i++)
        arc_dispute_clear(&page->items[i]);
    free(page->items);
    free(page);
}

int arc_invoice_disputed_amount(int64_t *out, arc_db *db, arc_id invoice_id)
{
    struct arc_invoice invoice = { 0 };
    int rc;

    if (out == NULL)
        return arc_fail(ARC_EINVAL, "invoice: out must not be NULL");
    ARC_CHECK_DB(db);
    rc = arc_read_begin(db);
    if (rc != ARC_OK)
        return rc;
    rc = db->ops->invoice_get(db->store, invoice_id, false, &invoice);
    if (rc == ARC_OK)
        rc = arc_store_sum_open_disputes_of_invoice(db, invoice_id, 0, out);
    arc_invoice_clear(&invoice);
    return arc_read_end(db, rc);
}

int arc_customer_collectible_balance(int64_t *out, arc_db *db, arc_id customer_id,
                                     const char *currency)
{
    struct arc_customer_terms customer;
    arc_currency_code code;
    int64_t balance = 0, disputed = 0;
    int rc;

    if (out == NULL)
        return arc_fail(ARC_EINVAL, "customer balance: out must not be NULL");
    ARC_CHECK_DB(db);
    if (currency != NULL && arc_currency_lookup(NULL, currency) != ARC_OK)
        return arc_fail_context(ARC_EINVAL, "customer %lld: ", (long long)customer_id);

    rc = arc_read_begin(db);
    if (rc != ARC_OK)
        return rc;
    rc = arc_store_customer_terms(db, customer_id, &customer);
    if (rc == ARC_OK) {
        memcpy(code, currency ? currency : customer.currency, sizeof(code));
        rc = arc_store_sum_invoice_balances(db, customer_id, code, &balance);
    }
    if (rc == ARC_OK)
        rc = arc_store_sum_open_disputes_of_customer(db, customer_id, code, &disputed);
    if (rc == ARC_OK)
        *out = balance - disputed;
    return arc_read_end(db, rc);
}

arc_id arc_dispute_id(const arc_dispute *dispute)
{
    return dispute ? dispute->id : 0;
}

arc_id arc_dispute_invoice_id(const arc_dispute *dispute)
{
    return dispute ? dispute->invoice_id : 0;
}

arc_id arc_dispute_customer_id(const arc_dispute *dispute)
{
    return dispute ? dispute->customer_id : 0;
}

const char *arc_dispute_currency(const arc_dispute *dispute)
{
    return dispute ? dispute->currency : NULL;
}

const char *arc_dispute_reason_code(const arc_dispute *dispute)
{
    return dispute ? dispute->reason_code : NULL;
}

int64_t arc_dispute_amount(const arc_dispute *dispute)
{
    return dispute ? dispute->amount : 0;
}

arc_dispute_status arc_dispute_status_of(const arc_dispute *dispute)
{
    return dispute ? dispute->status : ARC_DISPUTE_OPEN;
}

arc_dispute_outcome arc_dispute_outcome_of(const arc_dispute *dispute)
{
    return dispute ? dispute->outcome : ARC_DISPUTE_UNRESOLVED;
}

int arc_dispute_escalation_level(const arc_dispute *dispute)
{
    return dispute ? dispute->escalation_level : 0;
}

const char *arc_dispute_opened_by(const arc_dispute *dispute)
{
    return dispute ? dispute->opened_by : NULL;
}

const char *arc_dispute_owner(const arc_dispute *dispute)
{
    return dispute ? dispute->owner : NULL;
}

const char *arc_dispute_description(const arc_dispute *dispute)
{
    return dispute ? dispute->description : NULL;
}

arc_date arc_dispute_due_date(const arc_dispute *dispute)
{
    return dispute ? dispute->due_date : ARC_DATE_NONE;
}

arc_time arc_dispute_opened_at(const arc_dispute *dispute)
{
    return dispute ? dispute->opened_at : 0;
}

arc_time arc_dispute_status_changed_at(const arc_dispute *dispute)
{
    return dispute ? dispute->status_changed_at : 0;
}

arc_date arc_dispute_resolved_on(const arc_dispute *dispute)
{
    return dispute ? dispute->resolved_on : ARC_DATE_NONE;
}

const char *arc_dispute_resolved_by(const arc_dispute *dispute)
{
    return dispute ? dispute->resolved_by : NULL;
}

int64_t arc_dispute_resolved_amount(const arc_dispute *dispute)
{
    return dispute ? dispute->resolved_amount : 0;
}

const char *arc_dispute_resolution_note(const arc_dispute *dispute)
{
    return dispute ? dispute->resolution_note : NULL;
}

arc_id arc_dispute_credit_memo_id(const arc_dispute *dispute)
{
    return dispute ? dispute->credit_memo_id : 0;
}

const char *arc_dispute_reopen_reason(const arc_dispute *dispute)
{
    return dispute ? dispute->reopen_reason : NULL;
}

size_t arc_dispute_line_count(const arc_dispute *dispute)
{
    return dispute ? dispute->line_count : 0;
}

int arc_dispute_line_at(const arc_dispute *dispute, size_t index)
{
    if (dispute == NULL || index >= dispute->line_count)
        return 0;
    return dispute->lines[index];
}
