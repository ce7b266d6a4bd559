/*
 * Shared plumbing of the PostgreSQL backend: the connection and its
 * transaction state, a cache of prepared statements keyed by their SQL text,
 * parameters and columns, SQLSTATE mapping, rows written behind, and the
 * caches a write transaction may trust because it holds the book's lock.
 *
 * Many books share one database. Every table lives in the schema arcollect,
 * starts its primary key with the book, and every statement names the book
 * as its first parameter ($1). Dates are `date`, instants `timestamptz` (the
 * session runs in UTC), amounts bigint, enumerations their lower-case names.
 *
 * Writers of one book serialize on its row in arcollect.books (begin takes
 * it FOR UPDATE), as SQLite's writers do on the file's write lock; writers
 * of different books never wait for each other. Holding that lock is what
 * lets a write transaction take record ids from the book's own counters,
 * write some rows behind (sent with COPY before anything could read them),
 * and keep what it read of customers and invoice numbers across
 * transactions for as long as no other connection committed a write.
 */
#ifndef ARC_PG_INTERNAL_H
#define ARC_PG_INTERNAL_H

#include <libpq-fe.h>

#include "enum_names.h" /* column text -> enum */
#include "store.h"

/* The schema this library writes (independent of the SQLite book's). */
#define ARC_PG_SCHEMA_VERSION 1

/* Slots of the prepared-statement cache; well above the statements used. */
#define ARC_PG_STMT_CACHE 256

/* Most parameters one statement takes. */
#define ARC_PG_MAX_PARAMS 28

/* Most statements sent ahead before their results are read: their answers
 * must fit in the socket buffers while the client is still sending. */
#define ARC_PG_SENT_MAX 128

/* Savepoints deeper than this still work, but a rollback to one of them
 * leaves gaps in the ids instead of giving them back. */
#define ARC_PG_MAX_DEPTH 16

/* Tables whose ids come from the book's counters (books.next_ids). */
enum arc_pg_id_kind {
    ARC_PG_ID_CUSTOMER,
    ARC_PG_ID_CONTACT,
    ARC_PG_ID_INVOICE,
    ARC_PG_ID_PAYMENT,
    ARC_PG_ID_CREDIT_MEMO,
    ARC_PG_ID_APPLICATION,
    ARC_PG_ID_DISPUTE,
    ARC_PG_ID_EVENT,
    ARC_PG_ID_COMMUNICATION,
    ARC_PG_ID_RULE,
    ARC_PG_ID_KINDS
};

/* Tables whose rows may be written behind, in the order they are flushed
 * (parents before children). */
enum arc_pg_batch_table {
    ARC_PG_BATCH_INVOICES,
    ARC_PG_BATCH_INVOICE_LINES,
    ARC_PG_BATCH_EVENTS,
    ARC_PG_BATCH_TABLES
};

/* The columns of the tables written behind, in the order arc_pg_batch_add()
 * takes their values (the book first). */
#define ARC_PG_INVOICE_COLUMNS                                                           \
    "book, id, number, customer_id, status, currency, issue_date, due_date,"             \
    " due_date_given, memo, subtotal, tax, total, paid, balance, closed_on,"             \
    " close_reason, created_at, updated_at"
#define ARC_PG_INVOICE_LINE_COLUMNS                                                      \
    "book, invoice_id, line_no, description, quantity, unit_price, tax_rate, item_code," \
    " period_start, period_end, net, tax"
#define ARC_PG_EVENT_INSERT_COLUMNS                                                      \
    "book, id, kind, occurred_at, actor, record_id, customer_id, invoice_id,"            \
    " dispute_id, amount, currency, detail"

/* Rows of one table waiting to be sent: each value NUL-terminated in
 * @p data, a NULL value marked by an offset of SIZE_MAX. */
struct arc_pg_batch {
    char *data;
    size_t length, capacity;
    size_t *offsets; /* rows * columns value offsets */
    size_t values, value_capacity;
};

/* Tables whose growth may outrun their planner statistics (pg_stats.c). */
enum arc_pg_grown_table {
    ARC_PG_GROWN_CUSTOMERS,
    ARC_PG_GROWN_INVOICES,
    ARC_PG_GROWN_PAYMENTS,
    ARC_PG_GROWN_TABLES
};

struct arc_pg_growth {
    int64_t rows; /* added by this connection since the last look */
    double known; /* rows the statistics showed then */
    bool refused; /* not ours to analyze, or no way to tell */
};

