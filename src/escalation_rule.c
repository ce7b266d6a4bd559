/* escalation_rule.c */
#include "db_internal.h"
