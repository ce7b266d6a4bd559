/*
 * customer add, update, show, list (and, from other files, timeline and
 * import): the accounts of the book.
 */
#include <string.h>

#include "cli.h"

/* The options of customer add and customer update. */
struct customer_fields {
    const char *reference;
    const char *name;
    const char *currency;
    const char *email;
    const char *phone;
    const char *terms;
    const char *credit_limit;
    const char *owner;
    const char *status;
};

static const char *status_name(int status)
{
    return arc_customer_status_name((arc_customer_status)status);
}

/* The command line of customer add (@p adding), or of customer update: its
 * one argument is the customer, and it cannot change the currency. */
static int parse_fields(struct cli *cli, int argc, char **argv, bool adding,
                        struct customer_fields *fields, struct cli_args *args)
{
    const struct cli_option options[] = {
        { "currency", CLI_STRING, &fields->currency },
        { "reference", CLI_STRING, &fields->reference },
        { "name", CLI_STRING, &fields->name },
        { "email", CLI_STRING, &fields->email },
        { "phone", CLI_STRING, &fields->phone },
        { "terms", CLI_STRING, &fields->terms },
        { "credit-limit", CLI_STRING, &fields->credit_limit },
        { "owner", CLI_STRING, &fields->owner },
        { "status", CLI_STRING, &fields->status },
        { NULL, CLI_FLAG, NULL },
    };
    size_t arguments = adding ? 0 : 1;

    return cli_parse_args(cli, argc, argv, adding ? options : options + 1, arguments,
                          arguments, args);
}

/* Turn the options given into @p opts and the update bits that name them. */
static int read_fields(struct cli *cli, const struct customer_fields *fields,
                       const char *currency, arc_customer_opts *opts, unsigned int *bits)
{
    long long terms = ARC_DEFAULT_PAYMENT_TERMS_DAYS;
    int status = CLI_OK, value = 0;

    *bits = 0;
    if (fields->reference != NULL) {
        opts->reference = fields->reference;
        *bits |= ARC_CUSTOMER_FIELD_REFERENCE;
    }
    if (fields->name != NULL) {
        opts->name = fields->name;
        *bits |= ARC_CUSTOMER_FIELD_NAME;
    }
    if (fields->email != NULL) {
        opts->billing_email = fields->email[0] != '\0' ? fields->email : NULL;
        *bits |= ARC_CUSTOMER_FIELD_BILLING_EMAIL;
    }
    if (fields->phone != NULL) {
        opts->phone = fields->phone[0] != '\0' ? fields->phone : NULL;
        *bits |= ARC_CUSTOMER_FIELD_PHONE;
    }
    if (fields->owner != NULL) {
        opts->owner = fields->owner[0] != '\0' ? fields->owner : NULL;
        *bits |= ARC_CUSTOMER_FIELD_OWNER;
    }

    if (fields->terms != NULL) {
        status = cli_value_int(cli, "--terms", fields->terms, 0, 3650, &terms);
        opts->payment_terms_days = (int)terms;
        *bits |= ARC_CUSTOMER_FIELD_PAYMENT_TERMS;
    }
    if (status == CLI_OK && fields->credit_limit != NULL) {
        status = cli_value_money(cli, "--credit-limit", fields->credit_limit, currency,
                                 &opts->credit_limit);
        *bits |= ARC_CUSTOMER_FIELD_CREDIT_LIMIT;
    }
    if (status == CLI_OK && fields->status != NULL) {
        status = cli_value_enum(cli, "--status", fields->status, status_name, 3, &value);
        opts->status = (arc_customer_status)value;
        *bits |= ARC_CUSTOMER_FIELD_STATUS;
    }

    return status;
}

static void customer_json(struct json *json, struct cli *cli, const void *customer)
{
    print_customer_json(json, customer);
}

static void customer_row(struct table *table, struct cli *cli, const void *record)
{
    const arc_customer *customer = record;

    table_addf(table, "%lld", (long long)arc_customer_id(customer));
    table_add(table, arc_customer_reference(customer));
    table_add(table, arc_customer_name(customer));
    table_add(table, arc_customer_currency(customer));
    table_addf(table, "%d", arc_customer_payment_terms_days(customer));
    table_add(table, arc_customer_status_name(arc_customer_status_of(customer)));
    table_add(table, cli_or_dash(arc_customer_owner(customer)));
}

