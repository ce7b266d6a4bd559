/*
 * The frame of every CSV import: map the header to known columns, run every
 * row inside one transaction, report each bad row with its row number and
 * column, and commit only when no row was bad.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"

static size_t hash_text(const char *text)
{
    uint64_t hash = UINT64_C(0xcbf29ce484222325);

    for (const unsigned char *c = (const unsigned char *)text; *c != '\0'; c++)
        hash = (hash ^ *c) * UINT64_C(0x100000001b3);
    return (size_t)hash;
}

void strmap_put(struct cli *cli, struct strmap *map, const char *key, int64_t value)
{
    size_t slot;

    if ((map->count + 1) * 2 > map->capacity) {
        struct strmap bigger = { map->capacity ? map->capacity * 2 : 64, 0, NULL, NULL };

        bigger.keys = cli_alloc(cli, bigger.capacity * sizeof *bigger.keys);
        bigger.values = cli_alloc(cli, bigger.capacity * sizeof *bigger.values);
        for (size_t i = 0; i < map->capacity; i++) {
            if (map->keys[i] != NULL)
                strmap_put(cli, &bigger, map->keys[i], map->values[i]);
        }
        *map = bigger;
    }

    slot = hash_text(key) & (map->capacity - 1);
    while (map->keys[slot] != NULL && strcmp(map->keys[slot], key) != 0)
        slot = (slot + 1) & (map->capacity - 1);
    if (map->keys[slot] == NULL) {
        map->keys[slot] = cli_strdup(cli, key);
        map->count++;
    }
    map->values[slot] = value;
}

bool strmap_get(const struct strmap *map, const char *key, int64_t *value)
{
    size_t slot;

    if (map->capacity == 0)
        return false;
    slot = hash_text(key) & (map->capacity - 1);
    while (map->keys[slot] != NULL) {
        if (strcmp(map->keys[slot], key) == 0) {
            if (value != NULL)
                *value = map->values[slot];
            return true;
        }
        slot = (slot + 1) & (map->capacity - 1);
    }
    return false;
}

/* Optional texts compare equal when both are unset or empty. */
bool same_text(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") == 0;
}

/* A decimal as the library keeps it: no leading zeros, no trailing zeros after
 * the point, no point without decimals ("01.50" is "1.5"). Empty text is
 * @p if_empty. Text that is not a decimal is copied as it is. */
void canonical_decimal(char *buf, size_t size, const char *text, const char *if_empty)
{
    const char *point;
    size_t integer_start = 0, length;

    if (text == NULL || text[0] == '\0')
        text = if_empty;
    snprintf(buf, size, "%s", text);
    if (strspn(buf, "0123456789.") != strlen(buf) || buf[0] == '.')
        return;

    point = strchr(buf, '.');
    if (point != NULL) {
        length = strlen(buf);
        while (length > 0 && buf[length - 1] == '0')
            buf[--length] = '\0';
        if (length > 0 && buf[length - 1] == '.')
            buf[--length] = '\0';
    }
    while (buf[integer_start] == '0' && buf[integer_start + 1] != '\0' &&
           buf[integer_start + 1] != '.')
        integer_start++;
    memmove(buf, buf + integer_start, strlen(buf + integer_start) + 1);
}

static int map_header(struct import *import)
{
    const struct csv_row *header = &import->csv.header;
    int status = CLI_OK;

    import->field_of =
        cli_alloc(import->cli, import->column_count * sizeof *import->field_of);
    for (size_t c = 0; c < import->column_count; c++)
        import->field_of[c] = -1;

    for (size_t f = 0; f < header->count; f++) {
        size_t c = 0;

        while (c < import->column_count &&
               strcmp(header->fields[f], import->columns[c].name))
            c++;
        if (c == import->column_count) {
            status = cli_fail_plain(import->cli, CLI_INVALID,
                                    "%s: row 1: column \"%s\": not a column of a %s file",
                                    import->csv.path, header->fields[f], import->noun);
        } else if (import->field_of[c] >= 0) {
            status = cli_fail_plain(import->cli, CLI_INVALID,
                                    "%s: row 1: column \"%s\": given twice",
                                    import->csv.path, header->fields[f]);
        } else {
            import->field_of[c] = (int)f;
        }
    }

    for (size_t c = 0; c < import->column_count; c++) {
        if (import->columns[c].required && import->field_of[c] < 0)
            status = cli_fail_plain(import->cli, CLI_INVALID,
                                    "%s: row 1: column \"%s\": required but missing",
                                    import->csv.path, import->columns[c].name);
    }
    return status;
}

