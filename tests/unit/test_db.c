/*
 * Books: opening and refusing files, versions and error reporting,
 * transactions, several connections to one book, document numbering,
 * tokens and the book's clock.
 */
#include <ctype.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "testutil.h"

#define PATH_SIZE 1024

static arc_time fixed_clock(void *data)
{
    (void)data;
    return test_clock_now;
}

/* Reserve a fresh path for a book this test opens itself. */
static void new_path(char path[PATH_SIZE])
{
    snprintf(path, PATH_SIZE, "%s", test_book_path());
}

static void remove_book(const char *path)
{
    char extra[PATH_SIZE + 8];

    if (!test_backend_is("sqlite")) {
        test_remove_book(path);
        return;
    }
    unlink(path);
    snprintf(extra, sizeof(extra), "%s-wal", path);
    unlink(extra);
    snprintf(extra, sizeof(extra), "%s-shm", path);
    unlink(extra);
    snprintf(extra, sizeof(extra), "%s-journal", path);
    unlink(extra);
}

static bool file_exists(const char *path)
{
    struct stat info;

    return stat(path, &info) == 0;
}

/* Open a book on the test clock, or fail the test. */
static arc_db *open_book_at(const char *uri, unsigned int flags, int busy_timeout_ms)
{
    arc_db_options opts = ARC_DB_OPTIONS_INIT;
    arc_db *db = NULL;

    opts.clock = fixed_clock;
    opts.flags = flags | ARC_DB_SYNC_NORMAL;
    opts.busy_timeout_ms = busy_timeout_ms;
    ck_assert_ok(arc_db_open(&db, uri, &opts));
    ck_assert_ptr_nonnull(db);
    return db;
}

static size_t customer_count(arc_db *db)
{
    arc_customer_page *page = NULL;
    size_t count;

    ck_assert_ok(arc_customer_list(&page, db, NULL));
    count = arc_customer_page_count(page);
    arc_customer_page_free(page);
    return count;
}

static bool has_customer(arc_db *db, const char *reference)
{
    arc_customer *customer = NULL;
    int rc = arc_customer_lookup_reference(&customer, db, reference);

    arc_customer_free(customer);
    ck_assert_msg(rc == ARC_OK || rc == ARC_ENOTFOUND, "lookup of %s returned %s",
                  reference, arc_error_name(rc));
    return rc == ARC_OK;
}

static int try_customer(arc_db *db, const char *reference)
{
    arc_customer_opts opts = ARC_CUSTOMER_OPTS_INIT;

    opts.reference = reference;
    opts.name = reference;
    opts.currency = "USD";
    return arc_customer_create(NULL, db, &opts);
}

/* The whole content of a file, malloc'ed; *size receives its length. */
static unsigned char *file_bytes(const char *path, size_t *size)
{
    FILE *file = fopen(path, "rb");
    unsigned char *bytes;
    long length;

    ck_assert_ptr_nonnull(file);
    ck_assert_int_eq(fseek(file, 0, SEEK_END), 0);
    length = ftell(file);
    ck_assert_int_ge(length, 0);
    rewind(file);
    bytes = malloc((size_t)length + 1);
    ck_assert_ptr_nonnull(bytes);
    ck_assert_uint_eq(fread(bytes, 1, (size_t)length, file), (size_t)length);
    fclose(file);
    *size = (size_t)length;
    return bytes;
}

static void sqlite_exec_on(const char *path, const char *sql)
{
    sqlite3 *conn = NULL;

    ck_assert_int_eq(sqlite3_open(path, &conn), SQLITE_OK);
    ck_assert_msg(sqlite3_exec(conn, sql, NULL, NULL, NULL) == SQLITE_OK, "%s: %s", sql,
                  sqlite3_errmsg(conn));
    ck_assert_int_eq(sqlite3_close(conn), SQLITE_OK);
}

static void assert_lower_hex(const char *text, size_t length)
{
    ck_assert_ptr_nonnull(text);
    ck_assert_uint_eq(strlen(text), length);
    for (size_t i = 0; i < length; i++)
        ck_assert_msg(isdigit((unsigned char)text[i]) ||
                          (text[i] >= 'a' && text[i] <= 'f'),
                      "\"%s\": character %zu is not a lower-case hex digit", text, i);
}

static double elapsed_ms(const struct timespec *start)
{
    struct timespec now;

    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - start->tv_sec) * 1000.0 +
           (double)(now.tv_nsec - start->tv_nsec) / 1e6;
}

/* Open */

START_TEST(open_requires_an_out_pointer_and_a_uri)
{
    char path[PATH_SIZE];
    arc_db *db = NULL;

    new_path(path);
    ck_assert_rc(arc_db_open(NULL, path, NULL), ARC_EINVAL);
    ck_assert_error_mentions("out");
    ck_assert_rc(arc_db_open(&db, NULL, NULL), ARC_EINVAL);
    ck_assert_error_mentions("uri");
    ck_assert_rc(arc_db_open(&db, "", NULL), ARC_EINVAL);
    ck_assert_error_mentions("uri");
    ck_assert_ptr_null(db);
    ck_assert(!file_exists(path));
}
END_TEST

START_TEST(open_refuses_an_unknown_options_version)
{
    arc_db_options opts = ARC_DB_OPTIONS_INIT;
    char path[PATH_SIZE];
    arc_db *db = NULL;

    new_path(path);
    opts.version = ARC_DB_OPTIONS_VERSION + 1;
    ck_assert_rc(arc_db_open(&db, path, &opts), ARC_EVERSION);
    opts.version = 0;
    ck_assert_rc(arc_db_open(&db, path, &opts), ARC_EVERSION);
    ck_assert_ptr_null(db);
    ck_assert(!file_exists(path));
}
END_TEST

