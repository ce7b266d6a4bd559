/*
 * Credit memos: numbering and defaults, application to a named invoice at
 * creation, explicit and automatic application, voiding, the applications
 * they leave, lists, and the input they refuse.
 */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/* Create a memo of @p amount for a customer, or fail the test. */
static arc_id memo_for(arc_db *db, arc_id customer_id, int64_t amount)
{
    arc_credit_memo_opts opts = ARC_CREDIT_MEMO_OPTS_INIT;
    arc_id id = 0;

    opts.customer_id = customer_id;
    opts.amount = amount;
    ck_assert_ok(arc_credit_memo_create(&id, db, &opts));
    ck_assert_int_gt(id, 0);
    return id;
}

/* Create a memo of @p amount applied at once to @p invoice_id, or fail the test. */
static arc_id memo_against(arc_db *db, arc_id customer_id, arc_id invoice_id,
                           int64_t amount)
{
    arc_credit_memo_opts opts = ARC_CREDIT_MEMO_OPTS_INIT;
    arc_id id = 0;

    opts.customer_id = customer_id;
    opts.amount = amount;
    opts.invoice_id = invoice_id;
    ck_assert_ok(arc_credit_memo_create(&id, db, &opts));
    return id;
}

static arc_credit_memo *lookup(arc_db *db, arc_id memo_id)
{
    arc_credit_memo *memo = NULL;

    ck_assert_ok(arc_credit_memo_lookup(&memo, db, memo_id));
    ck_assert_ptr_nonnull(memo);
    return memo;
}

static int64_t memo_applied(arc_db *db, arc_id memo_id)
{
    arc_credit_memo *memo = lookup(db, memo_id);
    int64_t applied = arc_credit_memo_applied(memo);

    arc_credit_memo_free(memo);
    return applied;
}

static int64_t memo_unapplied(arc_db *db, arc_id memo_id)
{
    arc_credit_memo *memo = lookup(db, memo_id);
    int64_t unapplied = arc_credit_memo_unapplied(memo);

    arc_credit_memo_free(memo);
    return unapplied;
}

static size_t memo_count(arc_db *db)
{
    arc_credit_memo_page *page = NULL;
    size_t count;

    ck_assert_ok(arc_credit_memo_list(&page, db, NULL));
    count = arc_credit_memo_page_count(page);
    arc_credit_memo_page_free(page);
    return count;
}

static size_t applications_of_invoice(arc_db *db, arc_id invoice_id)
{
    arc_application_page *page = NULL;
    size_t count;

    ck_assert_ok(arc_invoice_applications(&page, db, invoice_id));
    count = arc_application_page_count(page);
    arc_application_page_free(page);
    return count;
}

static arc_id draft_invoice(arc_db *db, arc_id customer_id, int64_t amount)
{
    arc_invoice_line_opts line = ARC_INVOICE_LINE_OPTS_INIT;
    arc_invoice_opts opts = ARC_INVOICE_OPTS_INIT;
    arc_id id = 0;

    line.description = "Consulting";
    line.unit_price = amount;
    opts.customer_id = customer_id;
    opts.lines = &line;
    opts.line_count = 1;
    ck_assert_ok(arc_invoice_create(&id, db, &opts));
    return id;
}

/* Create */

START_TEST(credit_memo_numbers_are_generated_in_sequence)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_id customer = test_customer(db, "ACME", "USD");
    arc_credit_memo *first, *second;
    arc_id first_id = memo_for(db, customer, 2500);
    arc_id second_id = memo_for(db, customer, 100);

    ck_assert_int_gt(second_id, first_id);
    first = lookup(db, first_id);
    second = lookup(db, second_id);
    ck_assert_str_eq(arc_credit_memo_number(first), "CM-000001");
    ck_assert_str_eq(arc_credit_memo_number(second), "CM-000002");
    arc_credit_memo_free(first);
    arc_credit_memo_free(second);
    test_close_book(db);
}
END_TEST

START_TEST(credit_memo_takes_the_customers_currency_and_today_by_default)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_id customer = test_customer(db, "ACME", "CHF");
    arc_credit_memo *memo;
    arc_id id = memo_for(db, customer, 2500);

    memo = lookup(db, id);
    ck_assert_int_eq(arc_credit_memo_id(memo), id);
    ck_assert_str_eq(arc_credit_memo_number(memo), "CM-000001");
    ck_assert_int_eq(arc_credit_memo_customer_id(memo), customer);
    ck_assert_int_eq(arc_credit_memo_amount(memo), 2500);
    ck_assert_str_eq(arc_credit_memo_currency(memo), "CHF");
    ck_assert_int_eq(arc_credit_memo_issue_date(memo), test_date("2026-03-15"));
    ck_assert_ptr_null(arc_credit_memo_reason(memo));
    ck_assert_int_eq(arc_credit_memo_applied(memo), 0);
    ck_assert_int_eq(arc_credit_memo_unapplied(memo), 2500);
    ck_assert_int_eq(arc_credit_memo_is_void(memo), 0);
    arc_credit_memo_free(memo);
    test_close_book(db);
}
END_TEST

