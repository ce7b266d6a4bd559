// Compiled and linked by api.header_cxx with -std=c++11 -pedantic -Wall
// -Wextra -Werror. Linking against the shared library proves that every
// declaration used here kept C linkage inside the headers' extern "C" blocks.
#include <arcollect.h>
#include <arcollect/sys/backend.h>

#include <cstdio>
#include <cstring>

int main()
{
    arc_db_options options = ARC_DB_OPTIONS_INIT;
    if (arc_db_options_init(&options, ARC_DB_OPTIONS_VERSION) != ARC_OK)
        return 1;

    arc_db *db = nullptr;
    arc_id customer_id = 0;
    arc_date due_date = ARC_DATE_NONE;
    arc_error_code code = ARC_ENOTFOUND;

    int major = -1;
    arc_version(&major, nullptr, nullptr);
    if (major != ARC_VERSION_MAJOR || std::strcmp(arc_version_string(), ARC_VERSION_STRING))
        return 1;

    std::printf("%s %s %lld %ld %p\n", arc_error_name(code), arc_error_last(),
                static_cast<long long>(customer_id), static_cast<long>(due_date),
                static_cast<void *>(db));
    arc_db_close(db);
    return 0;
}
