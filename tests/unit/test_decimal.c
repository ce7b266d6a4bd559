/*
 * Exact decimals for quantities and tax rates: parsing with a scale limit,
 * canonical text, comparison, and the half-away-from-zero rounding of
 * products and percentages.
 */
#include <stdlib.h>
#include <string.h>

#include "decimal.h"
#include "testutil.h"

static arc_decimal decimal(int64_t coefficient, int scale)
{
    arc_decimal value = { coefficient, scale };

    return value;
}

static void assert_parses_as(const char *text, int max_scale, int64_t coefficient,
                             int scale)
{
    arc_decimal value = { 7, 7 };

    ck_assert_msg(arc_decimal_parse(&value, text, max_scale) == ARC_OK, "refused \"%s\"",
                  text);
    ck_assert_int_eq(value.coefficient, coefficient);
    ck_assert_int_eq(value.scale, scale);
}

static void assert_formats_as(arc_decimal value, const char *expected)
{
    char text[ARC_DECIMAL_BUFSIZE];

    arc_decimal_format(text, value);
    ck_assert_str_eq(text, expected);
}

static int64_t times(int64_t amount, arc_decimal value)
{
    int64_t result = 7;

    ck_assert_ok(arc_decimal_mul_round(&result, amount, value));
    return result;
}

static int64_t percent_of(arc_decimal percent, int64_t amount)
{
    int64_t result = 7;

    ck_assert_ok(arc_decimal_percent_round(&result, amount, percent));
    return result;
}

START_TEST(decimal_parse_reads_coefficient_and_scale)
{
    assert_parses_as("12", 6, 12, 0);
    assert_parses_as("1.5", 6, 15, 1);
    assert_parses_as("0.125", 6, 125, 3);
    assert_parses_as("-3.25", 6, -325, 2);
    assert_parses_as("007", 6, 7, 0);
    assert_parses_as("0.000000000000000001", 18, 1, 18);
}
END_TEST

START_TEST(decimal_parse_strips_trailing_zeros_before_the_scale_check)
{
    arc_decimal value = { 7, 7 };

    assert_parses_as("1.50", 1, 15, 1);
    assert_parses_as("2.000", 0, 2, 0);
    assert_parses_as("0.000000", 0, 0, 0);
    assert_parses_as("1.2500000000000000000000000", 2, 125, 2);

    ck_assert_rc(arc_decimal_parse(&value, "1.500000001", 6), ARC_EINVAL);
    ck_assert_rc(arc_decimal_parse(&value, "1.25", 1), ARC_EINVAL);
    ck_assert_int_eq(value.coefficient, 7);
}
END_TEST

START_TEST(decimal_parse_never_exceeds_scale_18)
{
    arc_decimal value = { 7, 7 };

    ck_assert_rc(arc_decimal_parse(&value, "0.0000000000000000001", 30), ARC_EINVAL);
    ck_assert_rc(arc_decimal_parse(&value, "0.9223372036854775807", 19), ARC_EINVAL);
    ck_assert_int_eq(value.scale, 7);
}
END_TEST

START_TEST(decimal_parse_reads_negative_zero_as_zero)
{
    assert_parses_as("-0", 2, 0, 0);
    assert_parses_as("-0.00", 2, 0, 0);
}
END_TEST

START_TEST(decimal_parse_refuses_malformed_text)
{
    static const char *const malformed[] = {
        "", "-", ".5", "5.", "+5", "1e3", " 1", "1 ", "1,5", "1.2.3", "--1", "-.5", "0x1",
    };
    arc_decimal value = { 7, 7 };

    for (size_t i = 0; i < sizeof(malformed) / sizeof(malformed[0]); i++)
        ck_assert_msg(arc_decimal_parse(&value, malformed[i], 6) == ARC_EINVAL,
                      "accepted \"%s\"", malformed[i]);
    ck_assert_rc(arc_decimal_parse(&value, NULL, 6), ARC_EINVAL);
    ck_assert_int_eq(value.coefficient, 7);
}
END_TEST

START_TEST(decimal_parse_reports_overflow_beyond_int64)
{
    arc_decimal value = { 7, 7 };

    assert_parses_as("9223372036854775807", 0, INT64_MAX, 0);
    assert_parses_as("-9223372036854775808", 0, INT64_MIN, 0);
    assert_parses_as("-9.223372036854775808", 18, INT64_MIN, 18);

    ck_assert_rc(arc_decimal_parse(&value, "9223372036854775808", 0), ARC_EOVERFLOW);
    ck_assert_rc(arc_decimal_parse(&value, "-9223372036854775809", 0), ARC_EOVERFLOW);
    ck_assert_rc(arc_decimal_parse(&value, "922337203685477580.8", 1), ARC_EOVERFLOW);
    ck_assert_rc(arc_decimal_parse(&value, "99999999999999999999999", 0), ARC_EOVERFLOW);
    ck_assert_int_eq(value.coefficient, 7);
}
END_TEST

