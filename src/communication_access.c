/*
 * Reading communications: lookups, newest-first lists, email threads,
 * full-text search, and the accessors of records and search hits.
 */
#include <stdlib.h>

#include "db_internal.h"
#include "error.h"
#include "util.h"

#define MARK_MAX 64

int arc_communication_lookup(arc_communication **out, arc_db *db, arc_id id)
{
    struct arc_communication *communication;
    int rc;

    if (out == NULL)
        return arc_fail(ARC_EINVAL, "communication: out must not be NULL");
    ARC_CHECK_DB(db);
    communication = calloc(1, sizeof(*communication));
    if (communication == NULL)
        return arc_fail(ARC_ENOMEM, "communication: out of memory");

    rc = arc_read_begin(db);
    if (rc == ARC_OK)
        rc = arc_read_end(db, db->ops->communication_get(db->store, id, communication));
    if (rc != ARC_OK) {
        free(communication);
        return rc;
    }
    *out = communication;
    return ARC_OK;
}

void arc_communication_free(arc_communication *communication)
{
    if (communication == NULL)
        return;
    arc_communication_clear(communication);
    free(communication);
}

static int check_list_opts(struct arc_communication_filter *filter,
                           const arc_communication_list_opts *opts)
{
    const arc_communication_list_opts defaults = ARC_COMMUNICATION_LIST_OPTS_INIT;
    int owners;

    if (opts == NULL)
        opts = &defaults;
    if (opts->version != ARC_COMMUNICATION_LIST_OPTS_VERSION)
        return arc_fail(ARC_EVERSION,
                        "communications: list options version %u is not supported",
                        opts->version);
    if (opts->customer_id < 0 || opts->invoice_id < 0 || opts->dispute_id < 0 ||
        opts->before_id < 0)
        return arc_fail(ARC_EINVAL, "communications: %s: must not be negative",
                        opts->customer_id < 0  ? "customer_id"
                        : opts->invoice_id < 0 ? "invoice_id"
                        : opts->dispute_id < 0 ? "dispute_id"
                                               : "before_id");
    owners = (opts->customer_id != 0) + (opts->invoice_id != 0) + (opts->dispute_id != 0);
    if (owners > 1)
        return arc_fail(ARC_EINVAL, "communications: customer_id, invoice_id and "
                                    "dispute_id: give at most one");
    if (opts->channel < -1 ||
        (opts->channel >= 0 && arc_communication_channel_name(opts->channel) == NULL))
        return arc_fail(ARC_EINVAL, "communications: channel: unknown value %d",
                        opts->channel);
    if (opts->limit > ARC_LIST_MAX_LIMIT)
        return arc_fail(ARC_EINVAL, "communications: limit: at most %d, not %u",
                        ARC_LIST_MAX_LIMIT, opts->limit);

    filter->customer_id = opts->customer_id;
    filter->invoice_id = opts->invoice_id;
    filter->dispute_id = opts->dispute_id;
    filter->channel = opts->channel;
    filter->before_occurred_at = opts->before_occurred_at;
    filter->before_id = opts->before_id;
    filter->limit = opts->limit ? opts->limit : ARC_LIST_DEFAULT_LIMIT;
    return ARC_OK;
}

/* The customer, invoice or dispute a list is about must exist. */
static int check_owner(arc_db *db, const struct arc_communication_filter *filter)
{
    struct arc_customer_terms customer;
    struct arc_invoice invoice = { 0 };
    struct arc_dispute dispute = { 0 };
    int rc = ARC_OK;

    if (filter->customer_id)
        rc = arc_store_customer_terms(db, filter->customer_id, &customer);
    else if (filter->invoice_id)
        rc = db->ops->invoice_get(db->store, filter->invoice_id, false, &invoice);
    else if (filter->dispute_id)
        rc = db->ops->dispute_get(db->store, filter->dispute_id, &dispute);
    arc_invoice_clear(&invoice);
    arc_dispute_clear(&dispute);
    return rc == ARC_OK ? rc : arc_fail_context(rc, "communications: ");
}

static int new_page(arc_communication_page **page)
{
    *page = calloc(1, sizeof(**page));
    return *page ? ARC_OK : arc_fail(ARC_ENOMEM, "communications: out of memory");
}

int arc_communication_list(arc_communication_page **out, arc_db *db,
                           const arc_communication_list_opts *opts)
{
    struct arc_communication_filter filter;
    arc_communication_page *page;
    int rc;

    if (out == NULL)
        return arc_fail(ARC_EINVAL, "communications: out must not be NULL");
    ARC_CHECK_DB(db);
    rc = check_list_opts(&filter, opts);
    if (rc == ARC_OK)
        rc = new_page(&page);
    if (rc != ARC_OK)
        return rc;

    rc = arc_read_begin(db);
    if (rc == ARC_OK) {
        rc = check_owner(db, &filter);
        if (rc == ARC_OK)
            rc = db->ops->communication_list(db->store, &filter, page);
        rc = arc_read_end(db, rc);
    }
    if (rc != ARC_OK) {
        arc_communication_page_free(page);
        return rc;
    }
    *out = page;
    return ARC_OK;
}

