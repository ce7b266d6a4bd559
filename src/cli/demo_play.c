/*
 * Playing the demo's plan: each action becomes calls of the public API, with
 * the book's clock at the action's instant. Amounts that depend on what
 * happened before (what is still owed) are read from the book.
 */
#include "demo.h"

#define MAX_LINES 6

static const int64_t endpoint_prices[3] = { 1200, 1850, 2700 };
static const char *const tier_names[3] = { "Essentials", "Professional", "Premium" };

int demo_fail(struct demo *demo, int rc, const char *what,
              const struct demo_action *action)
{
    char when[CLI_TIME_BUFSIZE];

    cli_format_time(when, sizeof when, action->at);
    return cli_fail(
        demo->cli, rc, "%s at %s%s%s", what, when, action->customer >= 0 ? " for " : "",
        action->customer >= 0 ? demo->customers[action->customer].reference : "");
}

static int add_rules(struct demo *demo, const struct demo_action *action)
{
    arc_escalation_rule_opts stale = ARC_ESCALATION_RULE_OPTS_INIT;
    arc_escalation_rule_opts large = ARC_ESCALATION_RULE_OPTS_INIT;
    int rc;

    stale.name = "Escalate disputes idle for 14 days";
    stale.statuses = ARC_RULE_STATUS(ARC_DISPUTE_OPEN) |
                     ARC_RULE_STATUS(ARC_DISPUTE_IN_REVIEW) |
                     ARC_RULE_STATUS(ARC_DISPUTE_REOPENED);
    stale.min_days_in_state = 14;
    stale.below_level = 2;
    stale.actions = ARC_RULE_ESCALATE;

    large.name = "Alert the AR manager on disputes of 1500.00 USD or more";
    large.min_amount = 150000;
    large.currency = "USD";
    large.actions = ARC_RULE_ALERT | ARC_RULE_REASSIGN | ARC_RULE_SET_DUE_DATE;
    large.assign_to = "ar.manager";
    large.due_in_days = 10;

    rc = arc_escalation_rule_add(NULL, demo->db, &stale);
    if (rc == ARC_OK)
        rc = arc_escalation_rule_add(NULL, demo->db, &large);
    if (rc != ARC_OK)
        return demo_fail(demo, rc, "escalation rules", action);
    return CLI_OK;
}

static int add_customer(struct demo *demo, const struct demo_action *action)
{
    struct demo_customer *customer = &demo->customers[action->customer];
    arc_customer_opts opts = ARC_CUSTOMER_OPTS_INIT;
    arc_contact_opts contact = ARC_CONTACT_OPTS_INIT;
    char billing[96], contact_name[40], contact_email[96];
    int rc;

    snprintf(billing, sizeof billing, "ap@%s", customer->domain);
    opts.reference = customer->reference;
    opts.name = customer->name;
    opts.billing_email = billing;
    opts.phone = customer->phone;
    opts.currency = "USD";
    opts.payment_terms_days = customer->terms_days;
    opts.owner = customer->owner;
    rc = arc_customer_create(&customer->id, demo->db, &opts);

    snprintf(contact_name, sizeof contact_name, "%s %s", customer->contact_first,
             customer->contact_last);
    snprintf(contact_email, sizeof contact_email, "%s.%s@%s", customer->contact_first,
             customer->contact_last, customer->domain);
    for (char *c = contact_email; *c != '\0'; c++)
        *c = (char)(*c >= 'A' && *c <= 'Z' ? *c - 'A' + 'a' : *c);
    contact.name = contact_name;
    contact.role = customer->contact_role;
    contact.email = contact_email;
    contact.phone = customer->phone;
    if (rc == ARC_OK)
        rc = arc_contact_add(NULL, demo->db, customer->id, &contact);
    if (rc != ARC_OK)
        return demo_fail(demo, rc, "customer", action);
    return CLI_OK;
}

/* Quantities drift a little from month to month, without the generator, so
 * that a reissued invoice bills what the voided one did. */
static int drift(int customer, int month, int base)
{
    int value = base + (customer * 7 + month * 3) % 5 - 2 + month / 4;

    return value < 1 ? 1 : value;
}

