/**
 * @file arcollect/communication.h
 * @brief Communications: every email, chat, call and note exchanged with a
 * customer, so that whoever contacts the customer next sees the history.
 *
 * A communication belongs to one customer and may be linked to several of
 * that customer's invoices and to one of its disputes. What it keeps depends
 * on its channel:
 *
 * | channel | keeps |
 * |---|---|
 * | email | subject, body, From, To, Cc, Message-ID, In-Reply-To |
 * | chat | a transcript of messages (author, time, text); optional subject and body |
 * | call | phone number, duration in seconds, outcome; optional notes in the body |
 * | note, letter, SMS, portal message | a body and an optional subject |
 *
 * Fields that a channel does not keep must be left NULL (or 0); giving them
 * is refused with #ARC_EINVAL, so that nothing is silently dropped.
 *
 * ## Email threads
 *
 * Each email gets a thread id: the Message-ID of the first email of its
 * thread. An email whose In-Reply-To names an email of the same customer
 * already in the book joins that email's thread; one whose In-Reply-To names
 * an email not recorded yet waits in a thread named by that Message-ID, and
 * joins the thread of that email once it is recorded, so that emails may be
 * recorded in any order. Any other email starts a thread of its own.
 * arc_communication_thread() lists a whole thread, oldest first.
 *
 * ## Search
 *
 * arc_communication_search() runs a full-text query over subjects, bodies
 * (for chats, the transcript too) and participants (user, From, To, Cc, phone
 * number, chat authors). Queries use the SQLite FTS5 syntax: words, "quoted
 * phrases", prefix* searches, AND, OR, NOT and parentheses.
 */
#ifndef ARCOLLECT_COMMUNICATION_H
#define ARCOLLECT_COMMUNICATION_H

#include "customer.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A communication read from a book. Opaque; free with arc_communication_free(). */
typedef struct arc_communication arc_communication;

/** A page of communications. Opaque; free with arc_communication_page_free(). */
typedef struct arc_communication_page arc_communication_page;

/** One result of arc_communication_search(). Opaque; borrowed from its page. */
typedef struct arc_communication_hit arc_communication_hit;

/** The results of arc_communication_search(). Opaque. */
typedef struct arc_communication_hit_page arc_communication_hit_page;

/** How a communication was exchanged. */
typedef enum arc_communication_channel {
    ARC_CHANNEL_EMAIL = 0,  /**< An email. */
    ARC_CHANNEL_CHAT = 1,   /**< A chat, with its transcript. */
    ARC_CHANNEL_CALL = 2,   /**< A phone call. */
    ARC_CHANNEL_NOTE = 3,   /**< A note written by someone on our side. */
    ARC_CHANNEL_LETTER = 4, /**< A paper letter. */
    ARC_CHANNEL_SMS = 5,    /**< A text message. */
    ARC_CHANNEL_PORTAL = 6  /**< A message in the customer portal. */
} arc_communication_channel;

/** Which way a communication went. */
typedef enum arc_communication_direction {
    ARC_DIRECTION_INBOUND = 0,  /**< From the customer to us. */
    ARC_DIRECTION_OUTBOUND = 1, /**< From us to the customer. */
    ARC_DIRECTION_INTERNAL = 2  /**< Among ourselves (a note, an internal email). */
} arc_communication_direction;

/** How a call ended. */
typedef enum arc_call_outcome {
    ARC_CALL_NO_OUTCOME = 0,     /**< Not a call. */
    ARC_CALL_REACHED = 1,        /**< The customer answered. */
    ARC_CALL_VOICEMAIL = 2,      /**< A voicemail was left. */
    ARC_CALL_NO_ANSWER = 3,      /**< Nobody answered. */
    ARC_CALL_PROMISE_TO_PAY = 4, /**< The customer promised to pay. */
    ARC_CALL_REFUSED = 5         /**< The customer refused to pay. */
} arc_call_outcome;

/**
 * The lower-case name of a channel ("email", "chat", "call", "note",
 * "letter", "sms", "portal").
 *
 * @param channel A value of #arc_communication_channel.
 * @return A static string, or NULL for a value that is not a channel.
 */
