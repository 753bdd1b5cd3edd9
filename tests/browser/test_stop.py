"""Stop keeps Python: the page interrupts the program (KeyboardInterrupt, as Ctrl-C in
a terminal) and throws the worker away only if the program has not ended soon after.

Runs go through the site's own session (runner_session.py); each test counts the
runner's workers to see whether Python was kept. A stopped run says how the worker heard
the Stop (run.flag, stop_channel.js StopFlag.report): "file" here (a first visit: the
stop file), "cell" with shared memory, "url" (the blob URL probe) or "message". How the
flag works in each mode: test_stop_flag.py.
"""

from __future__ import annotations

import pytest

from tests.browser.runner_session import THREADED, RunnerSession, open_runner_session
from tests.browser.test_runner import examples_in_site
from tests.programs import STOPS_ITS_WORKER_ON_CTRL_C

# Start a run, wait for `marker` in its output, press Stop (or with `flagOnly` raise only
# its stop flag, as if the "stop" message never arrived); the outcome, output and how the
# worker heard the Stop.
_RUN_AND_STOP = """async ([source, options, marker, flagOnly]) => {
  const chunks = [];
  let seen;
  const shown = new Promise((resolve) => (seen = resolve));
  const run = window.__session.run(source, "main.py", options, {
    onOutput: (batch) => {
      chunks.push(...batch);
      if (chunks.some(([, text]) => text.includes(marker))) seen();
    },
  });
  await shown;
  if (flagOnly) window.__session.active.channel.raise();
  else run.stop();
  const result = await run.done;
  const text = (name) => chunks.filter(([s]) => s === name).map(([, t]) => t).join("");
  return { result, stdout: text("stdout"), stderr: text("stderr"), heard: run.flag?.heard };
}"""

# One write: with shared memory the interrupt can land between print's "busy" and "\n".
BUSY_WITH_FINALLY = """\
try:
    print('busy\\n', end='', flush=True)
    while True:
        pass
finally:
    print('cleanup')
"""
# Interrupted anywhere (even inside print, as with shared memory it can be), it goes on.
IGNORES_CTRL_C = """\
while True:
    try:
        print('stubborn', flush=True)
        while True:
            pass
    except KeyboardInterrupt:
        pass
"""


def runner_workers(page) -> list:
    return [w for w in page.workers if w.url.endswith("/runner/worker.js")]


def run_and_stop(
    session: RunnerSession, source: str, marker: str, flag_only: bool = False, **options
) -> dict:
    session.page.set_default_timeout(90_000)
    return session.page.evaluate(_RUN_AND_STOP, [source, options, marker, flag_only])


@pytest.fixture(scope="module")
def plain_page(site) -> str:
    """A page with a runnable example (its scripts, CSS and worker all load isolated)."""
    return examples_in_site(site.site_dir, threads=False)[0].path


@pytest.fixture(scope="module")
def session(browser, site):
    with open_runner_session(browser, site) as runner:
        yield runner


def kept_python(session: RunnerSession, run) -> None:
    """Run `run`; Python (the one worker) must be the same before and after."""
    assert session.run("print('warm')")["stdout"] == "warm\n"
    before = runner_workers(session.page)
    assert len(before) == 1
    run()
    assert runner_workers(session.page) == before, "Stop threw Python away"
    assert session.run("print(6 * 7)")["stdout"] == "42\n"


def test_the_page_is_not_isolated(session):
    """The tests here are about a first visit: no shared memory."""
    assert session.page.evaluate("crossOriginIsolated") is False


def test_stop_interrupts_a_busy_loop_and_its_finally_runs(session):
    def run():
        out = run_and_stop(session, BUSY_WITH_FINALLY, "busy")
        assert out["result"]["status"] == "stopped"
        assert not out["result"].get("restarted")
        assert out["result"]["exit_code"] == 130  # as CPython after Ctrl-C
        assert out["heard"] == "file"  # not the blob URL, probed at most every 100 ms
        assert out["stdout"] == "busy\ncleanup\n"
        assert out["stderr"].startswith("Traceback (most recent call last):\n")
        assert out["stderr"].endswith("\nKeyboardInterrupt\n")

    kept_python(session, run)


def test_stop_ends_a_long_sleep_at_once(session):
    # One write: a Stop as fast as the stop file's could land between text and newline.
    source = (
        "import time\nprint('asleep\\n', end='', flush=True)\ntime.sleep(600)\nprint('never')\n"
    )

    def run():
        out = run_and_stop(session, source, "asleep")
        assert out["result"]["status"] == "stopped"
        assert not out["result"].get("restarted")
        assert "never" not in out["stdout"]
        assert "time.sleep(600)" in out["stderr"]  # raised from the sleep, as in CPython
        assert out["stderr"].endswith("\nKeyboardInterrupt\n")

    kept_python(session, run)


