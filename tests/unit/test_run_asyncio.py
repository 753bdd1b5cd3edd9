"""threads/run_asyncio.py under CPython (the greenlet backend of threads_backend.py):
asyncio's threads are the run's threads, each loop waits in its own thread.
tests/browser/test_asyncio_threads.py runs the same programs in the page."""

from __future__ import annotations

from browser_runtime.threads.run_asyncio import ThreadedAsyncio
from tests import programs
from tests.unit.threads_backend import run_captured


def run_threaded(source: str):
    with ThreadedAsyncio():
        return run_captured(source)


def started(run) -> list[str]:
    return sorted(e["thread"] for e in run.of_type("thread-start"))


def test_to_thread_runs_in_the_runs_threads():
    run = run_threaded(programs.ASYNC_TO_THREAD)
    assert (run.stderr, run.outcome.exit_code) == ("", 0)
    assert run.stdout == (
        "MainThread\nasyncio_0\n['asyncio_0', 'asyncio_1', 'asyncio_2'] [0, 2, 4]\n1\n"
    )
    # The run's own threads (the page's real ones could not start): the executor's
    # three, and the one that shuts the executor down.
    assert started(run) == ["MainThread", "Thread-1 (_do_shutdown)", "asyncio_0", "asyncio_1",
                            "asyncio_2"]  # fmt: skip


def test_run_in_executor_runs_in_the_runs_threads():
    run = run_threaded(programs.ASYNC_EXECUTORS)
    assert (run.stdout, run.stderr, run.outcome.exit_code) == (
        "[('pool', 0), ('pool', 1), ('pool', 2)]\n('asyncio', 3)\n",
        "",
        0,
    )
    assert "asyncio_0" in started(run)


def test_asyncio_is_the_pages_own_again_after_the_run():
    import asyncio.base_events
    import threading

    run_threaded(programs.ASYNC_TO_THREAD)
    assert asyncio.base_events.threading is threading
    assert asyncio.base_events.concurrent.__name__ == "concurrent"


def test_a_program_using_asyncios_threads_starts_with_the_executor_imported():
    # So its clock does not count the import (a good part of a second in the page).
    source = (
        "import sys, threading\n"
        "print('concurrent.futures.thread' in sys.modules)\n"
        "def later(asyncio):\n"
        "    return asyncio.to_thread(print)\n"
    )
    assert run_threaded(source).stdout == "True\n"
    assert run_threaded(source.replace("to_thread", "sleep")).stdout == "False\n"
