"""``_thread.lock`` that suspends the waiting emulated thread instead of blocking.

Release does not hand the lock to a waiter: it wakes one, and whoever acquires
first wins (CPython's non-fair behaviour). A strict FIFO hand-off would force a
thread switch on every contended acquire and made lock-heavy programs ~80x slower.
"""

from __future__ import annotations

from collections import deque

from . import scheduler as _sched

TIMEOUT_MAX = float(2**31 // 1000)  # what CPython reports on 32-bit platforms (seconds)


def _deadline(blocking: bool, timeout: float):
    if not blocking:
        if timeout != -1:
            raise ValueError("can't specify a timeout for a non-blocking call")
        return None
    if timeout == -1:
        return None
    if timeout < 0:
        raise ValueError("timeout value must be a non-negative number")
    if timeout > TIMEOUT_MAX:
        raise OverflowError("timeout value is too large")
    return _sched.ACTIVE.clock.now() + timeout


class lock:  # noqa: N801 - the name CPython gives this type
    """A primitive lock; ``threading.Lock`` is this type."""

    __slots__ = ("_locked", "_waiters", "_owner", "_traced", "__weakref__")

    def __init__(self):
        self._locked = False
        self._waiters = None
        self._owner = None
        sched = _sched.ACTIVE
        self._traced = (
            sched is not None and sched.events is not None and sched.events.is_reader_lock()
        )

    def acquire(self, blocking=True, timeout=-1):
        if not self._locked:
            self._locked = True
            sched = _sched.ACTIVE
            if sched is not None:
                self._owner = sched.running
                if self._traced:
                    sched.events.emit_lock("lock-acquire", sched, self)
            return True
        deadline = _deadline(blocking, timeout)
        if not blocking:
            return False
        sched = _sched.ACTIVE
        if sched is None or sched.running is None:
            raise RuntimeError("lock held with no emulated thread to release it")
        if self._waiters is None:
            self._waiters = deque()
        while self._locked:
            if deadline is not None and sched.clock.now() >= deadline:
                return False
            sched.block(deadline, "Lock.acquire", self, self._waiters)
        self._locked = True
        self._owner = sched.running
        if self._traced:
            sched.events.emit_lock("lock-acquire", sched, self)
        return True

    def release(self):
        if not self._locked:
            raise RuntimeError("release unlocked lock")
        self._locked = False
        self._owner = None
        if self._traced:
            sched = _sched.ACTIVE
            if sched is not None:
                sched.events.emit_lock("lock-release", sched, self)
        if self._waiters:
            _sched.ACTIVE.wake(self._waiters.popleft())

    def locked(self):
        return self._locked

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()

    def _at_fork_reinit(self):
        self._locked = False
        self._waiters = None

    acquire_lock = acquire
    release_lock = release
    locked_lock = locked

    def __repr__(self):
        state = "locked" if self._locked else "unlocked"
        return f"<{state} _thread.lock object at {id(self):#x}>"


lock.__module__ = "_thread"
LockType = lock


def allocate_lock():
    return lock()
