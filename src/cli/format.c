/*
 * Text for amounts, dates and instants. Amounts keep every decimal of their
 * currency and never pass through floating point.
 */
#include <inttypes.h>

#include "cli.h"

#define SECONDS_PER_DAY 86400

void cli_format_amount(char *buf, size_t size, int64_t amount, const char *currency)
{
    if (currency == NULL || arc_money_format(buf, size, amount, currency) != ARC_OK) {
        arc_error_clear();
        snprintf(buf, size, "%" PRId64, amount);
    }
}

void cli_format_money(char *buf, size_t size, int64_t amount, const char *currency)
{
    char digits[ARC_MONEY_BUFSIZE];

    cli_format_amount(digits, sizeof digits, amount, currency);
    snprintf(buf, size, "%s %s", digits, currency ? currency : "");
}

void cli_format_date(char *buf, size_t size, arc_date date)
{
    if (date == ARC_DATE_NONE || arc_date_format(buf, size, date) != ARC_OK) {
        arc_error_clear();
        snprintf(buf, size, "-");
    }
}

/* The day of @p instant as text, and the seconds since its midnight. */
static int split_instant(char date_text[ARC_DATE_BUFSIZE], arc_time instant)
{
    arc_time day = instant / SECONDS_PER_DAY;
    arc_time rest = instant % SECONDS_PER_DAY;

    if (rest < 0) {
        rest += SECONDS_PER_DAY;
        day--;
    }
    cli_format_date(date_text, ARC_DATE_BUFSIZE, (arc_date)day);
    return (int)rest;
}

/* "2025-06-30T09:15:00Z" */
void cli_format_time(char *buf, size_t size, arc_time instant)
{
    char date_text[ARC_DATE_BUFSIZE];
    int seconds = split_instant(date_text, instant);

    snprintf(buf, size, "%sT%02d:%02d:%02dZ", date_text, seconds / 3600,
             seconds / 60 % 60, seconds % 60);
}

/* "2025-06-30 09:15", for tables. */
void cli_format_time_short(char *buf, size_t size, arc_time instant)
{
    char date_text[ARC_DATE_BUFSIZE];
    int seconds = split_instant(date_text, instant);

    snprintf(buf, size, "%s %02d:%02d", date_text, seconds / 3600, seconds / 60 % 60);
}

/* 1250 as "12.50"; a negative value (the library's "none") as "-". */
void cli_format_hundredths(char *buf, size_t size, int64_t hundredths)
{
    if (hundredths < 0)
        snprintf(buf, size, "-");
    else
        snprintf(buf, size, "%" PRId64 ".%02d", hundredths / 100,
                 (int)(hundredths % 100));
}

const char *cli_or_dash(const char *text)
{
    return text != NULL && text[0] != '\0' ? text : "-";
}
