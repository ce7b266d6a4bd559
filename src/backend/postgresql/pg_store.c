/*
 * The PostgreSQL backend: the URI and its book, connecting, transactions
 * and savepoints, the book's id counters and numbering sequences, deleting
 * a book, and the operations table the core calls.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "pg_internal.h"
#include "util.h"

/* The columns of arcollect.books holding the next id of each kind, in
 * enum arc_pg_id_kind order. */
static const char *const ID_COLUMNS[ARC_PG_ID_KINDS] = {
    "next_customer_id",      "next_contact_id",     "next_invoice_id", "next_payment_id",
    "next_credit_memo_id",   "next_application_id", "next_dispute_id", "next_event_id",
    "next_communication_id", "next_rule_id",
};

/* ---- the URI ---- */

static bool book_char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '.' || c == '-';
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Decode the book parameter's value (it may be percent-encoded) and check it. */
static int take_book(char book[65], const char *value, size_t length)
{
    size_t out = 0;

    for (size_t i = 0; i < length; i++) {
        char c = value[i];

        if (c == '%' && i + 2 < length && hex_value(value[i + 1]) >= 0 &&
            hex_value(value[i + 2]) >= 0) {
            c = (char)(hex_value(value[i + 1]) * 16 + hex_value(value[i + 2]));
            i += 2;
        }
        if (!book_char(c) || out == 64)
            return arc_fail(ARC_EINVAL,
                            "book: must be 1 to 64 characters of A-Z, a-z, 0-9, '_', '.'"
                            " and '-'");
        book[out++] = c;
    }
    book[out] = '\0';
    if (out == 0)
        return arc_fail(ARC_EINVAL, "book: required in the URI (?book=ID)");
    return ARC_OK;
}

/*
 * Split @p uri into the connection string for libpq (the URI without our
 * book parameter) and the book. Every other parameter passes through.
 */
static int split_uri(char **conninfo, char book[65], const char *uri)
{
    const char *query = strchr(uri, '?');
    size_t base = query ? (size_t)(query - uri) : strlen(uri);
    char *out = malloc(strlen(uri) + 1);
    size_t length = base;
    int rc = ARC_OK;

    if (out == NULL)
        return arc_fail(ARC_ENOMEM, "postgresql: out of memory");
    memcpy(out, uri, base);
    book[0] = '\0';

    for (const char *param = query ? query + 1 : NULL; param != NULL && rc == ARC_OK;) {
        const char *end = strchr(param, '&');
        size_t size = end ? (size_t)(end - param) : strlen(param);

        if (size > 5 && strncmp(param, "book=", 5) == 0) {
            rc = take_book(book, param + 5, size - 5);
        } else if (size > 0) {
            out[length] = length == base ? '?' : '&';
            length++;
            memcpy(out + length, param, size);
            length += size;
        }
        param = end ? end + 1 : NULL;
    }
    out[length] = '\0';
    if (rc == ARC_OK && book[0] == '\0')
        rc = arc_fail(ARC_EINVAL, "book: required in the URI (?book=ID)");
    if (rc != ARC_OK) {
        free(out);
        return rc;
    }
    *conninfo = out;
    return ARC_OK;
}

/* libpq's own verdict on the connection string, before connecting. */
static int check_conninfo(const char *conninfo)
{
    char *message = NULL;
    PQconninfoOption *options = PQconninfoParse(conninfo, &message);
    int rc = ARC_OK;

    if (options == NULL) {
        size_t length = message ? strlen(message) : 0;

        while (length > 0 && message[length - 1] == '\n')
            message[--length] = '\0';
        rc = arc_fail(message ? ARC_EINVAL : ARC_ENOMEM, "postgresql: uri: %s",
                      message ? message : "out of memory");
    }
    PQconninfoFree(options);
    PQfreemem(message);
    return rc;
}

/* ---- the connection ---- */

/* The library prints nothing: the server's notices are dropped. */
static void ignore_notice(void *data, const char *message)
{
    (void)data;
    (void)message;
}

/* What every session of ours runs with: UTC instants in ISO text, UTF-8,
 * and lock waits bounded by the busy timeout. */
static int setup_session(arc_store *store, int busy_timeout_ms)
{
    char sql[256];

    snprintf(sql, sizeof(sql),
             "SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD';"
             " SET client_encoding = 'UTF8'; SET lock_timeout = %d",
             busy_timeout_ms > 0 ? busy_timeout_ms : 5000);
    return arc_pg_exec(store, sql, "postgresql: setting up the session");
}

