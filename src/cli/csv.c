/*
 * A CSV reader for the imports: RFC 4180 (fields separated by commas, quoted
 * with '"' when they hold a comma, quote or line break, '""' for a quote
 * inside quotes; lines end in LF or CRLF), UTF-8 with an optional byte order
 * mark. The whole file is read and checked before anything is imported.
 */
#include <errno.h>
#include <string.h>

#include "cli.h"

struct reader {
    struct cli *cli;
    const char *path;
    const char *text; /* the file */
    size_t length;
    size_t position;
    char *out;  /* where decoded fields are written, NUL after each */
    size_t row; /* the row being read, from 1 */
    size_t errors;
};

static int read_file(struct cli *cli, const char *path, char **text, size_t *length)
{
    FILE *file = fopen(path, "rb");
    size_t capacity = 64 * 1024, used = 0;
    char *buffer;
    bool failed;

    if (file == NULL)
        return cli_fail_plain(cli, errno == ENOENT ? CLI_NOT_FOUND : CLI_FAILURE,
                              "%s: cannot open: %s", path, strerror(errno));

    buffer = cli_alloc(cli, capacity);
    for (;;) {
        size_t got = fread(buffer + used, 1, capacity - used, file);

        used += got;
        if (got == 0)
            break;
        if (used == capacity) {
            char *bigger = cli_alloc(cli, capacity * 2);

            memcpy(bigger, buffer, used);
            buffer = bigger;
            capacity *= 2;
        }
    }
    failed = ferror(file) != 0;
    fclose(file);
    if (failed)
        return cli_fail_plain(cli, CLI_FAILURE, "%s: cannot read", path);

    *text = buffer;
    *length = used;
    return CLI_OK;
}

static int syntax_error(struct reader *reader, const char *what)
{
    return cli_fail_plain(reader->cli, CLI_INVALID, "%s: row %zu: %s", reader->path,
                          reader->row, what);
}

/* One field at the reader's position, decoded into reader->out. Leaves the
 * position on the comma, line end or end of file after it. */
static int read_field(struct reader *reader, char **field)
{
    const char *text = reader->text;
    size_t at = reader->position;

    *field = reader->out;
    if (at < reader->length && text[at] == '"') {
        for (at++;; at++) {
            if (at >= reader->length)
                return syntax_error(reader, "a quoted field is not closed");
            if (text[at] == '"' && at + 1 < reader->length && text[at + 1] == '"') {
                *reader->out++ = '"';
                at++;
            } else if (text[at] == '"') {
                at++;
                break;
            } else {
                *reader->out++ = text[at];
            }
        }
        if (at < reader->length && text[at] != ',' && text[at] != '\n' &&
            !(text[at] == '\r' && at + 1 < reader->length && text[at + 1] == '\n'))
            return syntax_error(reader, "a quoted field must end at a comma or line end");
    } else {
        for (; at < reader->length && text[at] != ',' && text[at] != '\n'; at++) {
            if (text[at] == '\r' && at + 1 < reader->length && text[at + 1] == '\n')
                break;
            if (text[at] == '"')
                return syntax_error(reader, "a '\"' in a field that is not quoted");
            *reader->out++ = text[at];
        }
    }
    *reader->out++ = '\0';
    reader->position = at;
    return CLI_OK;
}

/* One row: its fields up to the line end, which is consumed. */
static int read_row(struct reader *reader, struct csv_row *row)
{
    size_t capacity = 16;
    int status;

    row->number = reader->row;
    row->count = 0;
    row->fields = cli_alloc(reader->cli, capacity * sizeof *row->fields);

    for (;;) {
        if (row->count == capacity) {
            char **fields = cli_alloc(reader->cli, capacity * 2 * sizeof *fields);

            memcpy(fields, row->fields, capacity * sizeof *fields);
            row->fields = fields;
            capacity *= 2;
        }
        status = read_field(reader, &row->fields[row->count]);
        if (status != CLI_OK)
            return status;
        row->count++;

        if (reader->position >= reader->length)
            break;
        if (reader->text[reader->position] == ',') {
            reader->position++;
            continue;
        }
        reader->position += reader->text[reader->position] == '\r' ? 2 : 1;
        break;
    }
    return CLI_OK;
}

static bool blank(const struct csv_row *row)
{
    return row->count == 1 && row->fields[0][0] == '\0';
}

static void add_row(struct cli *cli, struct csv_file *file, const struct csv_row *row,
                    size_t *capacity)
{
    if (file->row_count == *capacity) {
        size_t bigger = *capacity == 0 ? 256 : *capacity * 2;
        struct csv_row *rows = cli_alloc(cli, bigger * sizeof *rows);

        if (file->row_count > 0)
            memcpy(rows, file->rows, file->row_count * sizeof *rows);
        file->rows = rows;
        *capacity = bigger;
    }
    file->rows[file->row_count++] = *row;
}

/* Read @p path whole. Blank lines are skipped (they still count as rows);
 * every row must have as many fields as the header. */
int csv_read(struct cli *cli, const char *path, struct csv_file *out)
{
    struct reader reader = { .cli = cli, .path = path, .row = 1 };
    size_t capacity = 0;
    char *text = NULL;
    int status = read_file(cli, path, &text, &reader.length);

    if (status != CLI_OK)
        return status;
    if (memchr(text, '\0', reader.length) != NULL)
        return cli_fail_plain(cli, CLI_INVALID,
                              "%s: holds a NUL byte: not a CSV text file", path);

    reader.text = text;
    reader.out = cli_alloc(cli, reader.length + 1);
    if (reader.length >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
        reader.position = 3;

    memset(out, 0, sizeof *out);
    out->path = path;
    status = read_row(&reader, &out->header);
    if (status == CLI_OK && blank(&out->header))
        return cli_fail_plain(cli, CLI_INVALID, "%s: row 1: the header row is empty",
                              path);

    while (status == CLI_OK && reader.position < reader.length) {
        struct csv_row row;

        reader.row++;
        status = read_row(&reader, &row);
        if (status != CLI_OK || blank(&row))
            continue;
        if (row.count != out->header.count) {
            cli_fail_plain(cli, CLI_INVALID,
                           "%s: row %zu: has %zu fields, the header has %zu", path,
                           row.number, row.count, out->header.count);
            reader.errors++;
            continue;
        }
        add_row(cli, out, &row, &capacity);
    }

    if (status == CLI_OK && reader.errors > 0)
        status = CLI_INVALID;
    return status;
}
