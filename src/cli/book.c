/*
 * Opening the book, its clock, and the one transaction each command that
 * writes runs in: a command either changes the book as asked or not at all.
 */
#include <string.h>

#include "cli.h"

#define SECONDS_PER_DAY 86400

static arc_time fixed_clock(void *clock_data)
{
    return *(const arc_time *)clock_data;
}

int cli_open_with_clock(struct cli *cli, enum cli_open_mode mode, arc_clock_fn clock,
                        void *clock_data)
{
    arc_db_options options = ARC_DB_OPTIONS_INIT;
    int rc;

    if (cli->db != NULL)
        return CLI_OK;

    if (mode == CLI_OPEN_EXISTING)
        options.flags |= ARC_DB_NO_CREATE;
    options.busy_timeout_ms = cli->busy_timeout_ms;
    if (clock != NULL) {
        options.clock = clock;
        options.clock_data = clock_data;
    } else if (cli->fixed_now) {
        options.clock = fixed_clock;
        options.clock_data = &cli->now;
    }

    rc = arc_db_open(&cli->db, cli->db_uri, &options);
    if (rc == ARC_ENOTFOUND && mode == CLI_OPEN_EXISTING) {
        arc_error_clear();
        return cli_fail_plain(cli, CLI_NOT_FOUND,
                              "book %s: does not exist; create it with 'arcollect "
                              "book create' or name another with --db",
                              cli->db_uri);
    }
    if (rc != ARC_OK) {
        cli->db = NULL;
        return cli_fail(cli, rc, "book %s", cli->db_uri);
    }
    return CLI_OK;
}

int cli_open(struct cli *cli, enum cli_open_mode mode)
{
    return cli_open_with_clock(cli, mode, NULL, NULL);
}

void cli_close(struct cli *cli)
{
    if (cli->db == NULL)
        return;
    if (arc_tx_active(cli->db))
        arc_tx_rollback(cli->db);
    arc_db_close(cli->db);
    cli->db = NULL;
}

int cli_begin(struct cli *cli)
{
    int rc = arc_tx_begin(cli->db);

    if (rc != ARC_OK)
        return cli_fail(cli, rc, "book %s", cli->db_uri);
    return CLI_OK;
}

/* Open the book, which must exist, for a read that --customer may narrow to
 * one customer: when @p customer_key is not NULL, *@p customer_id is the id of
 * the customer it names. */
int cli_open_for_customer(struct cli *cli, const char *customer_key, arc_id *customer_id)
{
    int status = cli_open(cli, CLI_OPEN_EXISTING);

    if (status == CLI_OK && customer_key != NULL)
        status = cli_find_customer_id(cli, customer_key, customer_id);
    return status;
}

/* Open the book, which must exist, and begin the one transaction of a
 * command that writes; cli_finish() ends it. */
int cli_open_to_write(struct cli *cli)
{
    int status = cli_open(cli, CLI_OPEN_EXISTING);

    if (status == CLI_OK)
        status = cli_begin(cli);
    return status;
}

/* End the command's transaction: commit when @p status is success, else roll
 * back. Returns the status to exit with. */
int cli_finish(struct cli *cli, int status)
{
    int rc;

    if (cli->db == NULL || !arc_tx_active(cli->db))
        return status;

    if (status != CLI_OK) {
        arc_tx_rollback(cli->db);
        return status;
    }

    rc = arc_tx_commit(cli->db);
    if (rc != ARC_OK)
        return cli_fail(cli, rc, "book %s: commit", cli->db_uri);
    return CLI_OK;
}

static int parse_digits(const char *text, size_t count, int *out)
{
    int value = 0;

    for (size_t i = 0; i < count; i++) {
        if (text[i] < '0' || text[i] > '9')
            return ARC_EINVAL;
        value = value * 10 + (text[i] - '0');
    }
    *out = value;
    return ARC_OK;
}

/* "YYYY-MM-DD" is noon UTC that day; "YYYY-MM-DDTHH:MM[:SS][Z]" (or with a
 * space for the T) is that instant in UTC. */
int cli_parse_instant(arc_time *out, const char *text)
{
    char date_text[ARC_DATE_BUFSIZE];
    size_t length = strlen(text);
    int hours = 12, minutes = 0, seconds = 0;
    arc_date date;

    if (length < 10)
        return ARC_EINVAL;
    memcpy(date_text, text, 10);
    date_text[10] = '\0';
    if (arc_date_parse(&date, date_text) != ARC_OK)
        return ARC_EINVAL;

    if (length > 10) {
        const char *clock = text + 11;
        size_t clock_length = length - 11;

        if (text[10] != 'T' && text[10] != ' ')
            return ARC_EINVAL;
        if (clock_length > 0 && clock[clock_length - 1] == 'Z')
            clock_length--;
        if (clock_length != 5 && clock_length != 8)
            return ARC_EINVAL;
        if (clock[2] != ':' || (clock_length == 8 && clock[5] != ':'))
            return ARC_EINVAL;
        seconds = 0;
        if (parse_digits(clock, 2, &hours) != ARC_OK ||
            parse_digits(clock + 3, 2, &minutes) != ARC_OK ||
            (clock_length == 8 && parse_digits(clock + 6, 2, &seconds) != ARC_OK))
            return ARC_EINVAL;
        if (hours > 23 || minutes > 59 || seconds > 59)
            return ARC_EINVAL;
    }

    *out = (arc_time)date * SECONDS_PER_DAY + hours * 3600 + minutes * 60 + seconds;
    return ARC_OK;
}
