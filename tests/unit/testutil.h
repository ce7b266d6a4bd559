/*
 * Shared helpers for the check suites: a book in a fresh temporary file with
 * a clock the test controls, and shortcuts for the records most tests need.
 */
#ifndef ARC_TESTUTIL_H
#define ARC_TESTUTIL_H

#include <check.h>
#include <stdbool.h>

#include "arcollect.h"

/* Fail the test unless @p expr returns ARC_OK; shows the library's message. */
#define ck_assert_ok(expr)                                                               \
    do {                                                                                 \
        int ck_rc_ = (expr);                                                             \
        ck_assert_msg(ck_rc_ == ARC_OK, "%s returned %s: %s", #expr,                     \
                      arc_error_name(ck_rc_), arc_error_last());                         \
    } while (0)

/* Fail the test unless @p expr returns @p code. */
#define ck_assert_rc(expr, code)                                                         \
    do {                                                                                 \
        int ck_rc_ = (expr);                                                             \
        ck_assert_msg(ck_rc_ == (code), "%s returned %s, expected %s (%s)", #expr,       \
                      arc_error_name(ck_rc_), arc_error_name(code), arc_error_last());   \
    } while (0)

/* Fail the test unless the last error message contains @p needle. */
#define ck_assert_error_mentions(needle)                                                 \
    ck_assert_msg(strstr(arc_error_last(), (needle)) != NULL,                            \
                  "error \"%s\" does not mention \"%s\"", arc_error_last(), (needle))

/* The instant the test clock reports; tests may move it. */
extern arc_time test_clock_now;

/*
 * The backend the suites run against: ARC_TEST_BACKEND, "sqlite" by default,
 * or "memory" (examples/memory_backend) or "postgresql" (on the server of
 * ARC_TEST_PG_URI). Cases that only make sense for one backend carry its tag
 * (tcase_set_tags) and the conformance runs leave them out.
 */
const char *test_backend(void);
bool test_backend_is(const char *name);

/* Tags of cases that are not domain rules: they read an SQLite file, or run
 * several processes on one book. */
#define TEST_TAG_SQLITE    "sqlite"
#define TEST_TAG_PROCESSES "processes"

/* A new, unique URI of a book of the backend (a path under the test
 * directory for SQLite). The string is static and is overwritten by the
 * next call. */
const char *test_book_path(void);

/* Delete a book that may exist, by its URI. */
void test_remove_book(const char *uri);

/* Open a new book whose clock stands at noon UTC on @p date ("2026-01-15"). */
arc_db *test_open_book(const char *date);

/* The URI of a book opened by test_open_book(). */
const char *test_book_uri(const arc_db *db);

/* The file of a book opened by test_open_book(); SQLite only. */
const char *test_book_file(const arc_db *db);

/* Close a book opened by test_open_book() but keep its files. */
void test_close_book_keep_file(arc_db *db);

/* Close a book opened by test_open_book() and remove its files. */
void test_close_book(arc_db *db);

/* Set the test clock to noon UTC on @p date. */
void test_set_today(const char *date);

/* Parse a date or fail the test. */
arc_date test_date(const char *text);

/* Create an active customer with net-30 terms, or fail the test. */
arc_id test_customer(arc_db *db, const char *reference, const char *currency);

/* Create and issue a one-line invoice for @p amount (no tax), or fail the test. */
arc_id test_invoice(arc_db *db, arc_id customer_id, const char *issue_date,
                    int64_t amount);

/* The same in @p currency (NULL: the customer's) with @p due_date (NULL: from
 * the customer's terms). */
arc_id test_invoice_full(arc_db *db, arc_id customer_id, const char *currency,
                         const char *issue_date, const char *due_date, int64_t amount);

/* Read an invoice's balance, or fail the test. */
int64_t test_invoice_balance(arc_db *db, arc_id invoice_id);

/* Read an invoice's status, or fail the test. */
arc_invoice_status test_invoice_status(arc_db *db, arc_id invoice_id);

/* Run a suite and return the process exit status for main(). */
int test_run_suite(Suite *suite);

#endif
