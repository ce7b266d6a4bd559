/* Timelines: see arcollect/timeline.h. (Being written.) */
#include "db_internal.h"
#include "error.h"
