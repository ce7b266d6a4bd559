/*
 * The disputes of the dispute workload: a plan for each (customer, reason,
 * amount, what happens to it and when), the invoices that carry them, and the
 * timed phase that opens, reviews, escalates and resolves them through the
 * public API while the book's clock follows each dispute's life.
 */
#include <stdio.h>
#include <stdlib.h>

#include "disputes.h"

/* In the order of how often they are used: PRICING is the most common. */
const char *const dispute_reason_codes[REASON_CODE_COUNT] = {
    "PRICING",      "QUANTITY",  "SLA_CREDIT",      "NOT_DELIVERED",
    "OPEN_TICKET",  "DUPLICATE", "PO_MISSING",      "UNAPPROVED",
    "AFTER_CANCEL", "TAX_ERROR", "BILLING_DETAILS", "OTHER"
};

/* Percent of disputes per reason code, adding up to 100. */
static const int reason_weight[REASON_CODE_COUNT] = { 22, 16, 12, 10, 9, 8,
                                                      7,  5,  4,  3,  2, 2 };

static const char *const reason_description[REASON_CODE_COUNT] = {
    "Unit price differs from the signed master services agreement.",
    "Billed for more Microsoft 365 seats than are assigned.",
    "Email outage during business hours; expects the SLA credit.",
    "On-site firewall installation never took place.",
    "Backup restore ticket still open; will not pay until fixed.",
    "Managed endpoints billed twice for the same month.",
    "Invoice lacks the purchase order number AP requires.",
    "Add-on licences were added without approval.",
    "Services billed after the cancellation date.",
    "Sales tax charged although the customer is exempt.",
    "Invoice addressed to the wrong legal entity.",
    "Customer disputes the invoice without giving a reason.",
};

const char *const dispute_users[6] = { "maria.lopez", "james.chen", "priya.nair",
                                       "tom.becker",  "ana.silva",  "li.wong" };

/* Half the customers are picked uniformly, half from a steep curve favouring
 * the first ones, so that some customers dispute and write far more. */
long dispute_skewed_customer(uint64_t *rng, long customer_count)
{
    double u = (double)(bench_random(rng) % 1000000) / 1000000.0;

    if (bench_random(rng) % 2 == 0)
        return (long)(u * (double)customer_count);
    return (long)(u * u * u * (double)customer_count);
}

static int pick_reason(uint64_t *rng)
{
    int roll = (int)(bench_random(rng) % 100);

    for (int reason = 0; reason < REASON_CODE_COUNT; reason++) {
        roll -= reason_weight[reason];
        if (roll < 0)
            return reason;
    }
    return REASON_CODE_COUNT - 1;
}

/* 85% of the disputes whose resolution date has come are resolved: 35% by a
 * credit, 10% written off, 30% rejected, 25% withdrawn. */
static void plan_resolution(struct dispute_plan *plan, uint64_t *rng, arc_date today)
{
    int delay = 5 + plan->reason * 3 + (int)(bench_random(rng) % 40);
    int roll = (int)(bench_random(rng) % 100);

    plan->resolved_on = ARC_DATE_NONE;
    plan->outcome = ARC_DISPUTE_UNRESOLVED;
    if (plan->opened_on + delay > today || bench_random(rng) % 100 >= 85)
        return;

    plan->resolved_on = plan->opened_on + delay;
    if (roll < 35)
        plan->outcome = ARC_DISPUTE_CREDITED;
    else if (roll < 45)
        plan->outcome = ARC_DISPUTE_WRITTEN_OFF;
    else if (roll < 75)
        plan->outcome = ARC_DISPUTE_REJECTED;
    else
        plan->outcome = ARC_DISPUTE_WITHDRAWN;
}

/* Disputes are opened day after day over the year before today. */
static void plan_dispute(struct dispute_plan *plan, long index, uint64_t *rng,
                         const struct dispute_book *book)
{
    long count = book->cfg->dispute_count;
    int roll;

    plan->customer_index = dispute_skewed_customer(rng, book->cfg->customers);
    plan->reason = pick_reason(rng);
    plan->opened_on = book->today - 364 + (arc_date)(index * 364 / count);
    plan->issued_on = plan->opened_on - 3 - (arc_date)(bench_random(rng) % 40);

    roll = (int)(bench_random(rng) % 100);
    plan->escalations = roll < 3 ? 2 : roll < 15 ? 1 : 0;
    plan->reviewed = bench_random(rng) % 2 == 0;
    plan_resolution(plan, rng, book->today);
}

static int allocate(struct dispute_book *book)
{
    size_t disputes = (size_t)book->cfg->dispute_count;
    size_t customers = (size_t)book->cfg->customers;

    book->customer_ids = calloc(customers, sizeof *book->customer_ids);
    book->last_dispute_of = calloc(customers, sizeof *book->last_dispute_of);
    book->invoice_ids = calloc(disputes, sizeof *book->invoice_ids);
    book->dispute_ids = calloc(disputes, sizeof *book->dispute_ids);
    book->plans = calloc(disputes, sizeof *book->plans);
    if (book->customer_ids == NULL || book->last_dispute_of == NULL ||
        book->invoice_ids == NULL || book->dispute_ids == NULL || book->plans == NULL)
        return api_fail(ARC_ENOMEM, "dispute workload arrays", -1);

    for (size_t c = 0; c < customers; c++)
        book->last_dispute_of[c] = -1;
    return ARC_OK;
}

