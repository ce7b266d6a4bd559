/**
 * @file arcollect/dispute.h
 * @brief Disputes: invoices or parts of them that a customer refuses to pay.
 *
 * A dispute is opened against an issued invoice with a reason code from the
 * book's catalog (arcollect/reason_code.h), a disputed amount, who opened it
 * and who owns it. Several disputes may share an invoice as long as their
 * amounts together fit in what the invoice still owes.
 *
 * ## States
 *
 * | from | call | to |
 * |---|---|---|
 * | open, reopened | arc_dispute_review() | in review |
 * | any but resolved | arc_dispute_escalate() | escalated, level + 1 |
 * | any but resolved | arc_dispute_resolve() | resolved |
 * | resolved as rejected or withdrawn | arc_dispute_reopen() | reopened |
 *
 * Any other transition fails with #ARC_ECONFLICT and a message saying why.
 *
 * ## Outcomes
 *
 * - #ARC_DISPUTE_CREDITED: a credit memo for the agreed amount is created
 *   and applied to the invoice in the same transaction.
 * - #ARC_DISPUTE_WRITTEN_OFF: the agreed amount of the invoice is written off.
 * - #ARC_DISPUTE_REJECTED: the customer owes the amount after all.
 * - #ARC_DISPUTE_WITHDRAWN: the customer dropped the dispute.
 *
 * A dispute that is not resolved counts in its invoice's disputed amount,
 * and a customer's collectible balance is its open balance less that.
 */
#ifndef ARCOLLECT_DISPUTE_H
#define ARCOLLECT_DISPUTE_H

#include "customer.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A dispute read from a book. Opaque; free with arc_dispute_free(). */
typedef struct arc_dispute arc_dispute;

/** A page of disputes from arc_dispute_list(). Opaque. */
typedef struct arc_dispute_page arc_dispute_page;

/** Dispute status. */
typedef enum arc_dispute_status {
    ARC_DISPUTE_OPEN = 0,      /**< Opened; nobody has looked at it yet. */
    ARC_DISPUTE_IN_REVIEW = 1, /**< Its owner is working on it. */
    ARC_DISPUTE_ESCALATED = 2, /**< Raised to a higher escalation level. */
    ARC_DISPUTE_RESOLVED = 3,  /**< Settled with an #arc_dispute_outcome. */
    ARC_DISPUTE_REOPENED = 4   /**< Resolved once, then opened again. */
} arc_dispute_status;

/** How a dispute was resolved. */
typedef enum arc_dispute_outcome {
    ARC_DISPUTE_UNRESOLVED = 0,  /**< Not resolved (yet, or again). */
    ARC_DISPUTE_CREDITED = 1,    /**< A credit memo settled the agreed amount. */
    ARC_DISPUTE_WRITTEN_OFF = 2, /**< The agreed amount was written off. */
    ARC_DISPUTE_REJECTED = 3,    /**< The customer owes the amount. */
    ARC_DISPUTE_WITHDRAWN = 4    /**< The customer withdrew the dispute. */
} arc_dispute_outcome;

/**
 * The lower-case name of a dispute status ("open", "in_review", ...).
 *
 * @param status A value of #arc_dispute_status.
 * @return A static string, or NULL for a value that is not a status.
 */
ARC_EXTERN const char *arc_dispute_status_name(arc_dispute_status status);

/**
 * The lower-case name of a dispute outcome ("unresolved", "credited",
 * "written_off", "rejected", "withdrawn").
 *
 * @param outcome A value of #arc_dispute_outcome.
 * @return A static string, or NULL for a value that is not an outcome.
 */
ARC_EXTERN const char *arc_dispute_outcome_name(arc_dispute_outcome outcome);

/** Most invoice lines one dispute can name. */
#define ARC_DISPUTE_MAX_LINES 1000

/** Version of #arc_dispute_opts that this header describes. */
#define ARC_DISPUTE_OPTS_VERSION 1

