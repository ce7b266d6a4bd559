/*
 * arcollect.i: the SWIG interface of libarcollect, shared by the Python and
 * Ruby bindings.
 *
 * It wraps the public headers as they are, so that every ARC_EXTERN function
 * keeps its C name in the raw module (arcollect._raw in Python,
 * Arcollect::Raw in Ruby). The typemaps below only change how C conventions
 * cross the language boundary:
 *
 * - out-parameters are returned: a function returning an error code gives
 *   [code, value...], a void one its value alone;
 * - options structs are created with their *_INIT values and own copies of
 *   the strings and arrays set into them (support/owned_opts.c), so they
 *   never point into memory the language may free;
 * - arc_event_subscribe() takes an integer token instead of a callback and
 *   its data, and calls back into the language's event dispatcher
 *   (python/event_trampoline.h, ruby/event_trampoline.h).
 *
 * Error codes are not turned into exceptions here; the idiomatic layers do
 * that, with the message of arc_error_last().
 */

#if defined(SWIGRUBY)
%module "arcollect::raw"
#else
%module(package="arcollect") raw
#endif

%{
#include <stdint.h>
#include <arcollect.h>
#include "support/owned_opts.h"
#include "support/fixed_clock.h"
%}

#if defined(SWIGPYTHON)
%{
#include "python/event_trampoline.h"
%}
#elif defined(SWIGRUBY)
%{
#include "ruby/event_trampoline.h"
%}
#endif

%include <stdint.i>

/* Ruby classes are constants: ArcCustomerOpts for arc_customer_opts. */
#if defined(SWIGRUBY)
%rename("%(camelcase)s", %$isclass) "";
#endif

/* "from" is a Python keyword. */
%rename(from_date) arc_dispute_report_opts::from;
%rename(to_date) arc_dispute_report_opts::to;

#define ARC_EXTERN

/* ---- out-parameters ---------------------------------------------------- */

/* Handles: "arc_customer **out" and the like return the new handle. The
 * layer frees it with the matching *_free function. */
%typemap(in, numinputs=0) SWIGTYPE **out ($*1_ltype temp = NULL) "$1 = &temp;"
%typemap(argout, noblock=1) SWIGTYPE **out {
    %append_output(SWIG_NewPointerObj(SWIG_as_voidptr(temp$argnum), $*1_descriptor, 0));
}

/* Integers written through a pointer. */
%define ARCB_INT_OUTPUT(TYPE, NAME)
%typemap(in, numinputs=0) TYPE *NAME (TYPE temp = 0) "$1 = &temp;"
%typemap(argout, noblock=1, fragment=SWIG_From_frag(long long)) TYPE *NAME {
    %append_output(SWIG_From(long long)((long long)temp$argnum));
}
%enddef

ARCB_INT_OUTPUT(arc_id, out)
ARCB_INT_OUTPUT(int64_t, out)
ARCB_INT_OUTPUT(int64_t, applied)
ARCB_INT_OUTPUT(arc_date, out)
ARCB_INT_OUTPUT(int, out)
ARCB_INT_OUTPUT(int, minor_digits)
ARCB_INT_OUTPUT(int, year)
ARCB_INT_OUTPUT(int, month)
ARCB_INT_OUTPUT(int, day)
ARCB_INT_OUTPUT(int, major)
ARCB_INT_OUTPUT(int, minor)
ARCB_INT_OUTPUT(int, patch)

/* Text written into a caller's buffer (amounts, dates, tokens). */
%typemap(in, numinputs=0) (char *buf, size_t size) (char temp[64]) {
    temp[0] = '\0';
    $1 = temp;
    $2 = sizeof(temp);
}
%typemap(argout, noblock=1, fragment="SWIG_FromCharPtr") (char *buf, size_t size) {
    %append_output(SWIG_FromCharPtr(temp$argnum));
}

/* ---- event callbacks --------------------------------------------------- */

/* The language passes a token; its dispatcher finds the callable by it. */
%typemap(in, fragment=SWIG_AsVal_frag(long long)) (arc_event_fn fn, void *data) {
    long long token;
    int res = SWIG_AsVal(long long)($input, &token);
    if (!SWIG_IsOK(res)) {
        SWIG_exception_fail(SWIG_ArgError(res), "arc_event_subscribe: token must be an integer");
    }
    $1 = arcb_event_trampoline;
    $2 = (void *)(intptr_t)token;
}

/* ---- options structs --------------------------------------------------- */

/* Strings set into an options struct are copied into memory it owns. */
%typemap(memberin) const char * "$1 = arcb_opts_string(arg1, $input);"

%define ARCB_OPTIONS(TYPE, INIT)
%extend TYPE {
    TYPE() {
        static const TYPE init = INIT;
        return (TYPE *)arcb_opts_new(sizeof(init), &init);
    }
    ~TYPE() {
        arcb_opts_free($self);
    }
}
%enddef