ARC_EXTERN const char *arc_communication_channel_name(arc_communication_channel channel);

/**
 * The lower-case name of a direction ("inbound", "outbound", "internal").
 *
 * @param direction A value of #arc_communication_direction.
 * @return A static string, or NULL for a value that is not a direction.
 */
ARC_EXTERN const char *
arc_communication_direction_name(arc_communication_direction direction);

/**
 * The lower-case name of a call outcome ("none", "reached", "voicemail",
 * "no_answer", "promise_to_pay", "refused").
 *
 * @param outcome A value of #arc_call_outcome.
 * @return A static string, or NULL for a value that is not an outcome.
 */
ARC_EXTERN const char *arc_call_outcome_name(arc_call_outcome outcome);

/** Largest body, and largest chat transcript, in bytes: 10 MiB. */
#define ARC_COMMUNICATION_BODY_MAX (10 * 1024 * 1024)

/** Most invoices one communication can be linked to. */
#define ARC_COMMUNICATION_MAX_INVOICES 1000

/** Most messages one chat transcript can hold. */
#define ARC_COMMUNICATION_MAX_MESSAGES 10000

/** Version of #arc_communication_opts that this header describes. */
#define ARC_COMMUNICATION_OPTS_VERSION 1

/**
 * A communication to record. Initialise with #ARC_COMMUNICATION_OPTS_INIT.
 *
 * Strings are UTF-8 and copied; NULL or "" leaves a field empty. Limits are
 * in bytes.
 */
typedef struct arc_communication_opts {
    unsigned int version;                  /**< #ARC_COMMUNICATION_OPTS_VERSION. */
    arc_id customer_id;                    /**< The customer; required. */
    arc_communication_channel channel;     /**< The channel. */
    arc_communication_direction direction; /**< The direction. */
    arc_time occurred_at; /**< When it happened; 0 for now by the book's clock. */
    const char *user;     /**< Who on our side took part (a user name); up to 128. */
    const char *subject;  /**< A subject; up to 4,096. */
    /** The text: up to #ARC_COMMUNICATION_BODY_MAX; required for notes, letters,
     * SMS and portal messages, optional elsewhere (a call's notes). */
    const char *body;
    const char *email_from;   /**< Email only: the From header; up to 65,536. */
    const char *email_to;     /**< Email only: the To header; up to 65,536. */
    const char *email_cc;     /**< Email only: the Cc header; up to 65,536. */
    const char *message_id;   /**< Email only: its Message-ID; up to 998. */
    const char *in_reply_to;  /**< Email only: the Message-ID it answers; up to 998. */
    const char *phone_number; /**< Call only: the number called or calling; up to 64. */
    int64_t call_duration;    /**< Call only: seconds; not negative. */
    arc_call_outcome call_outcome; /**< Call only, and required for a call. */
    const arc_id *invoice_ids;     /**< Invoices of the customer it is about; or NULL. */
    size_t invoice_count;          /**< Entries in @ref invoice_ids, up to
                                      #ARC_COMMUNICATION_MAX_INVOICES. */
    arc_id dispute_id;             /**< A dispute of the customer it is about; or 0. */
    /** Chat only: the author of each message (up to 256 bytes each), or NULL. */
    const char *const *chat_authors;
    /** Chat only: when each message was sent, or NULL; a NULL array or a 0
     * entry stands for @ref occurred_at. */
    const arc_time *chat_times;
    /** Chat only: the text of each message, or NULL. The texts together hold
     * up to #ARC_COMMUNICATION_BODY_MAX bytes. */
    const char *const *chat_texts;
    /** Messages in @ref chat_authors, @ref chat_times and @ref chat_texts, in
     * the order they were sent; up to #ARC_COMMUNICATION_MAX_MESSAGES. */
    size_t chat_message_count;
} arc_communication_opts;

