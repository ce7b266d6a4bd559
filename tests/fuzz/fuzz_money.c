/*
 * Fuzz target for amounts as text. The first byte picks a currency, the
 * rest is the amount to parse. Checked on every input:
 *
 * - arc_money_parse() accepts exactly the texts the header describes, with
 *   the value and error code a plain reading of the text gives;
 * - whatever parses formats with exactly the currency's minor digits and
 *   parses back to the same amount;
 * - formatting needs a buffer one byte longer than the text, and a buffer
 *   that is too small is refused and left untouched;
 * - any 64-bit amount (from the bytes after the first) formats and parses
 *   back.
 */
#include "fuzz_common.h"

#include "arcollect/money.h"

/* The value of @p text as the header defines it: 0 or the error expected. */
static int expected_amount(int64_t *amount, const char *text, int minor_digits)
{
    fuzz_decimal_text parts;
    fuzz_u128 magnitude = 0;
    uint64_t limit;

    if (!fuzz_split_decimal(&parts, text))
        return ARC_EINVAL;
    if (parts.fraction_length > (size_t)minor_digits)
        return ARC_EINVAL;

    limit = parts.negative ? FUZZ_INT64_MIN_MAGNITUDE : (uint64_t)INT64_MAX;
    if (!fuzz_append_digits(&magnitude, parts.integer, parts.integer_length, limit) ||
        !fuzz_append_digits(&magnitude, parts.fraction, parts.fraction_length, limit) ||
        !fuzz_append_digits(&magnitude, "0000",
                            (size_t)minor_digits - parts.fraction_length, limit))
        return ARC_EOVERFLOW;

    *amount = fuzz_signed(magnitude, parts.negative);
    return ARC_OK;
}

/* Formatted text is '-'? digits without leading zeros, then exactly the minor digits. */
static void check_canonical(const char *text, int64_t amount, int minor_digits)
{
    fuzz_decimal_text parts;

    FUZZ_CHECK(fuzz_split_decimal(&parts, text), "format writes a plain decimal");
    FUZZ_CHECK(parts.negative == (amount < 0), "format writes '-' only for a debit");
    FUZZ_CHECK(parts.integer_length == 1 || parts.integer[0] != '0',
               "format writes no leading zeros");
    FUZZ_CHECK(parts.fraction_length == (size_t)minor_digits,
               "format writes exactly the currency's minor digits");
}

/* Format @p amount every way the header allows, and parse each text back. */
static void check_format(int64_t amount, const char *currency, int minor_digits)
{
    char text[ARC_MONEY_BUFSIZE];
    char exact[ARC_MONEY_BUFSIZE];
    char small[ARC_MONEY_BUFSIZE];
    char untouched[ARC_MONEY_BUFSIZE];
    int64_t parsed = 0;
    size_t length;
    int rc;

    FUZZ_CHECK(arc_money_format(text, sizeof(text), amount, currency) == ARC_OK,
               "any amount formats into ARC_MONEY_BUFSIZE bytes");
    length = strlen(text);
    FUZZ_CHECK(length < ARC_MONEY_BUFSIZE, "formatted text fits with its NUL");
    check_canonical(text, amount, minor_digits);

    FUZZ_CHECK(arc_money_parse(&parsed, text, currency) == ARC_OK,
               "formatted text parses");
    FUZZ_CHECK(parsed == amount, "formatted text parses back to the same amount");

    FUZZ_CHECK(arc_money_format(exact, length + 1, amount, currency) == ARC_OK,
               "a buffer of length + 1 bytes suffices");
    FUZZ_CHECK(strcmp(exact, text) == 0, "the text does not depend on the buffer size");

    memset(small, 0x5a, sizeof(small));
    memcpy(untouched, small, sizeof(small));
    rc = arc_money_format(small, length, amount, currency);
    FUZZ_CHECK(rc == ARC_EINVAL, "a buffer without room for the NUL is refused");
    fuzz_check_reported(rc);
    FUZZ_CHECK(memcmp(small, untouched, sizeof(small)) == 0,
               "a refused buffer is left untouched");
}

static void check_parse(const char *text, const char *currency, int minor_digits)
{
    int64_t amount = 0;
    int64_t expected = 0;
    int expected_rc = expected_amount(&expected, text, minor_digits);
    int rc = arc_money_parse(&amount, text, currency);

    FUZZ_CHECK(rc == expected_rc, "parse accepts exactly the texts the header allows, "
                                  "with the error code it names");
    if (rc != ARC_OK) {
        fuzz_check_reported(rc);
        return;
    }

    FUZZ_CHECK(amount == expected, "parse gives the amount the text states");
    check_format(amount, currency, minor_digits);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t index = size > 0 ? data[0] % arc_currency_count() : 0;
    const char *currency = arc_currency_code_at(index);
    const uint8_t *rest = size > 0 ? data + 1 : data;
    size_t rest_size = size > 0 ? size - 1 : 0;
    int minor_digits = -1;
    char *text;

    FUZZ_CHECK(currency != NULL, "every index below arc_currency_count() has a code");
    FUZZ_CHECK(arc_currency_lookup(&minor_digits, currency) == ARC_OK,
               "every listed code is known");
    FUZZ_CHECK(minor_digits >= 0 && minor_digits <= 4,
               "a currency has 0 to 4 minor digits");

    text = fuzz_text_copy(rest, rest_size);
    check_parse(text, currency, minor_digits);
    free(text);

    check_format(fuzz_int64_from_bits(fuzz_read_le64(rest, rest_size)), currency,
                 minor_digits);
    return 0;
}
