/*
 * Invoices: lines and rounding, numbering, defaults, lifecycle transitions
 * and the refusal of bad input without changing the book.
 */
#include <sqlite3.h>
#include <stdlib.h>
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

static arc_invoice_line_opts line(const char *description, const char *quantity,
                                  int64_t unit_price, const char *tax_rate)
{
    arc_invoice_line_opts opts = ARC_INVOICE_LINE_OPTS_INIT;

    opts.description = description;
    opts.quantity = quantity;
    opts.unit_price = unit_price;
    opts.tax_rate = tax_rate;
    return opts;
}

static arc_invoice *lookup(arc_id id)
{
    arc_invoice *invoice = NULL;

    ck_assert_ok(arc_invoice_lookup(&invoice, db, id));
    return invoice;
}

static int invoice_count(void)
{
    arc_invoice_page *page = NULL;
    int count;

    ck_assert_ok(arc_invoice_list(&page, db, NULL));
    count = (int)arc_invoice_page_count(page);
    arc_invoice_page_free(page);
    return count;
}

START_TEST(invoice_totals_round_each_line_half_away_from_zero)
{
    arc_invoice_line_opts lines[3];
    arc_invoice_opts opts = ARC_INVOICE_OPTS_INIT;
    arc_invoice *invoice;
    arc_id id;

    lines[0] = line("Managed endpoints", "42", 1500, "8.25");   /* 630.00, tax 51.975 */
    lines[1] = line("After-hours support", "1.5", 12500, NULL); /* 187.50 */
    lines[2] = line("Storage GB", "0.333", 150, "10"); /* 0.4995 -> 0.50, tax 0.05 */
    opts.customer_id = acme;
    opts.lines = lines;
    opts.line_count = 3;
    ck_assert_ok(arc_invoice_create(&id, db, &opts));

    invoice = lookup(id);
    ck_assert_int_eq(arc_invoice_line_count(invoice), 3);
    ck_assert_int_eq(arc_invoice_line_net(arc_invoice_line_at(invoice, 0)), 63000);
    ck_assert_int_eq(arc_invoice_line_tax(arc_invoice_line_at(invoice, 0)), 5198);
    ck_assert_int_eq(arc_invoice_line_net(arc_invoice_line_at(invoice, 1)), 18750);
    ck_assert_int_eq(arc_invoice_line_tax(arc_invoice_line_at(invoice, 1)), 0);
    ck_assert_int_eq(arc_invoice_line_net(arc_invoice_line_at(invoice, 2)), 50);
    ck_assert_int_eq(arc_invoice_line_tax(arc_invoice_line_at(invoice, 2)), 5);
    ck_assert_int_eq(arc_invoice_subtotal(invoice), 81800);
    ck_assert_int_eq(arc_invoice_tax(invoice), 5203);
    ck_assert_int_eq(arc_invoice_total(invoice), 87003);
    ck_assert_str_eq(arc_invoice_line_quantity(arc_invoice_line_at(invoice, 1)), "1.5");
    ck_assert_str_eq(arc_invoice_line_tax_rate(arc_invoice_line_at(invoice, 0)), "8.25");
    ck_assert_str_eq(arc_invoice_line_tax_rate(arc_invoice_line_at(invoice, 1)), "0");
    arc_invoice_free(invoice);
}
END_TEST

