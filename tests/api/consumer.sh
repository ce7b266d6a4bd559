#!/bin/sh
# api.consumer: install the build into a temporary prefix and build a small
# outside program against it three ways: with pkg-config, as a CMake project
# linking arcollect::arcollect, and as one linking arcollect::arcollect_static.
# Each program is run and must open a book and agree with its headers on the
# version.
#
# Usage: consumer.sh BUILD_DIR [CMAKE]
set -eu

if [ "$#" -lt 1 ] || [ "$#" -gt 2 ]; then
    echo "usage: $0 BUILD_DIR [CMAKE]" >&2
    exit 2
fi
build=$(cd "$1" && pwd)
cmake=${2:-cmake}
cc=${CC:-cc}
here=$(cd "$(dirname "$0")" && pwd)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/arcollect-consumer.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
prefix=$tmp/prefix

fail()
{
    echo "api.consumer: $*" >&2
    exit 1
}

step()
{
    echo
    echo "== $*"
}

# Run a consumer program with a fresh directory for its book; a second
# argument is the directory the dynamic loader should search first.
run_app()
{
    app=$1
    book_dir=$tmp/book-$(basename "$app")
    mkdir "$book_dir"
    if [ "$#" -gt 1 ]; then
        env LD_LIBRARY_PATH="$2" "$app" "$book_dir" || fail "$app failed"
    else
        "$app" "$book_dir" || fail "$app failed"
    fi
}

step "install into $prefix"
"$cmake" --install "$build" --prefix "$prefix"

pc_file=$(find "$prefix" -path '*/pkgconfig/arcollect.pc' | head -n 1)
[ -n "$pc_file" ] || fail "no arcollect.pc installed under $prefix"
pc_dir=$(dirname "$pc_file")
lib_dir=$(dirname "$pc_dir")
for file in "$lib_dir/libarcollect.so" "$lib_dir/libarcollect.a" \
    "$lib_dir/cmake/arcollect/arcollectConfig.cmake" "$prefix/include/arcollect.h" \
    "$prefix/include/arcollect/version.h"; do
    [ -e "$file" ] || fail "not installed: $file"
done

# The .pc file names the prefix chosen at configure time, so the temporary
# prefix is substituted for it; pkg-config resolves the rest from there.
step "pkg-config: cc \$(pkg-config --cflags --libs arcollect)"
pc_flags=$(PKG_CONFIG_PATH=$pc_dir pkg-config --define-variable=prefix="$prefix" \
    --cflags --libs arcollect)
echo "pkg-config gives: $pc_flags"
case "$pc_flags" in
*"-I$prefix/"*"-L$prefix/"* | *"-L$prefix/"*"-I$prefix/"*) ;;
*) fail "pkg-config flags do not point into $prefix: $pc_flags" ;;
esac
# shellcheck disable=SC2086 # the flags are a list of words
"$cc" -std=c11 -Wall -Wextra -Werror -o "$tmp/app-pkgconfig" "$here/consumer/main.c" \
    $pc_flags
LD_LIBRARY_PATH=$lib_dir ldd "$tmp/app-pkgconfig" | grep -q "libarcollect.so.* => $lib_dir/" ||
    fail "app-pkgconfig does not load libarcollect from $lib_dir"
run_app "$tmp/app-pkgconfig" "$lib_dir"

for linkage in shared static; do
    if [ "$linkage" = static ]; then
        target=arcollect::arcollect_static
        static_option=ON
    else
        target=arcollect::arcollect
        static_option=OFF
    fi
    step "CMake: find_package(arcollect) and $target"
    "$cmake" -S "$here/consumer" -B "$tmp/cmake-$linkage" -DCMAKE_BUILD_TYPE=Release \
        -DCMAKE_PREFIX_PATH="$prefix" -DARC_CONSUMER_STATIC=$static_option
    grep -q "^arcollect_DIR:PATH=$prefix/" "$tmp/cmake-$linkage/CMakeCache.txt" ||
        fail "find_package(arcollect) did not find the copy in $prefix"
    "$cmake" --build "$tmp/cmake-$linkage"
    cp "$tmp/cmake-$linkage/app" "$tmp/app-cmake-$linkage"

    needs_shared=no
    if readelf -d "$tmp/app-cmake-$linkage" | grep -q 'NEEDED.*libarcollect\.so'; then
        needs_shared=yes
    fi
    if [ "$linkage" = static ]; then
        [ "$needs_shared" = no ] || fail "app linked with $target needs libarcollect.so"
        run_app "$tmp/app-cmake-$linkage"
    else
        [ "$needs_shared" = yes ] || fail "app linked with $target does not need libarcollect.so"
        LD_LIBRARY_PATH=$lib_dir ldd "$tmp/app-cmake-$linkage" |
            grep -q "libarcollect.so.* => $lib_dir/" ||
            fail "app-cmake-$linkage does not load libarcollect from $lib_dir"
        run_app "$tmp/app-cmake-$linkage" "$lib_dir"
    fi
done

echo
echo "api.consumer: pkg-config, shared CMake and static CMake consumers built and ran"
