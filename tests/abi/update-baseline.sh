#!/bin/bash
# Regenerate tests/abi/libarcollect.abi from a build of libarcollect.
#
# Adding functions, or regenerating an unchanged ABI, is always accepted.
# Removing or changing a function, variable or type is accepted only together
# with a new SONAME, that is a new major version in project() of the
# top-level CMakeLists.txt; otherwise the script refuses and says why.
#
# Usage: update-baseline.sh BUILD_DIR
#   BUILD_DIR is a configured build tree (RelWithDebInfo, the default, or
#   Debug: the library needs debug information). The library is brought up
#   to date first.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=abi-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/abi-lib.sh"

if [ "$#" -ne 1 ]; then
    echo "usage: $0 BUILD_DIR" >&2
    exit 2
fi
arc_abi_require_tools
[ -f "$1/CMakeCache.txt" ] ||
    arc_abi_fail "$1 is not a configured build tree; run: cmake -S $arc_abi_root -B $1"
build=$(cd "$1" && pwd)

cmake --build "$build" --target arcollect
library=$(arc_abi_find_library "$build")

tmp=$(mktemp -d "${TMPDIR:-/tmp}/arcollect-abi.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
arc_abi_dump "$library" "$build" "$tmp/new.abi"
new_soname=$(arc_abi_corpus_attribute "$tmp/new.abi" soname)
new_arch=$(arc_abi_corpus_attribute "$tmp/new.abi" architecture)

if [ -f "$arc_abi_baseline" ]; then
    old_soname=$(arc_abi_corpus_attribute "$arc_abi_baseline" soname)
    old_arch=$(arc_abi_corpus_attribute "$arc_abi_baseline" architecture)
    if [ "$old_arch" != "$new_arch" ]; then
        arc_abi_fail "the baseline describes $old_arch but $library is $new_arch;" \
            "regenerate it on $old_arch"
    fi

    status=0
    arc_abi_compare "$arc_abi_baseline" "$tmp/new.abi" || status=$?
    if [ "$status" -eq 2 ]; then
        exit 1
    fi
    if [ "$status" -eq 1 ] && [ "$old_soname" = "$new_soname" ]; then
        arc_abi_fail "refusing to update the baseline: the library removes or changes ABI" \
            "(see the report above) while its SONAME stays $new_soname. Programs linked" \
            "against $new_soname would break. Restore compatibility, or raise the major" \
            "version in project() of CMakeLists.txt so that the SONAME changes, rebuild," \
            "and run this again."
    fi
    if [ "$old_soname" != "$new_soname" ]; then
        echo "SONAME changes from $old_soname to $new_soname: the ABI may break"
    fi
    if cmp -s "$arc_abi_baseline" "$tmp/new.abi"; then
        echo "$arc_abi_baseline is already up to date ($new_soname, $new_arch)"
        exit 0
    fi
fi

cp "$tmp/new.abi" "$arc_abi_baseline"
echo "wrote $arc_abi_baseline ($new_soname, $new_arch); commit it with the change"
