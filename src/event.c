/*
 * The event journal: appending events in the caller's write scope, keeping
 * them for subscribers until the scope commits, delivering them, and
 * reading the journal from a cursor.
 */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "error.h"
#include "util.h"

const char *arc_event_kind_name(arc_event_kind kind)
{
    static const char *const names[] = {
        "customer.created",       "customer.updated",        "contact.added",
        "contact.removed",        "invoice.created",         "invoice.issued",
        "invoice.deleted",        "invoice.voided",          "invoice.written_off",
        "payment.received",       "payment.applied",         "payment.reversed",
        "credit_memo.created",    "credit_memo.applied",     "credit_memo.voided",
        "dispute.opened",         "dispute.updated",         "dispute.reviewed",
        "dispute.escalated",      "dispute.resolved",        "dispute.reopened",
        "reason_code.changed",    "numbering.changed",       "invoice.line_added",
        "communication.recorded", "invoice.overdue",         "dispute.overdue",
        "dispute.alert",          "escalation_rule.changed",
    };

    if ((unsigned int)kind >= sizeof(names) / sizeof(names[0]))
        return NULL;
    return names[kind];
}

void arc_event_clear(struct arc_event *event)
{
    free(event->actor);
    free(event->detail);
    event->actor = event->detail = NULL;
}

/* Keep a copy of a written event until its scope commits. */
static int keep_pending(struct arc_event_queue *queue, const struct arc_event *event)
{
    struct arc_event *copy;

    if (queue->pending_count == queue->pending_capacity) {
        size_t grown = queue->pending_capacity ? queue->pending_capacity * 2 : 16;
        struct arc_event *bigger = realloc(queue->pending, grown * sizeof(*bigger));

        if (bigger == NULL)
            return arc_fail(ARC_ENOMEM, "events: out of memory");
        queue->pending = bigger;
        queue->pending_capacity = grown;
    }

    copy = &queue->pending[queue->pending_count];
    *copy = *event;
    copy->actor = arc_strdup(event->actor);
    copy->detail = arc_strdup(event->detail);
    if ((event->actor && !copy->actor) || (event->detail && !copy->detail)) {
        arc_event_clear(copy);
        return arc_fail(ARC_ENOMEM, "events: out of memory");
    }
    queue->pending_count++;
    return ARC_OK;
}

struct arc_event arc_event_about(arc_event_kind kind, arc_id record_id,
                                 arc_id customer_id)
{
    struct arc_event event;

    memset(&event, 0, sizeof(event));
    event.kind = kind;
    event.record_id = record_id;
    event.customer_id = customer_id;
    return event;
}

void arc_event_set_amount(struct arc_event *event, int64_t amount, const char *currency)
{
    event->amount = amount;
    memcpy(event->currency, currency, sizeof(event->currency) - 1);
    event->currency[sizeof(event->currency) - 1] = '\0';
}

int arc_event_emit(arc_db *db, const struct arc_event *event)
{
    struct arc_event written = *event;
    int rc;

    written.occurred_at = arc_db_now(db);
    rc = db->ops->event_append(db->store, &written);
    if (rc != ARC_OK || db->events.subscriber_count == 0)
        return rc;
    return keep_pending(&db->events, &written);
}

void arc_events_discard(arc_db *db, size_t keep)
{
    struct arc_event_queue *queue = &db->events;

    while (queue->pending_count > keep)
        arc_event_clear(&queue->pending[--queue->pending_count]);
}

void arc_events_deliver(arc_db *db)
{
    struct arc_event_queue *queue = &db->events;
    size_t next = 0;

    /* Callbacks may write, adding events to the queue: they are delivered
     * by this same loop, after the ones already there. */
    if (queue->delivering)
        return;
    queue->delivering = true;
    while (next < queue->pending_count) {
        struct arc_event event = queue->pending[next++];

        for (size_t i = 0; i < queue->subscriber_count; i++)
            queue->subscribers[i].fn(&event, queue->subscribers[i].data);
    }
    arc_events_discard(db, 0);
    queue->delivering = false;
}

void arc_events_free(arc_db *db)
{
    arc_events_discard(db, 0);
    free(db->events.pending);
    free(db->events.subscribers);
    memset(&db->events, 0, sizeof(db->events));
}

