/*
 * Recording communications: checking what each channel keeps, checking
 * that links belong to the customer, and placing emails in their threads.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "error.h"
#include "util.h"

#define USER_MAX    128
#define SUBJECT_MAX 4096
#define HEADER_MAX  65536
#define MSGID_MAX   998
#define PHONE_MAX   64
#define AUTHOR_MAX  256
#define WHAT        "communication"

/* The instants a book can store: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z. */
#define TIME_MIN (-62135596800LL)
#define TIME_MAX 253402300799LL

const char *arc_communication_channel_name(arc_communication_channel channel)
{
    static const char *const names[] = { "email",  "chat", "call",  "note",
                                         "letter", "sms",  "portal" };

    if ((unsigned int)channel >= sizeof(names) / sizeof(names[0]))
        return NULL;
    return names[channel];
}

const char *arc_communication_direction_name(arc_communication_direction direction)
{
    static const char *const names[] = { "inbound", "outbound", "internal" };

    if ((unsigned int)direction >= sizeof(names) / sizeof(names[0]))
        return NULL;
    return names[direction];
}

const char *arc_call_outcome_name(arc_call_outcome outcome)
{
    static const char *const names[] = { "none",      "reached",        "voicemail",
                                         "no_answer", "promise_to_pay", "refused" };

    if ((unsigned int)outcome >= sizeof(names) / sizeof(names[0]))
        return NULL;
    return names[outcome];
}

static bool given(const char *text)
{
    return text != NULL && *text != '\0';
}

static bool body_required(arc_communication_channel channel)
{
    return channel == ARC_CHANNEL_NOTE || channel == ARC_CHANNEL_LETTER ||
           channel == ARC_CHANNEL_SMS || channel == ARC_CHANNEL_PORTAL;
}

static int check_time(const char *field, arc_time instant)
{
    if (instant < TIME_MIN || instant > TIME_MAX)
        return arc_fail(ARC_EINVAL, WHAT ": %s: %lld is outside years 1 to 9999", field,
                        (long long)instant);
    return ARC_OK;
}

static int check_kinds(const arc_communication_opts *opts)
{
    if (arc_communication_channel_name(opts->channel) == NULL)
        return arc_fail(ARC_EINVAL, WHAT ": channel: unknown value %d",
                        (int)opts->channel);
    if (arc_communication_direction_name(opts->direction) == NULL)
        return arc_fail(ARC_EINVAL, WHAT ": direction: unknown value %d",
                        (int)opts->direction);
    if (arc_call_outcome_name(opts->call_outcome) == NULL)
        return arc_fail(ARC_EINVAL, WHAT ": call_outcome: unknown value %d",
                        (int)opts->call_outcome);
    if (opts->customer_id <= 0)
        return arc_fail(ARC_EINVAL, WHAT ": customer_id: required");
    if (opts->dispute_id < 0)
        return arc_fail(ARC_EINVAL, WHAT ": dispute_id: must not be negative");
    return opts->occurred_at ? check_time("occurred_at", opts->occurred_at) : ARC_OK;
}

static int check_texts(const arc_communication_opts *opts)
{
    int rc = arc_check_text(WHAT, "user", opts->user, USER_MAX, false);

    if (rc == ARC_OK)
        rc = arc_check_text(WHAT, "subject", opts->subject, SUBJECT_MAX, false);
    if (rc == ARC_OK)
        rc = arc_check_text(WHAT, "body", opts->body, ARC_COMMUNICATION_BODY_MAX,
                            body_required(opts->channel));
    if (rc == ARC_OK)
        rc = arc_check_text(WHAT, "email_from", opts->email_from, HEADER_MAX, false);
    if (rc == ARC_OK)
        rc = arc_check_text(WHAT, "email_to", opts->email_to, HEADER_MAX, false);
    if (rc == ARC_OK)
        rc = arc_check_text(WHAT, "email_cc", opts->email_cc, HEADER_MAX, false);
    if (rc == ARC_OK)
        rc = arc_check_text(WHAT, "message_id", opts->message_id, MSGID_MAX, false);
    if (rc == ARC_OK)
        rc = arc_check_text(WHAT, "in_reply_to", opts->in_reply_to, MSGID_MAX, false);
    if (rc == ARC_OK)
        rc = arc_check_text(WHAT, "phone_number", opts->phone_number, PHONE_MAX, false);
    return rc;
}

