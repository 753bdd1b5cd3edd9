"""Uncaught exceptions print what ``python file.py`` prints (browser_runtime/tracebacks.py):
the library's frames kept, the runtime's left out. Under CPython the same interpreter
runs each program both ways; tests/browser/test_tracebacks.py runs them in the page."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import browser_runtime
from browser_runtime.page_limits import PageLimits
from browser_runtime.tracebacks import is_runtime_file
from tests import programs
from tests.unit.test_execute import FILE, run_source, text
from tests.unit.threads_backend import run_captured

SCRIPTS = (
    "LIBRARY_RAISES",
    "LIBRARY_CHAIN",
    "LIBRARY_GROUP",
    "OWN_EXCEPTHOOK",
    "ASYNC_RAISES",
    "PRINTS_ITS_STACK",
)


def python_file_py(source: str, folder: Path) -> tuple[str, str, int]:
    """(stdout, stderr, exit code) of ``python FILE``, the file named FILE in its stderr."""
    path = folder / FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source)
    done = subprocess.run(
        [sys.executable, FILE], cwd=folder, capture_output=True, text=True, timeout=60
    )
    return done.stdout, done.stderr.replace(str(path), FILE), done.returncode


@pytest.mark.parametrize("name", SCRIPTS)
def test_a_program_prints_its_errors_and_stack_as_python_file_py(name, tmp_path):
    source = getattr(programs, name)
    result, chunks = run_source(source)
    live = (text(chunks, "stdout"), text(chunks, "stderr"), result["exit_code"])
    assert live == python_file_py(source, tmp_path)


def test_the_runtime_and_pyodides_glue_are_the_runtime_the_library_is_not():
    package = Path(browser_runtime.__file__).parent
    assert all(is_runtime_file(str(path)) for path in package.rglob("*.py"))
    stdlib = Path(subprocess.__file__).parent
    assert is_runtime_file(str(stdlib / "_pyodide" / "_base.py"))
    assert is_runtime_file(str(stdlib / "pyodide" / "webloop.py"))
    assert not is_runtime_file(subprocess.__file__)
    assert not is_runtime_file(str(stdlib / "asyncio" / "runners.py"))
    assert not is_runtime_file(FILE)


def test_a_threaded_run_leaves_out_the_page_limits_frames():
    # input() is the page's own (page_limits.py) in threaded runs too.
    with PageLimits():
        run = run_captured(programs.ASKS_IN_A_THREAD, events=False)
    assert run.stdout == "x? \ny? \n"
    assert "page_limits.py" not in run.stderr
    thread, main = run.stderr.split("EOFError: ")[:2]
    assert thread.startswith("Exception in thread Thread-1 (ask):\nTraceback")
    assert thread.endswith('File "prog.py", line 3, in ask\n')
    assert main.split("\n", 1)[1].endswith('File "prog.py", line 7, in <module>\n')
