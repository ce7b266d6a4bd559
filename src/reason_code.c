/*
 * The catalog of dispute reason codes: the codes a new book starts with,
 * and adding, relabelling, deactivating, deleting and listing codes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "error.h"
#include "reason_code_internal.h"
#include "util.h"

#define LABEL_MAX       200
#define CATEGORY_MAX    64
#define DESCRIPTION_MAX 2000

#define SEED(code, label, category, description)                                         \
    {                                                                                    \
        (char *)(code), (char *)(label), (char *)(category), (char *)(description),      \
            true, 0, 0                                                                   \
    }

static const struct arc_reason_code SEEDS[] = {
    SEED("AFTER_CANCEL", "Billed after cancellation", "billing",
         "The customer was billed for a period after the service was cancelled."),
    SEED("BILLING_DETAILS", "Billing details wrong (entity, address)", "administrative",
         "The invoice names the wrong legal entity, address or contact."),
    SEED("DUPLICATE", "Duplicate charge", "billing",
         "The same service or period was billed twice."),
    SEED("NOT_DELIVERED", "Service not delivered", "service",
         "The customer says a billed service or project was not delivered."),
    SEED("OPEN_TICKET", "Unresolved support ticket", "support",
         "Payment is held until an open support ticket is resolved."),
    SEED("OTHER", "Other", "other", "Any reason the other codes do not cover."),
    SEED("PO_MISSING", "Purchase order or reference missing", "administrative",
         "The customer needs a purchase order number or reference on the invoice."),
    SEED("PRICING", "Pricing differs from contract", "pricing",
         "A price on the invoice differs from the contract or quote."),
    SEED("QUANTITY", "Licence or seat quantity mismatch", "quantity",
         "The number of licences, seats or devices billed is disputed."),
    SEED("SLA_CREDIT", "SLA breach or outage credit expected", "service",
         "The customer expects a service credit for an outage or missed SLA."),
    SEED("TAX_ERROR", "Tax error", "billing",
         "Tax was charged wrongly or at the wrong rate."),
    SEED("UNAPPROVED", "Upgrade or add-on not approved", "authorization",
         "An upgrade, add-on or change was billed without the customer's approval."),
};

const struct arc_reason_code *arc_reason_code_seeds(size_t *count)
{
    *count = sizeof(SEEDS) / sizeof(SEEDS[0]);
    return SEEDS;
}

static int check_code(const char *code)
{
    size_t length = code ? strlen(code) : 0;

    if (code == NULL || length == 0)
        return arc_fail(ARC_EINVAL, "reason code: code: required");
    if (length > ARC_REASON_CODE_MAX)
        return arc_fail(ARC_EINVAL, "reason code: code: longer than %d characters",
                        ARC_REASON_CODE_MAX);
    for (size_t i = 0; i < length; i++) {
        char c = code[i];

        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
            return arc_fail(ARC_EINVAL,
                            "reason code: code: \"%.*s\" may use only A-Z, 0-9 and '_'",
                            ARC_REASON_CODE_MAX, code);
    }
    return ARC_OK;
}

static int check_opts(const arc_reason_code_opts *opts)
{
    int rc;

    if (opts == NULL)
        return arc_fail(ARC_EINVAL, "reason code: options must not be NULL");
    if (opts->version != ARC_REASON_CODE_OPTS_VERSION)
        return arc_fail(ARC_EVERSION, "reason code options: version %u is not supported",
                        opts->version);
    rc = arc_check_text("reason code", "label", opts->label, LABEL_MAX, true);
    if (rc == ARC_OK)
        rc = arc_check_text("reason code", "category", opts->category, CATEGORY_MAX,
                            false);
    if (rc == ARC_OK)
        rc = arc_check_text("reason code", "description", opts->description,
                            DESCRIPTION_MAX, false);
    return rc;
}

/* Journal a change to the catalog: "SLA_CREDIT added". */
static int emit_change(arc_db *db, const char *code, const char *what)
{
    struct arc_event event = arc_event_about(ARC_EVENT_REASON_CODE_CHANGED, 0, 0);
    char detail[ARC_REASON_CODE_MAX + 32];

    snprintf(detail, sizeof(detail), "%s %s", code, what);
    event.detail = detail;
    return arc_event_emit(db, &event);
}

int arc_reason_code_add(arc_db *db, const arc_reason_code_opts *opts)
{
    struct arc_reason_code reason = { 0 };
    int rc;

    ARC_CHECK_DB(db);
    rc = check_opts(opts);
    if (rc == ARC_OK)
        rc = check_code(opts->code);
    if (rc != ARC_OK)
        return rc;

    /* The record borrows the caller's strings. */
    reason.code = (char *)opts->code;
    reason.label = (char *)opts->label;
    reason.category =
        (char *)(opts->category && *opts->category ? opts->category : "other");
    reason.description =
        (char *)(opts->description && *opts->description ? opts->description : NULL);
    reason.active = true;
    reason.created_at = reason.updated_at = arc_db_now(db);

    rc = arc_write_begin_checked(db);
    if (rc != ARC_OK)
        return rc;
    rc = db->ops->reason_code_insert(db->store, &reason);
    if (rc == ARC_OK)
        rc = emit_change(db, reason.code, "added");
    return arc_write_end(db, rc);
}

