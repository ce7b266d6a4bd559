/*
 * Communications in the PostgreSQL book: the records, their invoice links,
 * chat transcripts, and the tsvector that full-text search runs on.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "pg_internal.h"

#define COMMUNICATION_COLUMNS                                                            \
    "id, customer_id, channel, direction, occurred_at, created_at, user_name, subject,"  \
    " body, email_from, email_to, email_cc, message_id, in_reply_to, thread_id,"         \
    " phone_number, call_duration, call_outcome, dispute_id"

/* Newest first, strictly before the cursor ($2, $3) unless $3 is NULL. */
#define PAGE_CONDITIONS                                                                  \
    " AND ($3::bigint IS NULL OR (occurred_at, id) < ($2, $3))"                          \
    " AND ($4::text IS NULL OR channel = $4) ORDER BY occurred_at DESC, id DESC LIMIT "  \
    "$5"

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
static int parse(name_fn name, const char *text, int missing)
{
    const char *candidate;

    for (int value = 0; text != NULL && (candidate = name(value)) != NULL; value++) {
        if (strcmp(candidate, text) == 0)
            return value;
    }
    return missing;
}

static const char *column_or_null(const PGresult *res, int row, int column)
{
    return PQgetisnull(res, row, column) ? NULL : PQgetvalue(res, row, column);
}

static int read_communication(const PGresult *res, int row, void *record)
{
    struct arc_communication *out = record;
    int rc = ARC_OK;

    out->id = arc_pg_int(res, row, 0);
    out->customer_id = arc_pg_int(res, row, 1);
    out->channel = (arc_communication_channel)parse(
        channel_name, column_or_null(res, row, 2), ARC_CHANNEL_NOTE);
    out->direction = (arc_communication_direction)parse(
        direction_name, column_or_null(res, row, 3), ARC_DIRECTION_INTERNAL);
    out->occurred_at = arc_pg_time(res, row, 4);
    out->created_at = arc_pg_time(res, row, 5);
    out->user = arc_pg_text_dup(res, row, 6, &rc);
    out->subject = arc_pg_text_dup(res, row, 7, &rc);
    out->body = arc_pg_text_dup(res, row, 8, &rc);
    out->email_from = arc_pg_text_dup(res, row, 9, &rc);
    out->email_to = arc_pg_text_dup(res, row, 10, &rc);
    out->email_cc = arc_pg_text_dup(res, row, 11, &rc);
    out->message_id = arc_pg_text_dup(res, row, 12, &rc);
    out->in_reply_to = arc_pg_text_dup(res, row, 13, &rc);
    out->thread_id = arc_pg_text_dup(res, row, 14, &rc);
    out->phone_number = arc_pg_text_dup(res, row, 15, &rc);
    out->call_duration = arc_pg_int(res, row, 16);
    out->call_outcome = (arc_call_outcome)parse(
        outcome_name, column_or_null(res, row, 17), ARC_CALL_NO_OUTCOME);
    out->dispute_id = arc_pg_int(res, row, 18);
    if (rc != ARC_OK)
        arc_communication_clear(out);
    return rc;
}

/* Growable text for the search document. */
struct text {
    char *data;
    size_t length, capacity;
};

static int append(struct text *text, const char *value)
{
    size_t size = value ? strlen(value) : 0;

    if (size == 0)
        return ARC_OK;
    if (text->length + size + 2 > text->capacity) {
        size_t capacity = (text->length + size + 2) * 2;
        char *bigger = realloc(text->data, capacity);

        if (bigger == NULL)
            return arc_fail(ARC_ENOMEM, "communication: out of memory");
        text->data = bigger;
        text->capacity = capacity;
    }
    if (text->length > 0)
        text->data[text->length++] = '\n';
    memcpy(text->data + text->length, value, size + 1);
    text->length += size;
    return ARC_OK;
}

/* Whether an earlier message of the chat has the same author. */
static bool author_seen(const struct arc_communication *communication, size_t index)
{
    for (size_t i = 0; i < index; i++) {
        if (strcmp(communication->messages[i].author,
                   communication->messages[index].author) == 0)
            return true;
    }
    return false;
}

/* The searchable body (with a chat's texts) and participants (the people
 * and addresses, each chat author once). */
static int build_document(const struct arc_communication *communication,
                          struct text *body, struct text *participants)
{
    const char *people[] = { communication->user, communication->email_from,
                             communication->email_to, communication->email_cc,
                             communication->phone_number };
    int rc = append(body, communication->body);

