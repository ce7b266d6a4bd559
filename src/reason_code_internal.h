/*
 * The reason codes a new book starts with.
 */
#ifndef ARC_SRC_REASON_CODE_INTERNAL_H
#define ARC_SRC_REASON_CODE_INTERNAL_H

#include "records.h"

/* The seed catalog, in code order; *count receives its length. The records
 * are static: never clear them. */
const struct arc_reason_code *arc_reason_code_seeds(size_t *count);

#endif
