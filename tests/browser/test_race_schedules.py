"""The schedules, named for what they model, on the race page's own examples (in Chromium).

"gil" (CPython 3.10+, GIL build) keeps every update of the tight ``counter += 1`` loop,
as the 3.11 and 3.13 recordings do; "gil39" (CPython <= 3.9) loses updates in it, as the
3.9 recordings do, by design of the schedule (the switch lands at an instruction inside
the read-modify-write), not by luck: 10 runs, at least 9 must lose updates.
Speed is measured by ``make bench`` (tests/bench_race.py), not asserted here.
"""

from __future__ import annotations

import re

import pytest

from sitebuild import ROOT
from tests.browser.threads_page import open_threads_page

RACE_COUNTER = (ROOT / "examples" / "race_counter.py").read_text()
READ_CALL_WRITE = (ROOT / "examples" / "race_read_call_write.py").read_text()


@pytest.fixture(scope="module")
def threads(browser):
    with open_threads_page(browser) as page:
        yield page


def lost(result) -> int:
    assert "error" not in result, result.get("error")
    assert result["outcome"]["status"] == "ok", result["stderr"]
    match = re.search(r"^lost updates: (\d+)$", result["stdout"], re.M)
    assert match, result["stdout"]
    return int(match.group(1))


def test_gil39_schedule_loses_updates_in_the_tight_loop(threads):
    runs = [threads.run(RACE_COUNTER, mode="gil39", events=False) for _ in range(10)]
    losses = [lost(r) for r in runs]
    assert all(r["outcome"]["mode"] == "gil39" for r in runs)
    assert sum(1 for n in losses if n > 0) >= 9, losses
    assert all(0 <= n < 4_000_000 for n in losses), losses


def test_gil39_schedule_replays_with_a_seed(threads):
    first = threads.run(RACE_COUNTER, mode="gil39", seed=42, events=False)
    second = threads.run(RACE_COUNTER, mode="gil39", seed=42, events=False)
    assert first["outcome"]["seed"] == 42
    assert lost(first) == lost(second) > 0


def test_gil_schedule_keeps_every_update_of_the_tight_loop(threads):
    # As CPython 3.10+ (GIL build) does: no switch point between the load and the store.
    assert [lost(threads.run(RACE_COUNTER, events=False)) for _ in range(2)] == [0, 0]


@pytest.mark.parametrize("mode", ["gil", "gil39"])
def test_read_call_write_loses_updates_under_both(threads, mode):
    assert lost(threads.run(READ_CALL_WRITE, mode=mode, seed=7, events=False)) > 0
