/*
 * Timelines: a customer's communications merged with the events of its
 * account, newest first, events before communications at one instant;
 * pages that neither repeat nor skip an item; the invoice and dispute
 * scopes; and the refusals of bad options.
 */
#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "testutil.h"

static arc_db *db;
static arc_id acme, globex;

/* The notes a test recorded, in order: "c1" describes the first. */
static arc_id notes[128];
static size_t note_count;

static void setup(void)
{
    note_count = 0;
    db = test_open_book("2026-03-15");
    acme = test_customer(db, "ACME", "USD");
    globex = test_customer(db, "GLOBEX", "USD");
}

static void teardown(void)
{
    test_close_book(db);
}

/* 2026-03-15 at hh:mm UTC. */
static arc_time at(int hour, int minute)
{
    return (arc_time)test_date("2026-03-15") * 86400 + hour * 3600 + minute * 60;
}

/* Move the book's clock, which stamps every event. */
static void clock_at(int hour, int minute)
{
    test_clock_now = at(hour, minute);
}

/* Record a note that happened at @p when, about an invoice and a dispute
 * (0: none). */
static arc_id note(arc_id customer, arc_time when, arc_id invoice, arc_id dispute)
{
    arc_communication_opts opts = ARC_COMMUNICATION_OPTS_INIT;
    arc_id id = 0;

    opts.customer_id = customer;
    opts.channel = ARC_CHANNEL_NOTE;
    opts.direction = ARC_DIRECTION_INTERNAL;
    opts.occurred_at = when;
    opts.user = "lee";
    opts.body = "Called about the open balance";
    opts.invoice_ids = invoice ? &invoice : NULL;
    opts.invoice_count = invoice ? 1 : 0;
    opts.dispute_id = dispute;
    ck_assert_ok(arc_communication_record(&id, db, &opts));
    ck_assert_uint_lt(note_count, sizeof(notes) / sizeof(notes[0]));
    notes[note_count++] = id;
    return id;
}

/* A communication as "c<n>" when it is the n-th note the test recorded, or
 * by its subject when the library recorded it. */
static void describe_communication(char *out, size_t size,
                                   const arc_communication *communication)
{
    arc_id id = arc_communication_id(communication);

    for (size_t i = 0; i < note_count; i++) {
        if (notes[i] == id) {
            snprintf(out, size, "c%zu", i + 1);
            return;
        }
    }
    snprintf(out, size, "c(%s)",
             arc_communication_subject(communication)
                 ? arc_communication_subject(communication)
                 : "");
}

/* Record a payment, applied to the oldest invoices when @p apply. */
static arc_id pay(arc_id customer, int64_t amount, bool apply)
{
    arc_payment_opts opts = ARC_PAYMENT_OPTS_INIT;
    arc_id id = 0;

    opts.customer_id = customer;
    opts.amount = amount;
    opts.reference = "ACH 42";
    opts.flags = apply ? ARC_PAYMENT_AUTO_APPLY : 0;
    ck_assert_ok(arc_payment_record(&id, db, &opts));
    return id;
}

static arc_id open_dispute(arc_id invoice, int64_t amount)
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

static arc_timeline_opts customer_opts(arc_id customer, unsigned int limit)
{
    arc_timeline_opts opts = ARC_TIMELINE_OPTS_INIT;

    opts.customer_id = customer;
    opts.limit = limit;
    return opts;
}

static arc_timeline_page *read_page(const arc_timeline_opts *opts)
{
    arc_timeline_page *page = NULL;

    ck_assert_ok(arc_timeline(&page, db, opts));
    ck_assert_ptr_nonnull(page);
    return page;
}

/* An item as "<event kind>@HH:MM" or "<communication>@HH:MM". */
static void describe_item(char *out, size_t size, const arc_timeline_item *item)
{
    arc_time when = arc_timeline_item_occurred_at(item);
    int hour = (int)(when % 86400 / 3600), minute = (int)(when % 3600 / 60);
    const arc_event *event = arc_timeline_item_event(item);
    char what[96];

    if (event != NULL)
        snprintf(what, sizeof(what), "%s", arc_event_kind_name(arc_event_kind_of(event)));
    else
        describe_communication(what, sizeof(what), arc_timeline_item_communication(item));
    snprintf(out, size, "%s@%02d:%02d", what, hour, minute);
}

