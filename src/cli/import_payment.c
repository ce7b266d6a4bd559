/*
 * payment import: payments from CSV, each with an idempotency key (the bank's
 * or processor's transaction id). A row whose key the book already holds
 * records and applies nothing.
 */
#include <stdlib.h>
#include <string.h>

#include "import.h"

enum column {
    COL_KEY,
    COL_CUSTOMER,
    COL_AMOUNT,
    COL_CURRENCY,
    COL_RECEIVED_ON,
    COL_METHOD,
    COL_REFERENCE,
    COL_INVOICE,
    COL_APPLY,
    COLUMN_COUNT
};

static const struct import_column columns[COLUMN_COUNT] = {
    [COL_KEY] = { "key", true },
    [COL_CUSTOMER] = { "customer", true },
    [COL_AMOUNT] = { "amount", true },
    [COL_CURRENCY] = { "currency", false },
    [COL_RECEIVED_ON] = { "received_on", false },
    [COL_METHOD] = { "method", false },
    [COL_REFERENCE] = { "reference", false },
    [COL_INVOICE] = { "invoice", false },
    [COL_APPLY] = { "apply", false },
};

/* The keys of the payments of the customers met so far, to their payments. */
struct known_keys {
    struct strmap customers_loaded; /* customer id in decimal */
    struct strmap payments;         /* "CUSTOMER_ID:KEY" to payment id */
};

static const char *key_of(struct cli *cli, arc_id customer_id, const char *key)
{
    return cli_printf(cli, "%lld:%s", (long long)customer_id, key);
}

static int load_keys(struct cli *cli, struct known_keys *known, arc_id customer_id)
{
    const char *customer = cli_printf(cli, "%lld", (long long)customer_id);
    arc_list_opts opts = ARC_LIST_OPTS_INIT;
    size_t count;

    if (strmap_get(&known->customers_loaded, customer, NULL))
        return ARC_OK;
    strmap_put(cli, &known->customers_loaded, customer, 1);

    opts.customer_id = customer_id;
    opts.limit = ARC_LIST_MAX_LIMIT;
    do {
        arc_payment_page *page = NULL;
        int rc = arc_payment_list(&page, cli->db, &opts);

        if (rc != ARC_OK)
            return rc;
        count = arc_payment_page_count(page);
        for (size_t i = 0; i < count; i++) {
            const arc_payment *payment = arc_payment_page_at(page, i);
            const char *key = arc_payment_idempotency_key(payment);

            if (key != NULL)
                strmap_put(cli, &known->payments, key_of(cli, customer_id, key),
                           arc_payment_id(payment));
            opts.after_id = arc_payment_id(payment);
        }
        arc_payment_page_free(page);
    } while (count == opts.limit);
    return ARC_OK;
}

struct parsed {
    arc_customer *customer;
    arc_invoice *invoice;
    arc_payment_opts opts;
    bool auto_apply;
};

static const char *method_name(int method)
{
    return arc_payment_method_name((arc_payment_method)method);
}

static int read_method(struct import *import, const struct csv_row *row,
                       arc_payment_method *out)
{
    const char *text = import_value(import, row, COL_METHOD);
    int method = 0;

    *out = ARC_PAYMENT_OTHER;
    if (text == NULL)
        return CLI_OK;
    while (method <= ARC_PAYMENT_OTHER && strcmp(text, method_name(method)) != 0)
        method++;
    if (method > ARC_PAYMENT_OTHER) {
        import_error(import, row, COL_METHOD, CLI_INVALID,
                     "\"%s\" is not one of ach, card, check, wire, cash, other", text);
        return CLI_INVALID;
    }
    *out = (arc_payment_method)method;
    return CLI_OK;
}

/* Check the row and look up its customer and invoice. Returns the library's
 * code of a failed lookup, so that a storage failure ends the import. */
