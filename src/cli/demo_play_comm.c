/*
 * Playing the demo's communications: emails in threads, calls, notes, chats
 * and texts, linked to the invoice and dispute they are about.
 */
#include "demo.h"

/* Reminders and collection calls are only made while the invoice is owed. */
static bool still_owed(struct demo *demo, arc_id invoice_id, int *rc)
{
    arc_invoice *invoice = NULL;
    bool owed;

    *rc = arc_invoice_lookup(&invoice, demo->db, invoice_id);
    owed = *rc == ARC_OK && arc_invoice_balance(invoice) > 0;
    arc_invoice_free(invoice);
    return owed;
}

static void fill_channel_fields(arc_communication_opts *opts, struct demo_text *text,
                                arc_time at, arc_time *chat_times)
{
    if (text->channel == ARC_CHANNEL_EMAIL) {
        opts->email_from = text->from;
        opts->email_to = text->to;
        opts->message_id = text->message_id[0] ? text->message_id : NULL;
        opts->in_reply_to = text->in_reply_to[0] ? text->in_reply_to : NULL;
    } else if (text->channel == ARC_CHANNEL_CALL) {
        opts->phone_number = text->phone;
        opts->call_outcome = text->call_outcome;
    } else if (text->channel == ARC_CHANNEL_CHAT) {
        opts->chat_authors = text->chat_authors;
        opts->chat_texts = text->chat_texts;
        opts->chat_message_count = text->chat_count;
        for (size_t i = 0; i < text->chat_count; i++)
            chat_times[i] = at + (arc_time)i * 50;
        opts->chat_times = chat_times;
    }
}

int demo_play_comm(struct demo *demo, const struct demo_action *action)
{
    const struct demo_slot *slot = action->slot >= 0 ? &demo->slots[action->slot] : NULL;
    const struct demo_customer *customer = &demo->customers[action->customer];
    arc_communication_opts opts = ARC_COMMUNICATION_OPTS_INIT;
    struct demo_text text = { 0 };
    arc_time chat_times[4];
    arc_id invoice_id = slot != NULL ? slot->id : 0;
    int rc = ARC_OK;

    if ((action->mode == COMM_REMINDER || action->mode == COMM_COLLECTION_CALL) &&
        !still_owed(demo, invoice_id, &rc))
        return rc == ARC_OK ? CLI_OK : demo_fail(demo, rc, "invoice", action);

    demo_write_text(demo, action, &text);
    opts.customer_id = customer->id;
    opts.channel = text.channel;
    opts.direction = text.direction;
    opts.user = customer->owner;
    opts.subject = text.subject[0] ? text.subject : NULL;
    opts.body = text.body[0] ? text.body : NULL;
    if (text.channel == ARC_CHANNEL_CALL)
        opts.call_duration = 40 + (action->sequence * 37) % 600;
    if (action->mode == COMM_DISPUTE_EMAIL)
        opts.occurred_at = action->at - 2700;
    fill_channel_fields(&opts, &text, action->at, chat_times);

    if (invoice_id != 0) {
        opts.invoice_ids = &invoice_id;
        opts.invoice_count = 1;
    }
    if (action->dispute >= 0)
        opts.dispute_id = demo->disputes[action->dispute].id;

    rc = arc_communication_record(NULL, demo->db, &opts);
    if (rc != ARC_OK)
        return demo_fail(demo, rc, "communication", action);
    demo->communications++;
    return CLI_OK;
}