START_TEST(invoice_keeps_every_line_field)
{
    arc_invoice_line_opts lines[1];
    arc_invoice_opts opts = ARC_INVOICE_OPTS_INIT;
    const arc_invoice_line *first;
    arc_invoice *invoice;
    arc_id id;

    lines[0] = line("Microsoft 365 Business Premium", "25.50", 2200, "7.000");
    lines[0].item_code = "M365-BP";
    lines[0].period_start = test_date("2026-03-01");
    lines[0].period_end = test_date("2026-03-31");
    opts.customer_id = acme;
    opts.number = "MSP-1001";
    opts.memo = "March services";
    opts.lines = lines;
    opts.line_count = 1;
    ck_assert_ok(arc_invoice_create(&id, db, &opts));

    invoice = lookup(id);
    first = arc_invoice_line_at(invoice, 0);
    ck_assert_str_eq(arc_invoice_number(invoice), "MSP-1001");
    ck_assert_str_eq(arc_invoice_memo(invoice), "March services");
    ck_assert_str_eq(arc_invoice_currency(invoice), "USD");
    ck_assert_int_eq(arc_invoice_customer_id(invoice), acme);
    ck_assert_str_eq(arc_invoice_line_description(first),
                     "Microsoft 365 Business Premium");
    ck_assert_str_eq(arc_invoice_line_quantity(first), "25.5");
    ck_assert_str_eq(arc_invoice_line_tax_rate(first), "7");
    ck_assert_str_eq(arc_invoice_line_item_code(first), "M365-BP");
    ck_assert_int_eq(arc_invoice_line_unit_price(first), 2200);
    ck_assert_int_eq(arc_invoice_line_period_start(first), test_date("2026-03-01"));
    ck_assert_int_eq(arc_invoice_line_period_end(first), test_date("2026-03-31"));
    ck_assert_int_eq(arc_invoice_line_net(first), 56100);
    ck_assert_int_eq(arc_invoice_line_tax(first), 3927);
    ck_assert_ptr_null(arc_invoice_line_at(invoice, 1));
    arc_invoice_free(invoice);
}
END_TEST

START_TEST(invoice_numbers_are_generated_in_sequence)
{
    arc_invoice *first, *second;

    first = lookup(test_invoice(db, acme, "2026-03-01", 1000));
    second = lookup(test_invoice(db, acme, "2026-03-02", 1000));
    ck_assert_str_eq(arc_invoice_number(first), "INV-000001");
    ck_assert_str_eq(arc_invoice_number(second), "INV-000002");
    arc_invoice_free(first);
    arc_invoice_free(second);
}
END_TEST

START_TEST(generated_number_skips_one_a_host_already_used)
{
    arc_invoice_line_opts lines[1];
    arc_invoice_opts opts = ARC_INVOICE_OPTS_INIT;
    arc_invoice *invoice;
    arc_id id;

    lines[0] = line("Setup", NULL, 5000, NULL);
    opts.customer_id = acme;
    opts.number = "INV-000001";
    opts.lines = lines;
    opts.line_count = 1;
    ck_assert_ok(arc_invoice_create(NULL, db, &opts));

    opts.number = NULL;
    ck_assert_ok(arc_invoice_create(&id, db, &opts));
    invoice = lookup(id);
    ck_assert_str_eq(arc_invoice_number(invoice), "INV-000002");
    arc_invoice_free(invoice);
}
END_TEST

START_TEST(duplicate_invoice_number_is_refused)
{
    arc_invoice_line_opts lines[1];
    arc_invoice_opts opts = ARC_INVOICE_OPTS_INIT;

    lines[0] = line("Setup", NULL, 5000, NULL);
    opts.customer_id = acme;
    opts.number = "MSP-7";
    opts.lines = lines;
    opts.line_count = 1;
    ck_assert_ok(arc_invoice_create(NULL, db, &opts));
    ck_assert_rc(arc_invoice_create(NULL, db, &opts), ARC_EEXISTS);
    ck_assert_error_mentions("MSP-7");
    ck_assert_int_eq(invoice_count(), 1);
}
END_TEST

START_TEST(issued_invoice_gets_due_date_from_customer_terms)
{
    arc_invoice *invoice = lookup(test_invoice(db, acme, "2026-01-31", 1000));

    ck_assert_int_eq(arc_invoice_issue_date(invoice), test_date("2026-01-31"));
    ck_assert_int_eq(arc_invoice_due_date(invoice), test_date("2026-03-02"));
    ck_assert_int_eq(arc_invoice_status_of(invoice), ARC_INVOICE_OPEN);
    ck_assert_int_eq(arc_invoice_balance(invoice), 1000);
    arc_invoice_free(invoice);
}
END_TEST

