/*
 * A book kept in memory by a backend of the host's own.
 *
 * The program registers the example backend of this folder, opens the book
 * "memory:demo" with it, and runs a short story through the ordinary API:
 * a customer, an invoice, a partial payment by ACH, the aging report, a
 * dispute over the rest, a call with the customer, a search of the
 * communications. It then deletes the book. The clock is fixed, so every
 * run prints the same lines.
 *
 * Usage: arc_example_memory
 */
#include <stdio.h>
#include <stdlib.h>

#include <arcollect.h>

#include "memory_backend.h"

#define TODAY "2025-05-20"

static arc_time fixed_clock(void *clock_data)
{
    arc_date today = 0;

    (void)clock_data;
    arc_date_parse(&today, TODAY);
    return (arc_time)today * 86400 + 10 * 3600;
}

/* Print the failure of @p what and say so to the caller. */
static int failed(const char *what, int rc)
{
    fprintf(stderr, "arc_example_memory: %s: %s (%s)\n", what, arc_error_last(),
            arc_error_name(rc));
    return rc;
}

static void print_amount(const char *label, int64_t amount)
{
    char text[ARC_MONEY_BUFSIZE];

    arc_money_format(text, sizeof(text), amount, "USD");
    printf("%-28s %12s USD\n", label, text);
}

static arc_date date_of(const char *text)
{
    arc_date date = ARC_DATE_NONE;

    arc_date_parse(&date, text);
    return date;
}

/* A customer with one issued invoice for managed services. */
static int bill(arc_db *db, arc_id *customer, arc_id *invoice)
{
    arc_customer_opts customer_opts = ARC_CUSTOMER_OPTS_INIT;
    arc_invoice_line_opts line = ARC_INVOICE_LINE_OPTS_INIT;
    arc_invoice_opts invoice_opts = ARC_INVOICE_OPTS_INIT;
    int rc;

    customer_opts.reference = "TAILSPIN";
    customer_opts.name = "Tailspin Toys";
    customer_opts.currency = "USD";
    rc = arc_customer_create(customer, db, &customer_opts);
    if (rc != ARC_OK)
        return failed("customer", rc);

    line.description = "Managed endpoints, April";
    line.quantity = "40";
    line.unit_price = 4500;
    invoice_opts.customer_id = *customer;
    invoice_opts.issue_date = date_of("2025-04-01");
    invoice_opts.lines = &line;
    invoice_opts.line_count = 1;
    invoice_opts.flags = ARC_INVOICE_CREATE_ISSUED;
    rc = arc_invoice_create(invoice, db, &invoice_opts);
    return rc == ARC_OK ? ARC_OK : failed("invoice", rc);
}

/* A partial payment, applied automatically, and the customer's balance. */
static int collect(arc_db *db, arc_id customer)
{
    arc_payment_opts payment = ARC_PAYMENT_OPTS_INIT;
    int64_t balance = 0;
    int rc;

    payment.customer_id = customer;
    payment.amount = 120000;
    payment.method = ARC_PAYMENT_ACH;
    payment.received_on = date_of("2025-05-02");
    payment.idempotency_key = "ach-2025-05-02-tailspin";
    payment.flags = ARC_PAYMENT_AUTO_APPLY;
    rc = arc_payment_record(NULL, db, &payment);
    if (rc != ARC_OK)
        return failed("payment", rc);
    rc = arc_customer_balance(&balance, db, customer, "USD");
    if (rc != ARC_OK)
        return failed("balance", rc);
    print_amount("Balance after the payment", balance);
    return ARC_OK;
}

static int age(arc_db *db)
{
    arc_aging *aging = NULL;
    int rc = arc_aging_compute(&aging, db, NULL);

    if (rc != ARC_OK)
        return failed("aging", rc);
    for (size_t row = 0; row < arc_aging_row_count(aging); row++) {
        for (size_t bucket = 0; bucket < arc_aging_bucket_count(aging); bucket++) {
            char label[64];

            snprintf(label, sizeof(label), "Aging, %s",
                     arc_aging_bucket_label(aging, bucket));
            print_amount(label, arc_aging_row_amount(aging, row, bucket));
        }
    }
    arc_aging_free(aging);
    return ARC_OK;
}

/* The customer disputes the rest; a collector calls about it. */
static int dispute(arc_db *db, arc_id customer, arc_id invoice)
{
    arc_dispute_opts opts = ARC_DISPUTE_OPTS_INIT;
    arc_communication_opts call = ARC_COMMUNICATION_OPTS_INIT;
    arc_id dispute_id = 0;
    int rc;

    opts.invoice_id = invoice;
    opts.reason_code = "QUANTITY";
    opts.amount = 60000;
    opts.opened_by = "morgan";
    opts.description = "Only 28 endpoints were enrolled in April.";
    rc = arc_dispute_open(&dispute_id, db, &opts);
    if (rc != ARC_OK)
        return failed("dispute", rc);
    printf("Dispute %lld opened over the endpoint count\n", (long long)dispute_id);

    call.customer_id = customer;
    call.channel = ARC_CHANNEL_CALL;
    call.direction = ARC_DIRECTION_OUTBOUND;
    call.user = "morgan";
    call.phone_number = "+1 555 0142";
    call.call_duration = 420;
    call.call_outcome = ARC_CALL_REACHED;
    call.body = "Agreed to recount the enrolled endpoints before Friday.";
    call.dispute_id = dispute_id;
    rc = arc_communication_record(NULL, db, &call);
    return rc == ARC_OK ? ARC_OK : failed("call", rc);
}

static int search(arc_db *db)
{
    arc_communication_hit_page *hits = NULL;
    int rc = arc_communication_search(&hits, db, "endpoints", NULL);

    if (rc != ARC_OK)
        return failed("search", rc);
    printf("Search for \"endpoints\": %zu hits\n",
           arc_communication_hit_page_count(hits));
    for (size_t i = 0; i < arc_communication_hit_page_count(hits); i++) {
        const arc_communication_hit *hit = arc_communication_hit_page_at(hits, i);

        printf("  %-5s %s\n",
               arc_communication_channel_name(arc_communication_hit_channel(hit)),
               arc_communication_hit_snippet(hit));
    }
    arc_communication_hit_page_free(hits);
    return ARC_OK;
}

int main(void)
{
    arc_db_options opts = ARC_DB_OPTIONS_INIT;
    arc_id customer = 0, invoice = 0;
    arc_db *db = NULL;
    int rc = arc_example_memory_register();

    if (rc == ARC_OK) {
        opts.clock = fixed_clock;
        rc = arc_db_open(&db, "memory:demo", &opts);
    }
    if (rc != ARC_OK) {
        failed("opening memory:demo", rc);
        return EXIT_FAILURE;
    }

    rc = bill(db, &customer, &invoice);
    if (rc == ARC_OK)
        rc = collect(db, customer);
    if (rc == ARC_OK)
        rc = age(db);
    if (rc == ARC_OK)
        rc = dispute(db, customer, invoice);
    if (rc == ARC_OK)
        rc = search(db);

    arc_db_close(db);
    if (arc_book_delete("memory:demo", NULL) != ARC_OK && rc == ARC_OK)
        rc = failed("deleting memory:demo", arc_error_last_code());
    return rc == ARC_OK ? EXIT_SUCCESS : EXIT_FAILURE;
}
