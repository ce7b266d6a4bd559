#!/bin/sh
# conformance.<backend>: run every domain suite against one backend.
#
# Usage: run.sh BACKEND EXCLUDED_TAGS SUITE_BINARY...
#
# Each suite runs with ARC_TEST_BACKEND=BACKEND, leaving out the cases whose
# tags are in EXCLUDED_TAGS (separated by spaces). The run fails if any suite
# fails. For postgresql, ARC_TEST_PG_URI must name a server; without it the
# run exits 77, which ctest reports as skipped.
set -u

backend=$1
excluded=$2
shift 2

if [ "$backend" = postgresql ] && [ -z "${ARC_TEST_PG_URI:-}" ]; then
    echo "conformance.postgresql: SKIPPED: ARC_TEST_PG_URI is not set; no PostgreSQL" \
        "server was started (scripts/test.sh starts one when PostgreSQL is installed)"
    exit 77
fi

ARC_TEST_BACKEND=$backend
export ARC_TEST_BACKEND
if [ -n "$excluded" ]; then
    CK_EXCLUDE_TAGS=$excluded
    export CK_EXCLUDE_TAGS
fi

failed=""
for suite in "$@"; do
    name=$(basename "$suite")
    if "$suite"; then
        echo "conformance.$backend: $name passed"
    else
        echo "conformance.$backend: $name FAILED"
        failed="$failed $name"
    fi
done

if [ -n "$failed" ]; then
    echo "conformance.$backend: failed:$failed"
    exit 1
fi
echo "conformance.$backend: every domain suite passed"
