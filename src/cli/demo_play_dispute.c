/*
 * Playing the demo's disputes: opened against a month's invoice, reviewed,
 * escalated, resolved and sometimes reopened, as the plan says.
 */
#include "demo.h"

/* What the customer says, per reason code (in the order of demo_reason_codes). */
static const char *const descriptions[DEMO_REASON_CODES] = {
    "Endpoint price is higher than the rate in the signed master services agreement.",
    "Billed for more Microsoft 365 seats than are assigned in the tenant.",
    "Email was down for most of a business day; the SLA credit was not applied.",
    "The ticket about failed backup restores is still open; will not pay until it is "
    "fixed.",
    "The on-site firewall replacement on this invoice never took place.",
    "Managed detection and response was added without the customer's approval.",
    "The same month of managed services appears on two invoices.",
    "Accounts payable needs the purchase order number on the invoice before paying.",
    "Services were billed after the cancellation date given in writing.",
    "Sales tax was charged although the exemption certificate is on file.",
    "The invoice is addressed to the customer's former legal entity.",
    "The customer disputes the invoice without giving a reason yet.",
};

static const char *resolution_note(arc_dispute_outcome outcome)
{
    switch (outcome) {
    case ARC_DISPUTE_CREDITED:
        return "Agreed with the customer; credit memo issued for the disputed amount.";
    case ARC_DISPUTE_WRITTEN_OFF:
        return "Not worth pursuing; the disputed amount is written off.";
    case ARC_DISPUTE_REJECTED:
        return "Charges match the signed agreement and the usage records; customer told.";
    default:
        return "Customer withdrew the dispute once the invoice details were corrected.";
    }
}

static int open_dispute(struct demo *demo, const struct demo_action *action)
{
    struct demo_dispute *dispute = &demo->disputes[action->dispute];
    const struct demo_slot *slot = &demo->slots[action->slot];
    const struct demo_customer *customer = &demo->customers[action->customer];
    arc_dispute_opts opts = ARC_DISPUTE_OPTS_INIT;
    arc_invoice *invoice = NULL;
    int seats_line = 2;
    int rc = arc_invoice_lookup(&invoice, demo->db, slot->id);

    if (rc != ARC_OK)
        return demo_fail(demo, rc, slot->number, action);
    opts.amount = arc_invoice_total(invoice) * dispute->percent / 100;
    if (opts.amount > arc_invoice_balance(invoice))
        opts.amount = arc_invoice_balance(invoice);
    if (opts.amount < 1)
        opts.amount = 1;
    arc_invoice_free(invoice);

    opts.invoice_id = slot->id;
    opts.reason_code = demo_reason_codes[dispute->reason];
    opts.opened_by = customer->owner;
    opts.owner = customer->owner;
    opts.due_date = arc_date_from_time(action->at) + 30;
    opts.description = descriptions[dispute->reason];
    if (dispute->reason == 1) {
        opts.lines = &seats_line;
        opts.line_count = 1;
    }
    rc = arc_dispute_open(&dispute->id, demo->db, &opts);
    if (rc != ARC_OK)
        return demo_fail(demo, rc, "dispute", action);
    return CLI_OK;
}

/* Credit or write off what the plan says, but never more than the invoice
 * still owes; when it owes nothing any more, the customer withdraws. */
static int resolve(struct demo *demo, const struct demo_action *action)
{
    const struct demo_dispute *dispute = &demo->disputes[action->dispute];
    const struct demo_customer *customer = &demo->customers[action->customer];
    arc_dispute_resolution resolution = ARC_DISPUTE_RESOLUTION_INIT;
    arc_dispute *record = NULL;
    arc_invoice *invoice = NULL;
    int64_t balance;
    int rc = arc_dispute_lookup(&record, demo->db, dispute->id);

    if (rc == ARC_OK)
        rc = arc_invoice_lookup(&invoice, demo->db, demo->slots[action->slot].id);
    if (rc != ARC_OK) {
        arc_dispute_free(record);
        return demo_fail(demo, rc, "dispute", action);
    }

    balance = arc_invoice_balance(invoice);
    resolution.outcome = dispute->outcome;
    resolution.amount = arc_dispute_amount(record) * dispute->credit_percent / 100;
    if (dispute->outcome == ARC_DISPUTE_WRITTEN_OFF)
        resolution.amount = arc_dispute_amount(record);
    if (resolution.amount > balance)
        resolution.amount = balance;
    if ((dispute->outcome == ARC_DISPUTE_CREDITED ||
         dispute->outcome == ARC_DISPUTE_WRITTEN_OFF) &&
        resolution.amount <= 0)
        resolution.outcome = ARC_DISPUTE_WITHDRAWN;
    if (resolution.outcome != ARC_DISPUTE_CREDITED &&
        resolution.outcome != ARC_DISPUTE_WRITTEN_OFF)
        resolution.amount = 0;
    resolution.resolved_by = dispute->escalations > 0 ? "ar.manager" : customer->owner;
    resolution.note = resolution_note(resolution.outcome);
    arc_invoice_free(invoice);
    arc_dispute_free(record);

    rc = arc_dispute_resolve(demo->db, dispute->id, &resolution);
    if (rc != ARC_OK)
        return demo_fail(demo, rc, "dispute resolution", action);
    if (resolution.outcome == ARC_DISPUTE_CREDITED)
        demo->credit_memos++;
    return CLI_OK;
}

int demo_play_dispute(struct demo *demo, const struct demo_action *action)
{
    const struct demo_dispute *dispute = &demo->disputes[action->dispute];
    const char *owner = demo->customers[action->customer].owner;
    int rc = ARC_OK;

    switch ((enum demo_action_kind)action->kind) {
    case ACT_DISPUTE_OPEN:
        return open_dispute(demo, action);
    case ACT_DISPUTE_RESOLVE:
        return resolve(demo, action);
    case ACT_DISPUTE_REVIEW:
        rc = arc_dispute_review(demo->db, dispute->id, owner);
        break;
    case ACT_DISPUTE_ESCALATE:
        rc = arc_dispute_escalate(demo->db, dispute->id, owner);
        break;
    case ACT_DISPUTE_REOPEN:
        rc = arc_dispute_reopen(
            demo->db, dispute->id, owner,
            "The customer sent the signed quote with the lower price.");
        break;
    default:
        break;
    }
    if (rc != ARC_OK)
        return demo_fail(demo, rc, "dispute", action);
    return CLI_OK;
}
