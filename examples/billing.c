/*
 * A quarter of billing and collections at Northwind Managed IT, a small
 * managed service provider.
 *
 * Four clients get a monthly subscription invoice (managed endpoints,
 * Microsoft 365 seats, the odd after-hours call-out). They pay by ACH, card,
 * wire and through the self-service portal; one ACH debit comes back unpaid
 * and one outage earns a service credit. The story ends with every client's
 * balance and the aging report. The book's clock is fixed at 2025-04-20, so
 * every run prints the same figures.
 *
 * Usage: arc_example_billing [BOOK_PATH]
 *
 * Without a path the book is created in a new temporary directory that is
 * removed at the end. A path given on the command line is kept, so that the
 * book can be read afterwards with the sqlite3 shell; it must not exist yet.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <arcollect.h>

#define MONTHS         3
#define AMOUNT_BUFSIZE (ARC_MONEY_BUFSIZE + 4)
#define PATH_BUFSIZE   4096
#define NAME_WIDTH     22
#define AMOUNT_WIDTH   14
#define TODAY          "2025-04-20"

enum { CONTOSO, FABRIKAM, TAILSPIN, ALPINE, ACCOUNT_COUNT };

/* A client and what it subscribes to, month by month. */
struct account {
    const char *reference;
    const char *name;
    const char *billing_email;
    const char *currency;
    int terms_days;
    const char *tax_rate; /* NULL when the services are tax exempt */
    const char *endpoints[MONTHS];
    int64_t endpoint_price;
    const char *seats[MONTHS];
    int64_t seat_price;
    const char *after_hours[MONTHS]; /* hours of after-hours support, or NULL */
    int64_t after_hours_rate;
    arc_id id;
    arc_id invoices[MONTHS];
};

struct story {
    arc_db *db;
    arc_time now;
    arc_id project_invoice;
    arc_id returned_payment;
    struct account accounts[ACCOUNT_COUNT];
};

/* The billing months: issue date and last day of the service period. */
static const char *const month_start[MONTHS] = { "2025-02-01", "2025-03-01",
                                                 "2025-04-01" };
static const char *const month_end[MONTHS] = { "2025-02-28", "2025-03-31", "2025-04-30" };

/* Prices are in minor units: 1500 is 15.00. */
static const struct account account_templates[ACCOUNT_COUNT] = {
    [CONTOSO] = { .reference = "C-1001",
                  .name = "Contoso Dental Group",
                  .billing_email = "ap@contoso-dental.example",
                  .currency = "USD",
                  .terms_days = 30,
                  .tax_rate = "8.25",
                  .endpoints = { "42", "42", "44" },
                  .endpoint_price = 1500,
                  .seats = { "38", "38", "40" },
                  .seat_price = 2200,
                  .after_hours = { NULL, "1.5", NULL },
                  .after_hours_rate = 16500 },
    [FABRIKAM] = { .reference = "C-1002",
                   .name = "Fabrikam Logistics",
                   .billing_email = "invoices@fabrikam-logistics.example",
                   .currency = "USD",
                   .terms_days = 15,
                   .tax_rate = "8.25",
                   .endpoints = { "120", "120", "126" },
                   .endpoint_price = 1500,
                   .seats = { "95", "97", "97" },
                   .seat_price = 2200,
                   .after_hours = { "2", NULL, "3.25" },
                   .after_hours_rate = 16500 },
    [TAILSPIN] = { .reference = "C-1003",
                   .name = "Tailspin Architects",
                   .billing_email = "office@tailspin-arch.example",
                   .currency = "USD",
                   .terms_days = 45,
                   .tax_rate = NULL,
                   .endpoints = { "18", "18", "18" },
                   .endpoint_price = 1500,
                   .seats = { "18", "18", "19" },
                   .seat_price = 2200,
                   .after_hours = { NULL, NULL, NULL },
                   .after_hours_rate = 16500 },
    [ALPINE] = { .reference = "C-1004",
                 .name = "Alpine Werkzeug GmbH",
                 .billing_email = "buchhaltung@alpine-werkzeug.example",
                 .currency = "EUR",
                 .terms_days = 30,
                 .tax_rate = "19",
                 .endpoints = { "30", "30", "30" },
                 .endpoint_price = 1400,
                 .seats = { "25", "25", "25" },
                 .seat_price = 2060,
                 .after_hours = { NULL, NULL, "1" },
                 .after_hours_rate = 15000 },
};

