/*
 * invoice show and invoice list.
 */
#include "cli.h"

static const char *status_name(int status)
{
    return arc_invoice_status_name((arc_invoice_status)status);
}

static void lines_json(struct json *json, const arc_invoice *invoice)
{
    const char *currency = arc_invoice_currency(invoice);
    size_t count = arc_invoice_line_count(invoice);

    json_key(json, "lines");
    json_begin_array(json);
    for (size_t i = 0; i < count; i++) {
        const arc_invoice_line *line = arc_invoice_line_at(invoice, i);

        json_begin_object(json);
        json_key_int(json, "line", (int64_t)i + 1);
        json_key_string(json, "description", arc_invoice_line_description(line));
        json_key_string(json, "quantity", arc_invoice_line_quantity(line));
        json_key_money(json, "unit_price", arc_invoice_line_unit_price(line), currency);
        json_key_string(json, "tax_rate", arc_invoice_line_tax_rate(line));
        json_key_string(json, "item_code", arc_invoice_line_item_code(line));
        json_key_date(json, "period_start", arc_invoice_line_period_start(line));
        json_key_date(json, "period_end", arc_invoice_line_period_end(line));
        json_key_money(json, "net", arc_invoice_line_net(line), currency);
        json_key_money(json, "tax", arc_invoice_line_tax(line), currency);
        json_end_object(json);
    }
    json_end_array(json);
}

static void applications_json(struct json *json, const arc_application_page *page,
                              const char *currency)
{
    size_t count = arc_application_page_count(page);

    json_key(json, "applications");
    json_begin_array(json);
    for (size_t i = 0; i < count; i++) {
        const arc_application *application = arc_application_page_at(page, i);

        json_begin_object(json);
        json_key_id(json, "id", arc_application_id(application));
        json_key_string(json, "kind",
                        arc_application_kind_name(arc_application_kind_of(application)));
        json_key_id(json, "source_id", arc_application_source_id(application));
        json_key_money(json, "amount", arc_application_amount(application), currency);
        json_key_date(json, "applied_on", arc_application_applied_on(application));
        json_key_date(json, "reversed_on", arc_application_reversed_on(application));
        json_end_object(json);
    }
    json_end_array(json);
}

static void disputes_json(struct json *json, const arc_dispute_page *page)
{
    size_t count = arc_dispute_page_count(page);

    json_key(json, "disputes");
    json_begin_array(json);
    for (size_t i = 0; i < count; i++) {
        const arc_dispute *dispute = arc_dispute_page_at(page, i);

        json_begin_object(json);
        json_key_id(json, "id", arc_dispute_id(dispute));
        json_key_string(json, "reason_code", arc_dispute_reason_code(dispute));
        json_key_money(json, "amount", arc_dispute_amount(dispute),
                       arc_dispute_currency(dispute));
        json_key_string(json, "status",
                        arc_dispute_status_name(arc_dispute_status_of(dispute)));
        json_key_string(json, "outcome",
                        arc_dispute_outcome_name(arc_dispute_outcome_of(dispute)));
        json_end_object(json);
    }
    json_end_array(json);
}

struct invoice_view {
    arc_invoice *invoice;
    arc_application_page *applications;
    arc_dispute_page *disputes;
    int64_t disputed;
};

static void show_json(struct cli *cli, const struct invoice_view *view)
{
    const char *currency = arc_invoice_currency(view->invoice);
    struct json json;

    json_begin_document(&json, cli->out);
    print_invoice_json(&json, cli, view->invoice);
    json_key_money(&json, "disputed", view->disputed, currency);
    lines_json(&json, view->invoice);
    applications_json(&json, view->applications, currency);
    disputes_json(&json, view->disputes);
    json_end_document(&json);
}

static const struct table_column line_columns[] = {
    { "#", CLI_RIGHT, 0 },     { "DESCRIPTION", CLI_LEFT, 48 },
    { "QTY", CLI_RIGHT, 0 },   { "UNIT PRICE", CLI_RIGHT, 0 },
    { "TAX %", CLI_RIGHT, 0 }, { "NET", CLI_RIGHT, 0 },
    { "TAX", CLI_RIGHT, 0 },
};

static const struct table_column application_columns[] = {
    { "APPLIED", CLI_LEFT, 0 }, { "KIND", CLI_LEFT, 0 },     { "SOURCE", CLI_RIGHT, 0 },
    { "AMOUNT", CLI_RIGHT, 0 }, { "REVERSED", CLI_LEFT, 0 },
};

