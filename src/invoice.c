/*
 * Invoices: creation, draft lines, issue, deletion, void and write-off.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "invoice_internal.h"
#include "numbering.h"
#include "settlement.h"
#include "util.h"

#define NUMBER_MAX             64
#define MEMO_MAX               4000
#define REASON_MAX             1000
#define GENERATED_NUMBER_TRIES 1000

bool arc_invoice_is_payable(arc_invoice_status status)
{
    return status == ARC_INVOICE_OPEN || status == ARC_INVOICE_PARTIALLY_PAID;
}

void arc_invoice_refresh_status(struct arc_invoice *invoice)
{
    if (invoice->status == ARC_INVOICE_DRAFT || invoice->status == ARC_INVOICE_VOID)
        return;
    if (invoice->balance == 0 && invoice->status != ARC_INVOICE_WRITTEN_OFF)
        invoice->status = ARC_INVOICE_PAID;
    else if (invoice->balance > 0)
        invoice->status =
            invoice->paid > 0 ? ARC_INVOICE_PARTIALLY_PAID : ARC_INVOICE_OPEN;
}

static int check_invoice_opts(const arc_invoice_opts *opts)
{
    int rc;

    if (opts == NULL)
        return arc_fail(ARC_EINVAL, "invoice: options must not be NULL");
    if (opts->version != ARC_INVOICE_OPTS_VERSION)
        return arc_fail(ARC_EVERSION, "invoice options: version %u is not supported",
                        opts->version);
    if (opts->number != NULL) {
        rc = arc_check_text("invoice", "number", opts->number, NUMBER_MAX, true);
        if (rc != ARC_OK)
            return rc;
    }
    rc = arc_check_text("invoice", "memo", opts->memo, MEMO_MAX, false);
    if (rc != ARC_OK)
        return rc;
    if (opts->currency != NULL && arc_currency_lookup(NULL, opts->currency) != ARC_OK)
        return arc_fail_context(ARC_EINVAL, "invoice: ");
    if (opts->line_count > ARC_INVOICE_MAX_LINES)
        return arc_fail(ARC_EINVAL, "invoice: line_count: at most %d, not %zu",
                        ARC_INVOICE_MAX_LINES, opts->line_count);
    if (opts->line_count > 0 && opts->lines == NULL)
        return arc_fail(ARC_EINVAL, "invoice: lines: NULL with line_count %zu",
                        opts->line_count);
    if (opts->flags & ~(unsigned int)ARC_INVOICE_CREATE_ISSUED)
        return arc_fail(ARC_EINVAL, "invoice: flags: unknown bits 0x%x", opts->flags);
    return ARC_OK;
}

static int check_date(const char *label, const char *field, arc_date date)
{
    if (date != ARC_DATE_NONE && arc_date_to_ymd(NULL, NULL, NULL, date) != ARC_OK)
        return arc_fail(ARC_EINVAL, "%s: %s: not a valid date", label, field);
    return ARC_OK;
}

/*
 * Make a draft owed: fix its issue and due dates and open its balance.
 * @p issue_date is ARC_DATE_NONE for the one set at creation, else today.
 */
static int issue(arc_db *db, struct arc_invoice *invoice,
                 const struct arc_customer_terms *customer, arc_date issue_date)
{
    if (invoice->line_count == 0)
        return arc_fail(ARC_ECONFLICT,
                        "invoice %s: cannot issue an invoice without lines",
                        invoice->number);
    if (customer->status == ARC_CUSTOMER_CLOSED)
        return arc_fail(ARC_ECONFLICT, "invoice %s: customer %lld is closed",
                        invoice->number, (long long)invoice->customer_id);

    if (issue_date != ARC_DATE_NONE)
        invoice->issue_date = issue_date;
    invoice->issue_date = arc_date_or_today(db, invoice->issue_date);
    if (!invoice->due_date_given &&
        arc_date_add_days(&invoice->due_date, invoice->issue_date,
                          customer->payment_terms_days) != ARC_OK)
        return arc_fail(ARC_EINVAL, "invoice %s: due_date: out of range",
                        invoice->number);
    if (invoice->due_date < invoice->issue_date)
        return arc_fail(ARC_ECONFLICT, "invoice %s: due_date: before the issue date",
                        invoice->number);

    invoice->balance = invoice->total;
    invoice->status = ARC_INVOICE_OPEN;
    arc_invoice_refresh_status(invoice);
    return ARC_OK;
}

