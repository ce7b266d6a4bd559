/*
 * The search syntax. Hosts write queries in the syntax the SQLite book
 * takes (FTS5's): words, "phrases", a trailing * for a prefix, AND, OR, NOT
 * and parentheses, with AND implied between terms. This turns one into the
 * text to_tsquery() reads, checking it on the way, so that both backends
 * accept and refuse the same queries.
 *
 * Words are split as the documents are (arcollect.search_words): ASCII
 * punctuation separates words, so a term such as "dana@acme.example" is
 * the phrase of its three words.
 */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "pg_internal.h"

struct parser {
    const char *query; /* the whole query, for messages */
    const char *at;
    char *out;
    size_t length, capacity;
    int depth;
};

static int syntax_error(const struct parser *parser)
{
    if (*parser->at == '\0')
        return arc_fail(ARC_EINVAL,
                        "communication search: query \"%s\": syntax error"
                        " at the end",
                        parser->query);
    return arc_fail(ARC_EINVAL,
                    "communication search: query \"%s\": syntax error near"
                    " \"%s\"",
                    parser->query, parser->at);
}

static int emit(struct parser *parser, const char *text, size_t size)
{
    if (parser->length + size + 1 > parser->capacity) {
        size_t capacity = (parser->capacity + size + 1) * 2;
        char *bigger = realloc(parser->out, capacity);

        if (bigger == NULL)
            return arc_fail(ARC_ENOMEM, "communication search: out of memory");
        parser->out = bigger;
        parser->capacity = capacity;
    }
    memcpy(parser->out + parser->length, text, size);
    parser->length += size;
    parser->out[parser->length] = '\0';
    return ARC_OK;
}

static bool bareword_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == 0x1a || c >= 0x80;
}

static bool ascii_punctuation(unsigned char c)
{
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
           (c >= '{' && c <= '~');
}

static void skip_space(struct parser *parser)
{
    while (*parser->at == ' ' || *parser->at == '\t' || *parser->at == '\n' ||
           *parser->at == '\r')
        parser->at++;
}

/* Whether the next token is the keyword @p word (upper case, as in FTS5). */
static bool at_keyword(const struct parser *parser, const char *word)
{
    size_t size = strlen(word);

    return strncmp(parser->at, word, size) == 0 &&
           !bareword_char((unsigned char)parser->at[size]);
}

/* Emit one term as a quoted to_tsquery operand: punctuation becomes space
 * (several words make a phrase), quotes and backslashes are escaped. */
static int emit_term(struct parser *parser, const char *text, size_t size, bool prefix)
{
    int rc = emit(parser, "'", 1);

    for (size_t i = 0; i < size && rc == ARC_OK; i++) {
        unsigned char c = (unsigned char)text[i];

        if (ascii_punctuation(c) || c < ' ')
            rc = emit(parser, " ", 1);
        else
            rc = emit(parser, text + i, 1);
    }
    if (rc == ARC_OK)
        rc = emit(parser, prefix ? "':*" : "'", prefix ? 3 : 1);
    return rc;
}

static int parse_or(struct parser *parser);

/* A phrase: "...", with "" standing for a quote. */
static int parse_phrase(struct parser *parser, const char **text, size_t *size,
                        char **owned)
{
    const char *start = ++parser->at;
    char *copy = malloc(strlen(start) + 1);
    size_t length = 0;

    if (copy == NULL)
        return arc_fail(ARC_ENOMEM, "communication search: out of memory");
    for (;;) {
        if (*parser->at == '\0') {
            free(copy);
            return syntax_error(parser);
        }
        if (*parser->at == '"' && parser->at[1] == '"') {
            copy[length++] = '"';
            parser->at += 2;
        } else if (*parser->at == '"') {
            parser->at++;
            break;
        } else {
            copy[length++] = *parser->at++;
        }
    }
    *text = copy;
    *size = length;
    *owned = copy;
    return ARC_OK;
}

