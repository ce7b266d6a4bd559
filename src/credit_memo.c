/*
 * Credit memos: creation, application and voiding.
 */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "numbering.h"
#include "credit_source.h"
#include "util.h"

#define NUMBER_MAX             64
#define REASON_MAX             1000
#define GENERATED_NUMBER_TRIES 1000

static int check_memo_opts(const arc_credit_memo_opts *opts)
{
    int rc;

    if (opts == NULL)
        return arc_fail(ARC_EINVAL, "credit memo: options must not be NULL");
    if (opts->version != ARC_CREDIT_MEMO_OPTS_VERSION)
        return arc_fail(ARC_EVERSION, "credit memo options: version %u is not supported",
                        opts->version);
    if (opts->amount <= 0)
        return arc_fail(ARC_EINVAL, "credit memo: amount: must be positive, not %lld",
                        (long long)opts->amount);
    if (opts->currency != NULL && arc_currency_lookup(NULL, opts->currency) != ARC_OK)
        return arc_fail_context(ARC_EINVAL, "credit memo: ");
    if (opts->issue_date != ARC_DATE_NONE &&
        arc_date_to_ymd(NULL, NULL, NULL, opts->issue_date) != ARC_OK)
        return arc_fail(ARC_EINVAL, "credit memo: issue_date: not a valid date");
    if (opts->number != NULL) {
        rc = arc_check_text("credit memo", "number", opts->number, NUMBER_MAX, true);
        if (rc != ARC_OK)
            return rc;
    }
    return arc_check_text("credit memo", "reason", opts->reason, REASON_MAX, false);
}

static int insert_numbered(arc_db *db, struct arc_credit_memo *memo)
{
    char number[ARC_NUMBER_BUFSIZE];
    int rc;

    if (memo->number != NULL)
        return db->ops->credit_memo_insert(db->store, memo);

    for (int attempt = 0; attempt < GENERATED_NUMBER_TRIES; attempt++) {
        rc = arc_numbering_take(db, ARC_SEQUENCE_CREDIT_MEMO, number, sizeof(number));
        if (rc != ARC_OK)
            return rc;
        memo->number = number;
        rc = db->ops->credit_memo_insert(db->store, memo);
        memo->number = NULL;
        if (rc != ARC_EEXISTS)
            return rc;
    }
    return arc_fail(ARC_EEXISTS, "credit memo: no free number after %d tries",
                    GENERATED_NUMBER_TRIES);
}

/* Apply as much of a new memo as the named invoice owes. */
static int apply_to_invoice(arc_db *db, struct arc_credit_memo *memo, arc_id invoice_id)
{
    struct arc_invoice invoice = { 0 };
    struct arc_credit_source source;
    int64_t amount;
    int rc = db->ops->invoice_get(db->store, invoice_id, false, &invoice);

    if (rc != ARC_OK)
        return arc_fail_context(rc, "credit memo: ");
    amount = invoice.balance < memo->amount ? invoice.balance : memo->amount;
    arc_invoice_clear(&invoice);

    arc_credit_source_of_memo(&source, memo);
    rc = arc_settle_apply(db, &source, invoice_id, amount, ARC_DATE_NONE);
    memo->applied = source.applied;
    if (rc == ARC_OK)
        rc = db->ops->credit_memo_update(db->store, memo);
    return rc;
}

static int emit_created(arc_db *db, const struct arc_credit_memo *memo)
{
    struct arc_event event =
        arc_event_about(ARC_EVENT_CREDIT_MEMO_CREATED, memo->id, memo->customer_id);

    arc_event_set_amount(&event, memo->amount, memo->currency);
    return arc_event_emit(db, &event);
}

int arc_credit_memo_create_in_scope(arc_db *db, struct arc_credit_memo *memo,
                                    arc_id invoice_id)
{
    struct arc_customer_terms customer;
    int rc = arc_store_customer_terms(db, memo->customer_id, &customer);

    if (rc != ARC_OK)
        return arc_fail_context(rc, "credit memo: ");
    if (memo->currency[0] == '\0')
        memcpy(memo->currency, customer.currency, 4);

    rc = insert_numbered(db, memo);
    if (rc == ARC_OK)
        rc = emit_created(db, memo);
    if (rc == ARC_OK && invoice_id != 0)
        rc = apply_to_invoice(db, memo, invoice_id);
    return rc;
}

int arc_credit_memo_create(arc_id *out, arc_db *db, const arc_credit_memo_opts *opts)
{
    struct arc_credit_memo memo = { 0 };
    int rc;

    ARC_CHECK_DB(db);
    rc = check_memo_opts(opts);
    if (rc != ARC_OK)
        return rc;

    /* The record borrows the caller's strings. */
    memo.number = (char *)opts->number;
    memo.customer_id = opts->customer_id;
    memo.amount = opts->amount;
    if (opts->currency != NULL)
        memcpy(memo.currency, opts->currency, 4);
    memo.issue_date = arc_date_or_today(db, opts->issue_date);
    memo.reason = (char *)opts->reason;
    memo.voided_on = ARC_DATE_NONE;
    memo.created_at = arc_db_now(db);

    rc = arc_write_begin(db);
    if (rc != ARC_OK)
        return rc;
    rc = arc_write_end(db, arc_credit_memo_create_in_scope(db, &memo, opts->invoice_id));
    if (rc == ARC_OK && out != NULL)
        *out = memo.id;
    return rc;
}

int arc_credit_memo_apply(arc_db *db, arc_id credit_memo_id, arc_id invoice_id,
                          int64_t amount, arc_date applied_on)
{
    return arc_credit_source_apply(db, ARC_APPLICATION_CREDIT_MEMO, credit_memo_id,
                                   invoice_id, amount, applied_on);
}

int arc_credit_memo_apply_auto(int64_t *applied, arc_db *db, arc_id credit_memo_id)
{
    return arc_credit_source_apply_auto(applied, db, ARC_APPLICATION_CREDIT_MEMO,
                                        credit_memo_id);
}

int arc_credit_memo_void(arc_db *db, arc_id credit_memo_id, arc_date void_date,
                         const char *reason)
{
    return arc_credit_source_withdraw(db, ARC_APPLICATION_CREDIT_MEMO, credit_memo_id,
                                      void_date, reason);
}
