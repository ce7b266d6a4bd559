/*
 * Communications: what each channel keeps, email threads, links to
 * invoices and disputes, the refusals that leave the book unchanged, lists
 * newest first, and full-text search.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "arcollect/communication.h"
#include "arcollect/dispute.h"

static arc_db *db;
static arc_id acme, globex;

static void setup(void)
{
    db = test_open_book("2026-03-15");
    acme = test_customer(db, "ACME", "USD");
    globex = test_customer(db, "GLOBEX", "USD");
}

static void teardown(void)
{
    test_close_book(db);
}

/* 2026-03-<day> at hh:mm UTC. */
static arc_time at(int day, int hour, int minute)
{
    char date[16];

    snprintf(date, sizeof(date), "2026-03-%02d", day);
    return (arc_time)test_date(date) * 86400 + hour * 3600 + minute * 60;
}

static arc_communication_opts note_for(arc_id customer, const char *body)
{
    arc_communication_opts opts = ARC_COMMUNICATION_OPTS_INIT;

    opts.customer_id = customer;
    opts.channel = ARC_CHANNEL_NOTE;
    opts.direction = ARC_DIRECTION_INTERNAL;
    opts.user = "lee";
    opts.body = body;
    return opts;
}

static arc_communication_opts email_for(arc_id customer, const char *message_id,
                                        const char *in_reply_to, arc_time when)
{
    arc_communication_opts opts = ARC_COMMUNICATION_OPTS_INIT;

    opts.customer_id = customer;
    opts.channel = ARC_CHANNEL_EMAIL;
    opts.occurred_at = when;
    opts.subject = "Invoice INV-000001";
    opts.body = "Please see the attached statement.";
    opts.email_from = "ap@acme.example";
    opts.email_to = "billing@provider.example";
    opts.message_id = message_id;
    opts.in_reply_to = in_reply_to;
    return opts;
}

static arc_id record(const arc_communication_opts *opts)
{
    arc_id id = 0;

    ck_assert_ok(arc_communication_record(&id, db, opts));
    ck_assert_int_gt(id, 0);
    return id;
}

static arc_communication *lookup(arc_id id)
{
    arc_communication *communication = NULL;

    ck_assert_ok(arc_communication_lookup(&communication, db, id));
    ck_assert_ptr_nonnull(communication);
    return communication;
}

/* What the book holds of communications as the API shows it: each
 * communication, its invoice links and its chat messages. */
static int64_t stored_records(void)
{
    arc_communication_list_opts opts = ARC_COMMUNICATION_LIST_OPTS_INIT;
    arc_communication_page *page = NULL;
    int64_t records = 0;
    size_t count;

    opts.limit = ARC_LIST_MAX_LIMIT;
    do {
        ck_assert_ok(arc_communication_list(&page, db, &opts));
        count = arc_communication_page_count(page);
        for (size_t i = 0; i < count; i++) {
            const arc_communication *item = arc_communication_page_at(page, i);

            records += 1 + (int64_t)arc_communication_invoice_count(item) +
                       (int64_t)arc_communication_chat_message_count(item);
            opts.before_occurred_at = arc_communication_occurred_at(item);
            opts.before_id = arc_communication_id(item);
        }
        arc_communication_page_free(page);
    } while (count == opts.limit);
    return records;
}

/* Rows in the communication tables and the search index, read through a
 * connection of its own; on other backends, the records the API shows. */
