#define _POSIX_C_SOURCE 200809L

#include "pg_test.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

void pg_test_require_server(const char *suite)
{
    const char *server = getenv("ARC_TEST_PG_URI");

    if (server != NULL && *server != '\0')
        return;
    printf("%s: SKIPPED: ARC_TEST_PG_URI is not set; no PostgreSQL server was started"
           " (scripts/test.sh starts one when PostgreSQL is installed)\n",
           suite);
    exit(77);
}

const char *pg_test_server(void)
{
    return getenv("ARC_TEST_PG_URI");
}

static char *next_buffer(void)
{
    static char buffers[8][1100];
    static unsigned int next;

    return buffers[next++ % 8];
}

static const char *with_book(char *out, const char *base, const char *book,
                             const char *extra)
{
    snprintf(out, 1100, "%s%cbook=%s%s%s", base, strchr(base, '?') ? '&' : '?', book,
             extra ? "&" : "", extra ? extra : "");
    return out;
}

const char *pg_test_uri(const char *book, const char *extra)
{
    return with_book(next_buffer(), pg_test_server(), book, extra);
}

/* The server URI is postgresql://USER@HOST:PORT/DATABASE. */
const char *pg_test_uri_as(const char *role, const char *book)
{
    char base[1024];

    snprintf(base, sizeof(base), "postgresql://%s%s", role,
             strchr(pg_test_server(), '@'));
    return with_book(next_buffer(), base, book, NULL);
}

const char *pg_test_uri_in(const char *database, const char *book)
{
    char base[1024];
    const char *server = pg_test_server();
    const char *path = strchr(server + strlen("postgresql://"), '/');

    snprintf(base, sizeof(base), "%.*s/%s", (int)(path - server), server, database);
    return with_book(next_buffer(), base, book, NULL);
}

void pg_test_book_name(char *out, size_t size, const char *stem)
{
    snprintf(out, size, "pgt_%s_%ld", stem, (long)getpid());
}

static void ignore_notice(void *data, const char *message)
{
    (void)data;
    (void)message;
}

static PGconn *connect_to(const char *database)
{
    char uri[1100];
    PGconn *conn;

    snprintf(uri, sizeof(uri), "%s",
             pg_test_uri_in(database ? database : "arcollect_test", "x"));
    *strrchr(uri, '?') = '\0';
    conn = PQconnectdb(uri);
    ck_assert_msg(PQstatus(conn) == CONNECTION_OK, "connecting: %s",
                  PQerrorMessage(conn));
    PQsetNoticeProcessor(conn, ignore_notice, NULL);
    return conn;
}

void pg_test_sql(const char *database, const char *sql)
{
    PGconn *conn = connect_to(database);
    PGresult *res = PQexec(conn, sql);
    ExecStatusType status = PQresultStatus(res);

    ck_assert_msg(status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK, "%s: %s", sql,
                  PQerrorMessage(conn));
    PQclear(res);
    PQfinish(conn);
}

static int64_t count_rows(const char *database, const char *table, const char *book,
                          const char *kind)
{
    const char *values[2] = { book, kind };
    char sql[256];
    PGconn *conn = connect_to(database);
    PGresult *res;
    int64_t count;

    snprintf(sql, sizeof(sql), "SELECT count(*) FROM arcollect.%s WHERE book = $1%s",
             table, kind ? " AND kind = $2" : "");
    res = PQexecParams(conn, sql, kind ? 2 : 1, NULL, values, NULL, NULL, 0);
    ck_assert_msg(PQresultStatus(res) == PGRES_TUPLES_OK, "%s: %s", sql,
                  PQerrorMessage(conn));
    count = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
    PQclear(res);
    PQfinish(conn);
    return count;
}

int64_t pg_test_count_in(const char *database, const char *table, const char *book)
{
    return count_rows(database, table, book, NULL);
}

int64_t pg_test_count(const char *table, const char *book)
{
    return count_rows(NULL, table, book, NULL);
}

int64_t pg_test_count_kind(const char *table, const char *book, const char *kind)
{
    return count_rows(NULL, table, book, kind);
}

