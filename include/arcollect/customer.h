/**
 * @file arcollect/customer.h
 * @brief Customers (accounts), their contacts and their balances.
 */
#ifndef ARCOLLECT_CUSTOMER_H
#define ARCOLLECT_CUSTOMER_H

#include "db.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A customer record read from a book. Opaque; free with arc_customer_free(). */
typedef struct arc_customer arc_customer;

/** A page of customers from arc_customer_list(). Opaque. */
typedef struct arc_customer_page arc_customer_page;

/** A contact person of a customer. Opaque; owned by its #arc_contact_page. */
typedef struct arc_contact arc_contact;

/** The contacts of one customer, from arc_contact_list(). Opaque. */
typedef struct arc_contact_page arc_contact_page;

/** Account status. */
typedef enum arc_customer_status {
    ARC_CUSTOMER_ACTIVE = 0, /**< Normal account. */
    ARC_CUSTOMER_ON_HOLD =
        1, /**< Service or credit on hold, for example for non-payment. */
    ARC_CUSTOMER_CLOSED = 2 /**< No longer a customer; its records stay. */
} arc_customer_status;

/**
 * The lower-case name of a customer status ("active", "on_hold", "closed").
 *
 * @param status A value of #arc_customer_status.
 * @return A static string owned by the library, or NULL for a value that is not a
 *         status.
 */
ARC_EXTERN const char *arc_customer_status_name(arc_customer_status status);

/** Version of #arc_customer_opts that this header describes. */
#define ARC_CUSTOMER_OPTS_VERSION 1

/** Payment terms used when none are given: net 30 days. */
#define ARC_DEFAULT_PAYMENT_TERMS_DAYS 30

/**
 * Fields of a customer, for arc_customer_create() and arc_customer_update().
 * Initialise with #ARC_CUSTOMER_OPTS_INIT. Strings are UTF-8 and are copied.
 */
typedef struct arc_customer_opts {
    unsigned int version;  /**< #ARC_CUSTOMER_OPTS_VERSION. */
    const char *reference; /**< The host's own key for the account; required, unique. */
    const char *name;      /**< Legal or display name; required. */
    const char *billing_email; /**< Where invoices go; optional. */
    const char *phone;         /**< Billing phone number; optional. */
    const char *currency;      /**< ISO 4217 code of the account; required. */
    int payment_terms_days;    /**< Days from issue to due date, 0 to 3650; default 30. */
    int64_t
        credit_limit;  /**< In minor units of @ref currency; 0 for none; not negative. */
    const char *owner; /**< The collector who owns the account; optional. */
    arc_customer_status status; /**< Default #ARC_CUSTOMER_ACTIVE. */
} arc_customer_opts;

/** Initialiser for #arc_customer_opts with every default. */
#define ARC_CUSTOMER_OPTS_INIT                                                           \
    {                                                                                    \
        ARC_CUSTOMER_OPTS_VERSION, NULL, NULL, NULL, NULL, NULL,                         \
            ARC_DEFAULT_PAYMENT_TERMS_DAYS, 0, NULL, ARC_CUSTOMER_ACTIVE                 \
    }

/**
 * Reset customer options to their defaults, as #ARC_CUSTOMER_OPTS_INIT does.
 *
 * @param opts    The struct to fill.
 * @param version #ARC_CUSTOMER_OPTS_VERSION.
 * @return #ARC_OK; #ARC_EINVAL for a NULL @p opts; #ARC_EVERSION for an unknown
 *         @p version.
 */
ARC_EXTERN int arc_customer_opts_init(arc_customer_opts *opts, unsigned int version);

/**
 * Create a customer.
 *
 * @param[out] out Receives the new customer's id; may be NULL.
 * @param db       The book.
 * @param opts     The customer's fields.
 * @return #ARC_OK; #ARC_EINVAL naming a missing or malformed field (invalid
 *         UTF-8, unknown currency, negative credit limit...); #ARC_EEXISTS
 *         when the reference is taken; #ARC_EVERSION; #ARC_EBUSY;
 *         #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_customer_create(arc_id *out, arc_db *db,
                                   const arc_customer_opts *opts);

/** Bits for the @p fields argument of arc_customer_update(). */
enum arc_customer_field {
    ARC_CUSTOMER_FIELD_REFERENCE = 1u << 0,     /**< Change the reference. */
    ARC_CUSTOMER_FIELD_NAME = 1u << 1,          /**< Change the name. */
    ARC_CUSTOMER_FIELD_BILLING_EMAIL = 1u << 2, /**< Change the billing email. */
    ARC_CUSTOMER_FIELD_PHONE = 1u << 3,         /**< Change the phone number. */
    ARC_CUSTOMER_FIELD_PAYMENT_TERMS = 1u << 4, /**< Change the payment terms. */
    ARC_CUSTOMER_FIELD_CREDIT_LIMIT = 1u << 5,  /**< Change the credit limit. */
    ARC_CUSTOMER_FIELD_OWNER = 1u << 6,         /**< Change the owning collector. */
    ARC_CUSTOMER_FIELD_STATUS = 1u << 7         /**< Change the account status. */
};

