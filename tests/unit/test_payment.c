/*
 * Payments: recording, idempotency, explicit and automatic application,
 * unapplied credit, reversal, and refusals that leave the book unchanged.
 */
#include <string.h>

#include "testutil.h"

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

static arc_id record(int64_t amount, unsigned int flags, const char *key)
{
    arc_payment_opts opts = ARC_PAYMENT_OPTS_INIT;
    arc_id id = 0;

    opts.customer_id = acme;
    opts.amount = amount;
    opts.method = ARC_PAYMENT_ACH;
    opts.flags = flags;
    opts.idempotency_key = key;
    ck_assert_ok(arc_payment_record(&id, db, &opts));
    return id;
}

static arc_payment *lookup(arc_id id)
{
    arc_payment *payment = NULL;

    ck_assert_ok(arc_payment_lookup(&payment, db, id));
    return payment;
}

static int64_t unapplied(arc_id payment_id)
{
    arc_payment *payment = lookup(payment_id);
    int64_t amount = arc_payment_unapplied(payment);

    arc_payment_free(payment);
    return amount;
}

static int64_t customer_balance(void)
{
    int64_t balance = -1;

    ck_assert_ok(arc_customer_balance(&balance, db, acme, NULL));
    return balance;
}

static size_t payment_count(void)
{
    arc_payment_page *page = NULL;
    size_t count;

    ck_assert_ok(arc_payment_list(&page, db, NULL));
    count = arc_payment_page_count(page);
    arc_payment_page_free(page);
    return count;
}

START_TEST(payment_keeps_every_field)
{
    arc_payment_opts opts = ARC_PAYMENT_OPTS_INIT;
    arc_payment *payment;
    arc_id id;

    opts.customer_id = acme;
    opts.amount = 123456;
    opts.method = ARC_PAYMENT_CHECK;
    opts.received_on = test_date("2026-03-10");
    opts.reference = "CHK 1042";
    ck_assert_ok(arc_payment_record(&id, db, &opts));

    payment = lookup(id);
    ck_assert_int_eq(arc_payment_customer_id(payment), acme);
    ck_assert_int_eq(arc_payment_amount(payment), 123456);
    ck_assert_str_eq(arc_payment_currency(payment), "USD");
    ck_assert_int_eq(arc_payment_method_of(payment), ARC_PAYMENT_CHECK);
    ck_assert_int_eq(arc_payment_received_on(payment), test_date("2026-03-10"));
    ck_assert_str_eq(arc_payment_reference(payment), "CHK 1042");
    ck_assert_ptr_null(arc_payment_idempotency_key(payment));
    ck_assert_int_eq(arc_payment_applied(payment), 0);
    ck_assert_int_eq(arc_payment_unapplied(payment), 123456);
    ck_assert_int_eq(arc_payment_is_reversed(payment), 0);
    arc_payment_free(payment);
}
END_TEST

START_TEST(explicit_applications_settle_named_invoices_and_keep_the_rest)
{
    arc_id first = test_invoice(db, acme, "2026-02-01", 10000);
    arc_id second = test_invoice(db, acme, "2026-02-15", 5000);
    arc_id payment = record(12000, 0, NULL);
    int64_t credit;

    ck_assert_ok(arc_tx_begin(db));
    ck_assert_ok(arc_payment_apply(db, payment, second, 5000, ARC_DATE_NONE));
    ck_assert_ok(arc_payment_apply(db, payment, first, 4000, ARC_DATE_NONE));
    ck_assert_ok(arc_tx_commit(db));

    ck_assert_int_eq(test_invoice_balance(db, first), 6000);
    ck_assert_int_eq(test_invoice_status(db, first), ARC_INVOICE_PARTIALLY_PAID);
    ck_assert_int_eq(test_invoice_balance(db, second), 0);
    ck_assert_int_eq(test_invoice_status(db, second), ARC_INVOICE_PAID);
    ck_assert_int_eq(unapplied(payment), 3000);
    ck_assert_ok(arc_customer_unapplied_credit(&credit, db, acme, NULL));
    ck_assert_int_eq(credit, 3000);
    ck_assert_int_eq(customer_balance(), 6000);

    ck_assert_ok(arc_payment_apply(db, payment, first, 3000, ARC_DATE_NONE));
    ck_assert_int_eq(test_invoice_balance(db, first), 3000);
    ck_assert_int_eq(unapplied(payment), 0);
}
END_TEST

