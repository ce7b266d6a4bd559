/**
 * @file arcollect/reason_code.h
 * @brief The book's catalog of dispute reason codes.
 *
 * Every dispute carries a reason code, so that the causes of disputes can be
 * counted and fixed. A new book is seeded with codes that fit IT providers:
 *
 * | code | label | category |
 * |---|---|---|
 * | PRICING | Pricing differs from contract | pricing |
 * | QUANTITY | Licence or seat quantity mismatch | quantity |
 * | NOT_DELIVERED | Service not delivered | service |
 * | SLA_CREDIT | SLA breach or outage credit expected | service |
 * | OPEN_TICKET | Unresolved support ticket | support |
 * | UNAPPROVED | Upgrade or add-on not approved | authorization |
 * | AFTER_CANCEL | Billed after cancellation | billing |
 * | DUPLICATE | Duplicate charge | billing |
 * | PO_MISSING | Purchase order or reference missing | administrative |
 * | TAX_ERROR | Tax error | billing |
 * | BILLING_DETAILS | Billing details wrong (entity, address) | administrative |
 * | OTHER | Other | other |
 *
 * Hosts can add codes, relabel them and deactivate them. A code is 1 to 32
 * characters from A-Z, 0-9 and '_'; codes are unique in a book.
 */
#ifndef ARCOLLECT_REASON_CODE_H
#define ARCOLLECT_REASON_CODE_H

#include "db.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A reason code read from a book. Opaque; owned by its #arc_reason_code_page. */
typedef struct arc_reason_code arc_reason_code;

/** The reason codes of a book, from arc_reason_code_list(). Opaque. */
typedef struct arc_reason_code_page arc_reason_code_page;

/** Longest reason code, in bytes. */
#define ARC_REASON_CODE_MAX 32

/** Version of #arc_reason_code_opts that this header describes. */
#define ARC_REASON_CODE_OPTS_VERSION 1

/**
 * Fields of a reason code, for arc_reason_code_add() and
 * arc_reason_code_update(). Initialise with #ARC_REASON_CODE_OPTS_INIT.
 * Strings are UTF-8 and are copied.
 */
typedef struct arc_reason_code_opts {
    unsigned int version;    /**< #ARC_REASON_CODE_OPTS_VERSION. */
    const char *code;        /**< The code, such as "SLA_CREDIT"; required when adding. */
    const char *label;       /**< Short human name, up to 200 bytes; required. */
    const char *category;    /**< Group for reports, such as "billing"; up to 64 bytes. */
    const char *description; /**< When to use the code; optional, up to 2000 bytes. */
} arc_reason_code_opts;

/** Initialiser for #arc_reason_code_opts. */
#define ARC_REASON_CODE_OPTS_INIT                                                        \
    {                                                                                    \
        ARC_REASON_CODE_OPTS_VERSION, NULL, NULL, NULL, NULL                             \
    }