START_TEST(decimal_parse_sets_no_error_message)
{
    arc_decimal value;

    arc_error_clear();
    ck_assert_rc(arc_decimal_parse(&value, "1.2.3", 6), ARC_EINVAL);
    ck_assert_rc(arc_decimal_parse(&value, "9223372036854775808", 0), ARC_EOVERFLOW);
    ck_assert_str_eq(arc_error_last(), "");
}
END_TEST

START_TEST(decimal_format_writes_the_canonical_text)
{
    assert_formats_as(decimal(15, 1), "1.5");
    assert_formats_as(decimal(3, 0), "3");
    assert_formats_as(decimal(-25, 2), "-0.25");
    assert_formats_as(decimal(150, 2), "1.5");
    assert_formats_as(decimal(300, 2), "3");
    assert_formats_as(decimal(0, 5), "0");
    assert_formats_as(decimal(1, 18), "0.000000000000000001");
    assert_formats_as(decimal(INT64_MIN, 0), "-9223372036854775808");
    assert_formats_as(decimal(INT64_MIN, 18), "-9.223372036854775808");
    assert_formats_as(decimal(INT64_MAX, 18), "9.223372036854775807");
}
END_TEST

START_TEST(decimal_format_and_parse_round_trip)
{
    static const char *const texts[] = {
        "0",
        "1",
        "-1",
        "1.5",
        "-0.25",
        "0.125",
        "1999.99",
        "0.000000000000000001",
        "9223372036854775807",
        "-9223372036854775808",
        "-9.223372036854775808",
    };
    char text[ARC_DECIMAL_BUFSIZE];
    arc_decimal value;

    for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
        ck_assert_ok(arc_decimal_parse(&value, texts[i], 18));
        arc_decimal_format(text, value);
        ck_assert_str_eq(text, texts[i]);
    }
}
END_TEST

START_TEST(decimal_sign_is_minus_one_zero_or_one)
{
    ck_assert_int_eq(arc_decimal_sign(decimal(-325, 2)), -1);
    ck_assert_int_eq(arc_decimal_sign(decimal(INT64_MIN, 0)), -1);
    ck_assert_int_eq(arc_decimal_sign(decimal(0, 3)), 0);
    ck_assert_int_eq(arc_decimal_sign(decimal(1, 18)), 1);
}
END_TEST

START_TEST(decimal_cmp_compares_values_across_scales)
{
    ck_assert_int_eq(arc_decimal_cmp(decimal(15, 1), decimal(150, 2)), 0);
    ck_assert_int_lt(arc_decimal_cmp(decimal(15, 1), decimal(151, 2)), 0);
    ck_assert_int_gt(arc_decimal_cmp(decimal(151, 2), decimal(15, 1)), 0);
    ck_assert_int_gt(arc_decimal_cmp(decimal(-1, 1), decimal(-2, 1)), 0);
    ck_assert_int_lt(arc_decimal_cmp(decimal(-1, 0), decimal(1, 18)), 0);
    ck_assert_int_gt(arc_decimal_cmp(decimal(INT64_MAX, 0), decimal(INT64_MAX, 18)), 0);
    ck_assert_int_lt(arc_decimal_cmp(decimal(INT64_MIN, 0), decimal(INT64_MIN, 18)), 0);
    ck_assert_int_eq(arc_decimal_cmp(decimal(0, 0), decimal(0, 18)), 0);
}
END_TEST

START_TEST(decimal_mul_round_is_exact_when_nothing_needs_rounding)
{
    ck_assert_int_eq(times(1999, decimal(3, 0)), 5997);
    ck_assert_int_eq(times(200, decimal(25, 1)), 500);
    ck_assert_int_eq(times(-200, decimal(25, 1)), -500);
    ck_assert_int_eq(times(123456, decimal(0, 4)), 0);
    ck_assert_int_eq(times(INT64_MIN, decimal(1, 0)), INT64_MIN);
    ck_assert_int_eq(times(INT64_MIN, decimal(5, 1)), -4611686018427387904);
    ck_assert_int_eq(times(INT64_MAX, decimal(-1, 0)), -INT64_MAX);
}
END_TEST

START_TEST(decimal_mul_round_rounds_half_away_from_zero)
{
    ck_assert_int_eq(times(333, decimal(15, 1)), 500);
    ck_assert_int_eq(times(-333, decimal(15, 1)), -500);
    ck_assert_int_eq(times(333, decimal(-15, 1)), -500);
    ck_assert_int_eq(times(-333, decimal(-15, 1)), 500);
    ck_assert_int_eq(times(1, decimal(5, 1)), 1);
    ck_assert_int_eq(times(-1, decimal(5, 1)), -1);
    ck_assert_int_eq(times(1, decimal(4999, 4)), 0);
    ck_assert_int_eq(times(-1, decimal(4999, 4)), 0);
    ck_assert_int_eq(times(3, decimal(11, 1)), 3);
    ck_assert_int_eq(times(-3, decimal(11, 1)), -3);
    ck_assert_int_eq(times(3, decimal(12, 1)), 4);
    ck_assert_int_eq(times(INT64_MAX, decimal(5, 1)), 4611686018427387904);
}
END_TEST

