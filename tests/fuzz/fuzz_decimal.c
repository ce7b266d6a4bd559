/*
 * Fuzz target for the exact decimals of quantities and rates (src/decimal.h).
 *
 * Input: the first byte gives the largest scale the parser may accept
 * (0 to 18); the text to parse runs from the second byte to the first NUL.
 * After that NUL, eight bytes give an amount (little-endian) and a ninth a
 * scale, which with the amount forms a second, arbitrary decimal.
 *
 * Checked on every input:
 * - arc_decimal_parse() accepts exactly the texts the grammar allows, with
 *   the value (coefficient, scale) and error code a plain reading gives;
 * - a parsed value formats as the canonical form of its text, and that
 *   text parses back to the same coefficient and scale;
 * - any decimal formats as canonical text that parses back to an equal value;
 * - arc_decimal_mul_round() and arc_decimal_percent_round() never fail
 *   except on overflow, and a result is the exact product rounded half away
 *   from zero, so it has the sign of the product.
 */
#include "fuzz_common.h"

#include "decimal.h"

#define LARGEST_SCALE 18

static uint64_t magnitude_of(int64_t value)
{
    return value < 0 ? (uint64_t)0 - (uint64_t)value : (uint64_t)value;
}

static int sign_of(int64_t value)
{
    return (value > 0) - (value < 0);
}

/* The decimal @p text states: 0 or the error the header names for it. */
static int expected_decimal(arc_decimal *value, const char *text, int max_scale)
{
    fuzz_decimal_text parts;
    fuzz_u128 magnitude = 0;
    uint64_t limit;

    if (!fuzz_split_decimal(&parts, text))
        return ARC_EINVAL;

    while (parts.fraction_length > 0 && parts.fraction[parts.fraction_length - 1] == '0')
        parts.fraction_length--;
    if (parts.fraction_length > (size_t)max_scale)
        return ARC_EINVAL;

    limit = parts.negative ? FUZZ_INT64_MIN_MAGNITUDE : (uint64_t)INT64_MAX;
    if (!fuzz_append_digits(&magnitude, parts.integer, parts.integer_length, limit) ||
        !fuzz_append_digits(&magnitude, parts.fraction, parts.fraction_length, limit))
        return ARC_EOVERFLOW;

    value->coefficient = fuzz_signed(magnitude, parts.negative);
    value->scale = (int)parts.fraction_length;
    return ARC_OK;
}

/*
 * The canonical text of a well-formed @p text: no leading zeros before the
 * point, no trailing zeros after it, no point without a fraction, no '-'
 * on zero.
 */
static void canonical_text(char *canonical, size_t size, const char *text)
{
    fuzz_decimal_text parts;
    size_t length = 0;
    bool zero;

    FUZZ_CHECK(fuzz_split_decimal(&parts, text), "canonical_text() takes parsed text");
    while (parts.integer_length > 1 && parts.integer[0] == '0') {
        parts.integer++;
        parts.integer_length--;
    }
    while (parts.fraction_length > 0 && parts.fraction[parts.fraction_length - 1] == '0')
        parts.fraction_length--;
    FUZZ_CHECK(parts.integer_length + parts.fraction_length + 3 <= size,
               "a parsed value has at most 19 significant digits");

    zero = parts.integer[0] == '0' && parts.fraction_length == 0;

    if (parts.negative && !zero)
        canonical[length++] = '-';
    memcpy(canonical + length, parts.integer, parts.integer_length);
    length += parts.integer_length;
    if (parts.fraction_length > 0) {
        canonical[length++] = '.';
        memcpy(canonical + length, parts.fraction, parts.fraction_length);
        length += parts.fraction_length;
    }
    canonical[length] = '\0';
}