/* Build the lines of a new invoice into @p lines and add up its totals. */
static int build_lines(struct arc_invoice *invoice, struct arc_invoice_line *lines,
                       struct arc_line_texts *texts, const arc_invoice_opts *opts,
                       const char *label)
{
    int rc = ARC_OK;

    for (size_t i = 0; i < opts->line_count && rc == ARC_OK; i++) {
        rc = arc_invoice_line_build(&lines[i], &texts[i], &opts->lines[i], (int)i + 1,
                                    label);
        if (rc == ARC_OK)
            rc = arc_invoice_add_to_totals(invoice, &lines[i], label);
    }
    invoice->lines = lines;
    invoice->line_count = opts->line_count;
    return rc;
}

/* Insert the invoice, generating its number when none was given. */
/* Journal what happened to an invoice; @p amount goes with it when not 0. */
static int emit_invoice_event(arc_db *db, const struct arc_invoice *invoice,
                              arc_event_kind kind, int64_t amount)
{
    struct arc_event event = arc_event_about(kind, invoice->id, invoice->customer_id);

    event.invoice_id = invoice->id;
    event.detail = invoice->number;
    if (amount != 0)
        arc_event_set_amount(&event, amount, invoice->currency);
    return arc_event_emit(db, &event);
}

static int emit_created(arc_db *db, const struct arc_invoice *invoice)
{
    if (invoice->status == ARC_INVOICE_DRAFT)
        return emit_invoice_event(db, invoice, ARC_EVENT_INVOICE_CREATED, 0);
    return emit_invoice_event(db, invoice, ARC_EVENT_INVOICE_ISSUED, invoice->total);
}

static int insert_numbered(arc_db *db, struct arc_invoice *invoice, bool generate)
{
    char number[ARC_NUMBER_BUFSIZE];
    int rc;

    if (!generate) {
        rc = db->ops->invoice_insert(db->store, invoice);
        return rc == ARC_OK ? emit_created(db, invoice) : rc;
    }

    /* A generated number may collide with one a host chose: skip past it. */
    for (int attempt = 0; attempt < GENERATED_NUMBER_TRIES; attempt++) {
        rc = arc_numbering_take(db, ARC_SEQUENCE_INVOICE, number, sizeof(number));
        if (rc != ARC_OK)
            return rc;
        invoice->number = number;
        rc = db->ops->invoice_insert(db->store, invoice);
        if (rc == ARC_OK)
            rc = emit_created(db, invoice);
        invoice->number = NULL;
        if (rc != ARC_EEXISTS)
            return rc;
    }
    return arc_fail(ARC_EEXISTS, "invoice: no free number after %d tries",
                    GENERATED_NUMBER_TRIES);
}

static int create_in_scope(arc_db *db, struct arc_invoice *invoice,
                           const arc_invoice_opts *opts)
{
    struct arc_customer_terms customer;
    int rc = arc_store_customer_terms(db, opts->customer_id, &customer);

    if (rc != ARC_OK)
        return arc_fail_context(rc, "invoice: ");
    memcpy(invoice->currency, opts->currency ? opts->currency : customer.currency, 4);
    if (customer.status == ARC_CUSTOMER_CLOSED)
        rc = arc_fail(ARC_ECONFLICT, "invoice: customer %lld is closed",
                      (long long)opts->customer_id);

    if (rc == ARC_OK && (opts->flags & ARC_INVOICE_CREATE_ISSUED)) {
        /* Issue under a provisional name; messages name the number if given. */
        invoice->number = (char *)(opts->number ? opts->number : "(new)");
        rc = issue(db, invoice, &customer, ARC_DATE_NONE);
        invoice->number = NULL;
    }
    if (rc == ARC_OK) {
        invoice->number = (char *)opts->number;
        rc = insert_numbered(db, invoice, opts->number == NULL);
    }
    return rc;
}

int arc_invoice_create(arc_id *out, arc_db *db, const arc_invoice_opts *opts)
{
    struct arc_invoice invoice = { 0 };
    struct arc_invoice_line *lines = NULL;
    struct arc_line_texts *texts = NULL;
    const char *label;
    int rc;

    ARC_CHECK_DB(db);
    rc = check_invoice_opts(opts);
    if (rc != ARC_OK)
        return rc;
    label = opts->number ? opts->number : "invoice";

    rc = check_date(label, "issue_date", opts->issue_date);
    if (rc == ARC_OK)
        rc = check_date(label, "due_date", opts->due_date);
    if (rc == ARC_OK && opts->line_count > 0) {
        lines = calloc(opts->line_count, sizeof(*lines));
        texts = calloc(opts->line_count, sizeof(*texts));
        if (lines == NULL || texts == NULL)
            rc = arc_fail(ARC_ENOMEM, "%s: out of memory", label);
    }
    if (rc == ARC_OK)
        rc = build_lines(&invoice, lines, texts, opts, label);

    invoice.customer_id = opts->customer_id;
    invoice.status = ARC_INVOICE_DRAFT;
    invoice.issue_date = opts->issue_date;
    invoice.due_date = opts->due_date;
    invoice.due_date_given = opts->due_date != ARC_DATE_NONE;
    invoice.memo = (char *)opts->memo;
    invoice.closed_on = ARC_DATE_NONE;
    invoice.created_at = invoice.updated_at = arc_db_now(db);

    if (rc == ARC_OK)
        rc = arc_write_begin_checked(db);
    if (rc == ARC_OK)
        rc = arc_write_end(db, create_in_scope(db, &invoice, opts));
    if (rc == ARC_OK && out != NULL)
        *out = invoice.id;
    free(lines);
    free(texts);
    return rc;
}

