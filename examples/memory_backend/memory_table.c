/*
 * Tables of rows, the release of a row by table, and the undo log that
 * takes a transaction's writes back.
 *
 * A write changes the transaction's own state. Before it removes or
 * replaces a row of an array it shares with a committed version, it copies
 * the array; a row appended goes into the shared array's spare room when
 * there is some, since no version reads past its own count. Every write
 * first makes room for its undo entry and its row, so that once it starts
 * it cannot fail half-way.
 */
#include <stdlib.h>
#include <string.h>

#include "memory_internal.h"

void *mem_row_new(size_t size)
{
    void *row = calloc(1, size);

    if (row == NULL)
        mem_nomem();
    return row;
}

static void free_with(void *row, void (*clear)(void *record))
{
    if (row != NULL)
        clear(row);
    free(row);
}

static void free_customer(void *row)
{
    free_with(row, mem_clear_customer);
}

static void free_contact(void *row)
{
    free_with(row, mem_clear_contact);
}

static void free_invoice(void *row)
{
    free_with(row, mem_clear_invoice);
}

static void free_payment(void *row)
{
    free_with(row, mem_clear_payment);
}

static void free_credit_memo(void *row)
{
    free_with(row, mem_clear_credit_memo);
}

static void free_reason(void *row)
{
    if (row != NULL)
        mem_clear_reason_code(&((struct mem_reason *)row)->record);
    free(row);
}

static void free_dispute(void *row)
{
    free_with(row, mem_clear_dispute);
}

static void free_communication(void *row)
{
    free_with(row, mem_clear_communication);
}

static void free_event(void *row)
{
    free_with(row, mem_clear_event);
}

static void free_rule(void *row)
{
    free_with(row, mem_clear_rule);
}

void (*const mem_row_free[MEM_TABLE_COUNT])(void *row) = {
    [MEM_CUSTOMERS] = free_customer,
    [MEM_CONTACTS] = free_contact,
    [MEM_INVOICES] = free_invoice,
    [MEM_PAYMENTS] = free_payment,
    [MEM_CREDIT_MEMOS] = free_credit_memo,
    [MEM_APPLICATIONS] = free,
    [MEM_REASON_CODES] = free_reason,
    [MEM_DISPUTES] = free_dispute,
    [MEM_COMMUNICATIONS] = free_communication,
    [MEM_EVENTS] = free_event,
    [MEM_RULES] = free_rule,
    [MEM_FIRINGS] = free,
};

ptrdiff_t mem_table_find(const struct mem_table *table, arc_id id)
{
    size_t low = 0, high = table->count;

    while (low < high) {
        size_t middle = low + (high - low) / 2;
        arc_id found = MEM_ROW_ID(table->rows[middle]);

        if (found == id)
            return (ptrdiff_t)middle;
        if (found < id)
            low = middle + 1;
        else
            high = middle;
    }
    return -1;
}

void *mem_table_get(const struct mem_table *table, arc_id id)
{
    ptrdiff_t index = mem_table_find(table, id);

    return index < 0 ? NULL : table->rows[index];
}

/* Room for one more undo entry; writes happen only in a transaction. */
static int reserve_undo(arc_store *store)
{
    struct mem_undo *bigger;
    size_t grown;

    if (!store->in_transaction)
        return arc_error_set(ARC_ESTORAGE, "memory backend: a write outside a "
                                           "transaction");
    if (store->undo_count < store->undo_capacity)
        return ARC_OK;
    grown = store->undo_capacity ? store->undo_capacity * 2 : 64;
    bigger = realloc(store->undo, grown * sizeof(*bigger));
    if (bigger == NULL)
        return mem_nomem();
    store->undo = bigger;
    store->undo_capacity = grown;
    return ARC_OK;
}

/* Make the table's array the transaction's own, with room for one more row
 * when @p appending; an append may use a shared array's spare room. */
