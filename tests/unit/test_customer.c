/*
 * Customers: creation and validation of every field, lookups, updates of
 * selected fields, paged lists, contacts, and balances.
 */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static size_t customer_count(arc_db *db)
{
    arc_customer_page *page = NULL;
    size_t count;

    ck_assert_ok(arc_customer_list(&page, db, NULL));
    count = arc_customer_page_count(page);
    arc_customer_page_free(page);
    return count;
}

/* Options for a valid customer "ACME" in USD with nothing optional set. */
static arc_customer_opts minimal_opts(void)
{
    arc_customer_opts opts = ARC_CUSTOMER_OPTS_INIT;

    opts.reference = "ACME";
    opts.name = "Acme Industrial Supply";
    opts.currency = "USD";
    return opts;
}

/* Options for customer "GLOBEX" with every field set. */
static arc_customer_opts full_opts(void)
{
    arc_customer_opts opts = ARC_CUSTOMER_OPTS_INIT;

    opts.reference = "GLOBEX";
    opts.name = "Globex Corporation";
    opts.billing_email = "ap@globex.example";
    opts.phone = "+1 555 0100";
    opts.currency = "EUR";
    opts.payment_terms_days = 45;
    opts.credit_limit = 5000000;
    opts.owner = "j.doe";
    opts.status = ARC_CUSTOMER_ON_HOLD;
    return opts;
}

/* Creation must fail with @p code, mention @p needle and add no customer. */
static void assert_create_refused(arc_db *db, const arc_customer_opts *opts, int code,
                                  const char *needle)
{
    size_t before = customer_count(db);
    arc_id id = -1;

    ck_assert_rc(arc_customer_create(&id, db, opts), code);
    if (needle != NULL)
        ck_assert_error_mentions(needle);
    ck_assert_int_eq(id, -1);
    ck_assert_uint_eq(customer_count(db), before);
}

static arc_customer *lookup(arc_db *db, arc_id id)
{
    arc_customer *customer = NULL;

    ck_assert_ok(arc_customer_lookup(&customer, db, id));
    ck_assert_ptr_nonnull(customer);
    return customer;
}

static int64_t balance_of(arc_db *db, arc_id customer_id, const char *currency)
{
    int64_t balance = -1;

    ck_assert_ok(arc_customer_balance(&balance, db, customer_id, currency));
    return balance;
}

/* Create and read back */

START_TEST(customer_create_stores_every_field)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_customer_opts opts = full_opts();
    arc_customer *customer = NULL;
    arc_id id = 0;

    ck_assert_ok(arc_customer_create(&id, db, &opts));
    ck_assert_int_gt(id, 0);

    customer = lookup(db, id);
    ck_assert_int_eq(arc_customer_id(customer), id);
    ck_assert_str_eq(arc_customer_reference(customer), "GLOBEX");
    ck_assert_str_eq(arc_customer_name(customer), "Globex Corporation");
    ck_assert_str_eq(arc_customer_billing_email(customer), "ap@globex.example");
    ck_assert_str_eq(arc_customer_phone(customer), "+1 555 0100");
    ck_assert_str_eq(arc_customer_currency(customer), "EUR");
    ck_assert_int_eq(arc_customer_payment_terms_days(customer), 45);
    ck_assert_int_eq(arc_customer_credit_limit(customer), 5000000);
    ck_assert_str_eq(arc_customer_owner(customer), "j.doe");
    ck_assert_int_eq(arc_customer_status_of(customer), ARC_CUSTOMER_ON_HOLD);
    ck_assert_int_eq(arc_customer_created_at(customer), test_clock_now);
    arc_customer_free(customer);
    test_close_book(db);
}
END_TEST

START_TEST(customer_lookup_by_reference_reads_the_same_record)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_customer_opts opts = full_opts();
    arc_customer *customer = NULL;
    arc_id id = 0;

    test_customer(db, "OTHER", "USD");
    ck_assert_ok(arc_customer_create(&id, db, &opts));

    ck_assert_ok(arc_customer_lookup_reference(&customer, db, "GLOBEX"));
    ck_assert_int_eq(arc_customer_id(customer), id);
    ck_assert_str_eq(arc_customer_name(customer), "Globex Corporation");
    ck_assert_str_eq(arc_customer_billing_email(customer), "ap@globex.example");
    ck_assert_str_eq(arc_customer_phone(customer), "+1 555 0100");
    ck_assert_str_eq(arc_customer_currency(customer), "EUR");
    ck_assert_int_eq(arc_customer_payment_terms_days(customer), 45);
    ck_assert_int_eq(arc_customer_credit_limit(customer), 5000000);
    ck_assert_str_eq(arc_customer_owner(customer), "j.doe");
    ck_assert_int_eq(arc_customer_status_of(customer), ARC_CUSTOMER_ON_HOLD);
    arc_customer_free(customer);
    test_close_book(db);
}
END_TEST

