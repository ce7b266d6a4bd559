/*
 * Statement cache, error mapping and column conversions of the SQLite
 * backend.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "sqlite_internal.h"

static size_t cache_slot(const char *sql)
{
    uintptr_t key = (uintptr_t)sql;

    key ^= key >> 17;
    key *= 0x9E3779B97F4A7C15u;
    return (size_t)(key >> 40) % ARC_SQLITE_STMT_CACHE;
}

sqlite3_stmt *arc_sqlite_stmt(arc_store *store, const char *sql)
{
    size_t slot = cache_slot(sql);
    int rc;

    for (size_t probe = 0; probe < ARC_SQLITE_STMT_CACHE; probe++) {
        struct arc_sqlite_cached *entry = &store->cache[slot];

        if (entry->sql == sql) {
            sqlite3_reset(entry->stmt);
            sqlite3_clear_bindings(entry->stmt);
            return entry->stmt;
        }
        if (entry->sql == NULL) {
            rc = sqlite3_prepare_v3(store->conn, sql, -1, SQLITE_PREPARE_PERSISTENT,
                                    &entry->stmt, NULL);
            if (rc != SQLITE_OK) {
                arc_sqlite_fail(store, rc, "storage: preparing a statement");
                entry->stmt = NULL;
                return NULL;
            }
            entry->sql = sql;
            return entry->stmt;
        }
        slot = (slot + 1) % ARC_SQLITE_STMT_CACHE;
    }

    arc_fail(ARC_ERROR, "storage: statement cache is full");
    return NULL;
}

void arc_sqlite_stmt_clear(arc_store *store)
{
    for (size_t i = 0; i < ARC_SQLITE_STMT_CACHE; i++) {
        sqlite3_finalize(store->cache[i].stmt);
        store->cache[i].stmt = NULL;
        store->cache[i].sql = NULL;
    }
}

int arc_sqlite_fail(arc_store *store, int rc, const char *what)
{
    const char *detail =
        store && store->conn ? sqlite3_errmsg(store->conn) : sqlite3_errstr(rc);

    switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return arc_fail(ARC_EBUSY, "%s: the book is locked by another connection (%s)",
                        what, detail);
    case SQLITE_NOMEM:
        return arc_fail(ARC_ENOMEM, "%s: out of memory", what);
    case SQLITE_NOTADB:
        return arc_fail(ARC_ENOTBOOK, "%s: the file is not a libarcollect book (%s)",
                        what, detail);
    case SQLITE_CONSTRAINT:
        if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
            return arc_fail(ARC_EEXISTS, "%s: already exists (%s)", what, detail);
        return arc_fail(ARC_ESTORAGE, "%s: constraint failed (%s)", what, detail);
    default:
        return arc_fail(ARC_ESTORAGE, "%s: %s", what, detail);
    }
}

int arc_sqlite_exec_stmt(arc_store *store, sqlite3_stmt *stmt, const char *what)
{
    int rc = sqlite3_step(stmt);

    sqlite3_reset(stmt);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return arc_sqlite_fail(store, sqlite3_extended_errcode(store->conn), what);
    return ARC_OK;
}

int arc_sqlite_exec(arc_store *store, const char *sql, const char *what)
{
    int rc = sqlite3_exec(store->conn, sql, NULL, NULL, NULL);

    if (rc != SQLITE_OK)
        return arc_sqlite_fail(store, sqlite3_extended_errcode(store->conn), what);
    return ARC_OK;
}

int arc_sqlite_bind_text(sqlite3_stmt *stmt, int index, const char *text)
{
    if (text == NULL)
        return sqlite3_bind_null(stmt, index);
    return sqlite3_bind_text(stmt, index, text, -1, SQLITE_STATIC);
}

/* Dates are written without arc_date_format's range checks: the domain
 * modules validated them already. */
static void format_date(char out[11], arc_date date)
{
    int year, month, day;

    arc_date_to_ymd(&year, &month, &day, date);
    out[0] = (char)('0' + year / 1000);
    out[1] = (char)('0' + year / 100 % 10);
    out[2] = (char)('0' + year / 10 % 10);
    out[3] = (char)('0' + year % 10);
    out[4] = '-';
    out[5] = (char)('0' + month / 10);
    out[6] = (char)('0' + month % 10);
    out[7] = '-';
    out[8] = (char)('0' + day / 10);
    out[9] = (char)('0' + day % 10);
    out[10] = '\0';
}

int arc_sqlite_bind_date(sqlite3_stmt *stmt, int index, arc_date date)
{
    char text[11];

    if (date == ARC_DATE_NONE)
        return sqlite3_bind_null(stmt, index);
    format_date(text, date);
    return sqlite3_bind_text(stmt, index, text, 10, SQLITE_TRANSIENT);
}

int arc_sqlite_bind_time(sqlite3_stmt *stmt, int index, arc_time instant)
{
    arc_time seconds = instant % 86400;
    arc_date date = arc_date_from_time(instant);
    char text[21];

    if (seconds < 0)
        seconds += 86400;
    format_date(text, date);
    text[10] = 'T';
    text[11] = (char)('0' + seconds / 36000);
    text[12] = (char)('0' + seconds / 3600 % 10);
    text[13] = ':';
    text[14] = (char)('0' + seconds % 3600 / 600);
    text[15] = (char)('0' + seconds % 3600 / 60 % 10);
    text[16] = ':';
    text[17] = (char)('0' + seconds % 60 / 10);
    text[18] = (char)('0' + seconds % 10);
    text[19] = 'Z';
    text[20] = '\0';
    return sqlite3_bind_text(stmt, index, text, 20, SQLITE_TRANSIENT);
}

