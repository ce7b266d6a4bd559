/*
 * Reading escalation rules: lookups, the list, and accessors.
 */
#include <stdlib.h>

#include "db_internal.h"
#include "error.h"

/* Read one rule, by id or by name, into a new handle. */
static int lookup(arc_escalation_rule **out, arc_db *db, arc_id id, const char *name)
{
    struct arc_escalation_rule *rule;
    int rc;

    if (out == NULL)
        return arc_fail(ARC_EINVAL, "escalation rule: out must not be NULL");
    ARC_CHECK_DB(db);
    rule = calloc(1, sizeof(*rule));
    if (rule == NULL)
        return arc_fail(ARC_ENOMEM, "escalation rule: out of memory");

    rc = arc_read_begin(db);
    if (rc == ARC_OK)
        rc = arc_read_end(db, name ? db->ops->rule_get_by_name(db->store, name, rule)
                                   : db->ops->rule_get(db->store, id, rule));
    if (rc != ARC_OK) {
        free(rule);
        return rc;
    }
    *out = rule;
    return ARC_OK;
}

int arc_escalation_rule_lookup(arc_escalation_rule **out, arc_db *db, arc_id id)
{
    return lookup(out, db, id, NULL);
}

int arc_escalation_rule_lookup_by_name(arc_escalation_rule **out, arc_db *db,
                                       const char *name)
{
    if (name == NULL)
        return arc_fail(ARC_EINVAL, "escalation rule: name: required");
    return lookup(out, db, 0, name);
}

void arc_escalation_rule_free(arc_escalation_rule *rule)
{
    if (rule == NULL)
        return;
    arc_escalation_rule_clear(rule);
    free(rule);
}

int arc_escalation_rule_list(arc_escalation_rule_page **out, arc_db *db,
                             int include_inactive)
{
    arc_escalation_rule_page *page;
    int rc;

    if (out == NULL)
        return arc_fail(ARC_EINVAL, "escalation rules: out must not be NULL");
    ARC_CHECK_DB(db);
    page = calloc(1, sizeof(*page));
    if (page == NULL)
        return arc_fail(ARC_ENOMEM, "escalation rules: out of memory");
    rc = arc_read_begin(db);
    if (rc == ARC_OK)
        rc = arc_read_end(db, db->ops->rule_list(db->store, include_inactive != 0, page));
    if (rc != ARC_OK) {
        arc_escalation_rule_page_free(page);
        return rc;
    }
    *out = page;
    return ARC_OK;
}

size_t arc_escalation_rule_page_count(const arc_escalation_rule_page *page)
{
    return page ? page->count : 0;
}

const arc_escalation_rule *
arc_escalation_rule_page_at(const arc_escalation_rule_page *page, size_t index)
{
    return page && index < page->count ? &page->items[index] : NULL;
}

void arc_escalation_rule_page_free(arc_escalation_rule_page *page)
{
    if (page == NULL)
        return;
    for (size_t i = 0; i < page->count; i++)
        arc_escalation_rule_clear(&page->items[i]);
    free(page->items);
    free(page);
}

arc_id arc_escalation_rule_id(const arc_escalation_rule *rule)
{
    return rule ? rule->id : 0;
}

const char *arc_escalation_rule_name(const arc_escalation_rule *rule)
{
    return rule ? rule->name : NULL;
}

int arc_escalation_rule_active(const arc_escalation_rule *rule)
{
    return rule && rule->active ? 1 : 0;
}

unsigned int arc_escalation_rule_statuses(const arc_escalation_rule *rule)
{
    return rule ? rule->statuses : 0;
}

int arc_escalation_rule_min_days_in_state(const arc_escalation_rule *rule)
{
    return rule ? rule->min_days_in_state : 0;
}

int64_t arc_escalation_rule_min_amount(const arc_escalation_rule *rule)
{
    return rule ? rule->min_amount : 0;
}

const char *arc_escalation_rule_currency(const arc_escalation_rule *rule)
{
    return rule && rule->currency[0] ? rule->currency : NULL;
}

const char *arc_escalation_rule_reason_code(const arc_escalation_rule *rule)
{
    return rule ? rule->reason_code : NULL;
}

int arc_escalation_rule_min_days_since_contact(const arc_escalation_rule *rule)
{
    return rule ? rule->min_days_since_contact : 0;
}

int arc_escalation_rule_below_level(const arc_escalation_rule *rule)
{
    return rule ? rule->below_level : 0;
}

unsigned int arc_escalation_rule_actions(const arc_escalation_rule *rule)
{
    return rule ? rule->actions : 0;
}

const char *arc_escalation_rule_assign_to(const arc_escalation_rule *rule)
{
    return rule ? rule->assign_to : NULL;
}

int arc_escalation_rule_due_in_days(const arc_escalation_rule *rule)
{
    return rule ? rule->due_in_days : 0;
}
