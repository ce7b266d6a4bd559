/*
 * customer import: customers from CSV, keyed by their reference. A customer
 * already in the book with the same fields is left alone; one with other
 * fields is updated to the file's.
 */
#include <stdlib.h>
#include <string.h>

#include "import.h"

enum column {
    COL_REFERENCE,
    COL_NAME,
    COL_CURRENCY,
    COL_BILLING_EMAIL,
    COL_PHONE,
    COL_TERMS,
    COL_CREDIT_LIMIT,
    COL_OWNER,
    COL_STATUS,
    COLUMN_COUNT
};

static const struct import_column columns[COLUMN_COUNT] = {
    [COL_REFERENCE] = { "reference", true },
    [COL_NAME] = { "name", true },
    [COL_CURRENCY] = { "currency", true },
    [COL_BILLING_EMAIL] = { "billing_email", false },
    [COL_PHONE] = { "phone", false },
    [COL_TERMS] = { "payment_terms_days", false },
    [COL_CREDIT_LIMIT] = { "credit_limit", false },
    [COL_OWNER] = { "owner", false },
    [COL_STATUS] = { "status", false },
};

/* Check the row's own values and turn them into @p opts. */
static int read_row(struct import *import, const struct csv_row *row,
                    arc_customer_opts *opts)
{
    const char *terms = import_value(import, row, COL_TERMS);
    const char *status_text = import_value(import, row, COL_STATUS);
    int status = CLI_OK;

    opts->reference = import_value(import, row, COL_REFERENCE);
    opts->name = import_value(import, row, COL_NAME);
    opts->currency = import_value(import, row, COL_CURRENCY);
    opts->billing_email = import_value(import, row, COL_BILLING_EMAIL);
    opts->phone = import_value(import, row, COL_PHONE);
    opts->owner = import_value(import, row, COL_OWNER);

    for (size_t c = COL_REFERENCE; c <= COL_CURRENCY; c++) {
        if (import_value(import, row, c) == NULL) {
            import_error(import, row, c, CLI_INVALID, "required");
            status = CLI_INVALID;
        }
    }
    if (opts->currency != NULL && arc_currency_lookup(NULL, opts->currency) != ARC_OK) {
        arc_error_clear();
        import_error(import, row, COL_CURRENCY, CLI_INVALID,
                     "\"%s\" is not a currency code", opts->currency);
        status = CLI_INVALID;
    } else if (opts->currency != NULL &&
               import_money(import, row, COL_CREDIT_LIMIT, opts->currency,
                            &opts->credit_limit) != CLI_OK) {
        status = CLI_INVALID;
    }

    if (terms != NULL) {
        char *end = NULL;
        long days = strtol(terms, &end, 10);

        if (*end != '\0' || days < 0 || days > 3650) {
            import_error(import, row, COL_TERMS, CLI_INVALID,
                         "\"%s\" is not a number of days from 0 to 3650", terms);
            status = CLI_INVALID;
        }
        opts->payment_terms_days = (int)days;
    }

    if (status_text != NULL) {
        int s = 0;

        while (s < 3 &&
               strcmp(status_text, arc_customer_status_name((arc_customer_status)s)))
            s++;
        if (s == 3) {
            import_error(import, row, COL_STATUS, CLI_INVALID,
                         "\"%s\" is not one of active, on_hold, closed", status_text);
            status = CLI_INVALID;
        }
        opts->status = (arc_customer_status)s;
    }
    return status;
}

/* The update bits of the fields where @p customer differs from @p opts; only
 * the columns the file has are compared. */
static unsigned int changed_fields(const struct import *import,
                                   const arc_customer *customer,
                                   const arc_customer_opts *opts)
{
    unsigned int fields = 0;

    if (!same_text(arc_customer_name(customer), opts->name))
        fields |= ARC_CUSTOMER_FIELD_NAME;
    if (import_has_column(import, COL_BILLING_EMAIL) &&
        !same_text(arc_customer_billing_email(customer), opts->billing_email))
        fields |= ARC_CUSTOMER_FIELD_BILLING_EMAIL;
    if (import_has_column(import, COL_PHONE) &&
        !same_text(arc_customer_phone(customer), opts->phone))
        fields |= ARC_CUSTOMER_FIELD_PHONE;
    if (import_has_column(import, COL_TERMS) &&
        arc_customer_payment_terms_days(customer) != opts->payment_terms_days)
        fields |= ARC_CUSTOMER_FIELD_PAYMENT_TERMS;
    if (import_has_column(import, COL_CREDIT_LIMIT) &&
        arc_customer_credit_limit(customer) != opts->credit_limit)
        fields |= ARC_CUSTOMER_FIELD_CREDIT_LIMIT;
    if (import_has_column(import, COL_OWNER) &&
        !same_text(arc_customer_owner(customer), opts->owner))
        fields |= ARC_CUSTOMER_FIELD_OWNER;
    if (import_has_column(import, COL_STATUS) &&
        arc_customer_status_of(customer) != opts->status)
        fields |= ARC_CUSTOMER_FIELD_STATUS;
    return fields;
}

/* Create the customer, or bring the existing one to the row's fields. */
static int import_row(struct import *import, const struct csv_row *row,
                      const arc_customer_opts *opts)
{
    arc_customer *customer = NULL;
    unsigned int fields;
    int rc = arc_customer_lookup_reference(&customer, import->cli->db, opts->reference);

    if (rc == ARC_ENOTFOUND) {
        arc_error_clear();
        rc = arc_customer_create(NULL, import->cli->db, opts);
        if (rc == ARC_OK)
            import->created++;
    } else if (rc == ARC_OK &&
               strcmp(arc_customer_currency(customer), opts->currency) != 0) {
        import_error(import, row, COL_CURRENCY, CLI_CONFLICT,
                     "customer %s has currency %s, which cannot change", opts->reference,
                     arc_customer_currency(customer));
    } else if (rc == ARC_OK) {
        fields = changed_fields(import, customer, opts);
        if (fields != 0)
            rc = arc_customer_update(import->cli->db, arc_customer_id(customer), opts,
                                     fields);
        if (rc == ARC_OK && fields != 0)
            import->updated++;
        else if (rc == ARC_OK)
            import->unchanged++;
    }
    arc_customer_free(customer);

    if (rc != ARC_OK)
        import_library_error(import, &row, 1, COL_REFERENCE, rc);
    return rc;
}

static int import_customers(struct cli *cli, const char *path, bool dry_run)
{
    struct import import = { .noun = "customers" };
    struct strmap seen = { 0 };
    int status = import_begin(&import, cli, path, columns, COLUMN_COUNT, dry_run);

    if (status != CLI_OK)
        return cli_finish(cli, status);

    for (size_t r = 0; r < import.csv.row_count; r++) {
        const struct csv_row *row = &import.csv.rows[r];
        arc_customer_opts opts = ARC_CUSTOMER_OPTS_INIT;
        int64_t first_row;

        progress_update(&import.progress, r);
        if (read_row(&import, row, &opts) != CLI_OK)
            continue;
        if (strmap_get(&seen, opts.reference, &first_row)) {
            import_error(&import, row, COL_REFERENCE, CLI_INVALID,
                         "\"%s\" is already in row %lld", opts.reference,
                         (long long)first_row);
            continue;
        }
        strmap_put(cli, &seen, opts.reference, (int64_t)row->number);
        if (import_fatal(import_row(&import, row, &opts)))
            break;
    }
    return import_end(&import);
}

int cmd_customer_import(struct cli *cli, int argc, char **argv)
{
    return import_command(cli, argc, argv, import_customers);
}
