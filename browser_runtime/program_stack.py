"""The call stack as a program sees it through ``traceback`` (print_stack, extract_stack,
format_stack, logging's ``stack_info``, asyncio's debug tracebacks): its own frames and
the library's, from where ``python file.py`` starts them (the module's top level, a
thread's ``_bootstrap``), never the runtime's or Pyodide's beneath or between them.
"""

from __future__ import annotations

import os
import sys
import traceback

from browser_runtime.tracebacks import is_runtime_file

_HERE = os.path.dirname(os.path.abspath(__file__))
# The runtime's frames that start the program's: its exec (plain and threaded runs) and
# a thread's entry. Nothing beneath them is the program's.
ENTRIES = frozenset({
    (os.path.join(_HERE, "execute.py"), "_run_code"),
    (os.path.join(_HERE, "threads", "program.py"), "_main_thread_body"),
    (os.path.join(_HERE, "threads", "lifecycle.py"), "entry"),
})  # fmt: skip


def walk_stack(f):
    """traceback.walk_stack for a run: (frame, line) pairs from ``f`` (the caller's
    frame if None) outwards, stopping at the program's entry, runtime frames skipped."""
    if f is None:
        f = sys._getframe().f_back

    def walk_stack_generator(frame):
        while frame is not None:
            code = frame.f_code
            if (code.co_filename, code.co_name) in ENTRIES:
                return
            if not is_runtime_file(code.co_filename):
                yield frame, frame.f_lineno
            frame = frame.f_back

    return walk_stack_generator(f)


walk_stack.__module__ = traceback.__name__  # what help() and repr() say, as CPython's


class ProgramStacks:
    """Context manager: ``traceback.walk_stack`` is the one above for a run."""

    def __enter__(self) -> ProgramStacks:
        self.saved = traceback.walk_stack
        traceback.walk_stack = walk_stack
        return self

    def __exit__(self, *exc) -> None:
        traceback.walk_stack = self.saved