START_TEST(draft_has_no_balance_until_issued_today)
{
    arc_invoice_line_opts lines[1];
    arc_invoice_opts opts = ARC_INVOICE_OPTS_INIT;
    arc_invoice *invoice;
    arc_id id;

    lines[0] = line("Firewall", "2", 4500, NULL);
    opts.customer_id = acme;
    opts.lines = lines;
    opts.line_count = 1;
    ck_assert_ok(arc_invoice_create(&id, db, &opts));

    invoice = lookup(id);
    ck_assert_int_eq(arc_invoice_status_of(invoice), ARC_INVOICE_DRAFT);
    ck_assert_int_eq(arc_invoice_balance(invoice), 0);
    ck_assert_int_eq(arc_invoice_issue_date(invoice), ARC_DATE_NONE);
    arc_invoice_free(invoice);

    lines[0] = line("Cabling", "3", 1000, "10");
    ck_assert_ok(arc_invoice_add_line(db, id, &lines[0]));
    ck_assert_ok(arc_invoice_issue(db, id, ARC_DATE_NONE));

    invoice = lookup(id);
    ck_assert_int_eq(arc_invoice_status_of(invoice), ARC_INVOICE_OPEN);
    ck_assert_int_eq(arc_invoice_line_count(invoice), 2);
    ck_assert_int_eq(arc_invoice_total(invoice), 9000 + 3000 + 300);
    ck_assert_int_eq(arc_invoice_balance(invoice), 12300);
    ck_assert_int_eq(arc_invoice_issue_date(invoice), test_date("2026-03-15"));
    ck_assert_int_eq(arc_invoice_due_date(invoice), test_date("2026-04-14"));
    arc_invoice_free(invoice);
}
END_TEST

START_TEST(explicit_due_date_is_kept)
{
    arc_invoice_line_opts lines[1];
    arc_invoice_opts opts = ARC_INVOICE_OPTS_INIT;
    arc_invoice *invoice;
    arc_id id;

    lines[0] = line("Audit", NULL, 90000, NULL);
    opts.customer_id = acme;
    opts.issue_date = test_date("2026-03-01");
    opts.due_date = test_date("2026-03-11");
    opts.lines = lines;
    opts.line_count = 1;
    opts.flags = ARC_INVOICE_CREATE_ISSUED;
    ck_assert_ok(arc_invoice_create(&id, db, &opts));

    invoice = lookup(id);
    ck_assert_int_eq(arc_invoice_due_date(invoice), test_date("2026-03-11"));
    arc_invoice_free(invoice);
}
END_TEST

START_TEST(due_date_before_issue_date_is_refused)
{
    arc_invoice_line_opts lines[1];
    arc_invoice_opts opts = ARC_INVOICE_OPTS_INIT;

    lines[0] = line("Audit", NULL, 90000, NULL);
    opts.customer_id = acme;
    opts.issue_date = test_date("2026-03-10");
    opts.due_date = test_date("2026-03-09");
    opts.lines = lines;
    opts.line_count = 1;
    opts.flags = ARC_INVOICE_CREATE_ISSUED;
    ck_assert_rc(arc_invoice_create(NULL, db, &opts), ARC_ECONFLICT);
    ck_assert_error_mentions("due_date");
    ck_assert_int_eq(invoice_count(), 0);
}
END_TEST

START_TEST(issuing_without_lines_is_refused)
{
    arc_invoice_opts opts = ARC_INVOICE_OPTS_INIT;
    arc_id id;

    opts.customer_id = acme;
    ck_assert_ok(arc_invoice_create(&id, db, &opts));
    ck_assert_rc(arc_invoice_issue(db, id, ARC_DATE_NONE), ARC_ECONFLICT);
    ck_assert_error_mentions("without lines");
    ck_assert_int_eq(test_invoice_status(db, id), ARC_INVOICE_DRAFT);
}
END_TEST