START_TEST(auto_apply_pays_oldest_due_first)
{
    arc_id newest = test_invoice(db, acme, "2026-03-01", 3000);
    arc_id oldest = test_invoice(db, acme, "2026-01-01", 1000);
    arc_id middle = test_invoice(db, acme, "2026-02-01", 2000);
    arc_id payment = record(3500, ARC_PAYMENT_AUTO_APPLY, NULL);

    ck_assert_int_eq(test_invoice_balance(db, oldest), 0);
    ck_assert_int_eq(test_invoice_balance(db, middle), 0);
    ck_assert_int_eq(test_invoice_balance(db, newest), 2500);
    ck_assert_int_eq(test_invoice_status(db, newest), ARC_INVOICE_PARTIALLY_PAID);
    ck_assert_int_eq(unapplied(payment), 0);
}
END_TEST

START_TEST(auto_apply_keeps_what_exceeds_the_open_invoices_as_credit)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 1000);
    arc_id payment = record(1500, ARC_PAYMENT_AUTO_APPLY, NULL);
    arc_id later;
    int64_t applied = -1;

    ck_assert_int_eq(test_invoice_balance(db, invoice), 0);
    ck_assert_int_eq(unapplied(payment), 500);

    later = test_invoice(db, acme, "2026-03-10", 800);
    ck_assert_ok(arc_payment_apply_auto(&applied, db, payment));
    ck_assert_int_eq(applied, 500);
    ck_assert_int_eq(test_invoice_balance(db, later), 300);
    ck_assert_int_eq(unapplied(payment), 0);

    ck_assert_ok(arc_payment_apply_auto(&applied, db, payment));
    ck_assert_int_eq(applied, 0);
}
END_TEST

START_TEST(auto_apply_spans_more_invoices_than_one_page)
{
    arc_id last = 0;
    arc_id payment;

    ck_assert_ok(arc_tx_begin(db));
    for (int i = 0; i < 250; i++)
        last = test_invoice(db, acme, "2026-03-01", 100);
    ck_assert_ok(arc_tx_commit(db));

    payment = record(24950, ARC_PAYMENT_AUTO_APPLY, NULL);
    ck_assert_int_eq(unapplied(payment), 0);
    ck_assert_int_eq(customer_balance(), 50);
    ck_assert_int_eq(test_invoice_balance(db, last), 50);
}
END_TEST

START_TEST(retry_with_the_same_idempotency_key_writes_nothing)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 1000);
    arc_id first = record(600, ARC_PAYMENT_AUTO_APPLY, "ach-2026-03-15-0001");
    arc_id again = record(600, ARC_PAYMENT_AUTO_APPLY, "ach-2026-03-15-0001");
    arc_payment *payment;

    ck_assert_int_eq(again, first);
    ck_assert_int_eq(payment_count(), 1);
    ck_assert_int_eq(test_invoice_balance(db, invoice), 400);

    payment = lookup(first);
    ck_assert_str_eq(arc_payment_idempotency_key(payment), "ach-2026-03-15-0001");
    arc_payment_free(payment);
}
END_TEST

START_TEST(idempotency_key_reused_with_other_details_is_refused)
{
    arc_payment_opts opts = ARC_PAYMENT_OPTS_INIT;

    record(600, 0, "key-1");
    opts.customer_id = acme;
    opts.amount = 601;
    opts.idempotency_key = "key-1";
    ck_assert_rc(arc_payment_record(NULL, db, &opts), ARC_ECONFLICT);
    ck_assert_error_mentions("key-1");
    ck_assert_int_eq(payment_count(), 1);
}
END_TEST

