/*
 * customer timeline, invoice timeline, dispute timeline: communications
 * merged with the journal events of an account, newest first.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define DEFAULT_LIMIT 50

static const struct table_column item_columns[] = {
    { "WHEN", CLI_LEFT, 0 },
    { "WHO", CLI_LEFT, 0 },
    { "WHAT", CLI_LEFT, 100 },
};

static const char *source_name(arc_timeline_source source)
{
    return source == ARC_TIMELINE_EVENT ? "event" : "communication";
}

static void item_json(struct json *json, struct cli *cli, const arc_timeline_item *item)
{
    arc_timeline_source source = arc_timeline_item_source(item);

    json_begin_object(json);
    json_key_string(json, "source", source_name(source));
    json_key_time(json, "occurred_at", arc_timeline_item_occurred_at(item));
    json_key(json, source_name(source));
    json_begin_object(json);
    if (source == ARC_TIMELINE_EVENT)
        print_event_json(json, cli, arc_timeline_item_event(item));
    else
        print_communication_json(json, cli, arc_timeline_item_communication(item));
    json_end_object(json);
    json_end_object(json);
}

static void item_row(struct table *table, struct cli *cli, const arc_timeline_item *item)
{
    char text[320];

    cli_format_time_short(text, sizeof text, arc_timeline_item_occurred_at(item));
    table_add(table, text);
    if (arc_timeline_item_source(item) == ARC_TIMELINE_EVENT) {
        const arc_event *event = arc_timeline_item_event(item);

        table_add(table, cli_or_dash(arc_event_actor(event)));
        print_event_detail(text, sizeof text, cli, event, true);
    } else {
        const arc_communication *communication = arc_timeline_item_communication(item);

        table_add(table, cli_or_dash(arc_communication_user(communication)));
        print_communication_summary(text, sizeof text, communication);
    }
    table_add(table, text);
}

/* "OCCURRED_AT:SOURCE:ID", such as "1719740000:event:42". */
static char *format_cursor(struct cli *cli, const arc_timeline_opts *opts)
{
    return cli_printf(cli, "%" PRId64 ":%s:%" PRId64, (int64_t)opts->before_occurred_at,
                      source_name(opts->before_source), (int64_t)opts->before_id);
}

static int parse_cursor(struct cli *cli, const char *text, arc_timeline_opts *opts)
{
    char *end = NULL;
    long long seconds = strtoll(text, &end, 10);
    long long id;

    if (end == text || *end++ != ':')
        goto bad;
    if (strncmp(end, "event:", 6) == 0) {
        opts->before_source = ARC_TIMELINE_EVENT;
        end += 6;
    } else if (strncmp(end, "communication:", 14) == 0) {
        opts->before_source = ARC_TIMELINE_COMMUNICATION;
        end += 14;
    } else {
        goto bad;
    }
    id = strtoll(end, &end, 10);
    if (*end != '\0' || id <= 0)
        goto bad;
    opts->before_occurred_at = (arc_time)seconds;
    opts->before_id = (arc_id)id;
    return CLI_OK;

bad:
    return cli_invalid(cli, "--before", "\"%s\" is not a cursor from an earlier page",
                       text);
}

/* Print a timeline from the cursor in @p opts: one page, or every page with
 * @p all. With --json, writes one object to @p json. On return, @p opts holds
 * the cursor of the next page and @p more says whether there may be one. */
int timeline_print(struct cli *cli, arc_timeline_opts *opts, bool all, struct json *json,
                   bool *more_out)
{
    struct table table;
    bool more = false;
    size_t count;

    table_init(&table, cli, item_columns, sizeof item_columns / sizeof *item_columns);
    if (cli->json) {
        json_begin_object(json);
        json_key(json, "items");
        json_begin_array(json);
    }

    do {
        arc_timeline_page *page = NULL;
        int rc = arc_timeline(&page, cli->db, opts);

        if (rc != ARC_OK)
            return cli_fail(cli, rc, NULL);
        count = arc_timeline_page_count(page);
        for (size_t i = 0; i < count; i++) {
            if (cli->json)
                item_json(json, cli, arc_timeline_page_at(page, i));
            else
                item_row(&table, cli, arc_timeline_page_at(page, i));
        }
        more = count == opts->limit && arc_timeline_page_next(page, opts);
        arc_timeline_page_free(page);
    } while (all && more);

    if (cli->json) {
        json_end_array(json);
        json_key(json, "next_before");
        if (more)
            json_string(json, format_cursor(cli, opts));
        else
            json_null(json);
        json_end_object(json);
    } else {
        table_print(&table, cli->out);
    }
    *more_out = more;
    return CLI_OK;
}

enum timeline_of { OF_CUSTOMER, OF_INVOICE, OF_DISPUTE };

static int timeline_command(struct cli *cli, int argc, char **argv, enum timeline_of of)
{
    const char *limit_text = NULL, *before = NULL;
    int all = 0;
    const struct cli_option options[] = {
        { "limit", CLI_STRING, &limit_text },
        { "before", CLI_STRING, &before },
        { "all", CLI_FLAG, &all },
        { NULL, CLI_FLAG, NULL },
    };
    arc_timeline_opts opts = ARC_TIMELINE_OPTS_INIT;
    long long limit = DEFAULT_LIMIT;
    struct cli_args args;
    struct json json;
    bool more = false;
    int status = cli_parse_args(cli, argc, argv, options, 1, 1, &args);

    if (status == CLI_OK && limit_text != NULL)
        status =
            cli_value_int(cli, "--limit", limit_text, 1, ARC_TIMELINE_MAX_LIMIT, &limit);
    if (status == CLI_OK && before != NULL)
        status = parse_cursor(cli, before, &opts);
    if (status == CLI_OK && of == OF_DISPUTE)
        status = cli_value_id(cli, "DISPUTE", args.positional[0], &opts.dispute_id);
    if (status == CLI_OK)
        status = cli_open(cli, CLI_OPEN_EXISTING);
    if (status == CLI_OK && of == OF_CUSTOMER)
        status = cli_find_customer_id(cli, args.positional[0], &opts.customer_id);
    if (status == CLI_OK && of == OF_INVOICE)
        status = cli_find_invoice_id(cli, args.positional[0], &opts.invoice_id);
    if (status != CLI_OK)
        return status;

    opts.limit = all ? ARC_TIMELINE_MAX_LIMIT : (unsigned int)limit;
    json_init(&json, cli->out);
    status = timeline_print(cli, &opts, all != 0, &json, &more);
    if (status == CLI_OK && cli->json)
        json_finish(&json);
    else if (status == CLI_OK && more)
        fprintf(cli->out, "more: --before %s\n", format_cursor(cli, &opts));
    return status;
}

int cmd_customer_timeline(struct cli *cli, int argc, char **argv)
{
    return timeline_command(cli, argc, argv, OF_CUSTOMER);
}

int cmd_invoice_timeline(struct cli *cli, int argc, char **argv)
{
    return timeline_command(cli, argc, argv, OF_INVOICE);
}

int cmd_dispute_timeline(struct cli *cli, int argc, char **argv)
{
    return timeline_command(cli, argc, argv, OF_DISPUTE);
}
