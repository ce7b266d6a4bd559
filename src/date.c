/*
 * Calendar dates in the proleptic Gregorian calendar, counted in days since
 * 1970-01-01. Conversions use integer arithmetic only: no libc time
 * functions, so no time zone or locale can leak in.
 */
#include "arcollect/date.h"

#include <stdbool.h>
#include <stdio.h>

#include "error.h"

/* Day numbers of 0001-01-01 and 9999-12-31. */
#define FIRST_DAY (-719162)
#define LAST_DAY  2932896

#define SECONDS_PER_DAY 86400

/* Days from 0000-03-01 to 1970-01-01 in the proleptic calendar. */
#define MARCH_ZERO_TO_EPOCH 719468

/* Days in a 400-year cycle, which always holds 97 leap years. */
#define DAYS_PER_ERA 146097

static const char *const month_names[12] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December",
};

static bool is_leap_year(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int days_in_month(int year, int month)
{
    static const int lengths[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

    if (month == 2 && is_leap_year(year))
        return 29;
    return lengths[month - 1];
}

/*
 * Day number of a valid date. Counting years from March makes the leap day
 * the last day of its year, so a year's length only affects what follows.
 */
static int32_t days_from_civil(int year, int month, int day)
{
    int64_t march_year = month <= 2 ? year - 1 : year;
    int64_t era = march_year / 400;
    int64_t year_of_era = march_year - era * 400;
    int64_t month_from_march = (month + 9) % 12;

    int64_t day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    int64_t day_of_era =
        year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;

    return (int32_t)(era * DAYS_PER_ERA + day_of_era - MARCH_ZERO_TO_EPOCH);
}

/*
 * Year, month and day of a day number between FIRST_DAY and LAST_DAY: the
 * inverse of days_from_civil, also counting years from March.
 */
static void civil_from_days(int32_t date, int *year, int *month, int *day)
{
    int64_t shifted = (int64_t)date + MARCH_ZERO_TO_EPOCH; /* positive in range */
    int64_t era = shifted / DAYS_PER_ERA;
    int64_t day_of_era = shifted - era * DAYS_PER_ERA;
    int64_t year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    int64_t day_of_year =
        day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    int64_t month_from_march = (5 * day_of_year + 2) / 153;
    int64_t found_month =
        month_from_march < 10 ? month_from_march + 3 : month_from_march - 9;

    *year = (int)(era * 400 + year_of_era + (found_month <= 2));
    *month = (int)found_month;
    *day = (int)(day_of_year - (153 * month_from_march + 2) / 5 + 1);
}

static bool in_range(int64_t date)
{
    return date >= FIRST_DAY && date <= LAST_DAY;
}

/* Write a date in the accepted range as "YYYY-MM-DD" into @p buf. */
static void write_date(char buf[ARC_DATE_BUFSIZE], arc_date date)
{
    int year, month, day;

    civil_from_days(date, &year, &month, &day);
    snprintf(buf, ARC_DATE_BUFSIZE, "%04d-%02d-%02d", year, month, day);
}

static int fail_out_of_range(arc_date date)
{
    return arc_fail(ARC_EINVAL, "date: day %ld is outside 0001-01-01 to 9999-12-31",
                    (long)date);
}

/*
 * Check that a year, month and day form a date. @p shown is how the failing
 * message quotes the input.
 */
static int check_ymd(const char *shown, int year, int month, int day)
{
    if (year < 1 || year > 9999)
        return arc_fail(ARC_EINVAL, "date: %s: year %d is outside 1 to 9999", shown,
                        year);

    if (month < 1 || month > 12)
        return arc_fail(ARC_EINVAL, "date: %s: month %d is outside 1 to 12", shown,
                        month);

    if (day < 1 || day > days_in_month(year, month))
        return arc_fail(ARC_EINVAL, "date: %s: %s %d has %d days", shown,
                        month_names[month - 1], year, days_in_month(year, month));

    return ARC_OK;
}

int arc_date_from_ymd(arc_date *out, int year, int month, int day)
{
    char shown[48];
    int rc;

    if (out == NULL)
        return arc_fail(ARC_EINVAL, "date: output pointer is NULL");

    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
        day > days_in_month(year, month)) {
        snprintf(shown, sizeof(shown), "%04d-%02d-%02d", year, month, day);
        rc = check_ymd(shown, year, month, day);
        if (rc != ARC_OK)
            return rc;
    }

    *out = days_from_civil(year, month, day);
    return ARC_OK;
}

int arc_date_to_ymd(int *year, int *month, int *day, arc_date date)
{
    int found_year, found_month, found_day;

    if (!in_range(date))
        return fail_out_of_range(date);

    civil_from_days(date, &found_year, &found_month, &found_day);

    if (year != NULL)
        *year = found_year;
    if (month != NULL)
        *month = found_month;
    if (day != NULL)
        *day = found_day;
    return ARC_OK;
}

/* The value of @p count decimal digits at @p text, or -1 if any is not a digit. */
static int read_digits(const char *text, int count)
{
    int value = 0;

    for (int i = 0; i < count; i++) {
        if (text[i] < '0' || text[i] > '9')
            return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

int arc_date_parse(arc_date *out, const char *text)
{
    char shown[48];
    int year, month, day;
    int rc;

    if (out == NULL)
        return arc_fail(ARC_EINVAL, "date: output pointer is NULL");
    if (text == NULL)
        return arc_fail(ARC_EINVAL, "date: text: required");

    year = read_digits(text, 4);
    month = year < 0 || text[4] != '-' ? -1 : read_digits(text + 5, 2);
    day = month < 0 || text[7] != '-' ? -1 : read_digits(text + 8, 2);
    if (day < 0 || text[10] != '\0')
        return arc_fail(ARC_EINVAL, "date: \"%s\": expected YYYY-MM-DD", text);

    snprintf(shown, sizeof(shown), "\"%s\"", text);
    rc = check_ymd(shown, year, month, day);
    if (rc != ARC_OK)
        return rc;

    *out = days_from_civil(year, month, day);
    return ARC_OK;
}

int arc_date_format(char *buf, size_t size, arc_date date)
{
    if (buf == NULL || size < ARC_DATE_BUFSIZE)
        return arc_fail(ARC_EINVAL, "date: buffer of %zu bytes: needs %d", size,
                        ARC_DATE_BUFSIZE);
    if (!in_range(date))
        return fail_out_of_range(date);

    write_date(buf, date);
    return ARC_OK;
}

int arc_date_add_days(arc_date *out, arc_date date, int32_t days)
{
    int64_t result = (int64_t)date + days;
    char shown[ARC_DATE_BUFSIZE];

    if (out == NULL)
        return arc_fail(ARC_EINVAL, "date: output pointer is NULL");
    if (!in_range(date))
        return fail_out_of_range(date);

    if (!in_range(result)) {
        write_date(shown, date);
        return arc_fail(ARC_EOVERFLOW,
                        "date: %s + %ld days: leaves 0001-01-01 to 9999-12-31", shown,
                        (long)days);
    }

    *out = (arc_date)result;
    return ARC_OK;
}

arc_date arc_date_from_time(arc_time instant)
{
    int64_t days = instant / SECONDS_PER_DAY;

    /* Division truncates toward zero; a date starts at midnight, so floor. */
    if (instant % SECONDS_PER_DAY < 0)
        days--;

    if (days > INT32_MAX)
        return INT32_MAX;
    if (days <= INT32_MIN)
        return INT32_MIN + 1;
    return (arc_date)days;
}
