/*
 * pg.multiprocess: four processes, each with its own connection, record
 * payments (with idempotency keys that the others use too, applied
 * automatically), open disputes and create invoices with generated numbers
 * in one book at the same time. Afterwards every total is exact: each key
 * made one payment, every payment was applied once, no number was given
 * twice, and no dispute or invoice is missing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pg_test.h"

enum {
    WORKERS = 4,
    CUSTOMERS = 4,
    INVOICES_EACH = 10, /* per customer, before the workers start */
    INVOICE_AMOUNT = 1000,
    KEYS = 50,          /* distinct idempotency keys */
    PAYMENTS_EACH = 40, /* payments each worker records, keys overlapping */
    DISPUTES_EACH = 3,
    NEW_INVOICES_EACH = 5,
    NEW_INVOICE_AMOUNT = 200
};

static char book[64];

static int64_t key_amount(int key)
{
    return 100 + key;
}

static arc_id key_customer(int key)
{
    return key % CUSTOMERS + 1;
}

/* A call a host may repeat: retried while another writer holds the book. */
static int with_retry(int rc_first, int (*again)(arc_db *db, int index), arc_db *db,
                      int index)
{
    int rc = rc_first;

    for (int attempt = 0; rc == ARC_EBUSY && attempt < 20; attempt++)
        rc = again(db, index);
    return rc;
}

static int record_payment(arc_db *db, int key)
{
    arc_payment_opts opts = ARC_PAYMENT_OPTS_INIT;
    char idempotency_key[32];
    arc_id id;

    snprintf(idempotency_key, sizeof(idempotency_key), "PAY-%03d", key);
    opts.customer_id = key_customer(key);
    opts.amount = key_amount(key);
    opts.method = ARC_PAYMENT_ACH;
    opts.idempotency_key = idempotency_key;
    opts.flags = ARC_PAYMENT_AUTO_APPLY;
    return arc_payment_record(&id, db, &opts);
}

/* Worker w disputes the last invoices of customer w + 1, which the payments
 * never reach. */
static int open_dispute(arc_db *db, int index)
{
    arc_dispute_opts opts = ARC_DISPUTE_OPTS_INIT;
    arc_invoice *invoice = NULL;
    char number[32];
    int worker = index / DISPUTES_EACH;
    arc_id id;
    int rc;

    snprintf(number, sizeof(number), "INV-%d-%02d", worker + 1,
             INVOICES_EACH - 1 - index % DISPUTES_EACH);
    rc = arc_invoice_lookup_number(&invoice, db, number);
    if (rc != ARC_OK)
        return rc;
    opts.invoice_id = arc_invoice_id(invoice);
    arc_invoice_free(invoice);
    opts.reason_code = "PRICING";
    opts.amount = 50;
    opts.opened_by = "worker";
    return arc_dispute_open(&id, db, &opts);
}

static int create_invoice(arc_db *db, int worker)
{
    arc_invoice_line_opts line = ARC_INVOICE_LINE_OPTS_INIT;
    arc_invoice_opts opts = ARC_INVOICE_OPTS_INIT;
    arc_id id;

    line.description = "Extra seats";
    line.unit_price = NEW_INVOICE_AMOUNT;
    opts.customer_id = worker + 1;
    opts.lines = &line;
    opts.line_count = 1;
    opts.flags = ARC_INVOICE_CREATE_ISSUED;
    return arc_invoice_create(&id, db, &opts);
}

static int worker_failed(int worker, const char *what, int rc)
{
    fprintf(stderr, "worker %d: %s: %s: %s\n", worker, what, arc_error_name(rc),
            arc_error_last());
    return 1;
}

static int run_worker(int worker)
{
    arc_db_options opts = ARC_DB_OPTIONS_INIT;
    arc_db *db = NULL;
    int rc;

    opts.clock = pg_test_clock;
    opts.busy_timeout_ms = 20000;
    rc = arc_db_open(&db, pg_test_uri(book, NULL), &opts);
    if (rc != ARC_OK)
        return worker_failed(worker, "open", rc);

    for (int i = 0; i < PAYMENTS_EACH && rc == ARC_OK; i++) {
        int key = (worker * 10 + i) % KEYS;

        rc = with_retry(record_payment(db, key), record_payment, db, key);
        if (rc == ARC_OK && i % 8 == worker) {
            int index = worker * DISPUTES_EACH + i / 8 % DISPUTES_EACH;

            if (i / 8 < DISPUTES_EACH)
                rc = with_retry(open_dispute(db, index), open_dispute, db, index);
        }
        if (rc == ARC_OK && i < NEW_INVOICES_EACH)
            rc = with_retry(create_invoice(db, worker), create_invoice, db, worker);
    }
    if (rc != ARC_OK)
        worker_failed(worker, "writing", rc);
    arc_db_close(db);
    return rc == ARC_OK ? 0 : 1;
}

