/*
 * Reading invoices: lookups, accessors, lines and paged lists.
 */
#include <stdlib.h>

#include "db_internal.h"
#include "error.h"

static int lookup(arc_invoice **out, arc_db *db, arc_id id, const char *number)
{
    struct arc_invoice *invoice;
    int rc;

    if (out == NULL)
        return arc_fail(ARC_EINVAL, "invoice: out must not be NULL");
    ARC_CHECK_DB(db);
    invoice = calloc(1, sizeof(*invoice));
    if (invoice == NULL)
        return arc_fail(ARC_ENOMEM, "invoice: out of memory");

    rc = arc_read_begin(db);
    if (rc == ARC_OK) {
        rc = number ? db->ops->invoice_get_by_number(db->store, number, true, invoice)
                    : db->ops->invoice_get(db->store, id, true, invoice);
        rc = arc_read_end(db, rc);
    }
    if (rc != ARC_OK) {
        free(invoice);
        return rc;
    }
    *out = invoice;
    return ARC_OK;
}

int arc_invoice_lookup(arc_invoice **out, arc_db *db, arc_id id)
{
    return lookup(out, db, id, NULL);
}

int arc_invoice_lookup_number(arc_invoice **out, arc_db *db, const char *number)
{
    if (number == NULL)
        return arc_fail(ARC_EINVAL, "invoice: number: required");
    return lookup(out, db, 0, number);
}

void arc_invoice_free(arc_invoice *invoice)
{
    if (invoice == NULL)
        return;
    arc_invoice_clear(invoice);
    free(invoice);
}

arc_id arc_invoice_id(const arc_invoice *invoice)
{
    return invoice ? invoice->id : 0;
}

const char *arc_invoice_number(const arc_invoice *invoice)
{
    return invoice ? invoice->number : NULL;
}

arc_id arc_invoice_customer_id(const arc_invoice *invoice)
{
    return invoice ? invoice->customer_id : 0;
}

arc_invoice_status arc_invoice_status_of(const arc_invoice *invoice)
{
    return invoice ? invoice->status : ARC_INVOICE_DRAFT;
}

const char *arc_invoice_currency(const arc_invoice *invoice)
{
    return invoice ? invoice->currency : NULL;
}

arc_date arc_invoice_issue_date(const arc_invoice *invoice)
{
    return invoice ? invoice->issue_date : ARC_DATE_NONE;
}

arc_date arc_invoice_due_date(const arc_invoice *invoice)
{
    return invoice ? invoice->due_date : ARC_DATE_NONE;
}

const char *arc_invoice_memo(const arc_invoice *invoice)
{
    return invoice ? invoice->memo : NULL;
}

int64_t arc_invoice_subtotal(const arc_invoice *invoice)
{
    return invoice ? invoice->subtotal : 0;
}

int64_t arc_invoice_tax(const arc_invoice *invoice)
{
    return invoice ? invoice->tax : 0;
}

int64_t arc_invoice_total(const arc_invoice *invoice)
{
    return invoice ? invoice->total : 0;
}

int64_t arc_invoice_amount_paid(const arc_invoice *invoice)
{
    return invoice ? invoice->paid : 0;
}

int64_t arc_invoice_balance(const arc_invoice *invoice)
{
    return invoice ? invoice->balance : 0;
}

size_t arc_invoice_line_count(const arc_invoice *invoice)
{
    return invoice ? invoice->line_count : 0;
}

const arc_invoice_line *arc_invoice_line_at(const arc_invoice *invoice, size_t index)
{
    if (invoice == NULL || index >= invoice->line_count)
        return NULL;
    return &invoice->lines[index];
}

const char *arc_invoice_line_description(const arc_invoice_line *line)
{
    return line ? line->description : NULL;
}

const char *arc_invoice_line_quantity(const arc_invoice_line *line)
{
    return line ? line->quantity : NULL;
}

int64_t arc_invoice_line_unit_price(const arc_invoice_line *line)
{
    return line ? line->unit_price : 0;
}

const char *arc_invoice_line_tax_rate(const arc_invoice_line *line)
{
    return line ? line->tax_rate : NULL;
}

const char *arc_invoice_line_item_code(const arc_invoice_line *line)
{
    return line ? line->item_code : NULL;
}

arc_date arc_invoice_line_period_start(const arc_invoice_line *line)
{
    return line ? line->period_start : ARC_DATE_NONE;
}

arc_date arc_invoice_line_period_end(const arc_invoice_line *line)
{
    return line ? line->period_end : ARC_DATE_NONE;
}

int64_t arc_invoice_line_net(const arc_invoice_line *line)
{
    return line ? line->net : 0;
}

int64_t arc_invoice_line_tax(const arc_invoice_line *line)
{
    return line ? line->tax : 0;
}

int arc_invoice_list(arc_invoice_page **out, arc_db *db, const arc_list_opts *opts)
{
    struct arc_store_list filter;
    arc_invoice_page *page;
    int rc;

    if (out == NULL)
        return arc_fail(ARC_EINVAL, "invoices: out must not be NULL");
    ARC_CHECK_DB(db);
    rc = arc_list_filter(&filter, opts, "invoices");
    if (rc == ARC_OK && filter.status > ARC_INVOICE_WRITTEN_OFF)
        rc = arc_fail(ARC_EINVAL, "invoices: status: unknown value %d", filter.status);
    if (rc != ARC_OK)
        return rc;

    page = calloc(1, sizeof(*page));
    if (page == NULL)
        return arc_fail(ARC_ENOMEM, "invoices: out of memory");
    rc = arc_read_begin(db);
    if (rc == ARC_OK)
        rc = arc_read_end(db, db->ops->invoice_list(db->store, &filter, page));
    if (rc != ARC_OK) {
        arc_invoice_page_free(page);
        return rc;
    }
    *out = page;
    return ARC_OK;
}

size_t arc_invoice_page_count(const arc_invoice_page *page)
{
    return page ? page->count : 0;
}

const arc_invoice *arc_invoice_page_at(const arc_invoice_page *page, size_t index)
{
    if (page == NULL || index >= page->count)
        return NULL;
    return &page->items[index];
}

void arc_invoice_page_free(arc_invoice_page *page)
{
    if (page == NULL)
        return;
    for (size_t i = 0; i < page->count; i++)
        arc_invoice_clear(&page->items[i]);
    free(page->items);
    free(page);
}