/** Initialiser for #arc_communication_opts: an inbound email, no fields. */
#define ARC_COMMUNICATION_OPTS_INIT                                                      \
    {                                                                                    \
        ARC_COMMUNICATION_OPTS_VERSION, 0, ARC_CHANNEL_EMAIL, ARC_DIRECTION_INBOUND, 0,  \
            NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0,                     \
            ARC_CALL_NO_OUTCOME, NULL, 0, 0, NULL, NULL, NULL, 0                         \
    }

/**
 * Record a communication, with its links, its transcript and its entry in
 * the search index, in one transaction. A failed call writes nothing.
 *
 * @param[out] out Receives the communication's id; may be NULL.
 * @param db       The book.
 * @param opts     The communication.
 * @return #ARC_OK;
 *         #ARC_EINVAL naming the field: an unknown channel, direction or call
 *         outcome, a call without an outcome, a negative call duration,
 *         invalid UTF-8, a text over its limit (a body over
 *         #ARC_COMMUNICATION_BODY_MAX), a missing body, a field the channel
 *         does not keep, an invoice named twice, or an invoice or dispute that
 *         belongs to another customer;
 *         #ARC_ENOTFOUND for an unknown customer, invoice or dispute;
 *         #ARC_EEXISTS for an email whose Message-ID the book already holds;
 *         #ARC_EVERSION for an unknown @ref arc_communication_opts::version;
 *         #ARC_EBUSY; #ARC_ENOMEM; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_communication_record(arc_id *out, arc_db *db,
                                        const arc_communication_opts *opts);

/**
 * Read a communication by id, with its invoice links and its transcript.
 *
 * @param[out] out Receives a new handle; free it with arc_communication_free().
 * @param db       The book.
 * @param id       The communication.
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_EINVAL for NULL arguments;
 *         #ARC_ENOMEM; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_communication_lookup(arc_communication **out, arc_db *db, arc_id id);

/**
 * Free a communication handle.
 *
 * @param communication The handle; NULL is ignored.
 */
ARC_EXTERN void arc_communication_free(arc_communication *communication);

/** Version of #arc_communication_list_opts that this header describes. */
#define ARC_COMMUNICATION_LIST_OPTS_VERSION 1

/**
 * Which communications to list, and where a page starts. Initialise with
 * #ARC_COMMUNICATION_LIST_OPTS_INIT.
 *
 * Lists run newest first: by @ref arc_communication_occurred_at descending,
 * then by id descending. To read the next page, set
 * @ref arc_communication_list_opts::before_occurred_at and
 * @ref arc_communication_list_opts::before_id to those of the last communication
 * of this page; records recorded meanwhile neither repeat nor shift the pages.
 */
typedef struct arc_communication_list_opts {
    unsigned int version; /**< #ARC_COMMUNICATION_LIST_OPTS_VERSION. */
    arc_id customer_id;   /**< Only this customer's; or 0. */
    arc_id invoice_id;    /**< Only those linked to this invoice; or 0. */
    arc_id dispute_id;    /**< Only those linked to this dispute; or 0. */
    int channel;          /**< Only this #arc_communication_channel; or -1 for any. */
    arc_time before_occurred_at; /**< With @ref arc_communication_list_opts::before_id,
                                    the end of the last page. */
    arc_id before_id;   /**< Return records before this one; 0 from the newest. */
    unsigned int limit; /**< At most this many; 0 for #ARC_LIST_DEFAULT_LIMIT. */
} arc_communication_list_opts;

/** Initialiser for #arc_communication_list_opts: the newest page of the book. */
#define ARC_COMMUNICATION_LIST_OPTS_INIT                                                 \
    {                                                                                    \
        ARC_COMMUNICATION_LIST_OPTS_VERSION, 0, 0, 0, -1, 0, 0, 0                        \
    }

