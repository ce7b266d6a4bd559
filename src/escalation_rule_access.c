/* escalation_rule_access.c */
#include "db_internal.h"
