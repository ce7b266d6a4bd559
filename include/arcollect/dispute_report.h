/**
 * @file arcollect/dispute_report.h
 * @brief Dispute analytics: which reason codes, customers and months the
 * disputes of a period come from, and how they were settled.
 *
 * A dispute report counts the disputes opened in a period (on the date of
 * their opening instant, UTC) and groups them by reason code, by customer or
 * by month of opening. Each row of the report gives its group's number of
 * disputes, disputed amount, share of all disputes in the report, how many
 * were resolved, the mean and median days they took to resolve, and how they
 * were resolved. The report also gives the number of disputes and the
 * disputed amount over all its rows.
 *
 * ## Currency
 *
 * Amounts of different currencies are never added together, so a report
 * holds the disputes of one currency. Name it in
 * @ref arc_dispute_report_opts::currency; it may be left NULL only when every
 * dispute the report covers is in the same currency, and otherwise
 * arc_dispute_report_compute() fails with #ARC_EINVAL naming the field and
 * two of the currencies it found.
 *
 * ## Ranking
 *
 * Rows come in descending number of disputes; rows with as many disputes
 * come in descending disputed amount, and then in ascending key (reason
 * code, customer id or month).
 *
 * ## Figures without fractions
 *
 * The API has no floating point. Shares are integer basis points (1/100 of a
 * percent: 10000 is the whole report) and days to resolve are integer
 * hundredths of a day (250 is 2.50 days):
 *
 * - share = disputes of the row * 10000 / disputes of the report, rounded
 *   half away from zero (3 of 7 gives 4286). Rounded shares need not add up
 *   to exactly 10000.
 * - days to resolve a dispute = its resolution date minus the date it was
 *   opened, in whole days; a resolution dated before the opening counts as 0.
 * - mean = the sum of those days * 100 / the resolved count, rounded half away
 *   from zero.
 * - median = the middle value * 100 for an odd resolved count, and the two
 *   middle values added and multiplied by 50 for an even count (exact).
 *
 * Only disputes whose status is resolved count as resolved: a dispute that was
 * resolved and then reopened counts as not resolved.
 */
#ifndef ARCOLLECT_DISPUTE_REPORT_H
#define ARCOLLECT_DISPUTE_REPORT_H

#include "dispute.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A dispute report. Opaque; free with arc_dispute_report_free(). */
typedef struct arc_dispute_report arc_dispute_report;

/** What a dispute report's rows are. */
typedef enum arc_dispute_grouping {
    ARC_DISPUTE_GROUP_REASON_CODE = 0, /**< One row per reason code. */
    ARC_DISPUTE_GROUP_CUSTOMER = 1,    /**< One row per customer. */
    ARC_DISPUTE_GROUP_MONTH = 2        /**< One row per calendar month of opening. */
} arc_dispute_grouping;

/** Version of #arc_dispute_report_opts that this header describes. */
#define ARC_DISPUTE_REPORT_OPTS_VERSION 1

/** What a dispute report covers. Initialise with #ARC_DISPUTE_REPORT_OPTS_INIT. */
typedef struct arc_dispute_report_opts {
    unsigned int version;          /**< #ARC_DISPUTE_REPORT_OPTS_VERSION. */
    arc_dispute_grouping grouping; /**< What the rows are. */
    arc_date from;        /**< First opening date counted; #ARC_DATE_NONE for no limit. */
    arc_date to;          /**< Last opening date counted; #ARC_DATE_NONE for no limit. */
    arc_id customer_id;   /**< Only this customer's disputes; 0 for all. */
    const char *currency; /**< Only disputes in this currency; NULL for all. */
} arc_dispute_report_opts;

/** Initialiser for #arc_dispute_report_opts: every dispute, by reason code. */
#define ARC_DISPUTE_REPORT_OPTS_INIT                                                     \
    {                                                                                    \
        ARC_DISPUTE_REPORT_OPTS_VERSION, ARC_DISPUTE_GROUP_REASON_CODE, ARC_DATE_NONE,   \
            ARC_DATE_NONE, 0, NULL                                                       \
    }

/**
 * Compute a dispute report.
 *
 * Memory use grows with the number of rows, and with the number of resolved
 * disputes of the largest row (for its median), not with the number of
 * disputes in the book.
 *
 * @param[out] out Receives a new report; free it with arc_dispute_report_free().
 *                 Left unchanged on failure.
 * @param db       The book.
 * @param opts     What to report, or NULL for every dispute by reason code.
 * @return #ARC_OK; #ARC_EINVAL naming the field for an unknown grouping, a date
 *         that is not valid, @ref arc_dispute_report_opts::from after
 *         @ref arc_dispute_report_opts::to, a negative customer id, an unknown
 *         currency, no currency when the disputes covered are in several, or a
 *         NULL @p out or @p db; #ARC_ENOTFOUND for an unknown customer;
 *         #ARC_EVERSION for an unsupported
 *         @ref arc_dispute_report_opts::version; #ARC_EOVERFLOW when an amount
 *         does not fit; #ARC_ENOMEM; #ARC_EBUSY; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_dispute_report_compute(arc_dispute_report **out, arc_db *db,
                                          const arc_dispute_report_opts *opts);

/**
 * Free a report and the strings borrowed from it.
 *
 * @param report The report; NULL is ignored.
 */
ARC_EXTERN void arc_dispute_report_free(arc_dispute_report *report);

/**
 * The currency of every amount in the report.
 *
 * @param report The report, or NULL.
 * @return The ISO 4217 code, borrowed from the report and valid until it is
 *         freed: the currency asked for, else that of the disputes counted;
 *         NULL when neither exists (no currency asked for and no dispute
 *         counted) or @p report is NULL.
 */
