"""Exceptions CPython cannot raise, reported as it reports them: ``sys.unraisablehook``
(``PyErr_FormatUnraisable``), with the runtime's own frames left out of the traceback.

One such place: Stop (Ctrl-C) while the main thread, its program done, waits in
``threading._shutdown()`` for the other threads. CPython 3.14's wait_for_thread_shutdown
reports the KeyboardInterrupt with this message (its C string, also in Pyodide's build)
and goes on to the atexit handlers; the exit code is unchanged.
"""

from __future__ import annotations

import sys

from ..tracebacks import without_runtime_frames

ON_THREADING_SHUTDOWN = "Exception ignored on threading shutdown"


def _hook_args_type() -> type:
    # sys.UnraisableHookArgs is not exposed: take it from one unraisable exception.
    seen = []
    hook, sys.unraisablehook = sys.unraisablehook, seen.append
    try:

        class _Raises:
            def __del__(self):
                raise RuntimeError

        _Raises()
    finally:
        sys.unraisablehook = hook
    return type(seen[0])


UnraisableHookArgs = _hook_args_type()


def report_unraisable(exc: BaseException, message: str) -> None:
    """``PyErr_FormatUnraisable(message)`` for ``exc`` (no object)."""
    tb = without_runtime_frames(exc.__traceback__)
    hook = sys.unraisablehook
    try:
        hook(UnraisableHookArgs((type(exc), exc, tb, message, None)))
    except BaseException as err:  # noqa: BLE001 - CPython reports a failing hook so
        tb = without_runtime_frames(err.__traceback__)
        failed = "Exception ignored in sys.unraisablehook"
        sys.__unraisablehook__(UnraisableHookArgs((type(err), err, tb, failed, hook)))