static const struct table_column customer_columns[] = {
    { "ID", CLI_RIGHT, 0 },   { "REFERENCE", CLI_LEFT, 0 }, { "NAME", CLI_LEFT, 40 },
    { "CUR", CLI_LEFT, 0 },   { "TERMS", CLI_RIGHT, 0 },    { "STATUS", CLI_LEFT, 0 },
    { "OWNER", CLI_LEFT, 0 },
};

LISTING_PAGES_AFTER_ID(customer);

static const struct listing_kind customer_listing = {
    .json_key = "customers",
    .columns = customer_columns,
    .column_count = sizeof customer_columns / sizeof *customer_columns,
    .json = customer_json,
    .row = customer_row,
    .pages = &customer_pages,
};

/* Print the customer just written: a line, or its JSON object. */
static int print_written(struct cli *cli, arc_id id, const char *verb)
{
    arc_customer *customer = NULL;
    int rc = arc_customer_lookup(&customer, cli->db, id);

    if (rc != ARC_OK)
        return cli_fail(cli, rc, NULL);

    if (cli->json) {
        struct json json;

        json_begin_document(&json, cli->out);
        print_customer_json(&json, customer);
        json_end_document(&json);
    } else {
        fprintf(cli->out, "%s customer %s (id %lld)\n", verb,
                arc_customer_reference(customer), (long long)id);
    }
    arc_customer_free(customer);
    return CLI_OK;
}

static int customer_add(struct cli *cli, int argc, char **argv)
{
    struct customer_fields fields = { 0 };
    arc_customer_opts opts = ARC_CUSTOMER_OPTS_INIT;
    struct cli_args args;
    unsigned int bits;
    arc_id id = 0;
    int rc, status = parse_fields(cli, argc, argv, true, &fields, &args);

    if (status == CLI_OK &&
        (fields.reference == NULL || fields.name == NULL || fields.currency == NULL))
        status = cli_usage(cli, "--reference, --name and --currency are required");
    if (status == CLI_OK)
        status = read_fields(cli, &fields, fields.currency, &opts, &bits);
    if (status == CLI_OK)
        status = cli_open_to_write(cli);
    if (status != CLI_OK)
        return status;

    opts.currency = fields.currency;
    rc = arc_customer_create(&id, cli->db, &opts);
    status = rc == ARC_OK ? print_written(cli, id, "added") : cli_fail(cli, rc, NULL);
    return cli_finish(cli, status);
}

static int customer_update(struct cli *cli, int argc, char **argv)
{
    struct customer_fields fields = { 0 };
    arc_customer_opts opts = ARC_CUSTOMER_OPTS_INIT;
    arc_customer *customer = NULL;
    struct cli_args args;
    unsigned int bits = 0;
    arc_id id = 0;
    int rc, status = parse_fields(cli, argc, argv, false, &fields, &args);

    if (status == CLI_OK)
        status = cli_open_to_write(cli);
    if (status == CLI_OK)
        status = cli_find_customer(cli, args.positional[0], &customer);
    if (status == CLI_OK)
        status = read_fields(cli, &fields, arc_customer_currency(customer), &opts, &bits);
    if (status == CLI_OK && bits == 0)
        status = cli_usage(cli, "nothing to change: give at least one option");
    if (status == CLI_OK) {
        id = arc_customer_id(customer);
        rc = arc_customer_update(cli->db, id, &opts, bits);
        status =
            rc == ARC_OK ? print_written(cli, id, "updated") : cli_fail(cli, rc, NULL);
    }
    arc_customer_free(customer);
    return cli_finish(cli, status);
}

struct balances {
    int64_t open;
    int64_t collectible;
    int64_t unapplied;
};

static int read_balances(struct cli *cli, arc_id id, struct balances *balances)
{
    int rc = arc_customer_balance(&balances->open, cli->db, id, NULL);

    if (rc == ARC_OK)
        rc = arc_customer_collectible_balance(&balances->collectible, cli->db, id, NULL);
    if (rc == ARC_OK)
        rc = arc_customer_unapplied_credit(&balances->unapplied, cli->db, id, NULL);
    if (rc != ARC_OK)
        return cli_fail(cli, rc, NULL);
    return CLI_OK;
}