/* The items of a page, described and separated by spaces. */
static const char *describe(const arc_timeline_page *page)
{
    static char text[8192];
    size_t used = 0;

    text[0] = '\0';
    for (size_t i = 0; i < arc_timeline_page_count(page); i++) {
        char item[128];

        describe_item(item, sizeof(item), arc_timeline_page_at(page, i));
        used += (size_t)snprintf(text + used, sizeof(text) - used, "%s%s", i ? " " : "",
                                 item);
        ck_assert_uint_lt(used, sizeof(text));
    }
    return text;
}

/* Read a timeline in one page and check its description. */
static void expect_timeline(const arc_timeline_opts *opts, const char *expected)
{
    arc_timeline_page *page = read_page(opts);

    ck_assert_str_eq(describe(page), expected);
    arc_timeline_page_free(page);
}

/* ACME's items, newest first, with ties at 09:00 and 10:00: 12:00
 * invoice.issued; 11:00 c4; 10:00 payment.received, invoice.issued, c3;
 * 09:00 invoice.issued, c2, c1; 08:00 c6 (recorded last, dated back).
 * GLOBEX gets items at the same instants (c5 at 11:00), and every note
 * journals a communication.recorded event. */
static void record_mix(void)
{
    clock_at(9, 0);
    test_invoice(db, acme, "2026-03-01", 10000);
    note(acme, at(9, 0), 0, 0);
    note(acme, at(9, 0), 0, 0);
    test_invoice(db, globex, "2026-03-01", 7000);

    clock_at(10, 0);
    test_invoice(db, acme, "2026-03-02", 20000);
    pay(acme, 5000, false);
    note(acme, at(10, 0), 0, 0);

    clock_at(11, 0);
    note(acme, at(11, 0), 0, 0);
    note(globex, at(11, 0), 0, 0);

    clock_at(12, 0);
    test_invoice(db, acme, "2026-03-03", 30000);
    note(acme, at(8, 0), 0, 0);
}

#define MIX                                                                              \
    "invoice.issued@12:00 c4@11:00 payment.received@10:00 invoice.issued@10:00"          \
    " c3@10:00 invoice.issued@09:00 c2@09:00 c1@09:00 c6@08:00"

START_TEST(customer_timeline_merges_newest_first_events_before_communications)
{
    arc_timeline_opts opts = customer_opts(acme, 0);

    record_mix();
    expect_timeline(&opts, MIX);
}
END_TEST

START_TEST(items_expose_their_communication_or_event)
{
    arc_timeline_opts opts = customer_opts(acme, 2);
    const arc_timeline_item *item;
    const arc_event *event;
    arc_timeline_page *page;

    record_mix();
    page = read_page(&opts);
    ck_assert_uint_eq(arc_timeline_page_count(page), 2);

    item = arc_timeline_page_at(page, 0);
    ck_assert_int_eq(arc_timeline_item_source(item), ARC_TIMELINE_EVENT);
    ck_assert_int_eq(arc_timeline_item_occurred_at(item), at(12, 0));
    ck_assert_ptr_null(arc_timeline_item_communication(item));
    event = arc_timeline_item_event(item);
    ck_assert_int_eq(arc_event_kind_of(event), ARC_EVENT_INVOICE_ISSUED);
    ck_assert_int_eq(arc_event_customer_id(event), acme);
    ck_assert_int_eq(arc_event_amount(event), 30000);
    ck_assert_str_eq(arc_event_detail(event), "INV-000004");

    item = arc_timeline_page_at(page, 1);
    ck_assert_int_eq(arc_timeline_item_source(item), ARC_TIMELINE_COMMUNICATION);
    ck_assert_int_eq(arc_timeline_item_occurred_at(item), at(11, 0));
    ck_assert_ptr_null(arc_timeline_item_event(item));
    ck_assert_int_eq(arc_communication_id(arc_timeline_item_communication(item)),
                     notes[3]);
    ck_assert_int_eq(arc_communication_customer_id(arc_timeline_item_communication(item)),
                     acme);
    ck_assert_str_eq(arc_communication_body(arc_timeline_item_communication(item)),
                     "Called about the open balance");

    ck_assert_ptr_null(arc_timeline_page_at(page, 2));
    arc_timeline_page_free(page);
}
END_TEST

