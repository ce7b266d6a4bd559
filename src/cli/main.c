/*
 * arcollect: the command that operations staff and scripts use against a
 * book. This file reads the global options, finds the subcommand and runs it;
 * the subcommands live in cmd_*.c.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define ARENA_BLOCK_SIZE (64 * 1024)

struct cli_arena_block {
    struct cli_arena_block *next;
    size_t used;
    size_t size;
    _Alignas(max_align_t) unsigned char data[];
};

static const struct cli_command *const command_tables[] = {
    cli_book_commands,    cli_customer_commands,   cli_contact_commands,
    cli_invoice_commands, cli_payment_commands,    cli_credit_commands,
    cli_dispute_commands, cli_reason_commands,     cli_comm_commands,
    cli_event_commands,   cli_automation_commands, cli_rule_commands,
    cli_report_commands,  cli_demo_commands,
};

#define TABLE_COUNT (sizeof command_tables / sizeof command_tables[0])

static const char main_help[] =
    "Usage: arcollect [--db PATH|URI] [--now TIME] [--json] COMMAND [ARGS]\n"
    "\n"
    "Keep the receivables of one company in a book: customers, invoices,\n"
    "payments, credit memos, disputes and every communication with customers.\n"
    "\n"
    "Global options, accepted before or after the command:\n"
    "  --db PATH|URI  the book: a file path or a sqlite: URI; default $ARCOLLECT_DB,\n"
    "                 else ./arcollect.db\n"
    "  --now TIME     set the book's clock for this run: YYYY-MM-DD (noon UTC) or\n"
    "                 YYYY-MM-DDTHH:MM:SSZ; default $ARCOLLECT_NOW, else the system "
    "clock\n"
    "  --json         print one JSON document instead of tables\n"
    "  --busy-timeout MS  how long to wait for another writer's lock (default 5000)\n"
    "  --help         print help: 'arcollect NOUN VERB --help' for a command\n"
    "  --version      print the version of the command and the library\n"
    "\n"
    "Exit status: 0 success, 1 failure, 2 usage error, 3 not found, 4 invalid input,\n"
    "5 conflict or already exists, 6 book busy, 7 storage error.\n"
    "\n"
    "Commands:\n";

static void arena_free(struct cli_arena_block *block)
{
    while (block != NULL) {
        struct cli_arena_block *next = block->next;

        free(block);
        block = next;
    }
}

void cli_out_of_memory(void)
{
    fputs("arcollect: out of memory\n", stderr);
    exit(CLI_FAILURE);
}

void *cli_alloc(struct cli *cli, size_t size)
{
    struct cli_arena_block *block = cli->arena;
    size_t aligned = (size + _Alignof(max_align_t) - 1) & ~(_Alignof(max_align_t) - 1);
    void *memory;

    if (aligned < size)
        cli_out_of_memory();

    if (block == NULL || block->size - block->used < aligned) {
        size_t capacity = aligned > ARENA_BLOCK_SIZE ? aligned : ARENA_BLOCK_SIZE;

        block = malloc(sizeof *block + capacity);
        if (block == NULL)
            cli_out_of_memory();
        block->next = cli->arena;
        block->used = 0;
        block->size = capacity;
        cli->arena = block;
    }

    memory = block->data + block->used;
    block->used += aligned;
    memset(memory, 0, size);
    return memory;
}

char *cli_strdup(struct cli *cli, const char *text)
{
    size_t length = strlen(text);
    char *copy = cli_alloc(cli, length + 1);

    memcpy(copy, text, length + 1);
    return copy;
}

char *cli_printf(struct cli *cli, const char *fmt, ...)
{
    va_list args;
    int length;
    char *text;

    va_start(args, fmt);
    length = vsnprintf(NULL, 0, fmt, args);
    va_end(args);
    if (length < 0)
        cli_out_of_memory();

    text = cli_alloc(cli, (size_t)length + 1);
    va_start(args, fmt);
    vsnprintf(text, (size_t)length + 1, fmt, args);
    va_end(args);
    return text;
}

void cli_free_all(struct cli *cli)
{
    arena_free(cli->arena);
    cli->arena = NULL;
    cli->customer_refs = NULL;
    cli->invoice_numbers = NULL;
}

static void print_command_list(FILE *out, const char *noun)
{
    for (size_t t = 0; t < TABLE_COUNT; t++) {
        for (const struct cli_command *c = command_tables[t]; c->noun != NULL; c++) {
            char name[48];

            if (noun != NULL && strcmp(noun, c->noun) != 0)
                continue;
            snprintf(name, sizeof name, "%s%s%s", c->noun, c->verb ? " " : "",
                     c->verb ? c->verb : "");
            fprintf(out, "  %-22s %s\n", name, c->summary);
        }
    }
}

static bool noun_exists(const char *noun)
{
    for (size_t t = 0; t < TABLE_COUNT; t++) {
        for (const struct cli_command *c = command_tables[t]; c->noun != NULL; c++) {
            if (strcmp(noun, c->noun) == 0)
                return true;
        }
    }
    return false;
}

static const struct cli_command *find_command(const char *noun, const char *verb)
{
    for (size_t t = 0; t < TABLE_COUNT; t++) {
        for (const struct cli_command *c = command_tables[t]; c->noun != NULL; c++) {
            if (strcmp(noun, c->noun) != 0)
                continue;
            if (c->verb == NULL || (verb != NULL && strcmp(verb, c->verb) == 0))
                return c;
        }
    }
    return NULL;
}

static bool is_help(const char *arg)
{
    return strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0;
}

/* Take the global options out of argv, wherever they are before a "--", and
 * leave the rest in order. */
