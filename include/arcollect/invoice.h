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
 * @param status A value of #arc_invoice_status.
 * @return A static string owned by the library, or NULL for a value that is not a
 *         status.
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
 * Add a line to a draft invoice, updating its totals.
 *
 * @param db         The book.
 * @param invoice_id The draft invoice.
 * @param line       The line to add; its strings are copied.
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_ECONFLICT when the invoice is not a
 *         draft or already has #ARC_INVOICE_MAX_LINES lines; #ARC_EINVAL naming
 *         the field, or for a NULL @p db or @p line; #ARC_EVERSION;
 *         #ARC_EOVERFLOW; #ARC_EBUSY; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_invoice_add_line(arc_db *db, arc_id invoice_id,
                                    const arc_invoice_line_opts *line);

/**
 * Issue a draft invoice: it becomes owed and immutable.
 *
 * @param db         The book.
 * @param invoice_id The draft invoice.
 * @param issue_date The issue date, or #ARC_DATE_NONE for the one given at
 *                   creation, else today. The due date, unless given at
 *                   creation, becomes issue date + the customer's terms.
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_ECONFLICT when the invoice is not a
 *         draft or has no lines, the customer is closed, or the due date is
 *         before the issue date; #ARC_EINVAL for a NULL @p db or an invalid date;
 *         #ARC_EBUSY; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_invoice_issue(arc_db *db, arc_id invoice_id, arc_date issue_date);

/**
 * Delete a draft invoice and its lines.
 *
 * @param db         The book.
 * @param invoice_id The draft invoice.
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_ECONFLICT when the invoice was issued
 *         (void it instead); #ARC_EINVAL for a NULL @p db; #ARC_EBUSY;
 *         #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_invoice_delete(arc_db *db, arc_id invoice_id);

/**
 * Void an issued invoice that nothing has been applied to.
 *
 * @param db         The book.
 * @param invoice_id The invoice.
 * @param void_date  The date it stops being owed; #ARC_DATE_NONE for today. Not
 *                   before the issue date.
 * @param reason     Why; optional UTF-8, copied.
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_ECONFLICT when the invoice is a draft,
 *         already void or written off, or has payments or credits applied;
 *         #ARC_EINVAL; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_invoice_void(arc_db *db, arc_id invoice_id, arc_date void_date,
                                const char *reason);

/**
 * Write off the unpaid balance of an open or partially paid invoice.
 *
 * @param db         The book.
 * @param invoice_id The invoice.
 * @param date       The date of the write-off; #ARC_DATE_NONE for today. Not
 *                   before the issue date.
 * @param reason     Why; optional UTF-8, copied.
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_ECONFLICT when the invoice is not
 *         open or partially paid; #ARC_EINVAL; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_invoice_write_off(arc_db *db, arc_id invoice_id, arc_date date,
                                     const char *reason);

/**
 * Read an invoice and its lines by id.
 *
 * @param[out] out Receives a new handle; free it with arc_invoice_free().
 * @param db       The book.
 * @param id       The invoice's id.
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_EINVAL for a NULL @p out or @p db;
 *         #ARC_ENOMEM; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_invoice_lookup(arc_invoice **out, arc_db *db, arc_id id);

/**
 * Read an invoice and its lines by number.
 *
 * @param[out] out Receives a new handle; free it with arc_invoice_free().
 * @param db       The book.
 * @param number   The invoice number, such as "INV-000042".
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_EINVAL for a NULL @p out, @p db or
 *         @p number; #ARC_ENOMEM; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_invoice_lookup_number(arc_invoice **out, arc_db *db,
                                         const char *number);

/**
 * Free an invoice handle from arc_invoice_lookup() or arc_invoice_lookup_number(),
 * with its lines and the strings borrowed from them. Invoices of a page are freed
 * with the page, by arc_invoice_page_free().
 *
 * @param invoice The handle, or NULL (ignored).
 */
ARC_EXTERN void arc_invoice_free(arc_invoice *invoice);

/** @name Invoice accessors
 * Read the fields of an invoice handle. Amounts are in minor units of the
 * invoice's currency. Dates are #ARC_DATE_NONE while unset (a draft's issue
 * date). Each accepts NULL and then returns 0, NULL, #ARC_DATE_NONE or the value
 * it names. Strings are borrowed from the handle and stay valid until it is
 * freed (with its page, for an invoice from arc_invoice_page_at()).
 * @{ */

/**
 * The invoice's id.
 *
 * @param invoice The invoice, or NULL.
 * @return The id, positive; 0 for a NULL @p invoice.
 */
