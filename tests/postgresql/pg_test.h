/*
 * Helpers of the PostgreSQL suites: the server of ARC_TEST_PG_URI, URIs of
 * books on it, plain SQL beside the library, and the records most tests
 * need. Assertion macros come from tests/unit/testutil.h.
 */
#ifndef ARC_PG_TEST_H
#define ARC_PG_TEST_H

#include <check.h>
#include <stdint.h>

#include "arcollect.h"
#include "testutil.h"

/* Exit 77 (skipped) with a message naming @p suite when there is no server. */
void pg_test_require_server(const char *suite);

/* ARC_TEST_PG_URI. */
const char *pg_test_server(void);

/* The URI of @p book on the server, with @p extra parameters ("a=1&b=2")
 * or NULL. Strings are static; the last eight stay valid. */
const char *pg_test_uri(const char *book, const char *extra);
/* The same as another role, or in another database. */
const char *pg_test_uri_as(const char *role, const char *book);
const char *pg_test_uri_in(const char *database, const char *book);

/* A book name unique to this process: pgt_<stem>_<pid>. */
void pg_test_book_name(char *out, size_t size, const char *stem);

/* Run SQL on the server (in @p database, or the test database), or fail. */
void pg_test_sql(const char *database, const char *sql);

/* Rows of arcollect.@p table that belong to @p book. */
int64_t pg_test_count(const char *table, const char *book);
int64_t pg_test_count_in(const char *database, const char *table, const char *book);
/* Rows of arcollect.@p table of @p book whose kind is @p kind. */
int64_t pg_test_count_kind(const char *table, const char *book, const char *kind);

/* The rows the planner's statistics show in @p table ("arcollect.invoices")
 * of @p database (NULL: the test database); -1 when never analyzed. */
double pg_test_reltuples(const char *database, const char *table);

/* Close the server side of the connections named @p application_name. */
void pg_test_kill_backend(const char *application_name);

/* Delete a book if it exists, or fail. */
void pg_test_delete(const char *uri);

/* A fixed clock: noon on 2026-03-02. */
arc_time pg_test_clock(void *data);

/* Records, or fail the test. */
arc_id pg_test_customer(arc_db *db, const char *reference);
arc_id pg_test_invoice(arc_db *db, arc_id customer, const char *number, int64_t amount);
int pg_test_invoice_rc(arc_db *db, arc_id customer, const char *number, int64_t amount);
arc_id pg_test_payment(arc_db *db, arc_id customer, int64_t amount, const char *key);
int64_t pg_test_balance(arc_db *db, arc_id customer);

/* Run a suite; the process exit status for main(). */
int pg_test_run(Suite *suite);

#endif
