/*
 * Invoices and their lines, and the scans automation makes of them.
 *
 * An invoice row holds its lines, by line number. Every change builds a new
 * row from a copy of the old one, so that the old one can stay in the undo
 * log untouched.
 */
#include <stdlib.h>
#include <string.h>

#include "memory_internal.h"
#include "memory_ops.h"

static int copy_invoice(void *out, const void *in)
{
    return mem_copy_invoice(out, in, false);
}

static int by_line_no(const void *a, const void *b)
{
    int x = ((const struct arc_invoice_line *)a)->line_no;
    int y = ((const struct arc_invoice_line *)b)->line_no;

    return (x > y) - (x < y);
}

/* A new row: a copy of @p invoice with its lines, sorted. */
static struct mem_invoice *new_row(const struct arc_invoice *invoice)
{
    struct mem_invoice *row = mem_row_new(sizeof(*row));

    if (row == NULL)
        return NULL;
    if (mem_copy_invoice(&row->record, invoice, true) != ARC_OK) {
        free(row);
        return NULL;
    }
    if (row->record.line_count > 1)
        qsort(row->record.lines, row->record.line_count, sizeof(*row->record.lines),
              by_line_no);
    return row;
}

/* The row of invoice @p id, with its index; ARC_ENOTFOUND when absent. */
static int find(arc_store *store, arc_id id, ptrdiff_t *index,
                const struct mem_invoice **row)
{
    const struct mem_table *table = mem_table_of(store, MEM_INVOICES);

    *index = mem_table_find(table, id);
    if (*index < 0)
        return arc_error_set(ARC_ENOTFOUND, "invoice %lld: not found", (long long)id);
    *row = table->rows[*index];
    return ARC_OK;
}

static const struct mem_invoice *by_number(arc_store *store, const char *number)
{
    const struct mem_table *table = mem_table_of(store, MEM_INVOICES);

    for (size_t i = 0; i < table->count; i++) {
        const struct mem_invoice *row = table->rows[i];

        if (strcmp(row->record.number, number) == 0)
            return row;
    }
    return NULL;
}

/* Put @p row in place of the row at @p index, or free it on failure. */
static int replace(arc_store *store, ptrdiff_t index, struct mem_invoice *row)
{
    int rc =
        mem_table_replace(store, mem_table_of(store, MEM_INVOICES), (size_t)index, row);

    if (rc != ARC_OK)
        mem_row_free[MEM_INVOICES](row);
    return rc;
}

int mem_invoice_insert(arc_store *store, struct arc_invoice *invoice)
{
    struct mem_invoice *row;
    int rc;

    if (by_number(store, invoice->number) != NULL)
        return arc_error_set(ARC_EEXISTS, "invoice %s: the number is already used",
                             invoice->number);
    row = new_row(invoice);
    if (row == NULL)
        return ARC_ENOMEM;
    rc = mem_table_insert(store, mem_table_of(store, MEM_INVOICES), row);
    if (rc != ARC_OK) {
        mem_row_free[MEM_INVOICES](row);
        return rc;
    }
    invoice->id = row->record.id;
    return ARC_OK;
}

int mem_invoice_line_insert(arc_store *store, arc_id invoice_id,
                            struct arc_invoice_line *line)
{
    const struct mem_invoice *old = NULL;
    struct arc_invoice widened;
    struct mem_invoice *row;
    ptrdiff_t index;
    int rc = find(store, invoice_id, &index, &old);

    if (rc != ARC_OK)
        return rc;
    for (size_t i = 0; i < old->record.line_count; i++) {
        if (old->record.lines[i].line_no == line->line_no)
            return arc_error_set(ARC_EEXISTS, "invoice %lld: line %d: already exists",
                                 (long long)invoice_id, line->line_no);
    }

    /* Copy the old lines and the new one together, then sort them. */
    widened = old->record;
    widened.line_count = old->record.line_count + 1;
    widened.lines = malloc(widened.line_count * sizeof(*widened.lines));
    if (widened.lines == NULL)
        return mem_nomem();
    if (old->record.line_count > 0)
        memcpy(widened.lines, old->record.lines,
               old->record.line_count * sizeof(*widened.lines));
    widened.lines[old->record.line_count] = *line;
    row = new_row(&widened);
    free(widened.lines);
    if (row == NULL)
        return ARC_ENOMEM;
    row->overdue_alerted = old->overdue_alerted;
    return replace(store, index, row);
}