static int make_room(struct mem_table *table, bool appending)
{
    size_t needed = table->count + (appending ? 1 : 0);
    size_t grown = table->capacity > 16 ? table->capacity : 16;
    void **rows;

    if (needed <= table->capacity && (table->owns_rows || appending))
        return ARC_OK;
    while (grown < needed)
        grown *= 2;
    if (table->owns_rows) {
        rows = realloc(table->rows, grown * sizeof(*rows));
    } else {
        rows = malloc(grown * sizeof(*rows));
        if (rows != NULL && table->count > 0)
            memcpy(rows, table->rows, table->count * sizeof(*rows));
    }
    if (rows == NULL)
        return mem_nomem();
    table->rows = rows;
    table->capacity = grown;
    table->owns_rows = true;
    return ARC_OK;
}

static void log_write(arc_store *store, const struct mem_undo *entry)
{
    store->undo[store->undo_count++] = *entry;
    store->changes++;
}

int mem_table_insert(arc_store *store, struct mem_table *table, void *row)
{
    struct mem_undo entry = { .kind = MEM_UNDO_INSERT,
                              .table = table,
                              .row = row,
                              .index = table->count,
                              .last_id = table->last_id };
    int rc = reserve_undo(store);

    if (rc == ARC_OK)
        rc = make_room(table, true);
    if (rc != ARC_OK)
        return rc;

    *(arc_id *)row = ++table->last_id;
    table->rows[table->count++] = row;
    log_write(store, &entry);
    return ARC_OK;
}

int mem_table_replace(arc_store *store, struct mem_table *table, size_t index, void *row)
{
    struct mem_undo entry = { .kind = MEM_UNDO_REPLACE,
                              .table = table,
                              .row = table->rows[index],
                              .new_row = row,
                              .index = index };
    int rc = reserve_undo(store);

    if (rc == ARC_OK)
        rc = make_room(table, false);
    if (rc != ARC_OK)
        return rc;
    table->rows[index] = row;
    log_write(store, &entry);
    return ARC_OK;
}

int mem_table_remove(arc_store *store, struct mem_table *table, size_t index)
{
    struct mem_undo entry = {
        .kind = MEM_UNDO_REMOVE, .table = table, .row = table->rows[index], .index = index
    };
    int rc = reserve_undo(store);

    if (rc == ARC_OK)
        rc = make_room(table, false);
    if (rc != ARC_OK)
        return rc;
    memmove(&table->rows[index], &table->rows[index + 1],
            (table->count - index - 1) * sizeof(*table->rows));
    table->count--;
    log_write(store, &entry);
    return ARC_OK;
}

int mem_sequence_set(arc_store *store, arc_sequence sequence,
                     const struct arc_sequence_state *state)
{
    struct mem_undo entry = { .kind = MEM_UNDO_SEQUENCE, .sequence = sequence };
    int rc = reserve_undo(store);

    if (rc != ARC_OK)
        return rc;
    entry.state = store->working.sequences[sequence];
    store->working.sequences[sequence] = *state;
    log_write(store, &entry);
    return ARC_OK;
}

/* Take back one write. The log is undone newest first, so the table is
 * exactly as the write left it; rows the transaction made are freed. */
static void undo_one(arc_store *store, const struct mem_undo *entry)
{
    struct mem_table *table = entry->table;

    switch (entry->kind) {
    case MEM_UNDO_INSERT:
        mem_row_free[table->id](entry->row);
        table->count--;
        table->last_id = entry->last_id;
        break;
    case MEM_UNDO_REPLACE:
        mem_row_free[table->id](entry->new_row);
        table->rows[entry->index] = entry->row;
        break;
    case MEM_UNDO_REMOVE:
        /* The slot the removal freed is still allocated. */
        memmove(&table->rows[entry->index + 1], &table->rows[entry->index],
                (table->count - entry->index) * sizeof(*table->rows));
        table->rows[entry->index] = entry->row;
        table->count++;
        break;
    case MEM_UNDO_SEQUENCE:
        store->working.sequences[entry->sequence] = entry->state;
        break;
    }
}

void mem_undo_to(arc_store *store, size_t mark)
{
    while (store->undo_count > mark) {
        store->undo_count--;
        undo_one(store, &store->undo[store->undo_count]);
    }
}
