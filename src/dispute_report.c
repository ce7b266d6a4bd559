/*
 * Dispute reports: the disputes opened in a period, grouped by reason code,
 * customer or month of opening, with counts, amounts, shares, days to
 * resolve and the mix of outcomes per group.
 *
 * The backend streams the disputes ordered by group, so a group is complete
 * when the next one starts: only that group's resolution days are held, for
 * its median, and the rows grow with the number of groups.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arcollect/dispute_report.h"
#include "db_internal.h"
#include "error.h"
#include "util.h"

#define OUTCOME_COUNT (ARC_DISPUTE_WITHDRAWN + 1)

struct report_row {
    char key[ARC_REASON_CODE_MAX + 1]; /* a code, a decimal id or "YYYY-MM" */
    char *label;                       /* the reason code's label, or NULL */
    arc_id customer_id;                /* by customer only */
    size_t dispute_count;
    int64_t amount;
    int32_t share_bp;
    size_t resolved_count;
    int64_t mean_days;   /* hundredths of a day; -1 when none resolved */
    int64_t median_days; /* likewise */
    size_t outcomes[OUTCOME_COUNT];
};

struct arc_dispute_report {
    arc_dispute_grouping grouping;
    arc_currency_code currency; /* "" until known */
    size_t dispute_count;
    int64_t amount;
    struct report_row *rows;
    size_t row_count;
    size_t row_capacity;
};

/* The state of the scan: the group being filled and its resolution days. */
struct scan_ctx {
    arc_db *db;
    arc_dispute_report *report;
    struct report_row *current;
    int64_t days_sum;
    int32_t *days;
    size_t day_count;
    size_t day_capacity;
};

static int check_date(arc_date date, const char *field)
{
    if (date != ARC_DATE_NONE && arc_date_to_ymd(NULL, NULL, NULL, date) != ARC_OK)
        return arc_fail(ARC_EINVAL, "dispute report: %s: not a valid date", field);
    return ARC_OK;
}

static int check_opts(const arc_dispute_report_opts *opts)
{
    int rc;

    if (opts->version != ARC_DISPUTE_REPORT_OPTS_VERSION)
        return arc_fail(ARC_EVERSION,
                        "dispute report options: version %u is not supported",
                        opts->version);
    if (opts->grouping != ARC_DISPUTE_GROUP_REASON_CODE &&
        opts->grouping != ARC_DISPUTE_GROUP_CUSTOMER &&
        opts->grouping != ARC_DISPUTE_GROUP_MONTH)
        return arc_fail(ARC_EINVAL, "dispute report: grouping: %d is not a grouping",
                        (int)opts->grouping);
    rc = check_date(opts->from, "from");
    if (rc == ARC_OK)
        rc = check_date(opts->to, "to");
    if (rc != ARC_OK)
        return rc;
    if (opts->from != ARC_DATE_NONE && opts->to != ARC_DATE_NONE && opts->from > opts->to)
        return arc_fail(ARC_EINVAL, "dispute report: from: after to");
    if (opts->customer_id < 0)
        return arc_fail(ARC_EINVAL, "dispute report: customer_id: must not be negative");
    if (opts->currency != NULL && arc_currency_lookup(NULL, opts->currency) != ARC_OK)
        return arc_fail_context(ARC_EINVAL, "dispute report: ");
    return ARC_OK;
}

/* num / den rounded half away from zero; den is positive. */
static int64_t divide_rounded(int64_t num, int64_t den)
{
    int64_t quotient = num / den;
    int64_t remainder = num % den;

    if (remainder < 0)
        remainder = -remainder;
    if (remainder >= den - remainder)
        quotient += num < 0 ? -1 : 1;
    return quotient;
}

static int day_cmp(const void *left, const void *right)
{
    int32_t a = *(const int32_t *)left, b = *(const int32_t *)right;

    return (a > b) - (a < b);
}

