/*
 * Document numbers from the book-wide sequences.
 */
#include <stdio.h>
#include <string.h>

#include "db_internal.h"
#include "error.h"
#include "numbering.h"
#include "util.h"

int arc_numbering_take(arc_db *db, arc_sequence sequence, char *out, size_t size)
{
    struct arc_sequence_cache *cache = &db->sequences[sequence];
    struct arc_sequence_state state = { { 0 }, 0, 0 };
    int rc;

    if (db->in_tx && cache->loaded) {
        if (cache->state.next == INT64_MAX)
            return arc_fail(ARC_EOVERFLOW, "numbering: the sequence is exhausted");
        state = cache->state;
        cache->state.next++;
        cache->dirty = true;
    } else {
        rc = db->ops->sequence_take(db->store, sequence, &state);
        if (rc != ARC_OK)
            return rc;
        if (db->in_tx) {
            cache->loaded = true;
            cache->state = state;
            cache->state.next++;
        }
    }

    snprintf(out, size, "%s%0*lld", state.prefix, state.width, (long long)state.next);
    return ARC_OK;
}

int arc_numbering_flush(arc_db *db)
{
    int rc = ARC_OK;

    for (int kind = 0; kind < 2 && rc == ARC_OK; kind++) {
        struct arc_sequence_cache *cache = &db->sequences[kind];

        if (cache->dirty)
            rc = db->ops->sequence_put(db->store, (arc_sequence)kind, &cache->state);
        cache->dirty = false;
    }
    return rc;
}

void arc_numbering_forget(arc_db *db)
{
    memset(db->sequences, 0, sizeof(db->sequences));
}

static int check_numbering(arc_sequence sequence, const char *prefix, int64_t next,
                           int width)
{
    int rc;

    if (sequence != ARC_SEQUENCE_INVOICE && sequence != ARC_SEQUENCE_CREDIT_MEMO)
        return arc_fail(ARC_EINVAL, "numbering: sequence: unknown value %d",
                        (int)sequence);
    if (prefix == NULL)
        return arc_fail(ARC_EINVAL, "numbering: prefix: must not be NULL (use \"\")");
    rc = arc_check_text("numbering", "prefix", prefix, 32, false);
    if (rc != ARC_OK)
        return rc;
    if (next < 1)
        return arc_fail(ARC_EINVAL, "numbering: next: must be at least 1");
    if (width < 1 || width > 18)
        return arc_fail(ARC_EINVAL, "numbering: width: must be 1 to 18, not %d", width);
    return ARC_OK;
}

int arc_db_set_numbering(arc_db *db, arc_sequence sequence, const char *prefix,
                         int64_t next, int width)
{
    struct arc_sequence_state state;
    int rc;

    ARC_CHECK_DB(db);
    rc = check_numbering(sequence, prefix, next, width);
    if (rc != ARC_OK)
        return rc;

    memset(&state, 0, sizeof(state));
    memcpy(state.prefix, prefix, strlen(prefix));
    state.next = next;
    state.width = width;

    rc = arc_write_begin(db);
    if (rc != ARC_OK)
        return rc;
    rc = db->ops->sequence_put(db->store, sequence, &state);
    if (rc == ARC_OK) {
        struct arc_event event = arc_event_about(ARC_EVENT_NUMBERING_CHANGED, 0, 0);

        event.detail =
            (char *)(sequence == ARC_SEQUENCE_INVOICE ? "invoice" : "credit_memo");
        rc = arc_event_emit(db, &event);
    }
    if (rc == ARC_OK && db->in_tx) {
        db->sequences[sequence].loaded = true;
        db->sequences[sequence].dirty = false;
        db->sequences[sequence].state = state;
    }
    return arc_write_end(db, rc);
}
