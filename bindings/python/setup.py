"""Build the arcollect package against an installed libarcollect.

    python3 -m pip install --no-build-isolation bindings/python

SWIG generates the raw module from ../arcollect.i and the installed public
headers; the library is found with pkg-config, or under $ARCOLLECT_PREFIX
when that is set (a prefix that `cmake --install` filled). The package's
version is the library's. Nothing is downloaded.
"""

import os
import pathlib
import shutil
import subprocess

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = pathlib.Path(__file__).resolve().parent
BINDINGS = HERE.parent
SYSTEM_LIBRARY_DIRS = {"/lib", "/usr/lib", "/lib64", "/usr/lib64"}


def pkg_config(*options):
    """The output of pkg-config for arcollect, as a list of words."""
    command = ["pkg-config", *options]
    environment = dict(os.environ)
    prefix = os.environ.get("ARCOLLECT_PREFIX")
    if prefix:
        pc_dirs = sorted({str(path.parent) for path in
                          pathlib.Path(prefix).glob("**/pkgconfig/arcollect.pc")})
        environment["PKG_CONFIG_PATH"] = os.pathsep.join(
            pc_dirs + [environment.get("PKG_CONFIG_PATH", "")])
        command.append(f"--define-variable=prefix={prefix}")
    try:
        result = subprocess.run([*command, "arcollect"], env=environment, check=True,
                                capture_output=True, text=True)
    except (OSError, subprocess.CalledProcessError) as error:
        raise SystemExit("arcollect: pkg-config cannot find an installed libarcollect "
                         f"(set ARCOLLECT_PREFIX or PKG_CONFIG_PATH): {error}") from None
    return result.stdout.split()


def without_flag(words, flag):
    return [word[len(flag):] for word in words if word.startswith(flag)]


class BuildSwigExtension(build_ext):
    """Generate the SWIG wrapper into the build directory, then compile it."""

    def build_extension(self, ext):
        swig = shutil.which("swig4.0") or shutil.which("swig")
        if swig is None:
            raise SystemExit("arcollect: swig is needed to build the bindings "
                             "(Debian: apt-get install swig)")
        wrapper = pathlib.Path(self.build_temp) / "arcollect_wrap.c"
        wrapper.parent.mkdir(parents=True, exist_ok=True)
        includes = [f"-I{directory}" for directory in ext.include_dirs]
        subprocess.run([swig, "-python", "-builtin", *includes, "-interface", "_raw",
                        "-outdir", str(wrapper.parent), "-o", str(wrapper),
                        str(BINDINGS / "arcollect.i")], check=True)
        ext.sources = [str(wrapper), *ext.sources]
        super().build_extension(ext)


include_dirs = without_flag(pkg_config("--cflags-only-I"), "-I")
library_dirs = without_flag(pkg_config("--libs-only-L"), "-L")
run_path = [directory for directory in library_dirs
            if os.path.realpath(directory) not in SYSTEM_LIBRARY_DIRS]

raw_module = Extension(
    "arcollect._raw",
    sources=[str(BINDINGS / "support" / "owned_opts.c"),
             str(BINDINGS / "support" / "fixed_clock.c")],
    include_dirs=[*include_dirs, str(BINDINGS)],
    library_dirs=library_dirs,
    libraries=without_flag(pkg_config("--libs-only-l"), "-l"),
    runtime_library_dirs=run_path,
    extra_compile_args=["-w"],
)

setup(
    name="arcollect",
    version=pkg_config("--modversion")[0],
    description="Accounts receivable for Python, on libarcollect",
    packages=["arcollect"],
    package_dir={"arcollect": str(HERE.joinpath("arcollect").relative_to(HERE))},
    ext_modules=[raw_module],
    cmdclass={"build_ext": BuildSwigExtension},
    python_requires=">=3.8",
)
