/*
 * arcollect demo: build the sample book in one transaction, then print its
 * aging summary, its most common dispute codes and the timeline of a customer
 * with an open dispute.
 */
#include <unistd.h>

#include "demo.h"

#define TOP_REASON_CODES 5
#define TIMELINE_ITEMS   15

static arc_time demo_clock(void *clock_data)
{
    return *(const arc_time *)clock_data;
}

/* The demo writes a new book, never into one that has records. */
static int check_empty(struct demo *demo)
{
    arc_list_opts opts = ARC_LIST_OPTS_INIT;
    arc_customer_page *page = NULL;
    size_t count;
    int rc;

    opts.limit = 1;
    rc = arc_customer_list(&page, demo->db, &opts);
    if (rc != ARC_OK)
        return cli_fail(demo->cli, rc, NULL);
    count = arc_customer_page_count(page);
    arc_customer_page_free(page);
    if (count > 0)
        return cli_fail_plain(demo->cli, CLI_CONFLICT,
                              "book %s: already has customers; the demo needs a new book "
                              "(give another --db)",
                              demo->cli->db_uri);
    return CLI_OK;
}

static int play_all(struct demo *demo)
{
    struct progress progress;
    int status = cli_begin(demo->cli);

    progress_start(&progress, "demo", demo->action_count);
    for (size_t i = 0; i < demo->action_count && status == CLI_OK; i++) {
        progress_update(&progress, i);
        status = demo_play(demo, &demo->actions[i]);
    }
    progress_end(&progress);
    return cli_finish(demo->cli, status);
}

/* The open dispute to show: the most escalated, then the first planned. */
static const struct demo_dispute *open_dispute(const struct demo *demo)
{
    const struct demo_dispute *best = NULL;

    for (size_t d = 0; d < demo->dispute_count; d++) {
        const struct demo_dispute *dispute = &demo->disputes[d];
        bool open = dispute->resolved_at == 0 || dispute->reopened_at != 0;

        if (open && (best == NULL || dispute->escalations > best->escalations))
            best = dispute;
    }
    return best;
}

static int print_aging(struct demo *demo, struct json *json)
{
    arc_aging_opts opts = ARC_AGING_OPTS_INIT;
    arc_aging *aging = NULL;
    int rc;

    opts.flags = ARC_AGING_TOTALS_ONLY | ARC_AGING_SPLIT_DISPUTED;
    rc = arc_aging_compute(&aging, demo->db, &opts);
    if (rc != ARC_OK)
        return cli_fail(demo->cli, rc, "aging");
    if (demo->cli->json)
        json_key(json, "aging");
    report_aging_print(demo->cli, aging, true, json);
    arc_aging_free(aging);
    return CLI_OK;
}

static int print_reason_codes(struct demo *demo, struct json *json)
{
    arc_dispute_report_opts opts = ARC_DISPUTE_REPORT_OPTS_INIT;
    arc_dispute_report *report = NULL;
    int rc;

    rc = arc_dispute_report_compute(&report, demo->db, &opts);
    if (rc != ARC_OK)
        return cli_fail(demo->cli, rc, "dispute report");
    if (demo->cli->json)
        json_key(json, "top_reason_codes");
    else
        fprintf(demo->cli->out, "\nMost common dispute codes\n");
    report_disputes_print(demo->cli, report, &opts, TOP_REASON_CODES, json);
    arc_dispute_report_free(report);
    return CLI_OK;
}

static int print_timeline(struct demo *demo, struct json *json)
{
    const struct demo_dispute *dispute = open_dispute(demo);
    const struct demo_customer *customer;
    arc_timeline_opts opts = ARC_TIMELINE_OPTS_INIT;
    struct cli *cli = demo->cli;
    bool more;

    if (dispute == NULL)
        return CLI_OK;
    customer = &demo->customers[dispute->slot / DEMO_MONTHS];
    opts.customer_id = customer->id;
    opts.limit = TIMELINE_ITEMS;

    if (cli->json) {
        json_key(json, "open_dispute");
        json_begin_object(json);
        json_key_id(json, "id", dispute->id);
        json_key_string(json, "invoice", demo->slots[dispute->slot].number);
        json_key_string(json, "customer", customer->reference);
        json_end_object(json);
        json_key(json, "timeline");
    } else {
        fprintf(
            cli->out,
            "\nTimeline of %s %s, who has open dispute %lld on %s (newest %d items)\n",
            customer->reference, customer->name, (long long)dispute->id,
            demo->slots[dispute->slot].number, TIMELINE_ITEMS);
    }
    return timeline_print(cli, &opts, false, json, &more);
}

