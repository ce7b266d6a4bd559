/*
 * Values given to options: dates, amounts, counts, record ids and names from
 * a fixed set. A bad value names its option and what was expected.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cli_value_date(struct cli *cli, const char *option, const char *text, arc_date *out)
{
    if (arc_date_parse(out, text) != ARC_OK) {
        arc_error_clear();
        return cli_invalid(cli, option, "\"%s\" is not a date (YYYY-MM-DD)", text);
    }
    return CLI_OK;
}

int cli_value_optional_date(struct cli *cli, const char *option, const char *text,
                            arc_date *out)
{
    if (text == NULL || text[0] == '\0') {
        *out = ARC_DATE_NONE;
        return CLI_OK;
    }
    return cli_value_date(cli, option, text, out);
}

int cli_value_money(struct cli *cli, const char *option, const char *text,
                    const char *currency, int64_t *out)
{
    int digits = 0;
    int rc;

    if (arc_currency_lookup(&digits, currency) != ARC_OK) {
        arc_error_clear();
        return cli_invalid(cli, option, "\"%s\" is not a currency code", currency);
    }

    rc = arc_money_parse(out, text, currency);
    arc_error_clear();
    if (rc == ARC_EOVERFLOW)
        return cli_invalid(cli, option, "\"%s\" is too large", text);
    if (rc != ARC_OK)
        return cli_invalid(cli, option,
                           "\"%s\" is not an amount in %s (digits, a '.' and at most %d "
                           "decimal%s)",
                           text, currency, digits, digits == 1 ? "" : "s");
    return CLI_OK;
}

int cli_value_int(struct cli *cli, const char *option, const char *text, long long min,
                  long long max, long long *out)
{
    char *end = NULL;
    long long value;

    errno = 0;
    value = strtoll(text, &end, 10);
    if (text[0] == '\0' || *end != '\0' || errno == ERANGE || value < min || value > max)
        return cli_invalid(cli, option, "\"%s\" is not a whole number from %lld to %lld",
                           text, min, max);
    *out = value;
    return CLI_OK;
}

int cli_value_id(struct cli *cli, const char *option, const char *text, arc_id *out)
{
    long long value;
    int status;

    if (text[0] == '#')
        text++;
    status = cli_value_int(cli, option, text, 1, INT64_MAX, &value);
    if (status == CLI_OK)
        *out = (arc_id)value;
    return status;
}

/* Names compare with '-' and '_' alike, so "written-off" is "written_off". */
static bool same_name(const char *given, const char *name)
{
    for (; *given != '\0' && *name != '\0'; given++, name++) {
        char a = *given == '-' ? '_' : *given;

        if (a != *name)
            return false;
    }
    return *given == '\0' && *name == '\0';
}

int cli_value_enum(struct cli *cli, const char *option, const char *text,
                   const char *(*name_of)(int), int count, int *out)
{
    char accepted[512] = "";
    size_t used = 0;

    for (int value = 0; value < count; value++) {
        const char *name = name_of(value);

        if (name != NULL && same_name(text, name)) {
            *out = value;
            return CLI_OK;
        }
    }

    for (int value = 0; value < count && used < sizeof accepted; value++) {
        int written = snprintf(accepted + used, sizeof accepted - used, "%s%s",
                               value == 0 ? "" : ", ", name_of(value));

        if (written > 0)
            used += (size_t)written;
    }
    return cli_invalid(cli, option, "\"%s\" is not one of %s", text, accepted);
}

const char *cli_default_user(void)
{
    const char *user = getenv("ARCOLLECT_USER");

    if (user == NULL || user[0] == '\0')
        user = getenv("USER");
    if (user == NULL || user[0] == '\0')
        return NULL;
    return user;
}
