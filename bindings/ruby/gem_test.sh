#!/bin/sh
# bindings.ruby_gem: the Ruby library installs two ways, offline.
#
# 1. `cmake --install` of the build into a temporary prefix; the library is
#    required from its site directory there.
# 2. `gem build` of bindings/ruby (a copy, so that the source tree stays
#    clean) and `gem install --local` of the gem into a temporary GEM_HOME,
#    built against the library installed in step 1.
#
# Each installed copy opens a book, bills a customer and reads it back.
#
# Usage: gem_test.sh BUILD_DIR CMAKE RUBY GEM
set -eu

if [ "$#" -ne 4 ]; then
    echo "usage: $0 BUILD_DIR CMAKE RUBY GEM" >&2
    exit 2
fi
build=$(cd "$1" && pwd)
cmake=$2
ruby=$3
gem=$4
bindings=$(cd "$(dirname "$0")/.." && pwd)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/arcollect-gem.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
prefix=$tmp/prefix

fail()
{
    echo "bindings.ruby_gem: $*" >&2
    exit 1
}

smoke()
{
    expected=$1
    shift
    (cd "$tmp" && "$@" -e '
require "arcollect"
path = $LOADED_FEATURES.grep(%r{/arcollect/raw\.so\z}).first.to_s
abort "arcollect/raw was loaded from #{path}, not from #{ARGV[0]}" unless path.start_with?(ARGV[0])
Arcollect.open(ARGV[1], now: Time.utc(2025, 4, 20)) do |book|
  customer = book.customers.create("C-1", "Smoke Test Ltd", "EUR")
  invoice = book.invoices.create(customer, [["Support", "99.50", 2]], issue: true)
  raise "total #{invoice.total}" unless invoice.total == Arcollect::Money.new("199.00", "EUR")
end
puts "arcollect #{Arcollect::VERSION} from #{path}: ok"
' "$expected" "$tmp/book-$$-$(date +%s%N).arcbook") || fail "the library installed in $expected does not work"
}

echo "== cmake --install into $prefix"
"$cmake" --install "$build" --prefix "$prefix" >/dev/null
site_dir=$(find "$prefix" -name arcollect.rb -path '*site_ruby*' -exec dirname {} \; | head -n 1)
[ -n "$site_dir" ] || fail "no arcollect.rb installed under $prefix"
smoke "$site_dir" "$ruby" -I"$site_dir"

echo "== gem build and gem install --local against $prefix"
mkdir "$tmp/src"
cp -R "$bindings/arcollect.i" "$bindings/support" "$bindings/ruby" "$tmp/src/"
rm -rf "$tmp/src/ruby/ext/arcollect/bindings"
(cd "$tmp/src/ruby" && ARCOLLECT_PREFIX=$prefix "$gem" build arcollect.gemspec) ||
    fail "gem build failed"
gem_file=$(ls "$tmp/src/ruby"/arcollect-*.gem)
GEM_HOME=$tmp/gems ARCOLLECT_PREFIX=$prefix "$gem" install --local --no-document "$gem_file" ||
    fail "gem install failed"
smoke "$tmp/gems" env GEM_HOME="$tmp/gems" GEM_PATH="$tmp/gems" "$ruby"

echo "bindings.ruby_gem: cmake --install and the gem both work"