START_TEST(over_applying_an_invoice_is_refused)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 1000);
    arc_id payment = record(5000, 0, NULL);

    ck_assert_rc(arc_payment_apply(db, payment, invoice, 1001, ARC_DATE_NONE),
                 ARC_ECONFLICT);
    ck_assert_error_mentions("owes");
    ck_assert_int_eq(test_invoice_balance(db, invoice), 1000);
    ck_assert_int_eq(unapplied(payment), 5000);
}
END_TEST

START_TEST(over_applying_a_payment_is_refused)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 1000);
    arc_id payment = record(300, 0, NULL);

    ck_assert_rc(arc_payment_apply(db, payment, invoice, 301, ARC_DATE_NONE),
                 ARC_ECONFLICT);
    ck_assert_error_mentions("unapplied");
    ck_assert_int_eq(test_invoice_balance(db, invoice), 1000);
    ck_assert_int_eq(unapplied(payment), 300);
}
END_TEST

START_TEST(applying_across_currencies_is_refused)
{
    arc_invoice_line_opts line = ARC_INVOICE_LINE_OPTS_INIT;
    arc_invoice_opts opts = ARC_INVOICE_OPTS_INIT;
    arc_id invoice, payment = record(1000, 0, NULL);

    line.description = "Hosting";
    line.unit_price = 1000;
    opts.customer_id = acme;
    opts.currency = "EUR";
    opts.lines = &line;
    opts.line_count = 1;
    opts.flags = ARC_INVOICE_CREATE_ISSUED;
    ck_assert_ok(arc_invoice_create(&invoice, db, &opts));

    ck_assert_rc(arc_payment_apply(db, payment, invoice, 500, ARC_DATE_NONE), ARC_EINVAL);
    ck_assert_error_mentions("EUR");
    ck_assert_int_eq(test_invoice_balance(db, invoice), 1000);
    ck_assert_int_eq(unapplied(payment), 1000);
}
END_TEST

START_TEST(applying_to_another_customers_invoice_is_refused)
{
    arc_id globex = test_customer(db, "GLOBEX", "USD");
    arc_id invoice = test_invoice(db, globex, "2026-03-01", 1000);
    arc_id payment = record(1000, 0, NULL);

    ck_assert_rc(arc_payment_apply(db, payment, invoice, 500, ARC_DATE_NONE), ARC_EINVAL);
    ck_assert_error_mentions("another customer");
    ck_assert_int_eq(test_invoice_balance(db, invoice), 1000);
}
END_TEST

START_TEST(applying_to_an_unpayable_invoice_is_refused)
{
    arc_invoice_line_opts line = ARC_INVOICE_LINE_OPTS_INIT;
    arc_invoice_opts opts = ARC_INVOICE_OPTS_INIT;
    arc_id voided = test_invoice(db, acme, "2026-03-01", 1000);
    arc_id payment = record(1000, 0, NULL);
    arc_id draft;

    ck_assert_ok(arc_invoice_void(db, voided, ARC_DATE_NONE, NULL));
    ck_assert_rc(arc_payment_apply(db, payment, voided, 500, ARC_DATE_NONE),
                 ARC_ECONFLICT);
    ck_assert_error_mentions("void");

    line.description = "Draft work";
    line.unit_price = 1000;
    opts.customer_id = acme;
    opts.lines = &line;
    opts.line_count = 1;
    ck_assert_ok(arc_invoice_create(&draft, db, &opts));
    ck_assert_rc(arc_payment_apply(db, payment, draft, 500, ARC_DATE_NONE),
                 ARC_ECONFLICT);
    ck_assert_error_mentions("draft");
    ck_assert_int_eq(unapplied(payment), 1000);
}
END_TEST