START_TEST(credit_memo_keeps_every_field_given)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_credit_memo_opts opts = ARC_CREDIT_MEMO_OPTS_INIT;
    arc_credit_memo *memo;
    arc_id id = 0;

    opts.customer_id = test_customer(db, "ACME", "USD");
    opts.number = "RMA-77";
    opts.amount = 1999;
    opts.currency = "EUR";
    opts.issue_date = test_date("2026-02-28");
    opts.reason = "Damaged in transit";
    ck_assert_ok(arc_credit_memo_create(&id, db, &opts));

    memo = lookup(db, id);
    ck_assert_str_eq(arc_credit_memo_number(memo), "RMA-77");
    ck_assert_int_eq(arc_credit_memo_customer_id(memo), opts.customer_id);
    ck_assert_int_eq(arc_credit_memo_amount(memo), 1999);
    ck_assert_str_eq(arc_credit_memo_currency(memo), "EUR");
    ck_assert_int_eq(arc_credit_memo_issue_date(memo), test_date("2026-02-28"));
    ck_assert_str_eq(arc_credit_memo_reason(memo), "Damaged in transit");
    ck_assert_int_eq(arc_credit_memo_unapplied(memo), 1999);
    arc_credit_memo_free(memo);
    test_close_book(db);
}
END_TEST

START_TEST(credit_memo_counts_as_unapplied_credit_of_the_customer)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_id customer = test_customer(db, "ACME", "USD");
    int64_t credit = -1;

    memo_for(db, customer, 2500);
    ck_assert_ok(arc_customer_unapplied_credit(&credit, db, customer, NULL));
    ck_assert_int_eq(credit, 2500);
    test_close_book(db);
}
END_TEST

START_TEST(credit_memo_number_skips_one_the_host_already_used)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_credit_memo_opts opts = ARC_CREDIT_MEMO_OPTS_INIT;
    arc_credit_memo *memo;
    arc_id id;

    opts.customer_id = test_customer(db, "ACME", "USD");
    opts.number = "CM-000001";
    opts.amount = 100;
    ck_assert_ok(arc_credit_memo_create(NULL, db, &opts));

    id = memo_for(db, opts.customer_id, 200);
    memo = lookup(db, id);
    ck_assert_str_eq(arc_credit_memo_number(memo), "CM-000002");
    arc_credit_memo_free(memo);
    test_close_book(db);
}
END_TEST

/* Applied at creation */

START_TEST(credit_memo_naming_an_invoice_is_applied_at_once)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_id customer = test_customer(db, "ACME", "USD");
    arc_id invoice = test_invoice(db, customer, "2026-03-01", 10000);
    arc_id memo = memo_against(db, customer, invoice, 2500);
    int64_t balance = -1;

    ck_assert_int_eq(test_invoice_balance(db, invoice), 7500);
    ck_assert_int_eq(test_invoice_status(db, invoice), ARC_INVOICE_PARTIALLY_PAID);
    ck_assert_int_eq(memo_applied(db, memo), 2500);
    ck_assert_int_eq(memo_unapplied(db, memo), 0);
    ck_assert_ok(arc_customer_balance(&balance, db, customer, NULL));
    ck_assert_int_eq(balance, 7500);
    test_close_book(db);
}
END_TEST

START_TEST(credit_memo_larger_than_the_invoice_pays_it_and_keeps_the_rest)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_id customer = test_customer(db, "ACME", "USD");
    arc_id invoice = test_invoice(db, customer, "2026-03-01", 10000);
    arc_id memo = memo_against(db, customer, invoice, 12000);
    arc_invoice *read = NULL;
    int64_t credit = -1;

    ck_assert_int_eq(test_invoice_balance(db, invoice), 0);
    ck_assert_int_eq(test_invoice_status(db, invoice), ARC_INVOICE_PAID);
    ck_assert_ok(arc_invoice_lookup(&read, db, invoice));
    ck_assert_int_eq(arc_invoice_amount_paid(read), 10000);
    arc_invoice_free(read);
    ck_assert_int_eq(memo_applied(db, memo), 10000);
    ck_assert_int_eq(memo_unapplied(db, memo), 2000);
    ck_assert_ok(arc_customer_unapplied_credit(&credit, db, customer, NULL));
    ck_assert_int_eq(credit, 2000);
    test_close_book(db);
}
END_TEST

START_TEST(credit_memo_naming_an_unpayable_invoice_is_a_conflict_and_not_created)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_credit_memo_opts opts = ARC_CREDIT_MEMO_OPTS_INIT;
    arc_id customer = test_customer(db, "ACME", "USD");
    arc_id paid = test_invoice(db, customer, "2026-03-01", 10000);
    arc_id draft = draft_invoice(db, customer, 5000);
    arc_id id = -1;
    int paid_rc, draft_rc;
    size_t memos;

    memo_against(db, customer, paid, 10000);
    opts.customer_id = customer;
    opts.amount = 2500;
    opts.invoice_id = paid;
    paid_rc = arc_credit_memo_create(&id, db, &opts);
    opts.invoice_id = draft;
    draft_rc = arc_credit_memo_create(&id, db, &opts);
    memos = memo_count(db);
    ck_assert_int_eq(test_invoice_status(db, draft), ARC_INVOICE_DRAFT);
    test_close_book(db);

    ck_assert_msg(paid_rc == ARC_ECONFLICT,
                  "against a paid invoice: %s, expected ARC_ECONFLICT",
                  arc_error_name(paid_rc));
    ck_assert_msg(draft_rc == ARC_ECONFLICT,
                  "against a draft: %s, expected ARC_ECONFLICT",
                  arc_error_name(draft_rc));
    ck_assert_int_eq(id, -1);
    ck_assert_uint_eq(memos, 1);
}
END_TEST