static void show_contacts_json(struct json *json, const arc_contact_page *contacts)
{
    size_t count = arc_contact_page_count(contacts);

    json_key(json, "contacts");
    json_begin_array(json);
    for (size_t i = 0; i < count; i++) {
        const arc_contact *contact = arc_contact_page_at(contacts, i);

        json_begin_object(json);
        json_key_id(json, "id", arc_contact_id(contact));
        json_key_string(json, "name", arc_contact_name(contact));
        json_key_string(json, "role", arc_contact_role(contact));
        json_key_string(json, "email", arc_contact_email(contact));
        json_key_string(json, "phone", arc_contact_phone(contact));
        json_end_object(json);
    }
    json_end_array(json);
}

static void show_json(struct cli *cli, const arc_customer *customer,
                      const struct balances *balances, const arc_contact_page *contacts)
{
    const char *currency = arc_customer_currency(customer);
    struct json json;

    json_begin_document(&json, cli->out);
    print_customer_json(&json, customer);
    json_key_money(&json, "balance", balances->open, currency);
    json_key_money(&json, "collectible_balance", balances->collectible, currency);
    json_key_money(&json, "unapplied_credit", balances->unapplied, currency);
    show_contacts_json(&json, contacts);
    json_end_document(&json);
}

static void show_text(struct cli *cli, const arc_customer *customer,
                      const struct balances *balances, const arc_contact_page *contacts)
{
    const char *currency = arc_customer_currency(customer);
    char money[CLI_AMOUNT_BUFSIZE], created[CLI_TIME_BUFSIZE];
    size_t count = arc_contact_page_count(contacts);
    FILE *out = cli->out;

    fields_printf(out, "Customer:", "%s (id %lld)", arc_customer_reference(customer),
                  (long long)arc_customer_id(customer));
    fields_print(out, "Name:", arc_customer_name(customer));
    fields_print(out,
                 "Status:", arc_customer_status_name(arc_customer_status_of(customer)));
    fields_print(out, "Currency:", currency);
    fields_printf(out, "Payment terms:", "net %d days",
                  arc_customer_payment_terms_days(customer));
    cli_format_money(money, sizeof money, arc_customer_credit_limit(customer), currency);
    fields_print(out,
                 "Credit limit:", arc_customer_credit_limit(customer) ? money : NULL);
    fields_print(out, "Billing email:", arc_customer_billing_email(customer));
    fields_print(out, "Phone:", arc_customer_phone(customer));
    fields_print(out, "Owner:", arc_customer_owner(customer));
    cli_format_time(created, sizeof created, arc_customer_created_at(customer));
    fields_print(out, "Created:", created);

    cli_format_money(money, sizeof money, balances->open, currency);
    fields_print(out, "Open balance:", money);
    cli_format_money(money, sizeof money, balances->collectible, currency);
    fields_print(out, "Collectible:", money);
    cli_format_money(money, sizeof money, balances->unapplied, currency);
    fields_print(out, "Unapplied credit:", money);

    if (count == 0)
        return;
    fprintf(out, "\nContacts:\n");
    for (size_t i = 0; i < count; i++) {
        const arc_contact *contact = arc_contact_page_at(contacts, i);

        fprintf(out, "  #%lld %s", (long long)arc_contact_id(contact),
                arc_contact_name(contact));
        if (arc_contact_role(contact) != NULL)
            fprintf(out, " (%s)", arc_contact_role(contact));
        if (arc_contact_email(contact) != NULL)
            fprintf(out, " <%s>", arc_contact_email(contact));
        if (arc_contact_phone(contact) != NULL)
            fprintf(out, " %s", arc_contact_phone(contact));
        fputc('\n', out);
    }
}

static int customer_show(struct cli *cli, int argc, char **argv)
{
    arc_customer *customer = NULL;
    arc_contact_page *contacts = NULL;
    struct balances balances;
    struct cli_args args;
    int rc, status = cli_parse_args(cli, argc, argv, NULL, 1, 1, &args);

    if (status == CLI_OK)
        status = cli_open(cli, CLI_OPEN_EXISTING);
    if (status == CLI_OK)
        status = cli_find_customer(cli, args.positional[0], &customer);
    if (status == CLI_OK)
        status = read_balances(cli, arc_customer_id(customer), &balances);
    if (status == CLI_OK) {
        rc = arc_contact_list(&contacts, cli->db, arc_customer_id(customer));
        if (rc != ARC_OK)
            status = cli_fail(cli, rc, NULL);
    }
    if (status == CLI_OK && cli->json)
        show_json(cli, customer, &balances, contacts);
    else if (status == CLI_OK)
        show_text(cli, customer, &balances, contacts);

    arc_contact_page_free(contacts);
    arc_customer_free(customer);
    return status;
}

