/*
 * Dispute reports: counts, amounts, shares, days to resolve and outcome mix
 * per reason code, customer and month of opening; the ranking and its
 * tie-breaks; the period, customer and currency filters; and the options a
 * report refuses.
 *
 * The book: three customers in USD, seven disputes over three reason codes.
 *
 * | dispute | opened     | customer | code        | amount | resolved            |
 * |---------|------------|----------|-------------|--------|---------------------|
 * | 1       | 2026-01-10 | acme     | PRICING     | 1000   | 01-12 credited (2)  |
 * | 2       | 2026-01-20 | bolt     | PRICING     | 2000   | 01-25 rejected (5)  |
 * | 3       | 2026-02-03 | crux     | PRICING     | 3000   | 02-13 written off (10) |
 * | 4       | 2026-02-10 | acme     | QUANTITY    | 1500   | 02-11 withdrawn (1) |
 * | 5       | 2026-03-01 | bolt     | QUANTITY    | 2500   | 03-05 credited (4)  |
 * | 6       | 2026-03-02 | crux     | OPEN_TICKET | 2000   | open                |
 * | 7       | 2026-03-10 | acme     | OPEN_TICKET | 2000   | in review           |
 */
#include <stdio.h>
#include <string.h>

#include "testutil.h"
#include "arcollect/dispute_report.h"

static arc_db *db;
static arc_id acme, bolt, crux;
static arc_id disputes[8]; /* by the numbers of the table above */

static arc_id open_on(const char *date, arc_id invoice, const char *code, int64_t amount)
{
    arc_dispute_opts opts = ARC_DISPUTE_OPTS_INIT;
    arc_id id = 0;

    test_set_today(date);
    opts.invoice_id = invoice;
    opts.reason_code = code;
    opts.amount = amount;
    opts.opened_by = "lee";
    ck_assert_ok(arc_dispute_open(&id, db, &opts));
    return id;
}

static void resolve_on(arc_id id, const char *date, arc_dispute_outcome outcome)
{
    arc_dispute_resolution resolution = ARC_DISPUTE_RESOLUTION_INIT;

    resolution.outcome = outcome;
    resolution.resolved_by = "pat";
    resolution.date = test_date(date);
    ck_assert_ok(arc_dispute_resolve(db, id, &resolution));
}

static void setup(void)
{
    arc_id invoice_a, invoice_b, invoice_c;

    db = test_open_book("2026-01-05");
    acme = test_customer(db, "ACME", "USD");
    bolt = test_customer(db, "BOLT", "USD");
    crux = test_customer(db, "CRUX", "USD");
    invoice_a = test_invoice(db, acme, "2026-01-05", 100000);
    invoice_b = test_invoice(db, bolt, "2026-01-05", 100000);
    invoice_c = test_invoice(db, crux, "2026-01-05", 100000);

    disputes[1] = open_on("2026-01-10", invoice_a, "PRICING", 1000);
    disputes[2] = open_on("2026-01-20", invoice_b, "PRICING", 2000);
    disputes[3] = open_on("2026-02-03", invoice_c, "PRICING", 3000);
    disputes[4] = open_on("2026-02-10", invoice_a, "QUANTITY", 1500);
    disputes[5] = open_on("2026-03-01", invoice_b, "QUANTITY", 2500);
    disputes[6] = open_on("2026-03-02", invoice_c, "OPEN_TICKET", 2000);
    disputes[7] = open_on("2026-03-10", invoice_a, "OPEN_TICKET", 2000);

    test_set_today("2026-03-20");
    resolve_on(disputes[1], "2026-01-12", ARC_DISPUTE_CREDITED);
    resolve_on(disputes[2], "2026-01-25", ARC_DISPUTE_REJECTED);
    resolve_on(disputes[3], "2026-02-13", ARC_DISPUTE_WRITTEN_OFF);
    resolve_on(disputes[4], "2026-02-11", ARC_DISPUTE_WITHDRAWN);
    resolve_on(disputes[5], "2026-03-05", ARC_DISPUTE_CREDITED);
    ck_assert_ok(arc_dispute_review(db, disputes[7], "pat"));
}

static void teardown(void)
{
    test_close_book(db);
}

