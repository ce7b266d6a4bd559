/**
 * @file arcollect/timeline.h
 * @brief Timelines: a customer's communications merged with what happened on
 *        the account, newest first.
 *
 * A timeline is what a collector reads before contacting a customer: every
 * email, chat, call, note, letter, SMS and portal message, merged with the
 * events of the journal (arcollect/event.h) that matter to the account. It can
 * cover one customer, one invoice or one dispute:
 *
 * - a customer's timeline has all its communications and the journal events
 *   #ARC_EVENT_INVOICE_ISSUED, #ARC_EVENT_INVOICE_VOIDED,
 *   #ARC_EVENT_INVOICE_WRITTEN_OFF, #ARC_EVENT_INVOICE_OVERDUE,
 *   #ARC_EVENT_PAYMENT_RECEIVED, #ARC_EVENT_PAYMENT_REVERSED,
 *   #ARC_EVENT_CREDIT_MEMO_CREATED, #ARC_EVENT_CREDIT_MEMO_VOIDED,
 *   #ARC_EVENT_DISPUTE_OPENED, #ARC_EVENT_DISPUTE_ESCALATED,
 *   #ARC_EVENT_DISPUTE_RESOLVED, #ARC_EVENT_DISPUTE_REOPENED,
 *   #ARC_EVENT_DISPUTE_OVERDUE and #ARC_EVENT_DISPUTE_ALERT;
 * - an invoice's has the communications linked to it and every event that
 *   names it (payments and credits applied, disputes on it...);
 * - a dispute's has the communications linked to it and every event that
 *   names it.
 *
 * #ARC_EVENT_COMMUNICATION_RECORDED never appears: the communication itself
 * does. Items run newest first: by time descending; at the same instant
 * events come before communications, and within each, higher ids first.
 */
#ifndef ARCOLLECT_TIMELINE_H
#define ARCOLLECT_TIMELINE_H

#include "communication.h"
#include "event.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A page of a timeline from arc_timeline(). Opaque. */
typedef struct arc_timeline_page arc_timeline_page;

/** One item of a timeline. Opaque; owned by its page. */
typedef struct arc_timeline_item arc_timeline_item;

/** What a timeline item is. */
typedef enum arc_timeline_source {
    /** A communication; see arc_timeline_item_communication(). */
    ARC_TIMELINE_COMMUNICATION = 0,
    /** A journal event; see arc_timeline_item_event(). */
    ARC_TIMELINE_EVENT = 1
} arc_timeline_source;

/** Most items one arc_timeline() call returns. */
#define ARC_TIMELINE_MAX_LIMIT 1000

/** Version of #arc_timeline_opts that this header describes. */
#define ARC_TIMELINE_OPTS_VERSION 1

/**
 * Whose timeline, and where a page starts. Initialise with
 * #ARC_TIMELINE_OPTS_INIT and set exactly one of the three ids.
 *
 * To read the next page, pass the cursor of the last item of this page:
 * arc_timeline_page_next() fills it in. Items recorded meanwhile neither
 * repeat nor shift the pages.
 */
typedef struct arc_timeline_opts {
    unsigned int version; /**< #ARC_TIMELINE_OPTS_VERSION. */
    arc_id customer_id;   /**< A customer's timeline; or 0. */
    arc_id invoice_id;    /**< An invoice's timeline; or 0. */
    arc_id dispute_id;    /**< A dispute's timeline; or 0. */
    /** At most this many items; 0 for 50; at most #ARC_TIMELINE_MAX_LIMIT. */
    unsigned int limit;
    /** With @ref before_source and @ref before_id, the last item already read,
     *  which the page starts after; all three 0 from the newest. Read only
     *  when @ref before_id is not 0. */
    arc_time before_occurred_at;
    arc_timeline_source before_source; /**< The source of that item. */
    arc_id before_id; /**< Its communication or event id; 0 from the newest. */
} arc_timeline_opts;