static int fail(int rc, const char *what)
{
    fprintf(stderr, "arc_example_billing: %s: %s: %s\n", what, arc_error_name(rc),
            arc_error_last());
    return rc;
}

static arc_time fixed_clock(void *clock_data)
{
    return *(const arc_time *)clock_data;
}

static int parse_date(arc_date *out, const char *text)
{
    int rc = arc_date_parse(out, text);

    if (rc != ARC_OK)
        return fail(rc, text);
    return ARC_OK;
}

/* "1234.50 USD": the amount as arc_money_format() writes it, then the code. */
static int format_amount(char *buf, size_t size, int64_t amount, const char *currency)
{
    char digits[ARC_MONEY_BUFSIZE];
    int rc = arc_money_format(digits, sizeof digits, amount, currency);

    if (rc != ARC_OK)
        return fail(rc, "format amount");

    snprintf(buf, size, "%s %s", digits, currency);
    return ARC_OK;
}

static const char *account_name(const struct story *story, arc_id customer_id)
{
    for (int i = 0; i < ACCOUNT_COUNT; i++) {
        if (story->accounts[i].id == customer_id)
            return story->accounts[i].name;
    }
    return "(unknown customer)";
}

/* One line of the running log: date, what happened, document, who, how much. */
static void print_event(const char *date, const char *kind, const char *document,
                        const char *customer, const char *amount, const char *detail)
{
    printf("%s  %-8s %-14s %-*s %*s  %s\n", date, kind, document, NAME_WIDTH, customer,
           AMOUNT_WIDTH, amount, detail);
}

static int open_book(struct story *story, const char *path)
{
    arc_db_options options = ARC_DB_OPTIONS_INIT;
    arc_date today;
    int rc;

    rc = parse_date(&today, TODAY);
    if (rc != ARC_OK)
        return rc;

    story->now = (arc_time)today * 86400 + 9 * 3600;
    options.clock = fixed_clock;
    options.clock_data = &story->now;

    rc = arc_db_open(&story->db, path, &options);
    if (rc != ARC_OK)
        return fail(rc, path);
    return ARC_OK;
}

static int set_numbering(struct story *story)
{
    int rc;

    rc = arc_db_set_numbering(story->db, ARC_SEQUENCE_INVOICE, "INV-2025-", 1, 4);
    if (rc != ARC_OK)
        return fail(rc, "invoice numbering");

    rc = arc_db_set_numbering(story->db, ARC_SEQUENCE_CREDIT_MEMO, "CM-2025-", 1, 4);
    if (rc != ARC_OK)
        return fail(rc, "credit memo numbering");
    return ARC_OK;
}

static int add_customers(struct story *story)
{
    printf("Northwind Managed IT: billing and collections, February to April 2025\n\n");

    for (int i = 0; i < ACCOUNT_COUNT; i++) {
        struct account *account = &story->accounts[i];
        arc_customer_opts opts = ARC_CUSTOMER_OPTS_INIT;
        int rc;

        opts.reference = account->reference;
        opts.name = account->name;
        opts.billing_email = account->billing_email;
        opts.currency = account->currency;
        opts.payment_terms_days = account->terms_days;
        opts.owner = "dana.whitfield";

        rc = arc_customer_create(&account->id, story->db, &opts);
        if (rc != ARC_OK)
            return fail(rc, account->name);

        printf("customer %s  %-*s %s, net %d\n", account->reference, NAME_WIDTH,
               account->name, account->currency, account->terms_days);
    }
    return ARC_OK;
}

