/*
 * The record operations of the in-memory backend, one group per file, as
 * the table of functions in memory_backend.c lists them. Each does what
 * arcollect/sys/backend.h says of the member of the same name.
 */
#ifndef ARC_EXAMPLE_MEMORY_OPS_H
#define ARC_EXAMPLE_MEMORY_OPS_H

#include "arcollect/sys/backend.h"

/* memory_customer.c */
int mem_customer_insert(arc_store *store, struct arc_customer *customer);
int mem_customer_update(arc_store *store, const struct arc_customer *customer);
int mem_customer_get(arc_store *store, arc_id id, struct arc_customer *out);
int mem_customer_terms(arc_store *store, arc_id id, struct arc_customer_terms *out);
int mem_customer_get_by_reference(arc_store *store, const char *reference,
                                  struct arc_customer *out);
int mem_customer_list(arc_store *store, const struct arc_store_list *filter,
                      struct arc_customer_page *out);
int mem_contact_insert(arc_store *store, struct arc_contact *contact);
int mem_contact_delete(arc_store *store, arc_id id);
int mem_contact_list(arc_store *store, arc_id customer_id, struct arc_contact_page *out);

/* memory_invoice.c */
int mem_invoice_insert(arc_store *store, struct arc_invoice *invoice);
int mem_invoice_line_insert(arc_store *store, arc_id invoice_id,
                            struct arc_invoice_line *line);
int mem_invoice_update(arc_store *store, const struct arc_invoice *invoice);
int mem_invoice_settle(arc_store *store, const struct arc_invoice *invoice);
int mem_invoice_delete(arc_store *store, arc_id id);
int mem_invoice_get(arc_store *store, arc_id id, bool with_lines,
                    struct arc_invoice *out);
int mem_invoice_get_by_number(arc_store *store, const char *number, bool with_lines,
                              struct arc_invoice *out);
int mem_invoice_list(arc_store *store, const struct arc_store_list *filter,
                     struct arc_invoice_page *out);
int mem_invoice_list_payable(arc_store *store, arc_id customer_id, const char *currency,
                             unsigned int limit, struct arc_invoice_page *out);
int mem_scan_overdue_invoices(arc_store *store, arc_date today,
                              int (*fn)(void *ctx,
                                        const struct arc_overdue_invoice *invoice),
                              void *ctx);
int mem_invoice_mark_overdue_alerted(arc_store *store, arc_id id);

/* memory_payment.c */
int mem_payment_insert(arc_store *store, struct arc_payment *payment);
int mem_payment_update(arc_store *store, const struct arc_payment *payment);
int mem_payment_get(arc_store *store, arc_id id, struct arc_payment *out);
int mem_payment_get_by_key(arc_store *store, const char *idempotency_key,
                           struct arc_payment *out);
int mem_payment_list(arc_store *store, const struct arc_store_list *filter,
                     struct arc_payment_page *out);
int mem_credit_memo_insert(arc_store *store, struct arc_credit_memo *memo);
int mem_credit_memo_update(arc_store *store, const struct arc_credit_memo *memo);
int mem_credit_memo_get(arc_store *store, arc_id id, struct arc_credit_memo *out);
int mem_credit_memo_list(arc_store *store, const struct arc_store_list *filter,
                         struct arc_credit_memo_page *out);

/* memory_application.c */
int mem_application_insert(arc_store *store, struct arc_application *application);
int mem_application_set_reversed(arc_store *store, arc_id id, arc_date reversed_on);
int mem_application_list_for(arc_store *store, int kind, arc_id owner_id,
                             struct arc_application_page *out);
int mem_scan_applications_after(arc_store *store, arc_date after, arc_application_fn fn,
                                void *ctx);

/* memory_reason_code.c */
int mem_reason_code_insert(arc_store *store, const struct arc_reason_code *reason);
int mem_reason_code_update(arc_store *store, const struct arc_reason_code *reason);
int mem_reason_code_get(arc_store *store, const char *code, struct arc_reason_code *out);
int mem_reason_code_delete(arc_store *store, const char *code);
int mem_reason_code_list(arc_store *store, bool include_inactive,
                         struct arc_reason_code_page *out);
