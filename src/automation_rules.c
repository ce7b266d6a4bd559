/*
 * Escalation rules applied to one dispute: whether a rule matches, and what
 * firing it does. The run over the book is automation.c's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "automation_internal.h"
#include "dispute_internal.h"
#include "error.h"
#include "util.h"

#define SECONDS_PER_DAY 86400

/* Whole days from @p then to @p now; 0 when @p then is later. */
static int64_t days_since(arc_time now, arc_time then)
{
    return now > then ? (now - then) / SECONDS_PER_DAY : 0;
}

/* The customer's last contact, remembered for the rest of the run. */
static int last_contact(struct arc_automation *run, arc_id customer_id, arc_time *out)
{
    size_t mask = run->contact_slots - 1;
    size_t slot = (size_t)customer_id * 0x9E3779B97F4A7C15ull & mask;
    int rc;

    while (run->contacts[slot].customer_id != 0) {
        if (run->contacts[slot].customer_id == customer_id) {
            *out = run->contacts[slot].at;
            return ARC_OK;
        }
        slot = (slot + 1) & mask;
    }
    rc = arc_store_last_contact(run->db, customer_id, out);
    if (rc != ARC_OK)
        return rc;
    /* The table is sized for every dispute, so a free slot always remains. */
    run->contacts[slot].customer_id = customer_id;
    run->contacts[slot].at = *out;
    return ARC_OK;
}

int arc_automation_contacts_init(struct arc_automation *run, size_t disputes)
{
    size_t slots = 16;

    while (slots < disputes * 2)
        slots *= 2;
    run->contacts = calloc(slots, sizeof(*run->contacts));
    if (run->contacts == NULL)
        return arc_fail(ARC_ENOMEM, "automation: out of memory");
    run->contact_slots = slots;
    return ARC_OK;
}

/* Whether every condition of @p rule holds for the dispute now. */
static int matches(struct arc_automation *run, const struct arc_escalation_rule *rule,
                   const struct arc_dispute_state *state, bool *out)
{
    arc_time contact = 0;
    int rc;

    *out = false;
    if (!(rule->statuses & ARC_RULE_STATUS(state->status)))
        return ARC_OK;
    if (rule->reason_code != NULL && strcmp(rule->reason_code, state->reason_code) != 0)
        return ARC_OK;
    if (rule->currency[0] != '\0' && strcmp(rule->currency, state->currency) != 0)
        return ARC_OK;
    if (state->amount < rule->min_amount)
        return ARC_OK;
    if (rule->below_level > 0 && state->escalation_level >= rule->below_level)
        return ARC_OK;
    if (days_since(run->now, state->status_changed_at) < rule->min_days_in_state)
        return ARC_OK;
    if (rule->min_days_since_contact > 0) {
        rc = last_contact(run, state->customer_id, &contact);
        if (rc != ARC_OK)
            return rc;
        if (contact < state->opened_at)
            contact = state->opened_at;
        if (days_since(run->now, contact) < rule->min_days_since_contact)
            return ARC_OK;
    }
    *out = true;
    return ARC_OK;
}

static int emit_alert(struct arc_automation *run, const struct arc_dispute *dispute,
                      const struct arc_escalation_rule *rule)
{
    struct arc_event event =
        arc_event_about(ARC_EVENT_DISPUTE_ALERT, dispute->id, dispute->customer_id);

    event.invoice_id = dispute->invoice_id;
    event.dispute_id = dispute->id;
    event.actor = (char *)ARC_AUTOMATION_ACTOR;
    event.detail = rule->name;
    arc_event_set_amount(&event, dispute->amount, dispute->currency);
    return arc_event_emit(run->db, &event);
}

/* The changes to owner and due date, journalled as one update. */
static int reassign_and_reschedule(struct arc_automation *run,
                                   const struct arc_escalation_rule *rule,
                                   struct arc_dispute *dispute, bool *changed)
{
    int rc = ARC_OK;