    for (size_t i = 0; i < communication->message_count && rc == ARC_OK; i++)
        rc = append(body, communication->messages[i].text);
    for (size_t i = 0; i < sizeof(people) / sizeof(people[0]) && rc == ARC_OK; i++)
        rc = append(participants, people[i]);
    for (size_t i = 0; i < communication->message_count && rc == ARC_OK; i++) {
        if (!author_seen(communication, i))
            rc = append(participants, communication->messages[i].author);
    }
    return rc;
}

static void param_communication(struct arc_pg_params *params,
                                const struct arc_communication *communication)
{
    bool call = communication->channel == ARC_CHANNEL_CALL;

    arc_pg_param_int(params, communication->customer_id);
    arc_pg_param_text(params, arc_communication_channel_name(communication->channel));
    arc_pg_param_text(params, arc_communication_direction_name(communication->direction));
    arc_pg_param_time(params, communication->occurred_at);
    arc_pg_param_time(params, communication->created_at);
    arc_pg_param_text(params, communication->user);
    arc_pg_param_text(params, communication->subject);
    arc_pg_param_text(params, communication->body);
    arc_pg_param_text(params, communication->email_from);
    arc_pg_param_text(params, communication->email_to);
    arc_pg_param_text(params, communication->email_cc);
    arc_pg_param_text(params, communication->message_id);
    arc_pg_param_text(params, communication->in_reply_to);
    arc_pg_param_text(params, communication->thread_id);
    arc_pg_param_text(params, communication->phone_number);
    if (call)
        arc_pg_param_int(params, communication->call_duration);
    else
        arc_pg_param_text(params, NULL);
    arc_pg_param_text(params,
                      call ? arc_call_outcome_name(communication->call_outcome) : NULL);
    arc_pg_param_id(params, communication->dispute_id);
}

static int64_t invoice_id_at(const void *items, size_t index)
{
    return ((const arc_id *)items)[index];
}

static int insert_links(arc_store *store, const struct arc_communication *communication)
{
    static const char SQL[] = "INSERT INTO arcollect.communication_invoices (book, "
                              "communication_id, invoice_id)"
                              " SELECT $1, $2, unnest($3::bigint[])";
    struct arc_pg_params params;
    char *ids;
    int rc;

    if (communication->invoice_count == 0)
        return ARC_OK;
    ids = arc_pg_array_text(communication->invoice_ids, communication->invoice_count,
                            invoice_id_at);
    if (ids == NULL)
        return ARC_ENOMEM;
    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, communication->id);
    arc_pg_param_text(&params, ids);
    rc = arc_pg_command(store, SQL, &params, "communication invoice link", NULL);
    free(ids);
    return rc;
}

static int insert_messages(arc_store *store,
                           const struct arc_communication *communication)
{
    static const char SQL[] =
        "INSERT INTO arcollect.chat_messages (book, communication_id, seq, author,"
        " sent_at, text) VALUES ($1, $2, $3, $4, $5, $6)";
    struct arc_pg_params params;
    int rc = ARC_OK;

    for (size_t i = 0; i < communication->message_count && rc == ARC_OK; i++) {
        const struct arc_chat_message *message = &communication->messages[i];

        arc_pg_params_init(&params, store);
        arc_pg_param_int(&params, communication->id);
        arc_pg_param_int(&params, (int64_t)i + 1);
        arc_pg_param_text(&params, message->author);
        arc_pg_param_time(&params, message->sent_at);
        arc_pg_param_text(&params, message->text);
        rc = arc_pg_command(store, SQL, &params, "chat message", NULL);
    }
    return rc;
}