/* A statement sent ahead (pg_pipeline.c), its result not read yet. */
struct arc_pg_sent {
    const char *sql;
    const char *what; /* names the record in a failure, with id */
    arc_id id;
};

struct arc_pg_cached {
    const char *sql; /* compared by address */
    unsigned int number;
};

/* What one connection knows of a customer's terms. */
struct arc_pg_terms_entry {
    arc_id id; /* 0: empty slot */
    struct arc_customer_terms terms;
};

/* Invoice numbers known free: none of them existed in the book when the
 * interval [low, high) was read (high "" means no bound), and none was
 * taken since but those in the taken set. */
struct arc_pg_number_gap {
    char *low;
    char *high;
};

struct arc_pg_caches {
    bool valid;  /* loaded under a write_seq this connection knows */
    int64_t seq; /* books.write_seq they are valid for */
    struct arc_pg_terms_entry *terms;
    size_t terms_capacity, terms_count;
    struct arc_pg_number_gap *gaps;
    size_t gap_count, gap_capacity;
    char **taken; /* hash set of numbers written since the gaps were read */
    size_t taken_capacity, taken_count;
};

struct arc_store {
    PGconn *conn;
    char *conninfo; /* the URI without our parameters, for reconnecting */
    char book[65];
    int busy_timeout_ms;

    int depth;       /* 0: no transaction; 1: begin or a read scope; more: savepoints */
    bool writing;    /* the transaction was opened by begin */
    bool aborted;    /* an error left the server's transaction unusable */
    bool lost;       /* a statement sent ahead failed: no savepoint can help */
    int64_t changes; /* rows written through this connection */
    int64_t changes_at_begin;
    int64_t write_seq; /* books.write_seq read by begin */

    int64_t next_id[ARC_PG_ID_KINDS]; /* the book's counters, while writing */
    bool ids_dirty;
    int64_t saved_ids[ARC_PG_MAX_DEPTH][ARC_PG_ID_KINDS]; /* at each savepoint */

    struct arc_pg_batch batches[ARC_PG_BATCH_TABLES];
    size_t batch_rows;

    struct arc_pg_sent sent[ARC_PG_SENT_MAX];
    size_t sent_count;

    struct arc_pg_growth growth[ARC_PG_GROWN_TABLES];

    struct arc_pg_caches caches;

    struct arc_pg_cached cache[ARC_PG_STMT_CACHE];
    unsigned int prepared_count;
    unsigned int cursor_count; /* names the cursors of scans */
};

/* Parameters of one statement: $1 is always the book. */
struct arc_pg_params {
    const char *values[ARC_PG_MAX_PARAMS];
    char text[ARC_PG_MAX_PARAMS][32]; /* numbers, dates and instants as text */
    int count;
};

/* Reads row @p row of @p res into a record. */
typedef int (*arc_pg_read_fn)(const PGresult *res, int row, void *record);

/* ---- pg_util.c ---- */

/* Start a parameter list whose $1 is the store's book. */
void arc_pg_params_init(struct arc_pg_params *params, const arc_store *store);

/* Append $n: NULL strings, zero ids and ARC_DATE_NONE become SQL NULL. The
 * string is borrowed until the statement runs. */
void arc_pg_param_text(struct arc_pg_params *params, const char *text);
void arc_pg_param_int(struct arc_pg_params *params, int64_t value);
void arc_pg_param_id(struct arc_pg_params *params, arc_id id);
void arc_pg_param_bool(struct arc_pg_params *params, bool value);
void arc_pg_param_date(struct arc_pg_params *params, arc_date date);
void arc_pg_param_time(struct arc_pg_params *params, arc_time instant);

/* Format a date ("YYYY-MM-DD") or an instant ("YYYY-MM-DD HH:MM:SS+00"). */
void arc_pg_format_date(char out[11], arc_date date);
void arc_pg_format_time(char out[32], arc_time instant);

/*
 * Run a cached prepared statement (@p sql must have static storage: the
 * cache keys on its address) after sending the rows written behind that it
 * may read, and after the statements sent ahead. Returns the result, or
 * NULL after setting the error (naming @p what).
 */
PGresult *arc_pg_query(arc_store *store, const char *sql,
                       const struct arc_pg_params *params, const char *what);

/* The same without sending the rows written behind: for statements that
 * read no table those rows go to. */
PGresult *arc_pg_query_direct(arc_store *store, const char *sql,
                              const struct arc_pg_params *params, const char *what);