START_TEST(open_refuses_unknown_flag_bits)
{
    arc_db_options opts = ARC_DB_OPTIONS_INIT;
    char path[PATH_SIZE];
    arc_db *db = NULL;

    new_path(path);
    opts.flags = 1u << 2;
    ck_assert_rc(arc_db_open(&db, path, &opts), ARC_EINVAL);
    ck_assert_error_mentions("flags");
    opts.flags = ARC_DB_SYNC_NORMAL | (1u << 31);
    ck_assert_rc(arc_db_open(&db, path, &opts), ARC_EINVAL);
    ck_assert_ptr_null(db);
    ck_assert(!file_exists(path));
}
END_TEST

START_TEST(open_with_no_create_refuses_a_missing_book_and_creates_no_file)
{
    arc_db_options opts = ARC_DB_OPTIONS_INIT;
    char path[PATH_SIZE];
    arc_db *db = NULL;

    new_path(path);
    opts.flags = ARC_DB_NO_CREATE;
    ck_assert_rc(arc_db_open(&db, path, &opts), ARC_ENOTFOUND);
    ck_assert_error_mentions(path);
    ck_assert_ptr_null(db);
    ck_assert(!file_exists(path));
}
END_TEST

START_TEST(open_with_no_create_does_not_turn_an_empty_file_into_a_book)
{
    arc_db_options opts = ARC_DB_OPTIONS_INIT;
    char path[PATH_SIZE];
    unsigned char *after;
    size_t size = 1;
    arc_db *db = NULL;
    FILE *file;
    int rc;

    new_path(path);
    file = fopen(path, "wb");
    ck_assert_ptr_nonnull(file);
    fclose(file);

    opts.flags = ARC_DB_NO_CREATE;
    rc = arc_db_open(&db, path, &opts);
    arc_db_close(db);
    after = file_bytes(path, &size);
    free(after);
    remove_book(path);

    ck_assert_rc(rc, ARC_ENOTFOUND);
    ck_assert_ptr_null(db);
    ck_assert_uint_eq(size, 0);
}
END_TEST

START_TEST(open_refuses_a_negative_busy_timeout)
{
    arc_db_options opts = ARC_DB_OPTIONS_INIT;
    char path[PATH_SIZE];
    arc_db *db = NULL;

    new_path(path);
    opts.busy_timeout_ms = -1;
    ck_assert_rc(arc_db_open(&db, path, &opts), ARC_EINVAL);
    ck_assert_error_mentions("busy_timeout_ms");
    ck_assert_ptr_null(db);
    ck_assert(!file_exists(path));
}
END_TEST

START_TEST(open_with_no_create_opens_an_existing_book)
{
    char path[PATH_SIZE];
    char book_id[ARC_TOKEN_BUFSIZE];
    arc_db *db;

    new_path(path);
    db = open_book_at(path, 0, 0);
    snprintf(book_id, sizeof(book_id), "%s", arc_db_book_id(db));
    arc_db_close(db);

    db = open_book_at(path, ARC_DB_NO_CREATE, 0);
    ck_assert_str_eq(arc_db_book_id(db), book_id);
    arc_db_close(db);
    remove_book(path);
}
END_TEST

START_TEST(plain_path_and_sqlite_uri_open_the_same_book)
{
    char path[PATH_SIZE];
    char uri[PATH_SIZE + 16];
    char book_id[ARC_TOKEN_BUFSIZE];
    arc_db *db;

    new_path(path);
    ck_assert_int_eq(path[0], '/');
    db = open_book_at(path, 0, 0);
    assert_lower_hex(arc_db_book_id(db), 32);
    snprintf(book_id, sizeof(book_id), "%s", arc_db_book_id(db));
    arc_db_close(db);

    snprintf(uri, sizeof(uri), "sqlite:%s", path);
    db = open_book_at(uri, ARC_DB_NO_CREATE, 0);
    ck_assert_str_eq(arc_db_book_id(db), book_id);
    arc_db_close(db);

    snprintf(uri, sizeof(uri), "sqlite://%s", path);
    db = open_book_at(uri, ARC_DB_NO_CREATE, 0);
    ck_assert_str_eq(arc_db_book_id(db), book_id);
    arc_db_close(db);
    remove_book(path);
}
END_TEST

START_TEST(sqlite_uri_without_a_path_is_invalid)
{
    arc_db *db = NULL;

    ck_assert_rc(arc_db_open(&db, "sqlite:", NULL), ARC_EINVAL);
    ck_assert_error_mentions("sqlite:");
    ck_assert_ptr_null(db);
}
END_TEST

START_TEST(a_uri_of_an_unknown_scheme_is_unsupported)
{
    arc_db *db = NULL;

    ck_assert_rc(arc_db_open(&db, "mysql://arc@localhost/books", NULL), ARC_EUNSUPPORTED);
    ck_assert_error_mentions("mysql://arc@localhost/books");
    ck_assert_ptr_null(db);
    ck_assert_rc(arc_book_delete("mysql://arc@localhost/books", NULL), ARC_EUNSUPPORTED);
}
END_TEST

START_TEST(a_text_file_is_not_a_book_and_is_left_unchanged)
{
    static const char text[] = "customer,amount\nACME,100.00\nGLOBEX,2500.00\n"
                               "This is a spreadsheet export, not a receivables book.\n";
    char path[PATH_SIZE];
    char wal[PATH_SIZE + 8];
    unsigned char *after;
    size_t size = 0;
    bool unchanged, wal_left;
    arc_db *db = NULL;
    FILE *file;
    int rc;

    new_path(path);
    file = fopen(path, "wb");
    ck_assert_ptr_nonnull(file);
    ck_assert_uint_eq(fwrite(text, 1, sizeof(text) - 1, file), sizeof(text) - 1);
    fclose(file);

    rc = arc_db_open(&db, path, NULL);
    arc_db_close(db);

    after = file_bytes(path, &size);
    unchanged = size == sizeof(text) - 1 && memcmp(after, text, size) == 0;
    free(after);
    snprintf(wal, sizeof(wal), "%s-wal", path);
    wal_left = file_exists(wal);
    remove_book(path);

    ck_assert_rc(rc, ARC_ENOTBOOK);
    ck_assert_error_mentions(path);
    ck_assert_ptr_null(db);
    ck_assert(unchanged);
    ck_assert(!wal_left);
}
END_TEST

