/*
 * automation run, and rule add, list, show, update, delete: the escalation
 * rules and the run that applies them and raises overdue alerts.
 */
#include <string.h>

#include "cli.h"

#define RULE_STATUS_COUNT 4

static const arc_dispute_status rule_statuses[RULE_STATUS_COUNT] = {
    ARC_DISPUTE_OPEN, ARC_DISPUTE_IN_REVIEW, ARC_DISPUTE_ESCALATED, ARC_DISPUTE_REOPENED
};

struct action_name {
    unsigned int bit;
    const char *name;
};

static const struct action_name action_names[] = {
    { ARC_RULE_ESCALATE, "escalate" },
    { ARC_RULE_ALERT, "alert" },
    { ARC_RULE_REASSIGN, "reassign" },
    { ARC_RULE_SET_DUE_DATE, "set_due_date" },
};

#define ACTION_COUNT (sizeof action_names / sizeof action_names[0])

struct run_work {
    struct cli *cli;
    arc_automation_result result;
    int rc;
};

static int run_automation(void *data)
{
    struct run_work *work = data;

    work->rc = arc_automation_run(&work->result, work->cli->db);
    return work->rc;
}

static int automation_run(struct cli *cli, int argc, char **argv)
{
    struct run_work work = { cli, ARC_AUTOMATION_RESULT_INIT, ARC_OK };
    const arc_automation_result *result = &work.result;
    struct cli_args args;
    int status = cli_parse_args(cli, argc, argv, NULL, 0, 0, &args);

    if (status == CLI_OK)
        status = cli_open(cli, CLI_OPEN_EXISTING);
    if (status != CLI_OK)
        return status;

    progress_run_spinner("automation", run_automation, &work);
    if (work.rc != ARC_OK)
        return cli_fail(cli, work.rc, NULL);

    if (cli->json) {
        struct json json;

        json_begin_document(&json, cli->out);
        json_key_int(&json, "disputes_examined", (int64_t)result->disputes_examined);
        json_key_int(&json, "rules_fired", (int64_t)result->rules_fired);
        json_key_int(&json, "escalations", (int64_t)result->escalations);
        json_key_int(&json, "reassignments", (int64_t)result->reassignments);
        json_key_int(&json, "due_dates_set", (int64_t)result->due_dates_set);
        json_key_int(&json, "alerts", (int64_t)result->alerts);
        json_key_int(&json, "disputes_overdue", (int64_t)result->disputes_overdue);
        json_key_int(&json, "invoices_overdue", (int64_t)result->invoices_overdue);
        json_end_document(&json);
        return CLI_OK;
    }

    fields_printf(cli->out, "Disputes examined:", "%zu", result->disputes_examined);
    fields_printf(cli->out, "Rules fired:", "%zu", result->rules_fired);
    fields_printf(cli->out, "Escalations:", "%zu", result->escalations);
    fields_printf(cli->out, "Reassignments:", "%zu", result->reassignments);
    fields_printf(cli->out, "Due dates set:", "%zu", result->due_dates_set);
    fields_printf(cli->out, "Alerts:", "%zu", result->alerts);
    fields_printf(cli->out, "Disputes overdue:", "%zu", result->disputes_overdue);
    fields_printf(cli->out, "Invoices overdue:", "%zu", result->invoices_overdue);
    return CLI_OK;
}

/* "open,in_review" as ARC_RULE_STATUS() bits. */
static int parse_statuses(struct cli *cli, const char *text, unsigned int *out)
{
    char *copy = cli_strdup(cli, text);

    *out = 0;
    for (char *name = strtok(copy, ","); name != NULL; name = strtok(NULL, ",")) {
        size_t s = 0;

        while (s < RULE_STATUS_COUNT &&
               strcmp(name, arc_dispute_status_name(rule_statuses[s])) != 0)
            s++;
        if (s == RULE_STATUS_COUNT)
            return cli_invalid(
                cli, "--statuses",
                "\"%s\" is not one of open, in_review, escalated, reopened", name);
        *out |= ARC_RULE_STATUS(rule_statuses[s]);
    }
    return CLI_OK;
}

