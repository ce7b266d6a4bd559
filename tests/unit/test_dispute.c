/*
 * Disputes: opening them against what an invoice owes, the refusals that
 * leave the book unchanged, the review / escalate / resolve / reopen
 * lifecycle, the credit memos and write-offs that settle them, updates,
 * lists, the reason codes they hold on to, and the names of their states.
 */
#include <string.h>

#include "testutil.h"
#include "arcollect/communication.h"
#include "arcollect/dispute.h"

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

/* The instant the test clock reports on @p date. */
static arc_time noon(const char *date)
{
    return (arc_time)test_date(date) * 86400 + 12 * 3600;
}

static arc_dispute_opts dispute_for(arc_id invoice, const char *code, int64_t amount)
{
    arc_dispute_opts opts = ARC_DISPUTE_OPTS_INIT;

    opts.invoice_id = invoice;
    opts.reason_code = code;
    opts.amount = amount;
    opts.opened_by = "lee";
    return opts;
}

static arc_id open_dispute(arc_id invoice, const char *code, int64_t amount)
{
    arc_dispute_opts opts = dispute_for(invoice, code, amount);
    arc_id id = 0;

    ck_assert_ok(arc_dispute_open(&id, db, &opts));
    ck_assert_int_gt(id, 0);
    return id;
}

static arc_dispute *lookup(arc_id id)
{
    arc_dispute *dispute = NULL;

    ck_assert_ok(arc_dispute_lookup(&dispute, db, id));
    ck_assert_ptr_nonnull(dispute);
    return dispute;
}

static arc_dispute_status status_of(arc_id id)
{
    arc_dispute *dispute = lookup(id);
    arc_dispute_status status = arc_dispute_status_of(dispute);

    arc_dispute_free(dispute);
    return status;
}

static arc_dispute_outcome outcome_of(arc_id id)
{
    arc_dispute *dispute = lookup(id);
    arc_dispute_outcome outcome = arc_dispute_outcome_of(dispute);

    arc_dispute_free(dispute);
    return outcome;
}

static int64_t amount_of(arc_id id)
{
    arc_dispute *dispute = lookup(id);
    int64_t amount = arc_dispute_amount(dispute);

    arc_dispute_free(dispute);
    return amount;
}

static arc_time status_changed_at(arc_id id)
{
    arc_dispute *dispute = lookup(id);
    arc_time at = arc_dispute_status_changed_at(dispute);

    arc_dispute_free(dispute);
    return at;
}

static int64_t disputed(arc_id invoice)
{
    int64_t amount = -1;

    ck_assert_ok(arc_invoice_disputed_amount(&amount, db, invoice));
    return amount;
}

static int64_t customer_balance(void)
{
    int64_t balance = -1;

    ck_assert_ok(arc_customer_balance(&balance, db, acme, NULL));
    return balance;
}

static int64_t collectible(void)
{
    int64_t balance = -1;

    ck_assert_ok(arc_customer_collectible_balance(&balance, db, acme, NULL));
    return balance;
}

static size_t dispute_count(void)
{
    arc_dispute_page *page = NULL;
    size_t count;

    ck_assert_ok(arc_dispute_list(&page, db, NULL));
    count = arc_dispute_page_count(page);
    arc_dispute_page_free(page);
    return count;
}

static size_t invoice_dispute_count(arc_id invoice)
{
    arc_dispute_page *page = NULL;
    size_t count;

    ck_assert_ok(arc_invoice_disputes(&page, db, invoice));
    count = arc_dispute_page_count(page);
    arc_dispute_page_free(page);
    return count;
}

static size_t credit_memo_count(void)
{
    arc_credit_memo_page *page = NULL;
    size_t count;

    ck_assert_ok(arc_credit_memo_list(&page, db, NULL));
    count = arc_credit_memo_page_count(page);
    arc_credit_memo_page_free(page);
    return count;
}

/* Record a payment of @p amount and apply all of it to @p invoice. */
static arc_id pay(arc_id invoice, int64_t amount)
{
    arc_payment_opts opts = ARC_PAYMENT_OPTS_INIT;
    arc_id id = 0;

    opts.customer_id = acme;
    opts.amount = amount;
    ck_assert_ok(arc_payment_record(&id, db, &opts));
    ck_assert_ok(arc_payment_apply(db, id, invoice, amount, ARC_DATE_NONE));
    return id;
}

static int resolve(arc_id id, arc_dispute_outcome outcome, int64_t amount)
{
    arc_dispute_resolution resolution = ARC_DISPUTE_RESOLUTION_INIT;

    resolution.outcome = outcome;
    resolution.amount = amount;
    resolution.resolved_by = "pat";
    return arc_dispute_resolve(db, id, &resolution);
}

/* An issued invoice of three lines: 5000 + 3000 + 2000. */
static arc_id three_line_invoice(void)
{
    arc_invoice_line_opts lines[3] = { ARC_INVOICE_LINE_OPTS_INIT,
                                       ARC_INVOICE_LINE_OPTS_INIT,
                                       ARC_INVOICE_LINE_OPTS_INIT };
    arc_invoice_opts opts = ARC_INVOICE_OPTS_INIT;
    arc_id id = 0;

    lines[0].description = "Licences";
    lines[0].unit_price = 5000;
    lines[1].description = "Support";
    lines[1].unit_price = 3000;
    lines[2].description = "Onboarding";
    lines[2].unit_price = 2000;
    opts.customer_id = acme;
    opts.issue_date = test_date("2026-03-01");
    opts.lines = lines;
    opts.line_count = 3;
    opts.flags = ARC_INVOICE_CREATE_ISSUED;
    ck_assert_ok(arc_invoice_create(&id, db, &opts));
    return id;
}

/* ---- opening ---------------------------------------------------------------- */

START_TEST(dispute_keeps_every_field)
{
    static const int lines[] = { 1, 3 };
    arc_id invoice = three_line_invoice();
    arc_dispute_opts opts = dispute_for(invoice, "QUANTITY", 2500);
    arc_dispute *dispute;
    arc_id id = 0;

    opts.due_date = test_date("2026-04-15");
    opts.description = "Billed for 50 seats, contract says 40";
    opts.lines = lines;
    opts.line_count = 2;
    ck_assert_ok(arc_dispute_open(&id, db, &opts));

    dispute = lookup(id);
    ck_assert_int_eq(arc_dispute_id(dispute), id);
    ck_assert_int_eq(arc_dispute_invoice_id(dispute), invoice);
    ck_assert_int_eq(arc_dispute_customer_id(dispute), acme);
    ck_assert_str_eq(arc_dispute_currency(dispute), "USD");
    ck_assert_str_eq(arc_dispute_reason_code(dispute), "QUANTITY");
    ck_assert_int_eq(arc_dispute_amount(dispute), 2500);
    ck_assert_int_eq(arc_dispute_status_of(dispute), ARC_DISPUTE_OPEN);
    ck_assert_int_eq(arc_dispute_outcome_of(dispute), ARC_DISPUTE_UNRESOLVED);
    ck_assert_int_eq(arc_dispute_escalation_level(dispute), 0);
    ck_assert_str_eq(arc_dispute_opened_by(dispute), "lee");
    ck_assert_str_eq(arc_dispute_owner(dispute), "lee");
    ck_assert_str_eq(arc_dispute_description(dispute),
                     "Billed for 50 seats, contract says 40");
    ck_assert_int_eq(arc_dispute_due_date(dispute), test_date("2026-04-15"));
    ck_assert_int_eq(arc_dispute_opened_at(dispute), noon("2026-03-15"));
    ck_assert_int_eq(arc_dispute_status_changed_at(dispute), noon("2026-03-15"));
    ck_assert_int_eq(arc_dispute_resolved_on(dispute), ARC_DATE_NONE);
    ck_assert_ptr_null(arc_dispute_resolved_by(dispute));
    ck_assert_int_eq(arc_dispute_resolved_amount(dispute), 0);
    ck_assert_ptr_null(arc_dispute_resolution_note(dispute));
    ck_assert_int_eq(arc_dispute_credit_memo_id(dispute), 0);
    ck_assert_uint_eq(arc_dispute_line_count(dispute), 2);
    ck_assert_int_eq(arc_dispute_line_at(dispute, 0), 1);
    ck_assert_int_eq(arc_dispute_line_at(dispute, 1), 3);
    ck_assert_int_eq(arc_dispute_line_at(dispute, 2), 0);
    arc_dispute_free(dispute);
}
END_TEST