START_TEST(credit_memo_naming_an_invoice_it_cannot_settle_is_not_created)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_credit_memo_opts opts = ARC_CREDIT_MEMO_OPTS_INIT;
    arc_id customer = test_customer(db, "ACME", "USD");
    arc_id other = test_customer(db, "GLOBEX", "USD");
    arc_id foreign = test_invoice(db, other, "2026-03-01", 10000);
    arc_credit_memo *memo;
    arc_id id = -1;

    opts.customer_id = customer;
    opts.amount = 2500;
    opts.invoice_id = foreign;
    ck_assert_rc(arc_credit_memo_create(&id, db, &opts), ARC_EINVAL);
    opts.invoice_id = foreign + 100;
    ck_assert_rc(arc_credit_memo_create(&id, db, &opts), ARC_ENOTFOUND);
    ck_assert_int_eq(id, -1);

    ck_assert_uint_eq(memo_count(db), 0);
    ck_assert_int_eq(test_invoice_balance(db, foreign), 10000);
    memo = lookup(db, memo_for(db, customer, 100));
    ck_assert_str_eq(arc_credit_memo_number(memo), "CM-000001");
    arc_credit_memo_free(memo);
    test_close_book(db);
}
END_TEST

/* Explicit application */

START_TEST(credit_memo_apply_settles_the_amount_given)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_id customer = test_customer(db, "ACME", "USD");
    arc_id first = test_invoice(db, customer, "2026-03-01", 10000);
    arc_id second = test_invoice(db, customer, "2026-03-02", 3000);
    arc_id memo = memo_for(db, customer, 8000);

    ck_assert_ok(arc_credit_memo_apply(db, memo, first, 4000, ARC_DATE_NONE));
    ck_assert_int_eq(test_invoice_balance(db, first), 6000);
    ck_assert_int_eq(test_invoice_status(db, first), ARC_INVOICE_PARTIALLY_PAID);
    ck_assert_int_eq(memo_applied(db, memo), 4000);
    ck_assert_int_eq(memo_unapplied(db, memo), 4000);

    ck_assert_ok(arc_credit_memo_apply(db, memo, second, 3000, ARC_DATE_NONE));
    ck_assert_int_eq(test_invoice_balance(db, second), 0);
    ck_assert_int_eq(test_invoice_status(db, second), ARC_INVOICE_PAID);
    ck_assert_int_eq(memo_applied(db, memo), 7000);
    ck_assert_int_eq(memo_unapplied(db, memo), 1000);
    test_close_book(db);
}
END_TEST

START_TEST(credit_memo_over_application_is_rejected_and_changes_nothing)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_id customer = test_customer(db, "ACME", "USD");
    arc_id large = test_invoice(db, customer, "2026-03-01", 10000);
    arc_id small = test_invoice(db, customer, "2026-03-02", 1500);
    arc_id memo = memo_for(db, customer, 3000);

    ck_assert_ok(arc_credit_memo_apply(db, memo, large, 1000, ARC_DATE_NONE));

    ck_assert_rc(arc_credit_memo_apply(db, memo, large, 2001, ARC_DATE_NONE),
                 ARC_ECONFLICT);
    ck_assert_error_mentions("2001");
    ck_assert_rc(arc_credit_memo_apply(db, memo, small, 1501, ARC_DATE_NONE),
                 ARC_ECONFLICT);
    ck_assert_error_mentions("1501");

    ck_assert_int_eq(test_invoice_balance(db, large), 9000);
    ck_assert_int_eq(test_invoice_status(db, large), ARC_INVOICE_PARTIALLY_PAID);
    ck_assert_int_eq(test_invoice_balance(db, small), 1500);
    ck_assert_int_eq(test_invoice_status(db, small), ARC_INVOICE_OPEN);
    ck_assert_int_eq(memo_applied(db, memo), 1000);
    ck_assert_int_eq(memo_unapplied(db, memo), 2000);
    ck_assert_uint_eq(applications_of_invoice(db, large), 1);
    ck_assert_uint_eq(applications_of_invoice(db, small), 0);
    test_close_book(db);
}
END_TEST

START_TEST(credit_memo_apply_refuses_another_customers_invoice)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_id customer = test_customer(db, "ACME", "USD");
    arc_id other = test_customer(db, "GLOBEX", "USD");
    arc_id foreign = test_invoice(db, other, "2026-03-01", 10000);
    arc_id memo = memo_for(db, customer, 3000);

    ck_assert_rc(arc_credit_memo_apply(db, memo, foreign, 1000, ARC_DATE_NONE),
                 ARC_EINVAL);
    ck_assert_int_eq(test_invoice_balance(db, foreign), 10000);
    ck_assert_int_eq(memo_unapplied(db, memo), 3000);
    test_close_book(db);
}
END_TEST