int import_begin(struct import *import, struct cli *cli, const char *path,
                 const struct import_column *columns, size_t column_count, bool dry_run)
{
    int status;

    import->cli = cli;
    import->columns = columns;
    import->column_count = column_count;
    import->dry_run = dry_run;

    status = csv_read(cli, path, &import->csv);
    if (status == CLI_OK)
        status = map_header(import);
    if (status == CLI_OK)
        status = cli_open_to_write(cli);
    if (status == CLI_OK)
        progress_start(&import->progress, path, import->csv.row_count);
    return status;
}

bool import_has_column(const struct import *import, size_t column)
{
    return import->field_of[column] >= 0;
}

/* The row's text in @p column; NULL when the file has no such column or the
 * field is empty. */
const char *import_value(const struct import *import, const struct csv_row *row,
                         size_t column)
{
    int field = import->field_of[column];

    if (field < 0 || row->fields[field][0] == '\0')
        return NULL;
    return row->fields[field];
}

void import_error(struct import *import, const struct csv_row *row, size_t column,
                  int status, const char *fmt, ...)
{
    struct import_problem *problem;
    char message[600];
    va_list args;

    if (import->problem_count == import->problem_capacity) {
        size_t capacity = import->problem_capacity ? import->problem_capacity * 2 : 32;
        struct import_problem *problems =
            cli_alloc(import->cli, capacity * sizeof *problems);

        if (import->problem_count > 0)
            memcpy(problems, import->problems, import->problem_count * sizeof *problems);
        import->problems = problems;
        import->problem_capacity = capacity;
    }

    va_start(args, fmt);
    vsnprintf(message, sizeof message, fmt, args);
    va_end(args);
    problem = &import->problems[import->problem_count];
    problem->row = row->number;
    problem->order = import->problem_count++;
    problem->status = status;
    problem->text =
        cli_printf(import->cli, "%s: row %zu: column %s: %s", import->csv.path,
                   row->number, import->columns[column].name, message);
}

