/**
 * @file arcollect/event.h
 * @brief The event journal: every change to a book, in order, for hosts that
 *        turn changes into emails, tickets or webhooks.
 *
 * Every call that changes a book appends one or more events to the book's
 * journal in the same transaction, so an event exists exactly when its
 * change does. The journal is append-only; event ids grow with every event.
 *
 * Two ways to follow it:
 *
 * - In the same process, arc_event_subscribe() registers a callback that
 *   runs after each commit, once per event committed through that handle, in
 *   journal order. Events of a rolled-back call or transaction never reach it.
 * - From anywhere, arc_event_list() reads the journal after a cursor (the id
 *   of the last event handled) that the consumer keeps, so that no event is
 *   missed across restarts and no event is handled twice.
 */
#ifndef ARCOLLECT_EVENT_H
#define ARCOLLECT_EVENT_H

#include "db.h"

#ifdef __cplusplus
extern "C" {
#endif

/** One event of the journal. Opaque; owned by its page, or lent to a callback. */
typedef struct arc_event arc_event;

/** A run of events from arc_event_list(). Opaque. */
typedef struct arc_event_page arc_event_page;

/**
 * What happened. New kinds are only ever added at the end; a host should
 * ignore kinds it does not know.
 */
typedef enum arc_event_kind {
    ARC_EVENT_CUSTOMER_CREATED = 0,     /**< "customer.created" */
    ARC_EVENT_CUSTOMER_UPDATED = 1,     /**< "customer.updated" */
    ARC_EVENT_CONTACT_ADDED = 2,        /**< "contact.added"; record is the contact */
    ARC_EVENT_CONTACT_REMOVED = 3,      /**< "contact.removed"; record is the contact */
    ARC_EVENT_INVOICE_CREATED = 4,      /**< "invoice.created": a draft */
    ARC_EVENT_INVOICE_ISSUED = 5,       /**< "invoice.issued"; amount is the total */
    ARC_EVENT_INVOICE_DELETED = 6,      /**< "invoice.deleted": a draft */
    ARC_EVENT_INVOICE_VOIDED = 7,       /**< "invoice.voided" */
    ARC_EVENT_INVOICE_WRITTEN_OFF = 8,  /**< "invoice.written_off"; amount written off */
    ARC_EVENT_PAYMENT_RECEIVED = 9,     /**< "payment.received"; amount received */
    ARC_EVENT_PAYMENT_APPLIED = 10,     /**< "payment.applied"; to an invoice */
    ARC_EVENT_PAYMENT_REVERSED = 11,    /**< "payment.reversed" */
    ARC_EVENT_CREDIT_MEMO_CREATED = 12, /**< "credit_memo.created" */
    ARC_EVENT_CREDIT_MEMO_APPLIED = 13, /**< "credit_memo.applied"; to an invoice */
    ARC_EVENT_CREDIT_MEMO_VOIDED = 14,  /**< "credit_memo.voided" */
    ARC_EVENT_DISPUTE_OPENED = 15,      /**< "dispute.opened"; amount disputed */
    ARC_EVENT_DISPUTE_UPDATED = 16,     /**< "dispute.updated" */
    ARC_EVENT_DISPUTE_REVIEWED = 17,    /**< "dispute.reviewed" */
    ARC_EVENT_DISPUTE_ESCALATED = 18,   /**< "dispute.escalated"; detail is the level */
    ARC_EVENT_DISPUTE_RESOLVED = 19,    /**< "dispute.resolved"; detail is the outcome */
    ARC_EVENT_DISPUTE_REOPENED = 20,    /**< "dispute.reopened" */
    ARC_EVENT_REASON_CODE_CHANGED =
        21, /**< "reason_code.changed": added, edited, deleted */
    ARC_EVENT_NUMBERING_CHANGED = 22,  /**< "numbering.changed" */
    ARC_EVENT_INVOICE_LINE_ADDED = 23, /**< "invoice.line_added": to a draft */
    /** "communication.recorded"; detail is the channel, record the communication */
    ARC_EVENT_COMMUNICATION_RECORDED = 24,
    /** "invoice.overdue": an invoice passed its due date unpaid; amount is its
     *  balance, detail the due date. Raised once per invoice by
     *  arc_automation_run(). */
    ARC_EVENT_INVOICE_OVERDUE = 25,
    /** "dispute.overdue": a dispute passed its due date unresolved; detail is
     *  the due date. Raised once per due date by arc_automation_run(). */
    ARC_EVENT_DISPUTE_OVERDUE = 26,
    /** "dispute.alert": an escalation rule with #ARC_RULE_ALERT matched the
     *  dispute; detail is the rule's name, actor "automation". */
    ARC_EVENT_DISPUTE_ALERT = 27,
    /** "escalation_rule.changed": a rule was added, changed or deleted; record
     *  is the rule, detail its name. */
    ARC_EVENT_RULE_CHANGED = 28
} arc_event_kind;

/**
 * The dotted name of an event kind, such as "invoice.issued".
 *
 * @param kind A value of #arc_event_kind.
 * @return A static string, or NULL for a value that is not a kind.
 */
ARC_EXTERN const char *arc_event_kind_name(arc_event_kind kind);

/**
 * A function called after commit for each event committed through a handle.
 *
 * It runs on the thread that committed, before the committing call returns.
 * It may read the book through the same handle, and may write to it: events
 * of those writes are delivered after the current ones. It must not free or
 * keep @p event, which is valid only during the call.
 *
 * @param event The event.
 * @param data  The pointer given to arc_event_subscribe().
 */
typedef void (*arc_event_fn)(const arc_event *event, void *data);

/**
 * Call @p fn after commit for every event committed through @p db.
 *
 * @param[out] out Receives a subscription number for arc_event_unsubscribe();
 *                 may be NULL.
 * @param db       The book handle.
 * @param fn       The callback.
 * @param data     Passed to @p fn; not owned by the library.
 * @return #ARC_OK; #ARC_EINVAL for a NULL @p db or @p fn; #ARC_ENOMEM.
 */
ARC_EXTERN int arc_event_subscribe(int *out, arc_db *db, arc_event_fn fn, void *data);

/**
 * Stop a subscription.
 *
 * @param db           The book handle.
 * @param subscription The number arc_event_subscribe() gave.
 * @return #ARC_OK; #ARC_ENOTFOUND for a number that is not subscribed;
 *         #ARC_EINVAL for a NULL @p db.
 */
ARC_EXTERN int arc_event_unsubscribe(arc_db *db, int subscription);

/** Most events one arc_event_list() call returns. */
#define ARC_EVENT_LIST_MAX 10000

/**
 * Read the journal after a cursor, oldest first.
 *
 * @param[out] out Receives a new page; free it with arc_event_page_free().
 * @param db       The book.
 * @param after_id Return events with a larger id; 0 from the start. A
 *                 consumer passes the id of the last event it handled.
 * @param limit    At most this many; 0 for 100, at most #ARC_EVENT_LIST_MAX.
 * @return #ARC_OK (an empty page when there is nothing new); #ARC_EINVAL for
 *         NULL arguments, a negative @p after_id or a limit too large;
 *         #ARC_ENOMEM; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_event_list(arc_event_page **out, arc_db *db, arc_id after_id,
                              unsigned int limit);

/**
 * The number of events in a page.
 *
 * @param page The page; NULL counts as empty.
 * @return The count.
 */
ARC_EXTERN size_t arc_event_page_count(const arc_event_page *page);

/**
 * The i-th event of a page.
 *
 * @param page  The page.
 * @param index 0 to arc_event_page_count() - 1.
 * @return The event, borrowed from the page and valid until it is freed;
 *         NULL when out of range.
 */
ARC_EXTERN const arc_event *arc_event_page_at(const arc_event_page *page, size_t index);

/**
 * Free a page of events.
 *
 * @param page The page; NULL is ignored.
 */
ARC_EXTERN void arc_event_page_free(arc_event_page *page);

/** @name Event accessors
 * Read the fields of an event. Times are in seconds since the Unix epoch, UTC.
 * Ids that do not apply to an event are 0. Each accepts NULL and then returns 0,
 * NULL or the value it names. Strings are borrowed from the event: valid until
 * its page is freed, or, for an event lent to an #arc_event_fn, until the
 * callback returns.
 * @{ */

/**
 * The event's id: its place in the journal, growing with every event.
 *
 * @param event The event, or NULL.
 * @return The id, positive; 0 for a NULL @p event.
 */
ARC_EXTERN arc_id arc_event_id(const arc_event *event);

/**
 * What happened.
 *
 * @param event The event, or NULL.
 * @return The kind; #ARC_EVENT_CUSTOMER_CREATED for a NULL @p event.
 */
ARC_EXTERN arc_event_kind arc_event_kind_of(const arc_event *event);

/**
 * When the change was made, by the book's clock.
 *
 * @param event The event, or NULL.
 * @return The time in seconds since the epoch; 0 for a NULL @p event.
 */
ARC_EXTERN arc_time arc_event_occurred_at(const arc_event *event);

/**
 * Who made the change, when the call said: the actor of a dispute call, or the
 * user of a recorded communication.
 *
 * @param event The event, or NULL.
 * @return The user name, borrowed from @p event; NULL for other kinds, when not
 *         given, and for a NULL @p event.
 */
ARC_EXTERN const char *arc_event_actor(const arc_event *event);

/**
 * The record the event is about: the customer, contact, invoice, payment, credit
 * memo, dispute or communication its kind names.
 *
 * @param event The event, or NULL.
 * @return The record's id; 0 for #ARC_EVENT_REASON_CODE_CHANGED and
 *         #ARC_EVENT_NUMBERING_CHANGED, which name no record, and for a NULL
 *         @p event.
 */
ARC_EXTERN arc_id arc_event_record_id(const arc_event *event);

/**
 * The customer concerned.
 *
 * @param event The event, or NULL.
 * @return The customer's id; 0 when none applies and for a NULL @p event.
 */
ARC_EXTERN arc_id arc_event_customer_id(const arc_event *event);

/**
 * The invoice concerned; for a communication linked to several, the one with
 * the lowest id.
 *
 * @param event The event, or NULL.
 * @return The invoice's id; 0 when none applies and for a NULL @p event.
 */
ARC_EXTERN arc_id arc_event_invoice_id(const arc_event *event);

/**
 * The dispute concerned.
 *
 * @param event The event, or NULL.
 * @return The dispute's id; 0 when none applies and for a NULL @p event.
 */
ARC_EXTERN arc_id arc_event_dispute_id(const arc_event *event);

/**
 * The amount concerned, such as the total of an issued invoice or the amount of
 * a payment received.
 *
 * @param event The event, or NULL.
 * @return The amount in minor units of arc_event_currency(); 0 when none applies
 *         and for a NULL @p event.
 */
ARC_EXTERN int64_t arc_event_amount(const arc_event *event);

/**
 * The currency of arc_event_amount().
 *
 * @param event The event, or NULL.
 * @return The ISO 4217 code, borrowed from @p event; NULL for an event that
 *         carries no amount and for a NULL @p event.
 */
ARC_EXTERN const char *arc_event_currency(const arc_event *event);

/**
 * More about the change, such as a reason code, an outcome or an escalation
 * level.
 *
 * @param event The event, or NULL.
 * @return The text, borrowed from @p event; NULL when there is none and for a
 *         NULL @p event.
 */
ARC_EXTERN const char *arc_event_detail(const arc_event *event);

/** @} */

#ifdef __cplusplus
}
#endif

#endif
