"""The ``_thread`` module the standard library's ``threading.py`` runs on.

It covers what threading.py imports in Python 3.11-3.14 (``start_joinable_thread``,
``_ThreadHandle``, ``_make_thread_handle``, ``_set_sentinel``, ...), and ``RLock``,
so ``threading._CRLock`` is set as in CPython.
"""

from __future__ import annotations

import operator
import signal
import sys
import types
from collections import deque

from . import scheduler as _sched
from .excepthook import ExceptHookArgs, excepthook
from .locks import TIMEOUT_MAX, LockType, allocate_lock, lock
from .rlock import RLock
from .thread_local import _local

_MIN_STACK = 32768  # CPython's THREAD_STACK_MIN on Linux


def _scheduler():
    sched = _sched.ACTIVE
    if sched is None:
        raise RuntimeError("no threads run outside browser_runtime.threads.run_program")
    return sched


class _ThreadHandle:
    """Joinable handle of one emulated thread (threading.Thread._os_thread_handle)."""

    __slots__ = ("_rec", "_done", "_waiters")

    def __init__(self):
        self._rec = None
        self._done = False
        self._waiters = deque()

    @property
    def ident(self):
        return self._rec.ident if self._rec is not None else 0

    def is_done(self):
        return self._done

    def _set_done(self):
        self._done = True
        sched = _sched.ACTIVE
        while self._waiters:
            sched.wake(self._waiters.popleft())

    def join(self, timeout=None):
        sched = _scheduler()
        if self._rec is not None and self._rec is sched.running and not self._done:
            raise RuntimeError("Cannot join current thread")
        deadline = None
        if timeout is not None and timeout >= 0:
            deadline = sched.clock.now() + timeout
        while not self._done:
            if deadline is not None and sched.clock.now() >= deadline:
                return
            sched.block(deadline, "Thread.join", self, self._waiters)

    def __repr__(self):
        return f"<_thread._ThreadHandle object: ident={self.ident}>"


def start_joinable_thread(function, handle=None, daemon=True):
    sched = _scheduler()
    if handle is None:
        handle = _ThreadHandle()
    elif handle._rec is not None:
        raise RuntimeError("thread already started")
    rec = sched.new_thread(daemon=daemon)
    owner = getattr(function, "__self__", None)  # threading.Thread._bootstrap
    rec.name = getattr(owner, "name", None)
    rec.handle = handle
    handle._rec = rec
    sched.start(rec, function)
    return handle


def start_new_thread(function, args, kwargs=None):
    if not callable(function):
        raise TypeError("first arg must be callable")
    if not isinstance(args, tuple):
        raise TypeError("2nd arg must be a tuple")
    if kwargs is not None and not isinstance(kwargs, dict):
        raise TypeError("optional 3rd arg must be a dictionary")
    sched = _scheduler()
    # Python <= 3.12 starts threading.Thread here too (function is its _bootstrap).
    owner = getattr(function, "__self__", None)
    rec = sched.new_thread(daemon=bool(getattr(owner, "daemon", True)))
    rec.name = getattr(owner, "name", None)
    sched.start(rec, lambda: function(*args, **(kwargs or {})))
    return rec.ident


def _make_thread_handle(ident):
    sched = _scheduler()
    handle = _ThreadHandle()
    handle._rec = sched.threads.get(ident)
    if handle._rec is not None:
        handle._rec.handle = handle
    return handle


def get_ident():
    sched = _sched.ACTIVE
    if sched is None or sched.running is None:
        return _sched._IDENT_BASE
    return sched.running.ident


def get_native_id():
    sched = _sched.ACTIVE
    if sched is None or sched.running is None:
        return _sched._NATIVE_BASE
    return sched.running.native_id


def _get_main_thread_ident():
    return _scheduler().main.ident


def set_name(name):
    sched = _sched.ACTIVE
    if sched is not None and sched.running is not None:
        sched.running.name = str(name)


def _set_sentinel():
    # Python <= 3.12: a lock held for the thread's lifetime, released when it ends.
    sentinel = allocate_lock()
    sched = _scheduler()
    sched.running.sentinel = sentinel
    return sentinel


def _shutdown():
    """Wait for every non-daemon thread (threading._shutdown calls this last)."""
    sched = _scheduler()
    while True:
        pending = [
            r
            for r in sched.threads.values()
            if not r.daemon
            and r is not sched.running
            and r.handle is not None
            and not r.handle.is_done()
        ]
        if not pending:
            return
        pending[0].handle.join()


def _count():
    """Threads started through this module and not yet ended (the main thread is not one)."""
    sched = _scheduler()
    return sum(1 for rec in sched.threads.values() if rec is not sched.main)


def daemon_threads_allowed():
    return True


def _is_main_interpreter():
    return True


# Threads share one WebAssembly stack here, so the size is only remembered (per run).
_stack_size = [0]


def stack_size(size=0, /):
    size = operator.index(size)
    if size < 0:
        raise ValueError("size must be 0 or a positive value")
    if size != 0 and size < _MIN_STACK:
        raise ValueError(f"size not valid: {size} bytes")
    old, _stack_size[0] = _stack_size[0], size
    return old


def exit():  # noqa: A001 - the _thread API
    raise SystemExit


def interrupt_main(signum=signal.SIGINT, /):
    """Raise ``signum``'s Python handler (KeyboardInterrupt for SIGINT) in the main
    thread, as soon as it runs again; ignored if Python does not handle the signal."""
    if not 1 <= signum < signal.NSIG:
        raise ValueError("signal number out of range")
    _scheduler().interrupt_main(signum)


def build() -> types.ModuleType:
    """A fresh ``_thread`` module object for one run."""
    mod = types.ModuleType("_thread", __doc__)
    _stack_size[0] = 0
    for name, value in {
        "LockType": LockType,
        "lock": lock,
        "RLock": RLock,
        "_local": _local,
        "allocate_lock": allocate_lock,
        "allocate": allocate_lock,
        "error": RuntimeError,
        "TIMEOUT_MAX": TIMEOUT_MAX,
        "_ThreadHandle": _ThreadHandle,
        "start_joinable_thread": start_joinable_thread,
        "start_new_thread": start_new_thread,
        "start_new": start_new_thread,
        "_make_thread_handle": _make_thread_handle,
        "get_ident": get_ident,
        "get_native_id": get_native_id,
        "_get_main_thread_ident": _get_main_thread_ident,
        "set_name": set_name,
        "_set_sentinel": _set_sentinel,
        "_shutdown": _shutdown,
        "_count": _count,
        "daemon_threads_allowed": daemon_threads_allowed,
        "_is_main_interpreter": _is_main_interpreter,
        "stack_size": stack_size,
        "exit": exit,
        "exit_thread": exit,
        "interrupt_main": interrupt_main,
        "_excepthook": excepthook,
        "_ExceptHookArgs": ExceptHookArgs,
    }.items():
        setattr(mod, name, value)
    if sys.version_info < (3, 13):
        # threading.py before 3.13 checks for these names and falls back otherwise.
        del mod._ThreadHandle, mod.start_joinable_thread, mod._make_thread_handle
    return mod
