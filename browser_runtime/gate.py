"""A one-shot door a suspended WebAssembly stack waits at (``pyodide.ffi.run_sync``).

asyncio takes it for a Future (``ensure_future`` returns it unwrapped), so waiting on
it involves no event loop: ``open()`` calls the done callback Pyodide registered at
once, which resolves the promise ``run_sync`` waits on. The threads runtime's waits
(threads/backend.py) and the page's sleeps (timer_sleep.py) use it.
"""

from __future__ import annotations


class Gate:
    __slots__ = ("_opened", "_value", "_callbacks")
    # asyncio.isfuture() is true for it: ensure_future() returns it unwrapped.
    _asyncio_future_blocking = False

    def __init__(self):
        self._opened = False
        self._value = None
        self._callbacks = []

    def open(self, value=None) -> None:
        if self._opened:  # like resolving a settled promise: no effect
            return
        self._opened = True
        self._value = value
        callbacks, self._callbacks = self._callbacks, ()
        for callback in callbacks:
            callback(self)

    # What Pyodide's promise for an awaitable calls (pyproxy ``then``).
    def add_done_callback(self, callback, *, context=None) -> None:
        if self._opened:
            callback(self)
        else:
            self._callbacks.append(callback)

    def abandon(self) -> None:
        """Never open: drop the callbacks (they hold the JS promise, and through it the
        suspended WebAssembly stack, which JS's collector then frees)."""
        self._opened = True
        self._callbacks = ()

    def result(self):
        return self._value

    def done(self) -> bool:
        return self._opened

    def __await__(self):  # run_sync accepts awaitables only
        if not self._opened:
            yield self
        return self._value