START_TEST(customer_create_applies_the_defaults)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_customer_opts opts;
    arc_customer *customer;
    arc_id id = 0;

    ck_assert_ok(arc_customer_opts_init(&opts, ARC_CUSTOMER_OPTS_VERSION));
    opts.reference = "ACME";
    opts.name = "Acme Industrial Supply";
    opts.currency = "USD";
    ck_assert_ok(arc_customer_create(&id, db, &opts));

    customer = lookup(db, id);
    ck_assert_int_eq(arc_customer_payment_terms_days(customer), 30);
    ck_assert_int_eq(arc_customer_status_of(customer), ARC_CUSTOMER_ACTIVE);
    ck_assert_int_eq(arc_customer_credit_limit(customer), 0);
    ck_assert_ptr_null(arc_customer_billing_email(customer));
    ck_assert_ptr_null(arc_customer_phone(customer));
    ck_assert_ptr_null(arc_customer_owner(customer));
    arc_customer_free(customer);
    test_close_book(db);
}
END_TEST

START_TEST(customer_create_accepts_a_null_out)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_customer_opts opts = minimal_opts();

    ck_assert_ok(arc_customer_create(NULL, db, &opts));
    ck_assert_uint_eq(customer_count(db), 1);
    test_close_book(db);
}
END_TEST

START_TEST(customer_terms_accept_0_and_3650_days)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_customer_opts opts = minimal_opts();
    arc_customer *customer;
    arc_id due_on_receipt = 0, ten_years = 0;

    opts.payment_terms_days = 0;
    ck_assert_ok(arc_customer_create(&due_on_receipt, db, &opts));
    opts.reference = "ACME-2";
    opts.payment_terms_days = 3650;
    ck_assert_ok(arc_customer_create(&ten_years, db, &opts));

    customer = lookup(db, due_on_receipt);
    ck_assert_int_eq(arc_customer_payment_terms_days(customer), 0);
    arc_customer_free(customer);
    customer = lookup(db, ten_years);
    ck_assert_int_eq(arc_customer_payment_terms_days(customer), 3650);
    arc_customer_free(customer);
    test_close_book(db);
}
END_TEST

START_TEST(customer_status_names_are_lower_case)
{
    ck_assert_str_eq(arc_customer_status_name(ARC_CUSTOMER_ACTIVE), "active");
    ck_assert_str_eq(arc_customer_status_name(ARC_CUSTOMER_ON_HOLD), "on_hold");
    ck_assert_str_eq(arc_customer_status_name(ARC_CUSTOMER_CLOSED), "closed");
    ck_assert_ptr_null(arc_customer_status_name((arc_customer_status)3));
    ck_assert_ptr_null(arc_customer_status_name((arc_customer_status)-1));
}
END_TEST

START_TEST(customer_opts_init_refuses_an_unknown_version)
{
    arc_customer_opts opts = minimal_opts();

    ck_assert_rc(arc_customer_opts_init(&opts, ARC_CUSTOMER_OPTS_VERSION + 1),
                 ARC_EVERSION);
    ck_assert_str_eq(opts.reference, "ACME");
    ck_assert_rc(arc_customer_opts_init(NULL, ARC_CUSTOMER_OPTS_VERSION), ARC_EINVAL);
}
END_TEST

/* Validation */

START_TEST(customer_reference_is_required)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_customer_opts opts = minimal_opts();

    opts.reference = NULL;
    assert_create_refused(db, &opts, ARC_EINVAL, "reference");
    opts.reference = "";
    assert_create_refused(db, &opts, ARC_EINVAL, "reference");
    test_close_book(db);
}
END_TEST

START_TEST(customer_name_is_required)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_customer_opts opts = minimal_opts();

    opts.name = NULL;
    assert_create_refused(db, &opts, ARC_EINVAL, "name");
    opts.name = "";
    assert_create_refused(db, &opts, ARC_EINVAL, "name");
    test_close_book(db);
}
END_TEST

START_TEST(customer_currency_is_required)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_customer_opts opts = minimal_opts();

    opts.currency = NULL;
    assert_create_refused(db, &opts, ARC_EINVAL, "currency");
    test_close_book(db);
}
END_TEST

START_TEST(customer_currency_must_be_a_known_iso_code)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_customer_opts opts = minimal_opts();

    opts.currency = "XYZ";
    assert_create_refused(db, &opts, ARC_EINVAL, "XYZ");
    opts.currency = "usd";
    assert_create_refused(db, &opts, ARC_EINVAL, "usd");
    test_close_book(db);
}
END_TEST

START_TEST(customer_name_must_be_valid_utf8)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_customer_opts opts = minimal_opts();

    opts.name = "Caf\xC3\x28";
    assert_create_refused(db, &opts, ARC_EINVAL, "name");
    test_close_book(db);
}
END_TEST

START_TEST(customer_billing_email_must_be_an_address)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_customer_opts opts = minimal_opts();

    opts.billing_email = "accounts.acme.example";
    assert_create_refused(db, &opts, ARC_EINVAL, "billing_email");
    opts.billing_email = "ap @acme.example";
    assert_create_refused(db, &opts, ARC_EINVAL, "billing_email");
    test_close_book(db);
}
END_TEST

START_TEST(customer_credit_limit_must_not_be_negative)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_customer_opts opts = minimal_opts();

    opts.credit_limit = -1;
    assert_create_refused(db, &opts, ARC_EINVAL, "credit_limit");
    test_close_book(db);
}
END_TEST

START_TEST(customer_terms_must_be_0_to_3650_days)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_customer_opts opts = minimal_opts();

    opts.payment_terms_days = -1;
    assert_create_refused(db, &opts, ARC_EINVAL, "payment_terms_days");
    opts.payment_terms_days = 3651;
    assert_create_refused(db, &opts, ARC_EINVAL, "payment_terms_days");
    test_close_book(db);
}
END_TEST

