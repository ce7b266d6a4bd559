/*
 * Communications with their invoice links and chat transcripts: recording,
 * reading, lists newest first, email threads, and the last contact.
 */
#include <stdlib.h>
#include <string.h>

#include "memory_internal.h"
#include "memory_ops.h"

int mem_copy_communication(struct arc_communication *out,
                           const struct arc_communication *in)
{
    size_t messages = in->messages != NULL ? in->message_count : 0;
    int rc = ARC_OK;

    *out = *in;
    out->user = mem_strdup(in->user, &rc);
    out->subject = mem_strdup(in->subject, &rc);
    out->body = mem_strdup(in->body, &rc);
    out->email_from = mem_strdup(in->email_from, &rc);
    out->email_to = mem_strdup(in->email_to, &rc);
    out->email_cc = mem_strdup(in->email_cc, &rc);
    out->message_id = mem_strdup(in->message_id, &rc);
    out->in_reply_to = mem_strdup(in->in_reply_to, &rc);
    out->thread_id = mem_strdup(in->thread_id, &rc);
    out->phone_number = mem_strdup(in->phone_number, &rc);
    out->invoice_ids = NULL;
    out->invoice_count = 0;
    out->messages = NULL;
    out->message_count = 0;

    if (in->invoice_ids != NULL && in->invoice_count > 0) {
        out->invoice_ids = malloc(in->invoice_count * sizeof(*out->invoice_ids));
        if (out->invoice_ids == NULL)
            rc = mem_nomem();
        else
            memcpy(out->invoice_ids, in->invoice_ids,
                   in->invoice_count * sizeof(*out->invoice_ids));
        out->invoice_count = out->invoice_ids != NULL ? in->invoice_count : 0;
    }
    if (messages > 0) {
        out->messages = calloc(messages, sizeof(*out->messages));
        if (out->messages == NULL)
            rc = mem_nomem();
        out->message_count = out->messages != NULL ? messages : 0;
    }
    for (size_t i = 0; i < out->message_count; i++) {
        out->messages[i].author = mem_strdup(in->messages[i].author, &rc);
        out->messages[i].sent_at = in->messages[i].sent_at;
        out->messages[i].text = mem_strdup(in->messages[i].text, &rc);
    }
    if (rc != ARC_OK)
        mem_clear_communication(out);
    return rc;
}

void mem_clear_communication(void *record)
{
    struct arc_communication *communication = record;
    char **strings[] = { &communication->user,       &communication->subject,
                         &communication->body,       &communication->email_from,
                         &communication->email_to,   &communication->email_cc,
                         &communication->message_id, &communication->in_reply_to,
                         &communication->thread_id,  &communication->phone_number };

    for (size_t i = 0; i < sizeof(strings) / sizeof(strings[0]); i++) {
        free(*strings[i]);
        *strings[i] = NULL;
    }
    for (size_t i = 0; i < communication->message_count; i++) {
        free(communication->messages[i].author);
        free(communication->messages[i].text);
    }
    free(communication->messages);
    free(communication->invoice_ids);
    communication->messages = NULL;
    communication->message_count = 0;
    communication->invoice_ids = NULL;
    communication->invoice_count = 0;
}

static int copy_communication(void *out, const void *in)
{
    return mem_copy_communication(out, in);
}

static int by_invoice_id(const void *a, const void *b)
{
    arc_id x = *(const arc_id *)a, y = *(const arc_id *)b;

    return (x > y) - (x < y);
}

static const struct arc_communication *email_by_message_id(arc_store *store,
                                                           const char *message_id)
{
    const struct mem_table *table = mem_table_of(store, MEM_COMMUNICATIONS);

    for (size_t i = 0; i < table->count; i++) {
        const struct arc_communication *communication = table->rows[i];

        if (communication->message_id != NULL &&
            strcmp(communication->message_id, message_id) == 0)
            return communication;
    }
    return NULL;
}

int mem_communication_insert(arc_store *store, struct arc_communication *communication)
{
    struct arc_communication *row;
    int rc;

    if (communication->message_id != NULL &&
        email_by_message_id(store, communication->message_id) != NULL)
        return arc_error_set(ARC_EEXISTS, "communication: message_id %s is already used",
                             communication->message_id);
    row = mem_row_new(sizeof(*row));
    if (row == NULL)
        return ARC_ENOMEM;
    rc = mem_copy_communication(row, communication);
    if (rc != ARC_OK) {
        free(row);
        return rc;
    }

    /* Keep what each channel keeps, as the library reads it back. */
    if (row->channel != ARC_CHANNEL_CALL) {
        row->call_duration = 0;
        row->call_outcome = ARC_CALL_NO_OUTCOME;
    }
    if (row->invoice_count > 1)
        qsort(row->invoice_ids, row->invoice_count, sizeof(*row->invoice_ids),
              by_invoice_id);
    rc = mem_table_insert(store, mem_table_of(store, MEM_COMMUNICATIONS), row);
    if (rc != ARC_OK) {
        mem_row_free[MEM_COMMUNICATIONS](row);
        return rc;
    }
    communication->id = row->id;
    return ARC_OK;
}

int mem_communication_get(arc_store *store, arc_id id, struct arc_communication *out)
{
    const struct arc_communication *communication =
        mem_table_get(mem_table_of(store, MEM_COMMUNICATIONS), id);

    if (communication == NULL)
        return arc_error_set(ARC_ENOTFOUND, "communication %lld: not found",
                             (long long)id);
    return mem_copy_communication(out, communication);
}

