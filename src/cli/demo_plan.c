/*
 * The demo's plan: every dated action of the year, decided before anything
 * is written, then sorted by time. Actions after the end of today are left
 * out, so that what is still to come stays open in the book.
 */
#include <stdlib.h>
#include <string.h>

#include "demo.h"

/* Percent of disputes per reason code (in the order of demo_reason_codes). */
static const uint32_t reason_weights[DEMO_REASON_CODES] = { 20, 16, 13, 11, 8, 8,
                                                            6,  6,  4,  4,  2, 2 };

static arc_time at_hour(arc_date date, int hour, int minute)
{
    return (arc_time)date * SECONDS_PER_DAY + hour * 3600 + minute * 60;
}

/* An instant during office hours (08:00 to 17:00) of @p date. */
static arc_time office(struct demo *demo, arc_date date)
{
    return (arc_time)date * SECONDS_PER_DAY + 8 * 3600 + demo_below(&demo->rng, 9 * 3600);
}

static arc_time end_of_demo(const struct demo *demo)
{
    return at_hour(demo->today, 17, 0);
}

void demo_add_action(struct demo *demo, arc_time at, enum demo_action_kind kind,
                     int customer, int slot, int dispute, int mode, int percent)
{
    struct demo_action *action;

    if (at > end_of_demo(demo))
        return;
    if (demo->action_count == demo->action_capacity) {
        size_t capacity = demo->action_capacity ? demo->action_capacity * 2 : 4096;
        struct demo_action *actions = cli_alloc(demo->cli, capacity * sizeof *actions);

        if (demo->action_count > 0)
            memcpy(actions, demo->actions, demo->action_count * sizeof *actions);
        demo->actions = actions;
        demo->action_capacity = capacity;
    }

    action = &demo->actions[demo->action_count++];
    action->at = at;
    action->sequence = demo->sequence++;
    action->kind = (uint8_t)kind;
    action->mode = (uint8_t)mode;
    action->percent = (int16_t)percent;
    action->customer = customer;
    action->slot = slot;
    action->dispute = dispute;
}

static void add_comm(struct demo *demo, arc_time at, int customer, int slot, int dispute,
                     enum demo_comm comm, int detail)
{
    demo_add_action(demo, at, ACT_COMM, customer, slot, dispute, comm, detail);
}

static int pick_reason(struct demo_rng *rng)
{
    uint32_t roll = demo_below(rng, 100);

    for (int reason = 0; reason < DEMO_REASON_CODES; reason++) {
        if (roll < reason_weights[reason])
            return reason;
        roll -= reason_weights[reason];
    }
    return DEMO_REASON_CODES - 1;
}

/* What share of the invoice a dispute of this reason is about. */
static int pick_percent(struct demo_rng *rng, int reason)
{
    const char *code = demo_reason_codes[reason];

    if (strcmp(code, "DUPLICATE") == 0 || strcmp(code, "PO_MISSING") == 0 ||
        strcmp(code, "AFTER_CANCEL") == 0 || strcmp(code, "BILLING_DETAILS") == 0)
        return 100;
    if (strcmp(code, "OPEN_TICKET") == 0)
        return demo_chance(rng, 40) ? 100 : 30 + (int)demo_below(rng, 31);
    if (strcmp(code, "TAX_ERROR") == 0)
        return 6 + (int)demo_below(rng, 3);
    if (strcmp(code, "SLA_CREDIT") == 0 || strcmp(code, "QUANTITY") == 0)
        return 5 + (int)demo_below(rng, 16);
    if (strcmp(code, "OTHER") == 0)
        return 20 + (int)demo_below(rng, 31);
    return 10 + (int)demo_below(rng, 21);
}