START_TEST(credit_memo_apply_refuses_an_invoice_in_another_currency)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_id customer = test_customer(db, "ACME", "USD");
    arc_id euro = test_invoice_full(db, customer, "EUR", "2026-03-01", NULL, 10000);
    arc_id memo = memo_for(db, customer, 3000);

    ck_assert_rc(arc_credit_memo_apply(db, memo, euro, 1000, ARC_DATE_NONE), ARC_EINVAL);
    ck_assert_error_mentions("EUR");
    ck_assert_int_eq(test_invoice_balance(db, euro), 10000);
    ck_assert_int_eq(memo_unapplied(db, memo), 3000);
    test_close_book(db);
}
END_TEST

START_TEST(credit_memo_apply_refuses_an_amount_not_positive)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_id customer = test_customer(db, "ACME", "USD");
    arc_id invoice = test_invoice(db, customer, "2026-03-01", 10000);
    arc_id memo = memo_for(db, customer, 3000);

    ck_assert_rc(arc_credit_memo_apply(db, memo, invoice, 0, ARC_DATE_NONE), ARC_EINVAL);
    ck_assert_error_mentions("amount");
    ck_assert_rc(arc_credit_memo_apply(db, memo, invoice, -500, ARC_DATE_NONE),
                 ARC_EINVAL);
    ck_assert_error_mentions("amount");
    ck_assert_int_eq(test_invoice_balance(db, invoice), 10000);
    ck_assert_int_eq(memo_unapplied(db, memo), 3000);
    test_close_book(db);
}
END_TEST

START_TEST(credit_memo_apply_to_an_unknown_memo_or_invoice_is_not_found)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_id customer = test_customer(db, "ACME", "USD");
    arc_id invoice = test_invoice(db, customer, "2026-03-01", 10000);
    arc_id memo = memo_for(db, customer, 3000);

    ck_assert_rc(arc_credit_memo_apply(db, memo + 1, invoice, 1000, ARC_DATE_NONE),
                 ARC_ENOTFOUND);
    ck_assert_rc(arc_credit_memo_apply(db, memo, invoice + 1, 1000, ARC_DATE_NONE),
                 ARC_ENOTFOUND);
    ck_assert_int_eq(test_invoice_balance(db, invoice), 10000);
    ck_assert_int_eq(memo_unapplied(db, memo), 3000);
    test_close_book(db);
}
END_TEST

START_TEST(credit_memo_apply_refuses_an_unpayable_invoice)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_id customer = test_customer(db, "ACME", "USD");
    arc_id draft = draft_invoice(db, customer, 5000);
    arc_id memo = memo_for(db, customer, 3000);

    ck_assert_rc(arc_credit_memo_apply(db, memo, draft, 1000, ARC_DATE_NONE),
                 ARC_ECONFLICT);
    ck_assert_int_eq(test_invoice_status(db, draft), ARC_INVOICE_DRAFT);
    ck_assert_int_eq(memo_unapplied(db, memo), 3000);
    test_close_book(db);
}
END_TEST

/* Automatic application */

START_TEST(credit_memo_apply_auto_settles_the_oldest_due_first)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_id customer = test_customer(db, "ACME", "USD");
    arc_id due_last = test_invoice(db, customer, "2026-03-01", 10000);
    arc_id due_first = test_invoice(db, customer, "2026-01-15", 10000);
    arc_id due_second = test_invoice(db, customer, "2026-02-10", 10000);
    arc_id memo = memo_for(db, customer, 15000);
    int64_t applied = -1;

    ck_assert_ok(arc_credit_memo_apply_auto(&applied, db, memo));
    ck_assert_int_eq(applied, 15000);
    ck_assert_int_eq(test_invoice_balance(db, due_first), 0);
    ck_assert_int_eq(test_invoice_status(db, due_first), ARC_INVOICE_PAID);
    ck_assert_int_eq(test_invoice_balance(db, due_second), 5000);
    ck_assert_int_eq(test_invoice_status(db, due_second), ARC_INVOICE_PARTIALLY_PAID);
    ck_assert_int_eq(test_invoice_balance(db, due_last), 10000);
    ck_assert_int_eq(test_invoice_status(db, due_last), ARC_INVOICE_OPEN);
    ck_assert_int_eq(memo_applied(db, memo), 15000);
    ck_assert_int_eq(memo_unapplied(db, memo), 0);
    test_close_book(db);
}
END_TEST

START_TEST(credit_memo_apply_auto_keeps_what_nothing_owes)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_id customer = test_customer(db, "ACME", "USD");
    arc_id invoice = test_invoice(db, customer, "2026-03-01", 1200);
    arc_id euro = test_invoice_full(db, customer, "EUR", "2026-03-01", NULL, 900);
    arc_id memo = memo_for(db, customer, 5000);
    int64_t applied = -1;

    ck_assert_ok(arc_credit_memo_apply_auto(&applied, db, memo));
    ck_assert_int_eq(applied, 1200);
    ck_assert_int_eq(test_invoice_balance(db, invoice), 0);
    ck_assert_int_eq(test_invoice_balance(db, euro), 900);
    ck_assert_int_eq(memo_unapplied(db, memo), 3800);

    ck_assert_ok(arc_credit_memo_apply_auto(&applied, db, memo));
    ck_assert_int_eq(applied, 0);
    ck_assert_int_eq(memo_unapplied(db, memo), 3800);
    test_close_book(db);
}
END_TEST

