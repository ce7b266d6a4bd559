/*
 * The thread-local last error behind arc_error_last().
 */
#include "error.h"
#include "arcollect/sys/backend.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define ARC_ERROR_MESSAGE_MAX 512

static _Thread_local char last_message[ARC_ERROR_MESSAGE_MAX];
static _Thread_local int last_code;

int arc_fail(int code, const char *fmt, ...)
{
    va_list args;

    va_start(args, fmt);
    vsnprintf(last_message, sizeof(last_message), fmt, args);
    va_end(args);
    last_code = code;
    return code;
}

int arc_error_set(int code, const char *format, ...)
{
    va_list args;

    va_start(args, format);
    vsnprintf(last_message, sizeof(last_message), format, args);
    va_end(args);
    last_code = code;
    return code;
}

int arc_fail_context(int code, const char *fmt, ...)
{
    char message[ARC_ERROR_MESSAGE_MAX];
    size_t prefix_length;
    va_list args;

    memcpy(message, last_message, sizeof(message));

    va_start(args, fmt);
    vsnprintf(last_message, sizeof(last_message), fmt, args);
    va_end(args);

    prefix_length = strlen(last_message);
    memcpy(last_message + prefix_length, message,
           sizeof(last_message) - prefix_length - 1);
    last_message[sizeof(last_message) - 1] = '\0';
    last_code = code;
    return code;
}

const char *arc_error_last(void)
{
    return last_message;
}

int arc_error_last_code(void)
{
    return last_code;
}

void arc_error_clear(void)
{
    last_message[0] = '\0';
    last_code = ARC_OK;
}

const char *arc_error_name(int code)
{
    switch (code) {
    case ARC_OK:
        return "ARC_OK";
    case ARC_ERROR:
        return "ARC_ERROR";
    case ARC_EINVAL:
        return "ARC_EINVAL";
    case ARC_ENOTFOUND:
        return "ARC_ENOTFOUND";
    case ARC_EEXISTS:
        return "ARC_EEXISTS";
    case ARC_ECONFLICT:
        return "ARC_ECONFLICT";
    case ARC_EBUSY:
        return "ARC_EBUSY";
    case ARC_ENOMEM:
        return "ARC_ENOMEM";
    case ARC_ESTORAGE:
        return "ARC_ESTORAGE";
    case ARC_ENOTBOOK:
        return "ARC_ENOTBOOK";
    case ARC_EVERSION:
        return "ARC_EVERSION";
    case ARC_EOVERFLOW:
        return "ARC_EOVERFLOW";
    case ARC_EUNSUPPORTED:
        return "ARC_EUNSUPPORTED";
    default:
        return "ARC_UNKNOWN";
    }
}