/**
 * Change some fields of a customer. The currency cannot change once set.
 *
 * @param db     The book.
 * @param id     The customer.
 * @param opts   New values; only the members selected by @p fields are read.
 * @param fields Bitwise or of #arc_customer_field; 0 changes nothing.
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_EINVAL naming the field, or for a NULL
 *         @p db or @p opts or unknown bits in @p fields; #ARC_EVERSION;
 *         #ARC_EEXISTS when the new reference is taken; #ARC_EBUSY; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_customer_update(arc_db *db, arc_id id, const arc_customer_opts *opts,
                                   unsigned int fields);

/**
 * Read a customer by id.
 *
 * @param[out] out Receives a new handle; free it with arc_customer_free().
 * @param db       The book.
 * @param id       The customer's id.
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_EINVAL for a NULL @p out or @p db;
 *         #ARC_ENOMEM; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_customer_lookup(arc_customer **out, arc_db *db, arc_id id);

/**
 * Read a customer by the host's reference.
 *
 * @param[out] out  Receives a new handle; free it with arc_customer_free().
 * @param db        The book.
 * @param reference The reference given at creation (@ref arc_customer_opts::reference).
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_EINVAL for a NULL @p out, @p db or
 *         @p reference; #ARC_ENOMEM; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_customer_lookup_reference(arc_customer **out, arc_db *db,
                                             const char *reference);

/**
 * Free a customer handle from arc_customer_lookup() or
 * arc_customer_lookup_reference(), and the strings borrowed from it. Customers of
 * a page are freed with the page, by arc_customer_page_free().
 *
 * @param customer The handle, or NULL (ignored).
 */
ARC_EXTERN void arc_customer_free(arc_customer *customer);

/** @name Customer accessors
 * Read the fields of a customer handle. Each accepts NULL and then returns 0,
 * NULL or the value it names. Strings are borrowed from the handle and stay valid
 * until it is freed (with its page, for a customer from arc_customer_page_at());
 * optional ones are NULL when unset.
 * @{ */

/**
 * The customer's id.
 *
 * @param customer The customer, or NULL.
 * @return The id, positive; 0 for a NULL @p customer.
 */
ARC_EXTERN arc_id arc_customer_id(const arc_customer *customer);

/**
 * The host's own key for the account.
 *
 * @param customer The customer, or NULL.
 * @return The reference, borrowed from @p customer and valid until it is freed;
 *         NULL for a NULL @p customer.
 */
ARC_EXTERN const char *arc_customer_reference(const arc_customer *customer);

/**
 * The customer's legal or display name.
 *
 * @param customer The customer, or NULL.
 * @return The name, borrowed from @p customer and valid until it is freed; NULL
 *         for a NULL @p customer.
 */
ARC_EXTERN const char *arc_customer_name(const arc_customer *customer);

/**
 * Where the customer's invoices are sent.
 *
 * @param customer The customer, or NULL.
 * @return The address, borrowed from @p customer and valid until it is freed;
 *         NULL when unset or for a NULL @p customer.
 */
ARC_EXTERN const char *arc_customer_billing_email(const arc_customer *customer);

/**
 * The customer's billing phone number.
 *
 * @param customer The customer, or NULL.
 * @return The number, borrowed from @p customer and valid until it is freed; NULL
 *         when unset or for a NULL @p customer.
 */
ARC_EXTERN const char *arc_customer_phone(const arc_customer *customer);

/**
 * The ISO 4217 code of the account's currency.
 *
 * @param customer The customer, or NULL.
 * @return The code, borrowed from @p customer and valid until it is freed; NULL
 *         for a NULL @p customer.
 */
ARC_EXTERN const char *arc_customer_currency(const arc_customer *customer);

/**
 * The customer's payment terms: days from an invoice's issue date to its default
 * due date.
 *
 * @param customer The customer, or NULL.
 * @return 0 to 3650; 0 for a NULL @p customer.
 */
ARC_EXTERN int arc_customer_payment_terms_days(const arc_customer *customer);

/**
 * The customer's credit limit.
 *
 * @param customer The customer, or NULL.
 * @return The limit in minor units of the account's currency, 0 for none; 0 for
 *         a NULL @p customer.
 */
ARC_EXTERN int64_t arc_customer_credit_limit(const arc_customer *customer);

/**
 * The collector who owns the account.
 *
 * @param customer The customer, or NULL.
 * @return The owner, borrowed from @p customer and valid until it is freed; NULL
 *         when unset or for a NULL @p customer.
 */