static const struct table_column dispute_columns[] = {
    { "DISPUTE", CLI_RIGHT, 0 }, { "REASON", CLI_LEFT, 0 },  { "AMOUNT", CLI_RIGHT, 0 },
    { "STATUS", CLI_LEFT, 0 },   { "OUTCOME", CLI_LEFT, 0 },
};

static void show_lines(struct cli *cli, const arc_invoice *invoice)
{
    const char *currency = arc_invoice_currency(invoice);
    size_t count = arc_invoice_line_count(invoice);
    char amount[CLI_AMOUNT_BUFSIZE];
    struct table table;

    table_init(&table, cli, line_columns, sizeof line_columns / sizeof *line_columns);
    for (size_t i = 0; i < count; i++) {
        const arc_invoice_line *line = arc_invoice_line_at(invoice, i);

        table_addf(&table, "%zu", i + 1);
        table_add(&table, arc_invoice_line_description(line));
        table_add(&table, arc_invoice_line_quantity(line));
        cli_format_amount(amount, sizeof amount, arc_invoice_line_unit_price(line),
                          currency);
        table_add(&table, amount);
        table_add(&table, arc_invoice_line_tax_rate(line));
        cli_format_amount(amount, sizeof amount, arc_invoice_line_net(line), currency);
        table_add(&table, amount);
        cli_format_amount(amount, sizeof amount, arc_invoice_line_tax(line), currency);
        table_add(&table, amount);
    }
    fputc('\n', cli->out);
    table_print(&table, cli->out);
}

static void show_applications(struct cli *cli, const arc_application_page *page,
                              const char *currency)
{
    size_t count = arc_application_page_count(page);
    char amount[CLI_AMOUNT_BUFSIZE], date[ARC_DATE_BUFSIZE];
    struct table table;

    if (count == 0)
        return;
    table_init(&table, cli, application_columns,
               sizeof application_columns / sizeof *application_columns);
    for (size_t i = 0; i < count; i++) {
        const arc_application *application = arc_application_page_at(page, i);
        arc_id source = arc_application_source_id(application);

        cli_format_date(date, sizeof date, arc_application_applied_on(application));
        table_add(&table, date);
        table_add(&table,
                  arc_application_kind_name(arc_application_kind_of(application)));
        table_add(&table, source > 0 ? cli_printf(cli, "%lld", (long long)source) : "-");
        cli_format_amount(amount, sizeof amount, arc_application_amount(application),
                          currency);
        table_add(&table, amount);
        cli_format_date(date, sizeof date, arc_application_reversed_on(application));
        table_add(&table, date);
    }
    fputc('\n', cli->out);
    table_print(&table, cli->out);
}

static void show_disputes(struct cli *cli, const arc_dispute_page *page)
{
    size_t count = arc_dispute_page_count(page);
    char amount[CLI_AMOUNT_BUFSIZE];
    struct table table;

    if (count == 0)
        return;
    table_init(&table, cli, dispute_columns,
               sizeof dispute_columns / sizeof *dispute_columns);
    for (size_t i = 0; i < count; i++) {
        const arc_dispute *dispute = arc_dispute_page_at(page, i);

        table_addf(&table, "%lld", (long long)arc_dispute_id(dispute));
        table_add(&table, arc_dispute_reason_code(dispute));
        cli_format_amount(amount, sizeof amount, arc_dispute_amount(dispute),
                          arc_dispute_currency(dispute));
        table_add(&table, amount);
        table_add(&table, arc_dispute_status_name(arc_dispute_status_of(dispute)));
        table_add(&table, arc_dispute_outcome_name(arc_dispute_outcome_of(dispute)));
    }
    fputc('\n', cli->out);
    table_print(&table, cli->out);
}

