#!/bin/bash
# Build libarcollect and run every test.
#
#   1. build/       RelWithDebInfo build; every ctest test: unit suites, the
#                   conformance suite on each backend (PostgreSQL on a
#                   throwaway server), API, ABI and formatting checks, the
#                   CLI, the guides' samples, the bindings.
#   2. build-asan/  AddressSanitizer + UndefinedBehaviorSanitizer build; the
#                   unit, fuzz and CLI tests and the in-memory conformance
#                   run again, with leak detection.
#
# On Debian, missing packages are installed with apt-get first (this needs
# root); when they are all present apt is not touched. Exits non-zero when a
# build or any test fails.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

packages=(build-essential cmake pkg-config libsqlite3-dev sqlite3 libsodium-dev check
          abigail-tools clang-format-14 valgrind g++ file binutils python3 doxygen
          libpq-dev postgresql
          swig python3-dev python3-pytest python3-setuptools python3-pip python3-wheel
          ruby ruby-dev ruby-minitest)

# shellcheck source=scripts/packages.sh
source scripts/packages.sh
install_packages test.sh "${packages[@]}"

failed=()

# A throwaway PostgreSQL server for pg.* and conformance.postgresql, stopped
# on exit (scripts/pg.sh). As root (as in CI, where the packages above were
# installed) a server that does not start is a failure; otherwise the
# PostgreSQL tests report themselves skipped, and pg_start says why.
# shellcheck source=scripts/pg.sh
source scripts/pg.sh
if ! pg_start && [ "$(id -u)" -eq 0 ]; then
    failed+=("PostgreSQL (no throwaway server could be started)")
fi

echo "== build/: RelWithDebInfo, every test"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPython3_EXECUTABLE=/usr/bin/python3
cmake --build build -j2
if ! (cd build && ctest --output-on-failure --no-tests=error); then
    failed+=("build/ (ctest)")
fi
pg_stop

echo "== build-asan/: AddressSanitizer and UndefinedBehaviorSanitizer: unit, fuzz and CLI" \
    "tests, and the domain suites on the in-memory backend"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DARC_SANITIZE=ON -DARC_BUILD_BENCH=OFF \
    -DARC_BUILD_EXAMPLES=OFF -DARC_BUILD_BINDINGS=OFF -DPython3_EXECUTABLE=/usr/bin/python3
cmake --build build-asan -j2
asan_tests='^((unit|fuzz|cli)\.|conformance\.memory$)'
if ! (cd build-asan &&
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        ctest --output-on-failure --no-tests=error -R "$asan_tests"); then
    failed+=("build-asan/ (ctest -R '$asan_tests')")
fi

if [ "${#failed[@]}" -ne 0 ]; then
    echo "test.sh: FAILED: ${failed[*]}" >&2
    exit 1
fi
echo "test.sh: all tests passed in build/ and build-asan/"
