/*
 * The benchmark's shared pieces: its configuration, the phases it times,
 * the deterministic workload both sides write, and small measuring helpers.
 */
#ifndef ARC_BENCH_H
#define ARC_BENCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <arcollect.h>

/* Records written per transaction, on both sides. */
#define BENCH_BATCH 10000

/* How often each aging report is computed; the median is reported. */
#define BENCH_AGING_REPEATS 5

/* Most runs --runs accepts. */
#define BENCH_MAX_RUNS 100

/* The fixed "today" of every book. */
#define BENCH_TODAY "2025-06-30"

struct bench_config {
    long customers;
    long invoices;
    int runs;
    long balance_calls;
    const char *dir; /* where the books go */
    bool sync_normal;
    bool keep_books;
    bool disputes;       /* also run the dispute and communication workload */
    long communications; /* communications that workload records */
    long dispute_count;  /* disputes that workload opens */
    const char *uri;     /* also run the library phases against this book (--uri) */
};

enum bench_phase {
    PHASE_CUSTOMERS,
    PHASE_INVOICES,
    PHASE_PAYMENTS,
    PHASE_AGING,
    PHASE_AGING_TOTALS,
    PHASE_BALANCE,
    PHASE_RAW_CUSTOMERS,
    PHASE_RAW_INVOICES,
    PHASE_RAW_PAYMENTS,
    PHASE_COUNT
};

enum bench_rss { RSS_BEFORE_AGING, RSS_AFTER_AGING, RSS_COUNT };

/* What one run of the workload measured. */
struct bench_result {
    double seconds[PHASE_COUNT]; /* per phase; per call for balance */
    double items[PHASE_COUNT];   /* records handled in those seconds */
    long rss_kb[RSS_COUNT];
};

/* Everything the workload needs to know about one invoice. */
struct workload_invoice {
    long customer_index; /* 0-based; the customer's id is this plus 1 */
    char number[32];
    arc_date issue_date;
    arc_date due_date;
    arc_date paid_on; /* the day its payment arrives, when it is paid */
    long quantity[2]; /* managed endpoints, then Microsoft 365 seats */
    int64_t unit_price[2];
    int64_t net[2];
    int64_t tax[2];
    int64_t subtotal;
    int64_t tax_total;
    int64_t total;
    bool paid;
};

/* The workload (workload.c). */
extern const char *const workload_line_description[2];
extern const char *const workload_line_item_code[2];
extern const char *const workload_line_tax_rate[2]; /* "8.25", then none */
int workload_payment_terms(long customer_index);
void workload_customer_reference(char *buf, size_t size, long customer_index);
void workload_customer_name(char *buf, size_t size, long customer_index);
void workload_customer_email(char *buf, size_t size, long customer_index);
long workload_payment_count(long invoice_count);
void workload_invoice(struct workload_invoice *out, long index, long customer_count,
                      arc_date today);

/* The library side (api_ingest.c, api_reports.c). */
int api_open(arc_db **out, const struct bench_config *cfg, const char *path);
int api_customers(arc_db *db, const struct bench_config *cfg, arc_id *customer_ids,
                  struct bench_result *result);
int api_invoices(arc_db *db, const struct bench_config *cfg, const arc_id *customer_ids,
                 arc_id *invoice_ids, struct bench_result *result);
int api_payments(arc_db *db, const struct bench_config *cfg, const arc_id *customer_ids,
                 const arc_id *invoice_ids, struct bench_result *result);
int api_aging(arc_db *db, const struct bench_config *cfg, struct bench_result *result);
int api_balance(arc_db *db, const struct bench_config *cfg, const arc_id *customer_ids,
                struct bench_result *result);
int api_fail(int rc, const char *what, long index);
int api_batch_begin(arc_db *db, long index);
int api_batch_end(arc_db *db, long index, long count);
int api_invoice_create(arc_id *out, arc_db *db, const struct workload_invoice *invoice,
                       arc_id customer_id);

/* The dispute and communication workload (disputes_run.c); see disputes.h. */
int disputes_run(const struct bench_config *cfg, const char *dir);

/* The hand-written SQLite side (raw_baseline.c). */
int raw_run(const struct bench_config *cfg, const char *path,
            struct bench_result *result);

/* Output (report.c). */
void report_print(const char *prefix, const struct bench_result *result);
void report_median(struct bench_result *out, const struct bench_result *runs, int count);
void report_peak_rss(void);

/* Measuring (stats.c). */
double bench_now(void);
double bench_median(double *values, size_t count);
long bench_median_long(long *values, size_t count);
long bench_rss_kb(void);
long bench_peak_rss_kb(void);
uint64_t bench_random(uint64_t *state);
arc_time bench_clock(void *clock_data);
int bench_today(arc_date *out);
void bench_remove_book(const char *path); /* main.c */

#endif