START_TEST(customer_status_must_be_a_known_value)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_customer_opts opts = minimal_opts();

    opts.status = (arc_customer_status)3;
    assert_create_refused(db, &opts, ARC_EINVAL, "status");
    opts.status = (arc_customer_status)-1;
    assert_create_refused(db, &opts, ARC_EINVAL, "status");
    test_close_book(db);
}
END_TEST

START_TEST(customer_create_refuses_an_unknown_opts_version)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_customer_opts opts = minimal_opts();

    opts.version = ARC_CUSTOMER_OPTS_VERSION + 1;
    assert_create_refused(db, &opts, ARC_EVERSION, NULL);
    opts.version = 0;
    assert_create_refused(db, &opts, ARC_EVERSION, NULL);
    test_close_book(db);
}
END_TEST

START_TEST(customer_create_refuses_null_db_and_opts)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_customer_opts opts = minimal_opts();
    arc_id id = -1;

    ck_assert_rc(arc_customer_create(&id, NULL, &opts), ARC_EINVAL);
    ck_assert_rc(arc_customer_create(&id, db, NULL), ARC_EINVAL);
    ck_assert_int_eq(id, -1);
    ck_assert_uint_eq(customer_count(db), 0);
    test_close_book(db);
}
END_TEST

START_TEST(customer_reference_must_be_unique)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_customer_opts opts = minimal_opts();
    arc_customer *customer;
    arc_id first = 0;

    ck_assert_ok(arc_customer_create(&first, db, &opts));
    opts.name = "Another Acme";
    opts.currency = "EUR";
    assert_create_refused(db, &opts, ARC_EEXISTS, "ACME");

    customer = lookup(db, first);
    ck_assert_str_eq(arc_customer_name(customer), "Acme Industrial Supply");
    ck_assert_str_eq(arc_customer_currency(customer), "USD");
    arc_customer_free(customer);
    test_close_book(db);
}
END_TEST

START_TEST(customer_lookup_of_an_unknown_customer_is_not_found)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_customer *customer = NULL;
    arc_id id = test_customer(db, "ACME", "USD");

    ck_assert_rc(arc_customer_lookup(&customer, db, id + 1), ARC_ENOTFOUND);
    ck_assert_ptr_null(customer);
    ck_assert_rc(arc_customer_lookup(&customer, db, 0), ARC_ENOTFOUND);
    ck_assert_rc(arc_customer_lookup_reference(&customer, db, "NOBODY"), ARC_ENOTFOUND);
    ck_assert_error_mentions("NOBODY");
    ck_assert_rc(arc_customer_lookup_reference(&customer, db, "acme"), ARC_ENOTFOUND);
    ck_assert_ptr_null(customer);
    ck_assert_rc(arc_customer_lookup_reference(&customer, db, NULL), ARC_EINVAL);
    ck_assert_ptr_null(customer);
    test_close_book(db);
}
END_TEST

/* Update */

START_TEST(customer_update_changes_only_the_selected_fields)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_customer_opts opts = full_opts();
    arc_customer_opts change = ARC_CUSTOMER_OPTS_INIT;
    arc_customer *customer;
    arc_id id = 0;

    ck_assert_ok(arc_customer_create(&id, db, &opts));
    change.name = "Globex Holdings";
    change.status = ARC_CUSTOMER_ACTIVE;
    change.billing_email = "ignored@globex.example";
    change.payment_terms_days = 10;
    ck_assert_ok(arc_customer_update(
        db, id, &change, ARC_CUSTOMER_FIELD_NAME | ARC_CUSTOMER_FIELD_STATUS));

    customer = lookup(db, id);
    ck_assert_str_eq(arc_customer_name(customer), "Globex Holdings");
    ck_assert_int_eq(arc_customer_status_of(customer), ARC_CUSTOMER_ACTIVE);
    ck_assert_str_eq(arc_customer_reference(customer), "GLOBEX");
    ck_assert_str_eq(arc_customer_billing_email(customer), "ap@globex.example");
    ck_assert_str_eq(arc_customer_phone(customer), "+1 555 0100");
    ck_assert_str_eq(arc_customer_currency(customer), "EUR");
    ck_assert_int_eq(arc_customer_payment_terms_days(customer), 45);
    ck_assert_int_eq(arc_customer_credit_limit(customer), 5000000);
    ck_assert_str_eq(arc_customer_owner(customer), "j.doe");
    arc_customer_free(customer);
    test_close_book(db);
}
END_TEST

START_TEST(customer_update_with_no_fields_changes_nothing)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_customer_opts opts = full_opts();
    arc_customer_opts change = ARC_CUSTOMER_OPTS_INIT;
    arc_customer *customer;
    arc_id id = 0;

    ck_assert_ok(arc_customer_create(&id, db, &opts));
    ck_assert_ok(arc_customer_update(db, id, &change, 0));

    customer = lookup(db, id);
    ck_assert_str_eq(arc_customer_reference(customer), "GLOBEX");
    ck_assert_str_eq(arc_customer_name(customer), "Globex Corporation");
    ck_assert_int_eq(arc_customer_status_of(customer), ARC_CUSTOMER_ON_HOLD);
    arc_customer_free(customer);
    test_close_book(db);
}
END_TEST