/* Refuse what the channel does not keep, so that nothing is dropped. */
static int check_channel_fields(const arc_communication_opts *opts)
{
    const char *channel = arc_communication_channel_name(opts->channel);
    const char *stray = NULL;

    if (opts->channel != ARC_CHANNEL_EMAIL) {
        stray = given(opts->email_from)    ? "email_from"
                : given(opts->email_to)    ? "email_to"
                : given(opts->email_cc)    ? "email_cc"
                : given(opts->message_id)  ? "message_id"
                : given(opts->in_reply_to) ? "in_reply_to"
                                           : NULL;
    }
    if (stray == NULL && opts->channel != ARC_CHANNEL_CALL) {
        stray = given(opts->phone_number)                   ? "phone_number"
                : opts->call_duration != 0                  ? "call_duration"
                : opts->call_outcome != ARC_CALL_NO_OUTCOME ? "call_outcome"
                                                            : NULL;
    }
    if (stray == NULL && opts->channel != ARC_CHANNEL_CHAT && opts->chat_message_count)
        stray = "chat_message_count";
    if (stray != NULL)
        return arc_fail(ARC_EINVAL, WHAT ": %s: not kept for channel %s", stray, channel);

    if (opts->channel == ARC_CHANNEL_CALL && opts->call_outcome == ARC_CALL_NO_OUTCOME)
        return arc_fail(ARC_EINVAL, WHAT ": call_outcome: required for a call");
    if (opts->call_duration < 0)
        return arc_fail(ARC_EINVAL,
                        WHAT ": call_duration: must not be negative, not %lld",
                        (long long)opts->call_duration);
    return ARC_OK;
}

static int check_transcript(const arc_communication_opts *opts)
{
    size_t total = 0;
    int rc = ARC_OK;

    if (opts->chat_message_count > ARC_COMMUNICATION_MAX_MESSAGES)
        return arc_fail(ARC_EINVAL, WHAT ": chat_message_count: at most %d, not %zu",
                        ARC_COMMUNICATION_MAX_MESSAGES, opts->chat_message_count);
    if (opts->chat_message_count > 0 &&
        (opts->chat_authors == NULL || opts->chat_texts == NULL))
        return arc_fail(ARC_EINVAL,
                        WHAT ": chat_authors and chat_texts: required with "
                             "chat_message_count %zu",
                        opts->chat_message_count);

    for (size_t i = 0; i < opts->chat_message_count && rc == ARC_OK; i++) {
        char field[48];

        snprintf(field, sizeof(field), "chat message %zu: author", i + 1);
        rc = arc_check_text(WHAT, field, opts->chat_authors[i], AUTHOR_MAX, true);
        snprintf(field, sizeof(field), "chat message %zu: text", i + 1);
        if (rc == ARC_OK)
            rc = arc_check_text(WHAT, field, opts->chat_texts[i],
                                ARC_COMMUNICATION_BODY_MAX, true);
        snprintf(field, sizeof(field), "chat message %zu: time", i + 1);
        if (rc == ARC_OK && opts->chat_times != NULL && opts->chat_times[i] != 0)
            rc = check_time(field, opts->chat_times[i]);
        if (rc == ARC_OK)
            total += strlen(opts->chat_texts[i]);
        if (rc == ARC_OK && total > ARC_COMMUNICATION_BODY_MAX)
            rc = arc_fail(ARC_EINVAL, WHAT ": chat_texts: longer than %d bytes together",
                          ARC_COMMUNICATION_BODY_MAX);
    }
    return rc;
}

static int check_invoice_ids(const arc_communication_opts *opts)
{
    if (opts->invoice_count > ARC_COMMUNICATION_MAX_INVOICES)
        return arc_fail(ARC_EINVAL, WHAT ": invoice_count: at most %d, not %zu",
                        ARC_COMMUNICATION_MAX_INVOICES, opts->invoice_count);
    if (opts->invoice_count > 0 && opts->invoice_ids == NULL)
        return arc_fail(ARC_EINVAL, WHAT ": invoice_ids: NULL with invoice_count %zu",
                        opts->invoice_count);
    for (size_t i = 0; i < opts->invoice_count; i++) {
        if (opts->invoice_ids[i] <= 0)
            return arc_fail(ARC_EINVAL, WHAT ": invoice_ids: %lld is not an invoice id",
                            (long long)opts->invoice_ids[i]);
    }
    return ARC_OK;
}

static int check_opts(const arc_communication_opts *opts)
{
    int rc;

    if (opts == NULL)
        return arc_fail(ARC_EINVAL, WHAT ": options must not be NULL");
    if (opts->version != ARC_COMMUNICATION_OPTS_VERSION)
        return arc_fail(ARC_EVERSION, WHAT " options: version %u is not supported",
                        opts->version);

    rc = check_kinds(opts);
    if (rc == ARC_OK)
        rc = check_channel_fields(opts);
    if (rc == ARC_OK)
        rc = check_texts(opts);
    if (rc == ARC_OK)
        rc = check_transcript(opts);
    if (rc == ARC_OK)
        rc = check_invoice_ids(opts);
    return rc;
}

