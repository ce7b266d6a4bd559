/*
 * dispute show and dispute list.
 */
#include "cli.h"

static const char *status_name(int status)
{
    return arc_dispute_status_name((arc_dispute_status)status);
}

static void show_text(struct cli *cli, const arc_dispute *dispute)
{
    const char *currency = arc_dispute_currency(dispute);
    arc_dispute_outcome outcome = arc_dispute_outcome_of(dispute);
    char money[CLI_AMOUNT_BUFSIZE], date[CLI_TIME_BUFSIZE];
    arc_id customer_id = arc_dispute_customer_id(dispute);
    size_t line_count = arc_dispute_line_count(dispute);
    FILE *out = cli->out;

    fields_printf(out, "Dispute:", "%lld", (long long)arc_dispute_id(dispute));
    fields_print(out,
                 "Invoice:", cli_invoice_number(cli, arc_dispute_invoice_id(dispute)));
    fields_printf(out, "Customer:", "%s (id %lld)",
                  cli_customer_reference(cli, customer_id), (long long)customer_id);
    fields_print(out, "Reason code:", arc_dispute_reason_code(dispute));
    cli_format_money(money, sizeof money, arc_dispute_amount(dispute), currency);
    fields_print(out, "Amount:", money);
    fields_print(out, "Status:", arc_dispute_status_name(arc_dispute_status_of(dispute)));
    fields_printf(out, "Escalation level:", "%d", arc_dispute_escalation_level(dispute));
    fields_print(out, "Opened by:", arc_dispute_opened_by(dispute));
    fields_print(out, "Owner:", arc_dispute_owner(dispute));
    cli_format_time(date, sizeof date, arc_dispute_opened_at(dispute));
    fields_print(out, "Opened:", date);
    cli_format_time(date, sizeof date, arc_dispute_status_changed_at(dispute));
    fields_print(out, "Status since:", date);
    cli_format_date(date, sizeof date, arc_dispute_due_date(dispute));
    fields_print(out, "Due:", date);
    fields_print(out, "Description:", arc_dispute_description(dispute));
    if (line_count > 0) {
        char lines[256] = "";
        size_t used = 0;

        for (size_t i = 0; i < line_count && used < sizeof lines; i++)
            used += (size_t)snprintf(lines + used, sizeof lines - used, "%s%d",
                                     i ? ", " : "", arc_dispute_line_at(dispute, i));
        fields_print(out, "Invoice lines:", lines);
    }
    if (arc_dispute_reopen_reason(dispute) != NULL)
        fields_print(out, "Reopened because:", arc_dispute_reopen_reason(dispute));
    if (outcome == ARC_DISPUTE_UNRESOLVED)
        return;

    fields_print(out, "Outcome:", arc_dispute_outcome_name(outcome));
    cli_format_date(date, sizeof date, arc_dispute_resolved_on(dispute));
    fields_print(out, "Resolved on:", date);
    fields_print(out, "Resolved by:", arc_dispute_resolved_by(dispute));
    if (outcome == ARC_DISPUTE_CREDITED || outcome == ARC_DISPUTE_WRITTEN_OFF) {
        cli_format_money(money, sizeof money, arc_dispute_resolved_amount(dispute),
                         currency);
        fields_print(out, "Resolved amount:", money);
    }
    if (arc_dispute_credit_memo_id(dispute) > 0)
        fields_printf(out, "Credit memo:", "#%lld",
                      (long long)arc_dispute_credit_memo_id(dispute));
    fields_print(out, "Resolution note:", arc_dispute_resolution_note(dispute));
}

int cmd_dispute_show(struct cli *cli, int argc, char **argv)
{
    arc_dispute *dispute = NULL;
    arc_id id = 0;
    int rc, status = cli_parse_id_and_open(cli, argc, argv, "DISPUTE", &id);

    if (status != CLI_OK)
        return status;

    rc = arc_dispute_lookup(&dispute, cli->db, id);
    if (rc != ARC_OK)
        return cli_fail(cli, rc, NULL);

    if (cli->json) {
        struct json json;

        json_begin_document(&json, cli->out);
        print_dispute_json(&json, cli, dispute);
        json_end_document(&json);
    } else {
        show_text(cli, dispute);
    }
    arc_dispute_free(dispute);
    return CLI_OK;
}

static const struct table_column dispute_columns[] = {
    { "ID", CLI_RIGHT, 0 },    { "INVOICE", CLI_LEFT, 0 }, { "CUSTOMER", CLI_LEFT, 0 },
    { "REASON", CLI_LEFT, 0 }, { "CUR", CLI_LEFT, 0 },     { "AMOUNT", CLI_RIGHT, 0 },
    { "STATUS", CLI_LEFT, 0 }, { "LEVEL", CLI_RIGHT, 0 },  { "OWNER", CLI_LEFT, 0 },
    { "OPENED", CLI_LEFT, 0 }, { "DUE", CLI_LEFT, 0 },
};

static void dispute_json(struct json *json, struct cli *cli, const void *dispute)
{
    print_dispute_json(json, cli, dispute);
}

static void dispute_row(struct table *table, struct cli *cli, const void *record)
{
    const arc_dispute *dispute = record;
    const char *currency = arc_dispute_currency(dispute);
    char text[CLI_TIME_BUFSIZE];

    table_addf(table, "%lld", (long long)arc_dispute_id(dispute));
    table_add(table, cli_invoice_number(cli, arc_dispute_invoice_id(dispute)));
    table_add(table, cli_customer_reference(cli, arc_dispute_customer_id(dispute)));
    table_add(table, arc_dispute_reason_code(dispute));
    table_add(table, currency);
    cli_format_amount(text, sizeof text, arc_dispute_amount(dispute), currency);
    table_add(table, text);
    table_add(table, arc_dispute_status_name(arc_dispute_status_of(dispute)));
    table_addf(table, "%d", arc_dispute_escalation_level(dispute));
    table_add(table, cli_or_dash(arc_dispute_owner(dispute)));
    cli_format_date(text, sizeof text,
                    arc_date_from_time(arc_dispute_opened_at(dispute)));
    table_add(table, text);
    cli_format_date(text, sizeof text, arc_dispute_due_date(dispute));
    table_add(table, text);
}

LISTING_PAGES_AFTER_ID(dispute);

static const struct listing_kind dispute_listing = {
    .json_key = "disputes",
    .columns = dispute_columns,
    .column_count = sizeof dispute_columns / sizeof *dispute_columns,
    .json = dispute_json,
    .row = dispute_row,
    .pages = &dispute_pages,
};

int cmd_dispute_list(struct cli *cli, int argc, char **argv)
{
    return listing_run_by_status(cli, argc, argv, &dispute_listing, status_name, 5);
}