static int connection_failed(PGconn *conn, const char *book)
{
    char detail[512];
    size_t length;

    snprintf(detail, sizeof(detail), "%s", conn ? PQerrorMessage(conn) : "out of memory");
    length = strlen(detail);
    while (length > 0 && (detail[length - 1] == '\n' || detail[length - 1] == ' '))
        detail[--length] = '\0';
    return arc_fail(ARC_ESTORAGE, "book %s: cannot connect to PostgreSQL: %s", book,
                    detail);
}

/* After the connection dropped outside a transaction: connect again. */
static bool reconnect(arc_store *store)
{
    PQreset(store->conn);
    if (PQstatus(store->conn) != CONNECTION_OK)
        return false;
    arc_pg_stmt_forget(store);
    store->prepared_count = 0;
    return setup_session(store, store->busy_timeout_ms) == ARC_OK;
}

/*
 * Run the statement that opens a transaction. Nothing of ours is lost if
 * the connection dropped since the last call, so it is reconnected once and
 * the statement retried.
 */
static PGresult *exec_opening(arc_store *store, const char *sql)
{
    PGresult *res = PQexec(store->conn, sql);

    if (PQstatus(store->conn) == CONNECTION_BAD) {
        PQclear(res);
        if (!reconnect(store))
            return NULL;
        res = PQexec(store->conn, sql);
    }
    return res;
}

/* ---- opening and closing ---- */

static void store_free(arc_store *store)
{
    if (store == NULL)
        return;
    arc_pg_batch_free(store);
    arc_pg_caches_free(store);
    PQfinish(store->conn);
    free(store->conninfo);
    free(store);
}

/* Connect to the database of @p location and check its schema. */
static int store_connect(arc_store **out, const char *location,
                         const struct arc_store_config *cfg)
{
    arc_store *store = calloc(1, sizeof(*store));
    int rc;

    if (store == NULL)
        return arc_fail(ARC_ENOMEM, "postgresql: out of memory");
    rc = split_uri(&store->conninfo, store->book, location);
    if (rc == ARC_OK)
        rc = check_conninfo(store->conninfo);
    if (rc == ARC_OK) {
        store->conn = PQconnectdb(store->conninfo);
        if (store->conn == NULL || PQstatus(store->conn) != CONNECTION_OK)
            rc = connection_failed(store->conn, store->book);
        else
            PQsetNoticeProcessor(store->conn, ignore_notice, NULL);
    }
    if (rc == ARC_OK) {
        store->busy_timeout_ms = cfg->busy_timeout_ms;
        rc = setup_session(store, cfg->busy_timeout_ms);
    }
    if (rc == ARC_OK)
        rc = arc_pg_schema_prepare(store, cfg);
    if (rc != ARC_OK) {
        store_free(store);
        return rc;
    }
    *out = store;
    return ARC_OK;
}

static int store_open(arc_store **out, const char *location,
                      const struct arc_store_config *cfg)
{
    arc_store *store = NULL;
    int rc = store_connect(&store, location, cfg);

    if (rc == ARC_OK)
        rc = arc_pg_book_open(store, cfg);
    if (rc != ARC_OK) {
        store_free(store);
        return rc;
    }
    *out = store;
    return ARC_OK;
}

static void store_close(arc_store *store)
{
    store_free(store);
}

/* ---- transactions ---- */

void arc_pg_mark_aborted(arc_store *store)
{
    /* Inside a savepoint, rolling back to it makes the transaction usable. */
    if (store->depth > 1)
        return;
    store->aborted = true;
    store->changes++;
}

/* The transaction is over, whichever way it ended. */
static void end_transaction(arc_store *store)
{
    arc_pg_batch_discard(store);
    store->depth = 0;
    store->writing = false;
    store->aborted = false;
    store->lost = false;
    store->ids_dirty = false;
}

static int read_counters(arc_store *store, const PGresult *res)
{
    if (PQntuples(res) == 0)
        return arc_fail(ARC_ENOTFOUND,
                        "book %s: not found (deleted by another connection?)",
                        store->book);
    store->write_seq = arc_pg_int(res, 0, 0);
    for (int kind = 0; kind < ARC_PG_ID_KINDS; kind++)
        store->next_id[kind] = arc_pg_int(res, 0, kind + 1);
    return ARC_OK;
}

