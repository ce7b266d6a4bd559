/*
 * What a connection may remember between statements, and why it may.
 *
 * Every writer of a book holds its row lock for the whole transaction and
 * adds one to books.write_seq when it commits a change. A write transaction
 * that finds write_seq where this connection left it knows that nobody else
 * wrote since, so what it read or wrote then still holds: the terms of
 * customers (so that invoicing needs no round trip to read them) and which
 * invoice numbers are free (so that a new invoice can be written behind).
 * Anything else, or a rollback, and it all goes (pg_store.c).
 */
#include <stdlib.h>
#include <string.h>

#include "pg_internal.h"
#include "util.h"

/* Most intervals of free numbers kept; past that they are forgotten. */
#define GAPS_MAX 64

static size_t hash_id(arc_id id, size_t capacity)
{
    uint64_t key = (uint64_t)id * 0x9E3779B97F4A7C15u;

    return (size_t)(key >> 20) & (capacity - 1);
}

static size_t hash_text(const char *text, size_t capacity)
{
    uint64_t hash = 1469598103934665603u;

    for (const unsigned char *c = (const unsigned char *)text; *c != '\0'; c++)
        hash = (hash ^ *c) * 1099511628211u;
    return (size_t)hash & (capacity - 1);
}

bool arc_pg_terms_lookup(arc_store *store, arc_id id, struct arc_customer_terms *out)
{
    struct arc_pg_caches *caches = &store->caches;
    size_t slot;

    if (!store->writing || !caches->valid || caches->terms_capacity == 0)
        return false;
    slot = hash_id(id, caches->terms_capacity);
    while (caches->terms[slot].id != 0) {
        if (caches->terms[slot].id == id) {
            *out = caches->terms[slot].terms;
            return true;
        }
        slot = (slot + 1) & (caches->terms_capacity - 1);
    }
    return false;
}

static void terms_put(struct arc_pg_caches *caches, arc_id id,
                      const struct arc_customer_terms *terms)
{
    size_t slot = hash_id(id, caches->terms_capacity);

    while (caches->terms[slot].id != 0 && caches->terms[slot].id != id)
        slot = (slot + 1) & (caches->terms_capacity - 1);
    if (caches->terms[slot].id == 0)
        caches->terms_count++;
    caches->terms[slot].id = id;
    caches->terms[slot].terms = *terms;
}

/* Double the table; false (and the table as it was) without memory. */
static bool terms_grow(struct arc_pg_caches *caches)
{
    size_t capacity = caches->terms_capacity ? caches->terms_capacity * 2 : 1024;
    struct arc_pg_terms_entry *old = caches->terms;
    size_t old_capacity = caches->terms_capacity;

    caches->terms = calloc(capacity, sizeof(*caches->terms));
    if (caches->terms == NULL) {
        caches->terms = old;
        return false;
    }
    caches->terms_capacity = capacity;
    caches->terms_count = 0;
    for (size_t i = 0; i < old_capacity; i++) {
        if (old[i].id != 0)
            terms_put(caches, old[i].id, &old[i].terms);
    }
    free(old);
    return true;
}

void arc_pg_terms_remember(arc_store *store, arc_id id,
                           const struct arc_customer_terms *terms)
{
    struct arc_pg_caches *caches = &store->caches;

    if (!store->writing || !caches->valid)
        return;
    if ((caches->terms_count + 1) * 2 > caches->terms_capacity && !terms_grow(caches))
        return;
    terms_put(caches, id, terms);
}

static bool is_taken(const struct arc_pg_caches *caches, const char *number)
{
    size_t slot;

    if (caches->taken_capacity == 0)
        return false;
    slot = hash_text(number, caches->taken_capacity);
    while (caches->taken[slot] != NULL) {
        if (strcmp(caches->taken[slot], number) == 0)
            return true;
        slot = (slot + 1) & (caches->taken_capacity - 1);
    }
    return false;
}

bool arc_pg_number_is_taken(arc_store *store, const char *number)
{
    return store->writing && store->caches.valid && is_taken(&store->caches, number);
}

