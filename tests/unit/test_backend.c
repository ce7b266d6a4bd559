/*
 * Backends a host registers: the checks registration makes, choosing a
 * backend by URI, unregistering, arc_error_set(), and the library's generic
 * paths for the functions a backend may leave out. The registered backend
 * here is the SQLite one under another name, with every optional function
 * taken away, so that its answers can be compared with the built-in one's.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "testutil.h"
#include "arcollect/sys/backend.h"
#include "store.h"

#define PREFIX "lean:"

/* The SQLite backend's open, given "lean:PATH". */
static int lean_open(arc_store **out, const char *location,
                     const struct arc_store_config *cfg)
{
    ck_assert_int_eq(strncmp(location, PREFIX, strlen(PREFIX)), 0);
    return arc_sqlite_store.open(out, location + strlen(PREFIX), cfg);
}

static int lean_drop(const char *location, const struct arc_store_config *cfg)
{
    return arc_sqlite_store.drop(location + strlen(PREFIX), cfg);
}

static arc_backend lean;

static void setup(void)
{
    lean = arc_sqlite_store;
    lean.name = "lean";
    lean.open = lean_open;
    lean.drop = lean_drop;
    lean.customer_terms = NULL;
    lean.invoice_settle = NULL;
    lean.sum_open_disputes_of_invoice = NULL;
    lean.scan_disputed_amounts = NULL;
    lean.sum_open_disputes_of_customer = NULL;
    lean.communication_search = NULL;
    lean.last_contact = NULL;
    lean.sum_invoice_balances = NULL;
    lean.sum_unapplied_credit = NULL;
    ck_assert_ok(arc_backend_register(&lean));
}

static void teardown(void)
{
    arc_backend_unregister("lean");
}

static arc_db *open_lean(char *uri, size_t size)
{
    arc_db_options opts = ARC_DB_OPTIONS_INIT;
    arc_db *db = NULL;
    const char *path = test_book_path();

    test_set_today("2026-03-15");
    test_remove_book(path);
    snprintf(uri, size, PREFIX "%s", path);
    opts.clock = NULL;
    ck_assert_ok(arc_db_open(&db, uri, &opts));
    return db;
}

START_TEST(registration_checks_the_backend)
{
    arc_backend copy = arc_sqlite_store;

    ck_assert_rc(arc_backend_register(NULL), ARC_EINVAL);
    copy.version = ARC_BACKEND_VERSION + 1;
    ck_assert_rc(arc_backend_register(&copy), ARC_EVERSION);
    ck_assert_error_mentions("version");
    copy.version = ARC_BACKEND_VERSION;

    copy.name = NULL;
    ck_assert_rc(arc_backend_register(&copy), ARC_EINVAL);
    ck_assert_error_mentions("name");
    copy.name = "Upper";
    ck_assert_rc(arc_backend_register(&copy), ARC_EINVAL);
    copy.name = "has space";
    ck_assert_rc(arc_backend_register(&copy), ARC_EINVAL);
    copy.name = "a-name-that-is-longer-than-32-chars";
    ck_assert_rc(arc_backend_register(&copy), ARC_EINVAL);
    copy.name = "";
    ck_assert_rc(arc_backend_register(&copy), ARC_EINVAL);

    copy.name = "sqlite";
    ck_assert_rc(arc_backend_register(&copy), ARC_EEXISTS);
    copy.name = "postgresql";
    ck_assert_rc(arc_backend_register(&copy), ARC_EEXISTS);
    ck_assert_error_mentions("built in");

    copy.name = "holey";
    copy.event_list_timeline = NULL;
    ck_assert_rc(arc_backend_register(&copy), ARC_EINVAL);
    ck_assert_error_mentions("event_list_timeline");
    copy.event_list_timeline = arc_sqlite_store.event_list_timeline;
    copy.open = NULL;
    ck_assert_rc(arc_backend_register(&copy), ARC_EINVAL);
    ck_assert_error_mentions("open");
}
END_TEST

START_TEST(a_name_is_registered_once_and_can_be_unregistered)
{
    char uri[1100];
    arc_db *db = open_lean(uri, sizeof(uri));
    arc_db *again = NULL;

    ck_assert_rc(arc_backend_register(&lean), ARC_EEXISTS);
    ck_assert_error_mentions("lean");
    ck_assert_ok(arc_backend_unregister("lean"));
    ck_assert_rc(arc_backend_unregister("lean"), ARC_ENOTFOUND);
    ck_assert_rc(arc_backend_unregister("sqlite"), ARC_EINVAL);
    ck_assert_rc(arc_backend_unregister(NULL), ARC_EINVAL);

    /* A book opened before stays usable; a new open is refused. */
    test_customer(db, "STILL-OPEN", "USD");
    ck_assert_rc(arc_db_open(&again, uri, NULL), ARC_EUNSUPPORTED);
    ck_assert_error_mentions("\"lean\"");
    ck_assert_ptr_null(again);
    ck_assert_ok(arc_backend_register(&lean));
    arc_db_close(db);
    ck_assert_ok(arc_book_delete(uri, NULL));
    ck_assert_rc(arc_book_delete(uri, NULL), ARC_ENOTFOUND);
}
END_TEST

START_TEST(an_unregistered_name_is_not_taken_for_a_file)
{
    arc_db *db = NULL;

    ck_assert_rc(arc_db_open(&db, "nosuchbackend:acme", NULL), ARC_EUNSUPPORTED);
    ck_assert_error_mentions("sqlite:nosuchbackend:acme");
    ck_assert_ptr_null(db);
}
END_TEST

