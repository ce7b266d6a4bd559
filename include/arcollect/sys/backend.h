/**
 * @file arcollect/sys/backend.h
 * @brief The storage contract: how to keep books in storage of your own.
 *
 * A book lives in a backend: the built-in SQLite file, the built-in
 * PostgreSQL database (when the library was built with libpq), or one a
 * host writes and registers with arc_backend_register(). A backend is a
 * #arc_backend: a version, a name, and a table of functions that store and
 * find the records of arcollect/sys/records.h. It holds no business rule:
 * balances, states, numbering and rounding are the library's, so every
 * backend gives the same answers. The library's conformance suite runs the
 * same domain tests against each backend (tests/conformance/), and
 * examples/memory_backend/ is a complete backend written against this
 * header alone.
 *
 * ## Choosing a backend
 *
 * arc_db_open() picks a backend from the URI: a plain path or `sqlite:PATH`
 * is the SQLite file; `postgresql://` and `postgres://` are PostgreSQL;
 * `NAME:...` is the backend registered under NAME. A registered backend's
 * #arc_backend::open receives the whole URI; it parses the rest itself. A
 * `NAME:...` URI with no backend registered under NAME is refused (a file
 * whose name looks like one is written `sqlite:NAME:...` or `./NAME:...`).
 *
 * ## Calls
 *
 * Every function returns #ARC_OK (0) or a negative `ARC_E...` code after
 * describing the failure with arc_error_set(): #ARC_ENOTFOUND for a record
 * that does not exist (with a message such as "invoice 42: not found"),
 * #ARC_EEXISTS for a unique key already taken, #ARC_EBUSY when the storage
 * is locked by someone else, #ARC_ESTORAGE for everything else the storage
 * reports. Functions that find nothing to return are not failures: an empty
 * page is a success.
 *
 * Input has been checked by the library: ids are positive, strings are
 * valid UTF-8, enumerations are in range, limits are between 1 and the
 * list's maximum. Records passed in are only read during the call. Records
 * and pages filled out follow the ownership rules of
 * arcollect/sys/records.h; on failure, leave nothing allocated in them.
 *
 * ## Transactions
 *
 * The library calls #arc_backend::begin before a call that writes, then
 * #arc_backend::commit or #arc_backend::rollback. Writers of one book must
 * be serialised between begin and commit (the SQLite book takes its write
 * lock; PostgreSQL locks the book's row): the library reads, decides and
 * writes in between and relies on nobody else writing. A begin that cannot
 * get the lock within @ref arc_store_config::busy_timeout_ms fails with
 * #ARC_EBUSY. Inside a transaction, #arc_backend::savepoint,
 * #arc_backend::release and #arc_backend::rollback_to nest. A savepoint
 * asked for outside a transaction opens a read scope: every read until the
 * matching release sees the book as it was last committed, without waiting
 * for a writer and without seeing what a writer has not committed. The
 * library never writes in a read scope.
 *
 * ## A new book
 *
 * A new book holds the seed reason codes of its #arc_store_config and two
 * numbering sequences, #ARC_SEQUENCE_INVOICE with prefix "INV-" and
 * #ARC_SEQUENCE_CREDIT_MEMO with prefix "CM-", both at next number 1 and
 * width 6.
 *
 * ## Order and ids
 *
 * Ids are positive and assigned by the backend on insert; an id may come
 * back only after the record that had it was rolled back or deleted. Event
 * ids must grow in the order events were committed. Lists say their order;
 * ties are broken by id as stated.
 *
 * ## Values
 *
 * A backend returns what it stored, with two normalisations the library
 * relies on: an event's amount is 0 when its currency is "", and a
 * communication that is not a call has a call duration of 0 and a call
 * outcome of 0.
 *
 * ## Optional functions
 *
 * Members marked optional may be NULL: the library then does the same work
 * through required functions, correctly but more slowly. All other members
 * are required; arc_backend_register() refuses a backend that lacks one.
 */
#ifndef ARCOLLECT_SYS_BACKEND_H
#define ARCOLLECT_SYS_BACKEND_H