START_TEST(issued_invoice_is_immutable)
{
    arc_invoice_line_opts extra = line("Extra", NULL, 100, NULL);
    arc_id id = test_invoice(db, acme, "2026-03-01", 1000);

    ck_assert_rc(arc_invoice_add_line(db, id, &extra), ARC_ECONFLICT);
    ck_assert_error_mentions("drafts only");
    ck_assert_rc(arc_invoice_issue(db, id, ARC_DATE_NONE), ARC_ECONFLICT);
    ck_assert_rc(arc_invoice_delete(db, id), ARC_ECONFLICT);
    ck_assert_error_mentions("void it instead");
    ck_assert_int_eq(test_invoice_balance(db, id), 1000);
}
END_TEST

START_TEST(draft_can_be_deleted)
{
    arc_invoice_line_opts lines[1];
    arc_invoice_opts opts = ARC_INVOICE_OPTS_INIT;
    arc_invoice *invoice = NULL;
    arc_id id;

    lines[0] = line("Quote", NULL, 100, NULL);
    opts.customer_id = acme;
    opts.lines = lines;
    opts.line_count = 1;
    ck_assert_ok(arc_invoice_create(&id, db, &opts));
    ck_assert_ok(arc_invoice_delete(db, id));
    ck_assert_rc(arc_invoice_lookup(&invoice, db, id), ARC_ENOTFOUND);
    ck_assert_rc(arc_invoice_delete(db, id), ARC_ENOTFOUND);
}
END_TEST

START_TEST(void_cancels_an_unpaid_invoice)
{
    arc_id id = test_invoice(db, acme, "2026-03-01", 1000);
    int64_t balance;

    ck_assert_ok(arc_invoice_void(db, id, ARC_DATE_NONE, "billed twice"));
    ck_assert_int_eq(test_invoice_status(db, id), ARC_INVOICE_VOID);
    ck_assert_int_eq(test_invoice_balance(db, id), 0);
    ck_assert_ok(arc_customer_balance(&balance, db, acme, NULL));
    ck_assert_int_eq(balance, 0);

    ck_assert_rc(arc_invoice_void(db, id, ARC_DATE_NONE, NULL), ARC_ECONFLICT);
    ck_assert_error_mentions("already void");
    ck_assert_rc(arc_invoice_write_off(db, id, ARC_DATE_NONE, NULL), ARC_ECONFLICT);
}
END_TEST

START_TEST(void_is_refused_once_a_payment_is_applied)
{
    arc_payment_opts payment = ARC_PAYMENT_OPTS_INIT;
    arc_id id = test_invoice(db, acme, "2026-03-01", 1000);

    payment.customer_id = acme;
    payment.amount = 400;
    payment.flags = ARC_PAYMENT_AUTO_APPLY;
    ck_assert_ok(arc_payment_record(NULL, db, &payment));

    ck_assert_rc(arc_invoice_void(db, id, ARC_DATE_NONE, NULL), ARC_ECONFLICT);
    ck_assert_error_mentions("reverse them first");
    ck_assert_int_eq(test_invoice_status(db, id), ARC_INVOICE_PARTIALLY_PAID);
    ck_assert_int_eq(test_invoice_balance(db, id), 600);
}
END_TEST

START_TEST(write_off_gives_up_the_remaining_balance)
{
    arc_payment_opts payment = ARC_PAYMENT_OPTS_INIT;
    arc_application_page *applications = NULL;
    arc_id id = test_invoice(db, acme, "2026-03-01", 1000);
    arc_invoice *invoice;

    payment.customer_id = acme;
    payment.amount = 250;
    payment.flags = ARC_PAYMENT_AUTO_APPLY;
    ck_assert_ok(arc_payment_record(NULL, db, &payment));
    ck_assert_ok(arc_invoice_write_off(db, id, test_date("2026-03-14"), "bankrupt"));

    invoice = lookup(id);
    ck_assert_int_eq(arc_invoice_status_of(invoice), ARC_INVOICE_WRITTEN_OFF);
    ck_assert_int_eq(arc_invoice_balance(invoice), 0);
    ck_assert_int_eq(arc_invoice_amount_paid(invoice), 250);
    arc_invoice_free(invoice);

    ck_assert_ok(arc_invoice_applications(&applications, db, id));
    ck_assert_int_eq(arc_application_page_count(applications), 2);
    ck_assert_int_eq(arc_application_kind_of(arc_application_page_at(applications, 1)),
                     ARC_APPLICATION_WRITE_OFF);
    ck_assert_int_eq(arc_application_amount(arc_application_page_at(applications, 1)),
                     750);
    ck_assert_int_eq(arc_application_applied_on(arc_application_page_at(applications, 1)),
                     test_date("2026-03-14"));
    arc_application_page_free(applications);
}
END_TEST

