/*
 * String copies, UTF-8 validation of input fields, and overflow-checked
 * integer arithmetic.
 */
#include "util.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"

char *arc_strdup(const char *s)
{
    size_t size;
    char *copy;

    if (s == NULL)
        return NULL;

    size = strlen(s) + 1;
    copy = malloc(size);
    if (copy == NULL)
        return NULL;

    memcpy(copy, s, size);
    return copy;
}

static bool is_continuation(unsigned char byte)
{
    return (byte & 0xC0) == 0x80;
}

/*
 * Length of the well-formed sequence that starts at @p bytes, of which
 * @p available are readable, or 0 when it is malformed. The allowed range
 * of the second byte is what rules out overlong forms, surrogates and code
 * points above U+10FFFF.
 */
static size_t sequence_length(const unsigned char *bytes, size_t available)
{
    unsigned char lead = bytes[0];
    unsigned char second_min = 0x80;
    unsigned char second_max = 0xBF;
    size_t length;

    if (lead < 0x80)
        return 1;
    if (lead >= 0xC2 && lead <= 0xDF)
        length = 2;
    else if (lead >= 0xE0 && lead <= 0xEF)
        length = 3;
    else if (lead >= 0xF0 && lead <= 0xF4)
        length = 4;
    else
        return 0;

    if (lead == 0xE0)
        second_min = 0xA0;
    else if (lead == 0xED)
        second_max = 0x9F;
    else if (lead == 0xF0)
        second_min = 0x90;
    else if (lead == 0xF4)
        second_max = 0x8F;

    if (available < length || bytes[1] < second_min || bytes[1] > second_max)
        return 0;
    for (size_t i = 2; i < length; i++) {
        if (!is_continuation(bytes[i]))
            return 0;
    }
    return length;
}

bool arc_utf8_valid(const char *s, size_t len)
{
    const unsigned char *bytes = (const unsigned char *)s;
    size_t offset = 0;

    if (s == NULL)
        return len == 0;

    while (offset < len) {
        size_t length = sequence_length(bytes + offset, len - offset);

        if (length == 0)
            return false;
        offset += length;
    }
    return true;
}

int arc_check_text(const char *what, const char *field, const char *value,
                   size_t max_bytes, bool required)
{
    size_t length;

    if (value == NULL || value[0] == '\0') {
        if (required)
            return arc_fail(ARC_EINVAL, "%s: %s: required", what, field);
        return ARC_OK;
    }

    length = strlen(value);
    if (!arc_utf8_valid(value, length))
        return arc_fail(ARC_EINVAL, "%s: %s: not valid UTF-8", what, field);

    if (length > max_bytes)
        return arc_fail(ARC_EINVAL, "%s: %s: longer than %zu bytes", what, field,
                        max_bytes);

    return ARC_OK;
}

bool arc_add_i64(int64_t *out, int64_t a, int64_t b)
{
    int64_t sum;

    if (__builtin_add_overflow(a, b, &sum))
        return false;

    *out = sum;
    return true;
}

bool arc_mul_i64(int64_t *out, int64_t a, int64_t b)
{
    int64_t product;

    if (__builtin_mul_overflow(a, b, &product))
        return false;

    *out = product;
    return true;
}