static arc_dispute_report *report_by(arc_dispute_grouping grouping)
{
    arc_dispute_report_opts opts = ARC_DISPUTE_REPORT_OPTS_INIT;
    arc_dispute_report *report = NULL;

    opts.grouping = grouping;
    ck_assert_ok(arc_dispute_report_compute(&report, db, &opts));
    ck_assert_ptr_nonnull(report);
    return report;
}

static arc_dispute_report *report_of_period(const char *from, const char *to)
{
    arc_dispute_report_opts opts = ARC_DISPUTE_REPORT_OPTS_INIT;
    arc_dispute_report *report = NULL;

    opts.from = from ? test_date(from) : ARC_DATE_NONE;
    opts.to = to ? test_date(to) : ARC_DATE_NONE;
    ck_assert_ok(arc_dispute_report_compute(&report, db, &opts));
    return report;
}

/* Assert a row's key, disputes, amount, share and resolved count. */
static void assert_row(const arc_dispute_report *report, size_t row, const char *key,
                       size_t dispute_count, int64_t amount, int32_t share_bp,
                       size_t resolved_count)
{
    ck_assert_str_eq(arc_dispute_report_row_key(report, row), key);
    ck_assert_uint_eq(arc_dispute_report_row_dispute_count(report, row), dispute_count);
    ck_assert_int_eq(arc_dispute_report_row_amount(report, row), amount);
    ck_assert_int_eq(arc_dispute_report_row_share_bp(report, row), share_bp);
    ck_assert_uint_eq(arc_dispute_report_row_resolved_count(report, row), resolved_count);
}

/* Assert a row's mean and median days to resolve, in hundredths. */
static void assert_days(const arc_dispute_report *report, size_t row, int64_t mean,
                        int64_t median)
{
    ck_assert_int_eq(arc_dispute_report_row_mean_days(report, row), mean);
    ck_assert_int_eq(arc_dispute_report_row_median_days(report, row), median);
}

/* Assert a row's outcome mix: unresolved, credited, written off, rejected,
 * withdrawn. */
static void assert_outcomes(const arc_dispute_report *report, size_t row,
                            size_t unresolved, size_t credited, size_t written_off,
                            size_t rejected, size_t withdrawn)
{
    ck_assert_uint_eq(
        arc_dispute_report_row_outcome_count(report, row, ARC_DISPUTE_UNRESOLVED),
        unresolved);
    ck_assert_uint_eq(
        arc_dispute_report_row_outcome_count(report, row, ARC_DISPUTE_CREDITED),
        credited);
    ck_assert_uint_eq(
        arc_dispute_report_row_outcome_count(report, row, ARC_DISPUTE_WRITTEN_OFF),
        written_off);
    ck_assert_uint_eq(
        arc_dispute_report_row_outcome_count(report, row, ARC_DISPUTE_REJECTED),
        rejected);
    ck_assert_uint_eq(
        arc_dispute_report_row_outcome_count(report, row, ARC_DISPUTE_WITHDRAWN),
        withdrawn);
}

static const char *id_text(arc_id id)
{
    static char text[24];

    snprintf(text, sizeof(text), "%lld", (long long)id);
    return text;
}

/* ---- by reason code --------------------------------------------------------- */

START_TEST(reason_codes_rank_by_count_then_amount_then_code)
{
    arc_dispute_report *report = report_by(ARC_DISPUTE_GROUP_REASON_CODE);

    ck_assert_uint_eq(arc_dispute_report_row_count(report), 3);
    /* OPEN_TICKET and QUANTITY tie on 2 disputes and 4000: the code decides. */
    assert_row(report, 0, "PRICING", 3, 6000, 4286, 3);
    assert_row(report, 1, "OPEN_TICKET", 2, 4000, 2857, 0);
    assert_row(report, 2, "QUANTITY", 2, 4000, 2857, 2);
    ck_assert_str_eq(arc_dispute_report_row_label(report, 0),
                     "Pricing differs from contract");
    ck_assert_str_eq(arc_dispute_report_row_label(report, 1),
                     "Unresolved support ticket");
    ck_assert_str_eq(arc_dispute_report_row_label(report, 2),
                     "Licence or seat quantity mismatch");
    ck_assert_int_eq(arc_dispute_report_row_customer_id(report, 0), 0);
    arc_dispute_report_free(report);
}
END_TEST

