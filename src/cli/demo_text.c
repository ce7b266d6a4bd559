/*
 * The words of the demo's communications: what Harborline's collectors and
 * their customers write and say about invoices, payments and disputes.
 */
#include "demo.h"

#define OUR_ADDRESS "billing@harborline-it.example"
#define OUR_DOMAIN  "harborline-it.example"

static const char *const month_names[12] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December",
};

/* Why the customer writes, per reason code (in the order of demo_reason_codes). */
static const char *const complaints[DEMO_REASON_CODES] = {
    "the price per managed endpoint is higher than the rate in our agreement",
    "we are billed for more Microsoft 365 seats than we have users",
    "email was down for most of a day and we expected the SLA credit",
    "our ticket about the failed backup restores is still open",
    "the firewall replacement on this invoice was never done",
    "nobody here approved the managed detection and response add-on",
    "this month of managed services is billed twice",
    "our purchase order number is missing, so accounts payable cannot release it",
    "we cancelled this service in writing before the billing period",
    "sales tax was charged although our exemption certificate is on file",
    "the invoice is addressed to our old legal entity",
    "we have questions about several charges",
};

static const char *const outcome_sentences[] = {
    [ARC_DISPUTE_CREDITED] =
        "We have issued a credit memo for the disputed amount; it is "
        "applied to the invoice.",
    [ARC_DISPUTE_WRITTEN_OFF] =
        "We have written off the disputed amount; you owe nothing "
        "more for it.",
    [ARC_DISPUTE_REJECTED] =
        "After review, the charges match the signed agreement and our "
        "usage records, so the invoice stands.",
    [ARC_DISPUTE_WITHDRAWN] = "Thank you for confirming that the dispute can be closed.",
};

static const char *const call_notes[] = {
    [ARC_CALL_REACHED] = "Spoke with accounts payable; the invoice is in their next "
                         "payment run.",
    [ARC_CALL_VOICEMAIL] = "Left a voicemail asking for a call back about the open "
                           "balance.",
    [ARC_CALL_NO_ANSWER] = "No answer; will try again next week.",
    [ARC_CALL_PROMISE_TO_PAY] = "Customer promised to pay the open balance within ten "
                                "days.",
    [ARC_CALL_REFUSED] = "Customer refuses to pay until the account is reviewed by their "
                         "owner.",
};

static void customer_address(char *buf, size_t size, const struct demo_customer *customer)
{
    snprintf(buf, size, "%s.%s@%s", customer->contact_first, customer->contact_last,
             customer->domain);
    for (char *c = buf; *c != '\0'; c++)
        *c = (char)(*c >= 'A' && *c <= 'Z' ? *c - 'A' + 'a' : *c);
}

static void email(struct demo_text *text, const struct demo_customer *customer,
                  bool inbound)
{
    char address[128];

    customer_address(address, sizeof address, customer);
    text->channel = ARC_CHANNEL_EMAIL;
    text->direction = inbound ? ARC_DIRECTION_INBOUND : ARC_DIRECTION_OUTBOUND;
    snprintf(text->from, sizeof text->from, "%s", inbound ? address : OUR_ADDRESS);
    snprintf(text->to, sizeof text->to, "%s", inbound ? OUR_ADDRESS : address);
}

/* A portal chat: the customer asks, the owner answers. The customer's name
 * is kept in the last slot of chat_storage. */
static void chat(struct demo_text *text, const struct demo_customer *customer,
                 const char *number, const char *complaint)
{
    const char *contact = text->chat_storage[3];

    text->channel = ARC_CHANNEL_CHAT;
    text->direction = ARC_DIRECTION_INBOUND;
    snprintf(text->subject, sizeof text->subject, "Portal chat about %s", number);
    snprintf(text->chat_storage[3], sizeof text->chat_storage[3], "%s %s",
             customer->contact_first, customer->contact_last);
    snprintf(text->chat_storage[0], sizeof text->chat_storage[0],
             "Hi, any news on our dispute about %s?", number);
    snprintf(text->chat_storage[1], sizeof text->chat_storage[1],
             "It is with our billing team; they are checking that %s.", complaint);
    snprintf(text->chat_storage[2], sizeof text->chat_storage[2],
             "Thanks. We will hold that part of the payment until then.");

    text->chat_count = 3;
    for (size_t i = 0; i < 3; i++) {
        text->chat_texts[i] = text->chat_storage[i];
        text->chat_authors[i] = i == 1 ? customer->owner : contact;
    }
}

static void dispute_texts(struct demo *demo, const struct demo_action *action,
                          struct demo_text *text, const char *number, const char *month)
{
    struct demo_dispute *dispute = &demo->disputes[action->dispute];
    const struct demo_customer *customer = &demo->customers[action->customer];
    const char *complaint = complaints[dispute->reason];

