/*
 * The optional dispute and communication workload (--disputes): a book of
 * its own with disputes over the seeded reason codes and a large history of
 * emails, calls, notes and chats, then the searches and reports read from it.
 */
#ifndef ARC_BENCH_DISPUTES_H
#define ARC_BENCH_DISPUTES_H

#include "bench.h"

/* How often each dispute report is computed; the median is reported. */
#define DISPUTE_REPORT_REPEATS 5

/* Hits asked of each search. */
#define SEARCH_LIMIT 20

/* Customers whose newest communications are listed, and how many of them. */
#define LIST_CUSTOMERS 200
#define LIST_LIMIT     50

/* Reason codes seeded in every new book (arcollect/reason_code.h). */
#define REASON_CODE_COUNT 12

enum dispute_phase {
    DPHASE_DISPUTES_INGEST,
    DPHASE_COMMUNICATIONS_INGEST,
    DPHASE_SEARCH,
    DPHASE_REPORT_REASON,
    DPHASE_REPORT_MONTH,
    DPHASE_REPORT_CUSTOMER,
    DPHASE_COMMUNICATION_LIST,
    DPHASE_TIMELINE,
    DPHASE_AUTOMATION_FIRST,
    DPHASE_AUTOMATION,
    DPHASE_AUTOMATION_REPEAT,
    DPHASE_COUNT
};

/* What one dispute is to go through, decided before anything is written. */
struct dispute_plan {
    long customer_index;
    int reason;         /* index into dispute_reason_codes */
    arc_date issued_on; /* of the invoice it is opened against */
    arc_date opened_on;
    arc_date resolved_on; /* ARC_DATE_NONE while it stays unresolved */
    arc_dispute_outcome outcome;
    int escalations; /* 0, 1 or 2 */
    bool reviewed;
    int64_t amount;
};

/* The book and what the phases share. */
struct dispute_book {
    const struct bench_config *cfg;
    arc_db *db;
    arc_time now; /* the book's clock, moved as the disputes age */
    arc_date today;
    arc_id *customer_ids;
    arc_id *invoice_ids; /* one invoice per dispute */
    arc_id *dispute_ids;
    long *last_dispute_of; /* per customer: a dispute index, or -1 */
    struct dispute_plan *plans;
    double seconds[DPHASE_COUNT]; /* per phase; per query, report or list */
    double items[DPHASE_COUNT];   /* records, queries, reports or lists */
};

/* The dispute side (disputes_ingest.c). */
extern const char *const dispute_reason_codes[REASON_CODE_COUNT];
extern const char *const dispute_users[6];
long dispute_skewed_customer(uint64_t *rng, long customer_count);
int disputes_prepare(struct dispute_book *book);
int disputes_ingest(struct dispute_book *book);

/* The communications (comm_ingest.c) and their text (comm_text.c). */
int communications_ingest(struct dispute_book *book);
void text_body(char *buf, size_t size, uint64_t *rng, const char *invoice_number,
               bool from_customer);
void text_subject(char *buf, size_t size, uint64_t *rng, const char *invoice_number);
void text_chat_line(char *buf, size_t size, uint64_t *rng, const char *invoice_number,
                    bool from_customer);

/* The reading phases (disputes_reads.c). */
int disputes_search(struct dispute_book *book);
int disputes_reports(struct dispute_book *book);
int disputes_list(struct dispute_book *book);

/* The timeline phase (disputes_timeline.c). */
int disputes_timeline(struct dispute_book *book);

/* The automation phases (disputes_automation.c): a first run over every
 * dispute not resolved, the next day's run, and that run repeated. */
int disputes_automation(struct dispute_book *book);

#endif
