/*
 * The optional functions of a backend: each wrapper calls the backend's own
 * when it has one, and otherwise does the same work through the required
 * functions (lists and lookups), slower but with the same answer.
 */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "error.h"
#include "util.h"

/* Records read per page on the generic paths. */
#define PAGE 1000

static int add_amount(int64_t *sum, int64_t amount, const char *what)
{
    if (!arc_add_i64(sum, *sum, amount))
        return arc_fail(ARC_EOVERFLOW, "%s: the sum does not fit in 64 bits", what);
    return ARC_OK;
}

int arc_store_customer_terms(arc_db *db, arc_id id, struct arc_customer_terms *out)
{
    struct arc_customer customer = { 0 };
    int rc;

    if (db->ops->customer_terms != NULL)
        return db->ops->customer_terms(db->store, id, out);
    rc = db->ops->customer_get(db->store, id, &customer);
    if (rc == ARC_OK) {
        memcpy(out->currency, customer.currency, sizeof(out->currency));
        out->payment_terms_days = customer.payment_terms_days;
        out->status = customer.status;
    }
    arc_customer_clear(&customer);
    return rc;
}

int arc_store_invoice_settle(arc_db *db, const struct arc_invoice *invoice)
{
    if (db->ops->invoice_settle != NULL)
        return db->ops->invoice_settle(db->store, invoice);
    return db->ops->invoice_update(db->store, invoice);
}

static void free_invoices(struct arc_invoice_page *page)
{
    for (size_t i = 0; i < page->count; i++)
        arc_invoice_clear(&page->items[i]);
    free(page->items);
    memset(page, 0, sizeof(*page));
}

int arc_store_sum_invoice_balances(arc_db *db, arc_id customer_id, const char *currency,
                                   int64_t *out)
{
    struct arc_store_list filter = { 0, PAGE, customer_id, -1 };
    struct arc_invoice_page page = { 0 };
    int rc = ARC_OK;

    if (db->ops->sum_invoice_balances != NULL)
        return db->ops->sum_invoice_balances(db->store, customer_id, currency, out);
    *out = 0;
    do {
        free_invoices(&page);
        rc = db->ops->invoice_list(db->store, &filter, &page);
        for (size_t i = 0; rc == ARC_OK && i < page.count; i++) {
            if (strcmp(page.items[i].currency, currency) == 0)
                rc = add_amount(out, page.items[i].balance, "customer balance");
        }
        if (page.count > 0)
            filter.after_id = page.items[page.count - 1].id;
    } while (rc == ARC_OK && page.count == PAGE);
    free_invoices(&page);
    return rc;
}

static int unapplied_payments(arc_db *db, arc_id customer_id, const char *currency,
                              int64_t *sum)
{
    struct arc_store_list filter = { 0, PAGE, customer_id, -1 };
    struct arc_payment_page page = { 0 };
    int rc;

    do {
        for (size_t i = 0; i < page.count; i++)
            arc_payment_clear(&page.items[i]);
        free(page.items);
        memset(&page, 0, sizeof(page));
        rc = db->ops->payment_list(db->store, &filter, &page);
        for (size_t i = 0; rc == ARC_OK && i < page.count; i++) {
            const struct arc_payment *payment = &page.items[i];

            if (strcmp(payment->currency, currency) == 0 &&
                payment->reversed_on == ARC_DATE_NONE)
                rc = add_amount(sum, payment->amount - payment->applied,
                                "customer credit");
        }
        if (page.count > 0)
            filter.after_id = page.items[page.count - 1].id;
    } while (rc == ARC_OK && page.count == PAGE);
    for (size_t i = 0; i < page.count; i++)
        arc_payment_clear(&page.items[i]);
    free(page.items);
    return rc;
}

