/**
 * @file arcollect/money.h
 * @brief Currencies and exact decimal money.
 *
 * Amounts are integers counting the minor unit of their currency: 1234 USD
 * is 12.34 dollars, 1234 JPY is 1,234 yen, 1234 KWD is 1.234 dinars. The
 * library knows every active ISO 4217 currency and its number of minor
 * digits. Parsing and formatting are exact: nothing is rounded, and an
 * amount that does not fit in 64 bits is reported as #ARC_EOVERFLOW.
 */
#ifndef ARCOLLECT_MONEY_H
#define ARCOLLECT_MONEY_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Size of a buffer that holds any formatted amount with its NUL. */
#define ARC_MONEY_BUFSIZE 32

/**
 * Look up a currency by its ISO 4217 alphabetic code.
 *
 * @param[out] minor_digits Receives the number of minor digits (0 for JPY,
 *             2 for USD, 3 for KWD); may be NULL to only check the code.
 * @param code  Three upper-case letters, such as "USD".
 * @return #ARC_OK, or #ARC_EINVAL when @p code is NULL, malformed or not an
 *         active currency.
 */
ARC_EXTERN int arc_currency_lookup(int *minor_digits, const char *code);

/**
 * The number of active currencies the library knows.
 *
 * @return The count; arc_currency_code_at() takes indexes below it.
 */
ARC_EXTERN size_t arc_currency_count(void);

/**
 * The code of the i-th known currency, in alphabetical order.
 *
 * @param index 0 to arc_currency_count() - 1.
 * @return A static string such as "AED", owned by the library; NULL when @p index
 *         is out of range.
 */
ARC_EXTERN const char *arc_currency_code_at(size_t index);

/**
 * Parse a decimal amount into minor units of a currency.
 *
 * Accepts an optional leading '-', digits, and at most as many fraction
 * digits as the currency has ("12", "12.3" and "12.30" are 1230 in USD;
 * "12.345" is refused in USD and accepted in KWD). No grouping separators,
 * exponent or spaces.
 *
 * @param[out] out Receives the amount in minor units.
 * @param text     The decimal text.
 * @param currency An ISO 4217 code.
 * @return #ARC_OK; #ARC_EINVAL for a NULL @p out or @p text, malformed text, too
 *         many fraction digits or an unknown currency; #ARC_EOVERFLOW when the
 *         amount does not fit.
 */
ARC_EXTERN int arc_money_parse(int64_t *out, const char *text, const char *currency);

/**
 * Format an amount of minor units as a plain decimal ("-1234.50" in USD,
 * "1235" in JPY, "0.005" in KWD), with exactly the currency's minor digits.
 *
 * @param[out] buf Receives the text and its NUL.
 * @param size     Size of @p buf; #ARC_MONEY_BUFSIZE always suffices.
 * @param amount   The amount in minor units.
 * @param currency An ISO 4217 code.
 * @return #ARC_OK, or #ARC_EINVAL for an unknown currency or a NULL or too
 *         small buffer (then @p buf is left untouched).
 */
ARC_EXTERN int arc_money_format(char *buf, size_t size, int64_t amount,
                                const char *currency);

/**
 * Add two amounts, reporting overflow instead of wrapping.
 *
 * @param[out] out Receives @p a + @p b.
 * @param a        An amount in minor units.
 * @param b        Another amount in minor units of the same currency.
 * @return #ARC_OK; #ARC_EINVAL for a NULL @p out; #ARC_EOVERFLOW when the sum
 *         does not fit in 64 bits (then @p out is left untouched).
 */
ARC_EXTERN int arc_money_add(int64_t *out, int64_t a, int64_t b);

#ifdef __cplusplus
}
#endif

#endif
