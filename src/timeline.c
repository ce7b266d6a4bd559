/*
 * Timelines: a customer's, an invoice's or a dispute's communications merged
 * with the journal events that concern it, newest first.
 *
 * Each source is read from its own index, newest first, up to a whole page
 * from where the cursor leaves it; the two runs are then merged here, and
 * whatever the page does not show is released. The page keeps the records it
 * shows, and its items point into them.
 */
#include <stdint.h>
#include <stdlib.h>

#include "arcollect/timeline.h"
#include "db_internal.h"
#include "error.h"

#define DEFAULT_LIMIT 50

/* Instants a cursor may name: years 1 to 9999, as the book stores them. */
#define TIME_MIN (-62135596800LL)
#define TIME_MAX 253402300799LL

struct arc_timeline_item {
    arc_timeline_source source;
    const struct arc_communication *communication; /* NULL for an event */
    const struct arc_event *event;                 /* NULL for a communication */
};

struct arc_timeline_page {
    struct arc_communication_page communications; /* those the items show */
    struct arc_event_page events;                 /* likewise */
    struct arc_timeline_item *items;
    size_t count;
};

static int check_ids(const arc_timeline_opts *opts)
{
    int given =
        (opts->customer_id != 0) + (opts->invoice_id != 0) + (opts->dispute_id != 0);

    if (opts->customer_id < 0 || opts->invoice_id < 0 || opts->dispute_id < 0 ||
        opts->before_id < 0)
        return arc_fail(ARC_EINVAL, "timeline: %s: must not be negative",
                        opts->customer_id < 0  ? "customer_id"
                        : opts->invoice_id < 0 ? "invoice_id"
                        : opts->dispute_id < 0 ? "dispute_id"
                                               : "before_id");
    if (given != 1)
        return arc_fail(ARC_EINVAL,
                        "timeline: customer_id, invoice_id and dispute_id: "
                        "give exactly one, not %d",
                        given);
    return ARC_OK;
}

static int check_page(const arc_timeline_opts *opts)
{
    if (opts->limit > ARC_TIMELINE_MAX_LIMIT)
        return arc_fail(ARC_EINVAL, "timeline: limit: at most %d, not %u",
                        ARC_TIMELINE_MAX_LIMIT, opts->limit);
    if (opts->before_source != ARC_TIMELINE_COMMUNICATION &&
        opts->before_source != ARC_TIMELINE_EVENT)
        return arc_fail(ARC_EINVAL, "timeline: before_source: unknown value %d",
                        (int)opts->before_source);
    if (opts->before_id != 0 &&
        (opts->before_occurred_at < TIME_MIN || opts->before_occurred_at > TIME_MAX))
        return arc_fail(ARC_EINVAL,
                        "timeline: before_occurred_at: %lld is outside years 1 to 9999",
                        (long long)opts->before_occurred_at);
    return ARC_OK;
}

static int check_opts(const arc_timeline_opts *opts)
{
    int rc;

    if (opts == NULL)
        return arc_fail(ARC_EINVAL, "timeline: opts must not be NULL");
    if (opts->version != ARC_TIMELINE_OPTS_VERSION)
        return arc_fail(ARC_EVERSION, "timeline: options version %u is not supported",
                        opts->version);
    rc = check_ids(opts);
    return rc == ARC_OK ? check_page(opts) : rc;
}

/*
 * Turn the public cursor into each source's own: an (occurred_at, id) that
 * the source's next items sort strictly before. At one instant events come
 * first, so after an event at t every communication at t is still to come,
 * bound (t, INT64_MAX); after a communication at t no event at t is, bound
 * (t, 1) since ids start at 1.
 */
static void split_cursor(const arc_timeline_opts *opts,
                         struct arc_communication_filter *communications,
                         struct arc_timeline_filter *events)
{
    if (opts->before_id == 0)
        return;
    communications->before_occurred_at = opts->before_occurred_at;
    events->before_occurred_at = opts->before_occurred_at;
    if (opts->before_source == ARC_TIMELINE_EVENT) {
        events->before_id = opts->before_id;
        communications->before_id = INT64_MAX;
    } else {
        communications->before_id = opts->before_id;
        events->before_id = 1;
    }
}

static unsigned int page_limit(const arc_timeline_opts *opts)
{
    return opts->limit ? opts->limit : DEFAULT_LIMIT;
}

/* The filters for both sources: a page could be all one source, so each is
 * asked for a whole page. */
static void make_filters(const arc_timeline_opts *opts,
                         struct arc_communication_filter *communications,
                         struct arc_timeline_filter *events)
{
    *communications = (struct arc_communication_filter){
        .customer_id = opts->customer_id,
        .invoice_id = opts->invoice_id,
        .dispute_id = opts->dispute_id,
        .channel = -1,
        .limit = page_limit(opts),
    };
    *events = (struct arc_timeline_filter){
        .customer_id = opts->customer_id,
        .invoice_id = opts->invoice_id,
        .dispute_id = opts->dispute_id,
        .limit = page_limit(opts),
    };
    split_cursor(opts, communications, events);
}

/* The customer, invoice or dispute must exist: an empty page would hide a
 * wrong id. */
