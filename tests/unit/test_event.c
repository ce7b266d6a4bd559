/*
 * The event journal: every change appends events in order, subscribers see
 * them after commit and never for rolled-back work, and a cursor reads the
 * journal without gaps or repeats.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "testutil.h"

static arc_db *db;
static arc_id acme;

/* What a subscriber saw: kinds in order, and the last event's fields. */
struct seen {
    arc_event_kind kinds[64];
    arc_id ids[64];
    size_t count;
    arc_id last_invoice_id;
    int64_t last_amount;
    char last_detail[64];
};

static void remember(const arc_event *event, void *data)
{
    struct seen *seen = data;
    const char *detail = arc_event_detail(event);

    if (seen->count < 64) {
        seen->kinds[seen->count] = arc_event_kind_of(event);
        seen->ids[seen->count] = arc_event_id(event);
    }
    seen->count++;
    seen->last_invoice_id = arc_event_invoice_id(event);
    seen->last_amount = arc_event_amount(event);
    snprintf(seen->last_detail, sizeof(seen->last_detail), "%s", detail ? detail : "");
}

static void setup(void)
{
    db = test_open_book("2026-03-15");
    acme = test_customer(db, "ACME", "USD");
}

static void teardown(void)
{
    test_close_book(db);
}

static arc_event_page *journal_after(arc_id after_id)
{
    arc_event_page *page = NULL;

    ck_assert_ok(arc_event_list(&page, db, after_id, 0));
    return page;
}

static arc_id pay(int64_t amount)
{
    arc_payment_opts opts = ARC_PAYMENT_OPTS_INIT;
    arc_id id = 0;

    opts.customer_id = acme;
    opts.amount = amount;
    opts.reference = "ACH 42";
    opts.flags = ARC_PAYMENT_AUTO_APPLY;
    ck_assert_ok(arc_payment_record(&id, db, &opts));
    return id;
}

START_TEST(each_change_appends_events_in_order)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 10000);
    arc_id payment = pay(4000);
    arc_event_page *page = journal_after(0);
    const arc_event *event;

    ck_assert_uint_eq(arc_event_page_count(page), 4);
    ck_assert_int_eq(arc_event_kind_of(arc_event_page_at(page, 0)),
                     ARC_EVENT_CUSTOMER_CREATED);
    ck_assert_str_eq(arc_event_detail(arc_event_page_at(page, 0)), "ACME");

    event = arc_event_page_at(page, 1);
    ck_assert_int_eq(arc_event_kind_of(event), ARC_EVENT_INVOICE_ISSUED);
    ck_assert_int_eq(arc_event_record_id(event), invoice);
    ck_assert_int_eq(arc_event_invoice_id(event), invoice);
    ck_assert_int_eq(arc_event_customer_id(event), acme);
    ck_assert_int_eq(arc_event_amount(event), 10000);
    ck_assert_str_eq(arc_event_currency(event), "USD");
    ck_assert_str_eq(arc_event_detail(event), "INV-000001");
    ck_assert_int_eq(arc_event_occurred_at(event), test_clock_now);

    event = arc_event_page_at(page, 2);
    ck_assert_int_eq(arc_event_kind_of(event), ARC_EVENT_PAYMENT_RECEIVED);
    ck_assert_int_eq(arc_event_record_id(event), payment);
    ck_assert_int_eq(arc_event_amount(event), 4000);
    ck_assert_str_eq(arc_event_detail(event), "ACH 42");

    event = arc_event_page_at(page, 3);
    ck_assert_int_eq(arc_event_kind_of(event), ARC_EVENT_PAYMENT_APPLIED);
    ck_assert_int_eq(arc_event_invoice_id(event), invoice);
    ck_assert_int_eq(arc_event_amount(event), 4000);

    for (size_t i = 1; i < 4; i++)
        ck_assert_int_gt(arc_event_id(arc_event_page_at(page, i)),
                         arc_event_id(arc_event_page_at(page, i - 1)));
    arc_event_page_free(page);
}
END_TEST