START_TEST(paid_invoice_cannot_be_written_off)
{
    arc_payment_opts payment = ARC_PAYMENT_OPTS_INIT;
    arc_id id = test_invoice(db, acme, "2026-03-01", 1000);

    payment.customer_id = acme;
    payment.amount = 1000;
    payment.flags = ARC_PAYMENT_AUTO_APPLY;
    ck_assert_ok(arc_payment_record(NULL, db, &payment));
    ck_assert_int_eq(test_invoice_status(db, id), ARC_INVOICE_PAID);
    ck_assert_rc(arc_invoice_write_off(db, id, ARC_DATE_NONE, NULL), ARC_ECONFLICT);
    ck_assert_error_mentions("it is paid");
}
END_TEST

START_TEST(invoice_of_zero_is_paid_on_issue_and_can_be_voided)
{
    arc_id id = test_invoice(db, acme, "2026-03-01", 0);

    ck_assert_int_eq(test_invoice_status(db, id), ARC_INVOICE_PAID);
    ck_assert_rc(arc_invoice_write_off(db, id, ARC_DATE_NONE, NULL), ARC_ECONFLICT);
    ck_assert_ok(arc_invoice_void(db, id, ARC_DATE_NONE, "issued by mistake"));
    ck_assert_int_eq(test_invoice_status(db, id), ARC_INVOICE_VOID);
}
END_TEST