static int parse_primary(struct parser *parser)
{
    const char *text = NULL;
    size_t size = 0;
    char *owned = NULL;
    bool prefix;
    int rc;

    skip_space(parser);
    if (*parser->at == '(') {
        parser->at++;
        rc = emit(parser, "(", 1);
        if (rc == ARC_OK)
            rc = parse_or(parser);
        skip_space(parser);
        if (rc == ARC_OK && *parser->at != ')')
            return syntax_error(parser);
        parser->at++;
        return rc == ARC_OK ? emit(parser, ")", 1) : rc;
    }
    if (*parser->at == '"') {
        rc = parse_phrase(parser, &text, &size, &owned);
        if (rc != ARC_OK)
            return rc;
    } else if (bareword_char((unsigned char)*parser->at) && !at_keyword(parser, "AND") &&
               !at_keyword(parser, "OR") && !at_keyword(parser, "NOT")) {
        text = parser->at;
        while (bareword_char((unsigned char)*parser->at))
            size++, parser->at++;
    } else {
        return syntax_error(parser);
    }

    prefix = *parser->at == '*';
    if (prefix)
        parser->at++;
    rc = emit_term(parser, text, size, prefix);
    free(owned);
    return rc;
}

/* primary ("NOT" primary)* */
static int parse_not(struct parser *parser)
{
    int rc = parse_primary(parser);

    for (;;) {
        skip_space(parser);
        if (rc != ARC_OK || !at_keyword(parser, "NOT"))
            return rc;
        parser->at += 3;
        rc = emit(parser, " & !", 4);
        if (rc == ARC_OK)
            rc = parse_primary(parser);
    }
}

/* Whether a term can start here (for the AND implied between terms). */
static bool at_term(const struct parser *parser)
{
    unsigned char c = (unsigned char)*parser->at;

    return c == '(' || c == '"' ||
           (bareword_char(c) && !at_keyword(parser, "OR") && !at_keyword(parser, "NOT"));
}

/* not (["AND"] not)* */
static int parse_and(struct parser *parser)
{
    int rc = parse_not(parser);

    for (;;) {
        skip_space(parser);
        if (rc != ARC_OK)
            return rc;
        if (at_keyword(parser, "AND"))
            parser->at += 3;
        else if (!at_term(parser))
            return rc;
        rc = emit(parser, " & ", 3);
        if (rc == ARC_OK)
            rc = parse_not(parser);
    }
}

/* and ("OR" and)* */
static int parse_or(struct parser *parser)
{
    int rc;

    if (++parser->depth > 64)
        return syntax_error(parser);
    rc = parse_and(parser);
    for (;;) {
        skip_space(parser);
        if (rc != ARC_OK || !at_keyword(parser, "OR"))
            break;
        parser->at += 2;
        rc = emit(parser, " | ", 3);
        if (rc == ARC_OK)
            rc = parse_and(parser);
    }
    parser->depth--;
    return rc;
}

/* Whether @p text is well-formed UTF-8. */
static bool valid_utf8(const unsigned char *text)
{
    while (*text != '\0') {
        int extra = *text < 0x80             ? 0
                    : (*text & 0xe0) == 0xc0 ? 1
                    : (*text & 0xf0) == 0xe0 ? 2
                    : (*text & 0xf8) == 0xf0 ? 3
                                             : -1;

        if (extra < 0 || (extra == 1 && *text < 0xc2))
            return false;
        text++;
        for (int i = 0; i < extra; i++, text++) {
            if ((*text & 0xc0) != 0x80)
                return false;
        }
    }
    return true;
}

int arc_pg_search_translate(char **out, const char *query)
{
    struct parser parser = { query, query, NULL, 0, 0, 0 };
    int rc;

    if (!valid_utf8((const unsigned char *)query))
        return arc_fail(ARC_EINVAL, "communication search: query: not valid UTF-8");
    rc = parse_or(&parser);
    skip_space(&parser);
    if (rc == ARC_OK && *parser.at != '\0')
        rc = syntax_error(&parser);
    if (rc != ARC_OK) {
        free(parser.out);
        return rc;
    }
    *out = parser.out;
    return ARC_OK;
}
