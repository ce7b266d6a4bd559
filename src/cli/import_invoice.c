/*
 * invoice import: invoices from CSV, one row per line; rows with the same
 * number make one invoice. An invoice already in the book with the same
 * customer and lines is left alone; one with other values is a conflict,
 * since an issued invoice cannot change.
 */
#include <string.h>

#include "import.h"

enum column {
    COL_NUMBER,
    COL_CUSTOMER,
    COL_DESCRIPTION,
    COL_UNIT_PRICE,
    COL_CURRENCY,
    COL_ISSUE_DATE,
    COL_DUE_DATE,
    COL_MEMO,
    COL_QUANTITY,
    COL_TAX_RATE,
    COL_ITEM_CODE,
    COL_PERIOD_START,
    COL_PERIOD_END,
    COL_STATUS,
    COLUMN_COUNT
};

static const struct import_column columns[COLUMN_COUNT] = {
    [COL_NUMBER] = { "number", true },
    [COL_CUSTOMER] = { "customer", true },
    [COL_DESCRIPTION] = { "description", true },
    [COL_UNIT_PRICE] = { "unit_price", true },
    [COL_CURRENCY] = { "currency", false },
    [COL_ISSUE_DATE] = { "issue_date", false },
    [COL_DUE_DATE] = { "due_date", false },
    [COL_MEMO] = { "memo", false },
    [COL_QUANTITY] = { "quantity", false },
    [COL_TAX_RATE] = { "tax_rate", false },
    [COL_ITEM_CODE] = { "item_code", false },
    [COL_PERIOD_START] = { "period_start", false },
    [COL_PERIOD_END] = { "period_end", false },
    [COL_STATUS] = { "status", false },
};

/* The columns that describe the invoice rather than one of its lines. */
static const enum column invoice_columns[] = { COL_CUSTOMER, COL_CURRENCY, COL_ISSUE_DATE,
                                               COL_DUE_DATE, COL_MEMO,     COL_STATUS };

#define INVOICE_COLUMN_COUNT (sizeof invoice_columns / sizeof invoice_columns[0])

/* The rows of one invoice. */
struct group {
    const char *number;
    const struct csv_row **rows;
    size_t count;
    size_t capacity;
};

/* What the rows of a group say, checked. */
struct parsed {
    const char
        *value[COLUMN_COUNT]; /* the invoice's columns, from whichever row has them */
    arc_customer *customer;
    const char *currency;
    bool draft;
    arc_invoice_opts opts;
    arc_invoice_line_opts *lines;
};

static void group_add(struct cli *cli, struct group *group, const struct csv_row *row)
{
    if (group->count == group->capacity) {
        size_t capacity = group->capacity == 0 ? 4 : group->capacity * 2;
        const struct csv_row **rows = cli_alloc(cli, capacity * sizeof *rows);

        if (group->count > 0)
            memcpy(rows, group->rows, group->count * sizeof *rows);
        group->rows = rows;
        group->capacity = capacity;
    }
    group->rows[group->count++] = row;
}

/* Rows grouped by number, in the order each number first appears. */
static struct group *group_rows(struct import *import, size_t *group_count)
{
    struct cli *cli = import->cli;
    struct group *groups = cli_alloc(cli, (import->csv.row_count + 1) * sizeof *groups);
    struct strmap index = { 0 };

    *group_count = 0;
    for (size_t r = 0; r < import->csv.row_count; r++) {
        const struct csv_row *row = &import->csv.rows[r];
        const char *number = import_value(import, row, COL_NUMBER);
        int64_t g;

        if (number == NULL) {
            import_error(import, row, COL_NUMBER, CLI_INVALID, "required");
            continue;
        }
        if (!strmap_get(&index, number, &g)) {
            g = (int64_t)(*group_count)++;
            groups[g].number = number;
            strmap_put(cli, &index, number, g);
        }
        group_add(cli, &groups[g], row);
    }
    return groups;
}

/* The invoice's columns may be given on any of its rows, but must agree. */
static int read_invoice_columns(struct import *import, const struct group *group,
                                struct parsed *parsed)
{
    int status = CLI_OK;