START_TEST(report_totals_cover_every_row_in_one_currency)
{
    arc_dispute_report *report = report_by(ARC_DISPUTE_GROUP_REASON_CODE);

    ck_assert_uint_eq(arc_dispute_report_total_count(report), 7);
    ck_assert_int_eq(arc_dispute_report_total_amount(report), 14000);
    ck_assert_str_eq(arc_dispute_report_currency(report), "USD");
    arc_dispute_report_free(report);
}
END_TEST

START_TEST(days_to_resolve_are_mean_and_median_in_hundredths)
{
    arc_dispute_report *report = report_by(ARC_DISPUTE_GROUP_REASON_CODE);

    /* PRICING: 2, 5 and 10 days; the mean 5.666... rounds up to 5.67, and
     * the median of an odd count is the middle value. */
    assert_days(report, 0, 567, 500);
    /* OPEN_TICKET: nothing resolved. */
    assert_days(report, 1, -1, -1);
    /* QUANTITY: 1 and 4 days. */
    assert_days(report, 2, 250, 250);
    arc_dispute_report_free(report);
}
END_TEST

START_TEST(outcome_mix_counts_each_outcome)
{
    arc_dispute_report *report = report_by(ARC_DISPUTE_GROUP_REASON_CODE);

    assert_outcomes(report, 0, 0, 1, 1, 1, 0);
    assert_outcomes(report, 1, 2, 0, 0, 0, 0);
    assert_outcomes(report, 2, 0, 1, 0, 0, 1);
    ck_assert_uint_eq(arc_dispute_report_row_outcome_count(report, 0, 99), 0);
    ck_assert_uint_eq(
        arc_dispute_report_row_outcome_count(report, 0, (arc_dispute_outcome)-1), 0);
    arc_dispute_report_free(report);
}
END_TEST

START_TEST(reopened_dispute_counts_as_not_resolved)
{
    arc_dispute_report *report;

    ck_assert_ok(arc_dispute_reopen(db, disputes[2], "pat", "new evidence"));
    report = report_by(ARC_DISPUTE_GROUP_REASON_CODE);

    assert_row(report, 0, "PRICING", 3, 6000, 4286, 2);
    assert_days(report, 0, 600, 600); /* 2 and 10 days */
    assert_outcomes(report, 0, 1, 1, 1, 0, 0);
    arc_dispute_report_free(report);
}
END_TEST

START_TEST(median_of_an_even_count_averages_the_two_middle_values)
{
    arc_dispute_report *report;
    arc_id invoice = test_invoice(db, crux, "2026-03-20", 50000);
    arc_id extra;

    /* A fourth PRICING dispute resolved in 3 days: 2, 3, 5, 10. */
    test_set_today("2026-03-21");
    extra = open_on("2026-03-21", invoice, "PRICING", 500);
    test_set_today("2026-03-24");
    resolve_on(extra, "2026-03-24", ARC_DISPUTE_REJECTED);
    report = report_by(ARC_DISPUTE_GROUP_REASON_CODE);

    assert_row(report, 0, "PRICING", 4, 6500, 5000, 4);
    assert_days(report, 0, 500, 400);
    arc_dispute_report_free(report);
}
END_TEST

/* ---- by customer and month ---------------------------------------------------- */

START_TEST(customers_rank_by_count_then_larger_amount)
{
    arc_dispute_report *report = report_by(ARC_DISPUTE_GROUP_CUSTOMER);

    ck_assert_uint_eq(arc_dispute_report_row_count(report), 3);
    /* crux and bolt tie on 2 disputes: crux disputes 5000, bolt 4500. */
    assert_row(report, 0, id_text(acme), 3, 4500, 4286, 2);
    assert_row(report, 1, id_text(crux), 2, 5000, 2857, 1);
    assert_row(report, 2, id_text(bolt), 2, 4500, 2857, 2);
    ck_assert_int_eq(arc_dispute_report_row_customer_id(report, 0), acme);
    ck_assert_int_eq(arc_dispute_report_row_customer_id(report, 1), crux);
    ck_assert_int_eq(arc_dispute_report_row_customer_id(report, 2), bolt);
    ck_assert_ptr_null(arc_dispute_report_row_label(report, 0));

    assert_days(report, 0, 150, 150); /* 2 and 1 days */
    assert_days(report, 1, 1000, 1000);
    assert_days(report, 2, 450, 450); /* 5 and 4 days */
    assert_outcomes(report, 0, 1, 1, 0, 0, 1);
    assert_outcomes(report, 1, 1, 0, 1, 0, 0);
    assert_outcomes(report, 2, 0, 1, 0, 1, 0);
    arc_dispute_report_free(report);
}
END_TEST

