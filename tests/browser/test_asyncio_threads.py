"""asyncio and threads in the page, as in ``python file.py`` (threads/run_asyncio.py):
``to_thread`` and ``run_in_executor`` run in threads of their own, named as CPython
names them, and each thread that runs an event loop has its own. Expected outputs are
CPython 3.13's (the same in three runs each)."""

from __future__ import annotations

import pytest

from tests import programs
from tests.browser.runner_session import open_runner_session


@pytest.fixture(scope="module")
def session(browser, site):
    with open_runner_session(browser, site) as runner:
        yield runner


@pytest.fixture(autouse=True)
def no_page_errors(session):
    before = len(session.watched.errors)
    yield
    assert session.watched.errors[before:] == []


def ran(out: dict) -> str:
    assert (out["result"]["status"], out["result"]["exit_code"], out["stderr"]) == ("ok", 0, "")
    return out["stdout"]


def test_to_thread_runs_in_the_default_executors_threads(session):
    assert ran(session.threaded(programs.ASYNC_TO_THREAD)) == (
        "MainThread\n"
        "asyncio_0\n"
        "['asyncio_0', 'asyncio_1', 'asyncio_2'] [0, 2, 4]\n"
        "1\n"  # asyncio.run shut the executor down: its threads are gone
    )


def test_a_program_that_imports_no_thread_module_still_gets_asyncios_thread(session):
    out = session.threaded(programs.ASYNC_TO_THREAD_ONLY)
    assert ran(out) == "42\n"
    assert out["result"]["mode"] == "gil"  # on the threads runtime


def test_run_in_executor_runs_in_the_executors_threads(session):
    assert ran(session.threaded(programs.ASYNC_EXECUTORS)) == (
        "[('pool', 0), ('pool', 1), ('pool', 2)]\n('asyncio', 3)\n"
    )


def test_each_thread_runs_an_event_loop_of_its_own(session):
    assert ran(session.threaded(programs.ASYNC_LOOP_PER_THREAD)) == "asyncio_0 asyncio_0 True\n"


def test_the_policys_event_loop_is_per_thread(session):
    out = session.threaded(programs.ASYNC_POLICY_LOOP_PER_THREAD)
    assert ran(out) == "There is no current event loop in thread 'W'.\n"
