"""What a run may not do to the page, and how it ends when Python itself fails (issue 8).

Runs go through the site's own runner (session.js -> worker.js -> browser_runtime).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import watch
from tests.browser.runner_session import open_runner_session
from tests.browser.test_runner import block_of, plain_example, run_code

__all__ = ["plain_example"]  # a fixture, used by name


@pytest.fixture(scope="module")
def runner(browser, site):
    with open_runner_session(browser, site) as session:
        yield session


# Python raises RecursionError near the limit; freeing 100,000 frames then overflows
# the WebAssembly stack, a fatal error in Pyodide.
DEEP = """\
import sys
sys.setrecursionlimit(100000)
def down(n):
    return down(n + 1)
def body():
    try:
        down(0)
    except RecursionError as exc:
        print("RecursionError:", exc, flush=True)
print("going down", flush=True)
"""
DEEP_MAIN = DEEP + "body()\n"
DEEP_THREAD = (
    "import threading\n" + DEEP + "t = threading.Thread(target=body)\nt.start()\nt.join()\n"
)


@pytest.mark.parametrize("source", [DEEP_MAIN, DEEP_THREAD], ids=["main", "thread"])
def test_a_stack_overflow_is_reported_as_a_crash_and_the_next_run_works(runner, source):
    run = runner.threaded(source, "deep.py")
    assert run["result"]["status"] == "crashed", run["result"]
    message = run["result"]["message"]
    assert message.startswith("Python crashed: its stack overflowed"), message
    assert run["stdout"].startswith("going down\n")
    after = runner.run("print(6 * 7)")
    assert (after["result"]["status"], after["stdout"]) == ("ok", "42\n")
    threaded = runner.threaded("import threading\nprint(threading.current_thread().name)")
    assert (threaded["result"]["status"], threaded["stdout"]) == ("ok", "MainThread\n")


def test_a_pyodide_fatal_error_is_reported_and_the_next_run_works(runner):
    # What Pyodide does on an internal failure: its fatal-error path, on purpose.
    source = (
        "import js, pyodide_js\nprint('before', flush=True)\n"
        "pyodide_js._api.fatal_error(js.Error.new('simulated internal failure'))\n"
    )
    run = runner.run(source, "fatal.py")
    assert run["result"]["status"] == "crashed", run["result"]
    assert run["result"]["message"] == "Python crashed: simulated internal failure"
    assert run["stdout"] == "before\n"
    after = runner.run("print('alive')")
    assert (after["result"]["status"], after["stdout"]) == ("ok", "alive\n")


@pytest.mark.parametrize("seed", [2**53, -1, 1.5])
def test_a_bad_seed_is_refused_by_the_page_and_the_next_run_works(runner, seed):
    run = runner.threaded("import threading\nprint('ran')", seed=seed)
    assert run["result"]["status"] == "failed"
    assert "seed must be a whole number from 0 to 4294967295" in run["result"]["message"]
    assert run["stdout"] == ""
    good = runner.threaded("import threading\nprint('ran')", seed=7)
    assert (good["result"]["status"], good["result"]["seed"], good["stdout"]) == ("ok", 7, "ran\n")


# The worker alone, as the page would talk to it without session.js's check.
WORKER_RUNS = """async ([url, runs]) => {
  const worker = new Worker(url, { type: "module" });
  const results = [];
  for (const [id, options] of runs.entries()) {
    results.push(await new Promise((resolve) => {
      worker.onmessage = ({ data }) => {
        if (data.id === id && (data.type === "done" || data.type === "error")) resolve(data);
      };
      worker.postMessage({ type: "run", id, source: "import threading\\nprint('ran')",
                           filename: "main.py", options });
    }));
  }
  worker.terminate();
  return results;
}"""


def test_a_bad_seed_is_refused_by_python_too_and_the_next_run_works(runner, site):
    threaded = {"threads": True, "mode": "gil"}
    runs = [{**threaded, "seed": 2**53}, {**threaded, "seed": -1}, {**threaded, "seed": 3}]
    results = runner.page.evaluate(WORKER_RUNS, [site.url + "assets/js/runner/worker.js", runs])
    for bad in results[:2]:
        assert bad["type"] == "done" and bad["result"]["status"] == "failed", bad
        assert "seed must be a whole number from 0 to 4294967295" in bad["result"]["message"]
    assert results[2]["result"]["status"] == "ok" and results[2]["result"]["seed"] == 3


NETWORK = """\
import socket
import urllib.request
attempts = {
    "urlopen": lambda: urllib.request.urlopen("http://example.com", timeout=5),
    "create_connection": lambda: socket.create_connection(("example.com", 80), timeout=5),
    "connect": lambda: socket.socket().connect(("93.184.215.14", 80)),
}
for name, attempt in attempts.items():
    try:
        attempt()
    except OSError as exc:
        print(name, type(exc).__name__, exc)
    else:
        print(name, "connected")
