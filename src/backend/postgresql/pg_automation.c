/*
 * Escalation rules, the record of their firings, and the scans the
 * automation run reads, in the PostgreSQL book.
 */
#include <stdio.h>

#include "error.h"
#include "pg_internal.h"

#define RULE_COLUMNS                                                                     \
    "id, name, active, statuses, min_days_in_state, min_amount, currency, reason_code,"  \
    " min_days_since_contact, below_level, actions, assign_to, due_in_days, created_at," \
    " updated_at"

static int read_rule(const PGresult *res, int row, void *record)
{
    struct arc_escalation_rule *out = record;
    int rc = ARC_OK;

    out->id = arc_pg_int(res, row, 0);
    out->name = arc_pg_text_dup(res, row, 1, &rc);
    out->active = arc_pg_bool(res, row, 2);
    out->statuses = (unsigned int)arc_pg_int(res, row, 3);
    out->min_days_in_state = (int)arc_pg_int(res, row, 4);
    out->min_amount = arc_pg_int(res, row, 5);
    arc_pg_currency(res, row, 6, out->currency);
    out->reason_code = arc_pg_text_dup(res, row, 7, &rc);
    out->min_days_since_contact = (int)arc_pg_int(res, row, 8);
    out->below_level = (int)arc_pg_int(res, row, 9);
    out->actions = (unsigned int)arc_pg_int(res, row, 10);
    out->assign_to = arc_pg_text_dup(res, row, 11, &rc);
    out->due_in_days = (int)arc_pg_int(res, row, 12);
    out->created_at = arc_pg_time(res, row, 13);
    out->updated_at = arc_pg_time(res, row, 14);
    if (rc != ARC_OK)
        arc_escalation_rule_clear(out);
    return rc;
}

/* $3 to $15: every column but the book, the id and created_at. */
static void param_rule(struct arc_pg_params *params,
                       const struct arc_escalation_rule *rule)
{
    arc_pg_param_text(params, rule->name);
    arc_pg_param_bool(params, rule->active);
    arc_pg_param_int(params, rule->statuses);
    arc_pg_param_int(params, rule->min_days_in_state);
    arc_pg_param_int(params, rule->min_amount);
    arc_pg_param_text(params, rule->currency[0] ? rule->currency : NULL);
    arc_pg_param_text(params, rule->reason_code);
    arc_pg_param_int(params, rule->min_days_since_contact);
    arc_pg_param_int(params, rule->below_level);
    arc_pg_param_int(params, rule->actions);
    arc_pg_param_text(params, rule->assign_to);
    arc_pg_param_int(params, rule->due_in_days);
    arc_pg_param_time(params, rule->updated_at);
}

static int name_taken(const struct arc_escalation_rule *rule)
{
    return arc_fail(ARC_EEXISTS, "escalation rule \"%s\": name: already taken",
                    rule->name);
}

int arc_pg_rule_insert(arc_store *store, struct arc_escalation_rule *rule)
{
    static const char SQL[] =
        "INSERT INTO arcollect.escalation_rules (book, id, name, active, statuses,"
        " min_days_in_state, min_amount, currency, reason_code, min_days_since_contact,"
        " below_level, actions, assign_to, due_in_days, updated_at, created_at)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)"
        " ON CONFLICT DO NOTHING";
    struct arc_pg_params params;
    int64_t inserted = 0;
    arc_id id;
    int rc = arc_pg_next_id(store, ARC_PG_ID_RULE, &id, "escalation rule");

    if (rc != ARC_OK)
        return rc;
    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, id);
    param_rule(&params, rule);
    arc_pg_param_time(&params, rule->created_at);
    rc = arc_pg_command(store, SQL, &params, "escalation rule", &inserted);
    if (rc == ARC_OK && inserted == 0)
        return name_taken(rule);
    if (rc == ARC_OK)
        rule->id = id;
    return rc;
}

static int rule_exists(arc_store *store, arc_id id, bool *exists)
{
    static const char SQL[] =
        "SELECT count(*) FROM arcollect.escalation_rules WHERE book = $1 AND id = $2";
    struct arc_pg_params params;
    int64_t count = 0;
    int rc;

    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, id);
    rc = arc_pg_sum_one(store, SQL, &params, &count, "escalation rule");
    *exists = count > 0;
    return rc;
}

