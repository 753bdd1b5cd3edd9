"""A sleep that suspends the program's stack until a JS timer fires: no asyncio loop.

Pyodide's own ``time.sleep`` awaits ``asyncio.sleep`` on whatever loop is current, so
called inside a coroutine of a CPython event loop (page_asyncio.py) it would wait for
that loop, which cannot run while the coroutine sleeps: the program would hang. Here a
timer opens a gate that ``run_sync`` waits on (JSPI), whichever loop is current.
"""

from __future__ import annotations

from collections.abc import Callable

from browser_runtime.gate import Gate

MAX_DELAY = (2**31 - 1) / 1000  # seconds: setTimeout fires at once past this


def timer_sleep(fallback: Callable[[float], object]) -> Callable[[float], object]:
    """The JSPI sleep where the stack can suspend; ``fallback`` elsewhere (CPython, or a
    stack JS entered without JSPI, where Pyodide's sleep blocks)."""
    try:
        from pyodide.ffi import can_run_sync, create_once_callable, run_sync
        from pyodide_js._api import scheduleCallback
    except ImportError:
        return fallback

    def sleep(secs: float) -> None:
        if not can_run_sync():
            fallback(secs)
            return
        while True:
            gate = Gate()
            step = min(secs, MAX_DELAY)
            # Pyodide's own choice: a message-channel turn for <= 2 ms, else setTimeout.
            scheduleCallback(create_once_callable(gate.open), step * 1000)
            run_sync(gate)
            secs -= step
            if secs <= 0:
                return

    return sleep
