/*
 * dispute open, update, review, escalate, resolve, reopen: disputes and their
 * states. Reading them (show, list) is in cmd_dispute_read.c.
 */
#include "cli.h"

static const char *outcome_name(int outcome)
{
    return arc_dispute_outcome_name((arc_dispute_outcome)outcome);
}

static int dispute_print_written(struct cli *cli, arc_id id, const char *verb)
{
    arc_dispute *dispute = NULL;
    char amount[CLI_AMOUNT_BUFSIZE];
    int rc = arc_dispute_lookup(&dispute, cli->db, id);

    if (rc != ARC_OK)
        return cli_fail(cli, rc, NULL);

    if (cli->json) {
        struct json json;

        json_begin_document(&json, cli->out);
        print_dispute_json(&json, cli, dispute);
        json_end_document(&json);
    } else {
        cli_format_money(amount, sizeof amount, arc_dispute_amount(dispute),
                         arc_dispute_currency(dispute));
        fprintf(cli->out, "%s dispute %lld on %s: %s %s, %s, level %d\n", verb,
                (long long)id, cli_invoice_number(cli, arc_dispute_invoice_id(dispute)),
                arc_dispute_reason_code(dispute), amount,
                arc_dispute_status_name(arc_dispute_status_of(dispute)),
                arc_dispute_escalation_level(dispute));
    }
    arc_dispute_free(dispute);
    return CLI_OK;
}

/* --by USER, else $ARCOLLECT_USER, else $USER. */
static int actor_of(struct cli *cli, const char *given, const char **out)
{
    *out = given != NULL ? given : cli_default_user();
    if (*out == NULL)
        return cli_usage(cli, "--by is required (or set ARCOLLECT_USER)");
    return CLI_OK;
}

/* --amount, in the currency of dispute @p id, which must exist; @p text is
 * NULL when the option was not given. */
static int read_amount(struct cli *cli, arc_id id, const char *text, int64_t *amount)
{
    arc_dispute *dispute = NULL;
    int status = CLI_OK, rc = arc_dispute_lookup(&dispute, cli->db, id);

    if (rc != ARC_OK)
        status = cli_fail(cli, rc, NULL);
    else if (text != NULL)
        status =
            cli_value_money(cli, "--amount", text, arc_dispute_currency(dispute), amount);
    arc_dispute_free(dispute);
    return status;
}

static int parse_lines(struct cli *cli, const struct cli_list *lines,
                       arc_dispute_opts *opts)
{
    int *numbers = cli_alloc(cli, (lines->count + 1) * sizeof *numbers);

    for (size_t i = 0; i < lines->count; i++) {
        long long number = 0;
        int status = cli_value_int(cli, "--line", lines->items[i], 1,
                                   ARC_INVOICE_MAX_LINES, &number);

        if (status != CLI_OK)
            return status;
        numbers[i] = (int)number;
    }
    opts->lines = lines->count > 0 ? numbers : NULL;
    opts->line_count = lines->count;
    return CLI_OK;
}

static int dispute_open(struct cli *cli, int argc, char **argv)
{
    const char *invoice_key = NULL, *amount_text = NULL, *due_text = NULL, *by = NULL;
    struct cli_list lines = { 0 };
    arc_dispute_opts opts = ARC_DISPUTE_OPTS_INIT;
    const struct cli_option options[] = {
        { "invoice", CLI_STRING, &invoice_key },
        { "reason", CLI_STRING, &opts.reason_code },
        { "amount", CLI_STRING, &amount_text },
        { "by", CLI_STRING, &by },
        { "owner", CLI_STRING, &opts.owner },
        { "due-date", CLI_STRING, &due_text },
        { "description", CLI_STRING, &opts.description },
        { "line", CLI_LIST, &lines },
        { NULL, CLI_FLAG, NULL },
    };
    arc_invoice *invoice = NULL;
    struct cli_args args;
    arc_id id = 0;
    int rc, status = cli_parse_args(cli, argc, argv, options, 0, 0, &args);

    if (status == CLI_OK &&
        (invoice_key == NULL || opts.reason_code == NULL || amount_text == NULL))
        status = cli_usage(cli, "--invoice, --reason and --amount are required");
    if (status == CLI_OK)
        status = actor_of(cli, by, &opts.opened_by);
    if (status == CLI_OK)
        status = cli_value_optional_date(cli, "--due-date", due_text, &opts.due_date);
    if (status == CLI_OK)
        status = parse_lines(cli, &lines, &opts);
    if (status == CLI_OK)
        status = cli_open_to_write(cli);
    if (status == CLI_OK)
        status = cli_find_invoice(cli, invoice_key, &invoice);
    if (status == CLI_OK)
        status = cli_value_money(cli, "--amount", amount_text,
                                 arc_invoice_currency(invoice), &opts.amount);
    if (status == CLI_OK) {
        opts.invoice_id = arc_invoice_id(invoice);
        rc = arc_dispute_open(&id, cli->db, &opts);
        status = rc == ARC_OK ? dispute_print_written(cli, id, "opened")
                              : cli_fail(cli, rc, NULL);
    }
    arc_invoice_free(invoice);
    return cli_finish(cli, status);
}

