/*
 * Error messages and exit statuses. Every message goes to stderr as one line
 * that starts with the command and names the record, option or value at
 * fault; the library's own message (arc_error_last()) is passed on whole.
 */
#include "cli.h"

int cli_exit_status(int arc_code)
{
    switch (arc_code) {
    case ARC_OK:
        return CLI_OK;
    case ARC_ENOTFOUND:
        return CLI_NOT_FOUND;
    case ARC_EINVAL:
    case ARC_EOVERFLOW:
        return CLI_INVALID;
    case ARC_EEXISTS:
    case ARC_ECONFLICT:
        return CLI_CONFLICT;
    case ARC_EBUSY:
        return CLI_BUSY;
    case ARC_ESTORAGE:
    case ARC_ENOTBOOK:
    case ARC_EVERSION:
        return CLI_STORAGE;
    default:
        return CLI_FAILURE;
    }
}

static void print_prefix(const struct cli *cli)
{
    if (cli->command != NULL)
        fprintf(stderr, "%s %s: ", cli->program, cli->command);
    else
        fprintf(stderr, "%s: ", cli->program);
}

int cli_fail(struct cli *cli, int arc_code, const char *fmt, ...)
{
    const char *message = arc_error_last();
    va_list args;

    print_prefix(cli);
    if (fmt != NULL) {
        va_start(args, fmt);
        vfprintf(stderr, fmt, args);
        va_end(args);
        if (message[0] != '\0')
            fputs(": ", stderr);
    }
    if (message[0] != '\0')
        fputs(message, stderr);
    else if (fmt == NULL)
        fputs(arc_error_name(arc_code), stderr);
    fputc('\n', stderr);
    arc_error_clear();
    return cli_exit_status(arc_code);
}

int cli_fail_plain(struct cli *cli, int status, const char *fmt, ...)
{
    va_list args;

    print_prefix(cli);
    va_start(args, fmt);
    vfprintf(stderr, fmt, args);
    va_end(args);
    fputc('\n', stderr);
    return status;
}

int cli_usage(struct cli *cli, const char *fmt, ...)
{
    va_list args;

    print_prefix(cli);
    va_start(args, fmt);
    vfprintf(stderr, fmt, args);
    va_end(args);
    if (cli->command != NULL)
        fprintf(stderr, "; see '%s %s --help'", cli->program, cli->command);
    fputc('\n', stderr);
    return CLI_USAGE;
}

int cli_invalid(struct cli *cli, const char *option, const char *fmt, ...)
{
    va_list args;

    print_prefix(cli);
    fprintf(stderr, "%s: ", option);
    va_start(args, fmt);
    vfprintf(stderr, fmt, args);
    va_end(args);
    fputc('\n', stderr);
    return CLI_INVALID;
}
