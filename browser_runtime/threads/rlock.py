"""``_thread.RLock``: the C reentrant lock CPython's threading.RLock() returns.

With it in ``_thread``, threading.py sets ``_CRLock`` and ``RLock()`` gives this type
(with CPython's type name and repr), as in CPython; ``threading._PyRLock`` stays the
pure-Python one. It wraps one ``_thread.lock``: waiting for it suspends the thread.
"""

from __future__ import annotations

import sys

from . import scheduler as _sched
from .code_origin import is_reader_file
from .locks import lock


def _ident() -> int:
    sched = _sched.ACTIVE
    return sched.running.ident if sched is not None and sched.running is not None else 0


def _made_by_reader(frame) -> bool:
    """threading.RLock() called from the reader's code (for the timeline's lock events)."""
    if frame.f_code.co_name == "RLock" and frame.f_globals.get("__name__") == "threading":
        frame = frame.f_back
    return frame is not None and is_reader_file(frame.f_code.co_filename)


class RLock:
    __slots__ = ("_block", "_owner", "_count", "__weakref__")

    def __init__(self, *args, **kwargs):  # CPython ignores arguments too
        self._block = lock()
        if self._block._traced is False:
            sched = _sched.ACTIVE
            self._block._traced = (
                sched is not None and sched.events is not None and _made_by_reader(sys._getframe(1))
            )
        self._owner = 0
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        me = _ident()
        if self._count and self._owner == me:
            self._count += 1
            return True
        if not self._block.acquire(blocking, timeout):
            return False
        self._owner = me
        self._count = 1
        return True

    __enter__ = acquire

    def release(self):
        if not self._count or self._owner != _ident():
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if not self._count:
            self._owner = 0
            self._block.release()

    def __exit__(self, *exc):
        self.release()

    def locked(self):
        return self._count > 0

    def _is_owned(self):
        return self._count > 0 and self._owner == _ident()

    def _recursion_count(self):
        return self._count if self._is_owned() else 0

    def _release_save(self):
        if not self._is_owned():
            raise RuntimeError("cannot release un-acquired lock")
        state = (self._count, self._owner)
        self._count = 0
        self._owner = 0
        self._block.release()
        return state

    def _acquire_restore(self, state):
        self._block.acquire()
        self._count, self._owner = state

    def _at_fork_reinit(self):
        self._block._at_fork_reinit()
        self._owner = 0
        self._count = 0

    def __repr__(self):
        state = "locked" if self._count else "unlocked"
        return (
            f"<{state} _thread.RLock object owner={self._owner} count={self._count}"
            f" at {id(self):#x}>"
        )


RLock.__module__ = "_thread"
