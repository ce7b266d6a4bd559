/*
 * Currencies and money: the ISO 4217 table, exact parsing into minor
 * units, formatting with the currency's minor digits, and overflow at the
 * edges of int64.
 */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static int minor_digits_of(const char *code)
{
    int minor_digits = -1;

    ck_assert_ok(arc_currency_lookup(&minor_digits, code));
    return minor_digits;
}

static int64_t parsed(const char *text, const char *currency)
{
    int64_t amount = 0;

    ck_assert_ok(arc_money_parse(&amount, text, currency));
    return amount;
}

static void assert_formats_as(int64_t amount, const char *currency, const char *expected)
{
    char text[ARC_MONEY_BUFSIZE];

    ck_assert_ok(arc_money_format(text, sizeof(text), amount, currency));
    ck_assert_str_eq(text, expected);
}

START_TEST(currency_table_is_strictly_sorted_and_every_entry_round_trips)
{
    const char *previous = NULL;

    for (size_t i = 0; i < arc_currency_count(); i++) {
        const char *code = arc_currency_code_at(i);
        int minor_digits = -1;

        ck_assert_ptr_nonnull(code);
        ck_assert_uint_eq(strlen(code), 3);
        ck_assert_ok(arc_currency_lookup(&minor_digits, code));
        ck_assert_int_ge(minor_digits, 0);
        ck_assert_int_le(minor_digits, 4);
        if (previous != NULL)
            ck_assert_msg(strcmp(previous, code) < 0, "%s comes before %s", previous,
                          code);
        previous = code;
    }
    ck_assert_str_eq(arc_currency_code_at(0), "AED");
    ck_assert_str_eq(previous, "ZWG");
    ck_assert_ptr_null(arc_currency_code_at(arc_currency_count()));
    ck_assert_ptr_null(arc_currency_code_at((size_t)-1));
}
END_TEST

START_TEST(currency_count_matches_the_active_iso_4217_list)
{
    ck_assert_uint_eq(arc_currency_count(), 165);
}
END_TEST

START_TEST(currency_minor_digits_match_iso_4217)
{
    static const struct {
        const char *code;
        int minor_digits;
    } expected[] = {
        { "JPY", 0 }, { "KRW", 0 }, { "CLP", 0 }, { "VND", 0 }, { "ISK", 0 },
        { "UYI", 0 }, { "XOF", 0 }, { "XAF", 0 }, { "XPF", 0 }, { "BHD", 3 },
        { "IQD", 3 }, { "JOD", 3 }, { "KWD", 3 }, { "LYD", 3 }, { "OMR", 3 },
        { "TND", 3 }, { "CLF", 4 }, { "UYW", 4 }, { "USD", 2 }, { "EUR", 2 },
        { "GBP", 2 }, { "CHF", 2 }, { "ZWG", 2 }, { "SLE", 2 }, { "VES", 2 },
        { "VED", 2 }, { "XCG", 2 }, { "MGA", 2 }, { "MRU", 2 }, { "USN", 2 },
    };

    for (size_t i = 0; i < sizeof(expected) / sizeof(expected[0]); i++)
        ck_assert_msg(minor_digits_of(expected[i].code) == expected[i].minor_digits,
                      "%s has %d minor digits, expected %d", expected[i].code,
                      minor_digits_of(expected[i].code), expected[i].minor_digits);
}
END_TEST

START_TEST(currency_lookup_refuses_withdrawn_and_non_currency_codes)
{
    static const char *const refused[] = {
        "HRK", "ZWL", "SLL", "ANG", "BGN", "CUC", "XAU", "XAG",
        "XPD", "XPT", "XTS", "XXX", "XDR", "XBA", "XYZ", "AAA",
    };
    int minor_digits = 7;

    for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
        ck_assert_msg(arc_currency_lookup(&minor_digits, refused[i]) == ARC_EINVAL,
                      "accepted %s", refused[i]);
        ck_assert_error_mentions("not an ISO 4217 currency");
    }
    ck_assert_rc(arc_currency_lookup(NULL, "XYZ"), ARC_EINVAL);
    ck_assert_str_eq(arc_error_last(),
                     "currency: \"XYZ\": not an ISO 4217 currency in use");
    ck_assert_int_eq(minor_digits, 7);
}
END_TEST

