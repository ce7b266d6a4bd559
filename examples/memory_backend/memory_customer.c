/*
 * Customers and their contacts.
 */
#include <string.h>

#include "memory_internal.h"
#include "memory_ops.h"

static int copy_customer(void *out, const void *in)
{
    return mem_copy_customer(out, in);
}

static int copy_contact(void *out, const void *in)
{
    return mem_copy_contact(out, in);
}

/* The customer whose reference is @p reference, or NULL. */
static const struct arc_customer *by_reference(arc_store *store, const char *reference)
{
    const struct mem_table *table = mem_table_of(store, MEM_CUSTOMERS);

    for (size_t i = 0; i < table->count; i++) {
        const struct arc_customer *customer = table->rows[i];

        if (strcmp(customer->reference, reference) == 0)
            return customer;
    }
    return NULL;
}

int mem_customer_insert(arc_store *store, struct arc_customer *customer)
{
    struct arc_customer *row;
    int rc;

    if (by_reference(store, customer->reference) != NULL)
        return arc_error_set(ARC_EEXISTS, "customer: reference \"%s\" is already used",
                             customer->reference);
    row = mem_row_new(sizeof(*row));
    if (row == NULL)
        return ARC_ENOMEM;
    rc = mem_copy_customer(row, customer);
    if (rc == ARC_OK)
        rc = mem_table_insert(store, mem_table_of(store, MEM_CUSTOMERS), row);
    if (rc != ARC_OK) {
        mem_row_free[MEM_CUSTOMERS](row);
        return rc;
    }
    customer->id = row->id;
    return ARC_OK;
}

int mem_customer_update(arc_store *store, const struct arc_customer *customer)
{
    struct mem_table *table = mem_table_of(store, MEM_CUSTOMERS);
    ptrdiff_t index = mem_table_find(table, customer->id);
    const struct arc_customer *holder;
    const struct arc_customer *old;
    struct arc_customer *row;
    int rc;

    if (index < 0)
        return arc_error_set(ARC_ENOTFOUND, "customer %lld: not found",
                             (long long)customer->id);
    holder = by_reference(store, customer->reference);
    if (holder != NULL && holder->id != customer->id)
        return arc_error_set(ARC_EEXISTS,
                             "customer %lld: reference \"%s\" is already used",
                             (long long)customer->id, customer->reference);

    old = table->rows[index];
    row = mem_row_new(sizeof(*row));
    if (row == NULL)
        return ARC_ENOMEM;
    rc = mem_copy_customer(row, customer);
    row->id = old->id;
    row->created_at = old->created_at;
    if (rc == ARC_OK)
        rc = mem_table_replace(store, table, (size_t)index, row);
    if (rc != ARC_OK)
        mem_row_free[MEM_CUSTOMERS](row);
    return rc;
}

int mem_customer_get(arc_store *store, arc_id id, struct arc_customer *out)
{
    const struct arc_customer *customer =
        mem_table_get(mem_table_of(store, MEM_CUSTOMERS), id);

    if (customer == NULL)
        return arc_error_set(ARC_ENOTFOUND, "customer %lld: not found", (long long)id);
    return mem_copy_customer(out, customer);
}

int mem_customer_terms(arc_store *store, arc_id id, struct arc_customer_terms *out)
{
    const struct arc_customer *customer =
        mem_table_get(mem_table_of(store, MEM_CUSTOMERS), id);

    if (customer == NULL)
        return arc_error_set(ARC_ENOTFOUND, "customer %lld: not found", (long long)id);
    memcpy(out->currency, customer->currency, sizeof(out->currency));
    out->payment_terms_days = customer->payment_terms_days;
    out->status = customer->status;
    return ARC_OK;
}

int mem_customer_get_by_reference(arc_store *store, const char *reference,
                                  struct arc_customer *out)
{
    const struct arc_customer *customer = by_reference(store, reference);

    if (customer == NULL)
        return arc_error_set(ARC_ENOTFOUND, "customer \"%s\": not found", reference);
    return mem_copy_customer(out, customer);
}

int mem_customer_list(arc_store *store, const struct arc_store_list *filter,
                      struct arc_customer_page *out)
{
    const struct mem_table *table = mem_table_of(store, MEM_CUSTOMERS);
    struct mem_picks picks = { 0 };
    int rc = ARC_OK;

    for (size_t i = 0; i < table->count && picks.count < filter->limit && rc == ARC_OK;
         i++) {
        const struct arc_customer *customer = table->rows[i];

        if (customer->id > filter->after_id &&
            (filter->status < 0 || (int)customer->status == filter->status))
            rc = mem_picks_add(&picks, customer);
    }
    if (rc == ARC_OK)
        rc = mem_page_append((void **)&out->items, &out->count, sizeof(*out->items),
                             picks.items, picks.count, copy_customer, mem_clear_customer);
    mem_picks_free(&picks);
    return rc;
}

int mem_contact_insert(arc_store *store, struct arc_contact *contact)
{
    struct arc_contact *row = mem_row_new(sizeof(*row));
    int rc;

    if (row == NULL)
        return ARC_ENOMEM;
    rc = mem_copy_contact(row, contact);
    if (rc == ARC_OK)
        rc = mem_table_insert(store, mem_table_of(store, MEM_CONTACTS), row);
    if (rc != ARC_OK) {
        mem_row_free[MEM_CONTACTS](row);
        return rc;
    }
    contact->id = row->id;
    return ARC_OK;
}

int mem_contact_delete(arc_store *store, arc_id id)
{
    struct mem_table *table = mem_table_of(store, MEM_CONTACTS);
    ptrdiff_t index = mem_table_find(table, id);

    if (index < 0)
        return arc_error_set(ARC_ENOTFOUND, "contact %lld: not found", (long long)id);
    return mem_table_remove(store, table, (size_t)index);
}

int mem_contact_list(arc_store *store, arc_id customer_id, struct arc_contact_page *out)
{
    const struct mem_table *table = mem_table_of(store, MEM_CONTACTS);
    struct mem_picks picks = { 0 };
    int rc = ARC_OK;

    for (size_t i = 0; i < table->count && rc == ARC_OK; i++) {
        const struct arc_contact *contact = table->rows[i];

        if (contact->customer_id == customer_id)
            rc = mem_picks_add(&picks, contact);
    }
    if (rc == ARC_OK)
        rc = mem_page_append((void **)&out->items, &out->count, sizeof(*out->items),
                             picks.items, picks.count, copy_contact, mem_clear_contact);
    mem_picks_free(&picks);
    return rc;
}