int arc_event_subscribe(int *out, arc_db *db, arc_event_fn fn, void *data)
{
    struct arc_event_queue *queue;
    struct arc_subscriber *bigger;

    ARC_CHECK_DB(db);
    if (fn == NULL)
        return arc_fail(ARC_EINVAL, "events: fn: must not be NULL");
    queue = &db->events;
    bigger = realloc(queue->subscribers, (queue->subscriber_count + 1) * sizeof(*bigger));
    if (bigger == NULL)
        return arc_fail(ARC_ENOMEM, "events: out of memory");

    queue->subscribers = bigger;
    bigger[queue->subscriber_count].id = ++queue->next_subscription;
    bigger[queue->subscriber_count].fn = fn;
    bigger[queue->subscriber_count].data = data;
    queue->subscriber_count++;
    if (out != NULL)
        *out = queue->next_subscription;
    return ARC_OK;
}

int arc_event_unsubscribe(arc_db *db, int subscription)
{
    struct arc_event_queue *queue;

    ARC_CHECK_DB(db);
    queue = &db->events;
    for (size_t i = 0; i < queue->subscriber_count; i++) {
        if (queue->subscribers[i].id != subscription)
            continue;
        memmove(&queue->subscribers[i], &queue->subscribers[i + 1],
                (queue->subscriber_count - i - 1) * sizeof(queue->subscribers[0]));
        queue->subscriber_count--;
        return ARC_OK;
    }
    return arc_fail(ARC_ENOTFOUND, "events: subscription %d: not found", subscription);
}

int arc_event_list(arc_event_page **out, arc_db *db, arc_id after_id, unsigned int limit)
{
    arc_event_page *page;
    int rc;

    if (out == NULL)
        return arc_fail(ARC_EINVAL, "events: out must not be NULL");
    ARC_CHECK_DB(db);
    if (after_id < 0)
        return arc_fail(ARC_EINVAL, "events: after_id: must not be negative");
    if (limit > ARC_EVENT_LIST_MAX)
        return arc_fail(ARC_EINVAL, "events: limit: at most %d, not %u",
                        ARC_EVENT_LIST_MAX, limit);

    page = calloc(1, sizeof(*page));
    if (page == NULL)
        return arc_fail(ARC_ENOMEM, "events: out of memory");
    rc = arc_read_begin(db);
    if (rc == ARC_OK)
        rc = arc_read_end(
            db, db->ops->event_list(db->store, after_id, limit ? limit : 100, page));
    if (rc != ARC_OK) {
        arc_event_page_free(page);
        return rc;
    }
    *out = page;
    return ARC_OK;
}

size_t arc_event_page_count(const arc_event_page *page)
{
    return page ? page->count : 0;
}

const arc_event *arc_event_page_at(const arc_event_page *page, size_t index)
{
    if (page == NULL || index >= page->count)
        return NULL;
    return &page->items[index];
}

void arc_event_page_free(arc_event_page *page)
{
    if (page == NULL)
        return;
    for (size_t i = 0; i < page->count; i++)
        arc_event_clear(&page->items[i]);
    free(page->items);
    free(page);
}

arc_id arc_event_id(const arc_event *event)
{
    return event ? event->id : 0;
}

arc_event_kind arc_event_kind_of(const arc_event *event)
{
    return event ? event->kind : ARC_EVENT_CUSTOMER_CREATED;
}

arc_time arc_event_occurred_at(const arc_event *event)
{
    return event ? event->occurred_at : 0;
}

const char *arc_event_actor(const arc_event *event)
{
    return event ? event->actor : NULL;
}

arc_id arc_event_record_id(const arc_event *event)
{
    return event ? event->record_id : 0;
}

arc_id arc_event_customer_id(const arc_event *event)
{
    return event ? event->customer_id : 0;
}

arc_id arc_event_invoice_id(const arc_event *event)
{
    return event ? event->invoice_id : 0;
}

arc_id arc_event_dispute_id(const arc_event *event)
{
    return event ? event->dispute_id : 0;
}

int64_t arc_event_amount(const arc_event *event)
{
    return event ? event->amount : 0;
}

const char *arc_event_currency(const arc_event *event)
{
    return event && event->currency[0] ? event->currency : NULL;
}

const char *arc_event_detail(const arc_event *event)
{
    return event ? event->detail : NULL;
}