/* Load an invoice inside a write scope, with its lines when asked. */
static int load(arc_db *db, arc_id invoice_id, bool with_lines, struct arc_invoice *out)
{
    return db->ops->invoice_get(db->store, invoice_id, with_lines, out);
}

static int add_line_in_scope(arc_db *db, arc_id invoice_id,
                             const arc_invoice_line_opts *opts)
{
    struct arc_invoice invoice = { 0 };
    struct arc_invoice_line line;
    struct arc_line_texts texts;
    int rc = load(db, invoice_id, true, &invoice);

    if (rc != ARC_OK)
        return rc;
    if (invoice.status != ARC_INVOICE_DRAFT)
        rc = arc_fail(ARC_ECONFLICT,
                      "invoice %s: lines can be added to drafts only, it is %s",
                      invoice.number, arc_invoice_status_name(invoice.status));
    else if (invoice.line_count >= ARC_INVOICE_MAX_LINES)
        rc = arc_fail(ARC_ECONFLICT, "invoice %s: already has %d lines", invoice.number,
                      ARC_INVOICE_MAX_LINES);
    if (rc == ARC_OK)
        rc = arc_invoice_line_build(&line, &texts, opts, (int)invoice.line_count + 1,
                                    invoice.number);
    if (rc == ARC_OK)
        rc = arc_invoice_add_to_totals(&invoice, &line, invoice.number);
    if (rc == ARC_OK)
        rc = db->ops->invoice_line_insert(db->store, invoice.id, &line);
    if (rc == ARC_OK) {
        invoice.updated_at = arc_db_now(db);
        rc = db->ops->invoice_update(db->store, &invoice);
    }
    if (rc == ARC_OK)
        rc = emit_invoice_event(db, &invoice, ARC_EVENT_INVOICE_LINE_ADDED,
                                line.net + line.tax);
    arc_invoice_clear(&invoice);
    return rc;
}

int arc_invoice_add_line(arc_db *db, arc_id invoice_id, const arc_invoice_line_opts *line)
{
    int rc;

    ARC_CHECK_DB(db);
    if (line == NULL)
        return arc_fail(ARC_EINVAL, "invoice %lld: line: must not be NULL",
                        (long long)invoice_id);
    rc = arc_write_begin(db);
    if (rc != ARC_OK)
        return rc;
    return arc_write_end(db, add_line_in_scope(db, invoice_id, line));
}

static int issue_in_scope(arc_db *db, arc_id invoice_id, arc_date issue_date)
{
    struct arc_customer_terms customer;
    struct arc_invoice invoice = { 0 };
    int rc = load(db, invoice_id, true, &invoice);

    if (rc != ARC_OK)
        return rc;
    if (invoice.status != ARC_INVOICE_DRAFT)
        rc = arc_fail(ARC_ECONFLICT, "invoice %s: only a draft can be issued, it is %s",
                      invoice.number, arc_invoice_status_name(invoice.status));
    if (rc == ARC_OK)
        rc = arc_store_customer_terms(db, invoice.customer_id, &customer);
    if (rc == ARC_OK)
        rc = issue(db, &invoice, &customer, issue_date);
    if (rc == ARC_OK) {
        invoice.updated_at = arc_db_now(db);
        rc = db->ops->invoice_update(db->store, &invoice);
    }
    if (rc == ARC_OK)
        rc = emit_invoice_event(db, &invoice, ARC_EVENT_INVOICE_ISSUED, invoice.total);
    arc_invoice_clear(&invoice);
    return rc;
}

int arc_invoice_issue(arc_db *db, arc_id invoice_id, arc_date issue_date)
{
    int rc;

    ARC_CHECK_DB(db);
    rc = check_date("invoice", "issue_date", issue_date);
    if (rc != ARC_OK)
        return rc;
    rc = arc_write_begin(db);
    if (rc != ARC_OK)
        return rc;
    return arc_write_end(db, issue_in_scope(db, invoice_id, issue_date));
}