START_TEST(bad_line_is_refused_naming_the_line_and_field)
{
    arc_invoice_line_opts lines[2];
    arc_invoice_opts opts = ARC_INVOICE_OPTS_INIT;

    lines[0] = line("Endpoints", "10", 1500, NULL);
    lines[1] = line("Hours", "1.2345678", 100, NULL);
    opts.customer_id = acme;
    opts.number = "Q-1";
    opts.lines = lines;
    opts.line_count = 2;
    ck_assert_rc(arc_invoice_create(NULL, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("Q-1: line 2: quantity");

    lines[1] = line("Hours", "-1", 100, NULL);
    ck_assert_rc(arc_invoice_create(NULL, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("line 2: quantity: must be positive");

    lines[1] = line("Hours", "1", -100, NULL);
    ck_assert_rc(arc_invoice_create(NULL, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("line 2: unit_price");

    lines[1] = line("Hours", "1", 100, "100.5");
    ck_assert_rc(arc_invoice_create(NULL, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("line 2: tax_rate");

    lines[1] = line(NULL, "1", 100, NULL);
    ck_assert_rc(arc_invoice_create(NULL, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("line 2: description: required");

    lines[1] = line("Caf\xC3\x28", "1", 100, NULL);
    ck_assert_rc(arc_invoice_create(NULL, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("UTF-8");

    lines[1] = line("Period", "1", 100, NULL);
    lines[1].period_start = test_date("2026-03-31");
    lines[1].period_end = test_date("2026-03-01");
    ck_assert_rc(arc_invoice_create(NULL, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("period_end");

    ck_assert_int_eq(invoice_count(), 0);
}
END_TEST

START_TEST(overflowing_amounts_are_refused)
{
    arc_invoice_line_opts lines[2];
    arc_invoice_opts opts = ARC_INVOICE_OPTS_INIT;

    lines[0] = line("Huge", "1000", INT64_MAX / 10, NULL);
    opts.customer_id = acme;
    opts.lines = lines;
    opts.line_count = 1;
    ck_assert_rc(arc_invoice_create(NULL, db, &opts), ARC_EOVERFLOW);
    ck_assert_error_mentions("line 1");

    lines[0] = line("Half", NULL, INT64_MAX / 2 + 1, NULL);
    lines[1] = line("Half", NULL, INT64_MAX / 2 + 1, NULL);
    opts.line_count = 2;
    ck_assert_rc(arc_invoice_create(NULL, db, &opts), ARC_EOVERFLOW);
    ck_assert_error_mentions("total");
    ck_assert_int_eq(invoice_count(), 0);
}
END_TEST

START_TEST(bad_invoice_fields_are_refused)
{
    arc_invoice_line_opts lines[1];
    arc_invoice_opts opts = ARC_INVOICE_OPTS_INIT;

    lines[0] = line("Setup", NULL, 100, NULL);
    opts.customer_id = 999;
    opts.lines = lines;
    opts.line_count = 1;
    ck_assert_rc(arc_invoice_create(NULL, db, &opts), ARC_ENOTFOUND);
    ck_assert_error_mentions("customer 999");

    opts.customer_id = acme;
    opts.currency = "ABC";
    ck_assert_rc(arc_invoice_create(NULL, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("ABC");

    opts.currency = NULL;
    opts.issue_date = 99999999;
    ck_assert_rc(arc_invoice_create(NULL, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("issue_date");

    opts.issue_date = ARC_DATE_NONE;
    opts.version = 99;
    ck_assert_rc(arc_invoice_create(NULL, db, &opts), ARC_EVERSION);

    opts.version = ARC_INVOICE_OPTS_VERSION;
    opts.lines = NULL;
    ck_assert_rc(arc_invoice_create(NULL, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("lines");

    ck_assert_rc(arc_invoice_create(NULL, NULL, &opts), ARC_EINVAL);
    ck_assert_rc(arc_invoice_create(NULL, db, NULL), ARC_EINVAL);
    ck_assert_int_eq(invoice_count(), 0);
}
END_TEST

START_TEST(invoice_in_another_currency_than_the_customer)
{
    arc_invoice_line_opts lines[1];
    arc_invoice_opts opts = ARC_INVOICE_OPTS_INIT;
    arc_invoice *invoice;
    int64_t balance;
    arc_id id;

    lines[0] = line("Licence", NULL, 125000, NULL);
    opts.customer_id = acme;
    opts.currency = "JPY";
    opts.lines = lines;
    opts.line_count = 1;
    opts.flags = ARC_INVOICE_CREATE_ISSUED;
    ck_assert_ok(arc_invoice_create(&id, db, &opts));

    invoice = lookup(id);
    ck_assert_str_eq(arc_invoice_currency(invoice), "JPY");
    arc_invoice_free(invoice);
    ck_assert_ok(arc_customer_balance(&balance, db, acme, "JPY"));
    ck_assert_int_eq(balance, 125000);
    ck_assert_ok(arc_customer_balance(&balance, db, acme, NULL));
    ck_assert_int_eq(balance, 0);
}
END_TEST

START_TEST(invoice_list_filters_by_customer_and_status)
{
    arc_id other = test_customer(db, "GLOBEX", "USD");
    arc_list_opts opts = ARC_LIST_OPTS_INIT;
    arc_invoice_page *page = NULL;
    arc_id voided;

    test_invoice(db, acme, "2026-03-01", 100);
    voided = test_invoice(db, acme, "2026-03-02", 200);
    test_invoice(db, other, "2026-03-03", 300);
    ck_assert_ok(arc_invoice_void(db, voided, ARC_DATE_NONE, NULL));

    opts.customer_id = acme;
    ck_assert_ok(arc_invoice_list(&page, db, &opts));
    ck_assert_int_eq(arc_invoice_page_count(page), 2);
    arc_invoice_page_free(page);

    opts.status = ARC_INVOICE_OPEN;
    ck_assert_ok(arc_invoice_list(&page, db, &opts));
    ck_assert_int_eq(arc_invoice_page_count(page), 1);
    ck_assert_int_eq(arc_invoice_total(arc_invoice_page_at(page, 0)), 100);
    arc_invoice_page_free(page);

    opts.customer_id = 0;
    opts.status = -1;
    opts.limit = 2;
    ck_assert_ok(arc_invoice_list(&page, db, &opts));
    ck_assert_int_eq(arc_invoice_page_count(page), 2);
    opts.after_id = arc_invoice_id(arc_invoice_page_at(page, 1));
    arc_invoice_page_free(page);
    ck_assert_ok(arc_invoice_list(&page, db, &opts));
    ck_assert_int_eq(arc_invoice_page_count(page), 1);
    ck_assert_int_eq(arc_invoice_customer_id(arc_invoice_page_at(page, 0)), other);
    arc_invoice_page_free(page);

    opts.status = 17;
    ck_assert_rc(arc_invoice_list(&page, db, &opts), ARC_EINVAL);
}
END_TEST

START_TEST(lookup_by_number_finds_the_invoice)
{
    arc_id id = test_invoice(db, acme, "2026-03-01", 100);
    arc_invoice *invoice = NULL;

    ck_assert_ok(arc_invoice_lookup_number(&invoice, db, "INV-000001"));
    ck_assert_int_eq(arc_invoice_id(invoice), id);
    arc_invoice_free(invoice);
    ck_assert_rc(arc_invoice_lookup_number(&invoice, db, "INV-404"), ARC_ENOTFOUND);
    ck_assert_error_mentions("INV-404");
    ck_assert_rc(arc_invoice_lookup_number(&invoice, db, NULL), ARC_EINVAL);
}
END_TEST

/* Make inserting a line described "boom" fail, through a second connection,
 * to stand for a storage failure in the middle of a call's writes. */
static void inject_line_failure(void)
{
    sqlite3 *conn = NULL;

    ck_assert_int_eq(sqlite3_open(test_book_file(db), &conn), SQLITE_OK);
    ck_assert_int_eq(sqlite3_exec(conn,
                                  "CREATE TRIGGER boom BEFORE INSERT ON invoice_lines"
                                  " WHEN NEW.description = 'boom'"
                                  " BEGIN SELECT RAISE(ABORT, 'injected failure'); END",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(conn);
}

static int create_with_failing_second_line(void)
{
    arc_invoice_line_opts lines[2];
    arc_invoice_opts opts = ARC_INVOICE_OPTS_INIT;

    lines[0] = line("Endpoints", NULL, 1000, NULL);
    lines[1] = line("boom", NULL, 1000, NULL);
    opts.customer_id = acme;
    opts.lines = lines;
    opts.line_count = 2;
    opts.flags = ARC_INVOICE_CREATE_ISSUED;
    return arc_invoice_create(NULL, db, &opts);
}

START_TEST(failure_midway_through_a_call_leaves_nothing_behind)
{
    inject_line_failure();
    ck_assert_rc(create_with_failing_second_line(), ARC_ESTORAGE);
    ck_assert_error_mentions("injected failure");
    ck_assert_int_eq(invoice_count(), 0);
}
END_TEST

START_TEST(failure_midway_through_a_call_rolls_back_the_host_transaction)
{
    arc_customer *customer = NULL;
    arc_id globex;

    inject_line_failure();
    ck_assert_ok(arc_tx_begin(db));
    globex = test_customer(db, "GLOBEX", "USD");
    test_invoice(db, acme, "2026-03-01", 500);
    ck_assert_rc(create_with_failing_second_line(), ARC_ESTORAGE);
    ck_assert_error_mentions("transaction rolled back");
    ck_assert_int_eq(arc_tx_active(db), 0);
    ck_assert_rc(arc_tx_commit(db), ARC_ECONFLICT);

    ck_assert_int_eq(invoice_count(), 0);
    ck_assert_rc(arc_customer_lookup(&customer, db, globex), ARC_ENOTFOUND);
}
END_TEST

START_TEST(refusal_before_any_write_keeps_the_host_transaction)
{
    arc_invoice_line_opts lines[1];
    arc_invoice_opts opts = ARC_INVOICE_OPTS_INIT;

    ck_assert_ok(arc_tx_begin(db));
    test_invoice(db, acme, "2026-03-01", 500);
    lines[0] = line("Setup", NULL, 100, NULL);
    opts.customer_id = acme;
    opts.number = "INV-000001";
    opts.lines = lines;
    opts.line_count = 1;
    ck_assert_rc(arc_invoice_create(NULL, db, &opts), ARC_EEXISTS);
    ck_assert_int_eq(arc_tx_active(db), 1);
    test_invoice(db, acme, "2026-03-02", 700);
    ck_assert_ok(arc_tx_commit(db));
    ck_assert_int_eq(invoice_count(), 2);
}
END_TEST

START_TEST(status_names_are_stable)
{
    ck_assert_str_eq(arc_invoice_status_name(ARC_INVOICE_DRAFT), "draft");
    ck_assert_str_eq(arc_invoice_status_name(ARC_INVOICE_PARTIALLY_PAID),
                     "partially_paid");
    ck_assert_str_eq(arc_invoice_status_name(ARC_INVOICE_WRITTEN_OFF), "written_off");
    ck_assert_ptr_null(arc_invoice_status_name((arc_invoice_status)6));
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("invoice");
    TCase *rules = tcase_create("rules");
    TCase *faults = tcase_create("faults");

    tcase_add_checked_fixture(rules, setup, teardown);
    tcase_add_test(rules, invoice_totals_round_each_line_half_away_from_zero);
    tcase_add_test(rules, invoice_keeps_every_line_field);
    tcase_add_test(rules, invoice_numbers_are_generated_in_sequence);
    tcase_add_test(rules, generated_number_skips_one_a_host_already_used);
    tcase_add_test(rules, duplicate_invoice_number_is_refused);
    tcase_add_test(rules, issued_invoice_gets_due_date_from_customer_terms);
    tcase_add_test(rules, draft_has_no_balance_until_issued_today);
    tcase_add_test(rules, explicit_due_date_is_kept);
    tcase_add_test(rules, due_date_before_issue_date_is_refused);
    tcase_add_test(rules, issuing_without_lines_is_refused);
    tcase_add_test(rules, issued_invoice_is_immutable);
    tcase_add_test(rules, draft_can_be_deleted);
    tcase_add_test(rules, void_cancels_an_unpaid_invoice);
    tcase_add_test(rules, void_is_refused_once_a_payment_is_applied);
    tcase_add_test(rules, write_off_gives_up_the_remaining_balance);
    tcase_add_test(rules, paid_invoice_cannot_be_written_off);
    tcase_add_test(rules, invoice_of_zero_is_paid_on_issue_and_can_be_voided);
    tcase_add_test(rules, bad_line_is_refused_naming_the_line_and_field);
    tcase_add_test(rules, overflowing_amounts_are_refused);
    tcase_add_test(rules, bad_invoice_fields_are_refused);
    tcase_add_test(rules, invoice_in_another_currency_than_the_customer);
    tcase_add_test(rules, invoice_list_filters_by_customer_and_status);
    tcase_add_test(rules, lookup_by_number_finds_the_invoice);
    tcase_add_test(rules, refusal_before_any_write_keeps_the_host_transaction);
    tcase_add_test(rules, status_names_are_stable);
    suite_add_tcase(suite, rules);

    /* Storage failures are injected with a trigger in the SQLite file. */
    tcase_add_checked_fixture(faults, setup, teardown);
    tcase_set_tags(faults, TEST_TAG_SQLITE);
    tcase_add_test(faults, failure_midway_through_a_call_leaves_nothing_behind);
    tcase_add_test(faults, failure_midway_through_a_call_rolls_back_the_host_transaction);
    suite_add_tcase(suite, faults);
    return test_run_suite(suite);
}
