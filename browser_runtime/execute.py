"""Run a reader's example inside Pyodide, the way ``python FILE`` would.

The worker calls ``await run(source, filename, options, emit)`` once per click. Each run
gets a fresh ``__main__`` module, its output goes to ``emit(stream, text)`` as it is
written, and an error is reported as a traceback trimmed to the reader's own code.

Everything here is plain Python so that CPython can unit-test it; nothing imports
``js`` or ``pyodide``: the worker passes ``emit`` in.
"""

from __future__ import annotations

import ast
import builtins
import inspect
import io
import linecache
import sys
import traceback
import types
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from browser_runtime.exit_status import exit_code_of
from browser_runtime.facts import MAX_CHARS, MAX_LINES, THREAD_MODULES

Emit = Callable[[str, str], object]

THREAD_START_ERROR = "can't start new thread"


class OutputLimitReached(BaseException):
    """Raised from print() once the output cap is hit, to stop the program.

    A BaseException so that the reader's ``except Exception`` does not swallow it.
    """


@dataclass(frozen=True)
class RunOptions:
    """What the page may set per run; unknown keys are kept for later features (threads)."""

    max_lines: int = MAX_LINES
    max_chars: int = MAX_CHARS
    threads: bool = False  # run on the cooperative threads runtime (browser_runtime.threads)
    mode: str = "gil"  # its scheduling: threads.MODES ("gil", "gil39", "anywhere", "step")
    seed: int | None = None  # None: wall-clock time slices; an int: replayable slices
    events: bool = False  # send the threads runtime's event stream to on_event
    extra: Mapping[str, object] | None = None

    @classmethod
    def from_mapping(cls, options: Mapping[str, object] | None) -> RunOptions:
        options = dict(options or {})
        max_lines = int(options.pop("max_lines", MAX_LINES))
        max_chars = int(options.pop("max_chars", MAX_CHARS))
        if max_lines < 1 or max_chars < 1:
            raise ValueError("max_lines and max_chars must be positive")
        seed = options.pop("seed", None)
        return cls(
            max_lines=max_lines,
            max_chars=max_chars,
            threads=bool(options.pop("threads", False)),
            mode=str(options.pop("mode", "gil")),
            seed=None if seed is None else int(seed),
            events=bool(options.pop("events", False)),
            extra=options,
        )


class OutputSink:
    """Forwards writes in order to ``emit`` and enforces the output cap.

    Past the cap the text is cut at the limit, ``truncated`` is set and the writer
    raises OutputLimitReached: the program stops rather than printing into the void.
    """

    def __init__(self, emit: Emit, max_lines: int, max_chars: int, on_limit=None):
        self.emit = emit
        self.max_lines = max_lines
        self.max_chars = max_chars
        self.lines = 0
        self.chars = 0
        self.truncated = False
        # Threaded runs stop through their scheduler: raising in one thread would only
        # end that thread (and its excepthook would print into the full sink again).
        self.on_limit = on_limit

    def _limit(self) -> None:
        first = not self.truncated
        self.truncated = True
        if self.on_limit is None:
            raise OutputLimitReached
        if first:
            self.on_limit()

    def write(self, stream: str, text: str) -> None:
        if self.truncated or self.lines >= self.max_lines or self.chars >= self.max_chars:
            self._limit()
            return
        kept = text[: self.max_chars - self.chars]
        room = self.max_lines - self.lines
        if kept.count("\n") >= room:
            # Keep up to and including the newline that ends the last allowed line.
            end = -1
            for _ in range(room):
                end = kept.index("\n", end + 1)
            kept = kept[: end + 1]
        if kept:
            self.emit(stream, kept)
        self.lines += kept.count("\n")
        self.chars += len(kept)
        if len(kept) < len(text):
            self._limit()


class StreamWriter(io.TextIOBase):
    """sys.stdout / sys.stderr replacement that hands each write to the sink."""

    def __init__(self, sink: OutputSink, name: str):
        self._sink = sink
        self._name = name

    @property
    def encoding(self) -> str:
        return "utf-8"

    @property
    def name(self) -> str:
        return f"<{self._name}>"

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        if text:
            self._sink.write(self._name, text)
        return len(text)


def trim_traceback(te: traceback.TracebackException, filename: str) -> None:
    """Keep only the reader's frames, in this exception and every chained one."""
    seen: set[int] = set()
    todo = [te]
    while todo:
        current = todo.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        current.stack = traceback.StackSummary.from_list(
            [frame for frame in current.stack if frame.filename == filename]
        )
        todo.extend(x for x in (current.__cause__, current.__context__) if x is not None)
        todo.extend(getattr(current, "exceptions", None) or ())


