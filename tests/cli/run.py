#!/usr/bin/python3
"""Run one area of the CLI tests: run.py ARCOLLECT AREA.

ctest runs each area as cli.<area>, each in a temporary directory of its own.
"""
import os
import sys
import tempfile

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__

import areas_disputes  # noqa: E402
import areas_import  # noqa: E402
import areas_misc  # noqa: E402
import areas_records  # noqa: E402
from clitest import CHECKS, Failure  # noqa: E402

AREAS = {}
for module in (areas_records, areas_disputes, areas_import, areas_misc):
    AREAS.update(module.AREAS)


def main():
    if len(sys.argv) != 3 or sys.argv[2] not in AREAS:
        print(f"usage: {sys.argv[0]} ARCOLLECT AREA\nareas: {' '.join(sorted(AREAS))}",
              file=sys.stderr)
        return 2
    exe = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix=f"arc-cli-{sys.argv[2]}-") as workdir:
        try:
            AREAS[sys.argv[2]](exe, workdir)
        except Failure as failure:
            print(f"FAIL cli.{sys.argv[2]}: {failure}", file=sys.stderr)
            return 1
    print(f"cli.{sys.argv[2]}: {CHECKS[0]} checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
