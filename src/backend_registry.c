/*
 * The backends a process knows: the built-in ones and those a host
 * registered, and the choice of one for a URI.
 */
#include <pthread.h>
#include <stddef.h>
#include <string.h>

#include "error.h"
#include "store.h"

#ifdef ARC_HAVE_POSTGRESQL
extern const struct arc_backend arc_postgresql_store;
#endif

#define MAX_REGISTERED  32
#define NAME_MAX_LENGTH 32

static pthread_mutex_t registry_lock = PTHREAD_MUTEX_INITIALIZER;
static const struct arc_backend *registered[MAX_REGISTERED];

/* The functions a backend may not leave NULL, by name for the message. */
#define REQUIRED(member)                                                                 \
    {                                                                                    \
        offsetof(struct arc_backend, member), #member                                    \
    }
static const struct {
    size_t offset;
    const char *name;
} required[] = {
    REQUIRED(open),
    REQUIRED(close),
    REQUIRED(begin),
    REQUIRED(commit),
    REQUIRED(rollback),
    REQUIRED(savepoint),
    REQUIRED(release),
    REQUIRED(rollback_to),
    REQUIRED(change_count),
    REQUIRED(book_info),
    REQUIRED(sequence_take),
    REQUIRED(sequence_put),
    REQUIRED(customer_insert),
    REQUIRED(customer_update),
    REQUIRED(customer_get),
    REQUIRED(customer_get_by_reference),
    REQUIRED(customer_list),
    REQUIRED(contact_insert),
    REQUIRED(contact_delete),
    REQUIRED(contact_list),
    REQUIRED(invoice_insert),
    REQUIRED(invoice_line_insert),
    REQUIRED(invoice_update),
    REQUIRED(invoice_delete),
    REQUIRED(invoice_get),
    REQUIRED(invoice_get_by_number),
    REQUIRED(invoice_list),
    REQUIRED(invoice_list_payable),
    REQUIRED(payment_insert),
    REQUIRED(payment_update),
    REQUIRED(payment_get),
    REQUIRED(payment_get_by_key),
    REQUIRED(payment_list),
    REQUIRED(credit_memo_insert),
    REQUIRED(credit_memo_update),
    REQUIRED(credit_memo_get),
    REQUIRED(credit_memo_list),
    REQUIRED(application_insert),
    REQUIRED(application_set_reversed),
    REQUIRED(application_list_for),
    REQUIRED(reason_code_insert),
    REQUIRED(reason_code_update),
    REQUIRED(reason_code_get),
    REQUIRED(reason_code_delete),
    REQUIRED(reason_code_list),
    REQUIRED(reason_code_in_use),
    REQUIRED(dispute_insert),
    REQUIRED(dispute_update),
    REQUIRED(dispute_get),
    REQUIRED(dispute_list),
    REQUIRED(dispute_list_for_invoice),
    REQUIRED(communication_insert),
    REQUIRED(communication_get),
    REQUIRED(communication_find_email),
    REQUIRED(communication_list),
    REQUIRED(communication_list_thread),
    REQUIRED(communication_move_thread),
    REQUIRED(event_append),
    REQUIRED(event_list),
    REQUIRED(event_list_timeline),
    REQUIRED(scan_disputes),
    REQUIRED(scan_open_items),
    REQUIRED(scan_applications_after),
    REQUIRED(rule_insert),
    REQUIRED(rule_update),
    REQUIRED(rule_delete),
    REQUIRED(rule_get),
    REQUIRED(rule_get_by_name),
    REQUIRED(rule_list),
    REQUIRED(scan_unresolved_disputes),
    REQUIRED(rule_fired),
    REQUIRED(rule_firing_insert),
    REQUIRED(scan_overdue_invoices),
    REQUIRED(invoice_mark_overdue_alerted),
    REQUIRED(dispute_mark_overdue_alerted),
};

static bool name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '-' ||
           c == '.';
}

/* The length of a backend name at the start of @p text, up to a ':' or the
 * end; 0 when it is not one. */
static size_t name_length(const char *text)
{
    size_t length = 0;

    while (text[length] != '\0' && text[length] != ':') {
        if (!name_char(text[length]) || ++length > NAME_MAX_LENGTH)
            return 0;
    }
    return length;
}

static bool is_builtin(const char *name, size_t length)
{
    static const char *const builtin[] = { "sqlite", "postgresql", "postgres" };

    for (size_t i = 0; i < sizeof(builtin) / sizeof(builtin[0]); i++) {
        if (strlen(builtin[i]) == length && strncmp(builtin[i], name, length) == 0)
            return true;
    }
    return false;
}

/* The registered backend called @p name (of @p length bytes); the caller
 * holds the lock. */
static const struct arc_backend **find(const char *name, size_t length)
{
    for (size_t i = 0; i < MAX_REGISTERED; i++) {
        if (registered[i] != NULL && strlen(registered[i]->name) == length &&
            strncmp(registered[i]->name, name, length) == 0)
            return &registered[i];
    }
    return NULL;
}

