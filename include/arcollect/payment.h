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
 * @return A static string, or NULL for a value that is not a method.
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
 * @return #ARC_OK; #ARC_EINVAL naming the field (amount not positive, unknown
 *         currency, key too long...); #ARC_ENOTFOUND for an unknown customer;
 *         #ARC_ECONFLICT for a key reused with other details; #ARC_EVERSION;
 *         #ARC_EBUSY; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_payment_record(arc_id *out, arc_db *db, const arc_payment_opts *opts);

/**
 * Apply part of a payment's unapplied amount to one invoice.
 *
 * @param payment_id The payment.
 * @param invoice_id An open or partially paid invoice of the same customer
 *                   and currency.
 * @param amount     Minor units; positive, at most both the payment's
 *                   unapplied amount and the invoice's balance.
 * @param applied_on #ARC_DATE_NONE for the later of today and the payment's
 *                   received date.
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_EINVAL for a non-positive amount or
 *         a currency or customer mismatch; #ARC_ECONFLICT when the amount
 *         exceeds what is unapplied or what is owed, or the payment was
 *         reversed, or the invoice is not payable; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_payment_apply(arc_db *db, arc_id payment_id, arc_id invoice_id,
                                 int64_t amount, arc_date applied_on);

/**
 * Apply a payment's unapplied amount to the customer's payable invoices in
 * its currency, oldest due date first (then lowest id).
 *
 * @param[out] applied Receives the amount applied by this call; may be NULL.
 * @return #ARC_OK (also when nothing was left to apply); #ARC_ENOTFOUND;
 *         #ARC_ECONFLICT for a reversed payment; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_payment_apply_auto(int64_t *applied, arc_db *db, arc_id payment_id);

/**
 * Reverse a payment: it no longer counts, and every invoice it paid owes
 * again what it had received from it.
 *
 * @param reversed_on #ARC_DATE_NONE for today; not before the payment was received.
 * @param reason      Why (such as "R01 insufficient funds"); optional.
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_ECONFLICT when already reversed;
 *         #ARC_EINVAL; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_payment_reverse(arc_db *db, arc_id payment_id, arc_date reversed_on,
                                   const char *reason);

/**
 * Read a payment by id.
 *
 * @param[out] out Receives a new handle; free it with arc_payment_free().
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_ENOMEM; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_payment_lookup(arc_payment **out, arc_db *db, arc_id id);

/** Free a payment handle. NULL is ignored. */
ARC_EXTERN void arc_payment_free(arc_payment *payment);

/** @name Payment accessors
 * Amounts are minor units of the payment's currency; strings are borrowed.
 * @{ */
ARC_EXTERN arc_id arc_payment_id(const arc_payment *payment);
ARC_EXTERN arc_id arc_payment_customer_id(const arc_payment *payment);
ARC_EXTERN int64_t arc_payment_amount(const arc_payment *payment);
ARC_EXTERN const char *arc_payment_currency(const arc_payment *payment);
ARC_EXTERN arc_payment_method arc_payment_method_of(const arc_payment *payment);
ARC_EXTERN arc_date arc_payment_received_on(const arc_payment *payment);
ARC_EXTERN const char *arc_payment_reference(const arc_payment *payment);
ARC_EXTERN const char *arc_payment_idempotency_key(const arc_payment *payment);
/** The part applied to invoices (0 once reversed). */
ARC_EXTERN int64_t arc_payment_applied(const arc_payment *payment);
/** The part not applied (0 once reversed). */
ARC_EXTERN int64_t arc_payment_unapplied(const arc_payment *payment);
/** 1 if the payment was reversed, else 0. */
ARC_EXTERN int arc_payment_is_reversed(const arc_payment *payment);
/** When it was reversed, or #ARC_DATE_NONE. */
ARC_EXTERN arc_date arc_payment_reversed_on(const arc_payment *payment);
ARC_EXTERN const char *arc_payment_reversal_reason(const arc_payment *payment);
/** @} */

/**
 * List payments, a page at a time, in ascending id order.
 * @ref arc_list_opts::customer_id filters; @ref arc_list_opts::status is 0
 * for payments in force, 1 for reversed ones, -1 for both.
 *
 * @param[out] out Receives a new page; free it with arc_payment_page_free().
 * @return #ARC_OK; #ARC_EINVAL; #ARC_ENOMEM; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_payment_list(arc_payment_page **out, arc_db *db,
                                const arc_list_opts *opts);

/** Number of payments in a page. */
ARC_EXTERN size_t arc_payment_page_count(const arc_payment_page *page);

/** The i-th payment of a page, borrowed from the page; NULL when out of range. */
ARC_EXTERN const arc_payment *arc_payment_page_at(const arc_payment_page *page,
                                                  size_t index);

/** Free a page of payments. NULL is ignored. */
ARC_EXTERN void arc_payment_page_free(arc_payment_page *page);

#ifdef __cplusplus
}
#endif

#endif