#include "records.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A book as one backend keeps it: a connection, a file... Each backend
 *  defines this struct for itself; the library only passes pointers along. */
typedef struct arc_store arc_store;

/** The version of #arc_backend and of the records that this header describes. */
#define ARC_BACKEND_VERSION 1

/** What the library asks of a backend when it opens a book. */
struct arc_store_config {
    unsigned int flags;  /**< #arc_db_flags from #arc_db_options. */
    int busy_timeout_ms; /**< How long to wait for a lock held by others. */
    arc_time now;        /**< The book's clock, for stamping a new book. */
    /** The reason codes a new book starts with: store them when creating a
     *  book (and when upgrading a book that has no catalog yet). */
    const struct arc_reason_code *reason_seeds;
    size_t reason_seed_count; /**< Entries in @ref reason_seeds. */
};

/** Paging and filters of the list functions. Lists run in ascending id order. */
struct arc_store_list {
    arc_id after_id;    /**< Only ids greater than this; 0 from the start. */
    unsigned int limit; /**< At most this many. */
    arc_id customer_id; /**< Only this customer's records; 0 for all. */
    int status;         /**< Only this status of the record's kind; -1 for all. */
};

/** One invoice with a balance, as the aging scan reports it. */
struct arc_open_item {
    arc_id invoice_id;          /**< The invoice. */
    arc_id customer_id;         /**< Its customer. */
    arc_currency_code currency; /**< Its currency. */
    arc_date issue_date;        /**< Its issue date. */
    arc_date due_date;          /**< Its due date. */
    int64_t balance;            /**< What it owes now. */
};

/** Which invoices #arc_backend::scan_open_items reports. */
struct arc_open_item_filter {
    arc_id customer_id;   /**< Only this customer's; 0 for all. */
    const char *currency; /**< Only this currency; NULL for all. */
    arc_date issued_by;   /**< Only invoices issued on or before this date. */
};

/** A scan's callback for open items: return 0 to go on, or a negative code
 *  to stop the scan, which then returns that code. */
typedef int (*arc_open_item_fn)(void *ctx, const struct arc_open_item *item);

/** A scan's callback for applications; returns as #arc_open_item_fn. */
typedef int (*arc_application_fn)(void *ctx, const struct arc_application *application);

/** A scan's callback for an invoice's disputed amount; returns as #arc_open_item_fn. */
typedef int (*arc_disputed_fn)(void *ctx, arc_id invoice_id, int64_t amount);

/** A scan's callback for disputes; returns as #arc_open_item_fn. */
typedef int (*arc_dispute_fn)(void *ctx, const struct arc_dispute *dispute);

/** What invoicing and payments need of a customer. */
struct arc_customer_terms {
    arc_currency_code currency; /**< Its currency. */
    int payment_terms_days;     /**< Its payment terms. */
    arc_customer_status status; /**< Its status. */
};

/** Which communications #arc_backend::communication_list returns. */
struct arc_communication_filter {
    arc_id customer_id; /**< Only this customer's; or 0. At most one of the three ids is
                           set. */
    arc_id invoice_id;  /**< Only those linked to this invoice; or 0. */
    arc_id dispute_id;  /**< Only those linked to this dispute; or 0. */
    int channel;        /**< Only this #arc_communication_channel; -1 for all. */
    /** With @ref arc_communication_filter::before_id, only those strictly
     *  before (occurred_at, id) = (before_occurred_at, before_id) in the list's
     *  order. */
    arc_time before_occurred_at;
    arc_id before_id;   /**< 0: from the newest. */
    unsigned int limit; /**< At most this many. */
};

/** A full-text search of #arc_backend::communication_search. */
struct arc_communication_query {
    const char *match;      /**< The user's query, in the backend's search syntax. */
    arc_id customer_id;     /**< Only this customer's; 0 for all. */
    unsigned int limit;     /**< At most this many hits. */
    unsigned int offset;    /**< Skip this many of the best hits first. */
    const char *mark_open;  /**< Put before each matched word of a snippet. */
    const char *mark_close; /**< Put after each matched word of a snippet. */
};

