/*
 * Contacts of a customer.
 */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "error.h"
#include "util.h"

static int check_contact(const arc_contact_opts *opts)
{
    int rc;

    if (opts == NULL)
        return arc_fail(ARC_EINVAL, "contact: options must not be NULL");
    if (opts->version != ARC_CONTACT_OPTS_VERSION)
        return arc_fail(ARC_EVERSION, "contact options: version %u is not supported",
                        opts->version);
    rc = arc_check_text("contact", "name", opts->name, 256, true);
    if (rc == ARC_OK)
        rc = arc_check_text("contact", "role", opts->role, 128, false);
    if (rc == ARC_OK)
        rc = arc_check_text("contact", "email", opts->email, 254, false);
    if (rc == ARC_OK)
        rc = arc_check_text("contact", "phone", opts->phone, 64, false);
    return rc;
}

int arc_contact_add(arc_id *out, arc_db *db, arc_id customer_id,
                    const arc_contact_opts *opts)
{
    struct arc_customer_terms customer;
    struct arc_contact contact = { 0 };
    int rc;

    ARC_CHECK_DB(db);
    rc = check_contact(opts);
    if (rc != ARC_OK)
        return rc;

    /* The options' strings are only read: the record borrows them. */
    contact.customer_id = customer_id;
    contact.name = (char *)opts->name;
    contact.role = (char *)opts->role;
    contact.email = (char *)opts->email;
    contact.phone = (char *)opts->phone;
    contact.created_at = arc_db_now(db);

    rc = arc_write_begin(db);
    if (rc != ARC_OK)
        return rc;
    rc = arc_store_customer_terms(db, customer_id, &customer);
    if (rc == ARC_OK)
        rc = db->ops->contact_insert(db->store, &contact);
    if (rc == ARC_OK) {
        struct arc_event event =
            arc_event_about(ARC_EVENT_CONTACT_ADDED, contact.id, customer_id);

        event.detail = contact.name;
        rc = arc_event_emit(db, &event);
    }
    rc = arc_write_end(db, rc);
    if (rc == ARC_OK && out != NULL)
        *out = contact.id;
    return rc;
}

int arc_contact_remove(arc_db *db, arc_id contact_id)
{
    int rc;

    ARC_CHECK_DB(db);
    rc = arc_write_begin(db);
    if (rc != ARC_OK)
        return rc;
    rc = db->ops->contact_delete(db->store, contact_id);
    if (rc == ARC_OK) {
        struct arc_event event =
            arc_event_about(ARC_EVENT_CONTACT_REMOVED, contact_id, 0);

        rc = arc_event_emit(db, &event);
    }
    return arc_write_end(db, rc);
}

int arc_contact_list(arc_contact_page **out, arc_db *db, arc_id customer_id)
{
    struct arc_customer_terms customer;
    arc_contact_page *page;
    int rc;

    if (out == NULL)
        return arc_fail(ARC_EINVAL, "contacts: out must not be NULL");
    ARC_CHECK_DB(db);
    page = calloc(1, sizeof(*page));
    if (page == NULL)
        return arc_fail(ARC_ENOMEM, "contacts: out of memory");

    rc = arc_read_begin(db);
    if (rc != ARC_OK) {
        free(page);
        return rc;
    }
    rc = arc_store_customer_terms(db, customer_id, &customer);
    if (rc == ARC_OK)
        rc = db->ops->contact_list(db->store, customer_id, page);
    rc = arc_read_end(db, rc);

    if (rc != ARC_OK) {
        arc_contact_page_free(page);
        return rc;
    }
    *out = page;
    return ARC_OK;
}

size_t arc_contact_page_count(const arc_contact_page *page)
{
    return page ? page->count : 0;
}

const arc_contact *arc_contact_page_at(const arc_contact_page *page, size_t index)
{
    if (page == NULL || index >= page->count)
        return NULL;
    return &page->items[index];
}

void arc_contact_page_free(arc_contact_page *page)
{
    if (page == NULL)
        return;
    for (size_t i = 0; i < page->count; i++)
        arc_contact_clear(&page->items[i]);
    free(page->items);
    free(page);
}

arc_id arc_contact_id(const arc_contact *contact)
{
    return contact ? contact->id : 0;
}

arc_id arc_contact_customer_id(const arc_contact *contact)
{
    return contact ? contact->customer_id : 0;
}

const char *arc_contact_name(const arc_contact *contact)
{
    return contact ? contact->name : NULL;
}

const char *arc_contact_role(const arc_contact *contact)
{
    return contact ? contact->role : NULL;
}

const char *arc_contact_email(const arc_contact *contact)
{
    return contact ? contact->email : NULL;
}

const char *arc_contact_phone(const arc_contact *contact)
{
    return contact ? contact->phone : NULL;
}
