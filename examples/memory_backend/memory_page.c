/*
 * Filling the pages the library asks for, and the small collections the
 * queries gather records in before copying them out.
 */
#include <stdlib.h>
#include <string.h>

#include "memory_internal.h"

int mem_page_append(void **items, size_t *item_count, size_t item_size,
                    const void *const *records, size_t count, mem_copy_fn copy,
                    void (*clear)(void *record))
{
    size_t copied = 0;
    char *grown;
    int rc = ARC_OK;

    if (count == 0)
        return ARC_OK;
    grown = realloc(*items, (*item_count + count) * item_size);
    if (grown == NULL)
        return mem_nomem();
    *items = grown;

    for (; copied < count && rc == ARC_OK; copied++) {
        void *slot = grown + (*item_count + copied) * item_size;

        memset(slot, 0, item_size);
        rc = copy(slot, records[copied]);
    }
    if (rc == ARC_OK) {
        *item_count += count;
        return ARC_OK;
    }

    /* The failed copy cleaned up after itself; release the ones before it. */
    for (size_t i = 0; i + 1 < copied; i++)
        clear(grown + (*item_count + i) * item_size);
    if (*item_count == 0) {
        free(*items);
        *items = NULL;
    }
    return rc;
}

int mem_picks_add(struct mem_picks *picks, const void *record)
{
    if (picks->count == picks->capacity) {
        size_t grown = picks->capacity ? picks->capacity * 2 : 32;
        const void **bigger = realloc(picks->items, grown * sizeof(*bigger));

        if (bigger == NULL)
            return mem_nomem();
        picks->items = bigger;
        picks->capacity = grown;
    }
    picks->items[picks->count++] = record;
    return ARC_OK;
}

void mem_picks_free(struct mem_picks *picks)
{
    free(picks->items);
    picks->items = NULL;
    picks->count = picks->capacity = 0;
}

int mem_add(int64_t *sum, int64_t amount, const char *what)
{
    if ((amount > 0 && *sum > INT64_MAX - amount) ||
        (amount < 0 && *sum < INT64_MIN - amount))
        return arc_error_set(ARC_EOVERFLOW, "%s: the sum does not fit in 64 bits", what);
    *sum += amount;
    return ARC_OK;
}
