/*
 * Setting the thread-local last error. Every failing path in the library
 * goes through arc_fail(), so that a returned code always has a message.
 */
#ifndef ARC_SRC_ERROR_H
#define ARC_SRC_ERROR_H

#include "arcollect/common.h"

/*
 * Record a failure on this thread and return @p code, so that callers can
 * write `return arc_fail(ARC_EINVAL, "customer: name: required");`.
 */
int arc_fail(int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/*
 * Prefix the current message with a context ("invoice INV-7: "), keeping
 * its code, and return that code. Used when a lower layer's message needs
 * the record it was about.
 */
int arc_fail_context(int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

#endif