START_TEST(credit_memo_apply_auto_of_an_unknown_memo_is_not_found)
{
    arc_db *db = test_open_book("2026-03-15");
    int64_t applied = -1;

    ck_assert_rc(arc_credit_memo_apply_auto(&applied, db, 1), ARC_ENOTFOUND);
    ck_assert_int_eq(applied, -1);
    test_close_book(db);
}
END_TEST

/* Void */

START_TEST(credit_memo_void_reopens_what_it_settled)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_id customer = test_customer(db, "ACME", "USD");
    arc_id first = test_invoice(db, customer, "2026-01-15", 10000);
    arc_id second = test_invoice(db, customer, "2026-02-10", 4000);
    arc_id memo = memo_for(db, customer, 12000);
    arc_credit_memo *read;
    arc_invoice *invoice = NULL;
    int64_t credit = -1;

    ck_assert_ok(arc_credit_memo_apply_auto(NULL, db, memo));
    ck_assert_int_eq(test_invoice_balance(db, first), 0);
    ck_assert_int_eq(test_invoice_balance(db, second), 2000);

    ck_assert_ok(arc_credit_memo_void(db, memo, ARC_DATE_NONE, "Issued in error"));
    ck_assert_int_eq(test_invoice_balance(db, first), 10000);
    ck_assert_int_eq(test_invoice_status(db, first), ARC_INVOICE_OPEN);
    ck_assert_int_eq(test_invoice_balance(db, second), 4000);
    ck_assert_int_eq(test_invoice_status(db, second), ARC_INVOICE_OPEN);
    ck_assert_ok(arc_invoice_lookup(&invoice, db, first));
    ck_assert_int_eq(arc_invoice_amount_paid(invoice), 0);
    arc_invoice_free(invoice);

    read = lookup(db, memo);
    ck_assert_int_eq(arc_credit_memo_is_void(read), 1);
    ck_assert_int_eq(arc_credit_memo_applied(read), 0);
    ck_assert_int_eq(arc_credit_memo_unapplied(read), 0);
    ck_assert_int_eq(arc_credit_memo_amount(read), 12000);
    arc_credit_memo_free(read);
    ck_assert_ok(arc_customer_unapplied_credit(&credit, db, customer, NULL));
    ck_assert_int_eq(credit, 0);
    test_close_book(db);
}
END_TEST

START_TEST(credit_memo_void_keeps_other_credits_in_force)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_id customer = test_customer(db, "ACME", "USD");
    arc_id invoice = test_invoice(db, customer, "2026-03-01", 10000);
    arc_id kept = memo_against(db, customer, invoice, 3000);
    arc_id voided = memo_against(db, customer, invoice, 2000);

    ck_assert_int_eq(test_invoice_balance(db, invoice), 5000);
    ck_assert_ok(arc_credit_memo_void(db, voided, ARC_DATE_NONE, NULL));
    ck_assert_int_eq(test_invoice_balance(db, invoice), 7000);
    ck_assert_int_eq(test_invoice_status(db, invoice), ARC_INVOICE_PARTIALLY_PAID);
    ck_assert_int_eq(memo_applied(db, kept), 3000);
    test_close_book(db);
}
END_TEST

START_TEST(credit_memo_cannot_be_voided_twice)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_id customer = test_customer(db, "ACME", "USD");
    arc_id invoice = test_invoice(db, customer, "2026-03-01", 10000);
    arc_id memo = memo_against(db, customer, invoice, 2500);

    ck_assert_ok(arc_credit_memo_void(db, memo, ARC_DATE_NONE, NULL));
    ck_assert_rc(arc_credit_memo_void(db, memo, ARC_DATE_NONE, NULL), ARC_ECONFLICT);
    ck_assert_error_mentions("CM-000001");
    ck_assert_int_eq(test_invoice_balance(db, invoice), 10000);
    ck_assert_rc(arc_credit_memo_void(db, memo + 1, ARC_DATE_NONE, NULL), ARC_ENOTFOUND);
    test_close_book(db);
}
END_TEST

START_TEST(credit_memo_void_cannot_predate_its_issue)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_id customer = test_customer(db, "ACME", "USD");
    arc_id memo = memo_for(db, customer, 2500);

    ck_assert_rc(arc_credit_memo_void(db, memo, test_date("2026-03-14"), NULL),
                 ARC_EINVAL);
    ck_assert_int_eq(memo_unapplied(db, memo), 2500);
    test_close_book(db);
}
END_TEST

START_TEST(a_void_credit_memo_cannot_be_applied)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_id customer = test_customer(db, "ACME", "USD");
    arc_id invoice = test_invoice(db, customer, "2026-03-01", 10000);
    arc_id memo = memo_for(db, customer, 2500);
    int64_t applied = -1;

    ck_assert_ok(arc_credit_memo_void(db, memo, ARC_DATE_NONE, NULL));
    ck_assert_rc(arc_credit_memo_apply(db, memo, invoice, 1000, ARC_DATE_NONE),
                 ARC_ECONFLICT);
    ck_assert_rc(arc_credit_memo_apply_auto(&applied, db, memo), ARC_ECONFLICT);
    ck_assert_int_eq(applied, -1);
    ck_assert_int_eq(test_invoice_balance(db, invoice), 10000);
    ck_assert_uint_eq(applications_of_invoice(db, invoice), 0);
    test_close_book(db);
}
END_TEST