/* Complete the current group's days to resolve, and let the next one start. */
static void finish_group(struct scan_ctx *ctx)
{
    struct report_row *row = ctx->current;
    size_t count = ctx->day_count;

    if (row == NULL)
        return;
    row->mean_days = -1;
    row->median_days = -1;
    if (count > 0) {
        qsort(ctx->days, count, sizeof(ctx->days[0]), day_cmp);
        row->mean_days = divide_rounded(ctx->days_sum * 100, (int64_t)count);
        if (count % 2 == 1)
            row->median_days = (int64_t)ctx->days[count / 2] * 100;
        else
            row->median_days =
                ((int64_t)ctx->days[count / 2 - 1] + ctx->days[count / 2]) * 50;
    }
    ctx->current = NULL;
    ctx->days_sum = 0;
    ctx->day_count = 0;
}

/* The key of the group a dispute belongs to, in @p key. */
static void group_key(const arc_dispute_report *report, const struct arc_dispute *dispute,
                      char key[ARC_REASON_CODE_MAX + 1])
{
    int year = 0, month = 0;

    switch (report->grouping) {
    case ARC_DISPUTE_GROUP_CUSTOMER:
        snprintf(key, ARC_REASON_CODE_MAX + 1, "%lld", (long long)dispute->customer_id);
        break;
    case ARC_DISPUTE_GROUP_MONTH:
        arc_date_to_ymd(&year, &month, NULL, arc_date_from_time(dispute->opened_at));
        snprintf(key, ARC_REASON_CODE_MAX + 1, "%04d-%02d", year, month);
        break;
    default:
        snprintf(key, ARC_REASON_CODE_MAX + 1, "%s",
                 dispute->reason_code ? dispute->reason_code : "");
        break;
    }
}

/* Order of two keys: customers by id (0 in other groupings), the rest as
 * text, which puts months in calendar order. */
static int key_cmp(const struct report_row *a, const struct report_row *b)
{
    if (a->customer_id != b->customer_id)
        return a->customer_id < b->customer_id ? -1 : 1;
    return strcmp(a->key, b->key);
}

static int load_label(arc_db *db, struct report_row *row)
{
    struct arc_reason_code reason = { 0 };
    int rc = db->ops->reason_code_get(db->store, row->key, &reason);

    if (rc == ARC_ENOTFOUND)
        return ARC_OK;
    if (rc == ARC_OK && reason.label != NULL) {
        row->label = arc_strdup(reason.label);
        if (row->label == NULL)
            rc = arc_fail(ARC_ENOMEM, "dispute report: out of memory");
    }
    arc_reason_code_clear(&reason);
    return rc;
}

/* Start the row of a new group, which must come after the one before it. */
static int start_group(struct scan_ctx *ctx, const struct arc_dispute *dispute,
                       const char *key)
{
    arc_dispute_report *report = ctx->report;
    struct report_row *row;

    if (report->row_count == report->row_capacity) {
        size_t capacity = report->row_capacity ? report->row_capacity * 2 : 16;
        struct report_row *rows = realloc(report->rows, capacity * sizeof(*rows));

        if (rows == NULL)
            return arc_fail(ARC_ENOMEM, "dispute report: out of memory");
        report->rows = rows;
        report->row_capacity = capacity;
    }

    row = &report->rows[report->row_count];
    memset(row, 0, sizeof(*row));
    snprintf(row->key, sizeof(row->key), "%s", key);
    if (report->grouping == ARC_DISPUTE_GROUP_CUSTOMER)
        row->customer_id = dispute->customer_id;
    if (report->row_count > 0 && key_cmp(&report->rows[report->row_count - 1], row) >= 0)
        return arc_fail(ARC_ESTORAGE,
                        "dispute report: the backend returned group %s out of order",
                        key);
    report->row_count++;
    ctx->current = row;
    if (report->grouping == ARC_DISPUTE_GROUP_REASON_CODE)
        return load_label(ctx->db, row);
    return ARC_OK;
}

static int add_days(struct scan_ctx *ctx, const struct arc_dispute *dispute)
{
    int64_t days = (int64_t)dispute->resolved_on - arc_date_from_time(dispute->opened_at);

    if (dispute->resolved_on == ARC_DATE_NONE || days < 0)
        days = 0;
    if (ctx->day_count == ctx->day_capacity) {
        size_t capacity = ctx->day_capacity ? ctx->day_capacity * 2 : 64;
        int32_t *grown = realloc(ctx->days, capacity * sizeof(*grown));

        if (grown == NULL)
            return arc_fail(ARC_ENOMEM, "dispute report: out of memory");
        ctx->days = grown;
        ctx->day_capacity = capacity;
    }
    ctx->days[ctx->day_count++] = (int32_t)days;
    ctx->days_sum += days;
    return ARC_OK;
}

