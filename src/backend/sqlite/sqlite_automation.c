/*
 * Escalation rules, the record of their firings, and the scans the
 * automation run reads, in the SQLite book.
 */
#include <stdio.h>

#include "error.h"
#include "sqlite_internal.h"

#define RULE_COLUMNS                                                                     \
    "id, name, active, statuses, min_days_in_state, min_amount, currency, reason_code,"  \
    " min_days_since_contact, below_level, actions, assign_to, due_in_days, created_at," \
    " updated_at"

static int read_rule(sqlite3_stmt *stmt, void *record)
{
    struct arc_escalation_rule *out = record;
    int rc = ARC_OK;

    out->id = sqlite3_column_int64(stmt, 0);
    out->name = arc_sqlite_column_text_dup(stmt, 1, &rc);
    out->active = sqlite3_column_int(stmt, 2) != 0;
    out->statuses = (unsigned int)sqlite3_column_int(stmt, 3);
    out->min_days_in_state = sqlite3_column_int(stmt, 4);
    out->min_amount = sqlite3_column_int64(stmt, 5);
    arc_sqlite_column_currency(stmt, 6, out->currency);
    out->reason_code = arc_sqlite_column_text_dup(stmt, 7, &rc);
    out->min_days_since_contact = sqlite3_column_int(stmt, 8);
    out->below_level = sqlite3_column_int(stmt, 9);
    out->actions = (unsigned int)sqlite3_column_int(stmt, 10);
    out->assign_to = arc_sqlite_column_text_dup(stmt, 11, &rc);
    out->due_in_days = sqlite3_column_int(stmt, 12);
    out->created_at = arc_sqlite_column_time(stmt, 13);
    out->updated_at = arc_sqlite_column_time(stmt, 14);
    if (rc != ARC_OK)
        arc_escalation_rule_clear(out);
    return rc;
}

/* Binds ?1 to ?13: every column but id and created_at, in RULE_COLUMNS order. */
static void bind_rule(sqlite3_stmt *stmt, const struct arc_escalation_rule *rule)
{
    arc_sqlite_bind_text(stmt, 1, rule->name);
    sqlite3_bind_int(stmt, 2, rule->active ? 1 : 0);
    sqlite3_bind_int(stmt, 3, (int)rule->statuses);
    sqlite3_bind_int(stmt, 4, rule->min_days_in_state);
    sqlite3_bind_int64(stmt, 5, rule->min_amount);
    arc_sqlite_bind_text(stmt, 6, rule->currency[0] ? rule->currency : NULL);
    arc_sqlite_bind_text(stmt, 7, rule->reason_code);
    sqlite3_bind_int(stmt, 8, rule->min_days_since_contact);
    sqlite3_bind_int(stmt, 9, rule->below_level);
    sqlite3_bind_int(stmt, 10, (int)rule->actions);
    arc_sqlite_bind_text(stmt, 11, rule->assign_to);
    sqlite3_bind_int(stmt, 12, rule->due_in_days);
    arc_sqlite_bind_time(stmt, 13, rule->updated_at);
}

/* A taken name is the one unique key of a rule. */
static int fail_write(arc_store *store, int rc, const struct arc_escalation_rule *rule)
{
    if (rc == ARC_EEXISTS)
        return arc_fail(ARC_EEXISTS, "escalation rule \"%s\": name: already taken",
                        rule->name);
    (void)store;
    return rc;
}

int arc_sqlite_rule_insert(arc_store *store, struct arc_escalation_rule *rule)
{
    static const char SQL[] =
        "INSERT INTO escalation_rules (name, active, statuses, min_days_in_state,"
        " min_amount, currency, reason_code, min_days_since_contact, below_level,"
        " actions, assign_to, due_in_days, updated_at, created_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);
    int rc;

    if (stmt == NULL)
        return arc_error_last_code();
    bind_rule(stmt, rule);
    arc_sqlite_bind_time(stmt, 14, rule->created_at);
    rc = fail_write(store, arc_sqlite_exec_stmt(store, stmt, "escalation rule"), rule);
    if (rc == ARC_OK)
        rule->id = sqlite3_last_insert_rowid(store->conn);
    return rc;
}

int arc_sqlite_rule_update(arc_store *store, const struct arc_escalation_rule *rule)
{
    static const char SQL[] =
        "UPDATE escalation_rules SET name = ?1, active = ?2, statuses = ?3,"
        " min_days_in_state = ?4, min_amount = ?5, currency = ?6, reason_code = ?7,"
        " min_days_since_contact = ?8, below_level = ?9, actions = ?10, assign_to = ?11,"
        " due_in_days = ?12, updated_at = ?13 WHERE id = ?14";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);
    int rc;

    if (stmt == NULL)
        return arc_error_last_code();
    bind_rule(stmt, rule);
    sqlite3_bind_int64(stmt, 14, rule->id);
    rc = fail_write(store, arc_sqlite_exec_stmt(store, stmt, "escalation rule"), rule);
    if (rc == ARC_OK && sqlite3_changes(store->conn) == 0)
        return arc_fail(ARC_ENOTFOUND, "escalation rule %lld: not found",
                        (long long)rule->id);
    return rc;
}

