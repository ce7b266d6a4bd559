/*
 * Escalation rules and the record of their firings.
 */
#include <string.h>

#include "memory_internal.h"
#include "memory_ops.h"

static int copy_rule(void *out, const void *in)
{
    return mem_copy_rule(out, in);
}

static const struct arc_escalation_rule *by_name(arc_store *store, const char *name)
{
    const struct mem_table *table = mem_table_of(store, MEM_RULES);

    for (size_t i = 0; i < table->count; i++) {
        const struct arc_escalation_rule *rule = table->rows[i];

        if (strcmp(rule->name, name) == 0)
            return rule;
    }
    return NULL;
}

static int name_taken(const char *name)
{
    return arc_error_set(ARC_EEXISTS, "escalation rule \"%s\": name: already taken",
                         name);
}

static int not_found(arc_id id)
{
    return arc_error_set(ARC_ENOTFOUND, "escalation rule %lld: not found", (long long)id);
}

int mem_rule_insert(arc_store *store, struct arc_escalation_rule *rule)
{
    struct arc_escalation_rule *row;
    int rc;

    if (by_name(store, rule->name) != NULL)
        return name_taken(rule->name);
    row = mem_row_new(sizeof(*row));
    if (row == NULL)
        return ARC_ENOMEM;
    rc = mem_copy_rule(row, rule);
    if (rc == ARC_OK)
        rc = mem_table_insert(store, mem_table_of(store, MEM_RULES), row);
    if (rc != ARC_OK) {
        mem_row_free[MEM_RULES](row);
        return rc;
    }
    rule->id = row->id;
    return ARC_OK;
}

int mem_rule_update(arc_store *store, const struct arc_escalation_rule *rule)
{
    struct mem_table *table = mem_table_of(store, MEM_RULES);
    ptrdiff_t index = mem_table_find(table, rule->id);
    const struct arc_escalation_rule *old, *holder;
    struct arc_escalation_rule *row;
    int rc;

    if (index < 0)
        return not_found(rule->id);
    holder = by_name(store, rule->name);
    if (holder != NULL && holder->id != rule->id)
        return name_taken(rule->name);

    old = table->rows[index];
    row = mem_row_new(sizeof(*row));
    if (row == NULL)
        return ARC_ENOMEM;
    rc = mem_copy_rule(row, rule);
    row->id = old->id;
    row->created_at = old->created_at;
    if (rc == ARC_OK)
        rc = mem_table_replace(store, table, (size_t)index, row);
    if (rc != ARC_OK)
        mem_row_free[MEM_RULES](row);
    return rc;
}

int mem_rule_delete(arc_store *store, arc_id id)
{
    struct mem_table *rules = mem_table_of(store, MEM_RULES);
    struct mem_table *firings = mem_table_of(store, MEM_FIRINGS);
    ptrdiff_t index = mem_table_find(rules, id);
    int rc = ARC_OK;

    if (index < 0)
        return not_found(id);
    for (size_t i = firings->count; i > 0 && rc == ARC_OK; i--) {
        const struct mem_firing *firing = firings->rows[i - 1];

        if (firing->rule_id == id)
            rc = mem_table_remove(store, firings, i - 1);
    }
    if (rc == ARC_OK)
        rc = mem_table_remove(store, rules, (size_t)index);
    return rc;
}

int mem_rule_get(arc_store *store, arc_id id, struct arc_escalation_rule *out)
{
    const struct arc_escalation_rule *rule =
        mem_table_get(mem_table_of(store, MEM_RULES), id);

    if (rule == NULL)
        return not_found(id);
    return mem_copy_rule(out, rule);
}

int mem_rule_get_by_name(arc_store *store, const char *name,
                         struct arc_escalation_rule *out)
{
    const struct arc_escalation_rule *rule = by_name(store, name);

    if (rule == NULL)
        return arc_error_set(ARC_ENOTFOUND, "escalation rule \"%s\": not found", name);
    return mem_copy_rule(out, rule);
}

int mem_rule_list(arc_store *store, bool include_inactive,
                  struct arc_escalation_rule_page *out)
{
    const struct mem_table *table = mem_table_of(store, MEM_RULES);
    struct mem_picks picks = { 0 };
    int rc = ARC_OK;

    for (size_t i = 0; i < table->count && rc == ARC_OK; i++) {
        const struct arc_escalation_rule *rule = table->rows[i];

        if (rule->active || include_inactive)
            rc = mem_picks_add(&picks, rule);
    }
    if (rc == ARC_OK)
        rc = mem_page_append((void **)&out->items, &out->count, sizeof(*out->items),
                             picks.items, picks.count, copy_rule, mem_clear_rule);
    mem_picks_free(&picks);
    return rc;
}

int mem_rule_fired(arc_store *store, arc_id rule_id, arc_id dispute_id, int64_t state_seq,
                   bool *out)
{
    const struct mem_table *table = mem_table_of(store, MEM_FIRINGS);

    *out = false;
    for (size_t i = 0; i < table->count && !*out; i++) {
        const struct mem_firing *firing = table->rows[i];

        *out = firing->rule_id == rule_id && firing->dispute_id == dispute_id &&
               firing->state_seq == state_seq;
    }
    return ARC_OK;
}

int mem_rule_firing_insert(arc_store *store, arc_id rule_id, arc_id dispute_id,
                           int64_t state_seq, arc_time fired_at)
{
    struct mem_firing *row;
    bool fired;
    int rc = mem_rule_fired(store, rule_id, dispute_id, state_seq, &fired);

    if (rc == ARC_OK && fired)
        return arc_error_set(ARC_EEXISTS,
                             "escalation rule %lld: already fired for dispute %lld at "
                             "state %lld",
                             (long long)rule_id, (long long)dispute_id,
                             (long long)state_seq);
    row = mem_row_new(sizeof(*row));
    if (row == NULL)
        return ARC_ENOMEM;
    row->rule_id = rule_id;
    row->dispute_id = dispute_id;
    row->state_seq = state_seq;
    row->fired_at = fired_at;
    rc = mem_table_insert(store, mem_table_of(store, MEM_FIRINGS), row);
    if (rc != ARC_OK)
        mem_row_free[MEM_FIRINGS](row);
    return rc;
}
