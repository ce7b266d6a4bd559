/*
 * contact add, list, remove: the people to talk to at a customer.
 */
#include "cli.h"

static void contact_json(struct json *json, const arc_contact *contact)
{
    json_begin_object(json);
    json_key_id(json, "id", arc_contact_id(contact));
    json_key_id(json, "customer_id", arc_contact_customer_id(contact));
    json_key_string(json, "name", arc_contact_name(contact));
    json_key_string(json, "role", arc_contact_role(contact));
    json_key_string(json, "email", arc_contact_email(contact));
    json_key_string(json, "phone", arc_contact_phone(contact));
    json_end_object(json);
}

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
        status = cli_open(cli, CLI_OPEN_EXISTING);
    if (status == CLI_OK)
        status = cli_begin(cli);
    if (status == CLI_OK)
        status = cli_find_customer_id(cli, args.positional[0], &customer_id);
    if (status != CLI_OK)
        return cli_finish(cli, status);

    rc = arc_contact_add(&contact_id, cli->db, customer_id, &opts);
    if (rc != ARC_OK)
        return cli_finish(cli, cli_fail(cli, rc, NULL));

    if (cli->json) {
        struct json json;

        json_init(&json, cli->out);
        json_begin_object(&json);
        json_key_id(&json, "id", contact_id);
        json_key_id(&json, "customer_id", customer_id);
        json_key_string(&json, "name", opts.name);
        json_key_string(&json, "role", opts.role);
        json_key_string(&json, "email", opts.email);
        json_key_string(&json, "phone", opts.phone);
        json_end_object(&json);
        json_finish(&json);
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

static int contact_list(struct cli *cli, int argc, char **argv)
{
    arc_contact_page *page = NULL;
    struct cli_args args;
    arc_id customer_id = 0;
    size_t count;
    int rc, status = cli_parse_args(cli, argc, argv, NULL, 1, 1, &args);

    if (status == CLI_OK)
        status = cli_open(cli, CLI_OPEN_EXISTING);
    if (status == CLI_OK)
        status = cli_find_customer_id(cli, args.positional[0], &customer_id);
    if (status != CLI_OK)
        return status;

    rc = arc_contact_list(&page, cli->db, customer_id);
    if (rc != ARC_OK)
        return cli_fail(cli, rc, NULL);
    count = arc_contact_page_count(page);

    if (cli->json) {
        struct json json;

        json_init(&json, cli->out);
        json_begin_object(&json);
        json_key(&json, "contacts");
        json_begin_array(&json);
        for (size_t i = 0; i < count; i++)
            contact_json(&json, arc_contact_page_at(page, i));
        json_end_array(&json);
        json_end_object(&json);
        json_finish(&json);
    } else {
        struct table table;

        table_init(&table, cli, contact_columns,
                   sizeof contact_columns / sizeof *contact_columns);
        for (size_t i = 0; i < count; i++) {
            const arc_contact *contact = arc_contact_page_at(page, i);

            table_addf(&table, "%lld", (long long)arc_contact_id(contact));
            table_add(&table, arc_contact_name(contact));
            table_add(&table, cli_or_dash(arc_contact_role(contact)));
            table_add(&table, cli_or_dash(arc_contact_email(contact)));
            table_add(&table, cli_or_dash(arc_contact_phone(contact)));
        }
        table_print(&table, cli->out);
    }
    arc_contact_page_free(page);
    return CLI_OK;
}

static int contact_remove(struct cli *cli, int argc, char **argv)
{
    struct cli_args args;
    arc_id contact_id = 0;
    int rc, status = cli_parse_args(cli, argc, argv, NULL, 1, 1, &args);

    if (status == CLI_OK)
        status = cli_value_id(cli, "CONTACT", args.positional[0], &contact_id);
    if (status == CLI_OK)
        status = cli_open(cli, CLI_OPEN_EXISTING);
    if (status != CLI_OK)
        return status;

    rc = arc_contact_remove(cli->db, contact_id);
    if (rc != ARC_OK)
        return cli_fail(cli, rc, NULL);

    if (cli->json) {
        struct json json;

        json_init(&json, cli->out);
        json_begin_object(&json);
        json_key_id(&json, "removed", contact_id);
        json_end_object(&json);
        json_finish(&json);
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