int arc_pg_communication_insert(arc_store *store, struct arc_communication *communication)
{
    static const char SQL[] =
        "INSERT INTO arcollect.communications (book, id, customer_id, channel, direction,"
        " occurred_at, created_at, user_name, subject, body, email_from, email_to,"
        " email_cc, message_id, in_reply_to, thread_id, phone_number, call_duration,"
        " call_outcome, dispute_id, search) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9,"
        " $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,"
        " setweight(to_tsvector('simple', arcollect.search_words(coalesce($9, ''))), 'A')"
        " || setweight(to_tsvector('simple', arcollect.search_words($21)), 'B')"
        " || setweight(to_tsvector('simple', arcollect.search_words($22)), 'C'))"
        " ON CONFLICT DO NOTHING";
    struct text body = { 0 }, participants = { 0 };
    struct arc_pg_params params;
    int64_t inserted = 0;
    arc_id id;
    int rc = arc_pg_next_id(store, ARC_PG_ID_COMMUNICATION, &id, "communication");

    if (rc == ARC_OK)
        rc = build_document(communication, &body, &participants);
    if (rc == ARC_OK) {
        arc_pg_params_init(&params, store);
        arc_pg_param_int(&params, id);
        param_communication(&params, communication);
        arc_pg_param_text(&params, participants.data ? participants.data : "");
        arc_pg_param_text(&params, body.data ? body.data : "");
        rc = arc_pg_command(store, SQL, &params, "communication", &inserted);
    }
    free(body.data);
    free(participants.data);
    if (rc == ARC_OK && inserted == 0)
        return arc_fail(ARC_EEXISTS,
                        "communication: email \"%s\" is already recorded (Message-ID)",
                        communication->message_id ? communication->message_id : "");
    if (rc != ARC_OK)
        return rc;
    communication->id = id;

    rc = insert_links(store, communication);
    if (rc == ARC_OK)
        rc = insert_messages(store, communication);
    return rc;
}

static int64_t communication_id_at(const void *items, size_t index)
{
    return ((const struct arc_communication *)items)[index].id;
}

static struct arc_communication *find(struct arc_communication *items, size_t count,
                                      arc_id id)
{
    for (size_t i = 0; i < count; i++) {
        if (items[i].id == id)
            return &items[i];
    }
    return NULL;
}

static int add_link(struct arc_communication *item, arc_id invoice_id)
{
    arc_id *bigger =
        realloc(item->invoice_ids, (item->invoice_count + 1) * sizeof(arc_id));

    if (bigger == NULL)
        return arc_fail(ARC_ENOMEM, "communication %lld: out of memory",
                        (long long)item->id);
    item->invoice_ids = bigger;
    item->invoice_ids[item->invoice_count++] = invoice_id;
    return ARC_OK;
}

static int add_message(struct arc_communication *item, const PGresult *res, int row)
{
    struct arc_chat_message *bigger =
        realloc(item->messages, (item->message_count + 1) * sizeof(*bigger));
    struct arc_chat_message *message;
    int rc = ARC_OK;

    if (bigger == NULL)
        return arc_fail(ARC_ENOMEM, "communication %lld: out of memory",
                        (long long)item->id);
    item->messages = bigger;
    message = &item->messages[item->message_count];
    message->author = arc_pg_text_dup(res, row, 1, &rc);
    message->sent_at = arc_pg_time(res, row, 2);
    message->text = arc_pg_text_dup(res, row, 3, &rc);
    if (rc != ARC_OK) {
        free(message->author);
        free(message->text);
        return rc;
    }
    item->message_count++;
    return ARC_OK;
}

/* The invoice links and chat transcripts of every communication read, in
 * one query each. */
static int read_children(arc_store *store, struct arc_communication *items, size_t count)
{
    static const char LINKS[] =
        "SELECT communication_id, invoice_id FROM arcollect.communication_invoices"
        " WHERE book = $1 AND communication_id = ANY ($2::bigint[])"
        " ORDER BY communication_id, invoice_id";
    static const char MESSAGES[] =
        "SELECT communication_id, author, sent_at, text FROM arcollect.chat_messages"
        " WHERE book = $1 AND communication_id = ANY ($2::bigint[])"
        " ORDER BY communication_id, seq";
    struct arc_pg_params params;
    PGresult *res;
    char *ids;
    int rc = ARC_OK;

    if (count == 0)
        return ARC_OK;
    ids = arc_pg_array_text(items, count, communication_id_at);
    if (ids == NULL)
        return ARC_ENOMEM;
    arc_pg_params_init(&params, store);
    arc_pg_param_text(&params, ids);

    res = arc_pg_query(store, LINKS, &params, "communication invoice links");
    rc = res ? ARC_OK : arc_error_last_code();
    for (int row = 0; res != NULL && row < PQntuples(res) && rc == ARC_OK; row++) {
        struct arc_communication *item = find(items, count, arc_pg_int(res, row, 0));

        rc = item ? add_link(item, arc_pg_int(res, row, 1)) : ARC_OK;
    }
    PQclear(res);

    res = rc == ARC_OK ? arc_pg_query(store, MESSAGES, &params, "chat messages") : NULL;
    if (rc == ARC_OK && res == NULL)
        rc = arc_error_last_code();
    for (int row = 0; res != NULL && row < PQntuples(res) && rc == ARC_OK; row++) {
        struct arc_communication *item = find(items, count, arc_pg_int(res, row, 0));

        if (item != NULL && item->channel == ARC_CHANNEL_CHAT)
            rc = add_message(item, res, row);
    }
    PQclear(res);
    free(ids);
    return rc;
}

