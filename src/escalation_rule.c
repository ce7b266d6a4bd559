/*
 * Escalation rules: checking, adding, replacing and deleting them. What a
 * rule does to disputes is automation.c's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispute_internal.h"
#include "error.h"
#include "util.h"

/* The states a rule can apply to: every state but resolved. */
#define UNRESOLVED_STATES                                                                \
    (ARC_RULE_STATUS(ARC_DISPUTE_OPEN) | ARC_RULE_STATUS(ARC_DISPUTE_IN_REVIEW) |        \
     ARC_RULE_STATUS(ARC_DISPUTE_ESCALATED) | ARC_RULE_STATUS(ARC_DISPUTE_REOPENED))

#define ALL_ACTIONS                                                                      \
    (ARC_RULE_ESCALATE | ARC_RULE_ALERT | ARC_RULE_REASSIGN | ARC_RULE_SET_DUE_DATE)

/* Escalation levels are small; a cap above this is surely a mistake. */
#define LEVEL_MAX 1000

void arc_escalation_rule_clear(struct arc_escalation_rule *rule)
{
    free(rule->name);
    free(rule->reason_code);
    free(rule->assign_to);
    rule->name = rule->reason_code = rule->assign_to = NULL;
}

static int check_days(const char *name, const char *field, int days)
{
    if (days < 0 || days > ARC_RULE_MAX_DAYS)
        return arc_fail(ARC_EINVAL,
                        "escalation rule \"%s\": %s: %d is not between 0 and %d days",
                        name, field, days, ARC_RULE_MAX_DAYS);
    return ARC_OK;
}

static int check_conditions(const arc_escalation_rule_opts *opts)
{
    const char *name = opts->name;
    int rc;

    if (opts->statuses & ~(unsigned int)UNRESOLVED_STATES)
        return arc_fail(ARC_EINVAL,
                        "escalation rule \"%s\": statuses: 0x%x names a state that is"
                        " not open, in_review, escalated or reopened",
                        name, opts->statuses);
    rc = check_days(name, "min_days_in_state", opts->min_days_in_state);
    if (rc == ARC_OK)
        rc = check_days(name, "min_days_since_contact", opts->min_days_since_contact);
    if (rc != ARC_OK)
        return rc;
    if (opts->min_amount < 0)
        return arc_fail(ARC_EINVAL, "escalation rule \"%s\": min_amount: negative", name);
    if (opts->min_amount > 0 && (opts->currency == NULL || *opts->currency == '\0'))
        return arc_fail(ARC_EINVAL,
                        "escalation rule \"%s\": currency: required with min_amount",
                        name);
    if (opts->currency != NULL && *opts->currency != '\0' &&
        arc_currency_lookup(NULL, opts->currency) != ARC_OK)
        return arc_fail(ARC_EINVAL,
                        "escalation rule \"%s\": currency: \"%.8s\" is not an ISO 4217"
                        " code",
                        name, opts->currency);
    if (opts->below_level < 0 || opts->below_level > LEVEL_MAX)
        return arc_fail(ARC_EINVAL,
                        "escalation rule \"%s\": below_level: %d is not between 0 and %d",
                        name, opts->below_level, LEVEL_MAX);
    return ARC_OK;
}

static int check_actions(const arc_escalation_rule_opts *opts)
{
    const char *name = opts->name;

    if (opts->actions == 0)
        return arc_fail(ARC_EINVAL, "escalation rule \"%s\": actions: none given", name);
    if (opts->actions & ~(unsigned int)ALL_ACTIONS)
        return arc_fail(ARC_EINVAL,
                        "escalation rule \"%s\": actions: 0x%x is not an action", name,
                        opts->actions);
    /* A rule that escalates on the state it produces would escalate again
     * at once; a day in the state keeps a second run from doing anything. */
    if ((opts->actions & ARC_RULE_ESCALATE) && opts->min_days_in_state < 1)
        return arc_fail(ARC_EINVAL,
                        "escalation rule \"%s\": min_days_in_state: a rule that escalates"
                        " needs at least 1",
                        name);
    if ((opts->actions & ARC_RULE_REASSIGN) &&
        (opts->assign_to == NULL || *opts->assign_to == '\0'))
        return arc_fail(
            ARC_EINVAL,
            "escalation rule \"%s\": assign_to: required with ARC_RULE_REASSIGN", name);
    if (!(opts->actions & ARC_RULE_REASSIGN) && opts->assign_to && *opts->assign_to)
        return arc_fail(
            ARC_EINVAL,
            "escalation rule \"%s\": assign_to: given without ARC_RULE_REASSIGN", name);
    if (!(opts->actions & ARC_RULE_SET_DUE_DATE) && opts->due_in_days != 0)
        return arc_fail(ARC_EINVAL,
                        "escalation rule \"%s\": due_in_days: given without"
                        " ARC_RULE_SET_DUE_DATE",
                        name);
    if (opts->assign_to != NULL)
        return arc_check_text("escalation rule", "assign_to", opts->assign_to, PERSON_MAX,
                              false);
    return check_days(name, "due_in_days", opts->due_in_days);
}

