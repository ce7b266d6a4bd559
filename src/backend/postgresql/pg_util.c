/*
 * Statement cache, SQLSTATE mapping, parameters and columns of the
 * PostgreSQL backend. Parameters and results travel as text: the session
 * runs with TimeZone UTC and DateStyle ISO (pg_store.c), so dates read
 * "YYYY-MM-DD" and instants "YYYY-MM-DD HH:MM:SS+00".
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "pg_internal.h"

void arc_pg_params_init(struct arc_pg_params *params, const arc_store *store)
{
    params->count = 1;
    params->values[0] = store->book;
}

static char *next_slot(struct arc_pg_params *params)
{
    return params->text[params->count];
}

void arc_pg_param_text(struct arc_pg_params *params, const char *text)
{
    params->values[params->count++] = text;
}

void arc_pg_param_int(struct arc_pg_params *params, int64_t value)
{
    char *slot = next_slot(params);

    snprintf(slot, sizeof(params->text[0]), "%" PRId64, value);
    params->values[params->count++] = slot;
}

void arc_pg_param_id(struct arc_pg_params *params, arc_id id)
{
    if (id == 0)
        params->values[params->count++] = NULL;
    else
        arc_pg_param_int(params, id);
}

void arc_pg_param_bool(struct arc_pg_params *params, bool value)
{
    params->values[params->count++] = value ? "t" : "f";
}

void arc_pg_format_date(char out[11], arc_date date)
{
    int year = 0, month = 0, day = 0;

    arc_date_to_ymd(&year, &month, &day, date);
    snprintf(out, 11, "%04u-%02u-%02u", (unsigned)year % 10000u, (unsigned)month % 100u,
             (unsigned)day % 100u);
}

void arc_pg_format_time(char out[32], arc_time instant)
{
    arc_time seconds = instant % 86400;
    char date[11];

    if (seconds < 0)
        seconds += 86400;
    arc_pg_format_date(date, arc_date_from_time(instant));
    snprintf(out, 32, "%s %02d:%02d:%02d+00", date, (int)(seconds / 3600),
             (int)(seconds / 60 % 60), (int)(seconds % 60));
}

void arc_pg_param_date(struct arc_pg_params *params, arc_date date)
{
    char *slot = next_slot(params);

    if (date == ARC_DATE_NONE) {
        params->values[params->count++] = NULL;
        return;
    }
    arc_pg_format_date(slot, date);
    params->values[params->count++] = slot;
}

void arc_pg_param_time(struct arc_pg_params *params, arc_time instant)
{
    char *slot = next_slot(params);

    arc_pg_format_time(slot, instant);
    params->values[params->count++] = slot;
}

void arc_pg_params_list(struct arc_pg_params *params, const arc_store *store,
                        const struct arc_store_list *filter, const char *status)
{
    arc_pg_params_init(params, store);
    arc_pg_param_int(params, filter->after_id);
    arc_pg_param_text(params, status);
    arc_pg_param_int(params, filter->limit);
    if (filter->customer_id != 0)
        arc_pg_param_int(params, filter->customer_id);
}

char *arc_pg_array_text(const void *items, size_t count,
                        int64_t (*at)(const void *items, size_t index))
{
    char *text = malloc(count * 21 + 3);
    size_t length = 0;

    if (text == NULL) {
        arc_fail(ARC_ENOMEM, "storage: out of memory");
        return NULL;
    }
    text[length++] = '{';
    for (size_t i = 0; i < count; i++)
        length +=
            (size_t)sprintf(text + length, i ? ",%" PRId64 : "%" PRId64, at(items, i));
    text[length++] = '}';
    text[length] = '\0';
    return text;
}

/* ---- statements ---- */

static size_t cache_slot(const char *sql)
{
    uintptr_t key = (uintptr_t)sql;

    key ^= key >> 17;
    key *= (uintptr_t)0x9E3779B97F4A7C15u;
    return (size_t)(key >> 24) % ARC_PG_STMT_CACHE;
}

void arc_pg_stmt_forget(arc_store *store)
{
    memset(store->cache, 0, sizeof(store->cache));
}

