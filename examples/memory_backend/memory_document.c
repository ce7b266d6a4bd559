/*
 * Communications as search reads them: three columns of text and their
 * tokens.
 */
#include <stdlib.h>
#include <string.h>

#include "memory_internal.h"
#include "memory_search.h"

bool mem_is_token_byte(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           c >= 0x80;
}

int mem_tokenize(struct mem_tokens *tokens, const char *text)
{
    size_t at = 0;

    tokens->count = 0;
    while (text[at] != '\0') {
        size_t start;

        if (!mem_is_token_byte((unsigned char)text[at])) {
            at++;
            continue;
        }
        start = at;
        while (mem_is_token_byte((unsigned char)text[at]))
            at++;
        if (tokens->count == tokens->capacity) {
            size_t grown = tokens->capacity ? tokens->capacity * 2 : 64;
            struct mem_token *bigger = realloc(tokens->items, grown * sizeof(*bigger));

            if (bigger == NULL)
                return mem_nomem();
            tokens->items = bigger;
            tokens->capacity = grown;
        }
        tokens->items[tokens->count].start = start;
        tokens->items[tokens->count].end = at;
        tokens->count++;
    }
    return ARC_OK;
}

void mem_tokens_free(struct mem_tokens *tokens)
{
    free(tokens->items);
    tokens->items = NULL;
    tokens->count = tokens->capacity = 0;
}

void mem_text_add(struct mem_text *text, const char *bytes, size_t length)
{
    if (text->rc != ARC_OK)
        return;
    if (text->length + length + 1 > text->capacity) {
        size_t grown = (text->length + length + 1) * 2;
        char *bigger = realloc(text->data, grown);

        if (bigger == NULL) {
            text->rc = mem_nomem();
            return;
        }
        text->data = bigger;
        text->capacity = grown;
    }
    memcpy(text->data + text->length, bytes, length);
    text->length += length;
    text->data[text->length] = '\0';
}

void mem_text_add_string(struct mem_text *text, const char *string)
{
    if (string != NULL)
        mem_text_add(text, string, strlen(string));
}

/* The body, followed for a chat by its messages' texts, one per line. */
static void read_body(struct mem_text *body,
                      const struct arc_communication *communication)
{
    bool chat = communication->channel == ARC_CHANNEL_CHAT;

    mem_text_add_string(body, communication->body);
    for (size_t i = 0; chat && i < communication->message_count; i++) {
        if (i > 0 || communication->body != NULL)
            mem_text_add(body, "\n", 1);
        mem_text_add_string(body, communication->messages[i].text);
    }
}

/* Our user, the email addresses, the phone number and each chat author once,
 * in the order they first wrote, separated by spaces. */
static void read_participants(struct mem_text *people,
                              const struct arc_communication *communication)
{
    const char *fields[] = { communication->user, communication->email_from,
                             communication->email_to, communication->email_cc,
                             communication->phone_number };

    for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
        mem_text_add_string(people, fields[i]);
        mem_text_add(people, " ", 1);
    }
    for (size_t i = 0; i < communication->message_count; i++) {
        const char *author = communication->messages[i].author;
        bool repeated = false;

        for (size_t j = 0; j < i && !repeated; j++)
            repeated = strcmp(communication->messages[j].author, author) == 0;
        if (repeated)
            continue;
        mem_text_add_string(people, author);
        mem_text_add(people, " ", 1);
    }
}

int mem_document_read(struct mem_document *document,
                      const struct arc_communication *communication)
{
    int rc = ARC_OK;

    for (size_t column = 0; column < MEM_COLUMN_COUNT; column++) {
        document->columns[column].length = 0;
        mem_text_add(&document->columns[column], "", 0);
    }
    mem_text_add_string(&document->columns[MEM_SUBJECT], communication->subject);
    read_body(&document->columns[MEM_BODY], communication);
    read_participants(&document->columns[MEM_PARTICIPANTS], communication);

    for (size_t column = 0; column < MEM_COLUMN_COUNT && rc == ARC_OK; column++) {
        rc = document->columns[column].rc;
        if (rc == ARC_OK)
            rc = mem_tokenize(&document->tokens[column], document->columns[column].data);
    }
    return rc;
}

void mem_document_free(struct mem_document *document)
{
    for (size_t column = 0; column < MEM_COLUMN_COUNT; column++) {
        free(document->columns[column].data);
        mem_tokens_free(&document->tokens[column]);
    }
    memset(document, 0, sizeof(*document));
}