ARC_EXTERN arc_id arc_invoice_id(const arc_invoice *invoice);

/**
 * The invoice's number, given or generated, unique in the book.
 *
 * @param invoice The invoice, or NULL.
 * @return The number, borrowed from @p invoice and valid until it is freed; NULL
 *         for a NULL @p invoice.
 */
ARC_EXTERN const char *arc_invoice_number(const arc_invoice *invoice);

/**
 * The customer billed.
 *
 * @param invoice The invoice, or NULL.
 * @return The customer's id; 0 for a NULL @p invoice.
 */
ARC_EXTERN arc_id arc_invoice_customer_id(const arc_invoice *invoice);

/**
 * The invoice's status.
 *
 * @param invoice The invoice, or NULL.
 * @return The status; #ARC_INVOICE_DRAFT for a NULL @p invoice.
 */
ARC_EXTERN arc_invoice_status arc_invoice_status_of(const arc_invoice *invoice);

/**
 * The ISO 4217 code of the invoice's currency.
 *
 * @param invoice The invoice, or NULL.
 * @return The code, borrowed from @p invoice and valid until it is freed; NULL
 *         for a NULL @p invoice.
 */
ARC_EXTERN const char *arc_invoice_currency(const arc_invoice *invoice);

/**
 * The date the invoice was issued.
 *
 * @param invoice The invoice, or NULL.
 * @return The date; for a draft, the issue date given at creation or
 *         #ARC_DATE_NONE; #ARC_DATE_NONE for a NULL @p invoice.
 */
ARC_EXTERN arc_date arc_invoice_issue_date(const arc_invoice *invoice);

/**
 * The date payment is due.
 *
 * @param invoice The invoice, or NULL.
 * @return The date; for a draft, the due date given at creation or
 *         #ARC_DATE_NONE; #ARC_DATE_NONE for a NULL @p invoice.
 */
ARC_EXTERN arc_date arc_invoice_due_date(const arc_invoice *invoice);

/**
 * The free text printed on the invoice.
 *
 * @param invoice The invoice, or NULL.
 * @return The memo, borrowed from @p invoice and valid until it is freed; NULL
 *         when unset or for a NULL @p invoice.
 */
ARC_EXTERN const char *arc_invoice_memo(const arc_invoice *invoice);

/**
 * The sum of the rounded line nets, before tax.
 *
 * @param invoice The invoice, or NULL.
 * @return The subtotal in minor units; 0 for a NULL @p invoice.
 */
ARC_EXTERN int64_t arc_invoice_subtotal(const arc_invoice *invoice);

/**
 * The sum of the rounded line taxes.
 *
 * @param invoice The invoice, or NULL.
 * @return The tax in minor units; 0 for a NULL @p invoice.
 */
ARC_EXTERN int64_t arc_invoice_tax(const arc_invoice *invoice);

/**
 * What the invoice bills: subtotal + tax.
 *
 * @param invoice The invoice, or NULL.
 * @return The total in minor units; 0 for a NULL @p invoice.
 */
ARC_EXTERN int64_t arc_invoice_total(const arc_invoice *invoice);

/**
 * What payments and credit memos currently settle of the total. Applications
 * later reversed no longer count.
 *
 * @param invoice The invoice, or NULL.
 * @return The amount in minor units; 0 for a NULL @p invoice.
 */
ARC_EXTERN int64_t arc_invoice_amount_paid(const arc_invoice *invoice);

/**
 * What is still owed: total - paid - written off (0 when void).
 *
 * @param invoice The invoice, or NULL.
 * @return The balance in minor units; 0 for a draft, which is not owed yet, and
 *         for a NULL @p invoice.
 */
ARC_EXTERN int64_t arc_invoice_balance(const arc_invoice *invoice);

/**
 * The number of lines of the invoice.
 *
 * @param invoice The invoice, or NULL.
 * @return The count; 0 for an invoice from a page (pages carry no lines) and for
 *         a NULL @p invoice.
 */
ARC_EXTERN size_t arc_invoice_line_count(const arc_invoice *invoice);

/**
 * The i-th line of the invoice, in the order the lines were added.
 *
 * @param invoice The invoice, or NULL.
 * @param index   0 to arc_invoice_line_count() - 1.
 * @return The line, borrowed from @p invoice and valid until it is freed; NULL
 *         when @p index is out of range or @p invoice is NULL.
 */
ARC_EXTERN const arc_invoice_line *arc_invoice_line_at(const arc_invoice *invoice,
                                                       size_t index);

/** @} */

