"""A CPython stand-in for the Pyodide backend of browser_runtime.threads, on greenlets.

Each spawned function runs in a greenlet of its own (the browser gives each emulated
thread a WebAssembly stack); ``wait(gate)`` switches to a hub greenlet, the one that
called ``run_until``, which runs a small event loop: ready callbacks in FIFO order, then
timers by due time. Opening a gate queues the waiter's resumption on the hub, as a JS
promise resolves its waiter on a microtask.

The clock is virtual by default: it moves only when nothing is ready, straight to the
next timer, so programs that sleep run instantly and the same program always sees the
same times. ``clock="real"`` uses time.monotonic and really sleeps while idle.

Threads still suspended when a run ends are never resumed (the browser abandons their
stacks too); their greenlets are kept alive, since collecting one would throw
GreenletExit into it and run the reader's ``finally`` blocks after the run.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import io
import itertools
import sys
import textwrap
import time
from collections import deque
from dataclasses import dataclass, field

import greenlet

from browser_runtime.threads import preempt, run_program_blocking

# time.sleep is patched during a run; the hub must really sleep on the real clock.
_real_sleep = time.sleep
_ABANDONED: list[greenlet.greenlet] = []


class Stalled(RuntimeError):
    """Nothing is ready, no timer is pending, and the run has not finished."""


class Gate:
    __slots__ = ("_backend", "_opened", "_value", "_waiter")

    def __init__(self, backend: GreenletBackend):
        self._backend = backend
        self._opened = False
        self._value = None
        self._waiter = None

    def open(self, value=None) -> None:
        if self._opened:  # like resolving a settled promise: no effect
            return
        self._opened = True
        self._value = value
        if self._waiter is not None:
            self._backend._ready.append((self._backend._resume, self._waiter, value))

    def done(self) -> bool:
        return self._opened


class TimerHandle:
    __slots__ = ("fn", "cancelled")

    def __init__(self, fn):
        self.fn = fn
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True


class Completion:
    """The future-like object the scheduler sets when the run ends."""

    __slots__ = ("_done", "_result")

    def __init__(self):
        self._done = False
        self._result = None

    def done(self) -> bool:
        return self._done

    def set_result(self, value) -> None:
        if self._done:
            raise RuntimeError("completion already has a result")
        self._done = True
        self._result = value

    def result(self):
        if not self._done:
            raise RuntimeError("completion has no result yet")
        return self._result


class GreenletBackend:
    name = "greenlet"

    def __init__(self, *, clock: str = "virtual", start: float = 1000.0, limit: float = 3600.0):
        if clock not in ("virtual", "real"):
            raise ValueError(f"clock must be 'virtual' or 'real', not {clock!r}")
        self.virtual = clock == "virtual"
        self._t = start
        self._t0 = self.now()
        self.limit = limit  # seconds of (virtual or real) time before a run is called runaway
        self._ready: deque[tuple] = deque()
        self._timers: list = []
        self._seq = itertools.count()
        self._hub: greenlet.greenlet | None = None
        self._stacks: list[greenlet.greenlet] = []

    # -- the Backend interface --------------------------------------------

    def now(self) -> float:
        return self._t if self.virtual else time.monotonic()

    def new_gate(self) -> Gate:
        return Gate(self)

    def wait(self, gate: Gate):
        current = greenlet.getcurrent()
        if self._hub is None or current is self._hub:
            raise RuntimeError("wait() outside an emulated thread's stack")
        if gate._opened:
            return gate._value
        if gate._waiter is not None:
            raise RuntimeError("two stacks wait at one gate")
        gate._waiter = current
        # CPython keeps one "inside a trace function" counter per OS thread, which
        # greenlet does not switch; a thread preempted by the 'anywhere' tracer would
        # leave every other stack untraced. call_tracing zeroes it on the way out and
        # restores this stack's own value when it resumes (in the browser each stack
        # has a thread state of its own).
        return sys.call_tracing(self._hub.switch, ())

    @staticmethod
    def current_stack() -> greenlet.greenlet:
        return greenlet.getcurrent()

    @staticmethod
    def abandon(gate: Gate, stack: greenlet.greenlet) -> None:
        # Never switched to again; run_until keeps it alive in _ABANDONED (collecting
        # it would throw GreenletExit into it).
        gate._opened = True
        gate._waiter = None

    @staticmethod
    def release_abandoned() -> None:
        pass

    def spawn(self, fn) -> None:
        self._ready.append((self._start, fn))

    def call_later(self, delay: float, fn) -> TimerHandle:
        handle = TimerHandle(fn)
        due = self.now() + max(delay, 0.0)
        heapq.heappush(self._timers, (due, next(self._seq), handle))
        return handle

    def new_completion(self) -> Completion:
        return Completion()

    async def wait_completion(self, completion: Completion):
        return self.run_until(completion)

    # -- the hub ----------------------------------------------------------

    def run_until(self, completion: Completion):
        """Run callbacks and timers on this stack until ``completion`` is done."""
        if self._hub is not None:
            raise RuntimeError("run_until() is already running")
        self._hub = greenlet.getcurrent()
        try:
            while not completion.done():
                self._move_due_timers()
                if not self._ready:
                    self._idle()
                    continue
                for _ in range(len(self._ready)):
                    if completion.done():
                        break
                    fn, *args = self._ready.popleft()
                    fn(*args)
        finally:
            self._hub = None
            self._ready.clear()
            self._timers.clear()
            # Suspended stacks stay suspended forever, as in the browser.
            _ABANDONED.extend(g for g in self._stacks if not g.dead)
            self._stacks.clear()
        return completion.result()

    def _start(self, fn) -> None:
        g = greenlet.greenlet(fn, parent=self._hub)
        self._stacks.append(g)
        g.switch()

    @staticmethod
    def _resume(g: greenlet.greenlet, value) -> None:
        if not g.dead:
            g.switch(value)

    def _move_due_timers(self) -> None:
        timers = self._timers
        now = self.now()
        while timers and (timers[0][0] <= now or timers[0][2].cancelled):
            _, _, handle = heapq.heappop(timers)
            if not handle.cancelled:
                self._ready.append((handle.fn,))

    def _idle(self) -> None:
        timers = self._timers
        if not timers:
            raise Stalled("nothing is ready and no timer is pending, yet the run has not ended")
        due = timers[0][0]
        if due - self._t0 > self.limit:
            raise Stalled(f"the run went on for more than {self.limit} s (a runaway program?)")
        if self.virtual:
            self._t = max(self._t, due)
        else:
            _real_sleep(max(due - time.monotonic(), 0.0))


@dataclass
class Captured:
    """One run: its Outcome, what it printed, and its event stream."""

    outcome: object
    stdout: str
    stderr: str
    events: list[dict] = field(default_factory=list)
    backend: GreenletBackend | None = None

    def of_type(self, *types: str) -> list[dict]:
        return [e for e in self.events if e["type"] in types]


def run_captured(
    source: str,
    filename: str = "prog.py",
    *,
    backend: GreenletBackend | None = None,
    extra_globals: dict | None = None,
    events: bool = True,
    **kwargs,
) -> Captured:
    """Run ``source`` (dedented) on a fresh greenlet backend, capturing stdout/stderr.

    The program sees ``now()``: the backend's clock, virtual unless asked otherwise
    (time.monotonic in the program is the real clock)."""
    backend = backend or GreenletBackend()
    globals_dict = {"__name__": "__main__", "now": backend.now, **(extra_globals or {})}
    collected: list[dict] = []
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), _no_running_loop():
        outcome = run_program_blocking(
            textwrap.dedent(source),
            filename,
            globals_dict,
            backend=backend,
            on_event=collected.append if events else None,
            **kwargs,
        )
    return Captured(outcome, out.getvalue(), err.getvalue(), collected, backend)


@contextlib.contextmanager
def _no_running_loop():
    """The program starts with no running event loop, as the page's threads do
    (threads/backend.py spawn) and as ``python file.py`` does. Greenlets share pytest's
    thread, where Playwright's sync API keeps its loop running once a browser test ran."""
    running = asyncio.events._get_running_loop()
    asyncio.events._set_running_loop(None)
    try:
        yield
    finally:
        asyncio.events._set_running_loop(running)


def _code_objects(obj):
    if isinstance(obj, type):
        for value in vars(obj).values():
            yield from _code_objects(getattr(value, "__func__", value))
    elif isinstance(obj, (staticmethod, classmethod)):
        yield from _code_objects(obj.__func__)
    elif isinstance(obj, property):
        yield from _code_objects(obj.fget)
    elif hasattr(obj, "__code__"):
        stack = [obj.__code__]
        while stack:
            code = stack.pop()
            yield code
            stack.extend(c for c in code.co_consts if hasattr(c, "co_consts"))


def _shield_from_tracer() -> None:
    """'anywhere' mode may switch threads between any two bytecodes of code outside the
    runtime and the stdlib; the backend's own code must not be switched away from (in the
    browser it is the runtime's backend.py and the event loop, both protected)."""
    module = sys.modules[__name__]
    for name, value in vars(module).items():
        if getattr(value, "__module__", None) == __name__ and name != "_shield_from_tracer":
            for code in _code_objects(value):
                preempt._protected_cache[code] = True


_shield_from_tracer()
