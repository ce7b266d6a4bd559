/*
 * Compiled by api.header_c99 with -std=c99 -pedantic -Wall -Wextra -Werror:
 * the umbrella header, and every header it includes, must be plain C99; so
 * must the backend contract under arcollect/sys/.
 */
#include <arcollect.h>
#include <arcollect/sys/backend.h>

int header_check(void);

int header_check(void)
{
    arc_db_options options = ARC_DB_OPTIONS_INIT;
    arc_db *db = NULL;
    arc_id customer_id = 1;
    arc_date due_date = ARC_DATE_NONE;
    arc_backend backend;

    backend.version = ARC_BACKEND_VERSION;
    backend.name = "example";
    backend.open = NULL;
    if (backend.open != NULL || backend.version != ARC_BACKEND_VERSION)
        return ARC_ERROR;

    if (db != NULL || customer_id < 1 || due_date != ARC_DATE_NONE)
        return ARC_EINVAL;

    return options.version == ARC_DB_OPTIONS_VERSION ? ARC_OK : ARC_ERROR;
}
