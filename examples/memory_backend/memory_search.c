/*
 * Full-text search over communications, without an index: each search
 * reads every communication of the book once, as three columns (see
 * memory_search.h). Hits are ranked by BM25 with the SQLite backend's
 * column weights among the most recent matches only, ties by id; each hit
 * of the page asked for gets a snippet (memory_snippet.c).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "memory_internal.h"
#include "memory_ops.h"
#include "memory_search.h"

/* What a match in each column weighs in the ranking. */
static const double WEIGHTS[MEM_COLUMN_COUNT] = { 4.0, 1.0, 2.0 };

/* BM25's parameters, as FTS5 sets them. */
#define K1 1.2
#define B  0.75

/* A match kept for ranking. */
struct match {
    const struct arc_communication *communication;
    size_t tokens; /* the document's length, for BM25 */
    double score;
    double *frequency; /* weighted occurrences of each phrase */
};

/* What one pass over the book gathers: the latest matches in a ring, and
 * the statistics BM25 takes from the whole book. */
struct scan {
    const struct mem_query *query;
    struct match *ring;
    double *frequencies; /* ring capacity x phrase count */
    size_t capacity;
    size_t window;          /* matches to rank */
    size_t matched;         /* matches seen */
    size_t *documents_with; /* by phrase */
    size_t documents;
    double tokens;
};

/* The ring slot for the next match, growing the ring up to the window. */
static struct match *next_slot(struct scan *scan)
{
    size_t phrases = scan->query->phrase_count;

    if (scan->matched == scan->capacity && scan->capacity < scan->window) {
        size_t grown = scan->capacity ? scan->capacity * 2 : 64;
        struct match *ring;
        double *frequencies;

        grown = grown < scan->window ? grown : scan->window;
        ring = realloc(scan->ring, grown * sizeof(*ring));
        if (ring == NULL)
            return NULL;
        scan->ring = ring;
        frequencies = realloc(scan->frequencies, grown * (phrases + 1) * sizeof(double));
        if (frequencies == NULL)
            return NULL;
        scan->frequencies = frequencies;
        scan->capacity = grown;
        for (size_t i = 0; i < scan->capacity; i++)
            scan->ring[i].frequency = scan->frequencies + i * (phrases + 1);
    }
    return &scan->ring[scan->matched++ % scan->capacity];
}

/* Count each phrase in each column of @p document into counts[phrase]
 * (occurrences) and weighted[phrase]. */
static void count_phrases(const struct mem_query *query,
                          const struct mem_document *document, size_t *counts,
                          double *weighted)
{
    for (size_t phrase = 0; phrase < query->phrase_count; phrase++) {
        counts[phrase] = 0;
        weighted[phrase] = 0;
        for (size_t column = 0; column < MEM_COLUMN_COUNT; column++) {
            const struct mem_tokens *tokens = &document->tokens[column];

            for (size_t at = 0; at < tokens->count; at++) {
                if (!mem_phrase_at(&query->phrases[phrase],
                                   document->columns[column].data, tokens, at))
                    continue;
                counts[phrase]++;
                weighted[phrase] += WEIGHTS[column];
            }
        }
    }
}

static int scan_book(arc_store *store, struct scan *scan, arc_id customer_id)
{
    const struct mem_table *table = mem_table_of(store, MEM_COMMUNICATIONS);
    size_t phrases = scan->query->phrase_count;
    struct mem_document document = { 0 };
    size_t *counts = calloc(phrases + 1, sizeof(*counts));
    double *weighted = calloc(phrases + 1, sizeof(*weighted));
    int rc = counts != NULL && weighted != NULL ? ARC_OK : mem_nomem();

    for (size_t i = 0; i < table->count && rc == ARC_OK; i++) {
        const struct arc_communication *communication = table->rows[i];
        size_t length = 1; /* FTS5 also counts the customer scope's token */
        struct match *slot;

        rc = mem_document_read(&document, communication);
        if (rc != ARC_OK)
            break;
        count_phrases(scan->query, &document, counts, weighted);
        for (size_t column = 0; column < MEM_COLUMN_COUNT; column++)
            length += document.tokens[column].count;
        scan->documents++;
        scan->tokens += (double)length;
        for (size_t phrase = 0; phrase < phrases; phrase++)
            scan->documents_with[phrase] += counts[phrase] > 0;

        if ((customer_id != 0 && communication->customer_id != customer_id) ||
            !mem_query_matches(scan->query, counts))
            continue;
        slot = next_slot(scan);
        if (slot == NULL) {
            rc = mem_nomem();
            break;
        }
        slot->communication = communication;
        slot->tokens = length;
        memcpy(slot->frequency, weighted, phrases * sizeof(*weighted));
    }
    mem_document_free(&document);
    free(counts);
    free(weighted);
    return rc;
}

