"""Run a reader's program as the main thread, with CPython's exit semantics."""

from __future__ import annotations

from ..exit_status import exit_code_of, report_uncaught
from ..facts import SEED_LIMIT
from ..fresh_state import run_exit_handlers
from ..options import check_seed
from ..tracebacks import print_uncaught, unchain
from .availability import ThreadsUnavailable, unavailable_reason
from .outcome import Outcome
from .run_asyncio import preload_executor
from .run_setup import _Run
from .unraisable import ON_THREADING_SHUTDOWN, report_unraisable

__all__ = [
    "MODES",
    "Outcome",
    "ThreadsUnavailable",
    "run_program",
    "run_program_blocking",
    "unavailable_reason",
]

# What each models: preempt.py's docstring.
MODES = ("gil", "gil39", "anywhere", "step")  # "step": stepping.py

# Counted slices: mean length in eval-breaker checks (about 5 ms of Pyodide work).
DEFAULT_SLICE_CHECKS = 20000


def _main_thread_body(sched, code, globals_dict, ending: dict) -> None:
    # threading is imported first, as CPython's startup effectively does, so its
    # _MainThread is this thread and _shutdown() runs at exit. ``ending`` tells the
    # caller whether the program died of an uncaught exception.
    exit_code = 1
    try:
        threading = __import__("threading")
        preload_executor(code)
        exit_code = 0
        try:
            exec(code, globals_dict)
        except SystemExit as exc:
            exit_code = exit_code_of(exc)
        except BaseException as exc:  # noqa: BLE001 - the interpreter reports everything
            report_uncaught(exc, print_uncaught)
            unchain(exc)
            # As CPython: an uncaught KeyboardInterrupt exits as killed by SIGINT.
            exit_code = 130 if isinstance(exc, KeyboardInterrupt) else 1
            ending["uncaught"] = True
        # CPython's exit: join the non-daemon threads, then the atexit handlers.
        try:
            threading._shutdown()
        except BaseException as exc:  # noqa: BLE001 - Stop while it waits (unraisable.py)
            report_unraisable(exc, ON_THREADING_SHUTDOWN)
            unchain(exc)
        run_exit_handlers()
    except BaseException as exc:  # noqa: BLE001
        print_uncaught(exc)
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


def _new_run(backend, source, filename, globals_dict, mode, seed, *settings) -> _Run:
    """The run both drivers set up; ``settings``: _Run's arguments after the seed."""
    code = _prepare(source, filename)
    globals_dict = {"__name__": "__main__"} if globals_dict is None else globals_dict
    return _Run(backend, code, globals_dict, mode, seed, *settings)


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
    run = _new_run(
        backend, source, filename, globals_dict, mode, seed, slice_ms, slice_checks,
        on_event, event_limit, stepping,
    )  # fmt: skip
    with run:
        run.start(_main_thread_body)
        result = await backend.wait_completion(run.sched.completion)
        run.sched.reap()
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
    run = _new_run(
        backend, source, filename, globals_dict, mode, seed, 5.0, DEFAULT_SLICE_CHECKS,
        on_event, event_limit, stepping,
    )  # fmt: skip
    with run:
        run.start(_main_thread_body)
        result = backend.run_until(run.sched.completion)
        run.sched.reap()
    return run.outcome(result)