int arc_pg_prepared_name(arc_store *store, const char *sql, char name[16],
                         const char *what)
{
    size_t slot = cache_slot(sql);
    PGresult *res;
    int rc;

    for (size_t probe = 0; probe < ARC_PG_STMT_CACHE; probe++) {
        struct arc_pg_cached *entry = &store->cache[slot];

        if (entry->sql == sql) {
            snprintf(name, 16, "arc%u", entry->number);
            return ARC_OK;
        }
        if (entry->sql == NULL) {
            rc = arc_pg_sent_wait(store);
            if (rc != ARC_OK)
                return rc;
            snprintf(name, 16, "arc%u", store->prepared_count);
            res = PQprepare(store->conn, name, sql, 0, NULL);
            if (PQresultStatus(res) != PGRES_COMMAND_OK) {
                rc = arc_pg_fail_result(store, res, sql, what);
                PQclear(res);
                return rc;
            }
            PQclear(res);
            entry->sql = sql;
            entry->number = store->prepared_count++;
            return ARC_OK;
        }
        slot = (slot + 1) % ARC_PG_STMT_CACHE;
    }
    return arc_fail(ARC_ERROR, "%s: the statement cache is full", what);
}

bool arc_pg_result_ok(const PGresult *res)
{
    ExecStatusType status = PQresultStatus(res);

    return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK ||
           status == PGRES_SINGLE_TUPLE;
}

PGresult *arc_pg_query_direct(arc_store *store, const char *sql,
                              const struct arc_pg_params *params, const char *what)
{
    char name[16];
    PGresult *res;

    if (store->aborted) {
        arc_fail(ARC_ESTORAGE,
                 "%s: the transaction was aborted by an earlier error; roll it back",
                 what);
        return NULL;
    }
    if (arc_pg_prepared_name(store, sql, name, what) != ARC_OK)
        return NULL;
    if (store->sent_count > 0)
        return arc_pg_sent_then_query(store, name, sql, params, what);
    res = PQexecPrepared(store->conn, name, params->count, params->values, NULL, NULL, 0);
    if (res != NULL && arc_pg_result_ok(res))
        return res;
    arc_pg_fail_result(store, res, sql, what);
    PQclear(res);
    return NULL;
}

PGresult *arc_pg_query(arc_store *store, const char *sql,
                       const struct arc_pg_params *params, const char *what)
{
    if (arc_pg_batch_send_before(store, sql) != ARC_OK)
        return NULL;
    return arc_pg_query_direct(store, sql, params, what);
}

int arc_pg_command(arc_store *store, const char *sql, const struct arc_pg_params *params,
                   const char *what, int64_t *affected)
{
    PGresult *res = arc_pg_query(store, sql, params, what);
    int64_t rows;

    if (res == NULL)
        return arc_error_last_code();
    rows = strtoll(PQcmdTuples(res), NULL, 10);
    PQclear(res);
    store->changes += rows;
    if (affected != NULL)
        *affected = rows;
    return ARC_OK;
}

int arc_pg_exec(arc_store *store, const char *sql, const char *what)
{
    PGresult *res;
    int rc = arc_pg_sent_wait(store);

    if (rc != ARC_OK)
        return rc;
    res = PQexec(store->conn, sql);
    if (res == NULL || !arc_pg_result_ok(res))
        rc = arc_pg_fail_result(store, res, sql, what);
    PQclear(res);
    return rc;
}

int arc_pg_fetch_one(arc_store *store, const char *sql,
                     const struct arc_pg_params *params, void *out, arc_pg_read_fn read,
                     const char *what)
{
    PGresult *res = arc_pg_query(store, sql, params, what);
    int rc;

    if (res == NULL)
        return arc_error_last_code();
    rc = PQntuples(res) > 0 ? read(res, 0, out) : ARC_ENOTFOUND;
    PQclear(res);
    return rc;
}

int arc_pg_fetch_all(arc_store *store, const char *sql,
                     const struct arc_pg_params *params, void **items, size_t *count,
                     size_t item_size, arc_pg_read_fn read, const char *what)
{
    PGresult *res = arc_pg_query(store, sql, params, what);
    size_t capacity = *count;
    int rc = ARC_OK;

    if (res == NULL)
        return arc_error_last_code();
    for (int row = 0; row < PQntuples(res) && rc == ARC_OK; row++) {
        void *slot = arc_pg_page_grow(items, count, &capacity, item_size);

        rc = slot ? read(res, row, slot) : ARC_ENOMEM;
        if (rc != ARC_OK && slot != NULL)
            (*count)--;
    }
    PQclear(res);
    return rc;
}

int arc_pg_sum_one(arc_store *store, const char *sql, const struct arc_pg_params *params,
                   int64_t *out, const char *what)
{
    PGresult *res = arc_pg_query(store, sql, params, what);

    if (res == NULL)
        return arc_error_last_code();
    *out = PQntuples(res) > 0 ? arc_pg_int(res, 0, 0) : 0;
    PQclear(res);
    return ARC_OK;
}

/* Rows a scan fetches at a time. */
#define SCAN_BATCH 2000