START_TEST(customer_update_sets_every_selectable_field)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_customer_opts opts = minimal_opts();
    arc_customer_opts change = full_opts();
    arc_customer *customer;
    arc_id id = 0;

    ck_assert_ok(arc_customer_create(&id, db, &opts));
    ck_assert_ok(arc_customer_update(
        db, id, &change,
        ARC_CUSTOMER_FIELD_REFERENCE | ARC_CUSTOMER_FIELD_NAME |
            ARC_CUSTOMER_FIELD_BILLING_EMAIL | ARC_CUSTOMER_FIELD_PHONE |
            ARC_CUSTOMER_FIELD_PAYMENT_TERMS | ARC_CUSTOMER_FIELD_CREDIT_LIMIT |
            ARC_CUSTOMER_FIELD_OWNER | ARC_CUSTOMER_FIELD_STATUS));

    customer = lookup(db, id);
    ck_assert_str_eq(arc_customer_reference(customer), "GLOBEX");
    ck_assert_str_eq(arc_customer_name(customer), "Globex Corporation");
    ck_assert_str_eq(arc_customer_billing_email(customer), "ap@globex.example");
    ck_assert_str_eq(arc_customer_phone(customer), "+1 555 0100");
    ck_assert_int_eq(arc_customer_payment_terms_days(customer), 45);
    ck_assert_int_eq(arc_customer_credit_limit(customer), 5000000);
    ck_assert_str_eq(arc_customer_owner(customer), "j.doe");
    ck_assert_int_eq(arc_customer_status_of(customer), ARC_CUSTOMER_ON_HOLD);
    ck_assert_str_eq(arc_customer_currency(customer), "USD");
    arc_customer_free(customer);
    test_close_book(db);
}
END_TEST

START_TEST(customer_update_to_a_taken_reference_changes_nothing)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_customer_opts opts = full_opts();
    arc_customer_opts change = ARC_CUSTOMER_OPTS_INIT;
    arc_customer *customer;
    arc_id id = 0;

    test_customer(db, "ACME", "USD");
    ck_assert_ok(arc_customer_create(&id, db, &opts));
    change.reference = "ACME";
    change.name = "Renamed";
    ck_assert_rc(
        arc_customer_update(db, id, &change,
                            ARC_CUSTOMER_FIELD_REFERENCE | ARC_CUSTOMER_FIELD_NAME),
        ARC_EEXISTS);
    ck_assert_error_mentions("ACME");

    customer = lookup(db, id);
    ck_assert_str_eq(arc_customer_reference(customer), "GLOBEX");
    ck_assert_str_eq(arc_customer_name(customer), "Globex Corporation");
    arc_customer_free(customer);
    ck_assert_uint_eq(customer_count(db), 2);
    test_close_book(db);
}
END_TEST

START_TEST(customer_update_of_an_unknown_customer_is_not_found)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_customer_opts change = ARC_CUSTOMER_OPTS_INIT;
    arc_id id = test_customer(db, "ACME", "USD");

    change.name = "Nobody";
    ck_assert_rc(arc_customer_update(db, id + 1, &change, ARC_CUSTOMER_FIELD_NAME),
                 ARC_ENOTFOUND);
    ck_assert_uint_eq(customer_count(db), 1);
    test_close_book(db);
}
END_TEST

START_TEST(customer_update_refuses_unknown_field_bits)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_customer_opts change = ARC_CUSTOMER_OPTS_INIT;
    arc_customer *customer;
    arc_id id = test_customer(db, "ACME", "USD");

    change.name = "Renamed";
    ck_assert_rc(
        arc_customer_update(db, id, &change, ARC_CUSTOMER_FIELD_NAME | (1u << 8)),
        ARC_EINVAL);
    ck_assert_error_mentions("fields");

    customer = lookup(db, id);
    ck_assert_str_eq(arc_customer_name(customer), "ACME");
    arc_customer_free(customer);
    test_close_book(db);
}
END_TEST

START_TEST(customer_update_validates_the_selected_fields)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_customer_opts change = ARC_CUSTOMER_OPTS_INIT;
    arc_customer *customer;
    arc_id id = test_customer(db, "ACME", "USD");

    change.name = NULL;
    ck_assert_rc(arc_customer_update(db, id, &change, ARC_CUSTOMER_FIELD_NAME),
                 ARC_EINVAL);
    ck_assert_error_mentions("name");
    change.payment_terms_days = 3651;
    ck_assert_rc(arc_customer_update(db, id, &change, ARC_CUSTOMER_FIELD_PAYMENT_TERMS),
                 ARC_EINVAL);
    ck_assert_error_mentions("payment_terms_days");
    change.billing_email = "no-at-sign";
    ck_assert_rc(arc_customer_update(db, id, &change, ARC_CUSTOMER_FIELD_BILLING_EMAIL),
                 ARC_EINVAL);
    ck_assert_error_mentions("billing_email");
    change.version = ARC_CUSTOMER_OPTS_VERSION + 1;
    ck_assert_rc(arc_customer_update(db, id, &change, 0), ARC_EVERSION);

    customer = lookup(db, id);
    ck_assert_str_eq(arc_customer_name(customer), "ACME");
    ck_assert_int_eq(arc_customer_payment_terms_days(customer), 30);
    ck_assert_ptr_null(arc_customer_billing_email(customer));
    arc_customer_free(customer);
    test_close_book(db);
}
END_TEST

