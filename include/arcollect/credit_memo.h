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
 * @param db       The book.
 * @param opts     The credit memo; strings are copied.
 * @return #ARC_OK; #ARC_EINVAL naming the field, or for a NULL @p db or
 *         @p opts or an invoice of another customer or currency;
 *         #ARC_ENOTFOUND for an unknown customer or invoice; #ARC_EEXISTS for a
 *         number already used; #ARC_ECONFLICT when the named invoice is not
 *         payable; #ARC_EVERSION; #ARC_EBUSY; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_credit_memo_create(arc_id *out, arc_db *db,
                                      const arc_credit_memo_opts *opts);

/**
 * Apply part of a credit memo's unapplied amount to one invoice.
 *
 * The rules are those of arc_payment_apply(), with the memo's issue date in
 * place of the payment's received date.
 *
 * @param db             The book.
 * @param credit_memo_id The credit memo.
 * @param invoice_id     An open or partially paid invoice of the same customer
 *                       and currency.
 * @param amount         Minor units; positive, at most both the memo's
 *                       unapplied amount and the invoice's balance.
 * @param applied_on     #ARC_DATE_NONE for the later of today and the memo's
 *                       issue date; not before the issue date.
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_EINVAL; #ARC_ECONFLICT (also for a void
 *         memo); #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_credit_memo_apply(arc_db *db, arc_id credit_memo_id, arc_id invoice_id,
                                     int64_t amount, arc_date applied_on);

/**
 * Apply a credit memo's unapplied amount to the customer's payable invoices
 * in its currency, oldest due date first.
 *
 * @param[out] applied   Receives the amount applied by this call, in minor units;
 *                       may be NULL.
 * @param db             The book.
 * @param credit_memo_id The credit memo.
 * @return #ARC_OK (also when nothing was left to apply); #ARC_ENOTFOUND;
 *         #ARC_ECONFLICT for a void memo; #ARC_EINVAL for a NULL @p db;
 *         #ARC_EBUSY; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_credit_memo_apply_auto(int64_t *applied, arc_db *db,
                                          arc_id credit_memo_id);

/**
 * Void a credit memo: its applications are undone and the invoices they
 * settled owe those amounts again.
 *
 * @param db             The book.
 * @param credit_memo_id The credit memo.
 * @param void_date      #ARC_DATE_NONE for today; not before the memo's issue
 *                       date nor before any of its applications in force.
 * @param reason         Why; optional UTF-8, copied.
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_ECONFLICT when already void;
 *         #ARC_EINVAL for a bad date or reason or a NULL @p db; #ARC_EBUSY;
 *         #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_credit_memo_void(arc_db *db, arc_id credit_memo_id, arc_date void_date,
                                    const char *reason);

/**
 * Read a credit memo by id.
 *
 * @param[out] out Receives a new handle; free it with arc_credit_memo_free().
 * @param db       The book.
 * @param id       The credit memo's id.
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_EINVAL for a NULL @p out or @p db;
 *         #ARC_ENOMEM; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_credit_memo_lookup(arc_credit_memo **out, arc_db *db, arc_id id);

/**
 * Free a credit memo handle from arc_credit_memo_lookup(), and the strings
 * borrowed from it. Memos of a page are freed with the page, by
 * arc_credit_memo_page_free().
 *
 * @param memo The handle, or NULL (ignored).
 */
ARC_EXTERN void arc_credit_memo_free(arc_credit_memo *memo);

/** @name Credit memo accessors
 * Read the fields of a credit memo handle. Amounts are in minor units of the
 * memo's currency. Each accepts NULL and then returns 0, NULL or
 * #ARC_DATE_NONE. Strings are borrowed from the handle and stay valid until it
 * is freed (with its page, for a memo from arc_credit_memo_page_at()).
 * @{ */

/**
 * The credit memo's id.
 *
 * @param memo The credit memo, or NULL.
 * @return The id, positive; 0 for a NULL @p memo.
 */
ARC_EXTERN arc_id arc_credit_memo_id(const arc_credit_memo *memo);

/**
 * The memo's number, given or generated, unique in the book.
 *
 * @param memo The credit memo, or NULL.
 * @return The number, borrowed from @p memo and valid until it is freed; NULL for
 *         a NULL @p memo.
 */
