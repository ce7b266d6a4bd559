# Shared by check.sh and update-baseline.sh; sourced, not run.
#
# The ABI of libarcollect is described by abidw (libabigail) from the DWARF
# of the built library, restricted to the public headers. Both scripts dump
# the library with exactly these settings, so the committed baseline and a
# fresh dump always compare like with like.

# shellcheck disable=SC2034 # used by the scripts that source this file
arc_abi_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
arc_abi_root=$(cd "$arc_abi_dir/../.." && pwd)
arc_abi_baseline=$arc_abi_dir/libarcollect.abi

arc_abi_fail()
{
    echo "$(basename "$0"): $*" >&2
    exit 1
}

arc_abi_require_tools()
{
    local tool
    for tool in abidw abidiff readelf; do
        command -v "$tool" >/dev/null 2>&1 ||
            arc_abi_fail "$tool is not installed (Debian: apt-get install abigail-tools binutils)"
    done
}

# The shared library a build directory produced: the real file behind the
# libarcollect.so link, so that a stale libarcollect.so.N.M.P is never used.
arc_abi_find_library()
{
    local build=$1 link
    link=$build/src/libarcollect.so
    if [ ! -e "$link" ]; then
        link=$(find "$build" -maxdepth 4 -name libarcollect.so -not -path '*/CMakeFiles/*' |
            head -n 1)
    fi
    if [ -z "$link" ] || [ ! -e "$link" ]; then
        arc_abi_fail "no libarcollect.so in $build: build the project first"
    fi
    readlink -f "$link"
}

# Write the ABI of LIBRARY to OUT. Only declarations reachable from the
# public headers (the source include/ and the build's generated include/) are
# kept, and nothing that depends on where the tree was built: no corpus or
# compilation directory, no source locations, hash-based type ids, and the
# translation units' paths made relative to the repository root.
arc_abi_dump()
{
    local library=$1 build=$2 out=$3 root_pattern build_pattern

    readelf -S "$library" | grep -q '\.debug_info' ||
        arc_abi_fail "$library has no debug information; configure with" \
            "-DCMAKE_BUILD_TYPE=RelWithDebInfo (the default) or Debug"

    abidw --no-corpus-path --no-comp-dir-path --no-show-locs --no-elf-needed \
        --drop-undefined-syms --drop-private-types --exported-interfaces-only \
        --type-id-style hash \
        --headers-dir "$arc_abi_root/include" --headers-dir "$build/include" \
        --out-file "$out.raw" "$library" ||
        arc_abi_fail "abidw failed on $library"

    root_pattern=$(printf '%s/' "$arc_abi_root" | sed 's/[][\.*^$|]/\\&/g')
    build_pattern=$(printf '%s/' "$build" | sed 's/[][\.*^$|]/\\&/g')
    sed -e "s|path='$build_pattern|path='|g" -e "s|path='$root_pattern|path='|g" \
        "$out.raw" >"$out"
    rm -f "$out.raw"
}

# An attribute of the abi-corpus element of an ABI file: soname, architecture.
arc_abi_corpus_attribute()
{
    sed -n "s/.*<abi-corpus [^>]*$2='\([^']*\)'.*/\1/p" "$1" | head -n 1
}

# Compare two ABI files. Prints abidiff's full report (additions included)
# and returns 0 when NEW keeps everything OLD has, 1 when NEW removes or
# changes a function, variable or type that OLD has, 2 when abidiff fails.
#
# abidiff's exit status is a bit set: 1 tool error, 2 usage error, 4 ABI
# change, 8 incompatible change (a removed symbol). With --no-added-syms,
# added functions and variables no longer count as a change, so any bit left
# means something was removed or changed.
arc_abi_compare()
{
    local old=$1 new=$2 status=0

    abidiff --no-default-suppression "$old" "$new" || true
    abidiff --no-default-suppression --no-added-syms "$old" "$new" >/dev/null || status=$?

    if [ $((status & 3)) -ne 0 ]; then
        echo "abidiff could not compare $old and $new (exit status $status)" >&2
        return 2
    fi
    if [ $((status & 12)) -ne 0 ]; then
        return 1
    fi
    return 0
}