static arc_dispute_outcome pick_outcome(struct demo_rng *rng, int reason)
{
    const char *code = demo_reason_codes[reason];
    uint32_t roll = demo_below(rng, 100);

    if (strcmp(code, "SLA_CREDIT") == 0 || strcmp(code, "DUPLICATE") == 0 ||
        strcmp(code, "TAX_ERROR") == 0)
        return roll < 85 ? ARC_DISPUTE_CREDITED : ARC_DISPUTE_REJECTED;
    if (strcmp(code, "PO_MISSING") == 0 || strcmp(code, "BILLING_DETAILS") == 0)
        return roll < 90 ? ARC_DISPUTE_WITHDRAWN : ARC_DISPUTE_CREDITED;
    if (strcmp(code, "OPEN_TICKET") == 0)
        return roll < 60 ? ARC_DISPUTE_WITHDRAWN : ARC_DISPUTE_CREDITED;
    if (strcmp(code, "AFTER_CANCEL") == 0)
        return roll < 60   ? ARC_DISPUTE_CREDITED
               : roll < 90 ? ARC_DISPUTE_WRITTEN_OFF
                           : ARC_DISPUTE_REJECTED;
    if (strcmp(code, "OTHER") == 0)
        return roll < 60 ? ARC_DISPUTE_REJECTED : ARC_DISPUTE_WITHDRAWN;
    return roll < 50   ? ARC_DISPUTE_CREDITED
           : roll < 85 ? ARC_DISPUTE_REJECTED
           : roll < 90 ? ARC_DISPUTE_WRITTEN_OFF
                       : ARC_DISPUTE_WITHDRAWN;
}

/* A few customers dispute far more than the rest. */
static size_t pick_disputing_customer(struct demo *demo)
{
    size_t count = demo->customer_count;

    if (demo_chance(&demo->rng, 40))
        return demo_below(&demo->rng, (uint32_t)(count / 5 > 0 ? count / 5 : 1));
    return demo_below(&demo->rng, (uint32_t)count);
}

/* The life of one dispute, step by step, each after the one before. */
static void plan_dispute_life(struct demo *demo, struct demo_dispute *dispute)
{
    struct demo_rng *rng = &demo->rng;
    const struct demo_slot *slot = &demo->slots[dispute->slot];
    arc_time last_day = at_hour(demo->today - 1, 17, 0);
    arc_time t;

    dispute->opened_at = office(demo, slot->issued + 3 + (arc_date)demo_below(rng, 18));
    t = dispute->opened_at;
    if (demo_chance(rng, 75)) {
        t += (arc_time)(1 + demo_below(rng, 3)) * SECONDS_PER_DAY;
        dispute->reviewed_at = t;
    }

    dispute->escalations = demo_chance(rng, 27) ? 1 : 0;
    if (dispute->escalations == 1 && demo_chance(rng, 26))
        dispute->escalations = 2;
    for (int e = 0; e < dispute->escalations; e++) {
        t += (arc_time)(5 + demo_below(rng, 9)) * SECONDS_PER_DAY;
        dispute->escalated_at[e] = t;
    }

    dispute->outcome = pick_outcome(rng, dispute->reason);
    dispute->credit_percent = demo_chance(rng, 70) ? 100 : 50;
    t += (arc_time)(4 + demo_below(rng, 37)) * SECONDS_PER_DAY;
    if (demo_chance(rng, 82) && t <= last_day)
        dispute->resolved_at = t;
    else
        dispute->outcome = ARC_DISPUTE_UNRESOLVED;

    t += (arc_time)(5 + demo_below(rng, 11)) * SECONDS_PER_DAY;
    if (dispute->outcome == ARC_DISPUTE_REJECTED && demo_chance(rng, 15) && t <= last_day)
        dispute->reopened_at = t;
}

/* Pick the disputed invoices (none in the last month, too recent to be
 * disputed) and plan each dispute's life. */
static void choose_disputes(struct demo *demo)
{
    size_t count = DEMO_DISPUTES(demo->customer_count);

    demo->disputes = cli_alloc(demo->cli, (count + 1) * sizeof *demo->disputes);
    demo->dispute_count = count;
    for (size_t d = 0; d < count; d++) {
        struct demo_dispute *dispute = &demo->disputes[d];
        size_t customer = pick_disputing_customer(demo);
        int month = (int)demo_below(&demo->rng, DEMO_MONTHS - 1);
        size_t slot = customer * DEMO_MONTHS + (size_t)month;

        for (int tries = 0; demo->slots[slot].dispute >= 0; tries++) {
            if (tries % (DEMO_MONTHS - 1) == DEMO_MONTHS - 2)
                customer = (customer + 1) % demo->customer_count;
            month = (month + 1) % (DEMO_MONTHS - 1);
            slot = customer * DEMO_MONTHS + (size_t)month;
        }

        demo->slots[slot].dispute = (int)d;
        dispute->slot = (int)slot;
        dispute->reason = pick_reason(&demo->rng);
        dispute->percent = pick_percent(&demo->rng, dispute->reason);
        plan_dispute_life(demo, dispute);
    }
}

