/* automation.c */
#include "db_internal.h"
