/*
 * Deep copies of records, and their release. Every string and array a copy
 * holds is its own, allocated with malloc(), as arcollect/sys/records.h asks
 * of what a backend hands to the library.
 *
 * A copy starts from a shallow copy of the record and then replaces every
 * pointer with a copy of its own (or NULL when out of memory), so that on
 * failure the clear function frees exactly what was copied.
 */
#include <stdlib.h>
#include <string.h>

#include "memory_internal.h"

int mem_nomem(void)
{
    return arc_error_set(ARC_ENOMEM, "memory backend: out of memory");
}

char *mem_strdup(const char *text, int *rc)
{
    size_t size;
    char *copy;

    if (text == NULL)
        return NULL;
    size = strlen(text) + 1;
    copy = malloc(size);
    if (copy == NULL) {
        *rc = mem_nomem();
        return NULL;
    }
    memcpy(copy, text, size);
    return copy;
}

/* A copy of @p count items of @p size bytes, or NULL for none. */
static void *array_dup(const void *items, size_t count, size_t size, int *rc)
{
    void *copy;

    if (items == NULL || count == 0)
        return NULL;
    copy = malloc(count * size);
    if (copy == NULL) {
        *rc = mem_nomem();
        return NULL;
    }
    memcpy(copy, items, count * size);
    return copy;
}

int mem_copy_customer(struct arc_customer *out, const struct arc_customer *in)
{
    int rc = ARC_OK;

    *out = *in;
    out->reference = mem_strdup(in->reference, &rc);
    out->name = mem_strdup(in->name, &rc);
    out->billing_email = mem_strdup(in->billing_email, &rc);
    out->phone = mem_strdup(in->phone, &rc);
    out->owner = mem_strdup(in->owner, &rc);
    if (rc != ARC_OK)
        mem_clear_customer(out);
    return rc;
}

void mem_clear_customer(void *record)
{
    struct arc_customer *customer = record;

    free(customer->reference);
    free(customer->name);
    free(customer->billing_email);
    free(customer->phone);
    free(customer->owner);
    customer->reference = customer->name = customer->billing_email = NULL;
    customer->phone = customer->owner = NULL;
}

int mem_copy_contact(struct arc_contact *out, const struct arc_contact *in)
{
    int rc = ARC_OK;

    *out = *in;
    out->name = mem_strdup(in->name, &rc);
    out->role = mem_strdup(in->role, &rc);
    out->email = mem_strdup(in->email, &rc);
    out->phone = mem_strdup(in->phone, &rc);
    if (rc != ARC_OK)
        mem_clear_contact(out);
    return rc;
}

void mem_clear_contact(void *record)
{
    struct arc_contact *contact = record;

    free(contact->name);
    free(contact->role);
    free(contact->email);
    free(contact->phone);
    contact->name = contact->role = contact->email = contact->phone = NULL;
}

int mem_copy_invoice(struct arc_invoice *out, const struct arc_invoice *in,
                     bool with_lines)
{
    size_t count = with_lines ? in->line_count : 0;
    int rc = ARC_OK;

    *out = *in;
    out->number = mem_strdup(in->number, &rc);
    out->memo = mem_strdup(in->memo, &rc);
    out->close_reason = mem_strdup(in->close_reason, &rc);
    out->lines = array_dup(in->lines, count, sizeof(*in->lines), &rc);
    out->line_count = out->lines != NULL ? count : 0;
    for (size_t i = 0; i < out->line_count; i++) {
        struct arc_invoice_line *line = &out->lines[i];

        line->description = mem_strdup(in->lines[i].description, &rc);
        line->quantity = mem_strdup(in->lines[i].quantity, &rc);
        line->tax_rate = mem_strdup(in->lines[i].tax_rate, &rc);
        line->item_code = mem_strdup(in->lines[i].item_code, &rc);
    }
    if (rc != ARC_OK)
        mem_clear_invoice(out);
    return rc;
}

void mem_clear_invoice(void *record)
{
    struct arc_invoice *invoice = record;

    for (size_t i = 0; i < invoice->line_count; i++) {
        free(invoice->lines[i].description);
        free(invoice->lines[i].quantity);
        free(invoice->lines[i].tax_rate);
        free(invoice->lines[i].item_code);
    }
    free(invoice->lines);
    free(invoice->number);
    free(invoice->memo);
    free(invoice->close_reason);
    invoice->lines = NULL;
    invoice->line_count = 0;
    invoice->number = invoice->memo = invoice->close_reason = NULL;
}

