/*
 * Rows written behind. Inside a write transaction, invoices (whose number
 * is known free), their lines and journal events are kept here instead of
 * costing a round trip each, and sent together before anything could read
 * them: invoices and lines before any other statement, events before a
 * statement that names the journal (no other table refers to it), and all
 * of them before a savepoint or the commit. A few rows go as INSERTs sent
 * ahead (pg_pipeline.c), more as one COPY per table, parents first.
 *
 * Nothing here can fail on a rule: the core checked the rows and the
 * backend checked their keys under the book's lock. A failure is the
 * storage's, and loses the transaction like any failure outside a savepoint.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "pg_internal.h"

/* Up to this many rows in all go as INSERTs sent ahead, which cost no round
 * trip; a COPY costs two per table but less on the server for each row. */
#define INSERT_AT_MOST 32

/* COPY data is sent in pieces of about this size. */
#define COPY_CHUNK (256 * 1024)

struct table {
    const char *what;
    int column_count;
    const char *insert_sql;
    const char *copy_sql;
    /* Rows held back until a statement names this table; NULL: until any
     * statement. */
    const char *held_for;
};

static const struct table TABLES[ARC_PG_BATCH_TABLES] = {
    [ARC_PG_BATCH_INVOICES] = { "invoice", 19,
                                "INSERT INTO arcollect.invoices (" ARC_PG_INVOICE_COLUMNS
                                ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11,"
                                " $12, $13, $14, $15, $16, $17, $18, $19)",
                                "COPY arcollect.invoices (" ARC_PG_INVOICE_COLUMNS
                                ") FROM STDIN" },
    [ARC_PG_BATCH_INVOICE_LINES] = { "invoice line", 12,
                                     "INSERT INTO arcollect.invoice_lines "
                                     "(" ARC_PG_INVOICE_LINE_COLUMNS
                                     ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,"
                                     " $11, $12)",
                                     "COPY arcollect.invoice_lines "
                                     "(" ARC_PG_INVOICE_LINE_COLUMNS ") FROM STDIN" },
    [ARC_PG_BATCH_EVENTS] = { "event journal", 12,
                              "INSERT INTO arcollect.events (" ARC_PG_EVENT_INSERT_COLUMNS
                              ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11,"
                              " $12)",
                              "COPY arcollect.events (" ARC_PG_EVENT_INSERT_COLUMNS
                              ") FROM STDIN",
                              "arcollect.events" },
};

static bool grow(void **buffer, size_t *capacity, size_t needed, size_t item_size)
{
    size_t size = *capacity ? *capacity : 64;
    void *bigger;

    if (needed <= *capacity)
        return true;
    while (size < needed)
        size *= 2;
    bigger = realloc(*buffer, size * item_size);
    if (bigger == NULL)
        return false;
    *buffer = bigger;
    *capacity = size;
    return true;
}

int arc_pg_batch_add(arc_store *store, enum arc_pg_batch_table table,
                     const struct arc_pg_params *params)
{
    struct arc_pg_batch *batch = &store->batches[table];
    size_t bytes = 0;

    for (int i = 0; i < params->count; i++)
        bytes += params->values[i] ? strlen(params->values[i]) + 1 : 0;
    if (!grow((void **)&batch->data, &batch->capacity, batch->length + bytes, 1) ||
        !grow((void **)&batch->offsets, &batch->value_capacity,
              batch->values + (size_t)params->count, sizeof(size_t)))
        return arc_fail(ARC_ENOMEM, "%s: out of memory", TABLES[table].what);

    for (int i = 0; i < params->count; i++) {
        const char *value = params->values[i];
        size_t size = value ? strlen(value) + 1 : 0;

        batch->offsets[batch->values++] = value ? batch->length : SIZE_MAX;
        if (value != NULL)
            memcpy(batch->data + batch->length, value, size);
        batch->length += size;
    }
    store->batch_rows++;
    store->changes++;
    return ARC_OK;
}

