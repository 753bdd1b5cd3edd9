"""What ``python FILE`` exits with when the program raises SystemExit."""

from __future__ import annotations

import sys

from browser_runtime.tracebacks import without_runtime_frames


def exit_code_of(exc: SystemExit) -> int:
    """None is 0, an int is itself; anything else is printed to stderr and gives 1."""
    code = exc.code
    if code is None:
        return 0
    if isinstance(code, int):
        return int(code)  # sys.exit(True) exits with 1
    print(code, file=sys.stderr)
    return 1


def report_uncaught(exc: BaseException, print_default) -> None:
    """An exception ended the program: ``sys.excepthook`` reports it, as in CPython.

    The default hook is ``print_default(exc)``; a hook the program installed gets the
    traceback without the runtime's own frames."""
    hook = sys.excepthook
    if hook is sys.__excepthook__:
        print_default(exc)
        return
    tb = without_runtime_frames(exc.__traceback__)
    try:
        hook(type(exc), exc, tb)
    except BaseException as err:  # noqa: BLE001 - CPython reports both, as here
        print("Error in sys.excepthook:", file=sys.stderr)
        print_default(err)
        print("\nOriginal exception was:", file=sys.stderr)
        print_default(exc)
