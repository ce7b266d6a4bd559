# frozen_string_literal: true

# The arcollect gem, built against an installed libarcollect:
#
#   cd bindings/ruby && gem build arcollect.gemspec && gem install --local arcollect-*.gem
#
# Building the gem copies the shared SWIG interface and the C support files
# of bindings/ into ext/arcollect/bindings/, so that the gem carries them;
# installing it runs SWIG and compiles the extension against the library
# that pkg-config finds (or the one under $ARCOLLECT_PREFIX). The gem's
# version is the library's. Nothing is downloaded.

require "fileutils"
require "open3"

here = __dir__
shared = File.expand_path("..", here)
bundled = File.join(here, "ext", "arcollect", "bindings")

if File.exist?(File.join(shared, "arcollect.i"))
  FileUtils.mkdir_p(File.join(bundled, "support"))
  FileUtils.mkdir_p(File.join(bundled, "ruby"))
  FileUtils.cp(File.join(shared, "arcollect.i"), bundled)
  FileUtils.cp(Dir[File.join(shared, "support", "*.{c,h}")], File.join(bundled, "support"))
  FileUtils.cp(File.join(here, "event_trampoline.h"), File.join(bundled, "ruby"))
end

pkg_config = ["pkg-config", "--modversion", "arcollect"]
environment = {}
if (prefix = ENV.fetch("ARCOLLECT_PREFIX", nil))
  pc_dirs = Dir[File.join(prefix, "**", "pkgconfig", "arcollect.pc")].map { |path| File.dirname(path) }
  environment["PKG_CONFIG_PATH"] = (pc_dirs + [ENV.fetch("PKG_CONFIG_PATH", "")]).join(File::PATH_SEPARATOR)
end
version, status = Open3.capture2(environment, *pkg_config)
raise "arcollect.gemspec: pkg-config cannot find an installed libarcollect (set ARCOLLECT_PREFIX)" unless status.success?

Gem::Specification.new do |spec|
  spec.name = "arcollect"
  spec.version = version.strip
  spec.summary = "Accounts receivable for Ruby, on libarcollect"
  spec.description = "Customers, invoices, payments, disputes and communications in a libarcollect book, " \
                     "with Ruby exceptions, blocks, Enumerators, BigDecimal money and Date/Time values."
  spec.authors = ["libarcollect"]
  spec.license = "Nonstandard"
  spec.required_ruby_version = ">= 3.0"
  spec.files = Dir.chdir(here) do
    Dir["lib/**/*.rb"] + Dir["ext/arcollect/**/*.{rb,i,c,h}"]
  end
  spec.require_paths = ["lib"]
  spec.extensions = ["ext/arcollect/extconf.rb"]
end