/** Which events #arc_backend::event_list_timeline returns. */
struct arc_timeline_filter {
    /** A customer's timeline: its events of the kinds listed in
     *  arcollect/timeline.h; or 0. Exactly one of the three ids is set. */
    arc_id customer_id;
    /** An invoice's: every event naming it but
     *  #ARC_EVENT_COMMUNICATION_RECORDED; or 0. */
    arc_id invoice_id;
    /** A dispute's: every event naming it but
     *  #ARC_EVENT_COMMUNICATION_RECORDED; or 0. */
    arc_id dispute_id;
    /** With @ref arc_timeline_filter::before_id, only events strictly before
     *  (occurred_at, id) = (before_occurred_at, before_id), newest first. */
    arc_time before_occurred_at;
    arc_id before_id;   /**< 0: from the newest. */
    unsigned int limit; /**< At most this many. */
};

/** A dispute as automation tests it. */
struct arc_dispute_state {
    arc_id id;                    /**< The dispute. */
    arc_id invoice_id;            /**< Its invoice. */
    arc_id customer_id;           /**< Its customer. */
    arc_currency_code currency;   /**< Its currency. */
    char reason_code[33];         /**< Its reason code. */
    int64_t amount;               /**< Its amount. */
    arc_dispute_status status;    /**< Its status. */
    int escalation_level;         /**< Its escalation level. */
    arc_time opened_at;           /**< When it was opened. */
    arc_time status_changed_at;   /**< When it entered its status. */
    int64_t state_seq;            /**< As stored in the dispute. */
    arc_date due_date;            /**< Its due date, or #ARC_DATE_NONE. */
    arc_date overdue_alerted_for; /**< As stored in the dispute. */
};

/** An invoice past its due date, for #arc_backend::scan_overdue_invoices. */
struct arc_overdue_invoice {
    arc_id id;                  /**< The invoice. */
    arc_id customer_id;         /**< Its customer. */
    arc_currency_code currency; /**< Its currency. */
    arc_date due_date;          /**< Its due date. */
    int64_t balance;            /**< What it owes. */
};

/** A document number sequence of a book (see arc_db_set_numbering()). */
struct arc_sequence_state {
    char prefix[33]; /**< Prefix of the numbers. */
    int64_t next;    /**< The next number to give. */
    int width;       /**< Least digits, zero-padded. */
};

/**
 * A storage backend: a version, a name and its functions. Initialise every
 * member; set @ref arc_backend::version to #ARC_BACKEND_VERSION.
 */