ARC_EXTERN const char *arc_dispute_report_currency(const arc_dispute_report *report);

/**
 * The number of disputes in the report, over all its rows.
 *
 * @param report The report, or NULL.
 * @return The count; 0 for a NULL @p report.
 */
ARC_EXTERN size_t arc_dispute_report_total_count(const arc_dispute_report *report);

/**
 * The disputed amount of the report, over all its rows.
 *
 * @param report The report, or NULL.
 * @return The amount in minor units of arc_dispute_report_currency(); 0 for a
 *         NULL @p report.
 */
ARC_EXTERN int64_t arc_dispute_report_total_amount(const arc_dispute_report *report);

/**
 * The number of rows: one per reason code, customer or month with a dispute.
 *
 * @param report The report, or NULL.
 * @return The count; 0 for a NULL @p report.
 */
ARC_EXTERN size_t arc_dispute_report_row_count(const arc_dispute_report *report);

/**
 * The key of a row: the reason code ("PRICING"), the customer's id in decimal
 * ("42"), or the month of opening ("2026-03"), by the report's grouping.
 *
 * @param report The report, or NULL.
 * @param row    0 to arc_dispute_report_row_count() - 1.
 * @return A string borrowed from the report and valid until it is freed; NULL
 *         when @p row is out of range or @p report is NULL.
 */
ARC_EXTERN const char *arc_dispute_report_row_key(const arc_dispute_report *report,
                                                  size_t row);

/**
 * The label of a row's reason code, as the catalog has it when the report is
 * computed.
 *
 * @param report The report, or NULL.
 * @param row    0 to arc_dispute_report_row_count() - 1.
 * @return A string borrowed from the report and valid until it is freed; NULL
 *         in a report that is not grouped by reason code, when @p row is out of
 *         range, or when @p report is NULL.
 */
ARC_EXTERN const char *arc_dispute_report_row_label(const arc_dispute_report *report,
                                                    size_t row);

/**
 * The customer of a row, in a report grouped by customer.
 *
 * @param report The report, or NULL.
 * @param row    0 to arc_dispute_report_row_count() - 1.
 * @return The customer's id; 0 in a report grouped otherwise, when @p row is
 *         out of range, or when @p report is NULL.
 */
ARC_EXTERN arc_id arc_dispute_report_row_customer_id(const arc_dispute_report *report,
                                                     size_t row);

/**
 * The number of disputes in a row.
 *
 * @param report The report, or NULL.
 * @param row    0 to arc_dispute_report_row_count() - 1.
 * @return The count (at least 1); 0 when @p row is out of range or @p report
 *         is NULL.
 */
ARC_EXTERN size_t arc_dispute_report_row_dispute_count(const arc_dispute_report *report,
                                                       size_t row);

/**
 * The disputed amount of a row: the sum of its disputes' amounts.
 *
 * @param report The report, or NULL.
 * @param row    0 to arc_dispute_report_row_count() - 1.
 * @return The amount in minor units of arc_dispute_report_currency(); 0 when
 *         @p row is out of range or @p report is NULL.
 */
ARC_EXTERN int64_t arc_dispute_report_row_amount(const arc_dispute_report *report,
                                                 size_t row);

/**
 * A row's share of the disputes in the report, by count, in basis points,
 * rounded half away from zero.
 *
 * @param report The report, or NULL.
 * @param row    0 to arc_dispute_report_row_count() - 1.
 * @return 0 to 10000 (4286 for 3 disputes of 7; 0 for a row too small to reach
 *         half a basis point); 0 also when @p row is out of range or @p report is
 *         NULL.
 */
ARC_EXTERN int32_t arc_dispute_report_row_share_bp(const arc_dispute_report *report,
                                                   size_t row);

/**
 * The number of a row's disputes that are resolved.
 *
 * @param report The report, or NULL.
 * @param row    0 to arc_dispute_report_row_count() - 1.
 * @return The count; 0 when @p row is out of range or @p report is NULL.
 */
ARC_EXTERN size_t arc_dispute_report_row_resolved_count(const arc_dispute_report *report,
                                                        size_t row);

/**
 * The mean number of days a row's resolved disputes took to resolve, in
 * hundredths of a day, rounded half away from zero.
 *
 * @param report The report, or NULL.
 * @param row    0 to arc_dispute_report_row_count() - 1.
 * @return The mean (250 for 2.50 days); -1 when none of the row's disputes is
 *         resolved, when @p row is out of range, or when @p report is NULL.
 */
ARC_EXTERN int64_t arc_dispute_report_row_mean_days(const arc_dispute_report *report,
                                                    size_t row);

/**
 * The median number of days a row's resolved disputes took to resolve, in
 * hundredths of a day: for an even count, the mean of the two middle values.
 *
 * @param report The report, or NULL.
 * @param row    0 to arc_dispute_report_row_count() - 1.
 * @return The median (250 for 2.50 days); -1 when none of the row's disputes
 *         is resolved, when @p row is out of range, or when @p report is NULL.
 */
ARC_EXTERN int64_t arc_dispute_report_row_median_days(const arc_dispute_report *report,
                                                      size_t row);

/**
 * How many of a row's disputes have an outcome.
 *
 * @param report  The report, or NULL.
 * @param row     0 to arc_dispute_report_row_count() - 1.
 * @param outcome An #arc_dispute_outcome; #ARC_DISPUTE_UNRESOLVED counts the
 *                disputes that are not resolved.
 * @return The count; 0 for a value that is not an outcome, when @p row is out
 *         of range, or when @p report is NULL.
 */
ARC_EXTERN size_t arc_dispute_report_row_outcome_count(const arc_dispute_report *report,
                                                       size_t row,
                                                       arc_dispute_outcome outcome);

#ifdef __cplusplus
}
#endif

#endif