/* Walk ACME's timeline @p limit items at a time and check that the pages
 * together describe @p expected, in as few pages as @p limit allows. */
static void walk(unsigned int limit, const char *expected, size_t item_count)
{
    static char text[8192];
    arc_timeline_opts opts = customer_opts(acme, limit);
    arc_timeline_page *page;
    size_t pages = 0;

    text[0] = '\0';
    for (;;) {
        page = read_page(&opts);
        ck_assert_uint_le(arc_timeline_page_count(page), limit);
        if (arc_timeline_page_count(page) == 0)
            break;
        ck_assert_uint_lt(pages, item_count);
        if (text[0] != '\0')
            strcat(text, " ");
        strcat(text, describe(page));
        ck_assert_int_eq(arc_timeline_page_next(page, &opts), 1);
        arc_timeline_page_free(page);
        pages++;
    }
    ck_assert_int_eq(arc_timeline_page_next(page, &opts), 0);
    arc_timeline_page_free(page);
    ck_assert_str_eq(text, expected);
    ck_assert_uint_eq(pages, (item_count + limit - 1) / limit);
}

START_TEST(pages_of_every_size_cover_each_item_once)
{
    record_mix();
    for (unsigned int limit = 1; limit <= 10; limit++)
        walk(limit, MIX, 9);
}
END_TEST

/* Dated back to the instant of an event journaled earlier, a communication
 * has a higher id than that event: paging must still put the event first
 * and show each once. */
START_TEST(backdated_communication_at_an_event_instant_pages_once)
{
    static const char expected[] = "c5@11:04 c4@11:03 c3@11:02 c2@11:01 c1@11:00"
                                   " invoice.issued@10:00 c6@10:00";
    arc_timeline_opts opts = customer_opts(acme, 0);
    arc_timeline_page *page;

    clock_at(10, 0);
    test_invoice(db, acme, "2026-03-01", 10000);
    clock_at(11, 0);
    for (int i = 0; i < 5; i++)
        note(acme, at(11, i), 0, 0);
    note(acme, at(10, 0), 0, 0);

    page = read_page(&opts);
    ck_assert_str_eq(describe(page), expected);
    ck_assert_int_lt(arc_event_id(arc_timeline_item_event(arc_timeline_page_at(page, 5))),
                     notes[5]);
    arc_timeline_page_free(page);
    for (unsigned int limit = 1; limit <= 8; limit++)
        walk(limit, expected, 7);
}
END_TEST

START_TEST(page_next_sets_the_cursor_to_the_last_item)
{
    arc_timeline_opts opts = customer_opts(acme, 3);
    arc_timeline_page *page;

    record_mix();
    page = read_page(&opts);
    ck_assert_str_eq(describe(page),
                     "invoice.issued@12:00 c4@11:00 payment.received@10:00");
    ck_assert_int_eq(arc_timeline_page_next(page, &opts), 1);
    ck_assert_int_eq(opts.before_occurred_at, at(10, 0));
    ck_assert_int_eq(opts.before_source, ARC_TIMELINE_EVENT);
    ck_assert_int_eq(opts.before_id, arc_event_id(arc_timeline_item_event(
                                         arc_timeline_page_at(page, 2))));
    ck_assert_int_eq(opts.customer_id, acme);
    ck_assert_uint_eq(opts.limit, 3);
    arc_timeline_page_free(page);

    page = read_page(&opts);
    ck_assert_str_eq(describe(page),
                     "invoice.issued@10:00 c3@10:00 invoice.issued@09:00");
    arc_timeline_page_free(page);

    opts.before_occurred_at = at(10, 0);
    opts.before_source = ARC_TIMELINE_COMMUNICATION;
    opts.before_id = 3;
    page = read_page(&opts);
    ck_assert_str_eq(describe(page), "invoice.issued@09:00 c2@09:00 c1@09:00");
    arc_timeline_page_free(page);

    page = read_page(&opts);
    ck_assert_int_eq(arc_timeline_page_next(page, NULL), 0);
    ck_assert_int_eq(arc_timeline_page_next(NULL, &opts), 0);
    arc_timeline_page_free(page);
}
END_TEST

