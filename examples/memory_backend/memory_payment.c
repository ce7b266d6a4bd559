/*
 * Payments and credit memos.
 *
 * An update writes what settlement, reversal and voiding change (the
 * applied amount, the reversal or void date and reason): the library may
 * pass a record whose other fields it did not keep, such as a generated
 * number. Lists take arc_store_list::status as the library passes it: -1
 * for all, 0 for those in force, 1 for reversed payments or void credit
 * memos.
 */
#include <stdlib.h>
#include <string.h>

#include "memory_internal.h"
#include "memory_ops.h"

static int copy_payment(void *out, const void *in)
{
    return mem_copy_payment(out, in);
}

static int copy_credit_memo(void *out, const void *in)
{
    return mem_copy_credit_memo(out, in);
}

/* Whether a record that is undone (reversed, void) or not passes the status
 * filter. */
static bool status_passes(int status, bool undone)
{
    return status < 0 || (status != 0) == undone;
}

static const struct arc_payment *by_key(arc_store *store, const char *key)
{
    const struct mem_table *table = mem_table_of(store, MEM_PAYMENTS);

    for (size_t i = 0; key != NULL && i < table->count; i++) {
        const struct arc_payment *payment = table->rows[i];

        if (payment->idempotency_key != NULL &&
            strcmp(payment->idempotency_key, key) == 0)
            return payment;
    }
    return NULL;
}

int mem_payment_insert(arc_store *store, struct arc_payment *payment)
{
    struct arc_payment *row;
    int rc;

    if (by_key(store, payment->idempotency_key) != NULL)
        return arc_error_set(ARC_EEXISTS,
                             "payment: idempotency key \"%s\" is already used",
                             payment->idempotency_key);
    row = mem_row_new(sizeof(*row));
    if (row == NULL)
        return ARC_ENOMEM;
    rc = mem_copy_payment(row, payment);
    if (rc == ARC_OK)
        rc = mem_table_insert(store, mem_table_of(store, MEM_PAYMENTS), row);
    if (rc != ARC_OK) {
        mem_row_free[MEM_PAYMENTS](row);
        return rc;
    }
    payment->id = row->id;
    return ARC_OK;
}

int mem_payment_update(arc_store *store, const struct arc_payment *payment)
{
    struct mem_table *table = mem_table_of(store, MEM_PAYMENTS);
    ptrdiff_t index = mem_table_find(table, payment->id);
    struct arc_payment *row;
    int rc;

    if (index < 0)
        return arc_error_set(ARC_ENOTFOUND, "payment %lld: not found",
                             (long long)payment->id);
    row = mem_row_new(sizeof(*row));
    if (row == NULL)
        return ARC_ENOMEM;
    rc = mem_copy_payment(row, table->rows[index]);
    if (rc == ARC_OK) {
        row->applied = payment->applied;
        row->reversed_on = payment->reversed_on;
        free(row->reversal_reason);
        row->reversal_reason = mem_strdup(payment->reversal_reason, &rc);
    }
    if (rc == ARC_OK)
        rc = mem_table_replace(store, table, (size_t)index, row);
    if (rc != ARC_OK)
        mem_row_free[MEM_PAYMENTS](row);
    return rc;
}

int mem_payment_get(arc_store *store, arc_id id, struct arc_payment *out)
{
    const struct arc_payment *payment =
        mem_table_get(mem_table_of(store, MEM_PAYMENTS), id);

    if (payment == NULL)
        return arc_error_set(ARC_ENOTFOUND, "payment %lld: not found", (long long)id);
    return mem_copy_payment(out, payment);
}

int mem_payment_get_by_key(arc_store *store, const char *idempotency_key,
                           struct arc_payment *out)
{
    const struct arc_payment *payment = by_key(store, idempotency_key);

    if (payment == NULL)
        return arc_error_set(ARC_ENOTFOUND,
                             "payment with idempotency key \"%s\": not found",
                             idempotency_key);
    return mem_copy_payment(out, payment);
}

int mem_payment_list(arc_store *store, const struct arc_store_list *filter,
                     struct arc_payment_page *out)
{
    const struct mem_table *table = mem_table_of(store, MEM_PAYMENTS);
    struct mem_picks picks = { 0 };
    int rc = ARC_OK;