static int add_contact(struct story *story)
{
    arc_contact_opts opts = ARC_CONTACT_OPTS_INIT;
    arc_id contact_id;
    int rc;

    opts.name = "Maria Chen";
    opts.role = "office manager, accounts payable";
    opts.email = "maria.chen@contoso-dental.example";
    opts.phone = "+1 512 555 0142";

    rc = arc_contact_add(&contact_id, story->db, story->accounts[CONTOSO].id, &opts);
    if (rc != ARC_OK)
        return fail(rc, "add contact");

    printf("contact  %s (%s) for %s\n\n", opts.name, opts.role,
           story->accounts[CONTOSO].name);
    return ARC_OK;
}

/* Print an invoice as the book now has it: number, total, status, balance. */
static int print_invoice(struct story *story, const char *kind, arc_id invoice_id,
                         const char *date)
{
    arc_invoice *invoice = NULL;
    char total[AMOUNT_BUFSIZE], balance[AMOUNT_BUFSIZE], due[ARC_DATE_BUFSIZE];
    char detail[128];
    int rc;

    rc = arc_invoice_lookup(&invoice, story->db, invoice_id);
    if (rc != ARC_OK)
        return fail(rc, "read invoice");

    const char *currency = arc_invoice_currency(invoice);
    rc = format_amount(total, sizeof total, arc_invoice_total(invoice), currency);
    if (rc == ARC_OK)
        rc = format_amount(balance, sizeof balance, arc_invoice_balance(invoice),
                           currency);
    if (rc == ARC_OK) {
        rc = arc_date_format(due, sizeof due, arc_invoice_due_date(invoice));
        if (rc != ARC_OK)
            fail(rc, "format due date");
    }

    if (rc == ARC_OK) {
        snprintf(detail, sizeof detail, "due %s, %s, owes %s", due,
                 arc_invoice_status_name(arc_invoice_status_of(invoice)), balance);
        print_event(date, kind, arc_invoice_number(invoice),
                    account_name(story, arc_invoice_customer_id(invoice)), total, detail);
    }

    arc_invoice_free(invoice);
    return rc;
}

static int invoice_balance(int64_t *out, struct story *story, arc_id invoice_id)
{
    arc_invoice *invoice = NULL;
    int rc = arc_invoice_lookup(&invoice, story->db, invoice_id);

    if (rc != ARC_OK)
        return fail(rc, "read invoice");

    *out = arc_invoice_balance(invoice);
    arc_invoice_free(invoice);
    return ARC_OK;
}

static int issue_invoice(arc_id *out, struct story *story, arc_id customer_id,
                         const char *issue_text, const arc_invoice_line_opts *lines,
                         size_t line_count)
{
    arc_invoice_opts opts = ARC_INVOICE_OPTS_INIT;
    int rc;

    rc = parse_date(&opts.issue_date, issue_text);
    if (rc != ARC_OK)
        return rc;

    opts.customer_id = customer_id;
    opts.lines = lines;
    opts.line_count = line_count;
    opts.flags = ARC_INVOICE_CREATE_ISSUED;

    rc = arc_invoice_create(out, story->db, &opts);
    if (rc != ARC_OK)
        return fail(rc, "issue invoice");

    return print_invoice(story, "invoice", *out, issue_text);
}

/* A one-off project billed before the quarter starts. The client holds its
 * payment back until a punch list is closed, so it is still owed in April. */
static int bill_project(struct story *story)
{
    arc_invoice_line_opts line = ARC_INVOICE_LINE_OPTS_INIT;
    const struct account *account = &story->accounts[TAILSPIN];

    line.description = "Office network refresh project, fixed fee";
    line.item_code = "PRJ-NET";
    line.unit_price = 320000;
    line.tax_rate = account->tax_rate;

    return issue_invoice(&story->project_invoice, story, account->id, "2024-11-25", &line,
                         1);
}

