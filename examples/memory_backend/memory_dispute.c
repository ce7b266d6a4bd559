/*
 * Disputes with the invoice lines they name, their sums, and the scans
 * automation makes of them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "memory_internal.h"
#include "memory_ops.h"

static int copy_dispute(void *out, const void *in)
{
    return mem_copy_dispute(out, in);
}

static int by_number(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;

    return (x > y) - (x < y);
}

/* A new row holding a copy of @p dispute, its lines in ascending order. */
static struct arc_dispute *new_row(const struct arc_dispute *dispute)
{
    struct arc_dispute *row = mem_row_new(sizeof(*row));

    if (row == NULL)
        return NULL;
    if (mem_copy_dispute(row, dispute) != ARC_OK) {
        free(row);
        return NULL;
    }
    if (row->line_count > 1)
        qsort(row->lines, row->line_count, sizeof(*row->lines), by_number);
    return row;
}

static int not_found(arc_id id)
{
    return arc_error_set(ARC_ENOTFOUND, "dispute %lld: not found", (long long)id);
}

int mem_dispute_insert(arc_store *store, struct arc_dispute *dispute)
{
    struct arc_dispute *row = new_row(dispute);
    int rc;

    if (row == NULL)
        return ARC_ENOMEM;
    rc = mem_table_insert(store, mem_table_of(store, MEM_DISPUTES), row);
    if (rc != ARC_OK) {
        mem_row_free[MEM_DISPUTES](row);
        return rc;
    }
    dispute->id = row->id;
    return ARC_OK;
}

/* Put @p row in place of the row at @p index, or free it on failure. */
static int replace(arc_store *store, size_t index, struct arc_dispute *row)
{
    int rc = mem_table_replace(store, mem_table_of(store, MEM_DISPUTES), index, row);

    if (rc != ARC_OK)
        mem_row_free[MEM_DISPUTES](row);
    return rc;
}

int mem_dispute_update(arc_store *store, const struct arc_dispute *dispute)
{
    const struct mem_table *table = mem_table_of(store, MEM_DISPUTES);
    ptrdiff_t index = mem_table_find(table, dispute->id);
    const struct arc_dispute *old;
    struct arc_dispute fields;
    struct arc_dispute *row;

    if (index < 0)
        return not_found(dispute->id);

    /* Every field but the lines, which stay as they were. */
    old = table->rows[index];
    fields = *dispute;
    fields.lines = old->lines;
    fields.line_count = old->line_count;
    row = new_row(&fields);
    if (row == NULL)
        return ARC_ENOMEM;
    return replace(store, (size_t)index, row);
}

int mem_dispute_get(arc_store *store, arc_id id, struct arc_dispute *out)
{
    const struct arc_dispute *dispute =
        mem_table_get(mem_table_of(store, MEM_DISPUTES), id);

    if (dispute == NULL)
        return not_found(id);
    return mem_copy_dispute(out, dispute);
}

int mem_dispute_list(arc_store *store, const struct arc_store_list *filter,
                     struct arc_dispute_page *out)
{
    const struct mem_table *table = mem_table_of(store, MEM_DISPUTES);
    struct mem_picks picks = { 0 };
    int rc = ARC_OK;

    for (size_t i = 0; i < table->count && picks.count < filter->limit && rc == ARC_OK;
         i++) {
        const struct arc_dispute *dispute = table->rows[i];

        if (dispute->id > filter->after_id &&
            (filter->customer_id == 0 || dispute->customer_id == filter->customer_id) &&
            (filter->status < 0 || (int)dispute->status == filter->status))
            rc = mem_picks_add(&picks, dispute);
    }
    if (rc == ARC_OK)
        rc = mem_page_append((void **)&out->items, &out->count, sizeof(*out->items),
                             picks.items, picks.count, copy_dispute, mem_clear_dispute);
    mem_picks_free(&picks);
    return rc;
}

int mem_dispute_list_for_invoice(arc_store *store, arc_id invoice_id,
                                 struct arc_dispute_page *out)
{
    const struct mem_table *table = mem_table_of(store, MEM_DISPUTES);
    struct mem_picks picks = { 0 };
    int rc = ARC_OK;

