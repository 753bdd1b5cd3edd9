"""asyncio programs in the page print what ``python file.py`` prints (CPython's event
loop per asyncio.run: browser_runtime/page_asyncio.py), and Stop ends them as Ctrl-C
does, keeping Python. Expected outputs are CPython 3.13's, the library's frames compared
through stdlib_frames.as_cpython.
"""

from __future__ import annotations

import pytest

from tests import programs
from tests.browser.runner_session import THREADED, open_runner_session
from tests.browser.stdlib_frames import as_cpython
from tests.browser.test_stop import kept_python, run_and_stop


@pytest.fixture(scope="module")
def session(browser, site):
    with open_runner_session(browser, site) as runner:
        yield runner


@pytest.fixture(params=[False, True], ids=["plain", "threaded"])
def threaded(request) -> bool:
    """Whether a program runs on the threads runtime (as one importing threading does)."""
    return request.param


def run_stopped(session, source: str, marker: str, threaded: bool) -> dict:
    if threaded:  # as RunnerSession.plain_or_threaded
        return run_and_stop(session, source + "import threading\n", marker, **THREADED)
    return run_and_stop(session, source, marker)


@pytest.fixture(autouse=True)
def no_page_errors(session):
    """A KeyboardInterrupt or SystemExit escaping into JavaScript is a page error."""
    before = len(session.watched.errors)
    yield
    assert session.watched.errors[before:] == []


# asyncio.run's frames down to the task (CPython 3.13's, as in the page's 3.14).
ASYNCIO_RUN = (
    '  File "STDLIB/asyncio/runners.py", line N, in run\n'
    "    return runner.run(main)\n"
    "           ~~~~~~~~~~^^^^^^\n"
)
RUNNER_RUN = (
    '  File "STDLIB/asyncio/runners.py", line N, in run\n'
    "    return self._loop.run_until_complete(task)\n"
    "           ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~^^^^^^\n"
)
# The task's outcome raised again, by the loop...
TASK_RESULT = (
    '  File "STDLIB/asyncio/base_events.py", line N, in run_until_complete\n'
    "    return future.result()\n"
    "           ~~~~~~~~~~~~~^^\n"
)
# ... or the loop running a step of the task.
LOOP_RUNS_TASK = (
    '  File "STDLIB/asyncio/base_events.py", line N, in run_until_complete\n'
    "    self.run_forever()\n"
    "    ~~~~~~~~~~~~~~~~^^\n"
    '  File "STDLIB/asyncio/base_events.py", line N, in run_forever\n'
    "    self._run_once()\n"
    "    ~~~~~~~~~~~~~~^^\n"
    '  File "STDLIB/asyncio/base_events.py", line N, in _run_once\n'
    "    handle._run()\n"
    "    ~~~~~~~~~~~^^\n"
    '  File "STDLIB/asyncio/events.py", line N, in _run\n'
    "    self._context.run(self._callback, *self._args)\n"
    "    ~~~~~~~~~~~~~~~~~^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n"
)


def test_an_uncaught_exception_in_a_coroutine_is_printed_once(session, threaded):
    out = session.plain_or_threaded(programs.ASYNC_RAISES, threaded)
    assert (out["result"]["status"], out["result"]["exit_code"]) == ("error", 1)
    assert out["stdout"] == "hi\n"
    assert as_cpython(out["stderr"]) == (
        "Traceback (most recent call last):\n"
        '  File "main.py", line 5, in <module>\n'
        "    asyncio.run(main())\n"
        "    ~~~~~~~~~~~^^^^^^^^\n"
        + ASYNCIO_RUN
        + RUNNER_RUN
        + TASK_RESULT
        + '  File "main.py", line 4, in main\n'
        "    raise ValueError('boom')\n"
        "ValueError: boom\n"
    )


def test_sys_exit_in_a_coroutine_exits_quietly_with_its_code(session, threaded):
    out = session.plain_or_threaded(programs.ASYNC_EXIT_3, threaded)
    assert (out["result"]["status"], out["result"]["exit_code"]) == ("exit", 3)
    assert (out["stdout"], out["stderr"]) == ("", "")


def test_the_loop_is_cpythons_and_only_inside_asyncio_run(session, threaded):
    for _ in range(2):  # the second run counts tasks from Task-1 again
        out = session.plain_or_threaded(programs.ASYNC_LOOP_FACTS, threaded)
        assert out["stderr"] == ""
        assert out["stdout"] == (
            "top level: no running event loop\n"
            "<_UnixSelectorEventLoop running=True closed=False debug=False>\n"
            "Task-1\n"
            "['b', 'a']\n"
        )


