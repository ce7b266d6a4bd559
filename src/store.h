/*
 * The storage seam. The domain modules (customer.c, invoice.c, payment.c,
 * ...) hold every business rule and reach storage only through a backend's
 * table of functions, the public contract of arcollect/sys/backend.h. A
 * backend holds every query and no rule.
 *
 * Functions a backend may leave NULL are reached through the arc_store_*()
 * wrappers below, which fall back to a generic path (store_generic.c).
 */
#ifndef ARC_SRC_STORE_H
#define ARC_SRC_STORE_H

#include "arcollect/sys/backend.h"
#include "records.h"

struct arc_db;

/* The built-in backends. */
extern const struct arc_backend arc_sqlite_store;

/* The registry (backend_registry.c): the backend for a URI, and the
 * location to hand it. */
int arc_backend_resolve(const struct arc_backend **out, const char **location,
                        const char *uri);

/* Optional functions, with their generic paths. */
int arc_store_customer_terms(struct arc_db *db, arc_id id,
                             struct arc_customer_terms *out);
int arc_store_invoice_settle(struct arc_db *db, const struct arc_invoice *invoice);
int arc_store_sum_invoice_balances(struct arc_db *db, arc_id customer_id,
                                   const char *currency, int64_t *out);
int arc_store_sum_unapplied_credit(struct arc_db *db, arc_id customer_id,
                                   const char *currency, int64_t *out);
int arc_store_sum_open_disputes_of_invoice(struct arc_db *db, arc_id invoice_id,
                                           arc_id except_dispute_id, int64_t *out);
int arc_store_sum_open_disputes_of_customer(struct arc_db *db, arc_id customer_id,
                                            const char *currency, int64_t *out);
int arc_store_scan_disputed_amounts(struct arc_db *db, arc_date as_of, arc_disputed_fn fn,
                                    void *ctx);
int arc_store_last_contact(struct arc_db *db, arc_id customer_id, arc_time *out);
int arc_store_communication_search(struct arc_db *db,
                                   const struct arc_communication_query *query,
                                   struct arc_communication_hit_page *out);

#endif
