#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef ARC_TEST_WITH_MEMORY
#include "memory_backend.h"
#endif

arc_time test_clock_now;

static arc_time test_clock(void *data)
{
    (void)data;
    return test_clock_now;
}

const char *test_backend(void)
{
    const char *backend = getenv("ARC_TEST_BACKEND");

    return backend != NULL && *backend != '\0' ? backend : "sqlite";
}

bool test_backend_is(const char *name)
{
    return strcmp(test_backend(), name) == 0;
}

/* Make the backend the suites run against known to the library. */
static void register_backend(void)
{
#ifdef ARC_TEST_WITH_MEMORY
    if (test_backend_is("memory"))
        ck_assert_ok(arc_example_memory_register());
#endif
}

const char *test_book_path(void)
{
    static char path[1024];
    static unsigned counter;
    const char *dir = getenv("ARC_TEST_TMPDIR");
    const char *server = getenv("ARC_TEST_PG_URI");

    if (test_backend_is("sqlite")) {
        snprintf(path, sizeof(path), "%s/book-%ld-%u.db", dir ? dir : "/tmp",
                 (long)getpid(), counter++);
    } else if (test_backend_is("memory")) {
        snprintf(path, sizeof(path), "memory:t%ld-%u", (long)getpid(), counter++);
    } else if (test_backend_is("postgresql")) {
        ck_assert_msg(server != NULL && *server != '\0',
                      "ARC_TEST_PG_URI is not set: no PostgreSQL server to test against");
        snprintf(path, sizeof(path), "%s%cbook=t%ld_%u", server,
                 strchr(server, '?') ? '&' : '?', (long)getpid(), counter++);
    } else {
        ck_abort_msg("ARC_TEST_BACKEND=%s: not a backend the suites know",
                     test_backend());
    }
    register_backend();
    return path;
}

void test_set_today(const char *date)
{
    test_clock_now = (arc_time)test_date(date) * 86400 + 12 * 3600;
}

arc_date test_date(const char *text)
{
    arc_date date;

    ck_assert_ok(arc_date_parse(&date, text));
    return date;
}

void test_remove_book(const char *uri)
{
    char extra[1100];
    int rc;

    if (!test_backend_is("sqlite")) {
        rc = arc_book_delete(uri, NULL);
        ck_assert_msg(rc == ARC_OK || rc == ARC_ENOTFOUND, "deleting %s: %s", uri,
                      arc_error_last());
        return;
    }
    unlink(uri);
    snprintf(extra, sizeof(extra), "%s-wal", uri);
    unlink(extra);
    snprintf(extra, sizeof(extra), "%s-shm", uri);
    unlink(extra);
}

static char open_paths[64][1024];
static arc_db *open_books[64];

arc_db *test_open_book(const char *date)
{
    arc_db_options opts = ARC_DB_OPTIONS_INIT;
    const char *path = test_book_path();
    arc_db *db = NULL;

    test_set_today(date);
    opts.clock = test_clock;
    opts.flags = ARC_DB_SYNC_NORMAL;
    test_remove_book(path);
    ck_assert_ok(arc_db_open(&db, path, &opts));

    for (size_t i = 0; i < 64; i++) {
        if (open_books[i] == NULL) {
            open_books[i] = db;
            snprintf(open_paths[i], sizeof(open_paths[i]), "%s", path);
            break;
        }
    }
    return db;
}

const char *test_book_uri(const arc_db *db)
{
    for (size_t i = 0; i < 64; i++) {
        if (open_books[i] == db)
            return open_paths[i];
    }
    ck_abort_msg("book not opened by test_open_book");
    return NULL;
}

const char *test_book_file(const arc_db *db)
{
    ck_assert_msg(test_backend_is("sqlite"),
                  "this test reads the SQLite file; tag its case \"sqlite\"");
    for (size_t i = 0; i < 64; i++) {
        if (open_books[i] == db)
            return open_paths[i];
    }
    ck_abort_msg("book not opened by test_open_book");
    return NULL;
}

void test_close_book_keep_file(arc_db *db)
{
    arc_db_close(db);
    for (size_t i = 0; i < 64; i++) {
        if (open_books[i] == db)
            open_books[i] = NULL;
    }
}

void test_close_book(arc_db *db)
{
    arc_db_close(db);
    for (size_t i = 0; i < 64; i++) {
        if (open_books[i] == db) {
            test_remove_book(open_paths[i]);
            open_books[i] = NULL;
        }
    }
}

arc_id test_customer(arc_db *db, const char *reference, const char *currency)
{
    arc_customer_opts opts = ARC_CUSTOMER_OPTS_INIT;
    arc_id id = 0;

    opts.reference = reference;
    opts.name = reference;
    opts.currency = currency;
    ck_assert_ok(arc_customer_create(&id, db, &opts));
    return id;
}

arc_id test_invoice(arc_db *db, arc_id customer_id, const char *issue_date,
                    int64_t amount)
{
    return test_invoice_full(db, customer_id, NULL, issue_date, NULL, amount);
}

arc_id test_invoice_full(arc_db *db, arc_id customer_id, const char *currency,
                         const char *issue_date, const char *due_date, int64_t amount)
{
    arc_invoice_line_opts line = ARC_INVOICE_LINE_OPTS_INIT;
    arc_invoice_opts opts = ARC_INVOICE_OPTS_INIT;
    arc_id id = 0;

    line.description = "Managed services";
    line.unit_price = amount;
    opts.customer_id = customer_id;
    opts.currency = currency;
    opts.issue_date = test_date(issue_date);
    if (due_date != NULL)
        opts.due_date = test_date(due_date);
    opts.lines = &line;
    opts.line_count = 1;
    opts.flags = ARC_INVOICE_CREATE_ISSUED;
    ck_assert_ok(arc_invoice_create(&id, db, &opts));
    return id;
}

int64_t test_invoice_balance(arc_db *db, arc_id invoice_id)
{
    arc_invoice *invoice = NULL;
    int64_t balance;

    ck_assert_ok(arc_invoice_lookup(&invoice, db, invoice_id));
    balance = arc_invoice_balance(invoice);
    arc_invoice_free(invoice);
    return balance;
}

arc_invoice_status test_invoice_status(arc_db *db, arc_id invoice_id)
{
    arc_invoice *invoice = NULL;
    arc_invoice_status status;

    ck_assert_ok(arc_invoice_lookup(&invoice, db, invoice_id));
    status = arc_invoice_status_of(invoice);
    arc_invoice_free(invoice);
    return status;
}

int test_run_suite(Suite *suite)
{
    SRunner *runner = srunner_create(suite);
    int failed;

    srunner_run_all(runner, CK_NORMAL);
    failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