START_TEST(decimal_mul_round_keeps_every_digit_of_large_products)
{
    ck_assert_int_eq(times(INT64_MAX, decimal(999999999999999999, 18)),
                     9223372036854775798);
    ck_assert_int_eq(times(INT64_MAX, decimal(1, 18)), 9);
    ck_assert_int_eq(times(1000000000000000000, decimal(1000000000000000001, 18)),
                     1000000000000000001);
}
END_TEST

START_TEST(decimal_mul_round_reports_overflow_beyond_int64)
{
    int64_t result = 7;

    ck_assert_rc(arc_decimal_mul_round(&result, INT64_MAX, decimal(2, 0)), ARC_EOVERFLOW);
    ck_assert_rc(arc_decimal_mul_round(&result, INT64_MIN, decimal(-1, 0)),
                 ARC_EOVERFLOW);
    ck_assert_rc(arc_decimal_mul_round(&result, 4611686018427387904, decimal(2, 0)),
                 ARC_EOVERFLOW);
    ck_assert_rc(arc_decimal_mul_round(&result, INT64_MIN, decimal(INT64_MIN, 18)),
                 ARC_EOVERFLOW);
    ck_assert_rc(arc_decimal_mul_round(&result, INT64_MAX, decimal(INT64_MAX, 0)),
                 ARC_EOVERFLOW);
    ck_assert_int_eq(result, 7);

    ck_assert_ok(arc_decimal_mul_round(&result, -4611686018427387904, decimal(2, 0)));
    ck_assert_int_eq(result, INT64_MIN);
}
END_TEST

START_TEST(decimal_percent_round_rounds_half_away_from_zero)
{
    ck_assert_int_eq(percent_of(decimal(825, 2), 1999), 165);
    ck_assert_int_eq(percent_of(decimal(825, 2), -1999), -165);
    ck_assert_int_eq(percent_of(decimal(-825, 2), 1999), -165);
    ck_assert_int_eq(percent_of(decimal(50, 0), 1), 1);
    ck_assert_int_eq(percent_of(decimal(50, 0), -1), -1);
    ck_assert_int_eq(percent_of(decimal(125, 1), 4), 1);
    ck_assert_int_eq(percent_of(decimal(10, 0), 4), 0);
    ck_assert_int_eq(percent_of(decimal(10, 0), -4), 0);
    ck_assert_int_eq(percent_of(decimal(20, 0), 10000), 2000);
}
END_TEST

START_TEST(decimal_percent_round_reaches_the_int64_edges)
{
    int64_t result = 7;

    ck_assert_int_eq(percent_of(decimal(100, 0), INT64_MAX), INT64_MAX);
    ck_assert_int_eq(percent_of(decimal(100, 0), INT64_MIN), INT64_MIN);
    ck_assert_int_eq(percent_of(decimal(1, 18), INT64_MAX), 0);

    ck_assert_rc(arc_decimal_percent_round(&result, INT64_MAX, decimal(101, 0)),
                 ARC_EOVERFLOW);
    ck_assert_rc(arc_decimal_percent_round(&result, INT64_MIN, decimal(-100, 0)),
                 ARC_EOVERFLOW);
    ck_assert_int_eq(result, 7);
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("decimal");
    TCase *text = tcase_create("text");
    TCase *order = tcase_create("order");
    TCase *rounding = tcase_create("rounding");

    tcase_add_test(text, decimal_parse_reads_coefficient_and_scale);
    tcase_add_test(text, decimal_parse_strips_trailing_zeros_before_the_scale_check);
    tcase_add_test(text, decimal_parse_never_exceeds_scale_18);
    tcase_add_test(text, decimal_parse_reads_negative_zero_as_zero);
    tcase_add_test(text, decimal_parse_refuses_malformed_text);
    tcase_add_test(text, decimal_parse_reports_overflow_beyond_int64);
    tcase_add_test(text, decimal_parse_sets_no_error_message);
    tcase_add_test(text, decimal_format_writes_the_canonical_text);
    tcase_add_test(text, decimal_format_and_parse_round_trip);
    suite_add_tcase(suite, text);

    tcase_add_test(order, decimal_sign_is_minus_one_zero_or_one);
    tcase_add_test(order, decimal_cmp_compares_values_across_scales);
    suite_add_tcase(suite, order);

    tcase_add_test(rounding, decimal_mul_round_is_exact_when_nothing_needs_rounding);
    tcase_add_test(rounding, decimal_mul_round_rounds_half_away_from_zero);
    tcase_add_test(rounding, decimal_mul_round_keeps_every_digit_of_large_products);
    tcase_add_test(rounding, decimal_mul_round_reports_overflow_beyond_int64);
    tcase_add_test(rounding, decimal_percent_round_rounds_half_away_from_zero);
    tcase_add_test(rounding, decimal_percent_round_reaches_the_int64_edges);
    suite_add_tcase(suite, rounding);

    return test_run_suite(suite);
}