START_TEST(an_unrelated_sqlite_database_is_not_a_book_and_is_left_unchanged)
{
    char path[PATH_SIZE];
    char wal[PATH_SIZE + 8];
    unsigned char *before, *after;
    size_t before_size = 0, after_size = 0;
    int before_mode, after_mode, rc;
    bool unchanged, wal_left;
    arc_db *db = NULL;

    new_path(path);
    sqlite_exec_on(path,
                   "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);"
                   "INSERT INTO notes (body) VALUES ('call ACME on Monday');");
    before = file_bytes(path, &before_size);

    rc = arc_db_open(&db, path, NULL);
    arc_db_close(db);

    after = file_bytes(path, &after_size);
    unchanged = after_size == before_size && memcmp(before, after, before_size) == 0;
    before_mode = before[18];
    after_mode = after_size > 18 ? after[18] : -1;
    free(before);
    free(after);
    snprintf(wal, sizeof(wal), "%s-wal", path);
    wal_left = file_exists(wal);
    remove_book(path);

    ck_assert_rc(rc, ARC_ENOTBOOK);
    ck_assert_error_mentions(path);
    ck_assert_ptr_null(db);
    ck_assert_msg(unchanged,
                  "the database file was modified (journal mode byte %d -> %d)",
                  before_mode, after_mode);
    ck_assert(!wal_left);
}
END_TEST

START_TEST(a_book_from_a_newer_schema_is_refused)
{
    char path[PATH_SIZE];
    arc_db *db;

    new_path(path);
    db = open_book_at(path, 0, 0);
    arc_db_close(db);
    sqlite_exec_on(path, "PRAGMA user_version = 99");

    db = NULL;
    ck_assert_rc(arc_db_open(&db, path, NULL), ARC_EVERSION);
    ck_assert_error_mentions(path);
    ck_assert_ptr_null(db);
    remove_book(path);
}
END_TEST

START_TEST(a_new_book_has_the_current_schema_version)
{
    arc_db *db = test_open_book("2026-03-15");

    ck_assert_int_eq(arc_db_schema_version(db), 4);
    assert_lower_hex(arc_db_book_id(db), 32);
    test_close_book(db);
}
END_TEST

START_TEST(two_new_books_have_different_ids)
{
    arc_db *first = test_open_book("2026-03-15");
    arc_db *second = test_open_book("2026-03-15");

    ck_assert_str_ne(arc_db_book_id(first), arc_db_book_id(second));
    test_close_book(first);
    test_close_book(second);
}
END_TEST

START_TEST(reopening_a_book_keeps_its_records_and_id)
{
    char path[PATH_SIZE];
    char book_id[ARC_TOKEN_BUFSIZE];
    arc_customer *customer = NULL;
    arc_id id;
    arc_db *db;

    new_path(path);
    db = open_book_at(path, 0, 0);
    id = test_customer(db, "ACME", "USD");
    snprintf(book_id, sizeof(book_id), "%s", arc_db_book_id(db));
    arc_db_close(db);

    db = open_book_at(path, 0, 0);
    ck_assert_str_eq(arc_db_book_id(db), book_id);
    ck_assert_int_eq(arc_db_schema_version(db), 4);
    ck_assert_ok(arc_customer_lookup_reference(&customer, db, "ACME"));
    ck_assert_int_eq(arc_customer_id(customer), id);
    ck_assert_str_eq(arc_customer_currency(customer), "USD");
    ck_assert_uint_eq(customer_count(db), 1);
    arc_customer_free(customer);
    arc_db_close(db);
    remove_book(path);
}
END_TEST

START_TEST(close_ignores_null)
{
    arc_db_close(NULL);
    ck_assert_ptr_null(arc_db_book_id(NULL));
    ck_assert_int_eq(arc_tx_active(NULL), 0);
}
END_TEST

/* Options, versions and errors */

START_TEST(options_init_sets_every_default)
{
    arc_db_options opts;

    memset(&opts, 0x5A, sizeof(opts));
    ck_assert_ok(arc_db_options_init(&opts, ARC_DB_OPTIONS_VERSION));
    ck_assert_uint_eq(opts.version, ARC_DB_OPTIONS_VERSION);
    ck_assert_uint_eq(opts.flags, 0);
    ck_assert_ptr_null(opts.clock);
    ck_assert_ptr_null(opts.clock_data);
    ck_assert_int_eq(opts.busy_timeout_ms, 0);
}
END_TEST

START_TEST(options_init_refuses_an_unknown_version_and_null)
{
    arc_db_options opts = ARC_DB_OPTIONS_INIT;

    opts.flags = ARC_DB_NO_CREATE;
    ck_assert_rc(arc_db_options_init(&opts, ARC_DB_OPTIONS_VERSION + 1), ARC_EVERSION);
    ck_assert_uint_eq(opts.flags, ARC_DB_NO_CREATE);
    ck_assert_rc(arc_db_options_init(NULL, ARC_DB_OPTIONS_VERSION), ARC_EINVAL);
}
END_TEST

