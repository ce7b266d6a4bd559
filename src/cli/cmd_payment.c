/*
 * payment record, apply, reverse: money received and where it went. Reading
 * payments (show, list) is in cmd_payment_read.c.
 */
#include <string.h>

#include "cli.h"

static const char *method_name(int method)
{
    return arc_payment_method_name((arc_payment_method)method);
}

static int payment_find_key(struct cli *cli, arc_id customer_id, const char *key,
                            arc_id *out)
{
    arc_list_opts opts = ARC_LIST_OPTS_INIT;
    size_t count;

    *out = 0;
    opts.customer_id = customer_id;
    opts.limit = ARC_LIST_MAX_LIMIT;
    do {
        arc_payment_page *page = NULL;
        int rc = arc_payment_list(&page, cli->db, &opts);

        if (rc != ARC_OK)
            return cli_fail(cli, rc, NULL);
        count = arc_payment_page_count(page);
        for (size_t i = 0; i < count; i++) {
            const arc_payment *payment = arc_payment_page_at(page, i);
            const char *payment_key = arc_payment_idempotency_key(payment);

            if (payment_key != NULL && strcmp(payment_key, key) == 0)
                *out = arc_payment_id(payment);
            opts.after_id = arc_payment_id(payment);
        }
        arc_payment_page_free(page);
    } while (*out == 0 && count == opts.limit);
    return CLI_OK;
}

/* Print the payment just written; @p created is 1 or 0 after payment record
 * (whether it recorded a new payment), -1 after the other commands. */
static int payment_print_written(struct cli *cli, arc_id id, const char *verb,
                                 int created)
{
    arc_payment *payment = NULL;
    char amount[CLI_AMOUNT_BUFSIZE], applied[CLI_AMOUNT_BUFSIZE];
    int rc = arc_payment_lookup(&payment, cli->db, id);

    if (rc != ARC_OK)
        return cli_fail(cli, rc, NULL);

    if (cli->json) {
        struct json json;

        json_begin_document(&json, cli->out);
        print_payment_json(&json, cli, payment);
        if (created >= 0)
            json_key_bool(&json, "created", created == 1);
        json_end_document(&json);
    } else {
        const char *currency = arc_payment_currency(payment);

        cli_format_money(amount, sizeof amount, arc_payment_amount(payment), currency);
        cli_format_money(applied, sizeof applied, arc_payment_applied(payment), currency);
        fprintf(cli->out, "%s payment %lld: %s from %s, %s applied\n", verb,
                (long long)id, amount,
                cli_customer_reference(cli, arc_payment_customer_id(payment)), applied);
    }
    arc_payment_free(payment);
    return CLI_OK;
}

/* Apply @p amount (0 for as much as fits) of a payment to an invoice. */
static int apply_to_invoice(struct cli *cli, arc_id payment_id, const char *invoice_key,
                            const char *amount_text, arc_date applied_on)
{
    arc_payment *payment = NULL;
    arc_invoice *invoice = NULL;
    int64_t amount = 0;
    int status = cli_find_invoice(cli, invoice_key, &invoice);
    int rc;

    if (status == CLI_OK) {
        rc = arc_payment_lookup(&payment, cli->db, payment_id);
        if (rc != ARC_OK)
            status = cli_fail(cli, rc, NULL);
    }
    if (status == CLI_OK && amount_text != NULL)
        status = cli_value_money(cli, "--amount", amount_text,
                                 arc_invoice_currency(invoice), &amount);
    if (status == CLI_OK && amount_text == NULL) {
        amount = arc_payment_unapplied(payment);
        if (arc_invoice_balance(invoice) < amount)
            amount = arc_invoice_balance(invoice);
    }
    if (status == CLI_OK) {
        /* A payment received before the invoice was issued applies from then. */
        if (applied_on != ARC_DATE_NONE && arc_invoice_issue_date(invoice) > applied_on)
            applied_on = arc_invoice_issue_date(invoice);
        rc = arc_payment_apply(cli->db, payment_id, arc_invoice_id(invoice), amount,
                               applied_on);
        if (rc != ARC_OK)
            status = cli_fail(cli, rc, "invoice %s", arc_invoice_number(invoice));
    }
    arc_payment_free(payment);
    arc_invoice_free(invoice);
    return status;
}

