/*
 * Communications and journal events as JSON members and as one-line
 * summaries, shared by the communication, event and timeline commands.
 */
#include <inttypes.h>
#include <string.h>

#include "cli.h"

#define SUMMARY_TEXT_MAX 80

static void print_email_json(struct json *json, const arc_communication *communication)
{
    json_key(json, "email");
    if (arc_communication_channel_of(communication) != ARC_CHANNEL_EMAIL) {
        json_null(json);
        return;
    }
    json_begin_object(json);
    json_key_string(json, "from", arc_communication_email_from(communication));
    json_key_string(json, "to", arc_communication_email_to(communication));
    json_key_string(json, "cc", arc_communication_email_cc(communication));
    json_key_string(json, "message_id", arc_communication_message_id(communication));
    json_key_string(json, "in_reply_to", arc_communication_in_reply_to(communication));
    json_key_string(json, "thread_id", arc_communication_thread_id(communication));
    json_end_object(json);
}

static void print_call_json(struct json *json, const arc_communication *communication)
{
    json_key(json, "call");
    if (arc_communication_channel_of(communication) != ARC_CHANNEL_CALL) {
        json_null(json);
        return;
    }
    json_begin_object(json);
    json_key_string(json, "phone_number", arc_communication_phone_number(communication));
    json_key_int(json, "duration_seconds",
                 arc_communication_call_duration(communication));
    json_key_string(json, "outcome",
                    arc_call_outcome_name(arc_communication_call_outcome(communication)));
    json_end_object(json);
}

static void print_chat_json(struct json *json, const arc_communication *communication)
{
    size_t count = arc_communication_chat_message_count(communication);

    json_key(json, "chat");
    if (arc_communication_channel_of(communication) != ARC_CHANNEL_CHAT) {
        json_null(json);
        return;
    }
    json_begin_array(json);
    for (size_t i = 0; i < count; i++) {
        json_begin_object(json);
        json_key_string(json, "author",
                        arc_communication_chat_author_at(communication, i));
        json_key_time(json, "time", arc_communication_chat_time_at(communication, i));
        json_key_string(json, "text", arc_communication_chat_text_at(communication, i));
        json_end_object(json);
    }
    json_end_array(json);
}

void print_communication_json(struct json *json, struct cli *cli,
                              const arc_communication *communication)
{
    size_t invoice_count = arc_communication_invoice_count(communication);

    json_key_id(json, "id", arc_communication_id(communication));
    print_customer_ref_json(json, cli, "customer",
                            arc_communication_customer_id(communication));
    json_key_string(
        json, "channel",
        arc_communication_channel_name(arc_communication_channel_of(communication)));
    json_key_string(
        json, "direction",
        arc_communication_direction_name(arc_communication_direction_of(communication)));
    json_key_time(json, "occurred_at", arc_communication_occurred_at(communication));
    json_key_time(json, "created_at", arc_communication_created_at(communication));
    json_key_string(json, "user", arc_communication_user(communication));
    json_key_string(json, "subject", arc_communication_subject(communication));
    json_key_string(json, "body", arc_communication_body(communication));

    json_key(json, "invoices");
    json_begin_array(json);
    for (size_t i = 0; i < invoice_count; i++) {
        arc_id invoice_id = arc_communication_invoice_at(communication, i);

        json_begin_object(json);
        json_key_id(json, "id", invoice_id);
        json_key_string(json, "number", cli_invoice_number(cli, invoice_id));
        json_end_object(json);
    }
    json_end_array(json);
    json_key_id(json, "dispute_id", arc_communication_dispute_id(communication));

    print_email_json(json, communication);
    print_call_json(json, communication);
    print_chat_json(json, communication);
}

/* Append @p text to @p buf, as much as fits. */
static void append(char *buf, size_t size, const char *text)
{
    size_t used = strlen(buf);

    if (used + 1 < size)
        snprintf(buf + used, size - used, "%s", text);
}

/* The first words of @p text, cut at SUMMARY_TEXT_MAX bytes on a character
 * boundary. */
static void append_excerpt(char *buf, size_t size, const char *text)
{
    char excerpt[SUMMARY_TEXT_MAX + 4];
    size_t length = strlen(text);

    if (length > SUMMARY_TEXT_MAX) {
        length = SUMMARY_TEXT_MAX;
        while (length > 0 && ((unsigned char)text[length] & 0xc0) == 0x80)
            length--;
        snprintf(excerpt, sizeof excerpt, "%.*s...", (int)length, text);
        append(buf, size, excerpt);
    } else {
        append(buf, size, text);
    }
}

