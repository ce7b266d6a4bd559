/*
 * Applications of payments, credit memos, write-offs and voids to invoices.
 */
#include <string.h>

#include "memory_internal.h"
#include "memory_ops.h"

static int copy_application(void *out, const void *in)
{
    memcpy(out, in, sizeof(struct arc_application));
    return ARC_OK;
}

int mem_application_insert(arc_store *store, struct arc_application *application)
{
    struct arc_application *row = mem_row_new(sizeof(*row));
    int rc;

    if (row == NULL)
        return ARC_ENOMEM;
    *row = *application;
    if (row->kind != ARC_APPLICATION_PAYMENT && row->kind != ARC_APPLICATION_CREDIT_MEMO)
        row->source_id = 0;
    rc = mem_table_insert(store, mem_table_of(store, MEM_APPLICATIONS), row);
    if (rc != ARC_OK) {
        mem_row_free[MEM_APPLICATIONS](row);
        return rc;
    }
    application->id = row->id;
    return ARC_OK;
}

int mem_application_set_reversed(arc_store *store, arc_id id, arc_date reversed_on)
{
    struct mem_table *table = mem_table_of(store, MEM_APPLICATIONS);
    ptrdiff_t index = mem_table_find(table, id);
    struct arc_application *row;
    int rc;

    if (index < 0)
        return arc_error_set(ARC_ENOTFOUND, "application %lld: not found", (long long)id);
    row = mem_row_new(sizeof(*row));
    if (row == NULL)
        return ARC_ENOMEM;
    *row = *(const struct arc_application *)table->rows[index];
    row->reversed_on = reversed_on;
    rc = mem_table_replace(store, table, (size_t)index, row);
    if (rc != ARC_OK)
        mem_row_free[MEM_APPLICATIONS](row);
    return rc;
}

/* Whether @p application belongs to the record named by @p kind and @p id. */
static bool belongs_to(const struct arc_application *application, int kind, arc_id id)
{
    if (kind == ARC_APPLICATION_PAYMENT || kind == ARC_APPLICATION_CREDIT_MEMO)
        return (int)application->kind == kind && application->source_id == id;
    return application->invoice_id == id;
}

int mem_application_list_for(arc_store *store, int kind, arc_id owner_id,
                             struct arc_application_page *out)
{
    const struct mem_table *table = mem_table_of(store, MEM_APPLICATIONS);
    struct mem_picks picks = { 0 };
    int rc = ARC_OK;

    for (size_t i = 0; i < table->count && rc == ARC_OK; i++) {
        if (belongs_to(table->rows[i], kind, owner_id))
            rc = mem_picks_add(&picks, table->rows[i]);
    }
    if (rc == ARC_OK)
        rc = mem_page_append((void **)&out->items, &out->count, sizeof(*out->items),
                             picks.items, picks.count, copy_application,
                             mem_clear_nothing);
    mem_picks_free(&picks);
    return rc;
}

int mem_scan_applications_after(arc_store *store, arc_date after, arc_application_fn fn,
                                void *ctx)
{
    const struct mem_table *table = mem_table_of(store, MEM_APPLICATIONS);
    int rc = ARC_OK;

    /* No date is later than "none". */
    if (after == ARC_DATE_NONE)
        return ARC_OK;
    for (size_t i = 0; i < table->count && rc == ARC_OK; i++) {
        struct arc_application application =
            *(const struct arc_application *)table->rows[i];
        bool reversed_after =
            application.reversed_on != ARC_DATE_NONE && application.reversed_on > after;

        if (application.applied_on > after || reversed_after)
            rc = fn(ctx, &application);
    }
    return rc;
}
