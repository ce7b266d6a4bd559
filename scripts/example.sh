#!/bin/bash
# Build libarcollect and the arcollect command, run the billing example
# (build-example/examples/arc_example_billing), then `arcollect demo --seed 1` into a
# temporary book that is removed at the end. Arguments are passed to the
# billing example unchanged, and relative paths among them are taken from the
# directory this script is run in.
#
# On Debian, missing packages are installed with apt-get first (this needs
# root); when they are all present apt is not touched.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

packages=(build-essential cmake pkg-config libsqlite3-dev libsodium-dev check python3)

# shellcheck source=scripts/packages.sh
source "$root/scripts/packages.sh"
install_packages example.sh "${packages[@]}"

# A build of its own, with only what the examples need: no tests, benchmark,
# bindings or PostgreSQL backend, so that no more packages are needed.
build=$root/build-example
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DPython3_EXECUTABLE=/usr/bin/python3 -DARC_BUILD_TESTS=OFF -DARC_BUILD_BENCH=OFF \
    -DARC_BUILD_BINDINGS=OFF -DARC_WITH_POSTGRESQL=OFF
cmake --build "$build" -j2 --target arc_example_billing arcollect_cli

echo "== The billing example: build-example/examples/arc_example_billing"
"$build/examples/arc_example_billing" "$@"

book_dir=$(mktemp -d)
trap 'rm -rf "$book_dir"' EXIT

echo
echo "== The arcollect command: arcollect demo --seed 1, into a temporary book"
"$build/src/cli/arcollect" --db "$book_dir/demo.db" demo --seed 1

echo
echo "To keep a sample book and explore it (see docs/cli.md):"
echo "  build-example/src/cli/arcollect --db demo.db demo --seed 1"
echo "  build-example/src/cli/arcollect --db demo.db --now 2025-06-30 report disputes --by customer"
