/*
 * Communications in the SQLite book: the records, their invoice links,
 * chat transcripts, and the FTS5 index that search runs on.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "sqlite_internal.h"

#define COMMUNICATION_COLUMNS                                                            \
    "id, customer_id, channel, direction, occurred_at, created_at, user_name, subject,"  \
    " body, email_from, email_to, email_cc, message_id, in_reply_to, thread_id,"         \
    " phone_number, call_duration, call_outcome, dispute_id"

/* Newest first: the first page, and the pages after the cursor (?1, ?2).
 * The cursor has statements of its own so that it bounds the index search
 * instead of filtering the rows of every page before it. */
#define FIRST_PAGE                                                                       \
    " AND (?3 IS NULL OR channel = ?3) ORDER BY occurred_at DESC, id DESC LIMIT ?4"
#define NEXT_PAGE " AND (occurred_at, id) < (?1, ?2)" FIRST_PAGE

typedef const char *(*name_fn)(int value);

static const char *channel_name(int value)
{
    return arc_communication_channel_name((arc_communication_channel)value);
}

static const char *direction_name(int value)
{
    return arc_communication_direction_name((arc_communication_direction)value);
}

static const char *outcome_name(int value)
{
    return arc_call_outcome_name((arc_call_outcome)value);
}

/* The value whose name is @p text, or @p missing when it has none. */
static int parse(name_fn name, const unsigned char *text, int missing)
{
    const char *candidate;

    for (int value = 0; text != NULL && (candidate = name(value)) != NULL; value++) {
        if (strcmp(candidate, (const char *)text) == 0)
            return value;
    }
    return missing;
}

static int read_communication(sqlite3_stmt *stmt, void *record)
{
    struct arc_communication *out = record;
    int rc = ARC_OK;

    out->id = sqlite3_column_int64(stmt, 0);
    out->customer_id = sqlite3_column_int64(stmt, 1);
    out->channel = (arc_communication_channel)parse(
        channel_name, sqlite3_column_text(stmt, 2), ARC_CHANNEL_NOTE);
    out->direction = (arc_communication_direction)parse(
        direction_name, sqlite3_column_text(stmt, 3), ARC_DIRECTION_INTERNAL);
    out->occurred_at = arc_sqlite_column_time(stmt, 4);
    out->created_at = arc_sqlite_column_time(stmt, 5);
    out->user = arc_sqlite_column_text_dup(stmt, 6, &rc);
    out->subject = arc_sqlite_column_text_dup(stmt, 7, &rc);
    out->body = arc_sqlite_column_text_dup(stmt, 8, &rc);
    out->email_from = arc_sqlite_column_text_dup(stmt, 9, &rc);
    out->email_to = arc_sqlite_column_text_dup(stmt, 10, &rc);
    out->email_cc = arc_sqlite_column_text_dup(stmt, 11, &rc);
    out->message_id = arc_sqlite_column_text_dup(stmt, 12, &rc);
    out->in_reply_to = arc_sqlite_column_text_dup(stmt, 13, &rc);
    out->thread_id = arc_sqlite_column_text_dup(stmt, 14, &rc);
    out->phone_number = arc_sqlite_column_text_dup(stmt, 15, &rc);
    out->call_duration = sqlite3_column_int64(stmt, 16);
    out->call_outcome = (arc_call_outcome)parse(
        outcome_name, sqlite3_column_text(stmt, 17), ARC_CALL_NO_OUTCOME);
    out->dispute_id = sqlite3_column_int64(stmt, 18);
    if (rc != ARC_OK)
        arc_communication_clear(out);
    return rc;
}

