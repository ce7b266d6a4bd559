/*
 * Tables for the human-readable output: a header, then one row per record,
 * each column as wide as its widest cell (counted in characters, not bytes),
 * numbers aligned right. Control characters in cells become spaces, so that a
 * record's text cannot break the layout.
 */
#include <string.h>

#include "cli.h"

#define FIELD_LABEL_WIDTH 20

void table_init(struct table *table, struct cli *cli, const struct table_column *columns,
                size_t column_count)
{
    memset(table, 0, sizeof *table);
    table->cli = cli;
    table->columns = columns;
    table->column_count = column_count;
}

static size_t display_width(const char *text)
{
    size_t width = 0;

    for (const unsigned char *c = (const unsigned char *)text; *c != '\0'; c++) {
        if ((*c & 0xc0) != 0x80)
            width++;
    }
    return width;
}

/* A copy of @p text for a cell: control characters as spaces, and at most
 * @p max_width characters, the last three of a longer text being "...". */
static char *cell_text(struct cli *cli, const char *text, size_t max_width)
{
    size_t length = strlen(text);
    char *cell = cli_alloc(cli, length + 4);
    size_t width = 0, used = 0;

    for (size_t i = 0; i < length; i++) {
        unsigned char c = (unsigned char)text[i];

        if ((c & 0xc0) != 0x80) {
            if (max_width > 3 && width == max_width - 3 && display_width(text + i) > 3) {
                memcpy(cell + used, "...", 4);
                return cell;
            }
            width++;
        }
        cell[used++] = c < 0x20 || c == 0x7f ? ' ' : (char)c;
    }
    cell[used] = '\0';
    return cell;
}

void table_add(struct table *table, const char *text)
{
    size_t column = table->current_column;

    if (column == 0) {
        if (table->row_count == table->row_capacity) {
            size_t capacity = table->row_capacity == 0 ? 64 : table->row_capacity * 2;
            char **cells =
                cli_alloc(table->cli, capacity * table->column_count * sizeof *cells);

            if (table->row_count > 0)
                memcpy(cells, table->cells,
                       table->row_count * table->column_count * sizeof *cells);
            table->cells = cells;
            table->row_capacity = capacity;
        }
        table->row_count++;
    }

    table->cells[(table->row_count - 1) * table->column_count + column] =
        cell_text(table->cli, text ? text : "", table->columns[column].max_width);
    table->current_column = (column + 1) % table->column_count;
}

void table_addf(struct table *table, const char *fmt, ...)
{
    char text[1024];
    va_list args;

    va_start(args, fmt);
    vsnprintf(text, sizeof text, fmt, args);
    va_end(args);
    table_add(table, text);
}

static void print_cell(FILE *out, const char *text, size_t width, enum cli_align align,
                       bool last)
{
    size_t pad = width - display_width(text);

    if (align == CLI_RIGHT)
        fprintf(out, "%*s", (int)pad, "");
    fputs(text, out);
    if (align == CLI_LEFT && !last)
        fprintf(out, "%*s", (int)pad, "");
}

static void print_row(const struct table *table, FILE *out, const size_t *widths,
                      char *const *cells, bool header)
{
    for (size_t c = 0; c < table->column_count; c++) {
        const char *text = header ? table->columns[c].header : cells[c];

        if (c > 0)
            fputs("  ", out);
        print_cell(out, text, widths[c], table->columns[c].align,
                   c + 1 == table->column_count);
    }
    fputc('\n', out);
}

void table_print(const struct table *table, FILE *out)
{
    size_t *widths = cli_alloc(table->cli, table->column_count * sizeof *widths);

    for (size_t c = 0; c < table->column_count; c++)
        widths[c] = display_width(table->columns[c].header);
    for (size_t r = 0; r < table->row_count; r++) {
        for (size_t c = 0; c < table->column_count; c++) {
            size_t width = display_width(table->cells[r * table->column_count + c]);

            if (width > widths[c])
                widths[c] = width;
        }
    }

    print_row(table, out, widths, NULL, true);
    for (size_t r = 0; r < table->row_count; r++)
        print_row(table, out, widths, table->cells + r * table->column_count, false);
}

/* One field of a record: its label, then its value on the same line, with
 * control characters shown as spaces. */
void fields_print(FILE *out, const char *label, const char *value)
{
    fprintf(out, "%-*s ", FIELD_LABEL_WIDTH, label);
    for (const unsigned char *c = (const unsigned char *)cli_or_dash(value); *c; c++)
        fputc(*c < 0x20 || *c == 0x7f ? ' ' : *c, out);
    fputc('\n', out);
}

void fields_printf(FILE *out, const char *label, const char *fmt, ...)
{
    char value[1024];
    va_list args;

    va_start(args, fmt);
    vsnprintf(value, sizeof value, fmt, args);
    va_end(args);
    fields_print(out, label, value);
}