START_TEST(currency_lookup_requires_three_upper_case_letters)
{
    static const char *const malformed[] = {
        "usd", "Usd", "US", "USDD", "", "U$D", "US "
    };

    for (size_t i = 0; i < sizeof(malformed) / sizeof(malformed[0]); i++) {
        ck_assert_msg(arc_currency_lookup(NULL, malformed[i]) == ARC_EINVAL,
                      "accepted \"%s\"", malformed[i]);
        ck_assert_error_mentions("must be three upper-case letters");
    }
    ck_assert_rc(arc_currency_lookup(NULL, NULL), ARC_EINVAL);
    ck_assert_error_mentions("currency: code: required");
    ck_assert_ok(arc_currency_lookup(NULL, "USD"));
}
END_TEST

START_TEST(money_parse_pads_usd_to_cents)
{
    ck_assert_int_eq(parsed("12", "USD"), 1200);
    ck_assert_int_eq(parsed("12.3", "USD"), 1230);
    ck_assert_int_eq(parsed("12.30", "USD"), 1230);
    ck_assert_int_eq(parsed("0.05", "USD"), 5);
    ck_assert_int_eq(parsed("-1234.50", "USD"), -123450);
    ck_assert_int_eq(parsed("007.5", "USD"), 750);
    ck_assert_int_eq(parsed("0000000000000000000000001.00", "USD"), 100);
}
END_TEST

START_TEST(money_parse_reads_negative_zero_as_zero)
{
    ck_assert_int_eq(parsed("-0", "USD"), 0);
    ck_assert_int_eq(parsed("-0.00", "USD"), 0);
    ck_assert_int_eq(parsed("-0", "JPY"), 0);
}
END_TEST

START_TEST(money_parse_uses_each_currency_minor_digits)
{
    ck_assert_int_eq(parsed("1235", "JPY"), 1235);
    ck_assert_int_eq(parsed("-1", "JPY"), -1);
    ck_assert_int_eq(parsed("12.345", "KWD"), 12345);
    ck_assert_int_eq(parsed("0.005", "KWD"), 5);
    ck_assert_int_eq(parsed("12.3", "KWD"), 12300);
    ck_assert_int_eq(parsed("1.2345", "CLF"), 12345);
    ck_assert_int_eq(parsed("1.5", "CLF"), 15000);
}
END_TEST

START_TEST(money_parse_refuses_more_decimals_than_the_currency_has)
{
    int64_t amount = 7;

    ck_assert_rc(arc_money_parse(&amount, "12.345", "USD"), ARC_EINVAL);
    ck_assert_str_eq(arc_error_last(),
                     "money: amount \"12.345\": USD allows 2 decimal places");
    ck_assert_rc(arc_money_parse(&amount, "12.300", "USD"), ARC_EINVAL);
    ck_assert_rc(arc_money_parse(&amount, "1.5", "JPY"), ARC_EINVAL);
    ck_assert_error_mentions("JPY allows 0 decimal places");
    ck_assert_rc(arc_money_parse(&amount, "1.0", "JPY"), ARC_EINVAL);
    ck_assert_rc(arc_money_parse(&amount, "12.3456", "KWD"), ARC_EINVAL);
    ck_assert_rc(arc_money_parse(&amount, "1.23456", "CLF"), ARC_EINVAL);
    ck_assert_int_eq(amount, 7);
}
END_TEST

START_TEST(money_parse_refuses_anything_but_a_plain_decimal)
{
    static const char *const malformed[] = {
        "",    "-",     ".5",  "5.",   "+5",  " 5", "5 ",   "1,000", "1 000",
        "1e3", "1.2.3", "--5", "0x10", "-.5", "5-", "1.-5", "$5",    "five",
    };
    int64_t amount = 7;

    for (size_t i = 0; i < sizeof(malformed) / sizeof(malformed[0]); i++) {
        ck_assert_msg(arc_money_parse(&amount, malformed[i], "USD") == ARC_EINVAL,
                      "accepted \"%s\"", malformed[i]);
        ck_assert_error_mentions("money: amount \"");
    }
    ck_assert_rc(arc_money_parse(&amount, NULL, "USD"), ARC_EINVAL);
    ck_assert_error_mentions("money: amount: required");
    ck_assert_int_eq(amount, 7);
}
END_TEST