/* The subscription lines of one account for one month. */
static size_t subscription_lines(arc_invoice_line_opts *lines,
                                 const struct account *account, int month,
                                 arc_date period_start, arc_date period_end)
{
    arc_invoice_line_opts line = ARC_INVOICE_LINE_OPTS_INIT;
    size_t count = 0;

    line.tax_rate = account->tax_rate;
    line.period_start = period_start;
    line.period_end = period_end;

    line.description = "Managed endpoints";
    line.item_code = "MSP-ENDPOINT";
    line.quantity = account->endpoints[month];
    line.unit_price = account->endpoint_price;
    lines[count++] = line;

    line.description = "Microsoft 365 Business Premium";
    line.item_code = "M365-BP";
    line.quantity = account->seats[month];
    line.unit_price = account->seat_price;
    lines[count++] = line;

    if (account->after_hours[month] != NULL) {
        line.description = "After-hours support (hours)";
        line.item_code = "SUP-AFTER-HOURS";
        line.quantity = account->after_hours[month];
        line.unit_price = account->after_hours_rate;
        lines[count++] = line;
    }
    return count;
}

static int bill_month(struct story *story, int month)
{
    arc_invoice_line_opts lines[3];
    arc_date period_start, period_end;
    int rc;

    rc = parse_date(&period_start, month_start[month]);
    if (rc == ARC_OK)
        rc = parse_date(&period_end, month_end[month]);

    for (int i = 0; rc == ARC_OK && i < ACCOUNT_COUNT; i++) {
        struct account *account = &story->accounts[i];
        size_t count =
            subscription_lines(lines, account, month, period_start, period_end);

        rc = issue_invoice(&account->invoices[month], story, account->id,
                           month_start[month], lines, count);
    }
    return rc;
}

static int bill_february(struct story *story)
{
    printf("\n");
    return bill_month(story, 0);
}

static int bill_march(struct story *story)
{
    printf("\n");
    return bill_month(story, 1);
}

static int bill_april(struct story *story)
{
    printf("\n");
    return bill_month(story, 2);
}

static int record_payment(arc_id *out, struct story *story, const arc_payment_opts *opts,
                          const char *date)
{
    char amount[AMOUNT_BUFSIZE], document[32], detail[96];
    int rc;

    rc = arc_payment_record(out, story->db, opts);
    if (rc != ARC_OK)
        return fail(rc, "record payment");

    rc = format_amount(amount, sizeof amount, opts->amount, opts->currency);
    if (rc != ARC_OK)
        return rc;

    snprintf(document, sizeof document, "payment #%lld", (long long)*out);
    snprintf(detail, sizeof detail, "%s, ref %s", arc_payment_method_name(opts->method),
             opts->reference);
    print_event(date, "payment", document, account_name(story, opts->customer_id), amount,
                detail);
    return ARC_OK;
}

/* Apply part of a payment to one invoice, dated the day the money came in. */
static int apply_payment(struct story *story, arc_id payment_id, arc_id invoice_id,
                         int64_t amount, const char *date)
{
    arc_date applied_on;
    int rc;

    rc = parse_date(&applied_on, date);
    if (rc != ARC_OK)
        return rc;

    rc = arc_payment_apply(story->db, payment_id, invoice_id, amount, applied_on);
    if (rc != ARC_OK)
        return fail(rc, "apply payment");

    return print_invoice(story, "applied", invoice_id, date);
}

