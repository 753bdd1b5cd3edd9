"""Which frames are the reader's code (as opposed to the stdlib or this runtime)."""

from __future__ import annotations

import os

_RUNTIME_DIR = os.path.dirname(os.path.abspath(__file__))
_STDLIB_DIR = os.path.dirname(os.path.abspath(os.__file__))


def is_reader_file(filename: str) -> bool:
    if filename.startswith("<frozen") or filename.startswith(_RUNTIME_DIR):
        return False
    return not filename.startswith(_STDLIB_DIR)


def is_runtime_file(filename: str) -> bool:
    return filename.startswith(_RUNTIME_DIR)


def reader_frame(frame):
    """(first reader frame walking outwards, the frame it called into) or (None, None)."""
    callee = None
    while frame is not None:
        if is_reader_file(frame.f_code.co_filename):
            return frame, callee
        callee = frame
        frame = frame.f_back
    return None, None


def api_name(frame) -> str:
    """'threading.Event.wait' for a stdlib frame, 'Lock.acquire' for this runtime's."""
    code = frame.f_code
    qualname = getattr(code, "co_qualname", code.co_name)
    if is_runtime_file(code.co_filename):
        qualname = qualname.replace("lock.", "Lock.").replace("_ThreadHandle.join", "Thread.join")
        if qualname.endswith("__enter__"):
            qualname = qualname.replace("__enter__", "acquire")
        if qualname.startswith("Scheduler.sleep"):
            return "time.sleep"
        if qualname.startswith("RLock."):  # what threading.RLock() returns
            return f"threading.{qualname}"
        return qualname
    module = frame.f_globals.get("__name__", "?")
    qualname = qualname.replace("_RLock.", "RLock.").replace("__enter__", "acquire")
    return f"{module}.{qualname}"


def blocked_at(frame) -> tuple[str | None, str | None, int | None]:
    """Where a thread blocking in ``frame`` waits: (API it called, the reader's file,
    line), None where unknown. Read while that stack runs; a suspended stack's frames
    must not be read from another one."""
    mine, callee = reader_frame(frame)
    api = api_name(callee) + "()" if callee is not None else None
    if mine is None:
        return api, None, None
    return api, mine.f_code.co_filename, mine.f_lineno
