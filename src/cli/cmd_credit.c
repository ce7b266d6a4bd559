/*
 * credit add, apply, show, list, void: credit memos, amounts a customer no
 * longer owes.
 */
#include "cli.h"

static int print_written(struct cli *cli, arc_id id, const char *verb)
{
    arc_credit_memo *memo = NULL;
    char amount[CLI_AMOUNT_BUFSIZE], applied[CLI_AMOUNT_BUFSIZE];
    int rc = arc_credit_memo_lookup(&memo, cli->db, id);

    if (rc != ARC_OK)
        return cli_fail(cli, rc, NULL);

    if (cli->json) {
        struct json json;

        json_begin_document(&json, cli->out);
        print_credit_memo_json(&json, cli, memo);
        json_end_document(&json);
    } else {
        const char *currency = arc_credit_memo_currency(memo);

        cli_format_money(amount, sizeof amount, arc_credit_memo_amount(memo), currency);
        cli_format_money(applied, sizeof applied, arc_credit_memo_applied(memo),
                         currency);
        fprintf(cli->out, "%s credit memo %s (id %lld): %s for %s, %s applied\n", verb,
                arc_credit_memo_number(memo), (long long)id, amount,
                cli_customer_reference(cli, arc_credit_memo_customer_id(memo)), applied);
    }
    arc_credit_memo_free(memo);
    return CLI_OK;
}

static int credit_add(struct cli *cli, int argc, char **argv)
{
    const char *customer_key = NULL, *amount_text = NULL, *date_text = NULL;
    const char *invoice_key = NULL;
    arc_credit_memo_opts opts = ARC_CREDIT_MEMO_OPTS_INIT;
    const struct cli_option options[] = {
        { "customer", CLI_STRING, &customer_key },
        { "amount", CLI_STRING, &amount_text },
        { "currency", CLI_STRING, &opts.currency },
        { "number", CLI_STRING, &opts.number },
        { "date", CLI_STRING, &date_text },
        { "reason", CLI_STRING, &opts.reason },
        { "invoice", CLI_STRING, &invoice_key },
        { NULL, CLI_FLAG, NULL },
    };
    arc_customer *customer = NULL;
    struct cli_args args;
    arc_id id = 0;
    int rc, status = cli_parse_args(cli, argc, argv, options, 0, 0, &args);

    if (status == CLI_OK && (customer_key == NULL || amount_text == NULL))
        status = cli_usage(cli, "--customer and --amount are required");
    if (status == CLI_OK)
        status = cli_value_optional_date(cli, "--date", date_text, &opts.issue_date);
    if (status == CLI_OK)
        status = cli_open_to_write(cli);
    if (status == CLI_OK)
        status = cli_find_customer(cli, customer_key, &customer);
    if (status == CLI_OK && opts.currency == NULL)
        opts.currency = cli_strdup(cli, arc_customer_currency(customer));
    if (status == CLI_OK)
        status =
            cli_value_money(cli, "--amount", amount_text, opts.currency, &opts.amount);
    if (status == CLI_OK && invoice_key != NULL)
        status = cli_find_invoice_id(cli, invoice_key, &opts.invoice_id);
    if (status == CLI_OK) {
        opts.customer_id = arc_customer_id(customer);
        rc = arc_credit_memo_create(&id, cli->db, &opts);
        status = rc == ARC_OK ? print_written(cli, id, "added") : cli_fail(cli, rc, NULL);
    }
    arc_customer_free(customer);
    return cli_finish(cli, status);
}

static int apply_to_invoice(struct cli *cli, const arc_credit_memo *memo,
                            const char *invoice_key, const char *amount_text,
                            arc_date applied_on)
{
    arc_invoice *invoice = NULL;
    int64_t amount = 0;
    int rc, status = cli_find_invoice(cli, invoice_key, &invoice);

    if (status == CLI_OK && amount_text != NULL)
        status = cli_value_money(cli, "--amount", amount_text,
                                 arc_credit_memo_currency(memo), &amount);
    if (status == CLI_OK && amount_text == NULL) {
        amount = arc_credit_memo_unapplied(memo);
        if (arc_invoice_balance(invoice) < amount)
            amount = arc_invoice_balance(invoice);
    }
    if (status == CLI_OK) {
        rc = arc_credit_memo_apply(cli->db, arc_credit_memo_id(memo),
                                   arc_invoice_id(invoice), amount, applied_on);
        if (rc != ARC_OK)
            status = cli_fail(cli, rc, "invoice %s", arc_invoice_number(invoice));
    }
    arc_invoice_free(invoice);
    return status;
}

