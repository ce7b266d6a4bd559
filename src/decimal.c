/*
 * Exact decimals: parsing, canonical text, comparison, and the products
 * that price an invoice line (quantity times unit price, tax rate of a
 * base). Products are formed in 128 bits, so nothing is lost before the
 * single rounding step.
 */
#include "decimal.h"

#include <stdbool.h>
#include <stddef.h>

#include "arcollect/common.h"

__extension__ typedef unsigned __int128 u128;
__extension__ typedef __int128 i128;

#define MAX_SCALE 18

/* 2^63: the magnitude of INT64_MIN, one more than INT64_MAX. */
#define INT64_MIN_MAGNITUDE ((uint64_t)INT64_MAX + 1)

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static uint64_t magnitude_of(int64_t value)
{
    return value < 0 ? (uint64_t)0 - (uint64_t)value : (uint64_t)value;
}

/* The int64 whose magnitude is @p magnitude, which must not pass 2^63. */
static int64_t signed_from(uint64_t magnitude, bool negative)
{
    if (!negative)
        return (int64_t)magnitude;
    if (magnitude == INT64_MIN_MAGNITUDE)
        return INT64_MIN;
    return -(int64_t)magnitude;
}

static u128 power_of_ten(int exponent)
{
    u128 power = 1;

    for (int i = 0; i < exponent; i++)
        power *= 10;
    return power;
}

/* Append the digits in [first, last) to @p magnitude; false once it passes @p limit. */
static bool accumulate(uint64_t *magnitude, const char *first, const char *last,
                       uint64_t limit)
{
    for (const char *digit = first; digit < last; digit++) {
        unsigned value = (unsigned)(*digit - '0');

        if (*magnitude > (limit - value) / 10)
            return false;
        *magnitude = *magnitude * 10 + value;
    }
    return true;
}

int arc_decimal_parse(arc_decimal *out, const char *text, int max_scale)
{
    const char *integer, *integer_end, *fraction, *fraction_end;
    bool negative;
    uint64_t magnitude = 0;
    uint64_t limit;
    int scale;

    if (out == NULL || text == NULL)
        return ARC_EINVAL;

    negative = text[0] == '-';
    integer = negative ? text + 1 : text;
    integer_end = integer;
    while (is_digit(*integer_end))
        integer_end++;
    if (integer_end == integer)
        return ARC_EINVAL;

    fraction = fraction_end = integer_end;
    if (*integer_end == '.') {
        fraction = integer_end + 1;
        fraction_end = fraction;
        while (is_digit(*fraction_end))
            fraction_end++;
        if (fraction_end == fraction)
            return ARC_EINVAL;
    }
    if (*fraction_end != '\0')
        return ARC_EINVAL;

    while (fraction_end > fraction && fraction_end[-1] == '0')
        fraction_end--;
    scale = (int)(fraction_end - fraction);
    if (scale > max_scale || scale > MAX_SCALE)
        return ARC_EINVAL;

    limit = negative ? INT64_MIN_MAGNITUDE : (uint64_t)INT64_MAX;
    if (!accumulate(&magnitude, integer, integer_end, limit) ||
        !accumulate(&magnitude, fraction, fraction_end, limit))
        return ARC_EOVERFLOW;

    out->coefficient = signed_from(magnitude, negative);
    out->scale = scale;
    return ARC_OK;
}

void arc_decimal_format(char buf[ARC_DECIMAL_BUFSIZE], arc_decimal value)
{
    /* Digits from the least significant up, zero-padded to scale + 1. */
    char reversed[MAX_SCALE + 2];
    uint64_t magnitude = magnitude_of(value.coefficient);
    int scale = value.scale < 0 ? 0 : value.scale > MAX_SCALE ? MAX_SCALE : value.scale;
    int count = 0;
    int fraction_start = 0;
    size_t length = 0;

    do {
        reversed[count++] = (char)('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude != 0);
    while (count < scale + 1)
        reversed[count++] = '0';

    while (fraction_start < scale && reversed[fraction_start] == '0')
        fraction_start++;

    if (value.coefficient < 0)
        buf[length++] = '-';
    for (int i = count - 1; i >= scale; i--)
        buf[length++] = reversed[i];
    if (fraction_start < scale) {
        buf[length++] = '.';
        for (int i = scale - 1; i >= fraction_start; i--)
            buf[length++] = reversed[i];
    }
    buf[length] = '\0';
}

int arc_decimal_sign(arc_decimal value)
{
    return (value.coefficient > 0) - (value.coefficient < 0);
}

int arc_decimal_cmp(arc_decimal a, arc_decimal b)
{
    int common_scale = a.scale > b.scale ? a.scale : b.scale;
    i128 a_scaled = (i128)a.coefficient * (i128)power_of_ten(common_scale - a.scale);
    i128 b_scaled = (i128)b.coefficient * (i128)power_of_ten(common_scale - b.scale);

    return (a_scaled > b_scaled) - (a_scaled < b_scaled);
}

/*
 * amount * coefficient / 10^exponent, rounded half away from zero. The
 * rounding works on magnitudes, so a negative result rounds exactly as
 * its positive mirror does.
 */
static int multiply_and_round(int64_t *out, int64_t amount, int64_t coefficient,
                              int exponent)
{
    bool negative = (amount < 0) != (coefficient < 0);
    u128 product = (u128)magnitude_of(amount) * magnitude_of(coefficient);
    u128 divisor = power_of_ten(exponent);
    u128 quotient = product / divisor;
    u128 remainder = product % divisor;

    if (remainder * 2 >= divisor)
        quotient++;

    if (quotient > (negative ? INT64_MIN_MAGNITUDE : (uint64_t)INT64_MAX))
        return ARC_EOVERFLOW;

    *out = signed_from((uint64_t)quotient, negative);
    return ARC_OK;
}

int arc_decimal_mul_round(int64_t *out, int64_t amount, arc_decimal value)
{
    if (out == NULL || value.scale < 0 || value.scale > MAX_SCALE)
        return ARC_EINVAL;

    return multiply_and_round(out, amount, value.coefficient, value.scale);
}

int arc_decimal_percent_round(int64_t *out, int64_t amount, arc_decimal percent)
{
    if (out == NULL || percent.scale < 0 || percent.scale > MAX_SCALE)
        return ARC_EINVAL;

    return multiply_and_round(out, amount, percent.coefficient, percent.scale + 2);
}