static void bind_communication(sqlite3_stmt *stmt,
                               const struct arc_communication *communication)
{
    bool call = communication->channel == ARC_CHANNEL_CALL;

    sqlite3_bind_int64(stmt, 1, communication->customer_id);
    arc_sqlite_bind_text(stmt, 2, arc_communication_channel_name(communication->channel));
    arc_sqlite_bind_text(stmt, 3,
                         arc_communication_direction_name(communication->direction));
    arc_sqlite_bind_time(stmt, 4, communication->occurred_at);
    arc_sqlite_bind_time(stmt, 5, communication->created_at);
    arc_sqlite_bind_text(stmt, 6, communication->user);
    arc_sqlite_bind_text(stmt, 7, communication->subject);
    arc_sqlite_bind_text(stmt, 8, communication->body);
    arc_sqlite_bind_text(stmt, 9, communication->email_from);
    arc_sqlite_bind_text(stmt, 10, communication->email_to);
    arc_sqlite_bind_text(stmt, 11, communication->email_cc);
    arc_sqlite_bind_text(stmt, 12, communication->message_id);
    arc_sqlite_bind_text(stmt, 13, communication->in_reply_to);
    arc_sqlite_bind_text(stmt, 14, communication->thread_id);
    arc_sqlite_bind_text(stmt, 15, communication->phone_number);
    if (call)
        sqlite3_bind_int64(stmt, 16, communication->call_duration);
    if (call)
        arc_sqlite_bind_text(stmt, 17,
                             arc_call_outcome_name(communication->call_outcome));
    arc_sqlite_bind_id(stmt, 18, communication->dispute_id);
}

static int insert_links(arc_store *store, const struct arc_communication *communication)
{
    static const char SQL[] =
        "INSERT INTO communication_invoices (communication_id, invoice_id)"
        " VALUES (?1, ?2)";
    int rc = ARC_OK;

    for (size_t i = 0; i < communication->invoice_count && rc == ARC_OK; i++) {
        sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);

        if (stmt == NULL)
            return arc_error_last_code();
        sqlite3_bind_int64(stmt, 1, communication->id);
        sqlite3_bind_int64(stmt, 2, communication->invoice_ids[i]);
        rc = arc_sqlite_exec_stmt(store, stmt, "communication invoice link");
    }
    return rc;
}

static int insert_messages(arc_store *store,
                           const struct arc_communication *communication)
{
    static const char SQL[] =
        "INSERT INTO chat_messages (communication_id, seq, author, sent_at, text)"
        " VALUES (?1, ?2, ?3, ?4, ?5)";
    int rc = ARC_OK;

    for (size_t i = 0; i < communication->message_count && rc == ARC_OK; i++) {
        const struct arc_chat_message *message = &communication->messages[i];
        sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);

        if (stmt == NULL)
            return arc_error_last_code();
        sqlite3_bind_int64(stmt, 1, communication->id);
        sqlite3_bind_int64(stmt, 2, (sqlite3_int64)i + 1);
        arc_sqlite_bind_text(stmt, 3, message->author);
        arc_sqlite_bind_time(stmt, 4, message->sent_at);
        arc_sqlite_bind_text(stmt, 5, message->text);
        rc = arc_sqlite_exec_stmt(store, stmt, "chat message");
    }
    return rc;
}

/* Index the communication as the documents view presents it. */
static int index_communication(arc_store *store, arc_id id)
{
    static const char SQL[] =
        "INSERT INTO communications_fts (rowid, subject, body, participants, scope)"
        " SELECT id, subject, body, participants, scope FROM communication_documents"
        " WHERE id = ?1";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);

    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_int64(stmt, 1, id);
    return arc_sqlite_exec_stmt(store, stmt, "communication search index");
}

int arc_sqlite_communication_insert(arc_store *store,
                                    struct arc_communication *communication)
{
    static const char SQL[] =
        "INSERT INTO communications (customer_id, channel, direction, occurred_at,"
        " created_at, user_name, subject, body, email_from, email_to, email_cc,"
        " message_id, in_reply_to, thread_id, phone_number, call_duration, call_outcome,"
        " dispute_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
        " ?14, ?15, ?16, ?17, ?18)";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);
    int rc;

    if (stmt == NULL)
        return arc_error_last_code();
    bind_communication(stmt, communication);
    rc = arc_sqlite_exec_stmt(store, stmt, "communication");
    if (rc != ARC_OK)
        return rc;
    communication->id = sqlite3_last_insert_rowid(store->conn);

    rc = insert_links(store, communication);
    if (rc == ARC_OK)
        rc = insert_messages(store, communication);
    if (rc == ARC_OK)
        rc = index_communication(store, communication->id);
    return rc;
}

