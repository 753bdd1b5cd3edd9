"""What ``python FILE`` exits with when the program raises SystemExit."""

from __future__ import annotations

import sys


def exit_code_of(exc: SystemExit) -> int:
    """None is 0, an int is itself; anything else is printed to stderr and gives 1."""
    code = exc.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1