static int apply_auto(struct cli *cli, arc_id payment_id)
{
    int rc = arc_payment_apply_auto(NULL, cli->db, payment_id);

    if (rc != ARC_OK)
        return cli_fail(cli, rc, NULL);
    return CLI_OK;
}

/* Each --apply is INVOICE or INVOICE=AMOUNT. */
static int apply_each(struct cli *cli, arc_id payment_id, const struct cli_list *applies,
                      arc_date applied_on)
{
    int status = CLI_OK;

    for (size_t i = 0; i < applies->count && status == CLI_OK; i++) {
        char *invoice_key = cli_strdup(cli, applies->items[i]);
        char *equals = strchr(invoice_key, '=');

        if (equals != NULL)
            *equals++ = '\0';
        status = apply_to_invoice(cli, payment_id, invoice_key, equals, applied_on);
    }
    return status;
}

static int payment_record(struct cli *cli, int argc, char **argv)
{
    const char *customer_key = NULL, *amount_text = NULL, *method_text = NULL;
    const char *date_text = NULL;
    struct cli_list applies = { 0 };
    int auto_apply = 0, method = ARC_PAYMENT_OTHER;
    arc_payment_opts opts = ARC_PAYMENT_OPTS_INIT;
    const struct cli_option options[] = {
        { "customer", CLI_STRING, &customer_key },
        { "amount", CLI_STRING, &amount_text },
        { "currency", CLI_STRING, &opts.currency },
        { "method", CLI_STRING, &method_text },
        { "date", CLI_STRING, &date_text },
        { "reference", CLI_STRING, &opts.reference },
        { "key", CLI_STRING, &opts.idempotency_key },
        { "apply", CLI_LIST, &applies },
        { "auto", CLI_FLAG, &auto_apply },
        { NULL, CLI_FLAG, NULL },
    };
    arc_customer *customer = NULL;
    struct cli_args args;
    arc_id id = 0, existing = 0;
    int rc, status = cli_parse_args(cli, argc, argv, options, 0, 0, &args);

    if (status == CLI_OK && (customer_key == NULL || amount_text == NULL))
        status = cli_usage(cli, "--customer and --amount are required");
    if (status == CLI_OK && method_text != NULL)
        status = cli_value_enum(cli, "--method", method_text, method_name, 6, &method);
    if (status == CLI_OK)
        status = cli_value_optional_date(cli, "--date", date_text, &opts.received_on);
    if (status == CLI_OK)
        status = cli_open_to_write(cli);
    if (status == CLI_OK)
        status = cli_find_customer(cli, customer_key, &customer);
    if (status == CLI_OK && opts.currency == NULL)
        opts.currency = cli_strdup(cli, arc_customer_currency(customer));
    if (status == CLI_OK)
        status =
            cli_value_money(cli, "--amount", amount_text, opts.currency, &opts.amount);
    if (status == CLI_OK && opts.idempotency_key != NULL)
        status = payment_find_key(cli, arc_customer_id(customer), opts.idempotency_key,
                                  &existing);
    if (status != CLI_OK) {
        arc_customer_free(customer);
        return cli_finish(cli, status);
    }

    opts.customer_id = arc_customer_id(customer);
    opts.method = (arc_payment_method)method;
    if (auto_apply && applies.count == 0)
        opts.flags |= ARC_PAYMENT_AUTO_APPLY;
    arc_customer_free(customer);

    rc = arc_payment_record(&id, cli->db, &opts);
    if (rc != ARC_OK)
        return cli_finish(cli, cli_fail(cli, rc, NULL));

    /* A retry with the same key finds the payment recorded and applied. */
    if (existing == 0) {
        status = apply_each(cli, id, &applies, opts.received_on);
        if (status == CLI_OK && auto_apply && applies.count > 0)
            status = apply_auto(cli, id);
    }
    if (status == CLI_OK)
        status = payment_print_written(
            cli, id, existing ? "already recorded" : "recorded", existing == 0 ? 1 : 0);
    return cli_finish(cli, status);
}