/* Contoso's February invoice, paid in full by ACH and applied explicitly. */
static int contoso_pays_february(struct story *story)
{
    const struct account *account = &story->accounts[CONTOSO];
    arc_payment_opts opts = ARC_PAYMENT_OPTS_INIT;
    arc_id payment_id;
    int rc;

    opts.customer_id = account->id;
    opts.currency = account->currency;
    opts.method = ARC_PAYMENT_ACH;
    opts.reference = "ACH 0303-118274";
    rc = parse_date(&opts.received_on, "2025-03-03");
    if (rc == ARC_OK)
        rc = invoice_balance(&opts.amount, story, account->invoices[0]);
    if (rc != ARC_OK)
        return rc;

    printf("\n");
    rc = record_payment(&payment_id, story, &opts, "2025-03-03");
    if (rc != ARC_OK)
        return rc;

    return apply_payment(story, payment_id, account->invoices[0], opts.amount,
                         "2025-03-03");
}

/* Alpine wires part of its February invoice. */
static int alpine_wires_part(struct story *story)
{
    const struct account *account = &story->accounts[ALPINE];
    arc_payment_opts opts = ARC_PAYMENT_OPTS_INIT;
    arc_id payment_id;
    int rc;

    opts.customer_id = account->id;
    opts.currency = account->currency;
    opts.amount = 60000;
    opts.method = ARC_PAYMENT_WIRE;
    opts.reference = "SEPA AWG-2025-0314";
    rc = parse_date(&opts.received_on, "2025-03-14");
    if (rc != ARC_OK)
        return rc;

    rc = record_payment(&payment_id, story, &opts, "2025-03-14");
    if (rc != ARC_OK)
        return rc;

    return apply_payment(story, payment_id, account->invoices[0], opts.amount,
                         "2025-03-14");
}

/* A four-hour outage on 12 March earns Fabrikam a service credit. */
static int fabrikam_service_credit(struct story *story)
{
    const struct account *account = &story->accounts[FABRIKAM];
    arc_credit_memo_opts opts = ARC_CREDIT_MEMO_OPTS_INIT;
    arc_credit_memo *memo = NULL;
    arc_id memo_id;
    char amount[AMOUNT_BUFSIZE];
    int rc;

    opts.customer_id = account->id;
    opts.amount = 25000;
    opts.reason = "SLA credit: email outage on 2025-03-12";
    opts.invoice_id = account->invoices[1];
    rc = parse_date(&opts.issue_date, "2025-03-20");
    if (rc != ARC_OK)
        return rc;

    rc = arc_credit_memo_create(&memo_id, story->db, &opts);
    if (rc != ARC_OK)
        return fail(rc, "create credit memo");

    rc = arc_credit_memo_lookup(&memo, story->db, memo_id);
    if (rc != ARC_OK)
        return fail(rc, "read credit memo");

    rc = format_amount(amount, sizeof amount, arc_credit_memo_amount(memo),
                       arc_credit_memo_currency(memo));
    if (rc == ARC_OK)
        print_event("2025-03-20", "credit", arc_credit_memo_number(memo), account->name,
                    amount, opts.reason);
    arc_credit_memo_free(memo);
    if (rc != ARC_OK)
        return rc;

    return print_invoice(story, "applied", account->invoices[1], "2025-03-20");
}

/* Contoso pays March by ACH; the debit comes back four days later. */
static int contoso_pays_march(struct story *story)
{
    const struct account *account = &story->accounts[CONTOSO];
    arc_payment_opts opts = ARC_PAYMENT_OPTS_INIT;
    int rc;

    opts.customer_id = account->id;
    opts.currency = account->currency;
    opts.method = ARC_PAYMENT_ACH;
    opts.reference = "ACH 0331-120655";
    rc = parse_date(&opts.received_on, "2025-03-31");
    if (rc == ARC_OK)
        rc = invoice_balance(&opts.amount, story, account->invoices[1]);
    if (rc != ARC_OK)
        return rc;

    rc = record_payment(&story->returned_payment, story, &opts, "2025-03-31");
    if (rc != ARC_OK)
        return rc;

    return apply_payment(story, story->returned_payment, account->invoices[1],
                         opts.amount, "2025-03-31");
}