/** A dispute to open. Initialise with #ARC_DISPUTE_OPTS_INIT. */
typedef struct arc_dispute_opts {
    unsigned int version; /**< #ARC_DISPUTE_OPTS_VERSION. */
    arc_id invoice_id;    /**< The disputed invoice: open or partially paid; required. */
    const char *reason_code; /**< An active code of the catalog; required. */
    int64_t amount;          /**< Minor units of the invoice's currency; positive. */
    const char *opened_by;   /**< Who recorded it (a user name); required. */
    const char *owner;       /**< Who works on it; NULL for @ref opened_by. */
    arc_date due_date;       /**< When it should be settled; or #ARC_DATE_NONE. */
    /** What the customer says; optional, up to 10,000 bytes. It is also
     *  recorded as the dispute's first note: an internal note by
     *  @ref opened_by with the subject "Dispute opened", linked to the
     *  invoice and the dispute (arcollect/communication.h). */
    const char *description;
    const int *lines;  /**< Numbers (from 1) of the disputed invoice lines; or NULL. */
    size_t line_count; /**< Entries in @ref lines, up to #ARC_DISPUTE_MAX_LINES. */
} arc_dispute_opts;

/** Initialiser for #arc_dispute_opts. */
#define ARC_DISPUTE_OPTS_INIT                                                            \
    {                                                                                    \
        ARC_DISPUTE_OPTS_VERSION, 0, NULL, 0, NULL, NULL, ARC_DATE_NONE, NULL, NULL, 0   \
    }

/**
 * Open a dispute.
 *
 * @param[out] out Receives the dispute's id; may be NULL.
 * @param db       The book.
 * @param opts     The dispute.
 * @return #ARC_OK; #ARC_EINVAL naming the field (unknown or inactive reason
 *         code, amount not positive, a line the invoice does not have, invalid
 *         UTF-8...); #ARC_ENOTFOUND for an unknown invoice; #ARC_ECONFLICT for
 *         an invoice that is a draft, void, paid or written off, or an amount
 *         larger than what the invoice owes less its other open disputes;
 *         #ARC_EVERSION; #ARC_EBUSY; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_dispute_open(arc_id *out, arc_db *db, const arc_dispute_opts *opts);

/** Bits for the @p fields argument of arc_dispute_update(). */
enum arc_dispute_field {
    ARC_DISPUTE_FIELD_OWNER = 1u << 0,       /**< @ref arc_dispute_opts::owner */
    ARC_DISPUTE_FIELD_DUE_DATE = 1u << 1,    /**< @ref arc_dispute_opts::due_date */
    ARC_DISPUTE_FIELD_AMOUNT = 1u << 2,      /**< @ref arc_dispute_opts::amount */
    ARC_DISPUTE_FIELD_REASON_CODE = 1u << 3, /**< @ref arc_dispute_opts::reason_code */
    ARC_DISPUTE_FIELD_DESCRIPTION = 1u << 4  /**< @ref arc_dispute_opts::description */
};

/**
 * Change some fields of a dispute that is not resolved.
 *
 * @param db     The book.
 * @param id     The dispute.
 * @param opts   New values; only the members selected by @p fields are read.
 * @param fields Bitwise or of #arc_dispute_field.
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_EINVAL naming the field;
 *         #ARC_ECONFLICT when the dispute is resolved or a new amount does
 *         not fit; #ARC_EVERSION; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_dispute_update(arc_db *db, arc_id id, const arc_dispute_opts *opts,
                                  unsigned int fields);

/**
 * Start reviewing an open or reopened dispute.
 *
 * @param db    The book.
 * @param id    The dispute.
 * @param actor Who does it; required.
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_EINVAL for a missing actor;
 *         #ARC_ECONFLICT from any other state; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_dispute_review(arc_db *db, arc_id id, const char *actor);

/**
 * Escalate a dispute that is not resolved: its escalation level rises by one.
 *
 * @param db    The book.
 * @param id    The dispute.
 * @param actor Who does it; required.
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_EINVAL for a missing actor;
 *         #ARC_ECONFLICT for a resolved dispute; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_dispute_escalate(arc_db *db, arc_id id, const char *actor);

/** Version of #arc_dispute_resolution that this header describes. */
#define ARC_DISPUTE_RESOLUTION_VERSION 1

/** How to resolve a dispute. Initialise with #ARC_DISPUTE_RESOLUTION_INIT. */
typedef struct arc_dispute_resolution {
    unsigned int version;        /**< #ARC_DISPUTE_RESOLUTION_VERSION. */
    arc_dispute_outcome outcome; /**< Required; not #ARC_DISPUTE_UNRESOLVED. */
    int64_t amount; /**< Credited or written off; 0 for the whole disputed amount. */
    const char *resolved_by; /**< Who decided; required. */
    const char *note;        /**< Why; optional, up to 10,000 bytes. */
    arc_date date;           /**< The resolution date; #ARC_DATE_NONE for today. */
} arc_dispute_resolution;

