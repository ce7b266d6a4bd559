/**
 * @file arcollect/invoice.h
 * @brief Invoices, their lines, totals and lifecycle.
 *
 * ## Lifecycle
 *
 * An invoice is created as a #ARC_INVOICE_DRAFT, which may still gain lines
 * or be deleted. arc_invoice_issue() makes it #ARC_INVOICE_OPEN; from then on
 * it is immutable except through these transitions:
 *
 * - payments and credit memos applied to it make it
 *   #ARC_INVOICE_PARTIALLY_PAID and then #ARC_INVOICE_PAID; reversing them
 *   moves it back;
 * - arc_invoice_void() cancels an issued invoice that nothing has been
 *   applied to (#ARC_INVOICE_VOID);
 * - arc_invoice_write_off() gives up the unpaid balance of an open or
 *   partially paid invoice (#ARC_INVOICE_WRITTEN_OFF).
 *
 * Any other transition fails with #ARC_ECONFLICT and a message saying why.
 *
 * ## Rounding
 *
 * Quantities and tax rates are exact decimals. Each line's net amount is
 * quantity x unit price, and its tax is net x rate / 100; each is rounded to
 * the currency's minor unit on its own, half away from zero. The invoice's
 * subtotal is the sum of the rounded line nets, its tax the sum of the
 * rounded line taxes, and its total their sum. Sums never round.
 */
#ifndef ARCOLLECT_INVOICE_H
#define ARCOLLECT_INVOICE_H

#include "customer.h"