/* "escalate,alert" as arc_rule_action bits. */
static int parse_actions(struct cli *cli, const char *text, unsigned int *out)
{
    char *copy = cli_strdup(cli, text);

    *out = 0;
    for (char *name = strtok(copy, ","); name != NULL; name = strtok(NULL, ",")) {
        size_t a = 0;

        while (a < ACTION_COUNT && strcmp(name, action_names[a].name) != 0 &&
               !(strcmp(name, "set-due-date") == 0 &&
                 action_names[a].bit == ARC_RULE_SET_DUE_DATE))
            a++;
        if (a == ACTION_COUNT)
            return cli_invalid(
                cli, "--actions",
                "\"%s\" is not one of escalate, alert, reassign, set_due_date", name);
        *out |= action_names[a].bit;
    }
    return CLI_OK;
}

/* The options of rule add and rule update, as given. */
struct rule_options {
    const char *name;
    int active;
    int inactive;
    const char *statuses;
    const char *days_in_state;
    const char *min_amount;
    const char *currency;
    const char *reason;
    const char *days_since_contact;
    const char *below_level;
    const char *actions;
    const char *assign_to;
    const char *due_in_days;
};

static int read_days(struct cli *cli, const char *option, const char *text, int *out)
{
    long long days = 0;
    int status = CLI_OK;

    if (text != NULL) {
        status = cli_value_int(cli, option, text, 0, ARC_RULE_MAX_DAYS, &days);
        *out = (int)days;
    }
    return status;
}

/* Lay the options given over @p opts; an empty text clears a condition. */
static int read_rule(struct cli *cli, const struct rule_options *given,
                     arc_escalation_rule_opts *opts)
{
    long long level = 0;
    int status = CLI_OK;

    if (given->active && given->inactive)
        return cli_usage(cli, "--active and --inactive exclude each other");
    if (given->name != NULL)
        opts->name = given->name;
    if (given->active || given->inactive)
        opts->active = given->active;
    if (given->reason != NULL)
        opts->reason_code = given->reason[0] != '\0' ? given->reason : NULL;
    if (given->assign_to != NULL)
        opts->assign_to = given->assign_to[0] != '\0' ? given->assign_to : NULL;
    if (given->currency != NULL)
        opts->currency = given->currency[0] != '\0' ? given->currency : NULL;

    if (given->statuses != NULL)
        status = parse_statuses(cli, given->statuses, &opts->statuses);
    if (status == CLI_OK && given->actions != NULL)
        status = parse_actions(cli, given->actions, &opts->actions);
    if (status == CLI_OK)
        status = read_days(cli, "--days-in-state", given->days_in_state,
                           &opts->min_days_in_state);
    if (status == CLI_OK)
        status = read_days(cli, "--days-since-contact", given->days_since_contact,
                           &opts->min_days_since_contact);
    if (status == CLI_OK)
        status = read_days(cli, "--due-in-days", given->due_in_days, &opts->due_in_days);
    if (status == CLI_OK && given->below_level != NULL) {
        status = cli_value_int(cli, "--below-level", given->below_level, 0, 1000, &level);
        opts->below_level = (int)level;
    }
    if (status == CLI_OK && given->min_amount != NULL) {
        if (given->min_amount[0] == '\0') {
            opts->min_amount = 0;
            opts->currency = NULL;
        } else if (opts->currency == NULL) {
            status = cli_usage(cli, "--min-amount needs --currency");
        } else {
            status = cli_value_money(cli, "--min-amount", given->min_amount,
                                     opts->currency, &opts->min_amount);
        }
    }
    return status;
}

