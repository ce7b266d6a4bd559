/*
 * The storage seam. The domain modules (customer.c, invoice.c, payment.c,
 * ...) hold every business rule and reach storage only through this table
 * of operations; a backend holds every query and no rule. The SQLite book
 * in backend/sqlite/ is the one backend so far.
 *
 * Conventions for every operation:
 * - return 0, or a negative ARC_E... code after setting the error message
 *   with arc_fail() (ARC_ENOTFOUND for a missing row, ARC_EEXISTS for a
 *   unique key taken, ARC_EBUSY, ARC_ESTORAGE);
 * - records passed in are only read; records filled out are cleared by the
 *   caller with the arc_*_clear() functions of records.h;
 * - writes happen inside a transaction or savepoint the core opened.
 */
#ifndef ARC_SRC_STORE_H
#define ARC_SRC_STORE_H

#include "records.h"

typedef struct arc_store arc_store;

/* What the core asks of a backend when it opens a book. */
struct arc_store_config {
    unsigned int flags; /* arc_db_flags */
    int busy_timeout_ms;
    arc_time now; /* for the creation timestamp of a new book */
    /* The reason codes a book starts with; the backend stores them when it
     * creates the catalog (a new book, or an older one migrated). */
    const struct arc_reason_code *reason_seeds;
    size_t reason_seed_count;
};

/* Filters for the list operations (already validated by the core). */
struct arc_store_list {
    arc_id after_id;
    unsigned int limit;
    arc_id customer_id; /* 0: all */
    int status;         /* -1: all */
};

/* One open invoice as the aging scan reports it. */
struct arc_open_item {
    arc_id invoice_id;
    arc_id customer_id;
    arc_currency_code currency;
    arc_date issue_date;
    arc_date due_date;
    int64_t balance;
};

/* Which invoices the aging scan and the change scan cover. */
struct arc_open_item_filter {
    arc_id customer_id;   /* 0: all */
    const char *currency; /* NULL: all */
    arc_date issued_by;   /* issue date on or before */
};

/* Callbacks of the scans: return 0 to go on, or a negative code to stop
 * the scan, which then returns that code. */
typedef int (*arc_open_item_fn)(void *ctx, const struct arc_open_item *item);
typedef int (*arc_application_fn)(void *ctx, const struct arc_application *application);
typedef int (*arc_disputed_fn)(void *ctx, arc_id invoice_id, int64_t amount);

/* What invoicing and payments need of a customer; no allocation. */
struct arc_customer_terms {
    arc_currency_code currency;
    int payment_terms_days;
    arc_customer_status status;
};

/* Which communications a list returns (already validated by the core): at
 * most one of customer_id, invoice_id and dispute_id is set. Lists run by
 * (occurred_at, id) descending, starting after the cursor when before_id is
 * not 0. */
struct arc_communication_filter {
    arc_id customer_id;
    arc_id invoice_id;
    arc_id dispute_id;
    int channel; /* -1: all */
    arc_time before_occurred_at;
    arc_id before_id;
    unsigned int limit;
};

/* A full-text search (already validated by the core). */
struct arc_communication_query {
    const char *match;  /* the user's query, in the backend's search syntax */
    arc_id customer_id; /* 0: all */
    unsigned int limit;
    unsigned int offset;
    const char *mark_open;
    const char *mark_close;
};

/* Which events a timeline shows (already validated by the core): exactly
 * one of customer_id, invoice_id and dispute_id is set. For a customer, only
 * the kinds listed in timeline.c (arc_timeline_kind()); for an invoice or a
 * dispute, every event naming it but communication.recorded. Newest first by
 * (occurred_at, id), strictly before (before_occurred_at, before_id) when
 * before_id is not 0. */
struct arc_timeline_filter {
    arc_id customer_id;
    arc_id invoice_id;
    arc_id dispute_id;
    arc_time before_occurred_at;
    arc_id before_id;
    unsigned int limit;
};

/* A dispute as automation sees it: what the rules test, no allocation. */
struct arc_dispute_state {
    arc_id id;
    arc_id customer_id;
    arc_currency_code currency;
    char reason_code[33];
    int64_t amount;
    arc_dispute_status status;
    int escalation_level;
    arc_time opened_at;
    arc_time status_changed_at;
    int64_t state_seq; /* grows with every change of state */
    arc_date due_date;
    arc_date overdue_alerted_for;
};

