# shellcheck shell=bash
# Sourced by the scripts in this folder: install_packages NAME PACKAGE...
# installs the Debian packages that are missing (as root, with apt-get) and
# leaves apt alone when they are all present. NAME prefixes its messages.

install_packages()
{
    local name=$1 missing=() package
    shift

    if ! command -v dpkg-query >/dev/null 2>&1; then
        echo "$name: not a Debian system; assuming these are installed: $*"
        return 0
    fi
    for package in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null |
            grep -q 'install ok installed'; then
            missing+=("$package")
        fi
    done
    if [ "${#missing[@]}" -eq 0 ]; then
        return 0
    fi
    if [ "$(id -u)" -ne 0 ]; then
        echo "$name: missing packages: ${missing[*]}; run as root or install them" >&2
        exit 1
    fi
    echo "$name: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y --no-install-recommends "${missing[@]}"
}
