/*
 * Escalation rules as records: adding, reading back every field, replacing,
 * deleting, listing, and the refusals that leave the book unchanged.
 */
#include <string.h>

#include "testutil.h"
#include "arcollect/automation.h"

static arc_db *db;

static void setup(void)
{
    db = test_open_book("2026-03-15");
}

static void teardown(void)
{
    test_close_book(db);
}

static arc_escalation_rule_opts alert_rule(const char *name)
{
    arc_escalation_rule_opts opts = ARC_ESCALATION_RULE_OPTS_INIT;

    opts.name = name;
    opts.actions = ARC_RULE_ALERT;
    return opts;
}

static size_t rule_count(int include_inactive)
{
    arc_escalation_rule_page *page = NULL;
    size_t count;

    ck_assert_ok(arc_escalation_rule_list(&page, db, include_inactive));
    count = arc_escalation_rule_page_count(page);
    arc_escalation_rule_page_free(page);
    return count;
}

static arc_id last_event_id(void)
{
    arc_event_page *page = NULL;
    arc_id last = 0, cursor = 0;

    for (;;) {
        size_t count;

        ck_assert_ok(arc_event_list(&page, db, cursor, 1000));
        count = arc_event_page_count(page);
        if (count > 0)
            last = cursor = arc_event_id(arc_event_page_at(page, count - 1));
        arc_event_page_free(page);
        if (count == 0)
            return last;
    }
}

START_TEST(a_rule_keeps_every_field)
{
    arc_escalation_rule_opts opts = ARC_ESCALATION_RULE_OPTS_INIT;
    arc_escalation_rule *rule = NULL;
    arc_id id = 0;

    opts.name = "Big SLA disputes to the lead";
    opts.statuses =
        ARC_RULE_STATUS(ARC_DISPUTE_OPEN) | ARC_RULE_STATUS(ARC_DISPUTE_IN_REVIEW);
    opts.min_days_in_state = 10;
    opts.min_amount = 250000;
    opts.currency = "USD";
    opts.reason_code = "SLA_CREDIT";
    opts.min_days_since_contact = 7;
    opts.below_level = 2;
    opts.actions =
        ARC_RULE_ESCALATE | ARC_RULE_REASSIGN | ARC_RULE_SET_DUE_DATE | ARC_RULE_ALERT;
    opts.assign_to = "dana";
    opts.due_in_days = 5;
    ck_assert_ok(arc_escalation_rule_add(&id, db, &opts));
    ck_assert_int_gt(id, 0);

    ck_assert_ok(arc_escalation_rule_lookup(&rule, db, id));
    ck_assert_int_eq(arc_escalation_rule_id(rule), id);
    ck_assert_str_eq(arc_escalation_rule_name(rule), "Big SLA disputes to the lead");
    ck_assert_int_eq(arc_escalation_rule_active(rule), 1);
    ck_assert_uint_eq(arc_escalation_rule_statuses(rule), 0x3);
    ck_assert_int_eq(arc_escalation_rule_min_days_in_state(rule), 10);
    ck_assert_int_eq(arc_escalation_rule_min_amount(rule), 250000);
    ck_assert_str_eq(arc_escalation_rule_currency(rule), "USD");
    ck_assert_str_eq(arc_escalation_rule_reason_code(rule), "SLA_CREDIT");
    ck_assert_int_eq(arc_escalation_rule_min_days_since_contact(rule), 7);
    ck_assert_int_eq(arc_escalation_rule_below_level(rule), 2);
    ck_assert_uint_eq(arc_escalation_rule_actions(rule), 0xf);
    ck_assert_str_eq(arc_escalation_rule_assign_to(rule), "dana");
    ck_assert_int_eq(arc_escalation_rule_due_in_days(rule), 5);
    arc_escalation_rule_free(rule);
}
END_TEST

START_TEST(unset_conditions_read_as_defaults)
{
    arc_escalation_rule_opts opts = alert_rule("Any dispute");
    arc_escalation_rule *rule = NULL;

    ck_assert_ok(arc_escalation_rule_add(NULL, db, &opts));
    ck_assert_ok(arc_escalation_rule_lookup_by_name(&rule, db, "Any dispute"));
    /* No statuses given: every state but resolved. */
    ck_assert_uint_eq(arc_escalation_rule_statuses(rule),
                      ARC_RULE_STATUS(ARC_DISPUTE_OPEN) |
                          ARC_RULE_STATUS(ARC_DISPUTE_IN_REVIEW) |
                          ARC_RULE_STATUS(ARC_DISPUTE_ESCALATED) |
                          ARC_RULE_STATUS(ARC_DISPUTE_REOPENED));
    ck_assert_ptr_null(arc_escalation_rule_currency(rule));
    ck_assert_ptr_null(arc_escalation_rule_reason_code(rule));
    ck_assert_ptr_null(arc_escalation_rule_assign_to(rule));
    ck_assert_int_eq(arc_escalation_rule_min_amount(rule), 0);
    ck_assert_int_eq(arc_escalation_rule_below_level(rule), 0);
    arc_escalation_rule_free(rule);
}
END_TEST