    for (size_t c = 0; c < INVOICE_COLUMN_COUNT; c++) {
        enum column column = invoice_columns[c];
        size_t first_row = 0;

        for (size_t r = 0; r < group->count; r++) {
            const char *value = import_value(import, group->rows[r], column);

            if (value == NULL)
                continue;
            if (parsed->value[column] == NULL) {
                parsed->value[column] = value;
                first_row = group->rows[r]->number;
            } else if (strcmp(parsed->value[column], value) != 0) {
                import_error(import, group->rows[r], column, CLI_INVALID,
                             "\"%s\" differs from \"%s\" in row %zu of invoice %s", value,
                             parsed->value[column], first_row, group->number);
                status = CLI_INVALID;
            }
        }
    }
    return status;
}

/* Returns the library's code, so that a storage failure ends the import. */
static int find_customer(struct import *import, const struct group *group,
                         struct parsed *parsed)
{
    const char *key = parsed->value[COL_CUSTOMER];
    const struct csv_row *row = group->rows[0];

    for (size_t r = 0; key != NULL && r < group->count; r++) {
        if (import_value(import, group->rows[r], COL_CUSTOMER) != NULL) {
            row = group->rows[r];
            break;
        }
    }
    if (key == NULL) {
        import_error(import, row, COL_CUSTOMER, CLI_INVALID, "required");
        return ARC_EINVAL;
    }
    return import_find_customer(import, row, COL_CUSTOMER, key, &parsed->customer);
}

static int read_header(struct import *import, const struct group *group,
                       struct parsed *parsed)
{
    const char *status_text = parsed->value[COL_STATUS];
    const struct csv_row *first = group->rows[0];
    int status = CLI_OK;

    parsed->currency = parsed->value[COL_CURRENCY];
    if (parsed->currency == NULL)
        parsed->currency = arc_customer_currency(parsed->customer);
    if (arc_currency_lookup(NULL, parsed->currency) != ARC_OK) {
        arc_error_clear();
        import_error(import, first, COL_CURRENCY, CLI_INVALID,
                     "\"%s\" is not a currency code", parsed->currency);
        status = CLI_INVALID;
    }
    if (status_text != NULL && strcmp(status_text, "issued") != 0 &&
        strcmp(status_text, "draft") != 0) {
        import_error(import, first, COL_STATUS, CLI_INVALID,
                     "\"%s\" is not issued or draft", status_text);
        status = CLI_INVALID;
    }
    parsed->draft = status_text != NULL && strcmp(status_text, "draft") == 0;

    for (size_t r = 0; r < group->count; r++) {
        const struct csv_row *row = group->rows[r];

        if (import_value(import, row, COL_ISSUE_DATE) != NULL &&
            import_date(import, row, COL_ISSUE_DATE, &parsed->opts.issue_date) != CLI_OK)
            status = CLI_INVALID;
        if (import_value(import, row, COL_DUE_DATE) != NULL &&
            import_date(import, row, COL_DUE_DATE, &parsed->opts.due_date) != CLI_OK)
            status = CLI_INVALID;
    }
    return status;
}

static int read_lines(struct import *import, const struct group *group,
                      struct parsed *parsed)
{
    int status = CLI_OK;

    parsed->lines = cli_alloc(import->cli, group->count * sizeof *parsed->lines);
    for (size_t r = 0; r < group->count; r++) {
        const struct csv_row *row = group->rows[r];
        arc_invoice_line_opts line = ARC_INVOICE_LINE_OPTS_INIT;

        line.description = import_value(import, row, COL_DESCRIPTION);
        line.quantity = import_value(import, row, COL_QUANTITY);
        line.tax_rate = import_value(import, row, COL_TAX_RATE);
        line.item_code = import_value(import, row, COL_ITEM_CODE);
        if (line.description == NULL) {
            import_error(import, row, COL_DESCRIPTION, CLI_INVALID, "required");
            status = CLI_INVALID;
        }
        if (import_value(import, row, COL_UNIT_PRICE) == NULL) {
            import_error(import, row, COL_UNIT_PRICE, CLI_INVALID, "required");
            status = CLI_INVALID;
        } else if (import_money(import, row, COL_UNIT_PRICE, parsed->currency,
                                &line.unit_price) != CLI_OK) {
            status = CLI_INVALID;
        }
        if (import_date(import, row, COL_PERIOD_START, &line.period_start) != CLI_OK ||
            import_date(import, row, COL_PERIOD_END, &line.period_end) != CLI_OK)
            status = CLI_INVALID;
        parsed->lines[r] = line;
    }
    return status;
}

