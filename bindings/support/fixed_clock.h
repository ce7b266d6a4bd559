/*
 * A clock that a binding sets by hand, for books whose "now" a script or a
 * test controls (arc_db_options::clock). Only the bindings use it.
 */
#ifndef ARCB_FIXED_CLOCK_H
#define ARCB_FIXED_CLOCK_H

#include <arcollect.h>

/* The instant the clock reports until it is set again. */
typedef struct arcb_clock {
    arc_time now;
} arcb_clock;

/* An #arc_clock_fn that reads an #arcb_clock given as @p clock_data. */
arc_time arcb_clock_read(void *clock_data);

#endif