static int check_opts(const arc_escalation_rule_opts *opts)
{
    int rc;

    if (opts == NULL)
        return arc_fail(ARC_EINVAL, "escalation rule: options must not be NULL");
    if (opts->version != ARC_ESCALATION_RULE_OPTS_VERSION)
        return arc_fail(ARC_EVERSION,
                        "escalation rule options: version %u is not supported",
                        opts->version);
    rc = arc_check_text("escalation rule", "name", opts->name, ARC_RULE_NAME_MAX, true);
    if (rc == ARC_OK)
        rc = check_conditions(opts);
    if (rc == ARC_OK)
        rc = check_actions(opts);
    return rc;
}

/* The reason code must be in the catalog; an inactive one is allowed, since
 * disputes opened before it was retired still carry it. */
static int check_reason_code(arc_db *db, const arc_escalation_rule_opts *opts)
{
    struct arc_reason_code reason = { 0 };
    int rc;

    if (opts->reason_code == NULL || *opts->reason_code == '\0')
        return ARC_OK;
    rc = db->ops->reason_code_get(db->store, opts->reason_code, &reason);
    arc_reason_code_clear(&reason);
    if (rc == ARC_ENOTFOUND)
        return arc_fail(ARC_EINVAL,
                        "escalation rule \"%s\": reason_code: \"%.32s\" is not in the"
                        " catalog",
                        opts->name, opts->reason_code);
    return rc;
}

/* Fill a record from options; strings are borrowed from @p opts. */
static void fill_rule(struct arc_escalation_rule *rule,
                      const arc_escalation_rule_opts *opts)
{
    rule->name = (char *)opts->name;
    rule->active = opts->active != 0;
    rule->statuses = opts->statuses ? opts->statuses : UNRESOLVED_STATES;
    rule->min_days_in_state = opts->min_days_in_state;
    rule->min_amount = opts->min_amount;
    rule->currency[0] = '\0';
    if (opts->currency != NULL && *opts->currency != '\0')
        snprintf(rule->currency, sizeof(rule->currency), "%s", opts->currency);
    rule->reason_code =
        (char *)(opts->reason_code && *opts->reason_code ? opts->reason_code : NULL);
    rule->min_days_since_contact = opts->min_days_since_contact;
    rule->below_level = opts->below_level;
    rule->actions = opts->actions;
    rule->assign_to =
        (char *)(opts->assign_to && *opts->assign_to ? opts->assign_to : NULL);
    rule->due_in_days = opts->due_in_days;
}

static int emit_change(arc_db *db, const struct arc_escalation_rule *rule)
{
    struct arc_event event = arc_event_about(ARC_EVENT_RULE_CHANGED, rule->id, 0);

    event.detail = rule->name;
    return arc_event_emit(db, &event);
}

static int add_in_scope(arc_db *db, const arc_escalation_rule_opts *opts, arc_id *out)
{
    struct arc_escalation_rule rule = { 0 };
    int rc = check_reason_code(db, opts);

    if (rc != ARC_OK)
        return rc;
    fill_rule(&rule, opts);
    rule.created_at = rule.updated_at = arc_db_now(db);
    rc = db->ops->rule_insert(db->store, &rule);
    if (rc == ARC_OK)
        rc = emit_change(db, &rule);
    if (rc == ARC_OK)
        *out = rule.id;
    return rc;
}

int arc_escalation_rule_add(arc_id *out, arc_db *db, const arc_escalation_rule_opts *opts)
{
    arc_id id = 0;
    int rc;

    ARC_CHECK_DB(db);
    rc = check_opts(opts);
    if (rc != ARC_OK)
        return rc;
    rc = arc_write_begin(db);
    if (rc != ARC_OK)
        return rc;
    rc = arc_write_end(db, add_in_scope(db, opts, &id));
    if (rc == ARC_OK && out != NULL)
        *out = id;
    return rc;
}

static int update_in_scope(arc_db *db, arc_id id, const arc_escalation_rule_opts *opts)
{
    struct arc_escalation_rule old = { 0 };
    struct arc_escalation_rule rule = { 0 };
    int rc = db->ops->rule_get(db->store, id, &old);

    if (rc == ARC_OK)
        rc = check_reason_code(db, opts);
    if (rc == ARC_OK) {
        fill_rule(&rule, opts);
        rule.id = id;
        rule.created_at = old.created_at;
        rule.updated_at = arc_db_now(db);
        rc = db->ops->rule_update(db->store, &rule);
    }
    if (rc == ARC_OK)
        rc = emit_change(db, &rule);
    arc_escalation_rule_clear(&old);
    return rc;
}

int arc_escalation_rule_update(arc_db *db, arc_id id,
                               const arc_escalation_rule_opts *opts)
{
    int rc;

    ARC_CHECK_DB(db);
    rc = check_opts(opts);
    if (rc != ARC_OK)
        return rc;
    rc = arc_write_begin(db);
    if (rc != ARC_OK)
        return rc;
    return arc_write_end(db, update_in_scope(db, id, opts));
}

static int delete_in_scope(arc_db *db, arc_id id)
{
    struct arc_escalation_rule rule = { 0 };
    int rc = db->ops->rule_get(db->store, id, &rule);

    if (rc == ARC_OK)
        rc = db->ops->rule_delete(db->store, id);
    if (rc == ARC_OK)
        rc = emit_change(db, &rule);
    arc_escalation_rule_clear(&rule);
    return rc;
}

int arc_escalation_rule_delete(arc_db *db, arc_id id)
{
    int rc;

    ARC_CHECK_DB(db);
    rc = arc_write_begin(db);
    if (rc != ARC_OK)
        return rc;
    return arc_write_end(db, delete_in_scope(db, id));
}