START_TEST(dispute_events_carry_actor_and_detail)
{
    arc_dispute_resolution resolution = ARC_DISPUTE_RESOLUTION_INIT;
    arc_dispute_opts opts = ARC_DISPUTE_OPTS_INIT;
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 10000);
    arc_event_page *page;
    arc_id dispute, cursor;

    page = journal_after(0);
    cursor = arc_event_id(arc_event_page_at(page, arc_event_page_count(page) - 1));
    arc_event_page_free(page);

    opts.invoice_id = invoice;
    opts.reason_code = "SLA_CREDIT";
    opts.amount = 2500;
    opts.opened_by = "dana";
    ck_assert_ok(arc_dispute_open(&dispute, db, &opts));
    ck_assert_ok(arc_dispute_escalate(db, dispute, "lee"));
    resolution.outcome = ARC_DISPUTE_CREDITED;
    resolution.resolved_by = "kim";
    ck_assert_ok(arc_dispute_resolve(db, dispute, &resolution));

    page = journal_after(cursor);
    ck_assert_uint_eq(arc_event_page_count(page), 5);
    ck_assert_int_eq(arc_event_kind_of(arc_event_page_at(page, 0)),
                     ARC_EVENT_DISPUTE_OPENED);
    ck_assert_str_eq(arc_event_actor(arc_event_page_at(page, 0)), "dana");
    ck_assert_str_eq(arc_event_detail(arc_event_page_at(page, 0)), "SLA_CREDIT");
    ck_assert_int_eq(arc_event_dispute_id(arc_event_page_at(page, 0)), dispute);
    ck_assert_int_eq(arc_event_kind_of(arc_event_page_at(page, 1)),
                     ARC_EVENT_DISPUTE_ESCALATED);
    ck_assert_str_eq(arc_event_detail(arc_event_page_at(page, 1)), "level 1");
    ck_assert_str_eq(arc_event_actor(arc_event_page_at(page, 1)), "lee");
    ck_assert_int_eq(arc_event_kind_of(arc_event_page_at(page, 2)),
                     ARC_EVENT_CREDIT_MEMO_CREATED);
    ck_assert_int_eq(arc_event_kind_of(arc_event_page_at(page, 3)),
                     ARC_EVENT_CREDIT_MEMO_APPLIED);
    ck_assert_int_eq(arc_event_amount(arc_event_page_at(page, 3)), 2500);
    ck_assert_int_eq(arc_event_kind_of(arc_event_page_at(page, 4)),
                     ARC_EVENT_DISPUTE_RESOLVED);
    ck_assert_str_eq(arc_event_detail(arc_event_page_at(page, 4)), "credited");
    ck_assert_str_eq(arc_event_actor(arc_event_page_at(page, 4)), "kim");
    arc_event_page_free(page);
}
END_TEST

START_TEST(recording_a_communication_is_journaled)
{
    arc_communication_opts opts = ARC_COMMUNICATION_OPTS_INIT;
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 10000);
    const arc_event *event;
    arc_event_page *page;
    arc_id note;

    opts.customer_id = acme;
    opts.channel = ARC_CHANNEL_NOTE;
    opts.direction = ARC_DIRECTION_INTERNAL;
    opts.user = "dana";
    opts.body = "Customer says the March invoice is wrong";
    opts.invoice_ids = &invoice;
    opts.invoice_count = 1;
    ck_assert_ok(arc_communication_record(&note, db, &opts));

    page = journal_after(0);
    event = arc_event_page_at(page, arc_event_page_count(page) - 1);
    ck_assert_int_eq(arc_event_kind_of(event), ARC_EVENT_COMMUNICATION_RECORDED);
    ck_assert_int_eq(arc_event_record_id(event), note);
    ck_assert_int_eq(arc_event_customer_id(event), acme);
    ck_assert_int_eq(arc_event_invoice_id(event), invoice);
    ck_assert_str_eq(arc_event_actor(event), "dana");
    ck_assert_str_eq(arc_event_detail(event), "note");
    arc_event_page_free(page);
}
END_TEST