static arc_db *prepare_book(void)
{
    arc_db_options opts = ARC_DB_OPTIONS_INIT;
    arc_db *db = NULL;
    char reference[32], number[32];

    pg_test_book_name(book, sizeof(book), "multi");
    pg_test_delete(pg_test_uri(book, NULL));
    opts.clock = pg_test_clock;
    ck_assert_ok(arc_db_open(&db, pg_test_uri(book, NULL), &opts));
    ck_assert_ok(arc_tx_begin(db));
    for (int c = 1; c <= CUSTOMERS; c++) {
        snprintf(reference, sizeof(reference), "CUST-%d", c);
        ck_assert_int_eq(pg_test_customer(db, reference), c);
        for (int i = 0; i < INVOICES_EACH; i++) {
            snprintf(number, sizeof(number), "INV-%d-%02d", c, i);
            pg_test_invoice(db, c, number, INVOICE_AMOUNT);
        }
    }
    ck_assert_ok(arc_tx_commit(db));
    return db;
}

static void run_workers(void)
{
    pid_t pids[WORKERS];
    int status;

    fflush(NULL);
    for (int worker = 0; worker < WORKERS; worker++) {
        pids[worker] = fork();
        ck_assert_int_ge(pids[worker], 0);
        if (pids[worker] == 0)
            _exit(run_worker(worker));
    }
    for (int worker = 0; worker < WORKERS; worker++) {
        ck_assert_int_eq(waitpid(pids[worker], &status, 0), pids[worker]);
        ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
                      "worker %d failed (see its message above)", worker);
    }
}

/* Each key made exactly one payment, for its amount and customer. */
static void check_payments(arc_db *db, int64_t paid_by[CUSTOMERS + 1])
{
    arc_list_opts list = ARC_LIST_OPTS_INIT;
    arc_payment_page *page = NULL;
    bool seen[KEYS] = { false };
    int64_t total = 0;

    list.limit = ARC_LIST_MAX_LIMIT;
    ck_assert_ok(arc_payment_list(&page, db, &list));
    ck_assert_uint_eq(arc_payment_page_count(page), KEYS);
    for (size_t i = 0; i < arc_payment_page_count(page); i++) {
        const arc_payment *payment = arc_payment_page_at(page, i);
        int key = atoi(arc_payment_idempotency_key(payment) + 4);

        ck_assert_msg(key >= 0 && key < KEYS && !seen[key], "key %d twice", key);
        seen[key] = true;
        ck_assert_int_eq(arc_payment_amount(payment), key_amount(key));
        ck_assert_int_eq(arc_payment_customer_id(payment), key_customer(key));
        paid_by[key_customer(key)] += key_amount(key);
        total += key_amount(key);
    }
    arc_payment_page_free(page);
    ck_assert_int_eq(total, KEYS * 100 + KEYS * (KEYS - 1) / 2);
}

/* No invoice number twice, and every invoice there. */
static void check_invoices(arc_db *db)
{
    arc_list_opts list = ARC_LIST_OPTS_INIT;
    arc_invoice_page *page = NULL;
    size_t count;

    list.limit = ARC_LIST_MAX_LIMIT;
    ck_assert_ok(arc_invoice_list(&page, db, &list));
    count = arc_invoice_page_count(page);
    ck_assert_uint_eq(count, CUSTOMERS * INVOICES_EACH + WORKERS * NEW_INVOICES_EACH);
    for (size_t i = 0; i < count; i++) {
        for (size_t j = i + 1; j < count; j++)
            ck_assert_str_ne(arc_invoice_number(arc_invoice_page_at(page, i)),
                             arc_invoice_number(arc_invoice_page_at(page, j)));
    }
    arc_invoice_page_free(page);
}

START_TEST(four_processes_record_payments_and_disputes_exactly_once)
{
    arc_db *db = prepare_book();
    arc_list_opts list = ARC_LIST_OPTS_INIT;
    arc_dispute_page *disputes = NULL;
    int64_t paid_by[CUSTOMERS + 1] = { 0 };

    run_workers();
    check_payments(db, paid_by);
    check_invoices(db);

    list.limit = ARC_LIST_MAX_LIMIT;
    ck_assert_ok(arc_dispute_list(&disputes, db, &list));
    ck_assert_uint_eq(arc_dispute_page_count(disputes), WORKERS * DISPUTES_EACH);
    arc_dispute_page_free(disputes);

    /* Every payment went to its customer's invoices, once. */
    for (arc_id c = 1; c <= CUSTOMERS; c++) {
        int64_t credit = -1;

        ck_assert_int_eq(pg_test_balance(db, c),
                         INVOICES_EACH * INVOICE_AMOUNT +
                             NEW_INVOICES_EACH * NEW_INVOICE_AMOUNT - paid_by[c]);
        ck_assert_ok(arc_customer_unapplied_credit(&credit, db, c, NULL));
        ck_assert_int_eq(credit, 0);
    }
    /* The journal has each payment once, in plain SQL too. */
    ck_assert_int_eq(pg_test_count_kind("events", book, "payment.received"), KEYS);
    ck_assert_int_eq(pg_test_count_kind("events", book, "dispute.opened"),
                     WORKERS * DISPUTES_EACH);
    arc_db_close(db);
    pg_test_delete(pg_test_uri(book, NULL));
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("pg.multiprocess");
    TCase *processes = tcase_create("processes");

    pg_test_require_server("pg.multiprocess");
    tcase_set_timeout(processes, 300);
    tcase_add_test(processes, four_processes_record_payments_and_disputes_exactly_once);
    suite_add_tcase(suite, processes);
    return pg_test_run(suite);
}
