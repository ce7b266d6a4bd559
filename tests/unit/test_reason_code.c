/*
 * The reason code catalog: the seeded codes, adding, relabelling,
 * deactivating and deleting codes, and the migration that adds the catalog
 * to a book written before it existed.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

static arc_db *db;

static void setup(void)
{
    db = test_open_book("2026-03-15");
}

static void teardown(void)
{
    test_close_book(db);
}

static arc_reason_code_page *catalog(int include_inactive)
{
    arc_reason_code_page *page = NULL;

    ck_assert_ok(arc_reason_code_list(&page, db, include_inactive));
    return page;
}

static size_t catalog_size(int include_inactive)
{
    arc_reason_code_page *page = catalog(include_inactive);
    size_t count = arc_reason_code_page_count(page);

    arc_reason_code_page_free(page);
    return count;
}

static arc_reason_code_opts opts_for(const char *code, const char *label,
                                     const char *category)
{
    arc_reason_code_opts opts = ARC_REASON_CODE_OPTS_INIT;

    opts.code = code;
    opts.label = label;
    opts.category = category;
    return opts;
}

START_TEST(new_book_is_seeded_with_codes_for_it_providers)
{
    static const char *const expected[] = {
        "AFTER_CANCEL", "BILLING_DETAILS", "DUPLICATE",  "NOT_DELIVERED",
        "OPEN_TICKET",  "OTHER",           "PO_MISSING", "PRICING",
        "QUANTITY",     "SLA_CREDIT",      "TAX_ERROR",  "UNAPPROVED",
    };
    arc_reason_code_page *page = catalog(0);
    const arc_reason_code *sla;

    ck_assert_uint_eq(arc_reason_code_page_count(page), 12);
    for (size_t i = 0; i < 12; i++) {
        const arc_reason_code *reason = arc_reason_code_page_at(page, i);

        ck_assert_str_eq(arc_reason_code_code(reason), expected[i]);
        ck_assert_int_eq(arc_reason_code_is_active(reason), 1);
        ck_assert_ptr_nonnull(arc_reason_code_description(reason));
    }

    sla = arc_reason_code_page_find(page, "SLA_CREDIT");
    ck_assert_str_eq(arc_reason_code_label(sla), "SLA breach or outage credit expected");
    ck_assert_str_eq(arc_reason_code_category(sla), "service");
    ck_assert_str_eq(
        arc_reason_code_category(arc_reason_code_page_find(page, "QUANTITY")),
        "quantity");
    ck_assert_ptr_null(arc_reason_code_page_find(page, "NOPE"));
    arc_reason_code_page_free(page);
}
END_TEST

START_TEST(host_can_add_a_code)
{
    arc_reason_code_opts opts = opts_for("LATE_FEE", "Late fee disputed", NULL);
    arc_reason_code_page *page;
    const arc_reason_code *reason;

    ck_assert_ok(arc_reason_code_add(db, &opts));
    page = catalog(0);
    ck_assert_uint_eq(arc_reason_code_page_count(page), 13);
    reason = arc_reason_code_page_find(page, "LATE_FEE");
    ck_assert_str_eq(arc_reason_code_label(reason), "Late fee disputed");
    ck_assert_str_eq(arc_reason_code_category(reason), "other");
    ck_assert_ptr_null(arc_reason_code_description(reason));
    ck_assert_int_eq(arc_reason_code_is_active(reason), 1);
    arc_reason_code_page_free(page);
}
END_TEST

START_TEST(duplicate_code_is_refused)
{
    arc_reason_code_opts opts = opts_for("PRICING", "Price", "pricing");

    ck_assert_rc(arc_reason_code_add(db, &opts), ARC_EEXISTS);
    ck_assert_error_mentions("PRICING");
    ck_assert_uint_eq(catalog_size(1), 12);
}
END_TEST

START_TEST(malformed_codes_and_fields_are_refused)
{
    char long_code[ARC_REASON_CODE_MAX + 2];
    arc_reason_code_opts opts = opts_for("sla", "Lower case", NULL);

    ck_assert_rc(arc_reason_code_add(db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("A-Z");
    opts.code = "SLA-2";
    ck_assert_rc(arc_reason_code_add(db, &opts), ARC_EINVAL);
    opts.code = "";
    ck_assert_rc(arc_reason_code_add(db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("code: required");
    opts.code = NULL;
    ck_assert_rc(arc_reason_code_add(db, &opts), ARC_EINVAL);
    memset(long_code, 'A', sizeof(long_code) - 1);
    long_code[sizeof(long_code) - 1] = '\0';
    opts.code = long_code;
    ck_assert_rc(arc_reason_code_add(db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("longer than 32");

    opts = opts_for("NEW_CODE", NULL, NULL);
    ck_assert_rc(arc_reason_code_add(db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("label: required");
    opts.label = "Bad \xC3\x28 text";
    ck_assert_rc(arc_reason_code_add(db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("UTF-8");
    opts.label = "Fine";
    opts.version = 7;
    ck_assert_rc(arc_reason_code_add(db, &opts), ARC_EVERSION);
    ck_assert_rc(arc_reason_code_add(NULL, &opts), ARC_EINVAL);
    ck_assert_rc(arc_reason_code_add(db, NULL), ARC_EINVAL);

    ck_assert_uint_eq(catalog_size(1), 12);
}
END_TEST

START_TEST(relabelling_keeps_the_code_and_its_state)
{
    arc_reason_code_opts opts = opts_for(NULL, "Outage credit", "sla");
    arc_reason_code_page *page;
    const arc_reason_code *reason;

    opts.description = "";
    ck_assert_ok(arc_reason_code_update(db, "SLA_CREDIT", &opts));
    page = catalog(0);
    reason = arc_reason_code_page_find(page, "SLA_CREDIT");
    ck_assert_str_eq(arc_reason_code_label(reason), "Outage credit");
    ck_assert_str_eq(arc_reason_code_category(reason), "sla");
    ck_assert_ptr_null(arc_reason_code_description(reason));
    ck_assert_int_eq(arc_reason_code_is_active(reason), 1);
    arc_reason_code_page_free(page);

    opts = opts_for(NULL, "Outage or SLA credit", NULL);
    ck_assert_ok(arc_reason_code_update(db, "SLA_CREDIT", &opts));
    page = catalog(0);
    reason = arc_reason_code_page_find(page, "SLA_CREDIT");
    ck_assert_str_eq(arc_reason_code_label(reason), "Outage or SLA credit");
    ck_assert_str_eq(arc_reason_code_category(reason), "sla");
    arc_reason_code_page_free(page);

    ck_assert_rc(arc_reason_code_update(db, "MISSING", &opts), ARC_ENOTFOUND);
    ck_assert_error_mentions("MISSING");
    opts.label = NULL;
    ck_assert_rc(arc_reason_code_update(db, "SLA_CREDIT", &opts), ARC_EINVAL);
}
END_TEST

START_TEST(inactive_codes_are_listed_only_when_asked)
{
    arc_reason_code_page *page;

    ck_assert_ok(arc_reason_code_set_active(db, "PO_MISSING", 0));
    ck_assert_uint_eq(catalog_size(0), 11);
    page = catalog(1);
    ck_assert_uint_eq(arc_reason_code_page_count(page), 12);
    ck_assert_int_eq(
        arc_reason_code_is_active(arc_reason_code_page_find(page, "PO_MISSING")), 0);
    arc_reason_code_page_free(page);

    ck_assert_ok(arc_reason_code_set_active(db, "PO_MISSING", 1));
    ck_assert_uint_eq(catalog_size(0), 12);
    ck_assert_rc(arc_reason_code_set_active(db, "NOPE", 0), ARC_ENOTFOUND);
    ck_assert_rc(arc_reason_code_set_active(db, NULL, 0), ARC_EINVAL);
}
END_TEST

START_TEST(unused_code_can_be_deleted)
{
    ck_assert_ok(arc_reason_code_delete(db, "TAX_ERROR"));
    ck_assert_uint_eq(catalog_size(1), 11);
    ck_assert_rc(arc_reason_code_delete(db, "TAX_ERROR"), ARC_ENOTFOUND);
    ck_assert_error_mentions("TAX_ERROR");
}
END_TEST

START_TEST(book_from_schema_1_gains_the_seeded_catalog)
{
    arc_customer *customer = NULL;
    arc_db_options opts = ARC_DB_OPTIONS_INIT;
    sqlite3 *conn = NULL;
    arc_id acme = test_customer(db, "ACME", "USD");
    char book_id[40], path[512], extra[600];

    snprintf(book_id, sizeof(book_id), "%s", arc_db_book_id(db));
    snprintf(path, sizeof(path), "%s", test_book_file(db));
    test_close_book_keep_file(db);

    /* Turn the book back into what the first schema was. */
    ck_assert_int_eq(sqlite3_open(path, &conn), SQLITE_OK);
    ck_assert_int_eq(sqlite3_exec(conn,
                                  "DROP TABLE rule_firings; DROP TABLE escalation_rules;"
                                  " DROP INDEX invoices_overdue;"
                                  " ALTER TABLE invoices DROP COLUMN overdue_alerted;"
                                  " DROP TABLE communications_fts;"
                                  " DROP VIEW communication_documents;"
                                  " DROP TABLE chat_messages;"
                                  " DROP TABLE communication_invoices;"
                                  " DROP TABLE communications;"
                                  " DROP TABLE events; DROP TABLE dispute_lines;"
                                  " DROP TABLE disputes; DROP TABLE reason_codes;"
                                  " PRAGMA user_version = 1",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(conn);

    opts.flags = ARC_DB_SYNC_NORMAL;
    ck_assert_ok(arc_db_open(&db, path, &opts));
    ck_assert_int_eq(arc_db_schema_version(db), 4);
    ck_assert_str_eq(arc_db_book_id(db), book_id);
    ck_assert_uint_eq(catalog_size(0), 12);
    ck_assert_ok(arc_customer_lookup(&customer, db, acme));
    ck_assert_str_eq(arc_customer_reference(customer), "ACME");
    arc_customer_free(customer);

    /* Leave the fixture a book it opened itself. */
    arc_db_close(db);
    unlink(path);
    snprintf(extra, sizeof(extra), "%s-wal", path);
    unlink(extra);
    snprintf(extra, sizeof(extra), "%s-shm", path);
    unlink(extra);
    db = test_open_book("2026-03-15");
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("reason_code");
    TCase *rules = tcase_create("rules");
    TCase *migration = tcase_create("migration");

    tcase_add_checked_fixture(rules, setup, teardown);
    tcase_add_test(rules, new_book_is_seeded_with_codes_for_it_providers);
    tcase_add_test(rules, host_can_add_a_code);
    tcase_add_test(rules, duplicate_code_is_refused);
    tcase_add_test(rules, malformed_codes_and_fields_are_refused);
    tcase_add_test(rules, relabelling_keeps_the_code_and_its_state);
    tcase_add_test(rules, inactive_codes_are_listed_only_when_asked);
    tcase_add_test(rules, unused_code_can_be_deleted);
    suite_add_tcase(suite, rules);

    /* Migrating an SQLite book of the first schema. */
    tcase_add_checked_fixture(migration, setup, teardown);
    tcase_set_tags(migration, TEST_TAG_SQLITE);
    tcase_add_test(migration, book_from_schema_1_gains_the_seeded_catalog);
    suite_add_tcase(suite, migration);
    return test_run_suite(suite);
}
