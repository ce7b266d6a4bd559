#!/usr/bin/python3
"""bindings.parity: every public C function is reachable from Python and Ruby.

A function declared with ARC_EXTERN under include/arcollect/ (sys/ too)
must, in each language, both exist in the raw SWIG module (arcollect._raw,
Arcollect::Raw) and be called by the idiomatic layer (``_raw.<name>`` in the
Python package, ``Raw.<name>`` or ``:<name>`` in the Ruby library), unless
it is on the C-only list of bindings/README.md: a table under the heading
"C-only functions" whose rows are "| `arc_name` | reason |". The list may
name only declared functions, each with a reason.

Usage: parity.py --include DIR --readme README.md --python-path DIR
                 --python-layer DIR --ruby RUBY --ruby-path DIR... --ruby-layer DIR
"""

import argparse
import ast
import pathlib
import re
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests" / "api"))
from exported_symbols import declared_symbols  # noqa: E402

C_ONLY_HEADING = re.compile(r"^#+\s*C-only functions\s*$")
C_ONLY_ROW = re.compile(r"^\|\s*`(arc_\w+)`\s*\|\s*(.*?)\s*\|\s*$")
RUBY_USE = re.compile(r"(?:\bRaw\.|(?<![\w:]):)(arc_\w+)\b")
RUBY_SYMBOL_ARRAY = re.compile(r"%i\[([^\]]*)\]")


def c_only_list(readme):
    """{name: reason} from the README's C-only table."""
    entries, inside = {}, False
    for line in pathlib.Path(readme).read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            inside = bool(C_ONLY_HEADING.match(line))
            continue
        match = C_ONLY_ROW.match(line) if inside else None
        if match:
            entries[match.group(1)] = match.group(2)
    return entries


def python_raw_names(path):
    sys.path.insert(0, path)
    from arcollect import _raw
    return set(dir(_raw))


def python_layer_uses(layer):
    """Names used as ``_raw.<name>`` anywhere in the Python package."""
    used = set()
    for source in sorted(pathlib.Path(layer).glob("*.py")):
        tree = ast.parse(source.read_text(encoding="utf-8"), str(source))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                    and node.value.id == "_raw"):
                used.add(node.attr)
    return used


def ruby_raw_names(ruby, load_path):
    flags = [f"-I{path}" for path in load_path]
    script = 'require "arcollect/raw"; puts Arcollect::Raw.singleton_methods.sort'
    result = subprocess.run([ruby, *flags, "-e", script], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"cannot load Arcollect::Raw:\n{result.stderr}")
    return set(result.stdout.split())


def ruby_layer_uses(layer):
    """Names used as ``Raw.<name>``, ``:<name>`` or in ``%i[...]`` in the Ruby
    library's code (comment lines left out)."""
    used = set()
    for source in sorted(pathlib.Path(layer).rglob("*.rb")):
        code = "\n".join(line for line in source.read_text(encoding="utf-8").splitlines()
                         if not line.lstrip().startswith("#"))
        used.update(RUBY_USE.findall(code))
        for words in RUBY_SYMBOL_ARRAY.findall(code):
            used.update(word for word in words.split() if word.startswith("arc_"))
    return used


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--include", required=True)
    parser.add_argument("--readme", required=True)
    parser.add_argument("--python-path", required=True)
    parser.add_argument("--python-layer", required=True)
    parser.add_argument("--ruby", required=True)
    parser.add_argument("--ruby-path", action="append", required=True)
    parser.add_argument("--ruby-layer", required=True)
    args = parser.parse_args()

    declared = declared_symbols(args.include)
    c_only = c_only_list(args.readme)
    problems = []

    for name, reason in sorted(c_only.items()):
        if name not in declared:
            problems.append(f"C-only list names {name}, which no header declares")
        if not reason:
            problems.append(f"C-only list gives no reason for {name}")

    languages = {
        "Python": (python_raw_names(args.python_path),
                   python_layer_uses(args.python_layer)),
        "Ruby": (ruby_raw_names(args.ruby, args.ruby_path),
                 ruby_layer_uses(args.ruby_layer)),
    }
    for language, (raw, used) in languages.items():
        for name in sorted(set(declared) - set(c_only)):
            if name not in raw:
                problems.append(f"{language}: {name} ({declared[name]}) is not in the "
                                "raw module")
            elif name not in used:
                problems.append(f"{language}: {name} ({declared[name]}) is not used by "
                                "the idiomatic layer nor on the C-only list")

    if problems:
        print("\n".join(problems))
        print(f"bindings.parity: {len(problems)} problems")
        return 1
    print(f"bindings.parity: {len(declared)} public functions; "
          f"{len(declared) - len(c_only)} used by both layers, {len(c_only)} C-only")
    return 0


if __name__ == "__main__":
    sys.exit(main())