def test_callbacks_left_scheduled_never_run_not_even_in_the_next_run(session):
    out = session.run(programs.ASYNC_LEAVES_CALLBACKS)
    assert out["stdout"] == "main done\ncancelled True\n"
    after = session.run("import time\ntime.sleep(0.4)\nprint('next run')\n")
    assert (after["stdout"], after["stderr"]) == ("next run\n", "")


def test_a_task_exception_never_retrieved_is_logged_as_cpython_logs_it(session, threaded):
    out = session.plain_or_threaded(programs.ASYNC_UNRETRIEVED, threaded)
    assert out["stdout"] == "end\n"
    assert out["stderr"] == (
        "Task exception was never retrieved\n"
        "future: <Task finished name='Task-2' coro=<bad() done, defined at main.py:2>"
        " exception=ValueError('lost')>\n"
        "Traceback (most recent call last):\n"
        '  File "main.py", line 3, in bad\n'
        "    raise ValueError('lost')\n"
        "ValueError: lost\n"
    )


def test_top_level_await_is_a_syntax_error_with_its_line(session):
    out = session.run(programs.TOP_LEVEL_AWAIT)
    assert (out["result"]["status"], out["result"]["exit_code"]) == ("syntax-error", 1)
    assert out["stderr"] == (
        '  File "main.py", line 2\n'
        "    await asyncio.sleep(0)\n"
        "    ^^^^^^^^^^^^^^^^^^^^^^\n"
        "SyntaxError: 'await' outside function\n"
    )


def stopped(out: dict) -> None:
    assert out["result"]["status"] == "stopped"
    assert not out["result"].get("restarted")
    assert out["result"]["exit_code"] == 130  # as CPython after Ctrl-C


def test_stop_while_awaiting_cancels_main_then_raises_keyboardinterrupt(session, threaded):
    def stop():
        out = run_stopped(session, programs.ASYNC_AWAITS_FOREVER, "waiting", threaded)
        stopped(out)
        assert out["stdout"] == "waiting\n"
        assert as_cpython(out["stderr"]) == (
            "Traceback (most recent call last):\n"
            + RUNNER_RUN
            + TASK_RESULT
            + '  File "main.py", line 4, in main\n'
            "    await asyncio.sleep(600)\n"
            '  File "STDLIB/asyncio/tasks.py", line N, in sleep\n'
            "    return await future\n"
            "           ^^^^^^^^^^^^\n"
            "asyncio.exceptions.CancelledError\n"
            "\n"
            "During handling of the above exception, another exception occurred:\n"
            "\n"
            "Traceback (most recent call last):\n"
            '  File "main.py", line 5, in <module>\n'
            "    asyncio.run(main())\n"
            "    ~~~~~~~~~~~^^^^^^^^\n"
            + ASYNCIO_RUN
            + '  File "STDLIB/asyncio/runners.py", line N, in run\n'
            "    raise KeyboardInterrupt()\n"
            "KeyboardInterrupt\n"
        )

    kept_python(session, stop)


def test_stop_of_a_spinning_coroutine_ends_it_as_a_second_ctrl_c_does(session, threaded):
    def stop():
        out = run_stopped(session, programs.ASYNC_SPINS, "spinning", threaded)
        stopped(out)
        head, frame = as_cpython(out["stderr"]).split('  File "main.py", line ', 2)[1:]
        assert head == (
            "6, in <module>\n    asyncio.run(main())\n    ~~~~~~~~~~~^^^^^^^^\n"
            + ASYNCIO_RUN
            + RUNNER_RUN
            + LOOP_RUNS_TASK
        )
        # Where the loop was interrupted: its test (line 4) or its body (line 5), then
        # the Runner's SIGINT handler, as after a second Ctrl-C.
        where = ("4, in main\n    while True:\n          ^^^^\n", "5, in main\n    pass\n")
        handler = (
            '  File "STDLIB/asyncio/runners.py", line N, in _on_sigint\n'
            "    raise KeyboardInterrupt()\n"
            "KeyboardInterrupt\n"
        )
        assert frame in [w + handler for w in where]
        assert out["stderr"].startswith("Traceback (most recent call last):\n")

    kept_python(session, stop)