int mem_reason_code_in_use(arc_store *store, const char *code, bool *out);

/* memory_dispute.c */
int mem_dispute_insert(arc_store *store, struct arc_dispute *dispute);
int mem_dispute_update(arc_store *store, const struct arc_dispute *dispute);
int mem_dispute_get(arc_store *store, arc_id id, struct arc_dispute *out);
int mem_dispute_list(arc_store *store, const struct arc_store_list *filter,
                     struct arc_dispute_page *out);
int mem_dispute_list_for_invoice(arc_store *store, arc_id invoice_id,
                                 struct arc_dispute_page *out);
int mem_sum_open_disputes_of_invoice(arc_store *store, arc_id invoice_id,
                                     arc_id except_dispute_id, int64_t *out);
int mem_sum_open_disputes_of_customer(arc_store *store, arc_id customer_id,
                                      const char *currency, int64_t *out);
int mem_scan_unresolved_disputes(arc_store *store,
                                 int (*fn)(void *ctx,
                                           const struct arc_dispute_state *state),
                                 void *ctx);
int mem_dispute_mark_overdue_alerted(arc_store *store, arc_id id, arc_date due_date);

/* memory_communication.c */
int mem_communication_insert(arc_store *store, struct arc_communication *communication);
int mem_communication_get(arc_store *store, arc_id id, struct arc_communication *out);
int mem_communication_find_email(arc_store *store, const char *message_id,
                                 struct arc_communication *out);
int mem_communication_list(arc_store *store,
                           const struct arc_communication_filter *filter,
                           struct arc_communication_page *out);
int mem_communication_list_thread(arc_store *store, arc_id customer_id,
                                  const char *thread_id,
                                  struct arc_communication_page *out);
int mem_communication_move_thread(arc_store *store, arc_id customer_id, const char *from,
                                  const char *to);
int mem_last_contact(arc_store *store, arc_id customer_id, arc_time *out);

/* memory_search.c */
int mem_communication_search(arc_store *store,
                             const struct arc_communication_query *query,
                             struct arc_communication_hit_page *out);

/* memory_event.c */
int mem_event_append(arc_store *store, struct arc_event *event);
int mem_event_list(arc_store *store, arc_id after_id, unsigned int limit,
                   struct arc_event_page *out);
int mem_event_list_timeline(arc_store *store, const struct arc_timeline_filter *filter,
                            struct arc_event_page *out);

/* memory_rule.c */
int mem_rule_insert(arc_store *store, struct arc_escalation_rule *rule);
int mem_rule_update(arc_store *store, const struct arc_escalation_rule *rule);
int mem_rule_delete(arc_store *store, arc_id id);
int mem_rule_get(arc_store *store, arc_id id, struct arc_escalation_rule *out);
int mem_rule_get_by_name(arc_store *store, const char *name,
                         struct arc_escalation_rule *out);
int mem_rule_list(arc_store *store, bool include_inactive,
                  struct arc_escalation_rule_page *out);
int mem_rule_fired(arc_store *store, arc_id rule_id, arc_id dispute_id, int64_t state_seq,
                   bool *out);
int mem_rule_firing_insert(arc_store *store, arc_id rule_id, arc_id dispute_id,
                           int64_t state_seq, arc_time fired_at);

/* memory_report.c */
int mem_scan_disputes(arc_store *store, int order, arc_id customer_id,
                      const char *currency, arc_date opened_from, arc_date opened_before,
                      arc_dispute_fn fn, void *ctx);
int mem_sum_invoice_balances(arc_store *store, arc_id customer_id, const char *currency,
                             int64_t *out);
int mem_sum_unapplied_credit(arc_store *store, arc_id customer_id, const char *currency,
                             int64_t *out);
int mem_scan_open_items(arc_store *store, const struct arc_open_item_filter *filter,
                        arc_open_item_fn fn, void *ctx);

#endif