ARC_EXTERN const char *arc_customer_owner(const arc_customer *customer);

/**
 * The account's status.
 *
 * @param customer The customer, or NULL.
 * @return The status; #ARC_CUSTOMER_ACTIVE for a NULL @p customer.
 */
ARC_EXTERN arc_customer_status arc_customer_status_of(const arc_customer *customer);

/**
 * When the customer was created, by the book's clock.
 *
 * @param customer The customer, or NULL.
 * @return The instant; 0 for a NULL @p customer.
 */
ARC_EXTERN arc_time arc_customer_created_at(const arc_customer *customer);

/** @} */

/** Version of #arc_list_opts that this header describes. */
#define ARC_LIST_OPTS_VERSION 1

/** Page size of list calls whose @ref arc_list_opts::limit is 0. */
#define ARC_LIST_DEFAULT_LIMIT 100
/** Largest @ref arc_list_opts::limit that list calls accept. */
#define ARC_LIST_MAX_LIMIT 10000

/**
 * Paging for list calls. Records come in ascending id order; to read the
 * next page, pass the last id of this page as @ref arc_list_opts::after_id.
 */
typedef struct arc_list_opts {
    unsigned int version; /**< #ARC_LIST_OPTS_VERSION. */
    arc_id after_id;      /**< Return records with a larger id; 0 from the start. */
    unsigned int limit;   /**< At most this many; 0 for #ARC_LIST_DEFAULT_LIMIT. */
    arc_id customer_id; /**< Only this customer's records, where it applies; 0 for all. */
    int status;         /**< Only records in this status; -1 for any. */
} arc_list_opts;

/** Initialiser for #arc_list_opts: the first page of everything. */
#define ARC_LIST_OPTS_INIT                                                               \
    {                                                                                    \
        ARC_LIST_OPTS_VERSION, 0, 0, 0, -1                                               \
    }

/**
 * List customers, a page at a time. @ref arc_list_opts::customer_id is
 * ignored; @ref arc_list_opts::status filters by #arc_customer_status.
 *
 * @param[out] out Receives a new page; free it with arc_customer_page_free().
 * @param db       The book.
 * @param opts     Paging and filters, or NULL for the first page of all.
 * @return #ARC_OK (an empty page is a success); #ARC_EINVAL for a NULL @p out or
 *         @p db, a limit over #ARC_LIST_MAX_LIMIT, a negative id or an unknown
 *         status; #ARC_EVERSION; #ARC_ENOMEM; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_customer_list(arc_customer_page **out, arc_db *db,
                                 const arc_list_opts *opts);

/**
 * Number of customers in a page.
 *
 * @param page The page, or NULL.
 * @return The count; 0 for a NULL @p page.
 */
ARC_EXTERN size_t arc_customer_page_count(const arc_customer_page *page);

/**
 * The i-th customer of a page.
 *
 * @param page  The page, or NULL.
 * @param index 0 to arc_customer_page_count() - 1.
 * @return The customer, borrowed from @p page and valid until the page is freed
 *         (do not pass it to arc_customer_free()); NULL when @p index is out of
 *         range or @p page is NULL.
 */
ARC_EXTERN const arc_customer *arc_customer_page_at(const arc_customer_page *page,
                                                    size_t index);

/**
 * Free a page and the customers in it.
 *
 * @param page The page, or NULL (ignored).
 */
ARC_EXTERN void arc_customer_page_free(arc_customer_page *page);

/** Version of #arc_contact_opts that this header describes. */
#define ARC_CONTACT_OPTS_VERSION 1

/** Fields of a contact. Initialise with #ARC_CONTACT_OPTS_INIT. */
typedef struct arc_contact_opts {
    unsigned int version; /**< #ARC_CONTACT_OPTS_VERSION. */
    const char *name;     /**< Required. */
    const char *role;     /**< Such as "accounts payable" or "CFO"; optional. */
    const char *email;    /**< Optional. */
    const char *phone;    /**< Optional. */
} arc_contact_opts;

/** Initialiser for #arc_contact_opts with every member unset. */
#define ARC_CONTACT_OPTS_INIT                                                            \
    {                                                                                    \
        ARC_CONTACT_OPTS_VERSION, NULL, NULL, NULL, NULL                                 \
    }

