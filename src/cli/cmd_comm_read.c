/*
 * comm list, show, thread and search.
 */
#include <inttypes.h>
#include <stdlib.h>

#include "cli.h"

static const char *channel_name(int channel)
{
    return arc_communication_channel_name((arc_communication_channel)channel);
}

static const struct table_column comm_columns[] = {
    { "ID", CLI_RIGHT, 0 },  { "WHEN", CLI_LEFT, 0 },     { "CUSTOMER", CLI_LEFT, 0 },
    { "USER", CLI_LEFT, 0 }, { "SUMMARY", CLI_LEFT, 90 },
};

static void comm_json(struct json *json, struct cli *cli, const void *communication)
{
    print_communication_json(json, cli, communication);
}

static void comm_row(struct table *table, struct cli *cli, const void *record)
{
    const arc_communication *communication = record;
    char text[256];

    table_addf(table, "%lld", (long long)arc_communication_id(communication));
    cli_format_time_short(text, sizeof text,
                          arc_communication_occurred_at(communication));
    table_add(table, text);
    table_add(table,
              cli_customer_reference(cli, arc_communication_customer_id(communication)));
    table_add(table, cli_or_dash(arc_communication_user(communication)));
    print_communication_summary(text, sizeof text, communication);
    table_add(table, text);
}

LISTING_PAGES(communication);

static const struct listing_kind comm_listing = {
    .json_key = "communications",
    .columns = comm_columns,
    .column_count = sizeof comm_columns / sizeof *comm_columns,
    .json = comm_json,
    .row = comm_row,
    .pages = &communication_pages,
};

/* A list cursor: "OCCURRED_AT:ID", both whole numbers. */
static int parse_cursor(struct cli *cli, const char *text, arc_time *time, arc_id *id)
{
    char *end = NULL;
    long long seconds = strtoll(text, &end, 10);
    long long record;

    if (end == text || *end != ':')
        return cli_invalid(cli, "--before", "\"%s\" is not a cursor from an earlier page",
                           text);
    record = strtoll(end + 1, &end, 10);
    if (*end != '\0' || record <= 0)
        return cli_invalid(cli, "--before", "\"%s\" is not a cursor from an earlier page",
                           text);
    *time = (arc_time)seconds;
    *id = (arc_id)record;
    return CLI_OK;
}

struct list_filters {
    const char *customer;
    const char *invoice;
    const char *dispute;
    const char *channel;
    const char *before;
    const char *limit;
    int all;
};

static int read_filters(struct cli *cli, const struct list_filters *given,
                        arc_communication_list_opts *opts)
{
    long long limit = ARC_LIST_DEFAULT_LIMIT;
    int status = CLI_OK;

    if ((given->customer != NULL) + (given->invoice != NULL) + (given->dispute != NULL) >
        1)
        return cli_usage(cli, "give at most one of --customer, --invoice and --dispute");
    if (given->limit != NULL)
        status =
            cli_value_int(cli, "--limit", given->limit, 1, ARC_LIST_MAX_LIMIT, &limit);
    opts->limit = given->all ? 1000 : (unsigned int)limit;
    if (status == CLI_OK && given->channel != NULL)
        status = cli_value_enum(cli, "--channel", given->channel, channel_name, 7,
                                &opts->channel);
    if (status == CLI_OK && given->before != NULL)
        status =
            parse_cursor(cli, given->before, &opts->before_occurred_at, &opts->before_id);
    if (status == CLI_OK)
        status = cli_open(cli, CLI_OPEN_EXISTING);
    if (status == CLI_OK && given->customer != NULL)
        status = cli_find_customer_id(cli, given->customer, &opts->customer_id);
    if (status == CLI_OK && given->invoice != NULL)
        status = cli_find_invoice_id(cli, given->invoice, &opts->invoice_id);
    if (status == CLI_OK && given->dispute != NULL)
        status = cli_value_id(cli, "--dispute", given->dispute, &opts->dispute_id);
    return status;
}

