/*
 * arc_bench: times libarcollect on a large book and compares its ingest with
 * hand-written SQLite inserts of the same rows. See bench/README.md.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bench.h"

#define PATH_BUFSIZE 4096

struct bench_dir {
    char path[PATH_BUFSIZE];
    bool temporary;
};

static double started_at;

static void usage(FILE *out, const char *program)
{
    fprintf(out,
            "usage: %s [--customers N] [--invoices N] [--runs N] [--dir PATH]"
            " [--sync-normal] [--keep]\n"
            "       [--disputes [--communications N] [--dispute-count N]] [--uri URI]\n"
            "  --customers N   customers to create (default 10000)\n"
            "  --invoices N    issued invoices to create (default 1000000)\n"
            "  --runs N        repeat the workload in fresh books, report medians\n"
            "  --dir PATH      where the books go (default: a new temporary directory)\n"
            "  --sync-normal   synchronous=NORMAL instead of the default FULL\n"
            "  --keep          keep the books instead of removing them\n"
            "  --disputes      also run the dispute and communication workload\n"
            "  --communications N  communications it records (default 1000000)\n"
            "  --dispute-count N   disputes it opens (default 100000)\n"
            "  --uri URI       also run the library phases against the book at URI\n"
            "                  (deleted first), printed as BENCH <backend> <phase> ...\n",
            program);
}

static void progress(int run, const char *what)
{
    fprintf(stderr, "arc_bench: run %d: %s (%.1f s)\n", run, what,
            bench_now() - started_at);
}

static int parse_count(long *out, const char *flag, const char *text, long max)
{
    char *end;
    long value;

    errno = 0;
    value = text != NULL ? strtol(text, &end, 10) : 0;
    if (text == NULL || errno != 0 || end == text || *end != '\0' || value < 1 ||
        value > max) {
        fprintf(stderr, "arc_bench: %s: expected a number from 1 to %ld\n", flag, max);
        return -1;
    }
    *out = value;
    return 0;
}

/* Flags that take a value; returns 1 when @p flag is not one of them. */
static int parse_valued_flag(struct bench_config *cfg, const char *flag,
                             const char *value)
{
    long runs;

    if (strcmp(flag, "--customers") == 0)
        return parse_count(&cfg->customers, flag, value, 100000000L);
    if (strcmp(flag, "--invoices") == 0)
        return parse_count(&cfg->invoices, flag, value, 1000000000L);
    if (strcmp(flag, "--communications") == 0)
        return parse_count(&cfg->communications, flag, value, 1000000000L);
    if (strcmp(flag, "--dispute-count") == 0)
        return parse_count(&cfg->dispute_count, flag, value, 100000000L);
    if (strcmp(flag, "--runs") == 0) {
        if (parse_count(&runs, flag, value, BENCH_MAX_RUNS) != 0)
            return -1;
        cfg->runs = (int)runs;
        return 0;
    }
    if (strcmp(flag, "--uri") == 0) {
        cfg->uri = value;
        return value != NULL && value[0] != '\0' ? 0 : -1;
    }
    if (strcmp(flag, "--dir") == 0) {
        cfg->dir = value;
        return value != NULL && value[0] != '\0' ? 0 : -1;
    }
    return 1;
}

static int parse_args(struct bench_config *cfg, int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *value = i + 1 < argc ? argv[i + 1] : NULL;
        int rc;

        if (strcmp(argv[i], "--sync-normal") == 0) {
            cfg->sync_normal = true;
            continue;
        }
        if (strcmp(argv[i], "--keep") == 0) {
            cfg->keep_books = true;
            continue;
        }
        if (strcmp(argv[i], "--disputes") == 0) {
            cfg->disputes = true;
            continue;
        }

        rc = parse_valued_flag(cfg, argv[i], value);
        if (rc != 0)
            return -1;
        i++;
    }
    return 0;
}

static int prepare_dir(struct bench_dir *dir, const struct bench_config *cfg)
{
    const char *tmp = getenv("TMPDIR");

    if (cfg->dir != NULL) {
        snprintf(dir->path, sizeof dir->path, "%s", cfg->dir);
        dir->temporary = false;
        if (mkdir(dir->path, 0700) != 0 && errno != EEXIST) {
            fprintf(stderr, "arc_bench: mkdir %s: %s\n", dir->path, strerror(errno));
            return -1;
        }
        return 0;
    }

    snprintf(dir->path, sizeof dir->path, "%s/arc-bench-XXXXXX",
             tmp != NULL && tmp[0] != '\0' ? tmp : "/tmp");
    dir->temporary = true;
    if (mkdtemp(dir->path) == NULL) {
        fprintf(stderr, "arc_bench: mkdtemp %s: %s\n", dir->path, strerror(errno));
        return -1;
    }
    return 0;
}

/* Remove a book and the side files SQLite may leave next to it. */
void bench_remove_book(const char *path)
{
    static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
    char file[PATH_BUFSIZE + 64];

    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        snprintf(file, sizeof file, "%s%s", path, suffixes[i]);
        if (unlink(file) != 0 && errno != ENOENT)
            fprintf(stderr, "arc_bench: remove %s: %s\n", file, strerror(errno));
    }
}

static int api_phases(arc_db *db, const struct bench_config *cfg, arc_id *customer_ids,
                      arc_id *invoice_ids, struct bench_result *result, int run)
{
    int rc = api_customers(db, cfg, customer_ids, result);

    if (rc == ARC_OK) {
        progress(run, "customers created");
        rc = api_invoices(db, cfg, customer_ids, invoice_ids, result);
    }
    if (rc == ARC_OK) {
        progress(run, "invoices created");
        rc = api_payments(db, cfg, customer_ids, invoice_ids, result);
    }
    if (rc == ARC_OK) {
        progress(run, "payments recorded");
        rc = api_aging(db, cfg, result);
    }
    if (rc == ARC_OK)
        rc = api_balance(db, cfg, customer_ids, result);
    return rc;
}

