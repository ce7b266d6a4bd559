/*
 * The timeline's reads of the event journal: one customer's, invoice's or
 * dispute's events, newest first, each scope walking its own partial index
 * of schema 4 backwards from the cursor.
 */
#include "error.h"
#include "sqlite_internal.h"

/* The kinds a customer's timeline shows. The condition repeats, term for
 * term, the WHERE clause of the index events_by_customer (sqlite_schema.c):
 * SQLite uses a partial index only when the query's WHERE implies it. */
#define CUSTOMER_KINDS                                                                   \
    " AND (kind = 'invoice.issued'"                                                      \
    " OR kind = 'invoice.voided' OR kind = 'invoice.written_off'"                        \
    " OR kind = 'invoice.overdue' OR kind = 'payment.received'"                          \
    " OR kind = 'payment.reversed' OR kind = 'credit_memo.created'"                      \
    " OR kind = 'credit_memo.voided' OR kind = 'dispute.opened'"                         \
    " OR kind = 'dispute.escalated' OR kind = 'dispute.resolved'"                        \
    " OR kind = 'dispute.reopened' OR kind = 'dispute.overdue'"                          \
    " OR kind = 'dispute.alert')"

/* The communication itself stands on the timeline in place of this event. */
#define NOT_RECORDED " AND kind <> 'communication.recorded'"

#define FROM_EVENTS "SELECT " ARC_SQLITE_EVENT_COLUMNS " FROM events WHERE "

#define CUSTOMER_SCOPE FROM_EVENTS "customer_id = ?1" CUSTOMER_KINDS
#define INVOICE_SCOPE  FROM_EVENTS "invoice_id = ?1" NOT_RECORDED
#define DISPUTE_SCOPE  FROM_EVENTS "dispute_id = ?1" NOT_RECORDED

/* The cursor gets a statement of its own rather than "?3 IS NULL OR ...",
 * so that it bounds the index range instead of filtering the rows walked. */
#define NEWEST       " ORDER BY occurred_at DESC, id DESC LIMIT ?4"
#define AFTER_CURSOR " AND (occurred_at, id) < (?2, ?3)" NEWEST

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

int arc_sqlite_event_list_timeline(arc_store *store,
                                   const struct arc_timeline_filter *filter,
                                   struct arc_event_page *out)
{
    bool after_cursor = filter->before_id != 0;
    arc_id owner;
    enum scope scope = scope_of(filter, &owner);
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, STATEMENTS[scope][after_cursor]);

    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_int64(stmt, 1, owner);
    if (after_cursor) {
        arc_sqlite_bind_time(stmt, 2, filter->before_occurred_at);
        sqlite3_bind_int64(stmt, 3, filter->before_id);
    }
    sqlite3_bind_int(stmt, 4, (int)filter->limit);
    return arc_sqlite_fetch_all(store, stmt, (void **)&out->items, &out->count,
                                sizeof(*out->items), arc_sqlite_read_event,
                                "timeline events");
}