START_TEST(version_functions_report_the_header_version)
{
    char expected[32];
    int major = -1, minor = -1, patch = -1;

    arc_version(&major, &minor, &patch);
    ck_assert_int_eq(major, ARC_VERSION_MAJOR);
    ck_assert_int_eq(minor, ARC_VERSION_MINOR);
    ck_assert_int_eq(patch, ARC_VERSION_PATCH);
    ck_assert_str_eq(arc_version_string(), ARC_VERSION_STRING);
    snprintf(expected, sizeof(expected), "%d.%d.%d", ARC_VERSION_MAJOR, ARC_VERSION_MINOR,
             ARC_VERSION_PATCH);
    ck_assert_str_eq(arc_version_string(), expected);
    arc_version(NULL, NULL, NULL);
}
END_TEST

START_TEST(error_name_covers_every_code)
{
    static const struct {
        int code;
        const char *name;
    } expected[] = {
        { ARC_OK, "ARC_OK" },
        { ARC_ERROR, "ARC_ERROR" },
        { ARC_EINVAL, "ARC_EINVAL" },
        { ARC_ENOTFOUND, "ARC_ENOTFOUND" },
        { ARC_EEXISTS, "ARC_EEXISTS" },
        { ARC_ECONFLICT, "ARC_ECONFLICT" },
        { ARC_EBUSY, "ARC_EBUSY" },
        { ARC_ENOMEM, "ARC_ENOMEM" },
        { ARC_ESTORAGE, "ARC_ESTORAGE" },
        { ARC_ENOTBOOK, "ARC_ENOTBOOK" },
        { ARC_EVERSION, "ARC_EVERSION" },
        { ARC_EOVERFLOW, "ARC_EOVERFLOW" },
        { ARC_EUNSUPPORTED, "ARC_EUNSUPPORTED" },
    };

    for (size_t i = 0; i < sizeof(expected) / sizeof(expected[0]); i++)
        ck_assert_str_eq(arc_error_name(expected[i].code), expected[i].name);
    ck_assert_str_eq(arc_error_name(1), "ARC_UNKNOWN");
    ck_assert_str_eq(arc_error_name(-13), "ARC_UNKNOWN");
}
END_TEST

START_TEST(error_last_reports_the_last_failure_until_cleared)
{
    arc_db *db = NULL;

    arc_error_clear();
    ck_assert_str_eq(arc_error_last(), "");
    ck_assert_int_eq(arc_error_last_code(), ARC_OK);

    ck_assert_rc(arc_db_open(&db, "mysql://arc@localhost/books", NULL), ARC_EUNSUPPORTED);
    ck_assert_int_eq(arc_error_last_code(), ARC_EUNSUPPORTED);
    ck_assert_str_ne(arc_error_last(), "");

    arc_error_clear();
    ck_assert_str_eq(arc_error_last(), "");
    ck_assert_int_eq(arc_error_last_code(), ARC_OK);
}
END_TEST

struct thread_result {
    char initial[64];
    char message[512];
    int code;
};

static void *fail_on_another_thread(void *arg)
{
    struct thread_result *result = arg;
    arc_db_options opts = ARC_DB_OPTIONS_INIT;
    arc_db *db = NULL;

    snprintf(result->initial, sizeof(result->initial), "%s", arc_error_last());
    opts.flags = 1u << 5;
    result->code = arc_db_open(&db, "/nonexistent/book.db", &opts);
    snprintf(result->message, sizeof(result->message), "%s", arc_error_last());
    return NULL;
}

START_TEST(error_messages_are_kept_per_thread)
{
    struct thread_result result = { { 0 }, { 0 }, 0 };
    char mine[512];
    pthread_t thread;
    arc_db *db = NULL;

    ck_assert_rc(arc_db_open(&db, "mysql://arc@localhost/books", NULL), ARC_EUNSUPPORTED);
    snprintf(mine, sizeof(mine), "%s", arc_error_last());

    ck_assert_int_eq(pthread_create(&thread, NULL, fail_on_another_thread, &result), 0);
    ck_assert_int_eq(pthread_join(thread, NULL), 0);

    ck_assert_str_eq(result.initial, "");
    ck_assert_int_eq(result.code, ARC_EINVAL);
    ck_assert_msg(strstr(result.message, "flags") != NULL, "thread saw \"%s\"",
                  result.message);
    ck_assert_str_eq(arc_error_last(), mine);
    ck_assert_int_eq(arc_error_last_code(), ARC_EUNSUPPORTED);
}
END_TEST

/* Transactions */

START_TEST(transaction_cannot_be_begun_twice)
{
    arc_db *db = test_open_book("2026-03-15");

    ck_assert_int_eq(arc_tx_active(db), 0);
    ck_assert_ok(arc_tx_begin(db));
    ck_assert_int_eq(arc_tx_active(db), 1);
    ck_assert_rc(arc_tx_begin(db), ARC_ECONFLICT);
    ck_assert_int_eq(arc_tx_active(db), 1);
    ck_assert_ok(arc_tx_commit(db));
    ck_assert_int_eq(arc_tx_active(db), 0);
    test_close_book(db);
}
END_TEST

START_TEST(commit_and_rollback_need_an_open_transaction)
{
    arc_db *db = test_open_book("2026-03-15");

    ck_assert_rc(arc_tx_commit(db), ARC_ECONFLICT);
    ck_assert_rc(arc_tx_rollback(db), ARC_ECONFLICT);
    ck_assert_ok(arc_tx_begin(db));
    ck_assert_ok(arc_tx_rollback(db));
    ck_assert_int_eq(arc_tx_active(db), 0);
    ck_assert_rc(arc_tx_rollback(db), ARC_ECONFLICT);
    ck_assert_rc(arc_tx_commit(db), ARC_ECONFLICT);
    test_close_book(db);
}
END_TEST

START_TEST(rollback_undoes_every_call_in_the_transaction)
{
    arc_db *db = test_open_book("2026-03-15");

    test_customer(db, "KEPT", "USD");
    ck_assert_ok(arc_tx_begin(db));
    test_customer(db, "GONE-1", "USD");
    test_customer(db, "GONE-2", "EUR");
    ck_assert_uint_eq(customer_count(db), 3);
    ck_assert_ok(arc_tx_rollback(db));

    ck_assert_uint_eq(customer_count(db), 1);
    ck_assert(has_customer(db, "KEPT"));
    ck_assert(!has_customer(db, "GONE-1"));
    ck_assert(!has_customer(db, "GONE-2"));
    test_close_book(db);
}
END_TEST

