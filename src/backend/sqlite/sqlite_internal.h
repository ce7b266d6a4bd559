/*
 * Shared plumbing of the SQLite backend: the connection, a cache of
 * prepared statements keyed by their SQL text, error mapping, and the
 * conversions between records' C types and the book's columns.
 *
 * The book stores dates as 'YYYY-MM-DD' text, instants as
 * 'YYYY-MM-DDTHH:MM:SSZ' text, amounts as integer minor units and enums as
 * lower-case names, so that a person can read it with plain SQL.
 */
#ifndef ARC_SQLITE_INTERNAL_H
#define ARC_SQLITE_INTERNAL_H

#include <sqlite3.h>

#include "enum_names.h" /* column text -> enum */
#include "store.h"

/* Identifies a file as a book: PRAGMA application_id ("ARCB"). */
#define ARC_SQLITE_APPLICATION_ID 0x41524342

/* The schema this library writes. */
#define ARC_SQLITE_SCHEMA_VERSION 4

/* Slots of the prepared-statement cache: each distinct statement the backend
 * runs takes one (about 90 today); keep it well above that count. */
#define ARC_SQLITE_STMT_CACHE 256

struct arc_sqlite_cached {
    const char *sql; /* the statement's text, compared by address */
    sqlite3_stmt *stmt;
};

struct arc_store {
    sqlite3 *conn;
    char *path;
    int savepoint_depth;
    struct arc_sqlite_cached cache[ARC_SQLITE_STMT_CACHE];
};

/*
 * The prepared statement for @p sql, reset and with its bindings cleared.
 * @p sql must be a string with static storage: the cache keys on its address.
 * Returns NULL after setting the error.
 */
sqlite3_stmt *arc_sqlite_stmt(arc_store *store, const char *sql);

/* Finalize every cached statement. */
void arc_sqlite_stmt_clear(arc_store *store);

/* Map a SQLite result code to an ARC_E... code and set a message naming
 * @p what, with SQLite's own explanation. */
int arc_sqlite_fail(arc_store *store, int rc, const char *what);

/* Run a statement that returns no rows to completion and reset it. */
int arc_sqlite_exec_stmt(arc_store *store, sqlite3_stmt *stmt, const char *what);

/* Run SQL text without parameters (pragmas, DDL, savepoints). */
int arc_sqlite_exec(arc_store *store, const char *sql, const char *what);

/* Binding: NULL strings, ARC_DATE_NONE and zero ids become SQL NULL. */
int arc_sqlite_bind_text(sqlite3_stmt *stmt, int index, const char *text);
int arc_sqlite_bind_date(sqlite3_stmt *stmt, int index, arc_date date);
int arc_sqlite_bind_time(sqlite3_stmt *stmt, int index, arc_time instant);
int arc_sqlite_bind_id(sqlite3_stmt *stmt, int index, arc_id id);

/* Reading columns. Strings are copied with malloc; NULL stays NULL.
 * arc_sqlite_column_text_dup reports ARC_ENOMEM through @p rc (left alone
 * on success). Dates that are NULL read as ARC_DATE_NONE. */
char *arc_sqlite_column_text_dup(sqlite3_stmt *stmt, int column, int *rc);
arc_date arc_sqlite_column_date(sqlite3_stmt *stmt, int column);
arc_time arc_sqlite_column_time(sqlite3_stmt *stmt, int column);
void arc_sqlite_column_currency(sqlite3_stmt *stmt, int column, arc_currency_code out);

/* Grow a page's item array to hold one more record of @p item_size bytes.
 * Returns the new, zeroed slot, or NULL (and ARC_ENOMEM set). */
void *arc_sqlite_page_grow(void **items, size_t *count, size_t *capacity,
                           size_t item_size);

/* Reads the current row of a statement into a record. */
typedef int (*arc_sqlite_read_fn)(sqlite3_stmt *stmt, void *record);

/* Bind a list filter to a paged query written with ?1 = after_id,
 * ?3 = limit and, when filtering by customer, ?4 = customer_id; ?2 is left
 * for the caller's status filter. */
void arc_sqlite_bind_list(sqlite3_stmt *stmt, const struct arc_store_list *filter);

/* Step a statement that returns one integer (a sum or a count) into *out. */
int arc_sqlite_sum_one(arc_store *store, sqlite3_stmt *stmt, int64_t *out,
                       const char *what);

/* Step @p stmt for one row and read it; ARC_ENOTFOUND, with no message set,
 * when there is none. Resets the statement. */
int arc_sqlite_fetch_one(arc_store *store, sqlite3_stmt *stmt, void *out,
                         arc_sqlite_read_fn read, const char *what);

/* Read every row of @p stmt into a growing array of @p item_size records,
 * appended to *items / *count. Resets the statement. */
int arc_sqlite_fetch_all(arc_store *store, sqlite3_stmt *stmt, void **items,
                         size_t *count, size_t item_size, arc_sqlite_read_fn read,
                         const char *what);