bool arc_pg_number_known_free(arc_store *store, const char *number)
{
    const struct arc_pg_caches *caches = &store->caches;

    if (!store->writing || !caches->valid || is_taken(caches, number))
        return false;
    for (size_t i = 0; i < caches->gap_count; i++) {
        const struct arc_pg_number_gap *gap = &caches->gaps[i];

        if (strcmp(number, gap->low) >= 0 &&
            (gap->high == NULL || strcmp(number, gap->high) < 0))
            return true;
    }
    return false;
}

static void gaps_clear(struct arc_pg_caches *caches)
{
    for (size_t i = 0; i < caches->gap_count; i++) {
        free(caches->gaps[i].low);
        free(caches->gaps[i].high);
    }
    caches->gap_count = 0;
}

void arc_pg_number_gap_add(arc_store *store, const char *low, const char *high)
{
    struct arc_pg_caches *caches = &store->caches;
    struct arc_pg_number_gap gap;

    if (!store->writing || !caches->valid)
        return;
    if (caches->gap_count == GAPS_MAX)
        gaps_clear(caches);
    if (caches->gaps == NULL) {
        caches->gaps = calloc(GAPS_MAX, sizeof(*caches->gaps));
        if (caches->gaps == NULL)
            return;
    }
    gap.low = arc_strdup(low);
    gap.high = high ? arc_strdup(high) : NULL;
    if (gap.low == NULL || (high != NULL && gap.high == NULL)) {
        free(gap.low);
        free(gap.high);
        return;
    }
    caches->gaps[caches->gap_count++] = gap;
}

static void taken_clear(struct arc_pg_caches *caches)
{
    for (size_t i = 0; i < caches->taken_capacity; i++) {
        free(caches->taken[i]);
        caches->taken[i] = NULL;
    }
    caches->taken_count = 0;
}

static bool taken_grow(struct arc_pg_caches *caches)
{
    size_t capacity = caches->taken_capacity ? caches->taken_capacity * 2 : 1024;
    char **old = caches->taken;
    size_t old_capacity = caches->taken_capacity;

    caches->taken = calloc(capacity, sizeof(*caches->taken));
    if (caches->taken == NULL) {
        caches->taken = old;
        return false;
    }
    caches->taken_capacity = capacity;
    for (size_t i = 0; i < old_capacity; i++) {
        size_t slot;

        if (old[i] == NULL)
            continue;
        slot = hash_text(old[i], capacity);
        while (caches->taken[slot] != NULL)
            slot = (slot + 1) & (capacity - 1);
        caches->taken[slot] = old[i];
    }
    free(old);
    return true;
}

/* A number taken must never read as free: when it cannot be recorded, the
 * intervals go instead. */
void arc_pg_number_taken(arc_store *store, const char *number)
{
    struct arc_pg_caches *caches = &store->caches;
    char *copy;
    size_t slot;

    if (is_taken(caches, number))
        return;
    if ((caches->taken_count + 1) * 2 > caches->taken_capacity && !taken_grow(caches)) {
        gaps_clear(caches);
        return;
    }
    copy = arc_strdup(number);
    if (copy == NULL) {
        gaps_clear(caches);
        return;
    }
    slot = hash_text(number, caches->taken_capacity);
    while (caches->taken[slot] != NULL)
        slot = (slot + 1) & (caches->taken_capacity - 1);
    caches->taken[slot] = copy;
    caches->taken_count++;
}

void arc_pg_caches_reset(arc_store *store)
{
    struct arc_pg_caches *caches = &store->caches;

    if (caches->terms != NULL)
        memset(caches->terms, 0, caches->terms_capacity * sizeof(*caches->terms));
    caches->terms_count = 0;
    gaps_clear(caches);
    taken_clear(caches);
    caches->valid = false;
}

void arc_pg_caches_free(arc_store *store)
{
    struct arc_pg_caches *caches = &store->caches;

    arc_pg_caches_reset(store);
    free(caches->terms);
    free(caches->gaps);
    free(caches->taken);
    memset(caches, 0, sizeof(*caches));
}