static void print_counts(struct demo *demo, struct json *json)
{
    char today[ARC_DATE_BUFSIZE];

    cli_format_date(today, sizeof today, demo->today);
    if (!demo->cli->json) {
        fprintf(
            demo->cli->out,
            "Harborline Managed IT: a sample book in %s (seed %llu, today %s)\n"
            "%zu customers, %zu invoices, %zu payments, %zu credit memos, %zu disputes, "
            "%zu communications\n\n",
            demo->cli->db_uri, (unsigned long long)demo->seed, today,
            demo->customer_count, demo->invoices, demo->payments, demo->credit_memos,
            demo->dispute_count, demo->communications);
        return;
    }
    json_key_int(json, "seed", (int64_t)demo->seed);
    json_key_string(json, "today", today);
    json_key_int(json, "customers", (int64_t)demo->customer_count);
    json_key_int(json, "invoices", (int64_t)demo->invoices);
    json_key_int(json, "payments", (int64_t)demo->payments);
    json_key_int(json, "credit_memos", (int64_t)demo->credit_memos);
    json_key_int(json, "disputes", (int64_t)demo->dispute_count);
    json_key_int(json, "communications", (int64_t)demo->communications);
}

static int print_summary(struct demo *demo)
{
    struct cli *cli = demo->cli;
    struct json json;
    char today[ARC_DATE_BUFSIZE];
    int status;

    json_init(&json, cli->out);
    if (cli->json)
        json_begin_object(&json);
    print_counts(demo, &json);
    status = print_aging(demo, &json);
    if (status == CLI_OK)
        status = print_reason_codes(demo, &json);
    if (status == CLI_OK)
        status = print_timeline(demo, &json);
    if (status != CLI_OK)
        return status;

    if (cli->json) {
        json_end_object(&json);
        json_finish(&json);
        return CLI_OK;
    }
    cli_format_date(today, sizeof today, demo->today);
    fprintf(cli->out,
            "\nThe book's today is %s: pass --now %s (or set ARCOLLECT_NOW) to see it as "
            "of then, for example\n  arcollect --db %s --now %s report aging\n",
            today, today, cli->db_uri, today);
    return CLI_OK;
}

static int demo_run(struct cli *cli, int argc, char **argv)
{
    const char *seed_text = "1", *today_text = DEMO_DEFAULT_TODAY, *customers_text = NULL;
    const struct cli_option options[] = {
        { "seed", CLI_STRING, &seed_text },
        { "today", CLI_STRING, &today_text },
        { "customers", CLI_STRING, &customers_text },
        { NULL, CLI_FLAG, NULL },
    };
    struct demo demo = { .cli = cli };
    long long seed = 0, customers = DEMO_DEFAULT_CUSTOMERS;
    struct cli_args args;
    double started;
    int status = cli_parse_args(cli, argc, argv, options, 0, 0, &args);

    if (status == CLI_OK)
        status = cli_value_int(cli, "--seed", seed_text, 0, INT64_MAX, &seed);
    if (status == CLI_OK)
        status = cli_value_date(cli, "--today", today_text, &demo.today);
    if (status == CLI_OK && customers_text != NULL)
        status = cli_value_int(cli, "--customers", customers_text, 1, DEMO_MAX_CUSTOMERS,
                               &customers);
    if (status != CLI_OK)
        return status;

    started = progress_seconds();
    demo.seed = (uint64_t)seed;
    demo.rng.state = demo.seed;
    demo.customer_count = (size_t)customers;
    demo.now = (arc_time)demo.today * SECONDS_PER_DAY + 17 * 3600;
    status = cli_open_with_clock(cli, CLI_OPEN_CREATE, demo_clock, &demo.now);
    if (status != CLI_OK)
        return status;
    demo.db = cli->db;
    status = check_empty(&demo);
    if (status != CLI_OK)
        return status;

    demo_plan(&demo);
    status = play_all(&demo);
    if (status != CLI_OK)
        return status;
    if (isatty(STDERR_FILENO) == 1)
        fprintf(stderr,
                "%s demo: %zu customers, %zu invoices, %zu disputes, %zu "
                "communications written in %.1f s\n",
                cli->program, demo.customer_count, demo.invoices, demo.dispute_count,
                demo.communications, progress_seconds() - started);

    demo.now = (arc_time)demo.today * SECONDS_PER_DAY + 17 * 3600;
    return print_summary(&demo);
}

const struct cli_command cli_demo_commands[] = {
    { "demo", NULL, demo_run, "create a realistic sample book and show what is in it",
      "Usage: arcollect [--db PATH] demo [--seed N] [--today DATE] [--customers N] "
      "[--json]\n"
      "\n"
      "Create a sample book for Harborline Managed IT, a fictional managed service\n"
      "provider, in a new book at --db: N customers (default 300) with twelve\n"
      "months of subscription invoices up to the month of DATE, payments on time,\n"
      "late and in parts, returned payments and credits, disputes over every\n"
      "reason code (some escalated, most resolved), and the emails, chats, calls\n"
      "and notes around them. Then print the aging summary, the most common\n"
      "dispute codes, and the timeline of a customer with an open dispute.\n"
      "\n"
      "The same --seed (default 1) and --today (default " DEMO_DEFAULT_TODAY ") give\n"
      "the same book: every date and time in it comes from them, and the book's\n"
      "clock stops at 17:00 UTC on --today. A book of N customers holds exactly\n"
      "12 N + N/100 + 1 invoices (the extra ones reissue voided invoices) and\n"
      "4 N / 5 disputes. Later commands see the book as of --today with\n"
      "--now DATE.\n" },
    { NULL, NULL, NULL, NULL, NULL },
};