int arc_sqlite_rule_delete(arc_store *store, arc_id id)
{
    static const char FIRINGS[] = "DELETE FROM rule_firings WHERE rule_id = ?1";
    static const char RULE[] = "DELETE FROM escalation_rules WHERE id = ?1";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, FIRINGS);
    int rc;

    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_int64(stmt, 1, id);
    rc = arc_sqlite_exec_stmt(store, stmt, "escalation rule firings");
    if (rc != ARC_OK)
        return rc;
    stmt = arc_sqlite_stmt(store, RULE);
    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_int64(stmt, 1, id);
    rc = arc_sqlite_exec_stmt(store, stmt, "escalation rule");
    if (rc == ARC_OK && sqlite3_changes(store->conn) == 0)
        return arc_fail(ARC_ENOTFOUND, "escalation rule %lld: not found", (long long)id);
    return rc;
}

int arc_sqlite_rule_get(arc_store *store, arc_id id, struct arc_escalation_rule *out)
{
    static const char SQL[] =
        "SELECT " RULE_COLUMNS " FROM escalation_rules WHERE id = ?1";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);
    int rc;

    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_int64(stmt, 1, id);
    rc = arc_sqlite_fetch_one(store, stmt, out, read_rule, "escalation rule");
    if (rc == ARC_ENOTFOUND)
        return arc_fail(ARC_ENOTFOUND, "escalation rule %lld: not found", (long long)id);
    return rc;
}

int arc_sqlite_rule_get_by_name(arc_store *store, const char *name,
                                struct arc_escalation_rule *out)
{
    static const char SQL[] =
        "SELECT " RULE_COLUMNS " FROM escalation_rules WHERE name = ?1";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);
    int rc;

    if (stmt == NULL)
        return arc_error_last_code();
    arc_sqlite_bind_text(stmt, 1, name);
    rc = arc_sqlite_fetch_one(store, stmt, out, read_rule, "escalation rule");
    if (rc == ARC_ENOTFOUND)
        return arc_fail(ARC_ENOTFOUND, "escalation rule \"%s\": not found", name);
    return rc;
}

int arc_sqlite_rule_list(arc_store *store, bool include_inactive,
                         struct arc_escalation_rule_page *out)
{
    static const char SQL[] = "SELECT " RULE_COLUMNS " FROM escalation_rules"
                              " WHERE active = 1 OR ?1 ORDER BY id";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);

    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_int(stmt, 1, include_inactive ? 1 : 0);
    return arc_sqlite_fetch_all(store, stmt, (void **)&out->items, &out->count,
                                sizeof(*out->items), read_rule, "escalation rules");
}

static void read_state(sqlite3_stmt *stmt, struct arc_dispute_state *out)
{
    const unsigned char *code = sqlite3_column_text(stmt, 3);

    out->id = sqlite3_column_int64(stmt, 0);
    out->customer_id = sqlite3_column_int64(stmt, 1);
    arc_sqlite_column_currency(stmt, 2, out->currency);
    snprintf(out->reason_code, sizeof(out->reason_code), "%s",
             code ? (const char *)code : "");
    out->amount = sqlite3_column_int64(stmt, 4);
    out->status = (arc_dispute_status)arc_parse_dispute_status(
        (const char *)sqlite3_column_text(stmt, 5));
    out->escalation_level = sqlite3_column_int(stmt, 6);
    out->status_changed_at = arc_sqlite_column_time(stmt, 7);
    out->due_date = arc_sqlite_column_date(stmt, 8);
    out->overdue_alerted_for = arc_sqlite_column_date(stmt, 9);
    out->opened_at = arc_sqlite_column_time(stmt, 10);
    out->state_seq = sqlite3_column_int64(stmt, 11);
    out->invoice_id = sqlite3_column_int64(stmt, 12);
}

int arc_sqlite_scan_unresolved_disputes(arc_store *store,
                                        int (*fn)(void *ctx,
                                                  const struct arc_dispute_state *state),
                                        void *ctx)
{
    static const char SQL[] =
        "SELECT id, customer_id, currency, reason_code, amount, status,"
        " escalation_level, status_changed_at, due_date, overdue_alerted_for, opened_at,"
        " state_seq, invoice_id"
        " FROM disputes WHERE status <> 'resolved' ORDER BY id";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);
    struct arc_dispute_state state;
    int rc = ARC_OK;
    int step = SQLITE_DONE;

    if (stmt == NULL)
        return arc_error_last_code();
    while (rc == ARC_OK && (step = sqlite3_step(stmt)) == SQLITE_ROW) {
        read_state(stmt, &state);
        rc = fn(ctx, &state);
    }
    if (rc == ARC_OK && step != SQLITE_DONE)
        rc = arc_sqlite_fail(store, sqlite3_extended_errcode(store->conn), "disputes");
    sqlite3_reset(stmt);
    return rc;
}