START_TEST(reversal_reopens_every_invoice_the_payment_paid)
{
    arc_id first = test_invoice(db, acme, "2026-01-01", 1000);
    arc_id second = test_invoice(db, acme, "2026-02-01", 1000);
    arc_id other = record(200, 0, NULL);
    arc_id returned;
    arc_payment *payment;
    int64_t credit;

    ck_assert_ok(arc_payment_apply(db, other, second, 200, ARC_DATE_NONE));
    returned = record(1500, ARC_PAYMENT_AUTO_APPLY, NULL);
    ck_assert_int_eq(test_invoice_balance(db, first), 0);
    ck_assert_int_eq(test_invoice_balance(db, second), 300);

    ck_assert_ok(arc_payment_reverse(db, returned, test_date("2026-03-15"), "R01"));
    ck_assert_int_eq(test_invoice_balance(db, first), 1000);
    ck_assert_int_eq(test_invoice_status(db, first), ARC_INVOICE_OPEN);
    ck_assert_int_eq(test_invoice_balance(db, second), 800);
    ck_assert_int_eq(test_invoice_status(db, second), ARC_INVOICE_PARTIALLY_PAID);
    ck_assert_int_eq(customer_balance(), 1800);
    ck_assert_ok(arc_customer_unapplied_credit(&credit, db, acme, NULL));
    ck_assert_int_eq(credit, 0);

    payment = lookup(returned);
    ck_assert_int_eq(arc_payment_is_reversed(payment), 1);
    ck_assert_int_eq(arc_payment_reversed_on(payment), test_date("2026-03-15"));
    ck_assert_str_eq(arc_payment_reversal_reason(payment), "R01");
    ck_assert_int_eq(arc_payment_applied(payment), 0);
    ck_assert_int_eq(arc_payment_unapplied(payment), 0);
    arc_payment_free(payment);
}
END_TEST

START_TEST(reversed_payment_cannot_be_reversed_or_applied_again)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 1000);
    arc_id payment = record(500, 0, NULL);

    ck_assert_ok(arc_payment_reverse(db, payment, ARC_DATE_NONE, NULL));
    ck_assert_rc(arc_payment_reverse(db, payment, ARC_DATE_NONE, NULL), ARC_ECONFLICT);
    ck_assert_error_mentions("already reversed");
    ck_assert_rc(arc_payment_apply(db, payment, invoice, 100, ARC_DATE_NONE),
                 ARC_ECONFLICT);
    ck_assert_error_mentions("reversed");
    ck_assert_rc(arc_payment_apply_auto(NULL, db, payment), ARC_ECONFLICT);
    ck_assert_int_eq(test_invoice_balance(db, invoice), 1000);
}
END_TEST

START_TEST(reversal_before_receipt_is_refused)
{
    arc_payment_opts opts = ARC_PAYMENT_OPTS_INIT;
    arc_id id;

    opts.customer_id = acme;
    opts.amount = 100;
    opts.received_on = test_date("2026-03-10");
    ck_assert_ok(arc_payment_record(&id, db, &opts));
    ck_assert_rc(arc_payment_reverse(db, id, test_date("2026-03-09"), NULL), ARC_EINVAL);
    ck_assert_error_mentions("reversed_on");
}
END_TEST

START_TEST(application_dated_before_the_invoice_is_refused)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-10", 1000);
    arc_payment_opts opts = ARC_PAYMENT_OPTS_INIT;
    arc_id id;

    opts.customer_id = acme;
    opts.amount = 400;
    opts.received_on = test_date("2026-03-01");
    ck_assert_ok(arc_payment_record(&id, db, &opts));
    ck_assert_rc(arc_payment_apply(db, id, invoice, 400, test_date("2026-03-05")),
                 ARC_EINVAL);
    ck_assert_error_mentions("applied_on");
    ck_assert_int_eq(test_invoice_balance(db, invoice), 1000);

    ck_assert_ok(arc_payment_apply(db, id, invoice, 400, ARC_DATE_NONE));
    ck_assert_int_eq(test_invoice_balance(db, invoice), 600);
}
END_TEST

