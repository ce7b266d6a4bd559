/**
 * @file arcollect/db.h
 * @brief Opening a book, its clock, transactions and book-wide settings.
 *
 * A book holds the receivables records of one company. An #arc_db handle is
 * one connection to a book; it may be used by one thread at a time. Several
 * handles, in one process or in several, may have the same book open: each
 * write waits for the others up to the busy timeout.
 */
#ifndef ARCOLLECT_DB_H
#define ARCOLLECT_DB_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** An open book. Opaque. */
typedef struct arc_db arc_db;

/**
 * A clock: returns the current instant in UTC seconds. Everything in the
 * library that depends on "now" (default dates, record timestamps) reads the
 * book's clock, so a test can make it deterministic.
 *
 * @param clock_data The @ref arc_db_options::clock_data given to arc_db_open().
 * @return The current instant.
 */
typedef arc_time (*arc_clock_fn)(void *clock_data);

/** Flags for arc_db_options::flags. */
enum arc_db_flags {
    /** Fail with #ARC_ENOTFOUND instead of creating a book that does not exist. */
    ARC_DB_NO_CREATE = 1u << 0,
    /**
     * Use SQLite's synchronous=NORMAL instead of FULL. Faster commits; a power
     * loss may undo the last transactions (the book stays consistent).
     */
    ARC_DB_SYNC_NORMAL = 1u << 1
};

/** Version of #arc_db_options that this header describes. */
#define ARC_DB_OPTIONS_VERSION 1

/** Options for arc_db_open(). Initialise with #ARC_DB_OPTIONS_INIT. */
typedef struct arc_db_options {
    unsigned int version; /**< #ARC_DB_OPTIONS_VERSION. */
    unsigned int flags;   /**< Bitwise or of #arc_db_flags. */
    arc_clock_fn clock;   /**< The book's clock; NULL for the system clock. */
    void *clock_data;     /**< Passed to @ref clock; not owned by the library. */
    int busy_timeout_ms;  /**< How long a write waits for a lock; 0 for 5000 ms. */
} arc_db_options;

/** Initialiser for #arc_db_options with every default. */
#define ARC_DB_OPTIONS_INIT                                                              \
    {                                                                                    \
        ARC_DB_OPTIONS_VERSION, 0, NULL, NULL, 0                                         \
    }

/**
 * Reset an options struct to its defaults, as #ARC_DB_OPTIONS_INIT does.
 *
 * @param opts    The struct to fill.
 * @param version #ARC_DB_OPTIONS_VERSION.
 * @return #ARC_OK; #ARC_EINVAL for a NULL @p opts; #ARC_EVERSION for a version
 *         this library does not know.
 */
ARC_EXTERN int arc_db_options_init(arc_db_options *opts, unsigned int version);

/**
 * Open a book, creating it when it does not exist.
 *
 * The URI is a file path or a `sqlite:` URI (`sqlite:/path/book.db`) for the
 * embedded SQLite book, the default. A new book is created with the current
 * schema; an existing one written by an older library is migrated forward in
 * one transaction.
 *
 * @param[out] out Receives the handle; free it with arc_db_close().
 * @param uri      Where the book is.
 * @param opts     Options, or NULL for every default.
 * @return #ARC_OK; #ARC_EINVAL for a NULL @p out, a NULL or empty @p uri or bad
 *         options; #ARC_EUNSUPPORTED for a `scheme://` URI with no backend;
 *         #ARC_EVERSION for an unknown options version or a book written by
 *         a newer library; #ARC_ENOTBOOK for a file that is not a book;
 *         #ARC_ENOTFOUND with #ARC_DB_NO_CREATE and no book; #ARC_EBUSY;
 *         #ARC_ESTORAGE; #ARC_ENOMEM.
 */
ARC_EXTERN int arc_db_open(arc_db **out, const char *uri, const arc_db_options *opts);

/**
 * Close a book and free the handle. A transaction still open is rolled back.
 *
 * @param db The book, or NULL (ignored).
 */
ARC_EXTERN void arc_db_close(arc_db *db);

