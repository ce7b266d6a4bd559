/*
 * Disputes: opening them, their state machine, and the money side of their
 * resolution (a credit memo or a write-off on the invoice).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispute_internal.h"
#include "error.h"
#include "invoice_internal.h"
#include "settlement.h"
#include "util.h"

/* "12.50 USD", for messages. */
const char *arc_dispute_money_text(char *buf, int64_t amount, const char *currency)
{
    char number[ARC_MONEY_BUFSIZE];

    if (arc_money_format(number, sizeof(number), amount, currency) != ARC_OK)
        snprintf(number, sizeof(number), "%lld", (long long)amount);
    snprintf(buf, ARC_MONEY_BUFSIZE + 4, "%s %s", number, currency);
    return buf;
}

static int check_lines(const arc_dispute_opts *opts)
{
    if (opts->line_count > ARC_DISPUTE_MAX_LINES)
        return arc_fail(ARC_EINVAL, "dispute: line_count: at most %d, not %zu",
                        ARC_DISPUTE_MAX_LINES, opts->line_count);
    if (opts->line_count > 0 && opts->lines == NULL)
        return arc_fail(ARC_EINVAL, "dispute: lines: NULL with line_count %zu",
                        opts->line_count);
    return ARC_OK;
}

static int check_opts(const arc_dispute_opts *opts)
{
    int rc;

    if (opts == NULL)
        return arc_fail(ARC_EINVAL, "dispute: options must not be NULL");
    if (opts->version != ARC_DISPUTE_OPTS_VERSION)
        return arc_fail(ARC_EVERSION, "dispute options: version %u is not supported",
                        opts->version);
    if (opts->amount <= 0)
        return arc_fail(ARC_EINVAL, "dispute: amount: must be positive, not %lld",
                        (long long)opts->amount);
    if (opts->reason_code == NULL)
        return arc_fail(ARC_EINVAL, "dispute: reason_code: required");
    if (opts->due_date != ARC_DATE_NONE &&
        arc_date_to_ymd(NULL, NULL, NULL, opts->due_date) != ARC_OK)
        return arc_fail(ARC_EINVAL, "dispute: due_date: not a valid date");

    rc = arc_check_text("dispute", "opened_by", opts->opened_by, PERSON_MAX, true);
    if (rc == ARC_OK)
        rc = arc_check_text("dispute", "owner", opts->owner, PERSON_MAX, false);
    if (rc == ARC_OK)
        rc = arc_check_text("dispute", "description", opts->description, TEXT_MAX, false);
    if (rc == ARC_OK)
        rc = check_lines(opts);
    return rc;
}

/* The reason code must be in the catalog and active. */
static int check_reason_code(arc_db *db, const char *code)
{
    struct arc_reason_code reason = { 0 };
    int rc = db->ops->reason_code_get(db->store, code, &reason);

    if (rc == ARC_ENOTFOUND)
        return arc_fail(ARC_EINVAL, "dispute: reason_code: %s is not in the catalog",
                        code);
    if (rc == ARC_OK && !reason.active)
        rc = arc_fail(ARC_EINVAL, "dispute: reason_code: %s is inactive", code);
    arc_reason_code_clear(&reason);
    return rc;
}

/* The dispute's amount must fit in what the invoice owes less its other
 * open disputes. @p dispute_id is 0 for a new dispute. */
int arc_dispute_check_fits(arc_db *db, const struct arc_invoice *invoice,
                           arc_id dispute_id, int64_t amount)
{
    char asked[ARC_MONEY_BUFSIZE + 4], left[ARC_MONEY_BUFSIZE + 4];
    int64_t disputed = 0;
    int rc =
        arc_store_sum_open_disputes_of_invoice(db, invoice->id, dispute_id, &disputed);

    if (rc != ARC_OK || amount <= invoice->balance - disputed)
        return rc;
    return arc_fail(
        ARC_ECONFLICT,
        "dispute: amount %s is more than invoice %s has left to dispute (%s)",
        arc_dispute_money_text(asked, amount, invoice->currency), invoice->number,
        arc_dispute_money_text(left, invoice->balance - disputed, invoice->currency));
}

static int cmp_int(const void *a, const void *b)
{
    int left = *(const int *)a, right = *(const int *)b;

    return (left > right) - (left < right);
}