/**
 * Add a contact to a customer.
 *
 * @param[out] out    Receives the contact's id; may be NULL.
 * @param db          The book.
 * @param customer_id The customer.
 * @param opts        The contact's fields; strings are copied.
 * @return #ARC_OK; #ARC_ENOTFOUND for an unknown customer; #ARC_EINVAL
 *         naming the field, or for a NULL @p db or @p opts; #ARC_EVERSION;
 *         #ARC_EBUSY; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_contact_add(arc_id *out, arc_db *db, arc_id customer_id,
                               const arc_contact_opts *opts);

/**
 * Remove a contact.
 *
 * @param db         The book.
 * @param contact_id The contact.
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_EINVAL for a NULL @p db; #ARC_EBUSY;
 *         #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_contact_remove(arc_db *db, arc_id contact_id);

/**
 * List every contact of a customer, oldest first.
 *
 * @param[out] out    Receives a new page; free it with arc_contact_page_free().
 * @param db          The book.
 * @param customer_id The customer.
 * @return #ARC_OK (a customer without contacts gives an empty page);
 *         #ARC_ENOTFOUND for an unknown customer; #ARC_EINVAL for a NULL @p out
 *         or @p db; #ARC_ENOMEM; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_contact_list(arc_contact_page **out, arc_db *db, arc_id customer_id);

/**
 * Number of contacts in a page.
 *
 * @param page The page, or NULL.
 * @return The count; 0 for a NULL @p page.
 */
ARC_EXTERN size_t arc_contact_page_count(const arc_contact_page *page);

/**
 * The i-th contact of a page.
 *
 * @param page  The page, or NULL.
 * @param index 0 to arc_contact_page_count() - 1.
 * @return The contact, borrowed from @p page and valid until the page is freed;
 *         NULL when @p index is out of range or @p page is NULL.
 */
ARC_EXTERN const arc_contact *arc_contact_page_at(const arc_contact_page *page,
                                                  size_t index);

/**
 * Free a page of contacts, and the contacts in it.
 *
 * @param page The page, or NULL (ignored).
 */
ARC_EXTERN void arc_contact_page_free(arc_contact_page *page);

/** @name Contact accessors
 * Read the fields of a contact. Each accepts NULL and then returns 0 or NULL.
 * Strings are borrowed from the page the contact came from and stay valid until
 * that page is freed; optional ones are NULL when unset.
 * @{ */

/**
 * The contact's id.
 *
 * @param contact The contact, or NULL.
 * @return The id, positive; 0 for a NULL @p contact.
 */
ARC_EXTERN arc_id arc_contact_id(const arc_contact *contact);

/**
 * The customer the contact belongs to.
 *
 * @param contact The contact, or NULL.
 * @return The customer's id; 0 for a NULL @p contact.
 */
ARC_EXTERN arc_id arc_contact_customer_id(const arc_contact *contact);

/**
 * The contact's name.
 *
 * @param contact The contact, or NULL.
 * @return The name, borrowed from the contact's page and valid until it is freed;
 *         NULL for a NULL @p contact.
 */
ARC_EXTERN const char *arc_contact_name(const arc_contact *contact);

/**
 * The contact's role, such as "accounts payable".
 *
 * @param contact The contact, or NULL.
 * @return The role, borrowed from the contact's page and valid until it is freed;
 *         NULL when unset or for a NULL @p contact.
 */
ARC_EXTERN const char *arc_contact_role(const arc_contact *contact);

/**
 * The contact's email address.
 *
 * @param contact The contact, or NULL.
 * @return The address, borrowed from the contact's page and valid until it is
 *         freed; NULL when unset or for a NULL @p contact.
 */
ARC_EXTERN const char *arc_contact_email(const arc_contact *contact);

/**
 * The contact's phone number.
 *
 * @param contact The contact, or NULL.
 * @return The number, borrowed from the contact's page and valid until it is
 *         freed; NULL when unset or for a NULL @p contact.
 */
ARC_EXTERN const char *arc_contact_phone(const arc_contact *contact);

/** @} */

/**
 * A customer's open balance in one currency: the sum of the unpaid balances
 * of its issued invoices. Unapplied payments and credit memos are not
 * subtracted; see arc_customer_unapplied_credit().
 *
 * @param[out] out    Receives the balance in minor units of the currency.
 * @param db          The book.
 * @param customer_id The customer.
 * @param currency    An ISO 4217 code, or NULL for the customer's currency.
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_EINVAL for an unknown currency or a
 *         NULL @p out or @p db; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_customer_balance(int64_t *out, arc_db *db, arc_id customer_id,
                                    const char *currency);

/**
 * A customer's credit not yet applied to invoices, in one currency: the
 * unapplied remainders of its payments and credit memos.
 *
 * @param[out] out    Receives the credit in minor units of the currency.
 * @param db          The book.
 * @param customer_id The customer.
 * @param currency    An ISO 4217 code, or NULL for the customer's currency.
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_EINVAL for an unknown currency or a
 *         NULL @p out or @p db; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_customer_unapplied_credit(int64_t *out, arc_db *db, arc_id customer_id,
                                             const char *currency);

#ifdef __cplusplus
}
#endif

#endif