START_TEST(the_description_is_the_first_note_of_the_dispute)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 10000);
    arc_dispute_opts opts = dispute_for(invoice, "SLA_CREDIT", 3000);
    arc_communication_list_opts list = ARC_COMMUNICATION_LIST_OPTS_INIT;
    arc_communication_page *page = NULL;
    const arc_communication *note;
    arc_id id = 0, bare = 0;

    opts.description = "Outage on the 3rd; they expect the SLA credit";
    ck_assert_ok(arc_dispute_open(&id, db, &opts));
    list.dispute_id = id;
    ck_assert_ok(arc_communication_list(&page, db, &list));
    ck_assert_uint_eq(arc_communication_page_count(page), 1);
    note = arc_communication_page_at(page, 0);
    ck_assert_int_eq(arc_communication_channel_of(note), ARC_CHANNEL_NOTE);
    ck_assert_int_eq(arc_communication_direction_of(note), ARC_DIRECTION_INTERNAL);
    ck_assert_int_eq(arc_communication_customer_id(note), acme);
    ck_assert_str_eq(arc_communication_user(note), "lee");
    ck_assert_str_eq(arc_communication_subject(note), "Dispute opened");
    ck_assert_str_eq(arc_communication_body(note),
                     "Outage on the 3rd; they expect the SLA credit");
    ck_assert_int_eq(arc_communication_occurred_at(note), noon("2026-03-15"));
    ck_assert_uint_eq(arc_communication_invoice_count(note), 1);
    ck_assert_int_eq(arc_communication_invoice_at(note, 0), invoice);
    arc_communication_page_free(page);

    /* Without a description there is no note. */
    opts.description = NULL;
    ck_assert_ok(arc_dispute_open(&bare, db, &opts));
    list.dispute_id = bare;
    ck_assert_ok(arc_communication_list(&page, db, &list));
    ck_assert_uint_eq(arc_communication_page_count(page), 0);
    arc_communication_page_free(page);
}
END_TEST

START_TEST(dispute_without_optional_fields_reads_back_empty)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 10000);
    arc_dispute_opts opts = dispute_for(invoice, "PRICING", 700);
    arc_dispute *dispute;
    arc_id id = 0;

    opts.owner = "dana";
    ck_assert_ok(arc_dispute_open(&id, db, &opts));

    dispute = lookup(id);
    ck_assert_str_eq(arc_dispute_opened_by(dispute), "lee");
    ck_assert_str_eq(arc_dispute_owner(dispute), "dana");
    ck_assert_ptr_null(arc_dispute_description(dispute));
    ck_assert_int_eq(arc_dispute_due_date(dispute), ARC_DATE_NONE);
    ck_assert_uint_eq(arc_dispute_line_count(dispute), 0);
    ck_assert_int_eq(arc_dispute_line_at(dispute, 0), 0);
    arc_dispute_free(dispute);

    ck_assert_ok(arc_dispute_open(NULL, db, &opts));
    ck_assert_uint_eq(dispute_count(), 2);
}
END_TEST

START_TEST(open_dispute_is_taken_out_of_the_collectible_balance)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 10000);

    open_dispute(invoice, "SLA_CREDIT", 2500);
    ck_assert_int_eq(disputed(invoice), 2500);
    ck_assert_int_eq(customer_balance(), 10000);
    ck_assert_int_eq(collectible(), 7500);
    ck_assert_int_eq(test_invoice_balance(db, invoice), 10000);
    ck_assert_int_eq(test_invoice_status(db, invoice), ARC_INVOICE_OPEN);
}
END_TEST

START_TEST(collectible_balance_is_kept_per_currency)
{
    arc_id usd = test_invoice(db, acme, "2026-03-01", 10000);
    arc_id eur = test_invoice_full(db, acme, "EUR", "2026-03-01", NULL, 5000);
    arc_id id = open_dispute(eur, "TAX_ERROR", 1000);
    arc_dispute *dispute = lookup(id);
    int64_t balance = -1;

    ck_assert_str_eq(arc_dispute_currency(dispute), "EUR");
    arc_dispute_free(dispute);
    open_dispute(usd, "PRICING", 2500);
    ck_assert_ok(arc_customer_collectible_balance(&balance, db, acme, "EUR"));
    ck_assert_int_eq(balance, 4000);
    ck_assert_ok(arc_customer_collectible_balance(&balance, db, acme, "USD"));
    ck_assert_int_eq(balance, 7500);
    ck_assert_int_eq(disputed(eur), 1000);

    ck_assert_rc(arc_customer_collectible_balance(&balance, db, 4242, NULL),
                 ARC_ENOTFOUND);
    ck_assert_rc(arc_invoice_disputed_amount(&balance, db, 4242), ARC_ENOTFOUND);
    ck_assert_rc(arc_invoice_disputed_amount(NULL, db, usd), ARC_EINVAL);
}
END_TEST

START_TEST(disputes_of_one_invoice_together_fit_in_what_it_owes)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 10000);
    arc_dispute_opts opts = dispute_for(invoice, "DUPLICATE", 6001);

    open_dispute(invoice, "PRICING", 4000);
    ck_assert_rc(arc_dispute_open(NULL, db, &opts), ARC_ECONFLICT);
    ck_assert_error_mentions("60.00");
    ck_assert_int_eq(invoice_dispute_count(invoice), 1);

    opts.amount = 6000;
    ck_assert_ok(arc_dispute_open(NULL, db, &opts));
    ck_assert_int_eq(disputed(invoice), 10000);
    ck_assert_int_eq(collectible(), 0);

    opts.amount = 1;
    ck_assert_rc(arc_dispute_open(NULL, db, &opts), ARC_ECONFLICT);
    ck_assert_int_eq(invoice_dispute_count(invoice), 2);
    ck_assert_int_eq(disputed(invoice), 10000);
}
END_TEST

START_TEST(dispute_must_fit_in_the_balance_left_after_payments)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 10000);
    arc_dispute_opts opts = dispute_for(invoice, "PRICING", 3001);

    pay(invoice, 7000);
    ck_assert_rc(arc_dispute_open(NULL, db, &opts), ARC_ECONFLICT);
    ck_assert_error_mentions("30.00");
    ck_assert_uint_eq(dispute_count(), 0);

    opts.amount = 3000;
    ck_assert_ok(arc_dispute_open(NULL, db, &opts));
    ck_assert_int_eq(disputed(invoice), 3000);
    ck_assert_int_eq(collectible(), 0);
}
END_TEST

/* ---- refusals --------------------------------------------------------------- */