/** Initialiser for #arc_dispute_resolution. */
#define ARC_DISPUTE_RESOLUTION_INIT                                                      \
    {                                                                                    \
        ARC_DISPUTE_RESOLUTION_VERSION, ARC_DISPUTE_UNRESOLVED, 0, NULL, NULL,           \
            ARC_DATE_NONE                                                                \
    }

/**
 * Resolve a dispute. For #ARC_DISPUTE_CREDITED a credit memo for the amount
 * is created and applied to the invoice, and for #ARC_DISPUTE_WRITTEN_OFF the
 * amount is written off the invoice, in the same transaction.
 *
 * @param db         The book.
 * @param id         The dispute.
 * @param resolution The outcome.
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_EINVAL naming the field (no outcome,
 *         missing resolved_by, an amount that is negative or larger than the
 *         disputed amount); #ARC_ECONFLICT when already resolved, or when the
 *         invoice no longer owes the amount to credit or write off;
 *         #ARC_EVERSION; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_dispute_resolve(arc_db *db, arc_id id,
                                   const arc_dispute_resolution *resolution);

/**
 * Reopen a dispute resolved as rejected or withdrawn. Its amount must still
 * fit in what the invoice owes less its other open disputes.
 *
 * @param db     The book.
 * @param id     The dispute.
 * @param actor  Who does it; required.
 * @param reason Why; optional.
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_EINVAL; #ARC_ECONFLICT when the
 *         dispute is not resolved, was settled by a credit or write-off (open
 *         a new dispute instead), or no longer fits; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_dispute_reopen(arc_db *db, arc_id id, const char *actor,
                                  const char *reason);

/**
 * Read a dispute by id.
 *
 * @param[out] out Receives a new handle; free it with arc_dispute_free().
 * @param db       The book.
 * @param id       The dispute.
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_EINVAL for NULL arguments;
 *         #ARC_ENOMEM; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_dispute_lookup(arc_dispute **out, arc_db *db, arc_id id);

/**
 * Free a dispute handle.
 *
 * @param dispute The handle; NULL is ignored.
 */
ARC_EXTERN void arc_dispute_free(arc_dispute *dispute);

/**
 * List disputes, a page at a time, in ascending id order.
 * @ref arc_list_opts::customer_id and @ref arc_list_opts::status (an
 * #arc_dispute_status) filter the list.
 *
 * @param[out] out Receives a new page; free it with arc_dispute_page_free().
 * @param db       The book.
 * @param opts     Paging and filters, or NULL for the first page of all.
 * @return #ARC_OK; #ARC_EINVAL for a bad limit or status; #ARC_EVERSION;
 *         #ARC_ENOMEM; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_dispute_list(arc_dispute_page **out, arc_db *db,
                                const arc_list_opts *opts);

/**
 * Every dispute of one invoice, oldest first.
 *
 * @param[out] out     Receives a new page; free it with arc_dispute_page_free().
 * @param db           The book.
 * @param invoice_id   The invoice.
 * @return #ARC_OK; #ARC_ENOTFOUND for an unknown invoice; #ARC_ENOMEM;
 *         #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_invoice_disputes(arc_dispute_page **out, arc_db *db,
                                    arc_id invoice_id);

/**
 * The number of disputes in a page.
 *
 * @param page The page; NULL counts as empty.
 * @return The count.
 */
ARC_EXTERN size_t arc_dispute_page_count(const arc_dispute_page *page);

/**
 * The i-th dispute of a page.
 *
 * @param page  The page.
 * @param index 0 to arc_dispute_page_count() - 1.
 * @return The dispute, borrowed from the page and valid until it is freed;
 *         NULL when out of range.
 */
ARC_EXTERN const arc_dispute *arc_dispute_page_at(const arc_dispute_page *page,
                                                  size_t index);

/**
 * Free a page of disputes.
 *
 * @param page The page; NULL is ignored.
 */
ARC_EXTERN void arc_dispute_page_free(arc_dispute_page *page);

