/*
 * Aging: buckets by days past due, rows per customer and currency, totals
 * per currency, filters, custom edges, and balances as of earlier dates.
 */
#include <string.h>

#include "testutil.h"

enum { CURRENT, DAYS_1_30, DAYS_31_60, DAYS_61_90, OVER_90 };

static arc_db *db;
static arc_id acme;

static void setup(void)
{
    db = test_open_book("2026-03-15");
    acme = test_customer(db, "ACME", "USD");
}

static void teardown(void)
{
    test_close_book(db);
}

static arc_id pay(arc_id customer_id, arc_id invoice_id, int64_t amount, const char *on)
{
    arc_payment_opts opts = ARC_PAYMENT_OPTS_INIT;
    arc_id payment = 0;

    opts.customer_id = customer_id;
    opts.amount = amount;
    opts.received_on = test_date(on);
    ck_assert_ok(arc_payment_record(&payment, db, &opts));
    ck_assert_ok(arc_payment_apply(db, payment, invoice_id, amount, test_date(on)));
    return payment;
}

static arc_aging *age_as_of(const char *as_of)
{
    arc_aging_opts opts = ARC_AGING_OPTS_INIT;
    arc_aging *aging = NULL;

    if (as_of != NULL)
        opts.as_of = test_date(as_of);
    ck_assert_ok(arc_aging_compute(&aging, db, &opts));
    return aging;
}

static void assert_total_buckets(const arc_aging *aging, size_t currency, int64_t current,
                                 int64_t days_1_30, int64_t days_31_60,
                                 int64_t days_61_90, int64_t over_90)
{
    ck_assert_int_eq(arc_aging_total_amount(aging, currency, CURRENT), current);
    ck_assert_int_eq(arc_aging_total_amount(aging, currency, DAYS_1_30), days_1_30);
    ck_assert_int_eq(arc_aging_total_amount(aging, currency, DAYS_31_60), days_31_60);
    ck_assert_int_eq(arc_aging_total_amount(aging, currency, DAYS_61_90), days_61_90);
    ck_assert_int_eq(arc_aging_total_amount(aging, currency, OVER_90), over_90);
}

START_TEST(balances_fall_into_buckets_by_days_past_due)
{
    arc_aging *aging;

    test_invoice_full(db, acme, NULL, "2026-03-01", "2026-03-31", 100); /* not due */
    test_invoice_full(db, acme, NULL, "2026-02-01", "2026-03-15", 200); /* due today */
    test_invoice_full(db, acme, NULL, "2026-02-01", "2026-03-14", 300); /* 1 day */
    test_invoice_full(db, acme, NULL, "2026-01-01", "2026-02-13", 400); /* 30 days */
    test_invoice_full(db, acme, NULL, "2026-01-01", "2026-02-12", 500); /* 31 days */
    test_invoice_full(db, acme, NULL, "2025-12-01", "2025-12-15", 600); /* 90 days */
    test_invoice_full(db, acme, NULL, "2025-12-01", "2025-12-14", 700); /* 91 days */
    test_invoice_full(db, acme, NULL, "2025-01-01", "2025-01-31", 800); /* 408 days */

    aging = age_as_of(NULL);
    ck_assert_int_eq(arc_aging_as_of(aging), test_date("2026-03-15"));
    ck_assert_int_eq(arc_aging_bucket_count(aging), 5);
    ck_assert_str_eq(arc_aging_bucket_label(aging, CURRENT), "current");
    ck_assert_str_eq(arc_aging_bucket_label(aging, DAYS_1_30), "1-30");
    ck_assert_str_eq(arc_aging_bucket_label(aging, DAYS_31_60), "31-60");
    ck_assert_str_eq(arc_aging_bucket_label(aging, DAYS_61_90), "61-90");
    ck_assert_str_eq(arc_aging_bucket_label(aging, OVER_90), "over 90");
    ck_assert_ptr_null(arc_aging_bucket_label(aging, 5));

    ck_assert_int_eq(arc_aging_currency_count(aging), 1);
    ck_assert_str_eq(arc_aging_currency_at(aging, 0), "USD");
    assert_total_buckets(aging, 0, 300, 700, 500, 600, 1500);
    ck_assert_int_eq(arc_aging_total(aging, 0), 3600);
    ck_assert_int_eq(arc_aging_total_invoice_count(aging, 0), 8);

    ck_assert_int_eq(arc_aging_row_count(aging), 1);
    ck_assert_int_eq(arc_aging_row_customer_id(aging, 0), acme);
    ck_assert_int_eq(arc_aging_row_amount(aging, 0, OVER_90), 1500);
    ck_assert_int_eq(arc_aging_row_total(aging, 0), 3600);
    arc_aging_free(aging);
}
END_TEST