/* Replace a string of a loaded record with a copy of @p value. */
static int replace_text(char **slot, const char *value)
{
    char *copy = value && *value ? arc_strdup(value) : NULL;

    if (value && *value && copy == NULL)
        return arc_fail(ARC_ENOMEM, "reason code: out of memory");
    free(*slot);
    *slot = copy;
    return ARC_OK;
}

static int update_in_scope(arc_db *db, const char *code, const arc_reason_code_opts *opts,
                           int active)
{
    struct arc_reason_code reason = { 0 };
    int rc = db->ops->reason_code_get(db->store, code, &reason);

    if (rc == ARC_OK && opts != NULL) {
        rc = replace_text(&reason.label, opts->label);
        if (rc == ARC_OK && opts->category != NULL && *opts->category != '\0')
            rc = replace_text(&reason.category, opts->category);
        if (rc == ARC_OK && opts->description != NULL)
            rc = replace_text(&reason.description, opts->description);
    }
    if (rc == ARC_OK && active >= 0)
        reason.active = active != 0;
    if (rc == ARC_OK) {
        reason.updated_at = arc_db_now(db);
        rc = db->ops->reason_code_update(db->store, &reason);
        if (rc == ARC_OK)
            rc = emit_change(db, reason.code,
                             opts            ? "relabelled"
                             : reason.active ? "activated"
                                             : "deactivated");
    }
    arc_reason_code_clear(&reason);
    return rc;
}

int arc_reason_code_update(arc_db *db, const char *code, const arc_reason_code_opts *opts)
{
    int rc;

    ARC_CHECK_DB(db);
    if (code == NULL)
        return arc_fail(ARC_EINVAL, "reason code: code: required");
    rc = check_opts(opts);
    if (rc != ARC_OK)
        return rc;

    rc = arc_write_begin(db);
    if (rc != ARC_OK)
        return rc;
    return arc_write_end(db, update_in_scope(db, code, opts, -1));
}

int arc_reason_code_set_active(arc_db *db, const char *code, int active)
{
    int rc;

    ARC_CHECK_DB(db);
    if (code == NULL)
        return arc_fail(ARC_EINVAL, "reason code: code: required");
    rc = arc_write_begin(db);
    if (rc != ARC_OK)
        return rc;
    return arc_write_end(db, update_in_scope(db, code, NULL, active != 0));
}

static int delete_in_scope(arc_db *db, const char *code)
{
    bool in_use = false;
    int rc = db->ops->reason_code_in_use(db->store, code, &in_use);

    if (rc == ARC_OK && in_use)
        return arc_fail(ARC_ECONFLICT,
                        "reason code %s: disputes or escalation rules use it;"
                        " deactivate it instead",
                        code);
    if (rc == ARC_OK)
        rc = db->ops->reason_code_delete(db->store, code);
    if (rc == ARC_OK)
        rc = emit_change(db, code, "deleted");
    return rc;
}

int arc_reason_code_delete(arc_db *db, const char *code)
{
    int rc;

    ARC_CHECK_DB(db);
    if (code == NULL)
        return arc_fail(ARC_EINVAL, "reason code: code: required");
    rc = arc_write_begin(db);
    if (rc != ARC_OK)
        return rc;
    return arc_write_end(db, delete_in_scope(db, code));
}

int arc_reason_code_list(arc_reason_code_page **out, arc_db *db, int include_inactive)
{
    arc_reason_code_page *page;
    int rc;

    if (out == NULL)
        return arc_fail(ARC_EINVAL, "reason codes: out must not be NULL");
    ARC_CHECK_DB(db);
    page = calloc(1, sizeof(*page));
    if (page == NULL)
        return arc_fail(ARC_ENOMEM, "reason codes: out of memory");

    rc = arc_read_begin(db);
    if (rc == ARC_OK)
        rc = arc_read_end(
            db, db->ops->reason_code_list(db->store, include_inactive != 0, page));
    if (rc != ARC_OK) {
        arc_reason_code_page_free(page);
        return rc;
    }
    *out = page;
    return ARC_OK;
}

const arc_reason_code *arc_reason_code_page_find(const arc_reason_code_page *page,
                                                 const char *code)
{
    for (size_t i = 0; page != NULL && code != NULL && i < page->count; i++) {
        if (strcmp(page->items[i].code, code) == 0)
            return &page->items[i];
    }
    return NULL;
}

size_t arc_reason_code_page_count(const arc_reason_code_page *page)
{
    return page ? page->count : 0;
}

const arc_reason_code *arc_reason_code_page_at(const arc_reason_code_page *page,
                                               size_t index)
{
    if (page == NULL || index >= page->count)
        return NULL;
    return &page->items[index];
}

void arc_reason_code_page_free(arc_reason_code_page *page)
{
    if (page == NULL)
        return;
    for (size_t i = 0; i < page->count; i++)
        arc_reason_code_clear(&page->items[i]);
    free(page->items);
    free(page);
}

const char *arc_reason_code_code(const arc_reason_code *reason)
{
    return reason ? reason->code : NULL;
}

const char *arc_reason_code_label(const arc_reason_code *reason)
{
    return reason ? reason->label : NULL;
}

const char *arc_reason_code_category(const arc_reason_code *reason)
{
    return reason ? reason->category : NULL;
}

const char *arc_reason_code_description(const arc_reason_code *reason)
{
    return reason ? reason->description : NULL;
}

int arc_reason_code_is_active(const arc_reason_code *reason)
{
    return reason != NULL && reason->active;
}
