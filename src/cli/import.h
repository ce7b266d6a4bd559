/*
 * What the three CSV imports share (import_csv.c): the columns of a file,
 * row errors that name their row and column, and the one transaction that
 * makes an import all or nothing.
 */
#ifndef ARC_CLI_IMPORT_H
#define ARC_CLI_IMPORT_H

#include "cli.h"

struct import_column {
    const char *name;
    bool required;
};

/* Strings mapped to ids: keys already seen, records already found. */
struct strmap {
    size_t capacity; /* a power of two */
    size_t count;
    const char **keys;
    int64_t *values;
};

/* A bad row, reported in row order once every row has been checked. */
struct import_problem {
    size_t row;
    size_t order; /* keeps the order of problems of one row */
    int status;
    char *text;
};

struct import {
    struct cli *cli;
    const char *noun; /* "customers", for the summary */
    struct csv_file csv;
    const struct import_column *columns;
    size_t column_count;
    int *field_of; /* per column: its field in the file, or -1 */
    bool dry_run;
    struct import_problem *problems;
    size_t problem_count;
    size_t problem_capacity;
    size_t created;
    size_t updated;
    size_t unchanged;
    struct progress progress;
};

int import_begin(struct import *import, struct cli *cli, const char *path,
                 const struct import_column *columns, size_t column_count, bool dry_run);
int import_end(struct import *import);
int import_command(struct cli *cli, int argc, char **argv,
                   int (*import_file)(struct cli *cli, const char *path, bool dry_run));

const char *import_value(const struct import *import, const struct csv_row *row,
                         size_t column);
bool import_has_column(const struct import *import, size_t column);
void import_error(struct import *import, const struct csv_row *row, size_t column,
                  int status, const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void import_library_error(struct import *import, const struct csv_row *const *rows,
                          size_t row_count, size_t fallback_column, int rc);
bool import_fatal(int rc);
int import_find_customer(struct import *import, const struct csv_row *row, size_t column,
                         const char *key, arc_customer **out);

int import_date(struct import *import, const struct csv_row *row, size_t column,
                arc_date *out);
int import_money(struct import *import, const struct csv_row *row, size_t column,
                 const char *currency, int64_t *out);

void strmap_put(struct cli *cli, struct strmap *map, const char *key, int64_t value);
bool strmap_get(const struct strmap *map, const char *key, int64_t *value);

bool same_text(const char *a, const char *b);
void canonical_decimal(char *buf, size_t size, const char *text, const char *if_empty);

#endif