/**
 * List communications newest first, a page at a time: the whole book's, one
 * customer's, or those linked to one invoice or one dispute. At most one of
 * @ref arc_communication_list_opts::customer_id, @ref
 * arc_communication_list_opts::invoice_id and @ref
 * arc_communication_list_opts::dispute_id may be given. Each communication
 * comes with its links and transcript, as from arc_communication_lookup().
 *
 * @param[out] out Receives a new page; free it with arc_communication_page_free().
 * @param db       The book.
 * @param opts     Filters and paging, or NULL for the newest page of the book.
 * @return #ARC_OK (an empty page is a success); #ARC_ENOTFOUND for an unknown
 *         customer, invoice or dispute; #ARC_EINVAL for NULL @p out or @p db,
 *         more than one of the three filters, a negative id, an unknown
 *         channel or a limit over #ARC_LIST_MAX_LIMIT; #ARC_EVERSION;
 *         #ARC_ENOMEM; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_communication_list(arc_communication_page **out, arc_db *db,
                                      const arc_communication_list_opts *opts);

/**
 * The whole thread of an email: every email of the same customer that shares
 * its thread id, oldest first (by time, then id). An email without a
 * Message-ID or In-Reply-To is a thread of its own.
 *
 * @param[out] out Receives a new page; free it with arc_communication_page_free().
 * @param db       The book.
 * @param email_id Any email of the thread.
 * @return #ARC_OK; #ARC_ENOTFOUND for an unknown communication; #ARC_EINVAL
 *         for NULL arguments or a communication that is not an email;
 *         #ARC_ENOMEM; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_communication_thread(arc_communication_page **out, arc_db *db,
                                        arc_id email_id);

/**
 * The number of communications in a page.
 *
 * @param page The page; NULL counts as empty.
 * @return The count.
 */
ARC_EXTERN size_t arc_communication_page_count(const arc_communication_page *page);

/**
 * The i-th communication of a page.
 *
 * @param page  The page.
 * @param index 0 to arc_communication_page_count() - 1.
 * @return The communication, borrowed from the page and valid until it is
 *         freed (do not pass it to arc_communication_free()); NULL when out of
 *         range.
 */
ARC_EXTERN const arc_communication *
arc_communication_page_at(const arc_communication_page *page, size_t index);

/**
 * Free a page of communications.
 *
 * @param page The page; NULL is ignored.
 */
ARC_EXTERN void arc_communication_page_free(arc_communication_page *page);

/** @name Communication accessors
 * Read the fields of a communication handle. Times are in seconds since the Unix
 * epoch, UTC. Each accepts NULL and then returns 0, NULL or the value it names.
 * Strings are borrowed from the handle and stay valid until it is freed (with its
 * page, for a communication from arc_communication_page_at()); a field that was
 * not given, or that the channel does not keep, reads as NULL.
 * @{ */

/**
 * The communication's id.
 *
 * @param communication The communication, or NULL.
 * @return The id, positive; 0 for a NULL @p communication.
 */
ARC_EXTERN arc_id arc_communication_id(const arc_communication *communication);

/**
 * The customer the communication was exchanged with.
 *
 * @param communication The communication, or NULL.
 * @return The customer's id; 0 for a NULL @p communication.
 */
ARC_EXTERN arc_id arc_communication_customer_id(const arc_communication *communication);

/**
 * How the communication was exchanged.
 *
 * @param communication The communication, or NULL.
 * @return The channel; #ARC_CHANNEL_EMAIL for a NULL @p communication.
 */
ARC_EXTERN arc_communication_channel
arc_communication_channel_of(const arc_communication *communication);

/**
 * Which way the communication went.
 *
 * @param communication The communication, or NULL.
 * @return The direction; #ARC_DIRECTION_INBOUND for a NULL @p communication.
 */
ARC_EXTERN arc_communication_direction
arc_communication_direction_of(const arc_communication *communication);

/**
 * When the communication happened: the time given when it was recorded, else
 * the time it was recorded.
 *
 * @param communication The communication, or NULL.
 * @return The time in seconds since the epoch; 0 for a NULL @p communication.
 */
ARC_EXTERN arc_time arc_communication_occurred_at(const arc_communication *communication);

/**
 * When the communication was recorded, by the book's clock.
 *
 * @param communication The communication, or NULL.
 * @return The time in seconds since the epoch; 0 for a NULL @p communication.
 */