START_TEST(customer_update_clears_an_optional_field_selected_with_null)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_customer_opts opts = full_opts();
    arc_customer_opts change = ARC_CUSTOMER_OPTS_INIT;
    arc_customer *customer;
    arc_id id = 0;

    ck_assert_ok(arc_customer_create(&id, db, &opts));
    change.billing_email = NULL;
    change.owner = NULL;
    ck_assert_ok(arc_customer_update(
        db, id, &change, ARC_CUSTOMER_FIELD_BILLING_EMAIL | ARC_CUSTOMER_FIELD_OWNER));

    customer = lookup(db, id);
    ck_assert_ptr_null(arc_customer_billing_email(customer));
    ck_assert_ptr_null(arc_customer_owner(customer));
    ck_assert_str_eq(arc_customer_phone(customer), "+1 555 0100");
    arc_customer_free(customer);
    test_close_book(db);
}
END_TEST

/* List */

START_TEST(customer_list_pages_in_id_order)
{
    static const char *const references[] = { "C1", "C2", "C3", "C4", "C5" };
    arc_db *db = test_open_book("2026-03-15");
    arc_list_opts opts = ARC_LIST_OPTS_INIT;
    const size_t expected_counts[] = { 2, 2, 1, 0 };
    arc_id ids[5];
    size_t seen = 0;

    for (size_t i = 0; i < 5; i++)
        ids[i] = test_customer(db, references[i], "USD");

    opts.limit = 2;
    for (size_t p = 0; p < 4; p++) {
        arc_customer_page *page = NULL;

        ck_assert_ok(arc_customer_list(&page, db, &opts));
        ck_assert_uint_eq(arc_customer_page_count(page), expected_counts[p]);
        for (size_t i = 0; i < arc_customer_page_count(page); i++, seen++) {
            const arc_customer *customer = arc_customer_page_at(page, i);

            ck_assert_int_eq(arc_customer_id(customer), ids[seen]);
            ck_assert_str_eq(arc_customer_reference(customer), references[seen]);
        }
        ck_assert_ptr_null(arc_customer_page_at(page, arc_customer_page_count(page)));
        if (arc_customer_page_count(page) > 0)
            opts.after_id = arc_customer_id(
                arc_customer_page_at(page, arc_customer_page_count(page) - 1));
        arc_customer_page_free(page);
    }
    ck_assert_uint_eq(seen, 5);
    test_close_book(db);
}
END_TEST

START_TEST(customer_list_filters_by_status)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_list_opts opts = ARC_LIST_OPTS_INIT;
    arc_customer_opts change = ARC_CUSTOMER_OPTS_INIT;
    arc_customer_page *page = NULL;
    arc_id held;

    test_customer(db, "A", "USD");
    held = test_customer(db, "B", "USD");
    test_customer(db, "C", "USD");
    change.status = ARC_CUSTOMER_ON_HOLD;
    ck_assert_ok(arc_customer_update(db, held, &change, ARC_CUSTOMER_FIELD_STATUS));

    opts.status = ARC_CUSTOMER_ON_HOLD;
    ck_assert_ok(arc_customer_list(&page, db, &opts));
    ck_assert_uint_eq(arc_customer_page_count(page), 1);
    ck_assert_int_eq(arc_customer_id(arc_customer_page_at(page, 0)), held);
    arc_customer_page_free(page);

    opts.status = ARC_CUSTOMER_ACTIVE;
    ck_assert_ok(arc_customer_list(&page, db, &opts));
    ck_assert_uint_eq(arc_customer_page_count(page), 2);
    ck_assert_str_eq(arc_customer_reference(arc_customer_page_at(page, 0)), "A");
    ck_assert_str_eq(arc_customer_reference(arc_customer_page_at(page, 1)), "C");
    arc_customer_page_free(page);

    opts.status = ARC_CUSTOMER_CLOSED;
    ck_assert_ok(arc_customer_list(&page, db, &opts));
    ck_assert_uint_eq(arc_customer_page_count(page), 0);
    arc_customer_page_free(page);
    test_close_book(db);
}
END_TEST

START_TEST(customer_list_refuses_a_limit_over_the_maximum)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_list_opts opts = ARC_LIST_OPTS_INIT;
    arc_customer_page *page = NULL;

    test_customer(db, "A", "USD");
    opts.limit = ARC_LIST_MAX_LIMIT + 1;
    ck_assert_rc(arc_customer_list(&page, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("limit");
    ck_assert_ptr_null(page);

    opts.limit = ARC_LIST_MAX_LIMIT;
    ck_assert_ok(arc_customer_list(&page, db, &opts));
    ck_assert_uint_eq(arc_customer_page_count(page), 1);
    arc_customer_page_free(page);
    test_close_book(db);
}
END_TEST

START_TEST(customer_list_refuses_an_unknown_status_and_version)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_list_opts opts = ARC_LIST_OPTS_INIT;
    arc_customer_page *page = NULL;

    opts.status = 3;
    ck_assert_rc(arc_customer_list(&page, db, &opts), ARC_EINVAL);
    ck_assert_error_mentions("status");
    opts.status = -1;
    opts.version = ARC_LIST_OPTS_VERSION + 1;
    ck_assert_rc(arc_customer_list(&page, db, &opts), ARC_EVERSION);
    ck_assert_ptr_null(page);
    test_close_book(db);
}
END_TEST

/* Contacts */

