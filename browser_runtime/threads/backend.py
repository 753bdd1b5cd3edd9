"""How an emulated thread suspends, starts and sets timers, in Pyodide.

A *gate* is a one-shot door a thread waits at: ``wait()`` suspends only the
calling WebAssembly stack (``pyodide.ffi.run_sync`` on a JS promise) until
someone calls ``open(value)``. Opening a gate resumes the waiter on a microtask,
so a hand-off between two threads never goes through the asyncio loop.
The CPython unit tests' backend (tests/unit/threads_backend.py) offers the same calls.
"""

from __future__ import annotations

import asyncio
import time

_MAX_DELAY = (2**31 - 1) / 1000  # seconds


class JsGate:
    __slots__ = ("promise", "_resolve")

    def __init__(self, promise_cls):
        resolvers = promise_cls.withResolvers()
        self.promise = resolvers.promise
        self._resolve = resolvers.resolve

    def open(self, value=None) -> None:
        self._resolve(value)


class PyodideBackend:
    """Gates are JS promises; new stacks start from the browser event loop."""

    name = "pyodide"

    def __init__(self):
        from js import Promise  # type: ignore[import-not-found]
        from pyodide.ffi import run_sync  # type: ignore[import-not-found]

        self._promise = Promise
        self._run_sync = run_sync
        self._loop = asyncio.get_event_loop()

    @staticmethod
    def available() -> bool:
        try:
            from pyodide.ffi import can_run_sync  # type: ignore[import-not-found]
        except ImportError:
            return False
        return bool(can_run_sync())

    now = staticmethod(time.monotonic)

    def new_gate(self) -> JsGate:
        return JsGate(self._promise)

    def wait(self, gate: JsGate):
        return self._run_sync(gate.promise)

    def spawn(self, fn) -> None:
        # Webloop callbacks are entered "promising", so fn may suspend with run_sync.
        self._loop.call_soon(fn)

    def call_later(self, delay: float, fn):
        # setTimeout fires at once past 2**31 - 1 ms; the scheduler re-arms early timers.
        return self._loop.call_later(min(max(delay, 0.0), _MAX_DELAY), fn)

    def new_completion(self):
        return self._loop.create_future()

    async def wait_completion(self, fut):
        return await fut
