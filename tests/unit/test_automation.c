/*
 * The automation run at chosen clock times: escalation rules and their
 * conditions, what their actions do and journal, firing once per state,
 * runs that change nothing the second time, overdue disputes and invoices,
 * and a failed run that leaves the book as it was.
 */
#include <sqlite3.h>
#include <string.h>

#include "testutil.h"
#include "arcollect/automation.h"
#include "arcollect/communication.h"
#include "arcollect/payment.h"

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

static arc_id open_dispute_on(arc_id invoice, const char *code, int64_t amount)
{
    arc_dispute_opts opts = ARC_DISPUTE_OPTS_INIT;
    arc_id id = 0;

    opts.invoice_id = invoice;
    opts.reason_code = code;
    opts.amount = amount;
    opts.opened_by = "lee";
    ck_assert_ok(arc_dispute_open(&id, db, &opts));
    return id;
}

/* A dispute of 100.00 USD on a new invoice of ACME, opened today. */
static arc_id new_dispute(const char *code)
{
    arc_id invoice = test_invoice_full(db, acme, NULL, "2026-03-01", "2026-05-31", 50000);

    return open_dispute_on(invoice, code, 10000);
}

static arc_id add_rule(arc_escalation_rule_opts *opts)
{
    arc_id id = 0;

    ck_assert_ok(arc_escalation_rule_add(&id, db, opts));
    return id;
}

static arc_escalation_rule_opts escalate_after(const char *name, int days)
{
    arc_escalation_rule_opts opts = ARC_ESCALATION_RULE_OPTS_INIT;

    opts.name = name;
    opts.actions = ARC_RULE_ESCALATE;
    opts.min_days_in_state = days;
    return opts;
}

static arc_automation_result run(void)
{
    arc_automation_result result = ARC_AUTOMATION_RESULT_INIT;

    ck_assert_ok(arc_automation_run(&result, db));
    return result;
}

/* A run that must change nothing at all. */
static void run_changes_nothing(size_t disputes)
{
    arc_automation_result result = run();

    ck_assert_uint_eq(result.disputes_examined, disputes);
    ck_assert_uint_eq(result.rules_fired, 0);
    ck_assert_uint_eq(result.escalations, 0);
    ck_assert_uint_eq(result.reassignments, 0);
    ck_assert_uint_eq(result.due_dates_set, 0);
    ck_assert_uint_eq(result.alerts, 0);
    ck_assert_uint_eq(result.disputes_overdue, 0);
    ck_assert_uint_eq(result.invoices_overdue, 0);
}

static arc_dispute *lookup(arc_id id)
{
    arc_dispute *dispute = NULL;

    ck_assert_ok(arc_dispute_lookup(&dispute, db, id));
    return dispute;
}

static int level_of(arc_id id)
{
    arc_dispute *dispute = lookup(id);
    int level = arc_dispute_escalation_level(dispute);

    arc_dispute_free(dispute);
    return level;
}

static arc_id journal_end(void)
{
    arc_event_page *page = NULL;
    arc_id cursor = 0;
    size_t count;

    do {
        ck_assert_ok(arc_event_list(&page, db, cursor, 1000));
        count = arc_event_page_count(page);
        if (count > 0)
            cursor = arc_event_id(arc_event_page_at(page, count - 1));
        arc_event_page_free(page);
    } while (count > 0);
    return cursor;
}

/* The events after @p after; the caller frees the page. */
static arc_event_page *events_after(arc_id after)
{
    arc_event_page *page = NULL;

    ck_assert_ok(arc_event_list(&page, db, after, 1000));
    return page;
}

