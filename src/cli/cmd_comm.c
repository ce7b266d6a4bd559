/*
 * comm log: record an email, chat, call, note, letter, SMS or portal message
 * with a customer. Reading them (list, show, thread, search) is in
 * cmd_comm_read.c.
 */
#include <string.h>

#include "cli.h"

static const char *channel_name(int channel)
{
    return arc_communication_channel_name((arc_communication_channel)channel);
}

static const char *direction_name(int direction)
{
    return arc_communication_direction_name((arc_communication_direction)direction);
}

static const char *outcome_name(int outcome)
{
    return arc_call_outcome_name((arc_call_outcome)outcome);
}

/* The options of comm log, as given. */
struct log_options {
    const char *customer;
    const char *direction;
    const char *at;
    const char *body_file;
    const char *dispute;
    const char *duration;
    const char *outcome;
    struct cli_list invoices;
    struct cli_list messages;
};

/* A whole file, or standard input for "-", as one string. */
static int read_text_file(struct cli *cli, const char *option, const char *path,
                          const char **out)
{
    FILE *file = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    size_t capacity = 4096, length = 0;
    bool failed;
    char *text;

    if (file == NULL)
        return cli_fail_plain(cli, CLI_NOT_FOUND, "%s: %s: cannot open", option, path);

    text = cli_alloc(cli, capacity);
    for (;;) {
        size_t got;

        if (length + 1 == capacity) {
            char *bigger;

            if (length > ARC_COMMUNICATION_BODY_MAX)
                break;
            bigger = cli_alloc(cli, capacity * 2);
            memcpy(bigger, text, length);
            text = bigger;
            capacity *= 2;
        }
        got = fread(text + length, 1, capacity - length - 1, file);
        if (got == 0)
            break;
        length += got;
    }
    text[length] = '\0';
    failed = ferror(file) != 0;
    if (file != stdin)
        fclose(file);

    if (failed)
        return cli_fail_plain(cli, CLI_FAILURE, "%s: %s: cannot read", option, path);
    if (length > ARC_COMMUNICATION_BODY_MAX)
        return cli_invalid(cli, option, "%s: larger than the %d bytes a body may hold",
                           path, ARC_COMMUNICATION_BODY_MAX);
    *out = text;
    return CLI_OK;
}

static arc_communication_direction default_direction(arc_communication_channel channel)
{
    if (channel == ARC_CHANNEL_NOTE)
        return ARC_DIRECTION_INTERNAL;
    if (channel == ARC_CHANNEL_CALL || channel == ARC_CHANNEL_LETTER)
        return ARC_DIRECTION_OUTBOUND;
    return ARC_DIRECTION_INBOUND;
}

/* Each --message is "AUTHOR: TEXT". */
static int read_messages(struct cli *cli, const struct cli_list *messages,
                         arc_communication_opts *opts)
{
    const char **authors = cli_alloc(cli, (messages->count + 1) * sizeof *authors);
    const char **texts = cli_alloc(cli, (messages->count + 1) * sizeof *texts);

    for (size_t i = 0; i < messages->count; i++) {
        char *author = cli_strdup(cli, messages->items[i]);
        char *colon = strchr(author, ':');

        if (colon == NULL)
            return cli_invalid(cli, "--message", "\"%s\" is not AUTHOR: TEXT",
                               messages->items[i]);
        *colon++ = '\0';
        if (*colon == ' ')
            colon++;
        authors[i] = author;
        texts[i] = colon;
    }
    if (messages->count > 0) {
        opts->chat_authors = authors;
        opts->chat_texts = texts;
        opts->chat_message_count = messages->count;
    }
    return CLI_OK;
}

static int read_call(struct cli *cli, const struct log_options *given,
                     arc_communication_opts *opts)
{
    long long duration = 0;
    int outcome = 0, status = CLI_OK;

    if (given->duration != NULL)
        status =
            cli_value_int(cli, "--duration", given->duration, 0, INT64_MAX, &duration);
    if (status == CLI_OK && given->outcome != NULL)
        status =
            cli_value_enum(cli, "--outcome", given->outcome, outcome_name, 6, &outcome);
    opts->call_duration = duration;
    opts->call_outcome = (arc_call_outcome)outcome;
    return status;
}

