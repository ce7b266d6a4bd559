/*
 * Settlement: every change to what an invoice owes after it was issued goes
 * through here, as an application row plus the invoice's new balance and
 * status, written together.
 */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "invoice_internal.h"
#include "settlement.h"

#define AUTO_APPLY_PAGE 100

static const char *source_noun(const struct arc_credit_source *source)
{
    return source->kind == ARC_APPLICATION_PAYMENT ? "payment" : "credit memo";
}

static int record_application(arc_db *db, struct arc_invoice *invoice,
                              arc_application_kind kind, arc_id source_id, int64_t amount,
                              arc_date on)
{
    struct arc_application application = { 0 };
    int rc;

    application.kind = kind;
    application.invoice_id = invoice->id;
    application.source_id = source_id;
    application.amount = amount;
    application.applied_on = on;
    application.reversed_on = ARC_DATE_NONE;
    application.created_at = arc_db_now(db);
    rc = db->ops->application_insert(db->store, &application);
    if (rc != ARC_OK)
        return rc;

    invoice->balance -= amount;
    if (kind == ARC_APPLICATION_PAYMENT || kind == ARC_APPLICATION_CREDIT_MEMO)
        invoice->paid += amount;
    invoice->updated_at = application.created_at;
    arc_invoice_refresh_status(invoice);
    return arc_store_invoice_settle(db, invoice);
}

/* Check that @p amount of the source may go to @p invoice. */
static int check_application(const struct arc_credit_source *source,
                             const struct arc_invoice *invoice, int64_t amount,
                             arc_date applied_on)
{
    const char *noun = source_noun(source);
    long long id = (long long)source->id;

    if (source->closed)
        return arc_fail(ARC_ECONFLICT, "%s %lld: cannot apply: it was %s", noun, id,
                        source->kind == ARC_APPLICATION_PAYMENT ? "reversed" : "voided");
    if (invoice->customer_id != source->customer_id)
        return arc_fail(ARC_EINVAL, "%s %lld: invoice %s belongs to another customer",
                        noun, id, invoice->number);
    if (strcmp(invoice->currency, source->currency) != 0)
        return arc_fail(ARC_EINVAL, "%s %lld: invoice %s is in %s, not %s", noun, id,
                        invoice->number, invoice->currency, source->currency);
    if (!arc_invoice_is_payable(invoice->status))
        return arc_fail(ARC_ECONFLICT, "%s %lld: invoice %s is %s and cannot be paid",
                        noun, id, invoice->number,
                        arc_invoice_status_name(invoice->status));
    if (amount <= 0)
        return arc_fail(ARC_EINVAL, "%s %lld: amount: must be positive", noun, id);
    if (amount > source->amount - source->applied)
        return arc_fail(ARC_ECONFLICT,
                        "%s %lld: amount %lld is more than its unapplied %lld", noun, id,
                        (long long)amount, (long long)(source->amount - source->applied));
    if (amount > invoice->balance)
        return arc_fail(ARC_ECONFLICT,
                        "%s %lld: amount %lld is more than invoice %s owes"
                        " (%lld)",
                        noun, id, (long long)amount, invoice->number,
                        (long long)invoice->balance);
    if (applied_on < source->start || applied_on < invoice->issue_date)
        return arc_fail(ARC_EINVAL,
                        "%s %lld: applied_on: before the %s or the invoice's"
                        " issue date",
                        noun, id, noun);
    return ARC_OK;
}

/* Journal that part of a payment or credit memo went to an invoice. */
static int emit_applied(arc_db *db, const struct arc_credit_source *source,
                        const struct arc_invoice *invoice, int64_t amount)
{
    arc_event_kind kind = source->kind == ARC_APPLICATION_PAYMENT
                              ? ARC_EVENT_PAYMENT_APPLIED
                              : ARC_EVENT_CREDIT_MEMO_APPLIED;
    struct arc_event event = arc_event_about(kind, source->id, source->customer_id);

    event.invoice_id = invoice->id;
    event.detail = invoice->number;
    arc_event_set_amount(&event, amount, invoice->currency);
    return arc_event_emit(db, &event);
}

static arc_date default_applied_on(arc_db *db, const struct arc_credit_source *source)
{
    arc_date today = arc_db_today(db);

    return today > source->start ? today : source->start;
}

int arc_settle_apply(arc_db *db, struct arc_credit_source *source, arc_id invoice_id,
                     int64_t amount, arc_date applied_on)
{
    struct arc_invoice invoice = { 0 };
    int rc = db->ops->invoice_get(db->store, invoice_id, false, &invoice);

    if (rc != ARC_OK)
        return arc_fail_context(rc, "%s %lld: ", source_noun(source),
                                (long long)source->id);
    if (applied_on == ARC_DATE_NONE) {
        applied_on = default_applied_on(db, source);
        if (applied_on < invoice.issue_date)
            applied_on = invoice.issue_date;
    }

    rc = check_application(source, &invoice, amount, applied_on);
    if (rc == ARC_OK)
        rc = record_application(db, &invoice, source->kind, source->id, amount,
                                applied_on);
    if (rc == ARC_OK)
        rc = emit_applied(db, source, &invoice, amount);
    if (rc == ARC_OK)
        source->applied += amount;
    arc_invoice_clear(&invoice);
    return rc;
}

