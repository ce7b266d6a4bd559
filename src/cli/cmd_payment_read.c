/*
 * payment show and payment list.
 */
#include "cli.h"

static void show_text(struct cli *cli, const arc_payment *payment,
                      const arc_application_page *applications)
{
    const char *currency = arc_payment_currency(payment);
    char money[CLI_AMOUNT_BUFSIZE], date[ARC_DATE_BUFSIZE];
    arc_id customer_id = arc_payment_customer_id(payment);
    FILE *out = cli->out;

    fields_printf(out, "Payment:", "%lld", (long long)arc_payment_id(payment));
    fields_printf(out, "Customer:", "%s (id %lld)",
                  cli_customer_reference(cli, customer_id), (long long)customer_id);
    cli_format_money(money, sizeof money, arc_payment_amount(payment), currency);
    fields_print(out, "Amount:", money);
    fields_print(out, "Method:", arc_payment_method_name(arc_payment_method_of(payment)));
    cli_format_date(date, sizeof date, arc_payment_received_on(payment));
    fields_print(out, "Received:", date);
    fields_print(out, "Reference:", arc_payment_reference(payment));
    fields_print(out, "Idempotency key:", arc_payment_idempotency_key(payment));
    cli_format_money(money, sizeof money, arc_payment_applied(payment), currency);
    fields_print(out, "Applied:", money);
    cli_format_money(money, sizeof money, arc_payment_unapplied(payment), currency);
    fields_print(out, "Unapplied:", money);
    if (arc_payment_is_reversed(payment)) {
        cli_format_date(date, sizeof date, arc_payment_reversed_on(payment));
        fields_print(out, "Reversed:", date);
        fields_print(out, "Reversal reason:", arc_payment_reversal_reason(payment));
    }
    print_applications_table(cli, applications, currency);
}

int cmd_payment_show(struct cli *cli, int argc, char **argv)
{
    arc_payment *payment = NULL;
    arc_application_page *applications = NULL;
    arc_id id = 0;
    int rc, status = cli_parse_id_and_open(cli, argc, argv, "PAYMENT", &id);

    if (status != CLI_OK)
        return status;

    rc = arc_payment_lookup(&payment, cli->db, id);
    if (rc == ARC_OK)
        rc = arc_payment_applications(&applications, cli->db, id);
    if (rc != ARC_OK) {
        status = cli_fail(cli, rc, NULL);
    } else if (cli->json) {
        struct json json;

        json_begin_document(&json, cli->out);
        print_payment_json(&json, cli, payment);
        print_applications_json(&json, cli, applications, arc_payment_currency(payment));
        json_end_document(&json);
    } else {
        show_text(cli, payment, applications);
    }

    arc_application_page_free(applications);
    arc_payment_free(payment);
    return status;
}

static const struct table_column payment_columns[] = {
    { "ID", CLI_RIGHT, 0 },        { "CUSTOMER", CLI_LEFT, 0 },
    { "RECEIVED", CLI_LEFT, 0 },   { "METHOD", CLI_LEFT, 0 },
    { "CUR", CLI_LEFT, 0 },        { "AMOUNT", CLI_RIGHT, 0 },
    { "UNAPPLIED", CLI_RIGHT, 0 }, { "STATE", CLI_LEFT, 0 },
    { "REFERENCE", CLI_LEFT, 30 },
};

static void payment_json(struct json *json, struct cli *cli, const void *payment)
{
    print_payment_json(json, cli, payment);
}

static void payment_row(struct table *table, struct cli *cli, const void *record)
{
    const arc_payment *payment = record;
    const char *currency = arc_payment_currency(payment);
    char text[CLI_AMOUNT_BUFSIZE];

    table_addf(table, "%lld", (long long)arc_payment_id(payment));
    table_add(table, cli_customer_reference(cli, arc_payment_customer_id(payment)));
    cli_format_date(text, sizeof text, arc_payment_received_on(payment));
    table_add(table, text);
    table_add(table, arc_payment_method_name(arc_payment_method_of(payment)));
    table_add(table, currency);
    cli_format_amount(text, sizeof text, arc_payment_amount(payment), currency);
    table_add(table, text);
    cli_format_amount(text, sizeof text, arc_payment_unapplied(payment), currency);
    table_add(table, text);
    table_add(table, arc_payment_is_reversed(payment) ? "reversed" : "in force");
    table_add(table, cli_or_dash(arc_payment_reference(payment)));
}

LISTING_PAGES_AFTER_ID(payment);

static const struct listing_kind payment_listing = {
    .json_key = "payments",
    .columns = payment_columns,
    .column_count = sizeof payment_columns / sizeof *payment_columns,
    .json = payment_json,
    .row = payment_row,
    .pages = &payment_pages,
};

int cmd_payment_list(struct cli *cli, int argc, char **argv)
{
    return listing_run_by_flag(cli, argc, argv, &payment_listing, "reversed");
}