int arc_sqlite_last_contact(arc_store *store, arc_id customer_id, arc_time *out)
{
    /* Walks communications_by_customer backwards from the newest; internal
     * notes are usually few, so the first row that is not one is near. */
    static const char SQL[] = "SELECT occurred_at FROM communications"
                              " WHERE customer_id = ?1 AND direction <> 'internal'"
                              " ORDER BY occurred_at DESC, id DESC LIMIT 1";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);
    int step;

    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_int64(stmt, 1, customer_id);
    step = sqlite3_step(stmt);
    *out = step == SQLITE_ROW ? arc_sqlite_column_time(stmt, 0) : 0;
    sqlite3_reset(stmt);
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        return arc_sqlite_fail(store, step, "communications");
    return ARC_OK;
}

int arc_sqlite_rule_fired(arc_store *store, arc_id rule_id, arc_id dispute_id,
                          int64_t state_seq, bool *out)
{
    static const char SQL[] = "SELECT EXISTS (SELECT 1 FROM rule_firings"
                              " WHERE dispute_id = ?1 AND rule_id = ?2"
                              " AND state_seq = ?3)";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);
    int64_t found = 0;
    int rc;

    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_int64(stmt, 1, dispute_id);
    sqlite3_bind_int64(stmt, 2, rule_id);
    sqlite3_bind_int64(stmt, 3, state_seq);
    rc = arc_sqlite_sum_one(store, stmt, &found, "escalation rule firings");
    *out = found != 0;
    return rc;
}

int arc_sqlite_rule_firing_insert(arc_store *store, arc_id rule_id, arc_id dispute_id,
                                  int64_t state_seq, arc_time fired_at)
{
    static const char SQL[] = "INSERT INTO rule_firings (dispute_id, rule_id,"
                              " state_seq, fired_at) VALUES (?1, ?2, ?3, ?4)";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);

    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_int64(stmt, 1, dispute_id);
    sqlite3_bind_int64(stmt, 2, rule_id);
    sqlite3_bind_int64(stmt, 3, state_seq);
    arc_sqlite_bind_time(stmt, 4, fired_at);
    return arc_sqlite_exec_stmt(store, stmt, "escalation rule firing");
}

int arc_sqlite_scan_overdue_invoices(arc_store *store, arc_date today,
                                     int (*fn)(void *ctx,
                                               const struct arc_overdue_invoice *invoice),
                                     void *ctx)
{
    /* invoices_overdue holds exactly the invoices with a balance and no
     * alert yet; drafts never have a balance. */
    static const char SQL[] =
        "SELECT id, customer_id, currency, due_date, balance FROM invoices"
        " INDEXED BY invoices_overdue"
        " WHERE balance > 0 AND overdue_alerted = 0 AND due_date < ?1"
        " ORDER BY due_date, id";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);
    struct arc_overdue_invoice invoice;
    int rc = ARC_OK;
    int step = SQLITE_DONE;

    if (stmt == NULL)
        return arc_error_last_code();
    arc_sqlite_bind_date(stmt, 1, today);
    while (rc == ARC_OK && (step = sqlite3_step(stmt)) == SQLITE_ROW) {
        invoice.id = sqlite3_column_int64(stmt, 0);
        invoice.customer_id = sqlite3_column_int64(stmt, 1);
        arc_sqlite_column_currency(stmt, 2, invoice.currency);
        invoice.due_date = arc_sqlite_column_date(stmt, 3);
        invoice.balance = sqlite3_column_int64(stmt, 4);
        rc = fn(ctx, &invoice);
    }
    if (rc == ARC_OK && step != SQLITE_DONE)
        rc = arc_sqlite_fail(store, sqlite3_extended_errcode(store->conn), "invoices");
    sqlite3_reset(stmt);
    return rc;
}

int arc_sqlite_invoice_mark_overdue_alerted(arc_store *store, arc_id id)
{
    static const char SQL[] = "UPDATE invoices SET overdue_alerted = 1 WHERE id = ?1";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);

    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_int64(stmt, 1, id);
    return arc_sqlite_exec_stmt(store, stmt, "invoice");
}

int arc_sqlite_dispute_mark_overdue_alerted(arc_store *store, arc_id id,
                                            arc_date due_date)
{
    static const char SQL[] =
        "UPDATE disputes SET overdue_alerted_for = ?2 WHERE id = ?1";
    sqlite3_stmt *stmt = arc_sqlite_stmt(store, SQL);

    if (stmt == NULL)
        return arc_error_last_code();
    sqlite3_bind_int64(stmt, 1, id);
    arc_sqlite_bind_date(stmt, 2, due_date);
    return arc_sqlite_exec_stmt(store, stmt, "dispute");
}
