/*
 * event list: read the book's journal after a cursor, so that a script can
 * handle every change exactly once, across restarts.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const struct table_column event_columns[] = {
    { "ID", CLI_RIGHT, 0 },      { "WHEN", CLI_LEFT, 0 },  { "KIND", CLI_LEFT, 0 },
    { "CUSTOMER", CLI_LEFT, 0 }, { "ACTOR", CLI_LEFT, 0 }, { "DETAIL", CLI_LEFT, 90 },
};

/* The cursor kept in @p path: the id of the last event handled; 0 when the
 * file does not exist yet. */
static int read_cursor_file(struct cli *cli, const char *path, arc_id *out)
{
    FILE *file = fopen(path, "r");
    char text[32] = "";
    char *end = NULL;
    long long value;

    *out = 0;
    if (file == NULL && errno == ENOENT)
        return CLI_OK;
    if (file == NULL)
        return cli_fail_plain(cli, CLI_FAILURE, "--cursor-file: %s: cannot open: %s",
                              path, strerror(errno));
    if (fgets(text, sizeof text, file) == NULL)
        text[0] = '\0';
    fclose(file);

    value = strtoll(text, &end, 10);
    while (*end == ' ' || *end == '\n' || *end == '\r' || *end == '\t')
        end++;
    if (end == text || *end != '\0' || value < 0)
        return cli_invalid(cli, "--cursor-file", "%s: does not hold an event id", path);
    *out = (arc_id)value;
    return CLI_OK;
}

/* Replace the cursor file in one step, so that a crash leaves the old cursor
 * or the new one and never half of it. */
static int write_cursor_file(struct cli *cli, const char *path, arc_id cursor)
{
    char *temporary = cli_printf(cli, "%s.tmp", path);
    FILE *file = fopen(temporary, "w");
    bool failed;

    if (file == NULL)
        return cli_fail_plain(cli, CLI_FAILURE, "--cursor-file: %s: cannot write: %s",
                              temporary, strerror(errno));
    fprintf(file, "%" PRId64 "\n", (int64_t)cursor);
    failed = fflush(file) != 0;
    failed = fclose(file) != 0 || failed;
    if (failed || rename(temporary, path) != 0) {
        remove(temporary);
        return cli_fail_plain(cli, CLI_FAILURE, "--cursor-file: %s: cannot write", path);
    }
    return CLI_OK;
}

static void event_json(struct json *json, struct cli *cli, const void *event)
{
    print_event_json(json, cli, event);
}

static void event_row(struct table *table, struct cli *cli, const void *record)
{
    const arc_event *event = record;
    arc_id customer_id = arc_event_customer_id(event);
    char text[320];

    table_addf(table, "%lld", (long long)arc_event_id(event));
    cli_format_time_short(text, sizeof text, arc_event_occurred_at(event));
    table_add(table, text);
    table_add(table, arc_event_kind_name(arc_event_kind_of(event)));
    table_add(table, customer_id > 0 ? cli_customer_reference(cli, customer_id) : "-");
    table_add(table, cli_or_dash(arc_event_actor(event)));
    print_event_detail(text, sizeof text, cli, event, false);
    table_add(table, text);
}

LISTING_PAGES(event);

static const struct listing_kind event_listing = {
    .json_key = "events",
    .columns = event_columns,
    .column_count = sizeof event_columns / sizeof *event_columns,
    .json = event_json,
    .row = event_row,
    .pages = &event_pages,
};

/* The events, then the cursor to read on from. */
static void print_events(struct cli *cli, const arc_event_page *page, arc_id cursor)
{
    struct listing listing;

    listing_begin(&listing, cli, &event_listing);
    listing_add(&listing, page);
    listing_end(&listing);
    if (cli->json)
        json_key_int(&listing.json, "cursor", cursor);
    else
        fprintf(cli->out, "cursor: %lld\n", (long long)cursor);
    listing_close(&listing);
}

static int event_list(struct cli *cli, int argc, char **argv)
{
    const char *after_text = NULL, *limit_text = NULL, *cursor_file = NULL;
    const struct cli_option options[] = {
        { "after", CLI_STRING, &after_text },
        { "limit", CLI_STRING, &limit_text },
        { "cursor-file", CLI_STRING, &cursor_file },
        { NULL, CLI_FLAG, NULL },
    };
    arc_event_page *page = NULL;
    long long after = 0, limit = 100;
    struct cli_args args;
    arc_id cursor;
    size_t count;
    int rc, status = cli_parse_args(cli, argc, argv, options, 0, 0, &args);

    if (status == CLI_OK && after_text != NULL && cursor_file != NULL)
        status = cli_usage(cli, "--after and --cursor-file exclude each other");
    if (status == CLI_OK && after_text != NULL)
        status = cli_value_int(cli, "--after", after_text, 0, INT64_MAX, &after);
    if (status == CLI_OK && limit_text != NULL)
        status = cli_value_int(cli, "--limit", limit_text, 1, ARC_EVENT_LIST_MAX, &limit);
    if (status == CLI_OK && cursor_file != NULL)
        status = read_cursor_file(cli, cursor_file, &cursor);
    if (status == CLI_OK && cursor_file != NULL)
        after = cursor;
    if (status == CLI_OK)
        status = cli_open(cli, CLI_OPEN_EXISTING);
    if (status != CLI_OK)
        return status;

    rc = arc_event_list(&page, cli->db, (arc_id)after, (unsigned int)limit);
    if (rc != ARC_OK)
        return cli_fail(cli, rc, NULL);
    count = arc_event_page_count(page);
    cursor = count > 0 ? arc_event_id(arc_event_page_at(page, count - 1)) : (arc_id)after;

    print_events(cli, page, cursor);
    arc_event_page_free(page);
    if (cursor_file != NULL && count > 0)
        return write_cursor_file(cli, cursor_file, cursor);
    return CLI_OK;
}

const struct cli_command cli_event_commands[] = {
    { "event", "list", event_list, "read the journal of changes after a cursor",
      "Usage: arcollect event list [--after ID | --cursor-file FILE] [--limit N] "
      "[--json]\n"
      "\n"
      "Print the book's journal events after event ID (default 0: from the\n"
      "start), oldest first, at most N (default 100, at most 10000), then the\n"
      "cursor: the id of the last event printed. Pass it as --after next time.\n"
      "With --cursor-file the cursor is read from FILE (0 when it does not exist)\n"
      "and replaced in it after the events are printed, so that a script run\n"
      "again sees only what happened since.\n" },
    { NULL, NULL, NULL, NULL, NULL },
};