START_TEST(error_set_describes_the_failure_and_returns_the_code)
{
    ck_assert_int_eq(arc_error_set(ARC_EBUSY, "ledger %d: locked by %s", 7, "billing"),
                     ARC_EBUSY);
    ck_assert_str_eq(arc_error_last(), "ledger 7: locked by billing");
    ck_assert_int_eq(arc_error_last_code(), ARC_EBUSY);
}
END_TEST

static arc_id pay(arc_db *db, arc_id customer, int64_t amount)
{
    arc_payment_opts opts = ARC_PAYMENT_OPTS_INIT;
    arc_id id = 0;

    opts.customer_id = customer;
    opts.amount = amount;
    ck_assert_ok(arc_payment_record(&id, db, &opts));
    return id;
}

static arc_id open_dispute(arc_db *db, arc_id invoice, int64_t amount)
{
    arc_dispute_opts opts = ARC_DISPUTE_OPTS_INIT;
    arc_id id = 0;

    opts.invoice_id = invoice;
    opts.reason_code = "PRICING";
    opts.amount = amount;
    opts.opened_by = "lee";
    ck_assert_ok(arc_dispute_open(&id, db, &opts));
    return id;
}

/* Balances, credit, disputed amounts and aging through the generic paths. */
START_TEST(generic_paths_give_the_same_figures)
{
    char uri[1100];
    arc_db *db = open_lean(uri, sizeof(uri));
    arc_id acme = test_customer(db, "ACME", "USD");
    arc_id first = test_invoice_full(db, acme, NULL, "2026-01-10", "2026-02-09", 40000);
    arc_id second = test_invoice_full(db, acme, NULL, "2026-03-01", "2026-03-31", 25000);
    arc_id payment = pay(db, acme, 15000);
    arc_aging_opts aging_opts = ARC_AGING_OPTS_INIT;
    arc_aging *aging = NULL;
    int64_t amount = 0;

    test_invoice_full(db, acme, "EUR", "2026-03-01", "2026-03-31", 9900);
    ck_assert_ok(arc_payment_apply(db, payment, first, 10000, ARC_DATE_NONE));
    open_dispute(db, first, 12000);
    open_dispute(db, second, 5000);

    ck_assert_ok(arc_customer_balance(&amount, db, acme, NULL));
    ck_assert_int_eq(amount, 55000);
    ck_assert_ok(arc_customer_balance(&amount, db, acme, "EUR"));
    ck_assert_int_eq(amount, 9900);
    ck_assert_ok(arc_customer_unapplied_credit(&amount, db, acme, NULL));
    ck_assert_int_eq(amount, 5000);
    ck_assert_ok(arc_invoice_disputed_amount(&amount, db, first));
    ck_assert_int_eq(amount, 12000);
    ck_assert_ok(arc_customer_collectible_balance(&amount, db, acme, NULL));
    ck_assert_int_eq(amount, 38000);
    ck_assert_int_eq(test_invoice_balance(db, first), 30000);

    aging_opts.flags = ARC_AGING_SPLIT_DISPUTED;
    aging_opts.currency = "USD";
    ck_assert_ok(arc_aging_compute(&aging, db, &aging_opts));
    ck_assert_uint_eq(arc_aging_currency_count(aging), 1);
    ck_assert_int_eq(arc_aging_total(aging, 0), 55000);
    amount = 0;
    for (size_t bucket = 0; bucket < arc_aging_bucket_count(aging); bucket++)
        amount += arc_aging_total_disputed(aging, 0, bucket);
    ck_assert_int_eq(amount, 17000);
    arc_aging_free(aging);
    arc_db_close(db);
    ck_assert_ok(arc_book_delete(uri, NULL));
}
END_TEST

START_TEST(search_without_the_function_is_unsupported)
{
    char uri[1100];
    arc_db *db = open_lean(uri, sizeof(uri));
    arc_communication_search_opts opts = ARC_COMMUNICATION_SEARCH_OPTS_INIT;
    arc_communication_hit_page *hits = NULL;

    ck_assert_rc(arc_communication_search(&hits, db, "invoice", &opts), ARC_EUNSUPPORTED);
    ck_assert_error_mentions("lean");
    ck_assert_ptr_null(hits);
    arc_db_close(db);
    ck_assert_ok(arc_book_delete(uri, NULL));
}
END_TEST

static Suite *backend_suite(void)
{
    Suite *suite = suite_create("backend");
    TCase *registry = tcase_create("registry");
    TCase *generic = tcase_create("generic");

    /* The registered backend is the SQLite file under another name. */
    tcase_set_tags(registry, TEST_TAG_SQLITE);
    tcase_set_tags(generic, TEST_TAG_SQLITE);
    tcase_add_checked_fixture(registry, setup, teardown);
    tcase_add_test(registry, registration_checks_the_backend);
    tcase_add_test(registry, a_name_is_registered_once_and_can_be_unregistered);
    tcase_add_test(registry, an_unregistered_name_is_not_taken_for_a_file);
    tcase_add_test(registry, error_set_describes_the_failure_and_returns_the_code);
    suite_add_tcase(suite, registry);

    tcase_add_checked_fixture(generic, setup, teardown);
    tcase_add_test(generic, generic_paths_give_the_same_figures);
    tcase_add_test(generic, search_without_the_function_is_unsupported);
    suite_add_tcase(suite, generic);
    return suite;
}

int main(void)
{
    return test_run_suite(backend_suite());
}