/* A few invoices go out wrong and are voided and reissued the next day. */
static void choose_voids(struct demo *demo)
{
    size_t slots = demo->customer_count * DEMO_MONTHS;

    for (size_t v = 0; v < DEMO_VOIDS(demo->customer_count); v++) {
        size_t slot = demo_below(&demo->rng, (uint32_t)slots);

        while (demo->slots[slot].dispute >= 0 || demo->slots[slot].voided)
            slot = (slot + 1) % slots;
        demo->slots[slot].voided = true;
    }
}

static void plan_dispute_actions(struct demo *demo)
{
    for (size_t d = 0; d < demo->dispute_count; d++) {
        const struct demo_dispute *dispute = &demo->disputes[d];
        int slot = dispute->slot, customer = slot / DEMO_MONTHS, index = (int)d;
        struct demo_rng *rng = &demo->rng;

        demo_add_action(demo, dispute->opened_at, ACT_DISPUTE_OPEN, customer, slot, index,
                        0, dispute->percent);
        add_comm(demo, dispute->opened_at + 60, customer, slot, index, COMM_DISPUTE_EMAIL,
                 0);
        add_comm(demo, dispute->opened_at + (arc_time)(3 + demo_below(rng, 24)) * 3600,
                 customer, slot, index, COMM_DISPUTE_REPLY, 0);
        if (demo_chance(rng, 25))
            add_comm(demo,
                     dispute->opened_at + (arc_time)(1 + demo_below(rng, 5)) * 86400,
                     customer, slot, index, COMM_DISPUTE_CHAT, 0);

        if (dispute->reviewed_at != 0) {
            demo_add_action(demo, dispute->reviewed_at, ACT_DISPUTE_REVIEW, customer,
                            slot, index, 0, 0);
            if (demo_chance(rng, 35))
                add_comm(demo, dispute->reviewed_at + 3600, customer, slot, index,
                         COMM_DISPUTE_CALL, 0);
        }
        for (int e = 0; e < dispute->escalations; e++) {
            demo_add_action(demo, dispute->escalated_at[e], ACT_DISPUTE_ESCALATE,
                            customer, slot, index, 0, 0);
            add_comm(demo, dispute->escalated_at[e] + 300, customer, slot, index,
                     COMM_ESCALATION_NOTE, e + 1);
        }
        if (dispute->resolved_at != 0) {
            demo_add_action(demo, dispute->resolved_at, ACT_DISPUTE_RESOLVE, customer,
                            slot, index, 0, 0);
            add_comm(demo, dispute->resolved_at + 600, customer, slot, index,
                     COMM_RESOLUTION_EMAIL, 0);
        }
        if (dispute->reopened_at != 0)
            demo_add_action(demo, dispute->reopened_at, ACT_DISPUTE_REOPEN, customer,
                            slot, index, 0, 0);
    }
}

/* When the customer first pays a month's invoice, as its habits say; 0 when
 * it never does. Partial payers may pay in two parts. */
