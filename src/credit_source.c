/*
 * Payments and credit memos seen as one thing: a source of credit that is
 * applied to invoices, automatically or explicitly, and can be withdrawn
 * (a payment reversed, a memo voided). The public calls of payment.c and
 * credit_memo.c that do this are thin wrappers over the functions here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "credit_source.h"
#include "error.h"
#include "util.h"

#define REASON_MAX 1000

/* A loaded payment or credit memo, with its view as a credit source. */
struct source_record {
    struct arc_credit_source source;
    struct arc_payment payment;
    struct arc_credit_memo memo;
};

static const char *noun_of(arc_application_kind kind)
{
    return kind == ARC_APPLICATION_PAYMENT ? "payment" : "credit memo";
}

static int load(arc_db *db, arc_application_kind kind, arc_id id,
                struct source_record *out)
{
    int rc;

    memset(out, 0, sizeof(*out));
    if (kind == ARC_APPLICATION_PAYMENT) {
        rc = db->ops->payment_get(db->store, id, &out->payment);
        arc_credit_source_of_payment(&out->source, &out->payment);
    } else {
        rc = db->ops->credit_memo_get(db->store, id, &out->memo);
        arc_credit_source_of_memo(&out->source, &out->memo);
    }
    return rc;
}

/* How messages name a loaded source: "payment 12", "credit memo CM-000003". */
static const char *label(const struct source_record *record, char *buf, size_t size)
{
    if (record->source.kind == ARC_APPLICATION_PAYMENT)
        snprintf(buf, size, "payment %lld", (long long)record->payment.id);
    else
        snprintf(buf, size, "credit memo %s", record->memo.number);
    return buf;
}

/* Write back what settlement changes: the applied amount, and the closing
 * date and reason once withdrawn. */
static int store(arc_db *db, struct source_record *record)
{
    if (record->source.kind == ARC_APPLICATION_PAYMENT) {
        record->payment.applied = record->source.applied;
        return db->ops->payment_update(db->store, &record->payment);
    }
    record->memo.applied = record->source.applied;
    return db->ops->credit_memo_update(db->store, &record->memo);
}

static void clear(struct source_record *record)
{
    arc_payment_clear(&record->payment);
    arc_credit_memo_clear(&record->memo);
}

void arc_credit_source_of_payment(struct arc_credit_source *source,
                                  const struct arc_payment *payment)
{
    source->kind = ARC_APPLICATION_PAYMENT;
    source->id = payment->id;
    source->customer_id = payment->customer_id;
    source->currency = payment->currency;
    source->amount = payment->amount;
    source->applied = payment->applied;
    source->start = payment->received_on;
    source->closed = payment->reversed_on != ARC_DATE_NONE;
}

