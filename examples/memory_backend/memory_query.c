/*
 * A recursive-descent parser for search queries (see memory_search.h for
 * the syntax), and the matching of phrases and queries.
 */
#include <stdlib.h>
#include <string.h>

#include "memory_internal.h"
#include "memory_search.h"

/* Deepest nesting of parentheses a query may have. */
#define MAX_DEPTH 100

static char fold(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static bool term_matches(const struct mem_term *term, const char *text,
                         const struct mem_token *token)
{
    size_t length = token->end - token->start;

    if (length < term->length || (!term->prefix && length != term->length))
        return false;
    for (size_t i = 0; i < term->length; i++) {
        if (fold(text[token->start + i]) != term->text[i])
            return false;
    }
    return true;
}

bool mem_phrase_at(const struct mem_phrase *phrase, const char *text,
                   const struct mem_tokens *tokens, size_t at)
{
    if (phrase->count == 0 || at + phrase->count > tokens->count)
        return false;
    for (size_t i = 0; i < phrase->count; i++) {
        if (!term_matches(&phrase->terms[i], text, &tokens->items[at + i]))
            return false;
    }
    return true;
}

enum lexeme {
    END,
    OPEN,
    CLOSE,
    AND,
    OR,
    NOT,
    WORD,
    STRING,
    STAR,
    PLUS,
    BAD,
    UNSUPPORTED
};

struct parser {
    const char *text;
    size_t at;           /* just after the current lexeme */
    enum lexeme current; /* the current lexeme, at [start, at) */
    size_t start;
    int depth;
    int rc;
    struct mem_query *query;
    size_t node_capacity;
};

static bool is_word_byte(unsigned char c)
{
    return mem_is_token_byte(c) || c == '_' || c == 0x1a;
}

static bool word_is(const struct parser *p, const char *keyword)
{
    size_t length = strlen(keyword);

    return p->at - p->start == length && memcmp(p->text + p->start, keyword, length) == 0;
}

/* Move to the next lexeme. */
static void advance(struct parser *p)
{
    const char *text = p->text;
    char c;

    while (text[p->at] != '\0' && strchr(" \t\n\r\f\v", text[p->at]) != NULL)
        p->at++;
    p->start = p->at;
    c = text[p->at];
    if (c == '\0') {
        p->current = END;
        return;
    }
    p->at++;
    if (c == '(' || c == ')' || c == '*' || c == '+') {
        p->current = c == '(' ? OPEN : c == ')' ? CLOSE : c == '*' ? STAR : PLUS;
    } else if (c == '"') {
        p->current = BAD;
        while (text[p->at] != '\0' && p->current == BAD) {
            if (text[p->at] == '"' && text[p->at + 1] != '"')
                p->current = STRING;
            p->at += text[p->at] == '"' && p->current == BAD ? 2 : 1;
        }
    } else if (is_word_byte((unsigned char)c)) {
        while (is_word_byte((unsigned char)text[p->at]))
            p->at++;
        p->current = word_is(p, "AND")   ? AND
                     : word_is(p, "OR")  ? OR
                     : word_is(p, "NOT") ? NOT
                                         : WORD;
        if (word_is(p, "NEAR") && text[p->at] == '(')
            p->current = UNSUPPORTED;
    } else {
        p->current = c == ':' || c == '^' ? UNSUPPORTED : BAD;
    }
}

static void fail(struct parser *p)
{
    int length = (int)(p->at - p->start);

    if (p->rc != ARC_OK)
        return;
    if (p->current == UNSUPPORTED)
        p->rc = arc_error_set(ARC_EINVAL,
                              "communication search: query \"%s\": \"%.*s\": column "
                              "filters, NEAR and ^ are not supported by the memory "
                              "backend",
                              p->text, length, p->text + p->start);
    else
        p->rc = arc_error_set(ARC_EINVAL,
                              "communication search: query \"%s\": syntax error near "
                              "\"%.*s\"",
                              p->text, length, p->text + p->start);
}

static size_t add_node(struct parser *p, enum mem_node_kind kind, size_t left,
                       size_t right)
{
    struct mem_query *query = p->query;

    if (p->rc != ARC_OK)
        return 0;
    if (query->node_count == p->node_capacity) {
        size_t grown = p->node_capacity ? p->node_capacity * 2 : 16;
        struct mem_node *bigger = realloc(query->nodes, grown * sizeof(*bigger));

        if (bigger == NULL) {
            p->rc = mem_nomem();
            return 0;
        }
        query->nodes = bigger;
        p->node_capacity = grown;
    }
    query->nodes[query->node_count] = (struct mem_node){ kind, 0, left, right };
    return query->node_count++;
}

/* Append the tokens of the current word or string to @p phrase as terms. */
static void add_terms(struct parser *p, struct mem_phrase *phrase)
{
    size_t from = p->start + (p->current == STRING), to = p->at - (p->current == STRING);
    struct mem_tokens tokens = { 0 };
    char *text = malloc(to - from + 1);

    if (text == NULL) {
        p->rc = mem_nomem();
        return;
    }
    /* A string's "" stands for a quote, which separates tokens like one. */
    memcpy(text, p->text + from, to - from);
    text[to - from] = '\0';

    p->rc = mem_tokenize(&tokens, text);
    for (size_t i = 0; i < tokens.count && p->rc == ARC_OK; i++) {
        struct mem_term *grown =
            realloc(phrase->terms, (phrase->count + 1) * sizeof(*grown));
        struct mem_term *term;

        if (grown == NULL) {
            p->rc = mem_nomem();
            break;
        }
        phrase->terms = grown;
        term = &phrase->terms[phrase->count];
        term->length = tokens.items[i].end - tokens.items[i].start;
        term->prefix = false;
        term->text = malloc(term->length + 1);
        if (term->text == NULL) {
            p->rc = mem_nomem();
            break;
        }
        for (size_t j = 0; j < term->length; j++)
            term->text[j] = fold(text[tokens.items[i].start + j]);
        term->text[term->length] = '\0';
        phrase->count++;
    }
    mem_tokens_free(&tokens);
    free(text);
}

/* phrase := part ('+' part)*, part := (WORD | STRING) ['*'] */
static size_t parse_phrase(struct parser *p)
{
    struct mem_query *query = p->query;
    struct mem_phrase *grown =
        realloc(query->phrases, (query->phrase_count + 1) * sizeof(*grown));
    struct mem_phrase *phrase;
    size_t node;

    if (grown == NULL) {
        p->rc = mem_nomem();
        return 0;
    }
    query->phrases = grown;
    phrase = &query->phrases[query->phrase_count++];
    *phrase = (struct mem_phrase){ NULL, 0 };

    for (;;) {
        size_t before = phrase->count;

        add_terms(p, phrase);
        advance(p);
        if (p->current == STAR) {
            if (phrase->count > before)
                phrase->terms[phrase->count - 1].prefix = true;
            advance(p);
        }
        if (p->current != PLUS || p->rc != ARC_OK)
            break;
        advance(p);
        if (p->current != WORD && p->current != STRING) {
            fail(p);
            break;
        }
    }
    node = add_node(p, MEM_NODE_PHRASE, 0, 0);
    if (p->rc == ARC_OK)
        query->nodes[node].phrase = query->phrase_count - 1;
    return node;
}

static size_t parse_or(struct parser *p);

/* unit := '(' or ')' | phrase */
static size_t parse_unit(struct parser *p)
{
    size_t node;

    if (p->current == WORD || p->current == STRING)
        return parse_phrase(p);
    if (p->current != OPEN || ++p->depth > MAX_DEPTH) {
        fail(p);
        return 0;
    }
    advance(p);
    node = parse_or(p);
    if (p->rc == ARC_OK && p->current != CLOSE)
        fail(p);
    p->depth--;
    advance(p);
    return node;
}

/* sequence := unit unit*: adjacent units must all match. */
static size_t parse_sequence(struct parser *p)
{
    size_t node = parse_unit(p);

    while (p->rc == ARC_OK &&
           (p->current == WORD || p->current == STRING || p->current == OPEN))
        node = add_node(p, MEM_NODE_AND, node, parse_unit(p));
    return node;
}

/* A chain of units of @p parse joined by @p operator into nodes of @p kind. */
static size_t parse_chain(struct parser *p, size_t (*parse)(struct parser *p),
                          enum lexeme operator, enum mem_node_kind kind)
{
    size_t node = parse(p);

    while (p->rc == ARC_OK && p->current == operator) {
        advance(p);
        node = add_node(p, kind, node, parse(p));
    }
    return node;
}

static size_t parse_not(struct parser *p)
{
    return parse_chain(p, parse_sequence, NOT, MEM_NODE_NOT);
}

static size_t parse_and(struct parser *p)
{
    return parse_chain(p, parse_not, AND, MEM_NODE_AND);
}

static size_t parse_or(struct parser *p)
{
    return parse_chain(p, parse_and, OR, MEM_NODE_OR);
}

int mem_query_parse(struct mem_query *out, const char *match)
{
    struct parser p = { match, 0, END, 0, 0, ARC_OK, out, 0 };

    memset(out, 0, sizeof(*out));
    advance(&p);
    out->root = parse_or(&p);
    if (p.rc == ARC_OK && p.current != END)
        fail(&p);
    if (p.rc != ARC_OK)
        mem_query_free(out);
    return p.rc;
}

void mem_query_free(struct mem_query *query)
{
    for (size_t i = 0; i < query->phrase_count; i++) {
        for (size_t j = 0; j < query->phrases[i].count; j++)
            free(query->phrases[i].terms[j].text);
        free(query->phrases[i].terms);
    }
    free(query->phrases);
    free(query->nodes);
    memset(query, 0, sizeof(*query));
}

static bool node_matches(const struct mem_query *query, size_t index,
                         const size_t *instances)
{
    const struct mem_node *node = &query->nodes[index];

    switch (node->kind) {
    case MEM_NODE_PHRASE:
        return instances[node->phrase] > 0;
    case MEM_NODE_AND:
        return node_matches(query, node->left, instances) &&
               node_matches(query, node->right, instances);
    case MEM_NODE_OR:
        return node_matches(query, node->left, instances) ||
               node_matches(query, node->right, instances);
    case MEM_NODE_NOT:
        return node_matches(query, node->left, instances) &&
               !node_matches(query, node->right, instances);
    }
    return false;
}

bool mem_query_matches(const struct mem_query *query, const size_t *instances)
{
    return node_matches(query, query->root, instances);
}