static const char *value_at(const struct arc_pg_batch *batch, size_t index)
{
    size_t offset = batch->offsets[index];

    return offset == SIZE_MAX ? NULL : batch->data + offset;
}

static size_t rows_of(const arc_store *store, int table)
{
    return store->batches[table].values / (size_t)TABLES[table].column_count;
}

static int send_inserts(arc_store *store, enum arc_pg_batch_table table)
{
    const struct arc_pg_batch *batch = &store->batches[table];
    int columns = TABLES[table].column_count;
    struct arc_pg_params params;
    int rc = ARC_OK;

    for (size_t row = 0; row < rows_of(store, table) && rc == ARC_OK; row++) {
        params.count = columns;
        for (int column = 0; column < columns; column++)
            params.values[column] =
                value_at(batch, row * (size_t)columns + (size_t)column);
        rc = arc_pg_send_direct(store, TABLES[table].insert_sql, &params,
                                TABLES[table].what, 0);
    }
    return rc;
}

/* Append @p value to @p out in COPY's text format. */
static size_t copy_escape(char *out, const char *value)
{
    size_t length = 0;

    if (value == NULL) {
        memcpy(out, "\\N", 2);
        return 2;
    }
    for (const char *c = value; *c != '\0'; c++) {
        char escaped = *c == '\\'   ? '\\'
                       : *c == '\t' ? 't'
                       : *c == '\n' ? 'n'
                       : *c == '\r' ? 'r'
                                    : 0;

        if (escaped) {
            out[length++] = '\\';
            out[length++] = escaped;
        } else {
            out[length++] = *c;
        }
    }
    return length;
}

/* Read the COPY's outcome; ARC_OK or the server's error. */
static int finish_copy(arc_store *store, enum arc_pg_batch_table table)
{
    PGresult *res = PQgetResult(store->conn);
    int rc = ARC_OK;

    if (res == NULL || PQresultStatus(res) != PGRES_COMMAND_OK)
        rc = arc_pg_fail_result(store, res, NULL, TABLES[table].what);
    PQclear(res);
    while ((res = PQgetResult(store->conn)) != NULL)
        PQclear(res);
    return rc;
}

static int put(arc_store *store, const char *data, size_t size)
{
    if (PQputCopyData(store->conn, data, (int)size) == 1)
        return ARC_OK;
    return arc_fail(ARC_ESTORAGE, "storage: sending rows: %s",
                    PQerrorMessage(store->conn));
}

/* Append one value and its separator (a tab, or a newline after the last
 * column) to @p out; returns the bytes written. */
static size_t copy_value(char *out, const char *value, bool last_column)
{
    size_t size = copy_escape(out, value);

    out[size++] = last_column ? '\n' : '\t';
    return size;
}

/* Format and send the rows a piece at a time. */
static int send_copy_data(arc_store *store, enum arc_pg_batch_table table, char *piece)
{
    const struct arc_pg_batch *batch = &store->batches[table];
    size_t columns = (size_t)TABLES[table].column_count;
    size_t used = 0;
    int rc = ARC_OK;

    for (size_t i = 0; i < batch->values && rc == ARC_OK; i++) {
        const char *value = value_at(batch, i);
        size_t worst = value ? 2 * strlen(value) + 3 : 3;
        bool last = (i + 1) % columns == 0;

        if (used + worst > COPY_CHUNK && used > 0) {
            rc = put(store, piece, used);
            used = 0;
        }
        if (rc == ARC_OK && worst > COPY_CHUNK) {
            char *big = malloc(worst);

            rc = big ? put(store, big, copy_value(big, value, last))
                     : arc_fail(ARC_ENOMEM, "%s: out of memory", TABLES[table].what);
            free(big);
        } else if (rc == ARC_OK) {
            used += copy_value(piece + used, value, last);
        }
    }
    if (rc == ARC_OK && used > 0)
        rc = put(store, piece, used);
    return rc;
}