static int scan_result(PGresult *res, int (*row)(void *ctx, const PGresult *res, int row),
                       void *ctx)
{
    int rc = ARC_OK;

    for (int i = 0; i < PQntuples(res) && rc == ARC_OK; i++)
        rc = row(ctx, res, i);
    return rc;
}

/*
 * Scan through a cursor, a batch of rows at a time: the callbacks may read
 * the book themselves between batches (a report looks up each group's
 * label), and a scan of the whole book needs memory for one batch only.
 */
static int scan_cursor(arc_store *store, const char *sql,
                       const struct arc_pg_params *params,
                       int (*row)(void *ctx, const PGresult *res, int row), void *ctx,
                       const char *what)
{
    static const char DECLARE[] = "DECLARE arc_scan_%u NO SCROLL CURSOR FOR ";
    unsigned int number = store->cursor_count++;
    char fetch[64], *declare = malloc(strlen(sql) + sizeof(DECLARE) + 16);
    PGresult *res;
    int rc = ARC_OK, rows = SCAN_BATCH;

    if (declare == NULL)
        return arc_fail(ARC_ENOMEM, "%s: out of memory", what);
    sprintf(declare, DECLARE, number);
    strcat(declare, sql);
    res = PQexecParams(store->conn, declare, params->count, NULL, params->values, NULL,
                       NULL, 0);
    if (res == NULL || PQresultStatus(res) != PGRES_COMMAND_OK)
        rc = arc_pg_fail_result(store, res, sql, what);
    PQclear(res);
    free(declare);

    snprintf(fetch, sizeof(fetch), "FETCH %d FROM arc_scan_%u", SCAN_BATCH, number);
    while (rc == ARC_OK && rows == SCAN_BATCH) {
        /* The callbacks may have sent writes ahead. */
        rc = arc_pg_sent_wait(store);
        if (rc != ARC_OK)
            break;
        res = PQexec(store->conn, fetch);
        if (res == NULL || PQresultStatus(res) != PGRES_TUPLES_OK)
            rc = arc_pg_fail_result(store, res, sql, what);
        rows = rc == ARC_OK ? PQntuples(res) : 0;
        if (rc == ARC_OK)
            rc = scan_result(res, row, ctx);
        PQclear(res);
    }

    snprintf(fetch, sizeof(fetch), "CLOSE arc_scan_%u", number);
    if (rc == ARC_OK)
        rc = arc_pg_exec(store, fetch, what);
    else if (!store->aborted && PQtransactionStatus(store->conn) == PQTRANS_INTRANS &&
             arc_pg_sent_wait(store) == ARC_OK)
        PQclear(PQexec(store->conn, fetch));
    return rc;
}

int arc_pg_scan(arc_store *store, const char *sql, const struct arc_pg_params *params,
                int (*row)(void *ctx, const PGresult *res, int row), void *ctx,
                const char *what)
{
    PGresult *res;
    int rc;

    if (arc_pg_batch_send_before(store, sql) != ARC_OK ||
        arc_pg_sent_wait(store) != ARC_OK)
        return arc_error_last_code();
    if (store->aborted)
        return arc_fail(
            ARC_ESTORAGE,
            "%s: the transaction was aborted by an earlier error; roll it back", what);
    if (store->depth > 0)
        return scan_cursor(store, sql, params, row, ctx, what);

    /* Cursors live in transactions; outside one, the whole result. */
    res = arc_pg_query_direct(store, sql, params, what);
    if (res == NULL)
        return arc_error_last_code();
    rc = scan_result(res, row, ctx);
    PQclear(res);
    return rc;
}

/* ---- errors ---- */

static bool sqlstate_is(const char *state, const char *prefix)
{
    return state != NULL && strncmp(state, prefix, strlen(prefix)) == 0;
}

/* The server's one-line message, or libpq's for a failure on our side. */
static const char *message_of(const arc_store *store, const PGresult *res, char *buf,
                              size_t size)
{
    const char *primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
    const char *text = primary ? primary : PQerrorMessage(store->conn);
    size_t length;

    snprintf(buf, size, "%s", text && *text ? text : "unknown error");
    length = strlen(buf);
    while (length > 0 && (buf[length - 1] == '\n' || buf[length - 1] == ' '))
        buf[--length] = '\0';
    return buf;
}

static int fail_connection(arc_store *store, const char *what, const char *detail)
{
    bool in_transaction = store->depth > 0;

    if (in_transaction)
        arc_pg_mark_aborted(store);
    if (in_transaction)
        return arc_fail(ARC_ESTORAGE,
                        "%s: connection lost; the transaction was rolled back (%s)", what,
                        detail);
    return arc_fail(ARC_ESTORAGE, "%s: connection lost (%s)", what, detail);
}