double pg_test_reltuples(const char *database, const char *table)
{
    const char *values[1] = { table };
    PGconn *conn = connect_to(database);
    PGresult *res =
        PQexecParams(conn, "SELECT reltuples FROM pg_class WHERE oid = $1::regclass", 1,
                     NULL, values, NULL, NULL, 0);
    double rows;

    ck_assert_msg(PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1,
                  "statistics of %s: %s", table, PQerrorMessage(conn));
    rows = strtod(PQgetvalue(res, 0, 0), NULL);
    PQclear(res);
    PQfinish(conn);
    return rows;
}

void pg_test_kill_backend(const char *application_name)
{
    const char *values[1] = { application_name };
    PGconn *conn = connect_to(NULL);
    PGresult *res = PQexecParams(conn,
                                 "SELECT count(pg_terminate_backend(pid))"
                                 " FROM pg_stat_activity WHERE application_name = $1",
                                 1, NULL, values, NULL, NULL, 0);

    ck_assert_msg(PQresultStatus(res) == PGRES_TUPLES_OK &&
                      strcmp(PQgetvalue(res, 0, 0), "0") != 0,
                  "no connection named %s to close", application_name);
    PQclear(res);
    PQfinish(conn);
    nanosleep(&(struct timespec){ 0, 200 * 1000 * 1000 }, NULL); /* let it close */
}

void pg_test_delete(const char *uri)
{
    int rc = arc_book_delete(uri, NULL);

    ck_assert_msg(rc == ARC_OK || rc == ARC_ENOTFOUND, "deleting %s: %s", uri,
                  arc_error_last());
}

arc_time pg_test_clock(void *data)
{
    arc_date date;

    (void)data;
    arc_date_from_ymd(&date, 2026, 3, 2);
    return (arc_time)date * 86400 + 12 * 3600;
}

arc_id pg_test_customer(arc_db *db, const char *reference)
{
    arc_customer_opts opts = ARC_CUSTOMER_OPTS_INIT;
    arc_id id = 0;

    opts.reference = reference;
    opts.name = reference;
    opts.currency = "USD";
    ck_assert_ok(arc_customer_create(&id, db, &opts));
    return id;
}

int pg_test_invoice_rc(arc_db *db, arc_id customer, const char *number, int64_t amount)
{
    arc_invoice_line_opts line = ARC_INVOICE_LINE_OPTS_INIT;
    arc_invoice_opts opts = ARC_INVOICE_OPTS_INIT;
    arc_id id;

    line.description = "Managed services";
    line.unit_price = amount;
    opts.customer_id = customer;
    opts.number = number;
    opts.lines = &line;
    opts.line_count = 1;
    opts.flags = ARC_INVOICE_CREATE_ISSUED;
    return arc_invoice_create(&id, db, &opts);
}

arc_id pg_test_invoice(arc_db *db, arc_id customer, const char *number, int64_t amount)
{
    arc_invoice_line_opts line = ARC_INVOICE_LINE_OPTS_INIT;
    arc_invoice_opts opts = ARC_INVOICE_OPTS_INIT;
    arc_id id = 0;

    line.description = "Managed services";
    line.unit_price = amount;
    opts.customer_id = customer;
    opts.number = number;
    opts.lines = &line;
    opts.line_count = 1;
    opts.flags = ARC_INVOICE_CREATE_ISSUED;
    ck_assert_ok(arc_invoice_create(&id, db, &opts));
    return id;
}

arc_id pg_test_payment(arc_db *db, arc_id customer, int64_t amount, const char *key)
{
    arc_payment_opts opts = ARC_PAYMENT_OPTS_INIT;
    arc_id id = 0;

    opts.customer_id = customer;
    opts.amount = amount;
    opts.method = ARC_PAYMENT_ACH;
    opts.idempotency_key = key;
    ck_assert_ok(arc_payment_record(&id, db, &opts));
    return id;
}

int64_t pg_test_balance(arc_db *db, arc_id customer)
{
    int64_t balance = -1;

    ck_assert_ok(arc_customer_balance(&balance, db, customer, NULL));
    return balance;
}

int pg_test_run(Suite *suite)
{
    SRunner *runner = srunner_create(suite);
    int failed;

    srunner_run_all(runner, CK_NORMAL);
    failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed == 0 ? 0 : 1;
}
