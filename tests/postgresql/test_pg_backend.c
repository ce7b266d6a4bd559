/*
 * pg.backend: what only the PostgreSQL backend does. The URI and its book
 * parameter, libpq's options passed through (TLS included), a server that
 * cannot be reached or refuses the credentials, books that do not exist, a
 * schema from a newer library, books sharing a database without seeing each
 * other, deleting a book, lost connections, and the rows it writes behind.
 *
 * Needs the server of ARC_TEST_PG_URI (scripts/test.sh starts one); without
 * it the suite says so and exits 77, which ctest reports as skipped.
 */
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pg_test.h"

static arc_db *db;

static void teardown(void)
{
    arc_db_close(db);
    db = NULL;
}

static int open_book(arc_db **out, const char *uri, unsigned int flags)
{
    arc_db_options opts = ARC_DB_OPTIONS_INIT;

    opts.flags = flags;
    opts.clock = pg_test_clock;
    return arc_db_open(out, uri, &opts);
}

START_TEST(uri_without_a_book_is_refused)
{
    ck_assert_rc(open_book(&db, pg_test_server(), 0), ARC_EINVAL);
    ck_assert_error_mentions("book: required in the URI (?book=ID)");
}
END_TEST

START_TEST(book_id_of_other_characters_is_refused)
{
    ck_assert_rc(open_book(&db, pg_test_uri("bad'book", NULL), 0), ARC_EINVAL);
    ck_assert_error_mentions("book: must be 1 to 64 characters");
    ck_assert_rc(open_book(&db, pg_test_uri("", NULL), 0), ARC_EINVAL);
}
END_TEST

START_TEST(malformed_uri_gets_libpqs_message)
{
    ck_assert_rc(open_book(&db, "postgresql://[::1/x?book=b", 0), ARC_EINVAL);
    ck_assert_error_mentions("postgresql: uri: ");
    ck_assert_error_mentions("IPv6");
    /* What libpq checks only when connecting is a connection failure. */
    ck_assert_rc(open_book(&db, "postgresql://127.0.0.1:port/x?book=b", 0), ARC_ESTORAGE);
    ck_assert_error_mentions("\"port\"");
    ck_assert_rc(open_book(&db, "postgresql://127.0.0.1/x?book=b&nosuchoption=1", 0),
                 ARC_EINVAL);
    ck_assert_error_mentions("nosuchoption");
}
END_TEST

START_TEST(libpq_options_pass_through)
{
    char book[64];

    pg_test_book_name(book, sizeof(book), "tls");
    ck_assert_ok(
        open_book(&db, pg_test_uri(book, "sslmode=disable&connect_timeout=5"), 0));
    arc_db_close(db);
    db = NULL;

    /* The test server has no TLS: requiring it fails with libpq's word. */
    ck_assert_rc(open_book(&db, pg_test_uri(book, "sslmode=require"), 0), ARC_ESTORAGE);
    ck_assert_error_mentions("SSL");
    ck_assert_error_mentions("cannot connect to PostgreSQL");
    pg_test_delete(pg_test_uri(book, NULL));
}
END_TEST

START_TEST(unreachable_server_is_a_storage_error)
{
    ck_assert_rc(open_book(&db,
                           "postgresql://127.0.0.1:1/arcollect_test"
                           "?book=b&connect_timeout=3",
                           0),
                 ARC_ESTORAGE);
    ck_assert_error_mentions("book b: cannot connect to PostgreSQL");
}
END_TEST

START_TEST(wrong_credentials_are_refused_without_showing_the_password)
{
    const char *with_password = getenv("ARC_TEST_PG_PASSWORD_URI");
    char uri[1024];
    const char *at;

    ck_assert_rc(open_book(&db, pg_test_uri_as("nosuchrole_arc", "b"), 0), ARC_ESTORAGE);
    ck_assert_error_mentions("nosuchrole_arc");

    if (with_password == NULL || (at = strchr(with_password, '@')) == NULL)
        return;
    /* The role scripts/pg.sh made must give its password; give another. */
    snprintf(uri, sizeof(uri), "postgresql://arcollect_pw:not-the-secret%s?book=b", at);
    ck_assert_rc(open_book(&db, uri, 0), ARC_ESTORAGE);
    ck_assert_error_mentions("password authentication failed");
    ck_assert_ptr_null(strstr(arc_error_last(), "not-the-secret"));
}
END_TEST

