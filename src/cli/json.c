/*
 * A JSON writer for the --json output: one document, written to stdout as it
 * is built, indented by two spaces. Strings are escaped so that any input,
 * control characters and invalid UTF-8 included, gives valid JSON: invalid
 * bytes become U+FFFD.
 */
#include <inttypes.h>

#include "cli.h"

#define MAX_DEPTH ((int)(sizeof((struct json *)0)->need_comma))

void json_init(struct json *json, FILE *out)
{
    json->out = out;
    json->depth = 0;
    json->need_comma[0] = false;
    json->after_key = false;
}

void json_finish(struct json *json)
{
    fputc('\n', json->out);
}

/* A document that is one object: start it and open the object. */
void json_begin_document(struct json *json, FILE *out)
{
    json_init(json, out);
    json_begin_object(json);
}

/* Close the object and end the document. */
void json_end_document(struct json *json)
{
    json_end_object(json);
    json_finish(json);
}

static void indent(struct json *json)
{
    fputc('\n', json->out);
    for (int i = 0; i < json->depth; i++)
        fputs("  ", json->out);
}

/* Before any value: the comma and new line that separate it from the last. */
static void begin_value(struct json *json)
{
    if (json->after_key) {
        json->after_key = false;
        return;
    }
    if (json->depth == 0)
        return;
    if (json->need_comma[json->depth])
        fputc(',', json->out);
    json->need_comma[json->depth] = true;
    indent(json);
}

static void open_container(struct json *json, char bracket)
{
    begin_value(json);
    fputc(bracket, json->out);
    if (json->depth + 1 < MAX_DEPTH)
        json->depth++;
    json->need_comma[json->depth] = false;
}

static void close_container(struct json *json, char bracket)
{
    bool had_members = json->need_comma[json->depth];

    if (json->depth > 0)
        json->depth--;
    if (had_members)
        indent(json);
    fputc(bracket, json->out);
}

void json_begin_object(struct json *json)
{
    open_container(json, '{');
}

void json_end_object(struct json *json)
{
    close_container(json, '}');
}

void json_begin_array(struct json *json)
{
    open_container(json, '[');
}

void json_end_array(struct json *json)
{
    close_container(json, ']');
}

/* The length of the valid UTF-8 sequence at @p s, or 0 when it is not one. */
static size_t utf8_sequence(const unsigned char *s)
{
    uint32_t code;
    size_t length;

    if (s[0] < 0x80)
        return 1;
    if (s[0] >= 0xc2 && s[0] <= 0xdf) {
        length = 2;
        code = s[0] & 0x1f;
    } else if (s[0] >= 0xe0 && s[0] <= 0xef) {
        length = 3;
        code = s[0] & 0x0f;
    } else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
        length = 4;
        code = s[0] & 0x07;
    } else {
        return 0;
    }

    for (size_t i = 1; i < length; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        code = (code << 6) | (s[i] & 0x3f);
    }
    if ((length == 3 && (code < 0x800 || (code >= 0xd800 && code <= 0xdfff))) ||
        (length == 4 && (code < 0x10000 || code > 0x10ffff)))
        return 0;
    return length;
}

static void json_write_string(FILE *out, const char *text)
{
    const unsigned char *s = (const unsigned char *)text;

    fputc('"', out);
    while (*s != '\0') {
        size_t length = utf8_sequence(s);

        if (length == 0) {
            fputs("\\ufffd", out);
            s++;
        } else if (*s == '"' || *s == '\\') {
            fputc('\\', out);
            fputc(*s++, out);
        } else if (*s == '\n') {
            fputs("\\n", out);
            s++;
        } else if (*s == '\r') {
            fputs("\\r", out);
            s++;
        } else if (*s == '\t') {
            fputs("\\t", out);
            s++;
        } else if (*s < 0x20 || *s == 0x7f) {
            fprintf(out, "\\u%04x", *s++);
        } else {
            fwrite(s, 1, length, out);
            s += length;
        }
    }
    fputc('"', out);
}

void json_key(struct json *json, const char *key)
{
    begin_value(json);
    json_write_string(json->out, key);
    fputs(": ", json->out);
    json->after_key = true;
}

void json_string(struct json *json, const char *text)
{
    if (text == NULL) {
        json_null(json);
        return;
    }
    begin_value(json);
    json_write_string(json->out, text);
}

void json_int(struct json *json, int64_t value)
{
    begin_value(json);
    fprintf(json->out, "%" PRId64, value);
}

void json_bool(struct json *json, bool value)
{
    begin_value(json);
    fputs(value ? "true" : "false", json->out);
}

void json_null(struct json *json)
{
    begin_value(json);
    fputs("null", json->out);
}

/* {"amount": "1234.50", "currency": "USD"} */
void json_money(struct json *json, int64_t amount, const char *currency)
{
    char digits[ARC_MONEY_BUFSIZE];

    cli_format_amount(digits, sizeof digits, amount, currency);
    json_begin_object(json);
    json_key_string(json, "amount", digits);
    json_key_string(json, "currency", currency);
    json_end_object(json);
}

void json_date(struct json *json, arc_date date)
{
    char text[ARC_DATE_BUFSIZE];

    if (date == ARC_DATE_NONE) {
        json_null(json);
        return;
    }
    cli_format_date(text, sizeof text, date);
    json_string(json, text);
}

void json_time(struct json *json, arc_time instant)
{
    char text[CLI_TIME_BUFSIZE];

    cli_format_time(text, sizeof text, instant);
    json_string(json, text);
}

/* An id, or null for 0 (no record). */
void json_id(struct json *json, arc_id id)
{
    if (id <= 0)
        json_null(json);
    else
        json_int(json, id);
}

void json_key_string(struct json *json, const char *key, const char *text)
{
    json_key(json, key);
    json_string(json, text);
}

void json_key_int(struct json *json, const char *key, int64_t value)
{
    json_key(json, key);
    json_int(json, value);
}

void json_key_bool(struct json *json, const char *key, bool value)
{
    json_key(json, key);
    json_bool(json, value);
}

void json_key_money(struct json *json, const char *key, int64_t amount,
                    const char *currency)
{
    json_key(json, key);
    json_money(json, amount, currency);
}

void json_key_date(struct json *json, const char *key, arc_date date)
{
    json_key(json, key);
    json_date(json, date);
}

void json_key_time(struct json *json, const char *key, arc_time instant)
{
    json_key(json, key);
    json_time(json, instant);
}

void json_key_id(struct json *json, const char *key, arc_id id)
{
    json_key(json, key);
    json_id(json, id);
}
