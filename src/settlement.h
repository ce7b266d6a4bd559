/*
 * Applying payments and credit memos to invoices, and undoing those
 * applications. Payments and credit memos are both "credit sources": money
 * or credit of one customer in one currency, of which some part is applied.
 */
#ifndef ARC_SRC_SETTLEMENT_H
#define ARC_SRC_SETTLEMENT_H

#include "db_internal.h"

struct arc_credit_source {
    arc_application_kind kind; /* ARC_APPLICATION_PAYMENT or _CREDIT_MEMO */
    arc_id id;
    arc_id customer_id;
    const char *currency;
    int64_t amount;
    int64_t applied; /* updated by the functions below */
    arc_date start;  /* received or issue date: no application before it */
    bool closed;     /* reversed or void */
};

/* Apply @p amount of the source to one invoice, dated @p applied_on
 * (ARC_DATE_NONE: the later of today and the source's start). Must run in a
 * write scope; the caller stores the source's new applied amount. */
int arc_settle_apply(arc_db *db, struct arc_credit_source *source, arc_id invoice_id,
                     int64_t amount, arc_date applied_on);

/* Apply what is left of the source to the customer's payable invoices in
 * its currency, oldest due first. *applied receives the amount applied. */
int arc_settle_apply_auto(arc_db *db, struct arc_credit_source *source, int64_t *applied);

/* Reverse every application of the source in force, as of @p on, reopening
 * the invoices it settled. Sets source->applied to 0. */
int arc_settle_reverse_all(arc_db *db, struct arc_credit_source *source, arc_date on);

/* Write off @p amount (at most the balance) of an open or partially paid
 * invoice as of @p on; all of it makes the invoice written off. */
int arc_settle_write_off(arc_db *db, struct arc_invoice *invoice, int64_t amount,
                         arc_date on);

/* Record a write-off or void of an invoice's whole balance as of @p on. */
int arc_settle_close_invoice(arc_db *db, struct arc_invoice *invoice,
                             arc_application_kind kind, arc_date on);

#endif
