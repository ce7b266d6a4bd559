/*
 * What invoice.c, invoice_line.c and the settlement of payments and credit
 * memos share about invoices.
 */
#ifndef ARC_SRC_INVOICE_INTERNAL_H
#define ARC_SRC_INVOICE_INTERNAL_H

#include "db_internal.h"
#include "decimal.h"

/* Buffers for a line's canonical decimal texts while it is being created. */
struct arc_line_texts {
    char quantity[ARC_DECIMAL_BUFSIZE];
    char tax_rate[ARC_DECIMAL_BUFSIZE];
};

/*
 * Check one line's options and compute its net and tax. On success @p line
 * borrows its strings from @p opts and @p texts: it must not be cleared.
 * @p label names the invoice in messages.
 */
int arc_invoice_line_build(struct arc_invoice_line *line, struct arc_line_texts *texts,
                           const arc_invoice_line_opts *opts, int line_no,
                           const char *label);

/* Add a line's amounts to the invoice's subtotal, tax and total. */
int arc_invoice_add_to_totals(struct arc_invoice *invoice,
                              const struct arc_invoice_line *line, const char *label);

/*
 * After the invoice's balance changed by settlement, set the status it
 * implies: paid when nothing is owed (written off stays written off),
 * partially paid when something was paid, open otherwise.
 */
void arc_invoice_refresh_status(struct arc_invoice *invoice);

/* Whether payments and credits may be applied to an invoice in @p status. */
bool arc_invoice_is_payable(arc_invoice_status status);

#endif