START_TEST(commit_keeps_every_call_in_the_transaction)
{
    arc_db *db = test_open_book("2026-03-15");

    ck_assert_ok(arc_tx_begin(db));
    test_customer(db, "ONE", "USD");
    test_customer(db, "TWO", "USD");
    ck_assert_ok(arc_tx_commit(db));

    ck_assert_uint_eq(customer_count(db), 2);
    ck_assert(has_customer(db, "ONE"));
    ck_assert(has_customer(db, "TWO"));
    test_close_book(db);
}
END_TEST

START_TEST(a_failed_call_inside_a_transaction_leaves_it_usable)
{
    arc_db *db = test_open_book("2026-03-15");

    ck_assert_ok(arc_tx_begin(db));
    test_customer(db, "ACME", "USD");
    ck_assert_rc(try_customer(db, "ACME"), ARC_EEXISTS);
    ck_assert_int_eq(arc_tx_active(db), 1);
    test_customer(db, "GLOBEX", "USD");
    ck_assert_ok(arc_tx_commit(db));

    ck_assert_uint_eq(customer_count(db), 2);
    ck_assert(has_customer(db, "ACME"));
    ck_assert(has_customer(db, "GLOBEX"));
    test_close_book(db);
}
END_TEST

START_TEST(a_failed_call_inside_a_transaction_undoes_only_its_own_partial_work)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_credit_memo_opts opts = ARC_CREDIT_MEMO_OPTS_INIT;
    arc_credit_memo_page *page = NULL;
    arc_id customer, foreign_invoice;

    ck_assert_ok(arc_tx_begin(db));
    customer = test_customer(db, "ACME", "USD");
    foreign_invoice =
        test_invoice(db, test_customer(db, "GLOBEX", "USD"), "2026-03-01", 900);
    opts.customer_id = customer;
    opts.amount = 500;
    opts.invoice_id = foreign_invoice;
    ck_assert_rc(arc_credit_memo_create(NULL, db, &opts), ARC_EINVAL);
    ck_assert_int_eq(arc_tx_active(db), 1);
    opts.invoice_id = 0;
    ck_assert_ok(arc_credit_memo_create(NULL, db, &opts));
    ck_assert_ok(arc_tx_commit(db));

    ck_assert_ok(arc_credit_memo_list(&page, db, NULL));
    ck_assert_uint_eq(arc_credit_memo_page_count(page), 1);
    ck_assert_str_eq(arc_credit_memo_number(arc_credit_memo_page_at(page, 0)),
                     "CM-000001");
    arc_credit_memo_page_free(page);
    ck_assert_int_eq(test_invoice_balance(db, foreign_invoice), 900);
    ck_assert_uint_eq(customer_count(db), 2);
    test_close_book(db);
}
END_TEST

START_TEST(closing_a_book_rolls_back_its_open_transaction)
{
    char path[PATH_SIZE];
    arc_db *db;

    new_path(path);
    db = open_book_at(path, 0, 0);
    test_customer(db, "BEFORE", "USD");
    ck_assert_ok(arc_tx_begin(db));
    test_customer(db, "UNCOMMITTED", "USD");
    arc_db_close(db);

    db = open_book_at(path, 0, 0);
    ck_assert_int_eq(arc_tx_active(db), 0);
    ck_assert(has_customer(db, "BEFORE"));
    ck_assert(!has_customer(db, "UNCOMMITTED"));
    ck_assert_uint_eq(customer_count(db), 1);
    test_customer(db, "AFTER", "USD");
    arc_db_close(db);
    remove_book(path);
}
END_TEST

/* Several connections */

START_TEST(two_handles_on_one_book_see_each_others_writes)
{
    char path[PATH_SIZE];
    arc_db *first, *second;

    new_path(path);
    first = open_book_at(path, 0, 0);
    second = open_book_at(path, 0, 0);
    ck_assert_str_eq(arc_db_book_id(first), arc_db_book_id(second));

    test_customer(first, "FIRST-1", "USD");
    test_customer(second, "SECOND-1", "USD");
    test_customer(first, "FIRST-2", "USD");
    test_customer(second, "SECOND-2", "USD");

    ck_assert_uint_eq(customer_count(first), 4);
    ck_assert_uint_eq(customer_count(second), 4);
    ck_assert(has_customer(first, "SECOND-2"));
    ck_assert(has_customer(second, "FIRST-2"));
    arc_db_close(first);
    arc_db_close(second);
    remove_book(path);
}
END_TEST

/* Runs in the child: open a handle of its own and add three customers. */
static int child_writes(const char *path)
{
    static const char *const references[] = { "CHILD-1", "CHILD-2", "CHILD-3" };
    arc_db_options opts = ARC_DB_OPTIONS_INIT;
    arc_db *db = NULL;

    opts.flags = ARC_DB_SYNC_NORMAL;
    if (arc_db_open(&db, path, &opts) != ARC_OK)
        return 10;
    for (size_t i = 0; i < 3; i++) {
        if (try_customer(db, references[i]) != ARC_OK) {
            arc_db_close(db);
            return 11 + (int)i;
        }
    }
    arc_db_close(db);
    return 0;
}

