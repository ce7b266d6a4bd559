/*
 * arcollect demo: a sample book for Harborline Managed IT, a fictional
 * managed service provider. The world (customers and what they buy) and a
 * plan of dated actions are drawn from a seeded generator; the actions are
 * then played in time order through the public API, with the book's clock set
 * to each action's instant. The same seed and today give the same book.
 */
#ifndef ARC_CLI_DEMO_H
#define ARC_CLI_DEMO_H

#include "cli.h"

#define DEMO_DEFAULT_CUSTOMERS 300
#define DEMO_MAX_CUSTOMERS     20000
#define DEMO_MONTHS            12
#define DEMO_DEFAULT_TODAY     "2025-06-30"
#define DEMO_REASON_CODES      12
#define DEMO_COLLECTORS        5
#define SECONDS_PER_DAY        86400

/* How many disputes and voided (then reissued) invoices a book of @p customers
 * holds; docs/cli.md states these counts. */
#define DEMO_DISPUTES(customers) ((customers)*4 / 5)
#define DEMO_VOIDS(customers)    ((customers) / 100 + 1)

/* splitmix64: small, fast, and the same on every platform. */
struct demo_rng {
    uint64_t state;
};

uint64_t demo_next(struct demo_rng *rng);
uint32_t demo_below(struct demo_rng *rng, uint32_t bound);
bool demo_chance(struct demo_rng *rng, uint32_t percent);

enum demo_payer {
    PAYER_PROMPT,    /* pays before the due date */
    PAYER_LATE,      /* pays weeks after it */
    PAYER_PARTIAL,   /* often pays in two parts */
    PAYER_DELINQUENT /* pays late, then stops paying */
};

struct demo_customer {
    char reference[16];
    char name[72];
    char domain[64];
    char contact_first[16];
    char contact_last[16];
    const char *contact_role;
    char phone[24];
    int terms_days;
    const char *tax_rate; /* NULL when tax exempt */
    const char *owner;
    arc_payment_method method;
    enum demo_payer payer;
    int stops_paying; /* the month from which a delinquent customer pays nothing */
    int tier;         /* 0 Essentials, 1 Professional, 2 Premium */
    int endpoints;
    int seats;
    int backup_tb;
    bool security;
    arc_id id;
};

/* One monthly invoice of one customer. */
struct demo_slot {
    arc_id id;
    char number[32];
    arc_date issued;
    arc_date due;
    int dispute; /* index into demo::disputes, or -1 */
    bool voided; /* voided and reissued */
    arc_id last_payment;
};

struct demo_dispute {
    int slot;
    int reason;
    int percent; /* of the invoice's total */
    arc_time opened_at;
    arc_time reviewed_at; /* 0 when never reviewed */
    arc_time escalated_at[2];
    int escalations;
    arc_time resolved_at; /* 0 while unresolved */
    arc_dispute_outcome outcome;
    int credit_percent;   /* of the disputed amount, when credited */
    arc_time reopened_at; /* 0 unless reopened after a rejection */
    arc_id id;
    char message_id[96];
};

enum demo_action_kind {
    ACT_RULES,
    ACT_CUSTOMER,
    ACT_ISSUE,
    ACT_VOID_REISSUE,
    ACT_PAY,
    ACT_PREPAY,
    ACT_REVERSE,
    ACT_CREDIT,
    ACT_DISPUTE_OPEN,
    ACT_DISPUTE_REVIEW,
    ACT_DISPUTE_ESCALATE,
    ACT_DISPUTE_RESOLVE,
    ACT_DISPUTE_REOPEN,
    ACT_COMM,
    ACT_HOLD,
    ACT_WRITE_OFF,
    ACT_AUTOMATION
};

/* What a payment pays of its invoice. */
enum demo_pay_mode {
    PAY_BALANCE,    /* the whole balance */
    PAY_UNDISPUTED, /* the balance less what is under open disputes */
    PAY_PART        /* a share of the balance (percent) */
};

/* The communications the demo writes; demo_text.c has their words. */
enum demo_comm {
    COMM_DISPUTE_EMAIL,    /* the customer disputes an invoice */
    COMM_DISPUTE_REPLY,    /* we acknowledge it */
    COMM_DISPUTE_CHAT,     /* the customer asks in the portal chat */
    COMM_DISPUTE_CALL,     /* the owner calls about it */
    COMM_ESCALATION_NOTE,  /* why it was escalated */
    COMM_RESOLUTION_EMAIL, /* we tell the customer the outcome */
    COMM_REMINDER,         /* an overdue reminder */
    COMM_COLLECTION_CALL,  /* a call about an overdue invoice */
    COMM_REMITTANCE,       /* the customer's remittance advice */
    COMM_HOLD_NOTE,        /* the account was put on hold */
    COMM_CREDIT_NOTE,      /* why a goodwill credit was given */
    COMM_REVERSAL_SMS      /* a text about a returned payment */
};

struct demo_action {
    arc_time at;
    uint32_t sequence; /* ties keep the order of planning */
    uint8_t kind;
    uint8_t mode; /* the demo_pay_mode or demo_comm */
    int16_t percent;
    int32_t customer;
    int32_t slot;    /* or -1 */
    int32_t dispute; /* or -1 */
};

struct demo {
    struct cli *cli;
    arc_db *db;
    arc_time now; /* the book's clock */
    struct demo_rng rng;
    uint64_t seed;
    arc_date today;
    arc_date first_month; /* the first day of the first billing month */
    size_t customer_count;
    struct demo_customer *customers;
    struct demo_slot *slots; /* customer * DEMO_MONTHS + month */
    struct demo_dispute *disputes;
    size_t dispute_count;
    struct demo_action *actions;
    size_t action_count;
    size_t action_capacity;
    uint32_t sequence;
    /* What the play wrote. */
    size_t invoices;
    size_t payments;
    size_t credit_memos;
    size_t communications;
};

extern const char *const demo_reason_codes[DEMO_REASON_CODES];
extern const char *const demo_collectors[DEMO_COLLECTORS];

/* demo_world.c */
void demo_make_customers(struct demo *demo);
arc_date demo_month_start(const struct demo *demo, int month);
arc_date demo_month_end(const struct demo *demo, int month);

/* demo_plan.c */
void demo_plan(struct demo *demo);
void demo_add_action(struct demo *demo, arc_time at, enum demo_action_kind kind,
                     int customer, int slot, int dispute, int mode, int percent);

/* demo_play.c and demo_play_dispute.c */
int demo_play(struct demo *demo, const struct demo_action *action);
int demo_play_dispute(struct demo *demo, const struct demo_action *action);
int demo_play_comm(struct demo *demo, const struct demo_action *action);
int demo_fail(struct demo *demo, int rc, const char *what,
              const struct demo_action *action);

/* demo_text.c */
struct demo_text {
    char subject[160];
    char body[1024];
    char from[128];
    char to[128];
    char phone[24];
    char message_id[96];
    char in_reply_to[96];
    const char *chat_authors[4];
    const char *chat_texts[4];
    char chat_storage[4][256];
    size_t chat_count;
    arc_call_outcome call_outcome;
    arc_communication_direction direction;
    arc_communication_channel channel;
};

void demo_write_text(struct demo *demo, const struct demo_action *action,
                     struct demo_text *text);

#endif
