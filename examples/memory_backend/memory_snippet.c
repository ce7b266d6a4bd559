/*
 * Snippets of search hits: up to 16 tokens of the column that shows the
 * most of the query, the matched words between the caller's marks.
 *
 * Each occurrence of a phrase may start a window. A window scores 1000 for
 * each distinct phrase it shows and 1 for each further occurrence; the best
 * window of all columns wins (the earliest on a tie), moved back so that
 * its occurrences sit in the middle. "..." stands for the text left out
 * before and after.
 */
#include <stdlib.h>
#include <string.h>

#include "memory_internal.h"
#include "memory_search.h"

#define SNIPPET_TOKENS 16
#define ELLIPSIS       "..."

/* One occurrence of a phrase: tokens [position, position + length). */
struct occurrence {
    size_t position;
    size_t length;
    size_t phrase;
};

/* A column of the document and the occurrences in it, by position. */
struct column_view {
    const char *text;
    const struct mem_tokens *tokens;
    struct occurrence *occurrences;
    size_t count;
};

static int find_occurrences(struct column_view *view, const struct mem_query *query)
{
    size_t capacity = 0;

    for (size_t at = 0; at < view->tokens->count; at++) {
        for (size_t phrase = 0; phrase < query->phrase_count; phrase++) {
            struct occurrence *grown;

            if (!mem_phrase_at(&query->phrases[phrase], view->text, view->tokens, at))
                continue;
            if (view->count == capacity) {
                capacity = capacity ? capacity * 2 : 16;
                grown = realloc(view->occurrences, capacity * sizeof(*grown));
                if (grown == NULL)
                    return mem_nomem();
                view->occurrences = grown;
            }
            view->occurrences[view->count++] =
                (struct occurrence){ at, query->phrases[phrase].count, phrase };
        }
    }
    return ARC_OK;
}

/* The score of the window that occurrence @p first opens, and in *start
 * where the window begins once centred. @p seen has a flag per phrase. */
static long window_score(const struct column_view *view, size_t first, bool *seen,
                         size_t phrase_count, size_t *start)
{
    size_t from = view->occurrences[first].position, last = from, slack;
    long score = 0;

    memset(seen, 0, phrase_count * sizeof(*seen));
    for (size_t i = first; i < view->count; i++) {
        const struct occurrence *occurrence = &view->occurrences[i];
        size_t end = occurrence->position + occurrence->length - 1;

        if (occurrence->position >= from + SNIPPET_TOKENS)
            break;
        score += seen[occurrence->phrase] ? 1 : 1000;
        seen[occurrence->phrase] = true;
        if (end >= from + SNIPPET_TOKENS)
            end = from + SNIPPET_TOKENS - 1;
        if (end > last)
            last = end;
    }

    slack = (SNIPPET_TOKENS - (last - from + 1)) / 2;
    *start = from > slack ? from - slack : 0;
    if (*start + SNIPPET_TOKENS > view->tokens->count)
        *start = view->tokens->count > SNIPPET_TOKENS
                     ? view->tokens->count - SNIPPET_TOKENS
                     : 0;
    return score;
}

/* Flag where marks open and close among tokens [start, end): one pair
 * around each occurrence, overlapping occurrences sharing theirs. */
static void place_marks(const struct column_view *view, size_t start, size_t end,
                        bool *opens, bool *closes)
{
    size_t run_first = 0, run_last = 0;
    bool in_run = false;

    for (size_t i = 0; i < view->count; i++) {
        size_t first = view->occurrences[i].position;
        size_t last = first + view->occurrences[i].length - 1;

        first = first > start ? first : start;
        last = last < end - 1 ? last : end - 1;
        if (first > last)
            continue;
        if (in_run && first <= run_last) {
            run_last = last > run_last ? last : run_last;
            continue;
        }
        if (in_run) {
            opens[run_first - start] = true;
            closes[run_last - start] = true;
        }
        run_first = first;
        run_last = last;
        in_run = true;
    }
    if (in_run) {
        opens[run_first - start] = true;
        closes[run_last - start] = true;
    }
}

/* Write tokens [start, start + 16) of @p view, with the text between them,
 * and mark the occurrences. */
static void render(struct mem_text *out, const struct column_view *view, size_t start,
                   const char *mark_open, const char *mark_close)
{
    size_t count = view->tokens->count;
    size_t end = start + SNIPPET_TOKENS < count ? start + SNIPPET_TOKENS : count;
    bool opens[SNIPPET_TOKENS] = { false }, closes[SNIPPET_TOKENS] = { false };
    size_t offset = start == 0 ? 0 : view->tokens->items[start].start;

    if (end > start)
        place_marks(view, start, end, opens, closes);
    if (start > 0)
        mem_text_add_string(out, ELLIPSIS);
    for (size_t at = start; at < end; at++) {
        const struct mem_token *token = &view->tokens->items[at];

        mem_text_add(out, view->text + offset, token->start - offset);
        if (opens[at - start])
            mem_text_add_string(out, mark_open);
        mem_text_add(out, view->text + token->start, token->end - token->start);
        if (closes[at - start])
            mem_text_add_string(out, mark_close);
        offset = token->end;
    }
    if (end < count)
        mem_text_add_string(out, ELLIPSIS);
    else
        mem_text_add_string(out, view->text + offset);
}

int mem_snippet(char **out, const struct mem_query *query,
                const struct mem_document *document, const char *mark_open,
                const char *mark_close)
{
    struct column_view views[MEM_COLUMN_COUNT] = { { 0 } };
    struct mem_text snippet = { 0 };
    bool *seen = calloc(query->phrase_count + 1, sizeof(*seen));
    size_t best_column = MEM_COLUMN_COUNT, best_start = 0;
    long best_score = 0;
    int rc = seen != NULL ? ARC_OK : mem_nomem();

    for (size_t column = 0; column < MEM_COLUMN_COUNT && rc == ARC_OK; column++) {
        struct column_view *view = &views[column];

        view->text = document->columns[column].data;
        view->tokens = &document->tokens[column];
        rc = find_occurrences(view, query);
        for (size_t i = 0; i < view->count && rc == ARC_OK; i++) {
            size_t start;
            long score = window_score(view, i, seen, query->phrase_count, &start);

            if (score > best_score) {
                best_score = score;
                best_column = column;
                best_start = start;
            }
        }
    }

    /* A match shows an occurrence somewhere; failing that, the first words. */
    for (size_t column = 0; best_column == MEM_COLUMN_COUNT && column < MEM_COLUMN_COUNT;
         column++) {
        if (document->tokens[column].count > 0)
            best_column = column;
    }
    if (rc == ARC_OK && best_column < MEM_COLUMN_COUNT)
        render(&snippet, &views[best_column], best_start, mark_open, mark_close);
    mem_text_add(&snippet, "", 0);
    if (rc == ARC_OK)
        rc = snippet.rc;

    for (size_t column = 0; column < MEM_COLUMN_COUNT; column++)
        free(views[column].occurrences);
    free(seen);
    if (rc != ARC_OK) {
        free(snippet.data);
        return rc;
    }
    *out = snippet.data;
    return ARC_OK;
}