/* @p value formats to a text that parses back to an equal value. */
static void check_format(arc_decimal value)
{
    char text[ARC_DECIMAL_BUFSIZE + 8];
    char canonical[ARC_DECIMAL_BUFSIZE];
    arc_decimal parsed = { 0, 0 };

    memset(text, 0x5a, sizeof(text));
    arc_decimal_format(text, value);
    FUZZ_CHECK(memchr(text, '\0', ARC_DECIMAL_BUFSIZE) != NULL,
               "format writes at most ARC_DECIMAL_BUFSIZE bytes");
    for (size_t i = ARC_DECIMAL_BUFSIZE; i < sizeof(text); i++)
        FUZZ_CHECK(text[i] == 0x5a, "format writes nothing past ARC_DECIMAL_BUFSIZE");

    FUZZ_CHECK(arc_decimal_parse(&parsed, text, LARGEST_SCALE) == ARC_OK,
               "formatted text parses");
    canonical_text(canonical, sizeof(canonical), text);
    FUZZ_CHECK(strcmp(text, canonical) == 0, "format writes canonical text");
    FUZZ_CHECK(arc_decimal_cmp(parsed, value) == 0,
               "formatted text parses back to an equal value");
    FUZZ_CHECK(arc_decimal_sign(parsed) == sign_of(value.coefficient),
               "the sign survives formatting");
}

/*
 * @p result is amount * coefficient / 10^exponent rounded half away from
 * zero, or ARC_EOVERFLOW when that rounded value does not fit in 64 bits.
 */
static void check_rounded(int rc, int64_t result, int64_t amount, int64_t coefficient,
                          int exponent)
{
    fuzz_i128 product = (fuzz_i128)amount * coefficient;
    fuzz_u128 product_magnitude = product < 0 ? -(fuzz_u128)product : (fuzz_u128)product;
    fuzz_i128 divisor = 1;
    fuzz_i128 scaled_result;
    fuzz_i128 error;
    fuzz_u128 error_magnitude;
    fuzz_u128 overflow_threshold;
    uint64_t limit = product < 0 ? FUZZ_INT64_MIN_MAGNITUDE : (uint64_t)INT64_MAX;
    bool too_large;

    for (int i = 0; i < exponent; i++)
        divisor *= 10;

    /* The rounded magnitude passes INT64_MAX (or 2^63 for a negative product)
     * exactly when 2 |product| >= (2 limit + 1) divisor. */
    too_large = !__builtin_mul_overflow((fuzz_u128)limit * 2 + 1, (fuzz_u128)divisor,
                                        &overflow_threshold) &&
                product_magnitude * 2 >= overflow_threshold;

    if (rc != ARC_OK) {
        FUZZ_CHECK(rc == ARC_EOVERFLOW, "a product fails only on overflow");
        FUZZ_CHECK(too_large, "overflow is reported only when the result does not fit");
        return;
    }
    FUZZ_CHECK(!too_large, "a result that does not fit is reported as overflow");

    if (result != 0)
        FUZZ_CHECK(sign_of(result) == sign_of(amount) * sign_of(coefficient),
                   "a product has the sign of its factors");

    FUZZ_CHECK(!__builtin_mul_overflow((fuzz_i128)result, divisor, &scaled_result),
               "a result is near the exact product");
    error = scaled_result - product;
    error_magnitude = error < 0 ? -(fuzz_u128)error : (fuzz_u128)error;
    FUZZ_CHECK(error_magnitude * 2 <= (fuzz_u128)divisor,
               "a result is within half a unit of the exact product");
    if (error_magnitude * 2 == (fuzz_u128)divisor)
        FUZZ_CHECK(magnitude_of(result) * (fuzz_u128)divisor > product_magnitude,
                   "a tie rounds away from zero");
}

static void check_products(int64_t amount, arc_decimal value)
{
    bool valid_scale = value.scale >= 0 && value.scale <= LARGEST_SCALE;
    int64_t result = 0;
    int64_t percent = 0;
    int64_t shifted = 0;
    int rc;

    rc = arc_decimal_mul_round(&result, amount, value);
    if (!valid_scale) {
        FUZZ_CHECK(rc < 0, "mul_round refuses a scale outside 0 to 18");
        FUZZ_CHECK(arc_decimal_percent_round(&percent, amount, value) < 0,
                   "percent_round refuses a scale outside 0 to 18");
        return;
    }
    check_rounded(rc, result, amount, value.coefficient, value.scale);

    rc = arc_decimal_percent_round(&percent, amount, value);
    check_rounded(rc, percent, amount, value.coefficient, value.scale + 2);

    /* A percentage is the same product with the point two places further left. */
    if (value.scale + 2 <= LARGEST_SCALE) {
        arc_decimal hundredth = { value.coefficient, value.scale + 2 };

        FUZZ_CHECK(arc_decimal_mul_round(&shifted, amount, hundredth) == rc,
                   "percent_round fails as mul_round by a hundredth does");
        FUZZ_CHECK(rc != ARC_OK || shifted == percent,
                   "percent_round equals mul_round by a hundredth");
    }
}