static int fetch_record(arc_store *store, const char *sql,
                        const struct arc_pg_params *params, struct arc_communication *out)
{
    int rc =
        arc_pg_fetch_one(store, sql, params, out, read_communication, "communication");

    if (rc == ARC_OK)
        rc = read_children(store, out, 1);
    if (rc != ARC_OK && rc != ARC_ENOTFOUND)
        arc_communication_clear(out);
    return rc;
}

int arc_pg_communication_get(arc_store *store, arc_id id, struct arc_communication *out)
{
    static const char SQL[] =
        "SELECT " COMMUNICATION_COLUMNS
        " FROM arcollect.communications WHERE book = $1 AND id = $2";
    struct arc_pg_params params;
    int rc;

    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, id);
    rc = fetch_record(store, SQL, &params, out);
    if (rc == ARC_ENOTFOUND)
        return arc_fail(ARC_ENOTFOUND, "communication %lld: not found", (long long)id);
    return rc;
}

int arc_pg_communication_find_email(arc_store *store, const char *message_id,
                                    struct arc_communication *out)
{
    static const char SQL[] =
        "SELECT " COMMUNICATION_COLUMNS
        " FROM arcollect.communications WHERE book = $1 AND message_id = $2";
    struct arc_pg_params params;

    arc_pg_params_init(&params, store);
    arc_pg_param_text(&params, message_id);
    return fetch_record(store, SQL, &params, out);
}

static int fetch_page(arc_store *store, const char *sql,
                      const struct arc_pg_params *params,
                      struct arc_communication_page *out)
{
    int rc = arc_pg_fetch_all(store, sql, params, (void **)&out->items, &out->count,
                              sizeof(*out->items), read_communication, "communications");

    if (rc == ARC_OK)
        rc = read_children(store, out->items, out->count);
    return rc;
}

int arc_pg_communication_list(arc_store *store,
                              const struct arc_communication_filter *filter,
                              struct arc_communication_page *out)
{
    static const char ALL[] =
        "SELECT " COMMUNICATION_COLUMNS
        " FROM arcollect.communications WHERE book = $1" PAGE_CONDITIONS;
    static const char CUSTOMER[] =
        "SELECT " COMMUNICATION_COLUMNS " FROM arcollect.communications"
        " WHERE book = $1 AND customer_id = $6" PAGE_CONDITIONS;
    static const char DISPUTE[] =
        "SELECT " COMMUNICATION_COLUMNS " FROM arcollect.communications"
        " WHERE book = $1 AND dispute_id = $6" PAGE_CONDITIONS;
    static const char INVOICE[] =
        "SELECT " COMMUNICATION_COLUMNS " FROM arcollect.communications"
        " WHERE book = $1 AND id IN (SELECT communication_id"
        "   FROM arcollect.communication_invoices"
        "   WHERE book = $1 AND invoice_id = $6)" PAGE_CONDITIONS;
    const char *sql = ALL;
    arc_id owner = 0;
    struct arc_pg_params params;

    if (filter->customer_id) {
        sql = CUSTOMER;
        owner = filter->customer_id;
    } else if (filter->invoice_id) {
        sql = INVOICE;
        owner = filter->invoice_id;
    } else if (filter->dispute_id) {
        sql = DISPUTE;
        owner = filter->dispute_id;
    }

    arc_pg_params_init(&params, store);
    if (filter->before_id) {
        arc_pg_param_time(&params, filter->before_occurred_at);
        arc_pg_param_int(&params, filter->before_id);
    } else {
        arc_pg_param_text(&params, NULL);
        arc_pg_param_text(&params, NULL);
    }
    arc_pg_param_text(&params,
                      filter->channel >= 0 ? channel_name(filter->channel) : NULL);
    arc_pg_param_int(&params, filter->limit);
    if (owner)
        arc_pg_param_int(&params, owner);
    return fetch_page(store, sql, &params, out);
}