static int take_global_options(struct cli *cli, int *argc, char **argv, bool *version)
{
    const char *now_text = getenv("ARCOLLECT_NOW");
    const char *busy_text = NULL;
    long long busy_ms = 0;
    int kept = 1;
    bool rest = false;

    for (int i = 1; i < *argc; i++) {
        const char *arg = argv[i];
        const char *value = NULL;

        if (rest || strncmp(arg, "--", 2) != 0) {
            argv[kept++] = argv[i];
            continue;
        }
        if (strcmp(arg, "--") == 0) {
            rest = true;
            argv[kept++] = argv[i];
        } else if (strcmp(arg, "--json") == 0) {
            cli->json = true;
        } else if (strcmp(arg, "--version") == 0 && kept == 1) {
            *version = true;
        } else if (strcmp(arg, "--db") == 0 || strcmp(arg, "--now") == 0 ||
                   strcmp(arg, "--busy-timeout") == 0) {
            if (i + 1 >= *argc)
                return cli_usage(cli, "%s: needs a value", arg);
            value = argv[++i];
        } else if (strncmp(arg, "--db=", 5) == 0 || strncmp(arg, "--now=", 6) == 0 ||
                   strncmp(arg, "--busy-timeout=", 15) == 0) {
            value = strchr(arg, '=') + 1;
        } else {
            argv[kept++] = argv[i];
            continue;
        }

        if (strncmp(arg, "--db", 4) == 0)
            cli->db_uri = value;
        else if (strncmp(arg, "--now", 5) == 0)
            now_text = value;
        else
            busy_text = value;
    }
    *argc = kept;
    argv[kept] = NULL;

    if (busy_text != NULL) {
        if (cli_value_int(cli, "--busy-timeout", busy_text, 1, 3600000, &busy_ms) !=
            CLI_OK)
            return CLI_INVALID;
        cli->busy_timeout_ms = (int)busy_ms;
    }

    if (now_text != NULL && now_text[0] != '\0') {
        if (cli_parse_instant(&cli->now, now_text) != ARC_OK)
            return cli_invalid(cli, "--now",
                               "\"%s\" is not YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ",
                               now_text);
        cli->fixed_now = true;
    }
    return CLI_OK;
}

static int print_version(void)
{
    printf("arcollect %s (libarcollect %s)\n", ARC_VERSION_STRING, arc_version_string());
    return CLI_OK;
}

/* The list of commands, or of one noun's: on stdout when asked for, on stderr
 * after a usage error. */
static void print_help(FILE *out, const char *noun)
{
    if (noun == NULL) {
        fputs(main_help, out);
        print_command_list(out, NULL);
        fputs("\nSee 'arcollect NOUN VERB --help' and arcollect(1).\n", out);
        return;
    }
    fprintf(out, "Usage: arcollect %s VERB [ARGS]\n\nCommands:\n", noun);
    print_command_list(out, noun);
}

/* "help", "help NOUN" and "help NOUN VERB". */
static int run_help(struct cli *cli, int argc, char **argv)
{
    const struct cli_command *command;

    if (argc < 3) {
        print_help(stdout, NULL);
        return CLI_OK;
    }
    if (!noun_exists(argv[2]))
        return cli_usage(cli, "%s: no such command", argv[2]);
    command = find_command(argv[2], argc > 3 ? argv[3] : NULL);
    if (command == NULL) {
        print_help(stdout, argv[2]);
        return CLI_OK;
    }
    fputs(command->help, stdout);
    return CLI_OK;
}

static int dispatch(struct cli *cli, int argc, char **argv)
{
    const struct cli_command *command;
    const char *noun = argv[1];
    const char *verb = argc > 2 ? argv[2] : NULL;
    int first;

    if (strcmp(noun, "help") == 0)
        return run_help(cli, argc, argv);
    if (is_help(noun)) {
        print_help(stdout, NULL);
        return CLI_OK;
    }
    if (strcmp(noun, "version") == 0)
        return print_version();
    if (!noun_exists(noun))
        return cli_usage(cli, "%s: no such command; see 'arcollect --help'", noun);

    command = find_command(noun, verb);
    if (command == NULL) {
        if (verb != NULL && is_help(verb)) {
            print_help(stdout, noun);
            return CLI_OK;
        }
        if (verb == NULL) {
            print_help(stderr, noun);
            return CLI_USAGE;
        }
        return cli_usage(cli, "%s %s: no such command; see 'arcollect %s --help'", noun,
                         verb, noun);
    }

    first = command->verb == NULL ? 2 : 3;
    cli->command = cli_printf(cli, "%s%s%s", command->noun, command->verb ? " " : "",
                              command->verb ? command->verb : "");
    for (int i = first; i < argc && strcmp(argv[i], "--") != 0; i++) {
        if (is_help(argv[i])) {
            fputs(command->help, stdout);
            return CLI_OK;
        }
    }
    return command->run(cli, argc - first, argv + first);
}

static int usage_without_command(void)
{
    print_help(stderr, NULL);
    return CLI_USAGE;
}

int main(int argc, char **argv)
{
    struct cli cli = { 0 };
    bool version = false;
    int status;

    cli.program = "arcollect";
    cli.out = stdout;
    cli.db_uri = getenv("ARCOLLECT_DB");
    if (cli.db_uri == NULL || cli.db_uri[0] == '\0')
        cli.db_uri = "arcollect.db";

    status = take_global_options(&cli, &argc, argv, &version);
    if (status == CLI_OK) {
        if (version)
            status = print_version();
        else if (argc < 2)
            status = usage_without_command();
        else
            status = dispatch(&cli, argc, argv);
    }

    cli_close(&cli);
    cli_free_all(&cli);
    if (fflush(stdout) != 0 && status == CLI_OK) {
        fputs("arcollect: cannot write to standard output\n", stderr);
        status = CLI_FAILURE;
    }
    return status;
}
