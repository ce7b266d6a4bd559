/*
 * The chain of a book's versions: the first one, read scopes holding one,
 * a transaction's state made from the newest and committed as the next,
 * and the freeing of versions no one reads any more.
 *
 * An array of rows belongs to one version at a time, the newest that
 * holds it; the versions before it that share it only read it. A row
 * belongs to the newest version that holds it: when a commit drops a row,
 * the row becomes garbage of the version before, and is freed with it.
 * Versions are freed oldest first, so a row or array is never freed while
 * an older version, which may share it, is still read.
 */
#include <stdlib.h>
#include <string.h>

#include "memory_internal.h"

/* The numbering a new book starts with, as arcollect/db.h documents it. */
static const struct arc_sequence_state FIRST_NUMBERS[2] = {
    [ARC_SEQUENCE_INVOICE] = { "INV-", 1, 6 },
    [ARC_SEQUENCE_CREDIT_MEMO] = { "CM-", 1, 6 },
};

static void free_version(struct mem_version *version, bool with_rows)
{
    for (size_t i = 0; i < version->garbage_count; i++)
        mem_row_free[version->garbage[i].table](version->garbage[i].row);
    for (size_t i = 0; i < MEM_TABLE_COUNT; i++) {
        struct mem_table *table = &version->state.tables[i];

        for (size_t row = 0; with_rows && row < table->count; row++)
            mem_row_free[i](table->rows[row]);
        if (table->owns_rows)
            free(table->rows);
    }
    free(version->garbage);
    free(version);
}

static struct mem_version *new_version(void)
{
    struct mem_version *version = calloc(1, sizeof(*version));

    if (version == NULL)
        mem_nomem();
    return version;
}

int mem_version_first(struct mem_book *book, const struct arc_store_config *cfg)
{
    struct mem_version *version = new_version();
    struct mem_table *reasons;
    int rc = ARC_OK;

    if (version == NULL)
        return ARC_ENOMEM;
    for (size_t i = 0; i < MEM_TABLE_COUNT; i++) {
        version->state.tables[i].id = (enum mem_table_id)i;
        version->state.tables[i].owns_rows = true;
    }
    memcpy(version->state.sequences, FIRST_NUMBERS, sizeof(FIRST_NUMBERS));
    book->oldest = book->current = version;

    /* The seed reason codes, stamped with the book's clock. */
    reasons = &version->state.tables[MEM_REASON_CODES];
    if (cfg->reason_seed_count > 0) {
        reasons->rows = calloc(cfg->reason_seed_count, sizeof(*reasons->rows));
        if (reasons->rows == NULL)
            return mem_nomem();
        reasons->capacity = cfg->reason_seed_count;
    }
    for (size_t i = 0; i < cfg->reason_seed_count && rc == ARC_OK; i++) {
        struct mem_reason *row = mem_row_new(sizeof(*row));

        if (row == NULL)
            return ARC_ENOMEM;
        rc = mem_copy_reason_code(&row->record, &cfg->reason_seeds[i]);
        if (rc != ARC_OK) {
            free(row);
            break;
        }
        row->record.created_at = row->record.updated_at = cfg->now;
        row->id = ++reasons->last_id;
        reasons->rows[reasons->count++] = row;
    }
    return rc;
}

/* Free the oldest versions that nothing reads; the caller holds the lock. */
static void collect(struct mem_book *book)
{
    while (book->oldest != book->current && book->oldest->readers == 0) {
        struct mem_version *oldest = book->oldest;

        book->oldest = oldest->newer;
        free_version(oldest, false);
    }
}

void mem_version_pin(arc_store *store)
{
    store->pinned = store->book->current;
    store->pinned->readers++;
}

void mem_version_unpin(arc_store *store)
{
    store->pinned->readers--;
    store->pinned = NULL;
    collect(store->book);
}

void mem_state_start(arc_store *store)
{
    store->working = store->book->current->state;
    for (size_t i = 0; i < MEM_TABLE_COUNT; i++)
        store->working.tables[i].owns_rows = false;
}

static int by_address(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)(*(void *const *)a);
    uintptr_t y = (uintptr_t)(*(void *const *)b);

    return (x > y) - (x < y);
}

/* Sort out the rows the transaction dropped: those it made itself are
 * freed now, the others become garbage of @p previous. */
static int sort_out_dropped(arc_store *store, struct mem_version *previous)
{
    void **made = malloc((store->undo_count + 1) * sizeof(*made));
    struct mem_garbage *garbage = malloc((store->undo_count + 1) * sizeof(*garbage));
    size_t made_count = 0, garbage_count = 0;

    if (made == NULL || garbage == NULL) {
        free(made);
        free(garbage);
        return mem_nomem();
    }
    for (size_t i = 0; i < store->undo_count; i++) {
        const struct mem_undo *entry = &store->undo[i];

        if (entry->kind == MEM_UNDO_INSERT)
            made[made_count++] = entry->row;
        else if (entry->kind == MEM_UNDO_REPLACE)
            made[made_count++] = entry->new_row;
    }
    qsort(made, made_count, sizeof(*made), by_address);

    for (size_t i = 0; i < store->undo_count; i++) {
        const struct mem_undo *entry = &store->undo[i];

        if (entry->kind != MEM_UNDO_REPLACE && entry->kind != MEM_UNDO_REMOVE)
            continue;
        if (bsearch(&entry->row, made, made_count, sizeof(*made), by_address) != NULL)
            mem_row_free[entry->table->id](entry->row);
        else
            garbage[garbage_count++] =
                (struct mem_garbage){ entry->row, entry->table->id };
    }
    free(made);
    previous->garbage = garbage;
    previous->garbage_count = garbage_count;
    return ARC_OK;
}

int mem_state_commit(arc_store *store)
{
    struct mem_book *book = store->book;
    struct mem_version *previous = book->current;
    struct mem_version *next;
    int rc;

    /* A transaction that wrote nothing leaves the book as it was. */
    if (store->undo_count == 0) {
        mem_state_discard(store);
        return ARC_OK;
    }
    next = new_version();
    if (next == NULL)
        return ARC_ENOMEM;
    rc = sort_out_dropped(store, previous);
    if (rc != ARC_OK) {
        free(next);
        return rc;
    }

    /* Arrays the transaction shared pass to the new version. */
    next->state = store->working;
    for (size_t i = 0; i < MEM_TABLE_COUNT; i++) {
        if (!next->state.tables[i].owns_rows)
            previous->state.tables[i].owns_rows = false;
        next->state.tables[i].owns_rows = true;
    }
    store->undo_count = 0;
    previous->newer = next;
    book->current = next;
    collect(book);
    return ARC_OK;
}

void mem_state_discard(arc_store *store)
{
    mem_undo_to(store, 0);
    for (size_t i = 0; i < MEM_TABLE_COUNT; i++) {
        if (store->working.tables[i].owns_rows)
            free(store->working.tables[i].rows);
    }
    memset(&store->working, 0, sizeof(store->working));
}

void mem_versions_free(struct mem_book *book)
{
    while (book->oldest != NULL) {
        struct mem_version *oldest = book->oldest;

        book->oldest = oldest->newer;
        free_version(oldest, oldest == book->current);
    }
    book->current = NULL;
}