static int credit_apply(struct cli *cli, int argc, char **argv)
{
    const char *invoice_key = NULL, *amount_text = NULL, *date_text = NULL;
    int auto_apply = 0;
    const struct cli_option options[] = {
        { "invoice", CLI_STRING, &invoice_key },
        { "amount", CLI_STRING, &amount_text },
        { "date", CLI_STRING, &date_text },
        { "auto", CLI_FLAG, &auto_apply },
        { NULL, CLI_FLAG, NULL },
    };
    arc_credit_memo *memo = NULL;
    struct cli_args args;
    arc_date applied_on = ARC_DATE_NONE;
    arc_id id = 0;
    int rc, status = cli_parse_args(cli, argc, argv, options, 1, 1, &args);

    if (status == CLI_OK && (invoice_key == NULL) == (auto_apply == 0))
        status = cli_usage(cli, "give either --invoice or --auto");
    if (status == CLI_OK)
        status = cli_value_optional_date(cli, "--date", date_text, &applied_on);
    if (status == CLI_OK)
        status = cli_open_to_write(cli);
    if (status == CLI_OK)
        status = cli_find_credit_memo(cli, args.positional[0], &memo);
    if (status == CLI_OK && auto_apply) {
        rc = arc_credit_memo_apply_auto(NULL, cli->db, arc_credit_memo_id(memo));
        if (rc != ARC_OK)
            status = cli_fail(cli, rc, NULL);
    } else if (status == CLI_OK) {
        status = apply_to_invoice(cli, memo, invoice_key, amount_text, applied_on);
    }
    if (status == CLI_OK) {
        id = arc_credit_memo_id(memo);
        status = print_written(cli, id, "applied");
    }
    arc_credit_memo_free(memo);
    return cli_finish(cli, status);
}

static int credit_void(struct cli *cli, int argc, char **argv)
{
    const char *date_text = NULL, *reason = NULL;
    const struct cli_option options[] = {
        { "date", CLI_STRING, &date_text },
        { "reason", CLI_STRING, &reason },
        { NULL, CLI_FLAG, NULL },
    };
    arc_credit_memo *memo = NULL;
    struct cli_args args;
    arc_date date = ARC_DATE_NONE;
    int rc, status = cli_parse_args(cli, argc, argv, options, 1, 1, &args);

    if (status == CLI_OK)
        status = cli_value_optional_date(cli, "--date", date_text, &date);
    if (status == CLI_OK)
        status = cli_open_to_write(cli);
    if (status == CLI_OK)
        status = cli_find_credit_memo(cli, args.positional[0], &memo);
    if (status == CLI_OK) {
        rc = arc_credit_memo_void(cli->db, arc_credit_memo_id(memo), date, reason);
        status = rc == ARC_OK ? print_written(cli, arc_credit_memo_id(memo), "voided")
                              : cli_fail(cli, rc, NULL);
    }
    arc_credit_memo_free(memo);
    return cli_finish(cli, status);
}

static int credit_show(struct cli *cli, int argc, char **argv)
{
    arc_credit_memo *memo = NULL;
    arc_application_page *applications = NULL;
    char money[CLI_AMOUNT_BUFSIZE], date[ARC_DATE_BUFSIZE];
    struct cli_args args;
    const char *currency;
    arc_id customer_id;
    int rc, status = cli_parse_args(cli, argc, argv, NULL, 1, 1, &args);

    if (status == CLI_OK)
        status = cli_open(cli, CLI_OPEN_EXISTING);
    if (status == CLI_OK)
        status = cli_find_credit_memo(cli, args.positional[0], &memo);
    if (status != CLI_OK)
        return status;

    rc = arc_credit_memo_applications(&applications, cli->db, arc_credit_memo_id(memo));
    if (rc != ARC_OK) {
        arc_credit_memo_free(memo);
        return cli_fail(cli, rc, NULL);
    }

    currency = arc_credit_memo_currency(memo);
    customer_id = arc_credit_memo_customer_id(memo);
    if (cli->json) {
        struct json json;

        json_begin_document(&json, cli->out);
        print_credit_memo_json(&json, cli, memo);
        print_applications_json(&json, cli, applications, currency);
        json_end_document(&json);
    } else {
        fields_printf(cli->out, "Credit memo:", "%s (id %lld)",
                      arc_credit_memo_number(memo), (long long)arc_credit_memo_id(memo));
        fields_printf(cli->out, "Customer:", "%s (id %lld)",
                      cli_customer_reference(cli, customer_id), (long long)customer_id);
        cli_format_money(money, sizeof money, arc_credit_memo_amount(memo), currency);
        fields_print(cli->out, "Amount:", money);
        cli_format_date(date, sizeof date, arc_credit_memo_issue_date(memo));
        fields_print(cli->out, "Issued:", date);
        fields_print(cli->out, "Reason:", arc_credit_memo_reason(memo));
        cli_format_money(money, sizeof money, arc_credit_memo_applied(memo), currency);
        fields_print(cli->out, "Applied:", money);
        cli_format_money(money, sizeof money, arc_credit_memo_unapplied(memo), currency);
        fields_print(cli->out, "Unapplied:", money);
        fields_print(cli->out,
                     "State:", arc_credit_memo_is_void(memo) ? "void" : "in force");
        print_applications_table(cli, applications, currency);
    }
    arc_application_page_free(applications);
    arc_credit_memo_free(memo);
    return CLI_OK;
}