def format_error(exc: BaseException, filename: str) -> str:
    te = traceback.TracebackException.from_exception(exc)
    trim_traceback(te, filename)
    return "".join(te.format())


def is_thread_start_error(exc: BaseException) -> bool:
    """Pyodide has no OS threads: Thread.start() fails with this RuntimeError."""
    return isinstance(exc, RuntimeError) and THREAD_START_ERROR in str(exc)


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
) -> dict:
    """Run ``source`` as a script; return how it ended.

    The result's ``status`` is one of: ``ok``, ``exit`` (SystemExit with a code),
    ``error`` (an exception, traceback already emitted on stderr), ``syntax-error``,
    ``threads`` (the code tried to start a thread without the threads runtime),
    ``deadlock`` (threaded runs: every thread blocked for good; a report is on stderr)
    or ``output-limit`` (stopped at the output cap).
    """
    opts = RunOptions.from_mapping(options)
    sink = OutputSink(emit or (lambda stream, text: None), opts.max_lines, opts.max_chars)
    main = fresh_main(filename)
    # Tracebacks show the reader's lines: linecache is where traceback looks them up.
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    saved = (sys.stdout, sys.stderr, sys.stdin, sys.argv, sys.modules.get("__main__"))
    sys.stdout = StreamWriter(sink, "stdout")
    sys.stderr = StreamWriter(sink, "stderr")
    sys.stdin = io.StringIO("")  # input() raises EOFError instead of waiting forever
    sys.argv = [filename]
    sys.modules["__main__"] = main
    status, exit_code = "ok", 0
    extra: dict = {}
    threaded = opts.threads and uses_threads(source)
    flags = 0 if threaded else ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
    try:
        try:
            code = compile(source, filename, "exec", flags=flags, dont_inherit=True)
        except (SyntaxError, ValueError) as exc:
            status, exit_code = "syntax-error", 1
            sink.emit("stderr", format_error(exc, filename))
        else:
            if threaded:
                status, exit_code, extra = await run_threaded(code, main, opts, sink, on_event)
            else:
                result = eval(code, main.__dict__)
                if inspect.isawaitable(result):
                    await result
    except OutputLimitReached:
        status, exit_code = "output-limit", 1
    except SystemExit as exc:
        exit_code = exit_code_of(exc)  # sys.stderr is still the run's stream here
        status = "ok" if exit_code == 0 else "exit"
    except BaseException as exc:
        exit_code = 1
        if is_thread_start_error(exc):
            status = "threads"
        else:
            status = "error"
            sink.emit("stderr", format_error(exc, filename))
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


def uses_threads(source: str) -> bool:
    """Whether the program imports a threading module: only then is the threads runtime
    worth its set-up (it re-imports threading & co. for every run)."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return False  # compile() reports it
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names = [node.module]
        else:
            continue
        if any(name.split(".")[0] in THREAD_MODULES for name in names):
            return True
    return False


async def run_threaded(code, main, opts: RunOptions, sink: OutputSink, on_event) -> tuple:
    """Run on the cooperative threads runtime: real interleaving, CPython's exit rules."""
    from browser_runtime.threads import run_program, scheduler

    def stop_run() -> None:
        if scheduler.ACTIVE is not None:
            scheduler.ACTIVE.stop()

    sink.on_limit = stop_run
    extra = dict(opts.extra or {})
    # mode "step": the reader picks each step (browser_runtime/threads/stepping.py).
    stepping = {"step": extra.get("step"), "replay": list(extra.get("replay") or ())}
    outcome = await run_program(
        code,
        code.co_filename,
        main.__dict__,
        mode=opts.mode,
        seed=opts.seed,
        on_event=on_event if opts.events else None,
        stepping=stepping if opts.mode == "step" else None,
    )
    if outcome.status in ("deadlock", "stopped"):  # stopped: a stepped run abandoned
        status = outcome.status
    elif outcome.exit_code == 0:
        status = "ok"
    else:
        status = "exit"
    # What the page labels the output with: how threads were scheduled in this run.
    return (
        status,
        outcome.exit_code,
        {
            "mode": outcome.mode,
            "seed": outcome.seed,
            "preemptive": outcome.preemptive,
            "switches": outcome.switches,
        },
    )


def json_events(send: Callable[[str], object]) -> Callable[[dict], None]:
    """Wrap a JS callback: events cross to JS as JSON text (one string, no proxies)."""
    import json

    return lambda event: send(json.dumps(event, default=str))


def python_version() -> str:
    return ".".join(map(str, sys.version_info[:3]))