/* Run a statement that returns no rows; *@p affected (may be NULL) gets the
 * rows it changed, which also count as the connection's changes. */
int arc_pg_command(arc_store *store, const char *sql, const struct arc_pg_params *params,
                   const char *what, int64_t *affected);

/* Run SQL text without parameters (transaction control, DDL), after the
 * statements sent ahead. */
int arc_pg_exec(arc_store *store, const char *sql, const char *what);

/* The name of @p sql's prepared statement in @p name, preparing it on first
 * use (after the statements sent ahead). */
int arc_pg_prepared_name(arc_store *store, const char *sql, char name[16],
                         const char *what);

/* Whether @p res is a success of a statement (with or without rows). */
bool arc_pg_result_ok(const PGresult *res);

/* One row into @p out by @p read; ARC_ENOTFOUND, with no message set, when
 * there is none. */
int arc_pg_fetch_one(arc_store *store, const char *sql,
                     const struct arc_pg_params *params, void *out, arc_pg_read_fn read,
                     const char *what);

/* Every row into a growing array of @p item_size records, appended to
 * *@p items / *@p count. */
int arc_pg_fetch_all(arc_store *store, const char *sql,
                     const struct arc_pg_params *params, void **items, size_t *count,
                     size_t item_size, arc_pg_read_fn read, const char *what);

/* A statement that returns one integer (a sum, a count, a flag). */
int arc_pg_sum_one(arc_store *store, const char *sql, const struct arc_pg_params *params,
                   int64_t *out, const char *what);

/* Give the rows of a query to @p row one at a time, fetched in batches
 * through a cursor (so that @p row may query the book itself); @p row
 * returns 0 to go on or a code that stops the scan and is returned. */
int arc_pg_scan(arc_store *store, const char *sql, const struct arc_pg_params *params,
                int (*row)(void *ctx, const PGresult *res, int row), void *ctx,
                const char *what);

/* Map a failed result to an ARC_E... code with a message naming @p what. */
int arc_pg_fail_result(arc_store *store, const PGresult *res, const char *sql,
                       const char *what);

/* Forget every prepared statement (after a reconnection). */
void arc_pg_stmt_forget(arc_store *store);

/* Columns. Strings are copied with malloc (NULL stays NULL; ARC_ENOMEM
 * through @p rc); NULL numbers read 0 and NULL dates ARC_DATE_NONE. */
int64_t arc_pg_int(const PGresult *res, int row, int column);
bool arc_pg_bool(const PGresult *res, int row, int column);
char *arc_pg_text_dup(const PGresult *res, int row, int column, int *rc);
arc_date arc_pg_date(const PGresult *res, int row, int column);
arc_time arc_pg_time(const PGresult *res, int row, int column);
void arc_pg_currency(const PGresult *res, int row, int column, arc_currency_code out);

/* Grow a page's item array by one zeroed record; NULL with ARC_ENOMEM set. */
void *arc_pg_page_grow(void **items, size_t *count, size_t *capacity, size_t item_size);

/* Bind a list filter to a paged query written with $2 = after_id,
 * $3 = status (NULL: all; the caller appends it), $4 = limit and, when
 * filtering by customer, $5 = customer_id. */
void arc_pg_params_list(struct arc_pg_params *params, const arc_store *store,
                        const struct arc_store_list *filter, const char *status);

/* An array literal "{v0,v1,...}" of @p count integers, value i being
 * at(items, i); malloc'd, or NULL with ARC_ENOMEM set. */
char *arc_pg_array_text(const void *items, size_t count,
                        int64_t (*at)(const void *items, size_t index));

/* ---- pg_store.c ---- */

/* Take the next id of @p kind from the book's counters; only while writing. */
int arc_pg_next_id(arc_store *store, enum arc_pg_id_kind kind, arc_id *out,
                   const char *what);

/* The transaction is lost (an error the server aborted it for, outside any
 * savepoint): count it as a change, so that the core does not go on with a
 * host transaction that can no longer commit. */
void arc_pg_mark_aborted(arc_store *store);

int arc_pg_book_info(arc_store *store, char *book_id, int *schema_version);
int arc_pg_sequence_take(arc_store *store, arc_sequence kind,
                         struct arc_sequence_state *out);
int arc_pg_sequence_put(arc_store *store, arc_sequence kind,
                        const struct arc_sequence_state *state);

/* ---- pg_batch.c: rows written behind ---- */