/* Copy the named lines, sorted, checking each against the invoice. */
static int copy_lines(struct arc_dispute *dispute, const arc_dispute_opts *opts,
                      const struct arc_invoice *invoice)
{
    if (opts->line_count == 0)
        return ARC_OK;
    dispute->lines = malloc(opts->line_count * sizeof(int));
    if (dispute->lines == NULL)
        return arc_fail(ARC_ENOMEM, "dispute: out of memory");
    memcpy(dispute->lines, opts->lines, opts->line_count * sizeof(int));
    dispute->line_count = opts->line_count;
    qsort(dispute->lines, dispute->line_count, sizeof(int), cmp_int);

    for (size_t i = 0; i < dispute->line_count; i++) {
        int line = dispute->lines[i];

        if (line < 1 || (size_t)line > invoice->line_count)
            return arc_fail(ARC_EINVAL, "dispute: lines: invoice %s has no line %d",
                            invoice->number, line);
        if (i > 0 && dispute->lines[i - 1] == line)
            return arc_fail(ARC_EINVAL, "dispute: lines: line %d is named twice", line);
    }
    return ARC_OK;
}

int arc_dispute_check_disputable(const struct arc_invoice *invoice)
{
    if (arc_invoice_is_payable(invoice->status))
        return ARC_OK;
    return arc_fail(ARC_ECONFLICT, "dispute: invoice %s is %s and cannot be disputed",
                    invoice->number, arc_invoice_status_name(invoice->status));
}

static int fill_new(arc_db *db, struct arc_dispute *dispute, const arc_dispute_opts *opts,
                    const struct arc_invoice *invoice)
{
    const char *owner = opts->owner && *opts->owner ? opts->owner : opts->opened_by;

    dispute->invoice_id = invoice->id;
    dispute->customer_id = invoice->customer_id;
    memcpy(dispute->currency, invoice->currency, sizeof(dispute->currency));
    dispute->amount = opts->amount;
    dispute->status = ARC_DISPUTE_OPEN;
    dispute->outcome = ARC_DISPUTE_UNRESOLVED;
    dispute->due_date = opts->due_date;
    dispute->resolved_on = ARC_DATE_NONE;
    dispute->overdue_alerted_for = ARC_DATE_NONE;
    dispute->opened_at = dispute->status_changed_at = dispute->updated_at =
        arc_db_now(db);

    dispute->reason_code = arc_strdup(opts->reason_code);
    dispute->opened_by = arc_strdup(opts->opened_by);
    dispute->owner = arc_strdup(owner);
    dispute->description =
        opts->description && *opts->description ? arc_strdup(opts->description) : NULL;
    if (!dispute->reason_code || !dispute->opened_by || !dispute->owner ||
        (opts->description && *opts->description && !dispute->description))
        return arc_fail(ARC_ENOMEM, "dispute: out of memory");
    return copy_lines(dispute, opts, invoice);
}

/* The description is the dispute's first note: an internal note by whoever
 * opened it, linked to the invoice and the dispute, so that it is in their
 * timelines and found by search. */
static int record_first_note(arc_db *db, const struct arc_dispute *dispute)
{
    arc_communication_opts note = ARC_COMMUNICATION_OPTS_INIT;
    arc_id communication_id = 0;

    if (dispute->description == NULL)
        return ARC_OK;
    note.customer_id = dispute->customer_id;
    note.channel = ARC_CHANNEL_NOTE;
    note.direction = ARC_DIRECTION_INTERNAL;
    note.user = dispute->opened_by;
    note.subject = "Dispute opened";
    note.body = dispute->description;
    note.invoice_ids = &dispute->invoice_id;
    note.invoice_count = 1;
    note.dispute_id = dispute->id;
    return arc_communication_record_in_scope(db, &note, &communication_id);
}

static int open_in_scope(arc_db *db, const arc_dispute_opts *opts, arc_id *out)
{
    struct arc_dispute dispute = { 0 };
    struct arc_invoice invoice = { 0 };
    int rc = db->ops->invoice_get(db->store, opts->invoice_id, true, &invoice);

    if (rc != ARC_OK)
        return arc_fail_context(rc, "dispute: ");
    rc = arc_dispute_check_disputable(&invoice);
    if (rc == ARC_OK)
        rc = check_reason_code(db, opts->reason_code);
    if (rc == ARC_OK)
        rc = arc_dispute_check_fits(db, &invoice, 0, opts->amount);
    if (rc == ARC_OK)
        rc = fill_new(db, &dispute, opts, &invoice);
    if (rc == ARC_OK)
        rc = db->ops->dispute_insert(db->store, &dispute);
    if (rc == ARC_OK)
        rc = arc_dispute_emit(db, &dispute, ARC_EVENT_DISPUTE_OPENED, dispute.opened_by);
    if (rc == ARC_OK)
        rc = record_first_note(db, &dispute);
    if (rc == ARC_OK)
        *out = dispute.id;
    arc_dispute_clear(&dispute);
    arc_invoice_clear(&invoice);
    return rc;
}

int arc_dispute_open(arc_id *out, arc_db *db, const arc_dispute_opts *opts)
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
    rc = arc_write_end(db, open_in_scope(db, opts, &id));
    if (rc == ARC_OK && out != NULL)
        *out = id;
    return rc;
}