START_TEST(items_recorded_between_pages_neither_repeat_nor_shift)
{
    arc_timeline_opts opts = customer_opts(acme, 4);
    arc_timeline_page *page;

    record_mix();
    page = read_page(&opts);
    ck_assert_str_eq(describe(page),
                     "invoice.issued@12:00 c4@11:00 payment.received@10:00"
                     " invoice.issued@10:00");
    ck_assert_int_eq(arc_timeline_page_next(page, &opts), 1);
    arc_timeline_page_free(page);

    clock_at(13, 0);
    test_invoice(db, acme, "2026-03-04", 500);
    note(acme, at(13, 0), 0, 0);

    page = read_page(&opts);
    ck_assert_str_eq(describe(page), "c3@10:00 invoice.issued@09:00 c2@09:00 c1@09:00");
    ck_assert_int_eq(arc_timeline_page_next(page, &opts), 1);
    arc_timeline_page_free(page);

    page = read_page(&opts);
    ck_assert_str_eq(describe(page), "c6@08:00");
    arc_timeline_page_free(page);
}
END_TEST

START_TEST(limit_zero_reads_fifty_and_the_limit_is_kept)
{
    arc_timeline_opts opts = customer_opts(acme, 0);
    arc_timeline_page *page;

    clock_at(8, 0);
    test_invoice(db, acme, "2026-03-01", 10000);
    for (int i = 0; i < 60; i++)
        note(acme, at(9, i), 0, 0);

    page = read_page(&opts);
    ck_assert_uint_eq(arc_timeline_page_count(page), 50);
    ck_assert_int_eq(arc_timeline_item_occurred_at(arc_timeline_page_at(page, 0)),
                     at(9, 59));
    ck_assert_int_eq(arc_timeline_item_occurred_at(arc_timeline_page_at(page, 49)),
                     at(9, 10));
    arc_timeline_page_free(page);

    opts.limit = ARC_TIMELINE_MAX_LIMIT;
    page = read_page(&opts);
    ck_assert_uint_eq(arc_timeline_page_count(page), 61);
    ck_assert_int_eq(arc_timeline_item_source(arc_timeline_page_at(page, 60)),
                     ARC_TIMELINE_EVENT);
    arc_timeline_page_free(page);

    opts.limit = 7;
    page = read_page(&opts);
    ck_assert_uint_eq(arc_timeline_page_count(page), 7);
    arc_timeline_page_free(page);
}
END_TEST

START_TEST(another_customers_items_never_appear)
{
    arc_timeline_opts opts = customer_opts(globex, 0);

    record_mix();
    expect_timeline(&opts, "c5@11:00 invoice.issued@09:00");
}
END_TEST

START_TEST(customer_without_items_has_an_empty_page)
{
    arc_timeline_opts opts = customer_opts(globex, 0);
    arc_timeline_page *page = read_page(&opts);

    ck_assert_uint_eq(arc_timeline_page_count(page), 0);
    ck_assert_ptr_null(arc_timeline_page_at(page, 0));
    ck_assert_int_eq(arc_timeline_page_next(page, &opts), 0);
    ck_assert_int_eq(opts.before_id, 0);
    arc_timeline_page_free(page);
}
END_TEST

/* Bookkeeping leaves events that a collector does not need on the timeline:
 * the account's changes, drafts, applications, reviews, and the journal's
 * own record of each communication. */
