/*
 * Enumerations are stored by the names the public *_name() functions give,
 * so that plain SQL reads like the API.
 */
#include <string.h>

#include "sqlite_internal.h"

typedef const char *(*name_fn)(int value);

static int parse(name_fn name, const char *text)
{
    const char *candidate;

    if (text == NULL)
        return -1;
    for (int value = 0; (candidate = name(value)) != NULL; value++) {
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

static const char *method(int value)
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

int arc_sqlite_dispute_status_parse(const char *text)
{
    return parse(dispute_status, text);
}

int arc_sqlite_dispute_outcome_parse(const char *text)
{
    return parse(dispute_outcome, text);
}

static const char *event_kind(int value)
{
    return arc_event_kind_name((arc_event_kind)value);
}

int arc_sqlite_event_kind_parse(const char *text)
{
    return parse(event_kind, text);
}

int arc_sqlite_customer_status_parse(const char *text)
{
    return parse(customer_status, text);
}

int arc_sqlite_invoice_status_parse(const char *text)
{
    return parse(invoice_status, text);
}

int arc_sqlite_method_parse(const char *text)
{
    return parse(method, text);
}

int arc_sqlite_application_kind_parse(const char *text)
{
    return parse(application_kind, text);
}
