"""Everything one threaded run sets up (scheduler, clocks, sleep, streams, slices,
stepper), all or nothing, and tears down in reverse order."""

from __future__ import annotations

import random
import sys

from ..fresh_state import start_exit_handlers
from ..sleep_args import sleep_seconds
from . import scheduler as _sched
from .clock import VirtualClock, WallClock, reader_clocks
from .deadlock import format_report
from .events import EventSink, ThreadTaggedStream
from .fresh_code import refresh_runtime_code
from .gc_guard import GcGuard
from .install import Installation
from .outcome import Outcome
from .preempt import Preemption, controller


class _Run:
    """Everything set up for one run, torn down in reverse order."""

    def __init__(
        self,
        backend,
        code,
        globals_dict,
        mode,
        seed,
        slice_ms,
        slice_checks,
        on_event,
        event_limit,
        stepping=None,
    ):
        self.backend = backend
        self.mode = mode
        if mode == "anywhere" and seed is None:
            import random

            seed = random.randrange(2**31)
        self.seed = seed
        sink = EventSink(on_event, backend.now, event_limit) if on_event is not None else None
        self.sink = sink
        # Seeded runs replay, so their timeouts cannot follow the wall clock.
        replays = seed is not None or mode == "step"
        clock = VirtualClock(backend) if replays else WallClock(backend)
        self.sched = _sched.Scheduler(backend, sink, clock=clock)
        self.sched.gc_guard = GcGuard()
        self.ending: dict = {}
        self.code = code
        self.globals = globals_dict
        self.ctl = controller()
        self.preemption = Preemption(
            self.sched,
            self.ctl,
            mode=mode,
            seed=seed,
            slice_ms=slice_ms,
            slice_checks=slice_checks,
            code=code,
        )
        self.stepper = None
        if mode == "step":
            from .stepping import stepper_for

            self.stepper = stepper_for(self.sched, code, globals_dict, stepping or {})
        # ... and so do the clocks the program reads.
        clocks = reader_clocks(clock) if clock.virtual else None
        self.installation = Installation(self._sleep, clocks)
        self._streams = ()

    def _sleep(self, secs):
        sched = _sched.ACTIVE
        if sched is None or sched.running is None:
            return self.installation.original_sleep(secs)
        secs = sleep_seconds(secs)
        sched.sleep(secs)

    def __enter__(self):
        if _sched.ACTIVE is not None:
            raise RuntimeError("a threaded run is already in progress in this interpreter")
        self.saved_streams = (sys.stdout, sys.stderr)
        # All or nothing: a failure half-way undoes what was set up, so the next run
        # finds the interpreter as it was.
        _sched.ACTIVE = self.sched
        try:
            self.sched.gc_guard.__enter__()
            try:
                self.installation.__enter__()
            except BaseException:
                self.sched.gc_guard.exit(stacks_left=False)
                raise
            try:
                sys.stdout = _Guarded(sys.stdout, "stdout", self.sink, self.sched)
                sys.stderr = _Guarded(sys.stderr, "stderr", self.sink, self.sched)
                start_exit_handlers()
                if self.seed is not None:
                    random.seed(self.seed)  # replayable: random follows the seed too
                    refresh_runtime_code()  # and slices count the same checks
                self.preemption.__enter__()
                try:
                    if self.stepper is not None:
                        self.stepper.__enter__()
                except BaseException:
                    self.preemption.__exit__(None, None, None)
                    raise
            except BaseException:
                sys.stdout, sys.stderr = self.saved_streams
                self.installation.__exit__(None, None, None)
                self.sched.gc_guard.exit(stacks_left=False)
                raise
        except BaseException:
            _sched.ACTIVE = None
            raise
        return self

    def start(self, main_body):
        """``main_body(sched, code, globals, ending)`` runs as the main thread."""
        # Import threading here, on the caller's stack, before any thread stack exists:
        # compiling it inside a fresh callback stack has crashed Pyodide (see report).
        self.sched.running = self.sched.main
        try:
            __import__("threading")
        finally:
            self.sched.running = None
        self.sched.start(
            self.sched.main,
            lambda: main_body(self.sched, self.code, self.globals, self.ending),
        )

    def __exit__(self, *exc):
        if self.stepper is not None:
            self.stepper.__exit__(*exc)
        self.preemption.__exit__(*exc)
        for stream in (sys.stdout, sys.stderr):
            if isinstance(stream, _Guarded):
                stream.flush_partial()
        sys.stdout, sys.stderr = self.saved_streams
        self.installation.__exit__(*exc)
        self.sched.gc_guard.exit(stacks_left=bool(self.sched.live))
        _sched.ACTIVE = None

    def outcome(self, result) -> Outcome:
        status, exit_code, details = result
        report = details.get("deadlock")
        if report is not None:
            print(format_report(report), file=sys.stderr)
        out = Outcome(
            status=status,
            exit_code=exit_code,
            mode=self.mode,
            seed=self.seed,
            preemptive=(self.ctl is not None and self.mode != "step") or self.mode == "anywhere",
            deadlock=report,
            switches=self.sched.switches,
            idle_s=round(self.sched.idle, 4),
            events_truncated=bool(self.sink and self.sink.truncated),
            uncaught=bool(self.ending.get("uncaught")),
        )
        if self.sink is not None:
            if report is not None:
                self.sink.emit("deadlock", None, threads=report)
            self.sink.emit(
                "exit", None, status=status, exit_code=exit_code, mode=self.mode, seed=self.seed
            )
        return out


class _Guarded(ThreadTaggedStream):
    """stdout/stderr during a run: never switched away from mid-write; tags lines.
    Once the run is over, a thread still running (Stop lands mid-slice) writes nothing
    (CPython's process would have exited)."""

    def write(self, text):
        if self._sched.finished:
            return len(text)
        self._sched.no_preempt += 1
        try:
            if self._sink is None:
                return self._inner.write(text)
            return super().write(text)
        finally:
            self._sched.no_preempt -= 1

    def flush(self):
        self._sched.no_preempt += 1
        try:
            return self._inner.flush()
        finally:
            self._sched.no_preempt -= 1