START_TEST(a_rule_waits_for_its_days_in_state)
{
    arc_escalation_rule_opts opts = escalate_after("Open a week", 7);
    arc_id dispute = new_dispute("PRICING");
    arc_id rule;
    arc_id mark;
    arc_automation_result result;
    arc_event_page *page;
    const arc_event *event;

    opts.statuses = ARC_RULE_STATUS(ARC_DISPUTE_OPEN);
    opts.actions |= ARC_RULE_ALERT;
    rule = add_rule(&opts);

    test_set_today("2026-03-21");
    run_changes_nothing(1);
    ck_assert_int_eq(level_of(dispute), 0);

    test_set_today("2026-03-22");
    mark = journal_end();
    result = run();
    ck_assert_uint_eq(result.disputes_examined, 1);
    ck_assert_uint_eq(result.rules_fired, 1);
    ck_assert_uint_eq(result.escalations, 1);
    ck_assert_uint_eq(result.alerts, 1);
    ck_assert_int_eq(level_of(dispute), 1);

    page = events_after(mark);
    ck_assert_uint_eq(arc_event_page_count(page), 2);
    event = arc_event_page_at(page, 0);
    ck_assert_int_eq(arc_event_kind_of(event), ARC_EVENT_DISPUTE_ESCALATED);
    ck_assert_str_eq(arc_event_actor(event), "automation");
    ck_assert_str_eq(arc_event_detail(event), "level 1");
    event = arc_event_page_at(page, 1);
    ck_assert_int_eq(arc_event_kind_of(event), ARC_EVENT_DISPUTE_ALERT);
    ck_assert_int_eq(arc_event_dispute_id(event), dispute);
    ck_assert_int_eq(arc_event_customer_id(event), acme);
    ck_assert_str_eq(arc_event_detail(event), "Open a week");
    ck_assert_int_eq(arc_event_amount(event), 10000);
    ck_assert_str_eq(arc_event_currency(event), "USD");
    arc_event_page_free(page);
    ck_assert_int_gt(rule, 0);

    /* The same moment again, then later: the dispute is no longer open. */
    mark = journal_end();
    run_changes_nothing(1);
    test_set_today("2026-04-30");
    run_changes_nothing(1);
    ck_assert_int_eq(journal_end(), mark);
    ck_assert_int_eq(level_of(dispute), 1);
}
END_TEST

START_TEST(an_escalated_dispute_climbs_until_the_cap)
{
    arc_escalation_rule_opts first = escalate_after("Open a week", 7);
    arc_escalation_rule_opts again = escalate_after("Escalated a week", 7);
    arc_id dispute = new_dispute("QUANTITY");
    static const char *const days[] = { "2026-03-22", "2026-03-29", "2026-04-05",
                                        "2026-04-12", "2026-04-19" };
    static const int levels[] = { 1, 2, 3, 3, 3 };

    first.statuses = ARC_RULE_STATUS(ARC_DISPUTE_OPEN);
    again.statuses = ARC_RULE_STATUS(ARC_DISPUTE_ESCALATED);
    again.below_level = 3;
    add_rule(&first);
    add_rule(&again);

    for (size_t i = 0; i < 5; i++) {
        test_set_today(days[i]);
        ck_assert_uint_eq(run().escalations, i < 3 ? 1 : 0);
        ck_assert_int_eq(level_of(dispute), levels[i]);
        run_changes_nothing(1);
    }
    /* Six days into a state is not a week. */
    test_set_today("2026-04-11");
    run_changes_nothing(1);
}
END_TEST

START_TEST(rules_before_an_escalation_act_on_it_in_the_same_run)
{
    arc_escalation_rule_opts hand_over = ARC_ESCALATION_RULE_OPTS_INIT;
    arc_escalation_rule_opts escalate = escalate_after("Open a week", 7);
    arc_id dispute = new_dispute("SLA_CREDIT");
    arc_automation_result result;
    arc_dispute *read;

    hand_over.name = "Escalated go to the lead";
    hand_over.statuses = ARC_RULE_STATUS(ARC_DISPUTE_ESCALATED);
    hand_over.actions = ARC_RULE_REASSIGN | ARC_RULE_SET_DUE_DATE;
    hand_over.assign_to = "dana";
    hand_over.due_in_days = 5;
    add_rule(&hand_over);
    add_rule(&escalate);

    test_set_today("2026-03-22");
    result = run();
    ck_assert_uint_eq(result.rules_fired, 2);
    ck_assert_uint_eq(result.escalations, 1);
    ck_assert_uint_eq(result.reassignments, 1);
    ck_assert_uint_eq(result.due_dates_set, 1);
    read = lookup(dispute);
    ck_assert_str_eq(arc_dispute_owner(read), "dana");
    ck_assert_int_eq(arc_dispute_due_date(read), test_date("2026-03-27"));
    ck_assert_int_eq(arc_dispute_status_of(read), ARC_DISPUTE_ESCALATED);
    arc_dispute_free(read);
    run_changes_nothing(1);
}
END_TEST