static void rule_json(struct json *json, struct cli *cli, const void *record)
{
    const arc_escalation_rule *rule = record;
    unsigned int statuses = arc_escalation_rule_statuses(rule);
    unsigned int actions = arc_escalation_rule_actions(rule);
    const char *currency = arc_escalation_rule_currency(rule);

    json_key_id(json, "id", arc_escalation_rule_id(rule));
    json_key_string(json, "name", arc_escalation_rule_name(rule));
    json_key_bool(json, "active", arc_escalation_rule_active(rule) != 0);
    json_key(json, "statuses");
    json_begin_array(json);
    for (size_t s = 0; s < RULE_STATUS_COUNT; s++) {
        if (statuses & ARC_RULE_STATUS(rule_statuses[s]))
            json_string(json, arc_dispute_status_name(rule_statuses[s]));
    }
    json_end_array(json);
    json_key_int(json, "min_days_in_state", arc_escalation_rule_min_days_in_state(rule));
    json_key(json, "min_amount");
    if (currency != NULL)
        json_money(json, arc_escalation_rule_min_amount(rule), currency);
    else
        json_null(json);
    json_key_string(json, "reason_code", arc_escalation_rule_reason_code(rule));
    json_key_int(json, "min_days_since_contact",
                 arc_escalation_rule_min_days_since_contact(rule));
    json_key_int(json, "below_level", arc_escalation_rule_below_level(rule));
    json_key(json, "actions");
    json_begin_array(json);
    for (size_t a = 0; a < ACTION_COUNT; a++) {
        if (actions & action_names[a].bit)
            json_string(json, action_names[a].name);
    }
    json_end_array(json);
    json_key_string(json, "assign_to", arc_escalation_rule_assign_to(rule));
    json_key_int(json, "due_in_days", arc_escalation_rule_due_in_days(rule));
}

/* "open,in_review" or "escalate,alert" from bits. */
static const char *join_names(struct cli *cli, unsigned int bits, bool statuses)
{
    char *text = cli_alloc(cli, 128);
    size_t count = statuses ? RULE_STATUS_COUNT : ACTION_COUNT;

    for (size_t i = 0; i < count; i++) {
        unsigned int bit =
            statuses ? ARC_RULE_STATUS(rule_statuses[i]) : action_names[i].bit;
        const char *name =
            statuses ? arc_dispute_status_name(rule_statuses[i]) : action_names[i].name;

        if ((bits & bit) == 0)
            continue;
        if (text[0] != '\0')
            strcat(text, ",");
        strcat(text, name);
    }
    return text;
}

/* A rule's conditions in a few words: "14d in state, >= 500.00 USD, PRICING". */
static const char *conditions_text(struct cli *cli, const arc_escalation_rule *rule)
{
    const char *currency = arc_escalation_rule_currency(rule);
    char *text = cli_alloc(cli, 256);
    char money[CLI_AMOUNT_BUFSIZE];
    size_t used = 0;

    used += (size_t)snprintf(text + used, 256 - used, "%s",
                             join_names(cli, arc_escalation_rule_statuses(rule), true));
    if (arc_escalation_rule_min_days_in_state(rule) > 0)
        used += (size_t)snprintf(text + used, 256 - used, "; %dd in state",
                                 arc_escalation_rule_min_days_in_state(rule));
    if (currency != NULL) {
        cli_format_money(money, sizeof money, arc_escalation_rule_min_amount(rule),
                         currency);
        used += (size_t)snprintf(text + used, 256 - used, "; >= %s", money);
    }
    if (arc_escalation_rule_reason_code(rule) != NULL)
        used += (size_t)snprintf(text + used, 256 - used, "; %s",
                                 arc_escalation_rule_reason_code(rule));
    if (arc_escalation_rule_min_days_since_contact(rule) > 0)
        used += (size_t)snprintf(text + used, 256 - used, "; %dd since contact",
                                 arc_escalation_rule_min_days_since_contact(rule));
    if (arc_escalation_rule_below_level(rule) > 0)
        snprintf(text + used, 256 - used, "; below level %d",
                 arc_escalation_rule_below_level(rule));
    return text;
}