/* Replace the strings of @p row named by settlement (and, when @p all, the
 * others) with copies of those of @p in. */
static int take_strings(struct arc_invoice *row, const struct arc_invoice *in, bool all)
{
    int rc = ARC_OK;

    free(row->close_reason);
    row->close_reason = mem_strdup(in->close_reason, &rc);
    if (!all)
        return rc;
    free(row->number);
    free(row->memo);
    row->number = mem_strdup(in->number, &rc);
    row->memo = mem_strdup(in->memo, &rc);
    return rc;
}

/* Rewrite an invoice with the fields of @p in: every field but id,
 * created_at and the lines when @p all, else only settlement's. */
static int rewrite(arc_store *store, const struct arc_invoice *in, bool all)
{
    const struct mem_invoice *old = NULL;
    struct mem_invoice *row;
    struct arc_invoice *record;
    ptrdiff_t index;
    int rc = find(store, in->id, &index, &old);

    if (rc != ARC_OK)
        return rc;
    if (all && strcmp(in->number, old->record.number) != 0 &&
        by_number(store, in->number) != NULL)
        return arc_error_set(ARC_EEXISTS, "invoice %s: the number is already used",
                             in->number);
    row = new_row(&old->record);
    if (row == NULL)
        return ARC_ENOMEM;
    row->overdue_alerted = old->overdue_alerted;
    record = &row->record;
    if (all) {
        record->customer_id = in->customer_id;
        memcpy(record->currency, in->currency, sizeof(record->currency));
        record->issue_date = in->issue_date;
        record->due_date = in->due_date;
        record->due_date_given = in->due_date_given;
        record->subtotal = in->subtotal;
        record->tax = in->tax;
        record->total = in->total;
    }
    record->status = in->status;
    record->paid = in->paid;
    record->balance = in->balance;
    record->closed_on = in->closed_on;
    record->updated_at = in->updated_at;

    rc = take_strings(record, in, all);
    if (rc != ARC_OK) {
        mem_row_free[MEM_INVOICES](row);
        return rc;
    }
    return replace(store, index, row);
}

int mem_invoice_update(arc_store *store, const struct arc_invoice *invoice)
{
    return rewrite(store, invoice, true);
}

int mem_invoice_settle(arc_store *store, const struct arc_invoice *invoice)
{
    return rewrite(store, invoice, false);
}

int mem_invoice_delete(arc_store *store, arc_id id)
{
    const struct mem_invoice *old = NULL;
    ptrdiff_t index;
    int rc = find(store, id, &index, &old);

    if (rc != ARC_OK)
        return rc;
    return mem_table_remove(store, mem_table_of(store, MEM_INVOICES), (size_t)index);
}

int mem_invoice_get(arc_store *store, arc_id id, bool with_lines, struct arc_invoice *out)
{
    const struct mem_invoice *row = NULL;
    ptrdiff_t index;
    int rc = find(store, id, &index, &row);

    if (rc != ARC_OK)
        return rc;
    return mem_copy_invoice(out, &row->record, with_lines);
}

int mem_invoice_get_by_number(arc_store *store, const char *number, bool with_lines,
                              struct arc_invoice *out)
{
    const struct mem_invoice *row = by_number(store, number);

    if (row == NULL)
        return arc_error_set(ARC_ENOTFOUND, "invoice %s: not found", number);
    return mem_copy_invoice(out, &row->record, with_lines);
}

int mem_invoice_list(arc_store *store, const struct arc_store_list *filter,
                     struct arc_invoice_page *out)
{
    const struct mem_table *table = mem_table_of(store, MEM_INVOICES);
    struct mem_picks picks = { 0 };
    int rc = ARC_OK;