START_TEST(reversal_before_an_application_is_refused)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 1000);
    arc_payment_opts opts = ARC_PAYMENT_OPTS_INIT;
    arc_id id;

    opts.customer_id = acme;
    opts.amount = 400;
    opts.received_on = test_date("2026-03-10");
    ck_assert_ok(arc_payment_record(&id, db, &opts));
    ck_assert_ok(arc_payment_apply(db, id, invoice, 400, test_date("2026-03-12")));

    ck_assert_rc(arc_payment_reverse(db, id, test_date("2026-03-11"), NULL), ARC_EINVAL);
    ck_assert_error_mentions("before its application of 2026-03-12");
    ck_assert_int_eq(test_invoice_balance(db, invoice), 600);
    ck_assert_int_eq(unapplied(id), 0);
}
END_TEST

START_TEST(applications_of_a_payment_are_listed_with_reversals)
{
    arc_id first = test_invoice(db, acme, "2026-01-01", 1000);
    arc_id second = test_invoice(db, acme, "2026-02-01", 1000);
    arc_id payment = record(1500, ARC_PAYMENT_AUTO_APPLY, NULL);
    arc_application_page *page = NULL;
    const arc_application *application;

    ck_assert_ok(arc_payment_reverse(db, payment, test_date("2026-03-20"), NULL));
    ck_assert_ok(arc_payment_applications(&page, db, payment));
    ck_assert_int_eq(arc_application_page_count(page), 2);

    application = arc_application_page_at(page, 0);
    ck_assert_int_eq(arc_application_kind_of(application), ARC_APPLICATION_PAYMENT);
    ck_assert_int_eq(arc_application_invoice_id(application), first);
    ck_assert_int_eq(arc_application_source_id(application), payment);
    ck_assert_int_eq(arc_application_amount(application), 1000);
    ck_assert_int_eq(arc_application_applied_on(application), test_date("2026-03-15"));
    ck_assert_int_eq(arc_application_reversed_on(application), test_date("2026-03-20"));

    application = arc_application_page_at(page, 1);
    ck_assert_int_eq(arc_application_invoice_id(application), second);
    ck_assert_int_eq(arc_application_amount(application), 500);
    arc_application_page_free(page);

    ck_assert_rc(arc_payment_applications(&page, db, 999), ARC_ENOTFOUND);
}
END_TEST

START_TEST(failed_application_inside_a_transaction_keeps_the_earlier_work)
{
    arc_id first = test_invoice(db, acme, "2026-01-01", 1000);
    arc_id second = test_invoice(db, acme, "2026-02-01", 1000);
    arc_id payment = record(1500, 0, NULL);

    ck_assert_ok(arc_tx_begin(db));
    ck_assert_ok(arc_payment_apply(db, payment, first, 1000, ARC_DATE_NONE));
    ck_assert_rc(arc_payment_apply(db, payment, second, 600, ARC_DATE_NONE),
                 ARC_ECONFLICT);
    ck_assert_ok(arc_payment_apply(db, payment, second, 500, ARC_DATE_NONE));
    ck_assert_ok(arc_tx_commit(db));

    ck_assert_int_eq(test_invoice_balance(db, first), 0);
    ck_assert_int_eq(test_invoice_balance(db, second), 500);
    ck_assert_int_eq(unapplied(payment), 0);
}
END_TEST