static int delete_in_scope(arc_db *db, arc_id invoice_id)
{
    struct arc_invoice invoice = { 0 };
    int rc = load(db, invoice_id, false, &invoice);

    if (rc == ARC_OK && invoice.status != ARC_INVOICE_DRAFT)
        rc = arc_fail(ARC_ECONFLICT,
                      "invoice %s: only a draft can be deleted, it is %s;"
                      " void it instead",
                      invoice.number, arc_invoice_status_name(invoice.status));
    if (rc == ARC_OK)
        rc = db->ops->invoice_delete(db->store, invoice_id);
    if (rc == ARC_OK)
        rc = emit_invoice_event(db, &invoice, ARC_EVENT_INVOICE_DELETED, 0);
    arc_invoice_clear(&invoice);
    return rc;
}

int arc_invoice_delete(arc_db *db, arc_id invoice_id)
{
    int rc;

    ARC_CHECK_DB(db);
    rc = arc_write_begin(db);
    if (rc != ARC_OK)
        return rc;
    return arc_write_end(db, delete_in_scope(db, invoice_id));
}

/* Why an invoice cannot be closed by @p kind, or NULL when it can. */
static const char *close_refusal(const struct arc_invoice *invoice,
                                 arc_application_kind kind)
{
    if (invoice->status == ARC_INVOICE_DRAFT)
        return "it is a draft; delete it instead";
    if (invoice->status == ARC_INVOICE_VOID)
        return "it is already void";
    if (invoice->status == ARC_INVOICE_WRITTEN_OFF)
        return "it is already written off";
    if (kind == ARC_APPLICATION_VOID && invoice->paid > 0)
        return "payments or credits are applied to it; reverse them first";
    if (kind == ARC_APPLICATION_WRITE_OFF && invoice->status == ARC_INVOICE_PAID)
        return "it is paid";
    return NULL;
}

static int close_in_scope(arc_db *db, arc_id invoice_id, arc_application_kind kind,
                          arc_date on, const char *reason)
{
    const char *verb = kind == ARC_APPLICATION_VOID ? "void" : "write off";
    struct arc_invoice invoice = { 0 };
    const char *refusal;
    int rc = load(db, invoice_id, false, &invoice);

    if (rc != ARC_OK)
        return rc;
    refusal = close_refusal(&invoice, kind);
    if (refusal != NULL)
        rc = arc_fail(ARC_ECONFLICT, "invoice %s: cannot %s: %s", invoice.number, verb,
                      refusal);
    else if (on < invoice.issue_date)
        rc = arc_fail(ARC_EINVAL, "invoice %s: cannot %s before its issue date",
                      invoice.number, verb);
    if (rc == ARC_OK) {
        free(invoice.close_reason);
        invoice.close_reason = arc_strdup(reason);
        if (reason != NULL && invoice.close_reason == NULL)
            rc = arc_fail(ARC_ENOMEM, "invoice %s: out of memory", invoice.number);
    }
    if (rc == ARC_OK) {
        int64_t amount = invoice.balance;

        rc = arc_settle_close_invoice(db, &invoice, kind, on);
        if (rc == ARC_OK)
            rc = emit_invoice_event(db, &invoice,
                                    kind == ARC_APPLICATION_VOID
                                        ? ARC_EVENT_INVOICE_VOIDED
                                        : ARC_EVENT_INVOICE_WRITTEN_OFF,
                                    amount);
    }
    arc_invoice_clear(&invoice);
    return rc;
}

static int close_invoice(arc_db *db, arc_id invoice_id, arc_application_kind kind,
                         arc_date on, const char *reason)
{
    int rc;

    ARC_CHECK_DB(db);
    rc = check_date("invoice", "date", on);
    if (rc == ARC_OK)
        rc = arc_check_text("invoice", "reason", reason, REASON_MAX, false);
    if (rc != ARC_OK)
        return rc;

    rc = arc_write_begin(db);
    if (rc != ARC_OK)
        return rc;
    rc = close_in_scope(db, invoice_id, kind, arc_date_or_today(db, on), reason);
    return arc_write_end(db, rc);
}

int arc_invoice_void(arc_db *db, arc_id invoice_id, arc_date void_date,
                     const char *reason)
{
    return close_invoice(db, invoice_id, ARC_APPLICATION_VOID, void_date, reason);
}

int arc_invoice_write_off(arc_db *db, arc_id invoice_id, arc_date date,
                          const char *reason)
{
    return close_invoice(db, invoice_id, ARC_APPLICATION_WRITE_OFF, date, reason);
}
