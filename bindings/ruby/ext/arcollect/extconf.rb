# frozen_string_literal: true

# Builds Arcollect::Raw (arcollect/raw.so): SWIG generates the wrapper from
# the bundled bindings/arcollect.i and the installed public headers, found
# with pkg-config or under $ARCOLLECT_PREFIX.

require "mkmf"

bindings = File.join(__dir__, "bindings")
abort "arcollect: #{bindings} is missing; build the gem with `gem build arcollect.gemspec`" unless
  File.exist?(File.join(bindings, "arcollect.i"))

if (prefix = ENV.fetch("ARCOLLECT_PREFIX", nil))
  pc_dirs = Dir[File.join(prefix, "**", "pkgconfig", "arcollect.pc")].map { |path| File.dirname(path) }
  ENV["PKG_CONFIG_PATH"] = (pc_dirs + [ENV.fetch("PKG_CONFIG_PATH", "")]).join(File::PATH_SEPARATOR)
end
pc = ->(option) { `pkg-config #{option} #{prefix ? "--define-variable=prefix=#{prefix}" : ""} arcollect`.split }
abort "arcollect: pkg-config cannot find an installed libarcollect (set ARCOLLECT_PREFIX)" if pc.call("--modversion").empty?

include_dirs = pc.call("--cflags-only-I").map { |flag| flag.delete_prefix("-I") }
library_dirs = pc.call("--libs-only-L").map { |flag| flag.delete_prefix("-L") }

swig = find_executable("swig4.0") || find_executable("swig")
abort "arcollect: swig is needed to build the extension (Debian: apt-get install swig)" unless swig
swig_command = [swig, "-ruby", *include_dirs.map { |dir| "-I#{dir}" }, "-o", "arcollect_wrap.c",
                File.join(bindings, "arcollect.i")]
system(*swig_command) or abort "arcollect: #{swig_command.join(" ")} failed"

$INCFLAGS << " " << [*include_dirs, bindings].map { |dir| "-I#{dir}" }.join(" ")
$CFLAGS << " -w"
library_dirs.each do |dir|
  $LDFLAGS << " -L#{dir}"
  $LDFLAGS << " -Wl,-rpath,#{dir}" unless %w[/lib /usr/lib /lib64 /usr/lib64].include?(File.realpath(dir))
end
abort "arcollect: libarcollect cannot be linked" unless have_library("arcollect", "arc_version_string")

$srcs = %w[arcollect_wrap.c owned_opts.c fixed_clock.c]
$VPATH << File.join(bindings, "support")
create_makefile("arcollect/raw")