START_TEST(conditions_on_amount_currency_code_and_state)
{
    arc_escalation_rule_opts big = ARC_ESCALATION_RULE_OPTS_INIT;
    arc_id eur_customer = test_customer(db, "EURO", "EUR");
    arc_id small = new_dispute("PRICING");
    arc_id large = open_dispute_on(
        test_invoice_full(db, acme, NULL, "2026-03-01", "2026-05-31", 900000), "PRICING",
        500000);
    arc_id other_code = open_dispute_on(
        test_invoice_full(db, acme, NULL, "2026-03-01", "2026-05-31", 900000),
        "TAX_ERROR", 500000);
    arc_id euros = open_dispute_on(
        test_invoice_full(db, eur_customer, NULL, "2026-03-01", "2026-05-31", 900000),
        "PRICING", 500000);
    arc_id reviewed = open_dispute_on(
        test_invoice_full(db, acme, NULL, "2026-03-01", "2026-05-31", 900000), "PRICING",
        500000);
    arc_automation_result result;

    ck_assert_ok(arc_dispute_review(db, reviewed, "lee"));
    big.name = "Large pricing disputes";
    big.min_amount = 250000;
    big.currency = "USD";
    big.reason_code = "PRICING";
    big.statuses = ARC_RULE_STATUS(ARC_DISPUTE_OPEN);
    big.actions = ARC_RULE_REASSIGN;
    big.assign_to = "pat";
    add_rule(&big);

    result = run();
    ck_assert_uint_eq(result.disputes_examined, 5);
    ck_assert_uint_eq(result.rules_fired, 1);
    ck_assert_uint_eq(result.reassignments, 1);
    for (arc_id id = small; id <= reviewed; id++) {
        arc_dispute *read = lookup(id);

        ck_assert_str_eq(arc_dispute_owner(read), id == large ? "pat" : "lee");
        arc_dispute_free(read);
    }
    ck_assert_int_ne(other_code, euros);
}
END_TEST

static void log_contact(arc_id customer, const char *date,
                        arc_communication_direction direction)
{
    arc_communication_opts opts = ARC_COMMUNICATION_OPTS_INIT;

    opts.customer_id = customer;
    opts.channel = ARC_CHANNEL_NOTE;
    opts.direction = direction;
    opts.occurred_at = (arc_time)test_date(date) * 86400 + 9 * 3600;
    opts.body = "Spoke about the invoice";
    ck_assert_ok(arc_communication_record(NULL, db, &opts));
}

START_TEST(days_since_contact_ignore_internal_notes_and_start_at_opening)
{
    arc_escalation_rule_opts quiet = ARC_ESCALATION_RULE_OPTS_INIT;
    arc_id beta = test_customer(db, "BETA", "USD");
    arc_id talked = new_dispute("OPEN_TICKET");
    arc_id silent = open_dispute_on(
        test_invoice_full(db, beta, NULL, "2026-03-01", "2026-05-31", 50000),
        "OPEN_TICKET", 10000);
    arc_automation_result result;
    arc_event_page *page;
    arc_id mark;

    log_contact(acme, "2026-03-20", ARC_DIRECTION_OUTBOUND);
    log_contact(beta, "2026-03-24", ARC_DIRECTION_INTERNAL);
    quiet.name = "Ten quiet days";
    quiet.min_days_since_contact = 10;
    quiet.actions = ARC_RULE_ALERT;
    add_rule(&quiet);

    /* Nine days after opening: nobody has been quiet for ten. */
    test_set_today("2026-03-24");
    run_changes_nothing(2);

    /* BETA's only contact is internal; eleven days since its dispute opened. */
    test_set_today("2026-03-26");
    mark = journal_end();
    result = run();
    ck_assert_uint_eq(result.alerts, 1);
    page = events_after(mark);
    ck_assert_uint_eq(arc_event_page_count(page), 1);
    ck_assert_int_eq(arc_event_dispute_id(arc_event_page_at(page, 0)), silent);
    arc_event_page_free(page);

    /* ACME was written to on the 20th: ten days later it is ACME's turn. */
    test_set_today("2026-03-30");
    mark = journal_end();
    ck_assert_uint_eq(run().alerts, 1);
    page = events_after(mark);
    ck_assert_int_eq(arc_event_dispute_id(arc_event_page_at(page, 0)), talked);
    arc_event_page_free(page);
    run_changes_nothing(2);
}
END_TEST