static void show_text(struct cli *cli, const struct invoice_view *view)
{
    const arc_invoice *invoice = view->invoice;
    const char *currency = arc_invoice_currency(invoice);
    char money[CLI_AMOUNT_BUFSIZE], date[ARC_DATE_BUFSIZE];
    arc_id customer_id = arc_invoice_customer_id(invoice);
    FILE *out = cli->out;

    fields_printf(out, "Invoice:", "%s (id %lld)", arc_invoice_number(invoice),
                  (long long)arc_invoice_id(invoice));
    fields_printf(out, "Customer:", "%s (id %lld)",
                  cli_customer_reference(cli, customer_id), (long long)customer_id);
    fields_print(out, "Status:", arc_invoice_status_name(arc_invoice_status_of(invoice)));
    cli_format_date(date, sizeof date, arc_invoice_issue_date(invoice));
    fields_print(out, "Issued:", date);
    cli_format_date(date, sizeof date, arc_invoice_due_date(invoice));
    fields_print(out, "Due:", date);
    fields_print(out, "Memo:", arc_invoice_memo(invoice));
    cli_format_money(money, sizeof money, arc_invoice_subtotal(invoice), currency);
    fields_print(out, "Subtotal:", money);
    cli_format_money(money, sizeof money, arc_invoice_tax(invoice), currency);
    fields_print(out, "Tax:", money);
    cli_format_money(money, sizeof money, arc_invoice_total(invoice), currency);
    fields_print(out, "Total:", money);
    cli_format_money(money, sizeof money, arc_invoice_amount_paid(invoice), currency);
    fields_print(out, "Paid:", money);
    cli_format_money(money, sizeof money, arc_invoice_balance(invoice), currency);
    fields_print(out, "Balance:", money);
    cli_format_money(money, sizeof money, view->disputed, currency);
    fields_print(out, "Disputed:", money);

    show_lines(cli, invoice);
    show_applications(cli, view->applications, currency);
    show_disputes(cli, view->disputes);
}

int cmd_invoice_show(struct cli *cli, int argc, char **argv)
{
    struct invoice_view view = { 0 };
    struct cli_args args;
    arc_id id;
    int rc = ARC_OK, status = cli_parse_args(cli, argc, argv, NULL, 1, 1, &args);

    if (status == CLI_OK)
        status = cli_open(cli, CLI_OPEN_EXISTING);
    if (status == CLI_OK)
        status = cli_find_invoice(cli, args.positional[0], &view.invoice);
    if (status != CLI_OK)
        return status;

    id = arc_invoice_id(view.invoice);
    rc = arc_invoice_applications(&view.applications, cli->db, id);
    if (rc == ARC_OK)
        rc = arc_invoice_disputes(&view.disputes, cli->db, id);
    if (rc == ARC_OK)
        rc = arc_invoice_disputed_amount(&view.disputed, cli->db, id);

    if (rc != ARC_OK)
        status = cli_fail(cli, rc, NULL);
    else if (cli->json)
        show_json(cli, &view);
    else
        show_text(cli, &view);

    arc_dispute_page_free(view.disputes);
    arc_application_page_free(view.applications);
    arc_invoice_free(view.invoice);
    return status;
}

static const struct table_column invoice_columns[] = {
    { "NUMBER", CLI_LEFT, 0 }, { "CUSTOMER", CLI_LEFT, 0 }, { "STATUS", CLI_LEFT, 0 },
    { "ISSUED", CLI_LEFT, 0 }, { "DUE", CLI_LEFT, 0 },      { "CUR", CLI_LEFT, 0 },
    { "TOTAL", CLI_RIGHT, 0 }, { "BALANCE", CLI_RIGHT, 0 },
};

static void invoice_json(struct json *json, struct cli *cli, const void *invoice)
{
    print_invoice_json(json, cli, invoice);
}

static void invoice_row(struct table *table, struct cli *cli, const void *record)
{
    const arc_invoice *invoice = record;
    const char *currency = arc_invoice_currency(invoice);
    char text[CLI_AMOUNT_BUFSIZE];

    table_add(table, arc_invoice_number(invoice));
    table_add(table, cli_customer_reference(cli, arc_invoice_customer_id(invoice)));
    table_add(table, arc_invoice_status_name(arc_invoice_status_of(invoice)));
    cli_format_date(text, sizeof text, arc_invoice_issue_date(invoice));
    table_add(table, text);
    cli_format_date(text, sizeof text, arc_invoice_due_date(invoice));
    table_add(table, text);
    table_add(table, currency);
    cli_format_amount(text, sizeof text, arc_invoice_total(invoice), currency);
    table_add(table, text);
    cli_format_amount(text, sizeof text, arc_invoice_balance(invoice), currency);
    table_add(table, text);
}

LISTING_PAGES_AFTER_ID(invoice);

static const struct listing_kind invoice_listing = {
    .json_key = "invoices",
    .columns = invoice_columns,
    .column_count = sizeof invoice_columns / sizeof *invoice_columns,
    .json = invoice_json,
    .row = invoice_row,
    .pages = &invoice_pages,
};

int cmd_invoice_list(struct cli *cli, int argc, char **argv)
{
    return listing_run_by_status(cli, argc, argv, &invoice_listing, status_name, 6);
}
