/*
 * The C callback that arc_event_subscribe() receives in the Ruby binding.
 * It is included into the SWIG wrapper, after the SWIG runtime, and nowhere
 * else.
 *
 * The event is handed, as a borrowed raw pointer, to
 * Arcollect::Events.dispatch(token, event), which reads it and calls the
 * subscriber. The call runs under rb_protect(): a Ruby exception is a long
 * jump, and it must never cross the library's frames. dispatch() rescues
 * what the subscriber raises; anything that still escapes (a throw without
 * its catch) is dropped here with a warning.
 */
#ifndef ARCB_RUBY_EVENT_TRAMPOLINE_H
#define ARCB_RUBY_EVENT_TRAMPOLINE_H

#include <stdint.h>

struct arcb_dispatch_call {
    const arc_event *event;
    long long token;
};

static VALUE arcb_dispatch(VALUE argument)
{
    const struct arcb_dispatch_call *call = (const struct arcb_dispatch_call *)argument;
    VALUE events = rb_path2class("Arcollect::Events");
    VALUE raw_event = SWIG_NewPointerObj((void *)call->event, SWIGTYPE_p_arc_event, 0);

    return rb_funcall(events, rb_intern("dispatch"), 2, LL2NUM(call->token), raw_event);
}

static void arcb_event_trampoline(const arc_event *event, void *data)
{
    struct arcb_dispatch_call call = { event, (long long)(intptr_t)data };
    int state = 0;

    rb_protect(arcb_dispatch, (VALUE)&call, &state);
    if (state != 0) {
        rb_set_errinfo(Qnil);
        rb_warn("arcollect: an event subscriber escaped its handler; ignored");
    }
}

#endif