static const struct table_column credit_columns[] = {
    { "NUMBER", CLI_LEFT, 0 }, { "CUSTOMER", CLI_LEFT, 0 }, { "ISSUED", CLI_LEFT, 0 },
    { "CUR", CLI_LEFT, 0 },    { "AMOUNT", CLI_RIGHT, 0 },  { "UNAPPLIED", CLI_RIGHT, 0 },
    { "STATE", CLI_LEFT, 0 },  { "REASON", CLI_LEFT, 40 },
};

static void credit_json(struct json *json, struct cli *cli, const void *memo)
{
    print_credit_memo_json(json, cli, memo);
}

static void credit_row(struct table *table, struct cli *cli, const void *record)
{
    const arc_credit_memo *memo = record;
    const char *currency = arc_credit_memo_currency(memo);
    char text[CLI_AMOUNT_BUFSIZE];

    table_add(table, arc_credit_memo_number(memo));
    table_add(table, cli_customer_reference(cli, arc_credit_memo_customer_id(memo)));
    cli_format_date(text, sizeof text, arc_credit_memo_issue_date(memo));
    table_add(table, text);
    table_add(table, currency);
    cli_format_amount(text, sizeof text, arc_credit_memo_amount(memo), currency);
    table_add(table, text);
    cli_format_amount(text, sizeof text, arc_credit_memo_unapplied(memo), currency);
    table_add(table, text);
    table_add(table, arc_credit_memo_is_void(memo) ? "void" : "in force");
    table_add(table, cli_or_dash(arc_credit_memo_reason(memo)));
}

LISTING_PAGES_AFTER_ID(credit_memo);

static const struct listing_kind credit_listing = {
    .json_key = "credit_memos",
    .columns = credit_columns,
    .column_count = sizeof credit_columns / sizeof *credit_columns,
    .json = credit_json,
    .row = credit_row,
    .pages = &credit_memo_pages,
};

static int credit_list(struct cli *cli, int argc, char **argv)
{
    return listing_run_by_flag(cli, argc, argv, &credit_listing, "void");
}

const struct cli_command cli_credit_commands[] = {
    { "credit", "add", credit_add, "add a credit memo, and apply it to an invoice",
      "Usage: arcollect credit add --customer CUSTOMER --amount AMOUNT [--invoice "
      "INVOICE]\n"
      "                            [--currency CODE] [--number NUMBER] [--date DATE]\n"
      "                            [--reason TEXT] [--json]\n"
      "\n"
      "Credit CUSTOMER (a reference or #ID). With --invoice, as much as fits is\n"
      "applied to that invoice at once; the rest stays as unapplied credit.\n"
      "Without --number the book's numbering gives one (CM-000001...).\n" },
    { "credit", "apply", credit_apply, "apply a credit memo's unapplied amount",
      "Usage: arcollect credit apply CREDIT (--invoice INVOICE [--amount AMOUNT]\n"
      "                              [--date DATE] | --auto) [--json]\n"
      "\n"
      "CREDIT is the memo's number or id.\n" },
    { "credit", "show", credit_show, "show a credit memo and where it was applied",
      "Usage: arcollect credit show CREDIT [--json]\n" },
    { "credit", "list", credit_list, "list credit memos",
      "Usage: arcollect credit list [--customer CUSTOMER] [--void | --in-force]\n"
      "                             [--limit N] [--after ID] [--all] [--json]\n" },
    { "credit", "void", credit_void, "void a credit memo, undoing its applications",
      "Usage: arcollect credit void CREDIT [--date DATE] [--reason TEXT] [--json]\n" },
    { NULL, NULL, NULL, NULL, NULL },
};