struct lines {
    arc_invoice_line_opts line[MAX_LINES];
    char quantity[MAX_LINES][16];
    char description[MAX_LINES][96];
    size_t count;
};

static void add_line(struct lines *lines, const char *description, const char *quantity,
                     int64_t unit_price, const char *tax_rate, const char *item_code,
                     arc_date start, arc_date end)
{
    arc_invoice_line_opts init = ARC_INVOICE_LINE_OPTS_INIT;
    size_t i = lines->count++;

    snprintf(lines->description[i], sizeof lines->description[i], "%s", description);
    snprintf(lines->quantity[i], sizeof lines->quantity[i], "%s", quantity);
    lines->line[i] = init;
    lines->line[i].description = lines->description[i];
    lines->line[i].quantity = lines->quantity[i];
    lines->line[i].unit_price = unit_price;
    lines->line[i].tax_rate = tax_rate;
    lines->line[i].item_code = item_code;
    lines->line[i].period_start = start;
    lines->line[i].period_end = end;
}

static void build_lines(const struct demo *demo, int customer_index, int month,
                        struct lines *lines)
{
    const struct demo_customer *customer = &demo->customers[customer_index];
    arc_date start = demo_month_start(demo, month), end = demo_month_end(demo, month);
    const char *tax = customer->tax_rate;
    int endpoints = drift(customer_index, month, customer->endpoints);
    char text[96], quantity[16];

    lines->count = 0;
    snprintf(text, sizeof text, "Managed endpoints, %s plan", tier_names[customer->tier]);
    snprintf(quantity, sizeof quantity, "%d", endpoints);
    add_line(lines, text, quantity, endpoint_prices[customer->tier], tax, "MEP", start,
             end);

    snprintf(quantity, sizeof quantity, "%d",
             drift(customer_index + 3, month, customer->seats));
    add_line(lines, "Microsoft 365 Business Standard seats", quantity, 1250, tax,
             "M365-BS", start, end);
    if (customer->backup_tb > 0) {
        snprintf(quantity, sizeof quantity, "%d", customer->backup_tb + month / 6);
        add_line(lines, "Cloud backup, per TB", quantity, 4900, tax, "BKP-TB", start,
                 end);
    }
    if (customer->security) {
        snprintf(quantity, sizeof quantity, "%d", endpoints);
        add_line(lines, "Managed detection and response", quantity, 650, tax, "MDR",
                 start, end);
    }
    if ((customer_index * 31 + month * 17) % 11 == 0)
        add_line(lines, "After-hours support, hours", month % 2 ? "1.5" : "2.25", 16500,
                 tax, "AHS", ARC_DATE_NONE, ARC_DATE_NONE);
}

static int issue_invoice(struct demo *demo, const struct demo_action *action,
                         bool reissue)
{
    struct demo_slot *slot = &demo->slots[action->slot];
    const struct demo_customer *customer = &demo->customers[action->customer];
    int month = action->slot % DEMO_MONTHS, year = 0, month_of_year = 0;
    arc_invoice_opts opts = ARC_INVOICE_OPTS_INIT;
    struct lines lines;
    int rc;

    arc_date_to_ymd(&year, &month_of_year, NULL, slot->issued);
    snprintf(slot->number, sizeof slot->number, "INV-%02d%02d-%s%s", year % 100,
             month_of_year, customer->reference + 2, reissue ? "-R" : "");
    build_lines(demo, action->customer, month, &lines);

    opts.customer_id = customer->id;
    opts.number = slot->number;
    opts.issue_date = reissue ? arc_date_from_time(action->at) : slot->issued;
    opts.memo =
        reissue ? "Reissued: the first invoice named the wrong legal entity." : NULL;
    opts.lines = lines.line;
    opts.line_count = lines.count;
    opts.flags = ARC_INVOICE_CREATE_ISSUED;
    rc = arc_invoice_create(&slot->id, demo->db, &opts);
    if (rc != ARC_OK)
        return demo_fail(demo, rc, slot->number, action);
    demo->invoices++;
    return CLI_OK;
}