/* Apply what is left of the source to one page of payable invoices. */
static int apply_page(arc_db *db, struct arc_credit_source *source,
                      struct arc_invoice_page *page)
{
    int rc = ARC_OK;

    for (size_t i = 0; i < page->count && rc == ARC_OK; i++) {
        struct arc_invoice *invoice = &page->items[i];
        int64_t left = source->amount - source->applied;
        int64_t amount = left < invoice->balance ? left : invoice->balance;
        arc_date on = default_applied_on(db, source);

        if (amount == 0)
            break;
        if (!arc_invoice_is_payable(invoice->status))
            continue;
        if (on < invoice->issue_date)
            on = invoice->issue_date;
        rc = record_application(db, invoice, source->kind, source->id, amount, on);
        if (rc == ARC_OK)
            rc = emit_applied(db, source, invoice, amount);
        if (rc == ARC_OK)
            source->applied += amount;
    }
    return rc;
}

int arc_settle_apply_auto(arc_db *db, struct arc_credit_source *source, int64_t *applied)
{
    int64_t before = source->applied;
    int rc = ARC_OK;

    if (source->closed)
        return arc_fail(ARC_ECONFLICT, "%s %lld: cannot apply: it was %s",
                        source_noun(source), (long long)source->id,
                        source->kind == ARC_APPLICATION_PAYMENT ? "reversed" : "voided");

    /* Each page settles its invoices in full but the last, so a page that
     * leaves credit over was the last one with anything owed. */
    while (rc == ARC_OK && source->applied < source->amount) {
        struct arc_invoice_page page = { 0 };
        int64_t page_start = source->applied;

        rc = db->ops->invoice_list_payable(db->store, source->customer_id,
                                           source->currency, AUTO_APPLY_PAGE, &page);
        if (rc == ARC_OK)
            rc = apply_page(db, source, &page);
        for (size_t i = 0; i < page.count; i++)
            arc_invoice_clear(&page.items[i]);
        free(page.items);
        if (page.count < AUTO_APPLY_PAGE || source->applied == page_start)
            break;
    }

    if (rc == ARC_OK && applied != NULL)
        *applied = source->applied - before;
    return rc;
}

static int reverse_one(arc_db *db, const struct arc_application *application, arc_date on)
{
    struct arc_invoice invoice = { 0 };
    int rc = db->ops->application_set_reversed(db->store, application->id, on);

    if (rc == ARC_OK)
        rc = db->ops->invoice_get(db->store, application->invoice_id, false, &invoice);
    if (rc != ARC_OK)
        return rc;

    invoice.balance += application->amount;
    invoice.paid -= application->amount;
    invoice.updated_at = arc_db_now(db);
    arc_invoice_refresh_status(&invoice);
    rc = arc_store_invoice_settle(db, &invoice);
    arc_invoice_clear(&invoice);
    return rc;
}

/* A reversal may not predate what it reverses. */
static int check_reversal_date(const struct arc_credit_source *source,
                               const struct arc_application_page *page, arc_date on)
{
    char date[ARC_DATE_BUFSIZE];

    for (size_t i = 0; i < page->count; i++) {
        const struct arc_application *application = &page->items[i];

        if (application->reversed_on != ARC_DATE_NONE || on >= application->applied_on)
            continue;
        arc_date_format(date, sizeof(date), application->applied_on);
        return arc_fail(ARC_EINVAL, "%s %lld: date: before its application of %s",
                        source_noun(source), (long long)source->id, date);
    }
    return ARC_OK;
}

int arc_settle_reverse_all(arc_db *db, struct arc_credit_source *source, arc_date on)
{
    struct arc_application_page page = { 0 };
    int rc =
        db->ops->application_list_for(db->store, (int)source->kind, source->id, &page);

    if (rc == ARC_OK)
        rc = check_reversal_date(source, &page, on);
    for (size_t i = 0; i < page.count && rc == ARC_OK; i++) {
        if (page.items[i].reversed_on == ARC_DATE_NONE)
            rc = reverse_one(db, &page.items[i], on);
    }
    free(page.items);
    if (rc == ARC_OK)
        source->applied = 0;
    return rc;
}

int arc_settle_write_off(arc_db *db, struct arc_invoice *invoice, int64_t amount,
                         arc_date on)
{
    if (amount == invoice->balance) {
        invoice->status = ARC_INVOICE_WRITTEN_OFF;
        invoice->closed_on = on;
    }
    return record_application(db, invoice, ARC_APPLICATION_WRITE_OFF, 0, amount, on);
}

int arc_settle_close_invoice(arc_db *db, struct arc_invoice *invoice,
                             arc_application_kind kind, arc_date on)
{
    int64_t amount = invoice->balance;

    invoice->status =
        kind == ARC_APPLICATION_VOID ? ARC_INVOICE_VOID : ARC_INVOICE_WRITTEN_OFF;
    invoice->closed_on = on;
    if (amount == 0) {
        invoice->updated_at = arc_db_now(db);
        return arc_store_invoice_settle(db, invoice);
    }
    return record_application(db, invoice, kind, 0, amount, on);
}