static int send_copy(arc_store *store, enum arc_pg_batch_table table)
{
    PGresult *res;
    char *piece;
    int rc = arc_pg_sent_wait(store), outcome;

    if (rc != ARC_OK)
        return rc;
    res = PQexec(store->conn, TABLES[table].copy_sql);
    if (res == NULL || PQresultStatus(res) != PGRES_COPY_IN) {
        rc = arc_pg_fail_result(store, res, NULL, TABLES[table].what);
        PQclear(res);
        return rc;
    }
    PQclear(res);

    piece = malloc(COPY_CHUNK);
    rc = piece ? send_copy_data(store, table, piece)
               : arc_fail(ARC_ENOMEM, "%s: out of memory", TABLES[table].what);
    free(piece);
    if (rc != ARC_OK) {
        /* Keep this message rather than the server's "COPY aborted". */
        PQputCopyEnd(store->conn, "the client could not send every row");
        while ((res = PQgetResult(store->conn)) != NULL)
            PQclear(res);
        arc_pg_mark_aborted(store);
        return rc;
    }
    outcome = PQputCopyEnd(store->conn, NULL) == 1
                  ? ARC_OK
                  : arc_fail(ARC_ESTORAGE, "%s: %s", TABLES[table].what,
                             PQerrorMessage(store->conn));
    rc = finish_copy(store, table);
    return outcome != ARC_OK ? outcome : rc;
}

static void discard_table(arc_store *store, int table)
{
    store->batch_rows -= rows_of(store, table);
    store->batches[table].length = 0;
    store->batches[table].values = 0;
}

/* Send the rows of each table whose bit is set in @p tables, parents first,
 * and forget them whatever happens. */
static int send_tables(arc_store *store, unsigned int tables)
{
    size_t rows = 0;
    int rc = ARC_OK;

    for (int table = 0; table < ARC_PG_BATCH_TABLES; table++) {
        if (tables & 1u << table)
            rows += rows_of(store, table);
    }
    for (int table = 0; table < ARC_PG_BATCH_TABLES; table++) {
        if (!(tables & 1u << table) || store->batches[table].values == 0)
            continue;
        if (rc == ARC_OK)
            rc = rows <= INSERT_AT_MOST
                     ? send_inserts(store, (enum arc_pg_batch_table)table)
                     : send_copy(store, (enum arc_pg_batch_table)table);
        /* The lines' foreign key checks read the invoices just sent. */
        if (rc == ARC_OK && table == ARC_PG_BATCH_INVOICES)
            rc = arc_pg_stats_grew(store, ARC_PG_GROWN_INVOICES,
                                   (int64_t)rows_of(store, table));
        discard_table(store, table);
    }
    return rc;
}

int arc_pg_batch_flush(arc_store *store)
{
    return store->batch_rows > 0 ? send_tables(store, ~0u) : ARC_OK;
}

int arc_pg_batch_send_before(arc_store *store, const char *sql)
{
    unsigned int tables = 0;

    if (store->batch_rows == 0)
        return ARC_OK;
    for (int table = 0; table < ARC_PG_BATCH_TABLES; table++) {
        const char *held_for = TABLES[table].held_for;

        if (held_for == NULL || strstr(sql, held_for) != NULL)
            tables |= 1u << table;
    }
    return send_tables(store, tables);
}

void arc_pg_batch_discard(arc_store *store)
{
    for (int table = 0; table < ARC_PG_BATCH_TABLES; table++)
        discard_table(store, table);
}

void arc_pg_batch_free(arc_store *store)
{
    for (int table = 0; table < ARC_PG_BATCH_TABLES; table++) {
        free(store->batches[table].data);
        free(store->batches[table].offsets);
        memset(&store->batches[table], 0, sizeof(store->batches[table]));
    }
    store->batch_rows = 0;
}