static int read_invoice_id(sqlite3_stmt *stmt, void *record)
{
    *(arc_id *)record = sqlite3_column_int64(stmt, 0);
    return ARC_OK;
}

static int read_message(sqlite3_stmt *stmt, void *record)
{
    struct arc_chat_message *out = record;
    int rc = ARC_OK;

    out->author = arc_sqlite_column_text_dup(stmt, 0, &rc);
    out->sent_at = arc_sqlite_column_time(stmt, 1);
    out->text = arc_sqlite_column_text_dup(stmt, 2, &rc);
    if (rc != ARC_OK) {
        free(out->author);
        free(out->text);
    }
    return rc;
}

/* Read the invoice links and transcript of each communication read. */
static int read_children(arc_store *store, struct arc_communication *items, size_t count)
{
    static const char LINKS[] = "SELECT invoice_id FROM communication_invoices"
                                " WHERE communication_id = ?1 ORDER BY invoice_id";
    static const char MESSAGES[] = "SELECT author, sent_at, text FROM chat_messages"
                                   " WHERE communication_id = ?1 ORDER BY seq";
    int rc = ARC_OK;

    for (size_t i = 0; i < count && rc == ARC_OK; i++) {
        sqlite3_stmt *stmt = arc_sqlite_stmt(store, LINKS);

        if (stmt == NULL)
            return arc_error_last_code();
        sqlite3_bind_int64(stmt, 1, items[i].id);
        rc = arc_sqlite_fetch_all(store, stmt, (void **)&items[i].invoice_ids,
                                  &items[i].invoice_count, sizeof(arc_id),
                                  read_invoice_id, "communication invoice links");
        if (rc != ARC_OK || items[i].channel != ARC_CHANNEL_CHAT)
            continue;

        stmt = arc_sqlite_stmt(store, MESSAGES);
        if (stmt == NULL)
            return arc_error_last_code();
        sqlite3_bind_int64(stmt, 1, items[i].id);
        rc = arc_sqlite_fetch_all(store, stmt, (void **)&items[i].messages,
                                  &items[i].message_count, sizeof(*items[i].messages),
                                  read_message, "chat messages");
    }
    return rc;
}

static int fetch_record(arc_store *store, sqlite3_stmt *stmt,
                        struct arc_communication *out)
{
    int rc = arc_sqlite_fetch_one(store, stmt, out, read_communication, "communication");

    if (rc == ARC_OK)
        rc = read_children(store, out, 1);
    if (rc != ARC_OK && rc != ARC_ENOTFOUND)
        arc_communication_clear(out);
    return rc;
}

int arc_sqlite_communication_get(arc_store *store, arc_id id,
                                 struct arc_communication *out)
{
    static const char SQL[] =
        "SELECT " COMMUNICATION_COLUMNS " FROM communications WHERE id = ?1";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);
    int rc;

    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_int64(stmt, 1, id);
    rc = fetch_record(store, stmt, out);
    if (rc == ARC_ENOTFOUND)
        return arc_fail(ARC_ENOTFOUND, "communication %lld: not found", (long long)id);
    return rc;
}

int arc_sqlite_communication_find_email(arc_store *store, const char *message_id,
                                        struct arc_communication *out)
{
    static const char SQL[] =
        "SELECT " COMMUNICATION_COLUMNS " FROM communications WHERE message_id = ?1";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);

    if (stmt == NULL)
        return arc_error_last_code();
    arc_sqlite_bind_text(stmt, 1, message_id);
    return fetch_record(store, stmt, out);
}

static int fetch_page(arc_store *store, sqlite3_stmt *stmt,
                      struct arc_communication_page *out)
{
    int rc =
        arc_sqlite_fetch_all(store, stmt, (void **)&out->items, &out->count,
                             sizeof(*out->items), read_communication, "communications");

