/*
 * invoice add, add-line, issue, delete, void, write-off: the invoices and their
 * lifecycle. Reading them (show, list) is in cmd_invoice_read.c.
 */
#include <string.h>

#include "cli.h"

#define LINE_SPEC_FIELDS 7

/* Print the invoice just written: a line, or its JSON object. */
static int invoice_print_written(struct cli *cli, arc_id id, const char *verb)
{
    arc_invoice *invoice = NULL;
    char total[CLI_AMOUNT_BUFSIZE];
    int rc = arc_invoice_lookup(&invoice, cli->db, id);

    if (rc != ARC_OK)
        return cli_fail(cli, rc, NULL);

    if (cli->json) {
        struct json json;

        json_begin_document(&json, cli->out);
        print_invoice_json(&json, cli, invoice);
        json_end_document(&json);
    } else {
        cli_format_money(total, sizeof total, arc_invoice_total(invoice),
                         arc_invoice_currency(invoice));
        fprintf(cli->out, "%s invoice %s (id %lld): %s, total %s\n", verb,
                arc_invoice_number(invoice), (long long)id,
                arc_invoice_status_name(arc_invoice_status_of(invoice)), total);
    }
    arc_invoice_free(invoice);
    return CLI_OK;
}

/* "DESCRIPTION|QUANTITY|UNIT_PRICE[|TAX_RATE[|ITEM_CODE[|START|END]]]" */
static int parse_line_spec(struct cli *cli, const char *spec, const char *currency,
                           arc_invoice_line_opts *line)
{
    char *copy = cli_strdup(cli, spec);
    char *fields[LINE_SPEC_FIELDS] = { 0 };
    size_t count = 0;
    int status;

    for (char *field = copy; field != NULL && count < LINE_SPEC_FIELDS; count++) {
        char *bar = strchr(field, '|');

        fields[count] = field;
        if (bar != NULL)
            *bar++ = '\0';
        field = bar;
    }
    if (count < 3 || count == 6 || strchr(spec, '|') == NULL)
        return cli_invalid(cli, "--line",
                           "\"%s\" is not DESCRIPTION|QUANTITY|UNIT_PRICE[|TAX_RATE"
                           "[|ITEM_CODE[|PERIOD_START|PERIOD_END]]]",
                           spec);

    line->description = fields[0];
    line->quantity = fields[1][0] != '\0' ? fields[1] : NULL;
    line->tax_rate = count > 3 && fields[3][0] != '\0' ? fields[3] : NULL;
    line->item_code = count > 4 && fields[4][0] != '\0' ? fields[4] : NULL;
    status = cli_value_money(cli, "--line", fields[2], currency, &line->unit_price);
    if (status == CLI_OK && count == LINE_SPEC_FIELDS)
        status = cli_value_optional_date(cli, "--line", fields[5], &line->period_start);
    if (status == CLI_OK && count == LINE_SPEC_FIELDS)
        status = cli_value_optional_date(cli, "--line", fields[6], &line->period_end);
    return status;
}

static int invoice_add(struct cli *cli, int argc, char **argv)
{
    const char *customer_key = NULL, *issue_text = NULL, *due_text = NULL;
    struct cli_list lines = { 0 };
    int issue = 0;
    arc_invoice_opts opts = ARC_INVOICE_OPTS_INIT;
    const struct cli_option options[] = {
        { "customer", CLI_STRING, &customer_key },
        { "number", CLI_STRING, &opts.number },
        { "currency", CLI_STRING, &opts.currency },
        { "issue-date", CLI_STRING, &issue_text },
        { "due-date", CLI_STRING, &due_text },
        { "memo", CLI_STRING, &opts.memo },
        { "line", CLI_LIST, &lines },
        { "issue", CLI_FLAG, &issue },
        { NULL, CLI_FLAG, NULL },
    };
    arc_customer *customer = NULL;
    arc_invoice_line_opts *line_opts;
    struct cli_args args;
    arc_id id = 0;
    int rc, status = cli_parse_args(cli, argc, argv, options, 0, 0, &args);

    if (status == CLI_OK && customer_key == NULL)
        status = cli_usage(cli, "--customer is required");
    if (status == CLI_OK)
        status =
            cli_value_optional_date(cli, "--issue-date", issue_text, &opts.issue_date);
    if (status == CLI_OK)
        status = cli_value_optional_date(cli, "--due-date", due_text, &opts.due_date);
    if (status == CLI_OK)
        status = cli_open_to_write(cli);
    if (status == CLI_OK)
        status = cli_find_customer(cli, customer_key, &customer);
    if (status != CLI_OK)
        return cli_finish(cli, status);

    if (opts.currency == NULL)
        opts.currency = cli_strdup(cli, arc_customer_currency(customer));
    line_opts = cli_alloc(cli, (lines.count + 1) * sizeof *line_opts);
    for (size_t i = 0; i < lines.count && status == CLI_OK; i++) {
        arc_invoice_line_opts init = ARC_INVOICE_LINE_OPTS_INIT;

        line_opts[i] = init;
        status = parse_line_spec(cli, lines.items[i], opts.currency, &line_opts[i]);
    }

    if (status == CLI_OK) {
        opts.customer_id = arc_customer_id(customer);
        opts.lines = line_opts;
        opts.line_count = lines.count;
        opts.flags = issue ? ARC_INVOICE_CREATE_ISSUED : 0;
        rc = arc_invoice_create(&id, cli->db, &opts);
        status = rc == ARC_OK
                     ? invoice_print_written(cli, id, issue ? "issued" : "drafted")
                     : cli_fail(cli, rc, NULL);
    }
    arc_customer_free(customer);
    return cli_finish(cli, status);
}