static int unapplied_memos(arc_db *db, arc_id customer_id, const char *currency,
                           int64_t *sum)
{
    struct arc_store_list filter = { 0, PAGE, customer_id, -1 };
    struct arc_credit_memo_page page = { 0 };
    int rc;

    do {
        for (size_t i = 0; i < page.count; i++)
            arc_credit_memo_clear(&page.items[i]);
        free(page.items);
        memset(&page, 0, sizeof(page));
        rc = db->ops->credit_memo_list(db->store, &filter, &page);
        for (size_t i = 0; rc == ARC_OK && i < page.count; i++) {
            const struct arc_credit_memo *memo = &page.items[i];

            if (strcmp(memo->currency, currency) == 0 && memo->voided_on == ARC_DATE_NONE)
                rc = add_amount(sum, memo->amount - memo->applied, "customer credit");
        }
        if (page.count > 0)
            filter.after_id = page.items[page.count - 1].id;
    } while (rc == ARC_OK && page.count == PAGE);
    for (size_t i = 0; i < page.count; i++)
        arc_credit_memo_clear(&page.items[i]);
    free(page.items);
    return rc;
}

int arc_store_sum_unapplied_credit(arc_db *db, arc_id customer_id, const char *currency,
                                   int64_t *out)
{
    int rc;

    if (db->ops->sum_unapplied_credit != NULL)
        return db->ops->sum_unapplied_credit(db->store, customer_id, currency, out);
    *out = 0;
    rc = unapplied_payments(db, customer_id, currency, out);
    if (rc == ARC_OK)
        rc = unapplied_memos(db, customer_id, currency, out);
    return rc;
}

static void free_disputes(struct arc_dispute_page *page)
{
    for (size_t i = 0; i < page->count; i++)
        arc_dispute_clear(&page->items[i]);
    free(page->items);
    memset(page, 0, sizeof(*page));
}

int arc_store_sum_open_disputes_of_invoice(arc_db *db, arc_id invoice_id,
                                           arc_id except_dispute_id, int64_t *out)
{
    struct arc_dispute_page page = { 0 };
    int rc;

    if (db->ops->sum_open_disputes_of_invoice != NULL)
        return db->ops->sum_open_disputes_of_invoice(db->store, invoice_id,
                                                     except_dispute_id, out);
    *out = 0;
    rc = db->ops->dispute_list_for_invoice(db->store, invoice_id, &page);
    for (size_t i = 0; rc == ARC_OK && i < page.count; i++) {
        if (page.items[i].status != ARC_DISPUTE_RESOLVED &&
            page.items[i].id != except_dispute_id)
            rc = add_amount(out, page.items[i].amount, "disputed amount");
    }
    free_disputes(&page);
    return rc;
}

/* Go through every dispute of the book (or of one customer), a page at a time. */
static int each_dispute(arc_db *db, arc_id customer_id,
                        int (*fn)(void *ctx, const struct arc_dispute *dispute),
                        void *ctx)
{
    struct arc_store_list filter = { 0, PAGE, customer_id, -1 };
    struct arc_dispute_page page = { 0 };
    int rc;

    do {
        free_disputes(&page);
        rc = db->ops->dispute_list(db->store, &filter, &page);
        for (size_t i = 0; rc == ARC_OK && i < page.count; i++)
            rc = fn(ctx, &page.items[i]);
        if (page.count > 0)
            filter.after_id = page.items[page.count - 1].id;
    } while (rc == ARC_OK && page.count == PAGE);
    free_disputes(&page);
    return rc;
}

struct customer_sum {
    const char *currency;
    int64_t sum;
};

static int add_if_open(void *ctx, const struct arc_dispute *dispute)
{
    struct customer_sum *sum = ctx;

    if (dispute->status == ARC_DISPUTE_RESOLVED ||
        strcmp(dispute->currency, sum->currency))
        return ARC_OK;
    return add_amount(&sum->sum, dispute->amount, "disputed amount");
}

int arc_store_sum_open_disputes_of_customer(arc_db *db, arc_id customer_id,
                                            const char *currency, int64_t *out)
{
    struct customer_sum sum = { currency, 0 };
    int rc;

    if (db->ops->sum_open_disputes_of_customer != NULL)
        return db->ops->sum_open_disputes_of_customer(db->store, customer_id, currency,
                                                      out);
    rc = each_dispute(db, customer_id, add_if_open, &sum);
    *out = sum.sum;
    return rc;
}

