/*
 * Disputes: resolving them (a credit memo or a write-off on the invoice for
 * the money outcomes) and reopening them.
 */
#include <stdio.h>
#include <string.h>

#include "credit_source.h"
#include "dispute_internal.h"
#include "error.h"
#include "invoice_internal.h"
#include "settlement.h"
#include "util.h"

/* What resolving and reopening need besides the dispute. */
struct resolve_args {
    const arc_dispute_resolution *resolution;
    arc_date on;
};

static int check_invoice_owes(const struct arc_invoice *invoice, int64_t amount,
                              const char *verb)
{
    char asked[ARC_MONEY_BUFSIZE + 4], owed[ARC_MONEY_BUFSIZE + 4];

    if (!arc_invoice_is_payable(invoice->status) || invoice->balance < amount)
        return arc_fail(
            ARC_ECONFLICT, "dispute: cannot %s %s: invoice %s owes %s", verb,
            arc_dispute_money_text(asked, amount, invoice->currency), invoice->number,
            arc_dispute_money_text(owed, invoice->balance, invoice->currency));
    return ARC_OK;
}

static int credit(arc_db *db, struct arc_dispute *dispute, int64_t amount, arc_date on)
{
    struct arc_credit_memo memo = { 0 };
    struct arc_invoice invoice = { 0 };
    char reason[96];
    int rc = db->ops->invoice_get(db->store, dispute->invoice_id, false, &invoice);

    if (rc == ARC_OK)
        rc = check_invoice_owes(&invoice, amount, "credit");
    arc_invoice_clear(&invoice);
    if (rc != ARC_OK)
        return rc;

    snprintf(reason, sizeof(reason), "dispute %lld: %s", (long long)dispute->id,
             dispute->reason_code);
    memo.customer_id = dispute->customer_id;
    memo.amount = amount;
    memcpy(memo.currency, dispute->currency, sizeof(memo.currency));
    memo.issue_date = on;
    memo.reason = reason;
    memo.voided_on = ARC_DATE_NONE;
    memo.created_at = arc_db_now(db);
    rc = arc_credit_memo_create_in_scope(db, &memo, dispute->invoice_id);
    if (rc == ARC_OK)
        dispute->credit_memo_id = memo.id;
    return rc;
}

static int write_off(arc_db *db, struct arc_dispute *dispute, int64_t amount, arc_date on)
{
    struct arc_invoice invoice = { 0 };
    int rc = db->ops->invoice_get(db->store, dispute->invoice_id, false, &invoice);

    if (rc == ARC_OK)
        rc = check_invoice_owes(&invoice, amount, "write off");
    if (rc == ARC_OK && on < invoice.issue_date)
        rc = arc_fail(ARC_EINVAL, "dispute %lld: date: before invoice %s was issued",
                      (long long)dispute->id, invoice.number);
    if (rc == ARC_OK)
        rc = arc_settle_write_off(db, &invoice, amount, on);
    arc_invoice_clear(&invoice);
    return rc;
}

static int resolve_step(arc_db *db, struct arc_dispute *dispute, const void *arg)
{
    const struct resolve_args *args = arg;
    const arc_dispute_resolution *resolution = args->resolution;
    int64_t amount = resolution->amount ? resolution->amount : dispute->amount;
    bool moves_money = resolution->outcome == ARC_DISPUTE_CREDITED ||
                       resolution->outcome == ARC_DISPUTE_WRITTEN_OFF;
    int rc = ARC_OK;

    if (dispute->status == ARC_DISPUTE_RESOLVED)
        return arc_dispute_refuse(dispute, "move to resolved", "it is already resolved");
    if (amount > dispute->amount)
        return arc_fail(ARC_EINVAL, "dispute %lld: amount: more than the %lld disputed",
                        (long long)dispute->id, (long long)dispute->amount);

    if (resolution->outcome == ARC_DISPUTE_CREDITED)
        rc = credit(db, dispute, amount, args->on);
    else if (resolution->outcome == ARC_DISPUTE_WRITTEN_OFF)
        rc = write_off(db, dispute, amount, args->on);
    if (rc != ARC_OK)
        return rc;

    arc_dispute_enter(db, dispute, ARC_DISPUTE_RESOLVED);
    dispute->outcome = resolution->outcome;
    dispute->resolved_on = args->on;
    dispute->resolved_amount = moves_money ? amount : 0;
    rc = arc_dispute_replace_text(&dispute->resolved_by, resolution->resolved_by);
    if (rc == ARC_OK)
        rc = arc_dispute_replace_text(&dispute->resolution_note, resolution->note);
    return rc;
}