START_TEST(contacts_are_listed_oldest_first_with_every_field)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_contact_opts opts = ARC_CONTACT_OPTS_INIT;
    arc_contact_page *page = NULL;
    const arc_contact *contact;
    arc_id customer = test_customer(db, "ACME", "USD");
    arc_id first = 0, second = 0;

    opts.name = "Dana Whitfield";
    opts.role = "accounts payable";
    opts.email = "dana@acme.example";
    opts.phone = "+1 555 0101";
    ck_assert_ok(arc_contact_add(&first, db, customer, &opts));
    opts = (arc_contact_opts)ARC_CONTACT_OPTS_INIT;
    opts.name = "Lee Moreno";
    ck_assert_ok(arc_contact_add(&second, db, customer, &opts));
    ck_assert_int_gt(first, 0);
    ck_assert_int_gt(second, first);

    ck_assert_ok(arc_contact_list(&page, db, customer));
    ck_assert_uint_eq(arc_contact_page_count(page), 2);
    contact = arc_contact_page_at(page, 0);
    ck_assert_int_eq(arc_contact_id(contact), first);
    ck_assert_int_eq(arc_contact_customer_id(contact), customer);
    ck_assert_str_eq(arc_contact_name(contact), "Dana Whitfield");
    ck_assert_str_eq(arc_contact_role(contact), "accounts payable");
    ck_assert_str_eq(arc_contact_email(contact), "dana@acme.example");
    ck_assert_str_eq(arc_contact_phone(contact), "+1 555 0101");
    contact = arc_contact_page_at(page, 1);
    ck_assert_int_eq(arc_contact_id(contact), second);
    ck_assert_int_eq(arc_contact_customer_id(contact), customer);
    ck_assert_str_eq(arc_contact_name(contact), "Lee Moreno");
    ck_assert_ptr_null(arc_contact_role(contact));
    ck_assert_ptr_null(arc_contact_email(contact));
    ck_assert_ptr_null(arc_contact_phone(contact));
    ck_assert_ptr_null(arc_contact_page_at(page, 2));
    arc_contact_page_free(page);
    test_close_book(db);
}
END_TEST

START_TEST(contacts_of_one_customer_are_not_listed_for_another)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_contact_opts opts = ARC_CONTACT_OPTS_INIT;
    arc_contact_page *page = NULL;
    arc_id acme = test_customer(db, "ACME", "USD");
    arc_id globex = test_customer(db, "GLOBEX", "USD");

    opts.name = "Dana Whitfield";
    ck_assert_ok(arc_contact_add(NULL, db, acme, &opts));

    ck_assert_ok(arc_contact_list(&page, db, globex));
    ck_assert_uint_eq(arc_contact_page_count(page), 0);
    arc_contact_page_free(page);
    test_close_book(db);
}
END_TEST

START_TEST(contact_remove_deletes_only_that_contact)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_contact_opts opts = ARC_CONTACT_OPTS_INIT;
    arc_contact_page *page = NULL;
    arc_id customer = test_customer(db, "ACME", "USD");
    arc_id first = 0, second = 0;

    opts.name = "Dana Whitfield";
    ck_assert_ok(arc_contact_add(&first, db, customer, &opts));
    opts.name = "Lee Moreno";
    ck_assert_ok(arc_contact_add(&second, db, customer, &opts));

    ck_assert_ok(arc_contact_remove(db, first));
    ck_assert_rc(arc_contact_remove(db, first), ARC_ENOTFOUND);

    ck_assert_ok(arc_contact_list(&page, db, customer));
    ck_assert_uint_eq(arc_contact_page_count(page), 1);
    ck_assert_int_eq(arc_contact_id(arc_contact_page_at(page, 0)), second);
    ck_assert_str_eq(arc_contact_name(arc_contact_page_at(page, 0)), "Lee Moreno");
    arc_contact_page_free(page);
    test_close_book(db);
}
END_TEST

START_TEST(contact_of_an_unknown_customer_is_not_found)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_contact_opts opts = ARC_CONTACT_OPTS_INIT;
    arc_contact_page *page = NULL;
    arc_id customer = test_customer(db, "ACME", "USD");
    arc_id contact = -1;

    opts.name = "Dana Whitfield";
    ck_assert_rc(arc_contact_add(&contact, db, customer + 1, &opts), ARC_ENOTFOUND);
    ck_assert_int_eq(contact, -1);
    ck_assert_rc(arc_contact_list(&page, db, customer + 1), ARC_ENOTFOUND);
    ck_assert_ptr_null(page);

    ck_assert_ok(arc_contact_list(&page, db, customer));
    ck_assert_uint_eq(arc_contact_page_count(page), 0);
    arc_contact_page_free(page);
    test_close_book(db);
}
END_TEST

START_TEST(contact_name_is_required)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_contact_opts opts = ARC_CONTACT_OPTS_INIT;
    arc_contact_page *page = NULL;
    arc_id customer = test_customer(db, "ACME", "USD");

    opts.email = "dana@acme.example";
    ck_assert_rc(arc_contact_add(NULL, db, customer, &opts), ARC_EINVAL);
    ck_assert_error_mentions("name");
    opts.name = "";
    ck_assert_rc(arc_contact_add(NULL, db, customer, &opts), ARC_EINVAL);
    ck_assert_error_mentions("name");
    ck_assert_rc(arc_contact_add(NULL, db, customer, NULL), ARC_EINVAL);

    ck_assert_ok(arc_contact_list(&page, db, customer));
    ck_assert_uint_eq(arc_contact_page_count(page), 0);
    arc_contact_page_free(page);
    test_close_book(db);
}
END_TEST