typedef struct arc_backend {
    unsigned int version; /**< #ARC_BACKEND_VERSION. */
    /** The name it is registered under and chosen by (`NAME:...` URIs):
     *  1 to 32 characters of a-z, 0-9, '+', '-' and '.'. */
    const char *name;

    /** @name Books and transactions
     * @{ */

    /** Open or create the book at @p location (the URI given to
     *  arc_db_open(), or a path for SQLite). Unless @ref arc_store_config::flags
     *  has #ARC_DB_NO_CREATE, create the book when it does not exist, with the
     *  seed reason codes; with it, fail with #ARC_ENOTFOUND. Fail with
     *  #ARC_EVERSION for a book a newer library wrote, #ARC_ENOTBOOK for
     *  something that is not a book (and leave it unchanged). */
    int (*open)(arc_store **out, const char *location,
                const struct arc_store_config *cfg);
    /** Close a book, rolling back a transaction left open. */
    void (*close)(arc_store *store);
    /** Delete the book at @p location for good (arc_book_delete()); optional.
     *  #ARC_ENOTFOUND when there is none. */
    int (*drop)(const char *location, const struct arc_store_config *cfg);
    int (*begin)(arc_store *store);       /**< Start a write transaction. */
    int (*commit)(arc_store *store);      /**< Commit it. */
    int (*rollback)(arc_store *store);    /**< Undo it. */
    int (*savepoint)(arc_store *store);   /**< Open a nested scope (see above). */
    int (*release)(arc_store *store);     /**< Keep and close the innermost scope. */
    int (*rollback_to)(arc_store *store); /**< Undo and close the innermost scope. */
    /** The number of records written through this handle since it opened; the
     *  library compares two readings to learn whether a call wrote. */
    int64_t (*change_count)(arc_store *store);
    /** The book's identity: 32 lower-case hex digits and NUL into @p book_id
     *  (33 bytes), made once when the book is created; and the version of the
     *  backend's own schema. */
    int (*book_info)(arc_store *store, char *book_id, int *schema_version);
    /** Take the next number of a sequence: fill @p out with its state before
     *  advancing it by one. #ARC_EOVERFLOW when it cannot advance. */
    int (*sequence_take)(arc_store *store, arc_sequence kind,
                         struct arc_sequence_state *out);
    /** Set a sequence's state. */
    int (*sequence_put)(arc_store *store, arc_sequence kind,
                        const struct arc_sequence_state *state);
    /** @} */

    /** @name Customers and contacts
     * @{ */
    /** Insert, filling in the id. #ARC_EEXISTS for a reference taken. */
    int (*customer_insert)(arc_store *store, struct arc_customer *customer);
    /** Write every field but id and created_at. */
    int (*customer_update)(arc_store *store, const struct arc_customer *customer);
    int (*customer_get)(arc_store *store, arc_id id,
                        struct arc_customer *out); /**< By id. */
    /** A customer's currency, terms and status; optional (else customer_get). */
    int (*customer_terms)(arc_store *store, arc_id id, struct arc_customer_terms *out);
    /** By reference. */
    int (*customer_get_by_reference)(arc_store *store, const char *reference,
                                     struct arc_customer *out);
    /** A page; @ref arc_store_list::status is an #arc_customer_status. */
    int (*customer_list)(arc_store *store, const struct arc_store_list *filter,
                         struct arc_customer_page *out);
    int (*contact_insert)(arc_store *store,
                          struct arc_contact *contact); /**< Fills the id. */
    int (*contact_delete)(arc_store *store,
                          arc_id id); /**< #ARC_ENOTFOUND when absent. */
    /** Every contact of a customer, in id order. */
    int (*contact_list)(arc_store *store, arc_id customer_id,
                        struct arc_contact_page *out);
    /** @} */

    /** @name Invoices
     * @{ */
    /** Insert an invoice and its lines, filling in the invoice's id.
     *  #ARC_EEXISTS for a number taken. */
    int (*invoice_insert)(arc_store *store, struct arc_invoice *invoice);
    /** Add a line to an invoice. */
    int (*invoice_line_insert)(arc_store *store, arc_id invoice_id,
                               struct arc_invoice_line *line);
    /** Write every field but id and the lines. */
    int (*invoice_update)(arc_store *store, const struct arc_invoice *invoice);
    /** Write what settlement changes (status, paid, balance, closed_on,
     *  close_reason, updated_at); optional (else invoice_update). */
    int (*invoice_settle)(arc_store *store, const struct arc_invoice *invoice);
    /** Delete an invoice (a draft) and its lines. */
    int (*invoice_delete)(arc_store *store, arc_id id);
    /** By id; with its lines when @p with_lines. */
    int (*invoice_get)(arc_store *store, arc_id id, bool with_lines,
                       struct arc_invoice *out);
    /** By number; with its lines when @p with_lines. */
    int (*invoice_get_by_number)(arc_store *store, const char *number, bool with_lines,
                                 struct arc_invoice *out);
    /** A page, without lines; @ref arc_store_list::status is an #arc_invoice_status. */
    int (*invoice_list)(arc_store *store, const struct arc_store_list *filter,
                        struct arc_invoice_page *out);
    /** A customer's invoices in @p currency with a balance, oldest due date
     *  first, then lowest id; at most @p limit, without lines. */
    int (*invoice_list_payable)(arc_store *store, arc_id customer_id,
                                const char *currency, unsigned int limit,
                                struct arc_invoice_page *out);
    /** @} */

    /** @name Payments, credit memos and applications
     * @{ */
    /** Insert, filling in the id. #ARC_EEXISTS for an idempotency key taken. */
    int (*payment_insert)(arc_store *store, struct arc_payment *payment);
    /** Write what changes once a payment exists: applied, reversed_on and
     *  reversal_reason. Other fields may be unset in @p payment. */
    int (*payment_update)(arc_store *store, const struct arc_payment *payment);
    int (*payment_get)(arc_store *store, arc_id id,
                       struct arc_payment *out); /**< By id. */
    /** By idempotency key. */
    int (*payment_get_by_key)(arc_store *store, const char *idempotency_key,
                              struct arc_payment *out);
    /** A page; @ref arc_store_list::status is 0 for payments in force, 1 for
     *  reversed ones, -1 for all. */
    int (*payment_list)(arc_store *store, const struct arc_store_list *filter,
                        struct arc_payment_page *out);
    /** Insert, filling in the id. #ARC_EEXISTS for a number taken. */
    int (*credit_memo_insert)(arc_store *store, struct arc_credit_memo *memo);
    /** Write what changes once a credit memo exists: applied, voided_on and
     *  void_reason. Other fields may be unset in @p memo. */
    int (*credit_memo_update)(arc_store *store, const struct arc_credit_memo *memo);
    /** By id. */
    int (*credit_memo_get)(arc_store *store, arc_id id, struct arc_credit_memo *out);
    /** A page; @ref arc_store_list::status is 0 for credit memos in force, 1
     *  for void ones, -1 for all. */
    int (*credit_memo_list)(arc_store *store, const struct arc_store_list *filter,
                            struct arc_credit_memo_page *out);
    /** Insert, filling in the id. */
    int (*application_insert)(arc_store *store, struct arc_application *application);
    /** Mark an application reversed on a date. */
    int (*application_set_reversed)(arc_store *store, arc_id id, arc_date reversed_on);
    /** The applications of one record, in id order: @p kind
     *  #ARC_APPLICATION_PAYMENT lists a payment's, #ARC_APPLICATION_CREDIT_MEMO
     *  a credit memo's, and -1 an invoice's. */
    int (*application_list_for)(arc_store *store, int kind, arc_id owner_id,
                                struct arc_application_page *out);
    /** @} */

    /** @name Reason codes
     * @{ */
    /** Insert. #ARC_EEXISTS for a code taken. */
    int (*reason_code_insert)(arc_store *store, const struct arc_reason_code *reason);
    /** Write label, category, description, active and updated_at. */
    int (*reason_code_update)(arc_store *store, const struct arc_reason_code *reason);
    /** By code. */
    int (*reason_code_get)(arc_store *store, const char *code,
                           struct arc_reason_code *out);
    int (*reason_code_delete)(arc_store *store, const char *code); /**< Delete. */
    /** The catalog in code order; inactive codes too when asked. */
    int (*reason_code_list)(arc_store *store, bool include_inactive,
                            struct arc_reason_code_page *out);
    /** Whether a dispute or an escalation rule uses a code. */
    int (*reason_code_in_use)(arc_store *store, const char *code, bool *out);
    /** @} */

    /** @name Disputes
     * @{ */
    /** Insert a dispute and its lines, filling in the id. */
    int (*dispute_insert)(arc_store *store, struct arc_dispute *dispute);
    /** Write every field but id and the lines. */
    int (*dispute_update)(arc_store *store, const struct arc_dispute *dispute);
    /** By id, with its lines. */
    int (*dispute_get)(arc_store *store, arc_id id, struct arc_dispute *out);
    /** A page, with lines; @ref arc_store_list::status is an #arc_dispute_status. */
    int (*dispute_list)(arc_store *store, const struct arc_store_list *filter,
                        struct arc_dispute_page *out);
    /** Every dispute of an invoice, in id order, with lines. */
    int (*dispute_list_for_invoice)(arc_store *store, arc_id invoice_id,
                                    struct arc_dispute_page *out);
    /** The sum of the amounts of an invoice's disputes that are not resolved,
     *  leaving out @p except_dispute_id (0: none); optional. */
    int (*sum_open_disputes_of_invoice)(arc_store *store, arc_id invoice_id,
                                        arc_id except_dispute_id, int64_t *out);
    /** Per invoice, the sum of the amounts of its disputes opened on or before
     *  @p as_of (by the date of opened_at) and not resolved by then (not
     *  resolved, or resolved_on after @p as_of); invoices with none are left
     *  out. Optional. */
    int (*scan_disputed_amounts)(arc_store *store, arc_date as_of, arc_disputed_fn fn,
                                 void *ctx);
    /** The sum of the amounts of a customer's disputes in @p currency that are
     *  not resolved; optional. */
    int (*sum_open_disputes_of_customer)(arc_store *store, arc_id customer_id,
                                         const char *currency, int64_t *out);
    /** @} */

    /** @name Communications
     * @{ */
    /** Insert a communication with its invoice links, transcript and search
     *  entry, filling in the id. #ARC_EEXISTS for a Message-ID taken. */
    int (*communication_insert)(arc_store *store,
                                struct arc_communication *communication);
    /** By id, with links and transcript. */
    int (*communication_get)(arc_store *store, arc_id id, struct arc_communication *out);
    /** The email with a Message-ID; #ARC_ENOTFOUND, with no message set, when
     *  there is none. */
    int (*communication_find_email)(arc_store *store, const char *message_id,
                                    struct arc_communication *out);
    /** A page, newest first by (occurred_at, id), with links and transcripts. */
    int (*communication_list)(arc_store *store,
                              const struct arc_communication_filter *filter,
                              struct arc_communication_page *out);
    /** A customer's emails of one thread, oldest first by (occurred_at, id). */
    int (*communication_list_thread)(arc_store *store, arc_id customer_id,
                                     const char *thread_id,
                                     struct arc_communication_page *out);
    /** Put a customer's emails of thread @p from into thread @p to. */
    int (*communication_move_thread)(arc_store *store, arc_id customer_id,
                                     const char *from, const char *to);
    /** Full-text search over subject, body (and chat messages) and
     *  participants, best first, with snippets. A backend should take at
     *  least words (all must match, case-insensitively), "quoted phrases",
     *  prefixes (word*), OR and NOT; #ARC_EINVAL for a query it cannot parse.
     *  Optional: without it, search fails with #ARC_EUNSUPPORTED. */
    int (*communication_search)(arc_store *store,
                                const struct arc_communication_query *query,
                                struct arc_communication_hit_page *out);
    /** The latest occurred_at of a customer's communications that are not
     *  internal; 0 when there is none. Optional. */
    int (*last_contact)(arc_store *store, arc_id customer_id, arc_time *out);
    /** @} */

    /** @name The event journal and timelines
     * @{ */
    /** Append, filling in the id. The journal is never changed otherwise. */
    int (*event_append)(arc_store *store, struct arc_event *event);
    /** Events with ids greater than @p after_id, in id order, at most @p limit. */
    int (*event_list)(arc_store *store, arc_id after_id, unsigned int limit,
                      struct arc_event_page *out);
    /** Events of a timeline (see #arc_timeline_filter), newest first by
     *  (occurred_at, id). */
    int (*event_list_timeline)(arc_store *store, const struct arc_timeline_filter *filter,
                               struct arc_event_page *out);
    /** @} */

    /** @name Reports
     * @{ */
    /** Every dispute opened on or after @p opened_from and before
     *  @p opened_before (#ARC_DATE_NONE: no bound), of one customer (0: all)
     *  and currency (NULL: all), ordered by @p order (an
     *  #arc_dispute_grouping) so that each group's disputes are consecutive:
     *  by reason code, by customer id, or by opening instant. Only id,
     *  customer_id, currency, reason_code, amount, status, outcome, opened_at
     *  and resolved_on need be filled; strings may be borrowed for the
     *  duration of the callback. */
    int (*scan_disputes)(arc_store *store, int order, arc_id customer_id,
                         const char *currency, arc_date opened_from,
                         arc_date opened_before, arc_dispute_fn fn, void *ctx);
    /** The sum of the balances of a customer's invoices in @p currency; optional. */
    int (*sum_invoice_balances)(arc_store *store, arc_id customer_id,
                                const char *currency, int64_t *out);
    /** The sum of what a customer's payments and credit memos in @p currency
     *  have left to apply (amount less applied), leaving out reversed payments
     *  and void credit memos; optional. */
    int (*sum_unapplied_credit)(arc_store *store, arc_id customer_id,
                                const char *currency, int64_t *out);
    /** Every invoice with a balance that matches the filter, in no particular
     *  order. */
    int (*scan_open_items)(arc_store *store, const struct arc_open_item_filter *filter,
                           arc_open_item_fn fn, void *ctx);
    /** Every application applied or reversed after @p after, in no particular
     *  order. */
    int (*scan_applications_after)(arc_store *store, arc_date after,
                                   arc_application_fn fn, void *ctx);
    /** @} */

    /** @name Escalation rules and automation
     * @{ */
    /** Insert, filling in the id. #ARC_EEXISTS for a name taken. */
    int (*rule_insert)(arc_store *store, struct arc_escalation_rule *rule);
    /** Write every field but id and created_at. #ARC_EEXISTS for a name taken. */
    int (*rule_update)(arc_store *store, const struct arc_escalation_rule *rule);
    /** Delete a rule and the record of its firings. */
    int (*rule_delete)(arc_store *store, arc_id id);
    int (*rule_get)(arc_store *store, arc_id id,
                    struct arc_escalation_rule *out); /**< By id. */
    /** By name. */
    int (*rule_get_by_name)(arc_store *store, const char *name,
                            struct arc_escalation_rule *out);
    /** The rules in id order; inactive ones too when asked. */
    int (*rule_list)(arc_store *store, bool include_inactive,
                     struct arc_escalation_rule_page *out);
    /** Every dispute that is not resolved, in id order. The callback must not
     *  be made to wait on writes: the library collects first and writes after. */
    int (*scan_unresolved_disputes)(arc_store *store,
                                    int (*fn)(void *ctx,
                                              const struct arc_dispute_state *state),
                                    void *ctx);
    /** Whether a rule fired for a dispute at its state number @p state_seq. */
    int (*rule_fired)(arc_store *store, arc_id rule_id, arc_id dispute_id,
                      int64_t state_seq, bool *out);
    /** Record that a rule fired for a dispute at its state number. */
    int (*rule_firing_insert)(arc_store *store, arc_id rule_id, arc_id dispute_id,
                              int64_t state_seq, arc_time fired_at);
    /** Invoices with a balance, due before @p today, not yet marked by
     *  invoice_mark_overdue_alerted, by due date then id. */
    int (*scan_overdue_invoices)(arc_store *store, arc_date today,
                                 int (*fn)(void *ctx,
                                           const struct arc_overdue_invoice *invoice),
                                 void *ctx);
    /** Mark an invoice as alerted overdue. */
    int (*invoice_mark_overdue_alerted)(arc_store *store, arc_id id);
    /** Set a dispute's overdue_alerted_for to @p due_date. */
    int (*dispute_mark_overdue_alerted)(arc_store *store, arc_id id, arc_date due_date);
    /** @} */
} arc_backend;