    for (size_t i = 0; i < table->count && picks.count < filter->limit && rc == ARC_OK;
         i++) {
        const struct arc_payment *payment = table->rows[i];

        if (payment->id > filter->after_id &&
            (filter->customer_id == 0 || payment->customer_id == filter->customer_id) &&
            status_passes(filter->status, payment->reversed_on != ARC_DATE_NONE))
            rc = mem_picks_add(&picks, payment);
    }
    if (rc == ARC_OK)
        rc = mem_page_append((void **)&out->items, &out->count, sizeof(*out->items),
                             picks.items, picks.count, copy_payment, mem_clear_payment);
    mem_picks_free(&picks);
    return rc;
}

static const struct arc_credit_memo *memo_by_number(arc_store *store, const char *number)
{
    const struct mem_table *table = mem_table_of(store, MEM_CREDIT_MEMOS);

    for (size_t i = 0; i < table->count; i++) {
        const struct arc_credit_memo *memo = table->rows[i];

        if (strcmp(memo->number, number) == 0)
            return memo;
    }
    return NULL;
}

int mem_credit_memo_insert(arc_store *store, struct arc_credit_memo *memo)
{
    struct arc_credit_memo *row;
    int rc;

    if (memo_by_number(store, memo->number) != NULL)
        return arc_error_set(ARC_EEXISTS, "credit memo %s: the number is already used",
                             memo->number);
    row = mem_row_new(sizeof(*row));
    if (row == NULL)
        return ARC_ENOMEM;
    rc = mem_copy_credit_memo(row, memo);
    if (rc == ARC_OK)
        rc = mem_table_insert(store, mem_table_of(store, MEM_CREDIT_MEMOS), row);
    if (rc != ARC_OK) {
        mem_row_free[MEM_CREDIT_MEMOS](row);
        return rc;
    }
    memo->id = row->id;
    return ARC_OK;
}

int mem_credit_memo_update(arc_store *store, const struct arc_credit_memo *memo)
{
    struct mem_table *table = mem_table_of(store, MEM_CREDIT_MEMOS);
    ptrdiff_t index = mem_table_find(table, memo->id);
    struct arc_credit_memo *row;
    int rc;

    if (index < 0)
        return arc_error_set(ARC_ENOTFOUND, "credit memo %lld: not found",
                             (long long)memo->id);
    row = mem_row_new(sizeof(*row));
    if (row == NULL)
        return ARC_ENOMEM;
    rc = mem_copy_credit_memo(row, table->rows[index]);
    if (rc == ARC_OK) {
        row->applied = memo->applied;
        row->voided_on = memo->voided_on;
        free(row->void_reason);
        row->void_reason = mem_strdup(memo->void_reason, &rc);
    }
    if (rc == ARC_OK)
        rc = mem_table_replace(store, table, (size_t)index, row);
    if (rc != ARC_OK)
        mem_row_free[MEM_CREDIT_MEMOS](row);
    return rc;
}

int mem_credit_memo_get(arc_store *store, arc_id id, struct arc_credit_memo *out)
{
    const struct arc_credit_memo *memo =
        mem_table_get(mem_table_of(store, MEM_CREDIT_MEMOS), id);

    if (memo == NULL)
        return arc_error_set(ARC_ENOTFOUND, "credit memo %lld: not found", (long long)id);
    return mem_copy_credit_memo(out, memo);
}

int mem_credit_memo_list(arc_store *store, const struct arc_store_list *filter,
                         struct arc_credit_memo_page *out)
{
    const struct mem_table *table = mem_table_of(store, MEM_CREDIT_MEMOS);
    struct mem_picks picks = { 0 };
    int rc = ARC_OK;

    for (size_t i = 0; i < table->count && picks.count < filter->limit && rc == ARC_OK;
         i++) {
        const struct arc_credit_memo *memo = table->rows[i];

        if (memo->id > filter->after_id &&
            (filter->customer_id == 0 || memo->customer_id == filter->customer_id) &&
            status_passes(filter->status, memo->voided_on != ARC_DATE_NONE))
            rc = mem_picks_add(&picks, memo);
    }
    if (rc == ARC_OK)
        rc = mem_page_append((void **)&out->items, &out->count, sizeof(*out->items),
                             picks.items, picks.count, copy_credit_memo,
                             mem_clear_credit_memo);
    mem_picks_free(&picks);
    return rc;
}
