/*
 * Fuzz target for calendar dates. The whole input is the text to parse;
 * the same bytes, read as integers, are fed to the conversions between day
 * numbers and year, month and day. Checked on every input:
 *
 * - arc_date_parse() accepts exactly the existing dates written
 *   "YYYY-MM-DD" from 0001-01-01 to 9999-12-31, and nothing else;
 * - a parsed date formats as the very same ten characters and parses back
 *   to the same day number;
 * - arc_date_to_ymd() accepts exactly the day numbers of that range, and
 *   arc_date_from_ymd() exactly the dates that exist in it; each inverts
 *   the other, and consecutive day numbers are consecutive calendar days.
 */
#include "fuzz_common.h"

#include "arcollect/date.h"

#define YEAR_FIRST 1
#define YEAR_LAST  9999

static bool is_leap_year(int year)
{
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

static int month_length(int year, int month)
{
    static const int lengths[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

    return month == 2 && is_leap_year(year) ? 29 : lengths[month - 1];
}

static bool date_exists(int year, int month, int day)
{
    return year >= YEAR_FIRST && year <= YEAR_LAST && month >= 1 && month <= 12 &&
           day >= 1 && day <= month_length(year, month);
}

/* The calendar day after year-month-day, which exists. */
static void next_day(int *year, int *month, int *day)
{
    if (*day < month_length(*year, *month)) {
        (*day)++;
        return;
    }
    *day = 1;
    if (*month < 12) {
        (*month)++;
        return;
    }
    *month = 1;
    (*year)++;
}

/* The value of @p count digits at @p text, or -1 when one is not a digit. */
static int digits_value(const char *text, int count)
{
    int value = 0;

    for (int i = 0; i < count; i++) {
        if (!fuzz_is_digit(text[i]))
            return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

/* Read "YYYY-MM-DD" and nothing more; false when @p text has another shape. */
static bool split_date_text(const char *text, int *year, int *month, int *day)
{
    if (strlen(text) != 10 || text[4] != '-' || text[7] != '-')
        return false;

    *year = digits_value(text, 4);
    *month = digits_value(text + 5, 2);
    *day = digits_value(text + 8, 2);
    return *year >= 0 && *month >= 0 && *day >= 0;
}

static void check_parse(const char *text)
{
    int year = 0, month = 0, day = 0;
    int found_year = 0, found_month = 0, found_day = 0;
    bool expected =
        split_date_text(text, &year, &month, &day) && date_exists(year, month, day);
    char formatted[ARC_DATE_BUFSIZE];
    arc_date date = 0;
    arc_date reparsed = 0;
    int rc = arc_date_parse(&date, text);

    if (!expected) {
        FUZZ_CHECK(rc == ARC_EINVAL, "parse refuses what is not an existing YYYY-MM-DD");
        fuzz_check_reported(rc);
        return;
    }
    FUZZ_CHECK(rc == ARC_OK, "parse accepts every existing YYYY-MM-DD");

    FUZZ_CHECK(arc_date_format(formatted, sizeof(formatted), date) == ARC_OK,
               "a parsed date formats");
    FUZZ_CHECK(memcmp(formatted, text, ARC_DATE_BUFSIZE) == 0,
               "a parsed date formats as the same ten characters");
    FUZZ_CHECK(arc_date_parse(&reparsed, formatted) == ARC_OK && reparsed == date,
               "formatted text parses back to the same day");

    FUZZ_CHECK(arc_date_to_ymd(&found_year, &found_month, &found_day, date) == ARC_OK,
               "a parsed date splits");
    FUZZ_CHECK(found_year == year && found_month == month && found_day == day,
               "a parsed date splits into the fields of its text");
}

/* Day number @p date splits, formats and rebuilds when in range, and is refused
 * otherwise. */
static void check_day_number(int64_t date, arc_date first, arc_date last)
{
    char formatted[ARC_DATE_BUFSIZE];
    int year = 0, month = 0, day = 0;
    int next_year = 0, next_month = 0, next_day_of_month = 0;
    arc_date rebuilt = 0;
    arc_date parsed = 0;
    int rc;

    if (date < INT32_MIN || date > INT32_MAX)
        return;

    rc = arc_date_to_ymd(&year, &month, &day, (arc_date)date);
    FUZZ_CHECK(arc_date_to_ymd(NULL, NULL, NULL, (arc_date)date) == rc,
               "to_ymd takes NULL out-pointers");
    if (date < first || date > last) {
        FUZZ_CHECK(rc == ARC_EINVAL, "to_ymd refuses a day outside the range");
        fuzz_check_reported(rc);
        rc = arc_date_format(formatted, sizeof(formatted), (arc_date)date);
        FUZZ_CHECK(rc == ARC_EINVAL, "format refuses a day outside the range");
        fuzz_check_reported(rc);
        return;
    }

    FUZZ_CHECK(rc == ARC_OK, "to_ymd accepts every day of the range");
    FUZZ_CHECK(date_exists(year, month, day), "to_ymd gives a date that exists");
    FUZZ_CHECK(arc_date_from_ymd(&rebuilt, year, month, day) == ARC_OK && rebuilt == date,
               "from_ymd inverts to_ymd");

    FUZZ_CHECK(arc_date_format(formatted, sizeof(formatted), (arc_date)date) == ARC_OK,
               "format accepts every day of the range");
    FUZZ_CHECK(arc_date_parse(&parsed, formatted) == ARC_OK && parsed == date,
               "formatted text parses back to the same day");
    FUZZ_CHECK(digits_value(formatted, 4) == year &&
                   digits_value(formatted + 5, 2) == month &&
                   digits_value(formatted + 8, 2) == day,
               "format writes the fields to_ymd gives");

    if (date == last)
        return;
    FUZZ_CHECK(arc_date_to_ymd(&next_year, &next_month, &next_day_of_month,
                               (arc_date)(date + 1)) == ARC_OK,
               "the day after a day of the range is in it, or is past the last");
    next_day(&year, &month, &day);
    FUZZ_CHECK(next_year == year && next_month == month && next_day_of_month == day,
               "consecutive day numbers are consecutive calendar days");
}

/* from_ymd accepts exactly the dates that exist, and to_ymd gives them back. */
static void check_ymd(int year, int month, int day, arc_date first, arc_date last)
{
    int found_year = 0, found_month = 0, found_day = 0;
    arc_date date = 0;
    int rc = arc_date_from_ymd(&date, year, month, day);

    if (!date_exists(year, month, day)) {
        FUZZ_CHECK(rc == ARC_EINVAL, "from_ymd refuses a date that does not exist");
        fuzz_check_reported(rc);
        return;
    }

    FUZZ_CHECK(rc == ARC_OK, "from_ymd accepts every date that exists");
    FUZZ_CHECK(date >= first && date <= last, "from_ymd gives a day of the range");
    FUZZ_CHECK(arc_date_to_ymd(&found_year, &found_month, &found_day, date) == ARC_OK,
               "a built date splits");
    FUZZ_CHECK(found_year == year && found_month == month && found_day == day,
               "to_ymd inverts from_ymd");
}

static int32_t int32_at(const uint8_t *data, size_t size, size_t offset)
{
    uint64_t bits = offset < size ? fuzz_read_le64(data + offset, size - offset) : 0;
    uint32_t low = (uint32_t)bits;
    int32_t value;

    memcpy(&value, &low, sizeof(value));
    return value;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    arc_date first = 0, last = 0, epoch = -1;
    int32_t raw = int32_at(data, size, 0);
    uint32_t bits = (uint32_t)raw;
    uint32_t span;
    char *text;

    FUZZ_CHECK(arc_date_from_ymd(&first, YEAR_FIRST, 1, 1) == ARC_OK &&
                   arc_date_from_ymd(&last, YEAR_LAST, 12, 31) == ARC_OK &&
                   arc_date_from_ymd(&epoch, 1970, 1, 1) == ARC_OK,
               "the range and the epoch exist");
    FUZZ_CHECK(epoch == 0 && first < 0 && last > 0, "day numbers count from 1970-01-01");
    span = (uint32_t)(last - first) + 1;

    text = fuzz_text_copy(data, size);
    check_parse(text);
    free(text);

    /* Any int32, a day of the range, and the days around each end of it. */
    check_day_number(raw, first, last);
    check_day_number((int64_t)first + bits % span, first, last);
    check_day_number((int64_t)first - 1 + bits % 3, first, last);
    check_day_number((int64_t)last - 1 + bits % 3, first, last);

    /* Any three ints, then small ones that often form a date. */
    check_ymd(int32_at(data, size, 4), int32_at(data, size, 8), int32_at(data, size, 12),
              first, last);
    check_ymd((int)(bits % 10002), (int)(bits >> 16 & 0x1f) - 2,
              (int)(bits >> 24 & 0x3f) - 2, first, last);
    return 0;
}
