"""page_asyncio.PageAsyncio under CPython: CPython's asyncio.run on a loop whose waits
are the page's interruptible sleep pieces (here a fake clock and stop flag)."""

from __future__ import annotations

import asyncio
import signal

import pytest

from browser_runtime.page_asyncio import PageAsyncio
from browser_runtime.stop_sleep import PIECE
from tests.unit.test_stop_sleep import FakeTime


def test_awaits_sleep_in_pieces_of_the_page_sleep_on_the_loops_clock():
    fake = FakeTime()

    async def main():
        await asyncio.gather(asyncio.sleep(1), asyncio.sleep(0.5))
        return asyncio.get_running_loop()

    with PageAsyncio(fake, lambda: fake.now, fake.sleep):
        loop = asyncio.run(main())
    assert sum(fake.slept) == pytest.approx(1.0)
    assert max(fake.slept) <= PIECE
    assert all(fake.held_while_sleeping)  # Stop is taken by the sleep, never mid-wait
    assert repr(loop) == "<_UnixSelectorEventLoop running=False closed=True debug=False>"
    assert isinstance(loop, asyncio.SelectorEventLoop)


def test_stop_while_awaiting_cancels_the_main_task_then_keyboardinterrupt():
    fake = FakeTime(stop_after=3)
    seen = []

    async def main():
        try:
            await asyncio.sleep(60)
        except asyncio.CancelledError:
            seen.append("cancelled")
            raise

    with PageAsyncio(fake, lambda: fake.now, fake.sleep), pytest.raises(KeyboardInterrupt) as info:
        asyncio.run(main())
    assert seen == ["cancelled"]
    assert isinstance(info.value.__context__, asyncio.CancelledError)  # as CPython's
    assert len(fake.slept) == 3


def test_a_sigint_while_a_task_runs_ends_it_as_a_second_ctrl_c():
    """CPython's first Ctrl-C only cancels the main task, heard at its next await: a
    task that never awaits would spin on. One Stop ends it."""
    after = []

    async def main():
        signal.raise_signal(signal.SIGINT)  # lands while the task runs, as in a spin
        after.append("went on")

    with PageAsyncio(FakeTime()), pytest.raises(KeyboardInterrupt) as info:
        asyncio.run(main())
    assert after == []
    assert info.traceback[-1].name == "_on_sigint"


def test_no_running_loop_at_top_level_and_everything_put_back():
    outer_run, outer_policy = asyncio.run, asyncio.events._event_loop_policy
    outer_loop = asyncio.events._get_running_loop()
    with PageAsyncio(FakeTime()):
        with pytest.raises(RuntimeError, match="no running event loop"):
            asyncio.get_running_loop()
    assert asyncio.events._get_running_loop() is outer_loop
    assert (asyncio.run, asyncio.events._event_loop_policy) == (outer_run, outer_policy)
    assert asyncio.runners.Runner._on_sigint.__module__ == "asyncio.runners"


def test_each_run_counts_tasks_from_one():
    async def name():
        return asyncio.current_task().get_name()

    for _ in range(2):
        with PageAsyncio(FakeTime()):
            assert asyncio.run(name()) == "Task-1"
