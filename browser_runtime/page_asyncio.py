"""asyncio as ``python file.py`` has it, not as Pyodide's one ever-running WebLoop.

Pyodide makes its WebLoop the running loop everywhere and ``asyncio.run`` a wait on it
(JSPI), so in a page: a coroutine's uncaught exception is printed twice (once by a
webloop callback), ``sys.exit()`` in a coroutine prints SystemExit tracebacks, a
KeyboardInterrupt (the page's Stop) escapes into JavaScript, ``get_running_loop()``
succeeds at top level, and callbacks a program leaves scheduled run in the next one.

During a plain run, ``PageAsyncio`` gives the program CPython's asyncio: no running
loop at top level, CPython's own ``asyncio.run`` (Runner: a new loop, a SIGINT handler
that cancels the main task, the loop closed at the end) and new loops that are
CPython's selector event loop, whose one wait (``select``) has no I/O to watch here:
it sleeps in pieces that hear Stop (stop_sleep.py), suspending the stack on a JS timer
(timer_sleep.py), until its timeout or a wake-up. The program's coroutines run on the
program's own stack, as in CPython; everything is put back when the run ends.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from asyncio import events, runners, tasks, unix_events
from collections.abc import Callable

from browser_runtime.stop_sleep import PIECE, StopFlag, stop_piece
from browser_runtime.timer_sleep import timer_sleep

# Taken at import, before a run wraps time.sleep (page_limits.py): the sleep Pyodide
# falls back to on a stack that cannot suspend (and CPython's, in unit tests).
_BASE_SLEEP = time.sleep
_POLICY_BASE = (
    getattr(events, "_BaseDefaultEventLoopPolicy", None) or events.BaseDefaultEventLoopPolicy
)
_ON_SIGINT = runners.Runner._on_sigint


class _Wait:
    """The selector as BaseEventLoop uses it: wait up to ``timeout`` (None: forever) in
    pieces, until a wake-up (call_soon_threadsafe: the Runner's SIGINT handler)."""

    def __init__(self, loop: PageEventLoop, piece: Callable[[float], None], clock) -> None:
        self._loop = loop
        self._piece = piece
        self._clock = clock
        self._woken = False

    def select(self, timeout: float | None = None) -> list:
        if timeout is None or timeout > 0:
            end = None if timeout is None else self._clock() + timeout
            while not (self._woken or self._loop._ready):
                left = PIECE if end is None else min(end - self._clock(), PIECE)
                if left <= 0:
                    break
                self._piece(left)
        self._woken = False
        return []

    def wake(self) -> None:
        self._woken = True

    def close(self) -> None:
        pass


class PageEventLoop(unix_events._UnixSelectorEventLoop):
    """CPython's event loop on Linux, minus its self-pipe (a socketpair, which a page
    lacks): a wake-up goes to the wait itself. Each run makes a subclass that knows
    how to wait (``_make_wait``: a _Wait, or threads/run_asyncio.py's) and its clock."""

    _make_wait: Callable[[PageEventLoop], _Wait]
    _clock: Callable[[], float] = staticmethod(time.monotonic)

    def __init__(self, selector=None) -> None:
        super().__init__(selector=type(self)._make_wait(self))

    def time(self) -> float:
        return type(self)._clock()  # time.monotonic(), as BaseEventLoop's

    def _make_self_pipe(self) -> None:
        self._ssock = self._csock = None

    def _close_self_pipe(self) -> None:
        pass

    def _write_to_self(self) -> None:
        self._selector.wake()

    def create_task(self, coro, *, name=None, **kwargs):
        # asyncio's own count of unnamed tasks lives as long as the worker (Pyodide's
        # tasks count too): a run counts from Task-1 again, as a fresh process does.
        if name is None and self._task_factory is None:
            name = f"Task-{next(self._task_numbers)}"
        return super().create_task(coro, name=name, **kwargs)


def loop_class(make_wait, clock) -> type[PageEventLoop]:
    """The run's loop class, named as CPython's on Linux: ``repr(loop)`` and
    ``type(loop)`` read as in the recorded outputs."""
    name = unix_events._UnixSelectorEventLoop.__name__
    attrs = {"_make_wait": staticmethod(make_wait), "_clock": staticmethod(clock)}
    cls = type(name, (PageEventLoop,), {**attrs, "_task_numbers": itertools.count(1)})
    cls.__module__ = unix_events.__name__
    return cls


# Where a program finds the loop class (asyncio.EventLoop is 3.13+).
_LOOP_NAMES = [(m, n) for m in (asyncio, unix_events) for n in ("SelectorEventLoop", "EventLoop")]


def _on_sigint(self, signum, frame, main_task):
    """The Runner's handler, pressed twice when a task is busy: CPython's first Ctrl-C
    only asks the main task to cancel, which a task hears at its next ``await`` (a
    spinning one never): one Stop must end the program, as a second Ctrl-C would."""
    _ON_SIGINT(self, signum, frame, main_task)
    if tasks.current_task(self._loop) is not None:
        _ON_SIGINT(self, signum, frame, main_task)


def _monotonic() -> float:
    return time.monotonic()  # looked up each time: a replayable run's is virtual


class PageAsyncio:
    """Context manager: CPython's asyncio for the program's own code (see above).

    ``make_wait``: how a loop waits (default: sleep pieces that hear ``stop``);
    ``own_stack``: the program runs on the caller's stack, which leaves Pyodide's loop
    while it runs (a threaded run's threads start on stacks of their own instead)."""

    def __init__(
        self, stop: StopFlag | None = None, clock=_monotonic, sleep=None, make_wait=None,
        own_stack: bool = True,
    ) -> None:  # fmt: skip
        if make_wait is None:
            sleep = sleep or timer_sleep(_BASE_SLEEP)
            piece = sleep if stop is None else stop_piece(sleep, stop)
            make_wait = lambda loop: _Wait(loop, piece, clock)  # noqa: E731
        self.loop_class = loop_class(make_wait, clock)
        self.own_stack = own_stack
        self.policy = _POLICY_BASE()
        self.policy._loop_factory = self.loop_class

    def __enter__(self) -> PageAsyncio:
        # The runner's own coroutine runs as a task of Pyodide's loop: the program's code
        # runs outside it, as a script's top level does (CPython 3.14 allows one current
        # task per thread, so the program's tasks could not run otherwise).
        loop = events._get_running_loop() if self.own_stack else None
        task = tasks.current_task(loop) if loop is not None else None
        if task is not None:
            tasks._leave_task(loop, task)
        self.saved = (loop, task, events._event_loop_policy, asyncio.run, runners.Runner._on_sigint)
        self.names = [(m, n, m.__dict__[n]) for m, n in _LOOP_NAMES if n in m.__dict__]
        if self.own_stack:
            events._set_running_loop(None)
        events._event_loop_policy = self.policy
        asyncio.run = runners.run
        runners.Runner._on_sigint = _on_sigint
        for module, name, _ in self.names:
            setattr(module, name, self.loop_class)
        return self

    def __exit__(self, *exc) -> None:
        loop, task, events._event_loop_policy, asyncio.run, runners.Runner._on_sigint = self.saved
        for module, name, original in self.names:
            setattr(module, name, original)
        if self.own_stack:
            events._set_running_loop(loop)
        if task is not None:
            tasks._enter_task(loop, task)