/*
 * A write transaction: lock the book's row, which every writer of the book
 * takes first, and read its counters in the same round trip. What this
 * connection cached stays valid if nobody else committed a write since.
 */
static int store_begin(arc_store *store)
{
    char sql[640];
    size_t length;
    PGresult *res;
    int rc;

    if (store->depth != 0)
        return arc_fail(ARC_ECONFLICT, "transaction: one is already open");
    length = (size_t)snprintf(sql, sizeof(sql), "BEGIN; SELECT write_seq");
    for (int kind = 0; kind < ARC_PG_ID_KINDS; kind++)
        length += (size_t)snprintf(sql + length, sizeof(sql) - length, ", %s",
                                   ID_COLUMNS[kind]);
    snprintf(sql + length, sizeof(sql) - length,
             " FROM arcollect.books WHERE book = '%s' FOR UPDATE", store->book);

    res = exec_opening(store, sql);
    if (res == NULL || PQresultStatus(res) != PGRES_TUPLES_OK)
        rc = arc_pg_fail_result(store, res, sql, "transaction: begin");
    else
        rc = read_counters(store, res);
    PQclear(res);
    if (rc != ARC_OK) {
        PQclear(PQexec(store->conn, "ROLLBACK"));
        end_transaction(store);
        return rc;
    }

    store->depth = 1;
    store->writing = true;
    store->changes_at_begin = store->changes;
    if (!store->caches.valid || store->caches.seq != store->write_seq)
        arc_pg_caches_reset(store);
    store->caches.valid = true;
    store->caches.seq = store->write_seq;
    return ARC_OK;
}

/* "UPDATE arcollect.books ...; COMMIT": the counters and the write
 * sequence go back in the commit's round trip. */
static void format_commit(const arc_store *store, char *sql, size_t size)
{
    size_t length =
        (size_t)snprintf(sql, size, "UPDATE arcollect.books SET write_seq = %lld",
                         (long long)store->write_seq + 1);

    for (int kind = 0; kind < ARC_PG_ID_KINDS; kind++)
        length += (size_t)snprintf(sql + length, size - length, ", %s = %lld",
                                   ID_COLUMNS[kind], (long long)store->next_id[kind]);
    snprintf(sql + length, size - length, " WHERE book = '%s'; COMMIT", store->book);
}

static int store_rollback(arc_store *store);

static int store_commit(arc_store *store)
{
    bool wrote;
    char sql[1024];
    PGresult *res;
    int rc = ARC_OK;

    if (store->depth == 0)
        return arc_fail(ARC_ECONFLICT, "transaction: none is open");
    rc = arc_pg_batch_flush(store);
    if (rc == ARC_OK)
        rc = arc_pg_sent_wait(store);
    if (rc == ARC_OK && store->aborted)
        rc = arc_fail(ARC_ESTORAGE, "transaction: commit: aborted by an earlier error;"
                                    " it was rolled back");
    if (rc != ARC_OK) {
        store_rollback(store);
        return rc;
    }

    wrote =
        store->writing && (store->changes != store->changes_at_begin || store->ids_dirty);
    if (wrote)
        format_commit(store, sql, sizeof(sql));
    res = PQexec(store->conn, wrote ? sql : "COMMIT");
    if (res == NULL || PQresultStatus(res) != PGRES_COMMAND_OK)
        rc = arc_pg_fail_result(store, res, "COMMIT", "transaction: commit");
    else if (strcmp(PQcmdStatus(res), "COMMIT") != 0)
        rc = arc_fail(ARC_ESTORAGE, "transaction: commit: the server rolled it back");
    PQclear(res);
    if (rc != ARC_OK) {
        store_rollback(store);
        return rc;
    }

    if (store->writing)
        store->caches.seq = store->write_seq + (wrote ? 1 : 0);
    end_transaction(store);
    return ARC_OK;
}

static int store_rollback(arc_store *store)
{
    if (store->depth == 0)
        return ARC_OK;
    if (store->writing)
        arc_pg_caches_reset(store);
    arc_pg_sent_discard(store);
    end_transaction(store);
    if (PQstatus(store->conn) == CONNECTION_BAD) {
        reconnect(store);
        return ARC_OK;
    }
    return arc_pg_exec(store, "ROLLBACK", "transaction: rollback");
}