static int check_backend(const struct arc_backend *backend)
{
    if (backend == NULL)
        return arc_fail(ARC_EINVAL, "backend: must not be NULL");
    if (backend->version != ARC_BACKEND_VERSION)
        return arc_fail(ARC_EVERSION,
                        "backend: version %u is not supported (this library knows %d)",
                        backend->version, ARC_BACKEND_VERSION);
    if (backend->name == NULL || name_length(backend->name) == 0 ||
        backend->name[name_length(backend->name)] != '\0')
        return arc_fail(ARC_EINVAL,
                        "backend: name: 1 to %d characters of a-z, 0-9, '+', '-' and '.'",
                        NAME_MAX_LENGTH);
    for (size_t i = 0; i < sizeof(required) / sizeof(required[0]); i++) {
        void (*const *fn)(void) =
            (void (*const *)(void))((const char *)backend + required[i].offset);

        if (*fn == NULL)
            return arc_fail(ARC_EINVAL, "backend %s: %s: required", backend->name,
                            required[i].name);
    }
    return ARC_OK;
}

int arc_backend_register(const arc_backend *backend)
{
    int rc = check_backend(backend);
    size_t length;

    if (rc != ARC_OK)
        return rc;
    length = strlen(backend->name);
    if (is_builtin(backend->name, length))
        return arc_fail(ARC_EEXISTS, "backend %s: the name is built in", backend->name);

    pthread_mutex_lock(&registry_lock);
    if (find(backend->name, length) != NULL) {
        rc = arc_fail(ARC_EEXISTS, "backend %s: already registered", backend->name);
    } else {
        rc = arc_fail(ARC_ENOMEM, "backend %s: no room for more than %d backends",
                      backend->name, MAX_REGISTERED);
        for (size_t i = 0; i < MAX_REGISTERED; i++) {
            if (registered[i] == NULL) {
                registered[i] = backend;
                rc = ARC_OK;
                break;
            }
        }
    }
    pthread_mutex_unlock(&registry_lock);
    return rc;
}

int arc_backend_unregister(const char *name)
{
    const struct arc_backend **slot;
    int rc = ARC_OK;

    if (name == NULL)
        return arc_fail(ARC_EINVAL, "backend: name: required");
    if (is_builtin(name, strlen(name)))
        return arc_fail(ARC_EINVAL, "backend %s: a built-in backend stays", name);
    pthread_mutex_lock(&registry_lock);
    slot = find(name, strlen(name));
    if (slot != NULL)
        *slot = NULL;
    else
        rc = arc_fail(ARC_ENOTFOUND, "backend %s: not registered", name);
    pthread_mutex_unlock(&registry_lock);
    return rc;
}

static int resolve_postgresql(const struct arc_backend **out, const char *uri)
{
#ifdef ARC_HAVE_POSTGRESQL
    (void)uri;
    *out = &arc_postgresql_store;
    return ARC_OK;
#else
    (void)out;
    return arc_fail(ARC_EUNSUPPORTED,
                    "db: uri \"%s\": this library was built without PostgreSQL", uri);
#endif
}

static int resolve_sqlite(const struct arc_backend **out, const char **location,
                          const char *path, const char *uri)
{
    *out = &arc_sqlite_store;
    *location = path;
    if (*path == '\0')
        return arc_fail(ARC_EINVAL, "db: uri \"%s\": no path given", uri);
    return ARC_OK;
}

int arc_backend_resolve(const struct arc_backend **out, const char **location,
                        const char *uri)
{
    size_t length = name_length(uri);
    const struct arc_backend **found = NULL;

    if (strncmp(uri, "sqlite:", 7) == 0)
        return resolve_sqlite(out, location, uri + (strncmp(uri + 7, "//", 2) ? 7 : 9),
                              uri);
    *location = uri;
    if (strncmp(uri, "postgresql://", 13) == 0 || strncmp(uri, "postgres://", 11) == 0)
        return resolve_postgresql(out, uri);
    if (length > 0 && uri[length] == ':') {
        pthread_mutex_lock(&registry_lock);
        found = find(uri, length);
        if (found != NULL)
            *out = *found;
        pthread_mutex_unlock(&registry_lock);
        if (found != NULL)
            return ARC_OK;
        /* Rather than quietly creating a file called "memory:acme" when a
         * backend was not registered yet. */
        if (length > 1 && strstr(uri, "://") == NULL)
            return arc_fail(ARC_EUNSUPPORTED,
                            "db: uri \"%s\": no backend is registered as \"%.*s\" (for a"
                            " file, write sqlite:%s or ./%s)",
                            uri, (int)length, uri, uri, uri);
    }
    if (strstr(uri, "://") != NULL)
        return arc_fail(ARC_EUNSUPPORTED, "db: uri \"%s\": no backend for this scheme",
                        uri);
    return resolve_sqlite(out, location, uri, uri);
}