START_TEST(a_child_process_and_the_parent_both_write_to_one_book)
{
    char path[PATH_SIZE];
    arc_db *db;
    int status = -1;
    pid_t child;

    new_path(path);
    db = open_book_at(path, 0, 0);
    arc_db_close(db);

    child = fork();
    ck_assert_int_ge(child, 0);
    if (child == 0)
        _exit(child_writes(path));

    db = open_book_at(path, 0, 0);
    test_customer(db, "PARENT-1", "USD");
    test_customer(db, "PARENT-2", "USD");
    ck_assert_int_eq(waitpid(child, &status, 0), child);
    ck_assert(WIFEXITED(status));
    ck_assert_int_eq(WEXITSTATUS(status), 0);

    ck_assert_uint_eq(customer_count(db), 5);
    ck_assert(has_customer(db, "PARENT-1"));
    ck_assert(has_customer(db, "PARENT-2"));
    ck_assert(has_customer(db, "CHILD-1"));
    ck_assert(has_customer(db, "CHILD-2"));
    ck_assert(has_customer(db, "CHILD-3"));
    test_customer(db, "PARENT-3", "USD");
    arc_db_close(db);
    remove_book(path);
}
END_TEST

START_TEST(a_write_waits_for_another_handles_transaction_then_reports_busy)
{
    struct timespec start;
    char path[PATH_SIZE];
    arc_db *holder, *waiter;
    double waited;

    new_path(path);
    holder = open_book_at(path, 0, 100);
    waiter = open_book_at(path, 0, 100);

    ck_assert_ok(arc_tx_begin(holder));
    test_customer(holder, "HELD", "USD");

    clock_gettime(CLOCK_MONOTONIC, &start);
    ck_assert_rc(try_customer(waiter, "BLOCKED"), ARC_EBUSY);
    waited = elapsed_ms(&start);
    ck_assert_msg(waited >= 90.0 && waited < 2000.0,
                  "waited %.0f ms with a busy timeout of 100 ms", waited);
    ck_assert_rc(arc_tx_begin(waiter), ARC_EBUSY);
    ck_assert_int_eq(arc_tx_active(waiter), 0);

    ck_assert_ok(arc_tx_commit(holder));
    ck_assert_ok(try_customer(waiter, "BLOCKED"));
    ck_assert(has_customer(waiter, "HELD"));
    ck_assert(has_customer(holder, "BLOCKED"));
    ck_assert_uint_eq(customer_count(holder), 2);
    arc_db_close(holder);
    arc_db_close(waiter);
    remove_book(path);
}
END_TEST

START_TEST(a_reader_sees_only_what_another_handle_committed)
{
    char path[PATH_SIZE];
    arc_db *writer, *reader;

    new_path(path);
    writer = open_book_at(path, 0, 100);
    reader = open_book_at(path, 0, 100);
    test_customer(writer, "COMMITTED", "USD");

    ck_assert_ok(arc_tx_begin(writer));
    test_customer(writer, "PENDING", "USD");
    ck_assert_uint_eq(customer_count(reader), 1);
    ck_assert(!has_customer(reader, "PENDING"));
    ck_assert_ok(arc_tx_commit(writer));

    ck_assert_uint_eq(customer_count(reader), 2);
    ck_assert(has_customer(reader, "PENDING"));
    arc_db_close(writer);
    arc_db_close(reader);
    remove_book(path);
}
END_TEST

/* Numbering */

static char *invoice_number_of(arc_db *db, arc_id invoice_id, char *out, size_t size)
{
    arc_invoice *invoice = NULL;

    ck_assert_ok(arc_invoice_lookup(&invoice, db, invoice_id));
    snprintf(out, size, "%s", arc_invoice_number(invoice));
    arc_invoice_free(invoice);
    return out;
}

static arc_id credit_memo_for(arc_db *db, arc_id customer_id, int64_t amount)
{
    arc_credit_memo_opts opts = ARC_CREDIT_MEMO_OPTS_INIT;
    arc_id id = 0;

    opts.customer_id = customer_id;
    opts.amount = amount;
    ck_assert_ok(arc_credit_memo_create(&id, db, &opts));
    return id;
}

static char *memo_number_of(arc_db *db, arc_id memo_id, char *out, size_t size)
{
    arc_credit_memo *memo = NULL;

    ck_assert_ok(arc_credit_memo_lookup(&memo, db, memo_id));
    snprintf(out, size, "%s", arc_credit_memo_number(memo));
    arc_credit_memo_free(memo);
    return out;
}

START_TEST(numbering_refuses_bad_arguments)
{
    arc_db *db = test_open_book("2026-03-15");
    char number[64];
    arc_id customer;

    ck_assert_rc(arc_db_set_numbering(db, (arc_sequence)2, "X-", 1, 4), ARC_EINVAL);
    ck_assert_error_mentions("sequence");
    ck_assert_rc(arc_db_set_numbering(db, (arc_sequence)-1, "X-", 1, 4), ARC_EINVAL);
    ck_assert_error_mentions("sequence");
    ck_assert_rc(arc_db_set_numbering(db, ARC_SEQUENCE_INVOICE, NULL, 1, 4), ARC_EINVAL);
    ck_assert_error_mentions("prefix");
    ck_assert_rc(arc_db_set_numbering(db, ARC_SEQUENCE_INVOICE, "X-", 0, 4), ARC_EINVAL);
    ck_assert_error_mentions("next");
    ck_assert_rc(arc_db_set_numbering(db, ARC_SEQUENCE_INVOICE, "X-", -5, 4), ARC_EINVAL);
    ck_assert_error_mentions("next");
    ck_assert_rc(arc_db_set_numbering(db, ARC_SEQUENCE_INVOICE, "X-", 1, 0), ARC_EINVAL);
    ck_assert_error_mentions("width");
    ck_assert_rc(arc_db_set_numbering(db, ARC_SEQUENCE_INVOICE, "X-", 1, 19), ARC_EINVAL);
    ck_assert_error_mentions("width");
    ck_assert_rc(arc_db_set_numbering(db, ARC_SEQUENCE_CREDIT_MEMO,
                                      "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456", 1, 4),
                 ARC_EINVAL);
    ck_assert_error_mentions("prefix");
    ck_assert_rc(arc_db_set_numbering(NULL, ARC_SEQUENCE_INVOICE, "X-", 1, 4),
                 ARC_EINVAL);

    customer = test_customer(db, "ACME", "USD");
    invoice_number_of(db, test_invoice(db, customer, "2026-03-01", 1000), number,
                      sizeof(number));
    ck_assert_str_eq(number, "INV-000001");
    memo_number_of(db, credit_memo_for(db, customer, 100), number, sizeof(number));
    ck_assert_str_eq(number, "CM-000001");
    test_close_book(db);
}
END_TEST

