/*
 * The JSON shapes of customers, invoices, payments, credit memos and
 * disputes, shared by every command that prints them. docs/cli.md documents
 * each shape. Each writes the members of a record's object; the caller opens
 * and closes it, so that a command can add members of its own.
 */
#include "cli.h"

void print_customer_json(struct json *json, const arc_customer *customer)
{
    const char *currency = arc_customer_currency(customer);

    json_key_id(json, "id", arc_customer_id(customer));
    json_key_string(json, "reference", arc_customer_reference(customer));
    json_key_string(json, "name", arc_customer_name(customer));
    json_key_string(json, "billing_email", arc_customer_billing_email(customer));
    json_key_string(json, "phone", arc_customer_phone(customer));
    json_key_string(json, "currency", currency);
    json_key_int(json, "payment_terms_days", arc_customer_payment_terms_days(customer));
    json_key_money(json, "credit_limit", arc_customer_credit_limit(customer), currency);
    json_key_string(json, "owner", arc_customer_owner(customer));
    json_key_string(json, "status",
                    arc_customer_status_name(arc_customer_status_of(customer)));
    json_key_time(json, "created_at", arc_customer_created_at(customer));
}

/* "customer": {"id": 3, "reference": "C-1003"}, or null. */
void print_customer_ref_json(struct json *json, struct cli *cli, const char *key,
                             arc_id customer_id)
{
    json_key(json, key);
    if (customer_id <= 0) {
        json_null(json);
        return;
    }
    json_begin_object(json);
    json_key_id(json, "id", customer_id);
    json_key_string(json, "reference", cli_customer_reference(cli, customer_id));
    json_end_object(json);
}

/* "invoice": {"id": 7, "number": "INV-000007"}, or null. */
void print_invoice_ref_json(struct json *json, struct cli *cli, const char *key,
                            arc_id invoice_id)
{
    json_key(json, key);
    if (invoice_id <= 0) {
        json_null(json);
        return;
    }
    json_begin_object(json);
    json_key_id(json, "id", invoice_id);
    json_key_string(json, "number", cli_invoice_number(cli, invoice_id));
    json_end_object(json);
}

/* Without lines: an invoice of a page has none; cmd_invoice.c adds them. */
void print_invoice_json(struct json *json, struct cli *cli, const arc_invoice *invoice)
{
    const char *currency = arc_invoice_currency(invoice);

    json_key_id(json, "id", arc_invoice_id(invoice));
    json_key_string(json, "number", arc_invoice_number(invoice));
    print_customer_ref_json(json, cli, "customer", arc_invoice_customer_id(invoice));
    json_key_string(json, "status",
                    arc_invoice_status_name(arc_invoice_status_of(invoice)));
    json_key_string(json, "currency", currency);
    json_key_date(json, "issue_date", arc_invoice_issue_date(invoice));
    json_key_date(json, "due_date", arc_invoice_due_date(invoice));
    json_key_string(json, "memo", arc_invoice_memo(invoice));
    json_key_money(json, "subtotal", arc_invoice_subtotal(invoice), currency);
    json_key_money(json, "tax", arc_invoice_tax(invoice), currency);
    json_key_money(json, "total", arc_invoice_total(invoice), currency);
    json_key_money(json, "paid", arc_invoice_amount_paid(invoice), currency);
    json_key_money(json, "balance", arc_invoice_balance(invoice), currency);
}

void print_payment_json(struct json *json, struct cli *cli, const arc_payment *payment)
{
    const char *currency = arc_payment_currency(payment);

    json_key_id(json, "id", arc_payment_id(payment));
    print_customer_ref_json(json, cli, "customer", arc_payment_customer_id(payment));
    json_key_money(json, "amount", arc_payment_amount(payment), currency);
    json_key_string(json, "method",
                    arc_payment_method_name(arc_payment_method_of(payment)));
    json_key_date(json, "received_on", arc_payment_received_on(payment));
    json_key_string(json, "reference", arc_payment_reference(payment));
    json_key_string(json, "idempotency_key", arc_payment_idempotency_key(payment));
    json_key_money(json, "applied", arc_payment_applied(payment), currency);
    json_key_money(json, "unapplied", arc_payment_unapplied(payment), currency);
    json_key_bool(json, "reversed", arc_payment_is_reversed(payment) != 0);
    json_key_date(json, "reversed_on", arc_payment_reversed_on(payment));
    json_key_string(json, "reversal_reason", arc_payment_reversal_reason(payment));
}

void print_credit_memo_json(struct json *json, struct cli *cli,
                            const arc_credit_memo *memo)
{
    const char *currency = arc_credit_memo_currency(memo);

    json_key_id(json, "id", arc_credit_memo_id(memo));
    json_key_string(json, "number", arc_credit_memo_number(memo));
    print_customer_ref_json(json, cli, "customer", arc_credit_memo_customer_id(memo));
    json_key_money(json, "amount", arc_credit_memo_amount(memo), currency);
    json_key_date(json, "issue_date", arc_credit_memo_issue_date(memo));
    json_key_string(json, "reason", arc_credit_memo_reason(memo));
    json_key_money(json, "applied", arc_credit_memo_applied(memo), currency);
    json_key_money(json, "unapplied", arc_credit_memo_unapplied(memo), currency);
    json_key_bool(json, "void", arc_credit_memo_is_void(memo) != 0);
}

