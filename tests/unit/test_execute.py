"""browser_runtime.execute under CPython: the parts that do not need Pyodide."""

from __future__ import annotations

import sys

import pytest

from browser_runtime.execute import OutputLimitReached, OutputSink, RunOptions, run
from tests.unit.helpers import run_async

FILE = "examples/demo.py"


def run_source(source: str, **options) -> tuple[dict, list[tuple[str, str]]]:
    chunks: list[tuple[str, str]] = []
    result = run_async(run(source, FILE, options, lambda s, t: chunks.append((s, t))))
    return result, chunks


def text(chunks, stream=None) -> str:
    return "".join(t for s, t in chunks if stream in (None, s))


def test_output_goes_out_in_order_per_stream():
    result, chunks = run_source('import sys\nprint("a")\nprint("b", file=sys.stderr)\nprint("c")')
    assert result["status"] == "ok" and result["exit_code"] == 0
    assert text(chunks) == "a\nb\nc\n"
    assert text(chunks, "stderr") == "b\n"


def test_each_run_has_a_fresh_main_module():
    run_source("leftover = 1")
    _, chunks = run_source("print('leftover' in globals(), __name__, __file__)")
    assert text(chunks) == f"False __main__ {FILE}\n"


def test_streams_and_main_are_restored_afterwards():
    before = sys.stdout, sys.stderr, sys.modules["__main__"]
    run_source("raise ValueError('x')")
    assert (sys.stdout, sys.stderr, sys.modules["__main__"]) == before


def test_traceback_has_no_frames_of_the_runtime():
    result, chunks = run_source("def f():\n    return 1 / 0\n\nf()")
    assert result["status"] == "error" and result["exit_code"] == 1
    err = text(chunks, "stderr")
    assert err.startswith("Traceback (most recent call last):\n")
    assert f'File "{FILE}", line 4, in <module>' in err
    assert f'File "{FILE}", line 2, in f' in err
    assert "    return 1 / 0" in err  # the reader's source line is shown
    assert err.count('File "') == 2, err
    assert "execute.py" not in err
    assert err.rstrip().endswith("ZeroDivisionError: division by zero")


def test_syntax_error_has_no_frames():
    result, chunks = run_source("x = 1\nprint(x\n")
    assert result["status"] == "syntax-error"
    err = text(chunks, "stderr")
    assert f'File "{FILE}", line 2' in err
    assert "SyntaxError" in err and "Traceback" not in err


def test_thread_start_failure_is_reported_as_threads():
    source = 'print("before")\nraise RuntimeError("can\'t start new thread")'
    result, chunks = run_source(source)
    assert result["status"] == "threads"
    assert text(chunks) == "before\n"  # no traceback: the page explains instead


@pytest.mark.parametrize(
    ("source", "status", "code", "stderr"),
    [
        ("raise SystemExit", "ok", 0, ""),
        ("raise SystemExit(3)", "exit", 3, ""),
        ("raise SystemExit('bye')", "exit", 1, "bye\n"),
    ],
)
def test_sys_exit_gives_the_exit_code_python_would(source, status, code, stderr):
    result, chunks = run_source(source)
    assert (result["status"], result["exit_code"]) == (status, code)
    assert text(chunks, "stderr") == stderr


def test_top_level_await_is_a_syntax_error_showing_its_line_as_python_file_py():
    result, chunks = run_source("import asyncio\nawait asyncio.sleep(0)\nprint('awaited')")
    assert (result["status"], result["exit_code"]) == ("syntax-error", 1)
    assert text(chunks) == (
        f'  File "{FILE}", line 2\n'
        "    await asyncio.sleep(0)\n"
        "    ^^^^^^^^^^^^^^^^^^^^^^\n"
        "SyntaxError: 'await' outside function\n"
    )


def test_an_asyncio_program_sees_no_loop_at_top_level():
    source = "import asyncio\nasyncio.get_running_loop()"
    result, chunks = run_source(source)
    assert result["status"] == "error"
    assert text(chunks, "stderr").endswith("RuntimeError: no running event loop\n")


def test_input_does_not_hang():
    result, chunks = run_source("input()")
    assert result["status"] == "error" and "EOFError" in text(chunks, "stderr")


def test_output_is_capped_by_lines_and_the_program_stopped():
    result, chunks = run_source("for i in range(10**6):\n    print(i)\nprint('never')", max_lines=5)
    assert result["status"] == "output-limit" and result["truncated"]
    assert text(chunks) == "0\n1\n2\n3\n4\n"


def test_output_is_capped_by_characters():
    result, chunks = run_source("print('x' * 1000)", max_chars=100)
    assert result["status"] == "output-limit"
    assert text(chunks) == "x" * 100


def test_except_exception_does_not_swallow_the_cap():
    source = "try:\n    while True:\n        print('spam')\nexcept Exception:\n    print('caught')"
    result, chunks = run_source(source, max_lines=3)
    assert result["status"] == "output-limit"
    assert "caught" not in text(chunks)


def test_exactly_at_the_cap_is_not_truncated():
    result, chunks = run_source("for i in range(3):\n    print(i)", max_lines=3)
    assert result["status"] == "ok" and not result["truncated"]
    assert text(chunks) == "0\n1\n2\n"


def test_sink_cuts_a_multi_line_write_at_the_line_limit():
    got = []
    sink = OutputSink(lambda s, t: got.append(t), max_lines=2, max_chars=1000)
    with pytest.raises(OutputLimitReached):
        sink.write("stdout", "a\nb\nc\n")
    assert got == ["a\nb\n"] and sink.truncated


def test_options_reject_nonsense_and_keep_unknown_keys():
    with pytest.raises(ValueError):
        RunOptions.from_mapping({"max_lines": 0})
    with pytest.raises(ValueError):
        RunOptions.from_mapping({"seed": "not a number"})
    opts = RunOptions.from_mapping({"threads": True, "mode": "anywhere", "seed": 7, "x": 1})
    assert (opts.threads, opts.mode, opts.seed) == (True, "anywhere", 7)
    assert opts.extra == {"x": 1}


def test_threaded_output_cap_calls_back_instead_of_raising():
    stopped = []
    sink = OutputSink(lambda stream, text: None, max_lines=2, max_chars=1000)
    sink.on_limit = lambda: stopped.append(True)
    sink.write("stdout", "a\nb\nc\n")  # no exception: the scheduler stops the run
    sink.write("stdout", "d\n")
    assert sink.truncated and stopped == [True]  # asked to stop once


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import threading\n", True),
        ("from concurrent.futures import ThreadPoolExecutor\n", True),
        ("def f():\n    import queue\n", True),
        ("import dis\nprint(1)\n", False),
        ("from . import threading\n", False),
        ("import threadingx\n", False),
        ("def (:\n", False),
        # asyncio's threads (its default executor's) are threads too.
        ("import asyncio\nasyncio.run(asyncio.to_thread(print))\n", True),
        ("from asyncio import to_thread\n", True),
        ("async def f(loop):\n    await loop.run_in_executor(None, print)\n", True),
        ("import asyncio\nasyncio.run(asyncio.sleep(0))\n", False),
    ],
)
def test_only_programs_importing_threads_use_the_threads_runtime(source, expected):
    from browser_runtime.execute import uses_threads

    assert uses_threads(source) is expected