static int payment_apply(struct cli *cli, int argc, char **argv)
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
    struct cli_args args;
    arc_date applied_on = ARC_DATE_NONE;
    arc_id id = 0;
    int status = cli_parse_args(cli, argc, argv, options, 1, 1, &args);

    if (status == CLI_OK && (invoice_key == NULL) == (auto_apply == 0))
        status = cli_usage(cli, "give either --invoice or --auto");
    if (status == CLI_OK)
        status = cli_value_id(cli, "PAYMENT", args.positional[0], &id);
    if (status == CLI_OK)
        status = cli_value_optional_date(cli, "--date", date_text, &applied_on);
    if (status == CLI_OK)
        status = cli_open_to_write(cli);
    if (status == CLI_OK && auto_apply)
        status = apply_auto(cli, id);
    else if (status == CLI_OK)
        status = apply_to_invoice(cli, id, invoice_key, amount_text, applied_on);
    if (status == CLI_OK)
        status = payment_print_written(cli, id, "applied", -1);
    return cli_finish(cli, status);
}

static int payment_reverse(struct cli *cli, int argc, char **argv)
{
    const char *date_text = NULL, *reason = NULL;
    const struct cli_option options[] = {
        { "date", CLI_STRING, &date_text },
        { "reason", CLI_STRING, &reason },
        { NULL, CLI_FLAG, NULL },
    };
    struct cli_args args;
    arc_date date = ARC_DATE_NONE;
    arc_id id = 0;
    int rc, status = cli_parse_args(cli, argc, argv, options, 1, 1, &args);

    if (status == CLI_OK)
        status = cli_value_id(cli, "PAYMENT", args.positional[0], &id);
    if (status == CLI_OK)
        status = cli_value_optional_date(cli, "--date", date_text, &date);
    if (status == CLI_OK)
        status = cli_open_to_write(cli);
    if (status == CLI_OK) {
        rc = arc_payment_reverse(cli->db, id, date, reason);
        status = rc == ARC_OK ? payment_print_written(cli, id, "reversed", -1)
                              : cli_fail(cli, rc, NULL);
    }
    return cli_finish(cli, status);
}

const struct cli_command cli_payment_commands[] = {
    { "payment", "record", payment_record, "record a payment and apply it to invoices",
      "Usage: arcollect payment record --customer CUSTOMER --amount AMOUNT\n"
      "                                [--currency CODE] [--method METHOD] [--date "
      "DATE]\n"
      "                                [--reference TEXT] [--key KEY]\n"
      "                                [--apply INVOICE[=AMOUNT]]... [--auto] [--json]\n"
      "\n"
      "Record money received from CUSTOMER (a reference or #ID). METHOD is ach,\n"
      "card, check, wire, cash or other; --date is the day received (default\n"
      "today). Each --apply applies AMOUNT, or as much as fits, to an invoice;\n"
      "--auto applies the rest to the oldest invoices first. What is not applied\n"
      "stays as unapplied credit. With --key, a second run with the same key\n"
      "records and applies nothing and prints the payment recorded the first time.\n" },
    { "payment", "apply", payment_apply, "apply a payment's unapplied amount to invoices",
      "Usage: arcollect payment apply PAYMENT (--invoice INVOICE [--amount AMOUNT]\n"
      "                               [--date DATE] | --auto) [--json]\n"
      "\n"
      "PAYMENT is the payment's id. --invoice applies AMOUNT, or as much as fits;\n"
      "--auto applies to the customer's oldest invoices first.\n" },
    { "payment", "show", cmd_payment_show, "show a payment and where it was applied",
      "Usage: arcollect payment show PAYMENT [--json]\n" },
    { "payment", "list", cmd_payment_list, "list payments",
      "Usage: arcollect payment list [--customer CUSTOMER] [--reversed | --in-force]\n"
      "                              [--limit N] [--after ID] [--all] [--json]\n" },
    { "payment", "reverse", payment_reverse, "reverse a payment (returned, charged back)",
      "Usage: arcollect payment reverse PAYMENT [--date DATE] [--reason TEXT] [--json]\n"
      "\n"
      "The payment no longer counts, and every invoice it paid owes that part\n"
      "again.\n" },
    { "payment", "import", cmd_payment_import, "import payments from a CSV file",
      "Usage: arcollect payment import FILE [--dry-run] [--json]\n"
      "\n"
      "Import payments from a CSV file with a header row. Columns: key, customer,\n"
      "amount (required); currency, received_on, method, reference, invoice,\n"
      "apply (auto or none). key is the payment's idempotency key, such as the\n"
      "bank's transaction id: a row whose key was imported before changes\n"
      "nothing. invoice applies the payment to that invoice, as much as fits;\n"
      "apply=auto applies the rest oldest first. The file is imported whole or\n"
      "not at all. See docs/cli.md.\n" },
    { NULL, NULL, NULL, NULL, NULL },
};