/* Start a row of @p table; then append each column's value in order. */
int arc_pg_batch_add(arc_store *store, enum arc_pg_batch_table table,
                     const struct arc_pg_params *params);

/* Send every row written behind (COPY, parents first). */
int arc_pg_batch_flush(arc_store *store);

/* Send the rows written behind that @p sql may depend on: every table's but
 * the journal's, which waits for a statement naming it or the commit. */
int arc_pg_batch_send_before(arc_store *store, const char *sql);

/* Drop the rows written behind (a rollback). */
void arc_pg_batch_discard(arc_store *store);

/* Free the buffers. */
void arc_pg_batch_free(arc_store *store);

/* ---- pg_pipeline.c: statements sent ahead ---- */

/*
 * Send a write without waiting for its result, after the rows written
 * behind that it may depend on. Only for a write that the core checked and
 * the book's lock keeps valid, and that changes at least one row: a failure
 * (or no row changed, reported as "@p what @p id: not found") comes out of
 * the next statement that waits, and loses the transaction. Outside a write
 * transaction it runs at once.
 */
int arc_pg_send(arc_store *store, const char *sql, const struct arc_pg_params *params,
                const char *what, arc_id id);

/* The same without sending the rows written behind first nor counting a
 * change: for those rows themselves, and savepoints (@p params NULL), inside
 * a write transaction. */
int arc_pg_send_direct(arc_store *store, const char *sql,
                       const struct arc_pg_params *params, const char *what, arc_id id);

/* Read the results of the statements sent ahead; the first failure's code. */
int arc_pg_sent_wait(arc_store *store);

/* Read and drop them, setting no error: a rollback undoes them anyway. */
void arc_pg_sent_discard(arc_store *store);

/* Run prepared statement @p name (of @p sql) behind the statements sent
 * ahead, in the same round trip; as arc_pg_query_direct(). */
PGresult *arc_pg_sent_then_query(arc_store *store, const char *name, const char *sql,
                                 const struct arc_pg_params *params, const char *what);

/* ---- pg_stats.c: statistics of tables that grow fast ---- */

/*
 * Count @p rows just written to @p table, inside a write transaction; when
 * they outnumber the rows the table's statistics show, analyze it, so that
 * the server's foreign key checks use its indexes. Fails only when waiting
 * for the statements sent ahead fails.
 */
int arc_pg_stats_grew(arc_store *store, enum arc_pg_grown_table table, int64_t rows);

/* ---- pg_cache.c: what a write transaction may trust ---- */

/* A customer's terms, if known; true when found. */
bool arc_pg_terms_lookup(arc_store *store, arc_id id, struct arc_customer_terms *out);
/* Remember terms read or written while writing; an allocation failure only
 * loses the entry. */
void arc_pg_terms_remember(arc_store *store, arc_id id,
                           const struct arc_customer_terms *terms);
/* Whether @p number was written by this connection since its caches were
 * last valid (so taken), and whether it is known to be free in the book. */
bool arc_pg_number_is_taken(arc_store *store, const char *number);
bool arc_pg_number_known_free(arc_store *store, const char *number);
/* Record that [low, high) held no number when read (high NULL: no bound). */
void arc_pg_number_gap_add(arc_store *store, const char *low, const char *high);
/* Record that @p number is taken now. */
void arc_pg_number_taken(arc_store *store, const char *number);
/* Forget everything (another connection wrote, or a rollback). */
void arc_pg_caches_reset(arc_store *store);
void arc_pg_caches_free(arc_store *store);

/* ---- pg_schema.c ---- */

/* Create or migrate the schema (under an advisory lock), then open or
 * create the book. */
int arc_pg_schema_prepare(arc_store *store, const struct arc_store_config *cfg);
int arc_pg_book_open(arc_store *store, const struct arc_store_config *cfg);

/* Every table of a book, children first, for deleting one. */
extern const char *const arc_pg_book_tables[];

/* ---- the record operations, grouped by file ---- */

int arc_pg_customer_insert(arc_store *store, struct arc_customer *customer);
int arc_pg_customer_update(arc_store *store, const struct arc_customer *customer);
int arc_pg_customer_get(arc_store *store, arc_id id, struct arc_customer *out);
int arc_pg_customer_terms(arc_store *store, arc_id id, struct arc_customer_terms *out);
int arc_pg_customer_get_by_reference(arc_store *store, const char *reference,
                                     struct arc_customer *out);
