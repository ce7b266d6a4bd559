/**
 * @file arcollect/aging.h
 * @brief Receivables aging: what is owed, by how long past due, as of a date.
 *
 * An aging report sums the balances that issued invoices had on the as-of
 * date, per customer and currency and in total per currency, into buckets by
 * days past due (as-of date minus due date). With bucket edges e1 < e2 < ...
 * < en the buckets are: current (not yet due, 0 days or fewer), 1 to e1, e1+1
 * to e2, ..., and over en days. The default edges 30, 60, 90 give current,
 * 1-30, 31-60, 61-90 and over 90.
 *
 * Balances are historical: an invoice paid after the as-of date is counted
 * with the balance it had that day, and one issued after it is not counted.
 * Amounts of different currencies are never added together.
 */
#ifndef ARCOLLECT_AGING_H
#define ARCOLLECT_AGING_H

#include "db.h"

#ifdef __cplusplus
extern "C" {
#endif

/** An aging report. Opaque; free with arc_aging_free(). */
typedef struct arc_aging arc_aging;

/** Most bucket edges an aging report accepts. */
#define ARC_AGING_MAX_EDGES 14

/** Flags for arc_aging_opts::flags. */
enum arc_aging_flags {
    /** Keep only the totals per currency, not a row per customer. */
    ARC_AGING_TOTALS_ONLY = 1u << 0,
    /**
     * Also count the part of each balance under open disputes (see
     * arc_aging_row_disputed()). A dispute counts on the as-of date when it
     * was opened on or before it and not resolved by it; an invoice's
     * disputed part is at most its balance.
     */
    ARC_AGING_SPLIT_DISPUTED = 1u << 1
};

/** Version of #arc_aging_opts that this header describes. */
#define ARC_AGING_OPTS_VERSION 1

/** What to age. Initialise with #ARC_AGING_OPTS_INIT. */
typedef struct arc_aging_opts {
    unsigned int version; /**< #ARC_AGING_OPTS_VERSION. */
    arc_date as_of;       /**< #ARC_DATE_NONE for today. */
    const int32_t
        *bucket_edges;        /**< Ascending positive day counts; NULL for 30, 60, 90. */
    size_t bucket_edge_count; /**< 1 to #ARC_AGING_MAX_EDGES when edges are given. */
    arc_id customer_id;       /**< Only this customer; 0 for all. */
    const char *currency;     /**< Only this currency; NULL for all. */
    unsigned int flags;       /**< Bitwise or of #arc_aging_flags. */
} arc_aging_opts;

/** Initialiser for #arc_aging_opts: every customer, today, default buckets. */
#define ARC_AGING_OPTS_INIT                                                              \
    {                                                                                    \
        ARC_AGING_OPTS_VERSION, ARC_DATE_NONE, NULL, 0, 0, NULL, 0                       \
    }

/**
 * Compute an aging report.
 *
 * Memory use grows with the number of customers reported (none with
 * #ARC_AGING_TOTALS_ONLY) and not with the number of invoices.
 *
 * @param[out] out Receives a new report; free it with arc_aging_free().
 * @param db       The book.
 * @param opts     What to age, or NULL for every customer today.
 * @return #ARC_OK; #ARC_EINVAL for edges that are not ascending and
 *         positive, a bad edge count, date or flag, an unknown currency, or a
 *         NULL @p out or @p db; #ARC_ENOTFOUND for an unknown customer;
 *         #ARC_EOVERFLOW when a sum does not fit; #ARC_EVERSION; #ARC_ENOMEM;
 *         #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_aging_compute(arc_aging **out, arc_db *db, const arc_aging_opts *opts);

/**
 * Free a report and the strings borrowed from it.
 *
 * @param aging The report, or NULL (ignored).
 */
ARC_EXTERN void arc_aging_free(arc_aging *aging);

/**
 * The date the report is as of.
 *
 * @param aging The report, or NULL.
 * @return The as-of date (today's when none was asked for); #ARC_DATE_NONE for a
 *         NULL @p aging.
 */
ARC_EXTERN arc_date arc_aging_as_of(const arc_aging *aging);

/**
 * Number of buckets: the edge count plus 2.
 *
 * @param aging The report, or NULL.
 * @return The count (5 with the default edges); 0 for a NULL @p aging.
 */
ARC_EXTERN size_t arc_aging_bucket_count(const arc_aging *aging);

/**
 * A bucket's label: "current", "1-30", ..., "over 90".
 *
 * @param aging  The report, or NULL.
 * @param bucket 0 to arc_aging_bucket_count() - 1; 0 is "current".
 * @return A string owned by the report, valid until it is freed; NULL when
 *         @p bucket is out of range or @p aging is NULL.
 */
ARC_EXTERN const char *arc_aging_bucket_label(const arc_aging *aging, size_t bucket);

/**
 * Number of customer rows: one per customer and currency with a balance.
 *
 * @param aging The report, or NULL.
 * @return The count; 0 with #ARC_AGING_TOTALS_ONLY and for a NULL @p aging.
 */
ARC_EXTERN size_t arc_aging_row_count(const arc_aging *aging);

/**
 * The customer of a row. Rows come in ascending customer id, then currency.
 *
 * @param aging The report, or NULL.
 * @param row   0 to arc_aging_row_count() - 1.
 * @return The customer's id; 0 when @p row is out of range or @p aging is NULL.
 */
ARC_EXTERN arc_id arc_aging_row_customer_id(const arc_aging *aging, size_t row);

/**
 * The currency of a row.
 *
 * @param aging The report, or NULL.
 * @param row   0 to arc_aging_row_count() - 1.
 * @return The ISO 4217 code, borrowed from the report and valid until it is
 *         freed; NULL when @p row is out of range or @p aging is NULL.
 */
ARC_EXTERN const char *arc_aging_row_currency(const arc_aging *aging, size_t row);

/**
 * The row's amount in one bucket.
 *
 * @param aging  The report, or NULL.
 * @param row    0 to arc_aging_row_count() - 1.
 * @param bucket 0 to arc_aging_bucket_count() - 1.
 * @return The amount in minor units of the row's currency; 0 when @p row or
 *         @p bucket is out of range or @p aging is NULL.
 */
ARC_EXTERN int64_t arc_aging_row_amount(const arc_aging *aging, size_t row,
                                        size_t bucket);

/**
 * The row's total over all buckets.
 *
 * @param aging The report, or NULL.
 * @param row   0 to arc_aging_row_count() - 1.
 * @return The total in minor units of the row's currency; 0 when @p row is out
 *         of range or @p aging is NULL.
 */
ARC_EXTERN int64_t arc_aging_row_total(const arc_aging *aging, size_t row);

/**
 * The number of invoices counted in the row: those with a balance on the as-of
 * date.
 *
 * @param aging The report, or NULL.
 * @param row   0 to arc_aging_row_count() - 1.
 * @return The count; 0 when @p row is out of range or @p aging is NULL.
 */
ARC_EXTERN size_t arc_aging_row_invoice_count(const arc_aging *aging, size_t row);

/**
 * Number of currencies with a balance, each with its totals.
 *
 * @param aging The report, or NULL.
 * @return The count; 0 for a NULL @p aging.
 */
ARC_EXTERN size_t arc_aging_currency_count(const arc_aging *aging);

/**
 * The i-th currency of the totals, in alphabetical order.
 *
 * @param aging The report, or NULL.
 * @param index 0 to arc_aging_currency_count() - 1.
 * @return The ISO 4217 code, borrowed from the report and valid until it is
 *         freed; NULL when @p index is out of range or @p aging is NULL.
 */
ARC_EXTERN const char *arc_aging_currency_at(const arc_aging *aging, size_t index);

/**
 * The total of one bucket in the i-th currency, over every customer reported.
 *
 * @param aging          The report, or NULL.
 * @param currency_index 0 to arc_aging_currency_count() - 1.
 * @param bucket         0 to arc_aging_bucket_count() - 1.
 * @return The amount in minor units of that currency; 0 when an index is out of
 *         range or @p aging is NULL.
 */
ARC_EXTERN int64_t arc_aging_total_amount(const arc_aging *aging, size_t currency_index,
                                          size_t bucket);

/**
 * The total over all buckets in the i-th currency.
 *
 * @param aging          The report, or NULL.
 * @param currency_index 0 to arc_aging_currency_count() - 1.
 * @return The amount in minor units of that currency; 0 when @p currency_index
 *         is out of range or @p aging is NULL.
 */
ARC_EXTERN int64_t arc_aging_total(const arc_aging *aging, size_t currency_index);

/**
 * The number of invoices counted in the i-th currency: those with a balance on
 * the as-of date.
 *
 * @param aging          The report, or NULL.
 * @param currency_index 0 to arc_aging_currency_count() - 1.
 * @return The count; 0 when @p currency_index is out of range or @p aging is
 *         NULL.
 */
ARC_EXTERN size_t arc_aging_total_invoice_count(const arc_aging *aging,
                                                size_t currency_index);

/**
 * The part of a row's amount in one bucket that is under open disputes; the
 * undisputed part is arc_aging_row_amount() less this.
 *
 * @param aging  The report, computed with #ARC_AGING_SPLIT_DISPUTED.
 * @param row    0 to arc_aging_row_count() - 1.
 * @param bucket 0 to arc_aging_bucket_count() - 1.
 * @return The disputed amount in minor units; 0 when out of range, when
 *         @p aging is NULL, or when the report was not split.
 */
ARC_EXTERN int64_t arc_aging_row_disputed(const arc_aging *aging, size_t row,
                                          size_t bucket);

/**
 * The part of a currency's total in one bucket that is under open disputes.
 *
 * @param aging          The report, computed with #ARC_AGING_SPLIT_DISPUTED.
 * @param currency_index 0 to arc_aging_currency_count() - 1.
 * @param bucket         0 to arc_aging_bucket_count() - 1.
 * @return The disputed amount in minor units; 0 when out of range, when
 *         @p aging is NULL, or when the report was not split.
 */
ARC_EXTERN int64_t arc_aging_total_disputed(const arc_aging *aging, size_t currency_index,
                                            size_t bucket);

#ifdef __cplusplus
}
#endif

#endif