START_TEST(update_replaces_every_field_and_list_runs_in_id_order)
{
    arc_escalation_rule_opts first = alert_rule("First");
    arc_escalation_rule_opts second = alert_rule("Second");
    arc_escalation_rule_page *page = NULL;
    arc_id a = 0, b = 0;

    ck_assert_ok(arc_escalation_rule_add(&a, db, &first));
    ck_assert_ok(arc_escalation_rule_add(&b, db, &second));
    second.name = "Second, idle";
    second.active = 0;
    second.actions = ARC_RULE_REASSIGN;
    second.assign_to = "kim";
    ck_assert_ok(arc_escalation_rule_update(db, b, &second));

    ck_assert_uint_eq(rule_count(0), 1);
    ck_assert_ok(arc_escalation_rule_list(&page, db, 1));
    ck_assert_uint_eq(arc_escalation_rule_page_count(page), 2);
    ck_assert_int_eq(arc_escalation_rule_id(arc_escalation_rule_page_at(page, 0)), a);
    ck_assert_str_eq(arc_escalation_rule_name(arc_escalation_rule_page_at(page, 1)),
                     "Second, idle");
    ck_assert_int_eq(arc_escalation_rule_active(arc_escalation_rule_page_at(page, 1)), 0);
    ck_assert_str_eq(arc_escalation_rule_assign_to(arc_escalation_rule_page_at(page, 1)),
                     "kim");
    ck_assert_ptr_null(arc_escalation_rule_page_at(page, 2));
    arc_escalation_rule_page_free(page);
}
END_TEST

START_TEST(changes_are_journalled)
{
    arc_escalation_rule_opts opts = alert_rule("Watch");
    arc_event_page *page = NULL;
    arc_id id = 0, before = last_event_id();

    ck_assert_ok(arc_escalation_rule_add(&id, db, &opts));
    ck_assert_ok(arc_escalation_rule_update(db, id, &opts));
    ck_assert_ok(arc_escalation_rule_delete(db, id));
    ck_assert_ok(arc_event_list(&page, db, before, 0));
    ck_assert_uint_eq(arc_event_page_count(page), 3);
    for (size_t i = 0; i < 3; i++) {
        const arc_event *event = arc_event_page_at(page, i);

        ck_assert_int_eq(arc_event_kind_of(event), ARC_EVENT_RULE_CHANGED);
        ck_assert_int_eq(arc_event_record_id(event), id);
        ck_assert_str_eq(arc_event_detail(event), "Watch");
    }
    arc_event_page_free(page);
}
END_TEST

START_TEST(delete_removes_the_rule)
{
    arc_escalation_rule_opts opts = alert_rule("Short-lived");
    arc_escalation_rule *rule = NULL;
    arc_id id = 0;

    ck_assert_ok(arc_escalation_rule_add(&id, db, &opts));
    ck_assert_ok(arc_escalation_rule_delete(db, id));
    ck_assert_rc(arc_escalation_rule_lookup(&rule, db, id), ARC_ENOTFOUND);
    ck_assert_ptr_null(rule);
    ck_assert_rc(arc_escalation_rule_delete(db, id), ARC_ENOTFOUND);
    ck_assert_error_mentions("escalation rule");
    /* The name is free again. */
    ck_assert_ok(arc_escalation_rule_add(NULL, db, &opts));
}
END_TEST

/* Each refusal: the code, a message naming the field, and no rule added. */
static void refuse(const arc_escalation_rule_opts *opts, int code, const char *field)
{
    arc_id before = last_event_id();

    ck_assert_rc(arc_escalation_rule_add(NULL, db, opts), code);
    ck_assert_error_mentions(field);
    ck_assert_uint_eq(rule_count(1), 0);
    ck_assert_int_eq(last_event_id(), before);
}