int arc_pg_customer_list(arc_store *store, const struct arc_store_list *filter,
                         struct arc_customer_page *out);
int arc_pg_contact_insert(arc_store *store, struct arc_contact *contact);
int arc_pg_contact_delete(arc_store *store, arc_id id);
int arc_pg_contact_list(arc_store *store, arc_id customer_id,
                        struct arc_contact_page *out);

int arc_pg_invoice_insert(arc_store *store, struct arc_invoice *invoice);
int arc_pg_invoice_line_insert(arc_store *store, arc_id invoice_id,
                               struct arc_invoice_line *line);
int arc_pg_invoice_update(arc_store *store, const struct arc_invoice *invoice);
int arc_pg_invoice_settle(arc_store *store, const struct arc_invoice *invoice);
int arc_pg_invoice_delete(arc_store *store, arc_id id);
int arc_pg_invoice_get(arc_store *store, arc_id id, bool with_lines,
                       struct arc_invoice *out);
int arc_pg_invoice_get_by_number(arc_store *store, const char *number, bool with_lines,
                                 struct arc_invoice *out);
int arc_pg_invoice_list(arc_store *store, const struct arc_store_list *filter,
                        struct arc_invoice_page *out);
int arc_pg_invoice_list_payable(arc_store *store, arc_id customer_id,
                                const char *currency, unsigned int limit,
                                struct arc_invoice_page *out);

int arc_pg_payment_insert(arc_store *store, struct arc_payment *payment);
int arc_pg_payment_update(arc_store *store, const struct arc_payment *payment);
int arc_pg_payment_get(arc_store *store, arc_id id, struct arc_payment *out);
int arc_pg_payment_get_by_key(arc_store *store, const char *idempotency_key,
                              struct arc_payment *out);
int arc_pg_payment_list(arc_store *store, const struct arc_store_list *filter,
                        struct arc_payment_page *out);
int arc_pg_credit_memo_insert(arc_store *store, struct arc_credit_memo *memo);
int arc_pg_credit_memo_update(arc_store *store, const struct arc_credit_memo *memo);
int arc_pg_credit_memo_get(arc_store *store, arc_id id, struct arc_credit_memo *out);
int arc_pg_credit_memo_list(arc_store *store, const struct arc_store_list *filter,
                            struct arc_credit_memo_page *out);
int arc_pg_application_insert(arc_store *store, struct arc_application *application);
int arc_pg_application_set_reversed(arc_store *store, arc_id id, arc_date reversed_on);
int arc_pg_application_list_for(arc_store *store, int kind, arc_id owner_id,
                                struct arc_application_page *out);

/* The columns arc_pg_read_application() reads, in order. */
#define ARC_PG_APPLICATION_COLUMNS                                                       \
    "id, kind, invoice_id, coalesce(payment_id, credit_memo_id, 0), amount, applied_on," \
    " reversed_on, created_at"

int arc_pg_read_application(const PGresult *res, int row, void *record);

int arc_pg_sum_invoice_balances(arc_store *store, arc_id customer_id,
                                const char *currency, int64_t *out);
int arc_pg_sum_unapplied_credit(arc_store *store, arc_id customer_id,
                                const char *currency, int64_t *out);
int arc_pg_scan_open_items(arc_store *store, const struct arc_open_item_filter *filter,
                           arc_open_item_fn fn, void *ctx);
int arc_pg_scan_applications_after(arc_store *store, arc_date after,
                                   arc_application_fn fn, void *ctx);

int arc_pg_reason_code_insert(arc_store *store, const struct arc_reason_code *reason);
int arc_pg_reason_code_update(arc_store *store, const struct arc_reason_code *reason);
int arc_pg_reason_code_get(arc_store *store, const char *code,
                           struct arc_reason_code *out);
int arc_pg_reason_code_delete(arc_store *store, const char *code);
int arc_pg_reason_code_list(arc_store *store, bool include_inactive,
                            struct arc_reason_code_page *out);
int arc_pg_reason_code_in_use(arc_store *store, const char *code, bool *out);

int arc_pg_dispute_insert(arc_store *store, struct arc_dispute *dispute);
int arc_pg_dispute_update(arc_store *store, const struct arc_dispute *dispute);
int arc_pg_dispute_get(arc_store *store, arc_id id, struct arc_dispute *out);
int arc_pg_dispute_list(arc_store *store, const struct arc_store_list *filter,
                        struct arc_dispute_page *out);