START_TEST(missing_book_is_not_created_when_asked_not_to)
{
    char book[64];

    pg_test_book_name(book, sizeof(book), "absent");
    ck_assert_rc(open_book(&db, pg_test_uri(book, NULL), ARC_DB_NO_CREATE),
                 ARC_ENOTFOUND);
    ck_assert_error_mentions("not found");
    ck_assert_int_eq(pg_test_count("books", book), 0);
}
END_TEST

START_TEST(schema_of_a_newer_library_is_refused)
{
    char uri[1024];
    arc_id customer;

    /* A database of its own, so that no other test sees the change. */
    pg_test_sql(NULL, "DROP DATABASE IF EXISTS arcollect_newer");
    pg_test_sql(NULL, "CREATE DATABASE arcollect_newer");
    snprintf(uri, sizeof(uri), "%s", pg_test_uri_in("arcollect_newer", "v"));
    ck_assert_ok(open_book(&db, uri, 0));
    customer = pg_test_customer(db, "C-1");
    ck_assert_int_gt(customer, 0);
    ck_assert_int_eq(arc_db_schema_version(db), 1);
    arc_db_close(db);
    db = NULL;

    pg_test_sql("arcollect_newer",
                "UPDATE arcollect.schema_info SET version = version + 1");
    ck_assert_rc(open_book(&db, uri, 0), ARC_EVERSION);
    ck_assert_error_mentions("newer than this library's");
    ck_assert_rc(arc_book_delete(uri, NULL), ARC_EVERSION);
    ck_assert_int_eq(pg_test_count_in("arcollect_newer", "customers", "v"), 1);
    pg_test_sql(NULL, "DROP DATABASE arcollect_newer");
}
END_TEST

START_TEST(books_of_one_database_do_not_see_each_other)
{
    char first_book[64], second_book[64];
    arc_db *second = NULL;
    arc_customer_page *page = NULL;
    arc_id first_customer, second_customer;

    pg_test_book_name(first_book, sizeof(first_book), "one");
    pg_test_book_name(second_book, sizeof(second_book), "two");
    ck_assert_ok(open_book(&db, pg_test_uri(first_book, NULL), 0));
    ck_assert_ok(open_book(&second, pg_test_uri(second_book, NULL), 0));
    ck_assert_str_ne(arc_db_book_id(db), arc_db_book_id(second));

    /* The same reference and invoice number in each: keys are per book. */
    first_customer = pg_test_customer(db, "ACME");
    second_customer = pg_test_customer(second, "ACME");
    ck_assert_int_eq(first_customer, 1);
    ck_assert_int_eq(second_customer, 1);
    pg_test_invoice(db, first_customer, "INV-1", 1000);
    pg_test_invoice(second, second_customer, "INV-1", 2500);
    pg_test_customer(second, "GLOBEX");

    ck_assert_ok(arc_customer_list(&page, db, NULL));
    ck_assert_uint_eq(arc_customer_page_count(page), 1);
    arc_customer_page_free(page);
    ck_assert_int_eq(pg_test_balance(db, first_customer), 1000);
    ck_assert_int_eq(pg_test_balance(second, second_customer), 2500);

    arc_db_close(second);
    pg_test_delete(pg_test_uri(first_book, NULL));
    pg_test_delete(pg_test_uri(second_book, NULL));
}
END_TEST