/* The invoices and dispute the communication is about. */
static int read_links(struct cli *cli, const struct log_options *given,
                      arc_communication_opts *opts)
{
    arc_id *invoice_ids =
        cli_alloc(cli, (given->invoices.count + 1) * sizeof *invoice_ids);
    int status = CLI_OK;

    for (size_t i = 0; i < given->invoices.count && status == CLI_OK; i++)
        status = cli_find_invoice_id(cli, given->invoices.items[i], &invoice_ids[i]);
    if (given->invoices.count > 0) {
        opts->invoice_ids = invoice_ids;
        opts->invoice_count = given->invoices.count;
    }
    if (status == CLI_OK && given->dispute != NULL)
        status = cli_value_id(cli, "--dispute", given->dispute, &opts->dispute_id);
    return status;
}

static int print_written(struct cli *cli, arc_id id)
{
    arc_communication *communication = NULL;
    char summary[256];
    int rc = arc_communication_lookup(&communication, cli->db, id);

    if (rc != ARC_OK)
        return cli_fail(cli, rc, NULL);

    if (cli->json) {
        struct json json;

        json_begin_document(&json, cli->out);
        print_communication_json(&json, cli, communication);
        json_end_document(&json);
    } else {
        print_communication_summary(summary, sizeof summary, communication);
        fprintf(cli->out, "logged communication %lld with %s: %s\n", (long long)id,
                cli_customer_reference(cli, arc_communication_customer_id(communication)),
                summary);
    }
    arc_communication_free(communication);
    return CLI_OK;
}

static int comm_log(struct cli *cli, int argc, char **argv)
{
    struct log_options given = { 0 };
    arc_communication_opts opts = ARC_COMMUNICATION_OPTS_INIT;
    const struct cli_option options[] = {
        { "customer", CLI_STRING, &given.customer },
        { "direction", CLI_STRING, &given.direction },
        { "at", CLI_STRING, &given.at },
        { "user", CLI_STRING, &opts.user },
        { "subject", CLI_STRING, &opts.subject },
        { "body", CLI_STRING, &opts.body },
        { "body-file", CLI_STRING, &given.body_file },
        { "invoice", CLI_LIST, &given.invoices },
        { "dispute", CLI_STRING, &given.dispute },
        { "from", CLI_STRING, &opts.email_from },
        { "to", CLI_STRING, &opts.email_to },
        { "cc", CLI_STRING, &opts.email_cc },
        { "message-id", CLI_STRING, &opts.message_id },
        { "in-reply-to", CLI_STRING, &opts.in_reply_to },
        { "phone", CLI_STRING, &opts.phone_number },
        { "duration", CLI_STRING, &given.duration },
        { "outcome", CLI_STRING, &given.outcome },
        { "message", CLI_LIST, &given.messages },
        { NULL, CLI_FLAG, NULL },
    };
    struct cli_args args;
    int channel = 0, direction = 0;
    arc_id id = 0;
    int rc, status = cli_parse_args(cli, argc, argv, options, 1, 1, &args);

    if (status == CLI_OK && given.customer == NULL)
        status = cli_usage(cli, "--customer is required");
    if (status == CLI_OK && opts.body != NULL && given.body_file != NULL)
        status = cli_usage(cli, "--body and --body-file exclude each other");
    if (status == CLI_OK)
        status =
            cli_value_enum(cli, "CHANNEL", args.positional[0], channel_name, 7, &channel);
    if (status == CLI_OK && given.direction != NULL)
        status = cli_value_enum(cli, "--direction", given.direction, direction_name, 3,
                                &direction);
    else if (status == CLI_OK)
        direction = (int)default_direction((arc_communication_channel)channel);
    if (status == CLI_OK && given.at != NULL &&
        cli_parse_instant(&opts.occurred_at, given.at))
        status = cli_invalid(
            cli, "--at", "\"%s\" is not YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ", given.at);
    if (status == CLI_OK && given.body_file != NULL)
        status = read_text_file(cli, "--body-file", given.body_file, &opts.body);
    if (status == CLI_OK)
        status = read_call(cli, &given, &opts);
    if (status == CLI_OK)
        status = read_messages(cli, &given.messages, &opts);
    if (status == CLI_OK)
        status = cli_open_to_write(cli);
    if (status == CLI_OK)
        status = cli_find_customer_id(cli, given.customer, &opts.customer_id);
    if (status == CLI_OK)
        status = read_links(cli, &given, &opts);
    if (status != CLI_OK)
        return cli_finish(cli, status);

    opts.channel = (arc_communication_channel)channel;
    opts.direction = (arc_communication_direction)direction;
    if (opts.user == NULL)
        opts.user = cli_default_user();
    rc = arc_communication_record(&id, cli->db, &opts);
    status = rc == ARC_OK ? print_written(cli, id) : cli_fail(cli, rc, NULL);
    return cli_finish(cli, status);
}