ARC_EXTERN arc_time arc_communication_created_at(const arc_communication *communication);

/**
 * Who on our side took part.
 *
 * @param communication The communication, or NULL.
 * @return The user name, borrowed from @p communication and valid until it is
 *         freed; NULL when not given or for a NULL @p communication.
 */
ARC_EXTERN const char *arc_communication_user(const arc_communication *communication);

/**
 * The subject.
 *
 * @param communication The communication, or NULL.
 * @return The subject, borrowed from @p communication and valid until it is
 *         freed; NULL when not given or for a NULL @p communication.
 */
ARC_EXTERN const char *arc_communication_subject(const arc_communication *communication);

/**
 * The text: an email's or a note's body, a call's notes. A chat's transcript is
 * read with arc_communication_chat_text_at() instead.
 *
 * @param communication The communication, or NULL.
 * @return The body, borrowed from @p communication and valid until it is freed;
 *         NULL when not given or for a NULL @p communication.
 */
ARC_EXTERN const char *arc_communication_body(const arc_communication *communication);

/**
 * An email's From header.
 *
 * @param communication The communication, or NULL.
 * @return The header, borrowed from @p communication and valid until it is freed;
 *         NULL when not given, for another channel, or for a NULL
 *         @p communication.
 */
ARC_EXTERN const char *
arc_communication_email_from(const arc_communication *communication);

/**
 * An email's To header.
 *
 * @param communication The communication, or NULL.
 * @return The header, borrowed from @p communication and valid until it is freed;
 *         NULL when not given, for another channel, or for a NULL
 *         @p communication.
 */
ARC_EXTERN const char *arc_communication_email_to(const arc_communication *communication);

/**
 * An email's Cc header.
 *
 * @param communication The communication, or NULL.
 * @return The header, borrowed from @p communication and valid until it is freed;
 *         NULL when not given, for another channel, or for a NULL
 *         @p communication.
 */
ARC_EXTERN const char *arc_communication_email_cc(const arc_communication *communication);

/**
 * An email's Message-ID, unique in the book.
 *
 * @param communication The communication, or NULL.
 * @return The Message-ID, borrowed from @p communication and valid until it is
 *         freed; NULL when not given, for another channel, or for a NULL
 *         @p communication.
 */
ARC_EXTERN const char *
arc_communication_message_id(const arc_communication *communication);

/**
 * The Message-ID that an email answers.
 *
 * @param communication The communication, or NULL.
 * @return The Message-ID, borrowed from @p communication and valid until it is
 *         freed; NULL when not given, for another channel, or for a NULL
 *         @p communication.
 */
ARC_EXTERN const char *
arc_communication_in_reply_to(const arc_communication *communication);

/**
 * An email's thread id: the Message-ID of the first email of its thread; see
 * arc_communication_thread().
 *
 * @param communication The communication, or NULL.
 * @return The thread id, borrowed from @p communication and valid until it is
 *         freed; NULL for an email with neither a Message-ID nor an
 *         In-Reply-To, for another channel, or for a NULL @p communication.
 */
ARC_EXTERN const char *
arc_communication_thread_id(const arc_communication *communication);

/**
 * The phone number a call was made to or from.
 *
 * @param communication The communication, or NULL.
 * @return The number, borrowed from @p communication and valid until it is freed;
 *         NULL when not given, for another channel, or for a NULL
 *         @p communication.
 */
ARC_EXTERN const char *
arc_communication_phone_number(const arc_communication *communication);

/**
 * How long a call lasted.
 *
 * @param communication The communication, or NULL.
 * @return The duration in seconds, not negative; 0 when not given, for another
 *         channel, or for a NULL @p communication.
 */
ARC_EXTERN int64_t
arc_communication_call_duration(const arc_communication *communication);

/**
 * How a call ended.
 *
 * @param communication The communication, or NULL.
 * @return The outcome; #ARC_CALL_NO_OUTCOME for another channel or for a NULL
 *         @p communication.
 */
ARC_EXTERN arc_call_outcome
arc_communication_call_outcome(const arc_communication *communication);