/*
 * A savepoint inside a transaction; alone, a read scope: one snapshot of the
 * book, read only, which never waits for writers nor they for it.
 */
static const char SAVEPOINT[] = "SAVEPOINT arc_call";
static const char RELEASE[] = "RELEASE SAVEPOINT arc_call";

static int store_savepoint(arc_store *store)
{
    PGresult *res;
    int rc;

    if (store->depth == 0) {
        res = exec_opening(store, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        rc = res && PQresultStatus(res) == PGRES_COMMAND_OK
                 ? ARC_OK
                 : arc_pg_fail_result(store, res, NULL, "transaction: read snapshot");
        PQclear(res);
        if (rc == ARC_OK)
            store->depth = 1;
        return rc;
    }

    /* Rows written behind belong to the level they were written at. */
    rc = arc_pg_batch_flush(store);
    if (rc == ARC_OK && store->aborted)
        rc = arc_fail(ARC_ESTORAGE, "transaction: aborted by an earlier error; roll it"
                                    " back");
    /* Sent ahead, as is its release: a call costs no round trip of its own. */
    if (rc == ARC_OK)
        rc = arc_pg_send_direct(store, SAVEPOINT, NULL, "transaction: savepoint", 0);
    if (rc != ARC_OK)
        return rc;
    if (store->depth < ARC_PG_MAX_DEPTH)
        memcpy(store->saved_ids[store->depth], store->next_id, sizeof(store->next_id));
    store->depth++;
    return ARC_OK;
}

static int store_rollback_to(arc_store *store);

static int store_release(arc_store *store)
{
    int rc;

    if (store->depth == 0)
        return ARC_OK;
    if (store->depth == 1) {
        if (store->writing)
            return ARC_OK;
        rc = arc_pg_exec(store, "COMMIT", "transaction: end of the read snapshot");
        end_transaction(store);
        return rc;
    }
    /* Writes sent ahead are not waited for: one that fails makes a later
     * statement or the commit fail, and loses the transaction. */
    rc = arc_pg_send_direct(store, RELEASE, NULL, "transaction: release", 0);
    if (rc == ARC_OK)
        store->depth--;
    return rc;
}

static int store_rollback_to(arc_store *store)
{
    int rc;

    if (store->depth <= 1)
        return store->writing ? ARC_OK : store_release(store);
    arc_pg_batch_discard(store);
    arc_pg_sent_discard(store);
    /* The savepoint named arc_call may be an earlier call's, whose release
     * was skipped after the failure: going back to it would undo that call. */
    if (store->lost)
        return ARC_ESTORAGE; /* the error that lost it is already set */
    rc = arc_pg_exec(store, "ROLLBACK TO SAVEPOINT arc_call; RELEASE SAVEPOINT arc_call",
                     "transaction: rollback to savepoint");
    if (rc != ARC_OK)
        return rc;
    store->depth--;
    if (store->depth < ARC_PG_MAX_DEPTH)
        memcpy(store->next_id, store->saved_ids[store->depth], sizeof(store->next_id));
    store->aborted = false;
    arc_pg_caches_reset(store);
    store->caches.valid = true;
    store->caches.seq = store->write_seq;
    return ARC_OK;
}

static int64_t store_change_count(arc_store *store)
{
    return store->changes;
}

int arc_pg_next_id(arc_store *store, enum arc_pg_id_kind kind, arc_id *out,
                   const char *what)
{
    if (!store->writing)
        return arc_fail(ARC_ERROR, "%s: written outside a write transaction", what);
    if (store->next_id[kind] == INT64_MAX)
        return arc_fail(ARC_EOVERFLOW, "%s: no ids left", what);
    *out = store->next_id[kind]++;
    store->ids_dirty = true;
    return ARC_OK;
}

/* ---- the book ---- */

static int read_book_id(const PGresult *res, int row, void *record)
{
    snprintf(record, 33, "%s", PQgetvalue(res, row, 0));
    return ARC_OK;
}

int arc_pg_book_info(arc_store *store, char *book_id, int *schema_version)
{
    static const char SQL[] = "SELECT book_id FROM arcollect.books WHERE book = $1";
    struct arc_pg_params params;
    int rc;

    arc_pg_params_init(&params, store);
    rc = arc_pg_fetch_one(store, SQL, &params, book_id, read_book_id, "book");
    if (rc == ARC_ENOTFOUND)
        return arc_fail(ARC_ENOTFOUND, "book %s: not found", store->book);
    *schema_version = ARC_PG_SCHEMA_VERSION;
    return rc;
}

static const char *const SEQUENCE_KINDS[] = { "invoice", "credit_memo" };

static int read_sequence(const PGresult *res, int row, void *record)
{
    struct arc_sequence_state *out = record;

    snprintf(out->prefix, sizeof(out->prefix), "%s", PQgetvalue(res, row, 0));
    out->next = arc_pg_int(res, row, 1);
    out->width = (int)arc_pg_int(res, row, 2);
    return ARC_OK;
}

int arc_pg_sequence_take(arc_store *store, arc_sequence kind,
                         struct arc_sequence_state *out)
{
    static const char SQL[] =
        "UPDATE arcollect.sequences SET next_number = next_number + 1"
        " WHERE book = $1 AND kind = $2 AND next_number < 9223372036854775807"
        " RETURNING prefix, next_number - 1, width";
    struct arc_pg_params params;
    int rc;

    arc_pg_params_init(&params, store);
    arc_pg_param_text(&params, SEQUENCE_KINDS[kind]);
    rc = arc_pg_fetch_one(store, SQL, &params, out, read_sequence,
                          "numbering: advancing the sequence");
    if (rc == ARC_ENOTFOUND)
        return arc_fail(ARC_EOVERFLOW, "numbering: the %s sequence is exhausted",
                        SEQUENCE_KINDS[kind]);
    if (rc == ARC_OK)
        store->changes++;
    return rc;
}

int arc_pg_sequence_put(arc_store *store, arc_sequence kind,
                        const struct arc_sequence_state *state)
{
    static const char SQL[] =
        "UPDATE arcollect.sequences SET prefix = $3,"
        " next_number = $4, width = $5 WHERE book = $1 AND kind = $2";
    struct arc_pg_params params;

    arc_pg_params_init(&params, store);
    arc_pg_param_text(&params, SEQUENCE_KINDS[kind]);
    arc_pg_param_text(&params, state->prefix);
    arc_pg_param_int(&params, state->next);
    arc_pg_param_int(&params, state->width);
    return arc_pg_command(store, SQL, &params, "book: updating a sequence", NULL);
}

/* ---- deleting a book ---- */

static int delete_rows(arc_store *store)
{
    char sql[160];
    int rc = ARC_OK;

    /* The journal refuses deletes but of the book this setting names. */
    snprintf(sql, sizeof(sql), "SET LOCAL arcollect.deleting_book = '%s'", store->book);
    rc = arc_pg_exec(store, sql, "book: deleting");
    for (size_t i = 0; arc_pg_book_tables[i] != NULL && rc == ARC_OK; i++) {
        snprintf(sql, sizeof(sql), "DELETE FROM arcollect.%s WHERE book = '%s'",
                 arc_pg_book_tables[i], store->book);
        rc = arc_pg_exec(store, sql, "book: deleting");
    }
    return rc;
}

int arc_postgresql_drop_book(const char *location, const struct arc_store_config *cfg)
{
    arc_store *store = NULL;
    int rc = store_connect(&store, location, cfg);

    if (rc == ARC_OK)
        rc = store_begin(store);
    if (rc == ARC_ENOTFOUND)
        rc = arc_fail(ARC_ENOTFOUND, "book %s: not found", store->book);
    if (rc == ARC_OK) {
        rc = delete_rows(store);
        if (rc == ARC_OK) {
            store->writing = false; /* no counters to write back: the row is gone */
            rc = store_commit(store);
        } else {
            store_rollback(store);
        }
    }
    store_free(store);
    return rc;
}

const struct arc_backend arc_postgresql_store = {
    .version = ARC_BACKEND_VERSION,
    .name = "postgresql",
    .open = store_open,
    .close = store_close,
    .drop = arc_postgresql_drop_book,
    .begin = store_begin,
    .commit = store_commit,
    .rollback = store_rollback,
    .savepoint = store_savepoint,
    .release = store_release,
    .rollback_to = store_rollback_to,
    .change_count = store_change_count,
    .book_info = arc_pg_book_info,
    .sequence_take = arc_pg_sequence_take,
    .sequence_put = arc_pg_sequence_put,
    .customer_insert = arc_pg_customer_insert,
    .customer_update = arc_pg_customer_update,
    .customer_get = arc_pg_customer_get,
    .customer_terms = arc_pg_customer_terms,
    .customer_get_by_reference = arc_pg_customer_get_by_reference,
    .customer_list = arc_pg_customer_list,
    .contact_insert = arc_pg_contact_insert,
    .contact_delete = arc_pg_contact_delete,
    .contact_list = arc_pg_contact_list,
    .invoice_insert = arc_pg_invoice_insert,
    .invoice_line_insert = arc_pg_invoice_line_insert,
    .invoice_update = arc_pg_invoice_update,
    .invoice_settle = arc_pg_invoice_settle,
    .invoice_delete = arc_pg_invoice_delete,
    .invoice_get = arc_pg_invoice_get,
    .invoice_get_by_number = arc_pg_invoice_get_by_number,
    .invoice_list = arc_pg_invoice_list,
    .invoice_list_payable = arc_pg_invoice_list_payable,
    .payment_insert = arc_pg_payment_insert,
    .payment_update = arc_pg_payment_update,
    .payment_get = arc_pg_payment_get,
    .payment_get_by_key = arc_pg_payment_get_by_key,
    .payment_list = arc_pg_payment_list,
    .credit_memo_insert = arc_pg_credit_memo_insert,
    .credit_memo_update = arc_pg_credit_memo_update,
    .credit_memo_get = arc_pg_credit_memo_get,
    .credit_memo_list = arc_pg_credit_memo_list,
    .application_insert = arc_pg_application_insert,
    .application_set_reversed = arc_pg_application_set_reversed,
    .application_list_for = arc_pg_application_list_for,
    .reason_code_insert = arc_pg_reason_code_insert,
    .reason_code_update = arc_pg_reason_code_update,
    .reason_code_get = arc_pg_reason_code_get,
    .reason_code_delete = arc_pg_reason_code_delete,
    .reason_code_list = arc_pg_reason_code_list,
    .reason_code_in_use = arc_pg_reason_code_in_use,
    .dispute_insert = arc_pg_dispute_insert,
    .dispute_update = arc_pg_dispute_update,
    .dispute_get = arc_pg_dispute_get,
    .dispute_list = arc_pg_dispute_list,
    .dispute_list_for_invoice = arc_pg_dispute_list_for_invoice,
    .sum_open_disputes_of_invoice = arc_pg_sum_open_disputes_of_invoice,
    .scan_disputed_amounts = arc_pg_scan_disputed_amounts,
    .sum_open_disputes_of_customer = arc_pg_sum_open_disputes_of_customer,
    .communication_insert = arc_pg_communication_insert,
    .communication_get = arc_pg_communication_get,
    .communication_find_email = arc_pg_communication_find_email,
    .communication_list = arc_pg_communication_list,
    .communication_list_thread = arc_pg_communication_list_thread,
    .communication_move_thread = arc_pg_communication_move_thread,
    .communication_search = arc_pg_communication_search,
    .event_append = arc_pg_event_append,
    .event_list = arc_pg_event_list,
    .scan_disputes = arc_pg_scan_disputes,
    .event_list_timeline = arc_pg_event_list_timeline,
    .rule_insert = arc_pg_rule_insert,
    .rule_update = arc_pg_rule_update,
    .rule_delete = arc_pg_rule_delete,
    .rule_get = arc_pg_rule_get,
    .rule_get_by_name = arc_pg_rule_get_by_name,
    .rule_list = arc_pg_rule_list,
    .scan_unresolved_disputes = arc_pg_scan_unresolved_disputes,
    .last_contact = arc_pg_last_contact,
    .rule_fired = arc_pg_rule_fired,
    .rule_firing_insert = arc_pg_rule_firing_insert,
    .scan_overdue_invoices = arc_pg_scan_overdue_invoices,
    .invoice_mark_overdue_alerted = arc_pg_invoice_mark_overdue_alerted,
    .dispute_mark_overdue_alerted = arc_pg_dispute_mark_overdue_alerted,
    .sum_invoice_balances = arc_pg_sum_invoice_balances,
    .sum_unapplied_credit = arc_pg_sum_unapplied_credit,
    .scan_open_items = arc_pg_scan_open_items,
    .scan_applications_after = arc_pg_scan_applications_after,
};
