/**
 * @file arcollect/date.h
 * @brief Calendar dates: parsing, formatting and arithmetic.
 *
 * An #arc_date counts days since 1970-01-01 in the proleptic Gregorian
 * calendar. The library accepts dates from 0001-01-01 to 9999-12-31.
 */
#ifndef ARCOLLECT_DATE_H
#define ARCOLLECT_DATE_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Size of a buffer that holds any formatted date with its NUL: "YYYY-MM-DD". */
#define ARC_DATE_BUFSIZE 11

/**
 * Build a date from its year, month and day.
 *
 * @param[out] out   Receives the date.
 * @param year  1 to 9999.
 * @param month 1 to 12.
 * @param day   1 to the length of that month (29 February only in leap years).
 * @return #ARC_OK, or #ARC_EINVAL for a NULL @p out or a date that does not
 *         exist.
 */
ARC_EXTERN int arc_date_from_ymd(arc_date *out, int year, int month, int day);

/**
 * Split a date into year, month and day. Any out-pointer may be NULL.
 *
 * @param[out] year  Receives the year, 1 to 9999.
 * @param[out] month Receives the month, 1 to 12.
 * @param[out] day   Receives the day of the month, from 1.
 * @param date       The date to split.
 * @return #ARC_OK, or #ARC_EINVAL when @p date is outside the accepted range
 *         (#ARC_DATE_NONE included).
 */
ARC_EXTERN int arc_date_to_ymd(int *year, int *month, int *day, arc_date date);

/**
 * Parse an ISO 8601 calendar date written "YYYY-MM-DD".
 *
 * @param[out] out Receives the date.
 * @param text  The text; nothing may precede or follow the date.
 * @return #ARC_OK, or #ARC_EINVAL for a NULL @p out or @p text, or text that is
 *         not a date that exists (such as "2026-02-30").
 */
ARC_EXTERN int arc_date_parse(arc_date *out, const char *text);

/**
 * Format a date as "YYYY-MM-DD".
 *
 * @param[out] buf Receives the text and its NUL.
 * @param size  Size of @p buf; at least #ARC_DATE_BUFSIZE.
 * @param date  The date.
 * @return #ARC_OK; #ARC_EINVAL for a date outside the accepted range or a NULL
 *         or too small buffer.
 */
ARC_EXTERN int arc_date_format(char *buf, size_t size, arc_date date);

/**
 * Add a number of days to a date.
 *
 * @param[out] out Receives the new date.
 * @param date     A date in the accepted range.
 * @param days     Days to add; negative to go back.
 * @return #ARC_OK; #ARC_EINVAL for a NULL @p out or a @p date outside the
 *         accepted range; #ARC_EOVERFLOW when the result leaves the accepted
 *         range.
 */
ARC_EXTERN int arc_date_add_days(arc_date *out, arc_date date, int32_t days);

/**
 * The calendar date, in UTC, of an instant.
 *
 * @param instant Seconds since 1970-01-01T00:00:00Z; may be negative.
 * @return The date containing @p instant. The result is not checked against the
 *         accepted range: instants before year 1 or after year 9999 give dates
 *         that the other functions here refuse.
 */
ARC_EXTERN arc_date arc_date_from_time(arc_time instant);

#ifdef __cplusplus
}
#endif

#endif