    if ((rule->actions & ARC_RULE_REASSIGN) && strcmp(dispute->owner, rule->assign_to)) {
        rc = arc_dispute_replace_text(&dispute->owner, rule->assign_to);
        if (rc != ARC_OK)
            return rc;
        run->result.reassignments++;
        *changed = true;
    }
    if (rule->actions & ARC_RULE_SET_DUE_DATE) {
        arc_date due = run->today + rule->due_in_days;

        if (dispute->due_date != due) {
            dispute->due_date = due;
            run->result.due_dates_set++;
            *changed = true;
        }
    }
    return ARC_OK;
}

static int act(struct arc_automation *run, const struct arc_escalation_rule *rule,
               struct arc_dispute *dispute)
{
    bool updated = false;
    bool escalated = false;
    int rc = reassign_and_reschedule(run, rule, dispute, &updated);

    if (rc == ARC_OK && (rule->actions & ARC_RULE_ESCALATE)) {
        dispute->escalation_level++;
        arc_dispute_enter(run->db, dispute, ARC_DISPUTE_ESCALATED);
        run->result.escalations++;
        escalated = true;
    }
    if (rc == ARC_OK && (updated || escalated)) {
        dispute->updated_at = run->now;
        rc = run->db->ops->dispute_update(run->db->store, dispute);
    }
    if (rc == ARC_OK && updated)
        rc = arc_dispute_emit(run->db, dispute, ARC_EVENT_DISPUTE_UPDATED,
                              ARC_AUTOMATION_ACTOR);
    if (rc == ARC_OK && escalated)
        rc = arc_dispute_emit(run->db, dispute, ARC_EVENT_DISPUTE_ESCALATED,
                              ARC_AUTOMATION_ACTOR);
    if (rc == ARC_OK && (rule->actions & ARC_RULE_ALERT)) {
        rc = emit_alert(run, dispute, rule);
        run->result.alerts++;
    }
    return rc;
}

/* Fire @p rule on the dispute: act, then remember it fired in the state the
 * dispute was in, and bring @p state up to date. */
static int fire(struct arc_automation *run, const struct arc_escalation_rule *rule,
                struct arc_dispute_state *state)
{
    struct arc_dispute dispute = { 0 };
    int rc = run->db->ops->dispute_get(run->db->store, state->id, &dispute);

    if (rc == ARC_OK)
        rc = act(run, rule, &dispute);
    if (rc == ARC_OK)
        rc = run->db->ops->rule_firing_insert(run->db->store, rule->id, state->id,
                                              state->state_seq, run->now);
    if (rc == ARC_OK) {
        run->result.rules_fired++;
        state->status = dispute.status;
        state->escalation_level = dispute.escalation_level;
        state->status_changed_at = dispute.status_changed_at;
        state->state_seq = dispute.state_seq;
        state->due_date = dispute.due_date;
    }
    arc_dispute_clear(&dispute);
    return rc;
}

/* One pass of the rules in order; *escalated tells whether one escalated. */
static int apply_pass(struct arc_automation *run, struct arc_dispute_state *state,
                      bool *escalated)
{
    int rc = ARC_OK;

    *escalated = false;
    for (size_t i = 0; i < run->rules.count && rc == ARC_OK; i++) {
        const struct arc_escalation_rule *rule = &run->rules.items[i];
        bool match = false;
        bool fired = false;

        rc = matches(run, rule, state, &match);
        if (rc != ARC_OK || !match)
            continue;
        rc = run->db->ops->rule_fired(run->db->store, rule->id, state->id,
                                      state->state_seq, &fired);
        if (rc != ARC_OK || fired)
            continue;
        rc = fire(run, rule, state);
        if (rc == ARC_OK && (rule->actions & ARC_RULE_ESCALATE))
            *escalated = true;
    }
    return rc;
}

int arc_automation_apply_rules(struct arc_automation *run,
                               struct arc_dispute_state *state)
{
    bool escalated = false;
    int rc = apply_pass(run, state, &escalated);

    /* An escalation starts a new state that rules before the escalating one
     * may match; one more pass gives them their turn now rather than in the
     * next run. No rule can escalate again: each needs a day in the state. */
    if (rc == ARC_OK && escalated)
        rc = apply_pass(run, state, &escalated);
    return rc;
}