/**
 * The dispute the communication is about.
 *
 * @param communication The communication, or NULL.
 * @return The dispute's id; 0 when it is linked to none or for a NULL
 *         @p communication.
 */
ARC_EXTERN arc_id arc_communication_dispute_id(const arc_communication *communication);

/**
 * The number of invoices the communication is linked to.
 *
 * @param communication The communication, or NULL.
 * @return The count, up to #ARC_COMMUNICATION_MAX_INVOICES; 0 for a NULL
 *         @p communication.
 */
ARC_EXTERN size_t arc_communication_invoice_count(const arc_communication *communication);

/**
 * The i-th invoice the communication is linked to, in ascending id order.
 *
 * @param communication The communication, or NULL.
 * @param index         0 to arc_communication_invoice_count() - 1.
 * @return The invoice's id; 0 when @p index is out of range or @p communication
 *         is NULL.
 */
ARC_EXTERN arc_id arc_communication_invoice_at(const arc_communication *communication,
                                               size_t index);

/**
 * The number of messages in a chat's transcript.
 *
 * @param communication The communication, or NULL.
 * @return The count, up to #ARC_COMMUNICATION_MAX_MESSAGES; 0 for another
 *         channel or for a NULL @p communication.
 */
ARC_EXTERN size_t
arc_communication_chat_message_count(const arc_communication *communication);

/**
 * The author of the i-th message of a chat, in the order the messages were sent.
 *
 * @param communication The communication, or NULL.
 * @param index         0 to arc_communication_chat_message_count() - 1.
 * @return The author, borrowed from @p communication and valid until it is freed;
 *         NULL when @p index is out of range or @p communication is NULL.
 */
ARC_EXTERN const char *
arc_communication_chat_author_at(const arc_communication *communication, size_t index);

/**
 * When the i-th message of a chat was sent.
 *
 * @param communication The communication, or NULL.
 * @param index         0 to arc_communication_chat_message_count() - 1.
 * @return The time in seconds since the epoch; the communication's
 *         arc_communication_occurred_at() for a message recorded without a time;
 *         0 when @p index is out of range or @p communication is NULL.
 */
ARC_EXTERN arc_time arc_communication_chat_time_at(const arc_communication *communication,
                                                   size_t index);

/**
 * The text of the i-th message of a chat.
 *
 * @param communication The communication, or NULL.
 * @param index         0 to arc_communication_chat_message_count() - 1.
 * @return The text, borrowed from @p communication and valid until it is freed;
 *         NULL when @p index is out of range or @p communication is NULL.
 */
ARC_EXTERN const char *
arc_communication_chat_text_at(const arc_communication *communication, size_t index);

/** @} */

/** Version of #arc_communication_search_opts that this header describes. */
#define ARC_COMMUNICATION_SEARCH_OPTS_VERSION 1

/** Where to search and how to mark matches. Initialise with
 * #ARC_COMMUNICATION_SEARCH_OPTS_INIT. */
typedef struct arc_communication_search_opts {
    unsigned int version;   /**< #ARC_COMMUNICATION_SEARCH_OPTS_VERSION. */
    arc_id customer_id;     /**< Only this customer's communications; or 0 for all. */
    unsigned int limit;     /**< At most this many hits; 0 for #ARC_LIST_DEFAULT_LIMIT. */
    unsigned int offset;    /**< Hits to skip, for the next page of results. */
    const char *mark_open;  /**< Put before each matched word; NULL for "[". */
    const char *mark_close; /**< Put after each matched word; NULL for "]". */
} arc_communication_search_opts;

/** Initialiser for #arc_communication_search_opts: the best hits of the book. */
#define ARC_COMMUNICATION_SEARCH_OPTS_INIT                                               \
    {                                                                                    \
        ARC_COMMUNICATION_SEARCH_OPTS_VERSION, 0, 0, 0, NULL, NULL                       \
    }

/**
 * How many of the most recent matching communications a search ranks: hits
 * are the best of these (or of offset + limit, when larger), so that a word
 * found in most of a large book is still answered quickly.
 */