int arc_pg_communication_list_thread(arc_store *store, arc_id customer_id,
                                     const char *thread_id,
                                     struct arc_communication_page *out)
{
    static const char SQL[] =
        "SELECT " COMMUNICATION_COLUMNS " FROM arcollect.communications"
        " WHERE book = $1 AND customer_id = $2 AND thread_id = $3"
        " ORDER BY occurred_at, id";
    struct arc_pg_params params;

    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, customer_id);
    arc_pg_param_text(&params, thread_id);
    return fetch_page(store, SQL, &params, out);
}

int arc_pg_communication_move_thread(arc_store *store, arc_id customer_id,
                                     const char *from, const char *to)
{
    static const char SQL[] = "UPDATE arcollect.communications SET thread_id = $4"
                              " WHERE book = $1 AND customer_id = $2 AND thread_id = $3";
    struct arc_pg_params params;

    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, customer_id);
    arc_pg_param_text(&params, from);
    arc_pg_param_text(&params, to);
    return arc_pg_command(store, SQL, &params, "communication thread", NULL);
}

static int read_hit(const PGresult *res, int row, void *record)
{
    struct arc_communication_hit *out = record;
    int rc = ARC_OK;

    out->id = arc_pg_int(res, row, 0);
    out->customer_id = arc_pg_int(res, row, 1);
    out->channel = (arc_communication_channel)parse(
        channel_name, column_or_null(res, row, 2), ARC_CHANNEL_NOTE);
    out->occurred_at = arc_pg_time(res, row, 3);
    out->snippet = arc_pg_text_dup(res, row, 4, &rc);
    return rc;
}

int arc_pg_communication_search(arc_store *store,
                                const struct arc_communication_query *query,
                                struct arc_communication_hit_page *out)
{
    /* Rank only the most recent matches ($8 of them), then build snippets
     * for the page of hits alone. Weights: subject (A) 1.0, participants
     * (B) 0.5, body (C) 0.25, as the SQLite book's bm25 weighs its columns.
     * The snippet marks go in as \1 and \2 so that ts_headline's option
     * parser never sees the caller's text. */
    static const char SQL[] =
        "WITH q AS (SELECT to_tsquery('simple', $2) AS q),"
        " recent AS (SELECT c.id, ts_rank('{0.1, 0.25, 0.5, 1.0}', c.search, q.q) AS rank"
        "   FROM arcollect.communications c, q WHERE c.book = $1 AND c.search @@ q.q"
        "   AND ($3::bigint IS NULL OR c.customer_id = $3) ORDER BY c.id DESC LIMIT $8),"
        " page AS (SELECT id, rank FROM recent ORDER BY rank DESC, id LIMIT $6 OFFSET $7)"
        " SELECT c.id, c.customer_id, c.channel, c.occurred_at,"
        "   replace(replace(ts_headline('simple', concat_ws(E'\\n', c.subject, c.body,"
        "     (SELECT string_agg(m.text, E'\\n' ORDER BY m.seq)"
        "      FROM arcollect.chat_messages m"
        "      WHERE m.book = c.book AND m.communication_id = c.id)), q.q,"
        "     'StartSel=' || chr(1) || ', StopSel=' || chr(2)"
        "     || ', MaxWords=16, MinWords=6, ShortWord=0'),"
        "   chr(1), coalesce($4, '')), chr(2), coalesce($5, ''))"
        " FROM page JOIN arcollect.communications c ON c.book = $1 AND c.id = page.id, q"
        " ORDER BY page.rank DESC, page.id";
    int64_t window = (int64_t)query->offset + query->limit;
    struct arc_pg_params params;
    char *match = NULL;
    int rc = arc_pg_search_translate(&match, query->match);

    if (rc != ARC_OK)
        return rc;
    arc_pg_params_init(&params, store);
    arc_pg_param_text(&params, match);
    arc_pg_param_id(&params, query->customer_id);
    arc_pg_param_text(&params, query->mark_open);
    arc_pg_param_text(&params, query->mark_close);
    arc_pg_param_int(&params, query->limit);
    arc_pg_param_int(&params, query->offset);
    arc_pg_param_int(&params, window > ARC_COMMUNICATION_SEARCH_WINDOW
                                  ? window
                                  : ARC_COMMUNICATION_SEARCH_WINDOW);
    rc = arc_pg_fetch_all(store, SQL, &params, (void **)&out->items, &out->count,
                          sizeof(*out->items), read_hit, "communication search");
    free(match);
    return rc;
}
