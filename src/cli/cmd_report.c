/*
 * report aging and report disputes. The printers are shared with the demo,
 * which ends with both reports.
 */
#include <string.h>

#include "cli.h"

static void bucket_array_json(struct json *json, const arc_aging *aging, size_t row,
                              bool total, bool disputed, const char *currency)
{
    size_t buckets = arc_aging_bucket_count(aging);

    json_key(json, "buckets");
    json_begin_array(json);
    for (size_t b = 0; b < buckets; b++) {
        json_begin_object(json);
        json_key_string(json, "label", arc_aging_bucket_label(aging, b));
        json_key_money(json, "amount",
                       total ? arc_aging_total_amount(aging, row, b)
                             : arc_aging_row_amount(aging, row, b),
                       currency);
        if (disputed)
            json_key_money(json, "disputed",
                           total ? arc_aging_total_disputed(aging, row, b)
                                 : arc_aging_row_disputed(aging, row, b),
                           currency);
        json_end_object(json);
    }
    json_end_array(json);
}

/* One object of "totals" (@p total, per currency) or of "rows" (per customer
 * and currency). */
static void aging_line_json(struct cli *cli, const arc_aging *aging, size_t index,
                            bool total, bool disputed, struct json *json)
{
    const char *currency = total ? arc_aging_currency_at(aging, index)
                                 : arc_aging_row_currency(aging, index);

    json_begin_object(json);
    if (!total)
        print_customer_ref_json(json, cli, "customer",
                                arc_aging_row_customer_id(aging, index));
    json_key_string(json, "currency", currency);
    json_key_int(json, "invoice_count",
                 (int64_t)(total ? arc_aging_total_invoice_count(aging, index)
                                 : arc_aging_row_invoice_count(aging, index)));
    json_key_money(json, "total",
                   total ? arc_aging_total(aging, index)
                         : arc_aging_row_total(aging, index),
                   currency);
    bucket_array_json(json, aging, index, total, disputed, currency);
    json_end_object(json);
}

static void aging_json(struct cli *cli, const arc_aging *aging, bool disputed,
                       struct json *json)
{
    size_t currencies = arc_aging_currency_count(aging);
    size_t rows = arc_aging_row_count(aging);
    size_t buckets = arc_aging_bucket_count(aging);

    json_begin_object(json);
    json_key_date(json, "as_of", arc_aging_as_of(aging));
    json_key(json, "bucket_labels");
    json_begin_array(json);
    for (size_t b = 0; b < buckets; b++)
        json_string(json, arc_aging_bucket_label(aging, b));
    json_end_array(json);

    json_key(json, "totals");
    json_begin_array(json);
    for (size_t c = 0; c < currencies; c++)
        aging_line_json(cli, aging, c, true, disputed, json);
    json_end_array(json);

    json_key(json, "rows");
    json_begin_array(json);
    for (size_t r = 0; r < rows; r++)
        aging_line_json(cli, aging, r, false, disputed, json);
    json_end_array(json);
    json_end_object(json);
}

static void add_amounts(struct table *table, const arc_aging *aging, size_t index,
                        const char *currency, int kind)
{
    size_t buckets = arc_aging_bucket_count(aging);
    char text[CLI_AMOUNT_BUFSIZE];
    int64_t sum = 0;

    for (size_t b = 0; b < buckets; b++) {
        int64_t amount = kind == 0   ? arc_aging_row_amount(aging, index, b)
                         : kind == 1 ? arc_aging_total_amount(aging, index, b)
                                     : arc_aging_total_disputed(aging, index, b);

        sum += amount;
        cli_format_amount(text, sizeof text, amount, currency);
        table_add(table, text);
    }
    sum = kind == 0   ? arc_aging_row_total(aging, index)
          : kind == 1 ? arc_aging_total(aging, index)
                      : sum;
    cli_format_amount(text, sizeof text, sum, currency);
    table_add(table, text);
}

