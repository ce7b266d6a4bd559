#!/bin/sh
# bindings.python_install: the Python package installs two ways, offline.
#
# 1. `cmake --install` of the build into a temporary prefix; the package is
#    imported from its site directory there, and finds libarcollect through
#    its run path.
# 2. `pip install --no-build-isolation --no-index` of bindings/python (a copy,
#    so that the source tree stays clean) into a temporary target, built
#    against the library installed in step 1.
#
# Each installed copy opens a book, bills a customer and reads it back.
#
# Usage: install_test.sh BUILD_DIR CMAKE PYTHON PYTHON_INSTALL_DIR
set -eu

if [ "$#" -ne 4 ]; then
    echo "usage: $0 BUILD_DIR CMAKE PYTHON PYTHON_INSTALL_DIR" >&2
    exit 2
fi
build=$(cd "$1" && pwd)
cmake=$2
python=$3
site_dir=$4
bindings=$(cd "$(dirname "$0")/.." && pwd)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/arcollect-pyinstall.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
prefix=$tmp/prefix

fail()
{
    echo "bindings.python_install: $*" >&2
    exit 1
}

smoke()
{
    (cd "$tmp" && env PYTHONPATH="$1" "$python" -c '
import datetime, sys
import arcollect
path = arcollect.__file__
if not path.startswith(sys.argv[1]):
    sys.exit(f"arcollect was imported from {path}, not from {sys.argv[1]}")
now = datetime.datetime(2025, 4, 20, tzinfo=datetime.timezone.utc)
with arcollect.open(sys.argv[2], now=now) as book:
    customer = book.customers.create("C-1", "Smoke Test Ltd", "EUR")
    invoice = book.invoices.create(customer, [("Support", "99.50", 2)], issue=True)
    assert invoice.total == arcollect.Money("199.00", "EUR"), invoice.total
print(f"arcollect {arcollect.__version__} from {path}: ok")
' "$1" "$tmp/book-$(basename "$1").arcbook") || fail "the package installed in $1 does not work"
}

echo "== cmake --install into $prefix"
"$cmake" --install "$build" --prefix "$prefix" >/dev/null
[ -f "$prefix/$site_dir/arcollect/__init__.py" ] || fail "no package in $prefix/$site_dir"
smoke "$prefix/$site_dir"

echo "== pip install --no-build-isolation --no-index against $prefix"
mkdir "$tmp/src"
cp -R "$bindings/arcollect.i" "$bindings/support" "$bindings/python" "$tmp/src/"
ARCOLLECT_PREFIX=$prefix "$python" -m pip install --no-build-isolation --no-index \
    --disable-pip-version-check --no-cache-dir --root-user-action=ignore --target "$tmp/pip" "$tmp/src/python" ||
    fail "pip install failed"
smoke "$tmp/pip"

echo "bindings.python_install: cmake --install and pip install both work"