/** @name Dispute accessors
 * Read the fields of a dispute handle. Amounts are in minor units of the
 * invoice's currency; times are in seconds since the Unix epoch, UTC. Each
 * accepts NULL and then returns 0, NULL, #ARC_DATE_NONE or the value it names.
 * Strings are borrowed from the handle and stay valid until it is freed (with its
 * page, for a dispute from arc_dispute_page_at()).
 * @{ */

/**
 * The dispute's id.
 *
 * @param dispute The dispute, or NULL.
 * @return The id, positive; 0 for a NULL @p dispute.
 */
ARC_EXTERN arc_id arc_dispute_id(const arc_dispute *dispute);

/**
 * The disputed invoice.
 *
 * @param dispute The dispute, or NULL.
 * @return The invoice's id; 0 for a NULL @p dispute.
 */
ARC_EXTERN arc_id arc_dispute_invoice_id(const arc_dispute *dispute);

/**
 * The customer of the disputed invoice.
 *
 * @param dispute The dispute, or NULL.
 * @return The customer's id; 0 for a NULL @p dispute.
 */
ARC_EXTERN arc_id arc_dispute_customer_id(const arc_dispute *dispute);

/**
 * The ISO 4217 code of the invoice's currency, which the dispute's amounts are in.
 *
 * @param dispute The dispute, or NULL.
 * @return The code, borrowed from @p dispute and valid until it is freed; NULL
 *         for a NULL @p dispute.
 */
ARC_EXTERN const char *arc_dispute_currency(const arc_dispute *dispute);

/**
 * The reason code from the book's catalog (arcollect/reason_code.h).
 *
 * @param dispute The dispute, or NULL.
 * @return The code, borrowed from @p dispute and valid until it is freed; NULL
 *         for a NULL @p dispute.
 */
ARC_EXTERN const char *arc_dispute_reason_code(const arc_dispute *dispute);

/**
 * The disputed amount.
 *
 * @param dispute The dispute, or NULL.
 * @return The amount in minor units, positive; 0 for a NULL @p dispute.
 */
ARC_EXTERN int64_t arc_dispute_amount(const arc_dispute *dispute);

/**
 * The dispute's status.
 *
 * @param dispute The dispute, or NULL.
 * @return The status; #ARC_DISPUTE_OPEN for a NULL @p dispute.
 */
ARC_EXTERN arc_dispute_status arc_dispute_status_of(const arc_dispute *dispute);

/**
 * How the dispute was resolved.
 *
 * @param dispute The dispute, or NULL.
 * @return The outcome; #ARC_DISPUTE_UNRESOLVED unless the status is
 *         #ARC_DISPUTE_RESOLVED, and for a NULL @p dispute.
 */
ARC_EXTERN arc_dispute_outcome arc_dispute_outcome_of(const arc_dispute *dispute);

/**
 * How many times the dispute was escalated.
 *
 * @param dispute The dispute, or NULL.
 * @return The level: 0 until escalated, then 1, 2...; 0 for a NULL @p dispute.
 */
ARC_EXTERN int arc_dispute_escalation_level(const arc_dispute *dispute);

/**
 * Who recorded the dispute.
 *
 * @param dispute The dispute, or NULL.
 * @return The user name, borrowed from @p dispute and valid until it is freed;
 *         NULL for a NULL @p dispute.
 */
ARC_EXTERN const char *arc_dispute_opened_by(const arc_dispute *dispute);

/**
 * Who works on the dispute: the owner given, else the one who opened it.
 *
 * @param dispute The dispute, or NULL.
 * @return The user name, borrowed from @p dispute and valid until it is freed;
 *         NULL for a NULL @p dispute.
 */
ARC_EXTERN const char *arc_dispute_owner(const arc_dispute *dispute);

/**
 * What the customer says.
 *
 * @param dispute The dispute, or NULL.
 * @return The description, borrowed from @p dispute and valid until it is freed;
 *         NULL when not given or for a NULL @p dispute.
 */
ARC_EXTERN const char *arc_dispute_description(const arc_dispute *dispute);

/**
 * When the dispute should be settled.
 *
 * @param dispute The dispute, or NULL.
 * @return The date; #ARC_DATE_NONE when not given or for a NULL @p dispute.
 */
ARC_EXTERN arc_date arc_dispute_due_date(const arc_dispute *dispute);

/**
 * When the dispute was opened, by the book's clock.
 *
 * @param dispute The dispute, or NULL.
 * @return The time in seconds since the epoch; 0 for a NULL @p dispute.
 */
