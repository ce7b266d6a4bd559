/*
 * The event journal, only ever appended to, and the timelines read from it.
 */
#include <stdlib.h>

#include "memory_internal.h"
#include "memory_ops.h"

static int copy_event(void *out, const void *in)
{
    return mem_copy_event(out, in);
}

int mem_event_append(arc_store *store, struct arc_event *event)
{
    struct arc_event *row = mem_row_new(sizeof(*row));
    int rc;

    if (row == NULL)
        return ARC_ENOMEM;
    rc = mem_copy_event(row, event);
    if (rc != ARC_OK) {
        free(row);
        return rc;
    }
    /* An amount is only kept with its currency. */
    if (row->currency[0] == '\0')
        row->amount = 0;
    rc = mem_table_insert(store, mem_table_of(store, MEM_EVENTS), row);
    if (rc != ARC_OK) {
        mem_row_free[MEM_EVENTS](row);
        return rc;
    }
    event->id = row->id;
    return ARC_OK;
}

int mem_event_list(arc_store *store, arc_id after_id, unsigned int limit,
                   struct arc_event_page *out)
{
    const struct mem_table *table = mem_table_of(store, MEM_EVENTS);
    struct mem_picks picks = { 0 };
    int rc = ARC_OK;

    for (size_t i = 0; i < table->count && picks.count < limit && rc == ARC_OK; i++) {
        if (MEM_ROW_ID(table->rows[i]) > after_id)
            rc = mem_picks_add(&picks, table->rows[i]);
    }
    if (rc == ARC_OK)
        rc = mem_page_append((void **)&out->items, &out->count, sizeof(*out->items),
                             picks.items, picks.count, copy_event, mem_clear_event);
    mem_picks_free(&picks);
    return rc;
}

/* Whether a customer's timeline shows events of @p kind (arcollect/timeline.h). */
static bool on_customer_timeline(arc_event_kind kind)
{
    switch (kind) {
    case ARC_EVENT_INVOICE_ISSUED:
    case ARC_EVENT_INVOICE_VOIDED:
    case ARC_EVENT_INVOICE_WRITTEN_OFF:
    case ARC_EVENT_INVOICE_OVERDUE:
    case ARC_EVENT_PAYMENT_RECEIVED:
    case ARC_EVENT_PAYMENT_REVERSED:
    case ARC_EVENT_CREDIT_MEMO_CREATED:
    case ARC_EVENT_CREDIT_MEMO_VOIDED:
    case ARC_EVENT_DISPUTE_OPENED:
    case ARC_EVENT_DISPUTE_ESCALATED:
    case ARC_EVENT_DISPUTE_RESOLVED:
    case ARC_EVENT_DISPUTE_REOPENED:
    case ARC_EVENT_DISPUTE_OVERDUE:
    case ARC_EVENT_DISPUTE_ALERT:
        return true;
    default:
        return false;
    }
}

static bool on_timeline(const struct arc_event *event,
                        const struct arc_timeline_filter *filter)
{
    if (filter->customer_id != 0) {
        if (event->customer_id != filter->customer_id ||
            !on_customer_timeline(event->kind))
            return false;
    } else if (filter->invoice_id != 0) {
        if (event->invoice_id != filter->invoice_id ||
            event->kind == ARC_EVENT_COMMUNICATION_RECORDED)
            return false;
    } else if (event->dispute_id != filter->dispute_id ||
               event->kind == ARC_EVENT_COMMUNICATION_RECORDED) {
        return false;
    }
    if (filter->before_id == 0)
        return true;
    return event->occurred_at < filter->before_occurred_at ||
           (event->occurred_at == filter->before_occurred_at &&
            event->id < filter->before_id);
}

static int newest_first(const void *a, const void *b)
{
    const struct arc_event *x = *(const struct arc_event *const *)a;
    const struct arc_event *y = *(const struct arc_event *const *)b;

    if (x->occurred_at != y->occurred_at)
        return x->occurred_at > y->occurred_at ? -1 : 1;
    return (x->id < y->id) - (x->id > y->id);
}

int mem_event_list_timeline(arc_store *store, const struct arc_timeline_filter *filter,
                            struct arc_event_page *out)
{
    const struct mem_table *table = mem_table_of(store, MEM_EVENTS);
    struct mem_picks picks = { 0 };
    int rc = ARC_OK;

    for (size_t i = 0; i < table->count && rc == ARC_OK; i++) {
        if (on_timeline(table->rows[i], filter))
            rc = mem_picks_add(&picks, table->rows[i]);
    }
    if (rc == ARC_OK) {
        if (picks.count > 1)
            qsort(picks.items, picks.count, sizeof(*picks.items), newest_first);
        rc = mem_page_append((void **)&out->items, &out->count, sizeof(*out->items),
                             picks.items,
                             picks.count < filter->limit ? picks.count : filter->limit,
                             copy_event, mem_clear_event);
    }
    mem_picks_free(&picks);
    return rc;
}