/* Applications */

START_TEST(credit_memo_applications_record_each_application_and_its_reversal)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_id customer = test_customer(db, "ACME", "USD");
    arc_id first = test_invoice(db, customer, "2026-03-01", 10000);
    arc_id second = test_invoice(db, customer, "2026-03-02", 3000);
    arc_id memo = memo_for(db, customer, 6000);
    arc_application_page *page = NULL;
    const arc_application *application;

    ck_assert_ok(arc_credit_memo_apply(db, memo, first, 2500, ARC_DATE_NONE));
    test_set_today("2026-03-20");
    ck_assert_ok(arc_credit_memo_apply(db, memo, second, 3000, ARC_DATE_NONE));

    ck_assert_ok(arc_credit_memo_applications(&page, db, memo));
    ck_assert_uint_eq(arc_application_page_count(page), 2);
    application = arc_application_page_at(page, 0);
    ck_assert_int_eq(arc_application_kind_of(application), ARC_APPLICATION_CREDIT_MEMO);
    ck_assert_int_eq(arc_application_invoice_id(application), first);
    ck_assert_int_eq(arc_application_source_id(application), memo);
    ck_assert_int_eq(arc_application_amount(application), 2500);
    ck_assert_int_eq(arc_application_applied_on(application), test_date("2026-03-15"));
    ck_assert_int_eq(arc_application_reversed_on(application), ARC_DATE_NONE);
    application = arc_application_page_at(page, 1);
    ck_assert_int_eq(arc_application_kind_of(application), ARC_APPLICATION_CREDIT_MEMO);
    ck_assert_int_eq(arc_application_invoice_id(application), second);
    ck_assert_int_eq(arc_application_source_id(application), memo);
    ck_assert_int_eq(arc_application_amount(application), 3000);
    ck_assert_int_eq(arc_application_applied_on(application), test_date("2026-03-20"));
    ck_assert_int_eq(arc_application_reversed_on(application), ARC_DATE_NONE);
    ck_assert_ptr_null(arc_application_page_at(page, 2));
    arc_application_page_free(page);

    ck_assert_ok(arc_credit_memo_void(db, memo, test_date("2026-03-25"), "Duplicate"));
    ck_assert_ok(arc_credit_memo_applications(&page, db, memo));
    ck_assert_uint_eq(arc_application_page_count(page), 2);
    for (size_t i = 0; i < 2; i++) {
        application = arc_application_page_at(page, i);
        ck_assert_int_eq(arc_application_reversed_on(application),
                         test_date("2026-03-25"));
    }
    ck_assert_int_eq(arc_application_amount(arc_application_page_at(page, 0)), 2500);
    ck_assert_int_eq(arc_application_amount(arc_application_page_at(page, 1)), 3000);
    arc_application_page_free(page);
    test_close_book(db);
}
END_TEST

START_TEST(credit_memo_applications_of_an_unknown_memo_are_not_found)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_application_page *page = NULL;
    arc_id customer = test_customer(db, "ACME", "USD");
    arc_id memo = memo_for(db, customer, 100);

    ck_assert_rc(arc_credit_memo_applications(&page, db, memo + 1), ARC_ENOTFOUND);
    ck_assert_ptr_null(page);
    ck_assert_ok(arc_credit_memo_applications(&page, db, memo));
    ck_assert_uint_eq(arc_application_page_count(page), 0);
    arc_application_page_free(page);
    test_close_book(db);
}
END_TEST

START_TEST(credit_memo_application_kind_names_are_lower_case)
{
    ck_assert_str_eq(arc_application_kind_name(ARC_APPLICATION_PAYMENT), "payment");
    ck_assert_str_eq(arc_application_kind_name(ARC_APPLICATION_CREDIT_MEMO),
                     "credit_memo");
    ck_assert_str_eq(arc_application_kind_name(ARC_APPLICATION_WRITE_OFF), "write_off");
    ck_assert_str_eq(arc_application_kind_name(ARC_APPLICATION_VOID), "void");
    ck_assert_ptr_null(arc_application_kind_name((arc_application_kind)4));
}
END_TEST

/* List */