/* Where an invoice in the book differs from the file's: the row and column
 * to blame and what the book has, or false when they are the same. */
struct difference {
    size_t row;
    enum column column;
    char book_value[128];
};

/* Whether two decimals differ once written alike, @p if_empty standing for a
 * missing one; when they do, blame @p column and keep the book's. */
static bool decimal_differs(const char *book, const char *given, const char *if_empty,
                            enum column column, struct difference *difference)
{
    char a[64], b[64];

    canonical_decimal(a, sizeof a, book, if_empty);
    canonical_decimal(b, sizeof b, given, if_empty);
    if (strcmp(a, b) == 0)
        return false;
    difference->column = column;
    snprintf(difference->book_value, sizeof difference->book_value, "%s", a);
    return true;
}

static bool differs_in_line(const arc_invoice_line *line,
                            const arc_invoice_line_opts *given, const char *currency,
                            struct difference *difference)
{
    if (!same_text(arc_invoice_line_description(line), given->description)) {
        difference->column = COL_DESCRIPTION;
        snprintf(difference->book_value, sizeof difference->book_value, "%s",
                 arc_invoice_line_description(line));
        return true;
    }
    if (decimal_differs(arc_invoice_line_quantity(line), given->quantity, "1",
                        COL_QUANTITY, difference))
        return true;
    if (arc_invoice_line_unit_price(line) != given->unit_price) {
        difference->column = COL_UNIT_PRICE;
        cli_format_amount(difference->book_value, sizeof difference->book_value,
                          arc_invoice_line_unit_price(line), currency);
        return true;
    }
    if (decimal_differs(arc_invoice_line_tax_rate(line), given->tax_rate, "0",
                        COL_TAX_RATE, difference))
        return true;
    if (!same_text(arc_invoice_line_item_code(line), given->item_code)) {
        difference->column = COL_ITEM_CODE;
        snprintf(difference->book_value, sizeof difference->book_value, "%s",
                 cli_or_dash(arc_invoice_line_item_code(line)));
        return true;
    }
    if (arc_invoice_line_period_start(line) != given->period_start ||
        arc_invoice_line_period_end(line) != given->period_end) {
        difference->column = arc_invoice_line_period_start(line) != given->period_start
                                 ? COL_PERIOD_START
                                 : COL_PERIOD_END;
        cli_format_date(difference->book_value, sizeof difference->book_value,
                        difference->column == COL_PERIOD_START
                            ? arc_invoice_line_period_start(line)
                            : arc_invoice_line_period_end(line));
        return true;
    }
    return false;
}

static bool differs(struct import *import, const struct group *group,
                    const struct parsed *parsed, const arc_invoice *invoice,
                    struct difference *difference)
{
    const char *currency = arc_invoice_currency(invoice);
    bool draft = arc_invoice_status_of(invoice) == ARC_INVOICE_DRAFT;
    arc_date issue = arc_invoice_issue_date(invoice), due = arc_invoice_due_date(invoice);