/*
 * Every other call loads a dispute, changes it with a step function, and
 * stores it, in one write scope.
 */
int arc_dispute_emit(arc_db *db, const struct arc_dispute *dispute, arc_event_kind kind,
                     const char *actor)
{
    struct arc_event event = arc_event_about(kind, dispute->id, dispute->customer_id);
    char detail[64];

    event.invoice_id = dispute->invoice_id;
    event.dispute_id = dispute->id;
    event.actor = (char *)actor;
    if (kind == ARC_EVENT_DISPUTE_OPENED) {
        arc_event_set_amount(&event, dispute->amount, dispute->currency);
        event.detail = dispute->reason_code;
    } else if (kind == ARC_EVENT_DISPUTE_ESCALATED) {
        snprintf(detail, sizeof(detail), "level %d", dispute->escalation_level);
        event.detail = detail;
    } else if (kind == ARC_EVENT_DISPUTE_RESOLVED) {
        arc_event_set_amount(&event, dispute->resolved_amount, dispute->currency);
        event.detail = (char *)arc_dispute_outcome_name(dispute->outcome);
    } else if (kind == ARC_EVENT_DISPUTE_REOPENED) {
        event.detail = dispute->reopen_reason;
    }
    return arc_event_emit(db, &event);
}

int arc_dispute_change(arc_db *db, arc_id id, dispute_step step, const void *arg,
                       arc_event_kind kind, const char *actor)
{
    struct arc_dispute dispute = { 0 };
    int rc;

    rc = arc_write_begin(db);
    if (rc != ARC_OK)
        return rc;
    rc = db->ops->dispute_get(db->store, id, &dispute);
    if (rc == ARC_OK)
        rc = step(db, &dispute, arg);
    if (rc == ARC_OK) {
        dispute.updated_at = arc_db_now(db);
        rc = db->ops->dispute_update(db->store, &dispute);
    }
    if (rc == ARC_OK)
        rc = arc_dispute_emit(db, &dispute, kind, actor);
    arc_dispute_clear(&dispute);
    return arc_write_end(db, rc);
}

void arc_dispute_enter(arc_db *db, struct arc_dispute *dispute, arc_dispute_status status)
{
    dispute->status = status;
    dispute->status_changed_at = arc_db_now(db);
    dispute->state_seq++;
}

int arc_dispute_refuse(const struct arc_dispute *dispute, const char *verb,
                       const char *allowed)
{
    return arc_fail(ARC_ECONFLICT, "dispute %lld: cannot %s: it is %s (%s)",
                    (long long)dispute->id, verb,
                    arc_dispute_status_name(dispute->status), allowed);
}

static int review_step(arc_db *db, struct arc_dispute *dispute, const void *arg)
{
    (void)arg;
    if (dispute->status != ARC_DISPUTE_OPEN && dispute->status != ARC_DISPUTE_REOPENED)
        return arc_dispute_refuse(dispute, "move to in_review",
                                  "only open or reopened disputes can be reviewed");
    arc_dispute_enter(db, dispute, ARC_DISPUTE_IN_REVIEW);
    return ARC_OK;
}

static int escalate_step(arc_db *db, struct arc_dispute *dispute, const void *arg)
{
    (void)arg;
    if (dispute->status == ARC_DISPUTE_RESOLVED)
        return arc_dispute_refuse(dispute, "move to escalated", "reopen it first");
    dispute->escalation_level++;
    arc_dispute_enter(db, dispute, ARC_DISPUTE_ESCALATED);
    return ARC_OK;
}

int arc_dispute_check_actor(arc_id id, const char *actor)
{
    if (actor == NULL || *actor == '\0')
        return arc_fail(ARC_EINVAL, "dispute %lld: actor: required", (long long)id);
    return arc_check_text("dispute", "actor", actor, PERSON_MAX, true);
}

int arc_dispute_review(arc_db *db, arc_id id, const char *actor)
{
    int rc;

    ARC_CHECK_DB(db);
    rc = arc_dispute_check_actor(id, actor);
    if (rc != ARC_OK)
        return rc;
    return arc_dispute_change(db, id, review_step, NULL, ARC_EVENT_DISPUTE_REVIEWED,
                              actor);
}

int arc_dispute_escalate(arc_db *db, arc_id id, const char *actor)
{
    int rc;

    ARC_CHECK_DB(db);
    rc = arc_dispute_check_actor(id, actor);
    if (rc != ARC_OK)
        return rc;
    return arc_dispute_change(db, id, escalate_step, NULL, ARC_EVENT_DISPUTE_ESCALATED,
                              actor);
}