/* Copy @p value into *slot; "" and NULL leave it NULL. */
static int copy_text(char **slot, const char *value)
{
    if (!given(value))
        return ARC_OK;
    *slot = arc_strdup(value);
    return *slot ? ARC_OK : arc_fail(ARC_ENOMEM, WHAT ": out of memory");
}

static int cmp_id(const void *a, const void *b)
{
    arc_id left = *(const arc_id *)a, right = *(const arc_id *)b;

    return (left > right) - (left < right);
}

/* Copy the invoice ids sorted; each must be an invoice of the customer. */
static int copy_links(arc_db *db, struct arc_communication *communication,
                      const arc_communication_opts *opts)
{
    int rc = ARC_OK;

    if (opts->invoice_count == 0)
        return ARC_OK;
    communication->invoice_ids = malloc(opts->invoice_count * sizeof(arc_id));
    if (communication->invoice_ids == NULL)
        return arc_fail(ARC_ENOMEM, WHAT ": out of memory");
    memcpy(communication->invoice_ids, opts->invoice_ids,
           opts->invoice_count * sizeof(arc_id));
    communication->invoice_count = opts->invoice_count;
    qsort(communication->invoice_ids, communication->invoice_count, sizeof(arc_id),
          cmp_id);

    for (size_t i = 0; i < communication->invoice_count && rc == ARC_OK; i++) {
        arc_id id = communication->invoice_ids[i];
        struct arc_invoice invoice = { 0 };

        if (i > 0 && communication->invoice_ids[i - 1] == id)
            return arc_fail(ARC_EINVAL, WHAT ": invoice_ids: invoice %lld is named twice",
                            (long long)id);
        rc = db->ops->invoice_get(db->store, id, false, &invoice);
        if (rc != ARC_OK)
            rc = arc_fail_context(rc, WHAT ": invoice_ids: ");
        else if (invoice.customer_id != opts->customer_id)
            rc = arc_fail(ARC_EINVAL,
                          WHAT ": invoice_ids: invoice %s belongs to customer %lld,"
                               " not to customer %lld",
                          invoice.number, (long long)invoice.customer_id,
                          (long long)opts->customer_id);
        arc_invoice_clear(&invoice);
    }
    return rc;
}

static int check_dispute(arc_db *db, const arc_communication_opts *opts)
{
    struct arc_dispute dispute = { 0 };
    int rc;

    if (opts->dispute_id == 0)
        return ARC_OK;
    rc = db->ops->dispute_get(db->store, opts->dispute_id, &dispute);
    if (rc != ARC_OK)
        rc = arc_fail_context(rc, WHAT ": dispute_id: ");
    else if (dispute.customer_id != opts->customer_id)
        rc = arc_fail(ARC_EINVAL,
                      WHAT ": dispute_id: dispute %lld belongs to customer %lld,"
                           " not to customer %lld",
                      (long long)dispute.id, (long long)dispute.customer_id,
                      (long long)opts->customer_id);
    arc_dispute_clear(&dispute);
    return rc;
}

static int copy_transcript(struct arc_communication *communication,
                           const arc_communication_opts *opts)
{
    size_t count = opts->chat_message_count;

    if (count == 0)
        return ARC_OK;
    communication->messages = calloc(count, sizeof(*communication->messages));
    if (communication->messages == NULL)
        return arc_fail(ARC_ENOMEM, WHAT ": out of memory");
    communication->message_count = count;

    for (size_t i = 0; i < count; i++) {
        struct arc_chat_message *message = &communication->messages[i];
        arc_time sent_at = opts->chat_times ? opts->chat_times[i] : 0;

        message->sent_at = sent_at ? sent_at : communication->occurred_at;
        message->author = arc_strdup(opts->chat_authors[i]);
        message->text = arc_strdup(opts->chat_texts[i]);
        if (message->author == NULL || message->text == NULL)
            return arc_fail(ARC_ENOMEM, WHAT ": out of memory");
    }
    return ARC_OK;
}

/* Journal the new record; an invoice link, when there is one, goes with it. */
static int emit_recorded(arc_db *db, const struct arc_communication *communication)
{
    struct arc_event event = arc_event_about(
        ARC_EVENT_COMMUNICATION_RECORDED, communication->id, communication->customer_id);

    event.dispute_id = communication->dispute_id;
    event.invoice_id = communication->invoice_count ? communication->invoice_ids[0] : 0;
    event.actor = communication->user;
    event.detail = (char *)arc_communication_channel_name(communication->channel);
    return arc_event_emit(db, &event);
}

/*
 * Place an email in its thread: the thread of the email it answers when
 * that one is the customer's and recorded, else the thread that the Message-ID
 * it answers heads (adopted once that email is recorded); an email that
 * answers nothing heads its own thread.
 */
