/*
 * Opening books, the book's clock, transactions, and the write and read
 * scopes every domain call runs in.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db_internal.h"
#include "error.h"
#include "numbering.h"
#include "reason_code_internal.h"
#include "util.h"

static arc_time system_clock(void *clock_data)
{
    (void)clock_data;
    return (arc_time)time(NULL);
}

int arc_db_options_init(arc_db_options *opts, unsigned int version)
{
    const arc_db_options defaults = ARC_DB_OPTIONS_INIT;

    if (opts == NULL)
        return arc_fail(ARC_EINVAL, "db options: must not be NULL");
    if (version != ARC_DB_OPTIONS_VERSION)
        return arc_fail(ARC_EVERSION, "db options: version %u is not supported", version);
    *opts = defaults;
    return ARC_OK;
}

static int check_options(const arc_db_options *opts)
{
    if (opts->version != ARC_DB_OPTIONS_VERSION)
        return arc_fail(ARC_EVERSION, "db options: version %u is not supported",
                        opts->version);
    if (opts->flags & ~(unsigned int)(ARC_DB_NO_CREATE | ARC_DB_SYNC_NORMAL))
        return arc_fail(ARC_EINVAL, "db options: flags: unknown bits 0x%x", opts->flags);
    if (opts->busy_timeout_ms < 0)
        return arc_fail(ARC_EINVAL, "db options: busy_timeout_ms: must not be negative");
    return ARC_OK;
}

int arc_db_open(arc_db **out, const char *uri, const arc_db_options *opts)
{
    const arc_db_options defaults = ARC_DB_OPTIONS_INIT;
    struct arc_store_config config;
    const char *location = NULL;
    arc_db *db;
    int rc;

    if (out == NULL)
        return arc_fail(ARC_EINVAL, "db: out must not be NULL");
    if (uri == NULL || *uri == '\0')
        return arc_fail(ARC_EINVAL, "db: uri: required");
    if (opts == NULL)
        opts = &defaults;
    rc = check_options(opts);
    if (rc != ARC_OK)
        return rc;

    db = calloc(1, sizeof(*db));
    if (db == NULL)
        return arc_fail(ARC_ENOMEM, "db: out of memory");
    db->clock = opts->clock ? opts->clock : system_clock;
    db->clock_data = opts->clock_data;

    rc = arc_backend_resolve(&db->ops, &location, uri);
    if (rc == ARC_OK) {
        config.flags = opts->flags;
        config.busy_timeout_ms = opts->busy_timeout_ms;
        config.now = arc_db_now(db);
        config.reason_seeds = arc_reason_code_seeds(&config.reason_seed_count);
        rc = db->ops->open(&db->store, location, &config);
    }
    if (rc == ARC_OK)
        rc = db->ops->book_info(db->store, db->book_id, &db->schema_version);
    if (rc != ARC_OK) {
        if (db->store != NULL)
            db->ops->close(db->store);
        free(db);
        return rc;
    }

    *out = db;
    return ARC_OK;
}

int arc_book_delete(const char *uri, const arc_db_options *opts)
{
    const arc_db_options defaults = ARC_DB_OPTIONS_INIT;
    struct arc_store_config config = { 0 };
    const struct arc_backend *backend = NULL;
    const char *location = NULL;
    int rc;

    if (uri == NULL || *uri == '\0')
        return arc_fail(ARC_EINVAL, "db: uri: required");
    if (opts == NULL)
        opts = &defaults;
    rc = check_options(opts);
    if (rc == ARC_OK)
        rc = arc_backend_resolve(&backend, &location, uri);
    if (rc != ARC_OK)
        return rc;
    if (backend->drop == NULL)
        return arc_fail(ARC_EUNSUPPORTED,
                        "db: uri \"%s\": the %s backend cannot delete books", uri,
                        backend->name);
    config.flags = opts->flags;
    config.busy_timeout_ms = opts->busy_timeout_ms;
    config.reason_seeds = arc_reason_code_seeds(&config.reason_seed_count);
    return backend->drop(location, &config);
}

void arc_db_close(arc_db *db)
{
    if (db == NULL)
        return;
    if (db->in_tx)
        db->ops->rollback(db->store);
    arc_events_free(db);
    db->ops->close(db->store);
    free(db);
}

/*
 * A transaction, the host's or a single call's, is over: what it kept for
 * itself goes, and its events reach the subscribers only if it committed.
 */