/**
 * Register a backend, so that arc_db_open() opens `NAME:...` URIs with it.
 * The library keeps the pointer: @p backend must stay valid and unchanged
 * while it is registered and while any book opened with it is open.
 * Registration is process-wide and thread-safe.
 *
 * @param backend The backend.
 * @return #ARC_OK; #ARC_EINVAL for NULL, a bad name or a required function
 *         left NULL (the message names it); #ARC_EVERSION for a version this
 *         library does not know; #ARC_EEXISTS when the name is taken
 *         ("sqlite", "postgresql" and "postgres" are built in).
 */
ARC_EXTERN int arc_backend_register(const arc_backend *backend);

/**
 * Unregister a backend. Books already open with it stay usable.
 *
 * @param name The name it was registered under.
 * @return #ARC_OK; #ARC_ENOTFOUND when none is registered under it;
 *         #ARC_EINVAL for NULL or a built-in name.
 */
ARC_EXTERN int arc_backend_unregister(const char *name);

/**
 * Describe a failure for arc_error_last(), as a backend must before
 * returning an error code.
 *
 * @param code   The code to return.
 * @param format A printf format for the message.
 * @param ...    Its arguments.
 * @return @p code.
 */
ARC_EXTERN int arc_error_set(int code, const char *format, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

#ifdef __cplusplus
}
#endif

#endif