int arc_pg_dispute_list_for_invoice(arc_store *store, arc_id invoice_id,
                                    struct arc_dispute_page *out);
int arc_pg_sum_open_disputes_of_invoice(arc_store *store, arc_id invoice_id,
                                        arc_id except_dispute_id, int64_t *out);
int arc_pg_scan_disputed_amounts(arc_store *store, arc_date as_of, arc_disputed_fn fn,
                                 void *ctx);
int arc_pg_sum_open_disputes_of_customer(arc_store *store, arc_id customer_id,
                                         const char *currency, int64_t *out);
int arc_pg_scan_disputes(arc_store *store, int order, arc_id customer_id,
                         const char *currency, arc_date opened_from,
                         arc_date opened_before, arc_dispute_fn fn, void *ctx);

/* The columns arc_pg_read_event() reads, in order. */
#define ARC_PG_EVENT_COLUMNS                                                             \
    "id, kind, occurred_at, actor, record_id, customer_id, invoice_id, dispute_id,"      \
    " amount, currency, detail"

int arc_pg_read_event(const PGresult *res, int row, void *record);
int arc_pg_event_append(arc_store *store, struct arc_event *event);
int arc_pg_event_list(arc_store *store, arc_id after_id, unsigned int limit,
                      struct arc_event_page *out);
int arc_pg_event_list_timeline(arc_store *store, const struct arc_timeline_filter *filter,
                               struct arc_event_page *out);

int arc_pg_communication_insert(arc_store *store,
                                struct arc_communication *communication);
int arc_pg_communication_get(arc_store *store, arc_id id, struct arc_communication *out);
int arc_pg_communication_find_email(arc_store *store, const char *message_id,
                                    struct arc_communication *out);
int arc_pg_communication_list(arc_store *store,
                              const struct arc_communication_filter *filter,
                              struct arc_communication_page *out);
int arc_pg_communication_list_thread(arc_store *store, arc_id customer_id,
                                     const char *thread_id,
                                     struct arc_communication_page *out);
int arc_pg_communication_move_thread(arc_store *store, arc_id customer_id,
                                     const char *from, const char *to);
int arc_pg_communication_search(arc_store *store,
                                const struct arc_communication_query *query,
                                struct arc_communication_hit_page *out);
/* Turn the host's query (the FTS5 syntax the SQLite book takes) into
 * to_tsquery() text; ARC_EINVAL naming the query when it does not parse. */
int arc_pg_search_translate(char **out, const char *query);

int arc_pg_rule_insert(arc_store *store, struct arc_escalation_rule *rule);
int arc_pg_rule_update(arc_store *store, const struct arc_escalation_rule *rule);
int arc_pg_rule_delete(arc_store *store, arc_id id);
int arc_pg_rule_get(arc_store *store, arc_id id, struct arc_escalation_rule *out);
int arc_pg_rule_get_by_name(arc_store *store, const char *name,
                            struct arc_escalation_rule *out);
int arc_pg_rule_list(arc_store *store, bool include_inactive,
                     struct arc_escalation_rule_page *out);
int arc_pg_scan_unresolved_disputes(arc_store *store,
                                    int (*fn)(void *ctx,
                                              const struct arc_dispute_state *state),
                                    void *ctx);
int arc_pg_last_contact(arc_store *store, arc_id customer_id, arc_time *out);
int arc_pg_rule_fired(arc_store *store, arc_id rule_id, arc_id dispute_id,
                      int64_t state_seq, bool *out);
int arc_pg_rule_firing_insert(arc_store *store, arc_id rule_id, arc_id dispute_id,
                              int64_t state_seq, arc_time fired_at);
int arc_pg_scan_overdue_invoices(arc_store *store, arc_date today,
                                 int (*fn)(void *ctx,
                                           const struct arc_overdue_invoice *invoice),
                                 void *ctx);
int arc_pg_invoice_mark_overdue_alerted(arc_store *store, arc_id id);
int arc_pg_dispute_mark_overdue_alerted(arc_store *store, arc_id id, arc_date due_date);

/* The PostgreSQL backend's table of functions. */
extern const struct arc_backend arc_postgresql_store;

/*
 * Delete book ?book= of @p location (a postgresql:// URI) and every row it
 * owns, in one transaction (arc_backend::drop, arc_book_delete()).
 * ARC_ENOTFOUND when there is no such book.
 */
int arc_postgresql_drop_book(const char *location, const struct arc_store_config *cfg);

#endif
