/*
 * Reading customers: accessors and paged lists.
 */
#include <stdlib.h>

#include "db_internal.h"
#include "error.h"

arc_id arc_customer_id(const arc_customer *customer)
{
    return customer ? customer->id : 0;
}

const char *arc_customer_reference(const arc_customer *customer)
{
    return customer ? customer->reference : NULL;
}

const char *arc_customer_name(const arc_customer *customer)
{
    return customer ? customer->name : NULL;
}

const char *arc_customer_billing_email(const arc_customer *customer)
{
    return customer ? customer->billing_email : NULL;
}

const char *arc_customer_phone(const arc_customer *customer)
{
    return customer ? customer->phone : NULL;
}

const char *arc_customer_currency(const arc_customer *customer)
{
    return customer ? customer->currency : NULL;
}

int arc_customer_payment_terms_days(const arc_customer *customer)
{
    return customer ? customer->payment_terms_days : 0;
}

int64_t arc_customer_credit_limit(const arc_customer *customer)
{
    return customer ? customer->credit_limit : 0;
}

const char *arc_customer_owner(const arc_customer *customer)
{
    return customer ? customer->owner : NULL;
}

arc_customer_status arc_customer_status_of(const arc_customer *customer)
{
    return customer ? customer->status : ARC_CUSTOMER_ACTIVE;
}

arc_time arc_customer_created_at(const arc_customer *customer)
{
    return customer ? customer->created_at : 0;
}

int arc_customer_list(arc_customer_page **out, arc_db *db, const arc_list_opts *opts)
{
    struct arc_store_list filter;
    arc_customer_page *page;
    int rc;

    if (out == NULL)
        return arc_fail(ARC_EINVAL, "customers: out must not be NULL");
    ARC_CHECK_DB(db);
    rc = arc_list_filter(&filter, opts, "customers");
    if (rc == ARC_OK && filter.status > ARC_CUSTOMER_CLOSED)
        rc = arc_fail(ARC_EINVAL, "customers: status: unknown value %d", filter.status);
    if (rc != ARC_OK)
        return rc;

    page = calloc(1, sizeof(*page));
    if (page == NULL)
        return arc_fail(ARC_ENOMEM, "customers: out of memory");
    rc = arc_read_begin(db);
    if (rc == ARC_OK)
        rc = arc_read_end(db, db->ops->customer_list(db->store, &filter, page));
    if (rc != ARC_OK) {
        arc_customer_page_free(page);
        return rc;
    }
    *out = page;
    return ARC_OK;
}

size_t arc_customer_page_count(const arc_customer_page *page)
{
    return page ? page->count : 0;
}

const arc_customer *arc_customer_page_at(const arc_customer_page *page, size_t index)
{
    if (page == NULL || index >= page->count)
        return NULL;
    return &page->items[index];
}

void arc_customer_page_free(arc_customer_page *page)
{
    if (page == NULL)
        return;
    for (size_t i = 0; i < page->count; i++)
        arc_customer_clear(&page->items[i]);
    free(page->items);
    free(page);
}
