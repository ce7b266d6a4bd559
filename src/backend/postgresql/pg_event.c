/*
 * The event journal in the PostgreSQL book: a table only ever appended to
 * (a trigger refuses updates and deletes), read in id order. Events are
 * written behind: their ids come from the book's counter, taken under its
 * lock, so the journal's order is the order of commits.
 */
#include "error.h"
#include "pg_internal.h"

int arc_pg_read_event(const PGresult *res, int row, void *record)
{
    struct arc_event *out = record;
    int rc = ARC_OK;

    out->id = arc_pg_int(res, row, 0);
    out->kind = (arc_event_kind)arc_parse_event_kind(PQgetvalue(res, row, 1));
    out->occurred_at = arc_pg_time(res, row, 2);
    out->actor = arc_pg_text_dup(res, row, 3, &rc);
    out->record_id = arc_pg_int(res, row, 4);
    out->customer_id = arc_pg_int(res, row, 5);
    out->invoice_id = arc_pg_int(res, row, 6);
    out->dispute_id = arc_pg_int(res, row, 7);
    out->amount = arc_pg_int(res, row, 8);
    arc_pg_currency(res, row, 9, out->currency);
    out->detail = arc_pg_text_dup(res, row, 10, &rc);
    if (rc != ARC_OK)
        arc_event_clear(out);
    return rc;
}

int arc_pg_event_append(arc_store *store, struct arc_event *event)
{
    struct arc_pg_params params;
    bool with_amount = event->currency[0] != '\0';
    arc_id id;
    int rc = arc_pg_next_id(store, ARC_PG_ID_EVENT, &id, "event journal");

    if (rc != ARC_OK)
        return rc;
    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, id);
    arc_pg_param_text(&params, arc_event_kind_name(event->kind));
    arc_pg_param_time(&params, event->occurred_at);
    arc_pg_param_text(&params, event->actor);
    arc_pg_param_int(&params, event->record_id);
    arc_pg_param_id(&params, event->customer_id);
    arc_pg_param_id(&params, event->invoice_id);
    arc_pg_param_id(&params, event->dispute_id);
    if (with_amount)
        arc_pg_param_int(&params, event->amount);
    else
        arc_pg_param_text(&params, NULL);
    arc_pg_param_text(&params, with_amount ? event->currency : NULL);
    arc_pg_param_text(&params, event->detail);
    rc = arc_pg_batch_add(store, ARC_PG_BATCH_EVENTS, &params);
    if (rc == ARC_OK)
        event->id = id;
    return rc;
}

int arc_pg_event_list(arc_store *store, arc_id after_id, unsigned int limit,
                      struct arc_event_page *out)
{
    static const char SQL[] = "SELECT " ARC_PG_EVENT_COLUMNS " FROM arcollect.events"
                              " WHERE book = $1 AND id > $2 ORDER BY id LIMIT $3";
    struct arc_pg_params params;

    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, after_id);
    arc_pg_param_int(&params, limit);
    return arc_pg_fetch_all(store, SQL, &params, (void **)&out->items, &out->count,
                            sizeof(*out->items), arc_pg_read_event, "event journal");
}
