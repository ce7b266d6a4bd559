#!/bin/bash
# Build libarcollect and run the billing example, build/examples/arc_example_billing.
# Arguments are passed to the example unchanged, and relative paths among
# them are taken from the directory this script is run in.
#
# On Debian, missing packages are installed with apt-get first (this needs
# root); when they are all present apt is not touched.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

packages=(build-essential cmake pkg-config libsqlite3-dev libsodium-dev check python3)

# shellcheck source=scripts/packages.sh
source "$root/scripts/packages.sh"
install_packages example.sh "${packages[@]}"

cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DPython3_EXECUTABLE=/usr/bin/python3
cmake --build "$root/build" -j2

exec "$root/build/examples/arc_example_billing" "$@"
