/*
 * The arcollect command: what the parts of src/cli/ share. Every file of the
 * command talks to the book only through the public API in <arcollect.h>.
 */
#ifndef ARC_CLI_H
#define ARC_CLI_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <arcollect.h>

/* Exit statuses; docs/cli.md and docs/arcollect.1 list them. */
enum cli_exit {
    CLI_OK = 0,
    CLI_FAILURE = 1,   /* anything else: out of memory, an unexpected library error */
    CLI_USAGE = 2,     /* unknown command or option, missing or extra arguments */
    CLI_NOT_FOUND = 3, /* the book, or a record named, does not exist */
    CLI_INVALID = 4,   /* a value is malformed or out of range; a bad CSV row */
    CLI_CONFLICT = 5,  /* already exists, or refused by a record's state */
    CLI_BUSY = 6,      /* the book is locked by another writer */
    CLI_STORAGE = 7    /* the storage failed, or the file is not a book */
};

/* How a command opens the book. */
enum cli_open_mode {
    CLI_OPEN_EXISTING, /* fail with CLI_NOT_FOUND when there is no book */
    CLI_OPEN_CREATE    /* create the book when there is none */
};

struct cli_arena_block;
struct cli_cache;

/* The state of one run of the command. */
struct cli {
    const char *program; /* "arcollect" */
    const char *command; /* "invoice show", for messages */
    const char *db_uri;  /* --db, $ARCOLLECT_DB or ./arcollect.db */
    bool json;           /* --json */
    bool fixed_now;      /* --now or $ARCOLLECT_NOW was given */
    arc_time now;        /* the book's clock when fixed_now */
    int busy_timeout_ms; /* --busy-timeout; 0 for the library's default */
    arc_db *db;          /* open once cli_open() succeeded */
    FILE *out;           /* stdout */
    struct cli_arena_block *arena;
    struct cli_cache *customer_refs;
    struct cli_cache *invoice_numbers;
};

/* One subcommand: a noun and a verb ("invoice show"), or a noun alone ("demo"). */
struct cli_command {
    const char *noun;
    const char *verb; /* NULL for a command that stands alone */
    int (*run)(struct cli *cli, int argc, char **argv);
    const char *summary; /* one line for the list of commands */
    const char *help;    /* the usage and options, printed by --help */
};

/* The tables of subcommands, one per cmd_*.c file. */
extern const struct cli_command cli_book_commands[];
extern const struct cli_command cli_customer_commands[];
extern const struct cli_command cli_contact_commands[];
extern const struct cli_command cli_invoice_commands[];
extern const struct cli_command cli_payment_commands[];
extern const struct cli_command cli_credit_commands[];
extern const struct cli_command cli_dispute_commands[];
extern const struct cli_command cli_reason_commands[];
extern const struct cli_command cli_comm_commands[];
extern const struct cli_command cli_event_commands[];
extern const struct cli_command cli_report_commands[];
extern const struct cli_command cli_automation_commands[];
extern const struct cli_command cli_rule_commands[];
extern const struct cli_command cli_demo_commands[];

/* Verbs that live in files of their own (cmd_*_read.c, cmd_timeline.c,
 * import_*.c) rather than beside the table of their noun. */
int cmd_customer_timeline(struct cli *cli, int argc, char **argv);
int cmd_customer_import(struct cli *cli, int argc, char **argv);
int cmd_invoice_show(struct cli *cli, int argc, char **argv);
int cmd_invoice_list(struct cli *cli, int argc, char **argv);
int cmd_invoice_timeline(struct cli *cli, int argc, char **argv);
int cmd_invoice_import(struct cli *cli, int argc, char **argv);
int cmd_payment_show(struct cli *cli, int argc, char **argv);
int cmd_payment_list(struct cli *cli, int argc, char **argv);
int cmd_payment_import(struct cli *cli, int argc, char **argv);
int cmd_dispute_show(struct cli *cli, int argc, char **argv);
int cmd_dispute_list(struct cli *cli, int argc, char **argv);
int cmd_dispute_timeline(struct cli *cli, int argc, char **argv);
int cmd_comm_list(struct cli *cli, int argc, char **argv);
int cmd_comm_show(struct cli *cli, int argc, char **argv);
int cmd_comm_thread(struct cli *cli, int argc, char **argv);
int cmd_comm_search(struct cli *cli, int argc, char **argv);

/* Memory (main.c): every allocation lives until the command ends. Running out
 * of memory ends the command with CLI_FAILURE; an open transaction is then
 * never committed, so the book is left as it was. */