/* Read the thread of an email into @p page; an email without a thread id
 * is a thread of its own. */
static int read_thread(arc_db *db, arc_id email_id, arc_communication_page *page)
{
    struct arc_communication email = { 0 };
    int rc = db->ops->communication_get(db->store, email_id, &email);

    if (rc == ARC_OK && email.channel != ARC_CHANNEL_EMAIL)
        rc = arc_fail(ARC_EINVAL, "communication %lld: is a %s, not an email",
                      (long long)email_id, arc_communication_channel_name(email.channel));
    if (rc == ARC_OK && email.thread_id != NULL)
        rc = db->ops->communication_list_thread(db->store, email.customer_id,
                                                email.thread_id, page);
    if (rc != ARC_OK || email.thread_id != NULL) {
        arc_communication_clear(&email);
        return rc;
    }

    page->items = malloc(sizeof(*page->items));
    if (page->items == NULL) {
        arc_communication_clear(&email);
        return arc_fail(ARC_ENOMEM, "communications: out of memory");
    }
    page->items[0] = email;
    page->count = 1;
    return ARC_OK;
}

int arc_communication_thread(arc_communication_page **out, arc_db *db, arc_id email_id)
{
    arc_communication_page *page;
    int rc;

    if (out == NULL)
        return arc_fail(ARC_EINVAL, "communications: out must not be NULL");
    ARC_CHECK_DB(db);
    rc = new_page(&page);
    if (rc != ARC_OK)
        return rc;

    rc = arc_read_begin(db);
    if (rc == ARC_OK)
        rc = arc_read_end(db, read_thread(db, email_id, page));
    if (rc != ARC_OK) {
        arc_communication_page_free(page);
        return rc;
    }
    *out = page;
    return ARC_OK;
}

size_t arc_communication_page_count(const arc_communication_page *page)
{
    return page ? page->count : 0;
}

const arc_communication *arc_communication_page_at(const arc_communication_page *page,
                                                   size_t index)
{
    if (page == NULL || index >= page->count)
        return NULL;
    return &page->items[index];
}

void arc_communication_page_free(arc_communication_page *page)
{
    if (page == NULL)
        return;
    for (size_t i = 0; i < page->count; i++)
        arc_communication_clear(&page->items[i]);
    free(page->items);
    free(page);
}

static int check_search(struct arc_communication_query *query, const char *match,
                        const arc_communication_search_opts *opts)
{
    const arc_communication_search_opts defaults = ARC_COMMUNICATION_SEARCH_OPTS_INIT;
    int rc;

    if (opts == NULL)
        opts = &defaults;
    if (opts->version != ARC_COMMUNICATION_SEARCH_OPTS_VERSION)
        return arc_fail(ARC_EVERSION,
                        "communication search: options version %u is not supported",
                        opts->version);
    rc = arc_check_text("communication search", "query", match,
                        ARC_COMMUNICATION_QUERY_MAX, true);
    if (rc == ARC_OK)
        rc = arc_check_text("communication search", "mark_open", opts->mark_open,
                            MARK_MAX, false);
    if (rc == ARC_OK)
        rc = arc_check_text("communication search", "mark_close", opts->mark_close,
                            MARK_MAX, false);
    if (rc != ARC_OK)
        return rc;
    if (opts->customer_id < 0)
        return arc_fail(ARC_EINVAL, "communication search: customer_id: must not be "
                                    "negative");
    if (opts->limit > ARC_LIST_MAX_LIMIT)
        return arc_fail(ARC_EINVAL, "communication search: limit: at most %d, not %u",
                        ARC_LIST_MAX_LIMIT, opts->limit);

    query->match = match;
    query->customer_id = opts->customer_id;
    query->limit = opts->limit ? opts->limit : ARC_LIST_DEFAULT_LIMIT;
    query->offset = opts->offset;
    query->mark_open = opts->mark_open ? opts->mark_open : "[";
    query->mark_close = opts->mark_close ? opts->mark_close : "]";
    return ARC_OK;
}

static int run_search(arc_db *db, const struct arc_communication_query *query,
                      arc_communication_hit_page *page)
{
    struct arc_customer_terms customer;
    int rc = ARC_OK;

    if (query->customer_id)
        rc = arc_store_customer_terms(db, query->customer_id, &customer);
    if (rc != ARC_OK)
        return arc_fail_context(rc, "communication search: ");
    return arc_store_communication_search(db, query, page);
}

int arc_communication_search(arc_communication_hit_page **out, arc_db *db,
                             const char *query, const arc_communication_search_opts *opts)
{
    struct arc_communication_query checked;
    arc_communication_hit_page *page;
    int rc;

    if (out == NULL)
        return arc_fail(ARC_EINVAL, "communication search: out must not be NULL");
    ARC_CHECK_DB(db);
    rc = check_search(&checked, query, opts);
    if (rc != ARC_OK)
        return rc;
    page = calloc(1, sizeof(*page));
    if (page == NULL)
        return arc_fail(ARC_ENOMEM, "communication search: out of memory");

    rc = arc_read_begin(db);
    if (rc == ARC_OK)
        rc = arc_read_end(db, run_search(db, &checked, page));
    if (rc != ARC_OK) {
        arc_communication_hit_page_free(page);
        return rc;
    }
    *out = page;
    return ARC_OK;
}

