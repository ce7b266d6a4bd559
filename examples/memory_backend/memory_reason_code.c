/*
 * The catalog of dispute reason codes, keyed by code.
 */
#include <stdlib.h>
#include <string.h>

#include "memory_internal.h"
#include "memory_ops.h"

static int copy_reason(void *out, const void *in)
{
    return mem_copy_reason_code(out, in);
}

/* The index of the row of @p code, or -1. */
static ptrdiff_t find_code(arc_store *store, const char *code)
{
    const struct mem_table *table = mem_table_of(store, MEM_REASON_CODES);

    for (size_t i = 0; i < table->count; i++) {
        const struct mem_reason *row = table->rows[i];

        if (strcmp(row->record.code, code) == 0)
            return (ptrdiff_t)i;
    }
    return -1;
}

static int not_in_catalog(const char *code)
{
    return arc_error_set(ARC_ENOTFOUND, "reason code %s: not in the catalog", code);
}

int mem_reason_code_insert(arc_store *store, const struct arc_reason_code *reason)
{
    struct mem_reason *row;
    int rc;

    if (find_code(store, reason->code) >= 0)
        return arc_error_set(ARC_EEXISTS, "reason code %s: already in the catalog",
                             reason->code);
    row = mem_row_new(sizeof(*row));
    if (row == NULL)
        return ARC_ENOMEM;
    rc = mem_copy_reason_code(&row->record, reason);
    if (rc == ARC_OK)
        rc = mem_table_insert(store, mem_table_of(store, MEM_REASON_CODES), row);
    if (rc != ARC_OK)
        mem_row_free[MEM_REASON_CODES](row);
    return rc;
}

int mem_reason_code_update(arc_store *store, const struct arc_reason_code *reason)
{
    struct mem_table *table = mem_table_of(store, MEM_REASON_CODES);
    ptrdiff_t index = find_code(store, reason->code);
    const struct mem_reason *old;
    struct mem_reason *row;
    int rc;

    if (index < 0)
        return not_in_catalog(reason->code);
    old = table->rows[index];
    row = mem_row_new(sizeof(*row));
    if (row == NULL)
        return ARC_ENOMEM;
    rc = mem_copy_reason_code(&row->record, reason);
    row->id = old->id;
    row->record.created_at = old->record.created_at;
    if (rc == ARC_OK)
        rc = mem_table_replace(store, table, (size_t)index, row);
    if (rc != ARC_OK)
        mem_row_free[MEM_REASON_CODES](row);
    return rc;
}

int mem_reason_code_get(arc_store *store, const char *code, struct arc_reason_code *out)
{
    const struct mem_table *table = mem_table_of(store, MEM_REASON_CODES);
    ptrdiff_t index = find_code(store, code);
    const struct mem_reason *row;

    if (index < 0)
        return not_in_catalog(code);
    row = table->rows[index];
    return mem_copy_reason_code(out, &row->record);
}

int mem_reason_code_delete(arc_store *store, const char *code)
{
    ptrdiff_t index = find_code(store, code);

    if (index < 0)
        return not_in_catalog(code);
    return mem_table_remove(store, mem_table_of(store, MEM_REASON_CODES), (size_t)index);
}

static int by_code(const void *a, const void *b)
{
    const struct arc_reason_code *x = *(const struct arc_reason_code *const *)a;
    const struct arc_reason_code *y = *(const struct arc_reason_code *const *)b;

    return strcmp(x->code, y->code);
}

int mem_reason_code_list(arc_store *store, bool include_inactive,
                         struct arc_reason_code_page *out)
{
    const struct mem_table *table = mem_table_of(store, MEM_REASON_CODES);
    struct mem_picks picks = { 0 };
    int rc = ARC_OK;

    for (size_t i = 0; i < table->count && rc == ARC_OK; i++) {
        const struct mem_reason *row = table->rows[i];

        if (row->record.active || include_inactive)
            rc = mem_picks_add(&picks, &row->record);
    }
    if (rc == ARC_OK) {
        if (picks.count > 1)
            qsort(picks.items, picks.count, sizeof(*picks.items), by_code);
        rc =
            mem_page_append((void **)&out->items, &out->count, sizeof(*out->items),
                            picks.items, picks.count, copy_reason, mem_clear_reason_code);
    }
    mem_picks_free(&picks);
    return rc;
}

int mem_reason_code_in_use(arc_store *store, const char *code, bool *out)
{
    const struct mem_table *disputes = mem_table_of(store, MEM_DISPUTES);
    const struct mem_table *rules = mem_table_of(store, MEM_RULES);

    *out = false;
    for (size_t i = 0; i < disputes->count && !*out; i++) {
        const struct arc_dispute *dispute = disputes->rows[i];

        *out = strcmp(dispute->reason_code, code) == 0;
    }
    for (size_t i = 0; i < rules->count && !*out; i++) {
        const struct arc_escalation_rule *rule = rules->rows[i];

        *out = rule->reason_code != NULL && strcmp(rule->reason_code, code) == 0;
    }
    return ARC_OK;
}
