/*
 * Calendar dates: the proleptic Gregorian rules, the accepted range
 * 0001-01-01 to 9999-12-31, the exact "YYYY-MM-DD" syntax, and day
 * arithmetic.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define FIRST_DAY (-719162)
#define LAST_DAY  2932896

static arc_date date_of(int year, int month, int day)
{
    arc_date date = ARC_DATE_NONE;

    ck_assert_ok(arc_date_from_ymd(&date, year, month, day));
    return date;
}

START_TEST(date_epoch_is_day_zero)
{
    ck_assert_int_eq(date_of(1970, 1, 1), 0);
    ck_assert_int_eq(date_of(1970, 1, 2), 1);
    ck_assert_int_eq(date_of(1969, 12, 31), -1);
}
END_TEST

START_TEST(date_range_runs_from_0001_01_01_to_9999_12_31)
{
    arc_date date = 7;

    ck_assert_int_eq(date_of(1, 1, 1), FIRST_DAY);
    ck_assert_int_eq(date_of(9999, 12, 31), LAST_DAY);

    ck_assert_rc(arc_date_from_ymd(&date, 0, 12, 31), ARC_EINVAL);
    ck_assert_error_mentions("year 0 is outside 1 to 9999");
    ck_assert_rc(arc_date_from_ymd(&date, 10000, 1, 1), ARC_EINVAL);
    ck_assert_error_mentions("year 10000");
    ck_assert_int_eq(date, 7);
}
END_TEST

START_TEST(date_known_days_have_their_known_numbers)
{
    arc_date date;

    ck_assert_ok(arc_date_parse(&date, "2000-03-01"));
    ck_assert_int_eq(date, 11017);
    ck_assert_ok(arc_date_parse(&date, "2026-02-28"));
    ck_assert_int_eq(date, 20512);
    ck_assert_ok(arc_date_parse(&date, "2026-01-01"));
    ck_assert_int_eq(date, 20454);
    ck_assert_ok(arc_date_parse(&date, "1900-01-01"));
    ck_assert_int_eq(date, -25567);
    ck_assert_ok(arc_date_parse(&date, "1600-02-29"));
    ck_assert_int_eq(date, -135081);
}
END_TEST

START_TEST(date_leap_years_follow_the_gregorian_rules)
{
    arc_date date = 7;

    ck_assert_int_eq(date_of(2000, 2, 29), 11016);
    ck_assert_int_eq(date_of(2024, 2, 29), 19782);
    ck_assert_int_eq(date_of(1600, 2, 29), -135081);

    ck_assert_rc(arc_date_from_ymd(&date, 1900, 2, 29), ARC_EINVAL);
    ck_assert_error_mentions("February 1900 has 28 days");
    ck_assert_rc(arc_date_from_ymd(&date, 2100, 2, 29), ARC_EINVAL);
    ck_assert_rc(arc_date_from_ymd(&date, 2023, 2, 29), ARC_EINVAL);
    ck_assert_int_eq(date, 7);
}
END_TEST

START_TEST(date_parse_refuses_february_30)
{
    arc_date date = 7;

    ck_assert_rc(arc_date_parse(&date, "2026-02-30"), ARC_EINVAL);
    ck_assert_str_eq(arc_error_last(), "date: \"2026-02-30\": February 2026 has 28 days");
    ck_assert_int_eq(date, 7);
}
END_TEST

START_TEST(date_parse_refuses_days_past_the_end_of_the_month)
{
    arc_date date;

    ck_assert_rc(arc_date_parse(&date, "2026-04-31"), ARC_EINVAL);
    ck_assert_error_mentions("April 2026 has 30 days");
    ck_assert_rc(arc_date_parse(&date, "2024-02-30"), ARC_EINVAL);
    ck_assert_error_mentions("February 2024 has 29 days");
    ck_assert_rc(arc_date_parse(&date, "2026-01-00"), ARC_EINVAL);
    ck_assert_rc(arc_date_parse(&date, "2026-13-01"), ARC_EINVAL);
    ck_assert_error_mentions("month 13 is outside 1 to 12");
    ck_assert_rc(arc_date_parse(&date, "2026-00-10"), ARC_EINVAL);
    ck_assert_rc(arc_date_parse(&date, "0000-01-01"), ARC_EINVAL);
}
END_TEST

START_TEST(date_parse_accepts_nothing_but_yyyy_mm_dd)
{
    static const char *const malformed[] = {
        "",           " 2026-01-01", "2026-01-01 ", "2026-1-01",        "2026-01-1",
        "26-01-01",   "02026-01-01", "2026/01/01",  "20260101",         "+2026-01-01",
        "2026-01-0a", "2026-01",     "2026",        "2026-01-01T00:00", "-001-01-01",
    };
    arc_date date = 7;

    for (size_t i = 0; i < sizeof(malformed) / sizeof(malformed[0]); i++) {
        ck_assert_msg(arc_date_parse(&date, malformed[i]) == ARC_EINVAL,
                      "accepted \"%s\"", malformed[i]);
        ck_assert_error_mentions("expected YYYY-MM-DD");
    }
    ck_assert_rc(arc_date_parse(&date, NULL), ARC_EINVAL);
    ck_assert_error_mentions("required");
    ck_assert_int_eq(date, 7);
}
END_TEST

START_TEST(date_round_trips_across_the_whole_range)
{
    char text[ARC_DATE_BUFSIZE];
    char expected[32];
    int year, month, day;
    arc_date parsed;
    int samples = 0;

    for (int64_t date = FIRST_DAY; date <= LAST_DAY + 96; date += 97) {
        arc_date sample = date > LAST_DAY ? LAST_DAY : (arc_date)date;

        ck_assert_ok(arc_date_to_ymd(&year, &month, &day, sample));
        ck_assert_int_eq(date_of(year, month, day), sample);

        ck_assert_ok(arc_date_format(text, sizeof(text), sample));
        snprintf(expected, sizeof(expected), "%04d-%02d-%02d", year, month, day);
        ck_assert_str_eq(text, expected);

        ck_assert_ok(arc_date_parse(&parsed, text));
        ck_assert_int_eq(parsed, sample);
        samples++;
    }
    ck_assert_int_eq(samples, 37652);
}
END_TEST

/* Whether y2-m2-d2 is the calendar day right after y1-m1-d1. */
static bool is_next_day(int y1, int m1, int d1, int y2, int m2, int d2)
{
    if (y2 == y1 && m2 == m1)
        return d2 == d1 + 1;
    if (y2 == y1)
        return m2 == m1 + 1 && d2 == 1;
    return y2 == y1 + 1 && m1 == 12 && d1 == 31 && m2 == 1 && d2 == 1;
}

