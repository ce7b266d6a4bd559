/*
 * book create, book show, book numbering: the book itself.
 */
#include <string.h>

#include "cli.h"

static void print_book(struct cli *cli)
{
    char today[ARC_DATE_BUFSIZE];
    struct json json;

    cli_format_date(today, sizeof today, arc_db_today(cli->db));
    if (!cli->json) {
        fields_print(cli->out, "Book:", cli->db_uri);
        fields_print(cli->out, "Book id:", arc_db_book_id(cli->db));
        fields_printf(cli->out, "Schema version:", "%d", arc_db_schema_version(cli->db));
        fields_print(cli->out, "Library version:", arc_version_string());
        fields_print(cli->out, "Today:", today);
        return;
    }

    json_begin_document(&json, cli->out);
    json_key_string(&json, "uri", cli->db_uri);
    json_key_string(&json, "book_id", arc_db_book_id(cli->db));
    json_key_int(&json, "schema_version", arc_db_schema_version(cli->db));
    json_key_string(&json, "library_version", arc_version_string());
    json_key_string(&json, "today", today);
    json_end_document(&json);
}

static int book_create(struct cli *cli, int argc, char **argv)
{
    struct cli_args args;
    arc_db *existing = NULL;
    arc_db_options options = ARC_DB_OPTIONS_INIT;
    int status = cli_parse_args(cli, argc, argv, NULL, 0, 0, &args);
    int rc;

    if (status != CLI_OK)
        return status;

    options.flags = ARC_DB_NO_CREATE;
    rc = arc_db_open(&existing, cli->db_uri, &options);
    if (rc == ARC_OK) {
        arc_db_close(existing);
        return cli_fail_plain(cli, CLI_CONFLICT, "book %s: already exists", cli->db_uri);
    }
    if (rc != ARC_ENOTFOUND)
        return cli_fail(cli, rc, "book %s", cli->db_uri);
    arc_error_clear();

    status = cli_open(cli, CLI_OPEN_CREATE);
    if (status != CLI_OK)
        return status;
    if (!cli->json)
        fprintf(cli->out, "created book %s\n", cli->db_uri);
    print_book(cli);
    return CLI_OK;
}

static int book_show(struct cli *cli, int argc, char **argv)
{
    struct cli_args args;
    int status = cli_parse_args(cli, argc, argv, NULL, 0, 0, &args);

    if (status == CLI_OK)
        status = cli_open(cli, CLI_OPEN_EXISTING);
    if (status == CLI_OK)
        print_book(cli);
    return status;
}

static const char *sequence_name(int sequence)
{
    return sequence == ARC_SEQUENCE_INVOICE       ? "invoice"
           : sequence == ARC_SEQUENCE_CREDIT_MEMO ? "credit-memo"
                                                  : NULL;
}

static int book_numbering(struct cli *cli, int argc, char **argv)
{
    const char *prefix = NULL, *next_text = NULL, *width_text = "6";
    const struct cli_option options[] = {
        { "prefix", CLI_STRING, &prefix },
        { "next", CLI_STRING, &next_text },
        { "width", CLI_STRING, &width_text },
        { NULL, CLI_FLAG, NULL },
    };
    struct cli_args args;
    long long next = 0, width = 0;
    int sequence = 0, rc;
    int status = cli_parse_args(cli, argc, argv, options, 1, 1, &args);

    if (status == CLI_OK && (prefix == NULL || next_text == NULL))
        status = cli_usage(cli, "--prefix and --next are required");
    if (status == CLI_OK)
        status =
            cli_value_enum(cli, "KIND", args.positional[0], sequence_name, 2, &sequence);
    if (status == CLI_OK)
        status = cli_value_int(cli, "--next", next_text, 1, INT64_MAX, &next);
    if (status == CLI_OK)
        status = cli_value_int(cli, "--width", width_text, 1, 18, &width);
    if (status == CLI_OK)
        status = cli_open(cli, CLI_OPEN_EXISTING);
    if (status != CLI_OK)
        return status;

    rc = arc_db_set_numbering(cli->db, (arc_sequence)sequence, prefix, next, (int)width);
    if (rc != ARC_OK)
        return cli_fail(cli, rc, NULL);

    if (cli->json) {
        struct json json;

        json_begin_document(&json, cli->out);
        json_key_string(&json, "kind", sequence_name(sequence));
        json_key_string(&json, "prefix", prefix);
        json_key_int(&json, "next", next);
        json_key_int(&json, "width", width);
        json_end_document(&json);
    } else {
        fprintf(cli->out, "%s numbers now start at %s%0*lld\n", sequence_name(sequence),
                prefix, (int)width, next);
    }
    return CLI_OK;
}

const struct cli_command cli_book_commands[] = {
    { "book", "create", book_create, "create a new, empty book",
      "Usage: arcollect [--db PATH|URI] book create\n"
      "\n"
      "Create a new book at the --db path (default $ARCOLLECT_DB, else\n"
      "./arcollect.db), seeded with the standard dispute reason codes. Fails with\n"
      "status 5 when a book already exists there. Every other command except\n"
      "'demo' needs an existing book.\n" },
    { "book", "show", book_show, "show the book's id, schema version and today's date",
      "Usage: arcollect book show [--json]\n"
      "\n"
      "Print the book's location, id, schema version, the library version and\n"
      "today's date by the book's clock (see --now).\n" },
    { "book", "numbering", book_numbering,
      "set how invoice or credit memo numbers are made",
      "Usage: arcollect book numbering invoice|credit-memo --prefix TEXT --next N\n"
      "                                [--width DIGITS]\n"
      "\n"
      "Documents created without a number get PREFIX followed by the next\n"
      "sequence number, zero-padded to DIGITS (default 6): --prefix INV-2025-\n"
      "--next 1 --width 4 gives INV-2025-0001.\n" },
    { NULL, NULL, NULL, NULL, NULL },
};
