/*
 * The hand-written baseline's book: one SQLite connection and the prepared
 * statements that write the same rows the library writes.
 */
#ifndef ARC_BENCH_RAW_H
#define ARC_BENCH_RAW_H

#include <sqlite3.h>

#include "bench.h"

enum raw_statement {
    RAW_INSERT_CUSTOMER,
    RAW_INSERT_INVOICE,
    RAW_INSERT_LINE,
    RAW_INSERT_PAYMENT,
    RAW_INSERT_APPLICATION,
    RAW_SETTLE_INVOICE,
    RAW_INSERT_EVENT,
    RAW_STATEMENT_COUNT
};

struct raw_book {
    sqlite3 *conn;
    sqlite3_stmt *stmt[RAW_STATEMENT_COUNT];
    arc_date today;
    char now[24]; /* the fixed clock's instant, as the library writes it */
};

int raw_open(struct raw_book *book, const struct bench_config *cfg, const char *path);
void raw_close(struct raw_book *book);
int raw_exec(struct raw_book *book, const char *sql);
int raw_step(struct raw_book *book, enum raw_statement which, long index);
int raw_bind_date(struct raw_book *book, enum raw_statement which, int column,
                  arc_date date);
int raw_fail(struct raw_book *book, const char *what, long index);

#endif