START_TEST(date_each_day_follows_the_one_before_it)
{
    int year = 1, month = 1, day = 1;

    /* Plain checks in the loop: a check assertion per day would be slow. */
    for (arc_date date = FIRST_DAY + 1; date <= LAST_DAY; date++) {
        int next_year = 0, next_month = 0, next_day = 0;

        if (arc_date_to_ymd(&next_year, &next_month, &next_day, date) != ARC_OK ||
            !is_next_day(year, month, day, next_year, next_month, next_day))
            ck_abort_msg("day %ld is %04d-%02d-%02d after %04d-%02d-%02d", (long)date,
                         next_year, next_month, next_day, year, month, day);
        year = next_year;
        month = next_month;
        day = next_day;
    }
    ck_assert_int_eq(year, 9999);
    ck_assert_int_eq(month, 12);
    ck_assert_int_eq(day, 31);
}
END_TEST

START_TEST(date_negative_day_numbers_fall_before_1970)
{
    char text[ARC_DATE_BUFSIZE];

    ck_assert_ok(arc_date_format(text, sizeof(text), -1));
    ck_assert_str_eq(text, "1969-12-31");
    ck_assert_ok(arc_date_format(text, sizeof(text), -365));
    ck_assert_str_eq(text, "1969-01-01");
    ck_assert_ok(arc_date_format(text, sizeof(text), -25567));
    ck_assert_str_eq(text, "1900-01-01");
    ck_assert_ok(arc_date_format(text, sizeof(text), -500000));
    ck_assert_str_eq(text, "0601-01-18");
    ck_assert_ok(arc_date_format(text, sizeof(text), FIRST_DAY));
    ck_assert_str_eq(text, "0001-01-01");
}
END_TEST

START_TEST(date_to_ymd_refuses_days_outside_the_range)
{
    int year = 7, month = 7, day = 7;

    ck_assert_rc(arc_date_to_ymd(&year, &month, &day, FIRST_DAY - 1), ARC_EINVAL);
    ck_assert_error_mentions("outside 0001-01-01 to 9999-12-31");
    ck_assert_rc(arc_date_to_ymd(&year, &month, &day, LAST_DAY + 1), ARC_EINVAL);
    ck_assert_rc(arc_date_to_ymd(&year, &month, &day, ARC_DATE_NONE), ARC_EINVAL);
    ck_assert_int_eq(year, 7);
    ck_assert_int_eq(month, 7);
    ck_assert_int_eq(day, 7);
}
END_TEST

START_TEST(date_to_ymd_fills_only_the_parts_asked_for)
{
    int month = 0;

    ck_assert_ok(arc_date_to_ymd(NULL, &month, NULL, 20512));
    ck_assert_int_eq(month, 2);
}
END_TEST

START_TEST(date_format_refuses_a_buffer_too_small)
{
    char text[ARC_DATE_BUFSIZE] = "untouched";

    ck_assert_rc(arc_date_format(text, ARC_DATE_BUFSIZE - 1, 0), ARC_EINVAL);
    ck_assert_error_mentions("buffer of 10 bytes");
    ck_assert_str_eq(text, "untouched");

    ck_assert_rc(arc_date_format(text, sizeof(text), LAST_DAY + 1), ARC_EINVAL);
    ck_assert_str_eq(text, "untouched");
}
END_TEST

