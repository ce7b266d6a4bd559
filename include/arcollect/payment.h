/**
 * @file arcollect/payment.h
 * @brief Payments received from customers and their application to invoices.
 *
 * A payment is money received. Applying it settles invoices of the same
 * customer and currency: explicitly, an amount to a named invoice, or
 * automatically, oldest due date first. What is not applied stays with the
 * customer as unapplied credit and can be applied later. A payment can be
 * reversed (a returned ACH debit, a chargeback, a refund): every invoice it
 * paid is reopened by the amount it had received.
 */
#ifndef ARCOLLECT_PAYMENT_H
#define ARCOLLECT_PAYMENT_H

#include "customer.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A payment read from a book. Opaque; free with arc_payment_free(). */
typedef struct arc_payment arc_payment;

/** A page of payments from arc_payment_list(). Opaque. */
typedef struct arc_payment_page arc_payment_page;

/** How a payment was made. */
typedef enum arc_payment_method {
    ARC_PAYMENT_ACH = 0,   /**< Automated Clearing House transfer. */
    ARC_PAYMENT_CARD = 1,  /**< Credit or debit card. */
    ARC_PAYMENT_CHECK = 2, /**< Paper check. */
    ARC_PAYMENT_WIRE = 3,  /**< Wire transfer. */
    ARC_PAYMENT_CASH = 4,  /**< Cash. */
    ARC_PAYMENT_OTHER = 5  /**< Anything else. */
} arc_payment_method;

/**
 * The lower-case name of a payment method ("ach", "card"...).
 *
 * @param method A value of #arc_payment_method.
 * @return A static string owned by the library, or NULL for a value that is not a
 *         method.
 */
ARC_EXTERN const char *arc_payment_method_name(arc_payment_method method);

/** Flags for arc_payment_opts::flags. */
enum arc_payment_flags {
    /** Apply the payment to open invoices, oldest due first, as part of recording it. */
    ARC_PAYMENT_AUTO_APPLY = 1u << 0
};

/** Version of #arc_payment_opts that this header describes. */
#define ARC_PAYMENT_OPTS_VERSION 1

/** Maximum length in bytes of an idempotency key. */
#define ARC_IDEMPOTENCY_KEY_MAX 255

/** A payment to record. Initialise with #ARC_PAYMENT_OPTS_INIT. */
typedef struct arc_payment_opts {
    unsigned int version;      /**< #ARC_PAYMENT_OPTS_VERSION. */
    arc_id customer_id;        /**< Who paid; required. */
    int64_t amount;            /**< Minor units; positive. */
    const char *currency;      /**< ISO 4217 code; NULL for the customer's. */
    arc_payment_method method; /**< Default #ARC_PAYMENT_OTHER. */
    arc_date received_on;      /**< #ARC_DATE_NONE for today. */
    const char *reference; /**< Check number, bank or processor reference; optional. */
    const char *idempotency_key; /**< Optional; see arc_payment_record(). */
    unsigned int flags;          /**< Bitwise or of #arc_payment_flags. */
} arc_payment_opts;

/** Initialiser for #arc_payment_opts. */
#define ARC_PAYMENT_OPTS_INIT                                                            \
    {                                                                                    \
        ARC_PAYMENT_OPTS_VERSION, 0, 0, NULL, ARC_PAYMENT_OTHER, ARC_DATE_NONE, NULL,    \
            NULL, 0                                                                      \
    }

