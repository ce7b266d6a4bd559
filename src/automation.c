/*
 * The automation run: escalation rules over every dispute that is not
 * resolved, then the alerts for disputes and invoices past their due dates,
 * all in one write scope as of the book's clock.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "automation_internal.h"
#include "error.h"

/* Collect the disputes first: the scan may not write. */
static int keep_dispute(void *ctx, const struct arc_dispute_state *state)
{
    struct arc_automation *run = ctx;

    if (run->dispute_count == run->dispute_capacity) {
        size_t grown = run->dispute_capacity ? run->dispute_capacity * 2 : 256;
        struct arc_dispute_state *bigger =
            realloc(run->disputes, grown * sizeof(*bigger));

        if (bigger == NULL)
            return arc_fail(ARC_ENOMEM, "automation: out of memory");
        run->disputes = bigger;
        run->dispute_capacity = grown;
    }
    run->disputes[run->dispute_count++] = *state;
    return ARC_OK;
}

static int alert_dispute_overdue(struct arc_automation *run,
                                 const struct arc_dispute_state *state)
{
    struct arc_event event =
        arc_event_about(ARC_EVENT_DISPUTE_OVERDUE, state->id, state->customer_id);
    char due[ARC_DATE_BUFSIZE];
    int rc;

    event.invoice_id = state->invoice_id;
    event.dispute_id = state->id;
    event.actor = (char *)ARC_AUTOMATION_ACTOR;
    arc_event_set_amount(&event, state->amount, state->currency);
    arc_date_format(due, sizeof(due), state->due_date);
    event.detail = due;
    rc = arc_event_emit(run->db, &event);
    if (rc == ARC_OK)
        rc = run->db->ops->dispute_mark_overdue_alerted(run->db->store, state->id,
                                                        state->due_date);
    if (rc == ARC_OK)
        run->result.disputes_overdue++;
    return rc;
}

static int run_disputes(struct arc_automation *run)
{
    int rc = arc_automation_contacts_init(run, run->dispute_count);

    for (size_t i = 0; i < run->dispute_count && rc == ARC_OK; i++) {
        struct arc_dispute_state *state = &run->disputes[i];

        if (run->rules.count > 0)
            rc = arc_automation_apply_rules(run, state);
        /* After the rules, which may have set a new due date. */
        if (rc == ARC_OK && state->due_date != ARC_DATE_NONE &&
            state->due_date < run->today && state->overdue_alerted_for != state->due_date)
            rc = alert_dispute_overdue(run, state);
    }
    return rc;
}

/* Overdue invoices, collected then alerted; the scan may not write. */
struct overdue_list {
    struct arc_overdue_invoice *items;
    size_t count;
    size_t capacity;
};

static int keep_invoice(void *ctx, const struct arc_overdue_invoice *invoice)
{
    struct overdue_list *list = ctx;

    if (list->count == list->capacity) {
        size_t grown = list->capacity ? list->capacity * 2 : 256;
        struct arc_overdue_invoice *bigger =
            realloc(list->items, grown * sizeof(*bigger));

        if (bigger == NULL)
            return arc_fail(ARC_ENOMEM, "automation: out of memory");
        list->items = bigger;
        list->capacity = grown;
    }
    list->items[list->count++] = *invoice;
    return ARC_OK;
}

static int alert_invoice_overdue(struct arc_automation *run,
                                 const struct arc_overdue_invoice *invoice)
{
    struct arc_event event =
        arc_event_about(ARC_EVENT_INVOICE_OVERDUE, invoice->id, invoice->customer_id);
    char due[ARC_DATE_BUFSIZE];
    int rc;

    event.invoice_id = invoice->id;
    event.actor = (char *)ARC_AUTOMATION_ACTOR;
    arc_event_set_amount(&event, invoice->balance, invoice->currency);
    arc_date_format(due, sizeof(due), invoice->due_date);
    event.detail = due;
    rc = arc_event_emit(run->db, &event);
    if (rc == ARC_OK)
        rc = run->db->ops->invoice_mark_overdue_alerted(run->db->store, invoice->id);
    if (rc == ARC_OK)
        run->result.invoices_overdue++;
    return rc;
}

static int run_invoices(struct arc_automation *run)
{
    struct overdue_list list = { 0 };
    int rc = run->db->ops->scan_overdue_invoices(run->db->store, run->today, keep_invoice,
                                                 &list);

    for (size_t i = 0; i < list.count && rc == ARC_OK; i++)
        rc = alert_invoice_overdue(run, &list.items[i]);
    free(list.items);
    return rc;
}

static int run_in_scope(struct arc_automation *run)
{
    arc_store *store = run->db->store;
    int rc = run->db->ops->rule_list(store, false, &run->rules);

    if (rc == ARC_OK)
        rc = run->db->ops->scan_unresolved_disputes(store, keep_dispute, run);
    if (rc == ARC_OK)
        run->result.disputes_examined = run->dispute_count;
    if (rc == ARC_OK)
        rc = run_disputes(run);
    if (rc == ARC_OK)
        rc = run_invoices(run);
    return rc;
}

static void release(struct arc_automation *run)
{
    for (size_t i = 0; i < run->rules.count; i++)
        arc_escalation_rule_clear(&run->rules.items[i]);
    free(run->rules.items);
    free(run->disputes);
    free(run->contacts);
}

int arc_automation_run(arc_automation_result *result, arc_db *db)
{
    struct arc_automation run;
    int rc;

    ARC_CHECK_DB(db);
    if (result != NULL && result->version != ARC_AUTOMATION_RESULT_VERSION)
        return arc_fail(ARC_EVERSION, "automation result: version %u is not supported",
                        result->version);

    memset(&run, 0, sizeof(run));
    run.db = db;
    run.now = arc_db_now(db);
    run.today = arc_db_today(db);
    run.result.version = ARC_AUTOMATION_RESULT_VERSION;

    rc = arc_write_begin(db);
    if (rc == ARC_OK)
        rc = arc_write_end(db, run_in_scope(&run));
    release(&run);
    if (rc == ARC_OK && result != NULL)
        *result = run.result;
    return rc;
}