size_t arc_communication_hit_page_count(const arc_communication_hit_page *page)
{
    return page ? page->count : 0;
}

const arc_communication_hit *
arc_communication_hit_page_at(const arc_communication_hit_page *page, size_t index)
{
    if (page == NULL || index >= page->count)
        return NULL;
    return &page->items[index];
}

void arc_communication_hit_page_free(arc_communication_hit_page *page)
{
    if (page == NULL)
        return;
    for (size_t i = 0; i < page->count; i++)
        arc_communication_hit_clear(&page->items[i]);
    free(page->items);
    free(page);
}

arc_id arc_communication_hit_id(const arc_communication_hit *hit)
{
    return hit ? hit->id : 0;
}

arc_id arc_communication_hit_customer_id(const arc_communication_hit *hit)
{
    return hit ? hit->customer_id : 0;
}

arc_communication_channel arc_communication_hit_channel(const arc_communication_hit *hit)
{
    return hit ? hit->channel : ARC_CHANNEL_EMAIL;
}

arc_time arc_communication_hit_occurred_at(const arc_communication_hit *hit)
{
    return hit ? hit->occurred_at : 0;
}

const char *arc_communication_hit_snippet(const arc_communication_hit *hit)
{
    return hit ? hit->snippet : NULL;
}

arc_id arc_communication_id(const arc_communication *communication)
{
    return communication ? communication->id : 0;
}

arc_id arc_communication_customer_id(const arc_communication *communication)
{
    return communication ? communication->customer_id : 0;
}

arc_communication_channel
arc_communication_channel_of(const arc_communication *communication)
{
    return communication ? communication->channel : ARC_CHANNEL_EMAIL;
}

arc_communication_direction
arc_communication_direction_of(const arc_communication *communication)
{
    return communication ? communication->direction : ARC_DIRECTION_INBOUND;
}

arc_time arc_communication_occurred_at(const arc_communication *communication)
{
    return communication ? communication->occurred_at : 0;
}

arc_time arc_communication_created_at(const arc_communication *communication)
{
    return communication ? communication->created_at : 0;
}

const char *arc_communication_user(const arc_communication *communication)
{
    return communication ? communication->user : NULL;
}

const char *arc_communication_subject(const arc_communication *communication)
{
    return communication ? communication->subject : NULL;
}

const char *arc_communication_body(const arc_communication *communication)
{
    return communication ? communication->body : NULL;
}

const char *arc_communication_email_from(const arc_communication *communication)
{
    return communication ? communication->email_from : NULL;
}

const char *arc_communication_email_to(const arc_communication *communication)
{
    return communication ? communication->email_to : NULL;
}

const char *arc_communication_email_cc(const arc_communication *communication)
{
    return communication ? communication->email_cc : NULL;
}

const char *arc_communication_message_id(const arc_communication *communication)
{
    return communication ? communication->message_id : NULL;
}

const char *arc_communication_in_reply_to(const arc_communication *communication)
{
    return communication ? communication->in_reply_to : NULL;
}

const char *arc_communication_thread_id(const arc_communication *communication)
{
    return communication ? communication->thread_id : NULL;
}

const char *arc_communication_phone_number(const arc_communication *communication)
{
    return communication ? communication->phone_number : NULL;
}

int64_t arc_communication_call_duration(const arc_communication *communication)
{
    return communication ? communication->call_duration : 0;
}

arc_call_outcome arc_communication_call_outcome(const arc_communication *communication)
{
    return communication ? communication->call_outcome : ARC_CALL_NO_OUTCOME;
}

arc_id arc_communication_dispute_id(const arc_communication *communication)
{
    return communication ? communication->dispute_id : 0;
}

size_t arc_communication_invoice_count(const arc_communication *communication)
{
    return communication ? communication->invoice_count : 0;
}

arc_id arc_communication_invoice_at(const arc_communication *communication, size_t index)
{
    if (communication == NULL || index >= communication->invoice_count)
        return 0;
    return communication->invoice_ids[index];
}

size_t arc_communication_chat_message_count(const arc_communication *communication)
{
    return communication ? communication->message_count : 0;
}

const char *arc_communication_chat_author_at(const arc_communication *communication,
                                             size_t index)
{
    if (communication == NULL || index >= communication->message_count)
        return NULL;
    return communication->messages[index].author;
}

arc_time arc_communication_chat_time_at(const arc_communication *communication,
                                        size_t index)
{
    if (communication == NULL || index >= communication->message_count)
        return 0;
    return communication->messages[index].sent_at;
}

const char *arc_communication_chat_text_at(const arc_communication *communication,
                                           size_t index)
{
    if (communication == NULL || index >= communication->message_count)
        return NULL;
    return communication->messages[index].text;
}