/* An invoice that passed its due date with a balance and no overdue alert. */
struct arc_overdue_invoice {
    arc_id id;
    arc_id customer_id;
    arc_currency_code currency;
    arc_date due_date;
    int64_t balance;
};

struct arc_sequence_state {
    char prefix[33];
    int64_t next;
    int width;
};

struct arc_store_ops {
    const char *name;

    /* Open or create the book at @p location (a path for SQLite). */
    int (*open)(arc_store **out, const char *location,
                const struct arc_store_config *cfg);
    void (*close)(arc_store *store);

    /* A write transaction, and savepoints nested inside it or alone. */
    int (*begin)(arc_store *store);
    int (*commit)(arc_store *store);
    int (*rollback)(arc_store *store);
    int (*savepoint)(arc_store *store);
    int (*release)(arc_store *store);
    int (*rollback_to)(arc_store *store);

    /* Rows changed through this connection since it opened. */
    int64_t (*change_count)(arc_store *store);

    /* Book identity and schema. @p book_id has 33 bytes. */
    int (*book_info)(arc_store *store, char *book_id, int *schema_version);

    /* Document numbering: take the next number (the state before it was
     * advanced by one), and set the state. ARC_EOVERFLOW when exhausted. */
    int (*sequence_take)(arc_store *store, arc_sequence kind,
                         struct arc_sequence_state *out);
    int (*sequence_put)(arc_store *store, arc_sequence kind,
                        const struct arc_sequence_state *state);

    /* Customers and contacts. insert fills in the id. */
    int (*customer_insert)(arc_store *store, struct arc_customer *customer);
    int (*customer_update)(arc_store *store, const struct arc_customer *customer);
    int (*customer_get)(arc_store *store, arc_id id, struct arc_customer *out);
    int (*customer_terms)(arc_store *store, arc_id id, struct arc_customer_terms *out);
    int (*customer_get_by_reference)(arc_store *store, const char *reference,
                                     struct arc_customer *out);
    int (*customer_list)(arc_store *store, const struct arc_store_list *filter,
                         struct arc_customer_page *out);
    int (*contact_insert)(arc_store *store, struct arc_contact *contact);
    int (*contact_delete)(arc_store *store, arc_id id);
    int (*contact_list)(arc_store *store, arc_id customer_id,
                        struct arc_contact_page *out);

    /* Invoices. insert writes the invoice and its lines and fills in the
     * invoice's id; update writes every header field but not the lines. */
    int (*invoice_insert)(arc_store *store, struct arc_invoice *invoice);
    int (*invoice_line_insert)(arc_store *store, arc_id invoice_id,
                               struct arc_invoice_line *line);
    int (*invoice_update)(arc_store *store, const struct arc_invoice *invoice);
    /* Write only what settlement changes: status, paid, balance, closing
     * date and reason, updated_at. */
    int (*invoice_settle)(arc_store *store, const struct arc_invoice *invoice);
    int (*invoice_delete)(arc_store *store, arc_id id);
    int (*invoice_get)(arc_store *store, arc_id id, bool with_lines,
                       struct arc_invoice *out);
    int (*invoice_get_by_number)(arc_store *store, const char *number, bool with_lines,
                                 struct arc_invoice *out);
    int (*invoice_list)(arc_store *store, const struct arc_store_list *filter,
                        struct arc_invoice_page *out);
    /* Invoices of a customer in a currency with a balance, oldest due date
     * first, then lowest id; at most @p limit, without lines. */
    int (*invoice_list_payable)(arc_store *store, arc_id customer_id,
                                const char *currency, unsigned int limit,
                                struct arc_invoice_page *out);

    /* Payments. */
    int (*payment_insert)(arc_store *store, struct arc_payment *payment);
    int (*payment_update)(arc_store *store, const struct arc_payment *payment);
    int (*payment_get)(arc_store *store, arc_id id, struct arc_payment *out);
    int (*payment_get_by_key)(arc_store *store, const char *idempotency_key,
                              struct arc_payment *out);
    int (*payment_list)(arc_store *store, const struct arc_store_list *filter,
                        struct arc_payment_page *out);

