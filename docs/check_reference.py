#!/usr/bin/python3
"""docs.reference: build the API reference, and fail on anything undocumented.

Doxygen, configured with WARN_AS_ERROR=FAIL_ON_WARNINGS, fails on every
undocumented item of a documented header. It says nothing, though, about the
items of a header that has no @file comment: it leaves such a file out of the
reference entirely. So every public header must carry a @file comment, and
this script checks that before running Doxygen.

Usage: check_reference.py DOXYGEN DOXYFILE HEADER_DIR...
    HEADER_DIR is a directory whose *.h files are public headers (not
    recursive); the script checks them, then runs DOXYGEN DOXYFILE and exits
    with its status.
"""

import pathlib
import re
import subprocess
import sys

DOC_COMMENT = re.compile(r"/\*\*.*?\*/", re.DOTALL)
FILE_COMMAND = re.compile(r"[@\\]file\b")


def undocumented_headers(directories):
    """The public headers without a @file comment."""
    missing = []
    for directory in directories:
        for header in sorted(pathlib.Path(directory).glob("*.h")):
            comments = DOC_COMMENT.findall(header.read_text(encoding="utf-8"))
            if not any(FILE_COMMAND.search(comment) for comment in comments):
                missing.append(header)
    return missing


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__.split("\n\n")[-1].strip())
    doxygen, doxyfile, directories = sys.argv[1], sys.argv[2], sys.argv[3:]

    missing = undocumented_headers(directories)
    for header in missing:
        print(f"{header}:1: error: no @file comment: Doxygen would leave the header "
              "out of the reference and report none of its undocumented items",
              file=sys.stderr)

    status = subprocess.run([doxygen, doxyfile]).returncode
    return 1 if missing else status


if __name__ == "__main__":
    sys.exit(main())