int mem_copy_payment(struct arc_payment *out, const struct arc_payment *in)
{
    int rc = ARC_OK;

    *out = *in;
    out->reference = mem_strdup(in->reference, &rc);
    out->idempotency_key = mem_strdup(in->idempotency_key, &rc);
    out->reversal_reason = mem_strdup(in->reversal_reason, &rc);
    if (rc != ARC_OK)
        mem_clear_payment(out);
    return rc;
}

void mem_clear_payment(void *record)
{
    struct arc_payment *payment = record;

    free(payment->reference);
    free(payment->idempotency_key);
    free(payment->reversal_reason);
    payment->reference = payment->idempotency_key = payment->reversal_reason = NULL;
}

int mem_copy_credit_memo(struct arc_credit_memo *out, const struct arc_credit_memo *in)
{
    int rc = ARC_OK;

    *out = *in;
    out->number = mem_strdup(in->number, &rc);
    out->reason = mem_strdup(in->reason, &rc);
    out->void_reason = mem_strdup(in->void_reason, &rc);
    if (rc != ARC_OK)
        mem_clear_credit_memo(out);
    return rc;
}

void mem_clear_credit_memo(void *record)
{
    struct arc_credit_memo *memo = record;

    free(memo->number);
    free(memo->reason);
    free(memo->void_reason);
    memo->number = memo->reason = memo->void_reason = NULL;
}

int mem_copy_reason_code(struct arc_reason_code *out, const struct arc_reason_code *in)
{
    int rc = ARC_OK;

    *out = *in;
    out->code = mem_strdup(in->code, &rc);
    out->label = mem_strdup(in->label, &rc);
    out->category = mem_strdup(in->category, &rc);
    out->description = mem_strdup(in->description, &rc);
    if (rc != ARC_OK)
        mem_clear_reason_code(out);
    return rc;
}

void mem_clear_reason_code(void *record)
{
    struct arc_reason_code *reason = record;

    free(reason->code);
    free(reason->label);
    free(reason->category);
    free(reason->description);
    reason->code = reason->label = reason->category = reason->description = NULL;
}

int mem_copy_dispute(struct arc_dispute *out, const struct arc_dispute *in)
{
    int rc = ARC_OK;

    *out = *in;
    out->reason_code = mem_strdup(in->reason_code, &rc);
    out->opened_by = mem_strdup(in->opened_by, &rc);
    out->owner = mem_strdup(in->owner, &rc);
    out->description = mem_strdup(in->description, &rc);
    out->resolved_by = mem_strdup(in->resolved_by, &rc);
    out->resolution_note = mem_strdup(in->resolution_note, &rc);
    out->reopen_reason = mem_strdup(in->reopen_reason, &rc);
    out->lines = array_dup(in->lines, in->line_count, sizeof(*in->lines), &rc);
    out->line_count = out->lines != NULL ? in->line_count : 0;
    if (rc != ARC_OK)
        mem_clear_dispute(out);
    return rc;
}

void mem_clear_dispute(void *record)
{
    struct arc_dispute *dispute = record;

    free(dispute->reason_code);
    free(dispute->opened_by);
    free(dispute->owner);
    free(dispute->description);
    free(dispute->resolved_by);
    free(dispute->resolution_note);
    free(dispute->reopen_reason);
    free(dispute->lines);
    dispute->reason_code = dispute->opened_by = dispute->owner = NULL;
    dispute->description = dispute->resolved_by = dispute->resolution_note = NULL;
    dispute->reopen_reason = NULL;
    dispute->lines = NULL;
    dispute->line_count = 0;
}

int mem_copy_event(struct arc_event *out, const struct arc_event *in)
{
    int rc = ARC_OK;

    *out = *in;
    out->actor = mem_strdup(in->actor, &rc);
    out->detail = mem_strdup(in->detail, &rc);
    if (rc != ARC_OK)
        mem_clear_event(out);
    return rc;
}

void mem_clear_event(void *record)
{
    struct arc_event *event = record;

    free(event->actor);
    free(event->detail);
    event->actor = event->detail = NULL;
}

int mem_copy_rule(struct arc_escalation_rule *out, const struct arc_escalation_rule *in)
{
    int rc = ARC_OK;

    *out = *in;
    out->name = mem_strdup(in->name, &rc);
    out->reason_code = mem_strdup(in->reason_code, &rc);
    out->assign_to = mem_strdup(in->assign_to, &rc);
    if (rc != ARC_OK)
        mem_clear_rule(out);
    return rc;
}

void mem_clear_rule(void *record)
{
    struct arc_escalation_rule *rule = record;

    free(rule->name);
    free(rule->reason_code);
    free(rule->assign_to);
    rule->name = rule->reason_code = rule->assign_to = NULL;
}

void mem_clear_nothing(void *record)
{
    (void)record;
}