#define ARC_COMMUNICATION_SEARCH_WINDOW 1000

/** Longest query arc_communication_search() accepts, in bytes. */
#define ARC_COMMUNICATION_QUERY_MAX 4096

/**
 * Search communications by full text, best match first (by the BM25
 * ranking, with subject matches weighing the most) among the
 * #ARC_COMMUNICATION_SEARCH_WINDOW most recent matches.
 *
 * @param[out] out Receives a new page of hits; free it with
 *                 arc_communication_hit_page_free().
 * @param db       The book.
 * @param query    An FTS5 query such as `invoice AND overdue`, `"late fee"`
 *                 or `refund*`; passed to the search engine as data, never
 *                 as SQL.
 * @param opts     Filter, paging and match marks; NULL for the defaults.
 * @return #ARC_OK (no hits is a success); #ARC_EINVAL for NULL @p out or @p db,
 *         an empty, invalid UTF-8 or over-long query, a query the search
 *         engine cannot parse (the message says why), a negative customer id
 *         or a limit over #ARC_LIST_MAX_LIMIT; #ARC_ENOTFOUND for an unknown
 *         customer; #ARC_EVERSION; #ARC_ENOMEM; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_communication_search(arc_communication_hit_page **out, arc_db *db,
                                        const char *query,
                                        const arc_communication_search_opts *opts);

/**
 * The number of hits in a page.
 *
 * @param page The page; NULL counts as empty.
 * @return The count.
 */
ARC_EXTERN size_t
arc_communication_hit_page_count(const arc_communication_hit_page *page);

/**
 * The i-th hit of a page, best first.
 *
 * @param page  The page.
 * @param index 0 to arc_communication_hit_page_count() - 1.
 * @return The hit, borrowed from the page and valid until it is freed; NULL
 *         when out of range.
 */
ARC_EXTERN const arc_communication_hit *
arc_communication_hit_page_at(const arc_communication_hit_page *page, size_t index);

/**
 * Free a page of hits.
 *
 * @param page The page; NULL is ignored.
 */
ARC_EXTERN void arc_communication_hit_page_free(arc_communication_hit_page *page);

/** @name Search hit accessors
 * Read the fields of a search hit. Times are in seconds since the Unix epoch,
 * UTC. Each accepts NULL and then returns 0, NULL or the value it names. Strings
 * are borrowed from the page of hits and stay valid until it is freed.
 * @{ */

/**
 * The communication found; read it whole with arc_communication_lookup().
 *
 * @param hit The hit, or NULL.
 * @return The communication's id; 0 for a NULL @p hit.
 */
ARC_EXTERN arc_id arc_communication_hit_id(const arc_communication_hit *hit);

/**
 * The customer of the communication found.
 *
 * @param hit The hit, or NULL.
 * @return The customer's id; 0 for a NULL @p hit.
 */
ARC_EXTERN arc_id arc_communication_hit_customer_id(const arc_communication_hit *hit);

/**
 * The channel of the communication found.
 *
 * @param hit The hit, or NULL.
 * @return The channel; #ARC_CHANNEL_EMAIL for a NULL @p hit.
 */
ARC_EXTERN arc_communication_channel
arc_communication_hit_channel(const arc_communication_hit *hit);

/**
 * When the communication found happened.
 *
 * @param hit The hit, or NULL.
 * @return The time in seconds since the epoch; 0 for a NULL @p hit.
 */
ARC_EXTERN arc_time arc_communication_hit_occurred_at(const arc_communication_hit *hit);

/**
 * A short extract around the best match, each matched word between the marks
 * of @ref arc_communication_search_opts::mark_open and
 * @ref arc_communication_search_opts::mark_close.
 *
 * @param hit The hit, or NULL.
 * @return The extract, borrowed from the hit's page and valid until it is freed;
 *         NULL for a NULL @p hit.
 */
ARC_EXTERN const char *arc_communication_hit_snippet(const arc_communication_hit *hit);

/** @} */

#ifdef __cplusplus
}
#endif

#endif
