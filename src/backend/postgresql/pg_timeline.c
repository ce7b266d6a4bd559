/*
 * The timeline's reads of the event journal: one customer's, invoice's or
 * dispute's events, newest first, each scope walking its own partial index
 * backwards from the cursor.
 */
#include "error.h"
#include "pg_internal.h"

/* The kinds a customer's timeline shows: the condition of the partial index
 * events_by_customer (pg_schema.c), repeated so that the planner uses it. */
#define CUSTOMER_KINDS                                                                   \
    " AND kind IN ('invoice.issued', 'invoice.voided', 'invoice.written_off',"           \
    " 'invoice.overdue', 'payment.received', 'payment.reversed',"                        \
    " 'credit_memo.created', 'credit_memo.voided', 'dispute.opened',"                    \
    " 'dispute.escalated', 'dispute.resolved', 'dispute.reopened', 'dispute.overdue',"   \
    " 'dispute.alert')"

/* The communication itself stands on the timeline in place of this event. */
#define NOT_RECORDED " AND kind <> 'communication.recorded'"

#define FROM_EVENTS                                                                      \
    "SELECT " ARC_PG_EVENT_COLUMNS " FROM arcollect.events WHERE book = $1"

#define CUSTOMER_SCOPE FROM_EVENTS " AND customer_id = $2" CUSTOMER_KINDS
#define INVOICE_SCOPE  FROM_EVENTS " AND invoice_id = $2" NOT_RECORDED
#define DISPUTE_SCOPE  FROM_EVENTS " AND dispute_id = $2" NOT_RECORDED

/* The cursor gets a statement of its own, so that it bounds the index range. */
#define NEWEST       " ORDER BY occurred_at DESC, id DESC LIMIT $3"
#define AFTER_CURSOR " AND (occurred_at, id) < ($4, $5)" NEWEST

enum scope { BY_CUSTOMER, BY_INVOICE, BY_DISPUTE };

/* By scope, then without and with a cursor. */
static const char *const STATEMENTS[3][2] = {
    [BY_CUSTOMER] = { CUSTOMER_SCOPE NEWEST, CUSTOMER_SCOPE AFTER_CURSOR },
    [BY_INVOICE] = { INVOICE_SCOPE NEWEST, INVOICE_SCOPE AFTER_CURSOR },
    [BY_DISPUTE] = { DISPUTE_SCOPE NEWEST, DISPUTE_SCOPE AFTER_CURSOR },
};

/* The scope the filter names (exactly one id is set), and its id. */
static enum scope scope_of(const struct arc_timeline_filter *filter, arc_id *owner)
{
    if (filter->customer_id) {
        *owner = filter->customer_id;
        return BY_CUSTOMER;
    }
    if (filter->invoice_id) {
        *owner = filter->invoice_id;
        return BY_INVOICE;
    }
    *owner = filter->dispute_id;
    return BY_DISPUTE;
}

int arc_pg_event_list_timeline(arc_store *store, const struct arc_timeline_filter *filter,
                               struct arc_event_page *out)
{
    bool after_cursor = filter->before_id != 0;
    arc_id owner;
    enum scope scope = scope_of(filter, &owner);
    struct arc_pg_params params;

    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, owner);
    arc_pg_param_int(&params, filter->limit);
    if (after_cursor) {
        arc_pg_param_time(&params, filter->before_occurred_at);
        arc_pg_param_int(&params, filter->before_id);
    }
    return arc_pg_fetch_all(store, STATEMENTS[scope][after_cursor], &params,
                            (void **)&out->items, &out->count, sizeof(*out->items),
                            arc_pg_read_event, "timeline events");
}
