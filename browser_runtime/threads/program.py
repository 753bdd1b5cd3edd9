"""Run a reader's program as the main thread, with CPython's exit semantics."""

from __future__ import annotations

import random
import sys
import traceback
from dataclasses import dataclass, field

from ..exit_status import exit_code_of, report_uncaught
from ..facts import SEED_LIMIT
from ..fresh_state import run_exit_handlers, start_exit_handlers
from ..options import check_seed
from ..sleep_args import sleep_seconds
from . import scheduler as _sched
from .clock import VirtualClock, WallClock, reader_clocks
from .code_origin import is_runtime_file
from .deadlock import format_report
from .events import EventSink, ThreadTaggedStream
from .install import Installation
from .preempt import Preemption, controller

# What each models: preempt.py's docstring.
MODES = ("gil", "gil39", "anywhere", "step")  # "step": stepping.py

# Counted slices: mean length in eval-breaker checks (about 5 ms of Pyodide work).
DEFAULT_SLICE_CHECKS = 20000


@dataclass
class Outcome:
    status: str  # "ok" | "deadlock" | "stopped"
    exit_code: int
    mode: str
    seed: int | None
    preemptive: bool  # False when the page installed no slice controller
    deadlock: list[dict] | None = None
    switches: int = 0
    idle_s: float = 0.0  # wall time every thread spent sleeping or waiting for a timeout
    uncaught: bool = False  # the main thread ended with an uncaught exception
    events_truncated: bool = False
    details: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "status": self.status,
            "exit_code": self.exit_code,
            "mode": self.mode,
            "seed": self.seed,
            "preemptive": self.preemptive,
            "deadlock": self.deadlock,
            "switches": self.switches,
            "idle_s": self.idle_s,
            "events_truncated": self.events_truncated,
            "uncaught": self.uncaught,
        }


def _print_uncaught(exc: BaseException) -> None:
    # The traceback shows the program's frames and the library's, never the runtime's
    # own (this module, page_limits.py): CPython has no such frames.
    te = traceback.TracebackException.from_exception(exc)
    todo, seen = [te], set()
    while todo:
        current = todo.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        current.stack = traceback.StackSummary.from_list(
            [f for f in current.stack if not is_runtime_file(f.filename)]
        )
        todo.extend(x for x in (current.__cause__, current.__context__) if x is not None)
    sys.stderr.write("".join(te.format()))


def _main_thread_body(sched, code, globals_dict, ending: dict) -> None:
    # threading is imported first, as CPython's startup effectively does, so its
    # _MainThread is this thread and _shutdown() runs at exit. ``ending`` tells the
    # caller whether the program died of an uncaught exception.
    exit_code = 1
    try:
        threading = __import__("threading")
        exit_code = 0
        try:
            exec(code, globals_dict)
        except SystemExit as exc:
            exit_code = exit_code_of(exc)
        except _sched.ThreadKilled:
            raise
        except BaseException as exc:  # noqa: BLE001 - the interpreter reports everything
            report_uncaught(exc, _print_uncaught, __file__)
            exit_code = 1
            ending["uncaught"] = True
        # CPython's exit: join the non-daemon threads, then the atexit handlers.
        threading._shutdown()
        run_exit_handlers()
    except _sched.ThreadKilled:
        raise
    except BaseException as exc:  # noqa: BLE001
        _print_uncaught(exc)
    finally:
        sched.finish("ok", exit_code)


def _prepare(source, filename):
    if isinstance(source, str):
        return compile(source, filename, "exec", dont_inherit=True)
    return source


def _check_mode(mode, seed=None):
    """The seed as an int (or None); ValueError for a bad mode or seed."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
    if isinstance(seed, float):
        raise ValueError(f"seed must be None or a non-negative int, not {seed!r}")
    try:
        return check_seed(seed)
    except ValueError:
        raise ValueError(
            f"seed must be None or a non-negative int below {SEED_LIMIT}, not {seed!r}"
        ) from None


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
            self.installation.__enter__()
            try:
                sys.stdout = _Guarded(sys.stdout, "stdout", self.sink, self.sched)
                sys.stderr = _Guarded(sys.stderr, "stderr", self.sink, self.sched)
                start_exit_handlers()
                if self.seed is not None:
                    random.seed(self.seed)  # replayable: random follows the seed too
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
                raise
        except BaseException:
            _sched.ACTIVE = None
            raise
        return self

    def start(self):
        # Import threading here, on the caller's stack, before any thread stack exists:
        # compiling it inside a fresh callback stack has crashed Pyodide (see report).
        self.sched.running = self.sched.main
        try:
            __import__("threading")
        finally:
            self.sched.running = None
        self.sched.start(
            self.sched.main,
            lambda: _main_thread_body(self.sched, self.code, self.globals, self.ending),
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
    Once the run is over, threads still unwinding write nothing (CPython's process
    would have exited)."""

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


async def run_program(
    source,
    filename="<exec>",
    globals_dict=None,
    *,
    mode="gil",
    seed=None,
    slice_ms=5.0,
    slice_checks=DEFAULT_SLICE_CHECKS,
    on_event=None,
    event_limit=20000,
    backend=None,
    stepping=None,
) -> Outcome:
    """Run ``source`` (str or code object) as the main thread of a threaded program.

    Needs JSPI (``pyodide.ffi.can_run_sync()``); see ``unavailable_reason()``.
    """
    seed = _check_mode(mode, seed)
    if backend is None:
        from .backend import PyodideBackend

        reason = unavailable_reason()
        if reason:
            raise ThreadsUnavailable(reason)
        backend = PyodideBackend()
    code = _prepare(source, filename)
    globals_dict = {"__name__": "__main__"} if globals_dict is None else globals_dict
    run = _Run(
        backend,
        code,
        globals_dict,
        mode,
        seed,
        slice_ms,
        slice_checks,
        on_event,
        event_limit,
        stepping,
    )
    with run:
        run.start()
        result = await backend.wait_completion(run.sched.completion)
        reaped = run.sched.reap()
        if reaped is not None:
            await backend.wait_completion(reaped)
    return run.outcome(result)


def run_program_blocking(
    source,
    filename="<exec>",
    globals_dict=None,
    *,
    backend,
    mode="gil",
    seed=None,
    on_event=None,
    event_limit=20000,
    stepping=None,
) -> Outcome:
    """The same, driven synchronously by a backend with ``run_until`` (CPython tests)."""
    seed = _check_mode(mode, seed)
    code = _prepare(source, filename)
    globals_dict = {"__name__": "__main__"} if globals_dict is None else globals_dict
    run = _Run(
        backend,
        code,
        globals_dict,
        mode,
        seed,
        5.0,
        DEFAULT_SLICE_CHECKS,
        on_event,
        event_limit,
        stepping,
    )
    with run:
        run.start()
        result = backend.run_until(run.sched.completion)
        reaped = run.sched.reap()
        if reaped is not None:
            backend.run_until(reaped)
    return run.outcome(result)


class ThreadsUnavailable(RuntimeError):
    """This browser cannot suspend a thread (no JSPI): show the recorded output."""


def unavailable_reason() -> str | None:
    """None when threads can run here, else a one-line reason for the page."""
    try:
        from pyodide.ffi import can_run_sync  # type: ignore[import-not-found]
    except ImportError:
        return "not running in Pyodide"
    if not can_run_sync():
        return (
            "this browser lacks WebAssembly stack switching (JSPI), which live threads need; "
            "showing the recorded CPython output"
        )
    return None