/**
 * Delete a book for good: the file of an SQLite book (with the files SQLite
 * keeps beside it), or every record of a book on a database server. Close
 * every handle on the book first. Something that is not a book is left
 * alone.
 *
 * @param uri  The book, as given to arc_db_open().
 * @param opts Options (only the busy timeout is used), or NULL.
 * @return #ARC_OK; #ARC_ENOTFOUND when there is no such book; #ARC_ENOTBOOK
 *         for a file that is not a book; #ARC_EINVAL for a NULL or empty
 *         @p uri; #ARC_EUNSUPPORTED for a backend that cannot delete books;
 *         #ARC_EVERSION; #ARC_EBUSY; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_book_delete(const char *uri, const arc_db_options *opts);

/**
 * Begin a transaction that groups several calls into one atomic change.
 *
 * Every call is atomic on its own: one that fails inside a transaction undoes
 * only its own work and leaves the transaction usable. The exception is a
 * failure of the storage itself (#ARC_ESTORAGE, #ARC_ENOMEM) part-way
 * through a call's writes: the whole transaction is then rolled back, the
 * error message says so, and arc_tx_active() returns 0. Transactions do not
 * nest.
 *
 * @param db The book.
 * @return #ARC_OK; #ARC_EINVAL for a NULL @p db; #ARC_ECONFLICT when a
 *         transaction is already open;
 *         #ARC_EBUSY when another connection holds the write lock past the
 *         busy timeout; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_tx_begin(arc_db *db);

/**
 * Commit the open transaction.
 *
 * @param db The book.
 * @return #ARC_OK; #ARC_EINVAL for a NULL @p db; #ARC_ECONFLICT when no
 *         transaction is open; #ARC_EBUSY; #ARC_ESTORAGE (the transaction is
 *         then rolled back).
 */
ARC_EXTERN int arc_tx_commit(arc_db *db);

/**
 * Roll back the open transaction, undoing every call made in it.
 *
 * @param db The book.
 * @return #ARC_OK; #ARC_EINVAL for a NULL @p db; #ARC_ECONFLICT when no
 *         transaction is open; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_tx_rollback(arc_db *db);

/**
 * Whether a transaction begun with arc_tx_begin() is open.
 *
 * @param db The book, or NULL.
 * @return 1 when a transaction is open, else 0 (also for a NULL @p db).
 */
ARC_EXTERN int arc_tx_active(const arc_db *db);

/**
 * The current instant by the book's clock.
 *
 * @param db The book, or NULL.
 * @return What the clock returns; 0 for a NULL @p db.
 */
ARC_EXTERN arc_time arc_db_now(const arc_db *db);

/**
 * Today's date (UTC) by the book's clock.
 *
 * @param db The book, or NULL.
 * @return The date of arc_db_now(); for a NULL @p db that is day 0, 1970-01-01
 *         (not #ARC_DATE_NONE).
 */
ARC_EXTERN arc_date arc_db_today(const arc_db *db);

/**
 * The book's identifier: 32 lower-case hex digits chosen at random when the
 * book was created.
 *
 * @param db The book, or NULL.
 * @return A string owned by @p db, valid until arc_db_close(); NULL for a NULL
 *         @p db.
 */
ARC_EXTERN const char *arc_db_book_id(const arc_db *db);

/**
 * The schema version of the open book, read when it was opened (after any
 * migration).
 *
 * @param db The book, or NULL.
 * @return The version, at least 1; 0 for a NULL @p db.
 */
ARC_EXTERN int arc_db_schema_version(const arc_db *db);

/** The kinds of document numbered from a book-wide sequence. */
typedef enum arc_sequence {
    ARC_SEQUENCE_INVOICE = 0,    /**< Invoice numbers; by default "INV-000001". */
    ARC_SEQUENCE_CREDIT_MEMO = 1 /**< Credit memo numbers; by default "CM-000001". */
} arc_sequence;

/**
 * Set how numbers are generated for documents created without one:
 * @p prefix followed by the next sequence number, zero-padded to @p width
 * digits ("INV-" and 6 give "INV-000042").
 *
 * @param db       The book.
 * @param sequence Which kind of document.
 * @param prefix   Up to 32 bytes of UTF-8; may be "".
 * @param next     The next sequence number to use; at least 1.
 * @param width    Minimum digits, 1 to 18.
 * @return #ARC_OK; #ARC_EINVAL naming the bad argument (a NULL @p db or
 *         @p prefix included); #ARC_EBUSY; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_db_set_numbering(arc_db *db, arc_sequence sequence, const char *prefix,
                                    int64_t next, int width);

/** Size of a buffer that holds a token from arc_token_generate(), with its NUL. */
#define ARC_TOKEN_BUFSIZE 33

/**
 * Write a random token of 32 lower-case hex digits (128 bits from the
 * operating system's secure generator), suitable as an idempotency key.
 *
 * @param[out] buf Receives the token and its NUL.
 * @param size     Size of @p buf; at least #ARC_TOKEN_BUFSIZE.
 * @return #ARC_OK; #ARC_EINVAL for a NULL or small buffer; #ARC_ERROR when the
 *         generator cannot be initialised.
 */
ARC_EXTERN int arc_token_generate(char *buf, size_t size);

#ifdef __cplusplus
}
#endif

#endif