static const char *actions_text(struct cli *cli, const arc_escalation_rule *rule)
{
    const char *actions = join_names(cli, arc_escalation_rule_actions(rule), false);

    if (arc_escalation_rule_assign_to(rule) != NULL)
        actions =
            cli_printf(cli, "%s -> %s", actions, arc_escalation_rule_assign_to(rule));
    if (arc_escalation_rule_actions(rule) & ARC_RULE_SET_DUE_DATE)
        actions = cli_printf(cli, "%s (due in %dd)", actions,
                             arc_escalation_rule_due_in_days(rule));
    return actions;
}

static void print_rule(struct cli *cli, const arc_escalation_rule *rule, const char *verb)
{
    if (cli->json) {
        struct json json;

        json_begin_document(&json, cli->out);
        rule_json(&json, cli, rule);
        json_end_document(&json);
        return;
    }
    if (verb != NULL) {
        fprintf(cli->out, "%s rule %s (id %lld)\n", verb, arc_escalation_rule_name(rule),
                (long long)arc_escalation_rule_id(rule));
        return;
    }
    fields_printf(cli->out, "Rule:", "%s (id %lld)", arc_escalation_rule_name(rule),
                  (long long)arc_escalation_rule_id(rule));
    fields_print(cli->out, "Active:", arc_escalation_rule_active(rule) ? "yes" : "no");
    fields_print(cli->out, "When:", conditions_text(cli, rule));
    fields_print(cli->out, "Then:", actions_text(cli, rule));
}

static int print_rule_id(struct cli *cli, arc_id id, const char *verb)
{
    arc_escalation_rule *rule = NULL;
    int rc = arc_escalation_rule_lookup(&rule, cli->db, id);

    if (rc != ARC_OK)
        return cli_fail(cli, rc, NULL);
    print_rule(cli, rule, verb);
    arc_escalation_rule_free(rule);
    return CLI_OK;
}

#define RULE_OPTIONS(given)                                                              \
    { "active", CLI_FLAG, &(given).active },                                             \
        { "inactive", CLI_FLAG, &(given).inactive },                                     \
        { "statuses", CLI_STRING, &(given).statuses },                                   \
        { "days-in-state", CLI_STRING, &(given).days_in_state },                         \
        { "min-amount", CLI_STRING, &(given).min_amount },                               \
        { "currency", CLI_STRING, &(given).currency },                                   \
        { "reason", CLI_STRING, &(given).reason },                                       \
        { "days-since-contact", CLI_STRING, &(given).days_since_contact },               \
        { "below-level", CLI_STRING, &(given).below_level },                             \
        { "actions", CLI_STRING, &(given).actions },                                     \
        { "assign-to", CLI_STRING, &(given).assign_to },                                 \
    {                                                                                    \
        "due-in-days", CLI_STRING, &(given).due_in_days                                  \
    }

static int rule_add(struct cli *cli, int argc, char **argv)
{
    struct rule_options given = { 0 };
    const struct cli_option options[] = {
        RULE_OPTIONS(given),
        { NULL, CLI_FLAG, NULL },
    };
    arc_escalation_rule_opts opts = ARC_ESCALATION_RULE_OPTS_INIT;
    struct cli_args args;
    arc_id id = 0;
    int rc, status = cli_parse_args(cli, argc, argv, options, 1, 1, &args);

    if (status == CLI_OK && given.actions == NULL)
        status = cli_usage(cli, "--actions is required");
    if (status == CLI_OK) {
        given.name = args.positional[0];
        status = read_rule(cli, &given, &opts);
    }
    if (status == CLI_OK)
        status = cli_open_to_write(cli);
    if (status != CLI_OK)
        return cli_finish(cli, status);

    rc = arc_escalation_rule_add(&id, cli->db, &opts);
    status = rc == ARC_OK ? print_rule_id(cli, id, "added") : cli_fail(cli, rc, NULL);
    return cli_finish(cli, status);
}