/**
 * Add a reason code to the book's catalog, active.
 *
 * @param db   The book.
 * @param opts The code's fields; @ref arc_reason_code_opts::category
 *             defaults to "other".
 * @return #ARC_OK; #ARC_EINVAL naming the field (a code with other
 *         characters, a missing label, invalid UTF-8...); #ARC_EEXISTS when
 *         the code is taken; #ARC_EVERSION; #ARC_EBUSY; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_reason_code_add(arc_db *db, const arc_reason_code_opts *opts);

/**
 * Relabel a reason code: set its label, category and description. The code
 * itself cannot change, since disputes refer to it.
 *
 * @param db   The book.
 * @param code The code to change.
 * @param opts New label (required), category (NULL keeps it) and
 *             description (NULL keeps it, "" clears it);
 *             @ref arc_reason_code_opts::code is ignored.
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_EINVAL naming the field;
 *         #ARC_EVERSION; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_reason_code_update(arc_db *db, const char *code,
                                      const arc_reason_code_opts *opts);

/**
 * Activate or deactivate a reason code. An inactive code stays on the
 * disputes that use it but cannot be given to new ones.
 *
 * @param db     The book.
 * @param code   The code.
 * @param active 1 to activate, 0 to deactivate.
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_EINVAL for a NULL code;
 *         #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_reason_code_set_active(arc_db *db, const char *code, int active);

/**
 * Delete a reason code that no dispute and no escalation rule uses.
 *
 * @param db   The book.
 * @param code The code.
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_ECONFLICT when a dispute or an
 *         escalation rule (arcollect/automation.h) uses it (deactivate it
 *         instead); #ARC_EINVAL for a NULL code;
 *         #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_reason_code_delete(arc_db *db, const char *code);

/**
 * List the catalog in code order.
 *
 * @param[out] out          Receives a new page; free it with
 *                          arc_reason_code_page_free().
 * @param db                The book.
 * @param include_inactive  1 to list inactive codes too, 0 for active ones only.
 * @return #ARC_OK; #ARC_EINVAL for a NULL @p out or @p db; #ARC_ENOMEM;
 *         #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_reason_code_list(arc_reason_code_page **out, arc_db *db,
                                    int include_inactive);

/**
 * Find one code in a page.
 *
 * @param page The page.
 * @param code The code to find.
 * @return The reason code, borrowed from the page, or NULL when the page has
 *         no such code.
 */
ARC_EXTERN const arc_reason_code *
arc_reason_code_page_find(const arc_reason_code_page *page, const char *code);

/**
 * The number of reason codes in a page.
 *
 * @param page The page; NULL counts as empty.
 * @return The count.
 */
ARC_EXTERN size_t arc_reason_code_page_count(const arc_reason_code_page *page);

/**
 * The i-th reason code of a page.
 *
 * @param page  The page.
 * @param index 0 to arc_reason_code_page_count() - 1.
 * @return The reason code, borrowed from the page and valid until it is
 *         freed; NULL when @p page is NULL or @p index is out of range.
 */
ARC_EXTERN const arc_reason_code *
arc_reason_code_page_at(const arc_reason_code_page *page, size_t index);

/**
 * Free a page of reason codes and the codes in it.
 *
 * @param page The page; NULL is ignored.
 */
ARC_EXTERN void arc_reason_code_page_free(arc_reason_code_page *page);

/** @name Reason code accessors
 * Read the fields of a reason code. Each accepts NULL and then returns NULL or 0.
 * Strings are borrowed from the page the code came from and stay valid until
 * that page is freed.
 * @{ */

/**
 * The code itself, such as "SLA_CREDIT".
 *
 * @param reason The reason code, or NULL.
 * @return The code, borrowed from the page and valid until it is freed; NULL for
 *         a NULL @p reason.
 */
ARC_EXTERN const char *arc_reason_code_code(const arc_reason_code *reason);

/**
 * The short human name of the code.
 *
 * @param reason The reason code, or NULL.
 * @return The label, borrowed from the page and valid until it is freed; NULL
 *         for a NULL @p reason.
 */
ARC_EXTERN const char *arc_reason_code_label(const arc_reason_code *reason);

/**
 * The group the code is counted in by reports, such as "billing".
 *
 * @param reason The reason code, or NULL.
 * @return The category, borrowed from the page and valid until it is freed; NULL
 *         for a NULL @p reason.
 */
ARC_EXTERN const char *arc_reason_code_category(const arc_reason_code *reason);

/**
 * When to use the code.
 *
 * @param reason The reason code, or NULL.
 * @return The description, borrowed from the page and valid until it is freed;
 *         NULL when the code has none or for a NULL @p reason.
 */
ARC_EXTERN const char *arc_reason_code_description(const arc_reason_code *reason);

/**
 * Whether new disputes may use the code.
 *
 * @param reason The reason code, or NULL.
 * @return 1 for an active code; 0 for an inactive one and for a NULL @p reason.
 */
ARC_EXTERN int arc_reason_code_is_active(const arc_reason_code *reason);

/** @} */

#ifdef __cplusplus
}
#endif

#endif
