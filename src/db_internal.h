/*
 * The book handle and the two ways the domain modules reach storage: a
 * write scope (atomic on its own, or a savepoint inside the host's
 * transaction) and a read scope (one consistent snapshot).
 */
#ifndef ARC_SRC_DB_INTERNAL_H
#define ARC_SRC_DB_INTERNAL_H

#include "store.h"

/*
 * Inside a host transaction the book holds the write lock, so no other
 * connection can take numbers: the sequences are then kept here and
 * written back once, when the transaction commits.
 */
struct arc_sequence_cache {
    bool loaded;
    bool dirty;
    struct arc_sequence_state state; /* state.next is the next number to give */
};

/* How a call inside the host's transaction is made atomic. */
enum arc_call_scope {
    ARC_SCOPE_SAVEPOINT, /* a savepoint, rolled back if the call fails */
    ARC_SCOPE_CHECKED    /* the call checks everything before its first write */
};

struct arc_db {
    const struct arc_store_ops *ops;
    arc_store *store;
    arc_clock_fn clock;
    void *clock_data;
    bool in_tx; /* arc_tx_begin() was called */
    char book_id[33];
    int schema_version;
    struct arc_sequence_cache sequences[2];         /* by arc_sequence */
    struct arc_sequence_cache sequences_at_call[2]; /* restored when a call fails */
    enum arc_call_scope call_scope;
    int64_t changes_at_call; /* the store's change count when a checked call began */
};

/* Open a write scope: a transaction, or a savepoint inside the host's. */
int arc_write_begin(arc_db *db);

/*
 * Open a write scope for a call that checks every rule before its first
 * write, so that once it writes only a storage failure can stop it. Inside
 * the host's transaction this takes no savepoint (which would copy every
 * page the call touches); if such a call still fails after writing, the
 * host's transaction is rolled back rather than left half-changed.
 */
int arc_write_begin_checked(arc_db *db);

/*
 * Close a write scope: keep its work when @p rc is 0, undo it otherwise.
 * Returns @p rc, or the commit's error when keeping the work fails.
 */
int arc_write_end(arc_db *db, int rc);

/* Open and close a read scope. arc_read_end returns @p rc. */
int arc_read_begin(arc_db *db);
int arc_read_end(arc_db *db, int rc);

/* Today by the book's clock, or @p date when it is given. */
arc_date arc_date_or_today(const arc_db *db, arc_date date);

/* Check paging options (NULL means the first page of everything) and turn
 * them into a backend filter; @p what names the list in messages. */
int arc_list_filter(struct arc_store_list *out, const arc_list_opts *opts,
                    const char *what);

/* Fail with ARC_EINVAL unless @p db is not NULL. */
#define ARC_CHECK_DB(db)                                                                 \
    do {                                                                                 \
        if ((db) == NULL)                                                                \
            return arc_fail(ARC_EINVAL, "db: must not be NULL");                         \
    } while (0)

#endif