/* The columns arc_sqlite_read_application() reads, in order. */
#define ARC_SQLITE_APPLICATION_COLUMNS                                                   \
    "id, kind, invoice_id, coalesce(payment_id, credit_memo_id, 0), amount, applied_on," \
    " reversed_on, created_at"

int arc_sqlite_read_application(sqlite3_stmt *stmt, void *record);

/* Schema checking, creation and migration (sqlite_schema.c). The check
 * only reads, so that a file that is not a book is left as it was; prepare
 * then creates or migrates the schema under the write lock. */
int arc_sqlite_schema_check(arc_store *store, const struct arc_store_config *cfg);
int arc_sqlite_schema_prepare(arc_store *store, const struct arc_store_config *cfg);

/* The record operations, grouped by file. */
int arc_sqlite_sequence_take(arc_store *store, arc_sequence kind,
                             struct arc_sequence_state *out);
int arc_sqlite_sequence_put(arc_store *store, arc_sequence kind,
                            const struct arc_sequence_state *state);
int arc_sqlite_book_info(arc_store *store, char *book_id, int *schema_version);

int arc_sqlite_customer_insert(arc_store *store, struct arc_customer *customer);
int arc_sqlite_customer_update(arc_store *store, const struct arc_customer *customer);
int arc_sqlite_customer_get(arc_store *store, arc_id id, struct arc_customer *out);
int arc_sqlite_customer_terms(arc_store *store, arc_id id,
                              struct arc_customer_terms *out);
int arc_sqlite_customer_get_by_reference(arc_store *store, const char *reference,
                                         struct arc_customer *out);
int arc_sqlite_customer_list(arc_store *store, const struct arc_store_list *filter,
                             struct arc_customer_page *out);
int arc_sqlite_contact_insert(arc_store *store, struct arc_contact *contact);
int arc_sqlite_contact_delete(arc_store *store, arc_id id);
int arc_sqlite_contact_list(arc_store *store, arc_id customer_id,
                            struct arc_contact_page *out);

int arc_sqlite_invoice_insert(arc_store *store, struct arc_invoice *invoice);
int arc_sqlite_invoice_line_insert(arc_store *store, arc_id invoice_id,
                                   struct arc_invoice_line *line);
int arc_sqlite_invoice_update(arc_store *store, const struct arc_invoice *invoice);
int arc_sqlite_invoice_settle(arc_store *store, const struct arc_invoice *invoice);
int arc_sqlite_invoice_delete(arc_store *store, arc_id id);
int arc_sqlite_invoice_get(arc_store *store, arc_id id, bool with_lines,
                           struct arc_invoice *out);
int arc_sqlite_invoice_get_by_number(arc_store *store, const char *number,
                                     bool with_lines, struct arc_invoice *out);
int arc_sqlite_invoice_list(arc_store *store, const struct arc_store_list *filter,
                            struct arc_invoice_page *out);
int arc_sqlite_invoice_list_payable(arc_store *store, arc_id customer_id,
                                    const char *currency, unsigned int limit,
                                    struct arc_invoice_page *out);

int arc_sqlite_payment_insert(arc_store *store, struct arc_payment *payment);
int arc_sqlite_payment_update(arc_store *store, const struct arc_payment *payment);
int arc_sqlite_payment_get(arc_store *store, arc_id id, struct arc_payment *out);
int arc_sqlite_payment_get_by_key(arc_store *store, const char *idempotency_key,
                                  struct arc_payment *out);
int arc_sqlite_payment_list(arc_store *store, const struct arc_store_list *filter,
                            struct arc_payment_page *out);
int arc_sqlite_credit_memo_insert(arc_store *store, struct arc_credit_memo *memo);
int arc_sqlite_credit_memo_update(arc_store *store, const struct arc_credit_memo *memo);
int arc_sqlite_credit_memo_get(arc_store *store, arc_id id, struct arc_credit_memo *out);
int arc_sqlite_credit_memo_list(arc_store *store, const struct arc_store_list *filter,
                                struct arc_credit_memo_page *out);
int arc_sqlite_application_insert(arc_store *store, struct arc_application *application);
int arc_sqlite_application_set_reversed(arc_store *store, arc_id id,
                                        arc_date reversed_on);
int arc_sqlite_application_list_for(arc_store *store, int kind, arc_id owner_id,
                                    struct arc_application_page *out);

int arc_sqlite_reason_code_insert(arc_store *store, const struct arc_reason_code *reason);
int arc_sqlite_reason_code_update(arc_store *store, const struct arc_reason_code *reason);
int arc_sqlite_reason_code_get(arc_store *store, const char *code,
                               struct arc_reason_code *out);
int arc_sqlite_reason_code_delete(arc_store *store, const char *code);
int arc_sqlite_reason_code_list(arc_store *store, bool include_inactive,
                                struct arc_reason_code_page *out);

