/*
 * Exact decimals for quantities and tax rates, and the rounding rule for
 * invoice lines. A decimal is a coefficient and a scale: 1.5 is (15, 1).
 */
#ifndef ARC_SRC_DECIMAL_H
#define ARC_SRC_DECIMAL_H

#include <stdint.h>

typedef struct arc_decimal {
    int64_t coefficient; /* value = coefficient / 10^scale */
    int scale;           /* 0 to 18 */
} arc_decimal;

/* Longest canonical text of a decimal, with its NUL. */
#define ARC_DECIMAL_BUFSIZE 32

/*
 * Parse "12", "1.5", "0.125", "-3.25" (no exponent, no spaces, no '+').
 * At most @p max_scale digits after the point; trailing zeros count
 * against it only after being stripped ("1.50" has scale 1).
 * Returns 0, ARC_EINVAL (malformed, too many digits after the point) or
 * ARC_EOVERFLOW. Sets no error message: the caller names the field.
 */
int arc_decimal_parse(arc_decimal *out, const char *text, int max_scale);

/* Canonical text: no trailing zeros after the point, no point for whole
 * numbers ("1.5", "3", "-0.25"). @p buf has ARC_DECIMAL_BUFSIZE bytes. */
void arc_decimal_format(char buf[ARC_DECIMAL_BUFSIZE], arc_decimal value);

/* Sign of the value: -1, 0 or 1. */
int arc_decimal_sign(arc_decimal value);

/* Compare two decimals: <0, 0 or >0. */
int arc_decimal_cmp(arc_decimal a, arc_decimal b);

/*
 * amount * value, rounded to an integer half away from zero.
 * Returns 0, ARC_EOVERFLOW when the result does not fit in int64, or
 * ARC_EINVAL for a NULL @p out or a scale outside 0 to 18.
 */
int arc_decimal_mul_round(int64_t *out, int64_t amount, arc_decimal value);

/*
 * amount * value / 100, rounded half away from zero: a percentage of an
 * amount. Returns 0, ARC_EOVERFLOW or ARC_EINVAL, as arc_decimal_mul_round().
 */
int arc_decimal_percent_round(int64_t *out, int64_t amount, arc_decimal percent);

#endif
