/**
 * @file arcollect/sys/records.h
 * @brief The records a storage backend stores and returns (see
 *        arcollect/sys/backend.h).
 *
 * These are the structs behind the opaque handles of the public API
 * (arc_customer, arc_invoice...). Applications never need this header; a
 * backend reads the records the library gives it and fills the ones it is
 * asked for, field by field, and never needs to understand them: every
 * business rule is the library's.
 *
 * Ownership: every `char *` member and every array member of a record that
 * a backend fills must be allocated with the C library's malloc() (or be
 * NULL); the library releases them with free(). Records the library passes
 * in are only read, and only for the duration of the call: copy what you
 * keep. Pages (`struct arc_*_page`) are filled by appending records to
 * `items` (malloc'd, grown with realloc()) and counting them in `count`.
 *
 * Conventions for values: ids are positive (0 means "none"); dates are
 * #arc_date days, #ARC_DATE_NONE for "none"; instants are #arc_time seconds;
 * amounts are int64 minor units; a currency is an upper-case ISO 4217 code
 * with its terminating NUL, or "" for none; enumerations are the public
 * ones. A backend must return every field exactly as it was stored.
 *
 * The layouts belong to #ARC_BACKEND_VERSION: they change only together
 * with it.
 */
#ifndef ARCOLLECT_SYS_RECORDS_H
#define ARCOLLECT_SYS_RECORDS_H

#include <stdbool.h>

#include "../automation.h"
#include "../communication.h"
#include "../customer.h"
#include "../dispute.h"
#include "../event.h"
#include "../invoice.h"
#include "../payment.h"
#include "../credit_memo.h"
#include "../application.h"
#include "../reason_code.h"