static void aging_table(struct cli *cli, const arc_aging *aging, bool disputed)
{
    size_t buckets = arc_aging_bucket_count(aging);
    size_t columns = buckets + 4;
    struct table_column *layout = cli_alloc(cli, columns * sizeof *layout);
    size_t rows = arc_aging_row_count(aging);
    size_t currencies = arc_aging_currency_count(aging);
    char as_of[ARC_DATE_BUFSIZE];
    struct table table;

    layout[0] = (struct table_column){ "CUSTOMER", CLI_LEFT, 0 };
    layout[1] = (struct table_column){ "CUR", CLI_LEFT, 0 };
    layout[2] = (struct table_column){ "INVOICES", CLI_RIGHT, 0 };
    for (size_t b = 0; b < buckets; b++)
        layout[3 + b] =
            (struct table_column){ arc_aging_bucket_label(aging, b), CLI_RIGHT, 0 };
    layout[columns - 1] = (struct table_column){ "TOTAL", CLI_RIGHT, 0 };
    table_init(&table, cli, layout, columns);

    for (size_t r = 0; r < rows; r++) {
        const char *currency = arc_aging_row_currency(aging, r);

        table_add(&table,
                  cli_customer_reference(cli, arc_aging_row_customer_id(aging, r)));
        table_add(&table, currency);
        table_addf(&table, "%zu", arc_aging_row_invoice_count(aging, r));
        add_amounts(&table, aging, r, currency, 0);
    }
    for (size_t c = 0; c < currencies; c++) {
        const char *currency = arc_aging_currency_at(aging, c);

        table_add(&table, "TOTAL");
        table_add(&table, currency);
        table_addf(&table, "%zu", arc_aging_total_invoice_count(aging, c));
        add_amounts(&table, aging, c, currency, 1);
        if (!disputed)
            continue;
        table_add(&table, "disputed");
        table_add(&table, currency);
        table_add(&table, "");
        add_amounts(&table, aging, c, currency, 2);
    }

    cli_format_date(as_of, sizeof as_of, arc_aging_as_of(aging));
    fprintf(cli->out, "Aging as of %s\n", as_of);
    table_print(&table, cli->out);
}

/* Print an aging report: a table, or with --json one object to @p json. */
int report_aging_print(struct cli *cli, const arc_aging *aging, bool disputed,
                       struct json *json)
{
    if (cli->json)
        aging_json(cli, aging, disputed, json);
    else
        aging_table(cli, aging, disputed);
    return CLI_OK;
}

/* What report aging asks of arc_aging_compute(), with room for the edges. */
struct aging_request {
    arc_aging_opts opts;
    int32_t edges[ARC_AGING_MAX_EDGES];
    bool totals_only;
    bool disputed;
};

/* "30,60,90" */
static int parse_buckets(struct cli *cli, const char *text, struct aging_request *request)
{
    char *copy = cli_strdup(cli, text);
    size_t count = 0;

    for (char *edge = strtok(copy, ","); edge != NULL; edge = strtok(NULL, ",")) {
        long long days = 0;
        int status;

        if (count == ARC_AGING_MAX_EDGES)
            return cli_invalid(cli, "--buckets", "at most %d edges", ARC_AGING_MAX_EDGES);
        status = cli_value_int(cli, "--buckets", edge, 1, 36500, &days);
        if (status != CLI_OK)
            return status;
        request->edges[count++] = (int32_t)days;
    }
    if (count == 0)
        return cli_invalid(cli, "--buckets", "\"%s\" names no edge", text);
    request->opts.bucket_edges = request->edges;
    request->opts.bucket_edge_count = count;
    return CLI_OK;
}

static int report_aging(struct cli *cli, int argc, char **argv)
{
    const char *as_of = NULL, *buckets = NULL, *customer_key = NULL;
    struct aging_request request = { .opts = ARC_AGING_OPTS_INIT };
    int totals = 0, disputed = 0;
    const struct cli_option options[] = {
        { "as-of", CLI_STRING, &as_of },
        { "buckets", CLI_STRING, &buckets },
        { "customer", CLI_STRING, &customer_key },
        { "currency", CLI_STRING, &request.opts.currency },
        { "totals", CLI_FLAG, &totals },
        { "disputed", CLI_FLAG, &disputed },
        { NULL, CLI_FLAG, NULL },
    };
    arc_aging *aging = NULL;
    struct cli_args args;
    struct json json;
    int rc, status = cli_parse_args(cli, argc, argv, options, 0, 0, &args);

    if (status == CLI_OK)
        status = cli_value_optional_date(cli, "--as-of", as_of, &request.opts.as_of);
    if (status == CLI_OK && buckets != NULL)
        status = parse_buckets(cli, buckets, &request);
    if (status == CLI_OK)
        status = cli_open_for_customer(cli, customer_key, &request.opts.customer_id);
    if (status != CLI_OK)
        return status;

    request.opts.flags =
        (totals ? ARC_AGING_TOTALS_ONLY : 0) | (disputed ? ARC_AGING_SPLIT_DISPUTED : 0);
    rc = arc_aging_compute(&aging, cli->db, &request.opts);
    if (rc != ARC_OK)
        return cli_fail(cli, rc, NULL);

    json_init(&json, cli->out);
    status = report_aging_print(cli, aging, disputed != 0, &json);
    if (cli->json)
        json_finish(&json);
    arc_aging_free(aging);
    return status;
}

