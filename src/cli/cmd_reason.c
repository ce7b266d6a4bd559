/*
 * reason list, add, update, activate, deactivate, delete: the book's catalog
 * of dispute reason codes.
 */
#include "cli.h"

static void reason_json(struct json *json, struct cli *cli, const void *record)
{
    const arc_reason_code *reason = record;

    json_key_string(json, "code", arc_reason_code_code(reason));
    json_key_string(json, "label", arc_reason_code_label(reason));
    json_key_string(json, "category", arc_reason_code_category(reason));
    json_key_string(json, "description", arc_reason_code_description(reason));
    json_key_bool(json, "active", arc_reason_code_is_active(reason) != 0);
}

static const struct table_column reason_columns[] = {
    { "CODE", CLI_LEFT, 0 },
    { "CATEGORY", CLI_LEFT, 0 },
    { "ACTIVE", CLI_LEFT, 0 },
    { "LABEL", CLI_LEFT, 0 },
};

static void reason_row(struct table *table, struct cli *cli, const void *record)
{
    const arc_reason_code *reason = record;

    table_add(table, arc_reason_code_code(reason));
    table_add(table, arc_reason_code_category(reason));
    table_add(table, arc_reason_code_is_active(reason) ? "yes" : "no");
    table_add(table, arc_reason_code_label(reason));
}

LISTING_PAGES(reason_code);

static const struct listing_kind reason_listing = {
    .json_key = "reason_codes",
    .columns = reason_columns,
    .column_count = sizeof reason_columns / sizeof *reason_columns,
    .json = reason_json,
    .row = reason_row,
    .pages = &reason_code_pages,
};

static int reason_list(struct cli *cli, int argc, char **argv)
{
    int include_inactive = 0;
    const struct cli_option options[] = {
        { "all", CLI_FLAG, &include_inactive },
        { NULL, CLI_FLAG, NULL },
    };
    arc_reason_code_page *page = NULL;
    struct cli_args args;
    int rc, status = cli_parse_args(cli, argc, argv, options, 0, 0, &args);

    if (status == CLI_OK)
        status = cli_open(cli, CLI_OPEN_EXISTING);
    if (status != CLI_OK)
        return status;

    rc = arc_reason_code_list(&page, cli->db, include_inactive);
    return listing_print_page(cli, &reason_listing, rc, page);
}

/* Print one code as the catalog now has it. */
static int print_written(struct cli *cli, const char *code, const char *verb)
{
    arc_reason_code_page *page = NULL;
    const arc_reason_code *reason;
    int rc = arc_reason_code_list(&page, cli->db, 1);

    if (rc != ARC_OK)
        return cli_fail(cli, rc, NULL);
    reason = arc_reason_code_page_find(page, code);

    if (cli->json) {
        struct json json;

        json_begin_document(&json, cli->out);
        if (reason != NULL)
            reason_json(&json, cli, reason);
        else
            json_key_string(&json, "deleted", code);
        json_end_document(&json);
    } else {
        fprintf(cli->out, "%s reason code %s\n", verb, code);
    }
    arc_reason_code_page_free(page);
    return CLI_OK;
}

/* The command line of reason add and reason update: the code, and its texts. */
static int parse_texts(struct cli *cli, int argc, char **argv, arc_reason_code_opts *opts,
                       struct cli_args *args)
{
    const struct cli_option options[] = {
        { "label", CLI_STRING, &opts->label },
        { "category", CLI_STRING, &opts->category },
        { "description", CLI_STRING, &opts->description },
        { NULL, CLI_FLAG, NULL },
    };

    return cli_parse_args(cli, argc, argv, options, 1, 1, args);
}

static int reason_add(struct cli *cli, int argc, char **argv)
{
    arc_reason_code_opts opts = ARC_REASON_CODE_OPTS_INIT;
    struct cli_args args;
    int rc, status = parse_texts(cli, argc, argv, &opts, &args);

    if (status == CLI_OK && opts.label == NULL)
        status = cli_usage(cli, "--label is required");
    if (status == CLI_OK)
        status = cli_open_to_write(cli);
    if (status != CLI_OK)
        return cli_finish(cli, status);

    opts.code = args.positional[0];
    rc = arc_reason_code_add(cli->db, &opts);
    status =
        rc == ARC_OK ? print_written(cli, opts.code, "added") : cli_fail(cli, rc, NULL);
    return cli_finish(cli, status);
}