START_TEST(invoice_numbering_follows_the_prefix_next_and_width_set)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_id customer = test_customer(db, "ACME", "USD");
    char number[64];

    ck_assert_ok(arc_db_set_numbering(db, ARC_SEQUENCE_INVOICE, "AC-", 42, 4));
    invoice_number_of(db, test_invoice(db, customer, "2026-03-01", 1000), number,
                      sizeof(number));
    ck_assert_str_eq(number, "AC-0042");
    invoice_number_of(db, test_invoice(db, customer, "2026-03-02", 1000), number,
                      sizeof(number));
    ck_assert_str_eq(number, "AC-0043");
    memo_number_of(db, credit_memo_for(db, customer, 100), number, sizeof(number));
    ck_assert_str_eq(number, "CM-000001");
    test_close_book(db);
}
END_TEST

START_TEST(credit_memo_numbering_is_independent_of_invoices)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_id customer = test_customer(db, "ACME", "USD");
    char number[64];

    ck_assert_ok(arc_db_set_numbering(db, ARC_SEQUENCE_CREDIT_MEMO, "CR", 7, 3));
    memo_number_of(db, credit_memo_for(db, customer, 100), number, sizeof(number));
    ck_assert_str_eq(number, "CR007");
    invoice_number_of(db, test_invoice(db, customer, "2026-03-01", 1000), number,
                      sizeof(number));
    ck_assert_str_eq(number, "INV-000001");
    memo_number_of(db, credit_memo_for(db, customer, 100), number, sizeof(number));
    ck_assert_str_eq(number, "CR008");
    test_close_book(db);
}
END_TEST

START_TEST(numbering_width_is_a_minimum_and_prefix_may_be_empty)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_id customer = test_customer(db, "ACME", "USD");
    char number[64];

    ck_assert_ok(arc_db_set_numbering(db, ARC_SEQUENCE_INVOICE, "", 12345, 1));
    invoice_number_of(db, test_invoice(db, customer, "2026-03-01", 1000), number,
                      sizeof(number));
    ck_assert_str_eq(number, "12345");
    ck_assert_ok(arc_db_set_numbering(db, ARC_SEQUENCE_INVOICE, "F", 1, 18));
    invoice_number_of(db, test_invoice(db, customer, "2026-03-01", 1000), number,
                      sizeof(number));
    ck_assert_str_eq(number, "F000000000000000001");
    test_close_book(db);
}
END_TEST

START_TEST(numbering_set_in_a_rolled_back_transaction_is_undone)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_id customer = test_customer(db, "ACME", "USD");
    char number[64];

    ck_assert_ok(arc_tx_begin(db));
    ck_assert_ok(arc_db_set_numbering(db, ARC_SEQUENCE_INVOICE, "AC-", 42, 4));
    ck_assert_ok(arc_tx_rollback(db));
    invoice_number_of(db, test_invoice(db, customer, "2026-03-01", 1000), number,
                      sizeof(number));
    ck_assert_str_eq(number, "INV-000001");
    test_close_book(db);
}
END_TEST

/* Tokens */

START_TEST(token_is_32_lower_case_hex_digits)
{
    char first[ARC_TOKEN_BUFSIZE];
    char second[ARC_TOKEN_BUFSIZE];

    ck_assert_ok(arc_token_generate(first, sizeof(first)));
    ck_assert_ok(arc_token_generate(second, sizeof(second)));
    assert_lower_hex(first, 32);
    assert_lower_hex(second, 32);
    ck_assert_str_ne(first, second);
}
END_TEST

START_TEST(token_refuses_a_small_buffer_and_writes_nothing)
{
    char buf[ARC_TOKEN_BUFSIZE];

    memset(buf, 'x', sizeof(buf));
    ck_assert_rc(arc_token_generate(buf, ARC_TOKEN_BUFSIZE - 1), ARC_EINVAL);
    ck_assert_rc(arc_token_generate(buf, 0), ARC_EINVAL);
    ck_assert_rc(arc_token_generate(NULL, ARC_TOKEN_BUFSIZE), ARC_EINVAL);
    for (size_t i = 0; i < sizeof(buf); i++)
        ck_assert_int_eq(buf[i], 'x');
}
END_TEST

/* Clock */

START_TEST(today_comes_from_the_books_clock)
{
    arc_db *db = test_open_book("2026-03-15");

    ck_assert_int_eq(arc_db_today(db), test_date("2026-03-15"));
    ck_assert_int_eq(arc_db_now(db), test_clock_now);
    ck_assert_int_eq(arc_db_now(db), (arc_time)test_date("2026-03-15") * 86400 + 43200);
    test_set_today("2026-12-31");
    ck_assert_int_eq(arc_db_today(db), test_date("2026-12-31"));
    test_close_book(db);
}
END_TEST