static int check_currency(arc_dispute_report *report, const struct arc_dispute *dispute)
{
    if (report->currency[0] == '\0') {
        memcpy(report->currency, dispute->currency, sizeof(report->currency));
        return ARC_OK;
    }
    if (strcmp(report->currency, dispute->currency) == 0)
        return ARC_OK;
    return arc_fail(ARC_EINVAL,
                    "dispute report: currency: required, since the disputes are in"
                    " more than one currency (%s and %s)",
                    report->currency, dispute->currency);
}

static int on_dispute(void *data, const struct arc_dispute *dispute)
{
    struct scan_ctx *ctx = data;
    arc_dispute_report *report = ctx->report;
    struct report_row *row;
    char key[ARC_REASON_CODE_MAX + 1];
    int rc = check_currency(report, dispute);

    if (rc != ARC_OK)
        return rc;
    group_key(report, dispute, key);
    if (ctx->current == NULL || strcmp(ctx->current->key, key) != 0) {
        finish_group(ctx);
        rc = start_group(ctx, dispute, key);
        if (rc != ARC_OK)
            return rc;
    }

    row = ctx->current;
    if (!arc_add_i64(&row->amount, row->amount, dispute->amount) ||
        !arc_add_i64(&report->amount, report->amount, dispute->amount))
        return arc_fail(ARC_EOVERFLOW,
                        "dispute report: the disputed amount does not fit in 64 bits");
    row->dispute_count++;
    report->dispute_count++;
    if (dispute->status != ARC_DISPUTE_RESOLVED)
        return ARC_OK;

    row->resolved_count++;
    if (dispute->outcome > ARC_DISPUTE_UNRESOLVED && dispute->outcome < OUTCOME_COUNT)
        row->outcomes[dispute->outcome]++;
    return add_days(ctx, dispute);
}

/* Most disputes first, then the larger amount, then the lower key. */
static int rank_cmp(const void *left, const void *right)
{
    const struct report_row *a = left, *b = right;

    if (a->dispute_count != b->dispute_count)
        return a->dispute_count > b->dispute_count ? -1 : 1;
    if (a->amount != b->amount)
        return a->amount > b->amount ? -1 : 1;
    return key_cmp(a, b);
}

/* Shares of the whole report, then the rows in ranking order. */
static void rank_rows(arc_dispute_report *report)
{
    for (size_t i = 0; i < report->row_count; i++) {
        struct report_row *row = &report->rows[i];

        row->share_bp = (int32_t)divide_rounded((int64_t)row->dispute_count * 10000,
                                                (int64_t)report->dispute_count);
    }
    if (report->row_count > 1)
        qsort(report->rows, report->row_count, sizeof(report->rows[0]), rank_cmp);
}

static int compute(arc_db *db, arc_dispute_report *report,
                   const arc_dispute_report_opts *opts)
{
    struct scan_ctx ctx = { db, report, NULL, 0, NULL, 0, 0 };
    struct arc_customer_terms customer;
    arc_date opened_before = ARC_DATE_NONE;
    int rc = ARC_OK;

    if (opts->to != ARC_DATE_NONE && arc_date_add_days(&opened_before, opts->to, 1) != 0)
        opened_before = ARC_DATE_NONE;
    if (opts->customer_id != 0)
        rc = arc_store_customer_terms(db, opts->customer_id, &customer);
    if (rc == ARC_OK)
        rc = db->ops->scan_disputes(db->store, (int)opts->grouping, opts->customer_id,
                                    opts->currency, opts->from, opened_before, on_dispute,
                                    &ctx);
    finish_group(&ctx);
    free(ctx.days);
    if (rc == ARC_OK)
        rank_rows(report);
    return rc;
}