static int void_and_reissue(struct demo *demo, const struct demo_action *action)
{
    struct demo_slot *slot = &demo->slots[action->slot];
    char reason[96];
    int rc;

    snprintf(reason, sizeof reason, "Issued to the wrong legal entity; reissued as %s-R",
             slot->number);
    rc = arc_invoice_void(demo->db, slot->id, ARC_DATE_NONE, reason);
    if (rc != ARC_OK)
        return demo_fail(demo, rc, slot->number, action);
    return issue_invoice(demo, action, true);
}

/* A payment reference as a bank or processor would give it. */
static void payment_reference(char *buf, size_t size, arc_payment_method method,
                              const struct demo_action *action)
{
    unsigned long number = (unsigned long)(action->sequence * 7919u % 900000u) + 100000u;

    if (method == ARC_PAYMENT_CHECK)
        snprintf(buf, size, "Check %lu", number);
    else if (method == ARC_PAYMENT_WIRE)
        snprintf(buf, size, "Wire FED%lu", number);
    else if (method == ARC_PAYMENT_CARD)
        snprintf(buf, size, "Card ch_%lu", number);
    else
        snprintf(buf, size, "ACH trace %lu", number);
}

static int record_payment(struct demo *demo, const struct demo_action *action,
                          int64_t amount, arc_id *out)
{
    const struct demo_customer *customer = &demo->customers[action->customer];
    arc_payment_opts opts = ARC_PAYMENT_OPTS_INIT;
    char reference[48];
    int rc;

    payment_reference(reference, sizeof reference, customer->method, action);
    opts.customer_id = customer->id;
    opts.amount = amount;
    opts.method = customer->method;
    opts.reference = reference;
    rc = arc_payment_record(out, demo->db, &opts);
    if (rc != ARC_OK)
        return demo_fail(demo, rc, "payment", action);
    demo->payments++;
    return CLI_OK;
}

static int pay(struct demo *demo, const struct demo_action *action)
{
    struct demo_slot *slot = &demo->slots[action->slot];
    arc_invoice *invoice = NULL;
    int64_t amount, disputed = 0;
    int rc = arc_invoice_lookup(&invoice, demo->db, slot->id);

    if (rc == ARC_OK && action->mode == PAY_UNDISPUTED)
        rc = arc_invoice_disputed_amount(&disputed, demo->db, slot->id);
    if (rc != ARC_OK) {
        arc_invoice_free(invoice);
        return demo_fail(demo, rc, slot->number, action);
    }

    amount = arc_invoice_balance(invoice) - disputed;
    if (action->mode == PAY_PART)
        amount = amount * action->percent / 100;
    arc_invoice_free(invoice);
    if (amount <= 0)
        return CLI_OK;

    rc = record_payment(demo, action, amount, &slot->last_payment);
    if (rc != CLI_OK)
        return rc;
    rc = arc_payment_apply(demo->db, slot->last_payment, slot->id, amount, ARC_DATE_NONE);
    if (rc != ARC_OK)
        return demo_fail(demo, rc, slot->number, action);
    return CLI_OK;
}

/* A payment on account: it stays as unapplied credit. */
static int prepay(struct demo *demo, const struct demo_action *action)
{
    arc_id id;

    return record_payment(demo, action, (int64_t)action->percent * 1000, &id);
}

static int reverse(struct demo *demo, const struct demo_action *action)
{
    const struct demo_slot *slot = &demo->slots[action->slot];
    const struct demo_customer *customer = &demo->customers[action->customer];
    int rc;

    if (slot->last_payment == 0)
        return CLI_OK;
    rc = arc_payment_reverse(
        demo->db, slot->last_payment, ARC_DATE_NONE,
        customer->method == ARC_PAYMENT_CARD
            ? "Chargeback: the cardholder did not recognise the charge"
            : "ACH return R01: insufficient funds");
    if (rc != ARC_OK)
        return demo_fail(demo, rc, "payment reversal", action);
    return CLI_OK;
}

