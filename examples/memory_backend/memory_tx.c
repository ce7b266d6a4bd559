/*
 * Transactions, savepoints and read scopes.
 *
 * One handle at a time holds a book's write lock, from begin to commit or
 * rollback; another handle's begin waits for it up to its busy timeout,
 * then fails with ARC_EBUSY. The lock belongs to the handle, not to the
 * thread, so a handle may move between threads between calls.
 *
 * Readers never wait: a read scope (a savepoint asked for outside a
 * transaction) holds the newest committed version until it is released,
 * so everything it reads comes from one state of the book, and nothing a
 * transaction has not committed. Inside a transaction, a savepoint is a
 * position in the undo log; rolling back to it undoes the writes after it.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdlib.h>
#include <time.h>

#include "memory_internal.h"

/* The instant @p timeout_ms from now on the clock the book's condition
 * variable waits with. */
static struct timespec deadline_after(int timeout_ms)
{
    struct timespec deadline;

    clock_gettime(CLOCK_MONOTONIC, &deadline);
    deadline.tv_sec += timeout_ms / 1000;
    deadline.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
    if (deadline.tv_nsec >= 1000000000L) {
        deadline.tv_sec++;
        deadline.tv_nsec -= 1000000000L;
    }
    return deadline;
}

int mem_begin(arc_store *store)
{
    struct mem_book *book = store->book;
    struct timespec deadline = deadline_after(store->busy_timeout_ms);
    int waited = 0;

    if (store->in_transaction)
        return arc_error_set(ARC_ESTORAGE, "transaction: begin: one is already open");

    pthread_mutex_lock(&book->lock);
    while (book->writer != NULL && waited != ETIMEDOUT)
        waited = pthread_cond_timedwait(&book->released, &book->lock, &deadline);
    if (book->writer == NULL) {
        book->writer = store;
        mem_state_start(store);
        store->in_transaction = true;
    }
    pthread_mutex_unlock(&book->lock);

    if (!store->in_transaction)
        return arc_error_set(ARC_EBUSY,
                             "book memory:%s: another handle has been writing for more "
                             "than %d ms",
                             book->name, store->busy_timeout_ms);
    return ARC_OK;
}

static void unlock_writer(arc_store *store)
{
    struct mem_book *book = store->book;

    store->in_transaction = false;
    store->savepoint_count = 0;
    pthread_mutex_lock(&book->lock);
    book->writer = NULL;
    pthread_cond_broadcast(&book->released);
    pthread_mutex_unlock(&book->lock);
}

int mem_rollback(arc_store *store)
{
    if (!store->in_transaction)
        return ARC_OK;
    mem_state_discard(store);
    unlock_writer(store);
    return ARC_OK;
}

int mem_commit(arc_store *store)
{
    int rc;

    if (!store->in_transaction)
        return arc_error_set(ARC_ESTORAGE, "transaction: commit: none is open");
    pthread_mutex_lock(&store->book->lock);
    rc = mem_state_commit(store);
    pthread_mutex_unlock(&store->book->lock);
    if (rc != ARC_OK) {
        mem_rollback(store);
        return rc;
    }
    unlock_writer(store);
    return ARC_OK;
}

int mem_savepoint(arc_store *store)
{
    if (!store->in_transaction) {
        if (store->read_depth++ == 0) {
            pthread_mutex_lock(&store->book->lock);
            mem_version_pin(store);
            pthread_mutex_unlock(&store->book->lock);
        }
        return ARC_OK;
    }

    if (store->savepoint_count == store->savepoint_capacity) {
        size_t grown = store->savepoint_capacity ? store->savepoint_capacity * 2 : 8;
        size_t *bigger = realloc(store->savepoints, grown * sizeof(*bigger));

        if (bigger == NULL)
            return mem_nomem();
        store->savepoints = bigger;
        store->savepoint_capacity = grown;
    }
    store->savepoints[store->savepoint_count++] = store->undo_count;
    return ARC_OK;
}

static void end_read_scope(arc_store *store)
{
    if (--store->read_depth > 0)
        return;
    pthread_mutex_lock(&store->book->lock);
    mem_version_unpin(store);
    pthread_mutex_unlock(&store->book->lock);
}

/* Close the innermost scope, undoing its writes unless @p keep. */
static int close_scope(arc_store *store, bool keep)
{
    if (store->in_transaction && store->savepoint_count > 0) {
        store->savepoint_count--;
        if (!keep)
            mem_undo_to(store, store->savepoints[store->savepoint_count]);
        return ARC_OK;
    }
    if (store->read_depth > 0) {
        end_read_scope(store);
        return ARC_OK;
    }
    return arc_error_set(ARC_ESTORAGE, "transaction: no savepoint is open");
}

int mem_release(arc_store *store)
{
    return close_scope(store, true);
}

int mem_rollback_to(arc_store *store)
{
    return close_scope(store, false);
}

int64_t mem_change_count(arc_store *store)
{
    return store->changes;
}

void mem_end_all_scopes(arc_store *store)
{
    mem_rollback(store);
    if (store->read_depth > 0) {
        store->read_depth = 1;
        end_read_scope(store);
    }
}