START_TEST(deleting_a_book_removes_every_row_it_owns)
{
    static const char *const tables[] = { "books",         "customers", "invoices",
                                          "invoice_lines", "events",    "reason_codes",
                                          "sequences",     "payments" };
    char book[64], kept[64];
    arc_db *other = NULL;
    arc_id customer;

    pg_test_book_name(book, sizeof(book), "gone");
    pg_test_book_name(kept, sizeof(kept), "kept");
    ck_assert_ok(open_book(&db, pg_test_uri(book, NULL), 0));
    ck_assert_ok(open_book(&other, pg_test_uri(kept, NULL), 0));
    customer = pg_test_customer(db, "ACME");
    pg_test_invoice(db, customer, "INV-1", 1000);
    pg_test_payment(db, customer, 400, "key-1");
    pg_test_customer(other, "ACME");
    arc_db_close(db);
    db = NULL;
    arc_db_close(other);

    ck_assert_ok(arc_book_delete(pg_test_uri(book, NULL), NULL));
    for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++)
        ck_assert_msg(pg_test_count(tables[i], book) == 0, "%s keeps rows", tables[i]);
    ck_assert_int_eq(pg_test_count("customers", kept), 1);
    ck_assert_rc(arc_book_delete(pg_test_uri(book, NULL), NULL), ARC_ENOTFOUND);
    ck_assert_error_mentions("not found");
    ck_assert_rc(open_book(&db, pg_test_uri(book, NULL), ARC_DB_NO_CREATE),
                 ARC_ENOTFOUND);
    pg_test_delete(pg_test_uri(kept, NULL));
}
END_TEST

START_TEST(lost_connection_between_calls_is_reconnected)
{
    char book[64], app[96];
    arc_customer *customer = NULL;
    arc_id id;

    pg_test_book_name(book, sizeof(book), "reconnect");
    snprintf(app, sizeof(app), "application_name=%s", book);
    ck_assert_ok(open_book(&db, pg_test_uri(book, app), 0));
    id = pg_test_customer(db, "ACME");

    pg_test_kill_backend(book);
    ck_assert_ok(arc_customer_lookup(&customer, db, id));
    arc_customer_free(customer);
    pg_test_kill_backend(book);
    pg_test_customer(db, "GLOBEX");
    arc_db_close(db);
    db = NULL;
    pg_test_delete(pg_test_uri(book, NULL));
}
END_TEST

START_TEST(lost_connection_inside_a_transaction_loses_it_clearly)
{
    arc_customer_opts opts = ARC_CUSTOMER_OPTS_INIT;
    char book[64], app[96];
    arc_id id;

    pg_test_book_name(book, sizeof(book), "lost");
    snprintf(app, sizeof(app), "application_name=%s", book);
    ck_assert_ok(open_book(&db, pg_test_uri(book, app), 0));
    pg_test_customer(db, "KEPT");

    ck_assert_ok(arc_tx_begin(db));
    pg_test_customer(db, "LOST");
    pg_test_kill_backend(book);
    opts.reference = opts.name = "ALSO-LOST";
    opts.currency = "USD";
    ck_assert_rc(arc_customer_create(&id, db, &opts), ARC_ESTORAGE);
    ck_assert_error_mentions("connection lost; the transaction was rolled back");
    ck_assert_int_eq(arc_tx_active(db), 0);

    /* The next call connects again; nothing of the transaction is there. */
    pg_test_customer(db, "AFTER");
    ck_assert_int_eq(pg_test_count("customers", book), 2);
    arc_db_close(db);
    db = NULL;
    pg_test_delete(pg_test_uri(book, NULL));
}
END_TEST

/*
 * Writes the core has checked are sent ahead without waiting for the
 * server. If one fails after all (here a trigger refuses it), no savepoint
 * is trusted to undo just the failed call: the savepoint named at that
 * moment may be an earlier call's, whose release the server skipped after
 * the failure, and going back to it would quietly undo a call the host was
 * told had succeeded. The whole transaction is lost, and commit says so.
 */