int cmd_comm_list(struct cli *cli, int argc, char **argv)
{
    struct list_filters given = { 0 };
    const struct cli_option options[] = {
        { "customer", CLI_STRING, &given.customer },
        { "invoice", CLI_STRING, &given.invoice },
        { "dispute", CLI_STRING, &given.dispute },
        { "channel", CLI_STRING, &given.channel },
        { "before", CLI_STRING, &given.before },
        { "limit", CLI_STRING, &given.limit },
        { "all", CLI_FLAG, &given.all },
        { NULL, CLI_FLAG, NULL },
    };
    arc_communication_list_opts opts = ARC_COMMUNICATION_LIST_OPTS_INIT;
    struct listing listing;
    struct cli_args args;
    char *next = NULL;
    size_t count = 0;
    int status = cli_parse_args(cli, argc, argv, options, 0, 0, &args);

    if (status == CLI_OK)
        status = read_filters(cli, &given, &opts);
    if (status != CLI_OK)
        return status;

    listing_begin(&listing, cli, &comm_listing);
    do {
        arc_communication_page *page = NULL;
        int rc = arc_communication_list(&page, cli->db, &opts);

        if (rc != ARC_OK)
            return cli_fail(cli, rc, NULL);
        count = listing_add(&listing, page);
        if (count > 0) {
            const arc_communication *last = arc_communication_page_at(page, count - 1);

            opts.before_occurred_at = arc_communication_occurred_at(last);
            opts.before_id = arc_communication_id(last);
        }
        arc_communication_page_free(page);
    } while (given.all && count == opts.limit);

    /* The cursor of the next page: "OCCURRED_AT:ID". */
    if (!given.all && count == opts.limit)
        next = cli_printf(cli, "%" PRId64 ":%" PRId64, (int64_t)opts.before_occurred_at,
                          (int64_t)opts.before_id);
    listing_end(&listing);
    if (cli->json) {
        json_key(&listing.json, "next_before");
        json_string(&listing.json, next);
    } else if (next != NULL) {
        fprintf(cli->out, "more: --before %s\n", next);
    }
    listing_close(&listing);
    return CLI_OK;
}

static void show_text(struct cli *cli, const arc_communication *communication)
{
    arc_communication_channel channel = arc_communication_channel_of(communication);
    size_t invoices = arc_communication_invoice_count(communication);
    size_t messages = arc_communication_chat_message_count(communication);
    arc_id customer_id = arc_communication_customer_id(communication);
    char text[CLI_TIME_BUFSIZE];
    FILE *out = cli->out;

    fields_printf(out, "Communication:", "%lld",
                  (long long)arc_communication_id(communication));
    fields_printf(out, "Customer:", "%s (id %lld)",
                  cli_customer_reference(cli, customer_id), (long long)customer_id);
    fields_print(out, "Channel:", arc_communication_channel_name(channel));
    fields_print(
        out, "Direction:",
        arc_communication_direction_name(arc_communication_direction_of(communication)));
    cli_format_time(text, sizeof text, arc_communication_occurred_at(communication));
    fields_print(out, "When:", text);
    fields_print(out, "User:", arc_communication_user(communication));
    for (size_t i = 0; i < invoices; i++)
        fields_print(
            out, i == 0 ? "Invoices:" : "",
            cli_invoice_number(cli, arc_communication_invoice_at(communication, i)));
    if (arc_communication_dispute_id(communication) > 0)
        fields_printf(out, "Dispute:", "%lld",
                      (long long)arc_communication_dispute_id(communication));

    if (channel == ARC_CHANNEL_EMAIL) {
        fields_print(out, "From:", arc_communication_email_from(communication));
        fields_print(out, "To:", arc_communication_email_to(communication));
        if (arc_communication_email_cc(communication) != NULL)
            fields_print(out, "Cc:", arc_communication_email_cc(communication));
        fields_print(out, "Message-ID:", arc_communication_message_id(communication));
        if (arc_communication_in_reply_to(communication) != NULL)
            fields_print(out,
                         "In-Reply-To:", arc_communication_in_reply_to(communication));
        fields_print(out, "Thread:", arc_communication_thread_id(communication));
    } else if (channel == ARC_CHANNEL_CALL) {
        fields_print(out, "Phone:", arc_communication_phone_number(communication));
        fields_printf(out, "Duration:", "%" PRId64 " s",
                      arc_communication_call_duration(communication));
        fields_print(
            out, "Outcome:",
            arc_call_outcome_name(arc_communication_call_outcome(communication)));
    }
    fields_print(out, "Subject:", arc_communication_subject(communication));

    if (arc_communication_body(communication) != NULL)
        fprintf(out, "\n%s\n", arc_communication_body(communication));
    if (messages > 0)
        fputc('\n', out);
    for (size_t i = 0; i < messages; i++) {
        cli_format_time_short(text, sizeof text,
                              arc_communication_chat_time_at(communication, i));
        fprintf(out, "[%s] %s: %s\n", text,
                arc_communication_chat_author_at(communication, i),
                arc_communication_chat_text_at(communication, i));
    }
}

int cmd_comm_show(struct cli *cli, int argc, char **argv)
{
    arc_communication *communication = NULL;
    arc_id id = 0;
    int rc, status = cli_parse_id_and_open(cli, argc, argv, "ID", &id);

    if (status != CLI_OK)
        return status;

    rc = arc_communication_lookup(&communication, cli->db, id);
    if (rc != ARC_OK)
        return cli_fail(cli, rc, NULL);

    if (cli->json) {
        struct json json;

        json_begin_document(&json, cli->out);
        print_communication_json(&json, cli, communication);
        json_end_document(&json);
    } else {
        show_text(cli, communication);
    }
    arc_communication_free(communication);
    return CLI_OK;
}