/**
 * Record a payment, and apply it automatically when asked to.
 *
 * With an idempotency key, a second call with the same key returns the id
 * of the payment the first call recorded and writes nothing, so a host can
 * retry after a timeout without recording the money twice. The same key
 * with a different customer, amount or currency is refused.
 *
 * @param[out] out Receives the payment's id; may be NULL.
 * @param db       The book.
 * @param opts     The payment; strings are copied.
 * @return #ARC_OK; #ARC_EINVAL naming the field (amount not positive, unknown
 *         currency, key too long...), or for a NULL @p db or @p opts;
 *         #ARC_ENOTFOUND for an unknown customer;
 *         #ARC_ECONFLICT for a key reused with other details; #ARC_EVERSION;
 *         #ARC_EBUSY; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_payment_record(arc_id *out, arc_db *db, const arc_payment_opts *opts);

/**
 * Apply part of a payment's unapplied amount to one invoice.
 *
 * @param db         The book.
 * @param payment_id The payment.
 * @param invoice_id An open or partially paid invoice of the same customer
 *                   and currency.
 * @param amount     Minor units; positive, at most both the payment's
 *                   unapplied amount and the invoice's balance.
 * @param applied_on #ARC_DATE_NONE for the latest of today, the payment's
 *                   received date and the invoice's issue date; a date given
 *                   may be neither before the payment was received nor
 *                   before the invoice was issued.
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_EINVAL for a non-positive amount,
 *         a currency or customer mismatch, an invalid or too early
 *         @p applied_on, or a NULL @p db; #ARC_ECONFLICT when the amount
 *         exceeds what is unapplied or what is owed, or the payment was
 *         reversed, or the invoice is not payable; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_payment_apply(arc_db *db, arc_id payment_id, arc_id invoice_id,
                                 int64_t amount, arc_date applied_on);

/**
 * Apply a payment's unapplied amount to the customer's payable invoices in
 * its currency, oldest due date first (then lowest id).
 *
 * @param[out] applied Receives the amount applied by this call, in minor units;
 *                     may be NULL.
 * @param db           The book.
 * @param payment_id   The payment.
 * @return #ARC_OK (also when nothing was left to apply); #ARC_ENOTFOUND;
 *         #ARC_ECONFLICT for a reversed payment; #ARC_EINVAL for a NULL @p db;
 *         #ARC_EBUSY; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_payment_apply_auto(int64_t *applied, arc_db *db, arc_id payment_id);

/**
 * Reverse a payment: it no longer counts, and every invoice it paid owes
 * again what it had received from it.
 *
 * @param db          The book.
 * @param payment_id  The payment.
 * @param reversed_on #ARC_DATE_NONE for today; not before the payment was
 *                    received nor before any of its applications in force.
 * @param reason      Why (such as "R01 insufficient funds"); optional UTF-8,
 *                    copied.
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_ECONFLICT when already reversed;
 *         #ARC_EINVAL for a bad date or reason or a NULL @p db; #ARC_EBUSY;
 *         #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_payment_reverse(arc_db *db, arc_id payment_id, arc_date reversed_on,
                                   const char *reason);

/**
 * Read a payment by id.
 *
 * @param[out] out Receives a new handle; free it with arc_payment_free().
 * @param db       The book.
 * @param id       The payment's id.
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_EINVAL for a NULL @p out or @p db;
 *         #ARC_ENOMEM; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_payment_lookup(arc_payment **out, arc_db *db, arc_id id);

/**
 * Free a payment handle from arc_payment_lookup(), and the strings borrowed from
 * it. Payments of a page are freed with the page, by arc_payment_page_free().
 *
 * @param payment The handle, or NULL (ignored).
 */
ARC_EXTERN void arc_payment_free(arc_payment *payment);

/** @name Payment accessors
 * Read the fields of a payment handle. Amounts are in minor units of the
 * payment's currency. Each accepts NULL and then returns 0, NULL,
 * #ARC_DATE_NONE or the value it names. Strings are borrowed from the handle and
 * stay valid until it is freed (with its page, for a payment from
 * arc_payment_page_at()).
 * @{ */

/**
 * The payment's id.
 *
 * @param payment The payment, or NULL.
 * @return The id, positive; 0 for a NULL @p payment.
 */
ARC_EXTERN arc_id arc_payment_id(const arc_payment *payment);

/**
 * The customer who paid.
 *
 * @param payment The payment, or NULL.
 * @return The customer's id; 0 for a NULL @p payment.
 */
ARC_EXTERN arc_id arc_payment_customer_id(const arc_payment *payment);

/**
 * The amount received.
 *
 * @param payment The payment, or NULL.
 * @return The amount in minor units, positive; 0 for a NULL @p payment.
 */
ARC_EXTERN int64_t arc_payment_amount(const arc_payment *payment);

/**
 * The ISO 4217 code of the payment's currency.
 *
 * @param payment The payment, or NULL.
 * @return The code, borrowed from @p payment and valid until it is freed; NULL
 *         for a NULL @p payment.
 */
ARC_EXTERN const char *arc_payment_currency(const arc_payment *payment);

