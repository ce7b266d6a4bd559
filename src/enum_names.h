/*
 * Enumerations back from the names the public *_name() functions give them,
 * for backends that store those names so that plain SQL reads like the API.
 * Each returns the value, or -1 when @p text is NULL or names none.
 */
#ifndef ARC_ENUM_NAMES_H
#define ARC_ENUM_NAMES_H

int arc_parse_customer_status(const char *text);
int arc_parse_invoice_status(const char *text);
int arc_parse_payment_method(const char *text);
int arc_parse_application_kind(const char *text);
int arc_parse_dispute_status(const char *text);
int arc_parse_dispute_outcome(const char *text);
int arc_parse_event_kind(const char *text);

#endif