static const char *grouping_name(int grouping)
{
    return grouping == ARC_DISPUTE_GROUP_REASON_CODE ? "reason_code"
           : grouping == ARC_DISPUTE_GROUP_CUSTOMER  ? "customer"
           : grouping == ARC_DISPUTE_GROUP_MONTH     ? "month"
                                                     : NULL;
}

static const char *const grouping_labels[] = { "reason code", "customer", "month" };
static const char *const key_headers[] = { "CODE", "CUSTOMER", "MONTH" };

static void outcome_counts_json(struct json *json, const arc_dispute_report *report,
                                size_t row)
{
    json_key(json, "outcomes");
    json_begin_object(json);
    for (int outcome = ARC_DISPUTE_UNRESOLVED; outcome <= ARC_DISPUTE_WITHDRAWN;
         outcome++)
        json_key_int(json, arc_dispute_outcome_name((arc_dispute_outcome)outcome),
                     (int64_t)arc_dispute_report_row_outcome_count(
                         report, row, (arc_dispute_outcome)outcome));
    json_end_object(json);
}

static void json_hundredths(struct json *json, const char *key, int64_t hundredths)
{
    char text[32];

    json_key(json, key);
    if (hundredths < 0) {
        json_null(json);
        return;
    }
    cli_format_hundredths(text, sizeof text, hundredths);
    json_string(json, text);
}

static void disputes_json(struct cli *cli, const arc_dispute_report *report,
                          const arc_dispute_report_opts *opts, size_t rows,
                          struct json *json)
{
    const char *currency = arc_dispute_report_currency(report);

    json_begin_object(json);
    json_key_string(json, "grouping", grouping_name(opts->grouping));
    json_key_date(json, "from", opts->from);
    json_key_date(json, "to", opts->to);
    json_key_string(json, "currency", currency);
    json_key_int(json, "total_count", (int64_t)arc_dispute_report_total_count(report));
    json_key_money(json, "total_amount", arc_dispute_report_total_amount(report),
                   currency);
    json_key(json, "rows");
    json_begin_array(json);
    for (size_t r = 0; r < rows; r++) {
        json_begin_object(json);
        json_key_string(json, "key", arc_dispute_report_row_key(report, r));
        if (opts->grouping == ARC_DISPUTE_GROUP_REASON_CODE)
            json_key_string(json, "label", arc_dispute_report_row_label(report, r));
        if (opts->grouping == ARC_DISPUTE_GROUP_CUSTOMER)
            print_customer_ref_json(json, cli, "customer",
                                    arc_dispute_report_row_customer_id(report, r));
        json_key_int(json, "disputes",
                     (int64_t)arc_dispute_report_row_dispute_count(report, r));
        json_key_int(json, "share_bp", arc_dispute_report_row_share_bp(report, r));
        json_hundredths(json, "share_percent",
                        arc_dispute_report_row_share_bp(report, r));
        json_key_money(json, "amount", arc_dispute_report_row_amount(report, r),
                       currency);
        json_key_int(json, "resolved",
                     (int64_t)arc_dispute_report_row_resolved_count(report, r));
        json_hundredths(json, "mean_days_to_resolve",
                        arc_dispute_report_row_mean_days(report, r));
        json_hundredths(json, "median_days_to_resolve",
                        arc_dispute_report_row_median_days(report, r));
        outcome_counts_json(json, report, r);
        json_end_object(json);
    }
    json_end_array(json);
    json_end_object(json);
}