static int check_owner(arc_db *db, const arc_timeline_opts *opts)
{
    struct arc_customer_terms customer;
    struct arc_invoice invoice = { 0 };
    struct arc_dispute dispute = { 0 };
    int rc;

    if (opts->customer_id)
        rc = arc_store_customer_terms(db, opts->customer_id, &customer);
    else if (opts->invoice_id)
        rc = db->ops->invoice_get(db->store, opts->invoice_id, false, &invoice);
    else
        rc = db->ops->dispute_get(db->store, opts->dispute_id, &dispute);
    arc_invoice_clear(&invoice);
    arc_dispute_clear(&dispute);
    return rc == ARC_OK ? rc : arc_fail_context(rc, "timeline: ");
}

static int read_sources(arc_db *db, const arc_timeline_opts *opts,
                        arc_timeline_page *page)
{
    struct arc_communication_filter communications;
    struct arc_timeline_filter events;
    int rc;

    make_filters(opts, &communications, &events);
    rc = check_owner(db, opts);
    if (rc == ARC_OK)
        rc = db->ops->communication_list(db->store, &communications,
                                         &page->communications);
    if (rc == ARC_OK)
        rc = db->ops->event_list_timeline(db->store, &events, &page->events);
    return rc;
}

/* Release the records from @p keep on: the page does not show them. */
static void drop_communications(struct arc_communication_page *communications,
                                size_t keep)
{
    while (communications->count > keep)
        arc_communication_clear(&communications->items[--communications->count]);
}

static void drop_events(struct arc_event_page *events, size_t keep)
{
    while (events->count > keep)
        arc_event_clear(&events->items[--events->count]);
}

/* Whether the next item is the event at @p e rather than the communication
 * at @p c: the newer goes first, and the event when both are as new. */
static bool next_is_event(const arc_timeline_page *page, size_t c, size_t e)
{
    if (e == page->events.count)
        return false;
    if (c == page->communications.count)
        return true;
    return page->events.items[e].occurred_at >= page->communications.items[c].occurred_at;
}

/* Merge the two runs, each already newest first, into at most @p limit
 * items, and release what did not make the page. */
static int merge(arc_timeline_page *page, unsigned int limit)
{
    size_t c = 0, e = 0;

    page->items = calloc(limit, sizeof(*page->items));
    if (page->items == NULL)
        return arc_fail(ARC_ENOMEM, "timeline: out of memory");

    while (page->count < limit &&
           (c < page->communications.count || e < page->events.count)) {
        struct arc_timeline_item *item = &page->items[page->count++];

        if (next_is_event(page, c, e)) {
            item->source = ARC_TIMELINE_EVENT;
            item->event = &page->events.items[e++];
        } else {
            item->source = ARC_TIMELINE_COMMUNICATION;
            item->communication = &page->communications.items[c++];
        }
    }

    drop_communications(&page->communications, c);
    drop_events(&page->events, e);
    return ARC_OK;
}

int arc_timeline(arc_timeline_page **out, arc_db *db, const arc_timeline_opts *opts)
{
    arc_timeline_page *page;
    int rc;

    if (out == NULL)
        return arc_fail(ARC_EINVAL, "timeline: out must not be NULL");
    ARC_CHECK_DB(db);
    rc = check_opts(opts);
    if (rc != ARC_OK)
        return rc;
    page = calloc(1, sizeof(*page));
    if (page == NULL)
        return arc_fail(ARC_ENOMEM, "timeline: out of memory");

    rc = arc_read_begin(db);
    if (rc == ARC_OK)
        rc = arc_read_end(db, read_sources(db, opts, page));
    if (rc == ARC_OK)
        rc = merge(page, page_limit(opts));
    if (rc != ARC_OK) {
        arc_timeline_page_free(page);
        return rc;
    }
    *out = page;
    return ARC_OK;
}

size_t arc_timeline_page_count(const arc_timeline_page *page)
{
    return page ? page->count : 0;
}

const arc_timeline_item *arc_timeline_page_at(const arc_timeline_page *page, size_t index)
{
    if (page == NULL || index >= page->count)
        return NULL;
    return &page->items[index];
}

int arc_timeline_page_next(const arc_timeline_page *page, arc_timeline_opts *opts)
{
    const arc_timeline_item *last;

    if (page == NULL || page->count == 0 || opts == NULL)
        return 0;
    last = &page->items[page->count - 1];
    opts->before_occurred_at = arc_timeline_item_occurred_at(last);
    opts->before_source = last->source;
    opts->before_id = last->event ? last->event->id : last->communication->id;
    return 1;
}

void arc_timeline_page_free(arc_timeline_page *page)
{
    if (page == NULL)
        return;
    drop_communications(&page->communications, 0);
    drop_events(&page->events, 0);
    free(page->communications.items);
    free(page->events.items);
    free(page->items);
    free(page);
}

arc_timeline_source arc_timeline_item_source(const arc_timeline_item *item)
{
    return item ? item->source : ARC_TIMELINE_COMMUNICATION;
}

arc_time arc_timeline_item_occurred_at(const arc_timeline_item *item)
{
    if (item == NULL)
        return 0;
    return item->event ? item->event->occurred_at : item->communication->occurred_at;
}

const arc_communication *arc_timeline_item_communication(const arc_timeline_item *item)
{
    return item ? item->communication : NULL;
}

const arc_event *arc_timeline_item_event(const arc_timeline_item *item)
{
    return item ? item->event : NULL;
}