static int contoso_ach_returned(struct story *story)
{
    const struct account *account = &story->accounts[CONTOSO];
    const char *reason = "R01 insufficient funds";
    char document[32];
    arc_date returned_on;
    int rc;

    rc = parse_date(&returned_on, "2025-04-04");
    if (rc != ARC_OK)
        return rc;

    rc = arc_payment_reverse(story->db, story->returned_payment, returned_on, reason);
    if (rc != ARC_OK)
        return fail(rc, "reverse payment");

    snprintf(document, sizeof document, "payment #%lld",
             (long long)story->returned_payment);
    print_event("2025-04-04", "returned", document, account->name, "", reason);
    return print_invoice(story, "reopened", account->invoices[1], "2025-04-04");
}

/* Fabrikam pays a round sum by card; the book applies it oldest due first. */
static int fabrikam_card_auto_applied(struct story *story)
{
    const struct account *account = &story->accounts[FABRIKAM];
    arc_payment_opts opts = ARC_PAYMENT_OPTS_INIT;
    arc_payment *payment = NULL;
    arc_id payment_id;
    char applied[AMOUNT_BUFSIZE];
    int rc;

    opts.customer_id = account->id;
    opts.amount = 300000;
    opts.currency = account->currency;
    opts.method = ARC_PAYMENT_CARD;
    opts.reference = "card ch_3PfK2x";
    opts.flags = ARC_PAYMENT_AUTO_APPLY;
    rc = parse_date(&opts.received_on, "2025-04-10");
    if (rc != ARC_OK)
        return rc;

    rc = record_payment(&payment_id, story, &opts, "2025-04-10");
    if (rc != ARC_OK)
        return rc;

    rc = arc_payment_lookup(&payment, story->db, payment_id);
    if (rc != ARC_OK)
        return fail(rc, "read payment");

    rc = format_amount(applied, sizeof applied, arc_payment_applied(payment),
                       arc_payment_currency(payment));
    arc_payment_free(payment);
    if (rc != ARC_OK)
        return rc;

    print_event("2025-04-10", "auto", "", account->name, applied,
                "applied automatically, oldest due first");
    return print_invoice(story, "applied", account->invoices[0], "2025-04-10");
}

/*
 * Tailspin pays its February invoice in the portal. The portal's request
 * times out and is sent again with the same idempotency key: the book
 * returns the first payment instead of recording a second one.
 */
static int tailspin_pays_in_portal(struct story *story)
{
    const struct account *account = &story->accounts[TAILSPIN];
    arc_payment_opts opts = ARC_PAYMENT_OPTS_INIT;
    char key[ARC_TOKEN_BUFSIZE], document[32];
    arc_id payment_id, retried_id;
    int rc;

    rc = arc_token_generate(key, sizeof key);
    if (rc != ARC_OK)
        return fail(rc, "idempotency key");

    opts.customer_id = account->id;
    opts.currency = account->currency;
    opts.method = ARC_PAYMENT_CARD;
    opts.reference = "portal checkout 88412";
    opts.idempotency_key = key;
    rc = parse_date(&opts.received_on, "2025-04-18");
    if (rc == ARC_OK)
        rc = invoice_balance(&opts.amount, story, account->invoices[0]);
    if (rc == ARC_OK)
        rc = record_payment(&payment_id, story, &opts, "2025-04-18");
    if (rc != ARC_OK)
        return rc;

    rc = arc_payment_record(&retried_id, story->db, &opts);
    if (rc != ARC_OK)
        return fail(rc, "retry payment");

    snprintf(document, sizeof document, "payment #%lld", (long long)retried_id);
    print_event("2025-04-18", "retry", document, account->name, "",
                retried_id == payment_id ? "same key: first payment returned, none added"
                                         : "same key: DUPLICATE PAYMENT RECORDED");
    if (retried_id != payment_id)
        return fail(ARC_ERROR, "idempotent retry");

    return apply_payment(story, payment_id, account->invoices[0], opts.amount,
                         "2025-04-18");
}

