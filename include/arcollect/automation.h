/**
 * @file arcollect/automation.h
 * @brief Escalation rules and the automation run: what a collections team
 *        would otherwise check by hand every morning.
 *
 * A book keeps a list of escalation rules. Each rule has conditions on a
 * dispute that is not resolved, and actions to take when they all hold:
 *
 * Conditions, each holding when:
 * - the dispute is in one of the states of
 *   @ref arc_escalation_rule_opts::statuses;
 * - it entered its state at least
 *   @ref arc_escalation_rule_opts::min_days_in_state days ago;
 * - its amounts are in @ref arc_escalation_rule_opts::currency;
 * - its amount is at least @ref arc_escalation_rule_opts::min_amount (in that
 *   currency);
 * - it has the reason code @ref arc_escalation_rule_opts::reason_code;
 * - the customer's last communication that is not internal, or the dispute's
 *   opening if that is later, is at least
 *   @ref arc_escalation_rule_opts::min_days_since_contact days old;
 * - its escalation level is below @ref arc_escalation_rule_opts::below_level.
 *
 * Actions, in this order:
 * - #ARC_RULE_REASSIGN makes @ref arc_escalation_rule_opts::assign_to its
 *   owner;
 * - #ARC_RULE_SET_DUE_DATE sets its due date
 *   @ref arc_escalation_rule_opts::due_in_days after today;
 * - #ARC_RULE_ESCALATE raises its escalation level by one (status escalated);
 * - #ARC_RULE_ALERT emits #ARC_EVENT_DISPUTE_ALERT naming the rule.
 *
 * A day is 86,400 seconds of the book's clock. Conditions left at 0 or NULL
 * do not restrict.
 *
 * ## The run
 *
 * arc_automation_run() does, as of the book's clock and in one transaction:
 *
 * 1. for every dispute that is not resolved, applies the active rules in id
 *    order. A rule fires at most once for a dispute in each state it enters:
 *    after it fires, it waits until the dispute changes state again (by
 *    escalation, review, resolution and reopening). Since an escalation
 *    starts a new state, a rule that escalates after 7 days in the escalated
 *    state raises the level again every 7 days until the dispute moves on;
 *    use @ref arc_escalation_rule_opts::below_level to cap it. Rules see the
 *    changes of the rules before them, and the rules are applied again to a
 *    dispute that a rule escalated, so a rule that matches the escalated
 *    state fires in the same run;
 * 2. emits #ARC_EVENT_DISPUTE_OVERDUE for every dispute that is not resolved
 *    and whose due date has passed, once per due date;
 * 3. emits #ARC_EVENT_INVOICE_OVERDUE for every issued invoice with a balance
 *    whose due date has passed, once per invoice.
 *
 * Actions are recorded in the journal like manual ones, with the actor
 * "automation". A second run at the same moment changes nothing: a rule that
 * escalates needs at least one day in the state, so it cannot fire again on
 * the state it has just produced.
 */
#ifndef ARCOLLECT_AUTOMATION_H
#define ARCOLLECT_AUTOMATION_H

#include "dispute.h"