START_TEST(a_rule_fires_again_after_the_dispute_changes_state)
{
    arc_escalation_rule_opts watch = ARC_ESCALATION_RULE_OPTS_INIT;
    arc_id dispute = new_dispute("DUPLICATE");
    arc_dispute_resolution resolution = ARC_DISPUTE_RESOLUTION_INIT;

    watch.name = "Any state change";
    watch.actions = ARC_RULE_ALERT;
    add_rule(&watch);
    ck_assert_uint_eq(run().alerts, 1);
    run_changes_nothing(1);

    test_set_today("2026-03-16");
    ck_assert_ok(arc_dispute_review(db, dispute, "lee"));
    ck_assert_uint_eq(run().alerts, 1);
    run_changes_nothing(1);

    /* Resolved disputes are out of the rules' reach; reopened ones are back. */
    resolution.outcome = ARC_DISPUTE_REJECTED;
    resolution.resolved_by = "lee";
    ck_assert_ok(arc_dispute_resolve(db, dispute, &resolution));
    run_changes_nothing(0);
    ck_assert_ok(arc_dispute_reopen(db, dispute, "lee", "new evidence"));
    ck_assert_uint_eq(run().alerts, 1);
}
END_TEST

START_TEST(idle_and_deleted_rules_do_nothing)
{
    arc_escalation_rule_opts idle = ARC_ESCALATION_RULE_OPTS_INIT;
    arc_id rule;

    new_dispute("OTHER");
    idle.name = "Idle";
    idle.active = 0;
    idle.actions = ARC_RULE_ALERT;
    rule = add_rule(&idle);
    run_changes_nothing(1);
    idle.active = 1;
    ck_assert_ok(arc_escalation_rule_update(db, rule, &idle));
    ck_assert_ok(arc_escalation_rule_delete(db, rule));
    run_changes_nothing(1);
}
END_TEST

START_TEST(a_dispute_past_its_due_date_alerts_once_per_due_date)
{
    arc_dispute_opts change = ARC_DISPUTE_OPTS_INIT;
    arc_id dispute = new_dispute("PO_MISSING");
    arc_id settled = new_dispute("PO_MISSING");
    arc_dispute_resolution resolution = ARC_DISPUTE_RESOLUTION_INIT;
    arc_event_page *page;
    arc_id mark;

    change.version = ARC_DISPUTE_OPTS_VERSION;
    change.due_date = test_date("2026-03-20");
    ck_assert_ok(arc_dispute_update(db, dispute, &change, ARC_DISPUTE_FIELD_DUE_DATE));
    ck_assert_ok(arc_dispute_update(db, settled, &change, ARC_DISPUTE_FIELD_DUE_DATE));
    resolution.outcome = ARC_DISPUTE_WITHDRAWN;
    resolution.resolved_by = "lee";
    ck_assert_ok(arc_dispute_resolve(db, settled, &resolution));

    test_set_today("2026-03-20");
    run_changes_nothing(1);
    test_set_today("2026-03-21");
    mark = journal_end();
    ck_assert_uint_eq(run().disputes_overdue, 1);
    page = events_after(mark);
    ck_assert_uint_eq(arc_event_page_count(page), 1);
    ck_assert_int_eq(arc_event_kind_of(arc_event_page_at(page, 0)),
                     ARC_EVENT_DISPUTE_OVERDUE);
    ck_assert_int_eq(arc_event_dispute_id(arc_event_page_at(page, 0)), dispute);
    ck_assert_str_eq(arc_event_detail(arc_event_page_at(page, 0)), "2026-03-20");
    arc_event_page_free(page);
    run_changes_nothing(1);
    test_set_today("2026-03-25");
    run_changes_nothing(1);

    /* A new due date that passes alerts again. */
    change.due_date = test_date("2026-03-27");
    ck_assert_ok(arc_dispute_update(db, dispute, &change, ARC_DISPUTE_FIELD_DUE_DATE));
    test_set_today("2026-03-28");
    ck_assert_uint_eq(run().disputes_overdue, 1);
    run_changes_nothing(1);
}
END_TEST

