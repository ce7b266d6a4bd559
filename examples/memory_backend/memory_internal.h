/*
 * The in-memory backend's own plumbing: books, versions of a book, tables
 * of rows, the undo log of a transaction, and deep copies of records.
 *
 * A table keeps its rows by ascending id in an array of pointers; every row
 * starts with its arc_id, so one binary search finds any row by id. Rows
 * never change once in a table: a write puts a new row in place of the old
 * one.
 *
 * A book is a chain of versions. The newest is what was last committed;
 * older ones live on while a read scope still reads them. A write
 * transaction works on a state of its own that starts as the newest
 * version and shares its arrays until it changes them (copy on write; rows
 * appended may share the array's spare room). Commit makes that state the
 * newest version; the rows it replaced or removed are freed with the
 * version they belonged to, once no read scope reads it or anything older.
 */
#ifndef ARC_EXAMPLE_MEMORY_INTERNAL_H
#define ARC_EXAMPLE_MEMORY_INTERNAL_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arcollect/sys/backend.h"

/* The version of this backend's own layout, reported by book_info. */
#define MEM_SCHEMA_VERSION 1

/* The tables of a book. */
enum mem_table_id {
    MEM_CUSTOMERS,
    MEM_CONTACTS,
    MEM_INVOICES,
    MEM_PAYMENTS,
    MEM_CREDIT_MEMOS,
    MEM_APPLICATIONS,
    MEM_REASON_CODES,
    MEM_DISPUTES,
    MEM_COMMUNICATIONS,
    MEM_EVENTS,
    MEM_RULES,
    MEM_FIRINGS,
    MEM_TABLE_COUNT
};

/* Rows of one kind by ascending id; every row begins with its arc_id. */
struct mem_table {
    enum mem_table_id id;
    void **rows;
    size_t count;
    size_t capacity;
    arc_id last_id; /* the highest id given so far */
    /* In a version: the array is freed with this version. In a
     * transaction: the array is the transaction's own copy. */
    bool owns_rows;
};

/* The id at the start of every row. */
#define MEM_ROW_ID(row) (*(const arc_id *)(row))

/* An invoice row: the record and the automation's overdue mark. */
struct mem_invoice {
    struct arc_invoice record;
    bool overdue_alerted;
};

/* A reason code row: reason codes have no id of their own, so the row
 * gets one, in the order the codes were added. */
struct mem_reason {
    arc_id id;
    struct arc_reason_code record;
};

/* A rule firing row. */
struct mem_firing {
    arc_id id;
    arc_id rule_id;
    arc_id dispute_id;
    int64_t state_seq;
    arc_time fired_at;
};

/* Everything a book holds, as one version or one transaction sees it. */
struct mem_state {
    struct mem_table tables[MEM_TABLE_COUNT];
    struct arc_sequence_state sequences[2];
};

/* A row to free once no one can read it any more. */
struct mem_garbage {
    void *row;
    enum mem_table_id table;
};

/* A committed state of a book. */
struct mem_version {
    struct mem_state state;
    struct mem_version *newer;
    unsigned int readers;        /* read scopes reading it */
    struct mem_garbage *garbage; /* its rows that the next version dropped */
    size_t garbage_count;
};

/*
 * A book: shared by every handle that opened its name. The registry's lock
 * guards @ref refs; @ref lock guards @ref writer, the chain of versions and
 * their readers.
 */
struct mem_book {
    char *name;
    unsigned int refs; /* the registry's entry and each open handle */
    pthread_mutex_t lock;
    pthread_cond_t released;
    const struct arc_store *writer; /* the handle in a write transaction, or NULL */
    struct mem_version *oldest;
    struct mem_version *current;
    char book_id[33];
};

/* How to take back one write. */
enum mem_undo_kind {
    MEM_UNDO_INSERT,
    MEM_UNDO_REPLACE,
    MEM_UNDO_REMOVE,
    MEM_UNDO_SEQUENCE
};

struct mem_undo {
    enum mem_undo_kind kind;
    struct mem_table *table;
    void *row;      /* INSERT: the row added; REPLACE: the row as it was;
                       REMOVE: the row removed */
    void *new_row;  /* REPLACE: the row put in its place */
    size_t index;   /* where the row is, or was */
    arc_id last_id; /* INSERT: the table's last id before */
    arc_sequence sequence;
    struct arc_sequence_state state; /* SEQUENCE: the state before */
};

/* A handle on a book. */
struct arc_store {
    struct mem_book *book;
    int busy_timeout_ms;
    bool in_transaction;        /* holds the write lock */
    struct mem_state working;   /* the transaction's state */
    struct mem_version *pinned; /* the version the read scopes read */
    unsigned int read_depth;    /* read scopes open outside a transaction */
    struct mem_undo *undo;      /* the transaction's writes, oldest first */
    size_t undo_count;
    size_t undo_capacity;
    size_t *savepoints; /* undo_count at each open savepoint */
    size_t savepoint_count;
    size_t savepoint_capacity;
    int64_t changes;
};

/* What the handle reads: its transaction's state, the version its read
 * scope holds, or else the newest version. */