static const struct table_column dispute_report_columns[] = {
    { "KEY", CLI_LEFT, 0 },        { "LABEL", CLI_LEFT, 40 },
    { "DISPUTES", CLI_RIGHT, 0 },  { "SHARE %", CLI_RIGHT, 0 },
    { "AMOUNT", CLI_RIGHT, 0 },    { "RESOLVED", CLI_RIGHT, 0 },
    { "MEAN DAYS", CLI_RIGHT, 0 }, { "MEDIAN DAYS", CLI_RIGHT, 0 },
    { "CREDITED", CLI_RIGHT, 0 },  { "WRITTEN OFF", CLI_RIGHT, 0 },
    { "REJECTED", CLI_RIGHT, 0 },  { "WITHDRAWN", CLI_RIGHT, 0 },
};

static void disputes_table(struct cli *cli, const arc_dispute_report *report,
                           const arc_dispute_report_opts *opts, size_t rows)
{
    const char *currency = arc_dispute_report_currency(report);
    char text[CLI_AMOUNT_BUFSIZE], from[ARC_DATE_BUFSIZE], to[ARC_DATE_BUFSIZE];
    struct table table;

    bool labels = opts->grouping == ARC_DISPUTE_GROUP_REASON_CODE;
    size_t column_count = sizeof dispute_report_columns / sizeof *dispute_report_columns;
    struct table_column *columns = cli_alloc(cli, column_count * sizeof *columns);

    /* Only reason codes have labels. */
    columns[0] = dispute_report_columns[0];
    columns[0].header = key_headers[opts->grouping];
    memcpy(columns + 1, dispute_report_columns + (labels ? 1 : 2),
           (column_count - (labels ? 1 : 2)) * sizeof *columns);
    table_init(&table, cli, columns, labels ? column_count : column_count - 1);
    for (size_t r = 0; r < rows; r++) {
        arc_id customer_id = arc_dispute_report_row_customer_id(report, r);

        table_add(&table, customer_id > 0 ? cli_customer_reference(cli, customer_id)
                                          : arc_dispute_report_row_key(report, r));
        if (labels)
            table_add(&table, arc_dispute_report_row_label(report, r));
        table_addf(&table, "%zu", arc_dispute_report_row_dispute_count(report, r));
        cli_format_hundredths(text, sizeof text,
                              arc_dispute_report_row_share_bp(report, r));
        table_add(&table, text);
        cli_format_amount(text, sizeof text, arc_dispute_report_row_amount(report, r),
                          currency);
        table_add(&table, text);
        table_addf(&table, "%zu", arc_dispute_report_row_resolved_count(report, r));
        cli_format_hundredths(text, sizeof text,
                              arc_dispute_report_row_mean_days(report, r));
        table_add(&table, text);
        cli_format_hundredths(text, sizeof text,
                              arc_dispute_report_row_median_days(report, r));
        table_add(&table, text);
        for (int outcome = ARC_DISPUTE_CREDITED; outcome <= ARC_DISPUTE_WITHDRAWN;
             outcome++)
            table_addf(&table, "%zu",
                       arc_dispute_report_row_outcome_count(
                           report, r, (arc_dispute_outcome)outcome));
    }

    cli_format_date(from, sizeof from, opts->from);
    cli_format_date(to, sizeof to, opts->to);
    if (opts->from == ARC_DATE_NONE && opts->to == ARC_DATE_NONE)
        fputs("All disputes", cli->out);
    else
        fprintf(cli->out, "Disputes opened%s%s%s%s",
                opts->from == ARC_DATE_NONE ? "" : " from ",
                opts->from == ARC_DATE_NONE ? "" : from,
                opts->to == ARC_DATE_NONE ? "" : " up to ",
                opts->to == ARC_DATE_NONE ? "" : to);
    cli_format_money(text, sizeof text, arc_dispute_report_total_amount(report),
                     currency);
    fprintf(cli->out, ", by %s: %zu disputes, %s\n", grouping_labels[opts->grouping],
            arc_dispute_report_total_count(report), text);
    table_print(&table, cli->out);
}

/* Print a dispute report, its first @p max_rows rows (0 for all): a table, or
 * with --json one object to @p json. */
int report_disputes_print(struct cli *cli, const arc_dispute_report *report,
                          const arc_dispute_report_opts *opts, size_t max_rows,
                          struct json *json)
{
    size_t rows = arc_dispute_report_row_count(report);

