/*
 * Paging options shared by every list call.
 */
#include "db_internal.h"
#include "error.h"

int arc_list_filter(struct arc_store_list *out, const arc_list_opts *opts,
                    const char *what)
{
    const arc_list_opts defaults = ARC_LIST_OPTS_INIT;

    if (opts == NULL)
        opts = &defaults;
    if (opts->version != ARC_LIST_OPTS_VERSION)
        return arc_fail(ARC_EVERSION, "%s: list options version %u is not supported",
                        what, opts->version);
    if (opts->limit > ARC_LIST_MAX_LIMIT)
        return arc_fail(ARC_EINVAL, "%s: limit: at most %d, not %u", what,
                        ARC_LIST_MAX_LIMIT, opts->limit);
    if (opts->after_id < 0)
        return arc_fail(ARC_EINVAL, "%s: after_id: must not be negative", what);
    if (opts->customer_id < 0)
        return arc_fail(ARC_EINVAL, "%s: customer_id: must not be negative", what);

    out->after_id = opts->after_id;
    out->limit = opts->limit ? opts->limit : ARC_LIST_DEFAULT_LIMIT;
    out->customer_id = opts->customer_id;
    out->status = opts->status < 0 ? -1 : opts->status;
    return ARC_OK;
}
