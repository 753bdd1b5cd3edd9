"""Tracebacks as ``python FILE`` prints them: the program's frames and the standard
library's, never the runtime's own (this package, Pyodide's glue), which CPython has not.

The standard library lives in Pyodide's zip (/lib/python314.zip/...): its frames show
that path, and their source lines come through the zip's loader (linecache.lazycache),
as CPython's traceback module finds them for a zipped standard library.
"""

from __future__ import annotations

import linecache
import os
import sys
import traceback
import types
from collections.abc import Callable

THREAD_START_ERROR = "can't start new thread"

# Freeing a traceback frees its frames recursively, in WebAssembly's own (small) stack:
# a few thousand frames overflow it and Pyodide dies. Deeper chains are taken apart
# one frame at a time (unchain); below this depth the ordinary free is safe.
SAFE_FREE_DEPTH = 1000

_STDLIB_DIR = os.path.dirname(os.path.abspath(os.__file__))
# This package, and the Pyodide packages that run the worker's code (its exec, its
# event loop): in the standard library's folder, but no part of CPython's.
RUNTIME_DIRS = tuple(
    os.path.join(folder, "") for folder in (
        os.path.dirname(os.path.abspath(__file__)),
        os.path.join(_STDLIB_DIR, "_pyodide"),
        os.path.join(_STDLIB_DIR, "pyodide"),
    )
)  # fmt: skip
# traceback.BUILTIN_EXCEPTION_LIMIT (3.13+): what sys.tracebacklimit allows.
_LIMIT = getattr(traceback, "BUILTIN_EXCEPTION_LIMIT", None)


def is_runtime_file(filename: str) -> bool:
    return filename.startswith(RUNTIME_DIRS)


class CollapsingStack(traceback.StackSummary):
    """A stack that formats each distinct frame once.

    CPython 3.13+ ``format()`` formats every frame before it collapses a run into
    "[Previous line repeated N more times]": for a 100,000-deep recursion that is
    100,000 source lookups and caret parses (about 20 s in the page). Frames at the
    same place print the same text, so it is reused (mutual recursion too).
    """

    def format_frame_summary(self, frame_summary, **kwargs):
        fs = frame_summary
        if fs.locals:
            return super().format_frame_summary(fs, **kwargs)
        key = (fs.filename, fs.lineno, fs.end_lineno, fs.colno, fs.end_colno, fs.name)
        key += tuple(kwargs.items())
        cache = self.__dict__.setdefault("_texts", {})
        text = cache.get(key)
        if text is None:
            text = cache[key] = super().format_frame_summary(fs, **kwargs)
        return text


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
        current.stack = CollapsingStack(frame for frame in current.stack if keep(frame.filename))
        todo.extend(x for x in (current.__cause__, current.__context__) if x is not None)
        todo.extend(getattr(current, "exceptions", None) or ())


def drop_runtime_frames(te: traceback.TracebackException) -> None:
    keep_frames(te, lambda filename: not is_runtime_file(filename))


def without_runtime_frames(tb: types.TracebackType | None) -> types.TracebackType | None:
    """The traceback a hook of the program's gets: a copy without the runtime's entries."""
    kept = []
    while tb is not None:
        if not is_runtime_file(tb.tb_frame.f_code.co_filename):
            kept.append(tb)
        tb = tb.tb_next
    chain = None
    for entry in reversed(kept):
        chain = types.TracebackType(chain, entry.tb_frame, entry.tb_lasti, entry.tb_lineno)
    return chain


def print_uncaught(exc: BaseException, file=None, exc_type=None, tb=None) -> None:
    """What the interpreter prints for an uncaught ``exc`` (traceback's
    _print_exception_bltin: sys.tracebacklimit, compact chains), runtime frames left out.
    ``file``: the program's sys.stderr by default (nothing if it set that to None)."""
    file = sys.stderr if file is None else file
    if file is None:
        return
    exc_type = exc_type or type(exc)
    tb = tb or exc.__traceback__
    te = traceback.TracebackException(exc_type, exc, tb, limit=_LIMIT, compact=True)
    drop_runtime_frames(te)
    file.write("".join(te.format()))


def format_syntax_error(exc: SyntaxError | ValueError, filename: str) -> str:
    """What ``python FILE`` prints when FILE does not compile."""
    if isinstance(exc, SyntaxError) and exc.text is None and exc.filename == filename:
        # The compiler's own errors ('await' outside function) carry no source line when
        # compiled from a string; ``python FILE`` reads it from the file and shows it.
        exc.text = linecache.getline(filename, exc.lineno or 0) or None
    te = traceback.TracebackException.from_exception(exc)
    drop_runtime_frames(te)
    return "".join(te.format())


def unchain(exc: BaseException | None) -> None:
    """Let a reported exception's traceback be freed without overflowing the stack:
    if it is deeper than SAFE_FREE_DEPTH, cut it after its first entry and free the
    rest innermost frame first (each frame holds its caller)."""
    tb = getattr(exc, "__traceback__", None)
    depth, probe = 0, tb
    while probe is not None and depth <= SAFE_FREE_DEPTH:
        depth, probe = depth + 1, probe.tb_next
    if depth <= SAFE_FREE_DEPTH:
        return
    frames, probe = [], None
    while tb is not None:
        frames.append(tb.tb_frame)
        tb.tb_next, tb = None, tb.tb_next
    while frames:
        frames.pop()


def is_thread_start_error(exc: BaseException) -> bool:
    """Pyodide has no OS threads: Thread.start() fails with this RuntimeError."""
    return isinstance(exc, RuntimeError) and THREAD_START_ERROR in str(exc)
