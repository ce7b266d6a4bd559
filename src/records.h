/*
 * The records behind the public opaque handles. The domain modules fill and
 * check them; a storage backend reads and writes them field by field. Every
 * string member is owned by the record (malloc'd) unless noted.
 */
#ifndef ARC_SRC_RECORDS_H
#define ARC_SRC_RECORDS_H

#include <stdbool.h>

#include "arcollect.h"

/* ISO 4217 code plus NUL. */
typedef char arc_currency_code[4];

struct arc_customer {
    arc_id id;
    char *reference;
    char *name;
    char *billing_email;
    char *phone;
    char *owner;
    arc_currency_code currency;
    int payment_terms_days;
    int64_t credit_limit;
    arc_customer_status status;
    arc_time created_at;
    arc_time updated_at;
};

struct arc_customer_page {
    struct arc_customer *items;
    size_t count;
};

struct arc_contact {
    arc_id id;
    arc_id customer_id;
    char *name;
    char *role;
    char *email;
    char *phone;
    arc_time created_at;
};

struct arc_contact_page {
    struct arc_contact *items;
    size_t count;
};

struct arc_invoice_line {
    int line_no; /* 1-based position on the invoice */
    char *description;
    char *quantity; /* canonical decimal text */
    int64_t unit_price;
    char *tax_rate; /* canonical decimal text, a percentage */
    char *item_code;
    arc_date period_start;
    arc_date period_end;
    int64_t net;
    int64_t tax;
};

struct arc_invoice {
    arc_id id;
    char *number;
    arc_id customer_id;
    arc_invoice_status status;
    arc_currency_code currency;
    arc_date issue_date;
    arc_date due_date;
    bool due_date_given; /* due date set explicitly, not from terms */
    char *memo;
    int64_t subtotal;
    int64_t tax;
    int64_t total;
    int64_t paid;       /* applied payments and credit memos in force */
    int64_t balance;    /* still owed; 0 for drafts, void and settled invoices */
    arc_date closed_on; /* date voided or written off, else ARC_DATE_NONE */
    char *close_reason;
    arc_time created_at;
    arc_time updated_at;
    struct arc_invoice_line *lines;
    size_t line_count;
};

struct arc_invoice_page {
    struct arc_invoice *items;
    size_t count;
};

struct arc_payment {
    arc_id id;
    arc_id customer_id;
    int64_t amount;
    arc_currency_code currency;
    arc_payment_method method;
    arc_date received_on;
    char *reference;
    char *idempotency_key;
    int64_t applied;
    arc_date reversed_on; /* ARC_DATE_NONE while in force */
    char *reversal_reason;
    arc_time created_at;
};

struct arc_payment_page {
    struct arc_payment *items;
    size_t count;
};

struct arc_credit_memo {
    arc_id id;
    char *number;
    arc_id customer_id;
    int64_t amount;
    arc_currency_code currency;
    arc_date issue_date;
    char *reason;
    int64_t applied;
    arc_date voided_on; /* ARC_DATE_NONE while in force */
    char *void_reason;
    arc_time created_at;
};

struct arc_credit_memo_page {
    struct arc_credit_memo *items;
    size_t count;
};

struct arc_application {
    arc_id id;
    arc_application_kind kind;
    arc_id invoice_id;
    arc_id source_id; /* payment or credit memo id; 0 for write-off and void */
    int64_t amount;
    arc_date applied_on;
    arc_date reversed_on; /* ARC_DATE_NONE while in force */
    arc_time created_at;
};

struct arc_application_page {
    struct arc_application *items;
    size_t count;
};

struct arc_reason_code {
    char *code;
    char *label;
    char *category;
    char *description;
    bool active;
    arc_time created_at;
    arc_time updated_at;
};

struct arc_reason_code_page {
    struct arc_reason_code *items;
    size_t count;
};