void print_dispute_json(struct json *json, struct cli *cli, const arc_dispute *dispute)
{
    const char *currency = arc_dispute_currency(dispute);
    arc_dispute_outcome outcome = arc_dispute_outcome_of(dispute);
    size_t line_count = arc_dispute_line_count(dispute);

    json_key_id(json, "id", arc_dispute_id(dispute));
    print_invoice_ref_json(json, cli, "invoice", arc_dispute_invoice_id(dispute));
    print_customer_ref_json(json, cli, "customer", arc_dispute_customer_id(dispute));
    json_key_string(json, "reason_code", arc_dispute_reason_code(dispute));
    json_key_money(json, "amount", arc_dispute_amount(dispute), currency);
    json_key_string(json, "status",
                    arc_dispute_status_name(arc_dispute_status_of(dispute)));
    json_key_string(json, "outcome", arc_dispute_outcome_name(outcome));
    json_key_int(json, "escalation_level", arc_dispute_escalation_level(dispute));
    json_key_string(json, "opened_by", arc_dispute_opened_by(dispute));
    json_key_string(json, "owner", arc_dispute_owner(dispute));
    json_key_string(json, "description", arc_dispute_description(dispute));
    json_key_date(json, "due_date", arc_dispute_due_date(dispute));
    json_key_time(json, "opened_at", arc_dispute_opened_at(dispute));
    json_key_time(json, "status_changed_at", arc_dispute_status_changed_at(dispute));
    json_key_date(json, "resolved_on", arc_dispute_resolved_on(dispute));
    json_key_string(json, "resolved_by", arc_dispute_resolved_by(dispute));
    json_key(json, "resolved_amount");
    if (outcome == ARC_DISPUTE_CREDITED || outcome == ARC_DISPUTE_WRITTEN_OFF)
        json_money(json, arc_dispute_resolved_amount(dispute), currency);
    else
        json_null(json);
    json_key_string(json, "resolution_note", arc_dispute_resolution_note(dispute));
    json_key_id(json, "credit_memo_id", arc_dispute_credit_memo_id(dispute));
    json_key_string(json, "reopen_reason", arc_dispute_reopen_reason(dispute));
    json_key(json, "lines");
    json_begin_array(json);
    for (size_t i = 0; i < line_count; i++)
        json_int(json, arc_dispute_line_at(dispute, i));
    json_end_array(json);
}

static const struct table_column application_columns[] = {
    { "APPLIED", CLI_LEFT, 0 },
    { "INVOICE", CLI_LEFT, 0 },
    { "AMOUNT", CLI_RIGHT, 0 },
    { "REVERSED", CLI_LEFT, 0 },
};

/* The applications of a payment or credit memo, as JSON members. */
void print_applications_json(struct json *json, struct cli *cli,
                             const arc_application_page *page, const char *currency)
{
    size_t count = arc_application_page_count(page);

    json_key(json, "applications");
    json_begin_array(json);
    for (size_t i = 0; i < count; i++) {
        const arc_application *application = arc_application_page_at(page, i);

        json_begin_object(json);
        json_key_id(json, "id", arc_application_id(application));
        print_invoice_ref_json(json, cli, "invoice",
                               arc_application_invoice_id(application));
        json_key_money(json, "amount", arc_application_amount(application), currency);
        json_key_date(json, "applied_on", arc_application_applied_on(application));
        json_key_date(json, "reversed_on", arc_application_reversed_on(application));
        json_end_object(json);
    }
    json_end_array(json);
}

/* The applications of a payment or credit memo, as a table. */
void print_applications_table(struct cli *cli, const arc_application_page *page,
                              const char *currency)
{
    size_t count = arc_application_page_count(page);
    char text[CLI_AMOUNT_BUFSIZE];
    struct table table;

    if (count == 0)
        return;
    table_init(&table, cli, application_columns,
               sizeof application_columns / sizeof *application_columns);
    for (size_t i = 0; i < count; i++) {
        const arc_application *application = arc_application_page_at(page, i);

        cli_format_date(text, sizeof text, arc_application_applied_on(application));
        table_add(&table, text);
        table_add(&table,
                  cli_invoice_number(cli, arc_application_invoice_id(application)));
        cli_format_amount(text, sizeof text, arc_application_amount(application),
                          currency);
        table_add(&table, text);
        cli_format_date(text, sizeof text, arc_application_reversed_on(application));
        table_add(&table, text);
    }
    fputc('\n', cli->out);
    table_print(&table, cli->out);
}
