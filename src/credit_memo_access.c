/*
 * Reading credit memos: lookups, accessors and paged lists.
 */
#include <stdlib.h>

#include "db_internal.h"
#include "error.h"

int arc_credit_memo_lookup(arc_credit_memo **out, arc_db *db, arc_id id)
{
    struct arc_credit_memo *memo;
    int rc;

    if (out == NULL)
        return arc_fail(ARC_EINVAL, "credit memo: out must not be NULL");
    ARC_CHECK_DB(db);
    memo = calloc(1, sizeof(*memo));
    if (memo == NULL)
        return arc_fail(ARC_ENOMEM, "credit memo: out of memory");

    rc = arc_read_begin(db);
    if (rc == ARC_OK)
        rc = arc_read_end(db, db->ops->credit_memo_get(db->store, id, memo));
    if (rc != ARC_OK) {
        free(memo);
        return rc;
    }
    *out = memo;
    return ARC_OK;
}

void arc_credit_memo_free(arc_credit_memo *memo)
{
    if (memo == NULL)
        return;
    arc_credit_memo_clear(memo);
    free(memo);
}

arc_id arc_credit_memo_id(const arc_credit_memo *memo)
{
    return memo ? memo->id : 0;
}

const char *arc_credit_memo_number(const arc_credit_memo *memo)
{
    return memo ? memo->number : NULL;
}

arc_id arc_credit_memo_customer_id(const arc_credit_memo *memo)
{
    return memo ? memo->customer_id : 0;
}

int64_t arc_credit_memo_amount(const arc_credit_memo *memo)
{
    return memo ? memo->amount : 0;
}

const char *arc_credit_memo_currency(const arc_credit_memo *memo)
{
    return memo ? memo->currency : NULL;
}

arc_date arc_credit_memo_issue_date(const arc_credit_memo *memo)
{
    return memo ? memo->issue_date : ARC_DATE_NONE;
}

const char *arc_credit_memo_reason(const arc_credit_memo *memo)
{
    return memo ? memo->reason : NULL;
}

int64_t arc_credit_memo_applied(const arc_credit_memo *memo)
{
    return memo ? memo->applied : 0;
}

int64_t arc_credit_memo_unapplied(const arc_credit_memo *memo)
{
    if (memo == NULL || memo->voided_on != ARC_DATE_NONE)
        return 0;
    return memo->amount - memo->applied;
}

int arc_credit_memo_is_void(const arc_credit_memo *memo)
{
    return memo != NULL && memo->voided_on != ARC_DATE_NONE;
}

int arc_credit_memo_list(arc_credit_memo_page **out, arc_db *db,
                         const arc_list_opts *opts)
{
    struct arc_store_list filter;
    arc_credit_memo_page *page;
    int rc;

    if (out == NULL)
        return arc_fail(ARC_EINVAL, "credit memos: out must not be NULL");
    ARC_CHECK_DB(db);
    rc = arc_list_filter(&filter, opts, "credit memos");
    if (rc == ARC_OK && filter.status > 1)
        rc = arc_fail(ARC_EINVAL, "credit memos: status: must be -1, 0 or 1, not %d",
                      filter.status);
    if (rc != ARC_OK)
        return rc;

    page = calloc(1, sizeof(*page));
    if (page == NULL)
        return arc_fail(ARC_ENOMEM, "credit memos: out of memory");
    rc = arc_read_begin(db);
    if (rc == ARC_OK)
        rc = arc_read_end(db, db->ops->credit_memo_list(db->store, &filter, page));
    if (rc != ARC_OK) {
        arc_credit_memo_page_free(page);
        return rc;
    }
    *out = page;
    return ARC_OK;
}

size_t arc_credit_memo_page_count(const arc_credit_memo_page *page)
{
    return page ? page->count : 0;
}

const arc_credit_memo *arc_credit_memo_page_at(const arc_credit_memo_page *page,
                                               size_t index)
{
    if (page == NULL || index >= page->count)
        return NULL;
    return &page->items[index];
}

void arc_credit_memo_page_free(arc_credit_memo_page *page)
{
    if (page == NULL)
        return;
    for (size_t i = 0; i < page->count; i++)
        arc_credit_memo_clear(&page->items[i]);
    free(page->items);
    free(page);
}