int arc_sqlite_reason_code_in_use(arc_store *store, const char *code, bool *out);
int arc_sqlite_dispute_insert(arc_store *store, struct arc_dispute *dispute);
int arc_sqlite_dispute_update(arc_store *store, const struct arc_dispute *dispute);
int arc_sqlite_dispute_get(arc_store *store, arc_id id, struct arc_dispute *out);
int arc_sqlite_dispute_list(arc_store *store, const struct arc_store_list *filter,
                            struct arc_dispute_page *out);
int arc_sqlite_dispute_list_for_invoice(arc_store *store, arc_id invoice_id,
                                        struct arc_dispute_page *out);
int arc_sqlite_sum_open_disputes_of_invoice(arc_store *store, arc_id invoice_id,
                                            arc_id except_dispute_id, int64_t *out);
int arc_sqlite_scan_disputed_amounts(arc_store *store, arc_date as_of, arc_disputed_fn fn,
                                     void *ctx);
int arc_sqlite_sum_open_disputes_of_customer(arc_store *store, arc_id customer_id,
                                             const char *currency, int64_t *out);

int arc_sqlite_sum_invoice_balances(arc_store *store, arc_id customer_id,
                                    const char *currency, int64_t *out);
int arc_sqlite_sum_unapplied_credit(arc_store *store, arc_id customer_id,
                                    const char *currency, int64_t *out);
int arc_sqlite_scan_open_items(arc_store *store,
                               const struct arc_open_item_filter *filter,
                               arc_open_item_fn fn, void *ctx);
int arc_sqlite_scan_applications_after(arc_store *store, arc_date after,
                                       arc_application_fn fn, void *ctx);

/* The columns arc_sqlite_read_event() reads, in order. */
#define ARC_SQLITE_EVENT_COLUMNS                                                         \
    "id, kind, occurred_at, actor, record_id, customer_id, invoice_id, dispute_id,"      \
    " amount, currency, detail"

int arc_sqlite_read_event(sqlite3_stmt *stmt, void *record);
int arc_sqlite_event_append(arc_store *store, struct arc_event *event);
int arc_sqlite_event_list(arc_store *store, arc_id after_id, unsigned int limit,
                          struct arc_event_page *out);

int arc_sqlite_communication_insert(arc_store *store,
                                    struct arc_communication *communication);
int arc_sqlite_communication_get(arc_store *store, arc_id id,
                                 struct arc_communication *out);
int arc_sqlite_communication_find_email(arc_store *store, const char *message_id,
                                        struct arc_communication *out);
int arc_sqlite_communication_list(arc_store *store,
                                  const struct arc_communication_filter *filter,
                                  struct arc_communication_page *out);
int arc_sqlite_communication_list_thread(arc_store *store, arc_id customer_id,
                                         const char *thread_id,
                                         struct arc_communication_page *out);
int arc_sqlite_communication_move_thread(arc_store *store, arc_id customer_id,
                                         const char *from, const char *to);
int arc_sqlite_communication_search(arc_store *store,
                                    const struct arc_communication_query *query,
                                    struct arc_communication_hit_page *out);

int arc_sqlite_scan_disputes(arc_store *store, int order, arc_id customer_id,
                             const char *currency, arc_date opened_from,
                             arc_date opened_before,
                             int (*fn)(void *ctx, const struct arc_dispute *dispute),
                             void *ctx);

/* The timeline (sqlite_timeline.c). */
int arc_sqlite_event_list_timeline(arc_store *store,
                                   const struct arc_timeline_filter *filter,
                                   struct arc_event_page *out);

/* Escalation rules and automation (sqlite_automation.c). */
int arc_sqlite_rule_insert(arc_store *store, struct arc_escalation_rule *rule);
int arc_sqlite_rule_update(arc_store *store, const struct arc_escalation_rule *rule);
int arc_sqlite_rule_delete(arc_store *store, arc_id id);
int arc_sqlite_rule_get(arc_store *store, arc_id id, struct arc_escalation_rule *out);
int arc_sqlite_rule_get_by_name(arc_store *store, const char *name,
                                struct arc_escalation_rule *out);
int arc_sqlite_rule_list(arc_store *store, bool include_inactive,
                         struct arc_escalation_rule_page *out);
int arc_sqlite_scan_unresolved_disputes(arc_store *store,
                                        int (*fn)(void *ctx,
                                                  const struct arc_dispute_state *state),
                                        void *ctx);
int arc_sqlite_last_contact(arc_store *store, arc_id customer_id, arc_time *out);
int arc_sqlite_rule_fired(arc_store *store, arc_id rule_id, arc_id dispute_id,
                          int64_t state_seq, bool *out);
int arc_sqlite_rule_firing_insert(arc_store *store, arc_id rule_id, arc_id dispute_id,
                                  int64_t state_seq, arc_time fired_at);
int arc_sqlite_scan_overdue_invoices(arc_store *store, arc_date today,
                                     int (*fn)(void *ctx,
                                               const struct arc_overdue_invoice *invoice),
                                     void *ctx);
int arc_sqlite_invoice_mark_overdue_alerted(arc_store *store, arc_id id);
int arc_sqlite_dispute_mark_overdue_alerted(arc_store *store, arc_id id,
                                            arc_date due_date);

#endif