int arc_pg_rule_update(arc_store *store, const struct arc_escalation_rule *rule)
{
    /* A name another rule has updates nothing rather than failing. */
    static const char SQL[] =
        "UPDATE arcollect.escalation_rules SET name = $3, active = $4, statuses = $5,"
        " min_days_in_state = $6, min_amount = $7, currency = $8, reason_code = $9,"
        " min_days_since_contact = $10, below_level = $11, actions = $12,"
        " assign_to = $13, due_in_days = $14, updated_at = $15"
        " WHERE book = $1 AND id = $2 AND NOT EXISTS (SELECT 1"
        "   FROM arcollect.escalation_rules o WHERE o.book = $1 AND o.name = $3"
        "   AND o.id <> $2)";
    struct arc_pg_params params;
    int64_t updated = 0;
    bool exists = false;
    int rc;

    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, rule->id);
    param_rule(&params, rule);
    rc = arc_pg_command(store, SQL, &params, "escalation rule", &updated);
    if (rc != ARC_OK || updated > 0)
        return rc;
    rc = rule_exists(store, rule->id, &exists);
    if (rc != ARC_OK)
        return rc;
    if (!exists)
        return arc_fail(ARC_ENOTFOUND, "escalation rule %lld: not found",
                        (long long)rule->id);
    return name_taken(rule);
}

int arc_pg_rule_delete(arc_store *store, arc_id id)
{
    static const char FIRINGS[] =
        "DELETE FROM arcollect.rule_firings WHERE book = $1 AND rule_id = $2";
    static const char RULE[] =
        "DELETE FROM arcollect.escalation_rules WHERE book = $1 AND id = $2";
    struct arc_pg_params params;
    int64_t deleted = 0;
    int rc;

    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, id);
    rc = arc_pg_command(store, FIRINGS, &params, "escalation rule firings", NULL);
    if (rc == ARC_OK)
        rc = arc_pg_command(store, RULE, &params, "escalation rule", &deleted);
    if (rc == ARC_OK && deleted == 0)
        return arc_fail(ARC_ENOTFOUND, "escalation rule %lld: not found", (long long)id);
    return rc;
}

int arc_pg_rule_get(arc_store *store, arc_id id, struct arc_escalation_rule *out)
{
    static const char SQL[] = "SELECT " RULE_COLUMNS " FROM arcollect.escalation_rules"
                              " WHERE book = $1 AND id = $2";
    struct arc_pg_params params;
    int rc;

    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, id);
    rc = arc_pg_fetch_one(store, SQL, &params, out, read_rule, "escalation rule");
    if (rc == ARC_ENOTFOUND)
        return arc_fail(ARC_ENOTFOUND, "escalation rule %lld: not found", (long long)id);
    return rc;
}

int arc_pg_rule_get_by_name(arc_store *store, const char *name,
                            struct arc_escalation_rule *out)
{
    static const char SQL[] = "SELECT " RULE_COLUMNS " FROM arcollect.escalation_rules"
                              " WHERE book = $1 AND name = $2";
    struct arc_pg_params params;
    int rc;

    arc_pg_params_init(&params, store);
    arc_pg_param_text(&params, name);
    rc = arc_pg_fetch_one(store, SQL, &params, out, read_rule, "escalation rule");
    if (rc == ARC_ENOTFOUND)
        return arc_fail(ARC_ENOTFOUND, "escalation rule \"%s\": not found", name);
    return rc;
}

int arc_pg_rule_list(arc_store *store, bool include_inactive,
                     struct arc_escalation_rule_page *out)
{
    static const char SQL[] = "SELECT " RULE_COLUMNS " FROM arcollect.escalation_rules"
                              " WHERE book = $1 AND (active OR $2) ORDER BY id";
    struct arc_pg_params params;

    arc_pg_params_init(&params, store);
    arc_pg_param_bool(&params, include_inactive);
    return arc_pg_fetch_all(store, SQL, &params, (void **)&out->items, &out->count,
                            sizeof(*out->items), read_rule, "escalation rules");
}

struct state_scan {
    int (*fn)(void *ctx, const struct arc_dispute_state *state);
    void *ctx;
};

static int state_row(void *ctx, const PGresult *res, int row)
{
    struct state_scan *scan = ctx;
    struct arc_dispute_state state;

    state.id = arc_pg_int(res, row, 0);
    state.customer_id = arc_pg_int(res, row, 1);
    arc_pg_currency(res, row, 2, state.currency);
    snprintf(state.reason_code, sizeof(state.reason_code), "%s", PQgetvalue(res, row, 3));
    state.amount = arc_pg_int(res, row, 4);
    state.status = (arc_dispute_status)arc_parse_dispute_status(PQgetvalue(res, row, 5));
    state.escalation_level = (int)arc_pg_int(res, row, 6);
    state.status_changed_at = arc_pg_time(res, row, 7);
    state.due_date = arc_pg_date(res, row, 8);
    state.overdue_alerted_for = arc_pg_date(res, row, 9);
    state.opened_at = arc_pg_time(res, row, 10);
    state.state_seq = arc_pg_int(res, row, 11);
    state.invoice_id = arc_pg_int(res, row, 12);
    return scan->fn(scan->ctx, &state);
}