START_TEST(unknown_reason_code_is_refused)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 10000);
    arc_dispute_opts opts = dispute_for(invoice, "NOPE", 2500);

    ck_assert_rc(arc_dispute_open(NULL, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("NOPE");

    opts.reason_code = NULL;
    ck_assert_rc(arc_dispute_open(NULL, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("reason_code");
    ck_assert_uint_eq(dispute_count(), 0);
    ck_assert_int_eq(disputed(invoice), 0);
}
END_TEST

START_TEST(inactive_reason_code_is_refused)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 10000);
    arc_dispute_opts opts = dispute_for(invoice, "PO_MISSING", 2500);

    ck_assert_ok(arc_reason_code_set_active(db, "PO_MISSING", 0));
    ck_assert_rc(arc_dispute_open(NULL, db, &opts), ARC_EINVAL);
    ck_assert_msg(strstr(arc_error_last(), "inactive") != NULL ||
                      strstr(arc_error_last(), "PO_MISSING") != NULL,
                  "error \"%s\" names neither the code nor its state", arc_error_last());
    ck_assert_uint_eq(dispute_count(), 0);

    ck_assert_ok(arc_reason_code_set_active(db, "PO_MISSING", 1));
    ck_assert_ok(arc_dispute_open(NULL, db, &opts));
}
END_TEST

START_TEST(amount_that_is_not_positive_is_refused)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 10000);
    arc_dispute_opts opts = dispute_for(invoice, "PRICING", 0);

    ck_assert_rc(arc_dispute_open(NULL, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("amount");

    opts.amount = -2500;
    ck_assert_rc(arc_dispute_open(NULL, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("amount");
    ck_assert_uint_eq(dispute_count(), 0);
    ck_assert_int_eq(disputed(invoice), 0);
}
END_TEST

START_TEST(bad_fields_are_refused_naming_the_field)
{
    static int too_many_lines[ARC_DISPUTE_MAX_LINES + 1];
    static char long_description[10002];
    static const int line_five[] = { 5 };
    static const int line_zero[] = { 0 };
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 10000);
    arc_dispute_opts opts = dispute_for(invoice, "PRICING", 2500);

    opts.opened_by = NULL;
    ck_assert_rc(arc_dispute_open(NULL, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("opened_by");

    opts.opened_by = "lee";
    opts.description = "caf\xc3 au lait";
    ck_assert_rc(arc_dispute_open(NULL, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("description");

    memset(long_description, 'x', sizeof(long_description) - 1);
    opts.description = long_description;
    ck_assert_rc(arc_dispute_open(NULL, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("description");

    opts.description = NULL;
    opts.lines = line_five;
    opts.line_count = 1;
    ck_assert_rc(arc_dispute_open(NULL, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("line 5");

    opts.lines = line_zero;
    ck_assert_rc(arc_dispute_open(NULL, db, &opts), ARC_EINVAL);

    for (size_t i = 0; i < ARC_DISPUTE_MAX_LINES + 1; i++)
        too_many_lines[i] = 1;
    opts.lines = too_many_lines;
    opts.line_count = ARC_DISPUTE_MAX_LINES + 1;
    ck_assert_rc(arc_dispute_open(NULL, db, &opts), ARC_EINVAL);

    ck_assert_uint_eq(dispute_count(), 0);
    ck_assert_int_eq(disputed(invoice), 0);
}
END_TEST

START_TEST(dispute_of_an_unknown_invoice_is_not_found)
{
    arc_dispute_opts opts = dispute_for(4242, "PRICING", 2500);

    ck_assert_rc(arc_dispute_open(NULL, db, &opts), ARC_ENOTFOUND);
    ck_assert_error_mentions("4242");
    ck_assert_uint_eq(dispute_count(), 0);
}
END_TEST

START_TEST(invoice_that_is_not_owed_cannot_be_disputed)
{
    arc_invoice_line_opts line = ARC_INVOICE_LINE_OPTS_INIT;
    arc_invoice_opts draft_opts = ARC_INVOICE_OPTS_INIT;
    arc_id voided = test_invoice(db, acme, "2026-03-01", 10000);
    arc_id paid = test_invoice(db, acme, "2026-03-01", 10000);
    arc_id written_off = test_invoice(db, acme, "2026-03-01", 10000);
    arc_dispute_opts opts;
    arc_id draft = 0;

    line.description = "Draft work";
    line.unit_price = 10000;
    draft_opts.customer_id = acme;
    draft_opts.lines = &line;
    draft_opts.line_count = 1;
    ck_assert_ok(arc_invoice_create(&draft, db, &draft_opts));
    ck_assert_ok(arc_invoice_void(db, voided, ARC_DATE_NONE, NULL));
    pay(paid, 10000);
    ck_assert_ok(arc_invoice_write_off(db, written_off, ARC_DATE_NONE, NULL));

    opts = dispute_for(draft, "PRICING", 2500);
    ck_assert_rc(arc_dispute_open(NULL, db, &opts), ARC_ECONFLICT);
    opts.invoice_id = voided;
    ck_assert_rc(arc_dispute_open(NULL, db, &opts), ARC_ECONFLICT);
    opts.invoice_id = paid;
    ck_assert_rc(arc_dispute_open(NULL, db, &opts), ARC_ECONFLICT);
    opts.invoice_id = written_off;
    ck_assert_rc(arc_dispute_open(NULL, db, &opts), ARC_ECONFLICT);
    ck_assert_uint_eq(dispute_count(), 0);
}
END_TEST

START_TEST(wrong_version_and_null_arguments_are_refused)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 10000);
    arc_dispute_opts opts = dispute_for(invoice, "PRICING", 2500);
    arc_dispute *dispute = NULL;

    opts.version = ARC_DISPUTE_OPTS_VERSION + 1;
    ck_assert_rc(arc_dispute_open(NULL, db, &opts), ARC_EVERSION);

    opts.version = ARC_DISPUTE_OPTS_VERSION;
    ck_assert_rc(arc_dispute_open(NULL, NULL, &opts), ARC_EINVAL);
    ck_assert_rc(arc_dispute_open(NULL, db, NULL), ARC_EINVAL);
    ck_assert_uint_eq(dispute_count(), 0);

    ck_assert_rc(arc_dispute_lookup(&dispute, db, 4242), ARC_ENOTFOUND);
    ck_assert_ptr_null(dispute);
    ck_assert_rc(arc_dispute_lookup(NULL, db, 1), ARC_EINVAL);
    ck_assert_rc(arc_dispute_lookup(&dispute, NULL, 1), ARC_EINVAL);
}
END_TEST

/* ---- transitions ------------------------------------------------------------ */

START_TEST(open_dispute_goes_to_review)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 10000);
    arc_id id = open_dispute(invoice, "PRICING", 2500);
    arc_dispute *dispute;

    test_set_today("2026-03-16");
    ck_assert_ok(arc_dispute_review(db, id, "dana"));

    dispute = lookup(id);
    ck_assert_int_eq(arc_dispute_status_of(dispute), ARC_DISPUTE_IN_REVIEW);
    ck_assert_int_eq(arc_dispute_outcome_of(dispute), ARC_DISPUTE_UNRESOLVED);
    ck_assert_int_eq(arc_dispute_escalation_level(dispute), 0);
    ck_assert_int_eq(arc_dispute_opened_at(dispute), noon("2026-03-15"));
    ck_assert_int_eq(arc_dispute_status_changed_at(dispute), noon("2026-03-16"));
    arc_dispute_free(dispute);
    ck_assert_int_eq(disputed(invoice), 2500);
}
END_TEST

START_TEST(review_is_refused_unless_open_or_reopened)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 10000);
    arc_id reviewed = open_dispute(invoice, "PRICING", 2500);
    arc_id escalated = open_dispute(invoice, "QUANTITY", 2500);

    ck_assert_ok(arc_dispute_review(db, reviewed, "dana"));
    ck_assert_rc(arc_dispute_review(db, reviewed, "dana"), ARC_ECONFLICT);
    ck_assert_error_mentions("in_review");
    ck_assert_error_mentions("reopened");
    ck_assert_int_eq(status_of(reviewed), ARC_DISPUTE_IN_REVIEW);

    ck_assert_ok(arc_dispute_escalate(db, escalated, "dana"));
    ck_assert_rc(arc_dispute_review(db, escalated, "dana"), ARC_ECONFLICT);
    ck_assert_error_mentions("escalated");
    ck_assert_error_mentions("reopened");
    ck_assert_int_eq(status_of(escalated), ARC_DISPUTE_ESCALATED);
}
END_TEST

START_TEST(each_escalation_raises_the_level_by_one)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 10000);
    arc_id id = open_dispute(invoice, "NOT_DELIVERED", 2500);
    arc_dispute *dispute;

    ck_assert_ok(arc_dispute_review(db, id, "dana"));
    test_set_today("2026-03-17");
    ck_assert_ok(arc_dispute_escalate(db, id, "dana"));
    dispute = lookup(id);
    ck_assert_int_eq(arc_dispute_status_of(dispute), ARC_DISPUTE_ESCALATED);
    ck_assert_int_eq(arc_dispute_escalation_level(dispute), 1);
    ck_assert_int_eq(arc_dispute_status_changed_at(dispute), noon("2026-03-17"));
    arc_dispute_free(dispute);

    test_set_today("2026-03-19");
    ck_assert_ok(arc_dispute_escalate(db, id, "head of billing"));
    dispute = lookup(id);
    ck_assert_int_eq(arc_dispute_status_of(dispute), ARC_DISPUTE_ESCALATED);
    ck_assert_int_eq(arc_dispute_escalation_level(dispute), 2);
    ck_assert_int_eq(arc_dispute_status_changed_at(dispute), noon("2026-03-19"));
    arc_dispute_free(dispute);
    ck_assert_int_eq(disputed(invoice), 2500);
}
END_TEST

START_TEST(dispute_resolves_from_every_unresolved_state)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 10000);
    arc_id open = open_dispute(invoice, "PRICING", 1000);
    arc_id in_review = open_dispute(invoice, "QUANTITY", 1000);
    arc_id escalated = open_dispute(invoice, "SLA_CREDIT", 1000);
    arc_id reopened = open_dispute(invoice, "OPEN_TICKET", 1000);

    ck_assert_ok(arc_dispute_review(db, in_review, "dana"));
    ck_assert_ok(arc_dispute_escalate(db, escalated, "dana"));
    ck_assert_ok(resolve(reopened, ARC_DISPUTE_REJECTED, 0));
    ck_assert_ok(arc_dispute_reopen(db, reopened, "dana", "customer sent new evidence"));
    ck_assert_int_eq(disputed(invoice), 4000);

    test_set_today("2026-03-20");
    ck_assert_ok(resolve(open, ARC_DISPUTE_WITHDRAWN, 0));
    ck_assert_ok(resolve(in_review, ARC_DISPUTE_WITHDRAWN, 0));
    ck_assert_ok(resolve(escalated, ARC_DISPUTE_WITHDRAWN, 0));
    ck_assert_ok(resolve(reopened, ARC_DISPUTE_WITHDRAWN, 0));

    ck_assert_int_eq(status_of(open), ARC_DISPUTE_RESOLVED);
    ck_assert_int_eq(status_of(in_review), ARC_DISPUTE_RESOLVED);
    ck_assert_int_eq(status_of(escalated), ARC_DISPUTE_RESOLVED);
    ck_assert_int_eq(status_of(reopened), ARC_DISPUTE_RESOLVED);
    ck_assert_int_eq(outcome_of(reopened), ARC_DISPUTE_WITHDRAWN);
    ck_assert_int_eq(status_changed_at(escalated), noon("2026-03-20"));
    ck_assert_int_eq(disputed(invoice), 0);
    ck_assert_int_eq(test_invoice_balance(db, invoice), 10000);
}
END_TEST

