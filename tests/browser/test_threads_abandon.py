"""Threads left when a run ends (daemons, a deadlock, Stop) are abandoned as CPython's
exit abandons daemon threads: never resumed, so none of the reader's code runs in them
again, and their stacks freed (end_of_run.py, stack_release.py). In the real page."""

from __future__ import annotations

import pytest

from tests.browser.threads_page import open_threads_page

# The interpreter's thread states: an abandoned stack's must be gone (not walked by the
# cycle collector, not leaked run after run).
THREAD_STATES = """
from pyodide_js import _module as m
t, n = m._PyInterpreterState_ThreadHead(m._PyInterpreterState_Get()), 0
while t:
    n, t = n + 1, m._PyThreadState_Next(t)
n
"""

LEFT_FILES = "import os\nprint(sorted(f for f in os.listdir('/tmp') if f.startswith('abandon_')))\n"

PRELUDE = """\
import threading, time
lock = threading.Lock()
lock.acquire()
class Resource:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        open('/tmp/abandon_exit', 'w')
"""

MAIN_ENDS = """\
threading.Thread(target=daemon, daemon=True).start()
time.sleep(0.05)
print('main ends')
"""

# Each way reader code could run while a thread unwinds, with a side effect a later run
# can see (a file), in a daemon that sleeps, is busy or is blocked.
DAEMONS = {
    "finally-sleeping": """\
def daemon():
    try:
        while True:
            time.sleep(0.01)
    finally:
        open('/tmp/abandon_finally', 'w')
""",
    "except-busy": """\
def daemon():
    try:
        x = 0
        while True:
            x += 1
    except BaseException:
        open('/tmp/abandon_except', 'w')
""",
    "with-blocked": """\
def daemon():
    with Resource():
        lock.acquire()
""",
}


@pytest.fixture(scope="module")
def page(browser):
    with open_threads_page(browser) as page:
        yield page


@pytest.fixture
def threads(page):
    # Each test sees only the files its own runs left.
    page.run("", py="import glob, os\nfor f in glob.glob('/tmp/abandon_*'): os.remove(f)")
    return page


def _thread_states(threads) -> int:
    return int(threads.run("", py=THREAD_STATES)["value"])


def _left_files(threads) -> str:
    return threads.run(LEFT_FILES, events=False)["stdout"]


@pytest.mark.parametrize("daemon", DAEMONS)
def test_a_daemon_runs_no_reader_code_after_the_end(threads, daemon):
    baseline = _thread_states(threads)
    result = threads.run(PRELUDE + DAEMONS[daemon] + MAIN_ENDS, events=False)
    assert (result["outcome"]["status"], result["stdout"]) == ("ok", "main ends\n"), result
    assert result["stderr"] == ""
    assert _left_files(threads) == "[]\n"
    assert _thread_states(threads) == baseline


DEADLOCK = (
    PRELUDE
    + """\
other = threading.Lock()
def one():
    with lock, Resource():
        try:
            other.acquire()
        finally:
            open('/tmp/abandon_finally', 'w')
threading.Thread(target=one).start()
other.acquire()
try:
    lock.acquire()
except BaseException:
    open('/tmp/abandon_except', 'w')
"""
)


def test_a_deadlock_leaves_no_stack_and_runs_no_reader_code(threads):
    baseline = _thread_states(threads)
    result = threads.run(DEADLOCK, filename="deadlock.py")
    assert result["outcome"]["status"] == "deadlock", result
    assert _left_files(threads) == "[]\n"
    assert _thread_states(threads) == baseline


STOPPED = (
    PRELUDE
    + """\
def sleeper():
    try:
        while True:
            time.sleep(0.01)
    finally:
        open('/tmp/abandon_finally', 'w')
threading.Thread(target=sleeper).start()
with Resource():
    try:
        x = 0
        while True:
            x += 1
    except BaseException:
        open('/tmp/abandon_except', 'w')
"""
)


def test_stop_leaves_no_stack_and_runs_no_reader_code_in_the_other_threads(threads):
    baseline = _thread_states(threads)
    threads.start(STOPPED)
    threads.page.wait_for_timeout(500)
    threads.stop()
    assert threads.finish()["outcome"]["status"] == "stopped"
    # Stop is Ctrl-C: the main thread's except and __exit__ run, as in CPython. Then it
    # waits for the sleeper (no daemon), which the runtime abandons when its grace is
    # over: the sleeper's finally never runs.
    assert _left_files(threads) == "['abandon_except', 'abandon_exit']\n"
    assert _thread_states(threads) == baseline


MANY = """\
import threading, time
lock = threading.Lock()
lock.acquire()
def deep(n):
    return deep(n - 1) if n else lock.acquire()
def sleeping():
    while True:
        time.sleep(0.01)
def busy():
    x = 0
    while True:
        x += 1
for target, args in ((lock.acquire, ()), (sleeping, ()), (busy, ()), (deep, (300,))):
    threading.Thread(target=target, args=args, daemon=True).start()
time.sleep(0.02)
print("main ends")
"""

NORMAL = """\
import threading
out = []
threads = [threading.Thread(target=out.append, args=(i,)) for i in range(20)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(out) == list(range(20)), threading.active_count())
"""


def test_many_runs_leaving_daemons_then_a_normal_run(threads):
    baseline = _thread_states(threads)
    for n in range(200):
        result = threads.run(MANY, events=False)
        assert (result["outcome"]["status"], result["stdout"]) == ("ok", "main ends\n"), (
            n,
            result,
        )
    assert _thread_states(threads) == baseline
    assert threads.run(NORMAL, events=False)["stdout"] == "True 1\n"
    # The real collector walks every thread state's frames (gc_guard.py): none is left.
    assert threads.run("", py="import gc; str(gc.collect(1) >= 0)")["value"] == "True"
