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

/* Events written but not yet committed, kept only while someone subscribes,
 * and the subscribers to give them to after commit. */
struct arc_subscriber {
    int id;
    arc_event_fn fn;
    void *data;
};

struct arc_event_queue {
    struct arc_event *pending;
    size_t pending_count;
    size_t pending_capacity;
    size_t pending_at_call; /* restored when a call inside a transaction fails */
    struct arc_subscriber *subscribers;
    size_t subscriber_count;
    int next_subscription;
    bool delivering;
};

/* How a call inside the host's transaction is made atomic. */
enum arc_call_scope {
    ARC_SCOPE_SAVEPOINT, /* a savepoint, rolled back if the call fails */
    ARC_SCOPE_CHECKED    /* the call checks everything before its first write */
};

struct arc_db {
    const struct arc_backend *ops;
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
    struct arc_event_queue events; /* committed-to-be events for subscribers */
    size_t events_at_tx;           /* pending events when the host's transaction began */
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

/* An event of @p kind about @p record_id of @p customer_id, every other
 * field empty, for the caller to complete and emit. */
struct arc_event arc_event_about(arc_event_kind kind, arc_id record_id,
                                 arc_id customer_id);

/* An event carrying an amount in @p currency. */
void arc_event_set_amount(struct arc_event *event, int64_t amount, const char *currency);

/*
 * Append an event to the journal, in the current write scope, stamped with
 * the book's clock. @p event is only read (its id is not filled in).
 */
int arc_event_emit(arc_db *db, const struct arc_event *event);

/* After a commit: give the pending events to the subscribers. */
void arc_events_deliver(arc_db *db);

/* Forget pending events after the first @p keep (a rollback). */
void arc_events_discard(arc_db *db, size_t keep);

/* Release the queue when the handle closes. */
void arc_events_free(arc_db *db);

/* Check and record a communication in the caller's write scope; another
 * module's record (a dispute's first note) can so be written with it. */
int arc_communication_record_in_scope(arc_db *db, const arc_communication_opts *opts,
                                      arc_id *out);

/* Fail with ARC_EINVAL unless @p db is not NULL. */
#define ARC_CHECK_DB(db)                                                                 \
    do {                                                                                 \
        if ((db) == NULL)                                                                \
            return arc_fail(ARC_EINVAL, "db: must not be NULL");                         \
    } while (0)

#endif