int arc_dispute_report_compute(arc_dispute_report **out, arc_db *db,
                               const arc_dispute_report_opts *opts)
{
    const arc_dispute_report_opts defaults = ARC_DISPUTE_REPORT_OPTS_INIT;
    arc_dispute_report *report;
    int rc;

    if (out == NULL)
        return arc_fail(ARC_EINVAL, "dispute report: out must not be NULL");
    ARC_CHECK_DB(db);
    if (opts == NULL)
        opts = &defaults;
    rc = check_opts(opts);
    if (rc != ARC_OK)
        return rc;

    report = calloc(1, sizeof(*report));
    if (report == NULL)
        return arc_fail(ARC_ENOMEM, "dispute report: out of memory");
    report->grouping = opts->grouping;
    if (opts->currency != NULL)
        snprintf(report->currency, sizeof(report->currency), "%s", opts->currency);

    rc = arc_read_begin(db);
    if (rc == ARC_OK)
        rc = arc_read_end(db, compute(db, report, opts));
    if (rc != ARC_OK) {
        arc_dispute_report_free(report);
        return rc;
    }
    *out = report;
    return ARC_OK;
}

void arc_dispute_report_free(arc_dispute_report *report)
{
    if (report == NULL)
        return;
    for (size_t i = 0; i < report->row_count; i++)
        free(report->rows[i].label);
    free(report->rows);
    free(report);
}

const char *arc_dispute_report_currency(const arc_dispute_report *report)
{
    return report && report->currency[0] ? report->currency : NULL;
}

size_t arc_dispute_report_total_count(const arc_dispute_report *report)
{
    return report ? report->dispute_count : 0;
}

int64_t arc_dispute_report_total_amount(const arc_dispute_report *report)
{
    return report ? report->amount : 0;
}

size_t arc_dispute_report_row_count(const arc_dispute_report *report)
{
    return report ? report->row_count : 0;
}

static const struct report_row *row_at(const arc_dispute_report *report, size_t row)
{
    return report && row < report->row_count ? &report->rows[row] : NULL;
}

const char *arc_dispute_report_row_key(const arc_dispute_report *report, size_t row)
{
    const struct report_row *found = row_at(report, row);

    return found ? found->key : NULL;
}

const char *arc_dispute_report_row_label(const arc_dispute_report *report, size_t row)
{
    const struct report_row *found = row_at(report, row);

    return found ? found->label : NULL;
}

arc_id arc_dispute_report_row_customer_id(const arc_dispute_report *report, size_t row)
{
    const struct report_row *found = row_at(report, row);

    return found ? found->customer_id : 0;
}

size_t arc_dispute_report_row_dispute_count(const arc_dispute_report *report, size_t row)
{
    const struct report_row *found = row_at(report, row);

    return found ? found->dispute_count : 0;
}

int64_t arc_dispute_report_row_amount(const arc_dispute_report *report, size_t row)
{
    const struct report_row *found = row_at(report, row);

    return found ? found->amount : 0;
}

int32_t arc_dispute_report_row_share_bp(const arc_dispute_report *report, size_t row)
{
    const struct report_row *found = row_at(report, row);

    return found ? found->share_bp : 0;
}

size_t arc_dispute_report_row_resolved_count(const arc_dispute_report *report, size_t row)
{
    const struct report_row *found = row_at(report, row);

    return found ? found->resolved_count : 0;
}

int64_t arc_dispute_report_row_mean_days(const arc_dispute_report *report, size_t row)
{
    const struct report_row *found = row_at(report, row);

    return found ? found->mean_days : -1;
}

int64_t arc_dispute_report_row_median_days(const arc_dispute_report *report, size_t row)
{
    const struct report_row *found = row_at(report, row);

    return found ? found->median_days : -1;
}

size_t arc_dispute_report_row_outcome_count(const arc_dispute_report *report, size_t row,
                                            arc_dispute_outcome outcome)
{
    const struct report_row *found = row_at(report, row);

    if (found == NULL || outcome < ARC_DISPUTE_UNRESOLVED || outcome >= OUTCOME_COUNT)
        return 0;
    if (outcome == ARC_DISPUTE_UNRESOLVED)
        return found->dispute_count - found->resolved_count;
    return found->outcomes[outcome];
}