/* The invoice a dispute is opened against: the main workload's lines, on the
 * dispute's customer, issued a few days to weeks before the dispute. */
static int create_invoice(struct dispute_book *book, long index)
{
    struct dispute_plan *plan = &book->plans[index];
    struct workload_invoice invoice;
    uint64_t share = 30 + (uint64_t)(index * 7919 % 71);
    int rc;

    workload_invoice(&invoice, index, book->cfg->customers, book->today);
    invoice.customer_index = plan->customer_index;
    invoice.issue_date = plan->issued_on;
    snprintf(invoice.number, sizeof invoice.number, "DINV-%07ld", index + 1);

    plan->amount = invoice.total * (int64_t)share / 100;
    if (plan->amount < 1)
        plan->amount = 1;

    book->now = (arc_time)plan->issued_on * 86400 + 10 * 3600;
    rc = api_invoice_create(&book->invoice_ids[index], book->db, &invoice,
                            book->customer_ids[plan->customer_index]);
    book->last_dispute_of[plan->customer_index] = index;
    return rc;
}

/* Customers (as in the main workload), plans, and the invoices, untimed. */
int disputes_prepare(struct dispute_book *book)
{
    struct bench_result scratch;
    uint64_t rng = UINT64_C(0xd1b54a32d192ed03);
    long count = book->cfg->dispute_count;
    int rc = allocate(book);

    if (rc == ARC_OK)
        rc = api_customers(book->db, book->cfg, book->customer_ids, &scratch);
    if (rc != ARC_OK)
        return rc;

    for (long i = 0; i < count; i++)
        plan_dispute(&book->plans[i], i, &rng, book);

    for (long i = 0; i < count; i++) {
        rc = api_batch_begin(book->db, i);
        if (rc == ARC_OK)
            rc = create_invoice(book, i);
        if (rc == ARC_OK)
            rc = api_batch_end(book->db, i, count);
        if (rc != ARC_OK)
            return api_fail(rc, "dispute invoice", i);
    }
    return ARC_OK;
}

/* An instant during office hours of @p date, different for each dispute. */
static arc_time office_hours(arc_date date, long index)
{
    return (arc_time)date * 86400 + 8 * 3600 + (arc_time)(index * 37 % (9 * 3600));
}

static int resolve(struct dispute_book *book, long index, arc_id id)
{
    const struct dispute_plan *plan = &book->plans[index];
    arc_dispute_resolution resolution = ARC_DISPUTE_RESOLUTION_INIT;

    resolution.outcome = plan->outcome;
    resolution.resolved_by = index % 4 == 0 ? "ar.manager" : dispute_users[index % 6];
    resolution.date = plan->resolved_on;
    if (plan->outcome == ARC_DISPUTE_CREDITED && index % 5 == 0 && plan->amount > 1)
        resolution.amount = plan->amount / 2;
    if (plan->outcome == ARC_DISPUTE_REJECTED)
        resolution.note = "Charges match the signed agreement; customer informed.";

    book->now = office_hours(plan->resolved_on, index);
    return arc_dispute_resolve(book->db, id, &resolution);
}

/* Open one dispute, then take it through its planned life. */
static int play_dispute(struct dispute_book *book, long index)
{
    const struct dispute_plan *plan = &book->plans[index];
    arc_dispute_opts opts = ARC_DISPUTE_OPTS_INIT;
    const char *owner = dispute_users[index / 7 % 6];
    arc_id id = 0;
    int rc;

    opts.invoice_id = book->invoice_ids[index];
    opts.reason_code = dispute_reason_codes[plan->reason];
    opts.amount = plan->amount;
    opts.opened_by = dispute_users[index % 6];
    opts.owner = owner;
    opts.due_date = plan->opened_on + 30;
    opts.description = reason_description[plan->reason];

    book->now = office_hours(plan->opened_on, index);
    rc = arc_dispute_open(&id, book->db, &opts);
    book->dispute_ids[index] = id;

    if (rc == ARC_OK && plan->reviewed) {
        book->now += 86400;
        rc = arc_dispute_review(book->db, id, owner);
    }
    for (int level = 0; rc == ARC_OK && level < plan->escalations; level++) {
        book->now += 2 * 86400;
        rc = arc_dispute_escalate(book->db, id, owner);
    }
    if (rc == ARC_OK && plan->resolved_on != ARC_DATE_NONE)
        rc = resolve(book, index, id);
    return rc;
}

int disputes_ingest(struct dispute_book *book)
{
    long count = book->cfg->dispute_count;
    double start = bench_now();

    for (long i = 0; i < count; i++) {
        int rc = api_batch_begin(book->db, i);

        if (rc == ARC_OK)
            rc = play_dispute(book, i);
        if (rc == ARC_OK)
            rc = api_batch_end(book->db, i, count);
        if (rc != ARC_OK)
            return api_fail(rc, "dispute", i);
    }

    book->seconds[DPHASE_DISPUTES_INGEST] = bench_now() - start;
    book->items[DPHASE_DISPUTES_INGEST] = (double)count;
    book->now = (arc_time)book->today * 86400 + 12 * 3600;
    return ARC_OK;
}