# While the program sleeps, Python from the event loop runs (here JS timers that call
# back into Python, busy most of the time): Stop must not land in those callbacks.
SLEEP_BESIDE_CALLBACKS = """\
import time
from js import setTimeout
from pyodide.ffi import create_once_callable
asleep = True
def busy():
    end = time.monotonic() + 0.02
    while time.monotonic() < end:
        pass
    if asleep:
        setTimeout(create_once_callable(busy), 1)
busy()
try:
    print('asleep\\n', end='', flush=True)  # one write, as above
    time.sleep(600)
finally:
    asleep = False
"""


def test_stop_during_a_sleep_is_not_heard_by_the_event_loops_python(session):
    """The KeyboardInterrupt comes from the reader's time.sleep, as in CPython: never
    from Python that a JS callback runs meanwhile (it escaped as a page error, and the
    sleep never woke, costing the worker)."""

    def run():
        errors_before = len(session.watched.errors)
        out = run_and_stop(session, SLEEP_BESIDE_CALLBACKS, "asleep")
        assert out["result"]["status"] == "stopped"
        assert not out["result"].get("restarted")
        assert "time.sleep(600)" in out["stderr"]
        assert out["stderr"].endswith("\nKeyboardInterrupt\n")
        assert session.watched.errors[errors_before:] == []

    kept_python(session, run)


def test_a_sigint_handler_of_the_program_runs_on_stop(session):
    source = (
        "import signal, sys, time\n"
        "def bye(signum, frame):\n"
        "    print('handler', signum, frame.f_code.co_name)\n"
        "    sys.exit(3)\n"
        "signal.signal(signal.SIGINT, bye)\n"
        "def wait():\n"
        # One write: a fast Stop could land between print's text and its newline.
        "    print('waiting\\n', end='', flush=True)\n"
        "    time.sleep(600)\n"
        "wait()\n"
    )

    def run():
        out = run_and_stop(session, source, "waiting")
        assert out["stdout"] == "waiting\nhandler 2 wait\n"
        assert out["result"]["exit_code"] == 3
        assert out["stderr"] == ""

    kept_python(session, run)
    # The next run starts with CPython's handler again, not the last program's.
    check = "import signal\nprint(signal.getsignal(signal.SIGINT) is signal.default_int_handler)"
    assert session.run(check)["stdout"] == "True\n"


def test_stop_of_threads_that_spin_keeps_python(session):
    # The marker comes 0.2 s after the main thread's last line: Stop finds it waiting
    # for the spinners at exit (a Stop before that would raise in its own code).
    source = (
        "import threading, time\n"
        "def spin(first):\n"
        "    if first:\n"
        "        time.sleep(0.2)\n"
        "        print('spinning', flush=True)\n"
        "    while True:\n"
        "        pass\n"
        "for i in range(2):\n"
        "    threading.Thread(target=spin, args=(i == 0,)).start()\n"
    )

    def run():
        out = run_and_stop(session, source, "spinning", threads=True, mode="gil")
        assert out["result"]["status"] == "stopped"
        assert not out["result"].get("restarted")
        # The main thread was done, waiting for the others: CPython 3.14 reports the
        # interrupt of that wait as unraisable (its C printer finds no source line in the
        # zipped stdlib), and exits 0, as 3.13 does.
        assert out["stderr"].startswith(
            "Exception ignored on threading shutdown:\nTraceback (most recent call last):\n"
        )
        assert "threading.py" in out["stderr"] and ", in _shutdown\n" in out["stderr"]
        assert out["stderr"].endswith("\nKeyboardInterrupt: \n")
        assert out["result"]["exit_code"] == 0

    kept_python(session, run)
    joined = "import threading\nt = threading.Thread(target=print, args=(1,))\nt.start()\nt.join()"
    assert session.threaded(joined)["stdout"] == "1\n"


# Stop in a threaded run is Ctrl-C: KeyboardInterrupt in the main thread only.
# The marker comes from the spinner 0.2 s after the main thread's last line: a Stop as
# fast as the stop file's finds the main thread in join(), never still in its print.
JOINS_A_SPINNING_DAEMON = """\
import threading, time
def spin():
    time.sleep(0.2)
    print('spinning', flush=True)
    while True:
        pass
t = threading.Thread(target=spin, daemon=True)
t.start()
t.join()
"""