static int compare_problems(const void *a, const void *b)
{
    const struct import_problem *x = a, *y = b;

    if (x->row != y->row)
        return x->row < y->row ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* Print every problem in row order; returns the status of the first, or
 * CLI_OK when there is none. */
static int report_problems(struct import *import)
{
    size_t rows = 0;

    if (import->problem_count == 0)
        return CLI_OK;
    qsort(import->problems, import->problem_count, sizeof *import->problems,
          compare_problems);
    for (size_t i = 0; i < import->problem_count; i++) {
        cli_fail_plain(import->cli, import->problems[i].status, "%s",
                       import->problems[i].text);
        if (i == 0 || import->problems[i].row != import->problems[i - 1].row)
            rows++;
    }
    cli_fail_plain(import->cli, import->problems[0].status,
                   "%s: %zu bad row%s; nothing was imported", import->csv.path, rows,
                   rows == 1 ? "" : "s");

    /* A failure of the book itself outranks the bad rows. */
    for (size_t i = 0; i < import->problem_count; i++) {
        int status = import->problems[i].status;

        if (status == CLI_BUSY || status == CLI_STORAGE || status == CLI_FAILURE)
            return status;
    }
    return import->problems[0].status;
}

/* The column a library message names: the first column name in it that
 * stands as a word. */
static size_t column_in_message(const struct import *import, const char *message,
                                size_t fallback)
{
    const char *best = NULL;
    size_t found = fallback;

    for (size_t c = 0; c < import->column_count; c++) {
        const char *name = import->columns[c].name;
        size_t length = strlen(name);

        for (const char *at = strstr(message, name); at != NULL;
             at = strstr(at + 1, name)) {
            bool starts =
                at == message || !(isalnum((unsigned char)at[-1]) || at[-1] == '_');
            bool ends = !(isalnum((unsigned char)at[length]) || at[length] == '_');

            if (starts && ends && (best == NULL || at < best)) {
                best = at;
                found = c;
            }
        }
    }
    if (best == NULL && strstr(message, "idempotency") != NULL) {
        for (size_t c = 0; c < import->column_count; c++) {
            if (strcmp(import->columns[c].name, "key") == 0)
                found = c;
        }
    }
    return found;
}

/* Report a failed library call for a record made of @p rows. A message about
 * "line N" is reported on the N-th row. */
void import_library_error(struct import *import, const struct csv_row *const *rows,
                          size_t row_count, size_t fallback_column, int rc)
{
    const char *message = arc_error_last();
    const char *line = strstr(message, "line ");
    const struct csv_row *row = rows[0];
    char text[600];

    if (line != NULL) {
        size_t number = 0;

        for (line += 5; *line >= '0' && *line <= '9'; line++)
            number = number * 10 + (size_t)(*line - '0');
        if (number >= 1 && number <= row_count)
            row = rows[number - 1];
    }
    snprintf(text, sizeof text, "%s", message[0] ? message : arc_error_name(rc));
    arc_error_clear();
    import_error(import, row, column_in_message(import, text, fallback_column),
                 cli_exit_status(rc), "%s", text);
}

/* Failures after which the transaction cannot go on. */
bool import_fatal(int rc)
{
    return rc == ARC_ESTORAGE || rc == ARC_ENOMEM || rc == ARC_EBUSY;
}

/* The customer a row names by reference, or as "#ID". Returns the library's
 * code, so that a storage failure ends the import. */
int import_find_customer(struct import *import, const struct csv_row *row, size_t column,
                         const char *key, arc_customer **out)
{
    arc_id id = 0;
    int rc;

    if (key[0] == '#' && key[1] != '\0' &&
        strspn(key + 1, "0123456789") == strlen(key + 1))
        id = strtoll(key + 1, NULL, 10);
    if (id > 0)
        rc = arc_customer_lookup(out, import->cli->db, id);
    else
        rc = arc_customer_lookup_reference(out, import->cli->db, key);
    if (rc != ARC_OK)
        import_library_error(import, &row, 1, column, rc);
    return rc;
}

int import_date(struct import *import, const struct csv_row *row, size_t column,
                arc_date *out)
{
    const char *text = import_value(import, row, column);

    *out = ARC_DATE_NONE;
    if (text == NULL)
        return CLI_OK;
    if (arc_date_parse(out, text) != ARC_OK) {
        arc_error_clear();
        import_error(import, row, column, CLI_INVALID,
                     "\"%s\" is not a date (YYYY-MM-DD)", text);
        return CLI_INVALID;
    }
    return CLI_OK;
}

int import_money(struct import *import, const struct csv_row *row, size_t column,
                 const char *currency, int64_t *out)
{
    const char *text = import_value(import, row, column);
    int rc;

    *out = 0;
    if (text == NULL)
        return CLI_OK;
    rc = arc_money_parse(out, text, currency);
    arc_error_clear();
    if (rc != ARC_OK) {
        import_error(import, row, column, CLI_INVALID, "\"%s\" is not an amount in %s",
                     text, currency);
        return CLI_INVALID;
    }
    return CLI_OK;
}

static void print_summary(const struct import *import)
{
    struct cli *cli = import->cli;

    if (cli->json) {
        struct json json;

        json_begin_document(&json, cli->out);
        json_key_string(&json, "file", import->csv.path);
        json_key_int(&json, "rows", (int64_t)import->csv.row_count);
        json_key_int(&json, "created", (int64_t)import->created);
        json_key_int(&json, "updated", (int64_t)import->updated);
        json_key_int(&json, "unchanged", (int64_t)import->unchanged);
        json_key_bool(&json, "dry_run", import->dry_run);
        json_end_document(&json);
        return;
    }
    fprintf(cli->out, "%s: %zu rows: %zu %s %s, %zu %s, %zu unchanged%s\n",
            import->csv.path, import->csv.row_count, import->created, import->noun,
            import->dry_run ? "to create" : "created", import->updated,
            import->dry_run ? "to update" : "updated", import->unchanged,
            import->dry_run ? " (dry run: nothing was written)" : "");
}

/* Commit when every row was good (and this is not a dry run), else roll back.
 * Returns the exit status of the whole import. */
int import_end(struct import *import)
{
    struct cli *cli = import->cli;
    int status;

    progress_update(&import->progress, import->csv.row_count);
    progress_end(&import->progress);

    status = report_problems(import);
    if (status != CLI_OK)
        return cli_finish(cli, status);
    if (import->dry_run) {
        print_summary(import);
        arc_tx_rollback(cli->db);
        return CLI_OK;
    }

    status = cli_finish(cli, CLI_OK);
    if (status == CLI_OK)
        print_summary(import);
    return status;
}

/* The command line of every import, FILE [--dry-run]: @p import_file imports
 * the file. */
int import_command(struct cli *cli, int argc, char **argv,
                   int (*import_file)(struct cli *cli, const char *path, bool dry_run))
{
    int dry_run = 0;
    const struct cli_option options[] = {
        { "dry-run", CLI_FLAG, &dry_run },
        { NULL, CLI_FLAG, NULL },
    };
    struct cli_args args;
    int status = cli_parse_args(cli, argc, argv, options, 1, 1, &args);

    if (status != CLI_OK)
        return status;
    return import_file(cli, args.positional[0], dry_run != 0);
}