    for (size_t i = 0; i < table->count && picks.count < filter->limit && rc == ARC_OK;
         i++) {
        const struct arc_invoice *invoice = table->rows[i];

        if (invoice->id > filter->after_id &&
            (filter->customer_id == 0 || invoice->customer_id == filter->customer_id) &&
            (filter->status < 0 || (int)invoice->status == filter->status))
            rc = mem_picks_add(&picks, invoice);
    }
    if (rc == ARC_OK)
        rc = mem_page_append((void **)&out->items, &out->count, sizeof(*out->items),
                             picks.items, picks.count, copy_invoice, mem_clear_invoice);
    mem_picks_free(&picks);
    return rc;
}

static int by_due_date(const void *a, const void *b)
{
    const struct arc_invoice *x = *(const struct arc_invoice *const *)a;
    const struct arc_invoice *y = *(const struct arc_invoice *const *)b;

    if (x->due_date != y->due_date)
        return x->due_date < y->due_date ? -1 : 1;
    return (x->id > y->id) - (x->id < y->id);
}

int mem_invoice_list_payable(arc_store *store, arc_id customer_id, const char *currency,
                             unsigned int limit, struct arc_invoice_page *out)
{
    const struct mem_table *table = mem_table_of(store, MEM_INVOICES);
    struct mem_picks picks = { 0 };
    int rc = ARC_OK;

    for (size_t i = 0; i < table->count && rc == ARC_OK; i++) {
        const struct arc_invoice *invoice = table->rows[i];

        if (invoice->customer_id == customer_id && invoice->balance > 0 &&
            strcmp(invoice->currency, currency) == 0)
            rc = mem_picks_add(&picks, invoice);
    }
    if (rc == ARC_OK) {
        if (picks.count > 1)
            qsort(picks.items, picks.count, sizeof(*picks.items), by_due_date);
        rc = mem_page_append((void **)&out->items, &out->count, sizeof(*out->items),
                             picks.items, picks.count < limit ? picks.count : limit,
                             copy_invoice, mem_clear_invoice);
    }
    mem_picks_free(&picks);
    return rc;
}

static int by_due_date_of_overdue(const void *a, const void *b)
{
    const struct arc_overdue_invoice *x = a;
    const struct arc_overdue_invoice *y = b;

    if (x->due_date != y->due_date)
        return x->due_date < y->due_date ? -1 : 1;
    return (x->id > y->id) - (x->id < y->id);
}

int mem_scan_overdue_invoices(arc_store *store, arc_date today,
                              int (*fn)(void *ctx,
                                        const struct arc_overdue_invoice *invoice),
                              void *ctx)
{
    const struct mem_table *table = mem_table_of(store, MEM_INVOICES);
    struct arc_overdue_invoice *found = NULL;
    size_t count = 0;
    int rc = ARC_OK;

    /* Gather first: the callback may write to the book. */
    if (table->count > 0) {
        found = malloc(table->count * sizeof(*found));
        if (found == NULL)
            return mem_nomem();
    }
    for (size_t i = 0; i < table->count; i++) {
        const struct mem_invoice *row = table->rows[i];
        const struct arc_invoice *invoice = &row->record;

        if (invoice->balance <= 0 || row->overdue_alerted ||
            invoice->due_date == ARC_DATE_NONE || invoice->due_date >= today)
            continue;
        found[count].id = invoice->id;
        found[count].customer_id = invoice->customer_id;
        memcpy(found[count].currency, invoice->currency, sizeof(invoice->currency));
        found[count].due_date = invoice->due_date;
        found[count].balance = invoice->balance;
        count++;
    }
    if (count > 1)
        qsort(found, count, sizeof(*found), by_due_date_of_overdue);
    for (size_t i = 0; i < count && rc == ARC_OK; i++)
        rc = fn(ctx, &found[i]);
    free(found);
    return rc;
}

int mem_invoice_mark_overdue_alerted(arc_store *store, arc_id id)
{
    const struct mem_invoice *old = NULL;
    struct mem_invoice *row;
    ptrdiff_t index;
    int rc = find(store, id, &index, &old);

    if (rc != ARC_OK)
        return rc;
    row = new_row(&old->record);
    if (row == NULL)
        return ARC_ENOMEM;
    row->overdue_alerted = true;
    return replace(store, index, row);
}
