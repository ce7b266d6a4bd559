#!/bin/sh
# api.soname: the shared library's SONAME is libarcollect.so.<major>, where
# <major> is the major version in project() of the top-level CMakeLists.txt.
#
# Usage: soname.sh READELF LIBRARY MAJOR
set -eu

if [ "$#" -ne 3 ]; then
    echo "usage: $0 READELF LIBRARY MAJOR" >&2
    exit 2
fi
readelf=$1
library=$2
major=$3
expected="libarcollect.so.$major"

dynamic=$("$readelf" -d "$library")
soname=$(printf '%s\n' "$dynamic" | sed -n 's/.*(SONAME).*\[\(.*\)\].*/\1/p')

if [ -z "$soname" ]; then
    echo "$library has no SONAME; expected $expected" >&2
    exit 1
fi
if [ "$soname" != "$expected" ]; then
    echo "$library has SONAME $soname; expected $expected (major version $major)" >&2
    exit 1
fi
echo "SONAME $soname"
