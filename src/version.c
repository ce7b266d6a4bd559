#include "arcollect/common.h"

const char *arc_version_string(void)
{
    return ARC_VERSION_STRING;
}

void arc_version(int *major, int *minor, int *patch)
{
    if (major != NULL)
        *major = ARC_VERSION_MAJOR;
    if (minor != NULL)
        *minor = ARC_VERSION_MINOR;
    if (patch != NULL)
        *patch = ARC_VERSION_PATCH;
}
