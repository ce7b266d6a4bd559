#!/bin/sh
# api.format: every C source and header under include/ src/ tests/ examples/
# and bench/ is formatted as the pinned .clang-format at the repository root
# says. clang-format 14 is required, since other versions format differently.
#
# Usage: format.sh SOURCE_DIR
set -eu

if [ "$#" -ne 1 ]; then
    echo "usage: $0 SOURCE_DIR" >&2
    exit 2
fi
cd "$1"

clang_format=
for candidate in clang-format-14 clang-format; do
    if command -v "$candidate" >/dev/null 2>&1; then
        clang_format=$candidate
        break
    fi
done
if [ -z "$clang_format" ]; then
    echo "clang-format 14 is not installed (Debian: apt-get install clang-format-14)" >&2
    exit 1
fi
version=$("$clang_format" --version)
case "$version" in
*"version 14."*) ;;
*)
    echo "$clang_format is not version 14: $version" >&2
    exit 1
    ;;
esac

# Build trees may sit anywhere, so any directory holding a CMakeCache.txt or
# named build* is left out, as are dot-directories.
files=$(find include src tests examples bench \
    \( -type d \( -name 'build*' -o -name '.*' -o -name CMakeFiles \) -prune \) -o \
    \( -type f \( -name '*.c' -o -name '*.h' \) -print \) 2>/dev/null | LC_ALL=C sort)

checked=0
unformatted=
for file in $files; do
    dir=$(dirname "$file")
    if [ -f "$dir/CMakeCache.txt" ]; then
        continue
    fi
    checked=$((checked + 1))
    if ! "$clang_format" --style=file --dry-run --Werror "$file" >/dev/null 2>&1; then
        unformatted="$unformatted $file"
    fi
done

if [ "$checked" -eq 0 ]; then
    echo "no C sources found under include/ src/ tests/ examples/ bench/" >&2
    exit 1
fi
if [ -n "$unformatted" ]; then
    echo "not formatted as .clang-format says (fix with: $clang_format -i FILE):"
    for file in $unformatted; do
        echo "  $file"
    done
    for file in $unformatted; do
        "$clang_format" --style=file --dry-run "$file" 2>&1 | head -n 20
    done
    exit 1
fi
echo "$checked files formatted as .clang-format says ($version)"