    if (max_rows > 0 && rows > max_rows)
        rows = max_rows;
    if (cli->json)
        disputes_json(cli, report, opts, rows, json);
    else
        disputes_table(cli, report, opts, rows);
    return CLI_OK;
}

static int parse_grouping(struct cli *cli, const char *text, arc_dispute_grouping *out)
{
    if (strcmp(text, "reason") == 0 || strcmp(text, "reason_code") == 0 ||
        strcmp(text, "reason-code") == 0)
        *out = ARC_DISPUTE_GROUP_REASON_CODE;
    else if (strcmp(text, "customer") == 0)
        *out = ARC_DISPUTE_GROUP_CUSTOMER;
    else if (strcmp(text, "month") == 0)
        *out = ARC_DISPUTE_GROUP_MONTH;
    else
        return cli_invalid(cli, "--by", "\"%s\" is not one of reason, customer, month",
                           text);
    return CLI_OK;
}

static int report_disputes(struct cli *cli, int argc, char **argv)
{
    const char *by = NULL, *from = NULL, *to = NULL, *customer_key = NULL, *top = NULL;
    arc_dispute_report_opts opts = ARC_DISPUTE_REPORT_OPTS_INIT;
    const struct cli_option options[] = {
        { "by", CLI_STRING, &by },
        { "from", CLI_STRING, &from },
        { "to", CLI_STRING, &to },
        { "customer", CLI_STRING, &customer_key },
        { "currency", CLI_STRING, &opts.currency },
        { "top", CLI_STRING, &top },
        { NULL, CLI_FLAG, NULL },
    };
    arc_dispute_report *report = NULL;
    long long max_rows = 0;
    struct cli_args args;
    struct json json;
    int rc, status = cli_parse_args(cli, argc, argv, options, 0, 0, &args);

    if (status == CLI_OK && by != NULL)
        status = parse_grouping(cli, by, &opts.grouping);
    if (status == CLI_OK)
        status = cli_value_optional_date(cli, "--from", from, &opts.from);
    if (status == CLI_OK)
        status = cli_value_optional_date(cli, "--to", to, &opts.to);
    if (status == CLI_OK && top != NULL)
        status = cli_value_int(cli, "--top", top, 1, 1000000, &max_rows);
    if (status == CLI_OK)
        status = cli_open_for_customer(cli, customer_key, &opts.customer_id);
    if (status != CLI_OK)
        return status;

    rc = arc_dispute_report_compute(&report, cli->db, &opts);
    if (rc != ARC_OK)
        return cli_fail(cli, rc, NULL);

    json_init(&json, cli->out);
    status = report_disputes_print(cli, report, &opts, (size_t)max_rows, &json);
    if (cli->json)
        json_finish(&json);
    arc_dispute_report_free(report);
    return status;
}

const struct cli_command cli_report_commands[] = {
    { "report", "aging", report_aging, "what is owed, by how long past due",
      "Usage: arcollect report aging [--as-of DATE] [--buckets 30,60,90]\n"
      "                              [--customer CUSTOMER] [--currency CODE]\n"
      "                              [--totals] [--disputed] [--json]\n"
      "\n"
      "Sum the balances that issued invoices had on the as-of date (default\n"
      "today), per customer and currency and in total per currency, into buckets\n"
      "by days past due: current, 1-30, 31-60, 61-90 and over 90 with the default\n"
      "edges. --totals leaves out the customer rows; --disputed also shows the\n"
      "part under open disputes. Currencies are never added together.\n" },
    { "report", "disputes", report_disputes,
      "which reason codes, customers or months disputes come from",
      "Usage: arcollect report disputes [--by reason|customer|month] [--from DATE]\n"
      "                                 [--to DATE] [--customer CUSTOMER]\n"
      "                                 [--currency CODE] [--top N] [--json]\n"
      "\n"
      "Count the disputes opened in the period, grouped by reason code (the\n"
      "default), customer or month, most disputes first: their amount, share,\n"
      "how many were resolved, mean and median days to resolve, and outcomes.\n"
      "A report holds one currency: give --currency when the book has disputes in\n"
      "several. --top N prints the first N rows.\n" },
    { NULL, NULL, NULL, NULL, NULL },
};
