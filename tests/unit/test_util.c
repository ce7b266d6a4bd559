/*
 * Shared helpers: string copies, UTF-8 validation, the text-field check
 * that names the field at fault, and overflow-checked arithmetic.
 */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "util.h"

static bool valid(const char *text)
{
    return arc_utf8_valid(text, strlen(text));
}

START_TEST(util_strdup_copies_the_string)
{
    const char *source = "Acme Industrial";
    char *copy = arc_strdup(source);
    char *empty = arc_strdup("");

    ck_assert_ptr_nonnull(copy);
    ck_assert_ptr_ne(copy, source);
    ck_assert_str_eq(copy, source);
    ck_assert_ptr_nonnull(empty);
    ck_assert_str_eq(empty, "");
    ck_assert_ptr_null(arc_strdup(NULL));

    free(copy);
    free(empty);
}
END_TEST

START_TEST(util_utf8_valid_accepts_well_formed_text)
{
    ck_assert(valid(""));
    ck_assert(valid("Invoice INV-1042"));
    ck_assert(valid("Caf\xC3\xA9 M\xC3\xBCller"));
    ck_assert(valid("\xE2\x82\xAC 12.50"));
    ck_assert(valid("\xF0\x9F\x98\x80"));
    ck_assert(valid("\xC2\x80"));
    ck_assert(valid("\xE0\xA0\x80"));
    ck_assert(valid("\xED\x9F\xBF"));
    ck_assert(valid("\xEE\x80\x80"));
    ck_assert(valid("\xF0\x90\x80\x80"));
    ck_assert(valid("\xF4\x8F\xBF\xBF"));
}
END_TEST

START_TEST(util_utf8_valid_refuses_overlong_forms)
{
    ck_assert(!valid("\xC0\xAF"));
    ck_assert(!valid("\xC1\xBF"));
    ck_assert(!valid("\xE0\x80\xAF"));
    ck_assert(!valid("\xE0\x9F\xBF"));
    ck_assert(!valid("\xF0\x80\x80\xAF"));
    ck_assert(!valid("\xF0\x8F\xBF\xBF"));
}
END_TEST

START_TEST(util_utf8_valid_refuses_surrogates)
{
    ck_assert(!valid("\xED\xA0\x80"));
    ck_assert(!valid("\xED\xAF\xBF"));
    ck_assert(!valid("\xED\xB0\x80"));
    ck_assert(!valid("\xED\xBF\xBF"));
}
END_TEST

START_TEST(util_utf8_valid_refuses_code_points_above_u10ffff)
{
    ck_assert(!valid("\xF4\x90\x80\x80"));
    ck_assert(!valid("\xF5\x80\x80\x80"));
    ck_assert(!valid("\xF7\xBF\xBF\xBF"));
    ck_assert(!valid("\xF8\x88\x80\x80\x80"));
    ck_assert(!valid("\xFE"));
    ck_assert(!valid("\xFF"));
}
END_TEST

START_TEST(util_utf8_valid_refuses_truncated_sequences)
{
    ck_assert(!valid("\xC3"));
    ck_assert(!valid("caf\xC3"));
    ck_assert(!valid("\xE2\x82"));
    ck_assert(!valid("\xF0\x9F\x98"));
    ck_assert(!valid("\xE2\x82"
                     "A"));
    ck_assert(!valid("\xF0\x9F"
                     "AB"));
    ck_assert(!arc_utf8_valid("\xE2\x82\xAC", 2));
}
END_TEST

START_TEST(util_utf8_valid_refuses_stray_continuation_bytes)
{
    ck_assert(!valid("\x80"));
    ck_assert(!valid("\xBF"));
    ck_assert(!valid("a\xBF"
                     "b"));
    ck_assert(!valid("\xC3\xA9\xA9"));
}
END_TEST

START_TEST(util_utf8_valid_reads_only_the_given_length)
{
    ck_assert(arc_utf8_valid("\xC3\xA9\xFF", 2));
    ck_assert(arc_utf8_valid("a\0b", 3));
    ck_assert(arc_utf8_valid(NULL, 0));
    ck_assert(!arc_utf8_valid(NULL, 1));
}
END_TEST