START_TEST(rows_are_per_customer_and_currency_and_currencies_are_never_added)
{
    arc_id globex = test_customer(db, "GLOBEX", "EUR");
    arc_id initech = test_customer(db, "INITECH", "USD");
    arc_aging *aging;

    test_invoice_full(db, acme, NULL, "2026-03-01", "2026-03-31", 1000);
    test_invoice_full(db, acme, "EUR", "2026-01-01", "2026-02-01", 2000);
    test_invoice_full(db, globex, NULL, "2026-01-01", "2026-01-31", 3000);
    test_invoice_full(db, initech, NULL, "2025-11-01", "2025-12-20", 4000);
    test_invoice(db, initech, "2026-03-01", 5000);

    aging = age_as_of(NULL);
    ck_assert_int_eq(arc_aging_row_count(aging), 4);
    ck_assert_int_eq(arc_aging_row_customer_id(aging, 0), acme);
    ck_assert_str_eq(arc_aging_row_currency(aging, 0), "EUR");
    ck_assert_int_eq(arc_aging_row_amount(aging, 0, DAYS_31_60), 2000);
    ck_assert_int_eq(arc_aging_row_customer_id(aging, 1), acme);
    ck_assert_str_eq(arc_aging_row_currency(aging, 1), "USD");
    ck_assert_int_eq(arc_aging_row_amount(aging, 1, CURRENT), 1000);
    ck_assert_int_eq(arc_aging_row_customer_id(aging, 2), globex);
    ck_assert_int_eq(arc_aging_row_amount(aging, 2, DAYS_31_60), 3000);
    ck_assert_int_eq(arc_aging_row_customer_id(aging, 3), initech);
    ck_assert_int_eq(arc_aging_row_amount(aging, 3, DAYS_61_90), 4000);
    ck_assert_int_eq(arc_aging_row_amount(aging, 3, CURRENT), 5000);
    ck_assert_int_eq(arc_aging_row_invoice_count(aging, 3), 2);

    ck_assert_int_eq(arc_aging_currency_count(aging), 2);
    ck_assert_str_eq(arc_aging_currency_at(aging, 0), "EUR");
    ck_assert_int_eq(arc_aging_total(aging, 0), 5000);
    ck_assert_str_eq(arc_aging_currency_at(aging, 1), "USD");
    assert_total_buckets(aging, 1, 6000, 0, 0, 4000, 0);
    arc_aging_free(aging);
}
END_TEST

START_TEST(paid_void_and_draft_invoices_are_not_aged)
{
    arc_invoice_line_opts line = ARC_INVOICE_LINE_OPTS_INIT;
    arc_invoice_opts draft = ARC_INVOICE_OPTS_INIT;
    arc_id partly = test_invoice_full(db, acme, NULL, "2026-01-01", "2026-01-31", 1000);
    arc_id paid = test_invoice_full(db, acme, NULL, "2026-01-01", "2026-01-31", 2000);
    arc_id voided = test_invoice_full(db, acme, NULL, "2026-01-01", "2026-01-31", 4000);
    arc_aging *aging;

    line.description = "Draft";
    line.unit_price = 8000;
    draft.customer_id = acme;
    draft.lines = &line;
    draft.line_count = 1;
    ck_assert_ok(arc_invoice_create(NULL, db, &draft));
    pay(acme, partly, 250, "2026-02-10");
    pay(acme, paid, 2000, "2026-02-10");
    ck_assert_ok(arc_invoice_void(db, voided, test_date("2026-02-01"), NULL));

    aging = age_as_of(NULL);
    assert_total_buckets(aging, 0, 0, 0, 750, 0, 0);
    ck_assert_int_eq(arc_aging_total_invoice_count(aging, 0), 1);
    arc_aging_free(aging);
}
END_TEST

