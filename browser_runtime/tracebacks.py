"""Tracebacks as the reader should see them: only the reader's own frames."""

from __future__ import annotations

import traceback
from collections.abc import Callable

THREAD_START_ERROR = "can't start new thread"


def keep_frames(te: traceback.TracebackException, keep: Callable[[str], bool]) -> None:
    """Keep the frames whose file ``keep`` accepts, in this exception, every chained one
    and every member of an exception group."""
    seen: set[int] = set()
    todo = [te]
    while todo:
        current = todo.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        current.stack = traceback.StackSummary.from_list(
            [frame for frame in current.stack if keep(frame.filename)]
        )
        todo.extend(x for x in (current.__cause__, current.__context__) if x is not None)
        todo.extend(getattr(current, "exceptions", None) or ())


def trim_traceback(te: traceback.TracebackException, filename: str) -> None:
    """Keep only the reader's frames, in this exception and every chained one."""
    keep_frames(te, lambda name: name == filename)


def format_error(exc: BaseException, filename: str) -> str:
    te = traceback.TracebackException.from_exception(exc)
    trim_traceback(te, filename)
    return "".join(te.format())


def is_thread_start_error(exc: BaseException) -> bool:
    """Pyodide has no OS threads: Thread.start() fails with this RuntimeError."""
    return isinstance(exc, RuntimeError) and THREAD_START_ERROR in str(exc)