static int place_in_thread(arc_db *db, struct arc_communication *email)
{
    struct arc_communication found = { 0 };
    const char *thread = email->in_reply_to ? email->in_reply_to : email->message_id;
    int rc;

    if (email->message_id != NULL) {
        rc = db->ops->communication_find_email(db->store, email->message_id, &found);
        if (rc == ARC_OK)
            rc = arc_fail(ARC_EEXISTS,
                          WHAT ": message_id: %s is already recorded as %s %lld",
                          email->message_id, WHAT, (long long)found.id);
        arc_communication_clear(&found);
        if (rc != ARC_ENOTFOUND)
            return rc;
    }

    if (email->in_reply_to != NULL) {
        rc = db->ops->communication_find_email(db->store, email->in_reply_to, &found);
        if (rc != ARC_OK && rc != ARC_ENOTFOUND)
            return rc;
        if (rc == ARC_OK && found.customer_id == email->customer_id && found.thread_id)
            thread = found.thread_id;
    }
    rc = copy_text(&email->thread_id, thread);
    arc_communication_clear(&found);
    return rc;
}

/* Replies recorded before this email started a thread under its Message-ID;
 * when the email itself answers another, they move into its thread. */
static int adopt_early_replies(arc_db *db, const struct arc_communication *email)
{
    if (email->message_id == NULL || email->thread_id == NULL ||
        strcmp(email->message_id, email->thread_id) == 0)
        return ARC_OK;
    return db->ops->communication_move_thread(db->store, email->customer_id,
                                              email->message_id, email->thread_id);
}

static int fill_new(arc_db *db, struct arc_communication *communication,
                    const arc_communication_opts *opts)
{
    int rc = ARC_OK;

    communication->customer_id = opts->customer_id;
    communication->channel = opts->channel;
    communication->direction = opts->direction;
    communication->created_at = arc_db_now(db);
    communication->occurred_at =
        opts->occurred_at ? opts->occurred_at : communication->created_at;
    communication->call_duration = opts->call_duration;
    communication->call_outcome = opts->call_outcome;
    communication->dispute_id = opts->dispute_id;

    const char *const texts[] = {
        opts->user,       opts->subject,     opts->body,
        opts->email_from, opts->email_to,    opts->email_cc,
        opts->message_id, opts->in_reply_to, opts->phone_number
    };
    char **slots[] = { &communication->user,        &communication->subject,
                       &communication->body,        &communication->email_from,
                       &communication->email_to,    &communication->email_cc,
                       &communication->message_id,  &communication->in_reply_to,
                       &communication->phone_number };

    for (size_t i = 0; i < sizeof(slots) / sizeof(slots[0]) && rc == ARC_OK; i++)
        rc = copy_text(slots[i], texts[i]);
    if (rc == ARC_OK)
        rc = copy_transcript(communication, opts);
    return rc;
}

static int record_in_scope(arc_db *db, const arc_communication_opts *opts, arc_id *out)
{
    struct arc_communication communication = { 0 };
    struct arc_customer_terms customer;
    int rc = arc_store_customer_terms(db, opts->customer_id, &customer);

    if (rc != ARC_OK)
        rc = arc_fail_context(rc, WHAT ": ");
    if (rc == ARC_OK)
        rc = fill_new(db, &communication, opts);
    if (rc == ARC_OK)
        rc = copy_links(db, &communication, opts);
    if (rc == ARC_OK)
        rc = check_dispute(db, opts);
    if (rc == ARC_OK && communication.channel == ARC_CHANNEL_EMAIL)
        rc = place_in_thread(db, &communication);
    if (rc == ARC_OK)
        rc = db->ops->communication_insert(db->store, &communication);
    if (rc == ARC_OK)
        rc = adopt_early_replies(db, &communication);
    if (rc == ARC_OK)
        rc = emit_recorded(db, &communication);
    if (rc == ARC_OK)
        *out = communication.id;
    arc_communication_clear(&communication);
    return rc;
}

int arc_communication_record_in_scope(arc_db *db, const arc_communication_opts *opts,
                                      arc_id *out)
{
    int rc = check_opts(opts);

    return rc == ARC_OK ? record_in_scope(db, opts, out) : rc;
}

int arc_communication_record(arc_id *out, arc_db *db, const arc_communication_opts *opts)
{
    arc_id id = 0;
    int rc;

    ARC_CHECK_DB(db);
    rc = check_opts(opts);
    if (rc != ARC_OK)
        return rc;

    rc = arc_write_begin_checked(db);
    if (rc != ARC_OK)
        return rc;
    rc = arc_write_end(db, record_in_scope(db, opts, &id));
    if (rc == ARC_OK && out != NULL)
        *out = id;
    return rc;
}