START_TEST(resolved_dispute_cannot_be_resolved_reviewed_or_escalated)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 10000);
    arc_id id = open_dispute(invoice, "PRICING", 2500);

    ck_assert_ok(resolve(id, ARC_DISPUTE_REJECTED, 0));
    ck_assert_rc(resolve(id, ARC_DISPUTE_CREDITED, 0), ARC_ECONFLICT);
    ck_assert_error_mentions("resolved");
    ck_assert_rc(arc_dispute_review(db, id, "dana"), ARC_ECONFLICT);
    ck_assert_rc(arc_dispute_escalate(db, id, "dana"), ARC_ECONFLICT);

    ck_assert_int_eq(outcome_of(id), ARC_DISPUTE_REJECTED);
    ck_assert_int_eq(credit_memo_count(), 0);
    ck_assert_int_eq(test_invoice_balance(db, invoice), 10000);
}
END_TEST

START_TEST(rejected_dispute_reopens_and_counts_again)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 10000);
    arc_id id = open_dispute(invoice, "PRICING", 2500);
    arc_dispute *dispute;

    ck_assert_ok(resolve(id, ARC_DISPUTE_REJECTED, 0));
    ck_assert_int_eq(disputed(invoice), 0);
    ck_assert_int_eq(collectible(), 10000);

    test_set_today("2026-03-18");
    ck_assert_ok(arc_dispute_reopen(db, id, "dana", "new contract found"));
    dispute = lookup(id);
    ck_assert_int_eq(arc_dispute_status_of(dispute), ARC_DISPUTE_REOPENED);
    ck_assert_int_eq(arc_dispute_outcome_of(dispute), ARC_DISPUTE_UNRESOLVED);
    ck_assert_int_eq(arc_dispute_amount(dispute), 2500);
    ck_assert_int_eq(arc_dispute_resolved_on(dispute), ARC_DATE_NONE);
    ck_assert_int_eq(arc_dispute_resolved_amount(dispute), 0);
    ck_assert_int_eq(arc_dispute_status_changed_at(dispute), noon("2026-03-18"));
    arc_dispute_free(dispute);
    ck_assert_int_eq(disputed(invoice), 2500);
    ck_assert_int_eq(collectible(), 7500);

    test_set_today("2026-03-19");
    ck_assert_ok(arc_dispute_review(db, id, "dana"));
    ck_assert_int_eq(status_of(id), ARC_DISPUTE_IN_REVIEW);
    ck_assert_int_eq(status_changed_at(id), noon("2026-03-19"));
}
END_TEST

START_TEST(withdrawn_dispute_reopens)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 10000);
    arc_id id = open_dispute(invoice, "PRICING", 2500);

    ck_assert_ok(resolve(id, ARC_DISPUTE_WITHDRAWN, 0));
    ck_assert_ok(arc_dispute_reopen(db, id, "dana", NULL));
    ck_assert_int_eq(status_of(id), ARC_DISPUTE_REOPENED);
    ck_assert_int_eq(disputed(invoice), 2500);
}
END_TEST

START_TEST(only_rejected_or_withdrawn_disputes_reopen)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 10000);
    arc_id open = open_dispute(invoice, "PRICING", 1000);
    arc_id credited = open_dispute(invoice, "QUANTITY", 1000);
    arc_id written_off = open_dispute(invoice, "SLA_CREDIT", 1000);

    ck_assert_rc(arc_dispute_reopen(db, open, "dana", NULL), ARC_ECONFLICT);
    ck_assert_int_eq(status_of(open), ARC_DISPUTE_OPEN);

    ck_assert_ok(resolve(credited, ARC_DISPUTE_CREDITED, 0));
    ck_assert_rc(arc_dispute_reopen(db, credited, "dana", NULL), ARC_ECONFLICT);
    ck_assert_int_eq(status_of(credited), ARC_DISPUTE_RESOLVED);
    ck_assert_int_eq(outcome_of(credited), ARC_DISPUTE_CREDITED);

    ck_assert_ok(resolve(written_off, ARC_DISPUTE_WRITTEN_OFF, 0));
    ck_assert_rc(arc_dispute_reopen(db, written_off, "dana", NULL), ARC_ECONFLICT);
    ck_assert_int_eq(outcome_of(written_off), ARC_DISPUTE_WRITTEN_OFF);

    ck_assert_int_eq(disputed(invoice), 1000);
    ck_assert_int_eq(test_invoice_balance(db, invoice), 8000);
}
END_TEST

START_TEST(reopen_that_no_longer_fits_is_refused)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 10000);
    arc_id first = open_dispute(invoice, "PRICING", 6000);

    ck_assert_ok(resolve(first, ARC_DISPUTE_REJECTED, 0));
    open_dispute(invoice, "DUPLICATE", 6000);
    ck_assert_rc(arc_dispute_reopen(db, first, "dana", NULL), ARC_ECONFLICT);
    ck_assert_int_eq(status_of(first), ARC_DISPUTE_RESOLVED);
    ck_assert_int_eq(outcome_of(first), ARC_DISPUTE_REJECTED);
    ck_assert_int_eq(disputed(invoice), 6000);
}
END_TEST

START_TEST(transitions_without_an_actor_are_refused)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 10000);
    arc_id id = open_dispute(invoice, "PRICING", 2500);
    arc_dispute *dispute;

    ck_assert_rc(arc_dispute_review(db, id, NULL), ARC_EINVAL);
    ck_assert_rc(arc_dispute_escalate(db, id, NULL), ARC_EINVAL);
    dispute = lookup(id);
    ck_assert_int_eq(arc_dispute_status_of(dispute), ARC_DISPUTE_OPEN);
    ck_assert_int_eq(arc_dispute_escalation_level(dispute), 0);
    arc_dispute_free(dispute);

    ck_assert_ok(resolve(id, ARC_DISPUTE_REJECTED, 0));
    ck_assert_rc(arc_dispute_reopen(db, id, NULL, "why not"), ARC_EINVAL);
    ck_assert_int_eq(status_of(id), ARC_DISPUTE_RESOLVED);
}
END_TEST

START_TEST(transitions_of_an_unknown_dispute_are_not_found)
{
    ck_assert_rc(arc_dispute_review(db, 4242, "dana"), ARC_ENOTFOUND);
    ck_assert_rc(arc_dispute_escalate(db, 4242, "dana"), ARC_ENOTFOUND);
    ck_assert_rc(resolve(4242, ARC_DISPUTE_REJECTED, 0), ARC_ENOTFOUND);
    ck_assert_rc(arc_dispute_reopen(db, 4242, "dana", NULL), ARC_ENOTFOUND);
}
END_TEST

/* ---- outcomes --------------------------------------------------------------- */

