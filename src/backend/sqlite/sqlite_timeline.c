/* The timeline's reads of the event journal. (Being written.) */
#include "error.h"
#include "sqlite_internal.h"

int arc_sqlite_event_list_timeline(arc_store *store,
                                   const struct arc_timeline_filter *filter,
                                   struct arc_event_page *out)
{
    (void)store;
    (void)filter;
    (void)out;
    return arc_fail(ARC_ESTORAGE, "timeline: not written yet");
}