int cmd_comm_thread(struct cli *cli, int argc, char **argv)
{
    arc_communication_page *page = NULL;
    arc_id id = 0;
    int rc, status = cli_parse_id_and_open(cli, argc, argv, "ID", &id);

    if (status != CLI_OK)
        return status;

    rc = arc_communication_thread(&page, cli->db, id);
    return listing_print_page(cli, &comm_listing, rc, page);
}

static const struct table_column hit_columns[] = {
    { "ID", CLI_RIGHT, 0 },     { "WHEN", CLI_LEFT, 0 },    { "CUSTOMER", CLI_LEFT, 0 },
    { "CHANNEL", CLI_LEFT, 0 }, { "MATCH", CLI_LEFT, 100 },
};

static void print_hits_json(struct cli *cli, const char *query,
                            const arc_communication_hit_page *page)
{
    size_t count = arc_communication_hit_page_count(page);
    struct json json;

    json_begin_document(&json, cli->out);
    json_key_string(&json, "query", query);
    json_key(&json, "hits");
    json_begin_array(&json);
    for (size_t i = 0; i < count; i++) {
        const arc_communication_hit *hit = arc_communication_hit_page_at(page, i);

        json_begin_object(&json);
        json_key_id(&json, "id", arc_communication_hit_id(hit));
        print_customer_ref_json(&json, cli, "customer",
                                arc_communication_hit_customer_id(hit));
        json_key_string(
            &json, "channel",
            arc_communication_channel_name(arc_communication_hit_channel(hit)));
        json_key_time(&json, "occurred_at", arc_communication_hit_occurred_at(hit));
        json_key_string(&json, "snippet", arc_communication_hit_snippet(hit));
        json_end_object(&json);
    }
    json_end_array(&json);
    json_end_document(&json);
}

static void print_hits_table(struct cli *cli, const arc_communication_hit_page *page)
{
    size_t count = arc_communication_hit_page_count(page);
    char when[CLI_TIME_BUFSIZE];
    struct table table;

    table_init(&table, cli, hit_columns, sizeof hit_columns / sizeof *hit_columns);
    for (size_t i = 0; i < count; i++) {
        const arc_communication_hit *hit = arc_communication_hit_page_at(page, i);

        table_addf(&table, "%lld", (long long)arc_communication_hit_id(hit));
        cli_format_time_short(when, sizeof when, arc_communication_hit_occurred_at(hit));
        table_add(&table, when);
        table_add(&table,
                  cli_customer_reference(cli, arc_communication_hit_customer_id(hit)));
        table_add(&table,
                  arc_communication_channel_name(arc_communication_hit_channel(hit)));
        table_add(&table, arc_communication_hit_snippet(hit));
    }
    table_print(&table, cli->out);
}

int cmd_comm_search(struct cli *cli, int argc, char **argv)
{
    const char *customer_key = NULL, *limit_text = NULL, *offset_text = NULL;
    const struct cli_option options[] = {
        { "customer", CLI_STRING, &customer_key },
        { "limit", CLI_STRING, &limit_text },
        { "offset", CLI_STRING, &offset_text },
        { NULL, CLI_FLAG, NULL },
    };
    arc_communication_search_opts opts = ARC_COMMUNICATION_SEARCH_OPTS_INIT;
    arc_communication_hit_page *page = NULL;
    long long limit = 20, offset = 0;
    struct cli_args args;
    int rc, status = cli_parse_args(cli, argc, argv, options, 1, 1, &args);

    if (status == CLI_OK && limit_text != NULL)
        status = cli_value_int(cli, "--limit", limit_text, 1, ARC_LIST_MAX_LIMIT, &limit);
    if (status == CLI_OK && offset_text != NULL)
        status = cli_value_int(cli, "--offset", offset_text, 0, UINT32_MAX, &offset);
    if (status == CLI_OK)
        status = cli_open_for_customer(cli, customer_key, &opts.customer_id);
    if (status != CLI_OK)
        return status;

    opts.limit = (unsigned int)limit;
    opts.offset = (unsigned int)offset;
    rc = arc_communication_search(&page, cli->db, args.positional[0], &opts);
    if (rc != ARC_OK)
        return cli_fail(cli, rc, "query \"%s\"", args.positional[0]);

    if (cli->json)
        print_hits_json(cli, args.positional[0], page);
    else
        print_hits_table(cli, page);
    arc_communication_hit_page_free(page);
    return CLI_OK;
}
