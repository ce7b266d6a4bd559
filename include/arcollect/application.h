/**
 * @file arcollect/application.h
 * @brief Applications: what settled each invoice, and where each payment went.
 *
 * Every reduction of an invoice's balance is an application: part of a
 * payment or credit memo applied to it, a write-off, or a void. An
 * application reversed later (a returned payment, a voided memo) stays in
 * the record with its reversal date, so that balances can be computed as of
 * any date.
 */
#ifndef ARCOLLECT_APPLICATION_H
#define ARCOLLECT_APPLICATION_H

#include "db.h"

#ifdef __cplusplus
extern "C" {
#endif

/** One application. Opaque; owned by its #arc_application_page. */
typedef struct arc_application arc_application;

/**
 * A list of applications, from arc_invoice_applications(),
 * arc_payment_applications() or arc_credit_memo_applications(). Opaque; free
 * with arc_application_page_free().
 */
typedef struct arc_application_page arc_application_page;

/** What an application came from. */
typedef enum arc_application_kind {
    ARC_APPLICATION_PAYMENT = 0,     /**< Part of a payment. */
    ARC_APPLICATION_CREDIT_MEMO = 1, /**< Part of a credit memo. */
    ARC_APPLICATION_WRITE_OFF = 2,   /**< A write-off of the balance. */
    ARC_APPLICATION_VOID = 3         /**< The voiding of the invoice. */
} arc_application_kind;

/**
 * The lower-case name of an application kind ("payment", "credit_memo",
 * "write_off", "void").
 *
 * @param kind A value of #arc_application_kind.
 * @return A static string owned by the library, or NULL for a value that is not a
 *         kind.
 */
ARC_EXTERN const char *arc_application_kind_name(arc_application_kind kind);

/**
 * Every application to an invoice, oldest first, reversed ones included.
 *
 * @param[out] out   Receives a new page; free it with arc_application_page_free().
 * @param db         The book.
 * @param invoice_id The invoice.
 * @return #ARC_OK (an invoice nothing was applied to gives an empty page);
 *         #ARC_ENOTFOUND for an unknown invoice; #ARC_EINVAL for a NULL @p out
 *         or @p db; #ARC_ENOMEM; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_invoice_applications(arc_application_page **out, arc_db *db,
                                        arc_id invoice_id);

/**
 * Every application of a payment, oldest first, reversed ones included.
 *
 * @param[out] out   Receives a new page; free it with arc_application_page_free().
 * @param db         The book.
 * @param payment_id The payment.
 * @return #ARC_OK (a payment never applied gives an empty page);
 *         #ARC_ENOTFOUND for an unknown payment; #ARC_EINVAL for a NULL @p out
 *         or @p db; #ARC_ENOMEM; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_payment_applications(arc_application_page **out, arc_db *db,
                                        arc_id payment_id);

/**
 * Every application of a credit memo, oldest first, reversed ones included.
 *
 * @param[out] out       Receives a new page; free it with
 *                       arc_application_page_free().
 * @param db             The book.
 * @param credit_memo_id The credit memo.
 * @return #ARC_OK (a memo never applied gives an empty page); #ARC_ENOTFOUND
 *         for an unknown memo; #ARC_EINVAL for a NULL @p out or @p db;
 *         #ARC_ENOMEM; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_credit_memo_applications(arc_application_page **out, arc_db *db,
                                            arc_id credit_memo_id);

/**
 * Number of applications in a page.
 *
 * @param page The page, or NULL.
 * @return The count; 0 for a NULL @p page.
 */
ARC_EXTERN size_t arc_application_page_count(const arc_application_page *page);

/**
 * The i-th application of a page.
 *
 * @param page  The page, or NULL.
 * @param index 0 to arc_application_page_count() - 1.
 * @return The application, borrowed from @p page and valid until the page is
 *         freed; NULL when @p index is out of range or @p page is NULL.
 */
ARC_EXTERN const arc_application *
arc_application_page_at(const arc_application_page *page, size_t index);

/**
 * Free a page of applications, and the applications in it.
 *
 * @param page The page, or NULL (ignored).
 */
ARC_EXTERN void arc_application_page_free(arc_application_page *page);

/** @name Application accessors
 * Read the fields of an application. Each accepts NULL and then returns 0,
 * #ARC_DATE_NONE or the value it names.
 * @{ */

/**
 * The application's id.
 *
 * @param application The application, or NULL.
 * @return The id, positive; 0 for a NULL @p application.
 */
ARC_EXTERN arc_id arc_application_id(const arc_application *application);

/**
 * What the application came from.
 *
 * @param application The application, or NULL.
 * @return The kind; #ARC_APPLICATION_PAYMENT for a NULL @p application.
 */
ARC_EXTERN arc_application_kind
arc_application_kind_of(const arc_application *application);

/**
 * The invoice whose balance the application reduced.
 *
 * @param application The application, or NULL.
 * @return The invoice's id; 0 for a NULL @p application.
 */
ARC_EXTERN arc_id arc_application_invoice_id(const arc_application *application);

/**
 * The payment or credit memo applied, as arc_application_kind_of() says.
 *
 * @param application The application, or NULL.
 * @return Its id; 0 for a write-off or void, and for a NULL @p application.
 */
ARC_EXTERN arc_id arc_application_source_id(const arc_application *application);

/**
 * The amount by which the application reduced the invoice's balance.
 *
 * @param application The application, or NULL.
 * @return Minor units of the invoice's currency; positive; 0 for a NULL
 *         @p application.
 */
ARC_EXTERN int64_t arc_application_amount(const arc_application *application);

/**
 * The date from which the application counts.
 *
 * @param application The application, or NULL.
 * @return The date; #ARC_DATE_NONE for a NULL @p application.
 */
ARC_EXTERN arc_date arc_application_applied_on(const arc_application *application);

/**
 * When the application was undone (its payment reversed or its memo voided).
 *
 * @param application The application, or NULL.
 * @return The date, or #ARC_DATE_NONE while in force or for a NULL
 *         @p application.
 */
ARC_EXTERN arc_date arc_application_reversed_on(const arc_application *application);

/** @} */

#ifdef __cplusplus
}
#endif

#endif
