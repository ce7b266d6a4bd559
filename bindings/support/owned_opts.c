/*
 * Options structs owned by a binding: each lives in a box that keeps the
 * strings and arrays it points to until the struct is freed.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "owned_opts.h"

/* Arrays a struct may point to; one struct uses at most these four. */
enum array_slot {
    SLOT_ITEMS,
    SLOT_CHAT_AUTHORS,
    SLOT_CHAT_TIMES,
    SLOT_CHAT_TEXTS,
    SLOTS
};

struct owned_array {
    void *items;
    size_t capacity;
};

struct box {
    char **strings;
    size_t string_count;
    size_t string_capacity;
    struct owned_array arrays[SLOTS];
};

/* The box sits just before the struct, padded so the struct stays aligned. */
union box_head {
    struct box box;
    max_align_t align;
};

static struct box *box_of(void *opts)
{
    return &((union box_head *)opts - 1)->box;
}

void *arcb_opts_new(size_t size, const void *init)
{
    union box_head *head = calloc(1, sizeof(*head) + size);

    if (head == NULL)
        return NULL;

    memcpy(head + 1, init, size);
    return head + 1;
}

void arcb_opts_free(void *opts)
{
    struct box *box;

    if (opts == NULL)
        return;

    box = box_of(opts);
    for (size_t i = 0; i < box->string_count; i++)
        free(box->strings[i]);
    free(box->strings);
    for (int slot = 0; slot < SLOTS; slot++)
        free(box->arrays[slot].items);
    free((union box_head *)opts - 1);
}

const char *arcb_opts_string(void *opts, const char *text)
{
    struct box *box = box_of(opts);
    size_t length;
    char *copy;

    if (text == NULL)
        return NULL;

    if (box->string_count == box->string_capacity) {
        size_t grown = box->string_capacity ? box->string_capacity * 2 : 8;
        char **bigger = realloc(box->strings, grown * sizeof(*bigger));

        if (bigger == NULL)
            return NULL;
        box->strings = bigger;
        box->string_capacity = grown;
    }

    length = strlen(text) + 1;
    copy = malloc(length);
    if (copy == NULL)
        return NULL;
    memcpy(copy, text, length);

    box->strings[box->string_count++] = copy;
    return copy;
}

/* Room for one more item in an array slot that holds @p count items. */
static void *reserve(void *opts, enum array_slot slot, size_t count, size_t item_size)
{
    struct owned_array *array = &box_of(opts)->arrays[slot];

    if (count == array->capacity) {
        size_t grown = array->capacity ? array->capacity * 2 : 4;
        void *bigger = realloc(array->items, grown * item_size);

        if (bigger == NULL)
            return NULL;
        array->items = bigger;
        array->capacity = grown;
    }
    return array->items;
}

int arcb_invoice_opts_add_line(arc_invoice_opts *opts, const arc_invoice_line_opts *line)
{
    arc_invoice_line_opts *lines, *copy;

    lines = reserve(opts, SLOT_ITEMS, opts->line_count, sizeof(*lines));
    if (lines == NULL)
        return ARC_ENOMEM;
    opts->lines = lines;

    copy = &lines[opts->line_count];
    *copy = *line;
    copy->description = arcb_opts_string(opts, line->description);
    copy->quantity = arcb_opts_string(opts, line->quantity);
    copy->tax_rate = arcb_opts_string(opts, line->tax_rate);
    copy->item_code = arcb_opts_string(opts, line->item_code);
    if ((line->description && !copy->description) ||
        (line->quantity && !copy->quantity) || (line->tax_rate && !copy->tax_rate) ||
        (line->item_code && !copy->item_code))
        return ARC_ENOMEM;

    opts->line_count++;
    return ARC_OK;
}

int arcb_aging_opts_add_edge(arc_aging_opts *opts, int32_t edge)
{
    int32_t *edges = reserve(opts, SLOT_ITEMS, opts->bucket_edge_count, sizeof(*edges));

    if (edges == NULL)
        return ARC_ENOMEM;

    edges[opts->bucket_edge_count++] = edge;
    opts->bucket_edges = edges;
    return ARC_OK;
}

int arcb_dispute_opts_add_line(arc_dispute_opts *opts, int line)
{
    int *lines = reserve(opts, SLOT_ITEMS, opts->line_count, sizeof(*lines));

    if (lines == NULL)
        return ARC_ENOMEM;

    lines[opts->line_count++] = line;
    opts->lines = lines;
    return ARC_OK;
}

int arcb_communication_opts_add_invoice(arc_communication_opts *opts, arc_id invoice_id)
{
    arc_id *ids = reserve(opts, SLOT_ITEMS, opts->invoice_count, sizeof(*ids));

    if (ids == NULL)
        return ARC_ENOMEM;

    ids[opts->invoice_count++] = invoice_id;
    opts->invoice_ids = ids;
    return ARC_OK;
}

int arcb_communication_opts_add_chat(arc_communication_opts *opts, const char *author,
                                     arc_time sent_at, const char *text)
{
    size_t count = opts->chat_message_count;
    const char **authors = reserve(opts, SLOT_CHAT_AUTHORS, count, sizeof(*authors));
    arc_time *times = reserve(opts, SLOT_CHAT_TIMES, count, sizeof(*times));
    const char **texts = reserve(opts, SLOT_CHAT_TEXTS, count, sizeof(*texts));

    if (authors == NULL || times == NULL || texts == NULL)
        return ARC_ENOMEM;

    /* The three arrays are read together, so they are updated only once all
     * three have room. */
    opts->chat_authors = authors;
    opts->chat_times = times;
    opts->chat_texts = texts;

    authors[count] = arcb_opts_string(opts, author);
    texts[count] = arcb_opts_string(opts, text);
    if ((author && !authors[count]) || (text && !texts[count]))
        return ARC_ENOMEM;

    times[count] = sent_at;
    opts->chat_message_count = count + 1;
    return ARC_OK;
}