void arc_credit_source_of_memo(struct arc_credit_source *source,
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

int arc_credit_source_apply(arc_db *db, arc_application_kind kind, arc_id source_id,
                            arc_id invoice_id, int64_t amount, arc_date applied_on)
{
    struct source_record record;
    int rc;

    if (db == NULL)
        return arc_fail(ARC_EINVAL, "db: must not be NULL");
    if (applied_on != ARC_DATE_NONE &&
        arc_date_to_ymd(NULL, NULL, NULL, applied_on) != ARC_OK)
        return arc_fail(ARC_EINVAL, "%s %lld: applied_on: not a valid date",
                        noun_of(kind), (long long)source_id);
    rc = arc_write_begin_checked(db);
    if (rc != ARC_OK)
        return rc;

    rc = load(db, kind, source_id, &record);
    if (rc == ARC_OK)
        rc = arc_settle_apply(db, &record.source, invoice_id, amount, applied_on);
    if (rc == ARC_OK)
        rc = store(db, &record);
    clear(&record);
    return arc_write_end(db, rc);
}

int arc_credit_source_apply_auto(int64_t *applied, arc_db *db, arc_application_kind kind,
                                 arc_id source_id)
{
    struct source_record record;
    int64_t amount = 0;
    int rc;

    if (db == NULL)
        return arc_fail(ARC_EINVAL, "db: must not be NULL");
    rc = arc_write_begin(db);
    if (rc != ARC_OK)
        return rc;

    rc = load(db, kind, source_id, &record);
    if (rc == ARC_OK)
        rc = arc_settle_apply_auto(db, &record.source, &amount);
    if (rc == ARC_OK && amount > 0)
        rc = store(db, &record);
    clear(&record);
    rc = arc_write_end(db, rc);
    if (rc == ARC_OK && applied != NULL)
        *applied = amount;
    return rc;
}

/* Mark the loaded source withdrawn on @p on, for @p reason. */
static int close_record(struct source_record *record, arc_date on, const char *reason)
{
    char *copy = arc_strdup(reason);
    char **slot;

    if (reason != NULL && copy == NULL)
        return arc_fail(ARC_ENOMEM, "%s %lld: out of memory",
                        noun_of(record->source.kind), (long long)record->source.id);
    if (record->source.kind == ARC_APPLICATION_PAYMENT) {
        record->payment.reversed_on = on;
        slot = &record->payment.reversal_reason;
    } else {
        record->memo.voided_on = on;
        slot = &record->memo.void_reason;
    }
    free(*slot);
    *slot = copy;
    return ARC_OK;
}

/* The name of the withdrawal date in messages. */
static const char *date_field(arc_application_kind kind)
{
    return kind == ARC_APPLICATION_PAYMENT ? "reversed_on" : "void_date";
}

static int emit_withdrawn(arc_db *db, const struct arc_credit_source *source,
                          const char *reason)
{
    arc_event_kind kind = source->kind == ARC_APPLICATION_PAYMENT
                              ? ARC_EVENT_PAYMENT_REVERSED
                              : ARC_EVENT_CREDIT_MEMO_VOIDED;
    struct arc_event event = arc_event_about(kind, source->id, source->customer_id);

    arc_event_set_amount(&event, source->amount, source->currency);
    event.detail = (char *)reason;
    return arc_event_emit(db, &event);
}

static int withdraw_in_scope(arc_db *db, arc_application_kind kind, arc_id source_id,
                             arc_date on, const char *reason)
{
    bool is_payment = kind == ARC_APPLICATION_PAYMENT;
    struct source_record record;
    char name[96];
    int rc = load(db, kind, source_id, &record);

    if (rc == ARC_OK && record.source.closed)
        rc = arc_fail(ARC_ECONFLICT, "%s: already %s", label(&record, name, sizeof(name)),
                      is_payment ? "reversed" : "void");
    else if (rc == ARC_OK && on < record.source.start)
        rc = arc_fail(ARC_EINVAL, "%s: %s: before it was %s",
                      label(&record, name, sizeof(name)), date_field(kind),
                      is_payment ? "received" : "issued");
    if (rc == ARC_OK)
        rc = arc_settle_reverse_all(db, &record.source, on);
    if (rc == ARC_OK)
        rc = close_record(&record, on, reason);
    if (rc == ARC_OK)
        rc = store(db, &record);
    if (rc == ARC_OK)
        rc = emit_withdrawn(db, &record.source, reason);
    clear(&record);
    return rc;
}

int arc_credit_source_withdraw(arc_db *db, arc_application_kind kind, arc_id source_id,
                               arc_date on, const char *reason)
{
    int rc;

    if (db == NULL)
        return arc_fail(ARC_EINVAL, "db: must not be NULL");
    if (on != ARC_DATE_NONE && arc_date_to_ymd(NULL, NULL, NULL, on) != ARC_OK)
        return arc_fail(ARC_EINVAL, "%s %lld: %s: not a valid date", noun_of(kind),
                        (long long)source_id, date_field(kind));
    rc = arc_check_text(noun_of(kind), "reason", reason, REASON_MAX, false);
    if (rc != ARC_OK)
        return rc;

    rc = arc_write_begin(db);
    if (rc != ARC_OK)
        return rc;
    rc = withdraw_in_scope(db, kind, source_id, arc_date_or_today(db, on), reason);
    return arc_write_end(db, rc);
}
