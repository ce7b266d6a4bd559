/* placeholder: being written */
#include "error.h"
#include "sqlite_internal.h"

int arc_sqlite_rule_insert(arc_store *store, struct arc_escalation_rule *rule)
{
    (void)store;
    return arc_fail(ARC_ESTORAGE, "automation: not written yet");
}

int arc_sqlite_rule_update(arc_store *store, const struct arc_escalation_rule *rule)
{
    (void)store;
    return arc_fail(ARC_ESTORAGE, "automation: not written yet");
}

int arc_sqlite_rule_delete(arc_store *store, arc_id id)
{
    (void)store;
    return arc_fail(ARC_ESTORAGE, "automation: not written yet");
}

int arc_sqlite_rule_get(arc_store *store, arc_id id, struct arc_escalation_rule *out)
{
    (void)store;
    return arc_fail(ARC_ESTORAGE, "automation: not written yet");
}

int arc_sqlite_rule_get_by_name(arc_store *store, const char *name,
                                struct arc_escalation_rule *out)
{
    (void)store;
    return arc_fail(ARC_ESTORAGE, "automation: not written yet");
}

int arc_sqlite_rule_list(arc_store *store, bool include_inactive,
                         struct arc_escalation_rule_page *out)
{
    (void)store;
    return arc_fail(ARC_ESTORAGE, "automation: not written yet");
}

int arc_sqlite_scan_unresolved_disputes(
    arc_store *store, int (*fn)(void *ctx, const struct arc_dispute_state *state),
    void *ctx)
{
    (void)store;
    return arc_fail(ARC_ESTORAGE, "automation: not written yet");
}

int arc_sqlite_last_contact(arc_store *store, arc_id customer_id, arc_time *out)
{
    (void)store;
    return arc_fail(ARC_ESTORAGE, "automation: not written yet");
}

int arc_sqlite_rule_fired(arc_store *store, arc_id rule_id, arc_id dispute_id,
                          arc_time state_since, bool *out)
{
    (void)store;
    return arc_fail(ARC_ESTORAGE, "automation: not written yet");
}

int arc_sqlite_rule_firing_insert(arc_store *store, arc_id rule_id, arc_id dispute_id,
                                  arc_time state_since, arc_time fired_at)
{
    (void)store;
    return arc_fail(ARC_ESTORAGE, "automation: not written yet");
}

int arc_sqlite_scan_overdue_invoices(
    arc_store *store, arc_date today,
    int (*fn)(void *ctx, const struct arc_overdue_invoice *invoice), void *ctx)
{
    (void)store;
    return arc_fail(ARC_ESTORAGE, "automation: not written yet");
}

int arc_sqlite_invoice_mark_overdue_alerted(arc_store *store, arc_id id)
{
    (void)store;
    return arc_fail(ARC_ESTORAGE, "automation: not written yet");
}
