/**
 * @file arcollect/common.h
 * @brief Types, error codes and conventions shared by every part of the API.
 *
 * Conventions that hold throughout libarcollect:
 *
 * - Every function that can fail returns an `int`: 0 (#ARC_OK) on success or
 *   a negative `ARC_E...` code. After a failure, arc_error_last() describes
 *   it, naming the field or record at fault.
 * - Out-parameters come first. On failure they are left untouched unless a
 *   function says otherwise.
 * - Strings are NUL-terminated UTF-8. Strings passed in are copied; the
 *   caller keeps ownership. Strings returned by accessors are borrowed from
 *   the handle they came from and stay valid until that handle is freed.
 * - Money is an integer number of minor units (cents for USD, yen for JPY,
 *   fils for KWD) together with an ISO 4217 currency code. No float is used
 *   anywhere in the library.
 * - The library never prints, exits or aborts.
 */
#ifndef ARCOLLECT_COMMON_H
#define ARCOLLECT_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "arcollect/version.h"

/**
 * @def ARC_EXTERN
 * Marks a function as part of the public, exported API.
 *
 * On Windows it is `__declspec(dllexport)` while the DLL itself is built
 * (`ARC_BUILDING_SHARED`) and `__declspec(dllimport)` in programs that define
 * `ARC_SHARED` to link against the DLL. With GCC and Clang it gives the symbol
 * default visibility, since the library is built with hidden visibility. Elsewhere
 * it expands to nothing.
 */
#if defined(_WIN32) && defined(ARC_BUILDING_SHARED)
#define ARC_EXTERN __declspec(dllexport)
#elif defined(_WIN32) && defined(ARC_SHARED)
#define ARC_EXTERN __declspec(dllimport)
#elif defined(__GNUC__) && __GNUC__ >= 4
#define ARC_EXTERN __attribute__((visibility("default")))
#else
#define ARC_EXTERN
#endif

#ifdef __cplusplus
extern "C" {
#endif

/** Identifier of a record in a book. Valid identifiers are positive. */
typedef int64_t arc_id;

/**
 * A calendar date, counted in days since 1970-01-01 (which is day 0).
 * Dates have no time zone. See arcollect/date.h for conversions.
 */
typedef int32_t arc_date;

/** "No date": an optional date that was not given. */
#define ARC_DATE_NONE INT32_MIN

/** An instant in UTC, in whole seconds since 1970-01-01T00:00:00Z. */
typedef int64_t arc_time;

/** Error codes. Every failure is one of these negative values. */
typedef enum arc_error_code {
    ARC_OK = 0,      /**< Success. */
    ARC_ERROR = -1,  /**< An error that fits no other code. */
    ARC_EINVAL = -2, /**< Invalid input: a field is missing, malformed or out of range. */
    ARC_ENOTFOUND = -3, /**< The record named does not exist. */
    ARC_EEXISTS = -4,   /**< A record with that unique key already exists. */
    ARC_ECONFLICT =
        -5, /**< Refused by the record's state (invalid transition, over-application). */
    ARC_EBUSY =
        -6, /**< The book is locked by another connection past the busy timeout. */
    ARC_ENOMEM = -7,     /**< Out of memory. */
    ARC_ESTORAGE = -8,   /**< The storage failed (I/O error, corruption, full disk). */
    ARC_ENOTBOOK = -9,   /**< The file or database is not a libarcollect book. */
    ARC_EVERSION = -10,  /**< The book was written by a newer library, or a struct version
                            is unknown. */
    ARC_EOVERFLOW = -11, /**< An amount or count does not fit in its integer type. */
    ARC_EUNSUPPORTED =
        -12 /**< The operation is not supported here (for example by the backend). */
} arc_error_code;

/**
 * Describe the last failure on the calling thread.
 *
 * @return A message such as "invoice INV-1042: line 3: quantity: must be
 *         positive", or "" when no call on this thread has failed yet or since
 *         arc_error_clear(). The string is owned by the library; do not free it. It
 *         stays valid until the next failing call on the same thread.
 */
ARC_EXTERN const char *arc_error_last(void);

/**
 * The code of the last failure on the calling thread.
 *
 * A successful call does not reset it; arc_error_clear() does.
 *
 * @return The negative code of the last failure on this thread, or #ARC_OK when
 *         no call on this thread has failed yet or since arc_error_clear().
 */
ARC_EXTERN int arc_error_last_code(void);

/**
 * Clear the calling thread's last error, so that arc_error_last() returns "".
 */
ARC_EXTERN void arc_error_clear(void);

/**
 * The symbolic name of an error code.
 *
 * @param code A value of #arc_error_code.
 * @return A static string such as "ARC_ENOTFOUND", or "ARC_UNKNOWN" for a
 *         value that is not an error code.
 */
ARC_EXTERN const char *arc_error_name(int code);

/**
 * The version of the library that is running.
 *
 * @return The version as "MAJOR.MINOR.PATCH"; a static string.
 */
ARC_EXTERN const char *arc_version_string(void);

/**
 * The version of the library that is running, as numbers.
 *
 * Any pointer may be NULL.
 *
 * @param[out] major Receives the major version (the SONAME).
 * @param[out] minor Receives the minor version.
 * @param[out] patch Receives the patch version.
 */
ARC_EXTERN void arc_version(int *major, int *minor, int *patch);

#ifdef __cplusplus
}
#endif

#endif