static inline struct mem_state *mem_view(arc_store *store)
{
    if (store->in_transaction)
        return &store->working;
    if (store->pinned != NULL)
        return &store->pinned->state;
    return &store->book->current->state;
}

/* The table @p id as the handle reads it. */
static inline struct mem_table *mem_table_of(arc_store *store, enum mem_table_id id)
{
    return &mem_view(store)->tables[id];
}

/* memory_table.c: rows, and the undo log. Writes need a transaction. */
void *mem_row_new(size_t size);
ptrdiff_t mem_table_find(const struct mem_table *table, arc_id id);
void *mem_table_get(const struct mem_table *table, arc_id id);
int mem_table_insert(arc_store *store, struct mem_table *table, void *row);
int mem_table_replace(arc_store *store, struct mem_table *table, size_t index, void *row);
int mem_table_remove(arc_store *store, struct mem_table *table, size_t index);
int mem_sequence_set(arc_store *store, arc_sequence sequence,
                     const struct arc_sequence_state *state);
void mem_undo_to(arc_store *store, size_t mark);

/* memory_version.c: the chain of versions. The caller holds the book's
 * lock where a function says so. */
int mem_version_first(struct mem_book *book, const struct arc_store_config *cfg);
void mem_version_pin(arc_store *store);   /* lock held */
void mem_version_unpin(arc_store *store); /* lock held */
void mem_state_start(arc_store *store);   /* lock held */
int mem_state_commit(arc_store *store);   /* lock held */
void mem_state_discard(arc_store *store);
void mem_versions_free(struct mem_book *book);

/* memory_copy.c (communications: memory_communication.c): deep copies and
 * releases of the records rows hold. A copy fills @p out from @p in and returns ARC_OK,
 * or leaves @p out holding nothing and returns ARC_ENOMEM. */
int mem_nomem(void);
char *mem_strdup(const char *text, int *rc);
int mem_copy_customer(struct arc_customer *out, const struct arc_customer *in);
int mem_copy_contact(struct arc_contact *out, const struct arc_contact *in);
int mem_copy_invoice(struct arc_invoice *out, const struct arc_invoice *in,
                     bool with_lines);
int mem_copy_payment(struct arc_payment *out, const struct arc_payment *in);
int mem_copy_credit_memo(struct arc_credit_memo *out, const struct arc_credit_memo *in);
int mem_copy_reason_code(struct arc_reason_code *out, const struct arc_reason_code *in);
int mem_copy_dispute(struct arc_dispute *out, const struct arc_dispute *in);
int mem_copy_event(struct arc_event *out, const struct arc_event *in);
int mem_copy_rule(struct arc_escalation_rule *out, const struct arc_escalation_rule *in);
int mem_copy_communication(struct arc_communication *out,
                           const struct arc_communication *in);
void mem_clear_customer(void *record);
void mem_clear_contact(void *record);
void mem_clear_invoice(void *record);
void mem_clear_payment(void *record);
void mem_clear_credit_memo(void *record);
void mem_clear_reason_code(void *record);
void mem_clear_dispute(void *record);
void mem_clear_event(void *record);
void mem_clear_rule(void *record);
void mem_clear_communication(void *record);
void mem_clear_nothing(void *record);

/* memory_table.c: a row's release, by table. */
extern void (*const mem_row_free[MEM_TABLE_COUNT])(void *row);

/* memory_page.c: filling pages. A page copy appends a deep copy of each of
 * @p count records to *items / *item_count; on failure it appends nothing. */
typedef int (*mem_copy_fn)(void *out, const void *in);
int mem_page_append(void **items, size_t *item_count, size_t item_size,
                    const void *const *records, size_t count, mem_copy_fn copy,
                    void (*clear)(void *record));

/* A growable array of record pointers, for collecting before copying. */
struct mem_picks {
    const void **items;
    size_t count;
    size_t capacity;
};
int mem_picks_add(struct mem_picks *picks, const void *record);
void mem_picks_free(struct mem_picks *picks);

/* Add @p amount to *sum; ARC_EOVERFLOW naming @p what when it does not fit. */
int mem_add(int64_t *sum, int64_t amount, const char *what);

/* memory_tx.c: transactions, savepoints and read scopes. */
int mem_begin(arc_store *store);
int mem_commit(arc_store *store);
int mem_rollback(arc_store *store);
int mem_savepoint(arc_store *store);
int mem_release(arc_store *store);
int mem_rollback_to(arc_store *store);
int64_t mem_change_count(arc_store *store);
void mem_end_all_scopes(arc_store *store);

/* memory_book.c: books by name. */
int mem_open(arc_store **out, const char *location, const struct arc_store_config *cfg);
void mem_close(arc_store *store);
int mem_drop(const char *location, const struct arc_store_config *cfg);
int mem_book_info(arc_store *store, char *book_id, int *schema_version);
int mem_sequence_take(arc_store *store, arc_sequence kind,
                      struct arc_sequence_state *out);
int mem_sequence_put(arc_store *store, arc_sequence kind,
                     const struct arc_sequence_state *state);

#endif
