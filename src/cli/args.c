/*
 * The options and arguments of one subcommand: --name, --name VALUE,
 * --name=VALUE, repeatable options, positional arguments, and "--" to end the
 * options.
 */
#include <string.h>

#include "cli.h"

void cli_list_push(struct cli *cli, struct cli_list *list, const char *item)
{
    if (list->count == list->capacity) {
        size_t capacity = list->capacity == 0 ? 8 : list->capacity * 2;
        const char **items = cli_alloc(cli, capacity * sizeof *items);

        if (list->count > 0)
            memcpy(items, list->items, list->count * sizeof *items);
        list->items = items;
        list->capacity = capacity;
    }
    list->items[list->count++] = item;
}

static const struct cli_option *find_option(const struct cli_option *options,
                                            const char *name, size_t length)
{
    for (const struct cli_option *option = options; option && option->name; option++) {
        if (strlen(option->name) == length && strncmp(option->name, name, length) == 0)
            return option;
    }
    return NULL;
}

static int take_option(struct cli *cli, const struct cli_option *options, int argc,
                       char **argv, int *index)
{
    const char *arg = argv[*index] + 2;
    const char *equals = strchr(arg, '=');
    size_t length = equals ? (size_t)(equals - arg) : strlen(arg);
    const struct cli_option *option = find_option(options, arg, length);
    const char *value = equals ? equals + 1 : NULL;

    if (option == NULL)
        return cli_usage(cli, "--%.*s: unknown option", (int)length, arg);

    if (option->kind == CLI_FLAG) {
        if (value != NULL)
            return cli_usage(cli, "--%s: takes no value", option->name);
        *(int *)option->target = 1;
        return CLI_OK;
    }

    if (value == NULL) {
        if (*index + 1 >= argc)
            return cli_usage(cli, "--%s: needs a value", option->name);
        value = argv[++*index];
    }

    if (option->kind == CLI_STRING)
        *(const char **)option->target = value;
    else
        cli_list_push(cli, option->target, value);
    return CLI_OK;
}

int cli_parse_args(struct cli *cli, int argc, char **argv,
                   const struct cli_option *options, size_t min_positional,
                   size_t max_positional, struct cli_args *args)
{
    bool options_ended = false;

    args->positional = cli_alloc(cli, ((size_t)argc + 1) * sizeof *args->positional);
    args->count = 0;

    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i];

        if (!options_ended && strcmp(arg, "--") == 0) {
            options_ended = true;
            continue;
        }
        if (!options_ended && strncmp(arg, "--", 2) == 0) {
            int status = take_option(cli, options, argc, argv, &i);

            if (status != CLI_OK)
                return status;
            continue;
        }
        args->positional[args->count++] = arg;
    }

    if (args->count < min_positional)
        return cli_usage(cli, "expects %s%zu argument%s, got %zu",
                         min_positional == max_positional ? "" : "at least ",
                         min_positional, min_positional == 1 ? "" : "s", args->count);
    if (args->count > max_positional)
        return cli_usage(cli, "unexpected argument \"%s\"",
                         args->positional[max_positional]);
    return CLI_OK;
}

/* The start of a command whose one argument is a record's id, @p name in
 * messages, and that takes no options: check the arguments, read the id and
 * open the book. */
int cli_parse_id_and_open(struct cli *cli, int argc, char **argv, const char *name,
                          arc_id *id)
{
    struct cli_args args;
    int status = cli_parse_args(cli, argc, argv, NULL, 1, 1, &args);

    if (status == CLI_OK)
        status = cli_value_id(cli, name, args.positional[0], id);
    if (status == CLI_OK)
        status = cli_open(cli, CLI_OPEN_EXISTING);
    return status;
}

/* The command line of a list read a page at a time, which takes no arguments:
 * the command's own @p options, and --limit N, --after ID and --all into
 * @p paging. cli_paging_parse() then reads the paging values. */
int cli_parse_paged_args(struct cli *cli, int argc, char **argv,
                         const struct cli_option *options, struct cli_paging *paging)
{
    const struct cli_option paging_options[] = {
        { "limit", CLI_STRING, &paging->limit_text },
        { "after", CLI_STRING, &paging->after_text },
        { "all", CLI_FLAG, &paging->all },
    };
    const struct cli_option end = { NULL, CLI_FLAG, NULL };
    size_t own = 0, paging_count = sizeof paging_options / sizeof *paging_options;
    struct cli_option *all;
    struct cli_args args;

    while (options[own].name != NULL)
        own++;
    all = cli_alloc(cli, (own + paging_count + 1) * sizeof *all);
    memcpy(all, options, own * sizeof *all);
    memcpy(all + own, paging_options, sizeof paging_options);
    all[own + paging_count] = end;
    return cli_parse_args(cli, argc, argv, all, 0, 0, &args);
}

#define ALL_PAGE_SIZE 1000

int cli_paging_parse(struct cli *cli, struct cli_paging *paging)
{
    long long value = ARC_LIST_DEFAULT_LIMIT;
    int status = CLI_OK;

    if (paging->limit_text != NULL)
        status = cli_value_int(cli, "--limit", paging->limit_text, 1, ARC_LIST_MAX_LIMIT,
                               &value);
    if (status != CLI_OK)
        return status;
    paging->limit = (unsigned int)value;
    if (paging->all)
        paging->limit = ALL_PAGE_SIZE;

    paging->after = 0;
    if (paging->after_text != NULL)
        status = cli_value_id(cli, "--after", paging->after_text, &paging->after);
    return status;
}

/* Whether to read another page after one of @p page_count records. */
bool cli_paging_more(const struct cli_paging *paging, size_t page_count)
{
    return paging->all && page_count == paging->limit;
}