/** @name Invoice line accessors
 * Read the fields of an invoice line. Amounts are in minor units of the
 * invoice's currency. Each accepts NULL and then returns 0, NULL or
 * #ARC_DATE_NONE. Strings are borrowed from the invoice the line belongs to and
 * stay valid until that invoice is freed.
 * @{ */

/**
 * What the line bills for.
 *
 * @param line The line, or NULL.
 * @return The description, borrowed from the line's invoice and valid until it is
 *         freed; NULL for a NULL @p line.
 */
ARC_EXTERN const char *arc_invoice_line_description(const arc_invoice_line *line);

/**
 * The quantity as a canonical decimal string ("1.5", "3").
 *
 * @param line The line, or NULL.
 * @return The quantity, borrowed from the line's invoice and valid until it is
 *         freed; NULL for a NULL @p line.
 */
ARC_EXTERN const char *arc_invoice_line_quantity(const arc_invoice_line *line);

/**
 * The price of one unit.
 *
 * @param line The line, or NULL.
 * @return The unit price in minor units, not negative; 0 for a NULL @p line.
 */
ARC_EXTERN int64_t arc_invoice_line_unit_price(const arc_invoice_line *line);

/**
 * The tax rate as a canonical decimal percentage ("8.25", "0").
 *
 * @param line The line, or NULL.
 * @return The rate, borrowed from the line's invoice and valid until it is freed;
 *         NULL for a NULL @p line.
 */
ARC_EXTERN const char *arc_invoice_line_tax_rate(const arc_invoice_line *line);

/**
 * The host's product or SKU code.
 *
 * @param line The line, or NULL.
 * @return The code, borrowed from the line's invoice and valid until it is freed;
 *         NULL when unset or for a NULL @p line.
 */
ARC_EXTERN const char *arc_invoice_line_item_code(const arc_invoice_line *line);

/**
 * The first day of the service period billed.
 *
 * @param line The line, or NULL.
 * @return The date; #ARC_DATE_NONE when unset or for a NULL @p line.
 */
ARC_EXTERN arc_date arc_invoice_line_period_start(const arc_invoice_line *line);

/**
 * The last day, inclusive, of the service period billed.
 *
 * @param line The line, or NULL.
 * @return The date; #ARC_DATE_NONE when unset or for a NULL @p line.
 */
ARC_EXTERN arc_date arc_invoice_line_period_end(const arc_invoice_line *line);

/**
 * Quantity x unit price, rounded half away from zero to the minor unit.
 *
 * @param line The line, or NULL.
 * @return The net amount in minor units; 0 for a NULL @p line.
 */
ARC_EXTERN int64_t arc_invoice_line_net(const arc_invoice_line *line);

/**
 * Net x rate / 100, rounded half away from zero to the minor unit.
 *
 * @param line The line, or NULL.
 * @return The tax in minor units; 0 for a NULL @p line.
 */
ARC_EXTERN int64_t arc_invoice_line_tax(const arc_invoice_line *line);

/** @} */

/**
 * List invoices, a page at a time, in ascending id order.
 * @ref arc_list_opts::customer_id and @ref arc_list_opts::status (an
 * #arc_invoice_status) filter the list.
 *
 * @param[out] out Receives a new page; free it with arc_invoice_page_free().
 * @param db       The book.
 * @param opts     Paging and filters, or NULL for the first page of all.
 * @return #ARC_OK (an empty page is a success); #ARC_EINVAL for a NULL @p out or
 *         @p db, a bad limit or status or a negative id; #ARC_EVERSION;
 *         #ARC_ENOMEM; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_invoice_list(arc_invoice_page **out, arc_db *db,
                                const arc_list_opts *opts);

/**
 * Number of invoices in a page.
 *
 * @param page The page, or NULL.
 * @return The count; 0 for a NULL @p page.
 */
ARC_EXTERN size_t arc_invoice_page_count(const arc_invoice_page *page);

/**
 * The i-th invoice of a page. Invoices in a page carry no lines: use
 * arc_invoice_lookup() to read them.
 *
 * @param page  The page, or NULL.
 * @param index 0 to arc_invoice_page_count() - 1.
 * @return The invoice, borrowed from @p page and valid until the page is freed
 *         (do not pass it to arc_invoice_free()); NULL when @p index is out of
 *         range or @p page is NULL.
 */
ARC_EXTERN const arc_invoice *arc_invoice_page_at(const arc_invoice_page *page,
                                                  size_t index);

/**
 * Free a page of invoices, and the invoices in it.
 *
 * @param page The page, or NULL (ignored).
 */
ARC_EXTERN void arc_invoice_page_free(arc_invoice_page *page);

#ifdef __cplusplus
}
#endif

#endif
