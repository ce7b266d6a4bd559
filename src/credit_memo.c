/*
 * Credit memos: creation, application and voiding.
 */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "numbering.h"
#include "settlement.h"
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

static void source_of(struct arc_credit_source *source,
                      const struct arc_credit_memo *memo)
{
    source->kind = ARC_APPLICATION_CREDIT_MEMO;
    source->id = memo->id;
    source->customer_id = memo->customer_id;
    source->currency = memo->currency;
    source->amount = memo->amount;
    source->applied = memo->applied;
    source->start = memo->issue_date;
    source->closed = memo->voided_on != ARC_DATE_NONE;
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

    source_of(&source, memo);
    rc = arc_settle_apply(db, &source, invoice_id, amount, ARC_DATE_NONE);
    memo->applied = source.applied;
    if (rc == ARC_OK)
        rc = db->ops->credit_memo_update(db->store, memo);
    return rc;
}

static int create_in_scope(arc_db *db, struct arc_credit_memo *memo, arc_id invoice_id)
{
    struct arc_customer_terms customer;
    int rc = db->ops->customer_terms(db->store, memo->customer_id, &customer);

    if (rc != ARC_OK)
        return arc_fail_context(rc, "credit memo: ");
    if (memo->currency[0] == '\0')
        memcpy(memo->currency, customer.currency, 4);

    rc = insert_numbered(db, memo);
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
    rc = arc_write_end(db, create_in_scope(db, &memo, opts->invoice_id));
    if (rc == ARC_OK && out != NULL)
        *out = memo.id;
    return rc;
}

int arc_credit_memo_apply(arc_db *db, arc_id credit_memo_id, arc_id invoice_id,
                          int64_t amount, arc_date applied_on)
{
    struct arc_credit_memo memo = { 0 };
    struct arc_credit_source source;
    int rc;

    ARC_CHECK_DB(db);
    if (applied_on != ARC_DATE_NONE &&
        arc_date_to_ymd(NULL, NULL, NULL, applied_on) != ARC_OK)
        return arc_fail(ARC_EINVAL, "credit memo %lld: applied_on: not a valid date",
                        (long long)credit_memo_id);
    rc = arc_write_begin_checked(db);
    if (rc != ARC_OK)
        return rc;

    rc = db->ops->credit_memo_get(db->store, credit_memo_id, &memo);
    if (rc == ARC_OK) {
        source_of(&source, &memo);
        rc = arc_settle_apply(db, &source, invoice_id, amount, applied_on);
    }
    if (rc == ARC_OK) {
        memo.applied = source.applied;
        rc = db->ops->credit_memo_update(db->store, &memo);
    }
    arc_credit_memo_clear(&memo);
    return arc_write_end(db, rc);
}

int arc_credit_memo_apply_auto(int64_t *applied, arc_db *db, arc_id credit_memo_id)
{
    struct arc_credit_memo memo = { 0 };
    struct arc_credit_source source;
    int64_t amount = 0;
    int rc;

    ARC_CHECK_DB(db);
    rc = arc_write_begin(db);
    if (rc != ARC_OK)
        return rc;

    rc = db->ops->credit_memo_get(db->store, credit_memo_id, &memo);
    if (rc == ARC_OK) {
        source_of(&source, &memo);
        rc = arc_settle_apply_auto(db, &source, &amount);
    }
    if (rc == ARC_OK && amount > 0) {
        memo.applied = source.applied;
        rc = db->ops->credit_memo_update(db->store, &memo);
    }
    arc_credit_memo_clear(&memo);
    rc = arc_write_end(db, rc);
    if (rc == ARC_OK && applied != NULL)
        *applied = amount;
    return rc;
}

static int void_in_scope(arc_db *db, arc_id credit_memo_id, arc_date on,
                         const char *reason)
{
    struct arc_credit_memo memo = { 0 };
    struct arc_credit_source source;
    int rc = db->ops->credit_memo_get(db->store, credit_memo_id, &memo);

    if (rc != ARC_OK)
        return rc;
    source_of(&source, &memo);
    if (source.closed)
        rc = arc_fail(ARC_ECONFLICT, "credit memo %s: already void", memo.number);
    else if (on < memo.issue_date)
        rc = arc_fail(ARC_EINVAL, "credit memo %s: void date before its issue date",
                      memo.number);
    if (rc == ARC_OK)
        rc = arc_settle_reverse_all(db, &source, on);

    if (rc == ARC_OK) {
        memo.applied = 0;
        memo.voided_on = on;
        free(memo.void_reason);
        memo.void_reason = arc_strdup(reason);
        if (reason != NULL && memo.void_reason == NULL)
            rc = arc_fail(ARC_ENOMEM, "credit memo %s: out of memory", memo.number);
    }
    if (rc == ARC_OK)
        rc = db->ops->credit_memo_update(db->store, &memo);
    arc_credit_memo_clear(&memo);
    return rc;
}

int arc_credit_memo_void(arc_db *db, arc_id credit_memo_id, arc_date void_date,
                         const char *reason)
{
    int rc;

    ARC_CHECK_DB(db);
    if (void_date != ARC_DATE_NONE &&
        arc_date_to_ymd(NULL, NULL, NULL, void_date) != ARC_OK)
        return arc_fail(ARC_EINVAL, "credit memo %lld: void_date: not a valid date",
                        (long long)credit_memo_id);
    rc = arc_check_text("credit memo", "reason", reason, REASON_MAX, false);
    if (rc != ARC_OK)
        return rc;

    rc = arc_write_begin(db);
    if (rc != ARC_OK)
        return rc;
    rc = void_in_scope(db, credit_memo_id, arc_date_or_today(db, void_date), reason);
    return arc_write_end(db, rc);
}