static arc_time plan_payments(struct demo *demo, const struct demo_customer *customer,
                              int customer_index, int month, int slot_index)
{
    struct demo_rng *rng = &demo->rng;
    const struct demo_slot *slot = &demo->slots[slot_index];
    const struct demo_dispute *dispute =
        slot->dispute >= 0 ? &demo->disputes[slot->dispute] : NULL;
    int mode = dispute != NULL ? PAY_UNDISPUTED : PAY_BALANCE;
    arc_date day;
    arc_time first;

    if (month >= customer->stops_paying)
        return 0;

    if (customer->payer == PAYER_PROMPT && !demo_chance(rng, 5))
        day = slot->issued + 4 +
              (arc_date)demo_below(rng, (uint32_t)customer->terms_days - 3);
    else if (customer->payer == PAYER_DELINQUENT)
        day = slot->due + 20 + (arc_date)demo_below(rng, 50);
    else
        day = slot->due + 3 + (arc_date)demo_below(rng, 45);
    first = office(demo, day);
    if (dispute != NULL && first < dispute->opened_at + SECONDS_PER_DAY)
        first = dispute->opened_at + SECONDS_PER_DAY + 3600;

    /* Paid in full after a rejection, the invoice would leave nothing to
     * reopen the dispute for: the undisputed part is paid while it is open. */
    if (dispute != NULL && dispute->reopened_at != 0 && first >= dispute->resolved_at)
        first = dispute->opened_at + SECONDS_PER_DAY + 3600;

    if (customer->payer == PAYER_PARTIAL && dispute == NULL && demo_chance(rng, 55)) {
        demo_add_action(demo, first, ACT_PAY, customer_index, slot_index, -1, PAY_PART,
                        40 + (int)demo_below(rng, 31));
        demo_add_action(demo,
                        first + (arc_time)(20 + demo_below(rng, 25)) * SECONDS_PER_DAY,
                        ACT_PAY, customer_index, slot_index, -1, PAY_BALANCE, 100);
        return first;
    }
    demo_add_action(demo, first, ACT_PAY, customer_index, slot_index, -1, mode, 100);

    /* A returned ACH debit or a card chargeback, paid again later. */
    if (dispute == NULL && customer->method <= ARC_PAYMENT_CARD && demo_chance(rng, 3)) {
        arc_time returned = first + (arc_time)(3 + demo_below(rng, 3)) * SECONDS_PER_DAY;

        demo_add_action(demo, returned, ACT_REVERSE, customer_index, slot_index, -1, 0,
                        0);
        add_comm(demo, returned + 1800, customer_index, slot_index, -1, COMM_REVERSAL_SMS,
                 0);
        demo_add_action(demo,
                        returned + (arc_time)(7 + demo_below(rng, 10)) * SECONDS_PER_DAY,
                        ACT_PAY, customer_index, slot_index, -1, PAY_BALANCE, 100);
    } else if (demo_chance(rng, 15)) {
        add_comm(demo, first + 1800, customer_index, slot_index, -1, COMM_REMITTANCE, 0);
    }

    /* The rest of a disputed invoice, once the dispute is settled. */
    if (dispute != NULL && dispute->resolved_at != 0 && dispute->reopened_at == 0)
        demo_add_action(demo,
                        dispute->resolved_at +
                            (arc_time)(3 + demo_below(rng, 13)) * SECONDS_PER_DAY,
                        ACT_PAY, customer_index, slot_index, -1, PAY_BALANCE, 100);
    return first;
}

/* Reminders and calls for an invoice not paid by its due date. */
static void plan_collections(struct demo *demo, const struct demo_customer *customer,
                             int customer_index, int slot_index, arc_time paid_at)
{
    struct demo_rng *rng = &demo->rng;
    const struct demo_slot *slot = &demo->slots[slot_index];
    arc_time reminder = at_hour(slot->due + 3, 8, 30) + demo_below(rng, 1800);
    arc_time call = office(demo, slot->due + 14 + (arc_date)demo_below(rng, 7));
    arc_call_outcome outcome;
    uint32_t roll = demo_below(rng, 100);

    if ((paid_at == 0 || paid_at > reminder) && demo_chance(rng, 70))
        add_comm(demo, reminder, customer_index, slot_index, -1, COMM_REMINDER, 0);
    if ((paid_at != 0 && paid_at <= call) || !demo_chance(rng, 50))
        return;

    if (paid_at != 0 && paid_at < call + 10 * SECONDS_PER_DAY)
        outcome = ARC_CALL_PROMISE_TO_PAY;
    else if (customer->payer == PAYER_DELINQUENT && roll < 30)
        outcome = ARC_CALL_REFUSED;
    else
        outcome = roll < 55   ? ARC_CALL_VOICEMAIL
                  : roll < 80 ? ARC_CALL_REACHED
                              : ARC_CALL_NO_ANSWER;
    add_comm(demo, call, customer_index, slot_index, -1, COMM_COLLECTION_CALL,
             (int)outcome);
}