#ifdef __cplusplus
extern "C" {
#endif

/** An ISO 4217 code and its NUL; "" when there is none. */
typedef char arc_currency_code[4];

/** A customer (arcollect/customer.h). */
struct arc_customer {
    arc_id id;                  /**< Given by the backend on insert. */
    char *reference;            /**< The host's reference; unique in a book. */
    char *name;                 /**< Name. */
    char *billing_email;        /**< Billing email, or NULL. */
    char *phone;                /**< Phone, or NULL. */
    char *owner;                /**< Collector, or NULL. */
    arc_currency_code currency; /**< Default currency. */
    int payment_terms_days;     /**< Payment terms. */
    int64_t credit_limit;       /**< Credit limit in minor units of @ref currency. */
    arc_customer_status status; /**< Status. */
    arc_time created_at;        /**< Creation instant. */
    arc_time updated_at;        /**< Last change. */
};

/** Customers, in the order a list asks for. */
struct arc_customer_page {
    struct arc_customer *items; /**< The records. */
    size_t count;               /**< How many. */
};

/** A contact of a customer. */
struct arc_contact {
    arc_id id;           /**< Given by the backend on insert. */
    arc_id customer_id;  /**< Its customer. */
    char *name;          /**< Name. */
    char *role;          /**< Role, or NULL. */
    char *email;         /**< Email, or NULL. */
    char *phone;         /**< Phone, or NULL. */
    arc_time created_at; /**< Creation instant. */
};

/** Contacts of one customer, in id order. */
struct arc_contact_page {
    struct arc_contact *items; /**< The records. */
    size_t count;              /**< How many. */
};

/** A line of an invoice; stored with its invoice, keyed by (invoice, line_no). */
struct arc_invoice_line {
    int line_no;           /**< Position on the invoice, from 1. */
    char *description;     /**< Description. */
    char *quantity;        /**< Exact decimal text, stored as text. */
    int64_t unit_price;    /**< Minor units. */
    char *tax_rate;        /**< Exact decimal text (a percentage), stored as text. */
    char *item_code;       /**< Item code, or NULL. */
    arc_date period_start; /**< Service period start, or #ARC_DATE_NONE. */
    arc_date period_end;   /**< Service period end, or #ARC_DATE_NONE. */
    int64_t net;           /**< Net amount. */
    int64_t tax;           /**< Tax amount. */
};

/** An invoice, with its lines when they were asked for. */
struct arc_invoice {
    arc_id id;                  /**< Given by the backend on insert. */
    char *number;               /**< Unique in a book. */
    arc_id customer_id;         /**< Its customer. */
    arc_invoice_status status;  /**< Status. */
    arc_currency_code currency; /**< Currency. */
    arc_date issue_date;        /**< Issue date, or #ARC_DATE_NONE for a draft. */
    arc_date due_date;          /**< Due date, or #ARC_DATE_NONE. */
    bool due_date_given;        /**< Whether the due date was set explicitly. */
    char *memo;                 /**< Memo, or NULL. */
    int64_t subtotal;           /**< Sum of the lines' net amounts. */
    int64_t tax;                /**< Sum of the lines' tax. */
    int64_t total;              /**< Subtotal plus tax. */
    int64_t paid;               /**< Applied payments and credits in force. */
    int64_t balance;     /**< Still owed; 0 for drafts, void and settled invoices. */
    arc_date closed_on;  /**< Date voided or written off, or #ARC_DATE_NONE. */
    char *close_reason;  /**< Why, or NULL. */
    arc_time created_at; /**< Creation instant. */
    arc_time updated_at; /**< Last change. */
    struct arc_invoice_line
        *lines;        /**< Its lines by line_no, when asked for; else NULL. */
    size_t line_count; /**< Entries in @ref lines. */
};

/** Invoices, in the order a list asks for. */
struct arc_invoice_page {
    struct arc_invoice *items; /**< The records. */
    size_t count;              /**< How many. */
};

/** A payment. */
struct arc_payment {
    arc_id id;                  /**< Given by the backend on insert. */
    arc_id customer_id;         /**< Who paid. */
    int64_t amount;             /**< Amount received. */
    arc_currency_code currency; /**< Currency. */
    arc_payment_method method;  /**< Method. */
    arc_date received_on;       /**< Date received. */
    char *reference;            /**< Reference, or NULL. */
    char *idempotency_key;      /**< Unique in a book when not NULL. */
    int64_t applied;            /**< Applied to invoices, in force. */
    arc_date reversed_on;       /**< Reversal date, or #ARC_DATE_NONE while in force. */
    char *reversal_reason;      /**< Why, or NULL. */
    arc_time created_at;        /**< Creation instant. */
};

/** Payments, in the order a list asks for. */
struct arc_payment_page {
    struct arc_payment *items; /**< The records. */
    size_t count;              /**< How many. */
};

/** A credit memo. */
struct arc_credit_memo {
    arc_id id;                  /**< Given by the backend on insert. */
    char *number;               /**< Unique in a book. */
    arc_id customer_id;         /**< Its customer. */
    int64_t amount;             /**< Amount. */
    arc_currency_code currency; /**< Currency. */
    arc_date issue_date;        /**< Issue date. */
    char *reason;               /**< Reason, or NULL. */
    int64_t applied;            /**< Applied to invoices, in force. */
    arc_date voided_on;         /**< Void date, or #ARC_DATE_NONE while in force. */
    char *void_reason;          /**< Why, or NULL. */
    arc_time created_at;        /**< Creation instant. */
};

/** Credit memos, in the order a list asks for. */
struct arc_credit_memo_page {
    struct arc_credit_memo *items; /**< The records. */
    size_t count;                  /**< How many. */
};

/** An application of a payment, credit memo, write-off or void to an invoice. */
struct arc_application {
    arc_id id;                 /**< Given by the backend on insert. */
    arc_application_kind kind; /**< What was applied. */
    arc_id invoice_id;         /**< The invoice. */
    arc_id source_id;     /**< The payment or credit memo; 0 for write-offs and voids. */
    int64_t amount;       /**< Amount. */
    arc_date applied_on;  /**< Date applied. */
    arc_date reversed_on; /**< Reversal date, or #ARC_DATE_NONE while in force. */
    arc_time created_at;  /**< Creation instant. */
};

/** Applications, in id order. */
struct arc_application_page {
    struct arc_application *items; /**< The records. */
    size_t count;                  /**< How many. */
};

/** A dispute reason code of the book's catalog, keyed by its code. */
struct arc_reason_code {
    char *code;          /**< The code; unique in a book. */
    char *label;         /**< Label. */
    char *category;      /**< Category. */
    char *description;   /**< Description, or NULL. */
    bool active;         /**< Whether new disputes may use it. */
    arc_time created_at; /**< Creation instant. */
    arc_time updated_at; /**< Last change. */
};

/** Reason codes, in code order. */
struct arc_reason_code_page {
    struct arc_reason_code *items; /**< The records. */
    size_t count;                  /**< How many. */
};

/** A dispute, with the invoice lines it names. */
struct arc_dispute {
    arc_id id;                   /**< Given by the backend on insert. */
    arc_id invoice_id;           /**< The invoice. */
    arc_id customer_id;          /**< The invoice's customer. */
    arc_currency_code currency;  /**< The invoice's currency. */
    char *reason_code;           /**< A code of the catalog. */
    int64_t amount;              /**< Disputed amount. */
    arc_dispute_status status;   /**< Status. */
    arc_dispute_outcome outcome; /**< Outcome. */
    int escalation_level;        /**< Escalation level. */
    char *opened_by;             /**< Who opened it. */
    char *owner;                 /**< Who owns it. */
    char *description;           /**< Description, or NULL. */
    arc_date due_date;           /**< Due date, or #ARC_DATE_NONE. */
    arc_time opened_at;          /**< Opening instant. */
    arc_time status_changed_at;  /**< When it entered its status. */
    arc_time updated_at;         /**< Last change. */
    arc_date resolved_on;        /**< Resolution date, or #ARC_DATE_NONE. */
    char *resolved_by;           /**< Who resolved it, or NULL. */
    int64_t resolved_amount;     /**< Credited or written off. */
    char *resolution_note;       /**< Why, or NULL. */
    arc_id credit_memo_id;       /**< The credit memo of a credited outcome, or 0. */
    char *reopen_reason;         /**< Why it was last reopened, or NULL. */
    int *lines;        /**< Invoice line numbers it names, ascending; or NULL. */
    size_t line_count; /**< Entries in @ref lines. */
    arc_date overdue_alerted_for; /**< The library's bookkeeping: store and return it. */
    int64_t state_seq;            /**< The library's bookkeeping: store and return it. */
};

/** Disputes, in the order a list asks for. */
struct arc_dispute_page {
    struct arc_dispute *items; /**< The records. */
    size_t count;              /**< How many. */
};

/** An event of the journal. */
struct arc_event {
    arc_id id;            /**< Given by the backend on append; grows with every event. */
    arc_event_kind kind;  /**< What happened. */
    arc_time occurred_at; /**< When. */
    char *actor;          /**< Who, or NULL. */
    arc_id record_id;     /**< The record it is about, or 0. */
    arc_id customer_id;   /**< The customer concerned, or 0. */
    arc_id invoice_id;    /**< The invoice concerned, or 0. */
    arc_id dispute_id;    /**< The dispute concerned, or 0. */
    int64_t amount;       /**< Amount, when @ref currency is not "". */
    arc_currency_code currency; /**< Currency of @ref amount, or "". */
    char *detail;               /**< Detail, or NULL. */
};

/** Events, in the order a read asks for. */
struct arc_event_page {
    struct arc_event *items; /**< The records. */
    size_t count;            /**< How many. */
};

/** An escalation rule (arcollect/automation.h). */
struct arc_escalation_rule {
    arc_id id;                  /**< Given by the backend on insert. */
    char *name;                 /**< Unique in a book. */
    bool active;                /**< Whether it runs. */
    unsigned int statuses;      /**< ARC_RULE_STATUS() bits; never 0. */
    int min_days_in_state;      /**< Condition. */
    int64_t min_amount;         /**< Condition. */
    arc_currency_code currency; /**< Condition, or "". */
    char *reason_code;          /**< Condition (a code of the catalog), or NULL. */
    int min_days_since_contact; /**< Condition. */
    int below_level;            /**< Condition. */
    unsigned int actions;       /**< #arc_rule_action bits. */
    char *assign_to;            /**< New owner, or NULL. */
    int due_in_days;            /**< Days to the new due date. */
    arc_time created_at;        /**< Creation instant. */
    arc_time updated_at;        /**< Last change. */
};

/** Escalation rules, in id order. */
struct arc_escalation_rule_page {
    struct arc_escalation_rule *items; /**< The records. */
    size_t count;                      /**< How many. */
};

/** A message of a chat transcript. */
struct arc_chat_message {
    char *author;     /**< Who wrote it. */
    arc_time sent_at; /**< When. */
    char *text;       /**< What. */
};

/** A communication with a customer, with its invoice links and transcript. */
struct arc_communication {
    arc_id id;                             /**< Given by the backend on insert. */
    arc_id customer_id;                    /**< The customer. */
    arc_communication_channel channel;     /**< Channel. */
    arc_communication_direction direction; /**< Direction. */
    arc_time occurred_at;                  /**< When it happened. */
    arc_time created_at;                   /**< When it was recorded. */
    char *user;                            /**< Who on our side, or NULL. */
    char *subject;                         /**< Subject, or NULL. */
    char *body;                            /**< Text (up to 10 MiB), or NULL. */
    char *email_from;                      /**< Email From, or NULL. */
    char *email_to;                        /**< Email To, or NULL. */
    char *email_cc;                        /**< Email Cc, or NULL. */
    char *message_id;      /**< Email Message-ID (unique in a book), or NULL. */
    char *in_reply_to;     /**< Email In-Reply-To, or NULL. */
    char *thread_id;       /**< Message-ID of the thread's first email, or NULL. */
    char *phone_number;    /**< Call number, or NULL. */
    int64_t call_duration; /**< Call seconds. */
    arc_call_outcome call_outcome;     /**< Call outcome. */
    arc_id dispute_id;                 /**< Linked dispute, or 0. */
    arc_id *invoice_ids;               /**< Linked invoices, ascending; or NULL. */
    size_t invoice_count;              /**< Entries in @ref invoice_ids. */
    struct arc_chat_message *messages; /**< Chat transcript in order sent; or NULL. */
    size_t message_count;              /**< Entries in @ref messages. */
};

/** Communications, in the order a list asks for. */
struct arc_communication_page {
    struct arc_communication *items; /**< The records. */
    size_t count;                    /**< How many. */
};

/** A full-text search hit. */
struct arc_communication_hit {
    arc_id id;                         /**< The communication. */
    arc_id customer_id;                /**< Its customer. */
    arc_communication_channel channel; /**< Its channel. */
    arc_time occurred_at;              /**< When it happened. */
    char *snippet;                     /**< Text around the match, marked. */
};

/** Search hits, best first. */
struct arc_communication_hit_page {
    struct arc_communication_hit *items; /**< The hits. */
    size_t count;                        /**< How many. */
};

#ifdef __cplusplus
}
#endif

#endif