START_TEST(date_add_days_crosses_month_and_year_ends)
{
    arc_date date;

    ck_assert_ok(arc_date_add_days(&date, date_of(2024, 2, 28), 1));
    ck_assert_int_eq(date, date_of(2024, 2, 29));
    ck_assert_ok(arc_date_add_days(&date, date_of(2024, 2, 28), 2));
    ck_assert_int_eq(date, date_of(2024, 3, 1));
    ck_assert_ok(arc_date_add_days(&date, date_of(2025, 12, 31), 1));
    ck_assert_int_eq(date, date_of(2026, 1, 1));
    ck_assert_ok(arc_date_add_days(&date, date_of(2026, 3, 1), -1));
    ck_assert_int_eq(date, date_of(2026, 2, 28));
    ck_assert_ok(arc_date_add_days(&date, date_of(2026, 1, 15), 30));
    ck_assert_int_eq(date, date_of(2026, 2, 14));
}
END_TEST

START_TEST(date_add_days_reports_overflow_past_the_range)
{
    arc_date date = 7;

    ck_assert_rc(arc_date_add_days(&date, LAST_DAY, 1), ARC_EOVERFLOW);
    ck_assert_error_mentions("9999-12-31 + 1 days");
    ck_assert_rc(arc_date_add_days(&date, FIRST_DAY, -1), ARC_EOVERFLOW);
    ck_assert_rc(arc_date_add_days(&date, 0, INT32_MAX), ARC_EOVERFLOW);
    ck_assert_rc(arc_date_add_days(&date, 0, INT32_MIN), ARC_EOVERFLOW);
    ck_assert_rc(arc_date_add_days(&date, ARC_DATE_NONE, 1), ARC_EINVAL);
    ck_assert_int_eq(date, 7);

    ck_assert_ok(arc_date_add_days(&date, FIRST_DAY, LAST_DAY - FIRST_DAY));
    ck_assert_int_eq(date, LAST_DAY);
}
END_TEST

START_TEST(date_from_time_floors_negative_instants)
{
    ck_assert_int_eq(arc_date_from_time(0), 0);
    ck_assert_int_eq(arc_date_from_time(86399), 0);
    ck_assert_int_eq(arc_date_from_time(86400), 1);
    ck_assert_int_eq(arc_date_from_time(-1), -1);
    ck_assert_int_eq(arc_date_from_time(-86400), -1);
    ck_assert_int_eq(arc_date_from_time(-86401), -2);
    ck_assert_int_eq(arc_date_from_time((int64_t)20454 * 86400 + 12 * 3600), 20454);
    ck_assert_int_eq(arc_date_from_time((int64_t)FIRST_DAY * 86400), FIRST_DAY);
    ck_assert_int_eq(arc_date_from_time((int64_t)FIRST_DAY * 86400 - 1), FIRST_DAY - 1);
}
END_TEST

START_TEST(date_from_time_saturates_instants_beyond_any_day_number)
{
    ck_assert_int_eq(arc_date_from_time(INT64_MAX), INT32_MAX);
    ck_assert_int_eq(arc_date_from_time(INT64_MIN), INT32_MIN + 1);
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("date");
    TCase *calendar = tcase_create("calendar");
    TCase *text = tcase_create("text");
    TCase *arithmetic = tcase_create("arithmetic");

    tcase_add_test(calendar, date_epoch_is_day_zero);
    tcase_add_test(calendar, date_range_runs_from_0001_01_01_to_9999_12_31);
    tcase_add_test(calendar, date_known_days_have_their_known_numbers);
    tcase_add_test(calendar, date_leap_years_follow_the_gregorian_rules);
    tcase_add_test(calendar, date_round_trips_across_the_whole_range);
    tcase_add_test(calendar, date_each_day_follows_the_one_before_it);
    tcase_add_test(calendar, date_negative_day_numbers_fall_before_1970);
    tcase_add_test(calendar, date_to_ymd_refuses_days_outside_the_range);
    tcase_add_test(calendar, date_to_ymd_fills_only_the_parts_asked_for);
    suite_add_tcase(suite, calendar);

    tcase_add_test(text, date_parse_refuses_february_30);
    tcase_add_test(text, date_parse_refuses_days_past_the_end_of_the_month);
    tcase_add_test(text, date_parse_accepts_nothing_but_yyyy_mm_dd);
    tcase_add_test(text, date_format_refuses_a_buffer_too_small);
    suite_add_tcase(suite, text);

    tcase_add_test(arithmetic, date_add_days_crosses_month_and_year_ends);
    tcase_add_test(arithmetic, date_add_days_reports_overflow_past_the_range);
    tcase_add_test(arithmetic, date_from_time_floors_negative_instants);
    tcase_add_test(arithmetic, date_from_time_saturates_instants_beyond_any_day_number);
    suite_add_tcase(suite, arithmetic);

    return test_run_suite(suite);
}