    if (rc == ARC_OK)
        rc = read_children(store, out->items, out->count);
    return rc;
}

int arc_sqlite_communication_list(arc_store *store,
                                  const struct arc_communication_filter *filter,
                                  struct arc_communication_page *out)
{
#define FROM_ALL "SELECT " COMMUNICATION_COLUMNS " FROM communications WHERE 1"
#define FROM_CUSTOMER                                                                    \
    "SELECT " COMMUNICATION_COLUMNS " FROM communications WHERE customer_id = ?5"
#define FROM_DISPUTE                                                                     \
    "SELECT " COMMUNICATION_COLUMNS " FROM communications WHERE dispute_id = ?5"
#define FROM_INVOICE                                                                     \
    "SELECT " COMMUNICATION_COLUMNS " FROM communications"                               \
    " WHERE id IN (SELECT communication_id FROM communication_invoices"                  \
    "              WHERE invoice_id = ?5)"
    /* By scope (book, customer, invoice, dispute), then first or next page. */
    static const char *const SQL[4][2] = {
        { FROM_ALL FIRST_PAGE, FROM_ALL NEXT_PAGE },
        { FROM_CUSTOMER FIRST_PAGE, FROM_CUSTOMER NEXT_PAGE },
        { FROM_INVOICE FIRST_PAGE, FROM_INVOICE NEXT_PAGE },
        { FROM_DISPUTE FIRST_PAGE, FROM_DISPUTE NEXT_PAGE },
    };
    int scope = 0;
    arc_id owner = 0;
    sqlite3_stmt *stmt;

    if (filter->customer_id) {
        scope = 1;
        owner = filter->customer_id;
    } else if (filter->invoice_id) {
        scope = 2;
        owner = filter->invoice_id;
    } else if (filter->dispute_id) {
        scope = 3;
        owner = filter->dispute_id;
    }

    stmt = arc_sqlite_stmt(store, SQL[scope][filter->before_id != 0]);
    if (stmt == NULL)
        return arc_error_last_code();
    if (filter->before_id) {
        arc_sqlite_bind_time(stmt, 1, filter->before_occurred_at);
        sqlite3_bind_int64(stmt, 2, filter->before_id);
    }
    if (filter->channel >= 0)
        arc_sqlite_bind_text(stmt, 3, channel_name(filter->channel));
    sqlite3_bind_int(stmt, 4, (int)filter->limit);
    if (owner)
        sqlite3_bind_int64(stmt, 5, owner);
    return fetch_page(store, stmt, out);
}

int arc_sqlite_communication_list_thread(arc_store *store, arc_id customer_id,
                                         const char *thread_id,
                                         struct arc_communication_page *out)
{
    static const char SQL[] = "SELECT " COMMUNICATION_COLUMNS " FROM communications"
                              " WHERE customer_id = ?1 AND thread_id = ?2"
                              " ORDER BY occurred_at, id";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);

    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_int64(stmt, 1, customer_id);
    arc_sqlite_bind_text(stmt, 2, thread_id);
    return fetch_page(store, stmt, out);
}

int arc_sqlite_communication_move_thread(arc_store *store, arc_id customer_id,
                                         const char *from, const char *to)
{
    static const char SQL[] = "UPDATE communications SET thread_id = ?3"
                              " WHERE customer_id = ?1 AND thread_id = ?2";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);

    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_int64(stmt, 1, customer_id);
    arc_sqlite_bind_text(stmt, 2, from);
    arc_sqlite_bind_text(stmt, 3, to);
    return arc_sqlite_exec_stmt(store, stmt, "communication thread");
}

static int read_hit(sqlite3_stmt *stmt, struct arc_communication_hit *out)
{
    int rc = ARC_OK;

    out->id = sqlite3_column_int64(stmt, 0);
    out->customer_id = sqlite3_column_int64(stmt, 1);
    out->channel = (arc_communication_channel)parse(
        channel_name, sqlite3_column_text(stmt, 2), ARC_CHANNEL_NOTE);
    out->occurred_at = arc_sqlite_column_time(stmt, 3);
    out->snippet = arc_sqlite_column_text_dup(stmt, 4, &rc);
    return rc;
}