static int invoice_add_line(struct cli *cli, int argc, char **argv)
{
    const char *price = NULL, *start = NULL, *end = NULL;
    arc_invoice_line_opts line = ARC_INVOICE_LINE_OPTS_INIT;
    const struct cli_option options[] = {
        { "description", CLI_STRING, &line.description },
        { "quantity", CLI_STRING, &line.quantity },
        { "price", CLI_STRING, &price },
        { "tax-rate", CLI_STRING, &line.tax_rate },
        { "item-code", CLI_STRING, &line.item_code },
        { "period-start", CLI_STRING, &start },
        { "period-end", CLI_STRING, &end },
        { NULL, CLI_FLAG, NULL },
    };
    arc_invoice *invoice = NULL;
    struct cli_args args;
    arc_id id = 0;
    int rc, status = cli_parse_args(cli, argc, argv, options, 1, 1, &args);

    if (status == CLI_OK && (line.description == NULL || price == NULL))
        status = cli_usage(cli, "--description and --price are required");
    if (status == CLI_OK)
        status =
            cli_value_optional_date(cli, "--period-start", start, &line.period_start);
    if (status == CLI_OK)
        status = cli_value_optional_date(cli, "--period-end", end, &line.period_end);
    if (status == CLI_OK)
        status = cli_open_to_write(cli);
    if (status == CLI_OK)
        status = cli_find_invoice(cli, args.positional[0], &invoice);
    if (status == CLI_OK)
        status = cli_value_money(cli, "--price", price, arc_invoice_currency(invoice),
                                 &line.unit_price);
    if (status == CLI_OK) {
        id = arc_invoice_id(invoice);
        rc = arc_invoice_add_line(cli->db, id, &line);
        status = rc == ARC_OK ? invoice_print_written(cli, id, "added a line to")
                              : cli_fail(cli, rc, NULL);
    }
    arc_invoice_free(invoice);
    return cli_finish(cli, status);
}

/* The verbs that take an invoice, an optional --date and maybe a --reason. */
enum invoice_action { ACTION_ISSUE, ACTION_DELETE, ACTION_VOID, ACTION_WRITE_OFF };

static int invoice_act(struct cli *cli, int argc, char **argv, enum invoice_action action)
{
    const char *date_text = NULL, *reason = NULL;
    const struct cli_option with_reason[] = {
        { "date", CLI_STRING, &date_text },
        { "reason", CLI_STRING, &reason },
        { NULL, CLI_FLAG, NULL },
    };
    const struct cli_option date_only[] = {
        { "date", CLI_STRING, &date_text },
        { NULL, CLI_FLAG, NULL },
    };
    const struct cli_option *options = action == ACTION_ISSUE    ? date_only
                                       : action == ACTION_DELETE ? NULL
                                                                 : with_reason;
    struct cli_args args;
    arc_date date = ARC_DATE_NONE;
    arc_id id = 0;
    int rc = ARC_OK, status = cli_parse_args(cli, argc, argv, options, 1, 1, &args);

    if (status == CLI_OK)
        status = cli_value_optional_date(cli, "--date", date_text, &date);
    if (status == CLI_OK)
        status = cli_open_to_write(cli);
    if (status == CLI_OK)
        status = cli_find_invoice_id(cli, args.positional[0], &id);
    if (status != CLI_OK)
        return cli_finish(cli, status);

    if (action == ACTION_ISSUE)
        rc = arc_invoice_issue(cli->db, id, date);
    else if (action == ACTION_DELETE)
        rc = arc_invoice_delete(cli->db, id);
    else if (action == ACTION_VOID)
        rc = arc_invoice_void(cli->db, id, date, reason);
    else
        rc = arc_invoice_write_off(cli->db, id, date, reason);
    if (rc != ARC_OK)
        return cli_finish(cli, cli_fail(cli, rc, NULL));

    if (action != ACTION_DELETE) {
        static const char *const verbs[] = { "issued", "", "voided", "wrote off" };

        return cli_finish(cli, invoice_print_written(cli, id, verbs[action]));
    }
    if (cli->json) {
        struct json json;

        json_begin_document(&json, cli->out);
        json_key_string(&json, "deleted", args.positional[0]);
        json_end_document(&json);
    } else {
        fprintf(cli->out, "deleted draft invoice %s\n", args.positional[0]);
    }
    return cli_finish(cli, CLI_OK);
}

