/*
 * The communications of the dispute workload: conversations with customers
 * spread over the year before today. A conversation is an email thread of one
 * to five messages, a call, a note or a chat; some are linked to one of the
 * customer's disputes and its invoice.
 */
#include <stdio.h>

#include "disputes.h"

#define BODY_BUFSIZE      2048
#define CHAT_MAX_MESSAGES 6
#define OUR_ADDRESS       "billing@northbridge-it.example"

struct conversation {
    long customer_index;
    arc_communication_channel channel;
    int remaining; /* communications still to record */
    int position;  /* of the next one, from 0 */
    bool customer_started;
    arc_id dispute_id; /* and invoice_id: what it is about, or 0 */
    arc_id invoice_id;
    char invoice_number[32];
    char subject[192];
    char previous_message_id[96];
};

struct chat {
    char texts[CHAT_MAX_MESSAGES][256];
    const char *text[CHAT_MAX_MESSAGES];
    const char *author[CHAT_MAX_MESSAGES];
    arc_time time[CHAT_MAX_MESSAGES];
};

/* Where the fields of the communication being recorded are written. */
struct texts {
    char subject[256];
    char from[128];
    char to[128];
    char message_id[96];
    char in_reply_to[96];
    char phone[64];
    char body[BODY_BUFSIZE];
    struct chat chat;
};

static const char *const customer_contacts[] = {
    "Dana Whitfield (AP)", "Omar Haddad", "Grace Kim", "Luis Ortega", "Nora Berg",
};

static arc_communication_channel pick_channel(uint64_t *rng)
{
    int roll = (int)(bench_random(rng) % 100);

    if (roll < 45)
        return ARC_CHANNEL_EMAIL;
    if (roll < 70)
        return ARC_CHANNEL_CALL;
    if (roll < 90)
        return ARC_CHANNEL_NOTE;
    return ARC_CHANNEL_CHAT;
}

/* A new conversation; 30% of those with a customer that has a dispute are
 * about that dispute. */
static void start_conversation(struct conversation *conv, const struct dispute_book *book,
                               uint64_t *rng)
{
    long customer = dispute_skewed_customer(rng, book->cfg->customers);
    long dispute = book->last_dispute_of[customer];

    conv->customer_index = customer;
    conv->channel = pick_channel(rng);
    conv->remaining =
        conv->channel == ARC_CHANNEL_EMAIL ? 1 + (int)(bench_random(rng) % 5) : 1;
    conv->position = 0;
    conv->customer_started = bench_random(rng) % 2 == 0;
    conv->dispute_id = 0;
    conv->invoice_id = 0;
    conv->previous_message_id[0] = '\0';

    if (dispute >= 0 && bench_random(rng) % 100 < 30) {
        conv->dispute_id = book->dispute_ids[dispute];
        conv->invoice_id = book->invoice_ids[dispute];
        snprintf(conv->invoice_number, sizeof conv->invoice_number, "DINV-%07ld",
                 dispute + 1);
    } else {
        snprintf(conv->invoice_number, sizeof conv->invoice_number, "INV-%07ld",
                 (long)(1 + bench_random(rng) % 1000000));
    }
    text_subject(conv->subject, sizeof conv->subject, rng, conv->invoice_number);
}

static void fill_email(arc_communication_opts *opts, struct conversation *conv,
                       long index, struct texts *texts, uint64_t *rng)
{
    bool inbound = (conv->position % 2 == 0) == conv->customer_started;
    char customer[64];

    workload_customer_email(customer, sizeof customer, conv->customer_index);
    snprintf(texts->subject, sizeof texts->subject, "%s%s",
             conv->position > 0 ? "Re: " : "", conv->subject);
    snprintf(texts->from, sizeof texts->from, "%s", inbound ? customer : OUR_ADDRESS);
    snprintf(texts->to, sizeof texts->to, "%s", inbound ? OUR_ADDRESS : customer);
    snprintf(texts->message_id, sizeof texts->message_id,
             "<c%ld.%d@mail.client%06ld.example>", index, conv->position,
             conv->customer_index + 1);
    text_body(texts->body, sizeof texts->body, rng, conv->invoice_number, inbound);

    opts->direction = inbound ? ARC_DIRECTION_INBOUND : ARC_DIRECTION_OUTBOUND;
    opts->subject = texts->subject;
    opts->body = texts->body;
    opts->email_from = texts->from;
    opts->email_to = texts->to;
    opts->message_id = texts->message_id;
    snprintf(texts->in_reply_to, sizeof texts->in_reply_to, "%s",
             conv->previous_message_id);
    opts->in_reply_to = conv->position > 0 ? texts->in_reply_to : NULL;
    snprintf(conv->previous_message_id, sizeof conv->previous_message_id, "%s",
             texts->message_id);
}