static void pay(arc_id invoice, int64_t amount)
{
    arc_payment_opts opts = ARC_PAYMENT_OPTS_INIT;
    arc_id payment = 0;

    opts.customer_id = acme;
    opts.amount = amount;
    ck_assert_ok(arc_payment_record(&payment, db, &opts));
    ck_assert_ok(arc_payment_apply(db, payment, invoice, amount, ARC_DATE_NONE));
}

START_TEST(an_invoice_past_its_due_date_alerts_once)
{
    arc_id late = test_invoice_full(db, acme, NULL, "2026-02-01", "2026-03-03", 12000);
    arc_id part = test_invoice_full(db, acme, NULL, "2026-02-01", "2026-03-10", 30000);
    arc_id paid = test_invoice_full(db, acme, NULL, "2026-02-01", "2026-03-03", 5000);
    arc_id voided = test_invoice_full(db, acme, NULL, "2026-02-01", "2026-03-03", 7000);
    arc_id later = test_invoice_full(db, acme, NULL, "2026-03-01", "2026-03-31", 9000);
    arc_invoice_opts draft = ARC_INVOICE_OPTS_INIT;
    arc_automation_result result;
    arc_event_page *page;
    arc_id mark;

    draft.customer_id = acme;
    draft.due_date = test_date("2026-03-01");
    ck_assert_ok(arc_invoice_create(NULL, db, &draft));
    pay(part, 10000);
    pay(paid, 5000);
    ck_assert_ok(arc_invoice_void(db, voided, ARC_DATE_NONE, "sent twice"));

    mark = journal_end();
    result = run();
    ck_assert_uint_eq(result.invoices_overdue, 2);
    page = events_after(mark);
    ck_assert_uint_eq(arc_event_page_count(page), 2);
    /* Oldest due date first. */
    ck_assert_int_eq(arc_event_kind_of(arc_event_page_at(page, 0)),
                     ARC_EVENT_INVOICE_OVERDUE);
    ck_assert_int_eq(arc_event_invoice_id(arc_event_page_at(page, 0)), late);
    ck_assert_int_eq(arc_event_amount(arc_event_page_at(page, 0)), 12000);
    ck_assert_str_eq(arc_event_detail(arc_event_page_at(page, 0)), "2026-03-03");
    ck_assert_int_eq(arc_event_invoice_id(arc_event_page_at(page, 1)), part);
    ck_assert_int_eq(arc_event_amount(arc_event_page_at(page, 1)), 20000);
    ck_assert_int_eq(arc_event_customer_id(arc_event_page_at(page, 1)), acme);
    arc_event_page_free(page);
    run_changes_nothing(0);

    test_set_today("2026-04-01");
    mark = journal_end();
    ck_assert_uint_eq(run().invoices_overdue, 1);
    page = events_after(mark);
    ck_assert_int_eq(arc_event_invoice_id(arc_event_page_at(page, 0)), later);
    arc_event_page_free(page);
    run_changes_nothing(0);
}
END_TEST

