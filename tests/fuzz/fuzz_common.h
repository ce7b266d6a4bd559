/*
 * Shared by the fuzz targets: the entry point every target defines, the
 * check that stops a run when a property fails, input helpers, and a plain
 * reading of the decimal grammar that the targets use as their reference.
 *
 * Only the harness may abort: a failed check means the library broke a
 * promise, and the fuzzer (or run_corpus) must stop on that input.
 */
#ifndef ARC_TESTS_FUZZ_COMMON_H
#define ARC_TESTS_FUZZ_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arcollect/common.h"

__extension__ typedef unsigned __int128 fuzz_u128;
__extension__ typedef __int128 fuzz_i128;

/* 2^63: the magnitude of INT64_MIN. */
#define FUZZ_INT64_MIN_MAGNITUDE ((uint64_t)INT64_MAX + 1)

/* Run one input through a target; 0 always (a broken property aborts). */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(condition, property)                                                  \
    do {                                                                                 \
        if (!(condition))                                                                \
            fuzz_fail(__FILE__, __LINE__, property);                                     \
    } while (0)

static inline void fuzz_fail(const char *file, int line, const char *property)
{
    fprintf(stderr, "%s:%d: property broken: %s\n", file, line, property);
    abort();
}

/* A NUL-terminated heap copy of the input, so that reading past it is caught. */
static inline char *fuzz_text_copy(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);

    if (text == NULL) {
        fprintf(stderr, "fuzz: out of memory copying %zu bytes\n", size);
        abort();
    }
    if (size > 0)
        memcpy(text, data, size);
    text[size] = '\0';
    return text;
}

/* Up to 8 bytes from @p data, little-endian; missing bytes count as zero. */
static inline uint64_t fuzz_read_le64(const uint8_t *data, size_t size)
{
    uint64_t value = 0;

    for (size_t i = 0; i < size && i < 8; i++)
        value |= (uint64_t)data[i] << (8 * i);
    return value;
}

static inline int64_t fuzz_int64_from_bits(uint64_t bits)
{
    int64_t value;

    memcpy(&value, &bits, sizeof(value));
    return value;
}

/* A public call failed: the code is negative and the thread's last error is it. */
static inline void fuzz_check_reported(int rc)
{
    FUZZ_CHECK(rc < 0, "a failure returns a negative code");
    FUZZ_CHECK(arc_error_last_code() == rc, "arc_error_last_code() is the code returned");
    FUZZ_CHECK(arc_error_last()[0] != '\0', "a failure leaves a message");
}

static inline bool fuzz_is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* The parts of a text of the form '-'? digits ('.' digits)?. */
typedef struct fuzz_decimal_text {
    bool negative;
    const char *integer;
    size_t integer_length;
    const char *fraction;
    size_t fraction_length;
} fuzz_decimal_text;

/* Split @p text into its parts; false when it is not of that form. */
static inline bool fuzz_split_decimal(fuzz_decimal_text *parts, const char *text)
{
    const char *cursor = text;

    parts->negative = *cursor == '-';
    if (parts->negative)
        cursor++;

    parts->integer = cursor;
    while (fuzz_is_digit(*cursor))
        cursor++;
    parts->integer_length = (size_t)(cursor - parts->integer);
    if (parts->integer_length == 0)
        return false;

    parts->fraction = cursor;
    parts->fraction_length = 0;
    if (*cursor == '.') {
        parts->fraction = ++cursor;
        while (fuzz_is_digit(*cursor))
            cursor++;
        parts->fraction_length = (size_t)(cursor - parts->fraction);
        if (parts->fraction_length == 0)
            return false;
    }
    return *cursor == '\0';
}

/*
 * Append @p count digits to @p magnitude; false once it passes @p limit, so
 * any number of digits can be read without wrapping.
 */
static inline bool fuzz_append_digits(fuzz_u128 *magnitude, const char *digits,
                                      size_t count, uint64_t limit)
{
    for (size_t i = 0; i < count; i++) {
        *magnitude = *magnitude * 10 + (fuzz_u128)(digits[i] - '0');
        if (*magnitude > limit)
            return false;
    }
    return true;
}

static inline int64_t fuzz_signed(fuzz_u128 magnitude, bool negative)
{
    fuzz_i128 value = negative ? -(fuzz_i128)magnitude : (fuzz_i128)magnitude;

    return (int64_t)value;
}

#endif