static int print_customer_balance(struct story *story, const arc_customer *customer)
{
    const char *currency = arc_customer_currency(customer);
    char balance[AMOUNT_BUFSIZE], credit[AMOUNT_BUFSIZE];
    int64_t open_balance, unapplied;
    int rc;

    rc = arc_customer_balance(&open_balance, story->db, arc_customer_id(customer), NULL);
    if (rc != ARC_OK)
        return fail(rc, "customer balance");

    rc = arc_customer_unapplied_credit(&unapplied, story->db, arc_customer_id(customer),
                                       NULL);
    if (rc != ARC_OK)
        return fail(rc, "unapplied credit");

    rc = format_amount(balance, sizeof balance, open_balance, currency);
    if (rc == ARC_OK)
        rc = format_amount(credit, sizeof credit, unapplied, currency);
    if (rc == ARC_OK)
        printf("%-8s %-*s %*s %*s\n", arc_customer_reference(customer), NAME_WIDTH,
               arc_customer_name(customer), AMOUNT_WIDTH, balance, AMOUNT_WIDTH + 4,
               credit);
    return rc;
}

static int report_balances(struct story *story)
{
    arc_customer_page *page = NULL;
    int rc;

    rc = arc_customer_list(&page, story->db, NULL);
    if (rc != ARC_OK)
        return fail(rc, "list customers");

    printf("\nBalances as of %s\n", TODAY);
    printf("%-8s %-*s %*s %*s\n", "Account", NAME_WIDTH, "Customer", AMOUNT_WIDTH,
           "Open balance", AMOUNT_WIDTH + 4, "Unapplied credit");

    for (size_t i = 0; rc == ARC_OK && i < arc_customer_page_count(page); i++)
        rc = print_customer_balance(story, arc_customer_page_at(page, i));

    arc_customer_page_free(page);
    return rc;
}

/* A label, then one right-aligned amount per column. */
static int print_amount_row(const char *label, const int64_t *amounts, size_t count,
                            const char *currency)
{
    char cell[AMOUNT_BUFSIZE];

    printf("%-*s", NAME_WIDTH, label);
    for (size_t i = 0; i < count; i++) {
        int rc = format_amount(cell, sizeof cell, amounts[i], currency);

        if (rc != ARC_OK)
            return rc;
        printf(" %*s", AMOUNT_WIDTH, cell);
    }
    printf("\n");
    return ARC_OK;
}

static void print_aging_header(const arc_aging *aging)
{
    printf("%-*s", NAME_WIDTH, "Customer");
    for (size_t b = 0; b < arc_aging_bucket_count(aging); b++)
        printf(" %*s", AMOUNT_WIDTH, arc_aging_bucket_label(aging, b));
    printf(" %*s\n", AMOUNT_WIDTH, "Total");
}

static int print_aging_rows(struct story *story, const arc_aging *aging)
{
    int64_t amounts[ARC_AGING_MAX_EDGES + 3];
    size_t buckets = arc_aging_bucket_count(aging);
    int rc = ARC_OK;

    for (size_t row = 0; rc == ARC_OK && row < arc_aging_row_count(aging); row++) {
        for (size_t b = 0; b < buckets; b++)
            amounts[b] = arc_aging_row_amount(aging, row, b);
        amounts[buckets] = arc_aging_row_total(aging, row);

        rc = print_amount_row(account_name(story, arc_aging_row_customer_id(aging, row)),
                              amounts, buckets + 1, arc_aging_row_currency(aging, row));
    }
    return rc;
}