START_TEST(earlier_date_uses_the_balances_of_that_day)
{
    arc_id paid_later =
        test_invoice_full(db, acme, NULL, "2026-01-01", "2026-01-31", 1000);
    arc_id paid_before =
        test_invoice_full(db, acme, NULL, "2026-01-01", "2026-01-31", 2000);
    arc_id issued_later =
        test_invoice_full(db, acme, NULL, "2026-02-20", "2026-03-20", 4000);
    arc_id voided_later =
        test_invoice_full(db, acme, NULL, "2026-01-05", "2026-02-04", 8000);
    arc_aging *aging;

    pay(acme, paid_before, 500, "2026-02-05");
    pay(acme, paid_later, 1000, "2026-03-01");
    pay(acme, paid_before, 1500, "2026-03-02");
    ck_assert_ok(arc_invoice_void(db, voided_later, test_date("2026-03-03"), NULL));
    (void)issued_later;

    /* On 2026-02-15: paid_later owed 1000 (15 days), paid_before 1500
     * (15 days), voided_later 8000 (11 days); issued_later did not exist. */
    aging = age_as_of("2026-02-15");
    assert_total_buckets(aging, 0, 0, 10500, 0, 0, 0);
    ck_assert_int_eq(arc_aging_total_invoice_count(aging, 0), 3);
    ck_assert_int_eq(arc_aging_row_total(aging, 0), 10500);
    arc_aging_free(aging);

    /* Today only the invoice issued on 2026-02-20 is owed. */
    aging = age_as_of(NULL);
    assert_total_buckets(aging, 0, 4000, 0, 0, 0, 0);
    arc_aging_free(aging);
}
END_TEST

START_TEST(payment_reversed_later_still_counted_on_earlier_date)
{
    arc_id invoice = test_invoice_full(db, acme, NULL, "2026-01-01", "2026-01-31", 1000);
    arc_id payment = pay(acme, invoice, 600, "2026-02-01");
    arc_aging *aging;

    ck_assert_ok(arc_payment_reverse(db, payment, test_date("2026-03-01"), "R01"));

    aging = age_as_of("2026-02-10");
    assert_total_buckets(aging, 0, 0, 400, 0, 0, 0);
    arc_aging_free(aging);

    aging = age_as_of("2026-03-01");
    assert_total_buckets(aging, 0, 0, 1000, 0, 0, 0);
    arc_aging_free(aging);
}
END_TEST

START_TEST(written_off_later_still_owed_on_earlier_date)
{
    arc_id invoice = test_invoice_full(db, acme, NULL, "2025-10-01", "2025-10-31", 1000);
    arc_aging *aging;

    ck_assert_ok(arc_invoice_write_off(db, invoice, test_date("2026-03-10"), NULL));
    aging = age_as_of("2026-03-09");
    assert_total_buckets(aging, 0, 0, 0, 0, 0, 1000);
    arc_aging_free(aging);

    aging = age_as_of(NULL);
    ck_assert_int_eq(arc_aging_currency_count(aging), 0);
    ck_assert_int_eq(arc_aging_row_count(aging), 0);
    arc_aging_free(aging);
}
END_TEST

START_TEST(custom_bucket_edges)
{
    const int32_t edges[] = { 15, 45 };
    arc_aging_opts opts = ARC_AGING_OPTS_INIT;
    arc_aging *aging = NULL;

    test_invoice_full(db, acme, NULL, "2026-03-01", "2026-03-01", 100); /* 14 days */
    test_invoice_full(db, acme, NULL, "2026-02-01", "2026-02-28", 200); /* 15 days */
    test_invoice_full(db, acme, NULL, "2026-02-01", "2026-02-27", 300); /* 16 days */
    test_invoice_full(db, acme, NULL, "2026-01-01", "2026-01-29", 400); /* 45 days */
    test_invoice_full(db, acme, NULL, "2026-01-01", "2026-01-28", 500); /* 46 days */

    opts.bucket_edges = edges;
    opts.bucket_edge_count = 2;
    ck_assert_ok(arc_aging_compute(&aging, db, &opts));
    ck_assert_int_eq(arc_aging_bucket_count(aging), 4);
    ck_assert_str_eq(arc_aging_bucket_label(aging, 1), "1-15");
    ck_assert_str_eq(arc_aging_bucket_label(aging, 2), "16-45");
    ck_assert_str_eq(arc_aging_bucket_label(aging, 3), "over 45");
    ck_assert_int_eq(arc_aging_total_amount(aging, 0, 0), 0);
    ck_assert_int_eq(arc_aging_total_amount(aging, 0, 1), 300);
    ck_assert_int_eq(arc_aging_total_amount(aging, 0, 2), 700);
    ck_assert_int_eq(arc_aging_total_amount(aging, 0, 3), 500);
    arc_aging_free(aging);
}
END_TEST