static int dispute_update(struct cli *cli, int argc, char **argv)
{
    const char *amount_text = NULL, *due_text = NULL;
    arc_dispute_opts opts = ARC_DISPUTE_OPTS_INIT;
    const struct cli_option options[] = {
        { "owner", CLI_STRING, &opts.owner },
        { "due-date", CLI_STRING, &due_text },
        { "amount", CLI_STRING, &amount_text },
        { "reason", CLI_STRING, &opts.reason_code },
        { "description", CLI_STRING, &opts.description },
        { NULL, CLI_FLAG, NULL },
    };
    struct cli_args args;
    unsigned int fields = 0;
    arc_id id = 0;
    int rc, status = cli_parse_args(cli, argc, argv, options, 1, 1, &args);

    if (status == CLI_OK)
        status = cli_value_id(cli, "DISPUTE", args.positional[0], &id);
    if (status == CLI_OK)
        status = cli_value_optional_date(cli, "--due-date", due_text, &opts.due_date);
    if (status == CLI_OK)
        status = cli_open_to_write(cli);
    if (status == CLI_OK)
        status = read_amount(cli, id, amount_text, &opts.amount);
    if (status != CLI_OK)
        return cli_finish(cli, status);

    fields |= opts.owner != NULL ? ARC_DISPUTE_FIELD_OWNER : 0;
    fields |= due_text != NULL ? ARC_DISPUTE_FIELD_DUE_DATE : 0;
    fields |= amount_text != NULL ? ARC_DISPUTE_FIELD_AMOUNT : 0;
    fields |= opts.reason_code != NULL ? ARC_DISPUTE_FIELD_REASON_CODE : 0;
    fields |= opts.description != NULL ? ARC_DISPUTE_FIELD_DESCRIPTION : 0;
    if (fields == 0)
        return cli_finish(cli,
                          cli_usage(cli, "nothing to change: give at least one option"));

    rc = arc_dispute_update(cli->db, id, &opts, fields);
    status = rc == ARC_OK ? dispute_print_written(cli, id, "updated")
                          : cli_fail(cli, rc, NULL);
    return cli_finish(cli, status);
}

enum dispute_step { STEP_REVIEW, STEP_ESCALATE, STEP_REOPEN };

static int dispute_step(struct cli *cli, int argc, char **argv, enum dispute_step step)
{
    const char *by = NULL, *reason = NULL, *actor = NULL;
    const struct cli_option with_reason[] = {
        { "by", CLI_STRING, &by },
        { "reason", CLI_STRING, &reason },
        { NULL, CLI_FLAG, NULL },
    };
    const struct cli_option by_only[] = {
        { "by", CLI_STRING, &by },
        { NULL, CLI_FLAG, NULL },
    };
    static const char *const verbs[] = { "reviewing", "escalated", "reopened" };
    struct cli_args args;
    arc_id id = 0;
    int rc,
        status = cli_parse_args(cli, argc, argv,
                                step == STEP_REOPEN ? with_reason : by_only, 1, 1, &args);

    if (status == CLI_OK)
        status = cli_value_id(cli, "DISPUTE", args.positional[0], &id);
    if (status == CLI_OK)
        status = actor_of(cli, by, &actor);
    if (status == CLI_OK)
        status = cli_open_to_write(cli);
    if (status != CLI_OK)
        return cli_finish(cli, status);

    if (step == STEP_REVIEW)
        rc = arc_dispute_review(cli->db, id, actor);
    else if (step == STEP_ESCALATE)
        rc = arc_dispute_escalate(cli->db, id, actor);
    else
        rc = arc_dispute_reopen(cli->db, id, actor, reason);
    status = rc == ARC_OK ? dispute_print_written(cli, id, verbs[step])
                          : cli_fail(cli, rc, NULL);
    return cli_finish(cli, status);
}

static int dispute_review(struct cli *cli, int argc, char **argv)
{
    return dispute_step(cli, argc, argv, STEP_REVIEW);
}

static int dispute_escalate(struct cli *cli, int argc, char **argv)
{
    return dispute_step(cli, argc, argv, STEP_ESCALATE);
}

static int dispute_reopen(struct cli *cli, int argc, char **argv)
{
    return dispute_step(cli, argc, argv, STEP_REOPEN);
}

