/*
 * Options structs owned by a binding.
 *
 * The Python and Ruby wrappers create every options struct of the C API
 * through arcb_opts_new(). Such a struct lives in a box that also remembers
 * the memory it points to (copies of strings, arrays of lines or ids), so
 * that arcb_opts_free() releases it all at once, whatever members were set.
 * Only the bindings use these functions; they are not part of libarcollect.
 */
#ifndef ARCB_OWNED_OPTS_H
#define ARCB_OWNED_OPTS_H

#include <stddef.h>

#include <arcollect.h>

/* A new zeroed struct of @p size bytes, copied from @p init; NULL when out of
 * memory. Free it with arcb_opts_free(). */
void *arcb_opts_new(size_t size, const void *init);

/* Free a struct from arcb_opts_new() and everything it owns; NULL is ignored. */
void arcb_opts_free(void *opts);

/* A copy of @p text owned by @p opts, or NULL for a NULL @p text or when out of
 * memory. */
const char *arcb_opts_string(void *opts, const char *text);

/* Append a copy of @p line, its strings included, to the lines of an invoice.
 * Returns ARC_OK or ARC_ENOMEM. */
int arcb_invoice_opts_add_line(arc_invoice_opts *opts, const arc_invoice_line_opts *line);

/* Append a bucket edge to an aging report's options. Returns ARC_OK or ARC_ENOMEM. */
int arcb_aging_opts_add_edge(arc_aging_opts *opts, int32_t edge);

/* Append a disputed line number to a dispute. Returns ARC_OK or ARC_ENOMEM. */
int arcb_dispute_opts_add_line(arc_dispute_opts *opts, int line);

/* Append an invoice link to a communication. Returns ARC_OK or ARC_ENOMEM. */
int arcb_communication_opts_add_invoice(arc_communication_opts *opts, arc_id invoice_id);

/* Append a chat message to a communication; @p sent_at 0 stands for its
 * occurred_at. Returns ARC_OK or ARC_ENOMEM. */
int arcb_communication_opts_add_chat(arc_communication_opts *opts, const char *author,
                                     arc_time sent_at, const char *text);

#endif