START_TEST(bad_payments_are_refused_naming_the_field)
{
    arc_payment_opts opts = ARC_PAYMENT_OPTS_INIT;
    char long_key[ARC_IDEMPOTENCY_KEY_MAX + 2];

    opts.customer_id = acme;
    opts.amount = 0;
    ck_assert_rc(arc_payment_record(NULL, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("amount");

    opts.amount = -5;
    ck_assert_rc(arc_payment_record(NULL, db, &opts), ARC_EINVAL);

    opts.amount = 100;
    opts.currency = "usd";
    ck_assert_rc(arc_payment_record(NULL, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("usd");

    opts.currency = NULL;
    opts.method = (arc_payment_method)42;
    ck_assert_rc(arc_payment_record(NULL, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("method");

    opts.method = ARC_PAYMENT_CARD;
    memset(long_key, 'k', sizeof(long_key) - 1);
    long_key[sizeof(long_key) - 1] = '\0';
    opts.idempotency_key = long_key;
    ck_assert_rc(arc_payment_record(NULL, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("idempotency_key");

    opts.idempotency_key = NULL;
    opts.customer_id = 4242;
    ck_assert_rc(arc_payment_record(NULL, db, &opts), ARC_ENOTFOUND);
    ck_assert_error_mentions("customer 4242");

    opts.customer_id = acme;
    opts.received_on = test_date("2026-02-28") + 1000000000;
    ck_assert_rc(arc_payment_record(NULL, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("received_on");

    ck_assert_rc(arc_payment_record(NULL, db, NULL), ARC_EINVAL);
    ck_assert_int_eq(payment_count(), 0);
}
END_TEST

START_TEST(payment_list_filters_reversed_payments)
{
    arc_list_opts opts = ARC_LIST_OPTS_INIT;
    arc_payment_page *page = NULL;
    arc_id reversed;

    record(100, 0, NULL);
    reversed = record(200, 0, NULL);
    record(300, 0, NULL);
    ck_assert_ok(arc_payment_reverse(db, reversed, ARC_DATE_NONE, NULL));

    opts.status = 1;
    ck_assert_ok(arc_payment_list(&page, db, &opts));
    ck_assert_int_eq(arc_payment_page_count(page), 1);
    ck_assert_int_eq(arc_payment_id(arc_payment_page_at(page, 0)), reversed);
    arc_payment_page_free(page);

    opts.status = 0;
    ck_assert_ok(arc_payment_list(&page, db, &opts));
    ck_assert_int_eq(arc_payment_page_count(page), 2);
    ck_assert_int_eq(arc_payment_amount(arc_payment_page_at(page, 1)), 300);
    arc_payment_page_free(page);
}
END_TEST

START_TEST(method_names_are_stable)
{
    ck_assert_str_eq(arc_payment_method_name(ARC_PAYMENT_ACH), "ach");
    ck_assert_str_eq(arc_payment_method_name(ARC_PAYMENT_WIRE), "wire");
    ck_assert_str_eq(arc_payment_method_name(ARC_PAYMENT_OTHER), "other");
    ck_assert_ptr_null(arc_payment_method_name((arc_payment_method)6));
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("payment");
    TCase *rules = tcase_create("rules");

    tcase_add_checked_fixture(rules, setup, teardown);
    tcase_add_test(rules, payment_keeps_every_field);
    tcase_add_test(rules, explicit_applications_settle_named_invoices_and_keep_the_rest);
    tcase_add_test(rules, auto_apply_pays_oldest_due_first);
    tcase_add_test(rules, auto_apply_keeps_what_exceeds_the_open_invoices_as_credit);
    tcase_add_test(rules, auto_apply_spans_more_invoices_than_one_page);
    tcase_add_test(rules, retry_with_the_same_idempotency_key_writes_nothing);
    tcase_add_test(rules, idempotency_key_reused_with_other_details_is_refused);
    tcase_add_test(rules, over_applying_an_invoice_is_refused);
    tcase_add_test(rules, over_applying_a_payment_is_refused);
    tcase_add_test(rules, applying_across_currencies_is_refused);
    tcase_add_test(rules, applying_to_another_customers_invoice_is_refused);
    tcase_add_test(rules, applying_to_an_unpayable_invoice_is_refused);
    tcase_add_test(rules, reversal_reopens_every_invoice_the_payment_paid);
    tcase_add_test(rules, reversed_payment_cannot_be_reversed_or_applied_again);
    tcase_add_test(rules, reversal_before_receipt_is_refused);
    tcase_add_test(rules, application_dated_before_the_invoice_is_refused);
    tcase_add_test(rules, reversal_before_an_application_is_refused);
    tcase_add_test(rules, applications_of_a_payment_are_listed_with_reversals);
    tcase_add_test(rules, failed_application_inside_a_transaction_keeps_the_earlier_work);
    tcase_add_test(rules, bad_payments_are_refused_naming_the_field);
    tcase_add_test(rules, payment_list_filters_reversed_payments);
    tcase_add_test(rules, method_names_are_stable);
    suite_add_tcase(suite, rules);
    return test_run_suite(suite);
}