int arc_pg_scan_unresolved_disputes(arc_store *store,
                                    int (*fn)(void *ctx,
                                              const struct arc_dispute_state *state),
                                    void *ctx)
{
    static const char SQL[] =
        "SELECT id, customer_id, currency, reason_code, amount, status,"
        " escalation_level, status_changed_at, due_date, overdue_alerted_for, opened_at,"
        " state_seq, invoice_id FROM arcollect.disputes WHERE book = $1 AND status <> "
        "'resolved'"
        " ORDER BY id";
    struct state_scan scan = { fn, ctx };
    struct arc_pg_params params;

    arc_pg_params_init(&params, store);
    return arc_pg_scan(store, SQL, &params, state_row, &scan, "disputes");
}

static int read_instant(const PGresult *res, int row, void *record)
{
    *(arc_time *)record = arc_pg_time(res, row, 0);
    return ARC_OK;
}

int arc_pg_last_contact(arc_store *store, arc_id customer_id, arc_time *out)
{
    static const char SQL[] = "SELECT occurred_at FROM arcollect.communications"
                              " WHERE book = $1 AND customer_id = $2"
                              " AND direction <> 'internal'"
                              " ORDER BY occurred_at DESC, id DESC LIMIT 1";
    struct arc_pg_params params;
    int rc;

    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, customer_id);
    *out = 0;
    rc = arc_pg_fetch_one(store, SQL, &params, out, read_instant, "communications");
    return rc == ARC_ENOTFOUND ? ARC_OK : rc;
}

int arc_pg_rule_fired(arc_store *store, arc_id rule_id, arc_id dispute_id,
                      int64_t state_seq, bool *out)
{
    static const char SQL[] = "SELECT count(*) FROM arcollect.rule_firings"
                              " WHERE book = $1 AND dispute_id = $2 AND rule_id = $3"
                              " AND state_seq = $4";
    struct arc_pg_params params;
    int64_t found = 0;
    int rc;

    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, dispute_id);
    arc_pg_param_int(&params, rule_id);
    arc_pg_param_int(&params, state_seq);
    rc = arc_pg_sum_one(store, SQL, &params, &found, "escalation rule firings");
    *out = found != 0;
    return rc;
}

int arc_pg_rule_firing_insert(arc_store *store, arc_id rule_id, arc_id dispute_id,
                              int64_t state_seq, arc_time fired_at)
{
    static const char SQL[] =
        "INSERT INTO arcollect.rule_firings (book, dispute_id,"
        " rule_id, state_seq, fired_at) VALUES ($1, $2, $3, $4, $5)";
    struct arc_pg_params params;

    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, dispute_id);
    arc_pg_param_int(&params, rule_id);
    arc_pg_param_int(&params, state_seq);
    arc_pg_param_time(&params, fired_at);
    return arc_pg_command(store, SQL, &params, "escalation rule firing", NULL);
}

struct overdue_scan {
    int (*fn)(void *ctx, const struct arc_overdue_invoice *invoice);
    void *ctx;
};

static int overdue_row(void *ctx, const PGresult *res, int row)
{
    struct overdue_scan *scan = ctx;
    struct arc_overdue_invoice invoice;

    invoice.id = arc_pg_int(res, row, 0);
    invoice.customer_id = arc_pg_int(res, row, 1);
    arc_pg_currency(res, row, 2, invoice.currency);
    invoice.due_date = arc_pg_date(res, row, 3);
    invoice.balance = arc_pg_int(res, row, 4);
    return scan->fn(scan->ctx, &invoice);
}

int arc_pg_scan_overdue_invoices(arc_store *store, arc_date today,
                                 int (*fn)(void *ctx,
                                           const struct arc_overdue_invoice *invoice),
                                 void *ctx)
{
    /* invoices_overdue holds exactly the invoices with a balance and no
     * alert yet; drafts never have a balance. */
    static const char SQL[] =
        "SELECT id, customer_id, currency, due_date, balance FROM arcollect.invoices"
        " WHERE book = $1 AND balance > 0 AND NOT overdue_alerted AND due_date < $2"
        " ORDER BY due_date, id";
    struct overdue_scan scan = { fn, ctx };
    struct arc_pg_params params;

    arc_pg_params_init(&params, store);
    arc_pg_param_date(&params, today);
    return arc_pg_scan(store, SQL, &params, overdue_row, &scan, "invoices");
}

int arc_pg_invoice_mark_overdue_alerted(arc_store *store, arc_id id)
{
    static const char SQL[] = "UPDATE arcollect.invoices SET overdue_alerted = true"
                              " WHERE book = $1 AND id = $2";
    struct arc_pg_params params;

    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, id);
    return arc_pg_command(store, SQL, &params, "invoice", NULL);
}

int arc_pg_dispute_mark_overdue_alerted(arc_store *store, arc_id id, arc_date due_date)
{
    static const char SQL[] = "UPDATE arcollect.disputes SET overdue_alerted_for = $3"
                              " WHERE book = $1 AND id = $2";
    struct arc_pg_params params;

    arc_pg_params_init(&params, store);
    arc_pg_param_int(&params, id);
    arc_pg_param_date(&params, due_date);
    return arc_pg_command(store, SQL, &params, "dispute", NULL);
}
