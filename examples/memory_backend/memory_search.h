/*
 * Full-text search of communications without an index: the tokenizer
 * shared by documents and queries, communications as search reads them,
 * and the parsed form of a query.
 *
 * A token is a run of ASCII letters and digits and of bytes 0x80 and above
 * (so every non-ASCII UTF-8 character counts as a letter); everything else
 * separates tokens. Tokens compare without regard to ASCII case.
 *
 * Queries follow the FTS5 syntax as far as the library's users need it:
 * words (all must match), "quoted phrases", word* and "phrase"* prefixes,
 * phrase parts joined with +, AND, OR, NOT (upper case) and parentheses.
 * Adjacent terms bind tightest, then NOT, then AND, then OR.
 */
#ifndef ARC_EXAMPLE_MEMORY_SEARCH_H
#define ARC_EXAMPLE_MEMORY_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "arcollect/sys/records.h"

/* Where a token is in its text: bytes [start, end). */
struct mem_token {
    size_t start;
    size_t end;
};

struct mem_tokens {
    struct mem_token *items;
    size_t count;
    size_t capacity;
};

/* Whether a byte belongs to a token. */
bool mem_is_token_byte(unsigned char c);

/* Split @p text into tokens, replacing what @p tokens held. */
int mem_tokenize(struct mem_tokens *tokens, const char *text);
void mem_tokens_free(struct mem_tokens *tokens);

/* A growing string, always NUL-terminated once written to; @ref rc keeps
 * the first failure, after which additions are ignored. */
struct mem_text {
    char *data;
    size_t length;
    size_t capacity;
    int rc;
};

void mem_text_add(struct mem_text *text, const char *bytes, size_t length);
void mem_text_add_string(struct mem_text *text, const char *string);

/* The columns search reads, as the SQLite backend indexes them. */
enum mem_column { MEM_SUBJECT, MEM_BODY, MEM_PARTICIPANTS, MEM_COLUMN_COUNT };

/* A communication as search reads it: the subject; the body (for a chat,
 * followed by its messages' texts, one per line); and the participants
 * (our user, email From, To and Cc, the phone number, the chat authors). */
struct mem_document {
    struct mem_text columns[MEM_COLUMN_COUNT];
    struct mem_tokens tokens[MEM_COLUMN_COUNT];
};

/* Read @p communication into @p document, reusing its buffers. */
int mem_document_read(struct mem_document *document,
                      const struct arc_communication *communication);
void mem_document_free(struct mem_document *document);

/* A term of a phrase, in lower case; a prefix term matches every token that
 * starts with it. */
struct mem_term {
    char *text;
    size_t length;
    bool prefix;
};

/* Terms that must follow each other in one column. */
struct mem_phrase {
    struct mem_term *terms;
    size_t count;
};

enum mem_node_kind { MEM_NODE_PHRASE, MEM_NODE_AND, MEM_NODE_OR, MEM_NODE_NOT };

/* A node of a query's tree; nodes refer to each other by index. NOT keeps
 * what matches @ref left and not @ref right. */
struct mem_node {
    enum mem_node_kind kind;
    size_t phrase; /* MEM_NODE_PHRASE: index in mem_query::phrases */
    size_t left;
    size_t right;
};

struct mem_query {
    struct mem_node *nodes;
    size_t node_count;
    size_t root;
    struct mem_phrase *phrases;
    size_t phrase_count;
};

/* Parse @p match; ARC_EINVAL naming the query and the place of a syntax
 * error. */
int mem_query_parse(struct mem_query *out, const char *match);
void mem_query_free(struct mem_query *query);

/* Whether a document with @p instances[p] occurrences of each phrase p
 * matches the query. */
bool mem_query_matches(const struct mem_query *query, const size_t *instances);

/* Whether @p phrase occurs at token @p at of @p tokens of @p text. */
bool mem_phrase_at(const struct mem_phrase *phrase, const char *text,
                   const struct mem_tokens *tokens, size_t at);

/* A snippet of @p document's best column for @p query, its matched words
 * between @p mark_open and @p mark_close; malloc'd into *out. */
int mem_snippet(char **out, const struct mem_query *query,
                const struct mem_document *document, const char *mark_open,
                const char *mark_close);

#endif
