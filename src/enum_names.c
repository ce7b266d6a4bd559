/*
 * Enumerations back from their names: each public *_name() function is the
 * one table, read until it runs out of names.
 */
#include <string.h>

#include "arcollect.h"
#include "enum_names.h"

typedef const char *(*name_fn)(int value);

static int parse(name_fn name, const char *text)
{
    const char *candidate;

    for (int value = 0; text != NULL && (candidate = name(value)) != NULL; value++) {
        if (strcmp(candidate, text) == 0)
            return value;
    }
    return -1;
}

static const char *customer_status(int value)
{
    return arc_customer_status_name((arc_customer_status)value);
}

static const char *invoice_status(int value)
{
    return arc_invoice_status_name((arc_invoice_status)value);
}

static const char *payment_method(int value)
{
    return arc_payment_method_name((arc_payment_method)value);
}

static const char *application_kind(int value)
{
    return arc_application_kind_name((arc_application_kind)value);
}

static const char *dispute_status(int value)
{
    return arc_dispute_status_name((arc_dispute_status)value);
}

static const char *dispute_outcome(int value)
{
    return arc_dispute_outcome_name((arc_dispute_outcome)value);
}

static const char *event_kind(int value)
{
    return arc_event_kind_name((arc_event_kind)value);
}

int arc_parse_customer_status(const char *text)
{
    return parse(customer_status, text);
}

int arc_parse_invoice_status(const char *text)
{
    return parse(invoice_status, text);
}

int arc_parse_payment_method(const char *text)
{
    return parse(payment_method, text);
}

int arc_parse_application_kind(const char *text)
{
    return parse(application_kind, text);
}

int arc_parse_dispute_status(const char *text)
{
    return parse(dispute_status, text);
}

int arc_parse_dispute_outcome(const char *text)
{
    return parse(dispute_outcome, text);
}

int arc_parse_event_kind(const char *text)
{
    return parse(event_kind, text);
}
