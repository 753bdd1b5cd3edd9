"""Switch threads without the reader's code asking: time slices and "anywhere" mode.

"gil" mode: the JS controller (overrides/assets/js/threads/preemption.js) raises
SIGVTALRM at an eval-breaker check once the slice is over, so threads switch only
where CPython's GIL build can (calls, backward jumps). Slices are wall-clock
(``seed=None``) or a seeded count of checks (replayable).
"anywhere" mode adds a seeded instruction countdown on the reader's code, so a switch
can fall between any two bytecodes (``counter += 1`` can lose updates), as on a
free-threaded build or an unlucky schedule. It is slower: fine for small demos.

A switch may only happen in the reader's code (or the stdlib it called): never
while this runtime is mid-update, nor inside Pyodide, asyncio or an import.
"""

from __future__ import annotations

import os
import random
import signal
import sys

from .code_origin import _RUNTIME_DIR, _STDLIB_DIR

SIG_SLICE = getattr(signal, "SIGVTALRM", 26)
# The whole browser_runtime package: execute.py's callbacks run inside the scheduler.
_OWN_DIR = os.path.dirname(_RUNTIME_DIR)
_PROTECTED_PREFIXES = (_OWN_DIR + os.sep, "<frozen")
_PROTECTED_PACKAGES = ("asyncio", "pyodide", "_pyodide", "importlib", "encodings", "codecs")
_STDLIB_PROTECTED = tuple(f"{_STDLIB_DIR}/{pkg}" for pkg in _PROTECTED_PACKAGES)
# Virtual CPU time per "anywhere" instruction (seeded runs' clock; about Pyodide's speed).
_SECS_PER_INSTRUCTION = 2e-7
_TOOL_IDS = (4, 3)  # sys.monitoring ids left free by debuggers, coverage and profilers

STDLIB, READER, PROTECTED = 0, 1, 2


def controller():
    """The JS controller, or None when the page did not install one."""
    try:
        import browser_threads_js  # type: ignore[import-not-found]
    except ImportError:
        return None
    return browser_threads_js


_kind_cache: dict = {}
# code -> True: also protected (a test backend marks its own code so).
_protected_cache: dict = {}


def _kind(code) -> int:
    kind = _kind_cache.get(code)
    if kind is None:
        name = code.co_filename
        if (
            _protected_cache.get(code)
            or name.startswith(_PROTECTED_PREFIXES)
            or name.startswith(_STDLIB_PROTECTED)
        ):
            kind = PROTECTED
        elif name.startswith(_STDLIB_DIR):
            kind = STDLIB
        else:
            kind = READER
        _kind_cache[code] = kind
    return kind


def switchable(frame) -> bool:
    """May the thread running ``frame`` be switched away from here? Yes if the
    innermost frame that is not the stdlib's belongs to the reader: the stdlib
    called by the reader (threading.py's Condition, say) switches as on CPython;
    called by this runtime (json for an event, say) it does not."""
    while frame is not None:
        kind = _kind(frame.f_code)
        if kind == READER:
            return True
        if kind == PROTECTED:
            return False
        frame = frame.f_back
    return False


def _reader_codes(code):
    """Every code object compiled from the reader's source (functions, classes...)."""
    todo = [code]
    while todo:
        current = todo.pop()
        yield current
        todo.extend(c for c in current.co_consts if isinstance(c, type(code)))


class Preemption:
    def __init__(
        self,
        sched,
        ctl,
        *,
        mode: str,
        seed,
        slice_ms: float,
        slice_checks: int,
        max_ops: int = 200,
        code=None,
    ):
        self.sched = sched
        self.ctl = ctl
        self.mode = mode
        self.seed = seed
        self.slice_ms = slice_ms
        self.slice_checks = slice_checks
        self.max_ops = max_ops
        self.code = code
        self._saved = {}
        self._rng = random.Random(seed)
        self._budget = 0
        self._ops = 0
        self._old_trace = None
        self._tool = None

    # scheduler hooks
    def arm(self) -> None:
        if self.ctl is not None:
            self.ctl.arm()

    def disarm(self) -> None:
        if self.ctl is not None:
            self.ctl.disarm()

    def __enter__(self) -> Preemption:
        self._saved[SIG_SLICE] = signal.signal(SIG_SLICE, self._on_slice)
        self._saved[signal.SIGINT] = signal.signal(signal.SIGINT, self._on_interrupt)
        if self.ctl is not None:
            from pyodide.ffi import create_proxy  # type: ignore[import-not-found]

            self._idle_proxy = create_proxy(self._on_idle_interrupt)
            self.ctl.begin(
                "counted" if self.seed is not None else "wall",
                self.seed,
                self.slice_ms,
                self.slice_checks,
                self._idle_proxy,
            )
        self.sched.preemption = self
        if self.mode == "anywhere":
            self._new_budget()
            self._start_anywhere()
        return self

    def __exit__(self, *exc) -> None:
        if self.mode == "anywhere":
            self._stop_anywhere()
        self.sched.preemption = None
        if self.ctl is not None:
            self.ctl.end()
            self._idle_proxy.destroy()
        for signum, handler in self._saved.items():
            signal.signal(signum, handler)

    def _on_slice(self, signum, frame) -> None:
        sched = self.sched
        if sched.no_preempt or not switchable(frame):
            if self.ctl is not None and sched.running is not None:
                self.ctl.defer()
            return
        sched.preempt(self.slice_ms / 1000)

    def _on_interrupt(self, signum, frame) -> None:
        self.sched.stop()

    def _on_idle_interrupt(self) -> None:
        self.sched.stop()

    # -- "anywhere": a seeded instruction countdown in the reader's code -------

    def _new_budget(self) -> None:
        self._budget = self._ops = self._rng.randint(1, self.max_ops)

    def _count(self) -> None:
        self._budget -= 1
        if self._budget <= 0:
            ops = self._ops
            self._new_budget()
            if not self.sched.no_preempt:
                self.sched.preempt(ops * _SECS_PER_INSTRUCTION)

    def _start_anywhere(self) -> None:
        # sys.monitoring (3.12+) is per interpreter. sys.settrace is per thread state,
        # and Pyodide gives every suspended stack a thread state of its own, so a
        # tracer set here would never see the other threads.
        monitoring = getattr(sys, "monitoring", None)
        if monitoring is None or self.code is None:
            self._old_trace = sys.gettrace()
            sys.settrace(self._global_trace)
            return
        for tool in _TOOL_IDS:
            if monitoring.get_tool(tool) is None:
                break
        else:
            raise RuntimeError("no free sys.monitoring tool id for 'anywhere' mode")
        monitoring.use_tool_id(tool, "browser_runtime.threads")
        self._tool = tool
        monitoring.register_callback(
            tool, monitoring.events.INSTRUCTION, lambda code, offset: self._count()
        )
        for code in _reader_codes(self.code):
            monitoring.set_local_events(tool, code, monitoring.events.INSTRUCTION)

    def _stop_anywhere(self) -> None:
        if self._tool is None:
            sys.settrace(self._old_trace)
            return
        monitoring = sys.monitoring
        for code in _reader_codes(self.code):
            monitoring.set_local_events(self._tool, code, 0)
        monitoring.register_callback(self._tool, monitoring.events.INSTRUCTION, None)
        monitoring.free_tool_id(self._tool)
        self._tool = None

    def _global_trace(self, frame, event, arg):
        if event == "call" and _kind(frame.f_code) == READER:
            frame.f_trace_opcodes = True
            return self._local_trace
        return None

    def _local_trace(self, frame, event, arg):
        if event == "opcode":
            self._count()
        return self._local_trace
