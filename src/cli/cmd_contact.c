/*
 * contact add, list, remove: the people to talk to at a customer.
 */
#include "cli.h"

static int contact_add(struct cli *cli, int argc, char **argv)
{
    arc_contact_opts opts = ARC_CONTACT_OPTS_INIT;
    const struct cli_option options[] = {
        { "name", CLI_STRING, &opts.name },
        { "role", CLI_STRING, &opts.role },
        { "email", CLI_STRING, &opts.email },
        { "phone", CLI_STRING, &opts.phone },
        { NULL, CLI_FLAG, NULL },
    };
    struct cli_args args;
    arc_id customer_id = 0, contact_id = 0;
    int rc, status = cli_parse_args(cli, argc, argv, options, 1, 1, &args);

    if (status == CLI_OK && opts.name == NULL)
        status = cli_usage(cli, "--name is required");
    if (status == CLI_OK)
        status = cli_open_to_write(cli);
    if (status == CLI_OK)
        status = cli_find_customer_id(cli, args.positional[0], &customer_id);
    if (status != CLI_OK)
        return cli_finish(cli, status);

    rc = arc_contact_add(&contact_id, cli->db, customer_id, &opts);
    if (rc != ARC_OK)
        return cli_finish(cli, cli_fail(cli, rc, NULL));

    if (cli->json) {
        struct json json;

        json_begin_document(&json, cli->out);
        json_key_id(&json, "id", contact_id);
        json_key_id(&json, "customer_id", customer_id);
        json_key_string(&json, "name", opts.name);
        json_key_string(&json, "role", opts.role);
        json_key_string(&json, "email", opts.email);
        json_key_string(&json, "phone", opts.phone);
        json_end_document(&json);
    } else {
        fprintf(cli->out, "added contact %s (id %lld) to customer %s\n", opts.name,
                (long long)contact_id, args.positional[0]);
    }
    return cli_finish(cli, CLI_OK);
}

static const struct table_column contact_columns[] = {
    { "ID", CLI_RIGHT, 0 },   { "NAME", CLI_LEFT, 0 },  { "ROLE", CLI_LEFT, 0 },
    { "EMAIL", CLI_LEFT, 0 }, { "PHONE", CLI_LEFT, 0 },
};

static void contact_json(struct json *json, struct cli *cli, const void *record)
{
    const arc_contact *contact = record;

    json_key_id(json, "id", arc_contact_id(contact));
    json_key_id(json, "customer_id", arc_contact_customer_id(contact));
    json_key_string(json, "name", arc_contact_name(contact));
    json_key_string(json, "role", arc_contact_role(contact));
    json_key_string(json, "email", arc_contact_email(contact));
    json_key_string(json, "phone", arc_contact_phone(contact));
}

static void contact_row(struct table *table, struct cli *cli, const void *record)
{
    const arc_contact *contact = record;

    table_addf(table, "%lld", (long long)arc_contact_id(contact));
    table_add(table, arc_contact_name(contact));
    table_add(table, cli_or_dash(arc_contact_role(contact)));
    table_add(table, cli_or_dash(arc_contact_email(contact)));
    table_add(table, cli_or_dash(arc_contact_phone(contact)));
}

LISTING_PAGES(contact);

static const struct listing_kind contact_listing = {
    .json_key = "contacts",
    .columns = contact_columns,
    .column_count = sizeof contact_columns / sizeof *contact_columns,
    .json = contact_json,
    .row = contact_row,
    .pages = &contact_pages,
};

static int contact_list(struct cli *cli, int argc, char **argv)
{
    arc_contact_page *page = NULL;
    struct cli_args args;
    arc_id customer_id = 0;
    int rc, status = cli_parse_args(cli, argc, argv, NULL, 1, 1, &args);

    if (status == CLI_OK)
        status = cli_open(cli, CLI_OPEN_EXISTING);
    if (status == CLI_OK)
        status = cli_find_customer_id(cli, args.positional[0], &customer_id);
    if (status != CLI_OK)
        return status;

    rc = arc_contact_list(&page, cli->db, customer_id);
    return listing_print_page(cli, &contact_listing, rc, page);
}

static int contact_remove(struct cli *cli, int argc, char **argv)
{
    arc_id contact_id = 0;
    int rc, status = cli_parse_id_and_open(cli, argc, argv, "CONTACT", &contact_id);

    if (status != CLI_OK)
        return status;

    rc = arc_contact_remove(cli->db, contact_id);
    if (rc != ARC_OK)
        return cli_fail(cli, rc, NULL);

    if (cli->json) {
        struct json json;

        json_begin_document(&json, cli->out);
        json_key_id(&json, "removed", contact_id);
        json_end_document(&json);
    } else {
        fprintf(cli->out, "removed contact %lld\n", (long long)contact_id);
    }
    return CLI_OK;
}

const struct cli_command cli_contact_commands[] = {
    { "contact", "add", contact_add, "add a contact person to a customer",
      "Usage: arcollect contact add CUSTOMER --name NAME [--role ROLE] [--email "
      "ADDRESS]\n"
      "                             [--phone NUMBER] [--json]\n"
      "\n"
      "Add a contact to the customer named by its reference or #ID.\n" },
    { "contact", "list", contact_list, "list a customer's contacts",
      "Usage: arcollect contact list CUSTOMER [--json]\n" },
    { "contact", "remove", contact_remove, "remove a contact",
      "Usage: arcollect contact remove CONTACT_ID [--json]\n" },
    { NULL, NULL, NULL, NULL, NULL },
};
