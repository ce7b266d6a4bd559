/*
 * The records behind the public opaque handles, as arcollect/sys/records.h
 * defines them for backends, and the functions that release what a record
 * owns (not the record itself).
 */
#ifndef ARC_SRC_RECORDS_H
#define ARC_SRC_RECORDS_H

#include "arcollect.h"
#include "arcollect/sys/records.h"

void arc_customer_clear(struct arc_customer *customer);
void arc_contact_clear(struct arc_contact *contact);
void arc_invoice_clear(struct arc_invoice *invoice);
void arc_payment_clear(struct arc_payment *payment);
void arc_credit_memo_clear(struct arc_credit_memo *memo);
void arc_reason_code_clear(struct arc_reason_code *reason);
void arc_dispute_clear(struct arc_dispute *dispute);
void arc_event_clear(struct arc_event *event);
void arc_escalation_rule_clear(struct arc_escalation_rule *rule);
void arc_communication_clear(struct arc_communication *communication);
void arc_communication_hit_clear(struct arc_communication_hit *hit);

#endif