#ifdef __cplusplus
extern "C" {
#endif

/** An escalation rule read from a book. Opaque; free with arc_escalation_rule_free(). */
typedef struct arc_escalation_rule arc_escalation_rule;

/** The rules of a book, from arc_escalation_rule_list(). Opaque. */
typedef struct arc_escalation_rule_page arc_escalation_rule_page;

/** Bits of @ref arc_escalation_rule_opts::actions. */
enum arc_rule_action {
    ARC_RULE_ESCALATE = 1u << 0, /**< Raise the escalation level by one. */
    ARC_RULE_ALERT = 1u << 1,    /**< Emit #ARC_EVENT_DISPUTE_ALERT. */
    ARC_RULE_REASSIGN =
        1u << 2, /**< Give the dispute to @ref arc_escalation_rule_opts::assign_to. */
    ARC_RULE_SET_DUE_DATE =
        1u << 3 /**< Set the due date @ref arc_escalation_rule_opts::due_in_days from
                   today. */
};

/** The bit of @ref arc_escalation_rule_opts::statuses for an #arc_dispute_status. */
#define ARC_RULE_STATUS(status) (1u << (unsigned int)(status))

/** Longest rule name, in bytes. */
#define ARC_RULE_NAME_MAX 200

/** Largest day count a rule takes. */
#define ARC_RULE_MAX_DAYS 36500

/** Version of #arc_escalation_rule_opts that this header describes. */
#define ARC_ESCALATION_RULE_OPTS_VERSION 1

/**
 * An escalation rule to add, or the new fields of one. Initialise with
 * #ARC_ESCALATION_RULE_OPTS_INIT. Strings are UTF-8 and are copied.
 */
typedef struct arc_escalation_rule_opts {
    unsigned int version; /**< #ARC_ESCALATION_RULE_OPTS_VERSION. */
    const char
        *name;  /**< Unique in the book, up to #ARC_RULE_NAME_MAX bytes; required. */
    int active; /**< Nonzero (the default) to run the rule; 0 to keep it idle. */
    /** ARC_RULE_STATUS() bits of the states it applies to (open, in review,
     *  escalated, reopened); 0 for all four. */
    unsigned int statuses;
    int min_days_in_state; /**< 0 to #ARC_RULE_MAX_DAYS; at least 1 with
                              #ARC_RULE_ESCALATE. */
    int64_t min_amount;    /**< In minor units of @ref currency; 0 for any amount. */
    /** Only disputes in this currency (ISO 4217); required with a
     *  @ref min_amount; NULL for any currency. */
    const char *currency;
    const char
        *reason_code; /**< Only disputes with this code (of the catalog); or NULL. */
    int min_days_since_contact; /**< 0 to #ARC_RULE_MAX_DAYS; 0 for no condition. */
    int below_level;            /**< Only disputes below this level; 0 for any level. */
    unsigned int actions;       /**< Bitwise or of #arc_rule_action; at least one. */
    const char *assign_to;      /**< The new owner; required with #ARC_RULE_REASSIGN. */
    int due_in_days; /**< 0 to #ARC_RULE_MAX_DAYS, with #ARC_RULE_SET_DUE_DATE. */
} arc_escalation_rule_opts;

/** Initialiser for #arc_escalation_rule_opts: an active rule with no conditions. */
#define ARC_ESCALATION_RULE_OPTS_INIT                                                    \
    {                                                                                    \
        ARC_ESCALATION_RULE_OPTS_VERSION, NULL, 1, 0, 0, 0, NULL, NULL, 0, 0, 0, NULL, 0 \
    }

/**
 * Add an escalation rule to the book.
 *
 * @param[out] out Receives the rule's id; may be NULL.
 * @param db       The book.
 * @param opts     The rule.
 * @return #ARC_OK; #ARC_EINVAL naming the field (no name, no action, a status
 *         bit that is not an unresolved state, a day count out of range, a
 *         minimum amount without a currency, an unknown reason code, an
 *         escalating rule with no days in state, #ARC_RULE_REASSIGN without
 *         @ref arc_escalation_rule_opts::assign_to...); #ARC_EEXISTS when the
 *         name is taken; #ARC_EVERSION; #ARC_EBUSY; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_escalation_rule_add(arc_id *out, arc_db *db,
                                       const arc_escalation_rule_opts *opts);

/**
 * Replace every field of a rule. When its conditions change, the rule may fire
 * again on disputes it has already acted on only after they change state.
 *
 * @param db   The book.
 * @param id   The rule.
 * @param opts Its new fields, checked as by arc_escalation_rule_add().
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_EINVAL; #ARC_EEXISTS when the new name
 *         is another rule's; #ARC_EVERSION; #ARC_EBUSY; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_escalation_rule_update(arc_db *db, arc_id id,
                                          const arc_escalation_rule_opts *opts);

/**
 * Delete a rule. What it did stays in the journal.
 *
 * @param db The book.
 * @param id The rule.
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_EINVAL for a NULL @p db; #ARC_EBUSY;
 *         #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_escalation_rule_delete(arc_db *db, arc_id id);

/**
 * Read a rule by id.
 *
 * @param[out] out Receives a new handle; free it with arc_escalation_rule_free().
 * @param db       The book.
 * @param id       The rule.
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_EINVAL for NULL arguments; #ARC_ENOMEM;
 *         #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_escalation_rule_lookup(arc_escalation_rule **out, arc_db *db,
                                          arc_id id);

/**
 * Read a rule by name.
 *
 * @param[out] out Receives a new handle; free it with arc_escalation_rule_free().
 * @param db       The book.
 * @param name     The rule's name.
 * @return #ARC_OK; #ARC_ENOTFOUND; #ARC_EINVAL for NULL arguments; #ARC_ENOMEM;
 *         #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_escalation_rule_lookup_by_name(arc_escalation_rule **out, arc_db *db,
                                                  const char *name);

/**
 * Free a rule handle.
 *
 * @param rule The handle; NULL is ignored.
 */
ARC_EXTERN void arc_escalation_rule_free(arc_escalation_rule *rule);

/**
 * List the book's rules in id order, the order a run applies them in.
 *
 * @param[out] out         Receives a new page; free it with
 *                         arc_escalation_rule_page_free().
 * @param db               The book.
 * @param include_inactive Nonzero to list idle rules too.
 * @return #ARC_OK; #ARC_EINVAL for NULL arguments; #ARC_ENOMEM; #ARC_ESTORAGE.
 */
ARC_EXTERN int arc_escalation_rule_list(arc_escalation_rule_page **out, arc_db *db,
                                        int include_inactive);

/**
 * The number of rules in a page.
 *
 * @param page The page; NULL counts as empty.
 * @return The count.
 */
ARC_EXTERN size_t arc_escalation_rule_page_count(const arc_escalation_rule_page *page);

/**
 * The i-th rule of a page.
 *
 * @param page  The page.
 * @param index 0 to arc_escalation_rule_page_count() - 1.
 * @return The rule, borrowed from the page and valid until it is freed; NULL
 *         when out of range.
 */
ARC_EXTERN const arc_escalation_rule *
arc_escalation_rule_page_at(const arc_escalation_rule_page *page, size_t index);

/**
 * Free a page of rules.
 *
 * @param page The page; NULL is ignored.
 */
ARC_EXTERN void arc_escalation_rule_page_free(arc_escalation_rule_page *page);

/** @name Escalation rule accessors
 * Read the fields of a rule. Each accepts NULL and then returns 0 or NULL.
 * Strings are borrowed from the rule and stay valid until it is freed (with
 * its page, for a rule from arc_escalation_rule_page_at()). Fields a rule does
 * not set read as in #ARC_ESCALATION_RULE_OPTS_INIT, except
 * arc_escalation_rule_statuses(), which gives the states it applies to.
 * @{ */

/**
 * The rule's id.
 * @param rule The rule, or NULL.
 * @return The id, positive; 0 for NULL.
 */
ARC_EXTERN arc_id arc_escalation_rule_id(const arc_escalation_rule *rule);

/**
 * The rule's name.
 * @param rule The rule, or NULL.
 * @return The name; NULL for NULL.
 */
ARC_EXTERN const char *arc_escalation_rule_name(const arc_escalation_rule *rule);

/**
 * Whether the rule runs.
 * @param rule The rule, or NULL.
 * @return 1 when active, 0 when idle or NULL.
 */
ARC_EXTERN int arc_escalation_rule_active(const arc_escalation_rule *rule);

/**
 * The states the rule applies to.
 * @param rule The rule, or NULL.
 * @return ARC_RULE_STATUS() bits, never 0 for a rule; 0 for NULL.
 */
ARC_EXTERN unsigned int arc_escalation_rule_statuses(const arc_escalation_rule *rule);

/**
 * The days a dispute must have spent in its state.
 * @param rule The rule, or NULL.
 * @return The days; 0 for no condition and for NULL.
 */
ARC_EXTERN int arc_escalation_rule_min_days_in_state(const arc_escalation_rule *rule);

/**
 * The smallest disputed amount the rule applies to.
 * @param rule The rule, or NULL.
 * @return Minor units of arc_escalation_rule_currency(); 0 for no condition
 *         and for NULL.
 */
ARC_EXTERN int64_t arc_escalation_rule_min_amount(const arc_escalation_rule *rule);

/**
 * The currency the rule applies to, and of arc_escalation_rule_min_amount().
 * @param rule The rule, or NULL.
 * @return The ISO 4217 code; NULL when the rule applies to any currency and
 *         for NULL.
 */
ARC_EXTERN const char *arc_escalation_rule_currency(const arc_escalation_rule *rule);

/**
 * The reason code the rule applies to.
 * @param rule The rule, or NULL.
 * @return The code; NULL for any code and for NULL.
 */
ARC_EXTERN const char *arc_escalation_rule_reason_code(const arc_escalation_rule *rule);

/**
 * The days without contact the rule waits for.
 * @param rule The rule, or NULL.
 * @return The days; 0 for no condition and for NULL.
 */
ARC_EXTERN int
arc_escalation_rule_min_days_since_contact(const arc_escalation_rule *rule);

/**
 * The escalation level below which the rule applies.
 * @param rule The rule, or NULL.
 * @return The level; 0 for any level and for NULL.
 */
ARC_EXTERN int arc_escalation_rule_below_level(const arc_escalation_rule *rule);

/**
 * What the rule does.
 * @param rule The rule, or NULL.
 * @return Bits of #arc_rule_action; 0 for NULL.
 */
ARC_EXTERN unsigned int arc_escalation_rule_actions(const arc_escalation_rule *rule);

/**
 * Who the rule gives disputes to.
 * @param rule The rule, or NULL.
 * @return The user name; NULL without #ARC_RULE_REASSIGN and for NULL.
 */
ARC_EXTERN const char *arc_escalation_rule_assign_to(const arc_escalation_rule *rule);

/**
 * How many days after the run the rule sets due dates.
 * @param rule The rule, or NULL.
 * @return The days; 0 without #ARC_RULE_SET_DUE_DATE and for NULL.
 */
ARC_EXTERN int arc_escalation_rule_due_in_days(const arc_escalation_rule *rule);

/** @} */

/** Version of #arc_automation_result that this header describes. */
#define ARC_AUTOMATION_RESULT_VERSION 1

/**
 * What an automation run did. Initialise with #ARC_AUTOMATION_RESULT_INIT;
 * the run fills in the counts.
 */
typedef struct arc_automation_result {
    unsigned int version;     /**< #ARC_AUTOMATION_RESULT_VERSION. */
    size_t disputes_examined; /**< Disputes not resolved that the rules saw. */
    size_t rules_fired;       /**< Rule firings, each on one dispute. */
    size_t escalations;       /**< Levels raised. */
    size_t reassignments;     /**< Owners changed. */
    size_t due_dates_set;     /**< Due dates changed. */
    size_t alerts;            /**< #ARC_EVENT_DISPUTE_ALERT events. */
    size_t disputes_overdue;  /**< #ARC_EVENT_DISPUTE_OVERDUE events. */
    size_t invoices_overdue;  /**< #ARC_EVENT_INVOICE_OVERDUE events. */
} arc_automation_result;

/** Initialiser for #arc_automation_result. */
#define ARC_AUTOMATION_RESULT_INIT                                                       \
    {                                                                                    \
        ARC_AUTOMATION_RESULT_VERSION, 0, 0, 0, 0, 0, 0, 0, 0                            \
    }

/**
 * Run all automation as of the book's clock, in one transaction: escalation
 * rules, overdue disputes and overdue invoices (see above). Events reach
 * subscribers after commit. Running it again at the same moment changes
 * nothing.
 *
 * @param[in,out] result Receives the counts; may be NULL.
 * @param db             The book.
 * @return #ARC_OK; #ARC_EINVAL for a NULL @p db; #ARC_EVERSION for a
 *         @p result of another version; #ARC_ENOMEM; #ARC_EBUSY;
 *         #ARC_ESTORAGE. On failure nothing is changed.
 */
ARC_EXTERN int arc_automation_run(arc_automation_result *result, arc_db *db);

#ifdef __cplusplus
}
#endif

#endif