START_TEST(credit_memo_list_filters_by_customer_and_void_status)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_list_opts opts = ARC_LIST_OPTS_INIT;
    arc_credit_memo_page *page = NULL;
    arc_id acme = test_customer(db, "ACME", "USD");
    arc_id globex = test_customer(db, "GLOBEX", "USD");
    arc_id a1 = memo_for(db, acme, 100);
    arc_id g1 = memo_for(db, globex, 200);
    arc_id a2 = memo_for(db, acme, 300);

    ck_assert_ok(arc_credit_memo_void(db, a1, ARC_DATE_NONE, NULL));

    opts.customer_id = acme;
    ck_assert_ok(arc_credit_memo_list(&page, db, &opts));
    ck_assert_uint_eq(arc_credit_memo_page_count(page), 2);
    ck_assert_int_eq(arc_credit_memo_id(arc_credit_memo_page_at(page, 0)), a1);
    ck_assert_int_eq(arc_credit_memo_id(arc_credit_memo_page_at(page, 1)), a2);
    arc_credit_memo_page_free(page);

    opts.status = 0;
    ck_assert_ok(arc_credit_memo_list(&page, db, &opts));
    ck_assert_uint_eq(arc_credit_memo_page_count(page), 1);
    ck_assert_int_eq(arc_credit_memo_id(arc_credit_memo_page_at(page, 0)), a2);
    ck_assert_int_eq(arc_credit_memo_amount(arc_credit_memo_page_at(page, 0)), 300);
    arc_credit_memo_page_free(page);

    opts.status = 1;
    ck_assert_ok(arc_credit_memo_list(&page, db, &opts));
    ck_assert_uint_eq(arc_credit_memo_page_count(page), 1);
    ck_assert_int_eq(arc_credit_memo_id(arc_credit_memo_page_at(page, 0)), a1);
    ck_assert_int_eq(arc_credit_memo_is_void(arc_credit_memo_page_at(page, 0)), 1);
    arc_credit_memo_page_free(page);

    opts.customer_id = 0;
    opts.status = 0;
    ck_assert_ok(arc_credit_memo_list(&page, db, &opts));
    ck_assert_uint_eq(arc_credit_memo_page_count(page), 2);
    ck_assert_int_eq(arc_credit_memo_id(arc_credit_memo_page_at(page, 0)), g1);
    ck_assert_int_eq(arc_credit_memo_id(arc_credit_memo_page_at(page, 1)), a2);
    arc_credit_memo_page_free(page);
    test_close_book(db);
}
END_TEST