ARC_EXTERN arc_time arc_dispute_opened_at(const arc_dispute *dispute);

/**
 * When the dispute entered its current status, by the book's clock.
 *
 * @param dispute The dispute, or NULL.
 * @return The time in seconds since the epoch; 0 for a NULL @p dispute.
 */
ARC_EXTERN arc_time arc_dispute_status_changed_at(const arc_dispute *dispute);

/**
 * The date the dispute was resolved.
 *
 * @param dispute The dispute, or NULL.
 * @return The date; #ARC_DATE_NONE unless the dispute is resolved, and for a
 *         NULL @p dispute.
 */
ARC_EXTERN arc_date arc_dispute_resolved_on(const arc_dispute *dispute);

/**
 * Who decided the resolution.
 *
 * @param dispute The dispute, or NULL.
 * @return The user name, borrowed from @p dispute and valid until it is freed;
 *         NULL unless the dispute is resolved, and for a NULL @p dispute.
 */
ARC_EXTERN const char *arc_dispute_resolved_by(const arc_dispute *dispute);

/**
 * The amount that the resolution credited or wrote off.
 *
 * @param dispute The dispute, or NULL.
 * @return The amount in minor units; 0 unless the outcome is
 *         #ARC_DISPUTE_CREDITED or #ARC_DISPUTE_WRITTEN_OFF, and for a NULL
 *         @p dispute.
 */
ARC_EXTERN int64_t arc_dispute_resolved_amount(const arc_dispute *dispute);

/**
 * Why the dispute was resolved as it was.
 *
 * @param dispute The dispute, or NULL.
 * @return The note, borrowed from @p dispute and valid until it is freed; NULL
 *         when not given, unless the dispute is resolved, and for a NULL
 *         @p dispute.
 */
ARC_EXTERN const char *arc_dispute_resolution_note(const arc_dispute *dispute);

/**
 * The credit memo that a resolution as #ARC_DISPUTE_CREDITED created.
 *
 * @param dispute The dispute, or NULL.
 * @return The credit memo's id; 0 for any other outcome and for a NULL
 *         @p dispute.
 */
ARC_EXTERN arc_id arc_dispute_credit_memo_id(const arc_dispute *dispute);

/**
 * Why the dispute was last reopened.
 *
 * @param dispute The dispute, or NULL.
 * @return The reason, borrowed from @p dispute and valid until it is freed; NULL
 *         when it was never reopened, when the last reopening gave no reason, and
 *         for a NULL @p dispute.
 */
ARC_EXTERN const char *arc_dispute_reopen_reason(const arc_dispute *dispute);

/**
 * The number of invoice lines the dispute names.
 *
 * @param dispute The dispute, or NULL.
 * @return The count, up to #ARC_DISPUTE_MAX_LINES; 0 for a dispute about the
 *         invoice as a whole and for a NULL @p dispute.
 */
ARC_EXTERN size_t arc_dispute_line_count(const arc_dispute *dispute);

/**
 * The i-th invoice line the dispute names, in ascending order.
 *
 * @param dispute The dispute, or NULL.
 * @param index   0 to arc_dispute_line_count() - 1.
 * @return The line number, from 1; 0 when @p index is out of range or
 *         @p dispute is NULL.
 */
ARC_EXTERN int arc_dispute_line_at(const arc_dispute *dispute, size_t index);

/** @} */

/**
 * The amount of an invoice under open disputes: the sum of the amounts of
 * its disputes that are not resolved.
 *
 * @param[out] out   Receives the amount in minor units.
 * @param db         The book.
 * @param invoice_id The invoice.
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_EINVAL for NULL arguments;
 *         #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_invoice_disputed_amount(int64_t *out, arc_db *db, arc_id invoice_id);

/**
 * A customer's collectible balance in one currency: its open balance (see
 * arc_customer_balance()) less the amounts under open disputes.
 *
 * @param[out] out      Receives the balance in minor units.
 * @param db            The book.
 * @param customer_id   The customer.
 * @param currency      An ISO 4217 code, or NULL for the customer's currency.
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_EINVAL; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_customer_collectible_balance(int64_t *out, arc_db *db,
                                                arc_id customer_id, const char *currency);

#ifdef __cplusplus
}
#endif

#endif