/* A query FTS5 cannot parse fails while stepping, with SQLITE_ERROR: that
 * is the caller's input at fault, not the storage. */
static int search_failed(arc_store *store, const struct arc_communication_query *query)
{
    int code = sqlite3_extended_errcode(store->conn);

    if (code == SQLITE_ERROR)
        return arc_fail(ARC_EINVAL, "communication search: query \"%s\": %s",
                        query->match, sqlite3_errmsg(store->conn));
    return arc_sqlite_fail(store, code, "communication search");
}

/*
 * The match expression of the inner query: the host's query, and for one
 * customer also that customer's scope token, so that the search engine
 * intersects the two lists instead of ranking every match in the book.
 */
static char *scoped_match(const struct arc_communication_query *query)
{
    size_t size = strlen(query->match) + 48;
    char *match = malloc(size);

    if (match == NULL) {
        arc_fail(ARC_ENOMEM, "communication search: out of memory");
        return NULL;
    }
    if (query->customer_id != 0)
        snprintf(match, size, "(%s) AND scope : c%lld", query->match,
                 (long long)query->customer_id);
    else
        snprintf(match, size, "%s", query->match);
    return match;
}

int arc_sqlite_communication_search(arc_store *store,
                                    const struct arc_communication_query *query,
                                    struct arc_communication_hit_page *out)
{
    /* Rank only the most recent matches (?7 of them), then build snippets
     * for the page of hits alone. The customer filter is applied again on
     * the rows, whatever the query text does with parentheses. */
    static const char SQL[] =
        "SELECT c.id, c.customer_id, c.channel, c.occurred_at,"
        " snippet(communications_fts, -1, ?3, ?4, '...', 16)"
        " FROM (SELECT r, s FROM (SELECT rowid AS r,"
        "         bm25(communications_fts, 4.0, 1.0, 2.0, 0.0) AS s"
        "       FROM communications_fts WHERE communications_fts MATCH ?1"
        "       ORDER BY rowid DESC LIMIT ?7)"
        "     ORDER BY s, r LIMIT ?5 OFFSET ?6) AS h"
        " JOIN communications_fts ON communications_fts.rowid = h.r"
        " JOIN communications c ON c.id = h.r"
        " WHERE communications_fts MATCH ?8 AND (?2 IS NULL OR c.customer_id = ?2)"
        " ORDER BY h.s, h.r";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);
    int64_t window = (int64_t)query->offset + query->limit;
    char *match;
    size_t capacity = 0;
    int rc = ARC_OK, step = SQLITE_DONE;

    if (stmt == NULL)
        return arc_error_last_code();
    match = scoped_match(query);
    if (match == NULL)
        return ARC_ENOMEM;
    arc_sqlite_bind_text(stmt, 1, match);
    arc_sqlite_bind_id(stmt, 2, query->customer_id);
    arc_sqlite_bind_text(stmt, 3, query->mark_open);
    arc_sqlite_bind_text(stmt, 4, query->mark_close);
    sqlite3_bind_int(stmt, 5, (int)query->limit);
    sqlite3_bind_int64(stmt, 6, query->offset);
    sqlite3_bind_int64(stmt, 7,
                       window > ARC_COMMUNICATION_SEARCH_WINDOW
                           ? window
                           : ARC_COMMUNICATION_SEARCH_WINDOW);
    arc_sqlite_bind_text(stmt, 8, query->match);

    while (rc == ARC_OK && (step = sqlite3_step(stmt)) == SQLITE_ROW) {
        struct arc_communication_hit *hit = arc_sqlite_page_grow(
            (void **)&out->items, &out->count, &capacity, sizeof(*out->items));

        rc = hit ? read_hit(stmt, hit) : ARC_ENOMEM;
    }
    if (rc == ARC_OK && step != SQLITE_DONE)
        rc = search_failed(store, query);
    sqlite3_reset(stmt);
    free(match);
    return rc;
}
