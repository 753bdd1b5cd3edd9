"""Signal handlers in a run are what CPython's program sees (issue 8).

The threads runtime keeps its own SIGINT (the page's Stop) and SIGVTALRM (time slices)
handlers; the program must still see and set CPython's, and every run starts with the
defaults again. The expected output is CPython's own, run here. (Handlers are printed by
name: Emscripten's SIG_IGN is 4294967294, not 1, in Pyodide itself.)
"""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest

from tests.browser.runner_session import open_runner_session
from tests.browser.threads_page import open_threads_page

PROGRAM = """\
import _thread
import signal
import threading
import time

print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(signal.getsignal(signal.SIGVTALRM).name)


def handler(signum, frame):
    print("handler got", signal.Signals(signum).name)


old = signal.signal(signal.SIGINT, handler)
print(old is signal.default_int_handler, signal.getsignal(signal.SIGINT) is handler)
_thread.interrupt_main()
time.sleep(0.01)


def in_thread():
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
    except ValueError as exc:
        print("in a thread:", exc)
    print(signal.getsignal(signal.SIGINT) is handler)


t = threading.Thread(target=in_thread)
t.start()
t.join()
try:
    signal.signal(signal.SIGINT, 5)
except TypeError as exc:
    print("TypeError:", exc)
print(repr(signal.signal(signal.SIGINT, signal.SIG_IGN)) == repr(handler))
print(signal.getsignal(signal.SIGINT).name)
_thread.interrupt_main()
print(signal.signal(signal.SIGINT, signal.SIG_IGN).name)
print(signal.getsignal(signal.SIGINT).name)
try:
    _thread.interrupt_main()
    signal.signal(signal.SIGINT, signal.default_int_handler)
    _thread.interrupt_main()
    time.sleep(0.01)
except KeyboardInterrupt:
    print("KeyboardInterrupt")
signal.signal(signal.SIGINT, handler)
signal.raise_signal(signal.SIGINT)
signal.signal(signal.SIGINT, signal.SIG_IGN)
signal.raise_signal(signal.SIGINT)
signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print("KeyboardInterrupt from raise_signal")
print("end")
"""
DEFAULTS = """\
import signal
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(signal.getsignal(signal.SIGVTALRM).name, signal.getsignal(signal.SIGTERM).name)
"""
SET_ALL = """\
import signal
signal.signal(signal.SIGINT, signal.SIG_IGN)
signal.signal(signal.SIGTERM, lambda *a: None)
print("set")
"""


def cpython(source: str) -> str:
    # As from a terminal: a background job (CI's shell, `cmd &`) inherits SIGINT ignored,
    # and CPython then installs no KeyboardInterrupt handler.
    def sigint_default() -> None:
        signal.signal(signal.SIGINT, signal.SIG_DFL)

    done = subprocess.run(
        [sys.executable, "-c", source], capture_output=True, text=True, preexec_fn=sigint_default
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def runner(browser, site):
    with open_runner_session(browser, site) as session:
        yield session


def test_a_threaded_run_sees_and_sets_cpythons_handlers_twice_alike(runner):
    expected = cpython(PROGRAM)
    for _ in range(2):
        run = runner.threaded(PROGRAM, "signals.py")
        assert run["result"]["status"] == "ok", run
        assert (run["stdout"], run["stderr"]) == (expected, "")


@pytest.mark.parametrize("first", ["plain", "threaded"])
def test_handlers_a_run_sets_are_gone_in_the_next(runner, first):
    expected = cpython(DEFAULTS)
    setting = runner.run(SET_ALL) if first == "plain" else runner.threaded(SET_ALL)
    assert setting["stdout"] == "set\n", setting
    for run in (runner.run(DEFAULTS), runner.threaded(DEFAULTS)):
        assert (run["result"]["status"], run["stdout"]) == ("ok", expected), run


@pytest.fixture(scope="module")
def threads(browser):
    with open_threads_page(browser) as page:
        yield page


@pytest.mark.parametrize("handler", ["signal.SIG_IGN", "lambda *args: None"])
def test_stop_still_ends_a_run_whose_program_handles_sigint(threads, handler):
    spin = (
        f"import signal, threading\nsignal.signal(signal.SIGINT, {handler})\n"
        "t = threading.Thread(target=lambda: None)\nt.start(); t.join()\nwhile True:\n    pass\n"
    )
    threads.start(spin)
    threads.page.wait_for_timeout(1000)
    threads.stop()
    assert threads.finish()["outcome"]["status"] == "stopped"
    after = threads.run("import signal\nprint(signal.getsignal(signal.SIGINT).__name__)")
    assert after["stdout"] == "default_int_handler\n"
