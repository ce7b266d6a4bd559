/*
 * Payments and credit memos as sources of credit: the calls they share.
 */
#ifndef ARC_SRC_CREDIT_SOURCE_H
#define ARC_SRC_CREDIT_SOURCE_H

#include "settlement.h"

/* The credit-source view of a payment or credit memo record. */
void arc_credit_source_of_payment(struct arc_credit_source *source,
                                  const struct arc_payment *payment);
void arc_credit_source_of_memo(struct arc_credit_source *source,
                               const struct arc_credit_memo *memo);

/*
 * Insert a credit memo (numbering it when it has no number, taking the
 * customer's currency when it has none) and apply as much of it as
 * @p invoice_id owes, when that is not 0. Must run in a write scope.
 */
int arc_credit_memo_create_in_scope(arc_db *db, struct arc_credit_memo *memo,
                                    arc_id invoice_id);

/* arc_payment_apply() and arc_credit_memo_apply(), by kind of source. */
int arc_credit_source_apply(arc_db *db, arc_application_kind kind, arc_id source_id,
                            arc_id invoice_id, int64_t amount, arc_date applied_on);

/* arc_payment_apply_auto() and arc_credit_memo_apply_auto(). */
int arc_credit_source_apply_auto(int64_t *applied, arc_db *db, arc_application_kind kind,
                                 arc_id source_id);

/* arc_payment_reverse() and arc_credit_memo_void(): undo every application
 * in force as of @p on and mark the source withdrawn. */
int arc_credit_source_withdraw(arc_db *db, arc_application_kind kind, arc_id source_id,
                               arc_date on, const char *reason);

#endif
