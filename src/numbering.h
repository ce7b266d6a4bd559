/*
 * Taking the next document number of a sequence.
 */
#ifndef ARC_SRC_NUMBERING_H
#define ARC_SRC_NUMBERING_H

#include "db_internal.h"

/* Longest generated number with its NUL: a 32-byte prefix and 19 digits. */
#define ARC_NUMBER_BUFSIZE 64

/* Write the next number of @p sequence into @p out and advance the
 * sequence. Must run inside a write scope. */
int arc_numbering_take(arc_db *db, arc_sequence sequence, char *out, size_t size);

/* Write the sequences advanced during the host's transaction back to the
 * book; called just before it commits. */
int arc_numbering_flush(arc_db *db);

/* Drop the sequences kept for the host's transaction (it ended). */
void arc_numbering_forget(arc_db *db);

#endif