START_TEST(bad_rules_are_refused_by_field)
{
    arc_escalation_rule_opts opts;

    opts = alert_rule(NULL);
    refuse(&opts, ARC_EINVAL, "name");
    opts = alert_rule("R");
    opts.actions = 0;
    refuse(&opts, ARC_EINVAL, "actions");
    opts.actions = 1u << 7;
    refuse(&opts, ARC_EINVAL, "actions");
    opts = alert_rule("R");
    opts.statuses = ARC_RULE_STATUS(ARC_DISPUTE_RESOLVED);
    refuse(&opts, ARC_EINVAL, "statuses");
    opts = alert_rule("R");
    opts.min_days_in_state = -1;
    refuse(&opts, ARC_EINVAL, "min_days_in_state");
    opts.min_days_in_state = ARC_RULE_MAX_DAYS + 1;
    refuse(&opts, ARC_EINVAL, "min_days_in_state");
    opts = alert_rule("R");
    opts.min_days_since_contact = -3;
    refuse(&opts, ARC_EINVAL, "min_days_since_contact");
    opts = alert_rule("R");
    opts.min_amount = 100;
    refuse(&opts, ARC_EINVAL, "currency");
    opts.currency = "usd";
    refuse(&opts, ARC_EINVAL, "currency");
    opts.currency = "USD";
    opts.min_amount = -1;
    refuse(&opts, ARC_EINVAL, "min_amount");
    opts = alert_rule("R");
    opts.reason_code = "NO_SUCH_CODE";
    refuse(&opts, ARC_EINVAL, "reason_code");
    opts = alert_rule("R");
    opts.below_level = -1;
    refuse(&opts, ARC_EINVAL, "below_level");
    opts = alert_rule("R");
    opts.actions = ARC_RULE_ESCALATE;
    refuse(&opts, ARC_EINVAL, "min_days_in_state");
    opts = alert_rule("R");
    opts.actions = ARC_RULE_REASSIGN;
    refuse(&opts, ARC_EINVAL, "assign_to");
    opts = alert_rule("R");
    opts.assign_to = "kim";
    refuse(&opts, ARC_EINVAL, "assign_to");
    opts = alert_rule("R");
    opts.due_in_days = 3;
    refuse(&opts, ARC_EINVAL, "due_in_days");
    opts.actions = ARC_RULE_SET_DUE_DATE;
    opts.due_in_days = -3;
    refuse(&opts, ARC_EINVAL, "due_in_days");
    opts = alert_rule("R\xff");
    refuse(&opts, ARC_EINVAL, "name");
    opts = alert_rule("R");
    opts.version = 99;
    refuse(&opts, ARC_EVERSION, "version");
    ck_assert_rc(arc_escalation_rule_add(NULL, db, NULL), ARC_EINVAL);
    ck_assert_rc(arc_escalation_rule_add(NULL, NULL, &opts), ARC_EINVAL);
}
END_TEST

START_TEST(names_are_unique)
{
    arc_escalation_rule_opts opts = alert_rule("Twice");
    arc_escalation_rule_opts other = alert_rule("Other");
    arc_id other_id = 0;

    ck_assert_ok(arc_escalation_rule_add(NULL, db, &opts));
    ck_assert_rc(arc_escalation_rule_add(NULL, db, &opts), ARC_EEXISTS);
    ck_assert_error_mentions("Twice");
    ck_assert_ok(arc_escalation_rule_add(&other_id, db, &other));
    ck_assert_rc(arc_escalation_rule_update(db, other_id, &opts), ARC_EEXISTS);
    ck_assert_uint_eq(rule_count(1), 2);
    ck_assert_rc(arc_escalation_rule_update(db, 999, &other), ARC_ENOTFOUND);
    ck_assert_error_mentions("999");
}
END_TEST

START_TEST(a_reason_code_in_a_rule_cannot_be_deleted)
{
    arc_reason_code_opts code = ARC_REASON_CODE_OPTS_INIT;
    arc_escalation_rule_opts opts = alert_rule("Custom code");

    code.code = "CUSTOM";
    code.label = "Custom";
    ck_assert_ok(arc_reason_code_add(db, &code));
    opts.reason_code = "CUSTOM";
    ck_assert_ok(arc_escalation_rule_add(NULL, db, &opts));
    ck_assert_rc(arc_reason_code_delete(db, "CUSTOM"), ARC_ECONFLICT);
    ck_assert_error_mentions("escalation rules");
}
END_TEST

START_TEST(accessors_accept_null)
{
    ck_assert_int_eq(arc_escalation_rule_id(NULL), 0);
    ck_assert_ptr_null(arc_escalation_rule_name(NULL));
    ck_assert_int_eq(arc_escalation_rule_active(NULL), 0);
    ck_assert_uint_eq(arc_escalation_rule_statuses(NULL), 0);
    ck_assert_uint_eq(arc_escalation_rule_actions(NULL), 0);
    ck_assert_uint_eq(arc_escalation_rule_page_count(NULL), 0);
    ck_assert_ptr_null(arc_escalation_rule_page_at(NULL, 0));
    arc_escalation_rule_free(NULL);
    arc_escalation_rule_page_free(NULL);
    ck_assert_rc(arc_escalation_rule_lookup_by_name(NULL, db, "x"), ARC_EINVAL);
    ck_assert_rc(arc_escalation_rule_list(NULL, db, 0), ARC_EINVAL);
}
END_TEST

static Suite *escalation_rule_suite(void)
{
    Suite *suite = suite_create("escalation_rule");
    TCase *records = tcase_create("records");
    TCase *rules = tcase_create("rules");

    tcase_add_checked_fixture(records, setup, teardown);
    tcase_add_test(records, a_rule_keeps_every_field);
    tcase_add_test(records, unset_conditions_read_as_defaults);
    tcase_add_test(records, update_replaces_every_field_and_list_runs_in_id_order);
    tcase_add_test(records, changes_are_journalled);
    tcase_add_test(records, delete_removes_the_rule);
    suite_add_tcase(suite, records);

    tcase_add_checked_fixture(rules, setup, teardown);
    tcase_add_test(rules, bad_rules_are_refused_by_field);
    tcase_add_test(rules, names_are_unique);
    tcase_add_test(rules, a_reason_code_in_a_rule_cannot_be_deleted);
    tcase_add_test(rules, accessors_accept_null);
    suite_add_tcase(suite, rules);
    return suite;
}

int main(void)
{
    return test_run_suite(escalation_rule_suite());
}