static int print_aging_totals(const arc_aging *aging)
{
    int64_t amounts[ARC_AGING_MAX_EDGES + 3];
    size_t buckets = arc_aging_bucket_count(aging);
    char label[32];
    int rc = ARC_OK;

    for (size_t c = 0; rc == ARC_OK && c < arc_aging_currency_count(aging); c++) {
        const char *currency = arc_aging_currency_at(aging, c);

        for (size_t b = 0; b < buckets; b++)
            amounts[b] = arc_aging_total_amount(aging, c, b);
        amounts[buckets] = arc_aging_total(aging, c);

        snprintf(label, sizeof label, "Total %s (%zu invoices)", currency,
                 arc_aging_total_invoice_count(aging, c));
        rc = print_amount_row(label, amounts, buckets + 1, currency);
    }
    return rc;
}

static int report_aging(struct story *story)
{
    arc_aging *aging = NULL;
    int rc;

    rc = arc_aging_compute(&aging, story->db, NULL);
    if (rc != ARC_OK)
        return fail(rc, "aging report");

    printf("\nAging as of %s (days past due)\n", TODAY);
    print_aging_header(aging);
    rc = print_aging_rows(story, aging);
    if (rc == ARC_OK)
        rc = print_aging_totals(aging);

    arc_aging_free(aging);
    return rc;
}

/* The story, in the order things happen. */
static int (*const story_steps[])(struct story *) = {
    set_numbering,
    add_customers,
    add_contact,
    bill_project,
    bill_february,
    bill_march,
    contoso_pays_february,
    alpine_wires_part,
    fabrikam_service_credit,
    contoso_pays_march,
    bill_april,
    contoso_ach_returned,
    fabrikam_card_auto_applied,
    tailspin_pays_in_portal,
    report_balances,
    report_aging,
};

static int run_story(struct story *story)
{
    size_t step_count = sizeof story_steps / sizeof story_steps[0];
    int rc = ARC_OK;

    for (size_t i = 0; rc == ARC_OK && i < step_count; i++)
        rc = story_steps[i](story);
    return rc;
}

/* Remove the temporary book, its SQLite side files and its directory. */
static void remove_temp_book(const char *dir, const char *book_path)
{
    static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
    char path[PATH_BUFSIZE + 48];

    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        snprintf(path, sizeof path, "%s%s", book_path, suffixes[i]);
        if (unlink(path) != 0 && errno != ENOENT)
            fprintf(stderr, "arc_example_billing: remove %s: %s\n", path,
                    strerror(errno));
    }

    if (rmdir(dir) != 0)
        fprintf(stderr, "arc_example_billing: remove %s: %s\n", dir, strerror(errno));
}

static int make_temp_book(char *dir, size_t dir_size, char *book_path, size_t path_size)
{
    const char *tmp = getenv("TMPDIR");

    if (tmp == NULL || tmp[0] == '\0')
        tmp = "/tmp";

    snprintf(dir, dir_size, "%s/arc-billing-XXXXXX", tmp);
    if (mkdtemp(dir) == NULL) {
        fprintf(stderr, "arc_example_billing: mkdtemp %s: %s\n", dir, strerror(errno));
        return -1;
    }

    snprintf(book_path, path_size, "%s/northwind.arcbook", dir);
    return 0;
}

int main(int argc, char **argv)
{
    struct story story = { 0 };
    char dir[PATH_BUFSIZE] = "", book_path[PATH_BUFSIZE + 32];
    const char *path = argc > 1 ? argv[1] : book_path;
    int rc;

    if (argc > 2) {
        fprintf(stderr, "usage: %s [BOOK_PATH]\n", argv[0]);
        return 2;
    }

    memcpy(story.accounts, account_templates, sizeof story.accounts);
    if (argc == 1 && make_temp_book(dir, sizeof dir, book_path, sizeof book_path) != 0)
        return 1;

    rc = open_book(&story, path);
    if (rc == ARC_OK)
        rc = run_story(&story);
    arc_db_close(story.db);

    if (argc == 1)
        remove_temp_book(dir, book_path);
    return rc == ARC_OK ? 0 : 1;
}