/* "email inbound: Dispute on INV-000042", "call outbound, voicemail, 2m05s: Left
 * a message...", "chat inbound, 4 messages: Hi, quick question..." */
void print_communication_summary(char *buf, size_t size,
                                 const arc_communication *communication)
{
    arc_communication_channel channel = arc_communication_channel_of(communication);
    const char *subject = arc_communication_subject(communication);
    const char *body = arc_communication_body(communication);
    char part[96];

    snprintf(
        buf, size, "%s %s", arc_communication_channel_name(channel),
        arc_communication_direction_name(arc_communication_direction_of(communication)));

    if (channel == ARC_CHANNEL_CALL) {
        int64_t seconds = arc_communication_call_duration(communication);

        snprintf(part, sizeof part, ", %s, %" PRId64 "m%02ds",
                 arc_call_outcome_name(arc_communication_call_outcome(communication)),
                 seconds / 60, (int)(seconds % 60));
        append(buf, size, part);
    } else if (channel == ARC_CHANNEL_CHAT) {
        size_t messages = arc_communication_chat_message_count(communication);

        snprintf(part, sizeof part, ", %zu message%s", messages,
                 messages == 1 ? "" : "s");
        append(buf, size, part);
        if (body == NULL && messages > 0)
            body = arc_communication_chat_text_at(communication, 0);
    }

    append(buf, size, ": ");
    if (subject != NULL && subject[0] != '\0' && channel != ARC_CHANNEL_CHAT)
        append_excerpt(buf, size, subject);
    else if (body != NULL)
        append_excerpt(buf, size, body);
}

void print_event_json(struct json *json, struct cli *cli, const arc_event *event)
{
    const char *currency = arc_event_currency(event);

    json_key_id(json, "id", arc_event_id(event));
    json_key_string(json, "kind", arc_event_kind_name(arc_event_kind_of(event)));
    json_key_time(json, "occurred_at", arc_event_occurred_at(event));
    json_key_string(json, "actor", arc_event_actor(event));
    json_key_id(json, "record_id", arc_event_record_id(event));
    print_customer_ref_json(json, cli, "customer", arc_event_customer_id(event));
    print_invoice_ref_json(json, cli, "invoice", arc_event_invoice_id(event));
    json_key_id(json, "dispute_id", arc_event_dispute_id(event));
    json_key(json, "amount");
    if (currency != NULL)
        json_money(json, arc_event_amount(event), currency);
    else
        json_null(json);
    json_key_string(json, "detail", arc_event_detail(event));
}

/* "invoice.issued INV-000042 1234.50 USD", "dispute.escalated dispute 7 (2)";
 * without the kind, "INV-000042 1234.50 USD". */
void print_event_detail(char *buf, size_t size, struct cli *cli, const arc_event *event,
                        bool with_kind)
{
    const char *currency = arc_event_currency(event);
    const char *detail = arc_event_detail(event);
    arc_id invoice_id = arc_event_invoice_id(event);
    arc_id dispute_id = arc_event_dispute_id(event);
    char part[96];

    snprintf(buf, size, "%s",
             with_kind ? arc_event_kind_name(arc_event_kind_of(event)) : "");
    if (invoice_id > 0) {
        append(buf, size, " ");
        append(buf, size, cli_invoice_number(cli, invoice_id));
    }
    if (dispute_id > 0) {
        snprintf(part, sizeof part, " dispute %" PRId64, (int64_t)dispute_id);
        append(buf, size, part);
    }
    if (currency != NULL && arc_event_amount(event) != 0) {
        char money[CLI_AMOUNT_BUFSIZE];

        cli_format_money(money, sizeof money, arc_event_amount(event), currency);
        append(buf, size, " ");
        append(buf, size, money);
    }
    if (detail != NULL && detail[0] != '\0' &&
        (invoice_id <= 0 || strcmp(detail, cli_invoice_number(cli, invoice_id)) != 0)) {
        append(buf, size, " (");
        append_excerpt(buf, size, detail);
        append(buf, size, ")");
    }
    if (!with_kind && buf[0] == ' ')
        memmove(buf, buf + 1, strlen(buf));
}