START_TEST(bad_aging_options_are_refused)
{
    const int32_t descending[] = { 60, 30 };
    const int32_t zero[] = { 0, 30 };
    const int32_t many[ARC_AGING_MAX_EDGES + 1] = { 1, 2,  3,  4,  5,  6,  7, 8,
                                                    9, 10, 11, 12, 13, 14, 15 };
    arc_aging_opts opts = ARC_AGING_OPTS_INIT;
    arc_aging *aging = NULL;

    opts.bucket_edges = descending;
    opts.bucket_edge_count = 2;
    ck_assert_rc(arc_aging_compute(&aging, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("bucket_edges[1]");

    opts.bucket_edges = zero;
    ck_assert_rc(arc_aging_compute(&aging, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("bucket_edges[0]");

    opts.bucket_edges = many;
    opts.bucket_edge_count = ARC_AGING_MAX_EDGES + 1;
    ck_assert_rc(arc_aging_compute(&aging, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("bucket_edge_count");

    opts.bucket_edges = NULL;
    opts.currency = "XXY";
    ck_assert_rc(arc_aging_compute(&aging, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("XXY");

    opts.currency = NULL;
    opts.customer_id = 777;
    ck_assert_rc(arc_aging_compute(&aging, db, &opts), ARC_ENOTFOUND);
    ck_assert_error_mentions("customer 777");

    opts.customer_id = 0;
    opts.version = 0;
    ck_assert_rc(arc_aging_compute(&aging, db, &opts), ARC_EVERSION);
    ck_assert_ptr_null(aging);
}
END_TEST

START_TEST(filters_and_totals_only)
{
    arc_id globex = test_customer(db, "GLOBEX", "USD");
    arc_aging_opts opts = ARC_AGING_OPTS_INIT;
    arc_aging *aging = NULL;

    test_invoice_full(db, acme, NULL, "2026-03-01", "2026-03-31", 1000);
    test_invoice_full(db, acme, "EUR", "2026-03-01", "2026-03-31", 7000);
    test_invoice_full(db, globex, NULL, "2026-01-01", "2026-01-31", 3000);

    opts.customer_id = globex;
    ck_assert_ok(arc_aging_compute(&aging, db, &opts));
    ck_assert_int_eq(arc_aging_row_count(aging), 1);
    ck_assert_int_eq(arc_aging_total(aging, 0), 3000);
    arc_aging_free(aging);

    opts.customer_id = 0;
    opts.currency = "EUR";
    ck_assert_ok(arc_aging_compute(&aging, db, &opts));
    ck_assert_int_eq(arc_aging_currency_count(aging), 1);
    ck_assert_int_eq(arc_aging_total(aging, 0), 7000);
    arc_aging_free(aging);

    opts.currency = NULL;
    opts.flags = ARC_AGING_TOTALS_ONLY;
    ck_assert_ok(arc_aging_compute(&aging, db, &opts));
    ck_assert_int_eq(arc_aging_row_count(aging), 0);
    ck_assert_int_eq(arc_aging_currency_count(aging), 2);
    ck_assert_int_eq(arc_aging_total(aging, 1), 4000);
    ck_assert_int_eq(arc_aging_total_invoice_count(aging, 1), 2);
    arc_aging_free(aging);
}
END_TEST

static arc_id dispute_on(arc_id invoice, int64_t amount)
{
    arc_dispute_opts opts = ARC_DISPUTE_OPTS_INIT;
    arc_id id = 0;

    opts.invoice_id = invoice;
    opts.reason_code = "PRICING";
    opts.amount = amount;
    opts.opened_by = "dana";
    ck_assert_ok(arc_dispute_open(&id, db, &opts));
    return id;
}

START_TEST(disputed_amounts_are_shown_apart_when_asked)
{
    arc_dispute_resolution rejected = ARC_DISPUTE_RESOLUTION_INIT;
    arc_aging_opts opts = ARC_AGING_OPTS_INIT;
    arc_id old_invoice =
        test_invoice_full(db, acme, NULL, "2025-10-01", "2025-10-31", 10000);
    arc_id new_invoice =
        test_invoice_full(db, acme, NULL, "2026-03-01", "2026-03-31", 3000);
    arc_id paid_down =
        test_invoice_full(db, acme, NULL, "2026-02-01", "2026-03-03", 2000);
    arc_aging *aging = NULL;
    arc_payment_opts payment = ARC_PAYMENT_OPTS_INIT;
    arc_id payment_id;

    dispute_on(old_invoice, 2500);
    rejected.outcome = ARC_DISPUTE_REJECTED;
    rejected.resolved_by = "kim";
    ck_assert_ok(arc_dispute_resolve(db, dispute_on(new_invoice, 1000), &rejected));
    dispute_on(paid_down, 2000);
    payment.customer_id = acme;
    payment.amount = 1500;
    ck_assert_ok(arc_payment_record(&payment_id, db, &payment));
    ck_assert_ok(arc_payment_apply(db, payment_id, paid_down, 1500, ARC_DATE_NONE));

    opts.flags = ARC_AGING_SPLIT_DISPUTED;
    ck_assert_ok(arc_aging_compute(&aging, db, &opts));
    ck_assert_int_eq(arc_aging_total_amount(aging, 0, OVER_90), 10000);
    ck_assert_int_eq(arc_aging_total_disputed(aging, 0, OVER_90), 2500);
    ck_assert_int_eq(arc_aging_total_amount(aging, 0, CURRENT), 3000);
    ck_assert_int_eq(arc_aging_total_disputed(aging, 0, CURRENT), 0);
    ck_assert_int_eq(arc_aging_total_amount(aging, 0, DAYS_1_30), 500);
    ck_assert_int_eq(arc_aging_total_disputed(aging, 0, DAYS_1_30), 500);
    ck_assert_int_eq(arc_aging_row_disputed(aging, 0, OVER_90), 2500);
    arc_aging_free(aging);

    /* Before the disputes were opened nothing was disputed. */
    opts.as_of = test_date("2026-03-14");
    ck_assert_ok(arc_aging_compute(&aging, db, &opts));
    ck_assert_int_eq(arc_aging_total_disputed(aging, 0, OVER_90), 0);
    arc_aging_free(aging);

    /* Without the flag the split is not computed. */
    opts.as_of = ARC_DATE_NONE;
    opts.flags = 0;
    ck_assert_ok(arc_aging_compute(&aging, db, &opts));
    ck_assert_int_eq(arc_aging_total_disputed(aging, 0, OVER_90), 0);
    ck_assert_int_eq(arc_aging_total_amount(aging, 0, OVER_90), 10000);
    arc_aging_free(aging);
}
END_TEST

START_TEST(out_of_range_accessors_return_nothing)
{
    arc_aging *aging = age_as_of(NULL);

    ck_assert_int_eq(arc_aging_row_customer_id(aging, 0), 0);
    ck_assert_ptr_null(arc_aging_row_currency(aging, 0));
    ck_assert_int_eq(arc_aging_row_amount(aging, 0, 0), 0);
    ck_assert_ptr_null(arc_aging_currency_at(aging, 0));
    ck_assert_int_eq(arc_aging_total(aging, 3), 0);
    ck_assert_int_eq(arc_aging_bucket_count(NULL), 0);
    arc_aging_free(aging);
    arc_aging_free(NULL);
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("aging");
    TCase *rules = tcase_create("rules");

    tcase_add_checked_fixture(rules, setup, teardown);
    tcase_add_test(rules, balances_fall_into_buckets_by_days_past_due);
    tcase_add_test(rules,
                   rows_are_per_customer_and_currency_and_currencies_are_never_added);
    tcase_add_test(rules, paid_void_and_draft_invoices_are_not_aged);
    tcase_add_test(rules, earlier_date_uses_the_balances_of_that_day);
    tcase_add_test(rules, payment_reversed_later_still_counted_on_earlier_date);
    tcase_add_test(rules, written_off_later_still_owed_on_earlier_date);
    tcase_add_test(rules, custom_bucket_edges);
    tcase_add_test(rules, bad_aging_options_are_refused);
    tcase_add_test(rules, filters_and_totals_only);
    tcase_add_test(rules, disputed_amounts_are_shown_apart_when_asked);
    tcase_add_test(rules, out_of_range_accessors_return_nothing);
    suite_add_tcase(suite, rules);
    return test_run_suite(suite);
}