    /* Credit memos. */
    int (*credit_memo_insert)(arc_store *store, struct arc_credit_memo *memo);
    int (*credit_memo_update)(arc_store *store, const struct arc_credit_memo *memo);
    int (*credit_memo_get)(arc_store *store, arc_id id, struct arc_credit_memo *out);
    int (*credit_memo_list)(arc_store *store, const struct arc_store_list *filter,
                            struct arc_credit_memo_page *out);

    /* Applications. list_for takes the invoice, payment or credit memo the
     * applications belong to: kind ARC_APPLICATION_PAYMENT lists a payment's,
     * ARC_APPLICATION_CREDIT_MEMO a memo's, and -1 an invoice's. */
    int (*application_insert)(arc_store *store, struct arc_application *application);
    int (*application_set_reversed)(arc_store *store, arc_id id, arc_date reversed_on);
    int (*application_list_for)(arc_store *store, int kind, arc_id owner_id,
                                struct arc_application_page *out);

    /* The reason code catalog. update writes label, category, description
     * and active; in_use tells whether disputes or escalation rules use a
     * code. */
    int (*reason_code_insert)(arc_store *store, const struct arc_reason_code *reason);
    int (*reason_code_update)(arc_store *store, const struct arc_reason_code *reason);
    int (*reason_code_get)(arc_store *store, const char *code,
                           struct arc_reason_code *out);
    int (*reason_code_delete)(arc_store *store, const char *code);
    int (*reason_code_list)(arc_store *store, bool include_inactive,
                            struct arc_reason_code_page *out);
    int (*reason_code_in_use)(arc_store *store, const char *code, bool *out);

    /* Disputes. insert writes the dispute and its lines and fills in the id;
     * update writes every field but the lines. list_for_invoice lists one
     * invoice's disputes, oldest first. */
    int (*dispute_insert)(arc_store *store, struct arc_dispute *dispute);
    int (*dispute_update)(arc_store *store, const struct arc_dispute *dispute);
    int (*dispute_get)(arc_store *store, arc_id id, struct arc_dispute *out);
    int (*dispute_list)(arc_store *store, const struct arc_store_list *filter,
                        struct arc_dispute_page *out);
    int (*dispute_list_for_invoice)(arc_store *store, arc_id invoice_id,
                                    struct arc_dispute_page *out);

    /* Amounts under disputes that are not resolved: of one invoice, leaving
     * out one dispute (0: none), and of a customer in a currency. */
    int (*sum_open_disputes_of_invoice)(arc_store *store, arc_id invoice_id,
                                        arc_id except_dispute_id, int64_t *out);
    /* For aging split by disputes: per invoice, the sum of the disputes
     * opened on or before @p as_of and not resolved by then. */
    int (*scan_disputed_amounts)(arc_store *store, arc_date as_of, arc_disputed_fn fn,
                                 void *ctx);
    int (*sum_open_disputes_of_customer)(arc_store *store, arc_id customer_id,
                                         const char *currency, int64_t *out);

    /* Communications (communication*.c and sqlite_communication.c). */
    /* insert writes the record, its invoice links, its chat messages and its
     * search entry, and fills in the id. find_email gives the id and thread
     * id of the email with a Message-ID (ARC_ENOTFOUND, no message, when
     * none). list_thread lists a customer's emails of one thread oldest
     * first. move_thread puts a customer's emails of thread @p from into
     * thread @p to. search returns ARC_EINVAL for a query the backend cannot
     * parse. */
    int (*communication_insert)(arc_store *store,
                                struct arc_communication *communication);
    int (*communication_get)(arc_store *store, arc_id id, struct arc_communication *out);
    int (*communication_find_email)(arc_store *store, const char *message_id,
                                    struct arc_communication *out);
    int (*communication_list)(arc_store *store,
                              const struct arc_communication_filter *filter,
                              struct arc_communication_page *out);
    int (*communication_list_thread)(arc_store *store, arc_id customer_id,
                                     const char *thread_id,
                                     struct arc_communication_page *out);
    int (*communication_move_thread)(arc_store *store, arc_id customer_id,
                                     const char *from, const char *to);
    int (*communication_search)(arc_store *store,
                                const struct arc_communication_query *query,
                                struct arc_communication_hit_page *out);

    /* The event journal (event.c and sqlite_event.c): append fills in the
     * id; list reads events after @p after_id, oldest first. */
    int (*event_append)(arc_store *store, struct arc_event *event);
    int (*event_list)(arc_store *store, arc_id after_id, unsigned int limit,
                      struct arc_event_page *out);

