"""Switch threads without the reader's code asking: time slices and instruction-level switches.

Three schedules, named for what they model:

- "gil" (CPython 3.10+, GIL build): the JS controller (overrides/assets/js/threads/
  preemption.js) raises SIGVTALRM at an eval-breaker check once the slice is over, so
  threads switch only where CPython 3.10+ honours a switch request (calls and function
  entry, backward jumps). Slices are wall-clock (``seed=None``) or a seeded count of
  checks (replayable).
- "gil39" (CPython <= 3.9): the same slices, but when one ends in the reader's code the
  switch lands a few (seeded) bytecode instructions later, wherever that is, as 3.9's
  eval loop honoured a request before almost any instruction. Instruction events are on
  only for those few instructions, so the run costs about what "gil" costs
  (instruction_switch.LateSwitch).
- "anywhere" (free-threaded-like, worst case): a seeded instruction countdown on every
  step of the reader's code, so a switch can fall between any two bytecodes. Slow
  (every instruction calls back): fine for small demos (instruction_switch.EverySwitch).

"step" (stepping.py) has no time slices at all: the reader picks every switch.

A switch may only happen in the reader's code (or the stdlib it called): never
while this runtime is mid-update, nor inside Pyodide, asyncio or an import.
"""

from __future__ import annotations

import os
import random
import signal

from .. import reader_signals
from . import reader_monitor
from .code_origin import _RUNTIME_DIR, _STDLIB_DIR
from .instruction_switch import EverySwitch, LateSwitch

SIG_SLICE = getattr(signal, "SIGVTALRM", 26)
# The whole browser_runtime package: execute.py's callbacks run inside the scheduler.
_OWN_DIR = os.path.dirname(_RUNTIME_DIR)
_PROTECTED_PREFIXES = (_OWN_DIR + os.sep, "<frozen")
_PROTECTED_PACKAGES = ("asyncio", "pyodide", "_pyodide", "importlib", "encodings", "codecs")
_STDLIB_PROTECTED = tuple(f"{_STDLIB_DIR}/{pkg}" for pkg in _PROTECTED_PACKAGES)
STDLIB, READER, PROTECTED = 0, 1, 2

# code -> True: also protected. Module-wide on purpose: only the CPython test backend
# marks its own code objects here, once at import, and they live as long as it does.
_protected_cache: dict = {}


def controller():
    """The JS controller, or None when the page did not install one."""
    try:
        import browser_threads_js  # type: ignore[import-not-found]
    except ImportError:
        return None
    return browser_threads_js


class CodeKinds:
    """Whose code is this? Cached per run (a run's code objects die with it)."""

    def __init__(self):
        self._cache: dict = {}

    def kind(self, code) -> int:
        kind = self._cache.get(code)
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
            self._cache[code] = kind
        return kind

    def is_reader(self, code) -> bool:
        return self.kind(code) == READER

    def switchable(self, frame) -> bool:
        """May the thread running ``frame`` be switched away from here? Yes if the
        innermost frame that is not the stdlib's belongs to the reader: the stdlib
        called by the reader (threading.py's Condition, say) switches as on CPython;
        called by this runtime (json for an event, say) it does not."""
        while frame is not None:
            kind = self.kind(frame.f_code)
            if kind == READER:
                return True
            if kind == PROTECTED:
                return False
            frame = frame.f_back
        return False


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
        self.kinds = CodeKinds()
        self.rng = random.Random(seed)
        self._late = None  # "gil39": instruction_switch.LateSwitch
        self._every = None  # "anywhere": instruction_switch.EverySwitch

    # scheduler hooks
    def arm(self) -> None:
        if self.ctl is not None and self.mode != "step":  # stepping: the reader decides
            self.ctl.arm()

    def disarm(self) -> None:
        if self._late is not None and self._late.left:
            self._late.cancel()  # the thread blocked first: that was its switch
        if self.ctl is not None:
            self.ctl.disarm()

    def __enter__(self) -> Preemption:
        # The program still sees (and sets) the handlers CPython would give it.
        reader_signals.own(SIG_SLICE, self._on_slice, self.sched.interrupt_main)
        reader_signals.own(signal.SIGINT, self._on_interrupt, self.sched.interrupt_main)
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
            self._every = EverySwitch(self, self.code, self.max_ops)
        elif self.mode == "gil39" and self.code is not None and reader_monitor.available():
            self._late = LateSwitch(self, self.code)
        return self

    def __exit__(self, *exc) -> None:
        for switches in (self._every, self._late):
            if switches is not None:
                switches.close()
        self._every = self._late = None
        self.sched.preemption = None
        if self.ctl is not None:
            self.ctl.end()
            self._idle_proxy.destroy()
        reader_signals.release_all()

    def _on_slice(self, signum, frame) -> None:
        sched = self.sched
        if sched.no_preempt or not self.kinds.switchable(frame):
            if self.ctl is not None and sched.running is not None:
                self.ctl.defer()
            return
        late = self._late
        if late is not None and late.left:
            late.cancel()  # safety net (see LateSwitch.start): switch here
        elif late is not None and self.kinds.is_reader(frame.f_code):
            late.start()  # the switch lands a few instructions on
            return
        sched.preempt(self.slice_ms / 1000)

    def _on_interrupt(self, signum, frame) -> None:
        # Never raised inside the runtime's own code: its state must stay whole.
        here_ok = not self.sched.no_preempt and self.kinds.switchable(frame)
        self.sched.ctrl_c(signum, here_ok)

    def _on_idle_interrupt(self) -> None:
        self.sched.ctrl_c(signal.SIGINT)
