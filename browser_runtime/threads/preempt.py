"""Switch threads without the reader's code asking: time slices and "anywhere" mode.

"gil" mode: the JS controller (overrides/assets/js/threads/preemption.js) raises
SIGVTALRM at an eval-breaker check once the slice is over, so threads switch only
where CPython's GIL build can (calls, backward jumps). Slices are wall-clock
(``seed=None``) or a seeded count of checks (replayable).
"anywhere" mode adds a seeded opcode-level tracer on the reader's code, so a switch
can fall between any two bytecodes (``counter += 1`` can lose updates), as on a
free-threaded build or an unlucky schedule. It is slower: fine for small demos.
"""

from __future__ import annotations

import random
import signal
import sys

from .code_origin import _RUNTIME_DIR, _STDLIB_DIR

SIG_SLICE = getattr(signal, "SIGVTALRM", 26)
_PROTECTED_PREFIXES = (_RUNTIME_DIR, "<frozen")
_PROTECTED_PACKAGES = ("asyncio", "pyodide", "_pyodide", "importlib", "encodings", "codecs")
_STDLIB_PROTECTED = tuple(f"{_STDLIB_DIR}/{pkg}" for pkg in _PROTECTED_PACKAGES)


def controller():
    """The JS controller, or None when the page did not install one."""
    try:
        import browser_threads_js  # type: ignore[import-not-found]
    except ImportError:
        return None
    return browser_threads_js


_protected_cache: dict = {}


def _protected(frame) -> bool:
    code = frame.f_code
    hit = _protected_cache.get(code)
    if hit is None:
        name = code.co_filename
        hit = name.startswith(_PROTECTED_PREFIXES) or name.startswith(_STDLIB_PROTECTED)
        _protected_cache[code] = hit
    return hit


class Preemption:
    def __init__(
        self, sched, ctl, *, mode: str, seed, slice_ms: float, slice_checks: int, max_ops: int = 200
    ):
        self.sched = sched
        self.ctl = ctl
        self.mode = mode
        self.seed = seed
        self.slice_ms = slice_ms
        self.slice_checks = slice_checks
        self.max_ops = max_ops
        self._saved = {}
        self._rng = random.Random(seed)
        self._budget = 0
        self._old_trace = None

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
            self._budget = self._rng.randint(1, self.max_ops)
            self._old_trace = sys.gettrace()
            sys.settrace(self._global_trace)
        return self

    def __exit__(self, *exc) -> None:
        if self.mode == "anywhere":
            sys.settrace(self._old_trace)
        self.sched.preemption = None
        if self.ctl is not None:
            self.ctl.end()
            self._idle_proxy.destroy()
        for signum, handler in self._saved.items():
            signal.signal(signum, handler)

    def _on_slice(self, signum, frame) -> None:
        sched = self.sched
        if sched.no_preempt or (frame is not None and _protected(frame)):
            if self.ctl is not None and sched.running is not None:
                self.ctl.defer()
            return
        sched.preempt()

    def _on_interrupt(self, signum, frame) -> None:
        self.sched.stop()

    def _on_idle_interrupt(self) -> None:
        self.sched.stop()

    # "anywhere": a seeded opcode countdown in the reader's frames
    def _global_trace(self, frame, event, arg):
        if (
            event == "call"
            and not _protected(frame)
            and not frame.f_code.co_filename.startswith(_STDLIB_DIR)
        ):
            frame.f_trace_opcodes = True
            return self._local_trace
        return None

    def _local_trace(self, frame, event, arg):
        if event == "opcode":
            self._budget -= 1
            if self._budget <= 0:
                self._budget = self._rng.randint(1, self.max_ops)
                if not self.sched.no_preempt:
                    self.sched.preempt()
        return self._local_trace