START_TEST(credited_dispute_applies_a_credit_memo_for_the_whole_amount)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 10000);
    arc_id id = open_dispute(invoice, "PRICING", 2500);
    arc_dispute_resolution resolution = ARC_DISPUTE_RESOLUTION_INIT;
    arc_application_page *applications = NULL;
    const arc_application *application;
    arc_credit_memo *memo = NULL;
    arc_dispute *dispute;
    arc_id memo_id;

    test_set_today("2026-03-20");
    resolution.outcome = ARC_DISPUTE_CREDITED;
    resolution.resolved_by = "pat";
    resolution.note = "Contract price is 75.00 per seat";
    ck_assert_ok(arc_dispute_resolve(db, id, &resolution));

    dispute = lookup(id);
    ck_assert_int_eq(arc_dispute_status_of(dispute), ARC_DISPUTE_RESOLVED);
    ck_assert_int_eq(arc_dispute_outcome_of(dispute), ARC_DISPUTE_CREDITED);
    ck_assert_int_eq(arc_dispute_amount(dispute), 2500);
    ck_assert_int_eq(arc_dispute_resolved_amount(dispute), 2500);
    ck_assert_int_eq(arc_dispute_resolved_on(dispute), test_date("2026-03-20"));
    ck_assert_str_eq(arc_dispute_resolved_by(dispute), "pat");
    ck_assert_str_eq(arc_dispute_resolution_note(dispute),
                     "Contract price is 75.00 per seat");
    ck_assert_int_eq(arc_dispute_status_changed_at(dispute), noon("2026-03-20"));
    memo_id = arc_dispute_credit_memo_id(dispute);
    arc_dispute_free(dispute);

    ck_assert_int_gt(memo_id, 0);
    ck_assert_ok(arc_credit_memo_lookup(&memo, db, memo_id));
    ck_assert_int_eq(arc_credit_memo_customer_id(memo), acme);
    ck_assert_int_eq(arc_credit_memo_amount(memo), 2500);
    ck_assert_str_eq(arc_credit_memo_currency(memo), "USD");
    ck_assert_int_eq(arc_credit_memo_applied(memo), 2500);
    ck_assert_int_eq(arc_credit_memo_unapplied(memo), 0);
    arc_credit_memo_free(memo);

    ck_assert_ok(arc_invoice_applications(&applications, db, invoice));
    ck_assert_uint_eq(arc_application_page_count(applications), 1);
    application = arc_application_page_at(applications, 0);
    ck_assert_int_eq(arc_application_kind_of(application), ARC_APPLICATION_CREDIT_MEMO);
    ck_assert_int_eq(arc_application_source_id(application), memo_id);
    ck_assert_int_eq(arc_application_amount(application), 2500);
    arc_application_page_free(applications);

    ck_assert_int_eq(test_invoice_balance(db, invoice), 7500);
    ck_assert_int_eq(test_invoice_status(db, invoice), ARC_INVOICE_PARTIALLY_PAID);
    ck_assert_int_eq(disputed(invoice), 0);
    ck_assert_int_eq(customer_balance(), 7500);
    ck_assert_int_eq(collectible(), 7500);
}
END_TEST

START_TEST(credited_dispute_settles_an_agreed_part)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 10000);
    arc_id id = open_dispute(invoice, "SLA_CREDIT", 2500);
    arc_credit_memo *memo = NULL;
    arc_dispute *dispute;

    ck_assert_ok(resolve(id, ARC_DISPUTE_CREDITED, 1000));

    dispute = lookup(id);
    ck_assert_int_eq(arc_dispute_amount(dispute), 2500);
    ck_assert_int_eq(arc_dispute_resolved_amount(dispute), 1000);
    ck_assert_int_eq(arc_dispute_resolved_on(dispute), test_date("2026-03-15"));
    ck_assert_ok(arc_credit_memo_lookup(&memo, db, arc_dispute_credit_memo_id(dispute)));
    arc_dispute_free(dispute);
    ck_assert_int_eq(arc_credit_memo_amount(memo), 1000);
    ck_assert_int_eq(arc_credit_memo_applied(memo), 1000);
    arc_credit_memo_free(memo);

    ck_assert_int_eq(credit_memo_count(), 1);
    ck_assert_int_eq(test_invoice_balance(db, invoice), 9000);
    ck_assert_int_eq(disputed(invoice), 0);
    ck_assert_int_eq(collectible(), 9000);
}
END_TEST

START_TEST(credit_that_covers_the_balance_pays_the_invoice)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 10000);
    arc_id id;

    pay(invoice, 7000);
    id = open_dispute(invoice, "DUPLICATE", 3000);
    ck_assert_ok(resolve(id, ARC_DISPUTE_CREDITED, 0));
    ck_assert_int_eq(test_invoice_balance(db, invoice), 0);
    ck_assert_int_eq(test_invoice_status(db, invoice), ARC_INVOICE_PAID);
    ck_assert_int_eq(disputed(invoice), 0);
    ck_assert_int_eq(collectible(), 0);
}
END_TEST

START_TEST(payment_after_a_credit_cannot_pay_more_than_is_left)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 10000);
    arc_id id = open_dispute(invoice, "PRICING", 2500);
    arc_payment_opts opts = ARC_PAYMENT_OPTS_INIT;
    arc_id payment = 0;

    ck_assert_ok(resolve(id, ARC_DISPUTE_CREDITED, 0));
    opts.customer_id = acme;
    opts.amount = 10000;
    ck_assert_ok(arc_payment_record(&payment, db, &opts));
    ck_assert_rc(arc_payment_apply(db, payment, invoice, 7501, ARC_DATE_NONE),
                 ARC_ECONFLICT);
    ck_assert_int_eq(test_invoice_balance(db, invoice), 7500);

    ck_assert_ok(arc_payment_apply(db, payment, invoice, 7500, ARC_DATE_NONE));
    ck_assert_int_eq(test_invoice_balance(db, invoice), 0);
    ck_assert_int_eq(test_invoice_status(db, invoice), ARC_INVOICE_PAID);
}
END_TEST

START_TEST(credit_larger_than_what_the_invoice_still_owes_is_refused)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 10000);
    arc_id id = open_dispute(invoice, "PRICING", 2500);

    pay(invoice, 8000);
    ck_assert_rc(resolve(id, ARC_DISPUTE_CREDITED, 0), ARC_ECONFLICT);
    ck_assert_int_eq(status_of(id), ARC_DISPUTE_OPEN);
    ck_assert_int_eq(credit_memo_count(), 0);
    ck_assert_int_eq(test_invoice_balance(db, invoice), 2000);

    ck_assert_ok(resolve(id, ARC_DISPUTE_CREDITED, 2000));
    ck_assert_int_eq(test_invoice_balance(db, invoice), 0);
    ck_assert_int_eq(test_invoice_status(db, invoice), ARC_INVOICE_PAID);
}
END_TEST

START_TEST(written_off_dispute_writes_off_the_agreed_amount)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 10000);
    arc_id id = open_dispute(invoice, "NOT_DELIVERED", 2500);
    arc_application_page *applications = NULL;
    const arc_application *application;
    arc_dispute *dispute;

    ck_assert_ok(resolve(id, ARC_DISPUTE_WRITTEN_OFF, 0));

    dispute = lookup(id);
    ck_assert_int_eq(arc_dispute_outcome_of(dispute), ARC_DISPUTE_WRITTEN_OFF);
    ck_assert_int_eq(arc_dispute_resolved_amount(dispute), 2500);
    ck_assert_int_eq(arc_dispute_credit_memo_id(dispute), 0);
    arc_dispute_free(dispute);

    ck_assert_ok(arc_invoice_applications(&applications, db, invoice));
    ck_assert_uint_eq(arc_application_page_count(applications), 1);
    application = arc_application_page_at(applications, 0);
    ck_assert_int_eq(arc_application_kind_of(application), ARC_APPLICATION_WRITE_OFF);
    ck_assert_int_eq(arc_application_amount(application), 2500);
    ck_assert_int_eq(arc_application_source_id(application), 0);
    arc_application_page_free(applications);

    ck_assert_int_eq(test_invoice_balance(db, invoice), 7500);
    ck_assert_int_eq(credit_memo_count(), 0);
    ck_assert_int_eq(disputed(invoice), 0);
    ck_assert_int_eq(collectible(), 7500);
}
END_TEST