/* BM25 as FTS5 computes it; lower is better. */
static double score(const struct scan *scan, const struct match *match)
{
    double average = scan->tokens / (double)scan->documents;
    double sum = 0;

    for (size_t phrase = 0; phrase < scan->query->phrase_count; phrase++) {
        double hits = (double)scan->documents_with[phrase];
        double idf = log(((double)scan->documents - hits + 0.5) / (hits + 0.5));
        double frequency = match->frequency[phrase];

        if (idf <= 0)
            idf = 1e-6;
        sum += idf * (frequency * (K1 + 1)) /
               (frequency + K1 * (1 - B + B * (double)match->tokens / average));
    }
    return -sum;
}

static int best_first(const void *a, const void *b)
{
    const struct match *x = *(const struct match *const *)a;
    const struct match *y = *(const struct match *const *)b;

    if (x->score != y->score)
        return x->score < y->score ? -1 : 1;
    return (x->communication->id > y->communication->id) -
           (x->communication->id < y->communication->id);
}

static int add_hit(struct arc_communication_hit_page *out, const struct match *match,
                   const struct mem_query *parsed,
                   const struct arc_communication_query *query)
{
    const struct arc_communication *communication = match->communication;
    struct arc_communication_hit *hit = &out->items[out->count];
    struct mem_document document = { 0 };
    int rc = mem_document_read(&document, communication);

    memset(hit, 0, sizeof(*hit));
    if (rc == ARC_OK)
        rc = mem_snippet(&hit->snippet, parsed, &document, query->mark_open,
                         query->mark_close);
    mem_document_free(&document);
    if (rc != ARC_OK)
        return rc;
    hit->id = communication->id;
    hit->customer_id = communication->customer_id;
    hit->channel = communication->channel;
    hit->occurred_at = communication->occurred_at;
    out->count++;
    return ARC_OK;
}

/* Rank the matches kept and append the page asked for to @p out. */
static int rank(struct scan *scan, const struct mem_query *parsed,
                const struct arc_communication_query *query,
                struct arc_communication_hit_page *out)
{
    size_t kept = scan->matched < scan->capacity ? scan->matched : scan->capacity;
    size_t first = query->offset, last = first + query->limit;
    const struct match **order;
    struct arc_communication_hit *items;
    size_t before = out->count;
    int rc = ARC_OK;

    if (kept <= first)
        return ARC_OK;
    last = last < kept ? last : kept;
    order = malloc(kept * sizeof(*order));
    items = realloc(out->items, (out->count + last - first) * sizeof(*items));
    if (items != NULL)
        out->items = items;
    if (order == NULL || items == NULL)
        rc = mem_nomem();

    for (size_t i = 0; i < kept && rc == ARC_OK; i++) {
        scan->ring[i].score = score(scan, &scan->ring[i]);
        order[i] = &scan->ring[i];
    }
    if (rc == ARC_OK)
        qsort(order, kept, sizeof(*order), best_first);
    for (size_t i = first; i < last && rc == ARC_OK; i++)
        rc = add_hit(out, order[i], parsed, query);

    /* On failure, take back the hits added, and the array if it is empty. */
    while (rc != ARC_OK && out->count > before)
        free(out->items[--out->count].snippet);
    if (rc != ARC_OK && out->count == 0) {
        free(out->items);
        out->items = NULL;
    }
    free(order);
    return rc;
}

int mem_communication_search(arc_store *store,
                             const struct arc_communication_query *query,
                             struct arc_communication_hit_page *out)
{
    struct mem_query parsed;
    struct scan scan = { .query = &parsed };
    uint64_t window = (uint64_t)query->offset + query->limit;
    int rc = mem_query_parse(&parsed, query->match);

    if (rc != ARC_OK)
        return rc;
    scan.window = window > ARC_COMMUNICATION_SEARCH_WINDOW
                      ? (size_t)window
                      : (size_t)ARC_COMMUNICATION_SEARCH_WINDOW;
    scan.documents_with = calloc(parsed.phrase_count + 1, sizeof(*scan.documents_with));
    rc = scan.documents_with != NULL ? ARC_OK : mem_nomem();

    if (rc == ARC_OK)
        rc = scan_book(store, &scan, query->customer_id);
    if (rc == ARC_OK)
        rc = rank(&scan, &parsed, query, out);
    free(scan.ring);
    free(scan.frequencies);
    free(scan.documents_with);
    mem_query_free(&parsed);
    return rc;
}