START_TEST(months_group_by_the_opening_date)
{
    arc_dispute_report *report = report_by(ARC_DISPUTE_GROUP_MONTH);

    ck_assert_uint_eq(arc_dispute_report_row_count(report), 3);
    assert_row(report, 0, "2026-03", 3, 6500, 4286, 1);
    assert_row(report, 1, "2026-02", 2, 4500, 2857, 2);
    assert_row(report, 2, "2026-01", 2, 3000, 2857, 2);
    ck_assert_ptr_null(arc_dispute_report_row_label(report, 0));
    ck_assert_int_eq(arc_dispute_report_row_customer_id(report, 0), 0);

    assert_days(report, 0, 400, 400);
    assert_days(report, 1, 550, 550); /* 10 and 1 days */
    assert_days(report, 2, 350, 350); /* 2 and 5 days */
    assert_outcomes(report, 0, 2, 1, 0, 0, 0);
    assert_outcomes(report, 1, 0, 0, 1, 0, 1);
    assert_outcomes(report, 2, 0, 1, 0, 1, 0);
    arc_dispute_report_free(report);
}
END_TEST

/* ---- filters ------------------------------------------------------------------ */

START_TEST(period_counts_disputes_opened_from_and_to_inclusive)
{
    /* 2026-01-20 to 2026-03-01: disputes 2 to 5; 1 and 6 fall just outside. */
    arc_dispute_report *report = report_of_period("2026-01-20", "2026-03-01");

    ck_assert_uint_eq(arc_dispute_report_total_count(report), 4);
    ck_assert_int_eq(arc_dispute_report_total_amount(report), 9000);
    ck_assert_uint_eq(arc_dispute_report_row_count(report), 2);
    assert_row(report, 0, "PRICING", 2, 5000, 5000, 2);
    assert_row(report, 1, "QUANTITY", 2, 4000, 5000, 2);
    assert_days(report, 0, 750, 750); /* 5 and 10 days */
    arc_dispute_report_free(report);
}
END_TEST

START_TEST(period_may_be_open_at_either_end)
{
    arc_dispute_report *report = report_of_period("2026-03-01", NULL);

    ck_assert_uint_eq(arc_dispute_report_total_count(report), 3);
    assert_row(report, 0, "OPEN_TICKET", 2, 4000, 6667, 0);
    assert_row(report, 1, "QUANTITY", 1, 2500, 3333, 1);
    arc_dispute_report_free(report);

    report = report_of_period(NULL, "2026-01-31");
    ck_assert_uint_eq(arc_dispute_report_row_count(report), 1);
    assert_row(report, 0, "PRICING", 2, 3000, 10000, 2);
    arc_dispute_report_free(report);

    report = report_of_period("2026-04-01", "2026-04-30");
    ck_assert_uint_eq(arc_dispute_report_row_count(report), 0);
    ck_assert_uint_eq(arc_dispute_report_total_count(report), 0);
    ck_assert_int_eq(arc_dispute_report_total_amount(report), 0);
    ck_assert_ptr_null(arc_dispute_report_currency(report));
    arc_dispute_report_free(report);
}
END_TEST

START_TEST(customer_filter_keeps_one_customers_disputes)
{
    arc_dispute_report_opts opts = ARC_DISPUTE_REPORT_OPTS_INIT;
    arc_dispute_report *report = NULL;

    opts.customer_id = bolt;
    ck_assert_ok(arc_dispute_report_compute(&report, db, &opts));

    ck_assert_uint_eq(arc_dispute_report_row_count(report), 2);
    assert_row(report, 0, "QUANTITY", 1, 2500, 5000, 1);
    assert_row(report, 1, "PRICING", 1, 2000, 5000, 1);
    assert_days(report, 0, 400, 400);
    assert_days(report, 1, 500, 500);
    arc_dispute_report_free(report);
}
END_TEST

