/*
 * The aging report's storage: rows kept sorted by customer and currency,
 * and the map of balance changes made after the as-of date.
 */
#ifndef ARC_SRC_AGING_INTERNAL_H
#define ARC_SRC_AGING_INTERNAL_H

#include "db_internal.h"

#define ARC_AGING_MAX_BUCKETS (ARC_AGING_MAX_EDGES + 2)

struct arc_aging_row {
    arc_id customer_id; /* 0 in the per-currency totals */
    arc_currency_code currency;
    int64_t amounts[ARC_AGING_MAX_BUCKETS];
    int64_t disputed[ARC_AGING_MAX_BUCKETS]; /* with ARC_AGING_SPLIT_DISPUTED */
    int64_t total;
    size_t invoice_count;
};

/* Rows found by (customer_id, currency) through a hash index while the
 * report is built, then sorted once by arc_aging_rows_finish(). */
struct arc_aging_rows {
    struct arc_aging_row *items;
    size_t count;
    size_t capacity;
    size_t *slots;     /* index into items plus one; 0 marks an empty slot */
    size_t slot_count; /* a power of two, or 0 */
};

/* Open-addressing map from invoice id to an amount: the change of its
 * balance after the as-of date, or the part of it under dispute. */
struct arc_change {
    arc_id invoice_id; /* 0: empty slot */
    int64_t delta;
    bool taken;
};

struct arc_change_map {
    struct arc_change *slots;
    size_t capacity; /* a power of two, or 0 */
    size_t count;
};

struct arc_aging {
    arc_date as_of;
    bool totals_only;
    bool split_disputed;
    struct arc_change_map *disputed; /* invoice -> disputed amount, while computing */
    size_t edge_count;
    size_t bucket_count;
    int32_t edges[ARC_AGING_MAX_EDGES];
    char labels[ARC_AGING_MAX_BUCKETS][24];
    struct arc_aging_rows rows;
    struct arc_aging_rows totals;
};

/* The row for (customer_id, currency), added if new. NULL (with ARC_ENOMEM
 * set) when memory runs out. */
struct arc_aging_row *arc_aging_rows_find(struct arc_aging_rows *rows, arc_id customer_id,
                                          const char *currency);

/* Sort the rows by customer id, then currency, and drop the hash index. */
void arc_aging_rows_finish(struct arc_aging_rows *rows);

/* Release the rows. */
void arc_aging_rows_free(struct arc_aging_rows *rows);

/* Add @p delta to the invoice's change. */
int arc_change_map_add(struct arc_change_map *map, arc_id invoice_id, int64_t delta);

/* The invoice's change (0 if none), marking it as used. */
int64_t arc_change_map_take(struct arc_change_map *map, arc_id invoice_id);

void arc_change_map_free(struct arc_change_map *map);

#endif