START_TEST(write_off_of_the_whole_balance_writes_the_invoice_off)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 10000);
    arc_application_page *applications = NULL;
    const arc_application *application;
    arc_id id;

    pay(invoice, 6000);
    id = open_dispute(invoice, "AFTER_CANCEL", 4000);
    ck_assert_ok(resolve(id, ARC_DISPUTE_WRITTEN_OFF, 0));

    ck_assert_int_eq(test_invoice_balance(db, invoice), 0);
    ck_assert_int_eq(test_invoice_status(db, invoice), ARC_INVOICE_WRITTEN_OFF);
    ck_assert_ok(arc_invoice_applications(&applications, db, invoice));
    ck_assert_uint_eq(arc_application_page_count(applications), 2);
    application = arc_application_page_at(applications, 1);
    ck_assert_int_eq(arc_application_kind_of(application), ARC_APPLICATION_WRITE_OFF);
    ck_assert_int_eq(arc_application_amount(application), 4000);
    arc_application_page_free(applications);
    ck_assert_int_eq(customer_balance(), 0);
}
END_TEST

START_TEST(write_off_of_an_agreed_part_keeps_the_rest_owed)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 10000);
    arc_id id = open_dispute(invoice, "UNAPPROVED", 4000);

    ck_assert_ok(resolve(id, ARC_DISPUTE_WRITTEN_OFF, 1500));
    ck_assert_int_eq(amount_of(id), 4000);
    ck_assert_int_eq(test_invoice_balance(db, invoice), 8500);
    ck_assert_int_eq(disputed(invoice), 0);
    ck_assert_int_eq(collectible(), 8500);
}
END_TEST

START_TEST(rejected_and_withdrawn_disputes_leave_the_invoice_owed)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 10000);
    arc_id rejected = open_dispute(invoice, "PRICING", 2500);
    arc_id withdrawn = open_dispute(invoice, "QUANTITY", 1500);
    arc_dispute_resolution resolution = ARC_DISPUTE_RESOLUTION_INIT;
    arc_application_page *applications = NULL;
    arc_dispute *dispute;

    test_set_today("2026-03-25");
    resolution.outcome = ARC_DISPUTE_REJECTED;
    resolution.resolved_by = "pat";
    resolution.note = "Price matches the signed order form";
    resolution.date = test_date("2026-03-22");
    ck_assert_ok(arc_dispute_resolve(db, rejected, &resolution));
    ck_assert_ok(resolve(withdrawn, ARC_DISPUTE_WITHDRAWN, 0));

    dispute = lookup(rejected);
    ck_assert_int_eq(arc_dispute_outcome_of(dispute), ARC_DISPUTE_REJECTED);
    ck_assert_int_eq(arc_dispute_resolved_on(dispute), test_date("2026-03-22"));
    ck_assert_str_eq(arc_dispute_resolved_by(dispute), "pat");
    ck_assert_str_eq(arc_dispute_resolution_note(dispute),
                     "Price matches the signed order form");
    ck_assert_int_eq(arc_dispute_resolved_amount(dispute), 0);
    ck_assert_int_eq(arc_dispute_credit_memo_id(dispute), 0);
    arc_dispute_free(dispute);
    ck_assert_int_eq(outcome_of(withdrawn), ARC_DISPUTE_WITHDRAWN);

    ck_assert_ok(arc_invoice_applications(&applications, db, invoice));
    ck_assert_uint_eq(arc_application_page_count(applications), 0);
    arc_application_page_free(applications);
    ck_assert_int_eq(test_invoice_balance(db, invoice), 10000);
    ck_assert_int_eq(test_invoice_status(db, invoice), ARC_INVOICE_OPEN);
    ck_assert_int_eq(credit_memo_count(), 0);
    ck_assert_int_eq(disputed(invoice), 0);
    ck_assert_int_eq(collectible(), 10000);
}
END_TEST

START_TEST(resolution_above_the_disputed_amount_is_refused)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 10000);
    arc_id id = open_dispute(invoice, "PRICING", 2500);

    ck_assert_rc(resolve(id, ARC_DISPUTE_CREDITED, 2501), ARC_EINVAL);
    ck_assert_error_mentions("amount");
    ck_assert_rc(resolve(id, ARC_DISPUTE_WRITTEN_OFF, 2501), ARC_EINVAL);
    ck_assert_rc(resolve(id, ARC_DISPUTE_CREDITED, -1), ARC_EINVAL);

    ck_assert_int_eq(status_of(id), ARC_DISPUTE_OPEN);
    ck_assert_int_eq(credit_memo_count(), 0);
    ck_assert_int_eq(test_invoice_balance(db, invoice), 10000);
    ck_assert_int_eq(disputed(invoice), 2500);
}
END_TEST

START_TEST(incomplete_resolution_is_refused)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 10000);
    arc_id id = open_dispute(invoice, "PRICING", 2500);
    arc_dispute_resolution resolution = ARC_DISPUTE_RESOLUTION_INIT;

    resolution.resolved_by = "pat";
    ck_assert_rc(arc_dispute_resolve(db, id, &resolution), ARC_EINVAL);
    ck_assert_error_mentions("outcome");

    resolution.outcome = ARC_DISPUTE_CREDITED;
    resolution.resolved_by = NULL;
    ck_assert_rc(arc_dispute_resolve(db, id, &resolution), ARC_EINVAL);
    ck_assert_error_mentions("resolved_by");

    resolution.resolved_by = "pat";
    resolution.version = ARC_DISPUTE_RESOLUTION_VERSION + 1;
    ck_assert_rc(arc_dispute_resolve(db, id, &resolution), ARC_EVERSION);
    ck_assert_rc(arc_dispute_resolve(db, id, NULL), ARC_EINVAL);

    ck_assert_int_eq(status_of(id), ARC_DISPUTE_OPEN);
    ck_assert_int_eq(credit_memo_count(), 0);
    ck_assert_int_eq(test_invoice_balance(db, invoice), 10000);
}
END_TEST

/* ---- updates ---------------------------------------------------------------- */

START_TEST(update_changes_only_the_fields_named)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 10000);
    arc_dispute_opts opts = dispute_for(invoice, "PRICING", 2500);
    arc_dispute_opts change = ARC_DISPUTE_OPTS_INIT;
    arc_dispute *dispute;
    arc_id id = 0;

    opts.description = "Seats billed at list price";
    ck_assert_ok(arc_dispute_open(&id, db, &opts));

    test_set_today("2026-03-16");
    change.owner = "dana";
    change.due_date = test_date("2026-04-30");
    change.amount = 9999;
    change.reason_code = "OTHER";
    ck_assert_ok(arc_dispute_update(
        db, id, &change, ARC_DISPUTE_FIELD_OWNER | ARC_DISPUTE_FIELD_DUE_DATE));

    dispute = lookup(id);
    ck_assert_str_eq(arc_dispute_owner(dispute), "dana");
    ck_assert_int_eq(arc_dispute_due_date(dispute), test_date("2026-04-30"));
    ck_assert_str_eq(arc_dispute_opened_by(dispute), "lee");
    ck_assert_int_eq(arc_dispute_amount(dispute), 2500);
    ck_assert_str_eq(arc_dispute_reason_code(dispute), "PRICING");
    ck_assert_str_eq(arc_dispute_description(dispute), "Seats billed at list price");
    ck_assert_int_eq(arc_dispute_status_of(dispute), ARC_DISPUTE_OPEN);
    ck_assert_int_eq(arc_dispute_status_changed_at(dispute), noon("2026-03-15"));
    arc_dispute_free(dispute);

    change.reason_code = "QUANTITY";
    change.description = "Seat count is wrong, not the price";
    ck_assert_ok(arc_dispute_update(
        db, id, &change, ARC_DISPUTE_FIELD_REASON_CODE | ARC_DISPUTE_FIELD_DESCRIPTION));
    dispute = lookup(id);
    ck_assert_str_eq(arc_dispute_reason_code(dispute), "QUANTITY");
    ck_assert_str_eq(arc_dispute_description(dispute),
                     "Seat count is wrong, not the price");
    ck_assert_str_eq(arc_dispute_owner(dispute), "dana");
    ck_assert_int_eq(arc_dispute_amount(dispute), 2500);
    arc_dispute_free(dispute);

    /* An empty owner hands the dispute back to whoever opened it. */
    change.owner = "";
    ck_assert_ok(arc_dispute_update(db, id, &change, ARC_DISPUTE_FIELD_OWNER));
    dispute = lookup(id);
    ck_assert_str_eq(arc_dispute_owner(dispute), "lee");
    arc_dispute_free(dispute);
}
END_TEST