START_TEST(bookkeeping_events_stay_off_the_customer_timeline)
{
    arc_customer_opts customer = ARC_CUSTOMER_OPTS_INIT;
    arc_contact_opts contact = ARC_CONTACT_OPTS_INIT;
    arc_dispute_resolution resolution = ARC_DISPUTE_RESOLUTION_INIT;
    arc_credit_memo_opts memo = ARC_CREDIT_MEMO_OPTS_INIT;
    arc_invoice_line_opts line = ARC_INVOICE_LINE_OPTS_INIT;
    arc_invoice_opts draft = ARC_INVOICE_OPTS_INIT;
    arc_timeline_opts opts = customer_opts(acme, 0);
    arc_id invoice, voided, draft_id, payment, memo_id, dispute;

    clock_at(9, 0);
    customer.name = "ACME Corporation";
    ck_assert_ok(arc_customer_update(db, acme, &customer, ARC_CUSTOMER_FIELD_NAME));
    contact.name = "Pat Payables";
    ck_assert_ok(arc_contact_add(NULL, db, acme, &contact));
    line.description = "Onboarding";
    line.unit_price = 900;
    draft.customer_id = acme;
    draft.lines = &line;
    draft.line_count = 1;
    ck_assert_ok(arc_invoice_create(&draft_id, db, &draft));
    ck_assert_ok(arc_invoice_delete(db, draft_id));

    clock_at(10, 0);
    invoice = test_invoice(db, acme, "2026-03-01", 10000);
    voided = test_invoice(db, acme, "2026-03-01", 5000);
    clock_at(10, 30);
    ck_assert_ok(arc_invoice_void(db, voided, ARC_DATE_NONE, "Billed twice"));

    clock_at(11, 0);
    payment = pay(acme, 4000, true);
    clock_at(11, 30);
    ck_assert_ok(arc_payment_reverse(db, payment, ARC_DATE_NONE, "R01"));

    clock_at(12, 0);
    memo.customer_id = acme;
    memo.amount = 700;
    ck_assert_ok(arc_credit_memo_create(&memo_id, db, &memo));
    clock_at(12, 30);
    ck_assert_ok(arc_credit_memo_void(db, memo_id, ARC_DATE_NONE, "Issued in error"));

    clock_at(13, 0);
    dispute = open_dispute(invoice, 2000);
    clock_at(13, 10);
    ck_assert_ok(arc_dispute_review(db, dispute, "dana"));
    clock_at(13, 20);
    resolution.outcome = ARC_DISPUTE_REJECTED;
    resolution.resolved_by = "kim";
    ck_assert_ok(arc_dispute_resolve(db, dispute, &resolution));
    clock_at(13, 30);
    ck_assert_ok(arc_dispute_reopen(db, dispute, "kim", "New evidence"));

    clock_at(14, 0);
    note(acme, 0, invoice, dispute);

    expect_timeline(&opts, "c1@14:00 dispute.reopened@13:30 dispute.resolved@13:20"
                           " dispute.opened@13:00 credit_memo.voided@12:30"
                           " credit_memo.created@12:00 payment.reversed@11:30"
                           " payment.received@11:00 invoice.voided@10:30"
                           " invoice.issued@10:00 invoice.issued@10:00");
}
END_TEST

/* Append an event of every kind for ACME straight into the journal, kind k
 * at 00:k, as if every module had written one. */