/* Disputed amounts as of a date, gathered per invoice. */
struct disputed {
    arc_date as_of;
    struct disputed_amount {
        arc_id invoice_id;
        int64_t amount;
    } * items;
    size_t count;
    size_t capacity;
};

static int gather_disputed(void *ctx, const struct arc_dispute *dispute)
{
    struct disputed *gathered = ctx;
    arc_date opened_on = (arc_date)(dispute->opened_at / 86400);

    if (opened_on > gathered->as_of || (dispute->status == ARC_DISPUTE_RESOLVED &&
                                        dispute->resolved_on <= gathered->as_of))
        return ARC_OK;
    if (gathered->count == gathered->capacity) {
        size_t grown = gathered->capacity ? gathered->capacity * 2 : 64;
        struct disputed_amount *bigger =
            realloc(gathered->items, grown * sizeof(*bigger));

        if (bigger == NULL)
            return arc_fail(ARC_ENOMEM, "disputed amounts: out of memory");
        gathered->items = bigger;
        gathered->capacity = grown;
    }
    gathered->items[gathered->count].invoice_id = dispute->invoice_id;
    gathered->items[gathered->count].amount = dispute->amount;
    gathered->count++;
    return ARC_OK;
}

static int by_invoice(const void *a, const void *b)
{
    arc_id x = ((const struct disputed_amount *)a)->invoice_id;
    arc_id y = ((const struct disputed_amount *)b)->invoice_id;

    return (x > y) - (x < y);
}

int arc_store_scan_disputed_amounts(arc_db *db, arc_date as_of, arc_disputed_fn fn,
                                    void *ctx)
{
    struct disputed gathered = { as_of, NULL, 0, 0 };
    int rc;

    if (db->ops->scan_disputed_amounts != NULL)
        return db->ops->scan_disputed_amounts(db->store, as_of, fn, ctx);
    rc = each_dispute(db, 0, gather_disputed, &gathered);
    if (rc == ARC_OK && gathered.count > 1)
        qsort(gathered.items, gathered.count, sizeof(*gathered.items), by_invoice);
    for (size_t i = 0; rc == ARC_OK && i < gathered.count;) {
        arc_id invoice_id = gathered.items[i].invoice_id;
        int64_t sum = 0;

        for (; rc == ARC_OK && i < gathered.count &&
               gathered.items[i].invoice_id == invoice_id;
             i++)
            rc = add_amount(&sum, gathered.items[i].amount, "disputed amount");
        if (rc == ARC_OK)
            rc = fn(ctx, invoice_id, sum);
    }
    free(gathered.items);
    return rc;
}

int arc_store_last_contact(arc_db *db, arc_id customer_id, arc_time *out)
{
    struct arc_communication_filter filter = { customer_id, 0, 0, -1, 0, 0, 100 };
    struct arc_communication_page page = { 0 };
    bool found = false;
    int rc;

    if (db->ops->last_contact != NULL)
        return db->ops->last_contact(db->store, customer_id, out);
    *out = 0;
    do {
        for (size_t i = 0; i < page.count; i++)
            arc_communication_clear(&page.items[i]);
        free(page.items);
        memset(&page, 0, sizeof(page));
        rc = db->ops->communication_list(db->store, &filter, &page);
        for (size_t i = 0; rc == ARC_OK && !found && i < page.count; i++) {
            if (page.items[i].direction != ARC_DIRECTION_INTERNAL) {
                *out = page.items[i].occurred_at;
                found = true;
            }
        }
        if (page.count > 0) {
            filter.before_occurred_at = page.items[page.count - 1].occurred_at;
            filter.before_id = page.items[page.count - 1].id;
        }
    } while (rc == ARC_OK && !found && page.count == filter.limit);
    for (size_t i = 0; i < page.count; i++)
        arc_communication_clear(&page.items[i]);
    free(page.items);
    return rc;
}

int arc_store_communication_search(arc_db *db,
                                   const struct arc_communication_query *query,
                                   struct arc_communication_hit_page *out)
{
    if (db->ops->communication_search == NULL)
        return arc_fail(ARC_EUNSUPPORTED,
                        "search: the %s backend has no full-text search", db->ops->name);
    return db->ops->communication_search(db->store, query, out);
}