START_TEST(write_failing_on_the_server_loses_the_transaction)
{
    char book[64], sql[1024];
    arc_id customer, invoice;

    pg_test_book_name(book, sizeof(book), "sentfail");
    ck_assert_ok(open_book(&db, pg_test_uri(book, NULL), 0));
    customer = pg_test_customer(db, "ACME");
    invoice = pg_test_invoice(db, customer, "INV-0001", 10000);

    snprintf(sql, sizeof(sql),
             "CREATE FUNCTION arcollect.%s_refuse() RETURNS trigger LANGUAGE plpgsql AS"
             " $$BEGIN IF NEW.book = '%s' AND NEW.kind = 'write_off' THEN"
             " RAISE EXCEPTION 'refused by the test trigger'; END IF; RETURN NEW; END$$;"
             "CREATE TRIGGER %s_refuse BEFORE INSERT ON arcollect.applications"
             " FOR EACH ROW EXECUTE FUNCTION arcollect.%s_refuse()",
             book, book, book, book);
    pg_test_sql(NULL, sql);

    ck_assert_ok(arc_tx_begin(db));
    pg_test_customer(db, "OTHER");
    ck_assert_rc(arc_invoice_write_off(db, invoice, ARC_DATE_NONE, "bad debt"),
                 ARC_ESTORAGE);
    ck_assert_error_mentions("refused by the test trigger");
    ck_assert_rc(arc_tx_commit(db), ARC_ESTORAGE);
    ck_assert_int_eq(arc_tx_active(db), 0);

    /* Nothing of the transaction is in the book. */
    ck_assert_int_eq(pg_test_count("applications", book), 0);
    ck_assert_int_eq(pg_test_count("customers", book), 1);
    ck_assert_int_eq(pg_test_balance(db, customer), 10000);

    snprintf(sql, sizeof(sql),
             "DROP TRIGGER %s_refuse ON arcollect.applications;"
             "DROP FUNCTION arcollect.%s_refuse()",
             book, book);
    pg_test_sql(NULL, sql);
    ck_assert_ok(arc_invoice_write_off(db, invoice, ARC_DATE_NONE, "bad debt"));
    ck_assert_int_eq(pg_test_balance(db, customer), 0);
    arc_db_close(db);
    db = NULL;
    pg_test_delete(pg_test_uri(book, NULL));
}
END_TEST

/*
 * A book loaded in bulk into new tables must not leave the server planning
 * its foreign key checks from statistics that show them empty: the library
 * analyzes a table once the rows it added outnumber those its statistics
 * show. Autovacuum would get there too, but only after a minute or more.
 */
START_TEST(bulk_load_refreshes_the_planner_statistics)
{
    char book[64], database[64], sql[128];
    arc_id customer = 0;

    pg_test_book_name(book, sizeof(book), "stats");
    snprintf(database, sizeof(database), "arcollect_stats_%ld", (long)getpid());
    snprintf(sql, sizeof(sql), "CREATE DATABASE %s", database);
    pg_test_sql(NULL, sql);
    ck_assert_ok(open_book(&db, pg_test_uri_in(database, book), 0));
    ck_assert_double_lt(pg_test_reltuples(database, "arcollect.customers"), 1);

    ck_assert_ok(arc_tx_begin(db));
    for (int i = 0; i < 2500; i++) {
        char reference[32];

        snprintf(reference, sizeof(reference), "C%04d", i);
        customer = pg_test_customer(db, reference);
    }
    /* Analyzed within the transaction, its own new rows counted. */
    ck_assert_double_ge(pg_test_reltuples(database, "arcollect.customers"), 1000);
    for (int i = 0; i < 1200; i++) {
        char number[32];

        snprintf(number, sizeof(number), "INV-%05d", i);
        pg_test_invoice(db, customer, number, 100);
    }
    ck_assert_ok(arc_tx_commit(db));
    ck_assert_double_ge(pg_test_reltuples(database, "arcollect.invoices"), 1000);
    ck_assert_int_eq(pg_test_count_in(database, "invoices", book), 1200);

    arc_db_close(db);
    db = NULL;
    snprintf(sql, sizeof(sql), "DROP DATABASE %s", database);
    pg_test_sql(NULL, sql);
}
END_TEST

START_TEST(taken_number_inside_a_transaction_leaves_it_usable)
{
    char book[64];
    arc_id customer;

    pg_test_book_name(book, sizeof(book), "numbers");
    ck_assert_ok(open_book(&db, pg_test_uri(book, NULL), 0));
    customer = pg_test_customer(db, "ACME");
    pg_test_invoice(db, customer, "INV-0005", 100);

    ck_assert_ok(arc_tx_begin(db));
    pg_test_invoice(db, customer, "INV-0001", 100);
    pg_test_invoice(db, customer, "INV-0002", 200);
    ck_assert_rc(pg_test_invoice_rc(db, customer, "INV-0002", 300), ARC_EEXISTS);
    ck_assert_rc(pg_test_invoice_rc(db, customer, "INV-0005", 300), ARC_EEXISTS);
    pg_test_invoice(db, customer, "INV-0003", 400);
    ck_assert_ok(arc_tx_commit(db));

    ck_assert_int_eq(pg_test_count("invoices", book), 4);
    ck_assert_int_eq(pg_test_count("invoice_lines", book), 4);
    ck_assert_int_eq(pg_test_balance(db, customer), 800);

    /* Rolled back, the rows written behind never reach the server. */
    ck_assert_ok(arc_tx_begin(db));
    pg_test_invoice(db, customer, "INV-0004", 100);
    ck_assert_ok(arc_tx_rollback(db));
    ck_assert_int_eq(pg_test_count("invoices", book), 4);
    pg_test_invoice(db, customer, "INV-0004", 100);
    ck_assert_int_eq(pg_test_count("invoices", book), 5);
    arc_db_close(db);
    db = NULL;
    pg_test_delete(pg_test_uri(book, NULL));
}
END_TEST

