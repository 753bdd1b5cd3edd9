"""Run a reader's example inside Pyodide, the way ``python FILE`` would.

The worker calls ``await run(source, filename, options, emit)`` once per click. Each run
gets a fresh ``__main__`` module and a fresh interpreter state (fresh_state.py), its
output goes to ``emit(stream, text)`` as it is written, and an uncaught exception is
reported as CPython reports it (sys.excepthook; tracebacks without the runtime's frames).

Everything here is plain Python so that CPython can unit-test it; nothing imports
``js`` or ``pyodide``: the worker passes ``emit`` in.
"""

from __future__ import annotations

import builtins
import io
import linecache
import sys
import types
from collections.abc import Callable, Mapping

from browser_runtime.exit_status import exit_code_of, report_uncaught
from browser_runtime.fresh_state import InterpreterState, run_exit_handlers, seed_random
from browser_runtime.options import BadOptions, RunOptions
from browser_runtime.output import Emit, OutputLimitReached, OutputSink, StreamWriter
from browser_runtime.page_asyncio import PageAsyncio
from browser_runtime.page_limits import PageLimits
from browser_runtime.program_stack import ProgramStacks
from browser_runtime.stop_sleep import StopFlag
from browser_runtime.thread_detect import uses_threads
from browser_runtime.threaded_run import run_threaded
from browser_runtime.tracebacks import (
    format_syntax_error,
    is_thread_start_error,
    print_uncaught,
    unchain,
)

__all__ = [
    "OutputLimitReached",
    "OutputSink",
    "RunOptions",
    "json_events",
    "python_version",
    "run",
    "uses_threads",
]


def fresh_main(filename: str) -> types.ModuleType:
    main = types.ModuleType("__main__")
    main.__file__ = filename
    main.__builtins__ = builtins
    return main


async def run(
    source: str,
    filename: str = "<example>",
    options: Mapping[str, object] | None = None,
    emit: Emit | None = None,
    on_event: Callable[[dict], object] | None = None,
    stop: StopFlag | None = None,
) -> dict:
    """Run ``source`` as a script; return how it ended. ``stop`` is the page's stop
    flag (SIGINT once per Stop), for sleeps to hold and ask (stop_sleep.py).

    The result's ``status`` is one of: ``ok``, ``exit`` (SystemExit with a code),
    ``error`` (an exception, traceback already emitted on stderr), ``syntax-error``,
    ``threads`` (the code tried to start a thread without the threads runtime),
    ``deadlock`` (threaded runs: every thread blocked for good; a report is on stderr),
    ``output-limit`` (stopped at the output cap) or ``failed`` (bad options: nothing
    ran; ``message`` says why).
    """
    try:
        opts = RunOptions.from_mapping(options)
    except (BadOptions, TypeError, ValueError) as exc:
        return {"status": "failed", "message": str(exc), "exit_code": None}
    sink = OutputSink(emit or (lambda stream, text: None), opts.max_lines, opts.max_chars)
    main = fresh_main(filename)
    # Tracebacks show the reader's lines: linecache is where traceback looks them up.
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    saved = (sys.stdout, sys.stderr, sys.stdin, sys.argv, sys.modules.get("__main__"))
    state = InterpreterState()
    sys.stdout = StreamWriter(sink, "stdout")
    sys.stderr = StreamWriter(sink, "stderr")
    sys.stdin = io.StringIO("")  # input() explains itself (page_limits.py)
    sys.argv = [filename]
    extra: dict = {}
    try:
        with state, PageLimits(stop), ProgramStacks():
            sys.modules["__main__"] = main
            seed_random(opts.seed)
            status, exit_code, extra = await _run_code(
                source, filename, main, opts, sink, on_event, stop
            )
    finally:
        sys.stdout, sys.stderr, sys.stdin, sys.argv = saved[:4]
        if saved[4] is not None:
            sys.modules["__main__"] = saved[4]
        linecache.cache.pop(filename, None)
    if sink.truncated:
        status = "output-limit"
    return {
        "status": status,
        "exit_code": exit_code,
        "truncated": sink.truncated,
        "lines": sink.lines,
        "chars": sink.chars,
        **extra,
    }


async def _run_code(source, filename, main, opts: RunOptions, sink, on_event, stop) -> tuple:
    """Compile and run; (status, exit_code, extra). Plain runs end as CPython's
    interpreter does: the traceback, then the atexit handlers. As in CPython, a
    top-level ``await`` is a SyntaxError and asyncio is CPython's (page_asyncio.py)."""
    # A replayable (seeded) run takes the threads runtime even without threads: its
    # virtual clock is where a seeded run's time comes from (threads/clock.py).
    threaded = opts.threads and (opts.seed is not None or uses_threads(source))
    status, exit_code, extra = "ok", 0, {}
    aio = PageAsyncio(stop)
    try:
        try:
            code = compile(source, filename, "exec", dont_inherit=True)
        except (SyntaxError, ValueError) as exc:
            sink.emit("stderr", format_syntax_error(exc, filename))
            return "syntax-error", 1, extra
        if threaded:
            from browser_runtime.threads.run_asyncio import ThreadedAsyncio

            with ThreadedAsyncio():
                return await run_threaded(code, main, opts, sink, on_event)
        with aio:
            exec(code, main.__dict__)
    except OutputLimitReached:
        return "output-limit", 1, extra
    except SystemExit as exc:
        exit_code = exit_code_of(exc)  # sys.stderr is still the run's stream here
        status = "ok" if exit_code == 0 else "exit"
    except BaseException as exc:
        # Like CPython, an uncaught KeyboardInterrupt (the page's Stop) exits with 130.
        exit_code = 130 if isinstance(exc, KeyboardInterrupt) else 1
        if is_thread_start_error(exc):
            status = "threads"
        else:
            status = "error"
            try:  # capped like any output: mutual recursion prints 200,000 frames
                report_uncaught(exc, print_uncaught)
            except OutputLimitReached:
                pass  # run() reports the cut
            unchain(exc)
    try:
        with aio:  # a handler may use asyncio too
            run_exit_handlers()
    except OutputLimitReached:
        status, exit_code = "output-limit", 1
    return status, exit_code, extra


def json_events(send: Callable[[str], object]) -> Callable[[dict], None]:
    """Wrap a JS callback: events cross to JS as JSON text (one string, no proxies)."""
    import json

    return lambda event: send(json.dumps(event, default=str))


def python_version() -> str:
    return ".".join(map(str, sys.version_info[:3]))