/* The fields of an existing rule, to change some of them. */
static void rule_to_opts(const arc_escalation_rule *rule, arc_escalation_rule_opts *opts)
{
    opts->name = arc_escalation_rule_name(rule);
    opts->active = arc_escalation_rule_active(rule);
    opts->statuses = arc_escalation_rule_statuses(rule);
    opts->min_days_in_state = arc_escalation_rule_min_days_in_state(rule);
    opts->min_amount = arc_escalation_rule_min_amount(rule);
    opts->currency = arc_escalation_rule_currency(rule);
    opts->reason_code = arc_escalation_rule_reason_code(rule);
    opts->min_days_since_contact = arc_escalation_rule_min_days_since_contact(rule);
    opts->below_level = arc_escalation_rule_below_level(rule);
    opts->actions = arc_escalation_rule_actions(rule);
    opts->assign_to = arc_escalation_rule_assign_to(rule);
    opts->due_in_days = arc_escalation_rule_due_in_days(rule);
}

static int rule_update(struct cli *cli, int argc, char **argv)
{
    struct rule_options given = { 0 };
    const struct cli_option options[] = {
        { "name", CLI_STRING, &given.name },
        RULE_OPTIONS(given),
        { NULL, CLI_FLAG, NULL },
    };
    arc_escalation_rule_opts opts = ARC_ESCALATION_RULE_OPTS_INIT;
    arc_escalation_rule *rule = NULL;
    struct cli_args args;
    arc_id id = 0;
    int rc, status = cli_parse_args(cli, argc, argv, options, 1, 1, &args);

    if (status == CLI_OK)
        status = cli_open_to_write(cli);
    if (status == CLI_OK)
        status = cli_find_rule(cli, args.positional[0], &rule);
    if (status == CLI_OK) {
        rule_to_opts(rule, &opts);
        status = read_rule(cli, &given, &opts);
    }
    if (status == CLI_OK) {
        id = arc_escalation_rule_id(rule);
        rc = arc_escalation_rule_update(cli->db, id, &opts);
        status =
            rc == ARC_OK ? print_rule_id(cli, id, "updated") : cli_fail(cli, rc, NULL);
    }
    arc_escalation_rule_free(rule);
    return cli_finish(cli, status);
}

static int rule_delete(struct cli *cli, int argc, char **argv)
{
    arc_escalation_rule *rule = NULL;
    struct cli_args args;
    int rc, status = cli_parse_args(cli, argc, argv, NULL, 1, 1, &args);

    if (status == CLI_OK)
        status = cli_open_to_write(cli);
    if (status == CLI_OK)
        status = cli_find_rule(cli, args.positional[0], &rule);
    if (status == CLI_OK) {
        rc = arc_escalation_rule_delete(cli->db, arc_escalation_rule_id(rule));
        if (rc != ARC_OK)
            status = cli_fail(cli, rc, NULL);
    }
    if (status == CLI_OK && cli->json) {
        struct json json;

        json_begin_document(&json, cli->out);
        json_key_id(&json, "deleted", arc_escalation_rule_id(rule));
        json_end_document(&json);
    } else if (status == CLI_OK) {
        fprintf(cli->out, "deleted rule %s\n", arc_escalation_rule_name(rule));
    }
    arc_escalation_rule_free(rule);
    return cli_finish(cli, status);
}

static int rule_show(struct cli *cli, int argc, char **argv)
{
    arc_escalation_rule *rule = NULL;
    struct cli_args args;
    int status = cli_parse_args(cli, argc, argv, NULL, 1, 1, &args);

    if (status == CLI_OK)
        status = cli_open(cli, CLI_OPEN_EXISTING);
    if (status == CLI_OK)
        status = cli_find_rule(cli, args.positional[0], &rule);
    if (status == CLI_OK)
        print_rule(cli, rule, NULL);
    arc_escalation_rule_free(rule);
    return status;
}

static const struct table_column rule_columns[] = {
    { "ID", CLI_RIGHT, 0 },   { "NAME", CLI_LEFT, 0 }, { "ACTIVE", CLI_LEFT, 0 },
    { "WHEN", CLI_LEFT, 70 }, { "THEN", CLI_LEFT, 0 },
};