const struct cli_command cli_comm_commands[] = {
    { "comm", "log", comm_log,
      "log an email, chat, call, note, letter, SMS or portal message",
      "Usage: arcollect comm log CHANNEL --customer CUSTOMER [OPTIONS] [--json]\n"
      "\n"
      "CHANNEL is email, chat, call, note, letter, sms or portal.\n"
      "\n"
      "Every channel:\n"
      "  --direction inbound|outbound|internal  default: internal for notes,\n"
      "                     outbound for calls and letters, else inbound\n"
      "  --at TIME          when it happened (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ);\n"
      "                     default now\n"
      "  --user USER        who on our side took part; default $ARCOLLECT_USER,\n"
      "                     else $USER\n"
      "  --subject TEXT     --body TEXT     --body-file FILE ('-' for stdin)\n"
      "  --invoice INVOICE  an invoice it is about (repeatable)\n"
      "  --dispute ID       a dispute it is about\n"
      "Email:  --from ADDRESS --to ADDRESS --cc ADDRESS --message-id ID\n"
      "        --in-reply-to ID (joins the thread of that email)\n"
      "Call:   --phone NUMBER --duration SECONDS\n"
      "        --outcome reached|voicemail|no_answer|promise_to_pay|refused (required)\n"
      "Chat:   --message 'AUTHOR: TEXT' (repeatable, in the order sent)\n"
      "Notes, letters, SMS and portal messages need a body.\n" },
    { "comm", "list", cmd_comm_list, "list communications, newest first",
      "Usage: arcollect comm list [--customer CUSTOMER | --invoice INVOICE |\n"
      "                           --dispute ID] [--channel CHANNEL] [--limit N]\n"
      "                           [--before CURSOR] [--all] [--json]\n"
      "\n"
      "Newest first, --limit at a time (default 100). Each page ends with the\n"
      "CURSOR to pass as --before for the next.\n" },
    { "comm", "show", cmd_comm_show, "show a communication in full",
      "Usage: arcollect comm show ID [--json]\n" },
    { "comm", "thread", cmd_comm_thread, "show the whole thread of an email",
      "Usage: arcollect comm thread ID [--json]\n" },
    { "comm", "search", cmd_comm_search, "search communications by full text",
      "Usage: arcollect comm search QUERY [--customer CUSTOMER] [--limit N]\n"
      "                             [--offset N] [--json]\n"
      "\n"
      "Search subjects, bodies, chat transcripts and participants, best match\n"
      "first. QUERY uses the SQLite FTS5 syntax: words, \"quoted phrases\",\n"
      "prefix* searches, AND, OR, NOT and parentheses.\n" },
    { NULL, NULL, NULL, NULL, NULL },
};