START_TEST(a_failed_run_leaves_the_book_as_it_was)
{
    arc_escalation_rule_opts escalate = escalate_after("Open a week", 7);
    arc_id dispute = new_dispute("PRICING");
    arc_id mark;
    sqlite3 *conn = NULL;

    test_invoice_full(db, acme, NULL, "2026-02-01", "2026-03-03", 12000);
    add_rule(&escalate);
    ck_assert_int_eq(sqlite3_open(test_book_file(db), &conn), SQLITE_OK);
    ck_assert_int_eq(sqlite3_exec(conn,
                                  "CREATE TRIGGER boom BEFORE INSERT ON rule_firings"
                                  " BEGIN SELECT RAISE(ABORT, 'disk on fire'); END;",
                                  NULL, NULL, NULL),
                     SQLITE_OK);

    test_set_today("2026-03-23");
    mark = journal_end();
    ck_assert_rc(arc_automation_run(NULL, db), ARC_ESTORAGE);
    ck_assert_error_mentions("disk on fire");
    ck_assert_int_eq(level_of(dispute), 0);
    ck_assert_int_eq(journal_end(), mark);

    /* Without the fault the same run does all of it. */
    ck_assert_int_eq(sqlite3_exec(conn, "DROP TRIGGER boom", NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(conn);
    ck_assert_uint_eq(run().escalations, 1);
    ck_assert_int_eq(level_of(dispute), 1);
}
END_TEST

static void count_event(const arc_event *event, void *data)
{
    (void)event;
    (*(int *)data)++;
}

START_TEST(subscribers_hear_every_action_after_commit)
{
    arc_escalation_rule_opts escalate = escalate_after("Open a week", 7);
    int heard = 0;

    new_dispute("PRICING");
    new_dispute("PRICING");
    escalate.actions |= ARC_RULE_ALERT;
    add_rule(&escalate);
    ck_assert_ok(arc_event_subscribe(NULL, db, count_event, &heard));
    test_set_today("2026-03-22");
    ck_assert_uint_eq(run().rules_fired, 2);
    ck_assert_int_eq(heard, 4);
}
END_TEST

START_TEST(bad_calls_are_refused)
{
    arc_automation_result result = ARC_AUTOMATION_RESULT_INIT;

    result.version = 7;
    ck_assert_rc(arc_automation_run(&result, db), ARC_EVERSION);
    ck_assert_error_mentions("version");
    ck_assert_rc(arc_automation_run(NULL, NULL), ARC_EINVAL);
    ck_assert_ok(arc_automation_run(NULL, db));
}
END_TEST

static Suite *automation_suite(void)
{
    Suite *suite = suite_create("automation");
    TCase *rules = tcase_create("rules");
    TCase *overdue = tcase_create("overdue");
    TCase *runs = tcase_create("runs");
    TCase *faults = tcase_create("faults");

    tcase_add_checked_fixture(rules, setup, teardown);
    tcase_add_test(rules, a_rule_waits_for_its_days_in_state);
    tcase_add_test(rules, an_escalated_dispute_climbs_until_the_cap);
    tcase_add_test(rules, rules_before_an_escalation_act_on_it_in_the_same_run);
    tcase_add_test(rules, conditions_on_amount_currency_code_and_state);
    tcase_add_test(rules, days_since_contact_ignore_internal_notes_and_start_at_opening);
    tcase_add_test(rules, a_rule_fires_again_after_the_dispute_changes_state);
    tcase_add_test(rules, idle_and_deleted_rules_do_nothing);
    suite_add_tcase(suite, rules);

    tcase_add_checked_fixture(overdue, setup, teardown);
    tcase_add_test(overdue, a_dispute_past_its_due_date_alerts_once_per_due_date);
    tcase_add_test(overdue, an_invoice_past_its_due_date_alerts_once);
    suite_add_tcase(suite, overdue);

    tcase_add_checked_fixture(runs, setup, teardown);
    tcase_add_test(runs, subscribers_hear_every_action_after_commit);
    tcase_add_test(runs, bad_calls_are_refused);
    suite_add_tcase(suite, runs);

    /* A storage failure is injected with a trigger in the SQLite file. */
    tcase_add_checked_fixture(faults, setup, teardown);
    tcase_set_tags(faults, TEST_TAG_SQLITE);
    tcase_add_test(faults, a_failed_run_leaves_the_book_as_it_was);
    suite_add_tcase(suite, faults);
    return suite;
}

int main(void)
{
    return test_run_suite(automation_suite());
}
