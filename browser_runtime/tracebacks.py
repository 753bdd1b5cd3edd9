"""Tracebacks as the reader should see them: only the reader's own frames."""

from __future__ import annotations

import linecache
import traceback
from collections.abc import Callable

THREAD_START_ERROR = "can't start new thread"

# Freeing a traceback frees its frames recursively, in WebAssembly's own (small) stack:
# a few thousand frames overflow it and Pyodide dies. Deeper chains are taken apart
# one frame at a time (unchain); below this depth the ordinary free is safe.
SAFE_FREE_DEPTH = 1000


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


def trim_traceback(te: traceback.TracebackException, filename: str) -> None:
    """Keep only the reader's frames, in this exception and every chained one."""
    keep_frames(te, lambda name: name == filename)


def format_error(exc: BaseException, filename: str) -> str:
    if isinstance(exc, SyntaxError) and exc.text is None and exc.filename == filename:
        # The compiler's own errors ('await' outside function) carry no source line when
        # compiled from a string; ``python FILE`` reads it from the file and shows it.
        exc.text = linecache.getline(filename, exc.lineno or 0) or None
    te = traceback.TracebackException.from_exception(exc)
    trim_traceback(te, filename)
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
