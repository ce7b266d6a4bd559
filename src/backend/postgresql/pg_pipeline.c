/*
 * Statements sent ahead. Inside a write transaction, a write whose outcome
 * is already known (the core checked its rows, and the book's lock keeps
 * them true) need not cost a round trip: it goes out in libpq's pipeline
 * mode, the server runs it while the caller goes on, and its result is read
 * with the next statement that needs an answer. A payment recorded and
 * applied then waits on the server twice, for its two reads, instead of once
 * per statement.
 *
 * The savepoint around each call inside a transaction, and its release,
 * go the same way, so that a call costs only the round trips of its reads.
 *
 * Any other statement waits for those sent ahead first; a prepared
 * statement rides in the same pipeline, so that the writes before it and
 * its own answer take one round trip. A write sent ahead that fails, or
 * that changes no row, fails the statement that reads its result and loses
 * the transaction, as a row written behind does (pg_batch.c): its call may
 * have returned already, and the server skipped everything sent after it,
 * releases included, so no savepoint can be trusted to undo just the one
 * call (store->lost).
 */
#include <stdlib.h>

#include "error.h"
#include "pg_internal.h"

static bool in_pipeline(const arc_store *store)
{
    return PQpipelineStatus(store->conn) != PQ_PIPELINE_OFF;
}

int arc_pg_send_direct(arc_store *store, const char *sql,
                       const struct arc_pg_params *params, const char *what, arc_id id)
{
    struct arc_pg_sent *sent;
    char name[16];
    int rc;

    if (store->aborted)
        return arc_fail(
            ARC_ESTORAGE,
            "%s: the transaction was aborted by an earlier error; roll it back", what);

    rc = store->sent_count == ARC_PG_SENT_MAX ? arc_pg_sent_wait(store) : ARC_OK;
    if (rc == ARC_OK)
        rc = arc_pg_prepared_name(store, sql, name, what);
    if (rc != ARC_OK)
        return rc;

    if ((!in_pipeline(store) && PQenterPipelineMode(store->conn) != 1) ||
        PQsendQueryPrepared(store->conn, name, params ? params->count : 0,
                            params ? params->values : NULL, NULL, NULL, 0) != 1 ||
        PQflush(store->conn) != 0)
        return arc_pg_fail_result(store, NULL, sql, what);

    sent = &store->sent[store->sent_count++];
    sent->sql = sql;
    sent->what = what;
    sent->id = id;
    return ARC_OK;
}

int arc_pg_send(arc_store *store, const char *sql, const struct arc_pg_params *params,
                const char *what, arc_id id)
{
    int rc;

    if (!store->writing)
        return arc_pg_command(store, sql, params, what, NULL);
    rc = arc_pg_batch_send_before(store, sql);
    if (rc == ARC_OK)
        rc = arc_pg_send_direct(store, sql, params, what, id);
    if (rc == ARC_OK)
        store->changes++;
    return rc;
}

/* Whether the statement sent ahead whose result is @p res did its work: a
 * write that changed no row did not. */
static bool sent_ok(const PGresult *res)
{
    return res != NULL && PQresultStatus(res) == PGRES_COMMAND_OK &&
           PQcmdTuples((PGresult *)res)[0] != '0';
}

/* The failure of one statement sent ahead, from its result @p res. The
 * transaction is lost: the failed statement may belong to a call that has
 * returned, which no savepoint can take back alone. */
static int fail_sent(arc_store *store, const struct arc_pg_sent *sent, PGresult *res)
{
    int rc;

    if (res != NULL && PQresultStatus(res) == PGRES_PIPELINE_ABORTED)
        rc = ARC_ESTORAGE; /* skipped after an earlier failure, which says why */
    else if (res == NULL || PQresultStatus(res) != PGRES_COMMAND_OK)
        rc = arc_pg_fail_result(store, res, sent->sql, sent->what);
    else
        rc = arc_fail(ARC_ENOTFOUND, "%s %lld: not found", sent->what,
                      (long long)sent->id);
    store->lost = true;
    store->aborted = true;
    store->changes++;
    return rc;
}

/* Read the result of each statement sent ahead; the first failure's code,
 * setting the error only when @p check is true. */
static int read_sent(arc_store *store, bool check)
{
    size_t count = store->sent_count;
    int rc = ARC_OK;

    store->sent_count = 0;
    for (size_t i = 0; i < count; i++) {
        PGresult *res = PQgetResult(store->conn);

        if (rc == ARC_OK && !sent_ok(res)) {
            if (check) {
                rc = fail_sent(store, &store->sent[i], res);
            } else {
                rc = ARC_ESTORAGE;
                store->lost = store->aborted = true;
                store->changes++;
            }
        }
        if (res == NULL)
            return rc; /* the connection is gone: nothing more will come */
        PQclear(res);
        while ((res = PQgetResult(store->conn)) != NULL)
            PQclear(res);
    }
    return rc;
}

/* Read the end of the pipeline and leave pipeline mode. */
static bool leave_pipeline(arc_store *store)
{
    PGresult *res = PQgetResult(store->conn);
    bool synced = res != NULL && PQresultStatus(res) == PGRES_PIPELINE_SYNC;

    PQclear(res);
    return synced && PQexitPipelineMode(store->conn) == 1;
}

int arc_pg_sent_wait(arc_store *store)
{
    int rc;

    if (!in_pipeline(store))
        return ARC_OK;
    if (PQpipelineSync(store->conn) != 1) {
        store->sent_count = 0;
        return arc_pg_fail_result(store, NULL, NULL, "storage: sending statements");
    }
    rc = read_sent(store, true);
    if (!leave_pipeline(store) && rc == ARC_OK)
        rc = arc_pg_fail_result(store, NULL, NULL, "storage: reading results");
    return rc;
}

void arc_pg_sent_discard(arc_store *store)
{
    if (in_pipeline(store) && PQpipelineSync(store->conn) == 1) {
        read_sent(store, false);
        leave_pipeline(store);
    }
    store->sent_count = 0;
}

PGresult *arc_pg_sent_then_query(arc_store *store, const char *name, const char *sql,
                                 const struct arc_pg_params *params, const char *what)
{
    PGresult *res, *end;
    int rc;

    if (PQsendQueryPrepared(store->conn, name, params->count, params->values, NULL, NULL,
                            0) != 1 ||
        PQpipelineSync(store->conn) != 1) {
        store->sent_count = 0;
        arc_pg_fail_result(store, NULL, sql, what);
        return NULL;
    }

    rc = read_sent(store, true);
    res = PQgetResult(store->conn);
    if (res == NULL) { /* the connection is gone */
        if (rc == ARC_OK)
            arc_pg_fail_result(store, NULL, sql, what);
        return NULL;
    }
    while ((end = PQgetResult(store->conn)) != NULL)
        PQclear(end);

    if (rc == ARC_OK && !arc_pg_result_ok(res))
        rc = arc_pg_fail_result(store, res, sql, what);
    if (!leave_pipeline(store) && rc == ARC_OK)
        rc = arc_pg_fail_result(store, NULL, sql, what);
    if (rc == ARC_OK)
        return res;
    PQclear(res);
    return NULL;
}