"""


@pytest.mark.parametrize("threaded", [False, True], ids=["plain", "threaded"])
def test_sockets_fail_at_once_with_a_clear_message_and_open_no_websocket(runner, threaded):
    source = ("import threading\n" if threaded else "") + NETWORK
    run = runner.threaded(source) if threaded else runner.run(source)
    lines = run["stdout"].splitlines()
    assert [line.split()[0] for line in lines] == ["urlopen", "create_connection", "connect"]
    for line in lines:
        assert "network access is not available in this page" in line, line
    assert lines[0].startswith("urlopen URLError")
    assert lines[1].startswith("create_connection OSError")
    assert runner.watched.foreign_requests() == []


@pytest.mark.parametrize("where", ["page", "worker"])
def test_the_watch_sees_websockets(browser, site, where):
    """The check above can fail: a WebSocket opened by a page or by its worker (where
    Pyodide runs) is recorded. On a blank page: the site's own policy would refuse it."""
    context = browser.new_context()
    try:
        watched = watch(context.new_page(), site.host)
        watched.page.goto("about:blank")
        opener = "try { new WebSocket('ws://203.0.113.9:9/'); } catch {}"
        if where == "worker":
            opener = f"new Worker(URL.createObjectURL(new Blob([{opener!r}])));"
        with watched.page.expect_websocket():
            watched.page.evaluate(f"() => {{ {opener} }}")
        assert "ws://203.0.113.9:9/" in watched.foreign_requests()
    finally:
        context.close()


def test_input_and_os_system_say_they_are_not_available(runner):
    run = runner.run('import os\nprint(os.system("ls"))\nname = input("Name? ")\n')
    assert run["stdout"] == "-1\nName? \n"
    assert run["stderr"].startswith(
        "os.system() is not available in this page: it cannot run other programs\n"
    )
    last = run["stderr"].splitlines()[-1]
    assert last == (
        "EOFError: EOF when reading a line "
        "(input() is not available in this page: it has no keyboard input)"
    )
    assert run["result"]["status"] == "error"


SLEEPS = """\
import time
for value in (float("nan"), float("inf"), float("-inf"), -1, 10**30, "1"):
    try:
        time.sleep(value)
    except Exception as exc:
        print(type(exc).__name__, exc)
"""
# CPython 3.13 and 3.14 (Python/pytime.c, Modules/timemodule.c) word them so.
SLEEP_ERRORS = (
    "ValueError Invalid value NaN (not a number)\n"
    "OverflowError timestamp out of range for platform time_t\n"
    "OverflowError timestamp out of range for platform time_t\n"
    "ValueError sleep length must be non-negative\n"
    "OverflowError timestamp too large to convert to C PyTime_t\n"
    "TypeError 'str' object cannot be interpreted as an integer\n"
)


@pytest.mark.parametrize("threaded", [False, True], ids=["plain", "threaded"])
def test_bad_sleep_lengths_raise_as_in_cpython(runner, threaded):
    source = ("import threading\n" if threaded else "") + SLEEPS
    run = runner.threaded(source) if threaded else runner.run(source)
    assert run["result"]["status"] == "ok", run
    assert run["stdout"] == SLEEP_ERRORS


def test_plain_and_threaded_runs_end_an_uncaught_exception_alike(runner):
    body = "def f():\n    raise ValueError('bad value')\nf()\n"
    plain = runner.run("import json\n" + body)
    threaded = runner.threaded("import threading\n" + body)
    assert plain["result"]["status"] == threaded["result"]["status"] == "error"
    assert plain["result"]["exit_code"] == threaded["result"]["exit_code"] == 1
    assert plain["stderr"] == threaded["stderr"]
    assert plain["stderr"].endswith("ValueError: bad value\n")


def test_the_example_block_says_python_crashed(open_page, plain_example):
    watched = open_page(plain_example.path)
    block = block_of(watched.page, plain_example.name)
    source = (
        "import js, pyodide_js\n"
        "pyodide_js._api.fatal_error(js.Error.new('simulated internal failure'))\n"
    )
    run_code(block, source, state="crashed")
    status = block.locator(".runner__status")
    expect(status).to_contain_text("Python crashed: simulated internal failure")
    expect(status).to_contain_text("A fresh Python is starting")
    assert run_code(block, "print(6 * 7)").strip() == "42"