static void plan_customer(struct demo *demo, int customer_index)
{
    const struct demo_customer *customer = &demo->customers[customer_index];
    struct demo_rng *rng = &demo->rng;

    demo_add_action(demo, at_hour(demo->first_month - 20, 8, 0) + customer_index * 60,
                    ACT_CUSTOMER, customer_index, -1, -1, 0, 0);

    for (int month = 0; month < DEMO_MONTHS; month++) {
        int slot_index = customer_index * DEMO_MONTHS + month;
        const struct demo_slot *slot = &demo->slots[slot_index];
        arc_time issued = at_hour(slot->issued, 6, 0) + customer_index * 7;
        arc_time paid_at;

        demo_add_action(demo, issued, ACT_ISSUE, customer_index, slot_index, -1, 0, 0);
        if (slot->voided)
            demo_add_action(demo, issued + SECONDS_PER_DAY + 4 * 3600, ACT_VOID_REISSUE,
                            customer_index, slot_index, -1, 0, 0);
        if (slot->dispute < 0 && !slot->voided && demo_chance(rng, 2)) {
            arc_time credit =
                office(demo, slot->issued + 2 + (arc_date)demo_below(rng, 4));

            demo_add_action(demo, credit, ACT_CREDIT, customer_index, slot_index, -1, 0,
                            5 + (int)demo_below(rng, 11));
            add_comm(demo, credit + 300, customer_index, slot_index, -1, COMM_CREDIT_NOTE,
                     0);
        }

        paid_at = plan_payments(demo, customer, customer_index, month, slot_index);
        plan_collections(demo, customer, customer_index, slot_index, paid_at);
    }
}

/* Delinquent accounts go on hold, and their oldest unpaid invoice is written
 * off after 120 days past due. */
static void plan_delinquency(struct demo *demo, int customer_index)
{
    const struct demo_customer *customer = &demo->customers[customer_index];
    int slot_index = customer_index * DEMO_MONTHS + customer->stops_paying;
    const struct demo_slot *slot;

    if (customer->payer != PAYER_DELINQUENT)
        return;
    slot = &demo->slots[slot_index];
    demo_add_action(demo, office(demo, slot->due + 45), ACT_HOLD, customer_index,
                    slot_index, -1, 0, 0);
    add_comm(demo, office(demo, slot->due + 45) + 600, customer_index, slot_index, -1,
             COMM_HOLD_NOTE, 0);
    if (slot->dispute < 0)
        demo_add_action(demo, office(demo, slot->due + 120), ACT_WRITE_OFF,
                        customer_index, slot_index, -1, 0, 0);
}

static int compare_actions(const void *a, const void *b)
{
    const struct demo_action *x = a, *y = b;

    if (x->at != y->at)
        return x->at < y->at ? -1 : 1;
    return x->sequence < y->sequence ? -1 : x->sequence > y->sequence;
}

void demo_plan(struct demo *demo)
{
    demo->first_month = demo_month_start(demo, 0);
    demo_make_customers(demo);
    choose_disputes(demo);
    choose_voids(demo);

    demo_add_action(demo, at_hour(demo->first_month - 21, 8, 0), ACT_RULES, -1, -1, -1, 0,
                    0);
    for (size_t c = 0; c < demo->customer_count; c++)
        plan_customer(demo, (int)c);
    plan_dispute_actions(demo);
    for (size_t c = 0; c < demo->customer_count; c++)
        plan_delinquency(demo, (int)c);
    for (size_t c = 0; c < demo->customer_count; c++) {
        if (demo_chance(&demo->rng, 3)) {
            int month = (int)demo_below(&demo->rng, DEMO_MONTHS);
            arc_time at = office(demo, demo_month_start(demo, month) + 10);

            demo_add_action(demo, at, ACT_PREPAY, (int)c, -1, -1, 0,
                            25 + 25 * (int)demo_below(&demo->rng, 4));
        }
    }
    demo_add_action(demo, end_of_demo(demo), ACT_AUTOMATION, -1, -1, -1, 0, 0);

    qsort(demo->actions, demo->action_count, sizeof *demo->actions, compare_actions);
}