static int read_row(struct import *import, const struct csv_row *row,
                    struct parsed *parsed)
{
    const char *customer_key = import_value(import, row, COL_CUSTOMER);
    const char *invoice_key = import_value(import, row, COL_INVOICE);
    const char *apply = import_value(import, row, COL_APPLY);
    const struct csv_row *const rows[] = { row };
    arc_db *db = import->cli->db;
    size_t problems_before = import->problem_count;
    int rc;

    if (import_value(import, row, COL_KEY) == NULL)
        import_error(import, row, COL_KEY, CLI_INVALID, "required");
    if (import_value(import, row, COL_AMOUNT) == NULL)
        import_error(import, row, COL_AMOUNT, CLI_INVALID, "required");
    if (apply != NULL && strcmp(apply, "auto") != 0 && strcmp(apply, "none") != 0)
        import_error(import, row, COL_APPLY, CLI_INVALID, "\"%s\" is not auto or none",
                     apply);
    parsed->auto_apply = apply != NULL && strcmp(apply, "auto") == 0;
    read_method(import, row, &parsed->opts.method);
    import_date(import, row, COL_RECEIVED_ON, &parsed->opts.received_on);
    if (customer_key == NULL) {
        import_error(import, row, COL_CUSTOMER, CLI_INVALID, "required");
        return ARC_EINVAL;
    }

    rc = import_find_customer(import, row, COL_CUSTOMER, customer_key, &parsed->customer);
    if (rc != ARC_OK)
        return rc;
    parsed->opts.currency = import_value(import, row, COL_CURRENCY);
    if (parsed->opts.currency == NULL)
        parsed->opts.currency = arc_customer_currency(parsed->customer);
    if (arc_currency_lookup(NULL, parsed->opts.currency) != ARC_OK) {
        arc_error_clear();
        import_error(import, row, COL_CURRENCY, CLI_INVALID,
                     "\"%s\" is not a currency code", parsed->opts.currency);
    } else {
        import_money(import, row, COL_AMOUNT, parsed->opts.currency,
                     &parsed->opts.amount);
    }

    if (invoice_key != NULL) {
        rc = arc_invoice_lookup_number(&parsed->invoice, db, invoice_key);
        if (rc != ARC_OK) {
            import_library_error(import, rows, 1, COL_INVOICE, rc);
            return rc;
        }
    }
    return import->problem_count == problems_before ? ARC_OK : ARC_EINVAL;
}

/* Apply a new payment as the row says: to its invoice, as much as fits, then
 * the rest oldest first with apply=auto. */
static int apply(struct import *import, const struct csv_row *row,
                 const struct parsed *parsed, arc_id payment_id)
{
    const struct csv_row *const rows[] = { row };
    arc_db *db = import->cli->db;
    int rc = ARC_OK;

    if (parsed->invoice != NULL) {
        arc_date applied_on = parsed->opts.received_on;
        int64_t amount = parsed->opts.amount;

        if (arc_invoice_balance(parsed->invoice) < amount)
            amount = arc_invoice_balance(parsed->invoice);
        if (applied_on != ARC_DATE_NONE &&
            arc_invoice_issue_date(parsed->invoice) > applied_on)
            applied_on = arc_invoice_issue_date(parsed->invoice);
        if (amount <= 0) {
            import_error(import, row, COL_INVOICE, CLI_CONFLICT,
                         "invoice %s: nothing is owed on it",
                         arc_invoice_number(parsed->invoice));
            return ARC_ECONFLICT;
        }
        rc = arc_payment_apply(db, payment_id, arc_invoice_id(parsed->invoice), amount,
                               applied_on);
        if (rc != ARC_OK)
            import_library_error(import, rows, 1, COL_INVOICE, rc);
    }
    if (rc == ARC_OK && parsed->auto_apply) {
        rc = arc_payment_apply_auto(NULL, db, payment_id);
        if (rc != ARC_OK)
            import_library_error(import, rows, 1, COL_APPLY, rc);
    }
    return rc;
}

