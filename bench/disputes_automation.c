/*
 * The automation phases. The dispute workload resolves most of its disputes,
 * so the book is first topped up (untimed) with disputes opened over the
 * last weeks until cfg->dispute_count of them are not resolved. Then the
 * escalation rules a collections team would keep are added and automation
 * runs three times: first as of today (every overdue invoice and dispute of
 * the year alerts at once), then the next day (the daily run), then that
 * day again (which must change nothing).
 */
#include <stdio.h>

#include "disputes.h"

/* Topped-up disputes are opened over this many days before today. */
#define TOP_UP_DAYS 60

/* Disputes of the workload that stay unresolved. */
static long unresolved(const struct dispute_book *book)
{
    long count = 0;

    for (long i = 0; i < book->cfg->dispute_count; i++)
        count += book->plans[i].resolved_on == ARC_DATE_NONE;
    return count;
}

/* One more open dispute: a new invoice of a customer, disputed days later,
 * then left open, reviewed or escalated. */
static int top_up_one(struct dispute_book *book, long index, long count, uint64_t *rng)
{
    struct workload_invoice invoice;
    arc_dispute_opts opts = ARC_DISPUTE_OPTS_INIT;
    long customer = dispute_skewed_customer(rng, book->cfg->customers);
    arc_date opened_on =
        book->today - TOP_UP_DAYS + (arc_date)(index * TOP_UP_DAYS / count);
    int roll = (int)(bench_random(rng) % 100);
    arc_id invoice_id = 0, id = 0;
    int rc;

    workload_invoice(&invoice, index, book->cfg->customers, book->today);
    invoice.customer_index = customer;
    invoice.issue_date = opened_on - 5 - (arc_date)(bench_random(rng) % 20);
    snprintf(invoice.number, sizeof invoice.number, "AINV-%07ld", index + 1);
    book->now = (arc_time)invoice.issue_date * 86400 + 10 * 3600;
    rc =
        api_invoice_create(&invoice_id, book->db, &invoice, book->customer_ids[customer]);
    if (rc != ARC_OK)
        return rc;

    opts.invoice_id = invoice_id;
    opts.reason_code = dispute_reason_codes[bench_random(rng) % REASON_CODE_COUNT];
    opts.amount = invoice.total / 2 > 0 ? invoice.total / 2 : 1;
    opts.opened_by = dispute_users[index % 6];
    opts.due_date = opened_on + 30;
    book->now = (arc_time)opened_on * 86400 + 11 * 3600 + (arc_time)(index % 3600);
    rc = arc_dispute_open(&id, book->db, &opts);
    book->now += 86400;
    if (rc == ARC_OK && roll < 40)
        rc = arc_dispute_review(book->db, id, opts.opened_by);
    else if (rc == ARC_OK && roll < 55)
        rc = arc_dispute_escalate(book->db, id, opts.opened_by);
    return rc;
}

static int top_up(struct dispute_book *book)
{
    long count = book->cfg->dispute_count - unresolved(book);
    uint64_t rng = UINT64_C(0x2545f4914f6cdd1d);

    for (long i = 0; i < count; i++) {
        int rc = api_batch_begin(book->db, i);

        if (rc == ARC_OK)
            rc = top_up_one(book, i, count, &rng);
        if (rc == ARC_OK)
            rc = api_batch_end(book->db, i, count);
        if (rc != ARC_OK)
            return api_fail(rc, "topped-up dispute", i);
    }
    return ARC_OK;
}

static int add_rule(arc_db *db, arc_escalation_rule_opts *opts)
{
    int rc = arc_escalation_rule_add(NULL, db, opts);

    return rc == ARC_OK ? ARC_OK : api_fail(rc, opts->name, -1);
}

/* Rules on time in state, amount, reason code and silence. */
static int add_rules(arc_db *db)
{
    arc_escalation_rule_opts stale = ARC_ESCALATION_RULE_OPTS_INIT;
    arc_escalation_rule_opts large = ARC_ESCALATION_RULE_OPTS_INIT;
    arc_escalation_rule_opts sla = ARC_ESCALATION_RULE_OPTS_INIT;
    arc_escalation_rule_opts quiet = ARC_ESCALATION_RULE_OPTS_INIT;
    int rc;

    stale.name = "Open two weeks: escalate";
    stale.statuses =
        ARC_RULE_STATUS(ARC_DISPUTE_OPEN) | ARC_RULE_STATUS(ARC_DISPUTE_REOPENED);
    stale.min_days_in_state = 14;
    stale.actions = ARC_RULE_ESCALATE | ARC_RULE_ALERT;

    large.name = "Escalated a month and large: to the lead";
    large.statuses = ARC_RULE_STATUS(ARC_DISPUTE_ESCALATED);
    large.min_days_in_state = 30;
    large.min_amount = 100000;
    large.currency = "USD";
    large.below_level = 3;
    large.actions = ARC_RULE_ESCALATE | ARC_RULE_REASSIGN | ARC_RULE_SET_DUE_DATE;
    large.assign_to = "collections-lead";
    large.due_in_days = 7;

    sla.name = "SLA credits in review ten days: service desk";
    sla.statuses = ARC_RULE_STATUS(ARC_DISPUTE_IN_REVIEW);
    sla.reason_code = "SLA_CREDIT";
    sla.min_days_in_state = 10;
    sla.actions = ARC_RULE_REASSIGN;
    sla.assign_to = "service-desk";

    quiet.name = "Three quiet weeks: alert";
    quiet.min_days_since_contact = 21;
    quiet.actions = ARC_RULE_ALERT;

    rc = add_rule(db, &stale);
    if (rc == ARC_OK)
        rc = add_rule(db, &large);
    if (rc == ARC_OK)
        rc = add_rule(db, &sla);
    if (rc == ARC_OK)
        rc = add_rule(db, &quiet);
    return rc;
}

static int timed_run(struct dispute_book *book, enum dispute_phase phase,
                     const char *name)
{
    arc_automation_result result = ARC_AUTOMATION_RESULT_INIT;
    double start = bench_now();
    int rc = arc_automation_run(&result, book->db);

    book->seconds[phase] = bench_now() - start;
    book->items[phase] = (double)result.disputes_examined;
    if (rc != ARC_OK)
        return api_fail(rc, name, -1);
    fprintf(stderr,
            "arc_bench: %s: %zu disputes examined, %zu rule firings (%zu escalations,"
            " %zu reassignments, %zu due dates, %zu alerts), %zu disputes and %zu"
            " invoices overdue\n",
            name, result.disputes_examined, result.rules_fired, result.escalations,
            result.reassignments, result.due_dates_set, result.alerts,
            result.disputes_overdue, result.invoices_overdue);
    return ARC_OK;
}

int disputes_automation(struct dispute_book *book)
{
    arc_time today_noon = (arc_time)book->today * 86400 + 12 * 3600;
    int rc = top_up(book);

    book->now = today_noon;
    if (rc == ARC_OK)
        rc = add_rules(book->db);
    if (rc == ARC_OK)
        rc = timed_run(book, DPHASE_AUTOMATION_FIRST, "automation_first");
    book->now = today_noon + 86400;
    if (rc == ARC_OK)
        rc = timed_run(book, DPHASE_AUTOMATION, "automation");
    if (rc == ARC_OK)
        rc = timed_run(book, DPHASE_AUTOMATION_REPEAT, "automation_repeat");
    return rc;
}
