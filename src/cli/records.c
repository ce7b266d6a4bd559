/*
 * Records named on the command line, and the names printed for records that
 * other records point to. A customer is named by its reference, an invoice or
 * credit memo by its number, a rule by its name; any of them may also be
 * named "#ID" by its id.
 */
#include <string.h>

#include "cli.h"

/* Ids mapped to names, so that a list names each customer or invoice once. */
struct cli_cache {
    size_t capacity; /* a power of two */
    size_t count;
    arc_id *keys; /* 0 for an empty slot */
    const char **values;
};

static size_t slot_of(arc_id id, size_t capacity)
{
    uint64_t hash = (uint64_t)id * UINT64_C(0x9e3779b97f4a7c15);

    return (size_t)(hash >> 32) & (capacity - 1);
}

static void cache_put(struct cli *cli, struct cli_cache **cache_ptr, arc_id id,
                      const char *value);

static void cache_grow(struct cli *cli, struct cli_cache **cache_ptr)
{
    struct cli_cache *old = *cache_ptr;
    struct cli_cache *cache = cli_alloc(cli, sizeof *cache);

    cache->capacity = old == NULL ? 256 : old->capacity * 2;
    cache->keys = cli_alloc(cli, cache->capacity * sizeof *cache->keys);
    cache->values = cli_alloc(cli, cache->capacity * sizeof *cache->values);
    *cache_ptr = cache;

    for (size_t i = 0; old != NULL && i < old->capacity; i++) {
        if (old->keys[i] != 0)
            cache_put(cli, cache_ptr, old->keys[i], old->values[i]);
    }
}

static void cache_put(struct cli *cli, struct cli_cache **cache_ptr, arc_id id,
                      const char *value)
{
    struct cli_cache *cache = *cache_ptr;
    size_t slot;

    if (cache == NULL || (cache->count + 1) * 2 > cache->capacity) {
        cache_grow(cli, cache_ptr);
        cache = *cache_ptr;
    }

    slot = slot_of(id, cache->capacity);
    while (cache->keys[slot] != 0 && cache->keys[slot] != id)
        slot = (slot + 1) & (cache->capacity - 1);
    if (cache->keys[slot] == 0)
        cache->count++;
    cache->keys[slot] = id;
    cache->values[slot] = value;
}

static const char *cache_get(const struct cli_cache *cache, arc_id id)
{
    size_t slot;

    if (cache == NULL)
        return NULL;
    slot = slot_of(id, cache->capacity);
    while (cache->keys[slot] != 0) {
        if (cache->keys[slot] == id)
            return cache->values[slot];
        slot = (slot + 1) & (cache->capacity - 1);
    }
    return NULL;
}

/* "#12" or "12" as an id; anything else is not one. */
static bool parse_hash_id(const char *key, bool digits_alone, arc_id *out)
{
    arc_id id = 0;
    const char *c = key;

    if (*c == '#')
        c++;
    else if (!digits_alone)
        return false;
    if (*c == '\0')
        return false;
    for (; *c != '\0'; c++) {
        if (*c < '0' || *c > '9' || id > (INT64_MAX - 9) / 10)
            return false;
        id = id * 10 + (*c - '0');
    }
    *out = id;
    return id > 0;
}

int cli_find_customer(struct cli *cli, const char *key, arc_customer **out)
{
    arc_id id;
    int rc;

    if (parse_hash_id(key, false, &id))
        rc = arc_customer_lookup(out, cli->db, id);
    else
        rc = arc_customer_lookup_reference(out, cli->db, key);
    if (rc != ARC_OK)
        return cli_fail(cli, rc, NULL);

    cache_put(cli, &cli->customer_refs, arc_customer_id(*out),
              cli_strdup(cli, arc_customer_reference(*out)));
    return CLI_OK;
}

int cli_find_customer_id(struct cli *cli, const char *key, arc_id *out)
{
    arc_customer *customer = NULL;
    int status = cli_find_customer(cli, key, &customer);

    if (status == CLI_OK)
        *out = arc_customer_id(customer);
    arc_customer_free(customer);
    return status;
}