/* Balances */

START_TEST(customer_balance_of_a_new_customer_is_zero)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_id customer = test_customer(db, "ACME", "USD");

    ck_assert_int_eq(balance_of(db, customer, NULL), 0);
    ck_assert_int_eq(balance_of(db, customer, "USD"), 0);
    test_close_book(db);
}
END_TEST

START_TEST(customer_balance_sums_issued_invoices)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_id customer = test_customer(db, "ACME", "USD");
    arc_id other = test_customer(db, "GLOBEX", "USD");

    test_invoice(db, customer, "2026-03-01", 10000);
    test_invoice(db, customer, "2026-03-02", 2550);
    test_invoice(db, other, "2026-03-02", 777);

    ck_assert_int_eq(balance_of(db, customer, NULL), 12550);
    ck_assert_int_eq(balance_of(db, customer, "USD"), 12550);
    ck_assert_int_eq(balance_of(db, other, NULL), 777);
    test_close_book(db);
}
END_TEST

START_TEST(customer_balance_leaves_out_drafts)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_invoice_line_opts line = ARC_INVOICE_LINE_OPTS_INIT;
    arc_invoice_opts opts = ARC_INVOICE_OPTS_INIT;
    arc_id customer = test_customer(db, "ACME", "USD");

    test_invoice(db, customer, "2026-03-01", 10000);
    line.description = "Draft work";
    line.unit_price = 9999;
    opts.customer_id = customer;
    opts.lines = &line;
    opts.line_count = 1;
    ck_assert_ok(arc_invoice_create(NULL, db, &opts));

    ck_assert_int_eq(balance_of(db, customer, NULL), 10000);
    test_close_book(db);
}
END_TEST

START_TEST(customer_balance_is_per_currency)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_id customer = test_customer(db, "ACME", "USD");

    test_invoice(db, customer, "2026-03-01", 10000);
    ck_assert_int_eq(balance_of(db, customer, "EUR"), 0);

    test_invoice_full(db, customer, "EUR", "2026-03-01", NULL, 4321);
    ck_assert_int_eq(balance_of(db, customer, "EUR"), 4321);
    ck_assert_int_eq(balance_of(db, customer, NULL), 10000);
    test_close_book(db);
}
END_TEST

START_TEST(customer_balance_of_an_unknown_customer_or_currency_is_refused)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_id customer = test_customer(db, "ACME", "USD");
    int64_t balance = -1;

    ck_assert_rc(arc_customer_balance(&balance, db, customer + 1, NULL), ARC_ENOTFOUND);
    ck_assert_rc(arc_customer_balance(&balance, db, customer, "XYZ"), ARC_EINVAL);
    ck_assert_error_mentions("XYZ");
    ck_assert_rc(arc_customer_balance(NULL, db, customer, NULL), ARC_EINVAL);
    ck_assert_int_eq(balance, -1);
    ck_assert_rc(arc_customer_unapplied_credit(&balance, db, customer + 1, NULL),
                 ARC_ENOTFOUND);
    ck_assert_rc(arc_customer_unapplied_credit(&balance, db, customer, "XYZ"),
                 ARC_EINVAL);
    ck_assert_int_eq(balance, -1);
    test_close_book(db);
}
END_TEST

START_TEST(customer_unapplied_credit_counts_a_payment_not_applied)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_payment_opts payment = ARC_PAYMENT_OPTS_INIT;
    arc_id customer = test_customer(db, "ACME", "USD");
    int64_t credit = -1;

    test_invoice(db, customer, "2026-03-01", 10000);
    ck_assert_ok(arc_customer_unapplied_credit(&credit, db, customer, NULL));
    ck_assert_int_eq(credit, 0);

    payment.customer_id = customer;
    payment.amount = 5000;
    ck_assert_ok(arc_payment_record(NULL, db, &payment));

    ck_assert_ok(arc_customer_unapplied_credit(&credit, db, customer, NULL));
    ck_assert_int_eq(credit, 5000);
    ck_assert_ok(arc_customer_unapplied_credit(&credit, db, customer, "EUR"));
    ck_assert_int_eq(credit, 0);
    ck_assert_int_eq(balance_of(db, customer, NULL), 10000);
    test_close_book(db);
}
END_TEST

/* Status */

START_TEST(a_closed_customer_cannot_be_invoiced)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_invoice_line_opts line = ARC_INVOICE_LINE_OPTS_INIT;
    arc_invoice_opts opts = ARC_INVOICE_OPTS_INIT;
    arc_customer_opts change = ARC_CUSTOMER_OPTS_INIT;
    arc_invoice_page *page = NULL;
    arc_id customer = test_customer(db, "ACME", "USD");
    arc_id id = -1;

    change.status = ARC_CUSTOMER_CLOSED;
    ck_assert_ok(arc_customer_update(db, customer, &change, ARC_CUSTOMER_FIELD_STATUS));

    line.description = "Consulting";
    line.unit_price = 10000;
    opts.customer_id = customer;
    opts.issue_date = test_date("2026-03-01");
    opts.lines = &line;
    opts.line_count = 1;
    opts.flags = ARC_INVOICE_CREATE_ISSUED;
    ck_assert_rc(arc_invoice_create(&id, db, &opts), ARC_ECONFLICT);
    ck_assert_error_mentions("closed");
    opts.flags = 0;
    ck_assert_rc(arc_invoice_create(&id, db, &opts), ARC_ECONFLICT);
    ck_assert_int_eq(id, -1);

    ck_assert_ok(arc_invoice_list(&page, db, NULL));
    ck_assert_uint_eq(arc_invoice_page_count(page), 0);
    arc_invoice_page_free(page);
    ck_assert_int_eq(balance_of(db, customer, NULL), 0);
    test_close_book(db);
}
END_TEST