START_TEST(util_check_text_requires_a_present_value)
{
    ck_assert_rc(arc_check_text("customer", "name", NULL, 200, true), ARC_EINVAL);
    ck_assert_str_eq(arc_error_last(), "customer: name: required");
    ck_assert_rc(arc_check_text("customer", "name", "", 200, true), ARC_EINVAL);
    ck_assert_str_eq(arc_error_last(), "customer: name: required");

    ck_assert_ok(arc_check_text("customer", "tax_id", NULL, 200, false));
    ck_assert_ok(arc_check_text("customer", "tax_id", "", 200, false));
    ck_assert_ok(arc_check_text("customer", "name", "Acme", 200, true));
}
END_TEST

START_TEST(util_check_text_refuses_invalid_utf8)
{
    ck_assert_rc(arc_check_text("invoice INV-7", "memo", "bad \xC0\xAF", 200, false),
                 ARC_EINVAL);
    ck_assert_str_eq(arc_error_last(), "invoice INV-7: memo: not valid UTF-8");
}
END_TEST

START_TEST(util_check_text_counts_the_limit_in_bytes)
{
    ck_assert_ok(arc_check_text("customer", "reference", "abcde", 5, true));
    ck_assert_rc(arc_check_text("customer", "reference", "abcdef", 5, true), ARC_EINVAL);
    ck_assert_str_eq(arc_error_last(), "customer: reference: longer than 5 bytes");

    ck_assert_ok(arc_check_text("customer", "reference", "\xC3\xA9\xC3\xA9", 5, true));
    ck_assert_rc(
        arc_check_text("customer", "reference", "\xC3\xA9\xC3\xA9\xC3\xA9", 5, true),
        ARC_EINVAL);
}
END_TEST

START_TEST(util_add_i64_reports_overflow_and_leaves_the_result_untouched)
{
    int64_t sum = 7;

    ck_assert(arc_add_i64(&sum, INT64_MAX - 5, 5));
    ck_assert_int_eq(sum, INT64_MAX);
    ck_assert(arc_add_i64(&sum, INT64_MIN, INT64_MAX));
    ck_assert_int_eq(sum, -1);

    sum = 7;
    ck_assert(!arc_add_i64(&sum, INT64_MAX, 1));
    ck_assert(!arc_add_i64(&sum, INT64_MIN, -1));
    ck_assert(!arc_add_i64(&sum, INT64_MAX, INT64_MAX));
    ck_assert_int_eq(sum, 7);
}
END_TEST

START_TEST(util_mul_i64_reports_overflow_and_leaves_the_result_untouched)
{
    int64_t product = 7;

    ck_assert(arc_mul_i64(&product, -3, 4));
    ck_assert_int_eq(product, -12);
    ck_assert(arc_mul_i64(&product, INT64_MIN / 2, 2));
    ck_assert_int_eq(product, INT64_MIN);
    ck_assert(arc_mul_i64(&product, 0, INT64_MIN));
    ck_assert_int_eq(product, 0);

    product = 7;
    ck_assert(!arc_mul_i64(&product, INT64_MIN, -1));
    ck_assert(!arc_mul_i64(&product, INT64_MAX, 2));
    ck_assert(!arc_mul_i64(&product, 4294967296, 2147483648));
    ck_assert_int_eq(product, 7);
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("util");
    TCase *strings = tcase_create("strings");
    TCase *utf8 = tcase_create("utf8");
    TCase *arithmetic = tcase_create("arithmetic");

    tcase_add_test(strings, util_strdup_copies_the_string);
    tcase_add_test(strings, util_check_text_requires_a_present_value);
    tcase_add_test(strings, util_check_text_refuses_invalid_utf8);
    tcase_add_test(strings, util_check_text_counts_the_limit_in_bytes);
    suite_add_tcase(suite, strings);

    tcase_add_test(utf8, util_utf8_valid_accepts_well_formed_text);
    tcase_add_test(utf8, util_utf8_valid_refuses_overlong_forms);
    tcase_add_test(utf8, util_utf8_valid_refuses_surrogates);
    tcase_add_test(utf8, util_utf8_valid_refuses_code_points_above_u10ffff);
    tcase_add_test(utf8, util_utf8_valid_refuses_truncated_sequences);
    tcase_add_test(utf8, util_utf8_valid_refuses_stray_continuation_bytes);
    tcase_add_test(utf8, util_utf8_valid_reads_only_the_given_length);
    suite_add_tcase(suite, utf8);

    tcase_add_test(arithmetic,
                   util_add_i64_reports_overflow_and_leaves_the_result_untouched);
    tcase_add_test(arithmetic,
                   util_mul_i64_reports_overflow_and_leaves_the_result_untouched);
    suite_add_tcase(suite, arithmetic);

    return test_run_suite(suite);
}
