/**
 * @file arcollect/credit_memo.h
 * @brief Credit memos: amounts a customer no longer owes, applied to invoices.
 *
 * A credit memo is applied to invoices the way a payment is, and what is not
 * applied stays with the customer as credit.
 */
#ifndef ARCOLLECT_CREDIT_MEMO_H
#define ARCOLLECT_CREDIT_MEMO_H

#include "customer.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A credit memo read from a book. Opaque; free with arc_credit_memo_free(). */
typedef struct arc_credit_memo arc_credit_memo;

/** A page of credit memos from arc_credit_memo_list(). Opaque. */
typedef struct arc_credit_memo_page arc_credit_memo_page;

/** Version of #arc_credit_memo_opts that this header describes. */
#define ARC_CREDIT_MEMO_OPTS_VERSION 1

/** A credit memo to create. Initialise with #ARC_CREDIT_MEMO_OPTS_INIT. */
typedef struct arc_credit_memo_opts {
    unsigned int version; /**< #ARC_CREDIT_MEMO_OPTS_VERSION. */
    arc_id customer_id;   /**< Required. */
    const char *number;   /**< Unique in the book; NULL to generate one. */
    int64_t amount;       /**< Minor units; positive. */
    const char *currency; /**< ISO 4217 code; NULL for the customer's. */
    arc_date issue_date;  /**< #ARC_DATE_NONE for today. */
    const char *reason;   /**< Why the credit was given; optional. */
    arc_id
        invoice_id; /**< If not 0, apply as much as possible to this invoice at once. */
} arc_credit_memo_opts;

/** Initialiser for #arc_credit_memo_opts. */
#define ARC_CREDIT_MEMO_OPTS_INIT                                                        \
    {                                                                                    \
        ARC_CREDIT_MEMO_OPTS_VERSION, 0, NULL, 0, NULL, ARC_DATE_NONE, NULL, 0           \
    }

/**
 * Create a credit memo, and apply it to an invoice when one is named.
 *
 * @param[out] out Receives the memo's id; may be NULL.
 * @return #ARC_OK; #ARC_EINVAL naming the field; #ARC_ENOTFOUND for an
 *         unknown customer or invoice; #ARC_EEXISTS for a number already
 *         used; #ARC_ECONFLICT when the named invoice is not payable;
 *         #ARC_EVERSION; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_credit_memo_create(arc_id *out, arc_db *db,
                                      const arc_credit_memo_opts *opts);

/**
 * Apply part of a credit memo's unapplied amount to one invoice.
 *
 * The rules are those of arc_payment_apply().
 *
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_EINVAL; #ARC_ECONFLICT; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_credit_memo_apply(arc_db *db, arc_id credit_memo_id, arc_id invoice_id,
                                     int64_t amount, arc_date applied_on);

/**
 * Apply a credit memo's unapplied amount to the customer's payable invoices
 * in its currency, oldest due date first.
 *
 * @param[out] applied Receives the amount applied by this call; may be NULL.
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_ECONFLICT for a void memo; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_credit_memo_apply_auto(int64_t *applied, arc_db *db,
                                          arc_id credit_memo_id);

/**
 * Void a credit memo: its applications are undone and the invoices they
 * settled owe those amounts again.
 *
 * @param void_date #ARC_DATE_NONE for today.
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_ECONFLICT when already void;
 *         #ARC_EINVAL; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_credit_memo_void(arc_db *db, arc_id credit_memo_id, arc_date void_date,
                                    const char *reason);

/**
 * Read a credit memo by id.
 *
 * @param[out] out Receives a new handle; free it with arc_credit_memo_free().
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_ENOMEM; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_credit_memo_lookup(arc_credit_memo **out, arc_db *db, arc_id id);

/** Free a credit memo handle. NULL is ignored. */
ARC_EXTERN void arc_credit_memo_free(arc_credit_memo *memo);

/** @name Credit memo accessors
 * Amounts are minor units of the memo's currency; strings are borrowed.
 * @{ */
ARC_EXTERN arc_id arc_credit_memo_id(const arc_credit_memo *memo);
ARC_EXTERN const char *arc_credit_memo_number(const arc_credit_memo *memo);
ARC_EXTERN arc_id arc_credit_memo_customer_id(const arc_credit_memo *memo);
ARC_EXTERN int64_t arc_credit_memo_amount(const arc_credit_memo *memo);
ARC_EXTERN const char *arc_credit_memo_currency(const arc_credit_memo *memo);
ARC_EXTERN arc_date arc_credit_memo_issue_date(const arc_credit_memo *memo);
ARC_EXTERN const char *arc_credit_memo_reason(const arc_credit_memo *memo);
/** The part applied to invoices (0 once void). */
ARC_EXTERN int64_t arc_credit_memo_applied(const arc_credit_memo *memo);
/** The part not applied (0 once void). */
ARC_EXTERN int64_t arc_credit_memo_unapplied(const arc_credit_memo *memo);
/** 1 if the memo was voided, else 0. */
ARC_EXTERN int arc_credit_memo_is_void(const arc_credit_memo *memo);
/** @} */

/**
 * List credit memos, a page at a time, in ascending id order.
 * @ref arc_list_opts::customer_id filters; @ref arc_list_opts::status is 0
 * for memos in force, 1 for void ones, -1 for both.
 *
 * @param[out] out Receives a new page; free it with arc_credit_memo_page_free().
 * @return #ARC_OK; #ARC_EINVAL; #ARC_ENOMEM; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_credit_memo_list(arc_credit_memo_page **out, arc_db *db,
                                    const arc_list_opts *opts);

/** Number of credit memos in a page. */
ARC_EXTERN size_t arc_credit_memo_page_count(const arc_credit_memo_page *page);

/** The i-th memo of a page, borrowed from the page; NULL when out of range. */
ARC_EXTERN const arc_credit_memo *
arc_credit_memo_page_at(const arc_credit_memo_page *page, size_t index);

/** Free a page of credit memos. NULL is ignored. */
ARC_EXTERN void arc_credit_memo_page_free(arc_credit_memo_page *page);

#ifdef __cplusplus
}
#endif

#endif