static void journal_every_kind(void)
{
    static const char SQL[] = "INSERT INTO events (kind, occurred_at, record_id,"
                              " customer_id, invoice_id, dispute_id)"
                              " VALUES (?1, ?2, 1, ?3, NULL, NULL)";
    sqlite3 *conn = NULL;
    sqlite3_stmt *stmt = NULL;

    ck_assert_int_eq(sqlite3_open(test_book_file(db), &conn), SQLITE_OK);
    ck_assert_int_eq(sqlite3_prepare_v2(conn, SQL, -1, &stmt, NULL), SQLITE_OK);
    for (int kind = 0; arc_event_kind_name((arc_event_kind)kind) != NULL; kind++) {
        char when[32];

        snprintf(when, sizeof(when), "2026-03-15T00:%02d:00Z", kind);
        sqlite3_bind_text(stmt, 1, arc_event_kind_name((arc_event_kind)kind), -1,
                          SQLITE_STATIC);
        sqlite3_bind_text(stmt, 2, when, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(stmt, 3, acme);
        ck_assert_int_eq(sqlite3_step(stmt), SQLITE_DONE);
        sqlite3_reset(stmt);
    }
    sqlite3_finalize(stmt);
    sqlite3_close(conn);
}

START_TEST(customer_timeline_shows_only_the_account_kinds)
{
    arc_timeline_opts opts = customer_opts(acme, ARC_TIMELINE_MAX_LIMIT);

    journal_every_kind();
    expect_timeline(&opts, "dispute.alert@00:27 dispute.overdue@00:26"
                           " invoice.overdue@00:25 dispute.reopened@00:20"
                           " dispute.resolved@00:19 dispute.escalated@00:18"
                           " dispute.opened@00:15 credit_memo.voided@00:14"
                           " credit_memo.created@00:12 payment.reversed@00:11"
                           " payment.received@00:09 invoice.written_off@00:08"
                           " invoice.voided@00:07 invoice.issued@00:05");
}
END_TEST

START_TEST(invoice_timeline_has_the_events_naming_it_and_its_communications)
{
    arc_timeline_opts opts = ARC_TIMELINE_OPTS_INIT;
    arc_id first, second;

    clock_at(9, 0);
    first = test_invoice(db, acme, "2026-03-01", 10000);
    second = test_invoice(db, acme, "2026-03-01", 8000);
    clock_at(10, 0);
    pay(acme, 4000, true);
    clock_at(11, 0);
    note(acme, at(10, 30), first, 0);
    note(acme, at(10, 45), second, 0);
    clock_at(11, 30);
    open_dispute(first, 1000);

    opts.invoice_id = first;
    expect_timeline(&opts, "dispute.opened@11:30 c1@10:30 payment.applied@10:00"
                           " invoice.issued@09:00");
    opts.invoice_id = second;
    expect_timeline(&opts, "c2@10:45 invoice.issued@09:00");

    opts.invoice_id = 0;
    opts.customer_id = acme;
    expect_timeline(&opts, "dispute.opened@11:30 c2@10:45 c1@10:30"
                           " payment.received@10:00 invoice.issued@09:00"
                           " invoice.issued@09:00");
}
END_TEST

START_TEST(dispute_timeline_has_the_events_naming_it_and_its_communications)
{
    arc_dispute_resolution resolution = ARC_DISPUTE_RESOLUTION_INIT;
    arc_timeline_opts opts = ARC_TIMELINE_OPTS_INIT;
    arc_id invoice, first, second;

    clock_at(9, 0);
    invoice = test_invoice(db, acme, "2026-03-01", 10000);
    clock_at(10, 0);
    first = open_dispute(invoice, 2000);
    second = open_dispute(invoice, 3000);
    clock_at(11, 0);
    ck_assert_ok(arc_dispute_review(db, first, "dana"));
    clock_at(12, 0);
    ck_assert_ok(arc_dispute_escalate(db, first, "lee"));
    clock_at(13, 0);
    note(acme, at(12, 30), 0, first);
    note(acme, at(12, 40), 0, second);
    clock_at(14, 0);
    resolution.outcome = ARC_DISPUTE_WITHDRAWN;
    resolution.resolved_by = "kim";
    ck_assert_ok(arc_dispute_resolve(db, first, &resolution));

    opts.dispute_id = first;
    expect_timeline(&opts, "dispute.resolved@14:00 c1@12:30 dispute.escalated@12:00"
                           " dispute.reviewed@11:00 dispute.opened@10:00");
    opts.dispute_id = second;
    expect_timeline(&opts, "c2@12:40 dispute.opened@10:00");

    opts.limit = 1;
    opts.dispute_id = first;
    opts.before_occurred_at = at(12, 30);
    opts.before_source = ARC_TIMELINE_COMMUNICATION;
    opts.before_id = 1;
    expect_timeline(&opts, "dispute.escalated@12:00");
}
END_TEST

START_TEST(dispute_description_follows_its_opening_on_each_timeline)
{
    arc_dispute_opts dispute = ARC_DISPUTE_OPTS_INIT;
    arc_timeline_opts opts = ARC_TIMELINE_OPTS_INIT;
    arc_id invoice;

    clock_at(9, 0);
    invoice = test_invoice(db, acme, "2026-03-01", 10000);
    clock_at(10, 0);
    dispute.invoice_id = invoice;
    dispute.reason_code = "PRICING";
    dispute.amount = 2500;
    dispute.opened_by = "dana";
    dispute.description = "Billed for 40 seats, the contract says 30";
    ck_assert_ok(arc_dispute_open(&opts.dispute_id, db, &dispute));

    expect_timeline(&opts, "dispute.opened@10:00 c(Dispute opened)@10:00");
    opts.dispute_id = 0;
    opts.invoice_id = invoice;
    expect_timeline(&opts,
                    "dispute.opened@10:00 c(Dispute opened)@10:00 invoice.issued@09:00");
    opts.invoice_id = 0;
    opts.customer_id = acme;
    expect_timeline(&opts,
                    "dispute.opened@10:00 c(Dispute opened)@10:00 invoice.issued@09:00");
}
END_TEST

/* Ask for a timeline expecting @p code and a message mentioning @p mention. */
static void refused(const arc_timeline_opts *opts, int code, const char *mention)
{
    arc_timeline_page *page = NULL;

    ck_assert_rc(arc_timeline(&page, db, opts), code);
    ck_assert_ptr_null(page);
    ck_assert_error_mentions(mention);
}

START_TEST(bad_options_are_refused_naming_the_field)
{
    arc_timeline_opts opts = customer_opts(acme, 0);
    arc_timeline_page *page = NULL;

    ck_assert_rc(arc_timeline(NULL, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("out");
    ck_assert_rc(arc_timeline(&page, NULL, &opts), ARC_EINVAL);
    ck_assert_error_mentions("db");
    refused(NULL, ARC_EINVAL, "opts");

    opts.version = 2;
    refused(&opts, ARC_EVERSION, "version 2");
    opts = customer_opts(0, 0);
    refused(&opts, ARC_EINVAL, "give exactly one, not 0");
    opts.customer_id = acme;
    opts.invoice_id = 1;
    refused(&opts, ARC_EINVAL, "give exactly one, not 2");

    opts = customer_opts(-1, 0);
    refused(&opts, ARC_EINVAL, "customer_id: must not be negative");
    opts = customer_opts(0, 0);
    opts.invoice_id = -5;
    refused(&opts, ARC_EINVAL, "invoice_id: must not be negative");
    opts.invoice_id = 0;
    opts.dispute_id = -5;
    refused(&opts, ARC_EINVAL, "dispute_id: must not be negative");
    opts = customer_opts(acme, 0);
    opts.before_id = -1;
    refused(&opts, ARC_EINVAL, "before_id: must not be negative");

    opts = customer_opts(acme, ARC_TIMELINE_MAX_LIMIT + 1);
    refused(&opts, ARC_EINVAL, "limit: at most 1000, not 1001");
    opts = customer_opts(acme, 0);
    opts.before_source = (arc_timeline_source)2;
    refused(&opts, ARC_EINVAL, "before_source: unknown value 2");
    opts.before_source = (arc_timeline_source)-1;
    refused(&opts, ARC_EINVAL, "before_source: unknown value -1");
    opts = customer_opts(acme, 0);
    opts.before_id = 3;
    opts.before_occurred_at = (arc_time)-70000000000LL;
    refused(&opts, ARC_EINVAL, "before_occurred_at");
}
END_TEST

START_TEST(unknown_customer_invoice_or_dispute_is_not_found)
{
    arc_timeline_opts opts = customer_opts(999, 0);

    refused(&opts, ARC_ENOTFOUND, "timeline: customer 999: not found");
    opts = customer_opts(0, 0);
    opts.invoice_id = 42;
    refused(&opts, ARC_ENOTFOUND, "timeline: invoice 42: not found");
    opts.invoice_id = 0;
    opts.dispute_id = 7;
    refused(&opts, ARC_ENOTFOUND, "timeline: dispute 7: not found");
}
END_TEST

START_TEST(timeline_reads_inside_the_hosts_transaction)
{
    arc_timeline_opts opts = customer_opts(acme, 0);

    ck_assert_ok(arc_tx_begin(db));
    clock_at(9, 0);
    test_invoice(db, acme, "2026-03-01", 10000);
    note(acme, at(9, 30), 0, 0);
    expect_timeline(&opts, "c1@09:30 invoice.issued@09:00");
    ck_assert_ok(arc_tx_rollback(db));
    expect_timeline(&opts, "");
}
END_TEST

START_TEST(null_items_and_pages_read_as_empty)
{
    ck_assert_uint_eq(arc_timeline_page_count(NULL), 0);
    ck_assert_ptr_null(arc_timeline_page_at(NULL, 0));
    ck_assert_int_eq(arc_timeline_item_source(NULL), ARC_TIMELINE_COMMUNICATION);
    ck_assert_int_eq(arc_timeline_item_occurred_at(NULL), 0);
    ck_assert_ptr_null(arc_timeline_item_communication(NULL));
    ck_assert_ptr_null(arc_timeline_item_event(NULL));
    arc_timeline_page_free(NULL);
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("timeline");
    TCase *merging = tcase_create("merging");
    TCase *paging = tcase_create("paging");
    TCase *scopes = tcase_create("scopes");
    TCase *refusals = tcase_create("refusals");
    TCase *file = tcase_create("file");
    TCase *all[] = { merging, paging, scopes, refusals, file };

    for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++)
        tcase_add_checked_fixture(all[i], setup, teardown);

    tcase_add_test(merging,
                   customer_timeline_merges_newest_first_events_before_communications);
    tcase_add_test(merging, items_expose_their_communication_or_event);
    tcase_add_test(merging, bookkeeping_events_stay_off_the_customer_timeline);
    tcase_add_test(merging, timeline_reads_inside_the_hosts_transaction);
    suite_add_tcase(suite, merging);

    tcase_add_test(paging, pages_of_every_size_cover_each_item_once);
    tcase_add_test(paging, backdated_communication_at_an_event_instant_pages_once);
    tcase_add_test(paging, page_next_sets_the_cursor_to_the_last_item);
    tcase_add_test(paging, items_recorded_between_pages_neither_repeat_nor_shift);
    tcase_add_test(paging, limit_zero_reads_fifty_and_the_limit_is_kept);
    suite_add_tcase(suite, paging);

    tcase_add_test(scopes, another_customers_items_never_appear);
    tcase_add_test(scopes, customer_without_items_has_an_empty_page);
    tcase_add_test(scopes,
                   invoice_timeline_has_the_events_naming_it_and_its_communications);
    tcase_add_test(scopes,
                   dispute_timeline_has_the_events_naming_it_and_its_communications);
    tcase_add_test(scopes, dispute_description_follows_its_opening_on_each_timeline);
    suite_add_tcase(suite, scopes);

    tcase_add_test(refusals, bad_options_are_refused_naming_the_field);
    tcase_add_test(refusals, unknown_customer_invoice_or_dispute_is_not_found);
    tcase_add_test(refusals, null_items_and_pages_read_as_empty);
    suite_add_tcase(suite, refusals);

    /* Every kind the SQLite journal can hold, written into its file. */
    tcase_set_tags(file, TEST_TAG_SQLITE);
    tcase_add_test(file, customer_timeline_shows_only_the_account_kinds);
    suite_add_tcase(suite, file);
    return test_run_suite(suite);
}
