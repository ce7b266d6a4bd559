/*
 * Amounts as text: exact parsing into minor units and formatting back with
 * exactly the currency's minor digits. Integers only.
 */
#include "arcollect/money.h"

#include <inttypes.h>
#include <stdbool.h>
#include <string.h>

#include "decimal.h"
#include "error.h"
#include "util.h"

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/*
 * Whether @p text is an optional '-', digits, and optionally '.' and more
 * digits. Counts the digits after the point into @p fraction_digits.
 */
static bool is_plain_decimal(const char *text, size_t *fraction_digits)
{
    const char *cursor = text[0] == '-' ? text + 1 : text;
    const char *fraction;

    if (!is_digit(*cursor))
        return false;
    while (is_digit(*cursor))
        cursor++;

    fraction = cursor;
    if (*cursor == '.') {
        fraction = ++cursor;
        if (!is_digit(*cursor))
            return false;
        while (is_digit(*cursor))
            cursor++;
    }

    *fraction_digits = (size_t)(cursor - fraction);
    return *cursor == '\0';
}

static int64_t power_of_ten(int exponent)
{
    int64_t power = 1;

    for (int i = 0; i < exponent; i++)
        power *= 10;
    return power;
}

int arc_money_parse(int64_t *out, const char *text, const char *currency)
{
    arc_decimal value;
    size_t fraction_digits;
    int minor_digits;
    int64_t amount;
    int rc;

    if (out == NULL)
        return arc_fail(ARC_EINVAL, "money: output pointer is NULL");
    if (text == NULL)
        return arc_fail(ARC_EINVAL, "money: amount: required");

    rc = arc_currency_lookup(&minor_digits, currency);
    if (rc != ARC_OK)
        return rc;

    if (!is_plain_decimal(text, &fraction_digits))
        return arc_fail(ARC_EINVAL,
                        "money: amount \"%s\": expected digits with an optional '-' "
                        "and an optional '.' and fraction",
                        text);
    if (fraction_digits > (size_t)minor_digits)
        return arc_fail(ARC_EINVAL, "money: amount \"%s\": %s allows %d decimal places",
                        text, currency, minor_digits);

    /* The text is well formed, so only overflow can fail from here on. */
    if (arc_decimal_parse(&value, text, minor_digits) != ARC_OK ||
        !arc_mul_i64(&amount, value.coefficient,
                     power_of_ten(minor_digits - value.scale)))
        return arc_fail(ARC_EOVERFLOW,
                        "money: amount \"%s\": does not fit in 64 bits of %s minor units",
                        text, currency);

    *out = amount;
    return ARC_OK;
}

/* Write @p amount with exactly @p minor_digits after the point; returns the length. */
static size_t write_amount(char text[ARC_MONEY_BUFSIZE], int64_t amount, int minor_digits)
{
    char reversed[ARC_MONEY_BUFSIZE];
    uint64_t magnitude = amount < 0 ? (uint64_t)0 - (uint64_t)amount : (uint64_t)amount;
    int count = 0;
    size_t length = 0;

    do {
        reversed[count++] = (char)('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude != 0);
    while (count < minor_digits + 1)
        reversed[count++] = '0';

    if (amount < 0)
        text[length++] = '-';
    for (int i = count - 1; i >= 0; i--) {
        text[length++] = reversed[i];
        if (i == minor_digits && i > 0)
            text[length++] = '.';
    }
    text[length] = '\0';
    return length;
}

int arc_money_format(char *buf, size_t size, int64_t amount, const char *currency)
{
    char text[ARC_MONEY_BUFSIZE];
    size_t length;
    int minor_digits;
    int rc;

    rc = arc_currency_lookup(&minor_digits, currency);
    if (rc != ARC_OK)
        return rc;

    length = write_amount(text, amount, minor_digits);
    if (buf == NULL || size <= length)
        return arc_fail(ARC_EINVAL, "money: buffer of %zu bytes: \"%s\" needs %zu", size,
                        text, length + 1);

    memcpy(buf, text, length + 1);
    return ARC_OK;
}

int arc_money_add(int64_t *out, int64_t a, int64_t b)
{
    int64_t sum;

    if (out == NULL)
        return arc_fail(ARC_EINVAL, "money: output pointer is NULL");

    if (!arc_add_i64(&sum, a, b))
        return arc_fail(ARC_EOVERFLOW,
                        "money: %" PRId64 " + %" PRId64 ": sum does not fit in 64 bits",
                        a, b);

    *out = sum;
    return ARC_OK;
}
