/*
 * Books by name: the process-wide registry behind `memory:NAME` URIs,
 * opening and closing handles, deleting books, the book's identity and its
 * numbering sequences.
 *
 * A book lives as long as the registry names it or a handle has it open:
 * deleting a book takes its name away at once, and the last handle to
 * close frees it.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "memory_internal.h"

#define URI_PREFIX "memory:"

static pthread_mutex_t registry_lock = PTHREAD_MUTEX_INITIALIZER;
static struct mem_book **registry;
static size_t registry_count;
static size_t registry_capacity;

/* The NAME of a `memory:NAME` location; NULL when there is none. */
static const char *book_name(const char *location)
{
    size_t prefix = strlen(URI_PREFIX);

    if (strncmp(location, URI_PREFIX, prefix) != 0 || location[prefix] == '\0')
        return NULL;
    return location + prefix;
}

/* The registry's slot for @p name, or registry_count; the caller holds the
 * lock. */
static size_t find_book(const char *name)
{
    size_t i = 0;

    while (i < registry_count && strcmp(registry[i]->name, name) != 0)
        i++;
    return i;
}

static void free_book(struct mem_book *book)
{
    mem_versions_free(book);
    pthread_cond_destroy(&book->released);
    pthread_mutex_destroy(&book->lock);
    free(book->name);
    free(book);
}

/* Drop one reference; the caller holds the registry lock. */
static void unref_book(struct mem_book *book)
{
    if (--book->refs == 0)
        free_book(book);
}

static int new_book(struct mem_book **out, const char *name,
                    const struct arc_store_config *cfg)
{
    struct mem_book *book = calloc(1, sizeof(*book));
    pthread_condattr_t attributes;
    int rc = ARC_OK;

    if (book == NULL)
        return mem_nomem();
    book->name = mem_strdup(name, &rc);
    if (rc != ARC_OK) {
        free(book);
        return rc;
    }
    pthread_mutex_init(&book->lock, NULL);
    pthread_condattr_init(&attributes);
    pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC);
    pthread_cond_init(&book->released, &attributes);
    pthread_condattr_destroy(&attributes);

    rc = arc_token_generate(book->book_id, sizeof(book->book_id));
    if (rc == ARC_OK)
        rc = mem_version_first(book, cfg);
    if (rc != ARC_OK) {
        free_book(book);
        return rc;
    }
    book->refs = 1; /* the registry's */
    *out = book;
    return ARC_OK;
}

/* Find the book a location names, creating it unless the flags forbid it,
 * and take a reference to it for a new handle. */
static int attach_book(struct mem_book **out, const char *location,
                       const struct arc_store_config *cfg)
{
    const char *name = book_name(location);
    struct mem_book *book = NULL;
    size_t slot;
    int rc = ARC_OK;

    if (name == NULL)
        return arc_error_set(ARC_EINVAL, "book %s: no name given (memory:NAME)",
                             location);
    pthread_mutex_lock(&registry_lock);
    slot = find_book(name);
    if (slot < registry_count) {
        book = registry[slot];
    } else if (cfg->flags & ARC_DB_NO_CREATE) {
        rc = arc_error_set(ARC_ENOTFOUND, "book %s: does not exist", location);
    } else if (registry_count == registry_capacity) {
        size_t grown = registry_capacity ? registry_capacity * 2 : 16;
        struct mem_book **bigger = realloc(registry, grown * sizeof(*bigger));

        rc = bigger != NULL ? ARC_OK : mem_nomem();
        if (bigger != NULL) {
            registry = bigger;
            registry_capacity = grown;
        }
    }
    if (rc == ARC_OK && book == NULL) {
        rc = new_book(&book, name, cfg);
        if (rc == ARC_OK)
            registry[registry_count++] = book;
    }
    if (rc == ARC_OK)
        book->refs++;
    pthread_mutex_unlock(&registry_lock);
    *out = book;
    return rc;
}

int mem_open(arc_store **out, const char *location, const struct arc_store_config *cfg)
{
    arc_store *store = calloc(1, sizeof(*store));
    int rc;

    if (store == NULL)
        return mem_nomem();
    rc = attach_book(&store->book, location, cfg);
    if (rc != ARC_OK) {
        free(store);
        return rc;
    }
    store->busy_timeout_ms = cfg->busy_timeout_ms > 0 ? cfg->busy_timeout_ms : 5000;
    *out = store;
    return ARC_OK;
}

void mem_close(arc_store *store)
{
    if (store == NULL)
        return;
    mem_end_all_scopes(store);
    free(store->undo);
    free(store->savepoints);

    pthread_mutex_lock(&registry_lock);
    unref_book(store->book);
    pthread_mutex_unlock(&registry_lock);
    free(store);
}

int mem_drop(const char *location, const struct arc_store_config *cfg)
{
    const char *name = book_name(location);
    size_t slot;
    int rc = ARC_OK;

    (void)cfg;
    if (name == NULL)
        return arc_error_set(ARC_EINVAL, "book %s: no name given (memory:NAME)",
                             location);
    pthread_mutex_lock(&registry_lock);
    slot = find_book(name);
    if (slot < registry_count) {
        unref_book(registry[slot]);
        registry[slot] = registry[--registry_count];
    } else {
        rc = arc_error_set(ARC_ENOTFOUND, "book %s: does not exist", location);
    }
    if (registry_count == 0) {
        free(registry);
        registry = NULL;
        registry_capacity = 0;
    }
    pthread_mutex_unlock(&registry_lock);
    return rc;
}

int mem_book_info(arc_store *store, char *book_id, int *schema_version)
{
    memcpy(book_id, store->book->book_id, sizeof(store->book->book_id));
    *schema_version = MEM_SCHEMA_VERSION;
    return ARC_OK;
}

int mem_sequence_take(arc_store *store, arc_sequence kind, struct arc_sequence_state *out)
{
    struct arc_sequence_state next = mem_view(store)->sequences[kind];

    if (next.next == INT64_MAX)
        return arc_error_set(ARC_EOVERFLOW, "numbering: the %s sequence is exhausted",
                             kind == ARC_SEQUENCE_INVOICE ? "invoice" : "credit_memo");
    *out = next;
    next.next++;
    return mem_sequence_set(store, kind, &next);
}

int mem_sequence_put(arc_store *store, arc_sequence kind,
                     const struct arc_sequence_state *state)
{
    return mem_sequence_set(store, kind, state);
}