#ifdef __cplusplus
extern "C" {
#endif

/** An invoice read from a book, with its lines. Opaque; free with arc_invoice_free(). */
typedef struct arc_invoice arc_invoice;

/** One line of an invoice. Opaque; owned by its #arc_invoice. */
typedef struct arc_invoice_line arc_invoice_line;

/** A page of invoices from arc_invoice_list(). Opaque. */
typedef struct arc_invoice_page arc_invoice_page;

/** Invoice status. */
typedef enum arc_invoice_status {
    ARC_INVOICE_DRAFT = 0,          /**< Being prepared; not owed yet. */
    ARC_INVOICE_OPEN = 1,           /**< Issued; nothing applied to it. */
    ARC_INVOICE_PARTIALLY_PAID = 2, /**< Issued; part of the total settled. */
    ARC_INVOICE_PAID = 3,           /**< Settled in full by payments and credits. */
    ARC_INVOICE_VOID = 4,           /**< Cancelled; never owed. */
    ARC_INVOICE_WRITTEN_OFF = 5     /**< The unpaid balance was given up as bad debt. */
} arc_invoice_status;

/**
 * The lower-case name of an invoice status ("draft", "partially_paid"...).
 *
 * @return A static string, or NULL for a value that is not a status.
 */
ARC_EXTERN const char *arc_invoice_status_name(arc_invoice_status status);

/** Version of #arc_invoice_line_opts that this header describes. */
#define ARC_INVOICE_LINE_OPTS_VERSION 1

/** Maximum digits after the decimal point in a line quantity. */
#define ARC_QUANTITY_MAX_SCALE 6
/** Maximum digits after the decimal point in a tax rate (a percentage). */
#define ARC_TAX_RATE_MAX_SCALE 4

/** One invoice line to add. Initialise with #ARC_INVOICE_LINE_OPTS_INIT. */
typedef struct arc_invoice_line_opts {
    unsigned int version;    /**< #ARC_INVOICE_LINE_OPTS_VERSION. */
    const char *description; /**< Required, UTF-8. */
    const char *quantity;    /**< Exact positive decimal such as "1.5"; NULL for "1". */
    int64_t unit_price;      /**< Minor units of the invoice currency; not negative. */
    const char *tax_rate;    /**< Percentage such as "8.25", 0 to 100; NULL for none. */
    const char *item_code;   /**< The host's product or SKU code; optional. */
    arc_date period_start; /**< Start of the service period billed; or #ARC_DATE_NONE. */
    arc_date period_end;   /**< End of that period, inclusive; or #ARC_DATE_NONE. */
} arc_invoice_line_opts;

/** Initialiser for #arc_invoice_line_opts. */
#define ARC_INVOICE_LINE_OPTS_INIT                                                       \
    {                                                                                    \
        ARC_INVOICE_LINE_OPTS_VERSION, NULL, NULL, 0, NULL, NULL, ARC_DATE_NONE,         \
            ARC_DATE_NONE                                                                \
    }

/** Flags for arc_invoice_opts::flags. */
enum arc_invoice_flags {
    /** Issue the invoice as part of creating it, instead of leaving a draft. */
    ARC_INVOICE_CREATE_ISSUED = 1u << 0
};

/** Version of #arc_invoice_opts that this header describes. */
#define ARC_INVOICE_OPTS_VERSION 1

/** Maximum number of lines on one invoice. */
#define ARC_INVOICE_MAX_LINES 10000

/** A new invoice. Initialise with #ARC_INVOICE_OPTS_INIT. */
typedef struct arc_invoice_opts {
    unsigned int version; /**< #ARC_INVOICE_OPTS_VERSION. */
    arc_id customer_id;   /**< Required. */
    const char *number;   /**< Unique in the book; NULL to generate one. */
    const char *currency; /**< ISO 4217 code; NULL for the customer's. */
    arc_date issue_date;  /**< When issued; #ARC_DATE_NONE for the day of issue. */
    arc_date due_date;    /**< #ARC_DATE_NONE for issue date + customer's terms. */
    const char *memo;     /**< Free text printed on the invoice; optional. */
    const arc_invoice_line_opts
        *lines;         /**< Array of @ref line_count lines, all of one version. */
    size_t line_count;  /**< 0 to #ARC_INVOICE_MAX_LINES. */
    unsigned int flags; /**< Bitwise or of #arc_invoice_flags. */
} arc_invoice_opts;

/** Initialiser for #arc_invoice_opts. */
#define ARC_INVOICE_OPTS_INIT                                                            \
    {                                                                                    \
        ARC_INVOICE_OPTS_VERSION, 0, NULL, NULL, ARC_DATE_NONE, ARC_DATE_NONE, NULL,     \
            NULL, 0, 0                                                                   \
    }

/**
 * Create an invoice with its lines, as a draft or already issued.
 *
 * @param[out] out Receives the invoice's id; may be NULL.
 * @param db       The book.
 * @param opts     The invoice.
 * @return #ARC_OK; #ARC_EINVAL naming the field at fault ("line 2: quantity:
 *         ..."); #ARC_ENOTFOUND for an unknown customer; #ARC_EEXISTS for a
 *         number already used; #ARC_ECONFLICT to issue an invoice without
 *         lines or for a closed customer; #ARC_EOVERFLOW when a total does not
 *         fit; #ARC_EVERSION; #ARC_EBUSY; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_invoice_create(arc_id *out, arc_db *db, const arc_invoice_opts *opts);

/**
 * Add a line to a draft invoice.
 *
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_ECONFLICT when the invoice is not a
 *         draft; #ARC_EINVAL naming the field; #ARC_EOVERFLOW; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_invoice_add_line(arc_db *db, arc_id invoice_id,
                                    const arc_invoice_line_opts *line);

/**
 * Issue a draft invoice: it becomes owed and immutable.
 *
 * @param issue_date The issue date, or #ARC_DATE_NONE for the one given at
 *                   creation, else today. The due date, unless given at
 *                   creation, becomes issue date + the customer's terms.
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_ECONFLICT when the invoice is not a
 *         draft or has no lines, or the due date is before the issue date;
 *         #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_invoice_issue(arc_db *db, arc_id invoice_id, arc_date issue_date);

/**
 * Delete a draft invoice and its lines.
 *
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_ECONFLICT when the invoice was issued
 *         (void it instead); #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_invoice_delete(arc_db *db, arc_id invoice_id);

/**
 * Void an issued invoice that nothing has been applied to.
 *
 * @param void_date The date it stops being owed; #ARC_DATE_NONE for today.
 * @param reason    Why; optional UTF-8.
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_ECONFLICT when the invoice is a draft,
 *         already void or written off, or has payments or credits applied;
 *         #ARC_EINVAL; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_invoice_void(arc_db *db, arc_id invoice_id, arc_date void_date,
                                const char *reason);

/**
 * Write off the unpaid balance of an open or partially paid invoice.
 *
 * @param date   The date of the write-off; #ARC_DATE_NONE for today.
 * @param reason Why; optional UTF-8.
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_ECONFLICT when the invoice is not
 *         open or partially paid; #ARC_EINVAL; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_invoice_write_off(arc_db *db, arc_id invoice_id, arc_date date,
                                     const char *reason);

/**
 * Read an invoice and its lines by id.
 *
 * @param[out] out Receives a new handle; free it with arc_invoice_free().
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_ENOMEM; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_invoice_lookup(arc_invoice **out, arc_db *db, arc_id id);

/**
 * Read an invoice and its lines by number.
 *
 * @param[out] out Receives a new handle; free it with arc_invoice_free().
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_EINVAL for a NULL number;
 *         #ARC_ENOMEM; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_invoice_lookup_number(arc_invoice **out, arc_db *db,
                                         const char *number);

/** Free an invoice handle and its lines. NULL is ignored. */
ARC_EXTERN void arc_invoice_free(arc_invoice *invoice);

/** @name Invoice accessors
 * Amounts are in minor units of the invoice's currency. Dates are
 * #ARC_DATE_NONE while unset (a draft's issue date). Strings are borrowed.
 * @{ */
ARC_EXTERN arc_id arc_invoice_id(const arc_invoice *invoice);
ARC_EXTERN const char *arc_invoice_number(const arc_invoice *invoice);
ARC_EXTERN arc_id arc_invoice_customer_id(const arc_invoice *invoice);
ARC_EXTERN arc_invoice_status arc_invoice_status_of(const arc_invoice *invoice);
ARC_EXTERN const char *arc_invoice_currency(const arc_invoice *invoice);
ARC_EXTERN arc_date arc_invoice_issue_date(const arc_invoice *invoice);
ARC_EXTERN arc_date arc_invoice_due_date(const arc_invoice *invoice);
ARC_EXTERN const char *arc_invoice_memo(const arc_invoice *invoice);
ARC_EXTERN int64_t arc_invoice_subtotal(const arc_invoice *invoice);
ARC_EXTERN int64_t arc_invoice_tax(const arc_invoice *invoice);
ARC_EXTERN int64_t arc_invoice_total(const arc_invoice *invoice);
/** What payments and credit memos currently settle of the total. */
ARC_EXTERN int64_t arc_invoice_amount_paid(const arc_invoice *invoice);
/** What is still owed: total - paid - written off (0 when void). */
ARC_EXTERN int64_t arc_invoice_balance(const arc_invoice *invoice);
ARC_EXTERN size_t arc_invoice_line_count(const arc_invoice *invoice);
/** The i-th line, borrowed from the invoice; NULL when out of range. */
ARC_EXTERN const arc_invoice_line *arc_invoice_line_at(const arc_invoice *invoice,
                                                       size_t index);
/** @} */

/** @name Invoice line accessors
 * @{ */
ARC_EXTERN const char *arc_invoice_line_description(const arc_invoice_line *line);
/** The quantity as a canonical decimal string ("1.5", "3"). */
ARC_EXTERN const char *arc_invoice_line_quantity(const arc_invoice_line *line);
ARC_EXTERN int64_t arc_invoice_line_unit_price(const arc_invoice_line *line);
/** The tax rate as a canonical decimal percentage ("8.25", "0"). */
ARC_EXTERN const char *arc_invoice_line_tax_rate(const arc_invoice_line *line);
ARC_EXTERN const char *arc_invoice_line_item_code(const arc_invoice_line *line);
ARC_EXTERN arc_date arc_invoice_line_period_start(const arc_invoice_line *line);
ARC_EXTERN arc_date arc_invoice_line_period_end(const arc_invoice_line *line);
/** Quantity x unit price, rounded. */
ARC_EXTERN int64_t arc_invoice_line_net(const arc_invoice_line *line);
/** Net x rate / 100, rounded. */
ARC_EXTERN int64_t arc_invoice_line_tax(const arc_invoice_line *line);
/** @} */

/**
 * List invoices, a page at a time, in ascending id order.
 * @ref arc_list_opts::customer_id and @ref arc_list_opts::status (an
 * #arc_invoice_status) filter the list.
 *
 * @param[out] out Receives a new page; free it with arc_invoice_page_free().
 * @return #ARC_OK; #ARC_EINVAL for a bad limit or status; #ARC_ENOMEM;
 *         #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_invoice_list(arc_invoice_page **out, arc_db *db,
                                const arc_list_opts *opts);

/** Number of invoices in a page. */
ARC_EXTERN size_t arc_invoice_page_count(const arc_invoice_page *page);

/**
 * The i-th invoice of a page, borrowed from the page; NULL when out of
 * range. Invoices in a page carry no lines: use arc_invoice_lookup().
 */
ARC_EXTERN const arc_invoice *arc_invoice_page_at(const arc_invoice_page *page,
                                                  size_t index);

/** Free a page of invoices. NULL is ignored. */
ARC_EXTERN void arc_invoice_page_free(arc_invoice_page *page);

#ifdef __cplusplus
}
#endif

#endif
