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
 * @return A static string, or NULL for a value that is not a status.
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
 * Reset customer options to their defaults.
 *
 * @return #ARC_OK, or #ARC_EVERSION for an unknown @p version.
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
    ARC_CUSTOMER_FIELD_REFERENCE = 1u << 0,
    ARC_CUSTOMER_FIELD_NAME = 1u << 1,
    ARC_CUSTOMER_FIELD_BILLING_EMAIL = 1u << 2,
    ARC_CUSTOMER_FIELD_PHONE = 1u << 3,
    ARC_CUSTOMER_FIELD_PAYMENT_TERMS = 1u << 4,
    ARC_CUSTOMER_FIELD_CREDIT_LIMIT = 1u << 5,
    ARC_CUSTOMER_FIELD_OWNER = 1u << 6,
    ARC_CUSTOMER_FIELD_STATUS = 1u << 7
};

/**
 * Change some fields of a customer. The currency cannot change once set.
 *
 * @param db     The book.
 * @param id     The customer.
 * @param opts   New values; only the members selected by @p fields are read.
 * @param fields Bitwise or of #arc_customer_field; 0 changes nothing.
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_EINVAL naming the field;
 *         #ARC_EEXISTS when the new reference is taken; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_customer_update(arc_db *db, arc_id id, const arc_customer_opts *opts,
                                   unsigned int fields);

/**
 * Read a customer by id.
 *
 * @param[out] out Receives a new handle; free it with arc_customer_free().
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_ENOMEM; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_customer_lookup(arc_customer **out, arc_db *db, arc_id id);

/**
 * Read a customer by the host's reference.
 *
 * @param[out] out Receives a new handle; free it with arc_customer_free().
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_EINVAL for a NULL reference;
 *         #ARC_ENOMEM; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_customer_lookup_reference(arc_customer **out, arc_db *db,
                                             const char *reference);

/** Free a customer handle. NULL is ignored. */
ARC_EXTERN void arc_customer_free(arc_customer *customer);

/** @name Customer accessors
 * Strings are borrowed from the handle; optional ones are NULL when unset.
 * @{ */
ARC_EXTERN arc_id arc_customer_id(const arc_customer *customer);
ARC_EXTERN const char *arc_customer_reference(const arc_customer *customer);
ARC_EXTERN const char *arc_customer_name(const arc_customer *customer);
ARC_EXTERN const char *arc_customer_billing_email(const arc_customer *customer);
ARC_EXTERN const char *arc_customer_phone(const arc_customer *customer);
ARC_EXTERN const char *arc_customer_currency(const arc_customer *customer);
ARC_EXTERN int arc_customer_payment_terms_days(const arc_customer *customer);
ARC_EXTERN int64_t arc_customer_credit_limit(const arc_customer *customer);
ARC_EXTERN const char *arc_customer_owner(const arc_customer *customer);
ARC_EXTERN arc_customer_status arc_customer_status_of(const arc_customer *customer);
ARC_EXTERN arc_time arc_customer_created_at(const arc_customer *customer);
/** @} */

/** Version of #arc_list_opts that this header describes. */
#define ARC_LIST_OPTS_VERSION 1

/** Default and maximum page size of list calls. */
#define ARC_LIST_DEFAULT_LIMIT 100
#define ARC_LIST_MAX_LIMIT     10000

/**
 * Paging for list calls. Records come in ascending id order; to read the
 * next page, pass the last id of this page as @ref after_id.
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
 * @param opts     Paging and filters, or NULL for the first page of all.
 * @return #ARC_OK (an empty page is a success); #ARC_EINVAL for a limit over
 *         #ARC_LIST_MAX_LIMIT; #ARC_ENOMEM; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_customer_list(arc_customer_page **out, arc_db *db,
                                 const arc_list_opts *opts);

/** Number of customers in a page. */
ARC_EXTERN size_t arc_customer_page_count(const arc_customer_page *page);

/** The i-th customer of a page, borrowed from the page; NULL when out of range. */
ARC_EXTERN const arc_customer *arc_customer_page_at(const arc_customer_page *page,
                                                    size_t index);

/** Free a page and the customers in it. NULL is ignored. */
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

/** Initialiser for #arc_contact_opts. */
#define ARC_CONTACT_OPTS_INIT                                                            \
    {                                                                                    \
        ARC_CONTACT_OPTS_VERSION, NULL, NULL, NULL, NULL                                 \
    }

/**
 * Add a contact to a customer.
 *
 * @param[out] out Receives the contact's id; may be NULL.
 * @return #ARC_OK; #ARC_ENOTFOUND for an unknown customer; #ARC_EINVAL
 *         naming the field; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_contact_add(arc_id *out, arc_db *db, arc_id customer_id,
                               const arc_contact_opts *opts);

/**
 * Remove a contact.
 *
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_contact_remove(arc_db *db, arc_id contact_id);

/**
 * List every contact of a customer, oldest first.
 *
 * @param[out] out Receives a new page; free it with arc_contact_page_free().
 * @return #ARC_OK; #ARC_ENOTFOUND for an unknown customer; #ARC_ENOMEM;
 *         #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_contact_list(arc_contact_page **out, arc_db *db, arc_id customer_id);

/** Number of contacts in a page. */
ARC_EXTERN size_t arc_contact_page_count(const arc_contact_page *page);

/** The i-th contact of a page, borrowed from the page; NULL when out of range. */
ARC_EXTERN const arc_contact *arc_contact_page_at(const arc_contact_page *page,
                                                  size_t index);

/** Free a page of contacts. NULL is ignored. */
ARC_EXTERN void arc_contact_page_free(arc_contact_page *page);

/** @name Contact accessors
 * Strings are borrowed from the page; optional ones are NULL when unset.
 * @{ */
ARC_EXTERN arc_id arc_contact_id(const arc_contact *contact);
ARC_EXTERN arc_id arc_contact_customer_id(const arc_contact *contact);
ARC_EXTERN const char *arc_contact_name(const arc_contact *contact);
ARC_EXTERN const char *arc_contact_role(const arc_contact *contact);
ARC_EXTERN const char *arc_contact_email(const arc_contact *contact);
ARC_EXTERN const char *arc_contact_phone(const arc_contact *contact);
/** @} */

/**
 * A customer's open balance in one currency: the sum of the unpaid balances
 * of its issued invoices. Unapplied payments and credit memos are not
 * subtracted; see arc_customer_unapplied_credit().
 *
 * @param[out] out Receives the balance in minor units.
 * @param currency An ISO 4217 code, or NULL for the customer's currency.
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_EINVAL for an unknown currency;
 *         #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_customer_balance(int64_t *out, arc_db *db, arc_id customer_id,
                                    const char *currency);

/**
 * A customer's credit not yet applied to invoices, in one currency: the
 * unapplied remainders of its payments and credit memos.
 *
 * @param[out] out Receives the credit in minor units.
 * @param currency An ISO 4217 code, or NULL for the customer's currency.
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_EINVAL; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_customer_unapplied_credit(int64_t *out, arc_db *db, arc_id customer_id,
                                             const char *currency);

#ifdef __cplusplus
}
#endif

#endif
