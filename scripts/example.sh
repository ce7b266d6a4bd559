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

install_packages()
{
    local missing=() package

    if ! command -v dpkg-query >/dev/null 2>&1; then
        echo "example.sh: not a Debian system; assuming these are installed: ${packages[*]}"
        return 0
    fi
    for package in "${packages[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null |
            grep -q 'install ok installed'; then
            missing+=("$package")
        fi
    done
    if [ "${#missing[@]}" -eq 0 ]; then
        return 0
    fi
    if [ "$(id -u)" -ne 0 ]; then
        echo "example.sh: missing packages: ${missing[*]}; run as root or install them" >&2
        exit 1
    fi
    echo "example.sh: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y --no-install-recommends "${missing[@]}"
}

install_packages

cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DPython3_EXECUTABLE=/usr/bin/python3
cmake --build "$root/build" -j2

exec "$root/build/examples/arc_example_billing" "$@"
