"""An uncaught 100,000-deep recursion ends at once, as in CPython (issue 8).

CPython 3.13+ formats every frame of such a traceback (about 20 s in the page, over
the time limit) and freeing it overflowed WebAssembly's stack. The page's limit is
shortened here so that the old slowness shows as a time-out, not as a slow pass;
tests/bench.py prints how long these runs take.
"""

from __future__ import annotations

import re

import pytest

from tests.browser.runner_session import open_runner_session

LIMIT_MS = 10_000  # today well under 2 s; before the fix about 20 s

RECURSE = """\
import sys
sys.setrecursionlimit(100000)
def down(n):
    return down(n + 1)
"""
MAIN = RECURSE + "print('going down', flush=True)\ndown(0)\n"
THREAD = (
    "import threading\n"
    + RECURSE
    + "t = threading.Thread(target=down, args=(0,), name='deep')\n"
    + "t.start()\nt.join()\nprint('after join')\n"
)
# What CPython 3.13+ prints (3.11 shows only the last 1,000 frames; same shape).
FRAMES = (
    r"Traceback \(most recent call last\):\n(?P<outer>(  File .*\n    .*\n(    [~^ ]+\n)?)+?)"
    r'(  File "deep\.py", line \d, in down\n    return down\(n \+ 1\)\n){3}'
    r"  \[Previous line repeated (?P<n>\d+) more times\]\n"
    r"RecursionError: maximum recursion depth exceeded\n"
)


@pytest.fixture(scope="module")
def runner(browser, site):
    with open_runner_session(browser, site) as session:
        session.page.evaluate(f"window.__RUNNER_TIME_LIMIT_MS = {LIMIT_MS}")
        yield session


def assert_collapsed(stderr: str, outer: str) -> None:
    match = re.fullmatch(FRAMES, stderr)
    assert match, stderr[-2000:]
    assert int(match["n"]) > 99_000
    assert outer in match["outer"], match["outer"]


def test_uncaught_deep_recursion_ends_with_cpythons_traceback(runner):
    run = runner.run(MAIN, "deep.py")
    assert run["result"]["status"] == "error", run["result"]
    assert run["stdout"] == "going down\n"
    assert_collapsed(run["stderr"], 'File "deep.py", line 6, in <module>\n    down(0)\n')
    after = runner.run("print(6 * 7)")
    assert (after["result"]["status"], after["stdout"]) == ("ok", "42\n")


def test_uncaught_deep_recursion_in_a_threaded_run_ends_alike(runner):
    run = runner.threaded("import threading\n" + MAIN, "deep.py")
    assert (run["result"]["status"], run["result"]["exit_code"]) == ("error", 1), run["result"]
    assert_collapsed(run["stderr"], 'File "deep.py", line 7, in <module>\n    down(0)\n')
    after = runner.threaded("import threading\nprint(threading.active_count())")
    assert (after["result"]["status"], after["stdout"]) == ("ok", "1\n")


def test_uncaught_deep_recursion_in_a_thread_is_reported_and_the_program_goes_on(runner):
    run = runner.threaded(THREAD, "deep.py")
    assert (run["result"]["status"], run["result"]["exit_code"]) == ("ok", 0), run["result"]
    assert run["stdout"] == "after join\n"
    head = "Exception in thread deep:\n"
    assert run["stderr"].startswith(head), run["stderr"][:500]
    assert_collapsed(run["stderr"][len(head) :], "in run\n")
    after = runner.threaded("import threading\nprint(threading.active_count())")
    assert (after["result"]["status"], after["stdout"]) == ("ok", "1\n")


MUTUAL = """\
import sys
sys.setrecursionlimit(100000)
def f(n):
    return g(n + 1)
def g(n):
    return f(n + 1)
f(0)
"""


@pytest.mark.parametrize("threaded", [False, True], ids=["plain", "threaded"])
def test_a_200000_frame_traceback_is_cut_at_the_output_limit(runner, threaded):
    # Nothing to collapse: CPython prints every frame; the page stops at its limit.
    run = (runner.threaded if threaded else runner.run)(MUTUAL, "mutual.py")
    assert (run["result"]["status"], run["result"]["truncated"]) == ("output-limit", True)
    assert run["stderr"].startswith("Traceback (most recent call last):\n")
    assert run["stderr"].count("\n") == run["result"]["lines"] < 10_000
    after = runner.run("print(6 * 7)")
    assert (after["result"]["status"], after["stdout"]) == ("ok", "42\n")