START_TEST(a_customer_on_hold_can_still_be_invoiced)
{
    arc_db *db = test_open_book("2026-03-15");
    arc_customer_opts change = ARC_CUSTOMER_OPTS_INIT;
    arc_id customer = test_customer(db, "ACME", "USD");

    change.status = ARC_CUSTOMER_ON_HOLD;
    ck_assert_ok(arc_customer_update(db, customer, &change, ARC_CUSTOMER_FIELD_STATUS));
    test_invoice(db, customer, "2026-03-01", 10000);
    ck_assert_int_eq(balance_of(db, customer, NULL), 10000);
    test_close_book(db);
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("customer");
    TCase *create = tcase_create("create");
    TCase *validation = tcase_create("validation");
    TCase *update = tcase_create("update");
    TCase *list = tcase_create("list");
    TCase *contacts = tcase_create("contacts");
    TCase *balance = tcase_create("balance");
    TCase *status = tcase_create("status");

    tcase_add_test(create, customer_create_stores_every_field);
    tcase_add_test(create, customer_lookup_by_reference_reads_the_same_record);
    tcase_add_test(create, customer_create_applies_the_defaults);
    tcase_add_test(create, customer_create_accepts_a_null_out);
    tcase_add_test(create, customer_terms_accept_0_and_3650_days);
    tcase_add_test(create, customer_status_names_are_lower_case);
    tcase_add_test(create, customer_opts_init_refuses_an_unknown_version);
    suite_add_tcase(suite, create);

    tcase_add_test(validation, customer_reference_is_required);
    tcase_add_test(validation, customer_name_is_required);
    tcase_add_test(validation, customer_currency_is_required);
    tcase_add_test(validation, customer_currency_must_be_a_known_iso_code);
    tcase_add_test(validation, customer_name_must_be_valid_utf8);
    tcase_add_test(validation, customer_billing_email_must_be_an_address);
    tcase_add_test(validation, customer_credit_limit_must_not_be_negative);
    tcase_add_test(validation, customer_terms_must_be_0_to_3650_days);
    tcase_add_test(validation, customer_status_must_be_a_known_value);
    tcase_add_test(validation, customer_create_refuses_an_unknown_opts_version);
    tcase_add_test(validation, customer_create_refuses_null_db_and_opts);
    tcase_add_test(validation, customer_reference_must_be_unique);
    tcase_add_test(validation, customer_lookup_of_an_unknown_customer_is_not_found);
    suite_add_tcase(suite, validation);

    tcase_add_test(update, customer_update_changes_only_the_selected_fields);
    tcase_add_test(update, customer_update_with_no_fields_changes_nothing);
    tcase_add_test(update, customer_update_sets_every_selectable_field);
    tcase_add_test(update, customer_update_to_a_taken_reference_changes_nothing);
    tcase_add_test(update, customer_update_of_an_unknown_customer_is_not_found);
    tcase_add_test(update, customer_update_refuses_unknown_field_bits);
    tcase_add_test(update, customer_update_validates_the_selected_fields);
    tcase_add_test(update, customer_update_clears_an_optional_field_selected_with_null);
    suite_add_tcase(suite, update);

    tcase_add_test(list, customer_list_pages_in_id_order);
    tcase_add_test(list, customer_list_filters_by_status);
    tcase_add_test(list, customer_list_refuses_a_limit_over_the_maximum);
    tcase_add_test(list, customer_list_refuses_an_unknown_status_and_version);
    suite_add_tcase(suite, list);

    tcase_add_test(contacts, contacts_are_listed_oldest_first_with_every_field);
    tcase_add_test(contacts, contacts_of_one_customer_are_not_listed_for_another);
    tcase_add_test(contacts, contact_remove_deletes_only_that_contact);
    tcase_add_test(contacts, contact_of_an_unknown_customer_is_not_found);
    tcase_add_test(contacts, contact_name_is_required);
    suite_add_tcase(suite, contacts);

    tcase_add_test(balance, customer_balance_of_a_new_customer_is_zero);
    tcase_add_test(balance, customer_balance_sums_issued_invoices);
    tcase_add_test(balance, customer_balance_leaves_out_drafts);
    tcase_add_test(balance, customer_balance_is_per_currency);
    tcase_add_test(balance,
                   customer_balance_of_an_unknown_customer_or_currency_is_refused);
    tcase_add_test(balance, customer_unapplied_credit_counts_a_payment_not_applied);
    suite_add_tcase(suite, balance);

    tcase_add_test(status, a_closed_customer_cannot_be_invoiced);
    tcase_add_test(status, a_customer_on_hold_can_still_be_invoiced);
    suite_add_tcase(suite, status);

    return test_run_suite(suite);
}
