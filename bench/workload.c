/*
 * The workload: customers and invoices generated from their index alone, so
 * that the library side and the hand-written side write the same rows.
 */
#include <stdio.h>

#include "bench.h"

const char *const workload_line_description[2] = { "Managed endpoints",
                                                   "Microsoft 365 Business Premium" };
const char *const workload_line_item_code[2] = { "MSP-ENDPOINT", "M365-BP" };
const char *const workload_line_tax_rate[2] = { "8.25", NULL };

static const int64_t line_unit_price[2] = { 1500, 2200 };

/* The tax on a line taxed at 8.25%, rounded half away from zero. */
static int64_t sales_tax(int64_t net)
{
    return (net * 825 + 5000) / 10000;
}

int workload_payment_terms(long customer_index)
{
    static const int terms[] = { 30, 30, 15, 45, 60 };

    return terms[customer_index % 5];
}

void workload_customer_reference(char *buf, size_t size, long customer_index)
{
    snprintf(buf, size, "CUST-%06ld", customer_index + 1);
}

void workload_customer_name(char *buf, size_t size, long customer_index)
{
    static const char *const stems[] = {
        "Northwind", "Contoso", "Fabrikam", "Tailspin",
        "Wingtip",   "Litware", "Adatum",   "Proseware"
    };

    snprintf(buf, size, "%s Services %05ld", stems[customer_index % 8],
             customer_index + 1);
}

void workload_customer_email(char *buf, size_t size, long customer_index)
{
    snprintf(buf, size, "ap@client%06ld.example", customer_index + 1);
}

/* Issue dates spread over the twelve months before today; 60% get paid. */
static void invoice_dates(struct workload_invoice *out, long index, arc_date today)
{
    int terms = workload_payment_terms(out->customer_index);

    out->issue_date = today - (arc_date)((index * 7919L) % 365);
    out->due_date = out->issue_date + terms;
    out->paid = index % 5 < 3;
    out->paid_on = out->issue_date + 10 + (arc_date)(index % 20);
    if (out->paid_on > today)
        out->paid_on = today;
}

static void invoice_amounts(struct workload_invoice *out, long index)
{
    out->quantity[0] = 5 + index % 60;
    out->quantity[1] = 1 + index % 40;

    for (int i = 0; i < 2; i++) {
        out->unit_price[i] = line_unit_price[i];
        out->net[i] = out->quantity[i] * out->unit_price[i];
    }
    out->tax[0] = sales_tax(out->net[0]);
    out->tax[1] = 0;

    out->subtotal = out->net[0] + out->net[1];
    out->tax_total = out->tax[0] + out->tax[1];
    out->total = out->subtotal + out->tax_total;
}

void workload_invoice(struct workload_invoice *out, long index, long customer_count,
                      arc_date today)
{
    out->customer_index = index % customer_count;
    snprintf(out->number, sizeof out->number, "INV-%07ld", index + 1);
    invoice_dates(out, index, today);
    invoice_amounts(out, index);
}

/* Invoices whose index modulo 5 is 0, 1 or 2 are paid. */
long workload_payment_count(long invoice_count)
{
    long rest = invoice_count % 5;

    return invoice_count / 5 * 3 + (rest < 3 ? rest : 3);
}
