#!/bin/bash
# api.abi: the built libarcollect.so keeps the ABI recorded in the committed
# baseline tests/abi/libarcollect.abi. New functions are allowed; a removed or
# changed function, variable or type fails, and so does a SONAME that differs
# from the baseline's (the baseline must then be regenerated deliberately
# with tests/abi/update-baseline.sh). See docs/abi.md.
#
# Usage: check.sh BUILD_DIR [LIBRARY]
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=abi-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/abi-lib.sh"

if [ "$#" -lt 1 ] || [ "$#" -gt 2 ]; then
    echo "usage: $0 BUILD_DIR [LIBRARY]" >&2
    exit 2
fi
arc_abi_require_tools
build=$(cd "$1" && pwd)
library=${2:-$(arc_abi_find_library "$build")}
regenerate="bash tests/abi/update-baseline.sh $build"

[ -f "$arc_abi_baseline" ] ||
    arc_abi_fail "no baseline $arc_abi_baseline; create it with: $regenerate"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/arcollect-abi.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
arc_abi_dump "$library" "$build" "$tmp/current.abi"

baseline_arch=$(arc_abi_corpus_attribute "$arc_abi_baseline" architecture)
current_arch=$(arc_abi_corpus_attribute "$tmp/current.abi" architecture)
if [ "$baseline_arch" != "$current_arch" ]; then
    arc_abi_fail "the baseline describes $baseline_arch but $library is $current_arch;" \
        "the ABI can only be checked on $baseline_arch"
fi

baseline_soname=$(arc_abi_corpus_attribute "$arc_abi_baseline" soname)
current_soname=$(arc_abi_corpus_attribute "$tmp/current.abi" soname)
if [ "$baseline_soname" != "$current_soname" ]; then
    arc_abi_fail "the SONAME is $current_soname but the baseline records" \
        "$baseline_soname. A new major version is a deliberate ABI break: regenerate" \
        "the baseline with '$regenerate' and commit it together with the version change."
fi

echo "comparing $library with $arc_abi_baseline ($baseline_soname, $baseline_arch)"
status=0
arc_abi_compare "$arc_abi_baseline" "$tmp/current.abi" || status=$?
case $status in
0)
    echo "ABI compatible with the baseline"
    ;;
1)
    arc_abi_fail "$current_soname removes or changes ABI that the baseline has (see the" \
        "report above). Restore compatibility, or make a deliberate break: raise the major" \
        "version in project() of CMakeLists.txt and run '$regenerate'."
    ;;
*)
    exit 1
    ;;
esac