    difference->row = 0;
    difference->book_value[0] = '\0';
    if (arc_invoice_customer_id(invoice) != arc_customer_id(parsed->customer)) {
        difference->column = COL_CUSTOMER;
        snprintf(difference->book_value, sizeof difference->book_value, "%s",
                 cli_customer_reference(import->cli, arc_invoice_customer_id(invoice)));
    } else if (strcmp(currency, parsed->currency) != 0) {
        difference->column = COL_CURRENCY;
        snprintf(difference->book_value, sizeof difference->book_value, "%s", currency);
    } else if (draft != parsed->draft) {
        difference->column = COL_STATUS;
        snprintf(difference->book_value, sizeof difference->book_value, "%s",
                 arc_invoice_status_name(arc_invoice_status_of(invoice)));
    } else if (parsed->opts.issue_date != ARC_DATE_NONE &&
               parsed->opts.issue_date != issue) {
        difference->column = COL_ISSUE_DATE;
        cli_format_date(difference->book_value, sizeof difference->book_value, issue);
    } else if (parsed->opts.due_date != ARC_DATE_NONE && parsed->opts.due_date != due) {
        difference->column = COL_DUE_DATE;
        cli_format_date(difference->book_value, sizeof difference->book_value, due);
    } else if (import_has_column(import, COL_MEMO) &&
               !same_text(arc_invoice_memo(invoice), parsed->value[COL_MEMO])) {
        difference->column = COL_MEMO;
        snprintf(difference->book_value, sizeof difference->book_value, "%s",
                 cli_or_dash(arc_invoice_memo(invoice)));
    } else if (arc_invoice_line_count(invoice) != group->count) {
        difference->column = COL_NUMBER;
        snprintf(difference->book_value, sizeof difference->book_value, "%zu lines",
                 arc_invoice_line_count(invoice));
    } else {
        for (size_t r = 0; r < group->count; r++) {
            if (differs_in_line(arc_invoice_line_at(invoice, r), &parsed->lines[r],
                                currency, difference)) {
                difference->row = r;
                return true;
            }
        }
        return false;
    }
    return true;
}

/* The invoice exists: the same is fine, anything else is a conflict. */
static void compare_existing(struct import *import, const struct group *group,
                             const struct parsed *parsed, const arc_invoice *invoice)
{
    struct difference difference;

    if (!differs(import, group, parsed, invoice, &difference)) {
        import->unchanged++;
        return;
    }
    import_error(import, group->rows[difference.row], difference.column, CLI_CONFLICT,
                 "invoice %s is already in the book with %s \"%s\"", group->number,
                 columns[difference.column].name, difference.book_value);
}

static int import_group(struct import *import, const struct group *group)
{
    struct parsed parsed = { .opts = ARC_INVOICE_OPTS_INIT };
    arc_invoice *existing = NULL;
    int rc = ARC_OK;

    if (read_invoice_columns(import, group, &parsed) != CLI_OK)
        goto out;
    rc = find_customer(import, group, &parsed);
    if (rc != ARC_OK || read_header(import, group, &parsed) != CLI_OK ||
        read_lines(import, group, &parsed) != CLI_OK)
        goto out;

    rc = arc_invoice_lookup_number(&existing, import->cli->db, group->number);
    if (rc == ARC_OK) {
        compare_existing(import, group, &parsed, existing);
        goto out;
    }
    if (rc != ARC_ENOTFOUND) {
        import_library_error(import, group->rows, group->count, COL_NUMBER, rc);
        goto out;
    }
    arc_error_clear();

    parsed.opts.customer_id = arc_customer_id(parsed.customer);
    parsed.opts.number = group->number;
    parsed.opts.currency = parsed.currency;
    parsed.opts.memo = parsed.value[COL_MEMO];
    parsed.opts.lines = parsed.lines;
    parsed.opts.line_count = group->count;
    parsed.opts.flags = parsed.draft ? 0 : ARC_INVOICE_CREATE_ISSUED;
    rc = arc_invoice_create(NULL, import->cli->db, &parsed.opts);
    if (rc == ARC_OK)
        import->created++;
    else
        import_library_error(import, group->rows, group->count, COL_NUMBER, rc);

out:
    arc_invoice_free(existing);
    arc_customer_free(parsed.customer);
    return rc;
}

static int import_invoices(struct cli *cli, const char *path, bool dry_run)
{
    struct import import = { .noun = "invoices" };
    struct group *groups;
    size_t group_count, rows_done = 0;
    int status = import_begin(&import, cli, path, columns, COLUMN_COUNT, dry_run);

    if (status != CLI_OK)
        return cli_finish(cli, status);

    groups = group_rows(&import, &group_count);
    for (size_t g = 0; g < group_count; g++) {
        progress_update(&import.progress, rows_done);
        if (import_fatal(import_group(&import, &groups[g])))
            break;
        rows_done += groups[g].count;
    }
    return import_end(&import);
}

int cmd_invoice_import(struct cli *cli, int argc, char **argv)
{
    return import_command(cli, argc, argv, import_invoices);
}