START_TEST(update_of_the_amount_must_still_fit)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 10000);
    arc_id first = open_dispute(invoice, "PRICING", 4000);
    arc_dispute_opts change = ARC_DISPUTE_OPTS_INIT;

    open_dispute(invoice, "QUANTITY", 3000);

    change.amount = 7000;
    ck_assert_ok(arc_dispute_update(db, first, &change, ARC_DISPUTE_FIELD_AMOUNT));
    ck_assert_int_eq(amount_of(first), 7000);
    ck_assert_int_eq(disputed(invoice), 10000);

    change.amount = 7001;
    ck_assert_rc(arc_dispute_update(db, first, &change, ARC_DISPUTE_FIELD_AMOUNT),
                 ARC_ECONFLICT);
    ck_assert_int_eq(amount_of(first), 7000);

    change.amount = 0;
    ck_assert_rc(arc_dispute_update(db, first, &change, ARC_DISPUTE_FIELD_AMOUNT),
                 ARC_EINVAL);
    ck_assert_error_mentions("amount");
    ck_assert_int_eq(amount_of(first), 7000);
    ck_assert_int_eq(disputed(invoice), 10000);
}
END_TEST

START_TEST(update_to_an_unknown_reason_code_is_refused)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 10000);
    arc_id id = open_dispute(invoice, "PRICING", 2500);
    arc_dispute_opts change = ARC_DISPUTE_OPTS_INIT;
    arc_dispute *dispute;

    change.reason_code = "NOPE";
    ck_assert_rc(arc_dispute_update(db, id, &change, ARC_DISPUTE_FIELD_REASON_CODE),
                 ARC_EINVAL);
    ck_assert_error_mentions("NOPE");
    dispute = lookup(id);
    ck_assert_str_eq(arc_dispute_reason_code(dispute), "PRICING");
    arc_dispute_free(dispute);
}
END_TEST

START_TEST(resolved_or_unknown_dispute_cannot_be_updated)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 10000);
    arc_id id = open_dispute(invoice, "PRICING", 2500);
    arc_dispute_opts change = ARC_DISPUTE_OPTS_INIT;
    arc_dispute *dispute;

    ck_assert_ok(resolve(id, ARC_DISPUTE_REJECTED, 0));
    change.owner = "dana";
    ck_assert_rc(arc_dispute_update(db, id, &change, ARC_DISPUTE_FIELD_OWNER),
                 ARC_ECONFLICT);
    dispute = lookup(id);
    ck_assert_str_eq(arc_dispute_owner(dispute), "lee");
    arc_dispute_free(dispute);

    ck_assert_rc(arc_dispute_update(db, 4242, &change, ARC_DISPUTE_FIELD_OWNER),
                 ARC_ENOTFOUND);
    change.version = ARC_DISPUTE_OPTS_VERSION + 1;
    ck_assert_rc(arc_dispute_update(db, id, &change, ARC_DISPUTE_FIELD_OWNER),
                 ARC_EVERSION);
}
END_TEST

/* ---- lists ------------------------------------------------------------------ */

START_TEST(dispute_list_filters_by_customer_and_status_and_pages)
{
    arc_id globex = test_customer(db, "GLOBEX", "USD");
    arc_id acme_invoice = test_invoice(db, acme, "2026-03-01", 10000);
    arc_id globex_invoice = test_invoice(db, globex, "2026-03-01", 10000);
    arc_id first = open_dispute(acme_invoice, "PRICING", 1000);
    arc_id theirs = open_dispute(globex_invoice, "PRICING", 1000);
    arc_id second = open_dispute(acme_invoice, "QUANTITY", 2000);
    arc_id third = open_dispute(acme_invoice, "DUPLICATE", 3000);
    arc_list_opts opts = ARC_LIST_OPTS_INIT;
    arc_dispute_page *page = NULL;

    ck_assert_ok(arc_dispute_review(db, second, "dana"));

    opts.customer_id = acme;
    ck_assert_ok(arc_dispute_list(&page, db, &opts));
    ck_assert_uint_eq(arc_dispute_page_count(page), 3);
    ck_assert_int_eq(arc_dispute_id(arc_dispute_page_at(page, 0)), first);
    ck_assert_int_eq(arc_dispute_id(arc_dispute_page_at(page, 1)), second);
    ck_assert_int_eq(arc_dispute_id(arc_dispute_page_at(page, 2)), third);
    ck_assert_int_eq(arc_dispute_amount(arc_dispute_page_at(page, 2)), 3000);
    ck_assert_ptr_null(arc_dispute_page_at(page, 3));
    arc_dispute_page_free(page);

    opts.customer_id = 0;
    opts.status = ARC_DISPUTE_IN_REVIEW;
    ck_assert_ok(arc_dispute_list(&page, db, &opts));
    ck_assert_uint_eq(arc_dispute_page_count(page), 1);
    ck_assert_int_eq(arc_dispute_id(arc_dispute_page_at(page, 0)), second);
    ck_assert_int_eq(arc_dispute_status_of(arc_dispute_page_at(page, 0)),
                     ARC_DISPUTE_IN_REVIEW);
    arc_dispute_page_free(page);

    opts.status = ARC_DISPUTE_OPEN;
    opts.customer_id = globex;
    ck_assert_ok(arc_dispute_list(&page, db, &opts));
    ck_assert_uint_eq(arc_dispute_page_count(page), 1);
    ck_assert_int_eq(arc_dispute_id(arc_dispute_page_at(page, 0)), theirs);
    ck_assert_int_eq(arc_dispute_customer_id(arc_dispute_page_at(page, 0)), globex);
    arc_dispute_page_free(page);

    opts.status = -1;
    opts.customer_id = 0;
    opts.limit = 1;
    ck_assert_ok(arc_dispute_list(&page, db, &opts));
    ck_assert_uint_eq(arc_dispute_page_count(page), 1);
    ck_assert_int_eq(arc_dispute_id(arc_dispute_page_at(page, 0)), first);
    arc_dispute_page_free(page);

    opts.after_id = first;
    ck_assert_ok(arc_dispute_list(&page, db, &opts));
    ck_assert_uint_eq(arc_dispute_page_count(page), 1);
    ck_assert_int_eq(arc_dispute_id(arc_dispute_page_at(page, 0)), theirs);
    arc_dispute_page_free(page);

    opts.after_id = 0;
    opts.limit = 0;
    opts.status = 9;
    page = NULL;
    ck_assert_rc(arc_dispute_list(&page, db, &opts), ARC_EINVAL);
    ck_assert_ptr_null(page);
    ck_assert_uint_eq(dispute_count(), 4);
}
END_TEST

START_TEST(invoice_disputes_come_oldest_first)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 10000);
    arc_id other = test_invoice(db, acme, "2026-03-01", 10000);
    arc_id first = open_dispute(invoice, "PRICING", 1000);
    arc_id second = open_dispute(invoice, "TAX_ERROR", 2000);
    arc_dispute_page *page = NULL;

    open_dispute(other, "PRICING", 500);
    ck_assert_ok(resolve(first, ARC_DISPUTE_REJECTED, 0));

    ck_assert_ok(arc_invoice_disputes(&page, db, invoice));
    ck_assert_uint_eq(arc_dispute_page_count(page), 2);
    ck_assert_int_eq(arc_dispute_id(arc_dispute_page_at(page, 0)), first);
    ck_assert_int_eq(arc_dispute_status_of(arc_dispute_page_at(page, 0)),
                     ARC_DISPUTE_RESOLVED);
    ck_assert_int_eq(arc_dispute_id(arc_dispute_page_at(page, 1)), second);
    ck_assert_str_eq(arc_dispute_reason_code(arc_dispute_page_at(page, 1)), "TAX_ERROR");
    arc_dispute_page_free(page);

    page = NULL;
    ck_assert_rc(arc_invoice_disputes(&page, db, 4242), ARC_ENOTFOUND);
    ck_assert_ptr_null(page);
    ck_assert_uint_eq(arc_dispute_page_count(NULL), 0);
}
END_TEST

/* ---- reason codes in use ---------------------------------------------------- */