static int customer_list(struct cli *cli, int argc, char **argv)
{
    const char *status_text = NULL;
    const struct cli_option options[] = {
        { "status", CLI_STRING, &status_text },
        { NULL, CLI_FLAG, NULL },
    };
    struct cli_paging paging = { 0 };
    arc_list_opts opts = ARC_LIST_OPTS_INIT;
    int status = cli_parse_paged_args(cli, argc, argv, options, &paging);

    if (status == CLI_OK)
        status = cli_paging_parse(cli, &paging);
    if (status == CLI_OK && status_text != NULL)
        status =
            cli_value_enum(cli, "--status", status_text, status_name, 3, &opts.status);
    if (status == CLI_OK)
        status = cli_open(cli, CLI_OPEN_EXISTING);
    if (status != CLI_OK)
        return status;
    return listing_run(cli, &customer_listing, &paging, &opts);
}

const struct cli_command cli_customer_commands[] = {
    { "customer", "add", customer_add, "add a customer",
      "Usage: arcollect customer add --reference REF --name NAME --currency CODE\n"
      "                              [--email ADDRESS] [--phone NUMBER] [--terms DAYS]\n"
      "                              [--credit-limit AMOUNT] [--owner USER]\n"
      "                              [--status active|on_hold|closed] [--json]\n"
      "\n"
      "Add a customer. REF is your own unique key for the account (other commands\n"
      "name the customer by it, or by #ID); CODE an ISO 4217 currency such as USD.\n"
      "Payment terms default to net 30 days.\n" },
    { "customer", "update", customer_update, "change some fields of a customer",
      "Usage: arcollect customer update CUSTOMER [--reference REF] [--name NAME]\n"
      "                                 [--email ADDRESS] [--phone NUMBER] [--terms "
      "DAYS]\n"
      "                                 [--credit-limit AMOUNT] [--owner USER]\n"
      "                                 [--status active|on_hold|closed] [--json]\n"
      "\n"
      "Change the fields given and no others; an empty value clears --email,\n"
      "--phone and --owner. CUSTOMER is a reference or #ID. The currency cannot\n"
      "change.\n" },
    { "customer", "show", customer_show, "show a customer, its balances and contacts",
      "Usage: arcollect customer show CUSTOMER [--json]\n"
      "\n"
      "Print the customer's fields, its open balance, the collectible part (not\n"
      "under open disputes), its unapplied credit, and its contacts.\n" },
    { "customer", "list", customer_list, "list customers",
      "Usage: arcollect customer list [--status active|on_hold|closed]\n"
      "                               [--limit N] [--after ID] [--all] [--json]\n"
      "\n"
      "List customers in id order, --limit at a time (default 100); --after ID\n"
      "starts after that id, --all reads every page.\n" },
    { "customer", "timeline", cmd_customer_timeline,
      "show a customer's communications and account events, newest first",
      "Usage: arcollect customer timeline CUSTOMER [--limit N] [--before CURSOR] "
      "[--all]\n"
      "                                   [--json]\n"
      "\n"
      "Every email, chat, call and note with the customer, merged with what happened\n"
      "on the account (invoices issued, payments, credits, disputes...), newest\n"
      "first, --limit at a time (default 50). Each page ends with the CURSOR to pass\n"
      "as --before for the next one.\n" },
    { "customer", "import", cmd_customer_import, "import customers from a CSV file",
      "Usage: arcollect customer import FILE [--dry-run] [--json]\n"
      "\n"
      "Import customers from a CSV file with a header row. Columns: reference,\n"
      "name, currency (required); billing_email, phone, payment_terms_days,\n"
      "credit_limit, owner, status. The reference is the key: a customer that\n"
      "exists with the same fields is left alone, one with other fields is\n"
      "updated. The file is imported whole or not at all; every bad row is\n"
      "reported with its row number and column. --dry-run checks without\n"
      "importing. See docs/cli.md.\n" },
    { NULL, NULL, NULL, NULL, NULL },
};