START_TEST(credit_memo_list_refuses_an_unknown_status_and_a_large_limit)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_list_opts opts = ARC_LIST_OPTS_INIT;
    arc_credit_memo_page *page = NULL;

    opts.status = 2;
    ck_assert_rc(arc_credit_memo_list(&page, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("status");
    opts.status = -1;
    opts.limit = ARC_LIST_MAX_LIMIT + 1;
    ck_assert_rc(arc_credit_memo_list(&page, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("limit");
    ck_assert_ptr_null(page);
    test_close_book(db);
}
END_TEST

/* Bad input */

START_TEST(credit_memo_amount_must_be_positive)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_credit_memo_opts opts = ARC_CREDIT_MEMO_OPTS_INIT;
    arc_id id = -1;

    opts.customer_id = test_customer(db, "ACME", "USD");
    opts.amount = 0;
    ck_assert_rc(arc_credit_memo_create(&id, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("amount");
    opts.amount = -2500;
    ck_assert_rc(arc_credit_memo_create(&id, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("amount");
    ck_assert_int_eq(id, -1);
    ck_assert_uint_eq(memo_count(db), 0);
    test_close_book(db);
}
END_TEST

START_TEST(credit_memo_currency_must_be_known)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_credit_memo_opts opts = ARC_CREDIT_MEMO_OPTS_INIT;
    arc_id id = -1;

    opts.customer_id = test_customer(db, "ACME", "USD");
    opts.amount = 2500;
    opts.currency = "XYZ";
    ck_assert_rc(arc_credit_memo_create(&id, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("XYZ");
    ck_assert_int_eq(id, -1);
    ck_assert_uint_eq(memo_count(db), 0);
    test_close_book(db);
}
END_TEST

START_TEST(credit_memo_for_an_unknown_customer_is_not_found)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_credit_memo_opts opts = ARC_CREDIT_MEMO_OPTS_INIT;
    arc_id id = -1;

    opts.customer_id = test_customer(db, "ACME", "USD") + 1;
    opts.amount = 2500;
    ck_assert_rc(arc_credit_memo_create(&id, db, &opts), ARC_ENOTFOUND);
    ck_assert_int_eq(id, -1);
    ck_assert_uint_eq(memo_count(db), 0);
    test_close_book(db);
}
END_TEST

START_TEST(credit_memo_number_must_be_unique)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_credit_memo_opts opts = ARC_CREDIT_MEMO_OPTS_INIT;
    arc_credit_memo *memo;
    arc_id first = 0, id = -1;

    opts.customer_id = test_customer(db, "ACME", "USD");
    opts.number = "RMA-77";
    opts.amount = 2500;
    ck_assert_ok(arc_credit_memo_create(&first, db, &opts));
    opts.amount = 999;
    ck_assert_rc(arc_credit_memo_create(&id, db, &opts), ARC_EEXISTS);
    ck_assert_error_mentions("RMA-77");
    ck_assert_int_eq(id, -1);

    ck_assert_uint_eq(memo_count(db), 1);
    memo = lookup(db, first);
    ck_assert_int_eq(arc_credit_memo_amount(memo), 2500);
    arc_credit_memo_free(memo);
    test_close_book(db);
}
END_TEST

START_TEST(credit_memo_create_refuses_bad_options)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_credit_memo_opts opts = ARC_CREDIT_MEMO_OPTS_INIT;
    arc_id id = -1;

    opts.customer_id = test_customer(db, "ACME", "USD");
    opts.amount = 2500;
    opts.version = ARC_CREDIT_MEMO_OPTS_VERSION + 1;
    ck_assert_rc(arc_credit_memo_create(&id, db, &opts), ARC_EVERSION);
    opts.version = ARC_CREDIT_MEMO_OPTS_VERSION;
    opts.reason = "Caf\xC3\x28";
    ck_assert_rc(arc_credit_memo_create(&id, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("reason");
    opts.reason = NULL;
    ck_assert_rc(arc_credit_memo_create(&id, db, NULL), ARC_EINVAL);
    ck_assert_rc(arc_credit_memo_create(&id, NULL, &opts), ARC_EINVAL);
    ck_assert_int_eq(id, -1);
    ck_assert_uint_eq(memo_count(db), 0);
    test_close_book(db);
}
END_TEST

START_TEST(credit_memo_lookup_of_an_unknown_memo_is_not_found)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_credit_memo *memo = NULL;

    ck_assert_rc(arc_credit_memo_lookup(&memo, db, 1), ARC_ENOTFOUND);
    ck_assert_ptr_null(memo);
    ck_assert_rc(arc_credit_memo_lookup(NULL, db, 1), ARC_EINVAL);
    test_close_book(db);
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("credit_memo");
    TCase *create = tcase_create("create");
    TCase *at_creation = tcase_create("applied_at_creation");
    TCase *apply = tcase_create("apply");
    TCase *apply_auto = tcase_create("apply_auto");
    TCase *voiding = tcase_create("void");
    TCase *applications = tcase_create("applications");
    TCase *list = tcase_create("list");
    TCase *bad_input = tcase_create("bad_input");

    tcase_add_test(create, credit_memo_numbers_are_generated_in_sequence);
    tcase_add_test(create, credit_memo_takes_the_customers_currency_and_today_by_default);
    tcase_add_test(create, credit_memo_keeps_every_field_given);
    tcase_add_test(create, credit_memo_counts_as_unapplied_credit_of_the_customer);
    tcase_add_test(create, credit_memo_number_skips_one_the_host_already_used);
    suite_add_tcase(suite, create);

    tcase_add_test(at_creation, credit_memo_naming_an_invoice_is_applied_at_once);
    tcase_add_test(at_creation,
                   credit_memo_larger_than_the_invoice_pays_it_and_keeps_the_rest);
    tcase_add_test(at_creation,
                   credit_memo_naming_an_unpayable_invoice_is_a_conflict_and_not_created);
    tcase_add_test(at_creation,
                   credit_memo_naming_an_invoice_it_cannot_settle_is_not_created);
    suite_add_tcase(suite, at_creation);

    tcase_add_test(apply, credit_memo_apply_settles_the_amount_given);
    tcase_add_test(apply, credit_memo_over_application_is_rejected_and_changes_nothing);
    tcase_add_test(apply, credit_memo_apply_refuses_another_customers_invoice);
    tcase_add_test(apply, credit_memo_apply_refuses_an_invoice_in_another_currency);
    tcase_add_test(apply, credit_memo_apply_refuses_an_amount_not_positive);
    tcase_add_test(apply, credit_memo_apply_to_an_unknown_memo_or_invoice_is_not_found);
    tcase_add_test(apply, credit_memo_apply_refuses_an_unpayable_invoice);
    suite_add_tcase(suite, apply);

    tcase_add_test(apply_auto, credit_memo_apply_auto_settles_the_oldest_due_first);
    tcase_add_test(apply_auto, credit_memo_apply_auto_keeps_what_nothing_owes);
    tcase_add_test(apply_auto, credit_memo_apply_auto_of_an_unknown_memo_is_not_found);
    suite_add_tcase(suite, apply_auto);

    tcase_add_test(voiding, credit_memo_void_reopens_what_it_settled);
    tcase_add_test(voiding, credit_memo_void_keeps_other_credits_in_force);
    tcase_add_test(voiding, credit_memo_cannot_be_voided_twice);
    tcase_add_test(voiding, credit_memo_void_cannot_predate_its_issue);
    tcase_add_test(voiding, a_void_credit_memo_cannot_be_applied);
    suite_add_tcase(suite, voiding);

    tcase_add_test(applications,
                   credit_memo_applications_record_each_application_and_its_reversal);
    tcase_add_test(applications,
                   credit_memo_applications_of_an_unknown_memo_are_not_found);
    tcase_add_test(applications, credit_memo_application_kind_names_are_lower_case);
    suite_add_tcase(suite, applications);

    tcase_add_test(list, credit_memo_list_filters_by_customer_and_void_status);
    tcase_add_test(list, credit_memo_list_refuses_an_unknown_status_and_a_large_limit);
    suite_add_tcase(suite, list);

    tcase_add_test(bad_input, credit_memo_amount_must_be_positive);
    tcase_add_test(bad_input, credit_memo_currency_must_be_known);
    tcase_add_test(bad_input, credit_memo_for_an_unknown_customer_is_not_found);
    tcase_add_test(bad_input, credit_memo_number_must_be_unique);
    tcase_add_test(bad_input, credit_memo_create_refuses_bad_options);
    tcase_add_test(bad_input, credit_memo_lookup_of_an_unknown_memo_is_not_found);
    suite_add_tcase(suite, bad_input);

    return test_run_suite(suite);
}