static void fill_call(arc_communication_opts *opts, const struct conversation *conv,
                      struct texts *texts, uint64_t *rng)
{
    static const arc_call_outcome outcomes[] = {
        ARC_CALL_REACHED,   ARC_CALL_REACHED,   ARC_CALL_VOICEMAIL,
        ARC_CALL_VOICEMAIL, ARC_CALL_NO_ANSWER, ARC_CALL_PROMISE_TO_PAY,
        ARC_CALL_REACHED,   ARC_CALL_REFUSED,
    };

    snprintf(texts->phone, sizeof texts->phone, "+1-555-%07ld", conv->customer_index + 1);
    opts->direction = ARC_DIRECTION_OUTBOUND;
    opts->phone_number = texts->phone;
    opts->call_duration = 20 + (int64_t)(bench_random(rng) % 900);
    opts->call_outcome = outcomes[bench_random(rng) % 8];
    if (bench_random(rng) % 10 < 7) {
        text_body(texts->body, sizeof texts->body, rng, conv->invoice_number, false);
        opts->body = texts->body;
    }
}

static void fill_chat(arc_communication_opts *opts, const struct conversation *conv,
                      struct chat *chat, uint64_t *rng)
{
    size_t count = 2 + (size_t)(bench_random(rng) % (CHAT_MAX_MESSAGES - 1));
    const char *contact = customer_contacts[conv->customer_index % 5];

    for (size_t m = 0; m < count; m++) {
        bool from_customer = (m % 2 == 0) == conv->customer_started;

        text_chat_line(chat->texts[m], sizeof chat->texts[m], rng, conv->invoice_number,
                       from_customer);
        chat->text[m] = chat->texts[m];
        chat->author[m] = from_customer ? contact : opts->user;
        chat->time[m] = opts->occurred_at + (arc_time)m * 45;
    }

    opts->direction =
        conv->customer_started ? ARC_DIRECTION_INBOUND : ARC_DIRECTION_OUTBOUND;
    opts->subject = "Portal chat";
    opts->chat_authors = chat->author;
    opts->chat_times = chat->time;
    opts->chat_texts = chat->text;
    opts->chat_message_count = count;
}

/* The next communication of @p conv, the @p index-th of the workload. */
static int record_next(struct dispute_book *book, struct conversation *conv, long index,
                       uint64_t *rng)
{
    static struct texts texts;
    arc_communication_opts opts = ARC_COMMUNICATION_OPTS_INIT;
    arc_time year_ago = (arc_time)(book->today - 365) * 86400;

    opts.customer_id = book->customer_ids[conv->customer_index];
    opts.channel = conv->channel;
    opts.occurred_at =
        year_ago + (arc_time)(index * (365L * 86400) / book->cfg->communications);
    opts.user = dispute_users[conv->customer_index % 6];
    opts.dispute_id = conv->dispute_id;
    opts.invoice_ids = conv->invoice_id != 0 ? &conv->invoice_id : NULL;
    opts.invoice_count = conv->invoice_id != 0 ? 1 : 0;

    if (conv->channel == ARC_CHANNEL_EMAIL) {
        fill_email(&opts, conv, index, &texts, rng);
    } else if (conv->channel == ARC_CHANNEL_CALL) {
        fill_call(&opts, conv, &texts, rng);
    } else if (conv->channel == ARC_CHANNEL_CHAT) {
        fill_chat(&opts, conv, &texts.chat, rng);
    } else {
        opts.direction = ARC_DIRECTION_INTERNAL;
        text_body(texts.body, sizeof texts.body, rng, conv->invoice_number, false);
        opts.body = texts.body;
    }

    conv->position++;
    conv->remaining--;
    return arc_communication_record(NULL, book->db, &opts);
}

int communications_ingest(struct dispute_book *book)
{
    struct conversation conv = { 0 };
    uint64_t rng = UINT64_C(0x2545f4914f6cdd1d);
    long count = book->cfg->communications;
    double start = bench_now();

    for (long i = 0; i < count; i++) {
        int rc = api_batch_begin(book->db, i);

        if (conv.remaining == 0)
            start_conversation(&conv, book, &rng);
        if (rc == ARC_OK)
            rc = record_next(book, &conv, i, &rng);
        if (rc == ARC_OK)
            rc = api_batch_end(book->db, i, count);
        if (rc != ARC_OK)
            return api_fail(rc, "communication", i);
    }

    book->seconds[DPHASE_COMMUNICATIONS_INGEST] = bench_now() - start;
    book->items[DPHASE_COMMUNICATIONS_INGEST] = (double)count;
    return ARC_OK;
}
