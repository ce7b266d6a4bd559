/*
 * What the dispute modules share: limits, checks and the load-change-store
 * frame every call after opening uses.
 */
#ifndef ARC_SRC_DISPUTE_INTERNAL_H
#define ARC_SRC_DISPUTE_INTERNAL_H

#include "db_internal.h"

#define PERSON_MAX 128
#define TEXT_MAX   10000

/* "12.50 USD", for messages; @p buf has ARC_MONEY_BUFSIZE + 4 bytes. */
const char *arc_dispute_money_text(char *buf, int64_t amount, const char *currency);

/* ARC_ECONFLICT unless disputes may be opened on the invoice. */
int arc_dispute_check_disputable(const struct arc_invoice *invoice);

/* ARC_ECONFLICT unless @p amount fits in what the invoice owes less its
 * other open disputes; @p dispute_id (0 for a new one) is left out. */
int arc_dispute_check_fits(arc_db *db, const struct arc_invoice *invoice,
                           arc_id dispute_id, int64_t amount);

/* ARC_EINVAL unless @p actor names someone. */
int arc_dispute_check_actor(arc_id id, const char *actor);

/* Refuse a transition from the dispute's status, saying what would do. */
int arc_dispute_refuse(const struct arc_dispute *dispute, const char *verb,
                       const char *allowed);

/* Put the dispute into @p status as of the book's clock. */
void arc_dispute_enter(arc_db *db, struct arc_dispute *dispute,
                       arc_dispute_status status);

/* Replace a string of a loaded dispute with a copy of @p value ("" or NULL
 * clears it). */
int arc_dispute_replace_text(char **slot, const char *value);

/* Journal an event of @p kind about the dispute, done by @p actor. */
int arc_dispute_emit(arc_db *db, const struct arc_dispute *dispute, arc_event_kind kind,
                     const char *actor);

/* Load a dispute, let @p step change it, store it and journal @p kind, in
 * one write scope. */
typedef int (*dispute_step)(arc_db *db, struct arc_dispute *dispute, const void *arg);
int arc_dispute_change(arc_db *db, arc_id id, dispute_step step, const void *arg,
                       arc_event_kind kind, const char *actor);

#endif