struct update_args {
    const arc_dispute_opts *opts;
    unsigned int fields;
};

int arc_dispute_replace_text(char **slot, const char *value)
{
    char *copy = value && *value ? arc_strdup(value) : NULL;

    if (value && *value && copy == NULL)
        return arc_fail(ARC_ENOMEM, "dispute: out of memory");
    free(*slot);
    *slot = copy;
    return ARC_OK;
}

static int update_amount(arc_db *db, struct arc_dispute *dispute, int64_t amount)
{
    struct arc_invoice invoice = { 0 };
    int rc = db->ops->invoice_get(db->store, dispute->invoice_id, false, &invoice);

    if (rc == ARC_OK)
        rc = arc_dispute_check_fits(db, &invoice, dispute->id, amount);
    if (rc == ARC_OK)
        dispute->amount = amount;
    arc_invoice_clear(&invoice);
    return rc;
}

static int update_step(arc_db *db, struct arc_dispute *dispute, const void *arg)
{
    const struct update_args *args = arg;
    const arc_dispute_opts *opts = args->opts;
    int rc = ARC_OK;

    if (dispute->status == ARC_DISPUTE_RESOLVED)
        return arc_dispute_refuse(dispute, "change", "reopen it first");
    if (args->fields & ARC_DISPUTE_FIELD_OWNER)
        rc = arc_dispute_replace_text(&dispute->owner, opts->owner && *opts->owner
                                                           ? opts->owner
                                                           : dispute->opened_by);
    if (rc == ARC_OK && (args->fields & ARC_DISPUTE_FIELD_DESCRIPTION))
        rc = arc_dispute_replace_text(&dispute->description, opts->description);
    if (rc == ARC_OK && (args->fields & ARC_DISPUTE_FIELD_REASON_CODE))
        rc = check_reason_code(db, opts->reason_code);
    if (rc == ARC_OK && (args->fields & ARC_DISPUTE_FIELD_REASON_CODE))
        rc = arc_dispute_replace_text(&dispute->reason_code, opts->reason_code);
    if (rc == ARC_OK && (args->fields & ARC_DISPUTE_FIELD_AMOUNT))
        rc = update_amount(db, dispute, opts->amount);
    if (rc == ARC_OK && (args->fields & ARC_DISPUTE_FIELD_DUE_DATE))
        dispute->due_date = opts->due_date;
    return rc;
}

static int check_update(const arc_dispute_opts *opts, unsigned int fields)
{
    const unsigned int known = ARC_DISPUTE_FIELD_OWNER | ARC_DISPUTE_FIELD_DUE_DATE |
                               ARC_DISPUTE_FIELD_AMOUNT | ARC_DISPUTE_FIELD_REASON_CODE |
                               ARC_DISPUTE_FIELD_DESCRIPTION;
    int rc = ARC_OK;

    if (opts == NULL)
        return arc_fail(ARC_EINVAL, "dispute: options must not be NULL");
    if (opts->version != ARC_DISPUTE_OPTS_VERSION)
        return arc_fail(ARC_EVERSION, "dispute options: version %u is not supported",
                        opts->version);
    if (fields & ~known)
        return arc_fail(ARC_EINVAL, "dispute: fields: unknown bits 0x%x",
                        fields & ~known);
    if ((fields & ARC_DISPUTE_FIELD_AMOUNT) && opts->amount <= 0)
        return arc_fail(ARC_EINVAL, "dispute: amount: must be positive");
    if ((fields & ARC_DISPUTE_FIELD_REASON_CODE) && opts->reason_code == NULL)
        return arc_fail(ARC_EINVAL, "dispute: reason_code: required");
    if ((fields & ARC_DISPUTE_FIELD_DUE_DATE) && opts->due_date != ARC_DATE_NONE &&
        arc_date_to_ymd(NULL, NULL, NULL, opts->due_date) != ARC_OK)
        return arc_fail(ARC_EINVAL, "dispute: due_date: not a valid date");
    if (fields & ARC_DISPUTE_FIELD_OWNER)
        rc = arc_check_text("dispute", "owner", opts->owner, PERSON_MAX, false);
    if (rc == ARC_OK && (fields & ARC_DISPUTE_FIELD_DESCRIPTION))
        rc = arc_check_text("dispute", "description", opts->description, TEXT_MAX, false);
    return rc;
}

int arc_dispute_update(arc_db *db, arc_id id, const arc_dispute_opts *opts,
                       unsigned int fields)
{
    struct update_args args = { opts, fields };
    int rc;

    ARC_CHECK_DB(db);
    rc = check_update(opts, fields);
    if (rc != ARC_OK)
        return rc;
    return arc_dispute_change(db, id, update_step, &args, ARC_EVENT_DISPUTE_UPDATED,
                              NULL);
}
