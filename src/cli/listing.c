/*
 * What the list commands print: the records of one kind as a table, or with
 * --json as {"<kind>": [...]} and the members a command adds after the array,
 * such as the cursor of the next page. listing_run() also reads the pages of
 * the lists that page by id (--limit, --after, --all).
 */
#include "cli.h"

/* Start the table, or the object and its array. */
void listing_begin(struct listing *listing, struct cli *cli,
                   const struct listing_kind *kind)
{
    listing->cli = cli;
    listing->kind = kind;
    table_init(&listing->table, cli, kind->columns, kind->column_count);
    if (!cli->json)
        return;
    json_begin_document(&listing->json, cli->out);
    json_key(&listing->json, kind->json_key);
    json_begin_array(&listing->json);
}

/* Add every record of @p page, in order. Returns how many it held. */
size_t listing_add(struct listing *listing, const void *page)
{
    const struct listing_kind *kind = listing->kind;
    size_t count = kind->pages->count(page);

    for (size_t i = 0; i < count; i++) {
        const void *record = kind->pages->at(page, i);

        if (listing->cli->json) {
            json_begin_object(&listing->json);
            kind->json(&listing->json, listing->cli, record);
            json_end_object(&listing->json);
        } else {
            kind->row(&listing->table, listing->cli, record);
        }
    }
    return count;
}

/* Close the array, or print the table. Members of the object may follow, or
 * lines after the table, before listing_close(). */
void listing_end(struct listing *listing)
{
    if (listing->cli->json)
        json_end_array(&listing->json);
    else
        table_print(&listing->table, listing->cli->out);
}

/* Close the object. */
void listing_close(struct listing *listing)
{
    if (listing->cli->json)
        json_end_document(&listing->json);
}

/* Print a list of one page, @p page, that a read returning @p rc gave, or
 * report the read's failure; free the page either way. Returns the status to
 * exit with. */
int listing_print_page(struct cli *cli, const struct listing_kind *kind, int rc,
                       void *page)
{
    struct listing listing;

    if (rc != ARC_OK) {
        kind->pages->free_page(page);
        return cli_fail(cli, rc, NULL);
    }
    listing_begin(&listing, cli, kind);
    listing_add(&listing, page);
    listing_end(&listing);
    listing_close(&listing);
    kind->pages->free_page(page);
    return CLI_OK;
}

/* Print the page of records after @p paging's --after, or with --all every
 * page from there, then "next_after": the id to pass as --after for the page
 * that follows, or null after the last. @p opts holds the command's filters.
 * Returns the status to exit with. */
int listing_run(struct cli *cli, const struct listing_kind *kind,
                const struct cli_paging *paging, arc_list_opts *opts)
{
    const struct listing_pages *pages = kind->pages;
    struct listing listing;
    arc_id last = 0;
    size_t count = 0;

    opts->limit = paging->limit;
    opts->after_id = paging->after;
    listing_begin(&listing, cli, kind);

    do {
        void *page = NULL;
        int rc = pages->fetch(cli, opts, &page);

        if (rc != ARC_OK) {
            pages->free_page(page);
            return cli_fail(cli, rc, NULL);
        }
        count = listing_add(&listing, page);
        if (count > 0)
            last = pages->id(pages->at(page, count - 1));
        opts->after_id = last;
        pages->free_page(page);
    } while (cli_paging_more(paging, count));

    listing_end(&listing);
    if (cli->json)
        json_key_id(&listing.json, "next_after",
                    !paging->all && count == paging->limit ? last : 0);
    listing_close(&listing);
    return CLI_OK;
}

/* The end of the list commands filtered by customer: open the book, find
 * the customer named by @p customer_key (when given), then list. */
static int run_for_customer(struct cli *cli, const char *customer_key,
                            const struct listing_kind *kind,
                            const struct cli_paging *paging, arc_list_opts *opts)
{
    int status = cli_open_for_customer(cli, customer_key, &opts->customer_id);

    if (status != CLI_OK)
        return status;
    return listing_run(cli, kind, paging, opts);
}

/* A list filtered by --customer and --status NAME, one of the @p status_count
 * names that @p status_name gives (invoices, disputes). */
int listing_run_by_status(struct cli *cli, int argc, char **argv,
                          const struct listing_kind *kind,
                          const char *(*status_name)(int), int status_count)
{
    const char *customer_key = NULL, *status_text = NULL;
    const struct cli_option options[] = {
        { "customer", CLI_STRING, &customer_key },
        { "status", CLI_STRING, &status_text },
        { NULL, CLI_FLAG, NULL },
    };
    struct cli_paging paging = { 0 };
    arc_list_opts opts = ARC_LIST_OPTS_INIT;
    int status = cli_parse_paged_args(cli, argc, argv, options, &paging);

    if (status == CLI_OK)
        status = cli_paging_parse(cli, &paging);
    if (status == CLI_OK && status_text != NULL)
        status = cli_value_enum(cli, "--status", status_text, status_name, status_count,
                                &opts.status);
    if (status != CLI_OK)
        return status;
    return run_for_customer(cli, customer_key, kind, &paging, &opts);
}

/* A list filtered by --customer and by either --FLAG, the records that are
 * void or reversed (status 1), or --in-force, the others (status 0): credit
 * memos and payments. */
int listing_run_by_flag(struct cli *cli, int argc, char **argv,
                        const struct listing_kind *kind, const char *flag)
{
    const char *customer_key = NULL;
    int flagged = 0, in_force = 0;
    const struct cli_option options[] = {
        { "customer", CLI_STRING, &customer_key },
        { flag, CLI_FLAG, &flagged },
        { "in-force", CLI_FLAG, &in_force },
        { NULL, CLI_FLAG, NULL },
    };
    struct cli_paging paging = { 0 };
    arc_list_opts opts = ARC_LIST_OPTS_INIT;
    int status = cli_parse_paged_args(cli, argc, argv, options, &paging);

    if (status == CLI_OK && flagged && in_force)
        status = cli_usage(cli, "--%s and --in-force exclude each other", flag);
    if (status == CLI_OK)
        status = cli_paging_parse(cli, &paging);
    if (status != CLI_OK)
        return status;
    opts.status = flagged ? 1 : in_force ? 0 : -1;
    return run_for_customer(cli, customer_key, kind, &paging, &opts);
}
