"""How an emulated thread suspends, starts and sets timers, in Pyodide.

A *gate* is a one-shot door a thread waits at: ``wait()`` suspends only the
calling WebAssembly stack (``pyodide.ffi.run_sync``) until someone calls
``open(value)``; the waiter resumes on a microtask, so a hand-off between two
threads never goes through the asyncio loop.

What ``run_sync`` is given decides its cost. A JS promise costs three turns of the
browser's event loop and three fresh WebAssembly stacks (``run_sync`` wraps any
awaitable but a Future in an asyncio Task, whose steps are webloop callbacks), about
0.1-0.3 ms per switch. A gate looks like a Future to ``asyncio.ensure_future`` (so it
is used as it is), and ``open()`` calls the done callback Pyodide registered on it
at once, which resolves the promise ``run_sync`` waits on: one microtask, no loop turn.

Timers skip the asyncio loop too: their callbacks never suspend, so the browser calls
them as plain functions, with no new WebAssembly stack and no thread state to make
and tear down for each (what a webloop callback costs).
A stack left suspended when a run ends is abandoned, never resumed (stack_release.py).
The CPython unit tests' backend (tests/unit/threads_backend.py) offers the same calls.
"""

from __future__ import annotations

import asyncio
import time
from asyncio import events

from ..gate import Gate
from ..timer_sleep import MAX_DELAY
from . import stack_release


class _Timer:
    __slots__ = ("_fn",)

    def __init__(self, fn):
        self._fn = fn

    def cancel(self) -> None:
        self._fn = None

    def fire(self) -> None:
        fn, self._fn = self._fn, None
        if fn is not None:
            fn()


class PyodideBackend:
    """Gates resolve run_sync at once; new stacks start from the browser event loop."""

    name = "pyodide"

    def __init__(self):
        from pyodide.ffi import create_once_callable, run_sync  # type: ignore[import-not-found]
        from pyodide_js._api import scheduleCallback  # type: ignore[import-not-found]

        self._run_sync = run_sync
        self._once = create_once_callable
        # Pyodide's own choice: a message-channel turn for <= 2 ms, else setTimeout.
        self._schedule = scheduleCallback
        self._loop = asyncio.get_event_loop()
        stack_release.check_internals()

    @staticmethod
    def available() -> bool:
        try:
            from pyodide.ffi import can_run_sync  # type: ignore[import-not-found]
        except ImportError:
            return False
        return bool(can_run_sync())

    now = staticmethod(time.monotonic)

    @staticmethod
    def new_gate() -> Gate:
        return Gate()

    def wait(self, gate: Gate):
        return self._run_sync(gate)

    def spawn(self, fn) -> None:
        # Webloop callbacks are entered "promising", so fn may suspend with run_sync.
        # Each has a thread state of its own, where Pyodide's loop is the running one: a
        # thread starts with none, as in CPython (the program's loops: run_asyncio.py).
        def thread():
            events._set_running_loop(None)
            fn()

        self._loop.call_soon(thread)

    def call_later(self, delay: float, fn):
        # setTimeout fires at once past 2**31 - 1 ms; the scheduler re-arms early timers.
        # A cancelled timer still fires, as a no-op (it frees its JS callable then).
        timer = _Timer(fn)
        self._schedule(self._once(timer.fire), min(max(delay, 0.0), MAX_DELAY) * 1000)
        return timer

    current_stack = staticmethod(stack_release.current_stack)

    @staticmethod
    def abandon(gate: Gate, stack) -> None:
        """Free a suspended stack that must never run again (stack_release.py)."""
        gate.abandon()
        stack_release.delete_thread_state(stack)

    release_abandoned = staticmethod(stack_release.evict_all)

    def new_completion(self):
        return self._loop.create_future()

    async def wait_completion(self, fut):
        return await fut