    for (size_t i = 0; i < table->count && rc == ARC_OK; i++) {
        const struct arc_dispute *dispute = table->rows[i];

        if (dispute->invoice_id == invoice_id)
            rc = mem_picks_add(&picks, dispute);
    }
    if (rc == ARC_OK)
        rc = mem_page_append((void **)&out->items, &out->count, sizeof(*out->items),
                             picks.items, picks.count, copy_dispute, mem_clear_dispute);
    mem_picks_free(&picks);
    return rc;
}

int mem_sum_open_disputes_of_invoice(arc_store *store, arc_id invoice_id,
                                     arc_id except_dispute_id, int64_t *out)
{
    const struct mem_table *table = mem_table_of(store, MEM_DISPUTES);
    int64_t sum = 0;
    int rc = ARC_OK;

    for (size_t i = 0; i < table->count && rc == ARC_OK; i++) {
        const struct arc_dispute *dispute = table->rows[i];

        if (dispute->invoice_id == invoice_id && dispute->id != except_dispute_id &&
            dispute->status != ARC_DISPUTE_RESOLVED)
            rc = mem_add(&sum, dispute->amount, "disputed amount");
    }
    if (rc == ARC_OK)
        *out = sum;
    return rc;
}

int mem_sum_open_disputes_of_customer(arc_store *store, arc_id customer_id,
                                      const char *currency, int64_t *out)
{
    const struct mem_table *table = mem_table_of(store, MEM_DISPUTES);
    int64_t sum = 0;
    int rc = ARC_OK;

    for (size_t i = 0; i < table->count && rc == ARC_OK; i++) {
        const struct arc_dispute *dispute = table->rows[i];

        if (dispute->customer_id == customer_id &&
            dispute->status != ARC_DISPUTE_RESOLVED &&
            strcmp(dispute->currency, currency) == 0)
            rc = mem_add(&sum, dispute->amount, "disputed amount");
    }
    if (rc == ARC_OK)
        *out = sum;
    return rc;
}

static void fill_state(struct arc_dispute_state *state, const struct arc_dispute *dispute)
{
    memset(state, 0, sizeof(*state));
    state->id = dispute->id;
    state->invoice_id = dispute->invoice_id;
    state->customer_id = dispute->customer_id;
    memcpy(state->currency, dispute->currency, sizeof(state->currency));
    snprintf(state->reason_code, sizeof(state->reason_code), "%s",
             dispute->reason_code != NULL ? dispute->reason_code : "");
    state->amount = dispute->amount;
    state->status = dispute->status;
    state->escalation_level = dispute->escalation_level;
    state->opened_at = dispute->opened_at;
    state->status_changed_at = dispute->status_changed_at;
    state->state_seq = dispute->state_seq;
    state->due_date = dispute->due_date;
    state->overdue_alerted_for = dispute->overdue_alerted_for;
}

int mem_scan_unresolved_disputes(arc_store *store,
                                 int (*fn)(void *ctx,
                                           const struct arc_dispute_state *state),
                                 void *ctx)
{
    const struct mem_table *table = mem_table_of(store, MEM_DISPUTES);
    struct arc_dispute_state *states = NULL;
    size_t count = 0;
    int rc = ARC_OK;

    /* Gather first, so that the callback may write to the book. */
    if (table->count > 0) {
        states = malloc(table->count * sizeof(*states));
        if (states == NULL)
            return mem_nomem();
    }
    for (size_t i = 0; i < table->count; i++) {
        const struct arc_dispute *dispute = table->rows[i];

        if (dispute->status != ARC_DISPUTE_RESOLVED)
            fill_state(&states[count++], dispute);
    }
    for (size_t i = 0; i < count && rc == ARC_OK; i++)
        rc = fn(ctx, &states[i]);
    free(states);
    return rc;
}

int mem_dispute_mark_overdue_alerted(arc_store *store, arc_id id, arc_date due_date)
{
    const struct mem_table *table = mem_table_of(store, MEM_DISPUTES);
    ptrdiff_t index = mem_table_find(table, id);
    struct arc_dispute *row;

    if (index < 0)
        return not_found(id);
    row = new_row(table->rows[index]);
    if (row == NULL)
        return ARC_ENOMEM;
    row->overdue_alerted_for = due_date;
    return replace(store, (size_t)index, row);
}