int arc_pg_fail_result(arc_store *store, const PGresult *res, const char *sql,
                       const char *what)
{
    const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
    char detail[512];

    message_of(store, res, detail, sizeof(detail));
    if (PQstatus(store->conn) == CONNECTION_BAD || sqlstate_is(state, "08") ||
        sqlstate_is(state, "57P"))
        return fail_connection(store, what, detail);

    /* Outside a savepoint the server's transaction is now unusable. */
    if (store->depth > 0)
        arc_pg_mark_aborted(store);

    if (sqlstate_is(state, "23505"))
        return arc_fail(ARC_EEXISTS, "%s: already exists (%s)", what, detail);
    if (sqlstate_is(state, "23503")) {
        bool deleting = sql != NULL && strncmp(sql, "DELETE", 6) == 0;

        return arc_fail(deleting ? ARC_ECONFLICT : ARC_ENOTFOUND, "%s: %s", what, detail);
    }
    if (sqlstate_is(state, "40001") || sqlstate_is(state, "40P01"))
        return arc_fail(ARC_EBUSY,
                        "%s: the transaction conflicted with another connection and was"
                        " rolled back; retry it (%s)",
                        what, detail);
    if (sqlstate_is(state, "55P03") || sqlstate_is(state, "57014"))
        return arc_fail(ARC_EBUSY, "%s: the book is locked by another connection (%s)",
                        what, detail);
    if (sqlstate_is(state, "53200"))
        return arc_fail(ARC_ENOMEM, "%s: the server is out of memory (%s)", what, detail);
    if (sqlstate_is(state, "23"))
        return arc_fail(ARC_ESTORAGE, "%s: constraint failed (%s)", what, detail);
    return arc_fail(ARC_ESTORAGE, "%s: %s", what, detail);
}

/* ---- columns ---- */

int64_t arc_pg_int(const PGresult *res, int row, int column)
{
    const char *text = PQgetvalue(res, row, column);

    return text[0] == '\0' ? 0 : strtoll(text, NULL, 10);
}

bool arc_pg_bool(const PGresult *res, int row, int column)
{
    return PQgetvalue(res, row, column)[0] == 't';
}

char *arc_pg_text_dup(const PGresult *res, int row, int column, int *rc)
{
    size_t length;
    char *copy;

    if (PQgetisnull(res, row, column))
        return NULL;
    length = (size_t)PQgetlength(res, row, column);
    copy = malloc(length + 1);
    if (copy == NULL) {
        *rc = arc_fail(ARC_ENOMEM, "storage: out of memory reading a record");
        return NULL;
    }
    memcpy(copy, PQgetvalue(res, row, column), length + 1);
    return copy;
}

static int digits(const char *text, int count)
{
    int value = 0;

    for (int i = 0; i < count; i++)
        value = value * 10 + (text[i] - '0');
    return value;
}

arc_date arc_pg_date(const PGresult *res, int row, int column)
{
    const char *text = PQgetvalue(res, row, column);
    arc_date date;

    if (PQgetisnull(res, row, column) || PQgetlength(res, row, column) < 10)
        return ARC_DATE_NONE;
    if (arc_date_from_ymd(&date, digits(text, 4), digits(text + 5, 2),
                          digits(text + 8, 2)) != ARC_OK)
        return ARC_DATE_NONE;
    return date;
}

arc_time arc_pg_time(const PGresult *res, int row, int column)
{
    const char *text = PQgetvalue(res, row, column);
    arc_date date = arc_pg_date(res, row, column);

    if (date == ARC_DATE_NONE || PQgetlength(res, row, column) < 19)
        return 0;
    return (arc_time)date * 86400 + digits(text + 11, 2) * 3600 +
           digits(text + 14, 2) * 60 + digits(text + 17, 2);
}

void arc_pg_currency(const PGresult *res, int row, int column, arc_currency_code out)
{
    const char *text = PQgetvalue(res, row, column);

    memset(out, 0, sizeof(arc_currency_code));
    for (size_t i = 0; i < 3 && text[i] != '\0'; i++)
        out[i] = text[i];
}

void *arc_pg_page_grow(void **items, size_t *count, size_t *capacity, size_t item_size)
{
    char *slot;

    if (*count >= *capacity) {
        size_t grown = *capacity ? *capacity * 2 : 16;
        void *bigger;

        while (grown <= *count)
            grown *= 2;
        bigger = realloc(*items, grown * item_size);
        if (bigger == NULL) {
            arc_fail(ARC_ENOMEM, "storage: out of memory reading a list");
            return NULL;
        }
        *items = bigger;
        *capacity = grown;
    }
    slot = (char *)*items + *count * item_size;
    memset(slot, 0, item_size);
    (*count)++;
    return slot;
}