START_TEST(money_parse_refuses_an_unknown_currency)
{
    int64_t amount = 7;

    ck_assert_rc(arc_money_parse(&amount, "12", "XYZ"), ARC_EINVAL);
    ck_assert_error_mentions("currency: \"XYZ\": not an ISO 4217 currency");
    ck_assert_rc(arc_money_parse(&amount, "12", "usd"), ARC_EINVAL);
    ck_assert_rc(arc_money_parse(&amount, "12", NULL), ARC_EINVAL);
    ck_assert_int_eq(amount, 7);
}
END_TEST

START_TEST(money_parse_reaches_exactly_the_int64_edges)
{
    ck_assert_int_eq(parsed("92233720368547758.07", "USD"), INT64_MAX);
    ck_assert_int_eq(parsed("-92233720368547758.08", "USD"), INT64_MIN);
    ck_assert_int_eq(parsed("9223372036854775807", "JPY"), INT64_MAX);
    ck_assert_int_eq(parsed("-9223372036854775808", "JPY"), INT64_MIN);
    ck_assert_int_eq(parsed("-9223372036854775.808", "KWD"), INT64_MIN);
    ck_assert_int_eq(parsed("-922337203685477.5808", "CLF"), INT64_MIN);
}
END_TEST

START_TEST(money_parse_reports_overflow_past_the_int64_edges)
{
    static const struct {
        const char *text;
        const char *currency;
    } too_large[] = {
        { "92233720368547758.08", "USD" },    { "-92233720368547758.09", "USD" },
        { "92233720368547759", "USD" },       { "-92233720368547759", "USD" },
        { "92233720368547758.1", "USD" },     { "9223372036854775808", "JPY" },
        { "-9223372036854775809", "JPY" },    { "9223372036854775.808", "KWD" },
        { "99999999999999999999999", "JPY" }, { "922337203685477.5808", "CLF" },
    };
    int64_t amount = 7;

    for (size_t i = 0; i < sizeof(too_large) / sizeof(too_large[0]); i++) {
        ck_assert_msg(arc_money_parse(&amount, too_large[i].text,
                                      too_large[i].currency) == ARC_EOVERFLOW,
                      "\"%s\" %s did not overflow", too_large[i].text,
                      too_large[i].currency);
        ck_assert_error_mentions("does not fit in 64 bits");
    }
    ck_assert_int_eq(amount, 7);
}
END_TEST

START_TEST(money_format_writes_exactly_the_currency_minor_digits)
{
    assert_formats_as(123450, "USD", "1234.50");
    assert_formats_as(-123450, "USD", "-1234.50");
    assert_formats_as(5, "USD", "0.05");
    assert_formats_as(-5, "USD", "-0.05");
    assert_formats_as(0, "USD", "0.00");
    assert_formats_as(1235, "JPY", "1235");
    assert_formats_as(-1, "JPY", "-1");
    assert_formats_as(0, "JPY", "0");
    assert_formats_as(5, "KWD", "0.005");
    assert_formats_as(12345, "KWD", "12.345");
    assert_formats_as(15000, "CLF", "1.5000");
    assert_formats_as(-1, "CLF", "-0.0001");
}
END_TEST

START_TEST(money_format_handles_the_int64_edges)
{
    assert_formats_as(INT64_MIN, "USD", "-92233720368547758.08");
    assert_formats_as(INT64_MAX, "USD", "92233720368547758.07");
    assert_formats_as(INT64_MIN, "JPY", "-9223372036854775808");
    assert_formats_as(INT64_MIN, "KWD", "-9223372036854775.808");
    assert_formats_as(INT64_MIN, "CLF", "-922337203685477.5808");
}
END_TEST

START_TEST(money_format_refuses_a_buffer_too_small_and_writes_nothing)
{
    char text[16];

    memset(text, 'x', sizeof(text));
    ck_assert_rc(arc_money_format(text, 7, -123450, "USD"), ARC_EINVAL);
    ck_assert_error_mentions("buffer of 7 bytes");
    for (size_t i = 0; i < sizeof(text); i++)
        ck_assert_int_eq(text[i], 'x');

    ck_assert_ok(arc_money_format(text, 9, -123450, "USD"));
    ck_assert_str_eq(text, "-1234.50");
    ck_assert_rc(arc_money_format(NULL, 0, 1, "USD"), ARC_EINVAL);
}
END_TEST

