/*
 * The aging report's rows and change map, and its accessors.
 */
#include <stdlib.h>
#include <string.h>

#include "aging_internal.h"
#include "error.h"

static int row_cmp(const void *left, const void *right)
{
    const struct arc_aging_row *a = left, *b = right;

    if (a->customer_id != b->customer_id)
        return a->customer_id < b->customer_id ? -1 : 1;
    return strcmp(a->currency, b->currency);
}

static size_t row_hash(arc_id customer_id, const char *currency)
{
    uint64_t hash = (uint64_t)customer_id * 0x9E3779B97F4A7C15u;

    hash ^= (uint64_t)(unsigned char)currency[0] << 16 |
            (uint64_t)(unsigned char)currency[1] << 8 | (unsigned char)currency[2];
    hash *= 0xBF58476D1CE4E5B9u;
    return (size_t)(hash >> 29);
}

/* The slot holding (customer_id, currency), or the empty slot where it goes. */
static size_t *row_slot(const struct arc_aging_rows *rows, arc_id customer_id,
                        const char *currency)
{
    size_t mask = rows->slot_count - 1;
    size_t slot = row_hash(customer_id, currency) & mask;

    for (;; slot = (slot + 1) & mask) {
        size_t entry = rows->slots[slot];
        const struct arc_aging_row *row = entry ? &rows->items[entry - 1] : NULL;

        if (row == NULL ||
            (row->customer_id == customer_id && strcmp(row->currency, currency) == 0))
            return &rows->slots[slot];
    }
}

static int grow_rows(struct arc_aging_rows *rows)
{
    size_t capacity = rows->capacity ? rows->capacity * 2 : 64;
    struct arc_aging_row *items = realloc(rows->items, capacity * sizeof(*items));
    size_t *slots = calloc(capacity * 2, sizeof(*slots));

    if (items != NULL)
        rows->items = items;
    if (items == NULL || slots == NULL) {
        free(slots);
        return arc_fail(ARC_ENOMEM, "aging: out of memory");
    }

    free(rows->slots);
    rows->slots = slots;
    rows->slot_count = capacity * 2;
    rows->capacity = capacity;
    for (size_t i = 0; i < rows->count; i++)
        *row_slot(rows, rows->items[i].customer_id, rows->items[i].currency) = i + 1;
    return ARC_OK;
}

struct arc_aging_row *arc_aging_rows_find(struct arc_aging_rows *rows, arc_id customer_id,
                                          const char *currency)
{
    struct arc_aging_row *row;
    size_t *slot;

    if (rows->count == rows->capacity && grow_rows(rows) != ARC_OK)
        return NULL;
    slot = row_slot(rows, customer_id, currency);
    if (*slot != 0)
        return &rows->items[*slot - 1];

    row = &rows->items[rows->count];
    memset(row, 0, sizeof(*row));
    row->customer_id = customer_id;
    memcpy(row->currency, currency, sizeof(row->currency));
    *slot = ++rows->count;
    return row;
}

void arc_aging_rows_finish(struct arc_aging_rows *rows)
{
    free(rows->slots);
    rows->slots = NULL;
    rows->slot_count = 0;
    if (rows->count > 1)
        qsort(rows->items, rows->count, sizeof(rows->items[0]), row_cmp);
}

void arc_aging_rows_free(struct arc_aging_rows *rows)
{
    free(rows->items);
    free(rows->slots);
    memset(rows, 0, sizeof(*rows));
}

static size_t slot_of(const struct arc_change_map *map, arc_id invoice_id)
{
    uint64_t hash = (uint64_t)invoice_id * 0x9E3779B97F4A7C15u;
    size_t slot = (size_t)(hash >> 32) & (map->capacity - 1);

    while (map->slots[slot].invoice_id != 0 && map->slots[slot].invoice_id != invoice_id)
        slot = (slot + 1) & (map->capacity - 1);
    return slot;
}

static int grow(struct arc_change_map *map)
{
    struct arc_change_map bigger = { 0 };

    bigger.capacity = map->capacity ? map->capacity * 2 : 256;
    bigger.slots = calloc(bigger.capacity, sizeof(bigger.slots[0]));
    if (bigger.slots == NULL)
        return arc_fail(ARC_ENOMEM, "aging: out of memory");

    for (size_t i = 0; i < map->capacity; i++) {
        if (map->slots[i].invoice_id != 0)
            bigger.slots[slot_of(&bigger, map->slots[i].invoice_id)] = map->slots[i];
    }
    bigger.count = map->count;
    free(map->slots);
    *map = bigger;
    return ARC_OK;
}