ARC_EXTERN const char *arc_credit_memo_number(const arc_credit_memo *memo);

/**
 * The customer credited.
 *
 * @param memo The credit memo, or NULL.
 * @return The customer's id; 0 for a NULL @p memo.
 */
ARC_EXTERN arc_id arc_credit_memo_customer_id(const arc_credit_memo *memo);

/**
 * The amount credited.
 *
 * @param memo The credit memo, or NULL.
 * @return The amount in minor units, positive; 0 for a NULL @p memo.
 */
ARC_EXTERN int64_t arc_credit_memo_amount(const arc_credit_memo *memo);

/**
 * The ISO 4217 code of the memo's currency.
 *
 * @param memo The credit memo, or NULL.
 * @return The code, borrowed from @p memo and valid until it is freed; NULL for a
 *         NULL @p memo.
 */
ARC_EXTERN const char *arc_credit_memo_currency(const arc_credit_memo *memo);

/**
 * The date the memo was issued.
 *
 * @param memo The credit memo, or NULL.
 * @return The date; #ARC_DATE_NONE for a NULL @p memo.
 */
ARC_EXTERN arc_date arc_credit_memo_issue_date(const arc_credit_memo *memo);

/**
 * Why the credit was given.
 *
 * @param memo The credit memo, or NULL.
 * @return The reason, borrowed from @p memo and valid until it is freed; NULL
 *         when unset or for a NULL @p memo.
 */
ARC_EXTERN const char *arc_credit_memo_reason(const arc_credit_memo *memo);

/**
 * The part applied to invoices (0 once void).
 *
 * @param memo The credit memo, or NULL.
 * @return The amount in minor units; 0 for a NULL @p memo.
 */
ARC_EXTERN int64_t arc_credit_memo_applied(const arc_credit_memo *memo);

/**
 * The part not applied (0 once void): what the memo still holds as unapplied
 * credit.
 *
 * @param memo The credit memo, or NULL.
 * @return The amount in minor units; 0 for a NULL @p memo.
 */
ARC_EXTERN int64_t arc_credit_memo_unapplied(const arc_credit_memo *memo);

/**
 * Whether the memo was voided.
 *
 * @param memo The credit memo, or NULL.
 * @return 1 if the memo was voided, else 0 (also for a NULL @p memo).
 */
ARC_EXTERN int arc_credit_memo_is_void(const arc_credit_memo *memo);

/** @} */

/**
 * List credit memos, a page at a time, in ascending id order.
 * @ref arc_list_opts::customer_id filters; @ref arc_list_opts::status is 0
 * for memos in force, 1 for void ones, -1 for both.
 *
 * @param[out] out Receives a new page; free it with arc_credit_memo_page_free().
 * @param db       The book.
 * @param opts     Paging and filters, or NULL for the first page of all.
 * @return #ARC_OK (an empty page is a success); #ARC_EINVAL for a NULL @p out or
 *         @p db, a bad limit or status or a negative id; #ARC_EVERSION;
 *         #ARC_ENOMEM; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_credit_memo_list(arc_credit_memo_page **out, arc_db *db,
                                    const arc_list_opts *opts);

/**
 * Number of credit memos in a page.
 *
 * @param page The page, or NULL.
 * @return The count; 0 for a NULL @p page.
 */
ARC_EXTERN size_t arc_credit_memo_page_count(const arc_credit_memo_page *page);

/**
 * The i-th credit memo of a page.
 *
 * @param page  The page, or NULL.
 * @param index 0 to arc_credit_memo_page_count() - 1.
 * @return The memo, borrowed from @p page and valid until the page is freed (do
 *         not pass it to arc_credit_memo_free()); NULL when @p index is out of
 *         range or @p page is NULL.
 */
ARC_EXTERN const arc_credit_memo *
arc_credit_memo_page_at(const arc_credit_memo_page *page, size_t index);

/**
 * Free a page of credit memos, and the memos in it.
 *
 * @param page The page, or NULL (ignored).
 */
ARC_EXTERN void arc_credit_memo_page_free(arc_credit_memo_page *page);

#ifdef __cplusplus
}
#endif

#endif