static int finish_transaction(arc_db *db, int rc, size_t events_before)
{
    if (rc == ARC_OK)
        rc = db->ops->commit(db->store);
    else
        db->ops->rollback(db->store);

    if (rc == ARC_OK) {
        arc_events_deliver(db);
    } else {
        arc_events_discard(db, events_before);
    }
    return rc;
}

int arc_tx_begin(arc_db *db)
{
    int rc;

    ARC_CHECK_DB(db);
    if (db->in_tx)
        return arc_fail(ARC_ECONFLICT, "transaction: one is already open");
    rc = db->ops->begin(db->store);
    if (rc == ARC_OK) {
        db->in_tx = true;
        db->events_at_tx = db->events.pending_count;
    }
    return rc;
}

int arc_tx_commit(arc_db *db)
{
    int rc;

    ARC_CHECK_DB(db);
    if (!db->in_tx)
        return arc_fail(ARC_ECONFLICT, "transaction: none is open");
    rc = arc_numbering_flush(db);
    db->in_tx = false;
    arc_numbering_forget(db);
    return finish_transaction(db, rc, db->events_at_tx);
}

int arc_tx_rollback(arc_db *db)
{
    ARC_CHECK_DB(db);
    if (!db->in_tx)
        return arc_fail(ARC_ECONFLICT, "transaction: none is open");
    db->in_tx = false;
    arc_numbering_forget(db);
    arc_events_discard(db, db->events_at_tx);
    return db->ops->rollback(db->store);
}

int arc_tx_active(const arc_db *db)
{
    return db != NULL && db->in_tx;
}

/* What every write scope remembers, to undo a failed call's traces. */
static void remember_call(arc_db *db, enum arc_call_scope scope)
{
    db->events.pending_at_call = db->events.pending_count;
    if (!db->in_tx)
        return;
    memcpy(db->sequences_at_call, db->sequences, sizeof(db->sequences));
    db->call_scope = scope;
}

int arc_write_begin(arc_db *db)
{
    remember_call(db, ARC_SCOPE_SAVEPOINT);
    return db->in_tx ? db->ops->savepoint(db->store) : db->ops->begin(db->store);
}

int arc_write_begin_checked(arc_db *db)
{
    remember_call(db, ARC_SCOPE_CHECKED);
    if (!db->in_tx)
        return db->ops->begin(db->store);
    db->changes_at_call = db->ops->change_count(db->store);
    return ARC_OK;
}

/* A checked call failed inside the host's transaction. If it had written
 * anything, its work cannot be undone alone: the transaction is lost. */
static int end_checked_call(arc_db *db, int rc)
{
    if (db->ops->change_count(db->store) == db->changes_at_call)
        return rc;

    db->in_tx = false;
    arc_numbering_forget(db);
    arc_events_discard(db, db->events_at_tx);
    db->ops->rollback(db->store);
    return arc_fail_context(rc, "transaction rolled back: ");
}

int arc_write_end(arc_db *db, int rc)
{
    if (!db->in_tx)
        return finish_transaction(db, rc, db->events.pending_at_call);

    if (rc == ARC_OK)
        return db->call_scope == ARC_SCOPE_SAVEPOINT ? db->ops->release(db->store)
                                                     : ARC_OK;

    /* Undo the call's work, keeping the caller's error message. */
    memcpy(db->sequences, db->sequences_at_call, sizeof(db->sequences));
    arc_events_discard(db, db->events.pending_at_call);
    if (db->call_scope == ARC_SCOPE_CHECKED)
        return end_checked_call(db, rc);
    db->ops->rollback_to(db->store);
    return rc;
}

int arc_read_begin(arc_db *db)
{
    return db->in_tx ? ARC_OK : db->ops->savepoint(db->store);
}

int arc_read_end(arc_db *db, int rc)
{
    if (!db->in_tx)
        db->ops->release(db->store);
    return rc;
}

arc_time arc_db_now(const arc_db *db)
{
    if (db == NULL)
        return 0;
    return db->clock(db->clock_data);
}

arc_date arc_db_today(const arc_db *db)
{
    return arc_date_from_time(arc_db_now(db));
}

arc_date arc_date_or_today(const arc_db *db, arc_date date)
{
    return date == ARC_DATE_NONE ? arc_db_today(db) : date;
}

const char *arc_db_book_id(const arc_db *db)
{
    return db != NULL ? db->book_id : NULL;
}

int arc_db_schema_version(const arc_db *db)
{
    return db != NULL ? db->schema_version : 0;
}
