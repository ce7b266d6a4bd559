/*
 * Releasing records, and the names of enumerations.
 */
#include <stdlib.h>

#include "records.h"

void arc_customer_clear(struct arc_customer *customer)
{
    free(customer->reference);
    free(customer->name);
    free(customer->billing_email);
    free(customer->phone);
    free(customer->owner);
    customer->reference = customer->name = customer->billing_email = NULL;
    customer->phone = customer->owner = NULL;
}

void arc_contact_clear(struct arc_contact *contact)
{
    free(contact->name);
    free(contact->role);
    free(contact->email);
    free(contact->phone);
    contact->name = contact->role = contact->email = contact->phone = NULL;
}

static void invoice_line_clear(struct arc_invoice_line *line)
{
    free(line->description);
    free(line->quantity);
    free(line->tax_rate);
    free(line->item_code);
}

void arc_invoice_clear(struct arc_invoice *invoice)
{
    for (size_t i = 0; i < invoice->line_count; i++)
        invoice_line_clear(&invoice->lines[i]);
    free(invoice->lines);
    free(invoice->number);
    free(invoice->memo);
    free(invoice->close_reason);
    invoice->lines = NULL;
    invoice->line_count = 0;
    invoice->number = invoice->memo = invoice->close_reason = NULL;
}

void arc_payment_clear(struct arc_payment *payment)
{
    free(payment->reference);
    free(payment->idempotency_key);
    free(payment->reversal_reason);
    payment->reference = payment->idempotency_key = payment->reversal_reason = NULL;
}

void arc_credit_memo_clear(struct arc_credit_memo *memo)
{
    free(memo->number);
    free(memo->reason);
    free(memo->void_reason);
    memo->number = memo->reason = memo->void_reason = NULL;
}

void arc_reason_code_clear(struct arc_reason_code *reason)
{
    free(reason->code);
    free(reason->label);
    free(reason->category);
    free(reason->description);
    reason->code = reason->label = reason->category = reason->description = NULL;
}

void arc_dispute_clear(struct arc_dispute *dispute)
{
    free(dispute->reason_code);
    free(dispute->opened_by);
    free(dispute->owner);
    free(dispute->description);
    free(dispute->resolved_by);
    free(dispute->resolution_note);
    free(dispute->reopen_reason);
    free(dispute->lines);
    dispute->reopen_reason = NULL;
    dispute->reason_code = dispute->opened_by = dispute->owner = NULL;
    dispute->description = dispute->resolved_by = dispute->resolution_note = NULL;
    dispute->lines = NULL;
    dispute->line_count = 0;
}

const char *arc_dispute_status_name(arc_dispute_status status)
{
    static const char *const names[] = { "open", "in_review", "escalated", "resolved",
                                         "reopened" };

    if ((unsigned int)status >= sizeof(names) / sizeof(names[0]))
        return NULL;
    return names[status];
}

const char *arc_dispute_outcome_name(arc_dispute_outcome outcome)
{
    static const char *const names[] = { "unresolved", "credited", "written_off",
                                         "rejected", "withdrawn" };

    if ((unsigned int)outcome >= sizeof(names) / sizeof(names[0]))
        return NULL;
    return names[outcome];
}

const char *arc_customer_status_name(arc_customer_status status)
{
    static const char *const names[] = { "active", "on_hold", "closed" };

    if ((unsigned int)status >= sizeof(names) / sizeof(names[0]))
        return NULL;
    return names[status];
}

const char *arc_invoice_status_name(arc_invoice_status status)
{
    static const char *const names[] = { "draft", "open", "partially_paid",
                                         "paid",  "void", "written_off" };

    if ((unsigned int)status >= sizeof(names) / sizeof(names[0]))
        return NULL;
    return names[status];
}

const char *arc_payment_method_name(arc_payment_method method)
{
    static const char *const names[] = {
        "ach", "card", "check", "wire", "cash", "other"
    };

    if ((unsigned int)method >= sizeof(names) / sizeof(names[0]))
        return NULL;
    return names[method];
}

const char *arc_application_kind_name(arc_application_kind kind)
{
    static const char *const names[] = { "payment", "credit_memo", "write_off", "void" };

    if ((unsigned int)kind >= sizeof(names) / sizeof(names[0]))
        return NULL;
    return names[kind];
}

void arc_communication_clear(struct arc_communication *communication)
{
    char **strings[] = { &communication->user,       &communication->subject,
                         &communication->body,       &communication->email_from,
                         &communication->email_to,   &communication->email_cc,
                         &communication->message_id, &communication->in_reply_to,
                         &communication->thread_id,  &communication->phone_number };

    for (size_t i = 0; i < sizeof(strings) / sizeof(strings[0]); i++)
        free(*strings[i]);
    for (size_t i = 0; i < communication->message_count; i++) {
        free(communication->messages[i].author);
        free(communication->messages[i].text);
    }
    free(communication->messages);
    free(communication->invoice_ids);
    *communication = (struct arc_communication){ 0 };
}

void arc_communication_hit_clear(struct arc_communication_hit *hit)
{
    free(hit->snippet);
    *hit = (struct arc_communication_hit){ 0 };
}
