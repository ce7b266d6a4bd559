/*
 * The backend's table of functions, and its registration.
 *
 * scan_disputed_amounts is left out on purpose: the library then works
 * out disputed amounts for aging from dispute_list, its generic path.
 */
#include <stdio.h>

#include "memory_backend.h"
#include "memory_internal.h"
#include "memory_ops.h"

static const arc_backend MEMORY_BACKEND = {
    .version = ARC_BACKEND_VERSION,
    .name = "memory",
    /* Books and transactions. */
    .open = mem_open,
    .close = mem_close,
    .drop = mem_drop,
    .begin = mem_begin,
    .commit = mem_commit,
    .rollback = mem_rollback,
    .savepoint = mem_savepoint,
    .release = mem_release,
    .rollback_to = mem_rollback_to,
    .change_count = mem_change_count,
    .book_info = mem_book_info,
    .sequence_take = mem_sequence_take,
    .sequence_put = mem_sequence_put,
    /* Customers and contacts. */
    .customer_insert = mem_customer_insert,
    .customer_update = mem_customer_update,
    .customer_get = mem_customer_get,
    .customer_terms = mem_customer_terms,
    .customer_get_by_reference = mem_customer_get_by_reference,
    .customer_list = mem_customer_list,
    .contact_insert = mem_contact_insert,
    .contact_delete = mem_contact_delete,
    .contact_list = mem_contact_list,
    /* Invoices. */
    .invoice_insert = mem_invoice_insert,
    .invoice_line_insert = mem_invoice_line_insert,
    .invoice_update = mem_invoice_update,
    .invoice_settle = mem_invoice_settle,
    .invoice_delete = mem_invoice_delete,
    .invoice_get = mem_invoice_get,
    .invoice_get_by_number = mem_invoice_get_by_number,
    .invoice_list = mem_invoice_list,
    .invoice_list_payable = mem_invoice_list_payable,
    /* Payments, credit memos and applications. */
    .payment_insert = mem_payment_insert,
    .payment_update = mem_payment_update,
    .payment_get = mem_payment_get,
    .payment_get_by_key = mem_payment_get_by_key,
    .payment_list = mem_payment_list,
    .credit_memo_insert = mem_credit_memo_insert,
    .credit_memo_update = mem_credit_memo_update,
    .credit_memo_get = mem_credit_memo_get,
    .credit_memo_list = mem_credit_memo_list,
    .application_insert = mem_application_insert,
    .application_set_reversed = mem_application_set_reversed,
    .application_list_for = mem_application_list_for,
    /* Reason codes. */
    .reason_code_insert = mem_reason_code_insert,
    .reason_code_update = mem_reason_code_update,
    .reason_code_get = mem_reason_code_get,
    .reason_code_delete = mem_reason_code_delete,
    .reason_code_list = mem_reason_code_list,
    .reason_code_in_use = mem_reason_code_in_use,
    /* Disputes. */
    .dispute_insert = mem_dispute_insert,
    .dispute_update = mem_dispute_update,
    .dispute_get = mem_dispute_get,
    .dispute_list = mem_dispute_list,
    .dispute_list_for_invoice = mem_dispute_list_for_invoice,
    .sum_open_disputes_of_invoice = mem_sum_open_disputes_of_invoice,
    .scan_disputed_amounts = NULL,
    .sum_open_disputes_of_customer = mem_sum_open_disputes_of_customer,
    /* Communications. */
    .communication_insert = mem_communication_insert,
    .communication_get = mem_communication_get,
    .communication_find_email = mem_communication_find_email,
    .communication_list = mem_communication_list,
    .communication_list_thread = mem_communication_list_thread,
    .communication_move_thread = mem_communication_move_thread,
    .communication_search = mem_communication_search,
    .last_contact = mem_last_contact,
    /* The event journal and timelines. */
    .event_append = mem_event_append,
    .event_list = mem_event_list,
    .event_list_timeline = mem_event_list_timeline,
    /* Reports. */
    .scan_disputes = mem_scan_disputes,
    .sum_invoice_balances = mem_sum_invoice_balances,
    .sum_unapplied_credit = mem_sum_unapplied_credit,
    .scan_open_items = mem_scan_open_items,
    .scan_applications_after = mem_scan_applications_after,
    /* Escalation rules and automation. */
    .rule_insert = mem_rule_insert,
    .rule_update = mem_rule_update,
    .rule_delete = mem_rule_delete,
    .rule_get = mem_rule_get,
    .rule_get_by_name = mem_rule_get_by_name,
    .rule_list = mem_rule_list,
    .scan_unresolved_disputes = mem_scan_unresolved_disputes,
    .rule_fired = mem_rule_fired,
    .rule_firing_insert = mem_rule_firing_insert,
    .scan_overdue_invoices = mem_scan_overdue_invoices,
    .invoice_mark_overdue_alerted = mem_invoice_mark_overdue_alerted,
    .dispute_mark_overdue_alerted = mem_dispute_mark_overdue_alerted,
};

const arc_backend *arc_example_memory_backend(void)
{
    return &MEMORY_BACKEND;
}

int arc_example_memory_register(void)
{
    char message[512];
    int code = arc_error_last_code();
    int rc;

    /* Registered already is success here: put back the thread's last error
     * as it was, so that a repeated call leaves no trace. */
    snprintf(message, sizeof(message), "%s", arc_error_last());
    rc = arc_backend_register(&MEMORY_BACKEND);
    if (rc != ARC_EEXISTS)
        return rc;
    if (code == ARC_OK)
        arc_error_clear();
    else
        arc_error_set(code, "%s", message);
    return ARC_OK;
}