int arc_sqlite_bind_id(sqlite3_stmt *stmt, int index, arc_id id)
{
    if (id == 0)
        return sqlite3_bind_null(stmt, index);
    return sqlite3_bind_int64(stmt, index, id);
}

char *arc_sqlite_column_text_dup(sqlite3_stmt *stmt, int column, int *rc)
{
    const unsigned char *text = sqlite3_column_text(stmt, column);
    size_t length;
    char *copy;

    if (text == NULL)
        return NULL;
    length = (size_t)sqlite3_column_bytes(stmt, column);
    copy = malloc(length + 1);
    if (copy == NULL) {
        *rc = arc_fail(ARC_ENOMEM, "storage: out of memory reading a record");
        return NULL;
    }
    memcpy(copy, text, length + 1);
    return copy;
}

static int digits(const unsigned char *text, int count)
{
    int value = 0;

    for (int i = 0; i < count; i++)
        value = value * 10 + (text[i] - '0');
    return value;
}

arc_date arc_sqlite_column_date(sqlite3_stmt *stmt, int column)
{
    const unsigned char *text = sqlite3_column_text(stmt, column);
    arc_date date;

    if (text == NULL || sqlite3_column_bytes(stmt, column) < 10)
        return ARC_DATE_NONE;
    if (arc_date_from_ymd(&date, digits(text, 4), digits(text + 5, 2),
                          digits(text + 8, 2)) != ARC_OK)
        return ARC_DATE_NONE;
    return date;
}

arc_time arc_sqlite_column_time(sqlite3_stmt *stmt, int column)
{
    const unsigned char *text = sqlite3_column_text(stmt, column);
    arc_date date = arc_sqlite_column_date(stmt, column);

    if (date == ARC_DATE_NONE || sqlite3_column_bytes(stmt, column) < 19)
        return 0;
    return (arc_time)date * 86400 + digits(text + 11, 2) * 3600 +
           digits(text + 14, 2) * 60 + digits(text + 17, 2);
}

void arc_sqlite_column_currency(sqlite3_stmt *stmt, int column, arc_currency_code out)
{
    const unsigned char *text = sqlite3_column_text(stmt, column);

    memset(out, 0, sizeof(arc_currency_code));
    for (size_t i = 0; text != NULL && i < 3 && text[i] != '\0'; i++)
        out[i] = (char)text[i];
}

void *arc_sqlite_page_grow(void **items, size_t *count, size_t *capacity,
                           size_t item_size)
{
    char *slot;

    if (*count == *capacity) {
        size_t grown = *capacity ? *capacity * 2 : 16;
        void *bigger = realloc(*items, grown * item_size);

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

void arc_sqlite_bind_list(sqlite3_stmt *stmt, const struct arc_store_list *filter)
{
    sqlite3_bind_int64(stmt, 1, filter->after_id);
    sqlite3_bind_int(stmt, 3, (int)filter->limit);
    if (filter->customer_id != 0)
        sqlite3_bind_int64(stmt, 4, filter->customer_id);
}

int arc_sqlite_sum_one(arc_store *store, sqlite3_stmt *stmt, int64_t *out,
                       const char *what)
{
    int rc = sqlite3_step(stmt);

    if (rc == SQLITE_ROW) {
        *out = sqlite3_column_int64(stmt, 0);
        rc = ARC_OK;
    } else {
        rc = arc_sqlite_fail(store, sqlite3_extended_errcode(store->conn), what);
    }
    sqlite3_reset(stmt);
    return rc;
}

int arc_sqlite_fetch_one(arc_store *store, sqlite3_stmt *stmt, void *out,
                         arc_sqlite_read_fn read, const char *what)
{
    int rc = sqlite3_step(stmt);

    if (rc == SQLITE_ROW)
        rc = read(stmt, out);
    else if (rc == SQLITE_DONE)
        rc = ARC_ENOTFOUND;
    else
        rc = arc_sqlite_fail(store, sqlite3_extended_errcode(store->conn), what);
    sqlite3_reset(stmt);
    return rc;
}

int arc_sqlite_fetch_all(arc_store *store, sqlite3_stmt *stmt, void **items,
                         size_t *count, size_t item_size, arc_sqlite_read_fn read,
                         const char *what)
{
    size_t capacity = 0;
    int rc = ARC_OK;
    int step = SQLITE_DONE;

    while (rc == ARC_OK && (step = sqlite3_step(stmt)) == SQLITE_ROW) {
        void *slot = arc_sqlite_page_grow(items, count, &capacity, item_size);

        rc = slot ? read(stmt, slot) : ARC_ENOMEM;
        if (rc != ARC_OK && slot != NULL)
            (*count)--;
    }
    if (rc == ARC_OK && step != SQLITE_DONE)
        rc = arc_sqlite_fail(store, sqlite3_extended_errcode(store->conn), what);
    sqlite3_reset(stmt);
    return rc;
}
