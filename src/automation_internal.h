/*
 * What an automation run keeps while it goes over the book, shared by
 * automation.c (the run) and automation_rules.c (rules on one dispute).
 */
#ifndef ARC_SRC_AUTOMATION_INTERNAL_H
#define ARC_SRC_AUTOMATION_INTERNAL_H

#include "db_internal.h"

/* The actor of every change automation makes. */
#define ARC_AUTOMATION_ACTOR "automation"

struct arc_contact_time {
    arc_id customer_id; /* 0: a free slot */
    arc_time at;        /* 0: never in touch */
};

struct arc_automation {
    arc_db *db;
    arc_time now;
    arc_date today;
    struct arc_escalation_rule_page rules; /* the active ones, in id order */
    struct arc_dispute_state *disputes;    /* every dispute not resolved */
    size_t dispute_count;
    size_t dispute_capacity;
    struct arc_contact_time *contacts; /* open addressing, by customer id */
    size_t contact_slots;              /* a power of two */
    arc_automation_result result;
};

/* Size the last-contact table for @p disputes disputes. */
int arc_automation_contacts_init(struct arc_automation *run, size_t disputes);

/* Apply the rules to one dispute, updating @p state as they change it. */
int arc_automation_apply_rules(struct arc_automation *run,
                               struct arc_dispute_state *state);

#endif
