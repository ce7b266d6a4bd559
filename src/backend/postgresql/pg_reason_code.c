/*
 * The reason code catalog in the PostgreSQL book.
 */
#include "error.h"
#include "pg_internal.h"

#define REASON_COLUMNS                                                                   \
    "code, label, category, description, active, created_at, updated_at"

static int read_reason(const PGresult *res, int row, void *record)
{
    struct arc_reason_code *out = record;
    int rc = ARC_OK;

    out->code = arc_pg_text_dup(res, row, 0, &rc);
    out->label = arc_pg_text_dup(res, row, 1, &rc);
    out->category = arc_pg_text_dup(res, row, 2, &rc);
    out->description = arc_pg_text_dup(res, row, 3, &rc);
    out->active = arc_pg_bool(res, row, 4);
    out->created_at = arc_pg_time(res, row, 5);
    out->updated_at = arc_pg_time(res, row, 6);
    if (rc != ARC_OK)
        arc_reason_code_clear(out);
    return rc;
}

int arc_pg_reason_code_insert(arc_store *store, const struct arc_reason_code *reason)
{
    static const char SQL[] = "INSERT INTO arcollect.reason_codes (book, " REASON_COLUMNS
                              ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
                              " ON CONFLICT DO NOTHING";
    struct arc_pg_params params;
    int64_t inserted = 0;
    int rc;

    arc_pg_params_init(&params, store);
    arc_pg_param_text(&params, reason->code);
    arc_pg_param_text(&params, reason->label);
    arc_pg_param_text(&params, reason->category);
    arc_pg_param_text(&params, reason->description);
    arc_pg_param_bool(&params, reason->active);
    arc_pg_param_time(&params, reason->created_at);
    arc_pg_param_time(&params, reason->updated_at);
    rc = arc_pg_command(store, SQL, &params, "reason code", &inserted);
    if (rc == ARC_OK && inserted == 0)
        return arc_fail(ARC_EEXISTS, "reason code %s: already in the catalog",
                        reason->code);
    return rc;
}

int arc_pg_reason_code_update(arc_store *store, const struct arc_reason_code *reason)
{
    static const char SQL[] = "UPDATE arcollect.reason_codes SET label = $3,"
                              " category = $4, description = $5, active = $6,"
                              " updated_at = $7 WHERE book = $1 AND code = $2";
    struct arc_pg_params params;
    int64_t updated = 0;
    int rc;

    arc_pg_params_init(&params, store);
    arc_pg_param_text(&params, reason->code);
    arc_pg_param_text(&params, reason->label);
    arc_pg_param_text(&params, reason->category);
    arc_pg_param_text(&params, reason->description);
    arc_pg_param_bool(&params, reason->active);
    arc_pg_param_time(&params, reason->updated_at);
    rc = arc_pg_command(store, SQL, &params, "reason code", &updated);
    if (rc == ARC_OK && updated == 0)
        return arc_fail(ARC_ENOTFOUND, "reason code %s: not in the catalog",
                        reason->code);
    return rc;
}

int arc_pg_reason_code_get(arc_store *store, const char *code,
                           struct arc_reason_code *out)
{
    static const char SQL[] = "SELECT " REASON_COLUMNS " FROM arcollect.reason_codes"
                              " WHERE book = $1 AND code = $2";
    struct arc_pg_params params;
    int rc;

    arc_pg_params_init(&params, store);
    arc_pg_param_text(&params, code);
    rc = arc_pg_fetch_one(store, SQL, &params, out, read_reason, "reason code");
    if (rc == ARC_ENOTFOUND)
        return arc_fail(ARC_ENOTFOUND, "reason code %s: not in the catalog", code);
    return rc;
}

int arc_pg_reason_code_delete(arc_store *store, const char *code)
{
    static const char SQL[] =
        "DELETE FROM arcollect.reason_codes WHERE book = $1 AND code = $2";
    struct arc_pg_params params;
    int64_t deleted = 0;
    int rc;

    arc_pg_params_init(&params, store);
    arc_pg_param_text(&params, code);
    rc = arc_pg_command(store, SQL, &params, "reason code", &deleted);
    if (rc == ARC_OK && deleted == 0)
        return arc_fail(ARC_ENOTFOUND, "reason code %s: not in the catalog", code);
    return rc;
}

int arc_pg_reason_code_list(arc_store *store, bool include_inactive,
                            struct arc_reason_code_page *out)
{
    static const char SQL[] = "SELECT " REASON_COLUMNS " FROM arcollect.reason_codes"
                              " WHERE book = $1 AND (active OR $2) ORDER BY code";
    struct arc_pg_params params;

    arc_pg_params_init(&params, store);
    arc_pg_param_bool(&params, include_inactive);
    return arc_pg_fetch_all(store, SQL, &params, (void **)&out->items, &out->count,
                            sizeof(*out->items), read_reason, "reason codes");
}

int arc_pg_reason_code_in_use(arc_store *store, const char *code, bool *out)
{
    static const char SQL[] = "SELECT (EXISTS (SELECT 1 FROM arcollect.disputes"
                              "   WHERE book = $1 AND reason_code = $2)"
                              " OR EXISTS (SELECT 1 FROM arcollect.escalation_rules"
                              "   WHERE book = $1 AND reason_code = $2))::int";
    struct arc_pg_params params;
    int64_t used = 0;
    int rc;

    arc_pg_params_init(&params, store);
    arc_pg_param_text(&params, code);
    rc = arc_pg_sum_one(store, SQL, &params, &used, "reason code");
    *out = used != 0;
    return rc;
}