START_TEST(subscribers_see_events_after_commit_only)
{
    struct seen seen = { 0 };
    int subscription = 0;

    ck_assert_ok(arc_event_subscribe(&subscription, db, remember, &seen));
    test_invoice(db, acme, "2026-03-01", 500);
    ck_assert_uint_eq(seen.count, 1);
    ck_assert_int_eq(seen.kinds[0], ARC_EVENT_INVOICE_ISSUED);
    ck_assert_int_eq(seen.last_amount, 500);

    ck_assert_ok(arc_tx_begin(db));
    test_invoice(db, acme, "2026-03-02", 600);
    test_invoice(db, acme, "2026-03-03", 700);
    ck_assert_uint_eq(seen.count, 1);
    ck_assert_ok(arc_tx_commit(db));
    ck_assert_uint_eq(seen.count, 3);
    ck_assert_int_eq(seen.last_amount, 700);
    ck_assert_int_gt(seen.ids[2], seen.ids[1]);

    ck_assert_ok(arc_tx_begin(db));
    test_invoice(db, acme, "2026-03-04", 800);
    ck_assert_ok(arc_tx_rollback(db));
    ck_assert_uint_eq(seen.count, 3);

    ck_assert_ok(arc_event_unsubscribe(db, subscription));
    test_invoice(db, acme, "2026-03-05", 900);
    ck_assert_uint_eq(seen.count, 3);
    ck_assert_rc(arc_event_unsubscribe(db, subscription), ARC_ENOTFOUND);
}
END_TEST

START_TEST(failed_call_inside_a_transaction_delivers_nothing_of_its_own)
{
    arc_payment_opts opts = ARC_PAYMENT_OPTS_INIT;
    struct seen seen = { 0 };
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 1000);
    arc_id payment;

    ck_assert_ok(arc_event_subscribe(NULL, db, remember, &seen));
    opts.customer_id = acme;
    opts.amount = 300;
    ck_assert_ok(arc_tx_begin(db));
    ck_assert_ok(arc_payment_record(&payment, db, &opts));
    ck_assert_rc(arc_payment_apply(db, payment, invoice, 400, ARC_DATE_NONE),
                 ARC_ECONFLICT);
    ck_assert_rc(arc_invoice_void(db, invoice, ARC_DATE_NONE, NULL), ARC_OK);
    ck_assert_ok(arc_tx_commit(db));

    ck_assert_uint_eq(seen.count, 2);
    ck_assert_int_eq(seen.kinds[0], ARC_EVENT_PAYMENT_RECEIVED);
    ck_assert_int_eq(seen.kinds[1], ARC_EVENT_INVOICE_VOIDED);
    ck_assert_int_eq(seen.last_invoice_id, invoice);
}
END_TEST

/* A subscriber that writes: each invoice issued gets a note-worthy reaction. */
static void put_on_hold(const arc_event *event, void *data)
{
    arc_customer_opts opts = ARC_CUSTOMER_OPTS_INIT;
    struct seen *seen = data;

    remember(event, seen);
    if (arc_event_kind_of(event) != ARC_EVENT_INVOICE_ISSUED)
        return;
    opts.status = ARC_CUSTOMER_ON_HOLD;
    ck_assert_ok(arc_customer_update(db, arc_event_customer_id(event), &opts,
                                     ARC_CUSTOMER_FIELD_STATUS));
}

START_TEST(subscriber_may_write_and_its_events_follow)
{
    struct seen seen = { 0 };
    arc_customer *customer = NULL;

    ck_assert_ok(arc_event_subscribe(NULL, db, put_on_hold, &seen));
    test_invoice(db, acme, "2026-03-01", 500);
    ck_assert_uint_eq(seen.count, 2);
    ck_assert_int_eq(seen.kinds[0], ARC_EVENT_INVOICE_ISSUED);
    ck_assert_int_eq(seen.kinds[1], ARC_EVENT_CUSTOMER_UPDATED);
    ck_assert_ok(arc_customer_lookup(&customer, db, acme));
    ck_assert_int_eq(arc_customer_status_of(customer), ARC_CUSTOMER_ON_HOLD);
    arc_customer_free(customer);
}
END_TEST

START_TEST(cursor_reads_every_event_once)
{
    arc_id cursor = 0;
    size_t total = 0, pages = 0;

    for (int i = 0; i < 25; i++)
        test_invoice(db, acme, "2026-03-01", 100 + i);

    for (;;) {
        arc_event_page *page = NULL;
        size_t count;

        ck_assert_ok(arc_event_list(&page, db, cursor, 10));
        count = arc_event_page_count(page);
        if (count == 0) {
            arc_event_page_free(page);
            break;
        }
        for (size_t i = 0; i < count; i++)
            ck_assert_int_gt(arc_event_id(arc_event_page_at(page, i)), cursor);
        cursor = arc_event_id(arc_event_page_at(page, count - 1));
        total += count;
        pages++;
        arc_event_page_free(page);
    }
    ck_assert_uint_eq(total, 26);
    ck_assert_uint_eq(pages, 3);
}
END_TEST