struct arc_dispute {
    arc_id id;
    arc_id invoice_id;
    arc_id customer_id;
    arc_currency_code currency;
    char *reason_code;
    int64_t amount;
    arc_dispute_status status;
    arc_dispute_outcome outcome;
    int escalation_level;
    char *opened_by;
    char *owner;
    char *description;
    arc_date due_date;
    arc_time opened_at;
    arc_time status_changed_at;
    arc_time updated_at;
    arc_date resolved_on; /* ARC_DATE_NONE unless resolved */
    char *resolved_by;
    int64_t resolved_amount;
    char *resolution_note;
    arc_id credit_memo_id; /* 0 when none */
    char *reopen_reason;   /* why it was last reopened, or NULL */
    int *lines;            /* invoice line numbers named, ascending */
    size_t line_count;
    /* The due date for which automation last raised dispute.overdue, or
     * ARC_DATE_NONE; internal, not in the public API. */
    arc_date overdue_alerted_for;
    /* Counts the dispute's changes of state; internal. */
    int64_t state_seq;
};

struct arc_dispute_page {
    struct arc_dispute *items;
    size_t count;
};

/* Release what a record owns (not the record itself). */
void arc_customer_clear(struct arc_customer *customer);
void arc_contact_clear(struct arc_contact *contact);
void arc_invoice_clear(struct arc_invoice *invoice);
void arc_payment_clear(struct arc_payment *payment);
void arc_credit_memo_clear(struct arc_credit_memo *memo);
void arc_reason_code_clear(struct arc_reason_code *reason);
void arc_dispute_clear(struct arc_dispute *dispute);

struct arc_event {
    arc_id id;
    arc_event_kind kind;
    arc_time occurred_at;
    char *actor;
    arc_id record_id;
    arc_id customer_id;
    arc_id invoice_id;
    arc_id dispute_id;
    int64_t amount;
    arc_currency_code currency; /* "" when no amount */
    char *detail;
};

struct arc_event_page {
    struct arc_event *items;
    size_t count;
};

void arc_event_clear(struct arc_event *event);

/* An escalation rule (arcollect/automation.h). Strings are owned; currency is
 * "" and reason_code, assign_to NULL when the rule does not set them. */
struct arc_escalation_rule {
    arc_id id;
    char *name;
    bool active;
    unsigned int statuses; /* bits 1u << arc_dispute_status; never 0 once stored */
    int min_days_in_state;
    int64_t min_amount;
    arc_currency_code currency;
    char *reason_code;
    int min_days_since_contact;
    int below_level;
    unsigned int actions;
    char *assign_to;
    int due_in_days;
    arc_time created_at;
    arc_time updated_at;
};

struct arc_escalation_rule_page {
    struct arc_escalation_rule *items;
    size_t count;
};

void arc_escalation_rule_clear(struct arc_escalation_rule *rule);

struct arc_chat_message {
    char *author;
    arc_time sent_at;
    char *text;
};

struct arc_communication {
    arc_id id;
    arc_id customer_id;
    arc_communication_channel channel;
    arc_communication_direction direction;
    arc_time occurred_at;
    arc_time created_at;
    char *user;
    char *subject;
    char *body;
    char *email_from;
    char *email_to;
    char *email_cc;
    char *message_id;
    char *in_reply_to;
    char *thread_id; /* Message-ID of the thread's first email, or NULL */
    char *phone_number;
    int64_t call_duration;
    arc_call_outcome call_outcome;
    arc_id dispute_id;   /* 0 when none */
    arc_id *invoice_ids; /* ascending */
    size_t invoice_count;
    struct arc_chat_message *messages; /* in the order sent */
    size_t message_count;
};

struct arc_communication_page {
    struct arc_communication *items;
    size_t count;
};

struct arc_communication_hit {
    arc_id id;
    arc_id customer_id;
    arc_communication_channel channel;
    arc_time occurred_at;
    char *snippet;
};

struct arc_communication_hit_page {
    struct arc_communication_hit *items;
    size_t count;
};

void arc_communication_clear(struct arc_communication *communication);
void arc_communication_hit_clear(struct arc_communication_hit *hit);

#endif