static int dispute_resolve(struct cli *cli, int argc, char **argv)
{
    const char *outcome_text = NULL, *amount_text = NULL, *date_text = NULL, *by = NULL;
    arc_dispute_resolution resolution = ARC_DISPUTE_RESOLUTION_INIT;
    const struct cli_option options[] = {
        { "outcome", CLI_STRING, &outcome_text },
        { "by", CLI_STRING, &by },
        { "amount", CLI_STRING, &amount_text },
        { "note", CLI_STRING, &resolution.note },
        { "date", CLI_STRING, &date_text },
        { NULL, CLI_FLAG, NULL },
    };
    struct cli_args args;
    int outcome = 0;
    arc_id id = 0;
    int rc, status = cli_parse_args(cli, argc, argv, options, 1, 1, &args);

    if (status == CLI_OK && outcome_text == NULL)
        status = cli_usage(cli, "--outcome is required");
    if (status == CLI_OK)
        status = cli_value_id(cli, "DISPUTE", args.positional[0], &id);
    if (status == CLI_OK)
        status =
            cli_value_enum(cli, "--outcome", outcome_text, outcome_name, 5, &outcome);
    if (status == CLI_OK && outcome == ARC_DISPUTE_UNRESOLVED)
        status = cli_invalid(cli, "--outcome",
                             "must be credited, written_off, rejected or withdrawn");
    if (status == CLI_OK)
        status = actor_of(cli, by, &resolution.resolved_by);
    if (status == CLI_OK)
        status = cli_value_optional_date(cli, "--date", date_text, &resolution.date);
    if (status == CLI_OK)
        status = cli_open_to_write(cli);
    if (status == CLI_OK)
        status = read_amount(cli, id, amount_text, &resolution.amount);

    if (status == CLI_OK) {
        resolution.outcome = (arc_dispute_outcome)outcome;
        rc = arc_dispute_resolve(cli->db, id, &resolution);
        status = rc == ARC_OK ? dispute_print_written(cli, id, "resolved")
                              : cli_fail(cli, rc, NULL);
    }
    return cli_finish(cli, status);
}

const struct cli_command cli_dispute_commands[] = {
    { "dispute", "open", dispute_open, "open a dispute against an invoice",
      "Usage: arcollect dispute open --invoice INVOICE --reason CODE --amount AMOUNT\n"
      "                              [--by USER] [--owner USER] [--due-date DATE]\n"
      "                              [--description TEXT] [--line N]... [--json]\n"
      "\n"
      "Open a dispute for AMOUNT of an open or partially paid invoice, with a reason\n"
      "code from 'arcollect reason list'. --by is who records it (default\n"
      "$ARCOLLECT_USER, else $USER); --owner who works on it (default the same);\n"
      "each --line names a disputed invoice line by its number.\n" },
    { "dispute", "update", dispute_update, "change the owner, due date, amount or reason",
      "Usage: arcollect dispute update DISPUTE [--owner USER] [--due-date DATE]\n"
      "                                [--amount AMOUNT] [--reason CODE]\n"
      "                                [--description TEXT] [--json]\n"
      "\n"
      "Change the fields given of a dispute that is not resolved. An empty\n"
      "--due-date clears it; an empty --owner hands the dispute back to its opener.\n" },
    { "dispute", "review", dispute_review, "start reviewing an open dispute",
      "Usage: arcollect dispute review DISPUTE [--by USER] [--json]\n" },
    { "dispute", "escalate", dispute_escalate, "escalate a dispute one level",
      "Usage: arcollect dispute escalate DISPUTE [--by USER] [--json]\n" },
    { "dispute", "resolve", dispute_resolve, "resolve a dispute",
      "Usage: arcollect dispute resolve DISPUTE --outcome OUTCOME [--by USER]\n"
      "                                 [--amount AMOUNT] [--note TEXT] [--date DATE]\n"
      "                                 [--json]\n"
      "\n"
      "OUTCOME is credited (a credit memo for AMOUNT is created and applied to the\n"
      "invoice), written_off (AMOUNT of the invoice is written off), rejected (the\n"
      "customer owes it after all) or withdrawn. AMOUNT defaults to the whole\n"
      "disputed amount.\n" },
    { "dispute", "reopen", dispute_reopen, "reopen a rejected or withdrawn dispute",
      "Usage: arcollect dispute reopen DISPUTE [--by USER] [--reason TEXT] [--json]\n" },
    { "dispute", "show", cmd_dispute_show, "show a dispute",
      "Usage: arcollect dispute show DISPUTE [--json]\n" },
    { "dispute", "list", cmd_dispute_list, "list disputes",
      "Usage: arcollect dispute list [--customer CUSTOMER] [--status STATUS]\n"
      "                              [--limit N] [--after ID] [--all] [--json]\n"
      "\n"
      "STATUS is open, in_review, escalated, resolved or reopened.\n" },
    { "dispute", "timeline", cmd_dispute_timeline,
      "show a dispute's communications and events, newest first",
      "Usage: arcollect dispute timeline DISPUTE [--limit N] [--before CURSOR] [--all]\n"
      "                                  [--json]\n" },
    { NULL, NULL, NULL, NULL, NULL },
};