START_TEST(writers_of_one_book_wait_for_each_other)
{
    arc_db_options opts = ARC_DB_OPTIONS_INIT;
    char book[64], other_book[64];
    arc_db *second = NULL, *elsewhere = NULL;

    pg_test_book_name(book, sizeof(book), "lock");
    pg_test_book_name(other_book, sizeof(other_book), "free");
    opts.busy_timeout_ms = 300;
    ck_assert_ok(arc_db_open(&db, pg_test_uri(book, NULL), &opts));
    ck_assert_ok(arc_db_open(&second, pg_test_uri(book, NULL), &opts));
    ck_assert_ok(arc_db_open(&elsewhere, pg_test_uri(other_book, NULL), &opts));

    ck_assert_ok(arc_tx_begin(db));
    ck_assert_rc(arc_tx_begin(second), ARC_EBUSY);
    ck_assert_error_mentions("locked by another connection");
    ck_assert_ok(arc_tx_begin(elsewhere)); /* another book does not wait */
    ck_assert_ok(arc_tx_commit(elsewhere));
    ck_assert_ok(arc_tx_commit(db));
    ck_assert_ok(arc_tx_begin(second));
    ck_assert_ok(arc_tx_commit(second));

    arc_db_close(second);
    arc_db_close(elsewhere);
    pg_test_delete(pg_test_uri(book, NULL));
    pg_test_delete(pg_test_uri(other_book, NULL));
}
END_TEST

static Suite *backend_suite(void)
{
    Suite *suite = suite_create("pg.backend");
    TCase *uri = tcase_create("uri");
    TCase *refusals = tcase_create("refusals");
    TCase *books = tcase_create("books");
    TCase *connections = tcase_create("connections");

    tcase_add_checked_fixture(uri, NULL, teardown);
    tcase_add_test(uri, uri_without_a_book_is_refused);
    tcase_add_test(uri, book_id_of_other_characters_is_refused);
    tcase_add_test(uri, malformed_uri_gets_libpqs_message);
    tcase_add_test(uri, libpq_options_pass_through);
    suite_add_tcase(suite, uri);

    tcase_add_checked_fixture(refusals, NULL, teardown);
    tcase_add_test(refusals, unreachable_server_is_a_storage_error);
    tcase_add_test(refusals, wrong_credentials_are_refused_without_showing_the_password);
    tcase_add_test(refusals, missing_book_is_not_created_when_asked_not_to);
    tcase_add_test(refusals, schema_of_a_newer_library_is_refused);
    suite_add_tcase(suite, refusals);

    tcase_add_checked_fixture(books, NULL, teardown);
    tcase_add_test(books, books_of_one_database_do_not_see_each_other);
    tcase_add_test(books, deleting_a_book_removes_every_row_it_owns);
    tcase_add_test(books, taken_number_inside_a_transaction_leaves_it_usable);
    tcase_add_test(books, write_failing_on_the_server_loses_the_transaction);
    tcase_add_test(books, bulk_load_refreshes_the_planner_statistics);
    suite_add_tcase(suite, books);

    tcase_add_checked_fixture(connections, NULL, teardown);
    tcase_add_test(connections, lost_connection_between_calls_is_reconnected);
    tcase_add_test(connections, lost_connection_inside_a_transaction_loses_it_clearly);
    tcase_add_test(connections, writers_of_one_book_wait_for_each_other);
    suite_add_tcase(suite, connections);
    return suite;
}

int main(void)
{
    pg_test_require_server("pg.backend");
    return pg_test_run(backend_suite());
}
