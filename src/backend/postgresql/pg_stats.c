/*
 * Planner statistics of tables that grow fast. The server checks each
 * foreign key with a plan it keeps for the whole session, made from the
 * statistics of the table referred to; a table filled by this connection
 * faster than autovacuum analyzes it (a new book loaded in bulk, a billing
 * run) still looks empty, gets a sequential scan, and every check then reads
 * the whole table. Here a table is analyzed when the rows this connection
 * added outnumber those its statistics show: at most a few times while it
 * doubles and doubles again, and never once it is large.
 *
 * Analyzing is an optimisation only: it is skipped when the table is not
 * ours or is being analyzed by someone else, and a failure is forgotten
 * (it runs in a savepoint of its own).
 */
#include <stdlib.h>

#include "pg_internal.h"

/* Fewer new rows than this never cost a look at the statistics. */
#define GROWTH_MIN 1000

static const char *const TABLE_NAMES[ARC_PG_GROWN_TABLES] = {
    [ARC_PG_GROWN_CUSTOMERS] = "arcollect.customers",
    [ARC_PG_GROWN_INVOICES] = "arcollect.invoices",
    [ARC_PG_GROWN_PAYMENTS] = "arcollect.payments",
};

/* What the server's statistics say the table holds, and whether this role
 * may analyze it; false when the question itself failed. */
static bool read_statistics(arc_store *store, const char *table, double *rows, bool *ours)
{
    static const char SQL[] = "SELECT reltuples, pg_has_role(relowner, 'USAGE')"
                              " FROM pg_class WHERE oid = $1::regclass";
    const char *values[1] = { table };
    PGresult *res = PQexecParams(store->conn, SQL, 1, NULL, values, NULL, NULL, 0);
    bool ok =
        res != NULL && PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1;

    if (ok) {
        *rows = strtod(PQgetvalue(res, 0, 0), NULL);
        *ours = PQgetvalue(res, 0, 1)[0] == 't';
    }
    PQclear(res);
    return ok;
}

static void analyze(arc_store *store, const char *table)
{
    char sql[160];
    PGresult *res;

    snprintf(sql, sizeof(sql),
             "SAVEPOINT arc_stats; ANALYZE (SKIP_LOCKED) %s; RELEASE SAVEPOINT arc_stats",
             table);
    res = PQexec(store->conn, sql);
    if (res == NULL || PQresultStatus(res) != PGRES_COMMAND_OK)
        PQclear(PQexec(store->conn, "ROLLBACK TO SAVEPOINT arc_stats;"
                                    " RELEASE SAVEPOINT arc_stats"));
    PQclear(res);
}

int arc_pg_stats_grew(arc_store *store, enum arc_pg_grown_table table, int64_t rows)
{
    struct arc_pg_growth *growth = &store->growth[table];
    double known;
    bool ours;
    int rc;

    growth->rows += rows;
    if (growth->refused || growth->rows < GROWTH_MIN ||
        (double)growth->rows < growth->known / 2 || !store->writing || store->aborted)
        return ARC_OK;

    /* The questions below must not run behind statements sent ahead. */
    rc = arc_pg_sent_wait(store);
    if (rc != ARC_OK)
        return rc;
    if (!read_statistics(store, TABLE_NAMES[table], &known, &ours)) {
        growth->refused = true; /* no way to tell: leave it to autovacuum */
        return ARC_OK;
    }
    if (!ours) {
        growth->refused = true;
        return ARC_OK;
    }
    if (known < (double)growth->rows) {
        analyze(store, TABLE_NAMES[table]);
        read_statistics(store, TABLE_NAMES[table], &known, &ours);
    }
    growth->known = known;
    growth->rows = 0;
    return ARC_OK;
}