static int64_t stored_rows(void)
{
    static const char SQL[] = "SELECT (SELECT count(*) FROM communications)"
                              " + (SELECT count(*) FROM communication_invoices)"
                              " + (SELECT count(*) FROM chat_messages)"
                              " + (SELECT count(*) FROM communications_fts_docsize)";
    sqlite3 *conn = NULL;
    sqlite3_stmt *stmt = NULL;
    int64_t rows;

    if (!test_backend_is("sqlite"))
        return stored_records();
    ck_assert_int_eq(
        sqlite3_open_v2(test_book_file(db), &conn, SQLITE_OPEN_READONLY, NULL),
        SQLITE_OK);
    ck_assert_int_eq(sqlite3_prepare_v2(conn, SQL, -1, &stmt, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(stmt), SQLITE_ROW);
    rows = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_close(conn);
    return rows;
}

/* Record @p opts expecting @p code, and check that nothing was written. */
static void refused(const arc_communication_opts *opts, int code, const char *mention)
{
    int64_t before = stored_rows();
    arc_id id = -1;

    ck_assert_rc(arc_communication_record(&id, db, opts), code);
    ck_assert_int_eq(id, -1);
    ck_assert_error_mentions(mention);
    ck_assert_int_eq(stored_rows(), before);
}

static arc_communication_page *customer_page(arc_id customer, arc_time before_at,
                                             arc_id before_id, unsigned int limit)
{
    arc_communication_list_opts opts = ARC_COMMUNICATION_LIST_OPTS_INIT;
    arc_communication_page *page = NULL;

    opts.customer_id = customer;
    opts.before_occurred_at = before_at;
    opts.before_id = before_id;
    opts.limit = limit;
    ck_assert_ok(arc_communication_list(&page, db, &opts));
    return page;
}

static arc_communication_hit_page *search(const char *query, arc_id customer)
{
    arc_communication_search_opts opts = ARC_COMMUNICATION_SEARCH_OPTS_INIT;
    arc_communication_hit_page *hits = NULL;

    opts.customer_id = customer;
    ck_assert_ok(arc_communication_search(&hits, db, query, &opts));
    return hits;
}

static arc_id hit_id(const arc_communication_hit_page *hits, size_t index)
{
    return arc_communication_hit_id(arc_communication_hit_page_at(hits, index));
}

START_TEST(email_keeps_every_header_and_its_body)
{
    arc_communication_opts opts =
        email_for(acme, "<a1@acme.example>", NULL, at(2, 9, 30));
    arc_communication *email;
    arc_id id;

    opts.direction = ARC_DIRECTION_INBOUND;
    opts.user = "lee";
    opts.email_cc = "cfo@acme.example, ops@acme.example";
    id = record(&opts);

    email = lookup(id);
    ck_assert_int_eq(arc_communication_id(email), id);
    ck_assert_int_eq(arc_communication_customer_id(email), acme);
    ck_assert_int_eq(arc_communication_channel_of(email), ARC_CHANNEL_EMAIL);
    ck_assert_int_eq(arc_communication_direction_of(email), ARC_DIRECTION_INBOUND);
    ck_assert_int_eq(arc_communication_occurred_at(email), at(2, 9, 30));
    ck_assert_int_eq(arc_communication_created_at(email), at(15, 12, 0));
    ck_assert_str_eq(arc_communication_user(email), "lee");
    ck_assert_str_eq(arc_communication_subject(email), "Invoice INV-000001");
    ck_assert_str_eq(arc_communication_body(email), "Please see the attached statement.");
    ck_assert_str_eq(arc_communication_email_from(email), "ap@acme.example");
    ck_assert_str_eq(arc_communication_email_to(email), "billing@provider.example");
    ck_assert_str_eq(arc_communication_email_cc(email),
                     "cfo@acme.example, ops@acme.example");
    ck_assert_str_eq(arc_communication_message_id(email), "<a1@acme.example>");
    ck_assert_ptr_null(arc_communication_in_reply_to(email));
    ck_assert_str_eq(arc_communication_thread_id(email), "<a1@acme.example>");
    ck_assert_ptr_null(arc_communication_phone_number(email));
    ck_assert_int_eq(arc_communication_call_outcome(email), ARC_CALL_NO_OUTCOME);
    ck_assert_uint_eq(arc_communication_chat_message_count(email), 0);
    ck_assert_uint_eq(arc_communication_invoice_count(email), 0);
    ck_assert_int_eq(arc_communication_dispute_id(email), 0);
    arc_communication_free(email);
}
END_TEST

START_TEST(call_keeps_number_duration_and_outcome)
{
    static const arc_call_outcome outcomes[] = { ARC_CALL_REACHED, ARC_CALL_VOICEMAIL,
                                                 ARC_CALL_NO_ANSWER,
                                                 ARC_CALL_PROMISE_TO_PAY,
                                                 ARC_CALL_REFUSED };

    for (size_t i = 0; i < sizeof(outcomes) / sizeof(outcomes[0]); i++) {
        arc_communication_opts opts = ARC_COMMUNICATION_OPTS_INIT;
        arc_communication *call;

        opts.customer_id = acme;
        opts.channel = ARC_CHANNEL_CALL;
        opts.direction = ARC_DIRECTION_OUTBOUND;
        opts.occurred_at = at(3, 14, (int)i);
        opts.user = "kim";
        opts.phone_number = "+1 555 0100";
        opts.call_duration = 65 + (int64_t)i;
        opts.call_outcome = outcomes[i];
        opts.body = i == 0 ? "Will pay Friday" : NULL;

        call = lookup(record(&opts));
        ck_assert_int_eq(arc_communication_channel_of(call), ARC_CHANNEL_CALL);
        ck_assert_int_eq(arc_communication_direction_of(call), ARC_DIRECTION_OUTBOUND);
        ck_assert_str_eq(arc_communication_phone_number(call), "+1 555 0100");
        ck_assert_int_eq(arc_communication_call_duration(call), 65 + (int64_t)i);
        ck_assert_int_eq(arc_communication_call_outcome(call), outcomes[i]);
        ck_assert_int_eq(arc_communication_occurred_at(call), at(3, 14, (int)i));
        if (i == 0)
            ck_assert_str_eq(arc_communication_body(call), "Will pay Friday");
        else
            ck_assert_ptr_null(arc_communication_body(call));
        ck_assert_ptr_null(arc_communication_thread_id(call));
        arc_communication_free(call);
    }
}
END_TEST

START_TEST(chat_keeps_its_transcript_in_the_order_sent)
{
    const char *authors[] = { "Dana (ACME)", "lee", "Dana (ACME)" };
    const char *texts[] = { "Why is INV-000001 so high?",
                            "It includes the March upgrade.",
                            "Then we dispute the upgrade." };
    const arc_time times[] = { at(4, 10, 0), at(4, 10, 2), 0 };
    arc_communication_opts opts = ARC_COMMUNICATION_OPTS_INIT;
    arc_communication *chat;

    opts.customer_id = acme;
    opts.channel = ARC_CHANNEL_CHAT;
    opts.occurred_at = at(4, 9, 59);
    opts.chat_authors = authors;
    opts.chat_texts = texts;
    opts.chat_times = times;
    opts.chat_message_count = 3;

    chat = lookup(record(&opts));
    ck_assert_uint_eq(arc_communication_chat_message_count(chat), 3);
    for (size_t i = 0; i < 3; i++) {
        ck_assert_str_eq(arc_communication_chat_author_at(chat, i), authors[i]);
        ck_assert_str_eq(arc_communication_chat_text_at(chat, i), texts[i]);
    }
    ck_assert_int_eq(arc_communication_chat_time_at(chat, 0), at(4, 10, 0));
    ck_assert_int_eq(arc_communication_chat_time_at(chat, 1), at(4, 10, 2));
    ck_assert_int_eq(arc_communication_chat_time_at(chat, 2), at(4, 9, 59));
    ck_assert_ptr_null(arc_communication_chat_author_at(chat, 3));
    ck_assert_ptr_null(arc_communication_chat_text_at(chat, 3));
    ck_assert_int_eq(arc_communication_chat_time_at(chat, 3), 0);
    arc_communication_free(chat);
}
END_TEST

START_TEST(notes_letters_sms_and_portal_messages_keep_body_and_subject)
{
    static const arc_communication_channel channels[] = {
        ARC_CHANNEL_NOTE, ARC_CHANNEL_LETTER, ARC_CHANNEL_SMS, ARC_CHANNEL_PORTAL
    };

    for (size_t i = 0; i < 4; i++) {
        arc_communication_opts opts = note_for(acme, "Reminder: INV-000001 is due.");
        arc_communication *communication;

        opts.channel = channels[i];
        opts.direction = ARC_DIRECTION_OUTBOUND;
        opts.subject = i % 2 ? "Payment reminder" : NULL;
        communication = lookup(record(&opts));
        ck_assert_int_eq(arc_communication_channel_of(communication), channels[i]);
        ck_assert_str_eq(arc_communication_body(communication),
                         "Reminder: INV-000001 is due.");
        if (i % 2)
            ck_assert_str_eq(arc_communication_subject(communication),
                             "Payment reminder");
        else
            ck_assert_ptr_null(arc_communication_subject(communication));
        arc_communication_free(communication);
    }
}
END_TEST

START_TEST(occurred_at_defaults_to_the_book_clock)
{
    arc_communication_opts opts = note_for(acme, "Called the front desk.");
    arc_communication *note = lookup(record(&opts));

    ck_assert_int_eq(arc_communication_occurred_at(note), at(15, 12, 0));
    arc_communication_free(note);
}
END_TEST

START_TEST(email_thread_is_rebuilt_over_three_replies)
{
    arc_communication_opts root = email_for(acme, "<r@x>", NULL, at(1, 8, 0));
    arc_communication_opts first = email_for(acme, "<r1@x>", "<r@x>", at(1, 9, 0));
    arc_communication_opts second = email_for(acme, "<r2@x>", "<r1@x>", at(2, 9, 0));
    arc_communication_opts third = email_for(acme, "<r3@x>", "<r2@x>", at(3, 9, 0));
    arc_communication_opts other = email_for(acme, "<o@x>", NULL, at(1, 10, 0));
    arc_communication_page *thread = NULL;
    arc_id ids[4];

    ids[0] = record(&root);
    record(&other);
    ids[2] = record(&second); /* recorded out of order */
    ids[1] = record(&first);
    ids[3] = record(&third);

    ck_assert_ok(arc_communication_thread(&thread, db, ids[3]));
    ck_assert_uint_eq(arc_communication_page_count(thread), 4);
    for (size_t i = 0; i < 4; i++) {
        const arc_communication *email = arc_communication_page_at(thread, i);

        ck_assert_int_eq(arc_communication_id(email), ids[i]);
        ck_assert_str_eq(arc_communication_thread_id(email), "<r@x>");
    }
    arc_communication_page_free(thread);

    ck_assert_ok(arc_communication_thread(&thread, db, ids[0]));
    ck_assert_uint_eq(arc_communication_page_count(thread), 4);
    ck_assert_str_eq(arc_communication_message_id(arc_communication_page_at(thread, 3)),
                     "<r3@x>");
    arc_communication_page_free(thread);
}
END_TEST

START_TEST(replies_recorded_newest_first_still_form_one_thread)
{
    arc_communication_opts root = email_for(acme, "<n@x>", NULL, at(1, 8, 0));
    arc_communication_opts first = email_for(acme, "<n1@x>", "<n@x>", at(1, 9, 0));
    arc_communication_opts second = email_for(acme, "<n2@x>", "<n1@x>", at(2, 9, 0));
    arc_communication_opts third = email_for(acme, "<n3@x>", "<n2@x>", at(3, 9, 0));
    arc_communication_page *thread = NULL;
    arc_id ids[4];

    ids[3] = record(&third);
    ids[2] = record(&second);
    ids[1] = record(&first);
    ids[0] = record(&root);

    ck_assert_ok(arc_communication_thread(&thread, db, ids[2]));
    ck_assert_uint_eq(arc_communication_page_count(thread), 4);
    for (size_t i = 0; i < 4; i++) {
        const arc_communication *email = arc_communication_page_at(thread, i);

        ck_assert_int_eq(arc_communication_id(email), ids[i]);
        ck_assert_str_eq(arc_communication_thread_id(email), "<n@x>");
    }
    arc_communication_page_free(thread);
}
END_TEST

START_TEST(email_without_message_id_is_a_thread_of_its_own)
{
    arc_communication_opts opts = email_for(acme, NULL, NULL, at(1, 8, 0));
    arc_communication_page *thread = NULL;
    arc_id id = record(&opts);

    ck_assert_ok(arc_communication_thread(&thread, db, id));
    ck_assert_uint_eq(arc_communication_page_count(thread), 1);
    ck_assert_int_eq(arc_communication_id(arc_communication_page_at(thread, 0)), id);
    ck_assert_ptr_null(arc_communication_thread_id(arc_communication_page_at(thread, 0)));
    arc_communication_page_free(thread);
}
END_TEST

START_TEST(thread_of_a_note_or_unknown_id_is_refused)
{
    arc_communication_opts opts = note_for(acme, "Left a message.");
    arc_communication_page *thread = NULL;
    arc_id id = record(&opts);

    ck_assert_rc(arc_communication_thread(&thread, db, id), ARC_EINVAL);
    ck_assert_error_mentions("is a note, not an email");
    ck_assert_rc(arc_communication_thread(&thread, db, 999), ARC_ENOTFOUND);
    ck_assert_error_mentions("communication 999");
    ck_assert_ptr_null(thread);
}
END_TEST

START_TEST(email_with_a_message_id_already_recorded_is_refused)
{
    arc_communication_opts opts = email_for(acme, "<dup@x>", NULL, at(1, 8, 0));

    record(&opts);
    refused(&opts, ARC_EEXISTS, "<dup@x>");
}
END_TEST

START_TEST(links_to_invoices_and_a_dispute_are_kept_and_listed)
{
    arc_id first = test_invoice(db, acme, "2026-03-01", 10000);
    arc_id second = test_invoice(db, acme, "2026-03-02", 20000);
    arc_id unlinked = test_invoice(db, acme, "2026-03-03", 30000);
    arc_dispute_opts dispute_opts = ARC_DISPUTE_OPTS_INIT;
    arc_communication_opts opts = note_for(acme, "Customer disputes the upgrade.");
    arc_communication_list_opts list = ARC_COMMUNICATION_LIST_OPTS_INIT;
    arc_communication_page *page = NULL;
    arc_communication *note;
    arc_id dispute = 0, linked, other;
    arc_id invoices[2];

    dispute_opts.invoice_id = second;
    dispute_opts.reason_code = "PRICING";
    dispute_opts.amount = 5000;
    dispute_opts.opened_by = "lee";
    ck_assert_ok(arc_dispute_open(&dispute, db, &dispute_opts));

    invoices[0] = second;
    invoices[1] = first;
    opts.invoice_ids = invoices;
    opts.invoice_count = 2;
    opts.dispute_id = dispute;
    opts.occurred_at = at(5, 10, 0);
    linked = record(&opts);
    opts.invoice_count = 1; /* the second invoice only, no dispute */
    opts.dispute_id = 0;
    opts.occurred_at = at(6, 10, 0);
    other = record(&opts);

    note = lookup(linked);
    ck_assert_uint_eq(arc_communication_invoice_count(note), 2);
    ck_assert_int_eq(arc_communication_invoice_at(note, 0), first);
    ck_assert_int_eq(arc_communication_invoice_at(note, 1), second);
    ck_assert_int_eq(arc_communication_invoice_at(note, 2), 0);
    ck_assert_int_eq(arc_communication_dispute_id(note), dispute);
    arc_communication_free(note);

    list.invoice_id = second;
    ck_assert_ok(arc_communication_list(&page, db, &list));
    ck_assert_uint_eq(arc_communication_page_count(page), 2);
    ck_assert_int_eq(arc_communication_id(arc_communication_page_at(page, 0)), other);
    ck_assert_int_eq(arc_communication_id(arc_communication_page_at(page, 1)), linked);
    arc_communication_page_free(page);

    list.invoice_id = first;
    ck_assert_ok(arc_communication_list(&page, db, &list));
    ck_assert_uint_eq(arc_communication_page_count(page), 1);
    ck_assert_int_eq(arc_communication_id(arc_communication_page_at(page, 0)), linked);
    arc_communication_page_free(page);

    list.invoice_id = unlinked;
    ck_assert_ok(arc_communication_list(&page, db, &list));
    ck_assert_uint_eq(arc_communication_page_count(page), 0);
    arc_communication_page_free(page);

    list.invoice_id = 0;
    list.dispute_id = dispute;
    ck_assert_ok(arc_communication_list(&page, db, &list));
    ck_assert_uint_eq(arc_communication_page_count(page), 1);
    ck_assert_int_eq(arc_communication_id(arc_communication_page_at(page, 0)), linked);
    ck_assert_uint_eq(arc_communication_invoice_count(arc_communication_page_at(page, 0)),
                      2);
    arc_communication_page_free(page);
}
END_TEST

START_TEST(another_customers_invoice_is_refused)
{
    arc_id ours = test_invoice(db, acme, "2026-03-01", 10000);
    arc_id theirs = test_invoice(db, globex, "2026-03-01", 10000);
    arc_communication_opts opts = note_for(acme, "About both invoices.");
    arc_id invoices[2] = { ours, theirs };

    opts.invoice_ids = invoices;
    opts.invoice_count = 2;
    refused(&opts, ARC_EINVAL, "invoice INV-000002 belongs to customer");
    ck_assert_error_mentions("invoice_ids");
}
END_TEST

START_TEST(another_customers_dispute_is_refused)
{
    arc_id theirs = test_invoice(db, globex, "2026-03-01", 10000);
    arc_dispute_opts dispute_opts = ARC_DISPUTE_OPTS_INIT;
    arc_communication_opts opts = note_for(acme, "About their dispute.");
    arc_id dispute = 0;

    dispute_opts.invoice_id = theirs;
    dispute_opts.reason_code = "PRICING";
    dispute_opts.amount = 100;
    dispute_opts.opened_by = "lee";
    ck_assert_ok(arc_dispute_open(&dispute, db, &dispute_opts));

    opts.dispute_id = dispute;
    refused(&opts, ARC_EINVAL, "dispute_id: dispute 1 belongs to customer");
}
END_TEST

START_TEST(unknown_customer_invoice_or_dispute_is_not_found)
{
    arc_communication_opts opts = note_for(999, "Nobody.");
    arc_id missing = 4242;

    refused(&opts, ARC_ENOTFOUND, "customer 999");

    opts = note_for(acme, "Unknown invoice.");
    opts.invoice_ids = &missing;
    opts.invoice_count = 1;
    refused(&opts, ARC_ENOTFOUND, "4242");

    opts = note_for(acme, "Unknown dispute.");
    opts.dispute_id = 77;
    refused(&opts, ARC_ENOTFOUND, "dispute 77");
}
END_TEST

START_TEST(invoice_named_twice_is_refused)
{
    arc_id invoice = test_invoice(db, acme, "2026-03-01", 10000);
    arc_id invoices[2] = { invoice, invoice };
    arc_communication_opts opts = note_for(acme, "Twice.");

    opts.invoice_ids = invoices;
    opts.invoice_count = 2;
    refused(&opts, ARC_EINVAL, "named twice");
}
END_TEST

START_TEST(body_of_exactly_10_mib_is_accepted_and_one_byte_more_refused)
{
    size_t size = 10 * 1024 * 1024;
    char *body = malloc(size + 2);
    arc_communication_opts opts = note_for(acme, NULL);
    arc_communication *note;

    ck_assert_ptr_nonnull(body);
    memset(body, 'a', size + 1);
    memcpy(body + 1000, " overdue ", 9);
    body[size] = '\0';
    opts.body = body;
    note = lookup(record(&opts));
    ck_assert_uint_eq(strlen(arc_communication_body(note)), size);
    ck_assert_int_eq(memcmp(arc_communication_body(note), body, size), 0);
    arc_communication_free(note);

    body[size] = 'a';
    body[size + 1] = '\0';
    refused(&opts, ARC_EINVAL, "body: longer than 10485760 bytes");
    free(body);
}
END_TEST

START_TEST(invalid_utf8_is_refused)
{
    const char *authors[] = { "lee" };
    const char *texts[] = { "bad \xc3\x28 text" };
    arc_communication_opts opts = note_for(acme, "broken \xff byte");

    refused(&opts, ARC_EINVAL, "body: not valid UTF-8");

    opts = note_for(acme, "fine");
    opts.subject = "\xed\xa0\x80 surrogate";
    refused(&opts, ARC_EINVAL, "subject: not valid UTF-8");

    opts = note_for(acme, NULL);
    opts.channel = ARC_CHANNEL_CHAT;
    opts.chat_authors = authors;
    opts.chat_texts = texts;
    opts.chat_message_count = 1;
    refused(&opts, ARC_EINVAL, "chat message 1: text: not valid UTF-8");
}
END_TEST

START_TEST(unknown_channel_direction_or_outcome_is_refused)
{
    arc_communication_opts opts = note_for(acme, "x");

    opts.channel = (arc_communication_channel)7;
    refused(&opts, ARC_EINVAL, "channel: unknown value 7");

    opts = note_for(acme, "x");
    opts.direction = (arc_communication_direction)-1;
    refused(&opts, ARC_EINVAL, "direction: unknown value -1");

    opts = note_for(acme, NULL);
    opts.channel = ARC_CHANNEL_CALL;
    opts.call_outcome = (arc_call_outcome)6;
    refused(&opts, ARC_EINVAL, "call_outcome: unknown value 6");
}
END_TEST

START_TEST(call_with_negative_duration_or_without_outcome_is_refused)
{
    arc_communication_opts opts = ARC_COMMUNICATION_OPTS_INIT;

    opts.customer_id = acme;
    opts.channel = ARC_CHANNEL_CALL;
    opts.call_outcome = ARC_CALL_REACHED;
    opts.call_duration = -1;
    refused(&opts, ARC_EINVAL, "call_duration: must not be negative, not -1");

    opts.call_duration = 30;
    opts.call_outcome = ARC_CALL_NO_OUTCOME;
    refused(&opts, ARC_EINVAL, "call_outcome: required for a call");
}
END_TEST

START_TEST(fields_a_channel_does_not_keep_are_refused)
{
    arc_communication_opts opts = note_for(acme, "x");

    opts.email_from = "a@b.example";
    refused(&opts, ARC_EINVAL, "email_from: not kept for channel note");

    opts = note_for(acme, "x");
    opts.channel = ARC_CHANNEL_SMS;
    opts.call_outcome = ARC_CALL_REACHED;
    refused(&opts, ARC_EINVAL, "call_outcome: not kept for channel sms");

    opts = email_for(acme, "<m@x>", NULL, at(1, 1, 0));
    opts.phone_number = "555";
    refused(&opts, ARC_EINVAL, "phone_number: not kept for channel email");

    opts = note_for(acme, NULL);
    refused(&opts, ARC_EINVAL, "body: required");
}
END_TEST

START_TEST(missing_customer_or_options_are_refused)
{
    arc_communication_opts opts = note_for(0, "x");
    arc_communication_opts old = note_for(acme, "x");

    refused(&opts, ARC_EINVAL, "customer_id: required");
    ck_assert_rc(arc_communication_record(NULL, db, NULL), ARC_EINVAL);
    ck_assert_rc(arc_communication_record(NULL, NULL, &old), ARC_EINVAL);
    old.version = 99;
    ck_assert_rc(arc_communication_record(NULL, db, &old), ARC_EVERSION);
}
END_TEST

/* Three communications for the search tests: an email, a call, a chat. */
static void record_searchable(arc_id *email, arc_id *call, arc_id *chat)
{
    arc_communication_opts opts = email_for(acme, "<s1@x>", NULL, at(1, 8, 0));
    const char *authors[] = { "Priya Natarajan", "lee" };
    const char *texts[] = { "The router outage cost us a week.", "Noted, I will check." };

    opts.subject = "Refund request for the outage";
    opts.body = "Our contract promises credits for downtime.";
    opts.email_from = "dana@acme.example";
    *email = record(&opts);

    opts = (arc_communication_opts)ARC_COMMUNICATION_OPTS_INIT;
    opts.customer_id = acme;
    opts.channel = ARC_CHANNEL_CALL;
    opts.user = "kowalski";
    opts.phone_number = "+1 555 0199";
    opts.call_outcome = ARC_CALL_PROMISE_TO_PAY;
    opts.body = "Promised a wire transfer next Tuesday.";
    *call = record(&opts);

    opts = (arc_communication_opts)ARC_COMMUNICATION_OPTS_INIT;
    opts.customer_id = globex;
    opts.channel = ARC_CHANNEL_CHAT;
    opts.chat_authors = authors;
    opts.chat_texts = texts;
    opts.chat_message_count = 2;
    *chat = record(&opts);
}

START_TEST(search_finds_words_in_subject_body_and_participants)
{
    arc_communication_hit_page *hits;
    const arc_communication_hit *hit;
    arc_id email, call, chat;

    record_searchable(&email, &call, &chat);

    hits = search("refund", 0); /* subject */
    ck_assert_uint_eq(arc_communication_hit_page_count(hits), 1);
    hit = arc_communication_hit_page_at(hits, 0);
    ck_assert_int_eq(arc_communication_hit_id(hit), email);
    ck_assert_int_eq(arc_communication_hit_customer_id(hit), acme);
    ck_assert_int_eq(arc_communication_hit_channel(hit), ARC_CHANNEL_EMAIL);
    ck_assert_int_eq(arc_communication_hit_occurred_at(hit), at(1, 8, 0));
    arc_communication_hit_page_free(hits);

    hits = search("wire", 0); /* body */
    ck_assert_uint_eq(arc_communication_hit_page_count(hits), 1);
    ck_assert_int_eq(hit_id(hits, 0), call);
    arc_communication_hit_page_free(hits);

    hits = search("kowalski", 0); /* user */
    ck_assert_uint_eq(arc_communication_hit_page_count(hits), 1);
    ck_assert_int_eq(hit_id(hits, 0), call);
    arc_communication_hit_page_free(hits);

    hits = search("\"0199\"", 0); /* call number */
    ck_assert_uint_eq(arc_communication_hit_page_count(hits), 1);
    ck_assert_int_eq(hit_id(hits, 0), call);
    arc_communication_hit_page_free(hits);

    hits = search("\"dana@acme.example\"", 0); /* From */
    ck_assert_uint_eq(arc_communication_hit_page_count(hits), 1);
    ck_assert_int_eq(hit_id(hits, 0), email);
    arc_communication_hit_page_free(hits);

    hits = search("natarajan", 0); /* chat author */
    ck_assert_uint_eq(arc_communication_hit_page_count(hits), 1);
    ck_assert_int_eq(hit_id(hits, 0), chat);
    ck_assert_int_eq(
        arc_communication_hit_channel(arc_communication_hit_page_at(hits, 0)),
        ARC_CHANNEL_CHAT);
    arc_communication_hit_page_free(hits);

    hits = search("router", 0); /* chat text */
    ck_assert_uint_eq(arc_communication_hit_page_count(hits), 1);
    ck_assert_int_eq(hit_id(hits, 0), chat);
    arc_communication_hit_page_free(hits);

    hits = search("nothingmatches", 0);
    ck_assert_uint_eq(arc_communication_hit_page_count(hits), 0);
    arc_communication_hit_page_free(hits);
}
END_TEST

START_TEST(search_ranks_the_better_match_first)
{
    arc_communication_opts weak = note_for(acme, "The invoice was discussed among many "
                                                 "other topics at the quarterly review.");
    arc_communication_opts strong = note_for(acme, "Invoice invoice invoice.");
    arc_communication_hit_page *hits;
    arc_id weak_id, strong_id;

    strong.subject = "Invoice";
    weak_id = record(&weak);
    strong_id = record(&strong);

    hits = search("invoice", 0);
    ck_assert_uint_eq(arc_communication_hit_page_count(hits), 2);
    ck_assert_int_eq(hit_id(hits, 0), strong_id);
    ck_assert_int_eq(hit_id(hits, 1), weak_id);
    arc_communication_hit_page_free(hits);
}
END_TEST

START_TEST(search_respects_the_customer_filter)
{
    arc_communication_opts ours = note_for(acme, "Escalated the outage credit.");
    arc_communication_opts theirs = note_for(globex, "Their outage was longer.");
    arc_communication_search_opts opts = ARC_COMMUNICATION_SEARCH_OPTS_INIT;
    arc_communication_hit_page *hits = NULL;
    arc_id ours_id = record(&ours), theirs_id = record(&theirs);

    hits = search("outage", 0);
    ck_assert_uint_eq(arc_communication_hit_page_count(hits), 2);
    arc_communication_hit_page_free(hits);

    hits = search("outage", acme);
    ck_assert_uint_eq(arc_communication_hit_page_count(hits), 1);
    ck_assert_int_eq(hit_id(hits, 0), ours_id);
    arc_communication_hit_page_free(hits);

    hits = search("outage", globex);
    ck_assert_uint_eq(arc_communication_hit_page_count(hits), 1);
    ck_assert_int_eq(hit_id(hits, 0), theirs_id);
    arc_communication_hit_page_free(hits);

    /* A query cannot escape the customer filter: it must parse on its own. */
    hits = search("(nothing) OR (outage)", acme);
    ck_assert_uint_eq(arc_communication_hit_page_count(hits), 1);
    ck_assert_int_eq(hit_id(hits, 0), ours_id);
    arc_communication_hit_page_free(hits);
    opts.customer_id = acme;
    hits = NULL;
    ck_assert_rc(arc_communication_search(&hits, db, "nothing) OR (outage", &opts),
                 ARC_EINVAL);
    ck_assert_ptr_null(hits);

    opts.customer_id = 999;
    hits = NULL;
    ck_assert_rc(arc_communication_search(&hits, db, "outage", &opts), ARC_ENOTFOUND);
    ck_assert_error_mentions("customer 999");
    ck_assert_ptr_null(hits);
}
END_TEST

START_TEST(search_ranks_among_the_most_recent_matches)
{
    arc_communication_hit_page *hits;
    arc_id newest = 0;

    ck_assert_ok(arc_tx_begin(db));
    for (int i = 0; i < ARC_COMMUNICATION_SEARCH_WINDOW + 5; i++) {
        arc_communication_opts note = note_for(acme, "Renewal reminder sent.");

        newest = record(&note);
    }
    ck_assert_ok(arc_tx_commit(db));

    hits = search("renewal", acme);
    ck_assert_uint_eq(arc_communication_hit_page_count(hits), ARC_LIST_DEFAULT_LIMIT);
    for (size_t i = 0; i < ARC_LIST_DEFAULT_LIMIT; i++)
        ck_assert_int_gt(hit_id(hits, i), newest - ARC_COMMUNICATION_SEARCH_WINDOW);
    arc_communication_hit_page_free(hits);
}
END_TEST

START_TEST(search_snippet_marks_the_matched_word)
{
    arc_communication_opts opts =
        note_for(acme, "Spoke with accounts payable. The payment is scheduled for the "
                       "twentieth after approval by their controller.");
    arc_communication_search_opts search_opts = ARC_COMMUNICATION_SEARCH_OPTS_INIT;
    arc_communication_hit_page *hits;
    const char *snippet;

    record(&opts);
    hits = search("scheduled", 0);
    ck_assert_uint_eq(arc_communication_hit_page_count(hits), 1);
    snippet = arc_communication_hit_snippet(arc_communication_hit_page_at(hits, 0));
    ck_assert_ptr_nonnull(strstr(snippet, "[scheduled]"));
    arc_communication_hit_page_free(hits);

    search_opts.mark_open = "<b>";
    search_opts.mark_close = "</b>";
    ck_assert_ok(arc_communication_search(&hits, db, "controller", &search_opts));
    snippet = arc_communication_hit_snippet(arc_communication_hit_page_at(hits, 0));
    ck_assert_ptr_nonnull(strstr(snippet, "<b>controller</b>"));
    arc_communication_hit_page_free(hits);
}
END_TEST

START_TEST(malformed_or_empty_query_is_invalid)
{
    arc_communication_opts opts = note_for(acme, "Anything at all.");
    arc_communication_hit_page *hits = NULL;

    record(&opts);
    ck_assert_rc(arc_communication_search(&hits, db, "AND OR (", NULL), ARC_EINVAL);
    ck_assert_error_mentions("communication search: query \"AND OR (\"");
    ck_assert_error_mentions("syntax error");
    ck_assert_rc(
        arc_communication_search(&hits, db, "'); DROP TABLE communications; --", NULL),
        ARC_EINVAL);
    ck_assert_rc(arc_communication_search(&hits, db, "", NULL), ARC_EINVAL);
    ck_assert_error_mentions("query: required");
    ck_assert_rc(arc_communication_search(&hits, db, "\xff", NULL), ARC_EINVAL);
    ck_assert_ptr_null(hits);

    hits = search("anything", 0);
    ck_assert_uint_eq(arc_communication_hit_page_count(hits), 1);
    arc_communication_hit_page_free(hits);
}
END_TEST

START_TEST(customer_list_pages_newest_first_without_duplicates_or_gaps)
{
    enum { TOTAL = 23, PAGE = 5 };
    arc_id expected[TOTAL];
    arc_time expected_at[TOTAL];
    size_t seen = 0;
    arc_time before_at = 0;
    arc_id before_id = 0;
    arc_communication_page *page;

    /* Several share an instant, so that ids break the ties. */
    for (int i = 0; i < TOTAL; i++) {
        arc_communication_opts opts = note_for(acme, "Follow-up.");

        opts.occurred_at = at(1 + i / 3, 9, 0);
        expected[TOTAL - 1 - i] = record(&opts);
        expected_at[TOTAL - 1 - i] = opts.occurred_at;
        if (i == 7) {
            arc_communication_opts other = note_for(globex, "Not ACME's.");

            record(&other);
        }
    }

    do {
        page = customer_page(acme, before_at, before_id, PAGE);
        for (size_t i = 0; i < arc_communication_page_count(page); i++) {
            const arc_communication *note = arc_communication_page_at(page, i);

            ck_assert_uint_lt(seen, TOTAL);
            ck_assert_int_eq(arc_communication_id(note), expected[seen]);
            ck_assert_int_eq(arc_communication_occurred_at(note), expected_at[seen]);
            ck_assert_int_eq(arc_communication_customer_id(note), acme);
            before_at = arc_communication_occurred_at(note);
            before_id = arc_communication_id(note);
            seen++;
        }
        ck_assert_uint_le(arc_communication_page_count(page), PAGE);
        if (arc_communication_page_count(page) == 0) {
            arc_communication_page_free(page);
            break;
        }
        arc_communication_page_free(page);
    } while (1);
    ck_assert_uint_eq(seen, TOTAL);
}
END_TEST

START_TEST(list_filters_by_channel)
{
    arc_communication_opts note = note_for(acme, "A note.");
    arc_communication_opts email = email_for(acme, "<c@x>", NULL, at(1, 1, 0));
    arc_communication_list_opts opts = ARC_COMMUNICATION_LIST_OPTS_INIT;
    arc_communication_page *page = NULL;
    arc_id email_id;

    record(&note);
    email_id = record(&email);
    opts.customer_id = acme;
    opts.channel = ARC_CHANNEL_EMAIL;
    ck_assert_ok(arc_communication_list(&page, db, &opts));
    ck_assert_uint_eq(arc_communication_page_count(page), 1);
    ck_assert_int_eq(arc_communication_id(arc_communication_page_at(page, 0)), email_id);
    arc_communication_page_free(page);

    ck_assert_ok(arc_communication_list(&page, db, NULL));
    ck_assert_uint_eq(arc_communication_page_count(page), 2);
    arc_communication_page_free(page);
}
END_TEST

START_TEST(bad_list_options_are_refused)
{
    arc_communication_list_opts opts = ARC_COMMUNICATION_LIST_OPTS_INIT;
    arc_communication_page *page = NULL;

    opts.customer_id = acme;
    opts.invoice_id = 1;
    ck_assert_rc(arc_communication_list(&page, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("give at most one");

    opts = (arc_communication_list_opts)ARC_COMMUNICATION_LIST_OPTS_INIT;
    opts.customer_id = 999;
    ck_assert_rc(arc_communication_list(&page, db, &opts), ARC_ENOTFOUND);
    ck_assert_error_mentions("customer 999");

    opts = (arc_communication_list_opts)ARC_COMMUNICATION_LIST_OPTS_INIT;
    opts.invoice_id = 999;
    ck_assert_rc(arc_communication_list(&page, db, &opts), ARC_ENOTFOUND);

    opts = (arc_communication_list_opts)ARC_COMMUNICATION_LIST_OPTS_INIT;
    opts.channel = 9;
    ck_assert_rc(arc_communication_list(&page, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("channel: unknown value 9");

    opts = (arc_communication_list_opts)ARC_COMMUNICATION_LIST_OPTS_INIT;
    opts.limit = ARC_LIST_MAX_LIMIT + 1;
    ck_assert_rc(arc_communication_list(&page, db, &opts), ARC_EINVAL);
    ck_assert_ptr_null(page);
}
END_TEST

START_TEST(names_are_stable_and_null_accessors_are_empty)
{
    ck_assert_str_eq(arc_communication_channel_name(ARC_CHANNEL_EMAIL), "email");
    ck_assert_str_eq(arc_communication_channel_name(ARC_CHANNEL_PORTAL), "portal");
    ck_assert_ptr_null(arc_communication_channel_name((arc_communication_channel)7));
    ck_assert_str_eq(arc_communication_direction_name(ARC_DIRECTION_INTERNAL),
                     "internal");
    ck_assert_ptr_null(arc_communication_direction_name((arc_communication_direction)3));
    ck_assert_str_eq(arc_call_outcome_name(ARC_CALL_PROMISE_TO_PAY), "promise_to_pay");
    ck_assert_ptr_null(arc_call_outcome_name((arc_call_outcome)6));

    ck_assert_int_eq(arc_communication_id(NULL), 0);
    ck_assert_ptr_null(arc_communication_body(NULL));
    ck_assert_uint_eq(arc_communication_invoice_count(NULL), 0);
    ck_assert_ptr_null(arc_communication_chat_text_at(NULL, 0));
    ck_assert_uint_eq(arc_communication_page_count(NULL), 0);
    ck_assert_ptr_null(arc_communication_page_at(NULL, 0));
    ck_assert_uint_eq(arc_communication_hit_page_count(NULL), 0);
    ck_assert_ptr_null(arc_communication_hit_snippet(NULL));
    arc_communication_free(NULL);
    arc_communication_page_free(NULL);
    arc_communication_hit_page_free(NULL);
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("communication");
    TCase *channels = tcase_create("channels");
    TCase *threads = tcase_create("threads");
    TCase *links = tcase_create("links");
    TCase *refusals = tcase_create("refusals");
    TCase *searching = tcase_create("search");
    TCase *lists = tcase_create("lists");
    TCase *names = tcase_create("names");
    TCase *all[] = { channels, threads, links, refusals, searching, lists, names };

    for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++)
        tcase_add_checked_fixture(all[i], setup, teardown);

    tcase_add_test(channels, email_keeps_every_header_and_its_body);
    tcase_add_test(channels, call_keeps_number_duration_and_outcome);
    tcase_add_test(channels, chat_keeps_its_transcript_in_the_order_sent);
    tcase_add_test(channels, notes_letters_sms_and_portal_messages_keep_body_and_subject);
    tcase_add_test(channels, occurred_at_defaults_to_the_book_clock);
    suite_add_tcase(suite, channels);

    tcase_add_test(threads, email_thread_is_rebuilt_over_three_replies);
    tcase_add_test(threads, replies_recorded_newest_first_still_form_one_thread);
    tcase_add_test(threads, email_without_message_id_is_a_thread_of_its_own);
    tcase_add_test(threads, thread_of_a_note_or_unknown_id_is_refused);
    tcase_add_test(threads, email_with_a_message_id_already_recorded_is_refused);
    suite_add_tcase(suite, threads);

    tcase_add_test(links, links_to_invoices_and_a_dispute_are_kept_and_listed);
    tcase_add_test(links, another_customers_invoice_is_refused);
    tcase_add_test(links, another_customers_dispute_is_refused);
    tcase_add_test(links, unknown_customer_invoice_or_dispute_is_not_found);
    tcase_add_test(links, invoice_named_twice_is_refused);
    suite_add_tcase(suite, links);

    tcase_add_test(refusals,
                   body_of_exactly_10_mib_is_accepted_and_one_byte_more_refused);
    tcase_add_test(refusals, invalid_utf8_is_refused);
    tcase_add_test(refusals, unknown_channel_direction_or_outcome_is_refused);
    tcase_add_test(refusals, call_with_negative_duration_or_without_outcome_is_refused);
    tcase_add_test(refusals, fields_a_channel_does_not_keep_are_refused);
    tcase_add_test(refusals, missing_customer_or_options_are_refused);
    suite_add_tcase(suite, refusals);

    tcase_add_test(searching, search_finds_words_in_subject_body_and_participants);
    tcase_add_test(searching, search_ranks_the_better_match_first);
    tcase_add_test(searching, search_respects_the_customer_filter);
    tcase_add_test(searching, search_ranks_among_the_most_recent_matches);
    tcase_add_test(searching, search_snippet_marks_the_matched_word);
    tcase_add_test(searching, malformed_or_empty_query_is_invalid);
    suite_add_tcase(suite, searching);

    tcase_add_test(lists, customer_list_pages_newest_first_without_duplicates_or_gaps);
    tcase_add_test(lists, list_filters_by_channel);
    tcase_add_test(lists, bad_list_options_are_refused);
    suite_add_tcase(suite, lists);

    tcase_add_test(names, names_are_stable_and_null_accessors_are_empty);
    suite_add_tcase(suite, names);
    return test_run_suite(suite);
}