def test_stop_raises_keyboardinterrupt_in_the_main_thread_of_a_threaded_run(session):
    """As CPython after Ctrl-C (checked with 3.11-3.13): the traceback ends in the
    main thread's join(); daemon threads do not hold the exit up."""

    def run():
        out = run_and_stop(session, JOINS_A_SPINNING_DAEMON, "spinning", **THREADED)
        assert out["result"]["status"] == "stopped"
        assert not out["result"].get("restarted")
        assert out["result"]["exit_code"] == 130
        assert out["stderr"].startswith("Traceback (most recent call last):\n")
        assert '  File "main.py", line 9, in <module>\n    t.join()\n' in out["stderr"]
        assert out["stderr"].endswith("\nKeyboardInterrupt\n")

    kept_python(session, run)


def test_a_threaded_program_can_catch_the_stop_and_end_its_workers(session):
    def run():
        out = run_and_stop(session, STOPS_ITS_WORKER_ON_CTRL_C, "spinning", **THREADED)
        assert out["stdout"] == "spinning\nmain: KeyboardInterrupt\nworker: asked to stop\ndone\n"
        assert out["stderr"] == ""
        assert out["result"]["exit_code"] == 0
        assert not out["result"].get("restarted")

    kept_python(session, run)


def test_a_threaded_program_that_goes_on_after_the_stop_is_ended(session):
    """CPython would wait for the non-daemon spinner after the traceback: the page ends
    the run instead."""
    source = JOINS_A_SPINNING_DAEMON.replace(", daemon=True", "")
    out = run_and_stop(session, source, "spinning", **THREADED)
    assert out["result"]["status"] == "stopped"
    assert out["stderr"].endswith("\nKeyboardInterrupt\n")
    assert session.threaded("print('next')")["stdout"] == "next\n"


def test_a_program_that_swallows_keyboardinterrupt_costs_the_worker(session):
    assert session.run("print('warm')")["stdout"] == "warm\n"
    before = runner_workers(session.page)
    assert len(before) == 1
    # The stuck worker must close. terminate() is immediate for the page, but Chromium
    # may take a moment to tear the worker's thread down (more on a busy machine).
    with before[0].expect_event("close", timeout=10_000):
        out = run_and_stop(session, IGNORES_CTRL_C, "stubborn")
        assert out["result"] == {"status": "stopped", "restarted": True}
        assert session.run("print('fresh')")["stdout"] == "fresh\n"
    after = runner_workers(session.page)
    assert len(after) == 1 and after != before, "a fresh worker replaces the stuck one"


# A run left to the time limit: its result, stderr and how the worker heard the Stop.
_RUN_TO_THE_LIMIT = """async (source) => {
  let stderr = "";
  const run = window.__session.run(source, "main.py", {}, {
    onOutput: (batch) => batch.forEach(([s, t]) => s === "stderr" && (stderr += t)),
  });
  return { result: await run.done, stderr, heard: run.flag?.heard };
}"""


def test_the_time_limit_interrupts_too_and_keeps_python(session):
    def run():
        session.page.evaluate("window.__RUNNER_TIME_LIMIT_MS = 1500")
        try:
            source = "print('long', flush=True)\nwhile True:\n    pass\n"
            out = session.page.evaluate(_RUN_TO_THE_LIMIT, source)
        finally:
            session.page.evaluate("delete window.__RUNNER_TIME_LIMIT_MS")
        assert out["result"]["status"] == "timeout"
        assert not out["result"].get("restarted")
        # After the test above a fresh worker runs: it opened the page's stop file too.
        assert out["heard"] == "file"
        assert out["stderr"].endswith("\nKeyboardInterrupt\n")

    kept_python(session, run)


def stopped_busy(session: RunnerSession, heard: str) -> None:
    """Only the stop flag of a busy loop is raised: heard through `heard`, its finally
    runs (no "stop" message, so no grace period either: on a busy machine a slow Stop
    is a slow Stop, not a lost worker; the status is the program's own)."""
    out = run_and_stop(session, BUSY_WITH_FINALLY, "busy", flag_only=True)
    assert out["result"]["status"] == "error" and out["result"]["exit_code"] == 130
    assert out["heard"] == heard
    assert out["stdout"] == "busy\ncleanup\n"


def test_the_service_worker_isolates_the_site_from_the_next_load(open_page, site, plain_page):
    """GitHub Pages cannot send COOP/COEP: isolation_sw.js adds them once registered."""
    watched = open_page(plain_page)
    page = watched.page
    assert page.evaluate("crossOriginIsolated") is False
    session = RunnerSession(watched, site.url)
    assert session.run("print('first')")["stdout"] == "first\n"  # intent registers it
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    assert page.evaluate("crossOriginIsolated") is True
    session = RunnerSession(watched, site.url)
    kept_python(session, lambda: stopped_busy(session, "cell"))
    watched.assert_clean()  # nothing of the site's own is blocked by require-corp