int cli_find_invoice(struct cli *cli, const char *key, arc_invoice **out)
{
    arc_id id;
    int rc;

    if (parse_hash_id(key, false, &id))
        rc = arc_invoice_lookup(out, cli->db, id);
    else
        rc = arc_invoice_lookup_number(out, cli->db, key);
    if (rc != ARC_OK)
        return cli_fail(cli, rc, NULL);

    cache_put(cli, &cli->invoice_numbers, arc_invoice_id(*out),
              cli_strdup(cli, arc_invoice_number(*out)));
    return CLI_OK;
}

int cli_find_invoice_id(struct cli *cli, const char *key, arc_id *out)
{
    arc_invoice *invoice = NULL;
    int status = cli_find_invoice(cli, key, &invoice);

    if (status == CLI_OK)
        *out = arc_invoice_id(invoice);
    arc_invoice_free(invoice);
    return status;
}

/* Credit memos have no lookup by number, so a number is found by reading the
 * memos a page at a time. */
static int find_memo_by_number(struct cli *cli, const char *number, arc_id *out)
{
    arc_list_opts opts = ARC_LIST_OPTS_INIT;

    opts.limit = ARC_LIST_MAX_LIMIT;
    for (;;) {
        arc_credit_memo_page *page = NULL;
        size_t count;
        int rc = arc_credit_memo_list(&page, cli->db, &opts);

        if (rc != ARC_OK)
            return cli_fail(cli, rc, NULL);
        count = arc_credit_memo_page_count(page);
        for (size_t i = 0; i < count; i++) {
            const arc_credit_memo *memo = arc_credit_memo_page_at(page, i);

            if (strcmp(arc_credit_memo_number(memo), number) == 0) {
                *out = arc_credit_memo_id(memo);
                arc_credit_memo_page_free(page);
                return CLI_OK;
            }
        }
        if (count > 0)
            opts.after_id = arc_credit_memo_id(arc_credit_memo_page_at(page, count - 1));
        arc_credit_memo_page_free(page);
        if (count < opts.limit)
            return cli_fail_plain(cli, CLI_NOT_FOUND, "credit memo %s: not found",
                                  number);
    }
}

int cli_find_credit_memo(struct cli *cli, const char *key, arc_credit_memo **out)
{
    arc_id id = 0;
    int rc;

    if (!parse_hash_id(key, true, &id)) {
        int status = find_memo_by_number(cli, key, &id);

        if (status != CLI_OK)
            return status;
    }
    rc = arc_credit_memo_lookup(out, cli->db, id);
    if (rc != ARC_OK)
        return cli_fail(cli, rc, NULL);
    return CLI_OK;
}

int cli_find_rule(struct cli *cli, const char *key, arc_escalation_rule **out)
{
    arc_id id;
    int rc;

    if (parse_hash_id(key, true, &id))
        rc = arc_escalation_rule_lookup(out, cli->db, id);
    else
        rc = arc_escalation_rule_lookup_by_name(out, cli->db, key);
    if (rc != ARC_OK)
        return cli_fail(cli, rc, NULL);
    return CLI_OK;
}

const char *cli_customer_reference(struct cli *cli, arc_id customer_id)
{
    const char *reference = cache_get(cli->customer_refs, customer_id);
    arc_customer *customer = NULL;

    if (reference != NULL || customer_id <= 0)
        return reference;

    if (arc_customer_lookup(&customer, cli->db, customer_id) == ARC_OK)
        reference = cli_strdup(cli, arc_customer_reference(customer));
    else
        reference = cli_printf(cli, "#%lld", (long long)customer_id);
    arc_error_clear();
    arc_customer_free(customer);
    cache_put(cli, &cli->customer_refs, customer_id, reference);
    return reference;
}

const char *cli_invoice_number(struct cli *cli, arc_id invoice_id)
{
    const char *number = cache_get(cli->invoice_numbers, invoice_id);
    arc_invoice *invoice = NULL;

    if (number != NULL || invoice_id <= 0)
        return number;

    if (arc_invoice_lookup(&invoice, cli->db, invoice_id) == ARC_OK)
        number = cli_strdup(cli, arc_invoice_number(invoice));
    else
        number = cli_printf(cli, "#%lld", (long long)invoice_id);
    arc_error_clear();
    arc_invoice_free(invoice);
    cache_put(cli, &cli->invoice_numbers, invoice_id, number);
    return number;
}
