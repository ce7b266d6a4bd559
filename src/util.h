/*
 * Small helpers shared by the domain modules: string copies, UTF-8
 * validation of input fields, and overflow-checked integer arithmetic.
 */
#ifndef ARC_SRC_UTIL_H
#define ARC_SRC_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A malloc'd copy of @p s, or NULL when @p s is NULL or memory runs out. */
char *arc_strdup(const char *s);

/* Whether the @p len bytes at @p s are well-formed UTF-8 (no overlongs, no
 * surrogates, nothing above U+10FFFF). */
bool arc_utf8_valid(const char *s, size_t len);

/*
 * Check an input text field: @p value must be valid UTF-8, at most
 * @p max_bytes long, and (when @p required) present and not empty.
 * On failure sets the error "<what>: <field>: ..." and returns ARC_EINVAL.
 */
int arc_check_text(const char *what, const char *field, const char *value,
                   size_t max_bytes, bool required);

/* a + b and a * b into *out; false on overflow (then *out is unchanged). */
bool arc_add_i64(int64_t *out, int64_t a, int64_t b);
bool arc_mul_i64(int64_t *out, int64_t a, int64_t b);

#endif