    /* Dispute reports (dispute_report.c): every dispute opened on or after
     * @p opened_from and before @p opened_before (ARC_DATE_NONE: no bound),
     * of one customer (0: all) and currency (NULL: all). They come ordered by
     * @p order, an arc_dispute_grouping, so that each group's disputes are
     * consecutive: by reason code, by customer id, or by opening instant.
     * Only id, customer_id, currency, reason_code, amount, status, outcome,
     * opened_at and resolved_on are filled, and reason_code is borrowed for
     * the duration of the call. */
    int (*scan_disputes)(arc_store *store, int order, arc_id customer_id,
                         const char *currency, arc_date opened_from,
                         arc_date opened_before,
                         int (*fn)(void *ctx, const struct arc_dispute *dispute),
                         void *ctx);

    /* The timeline (timeline.c and sqlite_timeline.c); see
     * struct arc_timeline_filter. */
    int (*event_list_timeline)(arc_store *store, const struct arc_timeline_filter *filter,
                               struct arc_event_page *out);

    /* Escalation rules and automation (escalation_rule.c, automation.c and
     * sqlite_automation.c). rule_insert fills in the id; rule_update writes
     * every field but id and created_at; rule_delete removes the rule and its
     * firings. rule_list lists in id order, inactive rules too when asked. */
    int (*rule_insert)(arc_store *store, struct arc_escalation_rule *rule);
    int (*rule_update)(arc_store *store, const struct arc_escalation_rule *rule);
    int (*rule_delete)(arc_store *store, arc_id id);
    int (*rule_get)(arc_store *store, arc_id id, struct arc_escalation_rule *out);
    int (*rule_get_by_name)(arc_store *store, const char *name,
                            struct arc_escalation_rule *out);
    int (*rule_list)(arc_store *store, bool include_inactive,
                     struct arc_escalation_rule_page *out);
    /* Every dispute that is not resolved, in id order. The callback may not
     * write to the store; collect first, then act. */
    int (*scan_unresolved_disputes)(arc_store *store,
                                    int (*fn)(void *ctx,
                                              const struct arc_dispute_state *state),
                                    void *ctx);
    /* When the customer was last in touch: the latest occurred_at of its
     * communications that are not internal; 0 when there is none. */
    int (*last_contact)(arc_store *store, arc_id customer_id, arc_time *out);
    /* Whether a rule fired for a dispute in its state number @p state_seq,
     * and recording that it did. */
    int (*rule_fired)(arc_store *store, arc_id rule_id, arc_id dispute_id,
                      int64_t state_seq, bool *out);
    int (*rule_firing_insert)(arc_store *store, arc_id rule_id, arc_id dispute_id,
                              int64_t state_seq, arc_time fired_at);
    /* Open or partially paid invoices due before @p today with a balance and
     * no overdue alert yet, in due date order. The callback may not write;
     * mark_overdue_alerted records the alert afterwards. */
    int (*scan_overdue_invoices)(arc_store *store, arc_date today,
                                 int (*fn)(void *ctx,
                                           const struct arc_overdue_invoice *invoice),
                                 void *ctx);
    int (*invoice_mark_overdue_alerted)(arc_store *store, arc_id id);
    /* Record that dispute.overdue was raised for the dispute's @p due_date. */
    int (*dispute_mark_overdue_alerted)(arc_store *store, arc_id id, arc_date due_date);

    /* Sums for balances: invoice balances of a customer in a currency, and
     * the unapplied remainders of its payments and credit memos in force. */
    int (*sum_invoice_balances)(arc_store *store, arc_id customer_id,
                                const char *currency, int64_t *out);
    int (*sum_unapplied_credit)(arc_store *store, arc_id customer_id,
                                const char *currency, int64_t *out);

    /* Aging: every invoice with a balance now that matches the filter, in no
     * particular order; and every application applied or reversed after
     * @p after (for balances as of an earlier date). */
    int (*scan_open_items)(arc_store *store, const struct arc_open_item_filter *filter,
                           arc_open_item_fn fn, void *ctx);
    int (*scan_applications_after)(arc_store *store, arc_date after,
                                   arc_application_fn fn, void *ctx);
};

/* The built-in SQLite backend. */
extern const struct arc_store_ops arc_sqlite_store;

#endif