static int check_resolution(arc_id id, const arc_dispute_resolution *resolution)
{
    int rc;

    if (resolution == NULL)
        return arc_fail(ARC_EINVAL, "dispute %lld: resolution must not be NULL",
                        (long long)id);
    if (resolution->version != ARC_DISPUTE_RESOLUTION_VERSION)
        return arc_fail(ARC_EVERSION, "dispute resolution: version %u is not supported",
                        resolution->version);
    if (resolution->outcome <= ARC_DISPUTE_UNRESOLVED ||
        arc_dispute_outcome_name(resolution->outcome) == NULL)
        return arc_fail(ARC_EINVAL, "dispute %lld: outcome: required", (long long)id);
    if (resolution->amount < 0)
        return arc_fail(ARC_EINVAL, "dispute %lld: amount: must not be negative",
                        (long long)id);
    if (resolution->date != ARC_DATE_NONE &&
        arc_date_to_ymd(NULL, NULL, NULL, resolution->date) != ARC_OK)
        return arc_fail(ARC_EINVAL, "dispute %lld: date: not a valid date",
                        (long long)id);

    rc = arc_check_text("dispute", "resolved_by", resolution->resolved_by, PERSON_MAX,
                        true);
    if (rc == ARC_OK)
        rc = arc_check_text("dispute", "note", resolution->note, TEXT_MAX, false);
    return rc;
}

int arc_dispute_resolve(arc_db *db, arc_id id, const arc_dispute_resolution *resolution)
{
    struct resolve_args args;
    int rc;

    ARC_CHECK_DB(db);
    rc = check_resolution(id, resolution);
    if (rc != ARC_OK)
        return rc;
    args.resolution = resolution;
    args.on = arc_date_or_today(db, resolution->date);
    return arc_dispute_change(db, id, resolve_step, &args, ARC_EVENT_DISPUTE_RESOLVED,
                              resolution->resolved_by);
}

static int reopen_step(arc_db *db, struct arc_dispute *dispute, const void *arg)
{
    struct arc_invoice invoice = { 0 };
    int rc;

    if (dispute->status != ARC_DISPUTE_RESOLVED)
        return arc_dispute_refuse(dispute, "move to reopened",
                                  "only resolved disputes can be reopened");
    if (dispute->outcome == ARC_DISPUTE_CREDITED ||
        dispute->outcome == ARC_DISPUTE_WRITTEN_OFF)
        return arc_fail(ARC_ECONFLICT,
                        "dispute %lld: cannot reopen: it was settled (%s); open a new"
                        " dispute instead",
                        (long long)dispute->id,
                        arc_dispute_outcome_name(dispute->outcome));

    rc = db->ops->invoice_get(db->store, dispute->invoice_id, false, &invoice);
    if (rc == ARC_OK)
        rc = arc_dispute_check_disputable(&invoice);
    if (rc == ARC_OK)
        rc = arc_dispute_check_fits(db, &invoice, dispute->id, dispute->amount);
    arc_invoice_clear(&invoice);
    if (rc != ARC_OK)
        return rc;

    arc_dispute_enter(db, dispute, ARC_DISPUTE_REOPENED);
    dispute->outcome = ARC_DISPUTE_UNRESOLVED;
    dispute->resolved_on = ARC_DATE_NONE;
    dispute->resolved_amount = 0;
    rc = arc_dispute_replace_text(&dispute->resolved_by, NULL);
    if (rc == ARC_OK)
        rc = arc_dispute_replace_text(&dispute->resolution_note, NULL);
    if (rc == ARC_OK)
        rc = arc_dispute_replace_text(&dispute->reopen_reason, arg);
    return rc;
}

int arc_dispute_reopen(arc_db *db, arc_id id, const char *actor, const char *reason)
{
    int rc;

    ARC_CHECK_DB(db);
    rc = arc_dispute_check_actor(id, actor);
    if (rc == ARC_OK)
        rc = arc_check_text("dispute", "reason", reason, TEXT_MAX, false);
    if (rc != ARC_OK)
        return rc;
    return arc_dispute_change(db, id, reopen_step, reason, ARC_EVENT_DISPUTE_REOPENED,
                              actor);
}
