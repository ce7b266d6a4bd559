#!/usr/bin/python3
"""api.exported_symbols: the shared library exports exactly the documented API.

Two rules are checked:

1. every dynamic symbol that libarcollect.so defines starts with "arc_";
2. the exported set equals the set of names declared with ARC_EXTERN in the
   public headers under include/arcollect/.

Usage: exported_symbols.py [--nm NM] LIBRARY INCLUDE_DIR
"""

import argparse
import pathlib
import re
import subprocess
import sys

# Version nodes of the linker version script (ARCOLLECT_0, ARCOLLECT_1, ...)
# appear in the dynamic symbol table as absolute symbols; they are not API.
VERSION_NODE = re.compile(r"^[A-Z][A-Z0-9_]*$")
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def exported_symbols(nm, library):
    """Names of the dynamic symbols the library defines, without versions."""
    result = subprocess.run([nm, "-D", "--defined-only", library],
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{nm} -D --defined-only {library} failed:\n{result.stderr}")

    names = set()
    for line in result.stdout.splitlines():
        fields = line.split()
        if len(fields) < 2:
            continue
        kind, name = fields[-2], fields[-1]
        name = name.split("@", 1)[0]
        if kind == "A" and VERSION_NODE.match(name):
            continue
        names.add(name)
    return names


def strip_comments_and_directives(text):
    """The header without comments and preprocessor lines."""
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    text = re.sub(r"//[^\n]*", " ", text)
    text = re.sub(r"\\\n", " ", text)
    return "\n".join(line for line in text.splitlines()
                     if not line.lstrip().startswith("#"))


def declared_name(declaration):
    """The name a declaration such as "int arc_x(arc_db *db)" introduces."""
    paren = declaration.find("(")
    if paren < 0:
        # A variable: the last identifier before any array bound or initialiser.
        head = re.split(r"[\[=]", declaration, maxsplit=1)[0]
        names = IDENTIFIER.findall(head)
        return names[-1] if names else None

    # A function returning a function pointer, "int (*arc_x(void))(int)",
    # or a function pointer variable, "void (*arc_hook)(int)".
    match = re.match(r"\(\s*\*\s*([A-Za-z_][A-Za-z0-9_]*)", declaration[paren:])
    if match:
        return match.group(1)

    match = re.search(r"([A-Za-z_][A-Za-z0-9_]*)$", declaration[:paren].rstrip())
    if match and match.group(1) != "__attribute__":
        return match.group(1)
    return None


def declared_symbols(include_dir):
    """Map of every ARC_EXTERN name in include/arcollect/ to its header."""
    headers = sorted((pathlib.Path(include_dir) / "arcollect").rglob("*.h"))
    if not headers:
        sys.exit(f"no headers found under {include_dir}/arcollect")

    declared = {}
    problems = []
    for header in headers:
        text = strip_comments_and_directives(header.read_text(encoding="utf-8"))
        for match in re.finditer(r"\bARC_EXTERN\b([^;{]*)", text):
            name = declared_name(" ".join(match.group(1).split()))
            if name is None:
                problems.append(f"{header}: cannot read the name in "
                                f"'ARC_EXTERN{match.group(1).strip()}'")
                continue
            declared[name] = header.relative_to(include_dir)
    if problems:
        sys.exit("\n".join(problems))
    return declared


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nm", default="nm")
    parser.add_argument("library")
    parser.add_argument("include_dir")
    args = parser.parse_args()

    exported = exported_symbols(args.nm, args.library)
    declared = declared_symbols(args.include_dir)
    failed = False

    foreign = sorted(name for name in exported if not name.startswith("arc_"))
    if foreign:
        failed = True
        print(f"exported without the arc_ prefix ({len(foreign)}):")
        for name in foreign:
            print(f"  {name}")

    undeclared = sorted(exported - declared.keys())
    if undeclared:
        failed = True
        print(f"exported but not declared with ARC_EXTERN in a public header "
              f"({len(undeclared)}):")
        for name in undeclared:
            print(f"  {name}")

    missing = sorted(declared.keys() - exported)
    if missing:
        failed = True
        print(f"declared with ARC_EXTERN but not exported ({len(missing)}):")
        for name in missing:
            print(f"  {name}  ({declared[name]})")

    if failed:
        return 1
    print(f"{len(exported)} exported symbols, all arc_, all declared in "
          f"{args.include_dir}/arcollect")
    return 0


if __name__ == "__main__":
    sys.exit(main())