/** Initialiser for #arc_timeline_opts: the newest page, ids still to set. */
#define ARC_TIMELINE_OPTS_INIT                                                           \
    {                                                                                    \
        ARC_TIMELINE_OPTS_VERSION, 0, 0, 0, 0, 0, ARC_TIMELINE_COMMUNICATION, 0          \
    }

/**
 * Read a page of a timeline, newest first.
 *
 * @param[out] out Receives a new page; free it with arc_timeline_page_free().
 * @param db       The book.
 * @param opts     Whose timeline and where to start.
 * @return #ARC_OK (an empty page is a success); #ARC_ENOTFOUND for an unknown
 *         customer, invoice or dispute, the message naming it ("timeline:
 *         customer 42: not found"); #ARC_EINVAL naming the field for NULL
 *         arguments, none or more than one of the three ids, a negative id,
 *         an unknown @ref arc_timeline_opts::before_source, a cursor whose
 *         @ref arc_timeline_opts::before_occurred_at is outside years 1 to
 *         9999, or a limit over #ARC_TIMELINE_MAX_LIMIT; #ARC_EVERSION for
 *         an unknown @ref arc_timeline_opts::version; #ARC_ENOMEM;
 *         #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_timeline(arc_timeline_page **out, arc_db *db,
                            const arc_timeline_opts *opts);

/**
 * The number of items in a page.
 *
 * @param page The page; NULL counts as empty.
 * @return The count.
 */
ARC_EXTERN size_t arc_timeline_page_count(const arc_timeline_page *page);

/**
 * The i-th item of a page.
 *
 * @param page  The page.
 * @param index 0 to arc_timeline_page_count() - 1.
 * @return The item, borrowed from the page and valid until it is freed; NULL
 *         when out of range.
 */
ARC_EXTERN const arc_timeline_item *arc_timeline_page_at(const arc_timeline_page *page,
                                                         size_t index);

/**
 * Set the cursor of @p opts to the last item of @p page, so that the next
 * arc_timeline() call with @p opts reads the page after it.
 *
 * @param page The page just read.
 * @param opts The options it was read with; the three cursor members change.
 * @return 1 when the cursor moved, 0 when @p page is empty or NULL (there is
 *         nothing after it) or @p opts is NULL.
 */
ARC_EXTERN int arc_timeline_page_next(const arc_timeline_page *page,
                                      arc_timeline_opts *opts);

/**
 * Free a page of a timeline, with its items.
 *
 * @param page The page; NULL is ignored.
 */
ARC_EXTERN void arc_timeline_page_free(arc_timeline_page *page);

/**
 * Whether an item is a communication or an event.
 *
 * @param item The item, or NULL.
 * @return The source; #ARC_TIMELINE_COMMUNICATION for a NULL @p item.
 */
ARC_EXTERN arc_timeline_source arc_timeline_item_source(const arc_timeline_item *item);

/**
 * When the item happened: the communication's time or the event's.
 *
 * @param item The item, or NULL.
 * @return Seconds since the Unix epoch, UTC; 0 for a NULL @p item.
 */
ARC_EXTERN arc_time arc_timeline_item_occurred_at(const arc_timeline_item *item);

/**
 * The item's communication, to read with the accessors of
 * arcollect/communication.h.
 *
 * @param item The item, or NULL.
 * @return The communication, borrowed from the page and valid until it is
 *         freed; NULL for an event and for a NULL @p item.
 */
ARC_EXTERN const arc_communication *
arc_timeline_item_communication(const arc_timeline_item *item);

/**
 * The item's event, to read with the accessors of arcollect/event.h.
 *
 * @param item The item, or NULL.
 * @return The event, borrowed from the page and valid until it is freed; NULL
 *         for a communication and for a NULL @p item.
 */
ARC_EXTERN const arc_event *arc_timeline_item_event(const arc_timeline_item *item);

#ifdef __cplusplus
}
#endif

#endif