/* A payment the book already holds under the row's key: the same is fine. */
static int compare_existing(struct import *import, const struct csv_row *row,
                            const struct parsed *parsed, arc_id payment_id)
{
    const struct csv_row *const rows[] = { row };
    arc_payment *payment = NULL;
    char amount[CLI_AMOUNT_BUFSIZE];
    int rc = arc_payment_lookup(&payment, import->cli->db, payment_id);

    if (rc != ARC_OK) {
        import_library_error(import, rows, 1, COL_KEY, rc);
        return rc;
    }
    if (arc_payment_amount(payment) == parsed->opts.amount &&
        strcmp(arc_payment_currency(payment), parsed->opts.currency) == 0) {
        import->unchanged++;
    } else {
        cli_format_money(amount, sizeof amount, arc_payment_amount(payment),
                         arc_payment_currency(payment));
        import_error(import, row, COL_AMOUNT, CLI_CONFLICT,
                     "key \"%s\" was imported before as payment %lld of %s",
                     parsed->opts.idempotency_key, (long long)payment_id, amount);
    }
    arc_payment_free(payment);
    return ARC_OK;
}

static int import_row(struct import *import, struct known_keys *known,
                      const struct csv_row *row)
{
    const struct csv_row *const rows[] = { row };
    struct parsed parsed = { .opts = ARC_PAYMENT_OPTS_INIT };
    arc_id customer_id, payment_id = 0;
    int64_t existing;
    int rc = read_row(import, row, &parsed);

    if (rc != ARC_OK)
        goto out;

    customer_id = arc_customer_id(parsed.customer);
    parsed.opts.customer_id = customer_id;
    parsed.opts.idempotency_key = import_value(import, row, COL_KEY);
    parsed.opts.reference = import_value(import, row, COL_REFERENCE);
    rc = load_keys(import->cli, known, customer_id);
    if (rc != ARC_OK) {
        import_library_error(import, rows, 1, COL_KEY, rc);
        goto out;
    }
    if (strmap_get(&known->payments,
                   key_of(import->cli, customer_id, parsed.opts.idempotency_key),
                   &existing)) {
        rc = compare_existing(import, row, &parsed, (arc_id)existing);
        goto out;
    }

    rc = arc_payment_record(&payment_id, import->cli->db, &parsed.opts);
    if (rc != ARC_OK) {
        import_library_error(import, rows, 1, COL_KEY, rc);
        goto out;
    }
    strmap_put(import->cli, &known->payments,
               key_of(import->cli, customer_id, parsed.opts.idempotency_key), payment_id);
    rc = apply(import, row, &parsed, payment_id);
    if (rc == ARC_OK)
        import->created++;

out:
    arc_invoice_free(parsed.invoice);
    arc_customer_free(parsed.customer);
    return rc;
}

static int import_payments(struct cli *cli, const char *path, bool dry_run)
{
    struct import import = { .noun = "payments" };
    struct known_keys known = { { 0 }, { 0 } };
    struct strmap seen = { 0 };
    int status = import_begin(&import, cli, path, columns, COLUMN_COUNT, dry_run);

    if (status != CLI_OK)
        return cli_finish(cli, status);

    for (size_t r = 0; r < import.csv.row_count; r++) {
        const struct csv_row *row = &import.csv.rows[r];
        const char *key = import_value(&import, row, COL_KEY);
        int64_t first_row;

        progress_update(&import.progress, r);
        if (key != NULL && strmap_get(&seen, key, &first_row)) {
            import_error(&import, row, COL_KEY, CLI_INVALID,
                         "\"%s\" is already in row %lld", key, (long long)first_row);
            continue;
        }
        if (key != NULL)
            strmap_put(cli, &seen, key, (int64_t)row->number);
        if (import_fatal(import_row(&import, &known, row)))
            break;
    }
    return import_end(&import);
}

int cmd_payment_import(struct cli *cli, int argc, char **argv)
{
    return import_command(cli, argc, argv, import_payments);
}