START_TEST(reason_code_in_use_cannot_be_deleted_but_can_be_deactivated)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 10000);
    arc_id id = open_dispute(invoice, "PRICING", 2500);
    arc_dispute_opts opts = dispute_for(invoice, "PRICING", 1000);
    arc_reason_code_page *catalog = NULL;
    arc_dispute *dispute;

    ck_assert_rc(arc_reason_code_delete(db, "PRICING"), ARC_ECONFLICT);
    ck_assert_error_mentions("PRICING");
    ck_assert_ok(arc_reason_code_list(&catalog, db, 1));
    ck_assert_ptr_nonnull(arc_reason_code_page_find(catalog, "PRICING"));
    ck_assert_uint_eq(arc_reason_code_page_count(catalog), 12);
    arc_reason_code_page_free(catalog);

    ck_assert_ok(arc_reason_code_set_active(db, "PRICING", 0));
    dispute = lookup(id);
    ck_assert_str_eq(arc_dispute_reason_code(dispute), "PRICING");
    arc_dispute_free(dispute);
    ck_assert_rc(arc_dispute_open(NULL, db, &opts), ARC_EINVAL);

    ck_assert_ok(resolve(id, ARC_DISPUTE_WITHDRAWN, 0));
    ck_assert_rc(arc_reason_code_delete(db, "PRICING"), ARC_ECONFLICT);
    ck_assert_ok(arc_reason_code_delete(db, "TAX_ERROR"));
}
END_TEST

/* ---- names ------------------------------------------------------------------ */

START_TEST(status_and_outcome_names_are_stable)
{
    ck_assert_str_eq(arc_dispute_status_name(ARC_DISPUTE_OPEN), "open");
    ck_assert_str_eq(arc_dispute_status_name(ARC_DISPUTE_IN_REVIEW), "in_review");
    ck_assert_str_eq(arc_dispute_status_name(ARC_DISPUTE_ESCALATED), "escalated");
    ck_assert_str_eq(arc_dispute_status_name(ARC_DISPUTE_RESOLVED), "resolved");
    ck_assert_str_eq(arc_dispute_status_name(ARC_DISPUTE_REOPENED), "reopened");
    ck_assert_ptr_null(arc_dispute_status_name((arc_dispute_status)5));
    ck_assert_ptr_null(arc_dispute_status_name((arc_dispute_status)-1));

    ck_assert_str_eq(arc_dispute_outcome_name(ARC_DISPUTE_UNRESOLVED), "unresolved");
    ck_assert_str_eq(arc_dispute_outcome_name(ARC_DISPUTE_CREDITED), "credited");
    ck_assert_str_eq(arc_dispute_outcome_name(ARC_DISPUTE_WRITTEN_OFF), "written_off");
    ck_assert_str_eq(arc_dispute_outcome_name(ARC_DISPUTE_REJECTED), "rejected");
    ck_assert_str_eq(arc_dispute_outcome_name(ARC_DISPUTE_WITHDRAWN), "withdrawn");
    ck_assert_ptr_null(arc_dispute_outcome_name((arc_dispute_outcome)5));
    ck_assert_ptr_null(arc_dispute_outcome_name((arc_dispute_outcome)-1));
}
END_TEST

START_TEST(null_dispute_accessors_give_empty_values)
{
    ck_assert_int_eq(arc_dispute_id(NULL), 0);
    ck_assert_int_eq(arc_dispute_amount(NULL), 0);
    ck_assert_ptr_null(arc_dispute_reason_code(NULL));
    ck_assert_int_eq(arc_dispute_due_date(NULL), ARC_DATE_NONE);
    ck_assert_int_eq(arc_dispute_resolved_on(NULL), ARC_DATE_NONE);
    ck_assert_uint_eq(arc_dispute_line_count(NULL), 0);
    arc_dispute_free(NULL);
    arc_dispute_page_free(NULL);
}
END_TEST

static TCase *rules(const char *name)
{
    TCase *tcase = tcase_create(name);

    tcase_add_checked_fixture(tcase, setup, teardown);
    return tcase;
}

int main(void)
{
    Suite *suite = suite_create("dispute");
    TCase *opening = rules("open");
    TCase *refusals = rules("refusals");
    TCase *transitions = rules("transitions");
    TCase *outcomes = rules("outcomes");
    TCase *updates = rules("update");
    TCase *lists = rules("lists");
    TCase *catalog = rules("reason codes");
    TCase *names = rules("names");

    tcase_add_test(opening, dispute_keeps_every_field);
    tcase_add_test(opening, dispute_without_optional_fields_reads_back_empty);
    tcase_add_test(opening, the_description_is_the_first_note_of_the_dispute);
    tcase_add_test(opening, open_dispute_is_taken_out_of_the_collectible_balance);
    tcase_add_test(opening, collectible_balance_is_kept_per_currency);
    tcase_add_test(opening, disputes_of_one_invoice_together_fit_in_what_it_owes);
    tcase_add_test(opening, dispute_must_fit_in_the_balance_left_after_payments);
    suite_add_tcase(suite, opening);

    tcase_add_test(refusals, unknown_reason_code_is_refused);
    tcase_add_test(refusals, inactive_reason_code_is_refused);
    tcase_add_test(refusals, amount_that_is_not_positive_is_refused);
    tcase_add_test(refusals, bad_fields_are_refused_naming_the_field);
    tcase_add_test(refusals, dispute_of_an_unknown_invoice_is_not_found);
    tcase_add_test(refusals, invoice_that_is_not_owed_cannot_be_disputed);
    tcase_add_test(refusals, wrong_version_and_null_arguments_are_refused);
    suite_add_tcase(suite, refusals);

    tcase_add_test(transitions, open_dispute_goes_to_review);
    tcase_add_test(transitions, review_is_refused_unless_open_or_reopened);
    tcase_add_test(transitions, each_escalation_raises_the_level_by_one);
    tcase_add_test(transitions, dispute_resolves_from_every_unresolved_state);
    tcase_add_test(transitions,
                   resolved_dispute_cannot_be_resolved_reviewed_or_escalated);
    tcase_add_test(transitions, rejected_dispute_reopens_and_counts_again);
    tcase_add_test(transitions, withdrawn_dispute_reopens);
    tcase_add_test(transitions, only_rejected_or_withdrawn_disputes_reopen);
    tcase_add_test(transitions, reopen_that_no_longer_fits_is_refused);
    tcase_add_test(transitions, transitions_without_an_actor_are_refused);
    tcase_add_test(transitions, transitions_of_an_unknown_dispute_are_not_found);
    suite_add_tcase(suite, transitions);

    tcase_add_test(outcomes, credited_dispute_applies_a_credit_memo_for_the_whole_amount);
    tcase_add_test(outcomes, credited_dispute_settles_an_agreed_part);
    tcase_add_test(outcomes, credit_that_covers_the_balance_pays_the_invoice);
    tcase_add_test(outcomes, payment_after_a_credit_cannot_pay_more_than_is_left);
    tcase_add_test(outcomes, credit_larger_than_what_the_invoice_still_owes_is_refused);
    tcase_add_test(outcomes, written_off_dispute_writes_off_the_agreed_amount);
    tcase_add_test(outcomes, write_off_of_the_whole_balance_writes_the_invoice_off);
    tcase_add_test(outcomes, write_off_of_an_agreed_part_keeps_the_rest_owed);
    tcase_add_test(outcomes, rejected_and_withdrawn_disputes_leave_the_invoice_owed);
    tcase_add_test(outcomes, resolution_above_the_disputed_amount_is_refused);
    tcase_add_test(outcomes, incomplete_resolution_is_refused);
    suite_add_tcase(suite, outcomes);

    tcase_add_test(updates, update_changes_only_the_fields_named);
    tcase_add_test(updates, update_of_the_amount_must_still_fit);
    tcase_add_test(updates, update_to_an_unknown_reason_code_is_refused);
    tcase_add_test(updates, resolved_or_unknown_dispute_cannot_be_updated);
    suite_add_tcase(suite, updates);

    tcase_add_test(lists, dispute_list_filters_by_customer_and_status_and_pages);
    tcase_add_test(lists, invoice_disputes_come_oldest_first);
    suite_add_tcase(suite, lists);

    tcase_add_test(catalog, reason_code_in_use_cannot_be_deleted_but_can_be_deactivated);
    suite_add_tcase(suite, catalog);

    tcase_add_test(names, status_and_outcome_names_are_stable);
    tcase_add_test(names, null_dispute_accessors_give_empty_values);
    suite_add_tcase(suite, names);
    return test_run_suite(suite);
}