static void rule_row(struct table *table, struct cli *cli, const void *record)
{
    const arc_escalation_rule *rule = record;

    table_addf(table, "%lld", (long long)arc_escalation_rule_id(rule));
    table_add(table, arc_escalation_rule_name(rule));
    table_add(table, arc_escalation_rule_active(rule) ? "yes" : "no");
    table_add(table, conditions_text(cli, rule));
    table_add(table, actions_text(cli, rule));
}

LISTING_PAGES(escalation_rule);

static const struct listing_kind rule_listing = {
    .json_key = "rules",
    .columns = rule_columns,
    .column_count = sizeof rule_columns / sizeof *rule_columns,
    .json = rule_json,
    .row = rule_row,
    .pages = &escalation_rule_pages,
};

static int rule_list(struct cli *cli, int argc, char **argv)
{
    int include_inactive = 0;
    const struct cli_option options[] = {
        { "all", CLI_FLAG, &include_inactive },
        { NULL, CLI_FLAG, NULL },
    };
    arc_escalation_rule_page *page = NULL;
    struct cli_args args;
    int rc, status = cli_parse_args(cli, argc, argv, options, 0, 0, &args);

    if (status == CLI_OK)
        status = cli_open(cli, CLI_OPEN_EXISTING);
    if (status != CLI_OK)
        return status;

    rc = arc_escalation_rule_list(&page, cli->db, include_inactive);
    return listing_print_page(cli, &rule_listing, rc, page);
}

const struct cli_command cli_automation_commands[] = {
    { "automation", "run", automation_run,
      "apply the escalation rules and raise overdue alerts, as of now",
      "Usage: arcollect automation run [--json]\n"
      "\n"
      "In one transaction, as of the book's clock (see --now): apply the active\n"
      "escalation rules to every dispute that is not resolved, then record a\n"
      "dispute.overdue event for each dispute past its due date and an\n"
      "invoice.overdue event for each invoice past due with a balance. Running it\n"
      "again at the same moment changes nothing. Prints what it did.\n" },
    { NULL, NULL, NULL, NULL, NULL },
};

#define RULE_OPTIONS_HELP                                                                \
    "  --statuses LIST            states it applies to: open,in_review,escalated,\n"     \
    "                             reopened (default all four)\n"                         \
    "  --days-in-state N          at least N days in its state\n"                        \
    "  --min-amount AMOUNT --currency CODE   disputed amount at least AMOUNT\n"          \
    "  --reason CODE              only this reason code\n"                               \
    "  --days-since-contact N     no communication with the customer for N days\n"       \
    "  --below-level N            escalation level below N\n"                            \
    "  --actions LIST             escalate,alert,reassign,set_due_date\n"                \
    "  --assign-to USER           the new owner, for reassign\n"                         \
    "  --due-in-days N            the new due date, N days after the run\n"              \
    "  --active | --inactive      whether the rule runs (default active)\n"

const struct cli_command cli_rule_commands[] = {
    { "rule", "add", rule_add, "add an escalation rule",
      "Usage: arcollect rule add NAME --actions LIST [CONDITIONS] [--json]\n"
      "\n"
      "Add a rule that 'arcollect automation run' applies to disputes that are\n"
      "not resolved and meet all its conditions:\n" RULE_OPTIONS_HELP },
    { "rule", "update", rule_update, "change some fields of an escalation rule",
      "Usage: arcollect rule update RULE [--name NAME] [OPTIONS] [--json]\n"
      "\n"
      "RULE is a name or id. Options given replace those fields; an empty value\n"
      "clears --reason, --assign-to and --min-amount; 0 clears a day "
      "count.\n" RULE_OPTIONS_HELP },
    { "rule", "show", rule_show, "show an escalation rule",
      "Usage: arcollect rule show RULE [--json]\n" },
    { "rule", "list", rule_list, "list the escalation rules in the order they run",
      "Usage: arcollect rule list [--all] [--json]\n"
      "\n"
      "List the active rules; --all lists idle ones too.\n" },
    { "rule", "delete", rule_delete, "delete an escalation rule",
      "Usage: arcollect rule delete RULE [--json]\n" },
    { NULL, NULL, NULL, NULL, NULL },
};