/* Parse @p text and check the outcome; whether it parsed into @p value. */
static bool check_parse(arc_decimal *value, const char *text, int max_scale)
{
    arc_decimal expected = { 0, 0 };
    char canonical[ARC_DECIMAL_BUFSIZE];
    char formatted[ARC_DECIMAL_BUFSIZE];
    arc_decimal reparsed = { 0, 0 };
    int expected_rc = expected_decimal(&expected, text, max_scale);
    int rc = arc_decimal_parse(value, text, max_scale);

    FUZZ_CHECK(rc == expected_rc, "parse accepts exactly what the grammar allows, "
                                  "with the error code the header names");
    if (rc != ARC_OK) {
        FUZZ_CHECK(rc < 0, "a failure returns a negative code");
        return false;
    }

    FUZZ_CHECK(value->coefficient == expected.coefficient &&
                   value->scale == expected.scale,
               "parse gives the coefficient and scale the text states");
    FUZZ_CHECK(value->scale >= 0 && value->scale <= max_scale,
               "parse respects the largest scale");

    canonical_text(canonical, sizeof(canonical), text);
    arc_decimal_format(formatted, *value);
    FUZZ_CHECK(strcmp(formatted, canonical) == 0,
               "a parsed value formats as the canonical form of its text");

    FUZZ_CHECK(arc_decimal_parse(&reparsed, formatted, max_scale) == ARC_OK,
               "canonical text parses under the same largest scale");
    FUZZ_CHECK(reparsed.coefficient == value->coefficient &&
                   reparsed.scale == value->scale,
               "canonical text parses back to the same coefficient and scale");
    return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const int64_t edge_amounts[] = { 0,     1,         -1,        50,       -50,
                                            12345, 100000000, INT64_MAX, INT64_MIN };
    int max_scale = size > 0 ? data[0] % (LARGEST_SCALE + 1) : 0;
    const uint8_t *rest = size > 0 ? data + 1 : data;
    size_t rest_size = size > 0 ? size - 1 : 0;
    const uint8_t *nul = memchr(rest, '\0', rest_size);
    const uint8_t *tail = nul != NULL ? nul + 1 : rest + rest_size;
    size_t tail_size = (size_t)(rest + rest_size - tail);
    int64_t amount = fuzz_int64_from_bits(fuzz_read_le64(tail, tail_size));
    arc_decimal arbitrary = { amount, tail_size > 8 ? tail[8] % 21 - 1 : max_scale };
    arc_decimal parsed = { 0, 0 };
    bool has_parsed;
    char *text;

    text = fuzz_text_copy(rest, rest_size);
    has_parsed = check_parse(&parsed, text, max_scale);
    free(text);

    if (arbitrary.scale >= 0 && arbitrary.scale <= LARGEST_SCALE) {
        check_format(arbitrary);
        if (has_parsed)
            FUZZ_CHECK(sign_of(arc_decimal_cmp(parsed, arbitrary)) ==
                           -sign_of(arc_decimal_cmp(arbitrary, parsed)),
                       "cmp is antisymmetric");
    }

    check_products(amount, arbitrary);
    if (has_parsed)
        check_products(amount, parsed);
    for (size_t i = 0; i < sizeof(edge_amounts) / sizeof(edge_amounts[0]); i++) {
        check_products(edge_amounts[i], arbitrary);
        if (has_parsed)
            check_products(edge_amounts[i], parsed);
    }
    return 0;
}