START_TEST(journal_is_append_only)
{
    sqlite3 *conn = NULL;

    ck_assert_int_eq(sqlite3_open(test_book_file(db), &conn), SQLITE_OK);
    ck_assert_int_ne(sqlite3_exec(conn, "DELETE FROM events", NULL, NULL, NULL),
                     SQLITE_OK);
    ck_assert_ptr_nonnull(strstr(sqlite3_errmsg(conn), "append-only"));
    ck_assert_int_ne(
        sqlite3_exec(conn, "UPDATE events SET detail = 'x'", NULL, NULL, NULL),
        SQLITE_OK);
    sqlite3_close(conn);
}
END_TEST

START_TEST(bad_arguments_are_refused)
{
    arc_event_page *page = NULL;

    ck_assert_rc(arc_event_list(&page, db, -1, 0), ARC_EINVAL);
    ck_assert_error_mentions("after_id");
    ck_assert_rc(arc_event_list(&page, db, 0, ARC_EVENT_LIST_MAX + 1), ARC_EINVAL);
    ck_assert_error_mentions("limit");
    ck_assert_rc(arc_event_list(NULL, db, 0, 0), ARC_EINVAL);
    ck_assert_rc(arc_event_subscribe(NULL, db, NULL, NULL), ARC_EINVAL);
    ck_assert_rc(arc_event_subscribe(NULL, NULL, remember, NULL), ARC_EINVAL);
}
END_TEST

START_TEST(kind_names_are_stable)
{
    ck_assert_str_eq(arc_event_kind_name(ARC_EVENT_CUSTOMER_CREATED), "customer.created");
    ck_assert_str_eq(arc_event_kind_name(ARC_EVENT_INVOICE_ISSUED), "invoice.issued");
    ck_assert_str_eq(arc_event_kind_name(ARC_EVENT_DISPUTE_ESCALATED),
                     "dispute.escalated");
    ck_assert_str_eq(arc_event_kind_name(ARC_EVENT_INVOICE_LINE_ADDED),
                     "invoice.line_added");
    ck_assert_str_eq(arc_event_kind_name(ARC_EVENT_COMMUNICATION_RECORDED),
                     "communication.recorded");
    ck_assert_str_eq(arc_event_kind_name(ARC_EVENT_INVOICE_OVERDUE), "invoice.overdue");
    ck_assert_str_eq(arc_event_kind_name(ARC_EVENT_DISPUTE_OVERDUE), "dispute.overdue");
    ck_assert_str_eq(arc_event_kind_name(ARC_EVENT_DISPUTE_ALERT), "dispute.alert");
    ck_assert_str_eq(arc_event_kind_name(ARC_EVENT_RULE_CHANGED),
                     "escalation_rule.changed");
    ck_assert_ptr_null(arc_event_kind_name((arc_event_kind)29));
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("event");
    TCase *rules = tcase_create("rules");
    TCase *file = tcase_create("file");

    tcase_add_checked_fixture(rules, setup, teardown);
    tcase_add_test(rules, each_change_appends_events_in_order);
    tcase_add_test(rules, dispute_events_carry_actor_and_detail);
    tcase_add_test(rules, recording_a_communication_is_journaled);
    tcase_add_test(rules, subscribers_see_events_after_commit_only);
    tcase_add_test(rules, failed_call_inside_a_transaction_delivers_nothing_of_its_own);
    tcase_add_test(rules, subscriber_may_write_and_its_events_follow);
    tcase_add_test(rules, cursor_reads_every_event_once);
    tcase_add_test(rules, bad_arguments_are_refused);
    tcase_add_test(rules, kind_names_are_stable);
    suite_add_tcase(suite, rules);

    /* The SQLite file itself refuses changes to the journal. */
    tcase_add_checked_fixture(file, setup, teardown);
    tcase_set_tags(file, TEST_TAG_SQLITE);
    tcase_add_test(file, journal_is_append_only);
    suite_add_tcase(suite, file);
    return test_run_suite(suite);
}