static int invoice_issue(struct cli *cli, int argc, char **argv)
{
    return invoice_act(cli, argc, argv, ACTION_ISSUE);
}

static int invoice_delete(struct cli *cli, int argc, char **argv)
{
    return invoice_act(cli, argc, argv, ACTION_DELETE);
}

static int invoice_void(struct cli *cli, int argc, char **argv)
{
    return invoice_act(cli, argc, argv, ACTION_VOID);
}

static int invoice_write_off(struct cli *cli, int argc, char **argv)
{
    return invoice_act(cli, argc, argv, ACTION_WRITE_OFF);
}

const struct cli_command cli_invoice_commands[] = {
    { "invoice", "add", invoice_add,
      "add an invoice with its lines, as a draft or issued",
      "Usage: arcollect invoice add --customer CUSTOMER [--line SPEC]... [--issue]\n"
      "                             [--number NUMBER] [--currency CODE]\n"
      "                             [--issue-date DATE] [--due-date DATE] [--memo TEXT]\n"
      "                             [--json]\n"
      "\n"
      "Create an invoice for CUSTOMER (a reference or #ID): a draft, or issued\n"
      "at once with --issue. Each --line is\n"
      "  "
      "DESCRIPTION|QUANTITY|UNIT_PRICE[|TAX_RATE[|ITEM_CODE[|PERIOD_START|PERIOD_END]]]\n"
      "for example 'Managed endpoints|42|15.00|8.25'. QUANTITY is an exact decimal\n"
      "(empty for 1), UNIT_PRICE an amount in the invoice's currency, TAX_RATE a\n"
      "percentage. Without --number the book's numbering gives one; the due date\n"
      "defaults to the issue date plus the customer's terms.\n" },
    { "invoice", "add-line", invoice_add_line, "add a line to a draft invoice",
      "Usage: arcollect invoice add-line INVOICE --description TEXT --price AMOUNT\n"
      "                                  [--quantity DECIMAL] [--tax-rate PERCENT]\n"
      "                                  [--item-code CODE] [--period-start DATE]\n"
      "                                  [--period-end DATE] [--json]\n"
      "\n"
      "INVOICE is a number or #ID.\n" },
    { "invoice", "issue", invoice_issue, "issue a draft invoice",
      "Usage: arcollect invoice issue INVOICE [--date DATE] [--json]\n"
      "\n"
      "Issue a draft: it becomes owed and can no longer change. The issue date\n"
      "is --date, else the one given when drafted, else today.\n" },
    { "invoice", "delete", invoice_delete, "delete a draft invoice",
      "Usage: arcollect invoice delete INVOICE [--json]\n" },
    { "invoice", "show", cmd_invoice_show,
      "show an invoice, its lines, payments and disputes",
      "Usage: arcollect invoice show INVOICE [--json]\n"
      "\n"
      "INVOICE is a number or #ID. Prints the invoice, its lines, what was\n"
      "applied to it (payments, credits, write-offs) and its disputes.\n" },
    { "invoice", "list", cmd_invoice_list, "list invoices",
      "Usage: arcollect invoice list [--customer CUSTOMER] [--status STATUS]\n"
      "                              [--limit N] [--after ID] [--all] [--json]\n"
      "\n"
      "STATUS is draft, open, partially_paid, paid, void or written_off.\n" },
    { "invoice", "void", invoice_void, "void an issued invoice nothing was applied to",
      "Usage: arcollect invoice void INVOICE [--date DATE] [--reason TEXT] [--json]\n" },
    { "invoice", "write-off", invoice_write_off, "write off an invoice's unpaid balance",
      "Usage: arcollect invoice write-off INVOICE [--date DATE] [--reason TEXT] "
      "[--json]\n" },
    { "invoice", "timeline", cmd_invoice_timeline,
      "show an invoice's communications and events, newest first",
      "Usage: arcollect invoice timeline INVOICE [--limit N] [--before CURSOR] [--all]\n"
      "                                  [--json]\n"
      "\n"
      "The communications linked to the invoice and every journal event that\n"
      "names it (issue, payments and credits applied, disputes...), newest first.\n" },
    { "invoice", "import", cmd_invoice_import,
      "import invoices with lines from a CSV file",
      "Usage: arcollect invoice import FILE [--dry-run] [--json]\n"
      "\n"
      "Import invoices from a CSV file with a header row and one row per line.\n"
      "Columns: number, customer, description, unit_price (required); currency,\n"
      "issue_date, due_date, memo, quantity, tax_rate, item_code, period_start,\n"
      "period_end, status (issued or draft; default issued). Rows with the same\n"
      "number make one invoice. An invoice whose number exists with the same\n"
      "customer and lines is left alone; with others it is a conflict. The file\n"
      "is imported whole or not at all. See docs/cli.md.\n" },
    { NULL, NULL, NULL, NULL, NULL },
};
