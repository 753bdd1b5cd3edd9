"""A run leaves the interpreter as it found it (browser_runtime.fresh_state, fresh_modules,
page_limits, sleep_args, options), checked under CPython; the page tests check Pyodide."""

from __future__ import annotations

import logging
import os
import sys
import warnings

import pytest

from browser_runtime.execute import run
from browser_runtime.fresh_modules import captured_threading
from browser_runtime.options import RunOptions
from browser_runtime.sleep_args import sleep_seconds
from tests.unit.helpers import run_async


def run_source(source: str, **options) -> tuple[dict, str, str]:
    chunks: list[tuple[str, str]] = []
    result = run_async(run(source, "main.py", options, lambda s, t: chunks.append((s, t))))
    out = "".join(t for s, t in chunks if s == "stdout")
    err = "".join(t for s, t in chunks if s == "stderr")
    return result, out, err


def interpreter_state() -> tuple:
    """What a run could change in the host interpreter and must put back."""
    return (
        sys.getrecursionlimit(),
        list(sys.path),
        dict(os.environ),
        os.getcwd(),
        list(warnings.filters),
        sys.excepthook,
    )


def test_what_a_run_changes_is_put_back():
    before = interpreter_state()
    source = (
        "import builtins, os, sys, warnings\n"
        "builtins.leftover = 1\nos.environ['LEFTOVER'] = '1'\nsys.setrecursionlimit(321)\n"
        "sys.path.append('/leftover')\nwarnings.simplefilter('error')\nos.chdir('/')\n"
        "sys.excepthook = print\n"
    )
    result, _, err = run_source(source)
    assert result["status"] == "ok", err
    import builtins

    assert not hasattr(builtins, "leftover")
    after = interpreter_state()
    assert after == before


def test_logging_is_fresh_in_each_run_and_the_hosts_logging_is_untouched():
    host_logging = sys.modules["logging"]
    host_handlers = list(logging.getLogger().handlers)
    source = (
        "import logging\nprint(len(logging.getLogger().handlers))\n"
        "logging.basicConfig(format='%(message)s')\nlogging.warning('hi')\n"
    )
    for _ in range(2):
        result, out, err = run_source(source)
        assert (result["status"], out, err) == ("ok", "0\n", "hi\n")
    assert sys.modules["logging"] is host_logging
    assert logging.getLogger().handlers == host_handlers


def test_modules_that_captured_threading_are_found_with_their_packages():
    import concurrent.futures  # noqa: F401 - imported for the check

    stale = captured_threading(dict(sys.modules))
    assert {"logging", "concurrent", "concurrent.futures", "concurrent.futures._base"} <= stale
    assert not {"threading", "_thread", "sys", "builtins", "asyncio"} & stale


def test_atexit_handlers_run_after_the_program_last_first_and_once():
    source = (
        "import atexit\natexit.register(print, 'first')\natexit.register(print, 'second')\n"
        "print('main')\nraise ValueError('x')\n"
    )
    for _ in range(2):
        result, out, err = run_source(source)
        assert out == "main\nsecond\nfirst\n"
        assert result["status"] == "error" and err.endswith("ValueError: x\n")


def test_input_and_os_system_explain_themselves():
    import builtins

    originals = (os.system, builtins.input)
    result, out, err = run_source("import os\nprint(os.system('ls'))\ninput('Name? ')")
    assert out == "-1\nName? \n"
    assert err.startswith("os.system() is not available in this page")
    assert err.rstrip().endswith(
        "(input() is not available in this page: it has no keyboard input)"
    )
    assert result["status"] == "error"
    assert (os.system, builtins.input) == originals


def test_sockets_fail_at_once_and_are_restored():
    import socket

    source = (
        "import socket\ntry:\n    socket.create_connection(('example.com', 80))\n"
        "except OSError as exc:\n    print(type(exc).__name__, exc.errno, exc.strerror)\n"
    )
    result, out, _ = run_source(source)
    assert result["status"] == "ok"
    assert "network access is not available in this page" in out
    assert "connect" not in vars(socket.socket)


@pytest.mark.parametrize(
    ("value", "error", "message"),
    [
        (float("nan"), ValueError, "Invalid value NaN (not a number)"),
        (float("inf"), OverflowError, "timestamp out of range for platform time_t"),
        (-1, ValueError, "sleep length must be non-negative"),
        (10**30, OverflowError, "timestamp too large to convert to C PyTime_t"),
        ("1", TypeError, "'str' object cannot be interpreted as an integer"),
    ],
)
def test_sleep_arguments_are_refused_as_cpython_refuses_them(value, error, message):
    import time

    with pytest.raises(error, match="^" + __import__("re").escape(message) + "$"):
        sleep_seconds(value)
    with pytest.raises(error) as real:
        time.sleep(value)  # this CPython raises before sleeping
    assert type(real.value) is error


@pytest.mark.parametrize("seed", [2**53, -1, 2**32, True, "7", 1.5])
def test_bad_seeds_are_refused_before_anything_runs(seed):
    with pytest.raises(ValueError, match="seed must be a whole number from 0 to 4294967295"):
        RunOptions.from_mapping({"seed": seed})
    result, out, _ = run_source("print('ran')", seed=seed)
    assert result["status"] == "failed" and out == ""
    assert run_source("print('ran')", seed=7)[1] == "ran\n"