static int run_api(const struct bench_config *cfg, const char *path,
                   struct bench_result *result, int run)
{
    arc_id *customer_ids = calloc((size_t)cfg->customers, sizeof *customer_ids);
    arc_id *invoice_ids = calloc((size_t)cfg->invoices, sizeof *invoice_ids);
    arc_db *db = NULL;
    int rc = ARC_ENOMEM;

    if (customer_ids != NULL && invoice_ids != NULL)
        rc = api_open(&db, cfg, path);
    else
        fprintf(stderr, "arc_bench: out of memory for the record ids\n");

    if (rc == ARC_OK)
        rc = api_phases(db, cfg, customer_ids, invoice_ids, result, run);

    arc_db_close(db);
    free(customer_ids);
    free(invoice_ids);
    return rc;
}

static int run_once(const struct bench_config *cfg, const struct bench_dir *dir, int run,
                    struct bench_result *result)
{
    char api_path[PATH_BUFSIZE + 32], raw_path[PATH_BUFSIZE + 32];
    int rc;

    snprintf(api_path, sizeof api_path, "%s/api-%d.arcbook", dir->path, run);
    snprintf(raw_path, sizeof raw_path, "%s/raw-%d.arcbook", dir->path, run);
    bench_remove_book(api_path);
    bench_remove_book(raw_path);

    rc = run_api(cfg, api_path, result, run);
    if (rc == ARC_OK) {
        progress(run, "library phases done");
        rc = raw_run(cfg, raw_path, result);
    }
    if (rc == ARC_OK)
        progress(run, "baseline done");

    if (!cfg->keep_books) {
        bench_remove_book(api_path);
        bench_remove_book(raw_path);
    }
    return rc;
}

static int run_all(const struct bench_config *cfg, const struct bench_dir *dir)
{
    static struct bench_result results[BENCH_MAX_RUNS];
    struct bench_result median;
    char prefix[32];

    for (int run = 0; run < cfg->runs; run++) {
        int rc = run_once(cfg, dir, run + 1, &results[run]);

        if (rc != ARC_OK)
            return rc;
        if (cfg->runs > 1) {
            snprintf(prefix, sizeof prefix, "RUN %d ", run + 1);
            report_print(prefix, &results[run]);
        }
    }

    report_median(&median, results, cfg->runs);
    report_print("", &median);
    report_peak_rss();
    return ARC_OK;
}

/* The library phases against --uri, each run in a fresh book, as
 * "BENCH <backend> <phase> <seconds> <items_per_second> -" lines (medians). */
static int run_uri(const struct bench_config *cfg)
{
    static const char *const phases[] = { "customers", "invoices",     "payments",
                                          "aging",     "aging_totals", "balance" };
    static struct bench_result results[BENCH_MAX_RUNS];
    const char *scheme_end = strstr(cfg->uri, "://");
    int backend_length = scheme_end ? (int)(scheme_end - cfg->uri) : 6;
    struct bench_result median;
    int rc = ARC_OK;

    for (int run = 0; run < cfg->runs && rc == ARC_OK; run++) {
        rc = arc_book_delete(cfg->uri, NULL);
        if (rc == ARC_OK || rc == ARC_ENOTFOUND)
            rc = run_api(cfg, cfg->uri, &results[run], run + 1);
        if (rc == ARC_OK && !cfg->keep_books)
            rc = arc_book_delete(cfg->uri, NULL);
        if (rc != ARC_OK)
            return api_fail(rc, cfg->uri, -1);
        progress(run + 1, "library phases against --uri done");
    }

    report_median(&median, results, cfg->runs);
    for (int phase = PHASE_CUSTOMERS; phase <= PHASE_BALANCE; phase++) {
        double seconds = median.seconds[phase];

        printf("BENCH %.*s %s %.3f %lld -\n", backend_length,
               scheme_end ? cfg->uri : "sqlite", phases[phase], seconds,
               (long long)(seconds > 0.0 ? median.items[phase] / seconds + 0.5 : 0.0));
    }
    fflush(stdout);
    return ARC_OK;
}

int main(int argc, char **argv)
{
    struct bench_config cfg = { .customers = 10000,
                                .invoices = 1000000,
                                .runs = 1,
                                .balance_calls = 1000,
                                .communications = 1000000,
                                .dispute_count = 100000 };
    struct bench_dir dir;
    int rc;

    if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        usage(stdout, argv[0]);
        return 0;
    }
    if (parse_args(&cfg, argc, argv) != 0) {
        usage(stderr, argv[0]);
        return 2;
    }
    if (prepare_dir(&dir, &cfg) != 0)
        return 1;

    started_at = bench_now();
    rc = run_all(&cfg, &dir);
    if (rc == ARC_OK && cfg.uri != NULL)
        rc = run_uri(&cfg);
    if (rc == ARC_OK && cfg.disputes)
        rc = disputes_run(&cfg, dir.path);

    if (dir.temporary && !cfg.keep_books && rmdir(dir.path) != 0)
        fprintf(stderr, "arc_bench: remove %s: %s\n", dir.path, strerror(errno));
    if (dir.temporary && cfg.keep_books)
        fprintf(stderr, "arc_bench: books kept in %s\n", dir.path);
    return rc == ARC_OK ? 0 : 1;
}
