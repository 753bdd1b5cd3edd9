"""Whether this browser can run threads live (JSPI), and the reason when not."""

from __future__ import annotations


class ThreadsUnavailable(RuntimeError):
    """This browser cannot suspend a thread (no JSPI): show the recorded output."""


def unavailable_reason() -> str | None:
    """None when threads can run here, else a one-line reason for the page."""
    try:
        from pyodide.ffi import can_run_sync  # type: ignore[import-not-found]
    except ImportError:
        return "not running in Pyodide"
    if not can_run_sync():
        return (
            "this browser lacks WebAssembly stack switching (JSPI), which live threads need; "
            "showing the recorded CPython output"
        )
    return None