/* A goodwill credit applied to the invoice, or kept on account when the
 * invoice is already paid. */
static int credit(struct demo *demo, const struct demo_action *action)
{
    const struct demo_slot *slot = &demo->slots[action->slot];
    arc_credit_memo_opts opts = ARC_CREDIT_MEMO_OPTS_INIT;
    arc_invoice *invoice = NULL;
    int rc = arc_invoice_lookup(&invoice, demo->db, slot->id);

    if (rc != ARC_OK)
        return demo_fail(demo, rc, slot->number, action);
    opts.customer_id = demo->customers[action->customer].id;
    opts.amount = arc_invoice_total(invoice) * action->percent / 100;
    opts.reason = "Goodwill credit for a service interruption during the month";
    opts.invoice_id = arc_invoice_balance(invoice) > 0 ? slot->id : 0;
    arc_invoice_free(invoice);
    if (opts.amount <= 0)
        return CLI_OK;

    rc = arc_credit_memo_create(NULL, demo->db, &opts);
    if (rc != ARC_OK)
        return demo_fail(demo, rc, "credit memo", action);
    demo->credit_memos++;
    return CLI_OK;
}

static int hold(struct demo *demo, const struct demo_action *action)
{
    arc_customer_opts opts = ARC_CUSTOMER_OPTS_INIT;
    int rc;

    opts.status = ARC_CUSTOMER_ON_HOLD;
    rc = arc_customer_update(demo->db, demo->customers[action->customer].id, &opts,
                             ARC_CUSTOMER_FIELD_STATUS);
    if (rc != ARC_OK)
        return demo_fail(demo, rc, "account hold", action);
    return CLI_OK;
}

static int write_off(struct demo *demo, const struct demo_action *action)
{
    const struct demo_slot *slot = &demo->slots[action->slot];
    arc_invoice *invoice = NULL;
    arc_invoice_status status;
    int rc = arc_invoice_lookup(&invoice, demo->db, slot->id);

    if (rc != ARC_OK)
        return demo_fail(demo, rc, slot->number, action);
    status = arc_invoice_status_of(invoice);
    arc_invoice_free(invoice);
    if (status != ARC_INVOICE_OPEN && status != ARC_INVOICE_PARTIALLY_PAID)
        return CLI_OK;

    rc = arc_invoice_write_off(demo->db, slot->id, ARC_DATE_NONE,
                               "Uncollectible: no payment 120 days after the due date");
    if (rc != ARC_OK)
        return demo_fail(demo, rc, slot->number, action);
    return CLI_OK;
}

static int run_automation(struct demo *demo, const struct demo_action *action)
{
    int rc = arc_automation_run(NULL, demo->db);

    if (rc != ARC_OK)
        return demo_fail(demo, rc, "automation", action);
    return CLI_OK;
}

int demo_play(struct demo *demo, const struct demo_action *action)
{
    demo->now = action->at;

    switch ((enum demo_action_kind)action->kind) {
    case ACT_RULES:
        return add_rules(demo, action);
    case ACT_CUSTOMER:
        return add_customer(demo, action);
    case ACT_ISSUE:
        return issue_invoice(demo, action, false);
    case ACT_VOID_REISSUE:
        return void_and_reissue(demo, action);
    case ACT_PAY:
        return pay(demo, action);
    case ACT_PREPAY:
        return prepay(demo, action);
    case ACT_REVERSE:
        return reverse(demo, action);
    case ACT_CREDIT:
        return credit(demo, action);
    case ACT_HOLD:
        return hold(demo, action);
    case ACT_WRITE_OFF:
        return write_off(demo, action);
    case ACT_AUTOMATION:
        return run_automation(demo, action);
    case ACT_COMM:
        return demo_play_comm(demo, action);
    case ACT_DISPUTE_OPEN:
    case ACT_DISPUTE_REVIEW:
    case ACT_DISPUTE_ESCALATE:
    case ACT_DISPUTE_RESOLVE:
    case ACT_DISPUTE_REOPEN:
        return demo_play_dispute(demo, action);
    }
    return CLI_OK;
}