START_TEST(money_format_refuses_an_unknown_currency)
{
    char text[ARC_MONEY_BUFSIZE] = "untouched";

    ck_assert_rc(arc_money_format(text, sizeof(text), 100, "XAU"), ARC_EINVAL);
    ck_assert_error_mentions("\"XAU\"");
    ck_assert_str_eq(text, "untouched");
}
END_TEST

START_TEST(money_format_and_parse_round_trip)
{
    static const char *const currencies[] = { "JPY", "USD", "KWD", "CLF" };
    static const int64_t amounts[] = { 0,    1,         -1,        99,       100,
                                       -101, 123456789, INT64_MAX, INT64_MIN };
    char text[ARC_MONEY_BUFSIZE];

    for (size_t c = 0; c < sizeof(currencies) / sizeof(currencies[0]); c++) {
        for (size_t a = 0; a < sizeof(amounts) / sizeof(amounts[0]); a++) {
            ck_assert_ok(arc_money_format(text, sizeof(text), amounts[a], currencies[c]));
            ck_assert_int_eq(parsed(text, currencies[c]), amounts[a]);
        }
    }
}
END_TEST

START_TEST(money_add_sums_exactly)
{
    int64_t sum = 0;

    ck_assert_ok(arc_money_add(&sum, 123450, -450));
    ck_assert_int_eq(sum, 123000);
    ck_assert_ok(arc_money_add(&sum, INT64_MAX, INT64_MIN));
    ck_assert_int_eq(sum, -1);
    ck_assert_ok(arc_money_add(&sum, INT64_MAX - 1, 1));
    ck_assert_int_eq(sum, INT64_MAX);
}
END_TEST

START_TEST(money_add_reports_overflow_and_leaves_the_sum_untouched)
{
    int64_t sum = 7;

    ck_assert_rc(arc_money_add(&sum, INT64_MAX, 1), ARC_EOVERFLOW);
    ck_assert_error_mentions("9223372036854775807 + 1: sum does not fit in 64 bits");
    ck_assert_rc(arc_money_add(&sum, INT64_MIN, -1), ARC_EOVERFLOW);
    ck_assert_rc(arc_money_add(&sum, INT64_MIN, INT64_MIN), ARC_EOVERFLOW);
    ck_assert_int_eq(sum, 7);
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("money");
    TCase *currency = tcase_create("currency");
    TCase *parse = tcase_create("parse");
    TCase *format = tcase_create("format");
    TCase *add = tcase_create("add");

    tcase_add_test(currency,
                   currency_table_is_strictly_sorted_and_every_entry_round_trips);
    tcase_add_test(currency, currency_count_matches_the_active_iso_4217_list);
    tcase_add_test(currency, currency_minor_digits_match_iso_4217);
    tcase_add_test(currency, currency_lookup_refuses_withdrawn_and_non_currency_codes);
    tcase_add_test(currency, currency_lookup_requires_three_upper_case_letters);
    suite_add_tcase(suite, currency);

    tcase_add_test(parse, money_parse_pads_usd_to_cents);
    tcase_add_test(parse, money_parse_reads_negative_zero_as_zero);
    tcase_add_test(parse, money_parse_uses_each_currency_minor_digits);
    tcase_add_test(parse, money_parse_refuses_more_decimals_than_the_currency_has);
    tcase_add_test(parse, money_parse_refuses_anything_but_a_plain_decimal);
    tcase_add_test(parse, money_parse_refuses_an_unknown_currency);
    tcase_add_test(parse, money_parse_reaches_exactly_the_int64_edges);
    tcase_add_test(parse, money_parse_reports_overflow_past_the_int64_edges);
    suite_add_tcase(suite, parse);

    tcase_add_test(format, money_format_writes_exactly_the_currency_minor_digits);
    tcase_add_test(format, money_format_handles_the_int64_edges);
    tcase_add_test(format, money_format_refuses_a_buffer_too_small_and_writes_nothing);
    tcase_add_test(format, money_format_refuses_an_unknown_currency);
    tcase_add_test(format, money_format_and_parse_round_trip);
    suite_add_tcase(suite, format);

    tcase_add_test(add, money_add_sums_exactly);
    tcase_add_test(add, money_add_reports_overflow_and_leaves_the_sum_untouched);
    suite_add_tcase(suite, add);

    return test_run_suite(suite);
}