void *cli_alloc(struct cli *cli, size_t size);
char *cli_strdup(struct cli *cli, const char *text);
char *cli_printf(struct cli *cli, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void cli_out_of_memory(void) __attribute__((noreturn));
void cli_free_all(struct cli *cli);

/* Errors (errors.c). Each prints one line to stderr and returns the exit
 * status to end the command with. */
int cli_exit_status(int arc_code);
int cli_fail(struct cli *cli, int arc_code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int cli_fail_plain(struct cli *cli, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int cli_usage(struct cli *cli, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
int cli_invalid(struct cli *cli, const char *option, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The book (book.c). */
int cli_open(struct cli *cli, enum cli_open_mode mode);
int cli_open_with_clock(struct cli *cli, enum cli_open_mode mode, arc_clock_fn clock,
                        void *clock_data);
void cli_close(struct cli *cli);
int cli_begin(struct cli *cli);
int cli_open_for_customer(struct cli *cli, const char *customer_key, arc_id *customer_id);
int cli_open_to_write(struct cli *cli);
int cli_finish(struct cli *cli, int status);
int cli_parse_instant(arc_time *out, const char *text);

/* Options (args.c). */
enum cli_option_kind {
    CLI_FLAG,   /* --name; sets an int to 1 */
    CLI_STRING, /* --name VALUE or --name=VALUE; the last one wins */
    CLI_LIST    /* --name VALUE, repeatable; each value is kept */
};

struct cli_list {
    const char **items;
    size_t count;
    size_t capacity;
};

struct cli_option {
    const char *name; /* without the leading "--" */
    enum cli_option_kind kind;
    void *target; /* int *, const char ** or struct cli_list * */
};

struct cli_args {
    const char **positional;
    size_t count;
};

int cli_parse_args(struct cli *cli, int argc, char **argv,
                   const struct cli_option *options, size_t min_positional,
                   size_t max_positional, struct cli_args *args);
void cli_list_push(struct cli *cli, struct cli_list *list, const char *item);
int cli_parse_id_and_open(struct cli *cli, int argc, char **argv, const char *name,
                          arc_id *id);

/* Paging of list commands: --limit N, --after ID, --all. */
struct cli_paging {
    const char *limit_text;
    const char *after_text;
    int all;
    unsigned int limit;
    arc_id after;
};

int cli_parse_paged_args(struct cli *cli, int argc, char **argv,
                         const struct cli_option *options, struct cli_paging *paging);
int cli_paging_parse(struct cli *cli, struct cli_paging *paging);
bool cli_paging_more(const struct cli_paging *paging, size_t page_count);

/* Values (values.c). Each returns CLI_OK, or prints what is wrong with the
 * option's value and returns CLI_INVALID. */
int cli_value_date(struct cli *cli, const char *option, const char *text, arc_date *out);
int cli_value_optional_date(struct cli *cli, const char *option, const char *text,
                            arc_date *out);
int cli_value_money(struct cli *cli, const char *option, const char *text,
                    const char *currency, int64_t *out);
int cli_value_int(struct cli *cli, const char *option, const char *text, long long min,
                  long long max, long long *out);
int cli_value_id(struct cli *cli, const char *option, const char *text, arc_id *out);
int cli_value_enum(struct cli *cli, const char *option, const char *text,
                   const char *(*name_of)(int), int count, int *out);
const char *cli_default_user(void);

/* Records named on the command line (records.c): a customer by reference, an
 * invoice or credit memo by number, or any of them as #ID. */
int cli_find_customer(struct cli *cli, const char *key, arc_customer **out);
int cli_find_customer_id(struct cli *cli, const char *key, arc_id *out);
int cli_find_invoice(struct cli *cli, const char *key, arc_invoice **out);
int cli_find_invoice_id(struct cli *cli, const char *key, arc_id *out);
int cli_find_credit_memo(struct cli *cli, const char *key, arc_credit_memo **out);
int cli_find_rule(struct cli *cli, const char *key, arc_escalation_rule **out);
const char *cli_customer_reference(struct cli *cli, arc_id customer_id);
const char *cli_invoice_number(struct cli *cli, arc_id invoice_id);

/* Formatting (format.c). Buffers hold their text and its NUL. */
#define CLI_AMOUNT_BUFSIZE (ARC_MONEY_BUFSIZE + 8)
#define CLI_TIME_BUFSIZE   24
void cli_format_amount(char *buf, size_t size, int64_t amount, const char *currency);
void cli_format_money(char *buf, size_t size, int64_t amount, const char *currency);
void cli_format_date(char *buf, size_t size, arc_date date);
void cli_format_time(char *buf, size_t size, arc_time instant);
void cli_format_time_short(char *buf, size_t size, arc_time instant);
void cli_format_hundredths(char *buf, size_t size, int64_t hundredths);
const char *cli_or_dash(const char *text);

/* JSON (json.c): one document written to stdout as it is built. */
struct json {
    FILE *out;
    int depth;
    bool need_comma[64];
    bool after_key;
};

void json_init(struct json *json, FILE *out);
void json_finish(struct json *json);
void json_begin_document(struct json *json, FILE *out);
void json_end_document(struct json *json);
void json_begin_object(struct json *json);
void json_end_object(struct json *json);
void json_begin_array(struct json *json);
void json_end_array(struct json *json);
void json_key(struct json *json, const char *key);
void json_string(struct json *json, const char *text);
void json_int(struct json *json, int64_t value);
void json_bool(struct json *json, bool value);
void json_null(struct json *json);
void json_money(struct json *json, int64_t amount, const char *currency);
void json_date(struct json *json, arc_date date);
void json_time(struct json *json, arc_time instant);
void json_id(struct json *json, arc_id id);
void json_key_string(struct json *json, const char *key, const char *text);
void json_key_int(struct json *json, const char *key, int64_t value);
void json_key_bool(struct json *json, const char *key, bool value);
void json_key_money(struct json *json, const char *key, int64_t amount,
                    const char *currency);
void json_key_date(struct json *json, const char *key, arc_date date);
void json_key_time(struct json *json, const char *key, arc_time instant);
void json_key_id(struct json *json, const char *key, arc_id id);

/* Tables (table.c): aligned columns, or label/value pairs for one record. */
enum cli_align { CLI_LEFT, CLI_RIGHT };

struct table_column {
    const char *header;
    enum cli_align align;
    size_t max_width; /* longer cells are cut with "..."; 0 for no limit */
};

struct table {
    struct cli *cli;
    const struct table_column *columns;
    size_t column_count;
    char **cells; /* row-major */
    size_t row_count;
    size_t row_capacity;
    size_t current_column;
};

void table_init(struct table *table, struct cli *cli, const struct table_column *columns,
                size_t column_count);
void table_add(struct table *table, const char *text);
void table_addf(struct table *table, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void table_print(const struct table *table, FILE *out);

void fields_print(FILE *out, const char *label, const char *value);
void fields_printf(FILE *out, const char *label, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Lists (listing.c): the records of one kind, a page or many, printed as a
 * table or, with --json, as an array under one member of an object. */

/* How a listing reads the pages of one kind of record, whose type it does not
 * know. LISTING_PAGES() and LISTING_PAGES_AFTER_ID() write one. */
struct listing_pages {
    size_t (*count)(const void *page);
    const void *(*at)(const void *page, size_t index);
    void (*free_page)(void *page);
    /* For the lists read a page after another in the order of their ids
     * (listing_run()); NULL for the others. */
    int (*fetch)(struct cli *cli, const arc_list_opts *opts, void **page);
    arc_id (*id)(const void *record);
};

/* What a list shows of each record. */
struct listing_kind {
    const char *json_key; /* the member that holds the array: "invoices" */
    const struct table_column *columns;
    size_t column_count;
    /* The members of one record's object; the listing opens and closes it. */
    void (*json)(struct json *json, struct cli *cli, const void *record);
    /* One record's cells, a row of the table. */
    void (*row)(struct table *table, struct cli *cli, const void *record);
    const struct listing_pages *pages;
};

/* A list being printed. */
struct listing {
    struct cli *cli;
    const struct listing_kind *kind;
    struct table table;
    struct json json;
};

void listing_begin(struct listing *listing, struct cli *cli,
                   const struct listing_kind *kind);
size_t listing_add(struct listing *listing, const void *page);
void listing_end(struct listing *listing);
void listing_close(struct listing *listing);
int listing_print_page(struct cli *cli, const struct listing_kind *kind, int rc,
                       void *page);
int listing_run(struct cli *cli, const struct listing_kind *kind,
                const struct cli_paging *paging, arc_list_opts *opts);
int listing_run_by_status(struct cli *cli, int argc, char **argv,
                          const struct listing_kind *kind,
                          const char *(*status_name)(int), int status_count);
int listing_run_by_flag(struct cli *cli, int argc, char **argv,
                        const struct listing_kind *kind, const char *flag);

/* The functions that read arc_<noun>_page through void pointers:
 * listed_<noun>_count(), listed_<noun>_at() and listed_<noun>_free(). */
#define LISTING_PAGE_ACCESS(noun)                                                        \
    static size_t listed_##noun##_count(const void *page)                                \
    {                                                                                    \
        return arc_##noun##_page_count(page);                                            \
    }                                                                                    \
    static const void *listed_##noun##_at(const void *page, size_t index)                \
    {                                                                                    \
        return arc_##noun##_page_at(page, index);                                        \
    }                                                                                    \
    static void listed_##noun##_free(void *page)                                         \
    {                                                                                    \
        arc_##noun##_page_free(page);                                                    \
    }

/* Defines <noun>_pages, the struct listing_pages of arc_<noun>_page, and the
 * functions it points to. */
#define LISTING_PAGES(noun)                                                              \
    LISTING_PAGE_ACCESS(noun)                                                            \
    static const struct listing_pages noun##_pages = {                                   \
        listed_##noun##_count, listed_##noun##_at, listed_##noun##_free, NULL, NULL      \
    }

/* The same for a kind read with arc_<noun>_list() and arc_list_opts, each page
 * after the id of the last record of the one before. */
#define LISTING_PAGES_AFTER_ID(noun)                                                     \
    LISTING_PAGE_ACCESS(noun)                                                            \
    static int listed_##noun##_fetch(struct cli *cli, const arc_list_opts *opts,         \
                                     void **out)                                         \
    {                                                                                    \
        arc_##noun##_page *page = NULL;                                                  \
        int rc = arc_##noun##_list(&page, cli->db, opts);                                \
                                                                                         \
        *out = page;                                                                     \
        return rc;                                                                       \
    }                                                                                    \
    static arc_id listed_##noun##_id(const void *record)                                 \
    {                                                                                    \
        return arc_##noun##_id(record);                                                  \
    }                                                                                    \
    static const struct listing_pages noun##_pages = {                                   \
        listed_##noun##_count, listed_##noun##_at, listed_##noun##_free,                 \
        listed_##noun##_fetch, listed_##noun##_id                                        \
    }

/* Progress on long work (progress.c), shown only when stderr is a terminal. */
struct progress {
    bool enabled;
    const char *label;
    size_t total;
    double last_drawn;
    double started;
};

void progress_start(struct progress *progress, const char *label, size_t total);
void progress_update(struct progress *progress, size_t done);
void progress_end(struct progress *progress);
double progress_seconds(void);
int progress_run_spinner(const char *label, int (*work)(void *data), void *data);

/* Printing records, shared by several commands (print_*.c). */
void print_customer_json(struct json *json, const arc_customer *customer);
void print_customer_ref_json(struct json *json, struct cli *cli, const char *key,
                             arc_id customer_id);
void print_invoice_json(struct json *json, struct cli *cli, const arc_invoice *invoice);
void print_invoice_ref_json(struct json *json, struct cli *cli, const char *key,
                            arc_id invoice_id);
void print_payment_json(struct json *json, struct cli *cli, const arc_payment *payment);
void print_credit_memo_json(struct json *json, struct cli *cli,
                            const arc_credit_memo *memo);
void print_dispute_json(struct json *json, struct cli *cli, const arc_dispute *dispute);
void print_communication_json(struct json *json, struct cli *cli,
                              const arc_communication *communication);
void print_event_json(struct json *json, struct cli *cli, const arc_event *event);
void print_event_detail(char *buf, size_t size, struct cli *cli, const arc_event *event,
                        bool with_kind);
void print_applications_json(struct json *json, struct cli *cli,
                             const arc_application_page *page, const char *currency);
void print_applications_table(struct cli *cli, const arc_application_page *page,
                              const char *currency);
void print_communication_summary(char *buf, size_t size,
                                 const arc_communication *communication);

/* Reports and timelines, shared with the demo. */
int report_aging_print(struct cli *cli, const arc_aging *aging, bool disputed,
                       struct json *json);
int report_disputes_print(struct cli *cli, const arc_dispute_report *report,
                          const arc_dispute_report_opts *opts, size_t max_rows,
                          struct json *json);
int timeline_print(struct cli *cli, arc_timeline_opts *opts, bool all, struct json *json,
                   bool *more);

/* CSV (csv.c): a whole file, parsed before anything is imported. */
struct csv_row {
    size_t number; /* the row in the file; the header is row 1 */
    char **fields;
    size_t count;
};

struct csv_file {
    const char *path;
    struct csv_row header;
    struct csv_row *rows;
    size_t row_count;
};

int csv_read(struct cli *cli, const char *path, struct csv_file *out);

#endif