ARCB_OPTIONS(arc_db_options, ARC_DB_OPTIONS_INIT)
ARCB_OPTIONS(arc_customer_opts, ARC_CUSTOMER_OPTS_INIT)
ARCB_OPTIONS(arc_list_opts, ARC_LIST_OPTS_INIT)
ARCB_OPTIONS(arc_contact_opts, ARC_CONTACT_OPTS_INIT)
ARCB_OPTIONS(arc_invoice_line_opts, ARC_INVOICE_LINE_OPTS_INIT)
ARCB_OPTIONS(arc_invoice_opts, ARC_INVOICE_OPTS_INIT)
ARCB_OPTIONS(arc_payment_opts, ARC_PAYMENT_OPTS_INIT)
ARCB_OPTIONS(arc_credit_memo_opts, ARC_CREDIT_MEMO_OPTS_INIT)
ARCB_OPTIONS(arc_aging_opts, ARC_AGING_OPTS_INIT)
ARCB_OPTIONS(arc_reason_code_opts, ARC_REASON_CODE_OPTS_INIT)
ARCB_OPTIONS(arc_dispute_opts, ARC_DISPUTE_OPTS_INIT)
ARCB_OPTIONS(arc_dispute_resolution, ARC_DISPUTE_RESOLUTION_INIT)
ARCB_OPTIONS(arc_dispute_report_opts, ARC_DISPUTE_REPORT_OPTS_INIT)
ARCB_OPTIONS(arc_communication_opts, ARC_COMMUNICATION_OPTS_INIT)
ARCB_OPTIONS(arc_communication_list_opts, ARC_COMMUNICATION_LIST_OPTS_INIT)
ARCB_OPTIONS(arc_communication_search_opts, ARC_COMMUNICATION_SEARCH_OPTS_INIT)
ARCB_OPTIONS(arc_timeline_opts, ARC_TIMELINE_OPTS_INIT)
ARCB_OPTIONS(arc_escalation_rule_opts, ARC_ESCALATION_RULE_OPTS_INIT)
ARCB_OPTIONS(arc_automation_result, ARC_AUTOMATION_RESULT_INIT)

/* Pointers and counts are set only through the methods below, which keep
 * them consistent. */
%immutable arc_db_options::clock;
%immutable arc_db_options::clock_data;
%immutable arc_invoice_opts::lines;
%immutable arc_invoice_opts::line_count;
%immutable arc_aging_opts::bucket_edges;
%immutable arc_aging_opts::bucket_edge_count;
%immutable arc_dispute_opts::lines;
%immutable arc_dispute_opts::line_count;
%immutable arc_communication_opts::invoice_ids;
%immutable arc_communication_opts::invoice_count;
%immutable arc_communication_opts::chat_authors;
%immutable arc_communication_opts::chat_times;
%immutable arc_communication_opts::chat_texts;
%immutable arc_communication_opts::chat_message_count;

%extend arc_db_options {
    /* Read "now" from @p clock, which must outlive the book. */
    void use_clock(arcb_clock *clock) {
        $self->clock = arcb_clock_read;
        $self->clock_data = clock;
    }
}

%extend arc_invoice_opts {
    int add_line(const arc_invoice_line_opts *line) {
        return arcb_invoice_opts_add_line($self, line);
    }
}

%extend arc_aging_opts {
    int add_bucket_edge(int32_t edge) {
        return arcb_aging_opts_add_edge($self, edge);
    }
}

%extend arc_dispute_opts {
    int add_line(int line) {
        return arcb_dispute_opts_add_line($self, line);
    }
}

%extend arc_communication_opts {
    int add_invoice(arc_id invoice_id) {
        return arcb_communication_opts_add_invoice($self, invoice_id);
    }
    int add_chat_message(const char *author, arc_time sent_at, const char *text) {
        return arcb_communication_opts_add_chat($self, author, sent_at, text);
    }
}

/* A clock the layer sets by hand; plain struct, plain memory. */
typedef struct arcb_clock {
    arc_time now;
} arcb_clock;

/* ---- the public headers ------------------------------------------------ */

/* SWIG cannot evaluate INT32_MIN, the value of ARC_DATE_NONE. */
%constant int ARC_DATE_NONE = ARC_DATE_NONE;

%include "arcollect/common.h"
%include "arcollect/date.h"
%include "arcollect/money.h"
%include "arcollect/db.h"
%include "arcollect/customer.h"
%include "arcollect/invoice.h"
%include "arcollect/payment.h"
%include "arcollect/credit_memo.h"
%include "arcollect/application.h"
%include "arcollect/aging.h"
%include "arcollect/reason_code.h"
%include "arcollect/dispute.h"
%include "arcollect/communication.h"
%include "arcollect/event.h"
%include "arcollect/dispute_report.h"
%include "arcollect/timeline.h"
%include "arcollect/automation.h"
