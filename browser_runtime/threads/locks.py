"""``_thread.lock`` that suspends the waiting emulated thread instead of blocking.

Release does not hand the lock to a waiter: it wakes one, and whoever acquires
first wins (CPython's non-fair behaviour). A strict FIFO hand-off would force a
thread switch on every contended acquire and made lock-heavy programs ~80x slower.
"""

from __future__ import annotations

import operator
from collections import deque

from . import scheduler as _sched

# CPython's value on 64-bit Linux (PY_TIMEOUT_MAX microseconds, in whole seconds).
TIMEOUT_MAX = 9223372036.0
_NS_LIMIT = 2**63  # timeouts go through CPython's nanosecond PyTime_t


def _seconds(timeout) -> float:
    """A timeout object as CPython's _PyTime_FromSecondsObject reads it."""
    if isinstance(timeout, float):
        if timeout != timeout:
            raise ValueError("Invalid value NaN (not a number)")
        if not -_NS_LIMIT <= timeout * 1e9 < _NS_LIMIT:
            raise OverflowError("timestamp out of range for platform time_t")
        return timeout
    secs = operator.index(timeout)
    if not -_NS_LIMIT <= secs * 10**9 < _NS_LIMIT:
        raise OverflowError("timestamp too large to convert to C PyTime_t")
    return secs


def parse_timeout(blocking, timeout):
    """acquire()'s arguments checked as CPython 3.13+ does: seconds to wait at
    most, or None for no limit (0 for a non-blocking call)."""
    secs = _seconds(timeout)
    if secs == -1:
        return None if blocking else 0
    if not blocking:
        raise ValueError("can't specify a timeout for a non-blocking call")
    if secs < 0:
        raise ValueError("timeout value must be a non-negative number")
    if secs > TIMEOUT_MAX:
        raise OverflowError("timeout value is too large")
    return secs


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
        # The usual calls take no Python call here: a seeded run's slices are counted in
        # eval-breaker checks, which a call adds, and which vary as CPython warms up.
        if timeout == -1 and type(timeout) is int:
            wait = None if blocking else 0
        else:
            wait = parse_timeout(blocking, timeout)
        if not self._locked:
            self._locked = True
            sched = _sched.ACTIVE
            if sched is not None:
                self._owner = sched.running
                if self._traced:
                    sched.events.emit_lock("lock-acquire", sched, self)
            return True
        if wait == 0:
            return False
        sched = _sched.ACTIVE
        if sched is None or sched.running is None:
            raise RuntimeError("lock held with no emulated thread to release it")
        deadline = None if wait is None else sched.clock.now() + wait
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