/**
 * How the payment was made.
 *
 * @param payment The payment, or NULL.
 * @return The method; #ARC_PAYMENT_OTHER for a NULL @p payment.
 */
ARC_EXTERN arc_payment_method arc_payment_method_of(const arc_payment *payment);

/**
 * The date the money was received.
 *
 * @param payment The payment, or NULL.
 * @return The date; #ARC_DATE_NONE for a NULL @p payment.
 */
ARC_EXTERN arc_date arc_payment_received_on(const arc_payment *payment);

/**
 * The check number, bank or processor reference.
 *
 * @param payment The payment, or NULL.
 * @return The reference, borrowed from @p payment and valid until it is freed;
 *         NULL when unset or for a NULL @p payment.
 */
ARC_EXTERN const char *arc_payment_reference(const arc_payment *payment);

/**
 * The idempotency key the payment was recorded with.
 *
 * @param payment The payment, or NULL.
 * @return The key, borrowed from @p payment and valid until it is freed; NULL
 *         when unset or for a NULL @p payment.
 */
ARC_EXTERN const char *arc_payment_idempotency_key(const arc_payment *payment);

/**
 * The part applied to invoices (0 once reversed).
 *
 * @param payment The payment, or NULL.
 * @return The amount in minor units; 0 for a NULL @p payment.
 */
ARC_EXTERN int64_t arc_payment_applied(const arc_payment *payment);

/**
 * The part not applied (0 once reversed): what the payment still holds as
 * unapplied credit.
 *
 * @param payment The payment, or NULL.
 * @return The amount in minor units; 0 for a NULL @p payment.
 */
ARC_EXTERN int64_t arc_payment_unapplied(const arc_payment *payment);

/**
 * Whether the payment was reversed.
 *
 * @param payment The payment, or NULL.
 * @return 1 if the payment was reversed, else 0 (also for a NULL @p payment).
 */
ARC_EXTERN int arc_payment_is_reversed(const arc_payment *payment);

/**
 * When the payment was reversed.
 *
 * @param payment The payment, or NULL.
 * @return The date; #ARC_DATE_NONE while it is in force or for a NULL
 *         @p payment.
 */
ARC_EXTERN arc_date arc_payment_reversed_on(const arc_payment *payment);

/**
 * Why the payment was reversed, as given to arc_payment_reverse().
 *
 * @param payment The payment, or NULL.
 * @return The reason, borrowed from @p payment and valid until it is freed; NULL
 *         when none was given, while in force, or for a NULL @p payment.
 */
ARC_EXTERN const char *arc_payment_reversal_reason(const arc_payment *payment);

/** @} */

/**
 * List payments, a page at a time, in ascending id order.
 * @ref arc_list_opts::customer_id filters; @ref arc_list_opts::status is 0
 * for payments in force, 1 for reversed ones, -1 for both.
 *
 * @param[out] out Receives a new page; free it with arc_payment_page_free().
 * @param db       The book.
 * @param opts     Paging and filters, or NULL for the first page of all.
 * @return #ARC_OK (an empty page is a success); #ARC_EINVAL for a NULL @p out or
 *         @p db, a bad limit or status or a negative id; #ARC_EVERSION;
 *         #ARC_ENOMEM; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_payment_list(arc_payment_page **out, arc_db *db,
                                const arc_list_opts *opts);

/**
 * Number of payments in a page.
 *
 * @param page The page, or NULL.
 * @return The count; 0 for a NULL @p page.
 */
ARC_EXTERN size_t arc_payment_page_count(const arc_payment_page *page);

/**
 * The i-th payment of a page.
 *
 * @param page  The page, or NULL.
 * @param index 0 to arc_payment_page_count() - 1.
 * @return The payment, borrowed from @p page and valid until the page is freed
 *         (do not pass it to arc_payment_free()); NULL when @p index is out of
 *         range or @p page is NULL.
 */
ARC_EXTERN const arc_payment *arc_payment_page_at(const arc_payment_page *page,
                                                  size_t index);

/**
 * Free a page of payments, and the payments in it.
 *
 * @param page The page, or NULL (ignored).
 */
ARC_EXTERN void arc_payment_page_free(arc_payment_page *page);

#ifdef __cplusplus
}
#endif

#endif