int arc_change_map_add(struct arc_change_map *map, arc_id invoice_id, int64_t delta)
{
    struct arc_change *change;

    if ((map->count + 1) * 2 > map->capacity && grow(map) != ARC_OK)
        return ARC_ENOMEM;
    change = &map->slots[slot_of(map, invoice_id)];
    if (change->invoice_id == 0) {
        change->invoice_id = invoice_id;
        map->count++;
    }
    change->delta += delta;
    return ARC_OK;
}

int64_t arc_change_map_take(struct arc_change_map *map, arc_id invoice_id)
{
    struct arc_change *change = &map->slots[slot_of(map, invoice_id)];

    if (change->invoice_id == 0)
        return 0;
    change->taken = true;
    return change->delta;
}

void arc_change_map_free(struct arc_change_map *map)
{
    free(map->slots);
    memset(map, 0, sizeof(*map));
}

void arc_aging_free(arc_aging *aging)
{
    if (aging == NULL)
        return;
    arc_aging_rows_free(&aging->rows);
    arc_aging_rows_free(&aging->totals);
    free(aging);
}

arc_date arc_aging_as_of(const arc_aging *aging)
{
    return aging ? aging->as_of : ARC_DATE_NONE;
}

size_t arc_aging_bucket_count(const arc_aging *aging)
{
    return aging ? aging->bucket_count : 0;
}

const char *arc_aging_bucket_label(const arc_aging *aging, size_t bucket)
{
    if (aging == NULL || bucket >= aging->bucket_count)
        return NULL;
    return aging->labels[bucket];
}

static const struct arc_aging_row *row_at(const struct arc_aging_rows *rows, size_t index)
{
    return index < rows->count ? &rows->items[index] : NULL;
}

size_t arc_aging_row_count(const arc_aging *aging)
{
    return aging ? aging->rows.count : 0;
}

arc_id arc_aging_row_customer_id(const arc_aging *aging, size_t row)
{
    const struct arc_aging_row *found = aging ? row_at(&aging->rows, row) : NULL;

    return found ? found->customer_id : 0;
}

const char *arc_aging_row_currency(const arc_aging *aging, size_t row)
{
    const struct arc_aging_row *found = aging ? row_at(&aging->rows, row) : NULL;

    return found ? found->currency : NULL;
}

int64_t arc_aging_row_amount(const arc_aging *aging, size_t row, size_t bucket)
{
    const struct arc_aging_row *found = aging ? row_at(&aging->rows, row) : NULL;

    return found && bucket < aging->bucket_count ? found->amounts[bucket] : 0;
}

int64_t arc_aging_row_total(const arc_aging *aging, size_t row)
{
    const struct arc_aging_row *found = aging ? row_at(&aging->rows, row) : NULL;

    return found ? found->total : 0;
}

size_t arc_aging_row_invoice_count(const arc_aging *aging, size_t row)
{
    const struct arc_aging_row *found = aging ? row_at(&aging->rows, row) : NULL;

    return found ? found->invoice_count : 0;
}

size_t arc_aging_currency_count(const arc_aging *aging)
{
    return aging ? aging->totals.count : 0;
}

const char *arc_aging_currency_at(const arc_aging *aging, size_t index)
{
    const struct arc_aging_row *found = aging ? row_at(&aging->totals, index) : NULL;

    return found ? found->currency : NULL;
}

int64_t arc_aging_total_amount(const arc_aging *aging, size_t currency_index,
                               size_t bucket)
{
    const struct arc_aging_row *found =
        aging ? row_at(&aging->totals, currency_index) : NULL;

    return found && bucket < aging->bucket_count ? found->amounts[bucket] : 0;
}

int64_t arc_aging_total(const arc_aging *aging, size_t currency_index)
{
    const struct arc_aging_row *found =
        aging ? row_at(&aging->totals, currency_index) : NULL;

    return found ? found->total : 0;
}

size_t arc_aging_total_invoice_count(const arc_aging *aging, size_t currency_index)
{
    const struct arc_aging_row *found =
        aging ? row_at(&aging->totals, currency_index) : NULL;

    return found ? found->invoice_count : 0;
}

int64_t arc_aging_row_disputed(const arc_aging *aging, size_t row, size_t bucket)
{
    const struct arc_aging_row *found = aging ? row_at(&aging->rows, row) : NULL;

    return found && bucket < aging->bucket_count ? found->disputed[bucket] : 0;
}

int64_t arc_aging_total_disputed(const arc_aging *aging, size_t currency_index,
                                 size_t bucket)
{
    const struct arc_aging_row *found =
        aging ? row_at(&aging->totals, currency_index) : NULL;

    return found && bucket < aging->bucket_count ? found->disputed[bucket] : 0;
}