static int reason_update(struct cli *cli, int argc, char **argv)
{
    arc_reason_code_opts opts = ARC_REASON_CODE_OPTS_INIT;
    arc_reason_code_page *page = NULL;
    struct cli_args args;
    int rc, status = parse_texts(cli, argc, argv, &opts, &args);

    if (status == CLI_OK && opts.label == NULL && opts.category == NULL &&
        opts.description == NULL)
        status = cli_usage(cli, "nothing to change: give --label, --category or "
                                "--description");
    if (status == CLI_OK)
        status = cli_open_to_write(cli);
    if (status != CLI_OK)
        return cli_finish(cli, status);

    /* The library needs a label; without --label the code keeps its own. */
    if (opts.label == NULL) {
        const arc_reason_code *reason;

        rc = arc_reason_code_list(&page, cli->db, 1);
        if (rc != ARC_OK)
            return cli_finish(cli, cli_fail(cli, rc, NULL));
        reason = arc_reason_code_page_find(page, args.positional[0]);
        if (reason == NULL) {
            arc_reason_code_page_free(page);
            return cli_finish(cli, cli_fail_plain(cli, CLI_NOT_FOUND,
                                                  "reason code %s: not in the catalog",
                                                  args.positional[0]));
        }
        opts.label = arc_reason_code_label(reason);
    }

    rc = arc_reason_code_update(cli->db, args.positional[0], &opts);
    arc_reason_code_page_free(page);
    status = rc == ARC_OK ? print_written(cli, args.positional[0], "updated")
                          : cli_fail(cli, rc, NULL);
    return cli_finish(cli, status);
}

enum reason_action { ACTION_ACTIVATE, ACTION_DEACTIVATE, ACTION_DELETE };

static int reason_act(struct cli *cli, int argc, char **argv, enum reason_action action)
{
    static const char *const verbs[] = { "activated", "deactivated", "deleted" };
    struct cli_args args;
    const char *code;
    int rc, status = cli_parse_args(cli, argc, argv, NULL, 1, 1, &args);

    if (status == CLI_OK)
        status = cli_open_to_write(cli);
    if (status != CLI_OK)
        return cli_finish(cli, status);

    code = args.positional[0];
    if (action == ACTION_DELETE)
        rc = arc_reason_code_delete(cli->db, code);
    else
        rc = arc_reason_code_set_active(cli->db, code, action == ACTION_ACTIVATE);
    status =
        rc == ARC_OK ? print_written(cli, code, verbs[action]) : cli_fail(cli, rc, NULL);
    return cli_finish(cli, status);
}

static int reason_activate(struct cli *cli, int argc, char **argv)
{
    return reason_act(cli, argc, argv, ACTION_ACTIVATE);
}

static int reason_deactivate(struct cli *cli, int argc, char **argv)
{
    return reason_act(cli, argc, argv, ACTION_DEACTIVATE);
}

static int reason_delete(struct cli *cli, int argc, char **argv)
{
    return reason_act(cli, argc, argv, ACTION_DELETE);
}

const struct cli_command cli_reason_commands[] = {
    { "reason", "list", reason_list, "list the dispute reason codes",
      "Usage: arcollect reason list [--all] [--json]\n"
      "\n"
      "List the active reason codes; --all lists inactive ones too.\n" },
    { "reason", "add", reason_add, "add a reason code",
      "Usage: arcollect reason add CODE --label TEXT [--category TEXT]\n"
      "                            [--description TEXT] [--json]\n"
      "\n"
      "CODE is 1 to 32 characters from A-Z, 0-9 and '_'. The category groups\n"
      "codes in reports (default \"other\").\n" },
    { "reason", "update", reason_update, "relabel a reason code",
      "Usage: arcollect reason update CODE [--label TEXT] [--category TEXT]\n"
      "                               [--description TEXT] [--json]\n"
      "\n"
      "Change the label, category or description; an empty --description clears\n"
      "it. The code itself cannot change.\n" },
    { "reason", "activate", reason_activate, "let new disputes use a reason code",
      "Usage: arcollect reason activate CODE [--json]\n" },
    { "reason", "deactivate", reason_deactivate, "stop new disputes from using a code",
      "Usage: arcollect reason deactivate CODE [--json]\n"
      "\n"
      "Disputes that have the code keep it.\n" },
    { "reason", "delete", reason_delete, "delete a reason code no dispute uses",
      "Usage: arcollect reason delete CODE [--json]\n" },
    { NULL, NULL, NULL, NULL, NULL },
};