int mem_communication_find_email(arc_store *store, const char *message_id,
                                 struct arc_communication *out)
{
    const struct arc_communication *communication =
        email_by_message_id(store, message_id);

    if (communication == NULL)
        return ARC_ENOTFOUND;
    return mem_copy_communication(out, communication);
}

/* Order by (occurred_at, id): ascending for threads, descending for lists. */
static int oldest_first(const void *a, const void *b)
{
    const struct arc_communication *x = *(const struct arc_communication *const *)a;
    const struct arc_communication *y = *(const struct arc_communication *const *)b;

    if (x->occurred_at != y->occurred_at)
        return x->occurred_at < y->occurred_at ? -1 : 1;
    return (x->id > y->id) - (x->id < y->id);
}

static int newest_first(const void *a, const void *b)
{
    return oldest_first(b, a);
}

static bool links_invoice(const struct arc_communication *communication, arc_id invoice)
{
    for (size_t i = 0; i < communication->invoice_count; i++) {
        if (communication->invoice_ids[i] == invoice)
            return true;
    }
    return false;
}

static bool passes(const struct arc_communication *communication,
                   const struct arc_communication_filter *filter)
{
    if (filter->customer_id != 0 && communication->customer_id != filter->customer_id)
        return false;
    if (filter->invoice_id != 0 && !links_invoice(communication, filter->invoice_id))
        return false;
    if (filter->dispute_id != 0 && communication->dispute_id != filter->dispute_id)
        return false;
    if (filter->channel >= 0 && (int)communication->channel != filter->channel)
        return false;
    if (filter->before_id == 0)
        return true;
    return communication->occurred_at < filter->before_occurred_at ||
           (communication->occurred_at == filter->before_occurred_at &&
            communication->id < filter->before_id);
}

int mem_communication_list(arc_store *store,
                           const struct arc_communication_filter *filter,
                           struct arc_communication_page *out)
{
    const struct mem_table *table = mem_table_of(store, MEM_COMMUNICATIONS);
    struct mem_picks picks = { 0 };
    int rc = ARC_OK;

    for (size_t i = 0; i < table->count && rc == ARC_OK; i++) {
        if (passes(table->rows[i], filter))
            rc = mem_picks_add(&picks, table->rows[i]);
    }
    if (rc == ARC_OK) {
        if (picks.count > 1)
            qsort(picks.items, picks.count, sizeof(*picks.items), newest_first);
        rc = mem_page_append((void **)&out->items, &out->count, sizeof(*out->items),
                             picks.items,
                             picks.count < filter->limit ? picks.count : filter->limit,
                             copy_communication, mem_clear_communication);
    }
    mem_picks_free(&picks);
    return rc;
}

static bool in_thread(const struct arc_communication *communication, arc_id customer_id,
                      const char *thread_id)
{
    return communication->customer_id == customer_id &&
           communication->thread_id != NULL &&
           strcmp(communication->thread_id, thread_id) == 0;
}

int mem_communication_list_thread(arc_store *store, arc_id customer_id,
                                  const char *thread_id,
                                  struct arc_communication_page *out)
{
    const struct mem_table *table = mem_table_of(store, MEM_COMMUNICATIONS);
    struct mem_picks picks = { 0 };
    int rc = ARC_OK;

    for (size_t i = 0; i < table->count && rc == ARC_OK; i++) {
        if (in_thread(table->rows[i], customer_id, thread_id))
            rc = mem_picks_add(&picks, table->rows[i]);
    }
    if (rc == ARC_OK) {
        if (picks.count > 1)
            qsort(picks.items, picks.count, sizeof(*picks.items), oldest_first);
        rc = mem_page_append((void **)&out->items, &out->count, sizeof(*out->items),
                             picks.items, picks.count, copy_communication,
                             mem_clear_communication);
    }
    mem_picks_free(&picks);
    return rc;
}

int mem_communication_move_thread(arc_store *store, arc_id customer_id, const char *from,
                                  const char *to)
{
    struct mem_table *table = mem_table_of(store, MEM_COMMUNICATIONS);
    int rc = ARC_OK;

    for (size_t i = 0; i < table->count && rc == ARC_OK; i++) {
        struct arc_communication *row;

        if (!in_thread(table->rows[i], customer_id, from))
            continue;
        row = mem_row_new(sizeof(*row));
        if (row == NULL)
            return ARC_ENOMEM;
        rc = mem_copy_communication(row, table->rows[i]);
        if (rc == ARC_OK) {
            free(row->thread_id);
            row->thread_id = mem_strdup(to, &rc);
        }
        if (rc == ARC_OK)
            rc = mem_table_replace(store, table, i, row);
        if (rc != ARC_OK)
            mem_row_free[MEM_COMMUNICATIONS](row);
    }
    return rc;
}

int mem_last_contact(arc_store *store, arc_id customer_id, arc_time *out)
{
    const struct mem_table *table = mem_table_of(store, MEM_COMMUNICATIONS);
    bool found = false;

    *out = 0;
    for (size_t i = 0; i < table->count; i++) {
        const struct arc_communication *communication = table->rows[i];

        if (communication->customer_id != customer_id ||
            communication->direction == ARC_DIRECTION_INTERNAL)
            continue;
        if (!found || communication->occurred_at > *out)
            *out = communication->occurred_at;
        found = true;
    }
    return ARC_OK;
}