START_TEST(an_invoice_issued_without_a_date_is_issued_today_and_due_after_terms)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_invoice_line_opts line = ARC_INVOICE_LINE_OPTS_INIT;
    arc_invoice_opts opts = ARC_INVOICE_OPTS_INIT;
    arc_invoice *invoice = NULL;
    arc_id id = 0;

    line.description = "Support plan";
    line.unit_price = 4200;
    opts.customer_id = test_customer(db, "ACME", "USD");
    opts.lines = &line;
    opts.line_count = 1;
    opts.flags = ARC_INVOICE_CREATE_ISSUED;
    ck_assert_ok(arc_invoice_create(&id, db, &opts));

    ck_assert_ok(arc_invoice_lookup(&invoice, db, id));
    ck_assert_int_eq(arc_invoice_issue_date(invoice), test_date("2026-03-15"));
    ck_assert_int_eq(arc_invoice_due_date(invoice), test_date("2026-04-14"));
    ck_assert_int_eq(arc_invoice_status_of(invoice), ARC_INVOICE_OPEN);
    ck_assert_int_eq(arc_invoice_balance(invoice), 4200);
    arc_invoice_free(invoice);
    test_close_book(db);
}
END_TEST

START_TEST(records_are_stamped_with_the_books_clock)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_customer *customer = NULL;
    arc_id id;

    test_set_today("2026-05-02");
    id = test_customer(db, "ACME", "USD");
    ck_assert_ok(arc_customer_lookup(&customer, db, id));
    ck_assert_int_eq(arc_customer_created_at(customer),
                     (arc_time)test_date("2026-05-02") * 86400 + 43200);
    arc_customer_free(customer);
    test_close_book(db);
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("db");
    TCase *open = tcase_create("open");
    TCase *errors = tcase_create("errors");
    TCase *transactions = tcase_create("transactions");
    TCase *connections = tcase_create("connections");
    TCase *processes = tcase_create("processes");
    TCase *numbering = tcase_create("numbering");
    TCase *token = tcase_create("token");
    TCase *clock = tcase_create("clock");

    tcase_add_test(open, open_requires_an_out_pointer_and_a_uri);
    tcase_add_test(open, open_refuses_an_unknown_options_version);
    tcase_add_test(open, open_refuses_unknown_flag_bits);
    tcase_add_test(open, open_with_no_create_refuses_a_missing_book_and_creates_no_file);
    tcase_add_test(open, open_with_no_create_does_not_turn_an_empty_file_into_a_book);
    tcase_add_test(open, open_with_no_create_opens_an_existing_book);
    tcase_add_test(open, open_refuses_a_negative_busy_timeout);
    tcase_add_test(open, plain_path_and_sqlite_uri_open_the_same_book);
    tcase_add_test(open, sqlite_uri_without_a_path_is_invalid);
    tcase_add_test(open, a_uri_of_an_unknown_scheme_is_unsupported);
    tcase_add_test(open, a_text_file_is_not_a_book_and_is_left_unchanged);
    tcase_add_test(open,
                   an_unrelated_sqlite_database_is_not_a_book_and_is_left_unchanged);
    tcase_add_test(open, a_book_from_a_newer_schema_is_refused);
    tcase_add_test(open, a_new_book_has_the_current_schema_version);
    tcase_add_test(open, two_new_books_have_different_ids);
    tcase_add_test(open, reopening_a_book_keeps_its_records_and_id);
    tcase_add_test(open, close_ignores_null);
    tcase_set_tags(open, TEST_TAG_SQLITE);
    suite_add_tcase(suite, open);

    tcase_add_test(errors, options_init_sets_every_default);
    tcase_add_test(errors, options_init_refuses_an_unknown_version_and_null);
    tcase_add_test(errors, version_functions_report_the_header_version);
    tcase_add_test(errors, error_name_covers_every_code);
    tcase_add_test(errors, error_last_reports_the_last_failure_until_cleared);
    tcase_add_test(errors, error_messages_are_kept_per_thread);
    suite_add_tcase(suite, errors);

    tcase_add_test(transactions, transaction_cannot_be_begun_twice);
    tcase_add_test(transactions, commit_and_rollback_need_an_open_transaction);
    tcase_add_test(transactions, rollback_undoes_every_call_in_the_transaction);
    tcase_add_test(transactions, commit_keeps_every_call_in_the_transaction);
    tcase_add_test(transactions, a_failed_call_inside_a_transaction_leaves_it_usable);
    tcase_add_test(transactions,
                   a_failed_call_inside_a_transaction_undoes_only_its_own_partial_work);
    tcase_add_test(transactions, closing_a_book_rolls_back_its_open_transaction);
    suite_add_tcase(suite, transactions);

    tcase_add_test(connections, two_handles_on_one_book_see_each_others_writes);
    tcase_add_test(connections,
                   a_write_waits_for_another_handles_transaction_then_reports_busy);
    tcase_add_test(connections, a_reader_sees_only_what_another_handle_committed);
    suite_add_tcase(suite, connections);

    tcase_add_test(processes, a_child_process_and_the_parent_both_write_to_one_book);
    tcase_set_tags(processes, TEST_TAG_PROCESSES);
    suite_add_tcase(suite, processes);

    tcase_add_test(numbering, numbering_refuses_bad_arguments);
    tcase_add_test(numbering, invoice_numbering_follows_the_prefix_next_and_width_set);
    tcase_add_test(numbering, credit_memo_numbering_is_independent_of_invoices);
    tcase_add_test(numbering, numbering_width_is_a_minimum_and_prefix_may_be_empty);
    tcase_add_test(numbering, numbering_set_in_a_rolled_back_transaction_is_undone);
    suite_add_tcase(suite, numbering);

    tcase_add_test(token, token_is_32_lower_case_hex_digits);
    tcase_add_test(token, token_refuses_a_small_buffer_and_writes_nothing);
    suite_add_tcase(suite, token);

    tcase_add_test(clock, today_comes_from_the_books_clock);
    tcase_add_test(clock,
                   an_invoice_issued_without_a_date_is_issued_today_and_due_after_terms);
    tcase_add_test(clock, records_are_stamped_with_the_books_clock);
    suite_add_tcase(suite, clock);

    return test_run_suite(suite);
}