START_TEST(several_currencies_need_a_currency_filter)
{
    arc_dispute_report_opts opts = ARC_DISPUTE_REPORT_OPTS_INIT;
    arc_dispute_report *report = NULL;
    arc_id euro = test_customer(db, "EURO", "EUR");
    arc_id invoice = test_invoice(db, euro, "2026-03-20", 90000);

    open_on("2026-03-20", invoice, "PRICING", 7000);
    ck_assert_rc(arc_dispute_report_compute(&report, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("currency");
    ck_assert_error_mentions("EUR");
    ck_assert_error_mentions("USD");
    ck_assert_ptr_null(report);

    opts.currency = "EUR";
    ck_assert_ok(arc_dispute_report_compute(&report, db, &opts));
    ck_assert_str_eq(arc_dispute_report_currency(report), "EUR");
    ck_assert_uint_eq(arc_dispute_report_row_count(report), 1);
    assert_row(report, 0, "PRICING", 1, 7000, 10000, 0);
    assert_days(report, 0, -1, -1);
    arc_dispute_report_free(report);

    opts.currency = "USD";
    ck_assert_ok(arc_dispute_report_compute(&report, db, &opts));
    ck_assert_str_eq(arc_dispute_report_currency(report), "USD");
    ck_assert_uint_eq(arc_dispute_report_total_count(report), 7);
    ck_assert_int_eq(arc_dispute_report_total_amount(report), 14000);
    arc_dispute_report_free(report);
}
END_TEST

START_TEST(currency_filter_without_disputes_still_names_the_currency)
{
    arc_dispute_report_opts opts = ARC_DISPUTE_REPORT_OPTS_INIT;
    arc_dispute_report *report = NULL;

    opts.currency = "GBP";
    ck_assert_ok(arc_dispute_report_compute(&report, db, &opts));
    ck_assert_str_eq(arc_dispute_report_currency(report), "GBP");
    ck_assert_uint_eq(arc_dispute_report_row_count(report), 0);
    arc_dispute_report_free(report);
}
END_TEST

/* ---- refusals ----------------------------------------------------------------- */

START_TEST(bad_options_are_refused_naming_the_field)
{
    arc_dispute_report_opts opts = ARC_DISPUTE_REPORT_OPTS_INIT;
    arc_dispute_report *report = NULL;

    opts.version = 99;
    ck_assert_rc(arc_dispute_report_compute(&report, db, &opts), ARC_EVERSION);
    ck_assert_error_mentions("version");

    opts.version = ARC_DISPUTE_REPORT_OPTS_VERSION;
    opts.grouping = (arc_dispute_grouping)7;
    ck_assert_rc(arc_dispute_report_compute(&report, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("grouping");

    opts.grouping = ARC_DISPUTE_GROUP_MONTH;
    opts.from = test_date("2026-03-02");
    opts.to = test_date("2026-03-01");
    ck_assert_rc(arc_dispute_report_compute(&report, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("from");

    opts.from = ARC_DATE_NONE;
    opts.to = 99999999;
    ck_assert_rc(arc_dispute_report_compute(&report, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("to");

    opts.to = ARC_DATE_NONE;
    opts.currency = "XYZ";
    ck_assert_rc(arc_dispute_report_compute(&report, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("XYZ");

    opts.currency = NULL;
    opts.customer_id = -4;
    ck_assert_rc(arc_dispute_report_compute(&report, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("customer_id");

    opts.customer_id = 9999;
    ck_assert_rc(arc_dispute_report_compute(&report, db, &opts), ARC_ENOTFOUND);
    ck_assert_error_mentions("9999");
    ck_assert_ptr_null(report);

    ck_assert_rc(arc_dispute_report_compute(NULL, db, NULL), ARC_EINVAL);
    ck_assert_rc(arc_dispute_report_compute(&report, NULL, NULL), ARC_EINVAL);
    ck_assert_ptr_null(report);
}
END_TEST

START_TEST(null_options_report_every_dispute_by_reason_code)
{
    arc_dispute_report *report = NULL;

    ck_assert_ok(arc_dispute_report_compute(&report, db, NULL));
    ck_assert_uint_eq(arc_dispute_report_row_count(report), 3);
    ck_assert_str_eq(arc_dispute_report_row_key(report, 0), "PRICING");
    arc_dispute_report_free(report);
}
END_TEST

START_TEST(null_report_and_rows_out_of_range_give_empty_values)
{
    arc_dispute_report *report = report_by(ARC_DISPUTE_GROUP_REASON_CODE);

    ck_assert_ptr_null(arc_dispute_report_currency(NULL));
    ck_assert_uint_eq(arc_dispute_report_total_count(NULL), 0);
    ck_assert_int_eq(arc_dispute_report_total_amount(NULL), 0);
    ck_assert_uint_eq(arc_dispute_report_row_count(NULL), 0);
    ck_assert_ptr_null(arc_dispute_report_row_key(NULL, 0));
    ck_assert_ptr_null(arc_dispute_report_row_key(report, 3));
    ck_assert_ptr_null(arc_dispute_report_row_label(report, 3));
    ck_assert_int_eq(arc_dispute_report_row_customer_id(report, 3), 0);
    ck_assert_uint_eq(arc_dispute_report_row_dispute_count(report, 3), 0);
    ck_assert_int_eq(arc_dispute_report_row_amount(report, 3), 0);
    ck_assert_int_eq(arc_dispute_report_row_share_bp(report, 3), 0);
    ck_assert_uint_eq(arc_dispute_report_row_resolved_count(report, 3), 0);
    ck_assert_int_eq(arc_dispute_report_row_mean_days(report, 3), -1);
    ck_assert_int_eq(arc_dispute_report_row_median_days(NULL, 0), -1);
    ck_assert_uint_eq(
        arc_dispute_report_row_outcome_count(report, 3, ARC_DISPUTE_CREDITED), 0);
    arc_dispute_report_free(report);
    arc_dispute_report_free(NULL);
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("dispute_report");
    TCase *by_reason = tcase_create("by_reason_code");
    TCase *groupings = tcase_create("groupings");
    TCase *filters = tcase_create("filters");
    TCase *refusals = tcase_create("refusals");

    tcase_add_checked_fixture(by_reason, setup, teardown);
    tcase_add_checked_fixture(groupings, setup, teardown);
    tcase_add_checked_fixture(filters, setup, teardown);
    tcase_add_checked_fixture(refusals, setup, teardown);

    tcase_add_test(by_reason, reason_codes_rank_by_count_then_amount_then_code);
    tcase_add_test(by_reason, report_totals_cover_every_row_in_one_currency);
    tcase_add_test(by_reason, days_to_resolve_are_mean_and_median_in_hundredths);
    tcase_add_test(by_reason, outcome_mix_counts_each_outcome);
    tcase_add_test(by_reason, reopened_dispute_counts_as_not_resolved);
    tcase_add_test(by_reason, median_of_an_even_count_averages_the_two_middle_values);
    suite_add_tcase(suite, by_reason);

    tcase_add_test(groupings, customers_rank_by_count_then_larger_amount);
    tcase_add_test(groupings, months_group_by_the_opening_date);
    suite_add_tcase(suite, groupings);

    tcase_add_test(filters, period_counts_disputes_opened_from_and_to_inclusive);
    tcase_add_test(filters, period_may_be_open_at_either_end);
    tcase_add_test(filters, customer_filter_keeps_one_customers_disputes);
    tcase_add_test(filters, several_currencies_need_a_currency_filter);
    tcase_add_test(filters, currency_filter_without_disputes_still_names_the_currency);
    suite_add_tcase(suite, filters);

    tcase_add_test(refusals, bad_options_are_refused_naming_the_field);
    tcase_add_test(refusals, null_options_report_every_dispute_by_reason_code);
    tcase_add_test(refusals, null_report_and_rows_out_of_range_give_empty_values);
    suite_add_tcase(suite, refusals);
    return test_run_suite(suite);
}