    switch ((enum demo_comm)action->mode) {
    case COMM_DISPUTE_EMAIL:
        email(text, customer, true);
        snprintf(dispute->message_id, sizeof dispute->message_id, "<dispute-%d@%s>",
                 action->dispute, customer->domain);
        snprintf(text->message_id, sizeof text->message_id, "%s", dispute->message_id);
        snprintf(text->subject, sizeof text->subject, "Dispute: invoice %s", number);
        snprintf(text->body, sizeof text->body,
                 "Hello,\n\nWe cannot pay invoice %s for %s in full: %s. Please correct "
                 "it and send us a credit or a new invoice.\n\nRegards,\n%s %s\n%s",
                 number, month, complaint, customer->contact_first,
                 customer->contact_last, customer->name);
        break;
    case COMM_DISPUTE_REPLY:
        email(text, customer, false);
        snprintf(text->message_id, sizeof text->message_id, "<reply-%d@%s>",
                 action->dispute, OUR_DOMAIN);
        snprintf(text->in_reply_to, sizeof text->in_reply_to, "%s", dispute->message_id);
        snprintf(text->subject, sizeof text->subject, "Re: Dispute: invoice %s", number);
        snprintf(
            text->body, sizeof text->body,
            "Hello %s,\n\nThank you for letting us know. We have opened a dispute for "
            "invoice %s and will review it within five business days. Please pay the "
            "undisputed part by the due date.\n\nKind regards,\nHarborline accounts "
            "receivable",
            customer->contact_first, number);
        break;
    case COMM_DISPUTE_CHAT:
        chat(text, customer, number, complaint);
        break;
    case COMM_DISPUTE_CALL:
        text->channel = ARC_CHANNEL_CALL;
        text->direction = ARC_DIRECTION_OUTBOUND;
        text->call_outcome = ARC_CALL_REACHED;
        snprintf(text->phone, sizeof text->phone, "%s", customer->phone);
        snprintf(text->body, sizeof text->body,
                 "Went through the dispute on %s with %s: %s. Asked for the documents "
                 "they rely on.",
                 number, customer->contact_first, complaint);
        break;
    case COMM_ESCALATION_NOTE:
        text->channel = ARC_CHANNEL_NOTE;
        text->direction = ARC_DIRECTION_INTERNAL;
        snprintf(
            text->body, sizeof text->body,
            "Escalated the dispute on %s to level %d: no agreement with the customer "
            "yet, and the disputed amount is holding up payment.",
            number, action->percent);
        break;
    case COMM_RESOLUTION_EMAIL:
        email(text, customer, false);
        snprintf(text->message_id, sizeof text->message_id, "<resolved-%d@%s>",
                 action->dispute, OUR_DOMAIN);
        snprintf(text->in_reply_to, sizeof text->in_reply_to, "<reply-%d@%s>",
                 action->dispute, OUR_DOMAIN);
        snprintf(text->subject, sizeof text->subject, "Re: Dispute: invoice %s", number);
        snprintf(
            text->body, sizeof text->body,
            "Hello %s,\n\nWe have finished reviewing your dispute on invoice %s. %s\n\n"
            "Kind regards,\nHarborline accounts receivable",
            customer->contact_first, number,
            outcome_sentences[dispute->outcome != ARC_DISPUTE_UNRESOLVED
                                  ? dispute->outcome
                                  : ARC_DISPUTE_WITHDRAWN]);
        break;
    default:
        break;
    }
}

static void account_texts(struct demo *demo, const struct demo_action *action,
                          struct demo_text *text, const char *number, const char *month)
{
    const struct demo_customer *customer = &demo->customers[action->customer];

    switch ((enum demo_comm)action->mode) {
    case COMM_REMINDER:
        email(text, customer, false);
        snprintf(text->subject, sizeof text->subject,
                 "Payment reminder: invoice %s is overdue", number);
        snprintf(
            text->body, sizeof text->body,
            "Hello %s,\n\nOur records show that invoice %s for %s is past its due "
            "date. If you have already paid, please send us the remittance advice.\n\n"
            "Kind regards,\nHarborline accounts receivable",
            customer->contact_first, number, month);
        break;
    case COMM_COLLECTION_CALL:
        text->channel = ARC_CHANNEL_CALL;
        text->direction = ARC_DIRECTION_OUTBOUND;
        text->call_outcome = (arc_call_outcome)action->percent;
        snprintf(text->phone, sizeof text->phone, "%s", customer->phone);
        snprintf(text->body, sizeof text->body, "Called about %s. %s", number,
                 call_notes[text->call_outcome]);
        break;
    case COMM_REMITTANCE:
        email(text, customer, true);
        snprintf(text->subject, sizeof text->subject, "Remittance advice for %s", number);
        snprintf(text->body, sizeof text->body,
                 "Please find our payment for invoice %s (%s services) sent today.\n\n"
                 "Accounts payable, %s",
                 number, month, customer->name);
        break;
    case COMM_HOLD_NOTE:
        text->channel = ARC_CHANNEL_NOTE;
        text->direction = ARC_DIRECTION_INTERNAL;
        snprintf(text->body, sizeof text->body,
                 "Account placed on hold: no payment since %s, calls and reminders "
                 "unanswered. New work needs approval from the AR manager.",
                 number);
        break;
    case COMM_CREDIT_NOTE:
        text->channel = ARC_CHANNEL_NOTE;
        text->direction = ARC_DIRECTION_INTERNAL;
        snprintf(text->body, sizeof text->body,
                 "Gave a goodwill credit on %s after the service interruption in %s.",
                 number, month);
        break;
    case COMM_REVERSAL_SMS:
        text->channel = ARC_CHANNEL_SMS;
        text->direction = ARC_DIRECTION_OUTBOUND;
        snprintf(
            text->body, sizeof text->body,
            "Harborline: your payment for invoice %s was returned by the bank. Please "
            "pay again or call us.",
            number);
        break;
    default:
        break;
    }
}

void demo_write_text(struct demo *demo, const struct demo_action *action,
                     struct demo_text *text)
{
    const struct demo_slot *slot = action->slot >= 0 ? &demo->slots[action->slot] : NULL;
    const char *number = slot != NULL ? slot->number : "";
    int month_of_year = 1;

    if (slot != NULL)
        arc_date_to_ymd(NULL, &month_of_year, NULL, slot->issued);
    if (action->dispute >= 0)
        dispute_texts(demo, action, text, number, month_names[month_of_year - 1]);
    else
        account_texts(demo, action, text, number, month_names[month_of_year - 1]);
}
